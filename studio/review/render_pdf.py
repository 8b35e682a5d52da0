"""The review as a PDF with Chinese text and the charts, for a manager who was not at the desk.

Made with fpdf2 (pure Python, LGPL): it embeds a *subset* of a TrueType CJK font, so the file is
small, prints anywhere and its text can be searched and copied (``pdftotext`` finds it). No Qt:
the core stays Qt-free. The charts are the same drawings as the HTML's (``studio.review.charts``)
onto a PDF canvas; the tables are the same (``studio.review.report``).

The font: ``$STUDIO_CJK_FONT`` if set, else the system's — Microsoft YaHei / SimHei on Windows,
PingFang / Heiti on macOS, WenQuanYi / Noto (TrueType) on Linux, else whatever ``fc-match`` gives
for Chinese. With none, ``NoChineseFont`` says so and what to install: a PDF without a CJK font
would print empty boxes.

``write_pdf(path, review, notes=None, comparison=None)``. Blocking: call it via ``asyncio.to_thread``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from studio.config import write_atomically
from studio.errors import UserError
from studio.i18n import translate
from studio.review import charts
from studio.review.model import Comparison, Review
from studio.review.report import Table, comparison_table, highlights, sections, skipped_lines, summary

# (path, index in a .ttc collection). TrueType outlines only: fpdf2 embeds those as subsets.
CANDIDATES: dict[str, list[tuple[str, int]]] = {
    "win32": [("C:/Windows/Fonts/msyh.ttc", 0), ("C:/Windows/Fonts/msyh.ttf", 0),
              ("C:/Windows/Fonts/simhei.ttf", 0), ("C:/Windows/Fonts/simsun.ttc", 0)],
    "darwin": [("/System/Library/Fonts/PingFang.ttc", 0), ("/System/Library/Fonts/STHeiti Medium.ttc", 0),
               ("/System/Library/Fonts/STHeiti Light.ttc", 0), ("/Library/Fonts/Arial Unicode.ttf", 0),
               ("/System/Library/Fonts/Supplemental/Arial Unicode.ttf", 0)],
    "linux": [("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
              ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
              ("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc", 0),
              ("/usr/share/fonts/truetype/noto/NotoSansSC-Regular.ttf", 0),
              ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0)],
}
PAGE_W, PAGE_H, MARGIN = 297.0, 210.0, 10.0  # A4 landscape, mm
CHART_W = 1000.0  # chart units across the page
SCALE = (PAGE_W - 2 * MARGIN) / CHART_W  # mm per chart unit
PT_PER_MM = 72 / 25.4


class NoChineseFont(UserError):
    pass


def find_cjk_font() -> tuple[Path, int]:
    """The TrueType CJK font to embed, and its index in a collection."""
    override = os.environ.get("STUDIO_CJK_FONT")
    if override:
        path = Path(override)
        if path.is_file():
            return path, 0
        raise NoChineseFont(translate("Review", "STUDIO_CJK_FONT names {path}, which does not exist. Point it at "
                                                "a TrueType Chinese font (.ttf/.ttc).").format(path=path))
    platform = "win32" if sys.platform.startswith("win") else "darwin" if sys.platform == "darwin" else "linux"
    for name, index in CANDIDATES[platform]:
        if Path(name).is_file():
            return Path(name), index
    found = _fc_match()
    if found is not None:
        return found, 0
    raise NoChineseFont(translate(
        "Review", "No Chinese font was found, so the PDF cannot show Chinese text. Install one (Linux: the "
                  "fonts-wqy-microhei package; Windows: Microsoft YaHei comes with the system) or set "
                  "STUDIO_CJK_FONT to a .ttf/.ttc file. The HTML report works without it."))


def _fc_match() -> Path | None:
    if shutil.which("fc-match") is None:
        return None
    try:
        out = subprocess.run(["fc-match", "-f", "%{file}", "sans-serif:lang=zh-cn"], capture_output=True, text=True,
                             timeout=5, check=False).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    path = Path(out)
    return path if out and path.suffix.lower() in (".ttf", ".ttc") and path.is_file() else None


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


class PdfCanvas:
    """The charts' canvas on an fpdf2 page: chart units → millimetres from (x0, y0)."""

    def __init__(self, pdf: Any, x0: float, y0: float) -> None:
        self.pdf, self.x0, self.y0 = pdf, x0, y0

    def _x(self, x: float) -> float:
        return self.x0 + x * SCALE

    def _y(self, y: float) -> float:
        return self.y0 + y * SCALE

    def rect(self, x: float, y: float, w: float, h: float, fill: str, opacity: float = 1.0) -> None:
        if w <= 0 or h <= 0:
            return
        self.pdf.set_fill_color(*_rgb(fill))
        if opacity < 1:
            with self.pdf.local_context(fill_opacity=opacity):
                self.pdf.rect(self._x(x), self._y(y), w * SCALE, h * SCALE, style="F")
        else:
            self.pdf.rect(self._x(x), self._y(y), w * SCALE, h * SCALE, style="F")

    def line(self, x1: float, y1: float, x2: float, y2: float, color: str, width: float = 1.0,
             dash: bool = False) -> None:
        self.pdf.set_draw_color(*_rgb(color))
        self.pdf.set_line_width(max(0.1, width * SCALE))
        if dash:
            self.pdf.set_dash_pattern(dash=1.0, gap=0.8)
        self.pdf.line(self._x(x1), self._y(y1), self._x(x2), self._y(y2))
        if dash:
            self.pdf.set_dash_pattern()

    def polyline(self, points: list[tuple[float, float]], color: str, width: float = 1.5) -> None:
        if len(points) < 2:
            return
        self.pdf.set_draw_color(*_rgb(color))
        self.pdf.set_line_width(max(0.1, width * SCALE))
        self.pdf.polyline([(self._x(x), self._y(y)) for x, y in points], style="D")

    def text(self, x: float, y: float, text: str, size: float = 11, color: str = charts.COLOURS["text"],
             anchor: str = "start", bold: bool = False) -> None:
        self.pdf.set_font("cjk", size=size * SCALE * PT_PER_MM)
        self.pdf.set_text_color(*_rgb(color))
        width = self.pdf.get_string_width(text)
        left = self._x(x) - (width / 2 if anchor == "middle" else width if anchor == "end" else 0)
        self.pdf.text(left, self._y(y), text)


CHART_HEIGHT = {"timeline": 230.0, "health": 280.0, "platform": 220.0}
MARK_FILL = {"warn": (255, 248, 225), "bad": (255, 235, 238), "muted": (245, 245, 245)}


def render_pdf(review: Review, notes: dict[str, str] | None = None, comparison: Comparison | None = None) -> bytes:
    from fpdf import FPDF

    font, index = find_cjk_font()
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=MARGIN)
    pdf.add_font("cjk", "", str(font), collection_font_number=index)
    title = review.title or Path(review.log_path).name
    pdf.set_title(translate("Review", "Review: {title}").format(title=title))
    pdf.set_creator("Studio Console")
    pdf.add_page()

    def heading(text: str, size: float = 15) -> None:
        pdf.set_font("cjk", size=size)
        pdf.set_text_color(33, 33, 33)
        pdf.cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)

    def para(text: str, size: float = 9.5, colour: tuple[int, int, int] = (66, 66, 66)) -> None:
        pdf.set_font("cjk", size=size)
        pdf.set_text_color(*colour)
        pdf.multi_cell(0, size * 0.45, text, new_x="LMARGIN", new_y="NEXT")

    def chart(name: str) -> None:
        height = CHART_HEIGHT.get(name) or 30 + 26 * max(1, len(review.products))
        if pdf.get_y() + height * SCALE > PAGE_H - MARGIN:
            pdf.add_page()
        canvas = PdfCanvas(pdf, MARGIN, pdf.get_y())
        draw = {"timeline": charts.draw_timeline, "health": charts.draw_health, "platform": charts.draw_platform,
                "products": charts.draw_products}[name]
        draw(canvas, review, CHART_W, height)
        pdf.set_y(pdf.get_y() + height * SCALE + 2)

    def table(t: Table) -> None:
        """Rows drawn directly (one line each, clipped to its column): fpdf2's table engine breaks
        every cell into lines and costs seconds for a 12-hour show's few hundred rows."""
        if not t.rows:
            return
        if t.caption:
            para(t.caption, 9, (66, 66, 66))
        size, row_h = 7.5, 4.0
        pdf.set_font("cjk", size=size)
        widths = _column_widths(pdf, t)
        bottom = PAGE_H - MARGIN

        def draw_row(values: list[str], fill: tuple[int, int, int] | None, colour: tuple[int, int, int]) -> None:
            y = pdf.get_y()
            if fill is not None:
                pdf.set_fill_color(*fill)
                pdf.rect(MARGIN, y, sum(widths), row_h, style="F")
            pdf.set_text_color(*colour)
            x = MARGIN
            for width, value in zip(widths, values, strict=False):
                pdf.text(x + 0.8, y + row_h - 1.1, _clip(pdf, value, width - 1.6))
                x += width
            pdf.set_draw_color(224, 224, 224)
            pdf.set_line_width(0.1)
            pdf.line(MARGIN, y + row_h, MARGIN + sum(widths), y + row_h)
            pdf.set_y(y + row_h)

        if pdf.get_y() + 2 * row_h > bottom:
            pdf.add_page()
        draw_row(t.headers, (245, 245, 245), (33, 33, 33))
        for number, values in enumerate(t.rows):
            if pdf.get_y() + row_h > bottom:
                pdf.add_page()
                pdf.set_font("cjk", size=size)
                draw_row(t.headers, (245, 245, 245), (33, 33, 33))
            mark = t.marks[number] if number < len(t.marks) else ""
            draw_row(values, MARK_FILL.get(mark), (158, 158, 158) if mark == "muted" else (33, 33, 33))
        pdf.ln(2)

    heading(translate("Review", "Review: {title}").format(title=title), 18)
    if review.start is not None:
        line = review.local(review.start, "%Y-%m-%d %H:%M") + f" ({review.tz_label})"
        if review.room:
            line += " · " + review.room
        if not review.ended_cleanly:
            line += " · " + translate("Review", "the log has no end of show")
        para(line)
    pdf.ln(1)
    para("   ".join(f"{k}: {v}" for k, v in summary(review)), 10.5, (21, 101, 192))
    pdf.ln(1)
    points = highlights(review)
    if points:
        para(translate("Review", "In short"), 11, (33, 33, 33))
        for point in points:
            para("• " + point, 9.5, (33, 33, 33))
    skipped = skipped_lines(review)
    if skipped:
        pdf.ln(1)
        para(translate("Review", "What this review could not read"), 11, (191, 54, 12))
        for line in skipped:
            para("• " + line, 9, (191, 54, 12))
    for section in sections(review, notes):
        pdf.ln(2)
        if pdf.get_y() > PAGE_H - 60:
            pdf.add_page()
        heading(section.title)
        for line in section.lines:
            if line:
                para(line)
        for name in section.charts:
            chart(name)
        for t in section.tables:
            table(t)
        para(translate("Review", "Improvement plan") + ": " + (section.notes.strip() or
                                                               translate("Review", "No notes yet.")),
             9.5, (46, 125, 50) if section.notes.strip() else (117, 117, 117))
    if comparison is not None:
        pdf.add_page()
        heading(translate("Review", "Compared with {title}").format(title=comparison.b_title))
        for t in comparison_table(comparison):
            table(t)
    para(translate("Review", "Made by Studio Console from the show log {log}").format(log=Path(review.log_path).name),
         7.5, (158, 158, 158))
    return bytes(pdf.output())


def _clip(pdf: Any, text: str, width: float) -> str:
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "…") > width:
        text = text[:-1]
    return text + "…"


def _column_widths(pdf: Any, table: Table) -> list[float]:
    """Widths in mm from the longest text of each column, fitted to the page."""
    usable = PAGE_W - 2 * MARGIN
    widths = []
    for column, header in enumerate(table.headers):
        texts = [header] + [row[column] for row in table.rows[:200] if column < len(row)]
        widths.append(min(90.0, max(pdf.get_string_width(t) for t in texts) + 2.5))
    total = sum(widths)
    if total > usable:
        widths = [w * usable / total for w in widths]
    return widths


def write_pdf(path: Path, review: Review, notes: dict[str, str] | None = None,
              comparison: Comparison | None = None) -> Path:
    return write_atomically(path, render_pdf(review, notes, comparison),
                            prefix=".review-", suffix=".pdf", mode=0o644)  # a report to share, not a secret
