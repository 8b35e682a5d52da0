"""The review out of the app: a PDF with Chinese text and the charts (poppler reads it back), and a
self-contained HTML file that opens offline in a real headless Chromium with its charts drawn."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from studio.review.model import build_review, compare
from studio.review.platform import read_platform_files
from studio.review.render_html import render_html, write_html
from studio.review.render_pdf import NoChineseFont, find_cjk_font, write_pdf
from tests.fakes.review import CST, SHOW_S, T0, make_show, write_minutes_csv, write_products_csv

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def review(tmp_path_factory):
    directory = tmp_path_factory.mktemp("render")
    show = make_show(directory)
    platform = read_platform_files([write_minutes_csv(directory / "m.csv"), write_products_csv(directory / "p.csv")],
                                   show_start=T0, show_end=T0 + SHOW_S, tz=CST)
    return build_review(show.log, health_paths=show.health, platform=platform, tz=CST)


def _need(program: str) -> None:
    if shutil.which(program) is None:
        pytest.skip(f"{program} is not installed (scripts/install-system-deps.sh)")


def _ink(png: Path) -> float:
    """Share of pixels that are not (near) white."""
    from PIL import Image

    image = Image.open(png).convert("L")
    histogram = image.histogram()
    return 1 - sum(histogram[245:]) / (image.width * image.height)


def _colour_pixels(png: Path, rgb: tuple[int, int, int], tolerance: int = 40) -> int:
    from PIL import Image

    image = Image.open(png).convert("RGB")
    image = image.resize((500, max(1, image.height * 500 // image.width)))
    pixels = np.asarray(image, dtype=np.int16)
    close = np.all(np.abs(pixels - np.array(rgb, dtype=np.int16)) < tolerance, axis=2)
    return int(close.sum())


def test_the_pdf_has_chinese_text_an_embedded_font_and_no_blank_page(review, tmp_path):
    for program in ("pdftoppm", "pdftotext", "pdffonts"):
        _need(program)
    pdf = write_pdf(tmp_path / "复盘.pdf", review, {"products": "风扇讲解超时两分钟, 下次控制在十分钟内"})
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows, fonts
    assert all("TrueType" in " ".join(r) for r in rows)
    # columns: name type encoding emb sub uni — the font is embedded (as a subset)
    assert all(r[-5] == "yes" and r[-4] == "yes" for r in rows), fonts
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    for words in ("夏日好物专场", "便携折叠小风扇", "冷泡茶礼盒", "蓝牙耳机大奖", "风扇讲解超时两分钟", "返场",
                  "¥1,546.90"):
        assert words in text, words
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert len(pages) == int(re.search(r"Pages:\s+(\d+)", info).group(1)) >= 3
    for page in pages:
        assert _ink(page) > 0.01, f"{page.name} is blank"
    # The charts are on the first page: the explanation blue and the lottery yellow are drawn.
    assert _colour_pixels(pages[0], (0x15, 0x65, 0xC0)) > 200
    assert _colour_pixels(pages[0], (0xF9, 0xA8, 0x25)) > 50


def test_without_a_chinese_font_the_pdf_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("STUDIO_CJK_FONT", str(tmp_path / "none.ttf"))
    with pytest.raises(NoChineseFont) as caught:
        find_cjk_font()
    assert "STUDIO_CJK_FONT" in str(caught.value)
    monkeypatch.delenv("STUDIO_CJK_FONT")
    monkeypatch.setattr("studio.review.render_pdf.CANDIDATES", {"linux": [], "win32": [], "darwin": []})
    monkeypatch.setattr("studio.review.render_pdf._fc_match", lambda: None)
    with pytest.raises(NoChineseFont) as caught:
        find_cjk_font()
    assert "fonts-wqy-microhei" in str(caught.value)


def test_the_html_is_self_contained(review):
    html = render_html(review)
    assert html.count("<svg") == 4
    links = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)""", html)
    assert links == []  # no script, stylesheet, font or image from anywhere
    assert "<script" not in html and "@import" not in html and "url(" not in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "夏日好物专场" in html and "UTC+08:00" in html


def test_the_html_opens_offline_in_chromium_and_shows_the_charts(review, tmp_path):
    playwright = pytest.importorskip("playwright.sync_api")
    _need(CHROMIUM)
    page_file = write_html(tmp_path / "review.html", review, {"technical": "OBS 掉线 90 秒: 检查 USB 采集卡"})
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 900})
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_file.as_uri())
            boxes = page.eval_on_selector_all("svg", "els => els.map(e => [e.getBoundingClientRect().width, "
                                                     "e.getBoundingClientRect().height, e.querySelectorAll("
                                                     "'rect,polyline,line').length])")
            shot = tmp_path / "review.png"
            page.screenshot(path=str(shot), full_page=True)
            phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
            phone.goto(page_file.as_uri())
            widths = phone.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            phone_shot = tmp_path / "phone.png"
            phone.screenshot(path=str(phone_shot))
        finally:
            browser.close()
    assert requests == [page_file.as_uri()]  # nothing but the file itself: works offline
    assert len(boxes) == 4
    for width, height, shapes in boxes:
        assert width > 800 and height > 100 and shapes >= len(review.products)
    assert _ink(shot) > 0.05
    assert _colour_pixels(shot, (0x15, 0x65, 0xC0)) > 300  # explanations and the bitrate line
    assert _colour_pixels(shot, (0xC6, 0x28, 0x28)) > 30  # faults
    assert widths[0] <= widths[1] + 1  # on a phone, wide tables scroll inside their box, not the page
    assert _ink(phone_shot) > 0.05


def test_a_comparison_renders_in_both(review, tmp_path):
    _need("pdftotext")
    without = build_review(Path(review.log_path), health_paths=[Path(p) for p in review.health.files], tz=CST)
    comparison = compare(review, without)
    html = render_html(review, comparison=comparison)
    assert "Compared with" in html and html.count("便携折叠小风扇") > 3
    pdf = write_pdf(tmp_path / "c.pdf", review, comparison=comparison)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Compared with" in text


def test_a_review_of_nothing_still_renders(tmp_path):
    empty = tmp_path / "empty.showlog.jsonl"
    empty.write_bytes(b"\x00\x01 not a log\n")
    review = build_review(empty, health_paths=[], tz=CST)
    html = render_html(review)
    assert "could not read" in html
    assert write_pdf(tmp_path / "e.pdf", review).stat().st_size > 1000
