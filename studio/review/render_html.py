"""The review as one self-contained HTML file: opens offline on a phone (no script, no CDN, no web
font — the phone's own CJK font), charts as inline SVG, tables that scroll sideways on a narrow
screen. ``render_html(review, notes=None, comparison=None) -> str``; ``write_html(path, …)``.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from studio.config import write_atomically
from studio.i18n import translate
from studio.review import charts
from studio.review.model import Comparison, Review
from studio.review.report import Section, Table, comparison_table, highlights, sections, skipped_lines, summary

CHART_SIZE = {"timeline": (960, 230), "health": (960, 280), "platform": (960, 220), "products": (960, 0)}

CSS = """
:root{color-scheme:light}
body{font-family:@FONTS@;margin:0;background:#f5f6f8;color:#212121;line-height:1.45}
main{max-width:1040px;margin:0 auto;padding:12px}
header{background:#fff;border-radius:10px;padding:14px 16px;margin-bottom:12px;box-shadow:0 1px 3px #0001}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:0 0 8px}
.sub{color:#616161;font-size:13px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(140px,1fr));gap:8px;margin-top:10px}
.card{background:#f0f4fa;border-radius:8px;padding:8px 10px}.card b{display:block;font-size:17px}
.card span{font-size:12px;color:#616161}
section{background:#fff;border-radius:10px;padding:14px 16px;margin-bottom:12px;box-shadow:0 1px 3px #0001}
.chart{margin:8px 0 4px;overflow-x:auto;-webkit-overflow-scrolling:touch}.chart svg{min-width:720px}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:8px 0}
table{border-collapse:collapse;font-size:13px;min-width:100%}
th,td{border-bottom:1px solid #eee;padding:5px 7px;text-align:left;white-space:nowrap}
th{background:#fafafa;font-weight:600;position:sticky;top:0}
td.wrap{white-space:normal;min-width:180px}
tr.warn td{background:#fff8e1}tr.bad td{background:#ffebee}tr.muted td{color:#9e9e9e}
caption{caption-side:top;text-align:left;font-weight:600;padding:4px 0;color:#424242}
.skipped{background:#fff3e0;border-left:4px solid #ef6c00;padding:8px 12px;border-radius:6px;margin-top:10px}
.points{margin-top:10px;background:#e3f2fd;border-left:4px solid #1565c0;padding:8px 12px;border-radius:6px}
.points ul,.skipped ul{margin:4px 0;padding-left:20px}
.notes{background:#e8f5e9;border-left:4px solid #2e7d32;padding:8px 12px;border-radius:6px;white-space:pre-wrap}
.notes.empty{background:#f5f5f5;border-color:#bdbdbd;color:#757575}
footer{color:#9e9e9e;font-size:12px;text-align:center;padding:8px}
@media (max-width:600px){main{padding:6px}h1{font-size:19px}section,header{padding:10px}}
""".replace("@FONTS@", charts.FONT_STACK.replace("'", '"'))


def chart_svg(name: str, review: Review, width: float = 960) -> str:
    height = CHART_SIZE[name][1] or 30 + 26 * max(1, len(review.products))
    titles = {"timeline": translate("Review", "What was on air when"),
              "health": translate("Review", "Bitrate and dropped frames over the show, with faults and the "
                                            "show's moments"),
              "platform": translate("Review", "Online count and orders per minute (platform data)"),
              "products": translate("Review", "Products")}
    canvas = charts.SvgCanvas(width, height, titles[name])
    draw = {"timeline": charts.draw_timeline, "health": charts.draw_health, "platform": charts.draw_platform,
            "products": charts.draw_products}[name]
    draw(canvas, review, width, height)
    return canvas.svg()


def _table(table: Table) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in table.headers)
    body = []
    for index, row in enumerate(table.rows):
        mark = table.marks[index] if index < len(table.marks) else ""
        cells = "".join(f'<td class="wrap">{escape(c)}</td>' if len(c) > 24 else f"<td>{escape(c)}</td>" for c in row)
        body.append(f'<tr class="{mark}">{cells}</tr>' if mark else f"<tr>{cells}</tr>")
    caption = f"<caption>{escape(table.caption)}</caption>" if table.caption else ""
    return f'<div class="scroll"><table>{caption}<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody>' \
           f"</table></div>"


def _section(section: Section, review: Review) -> str:
    parts = [f'<section id="{section.key}"><h2>{escape(section.title)}</h2>']
    parts += [f"<p>{escape(line)}</p>" for line in section.lines if line]
    for name in section.charts:
        parts.append(f'<div class="chart">{chart_svg(name, review)}</div>')
    parts += [_table(t) for t in section.tables]
    label = escape(translate("Review", "Improvement plan"))
    if section.notes.strip():
        parts.append(f'<h3>{label}</h3><div class="notes">{escape(section.notes)}</div>')
    else:
        parts.append(f'<h3>{label}</h3><div class="notes empty">{escape(translate("Review", "No notes yet."))}</div>')
    parts.append("</section>")
    return "".join(parts)


def render_html(review: Review, notes: dict[str, str] | None = None, comparison: Comparison | None = None) -> str:
    title = review.title or Path(review.log_path).name
    heading = translate("Review", "Review: {title}").format(title=title)
    sub = []
    if review.start is not None:
        sub.append(review.local(review.start, "%Y-%m-%d %H:%M") + f" ({review.tz_label})")
    if review.room:
        sub.append(review.room)
    if not review.ended_cleanly:
        sub.append(translate("Review", "the log has no end of show"))
    cards = "".join(f"<div class=\"card\"><span>{escape(k)}</span><b>{escape(v)}</b></div>"
                    for k, v in summary(review))
    skipped = skipped_lines(review)
    warn = ""
    if skipped:
        items = "".join(f"<li>{escape(line)}</li>" for line in skipped)
        warn = f'<div class="skipped"><b>{escape(translate("Review", "What this review could not read"))}</b>' \
               f"<ul>{items}</ul></div>"
    points = highlights(review)
    if points:
        items = "".join(f"<li>{escape(line)}</li>" for line in points)
        warn += f'<div class="points"><b>{escape(translate("Review", "In short"))}</b><ul>{items}</ul></div>'
    body = "".join(_section(s, review) for s in sections(review, notes))
    if comparison is not None:
        heading_b = translate("Review", "Compared with {title} ({date})").format(
            title=comparison.b_title, date=review.local(comparison.b_start, "%Y-%m-%d") if comparison.b_start else "?")
        body += f'<section id="compare"><h2>{escape(heading_b)}</h2>' + \
                "".join(_table(t) for t in comparison_table(comparison)) + "</section>"
    footer = translate("Review", "Made by Studio Console from the show log {log}").format(
        log=Path(review.log_path).name)
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>{escape(heading)}</title><style>{CSS}</style></head><body><main>"
            f"<header><h1>{escape(heading)}</h1><div class=\"sub\">{escape(' · '.join(sub))}</div>"
            f'<div class="cards">{cards}</div>{warn}</header>{body}'
            f"<footer>{escape(footer)}</footer></main></body></html>")


def write_html(path: Path, review: Review, notes: dict[str, str] | None = None,
               comparison: Comparison | None = None) -> Path:
    """Write atomically (a half-written report never replaces a good one)."""
    return write_atomically(path, render_html(review, notes, comparison).encode("utf-8"),
                            prefix=".review-", suffix=".html", mode=0o644)  # a report to share, not a secret
