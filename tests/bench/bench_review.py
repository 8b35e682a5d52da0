"""The review of a 12-hour show (1 Hz health samples, 300 actions) to HTML + PDF, against only
reading the same two files with the console's own readers (``read_log`` + ``read_show``).

Run: ``pytest tests/bench/bench_review.py -s``. Prints seconds and ratios; asserts no timing.
"""

from __future__ import annotations

import time

from studio.health.record import read_show
from studio.review.model import build_review
from studio.review.render_html import write_html
from studio.review.render_pdf import write_pdf
from studio.show.log import read_log
from tests.fakes.review import CST, make_long_show

ROUNDS = 3


def _best(fn, rounds: int = ROUNDS) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def test_twelve_hour_show_to_html_and_pdf(tmp_path):
    log, health = make_long_show(tmp_path / "show", hours=12, actions=300)
    import fpdf  # noqa: F401 - imported once, as in a running console; not part of either figure

    def read_only() -> None:
        read_log(log)
        read_show(health)

    state: dict[str, object] = {}

    def review_only() -> None:
        state["review"] = build_review(log, health_paths=[health], tz=CST)

    def html_only() -> None:
        write_html(tmp_path / "review.html", state["review"])

    def pdf_only() -> None:
        write_pdf(tmp_path / "review.pdf", state["review"])

    def everything() -> None:
        review = build_review(log, health_paths=[health], tz=CST)
        write_html(tmp_path / "all.html", review)
        write_pdf(tmp_path / "all.pdf", review)

    def font_only() -> None:
        from fpdf import FPDF

        from studio.review.render_pdf import find_cjk_font

        path, index = find_cjk_font()
        FPDF().add_font("cjk", "", str(path), collection_font_number=index)

    baseline = _best(read_only)
    font = _best(font_only)
    build = _best(review_only)
    html = _best(html_only)
    pdf = _best(pdf_only)
    total = _best(everything)
    review = state["review"]
    samples = len(review.health.times)
    print(f"\n12 h show: {samples} health samples, {review.events_read} log events, "
          f"{len(review.moments)} moments, {len(review.faults)} faults")
    print(f"  reading the two files alone (read_log + read_show): {baseline:.3f} s (baseline)")
    print(f"  review model: {build:.3f} s = {build / baseline:.2f}x;  HTML: {html:.3f} s = {html / baseline:.2f}x;  "
          f"PDF: {pdf:.3f} s = {pdf / baseline:.2f}x")
    print(f"  of the PDF, parsing the CJK font alone (fixed, whatever the show's length): {font:.3f} s")
    print(f"  log + health -> HTML + PDF: {total:.3f} s = {total / baseline:.2f}x baseline "
          f"(target <= 2 s; best of {ROUNDS})")
    # What was measured must also be right: the whole show, every sample, both files written.
    assert samples == 12 * 3600 and review.duration_s == 12 * 3600
    assert (tmp_path / "all.html").stat().st_size > 10_000 and (tmp_path / "all.pdf").read_bytes()[:4] == b"%PDF"
