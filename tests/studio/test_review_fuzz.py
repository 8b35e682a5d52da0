"""Whatever is on disk, the review is made: a show log damaged anywhere, an export with any cells.
It either reviews what it could read and names what it skipped, or says in plain words (a
UserError) why it cannot — never a traceback."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.errors import UserError
from studio.review.model import build_review
from studio.review.platform import parse_number, parse_time, read_platform_files
from studio.review.render_html import render_html
from tests.fakes.review import CST, SHOW_S, T0, make_show

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def log_bytes(tmp_path_factory) -> bytes:
    return make_show(tmp_path_factory.mktemp("fuzz")).log.read_bytes()


@FUZZ
@given(data=st.data())
def test_a_show_log_damaged_anywhere_still_gives_a_review_that_says_what_it_skipped(log_bytes, tmp_path, data):
    raw = bytearray(log_bytes)
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(raw) - 1))
        kind = data.draw(st.sampled_from(["flip", "cut", "insert", "truncate"]))
        if kind == "flip":
            raw[at] = data.draw(st.integers(0, 255))
        elif kind == "cut":
            del raw[at:at + data.draw(st.integers(1, 400))]
        elif kind == "insert":
            raw[at:at] = data.draw(st.binary(min_size=1, max_size=40))
        else:
            del raw[at:]
            break
    path = tmp_path / "damaged.showlog.jsonl"
    path.write_bytes(bytes(raw))
    review = build_review(path, health_paths=[], tz=CST)
    json.dumps(review.as_dict())
    render_html(review)
    # Any line that is no longer a readable event is named among what was skipped.
    unreadable = [line for line in bytes(raw).split(b"\n") if line.strip() and not _event(line)]
    if unreadable:
        assert review.skipped, "a damaged line was skipped without saying so"
    assert review.events_read == sum(1 for line in bytes(raw).split(b"\n") if _event(line))


def _event(line: bytes) -> bool:
    try:
        event = json.loads(line.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return False
    return isinstance(event, dict) and "type" in event and isinstance(event.get("ts"), (int, float))


@FUZZ
@given(cells=st.lists(st.lists(st.one_of(st.text(max_size=12), st.integers(-10, 10**6).map(str),
                                          st.sampled_from(["20:01", "2024-06-18 20:05", "¥1.2万", "--", "15%"])),
                                min_size=1, max_size=6), min_size=1, max_size=12),
       header=st.sampled_from([["时间", "实时在线人数", "成交订单数"], ["商品名称", "成交金额(分)"], ["a", "b"]]))
def test_any_export_is_read_or_refused_in_plain_words(tmp_path, cells, header):
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, *cells])
    path = tmp_path / "export.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    try:
        data = read_platform_files([path], show_start=T0, show_end=T0 + SHOW_S, tz=CST)
    except UserError as e:
        assert str(e)
        return
    assert all(m.at == m.at for m in data.minutes)  # no NaN times
    assert [m.at for m in data.minutes] == sorted(m.at for m in data.minutes)


@given(st.one_of(st.text(max_size=20), st.floats(allow_nan=True), st.integers(), st.none()))
def test_the_cell_readers_never_raise(value):
    number = parse_number(value)
    assert number is None or number == number
    parse_time(value)
