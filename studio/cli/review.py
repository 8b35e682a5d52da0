"""``studio-console review SHOWLOG [--platform-data FILE ...] [--html OUT] [--pdf OUT] [--json]``:
the review after the show (复盘) from the show log, the health record and the platform's export.
``studio-console review --list``: every show on this computer, newest first.

Without ``--html``/``--pdf``/``--json`` it prints the key figures, the highlights and what could not
be read. The improvement notes saved in the window are included in the files.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any

from studio.cli import EXIT_OK
from studio.cli._common import add_command, print_json
from studio.errors import UserError
from studio.i18n import translate


def register(commands: Any) -> None:
    review = add_command(commands, "review", translate(
        "Cli", "the review after a show (复盘): HTML, PDF or JSON from its show log, health record and "
               "the platform's data export"))
    review.add_argument("showlog", nargs="?", type=Path, help=translate(
        "Cli", "the show log (.showlog.jsonl), or its name in the shows folder (see --list)"))
    review.add_argument("--list", action="store_true",
                        help=translate("Cli", "list the shows on this computer, newest first"))
    review.add_argument("--platform-data", type=Path, nargs="+", default=[], metavar="FILE", help=translate(
        "Cli", "the platform's live data export(s): CSV / xlsx / xls, by minute and/or by product"))
    review.add_argument("--platform-columns", metavar="MAP", help=translate(
        "Cli", 'columns the export names unusually, e.g. "time=0,online=2,orders=5" (0 = first)'))
    review.add_argument("--platform-offset", type=float, default=0.0, metavar="SECONDS", help=translate(
        "Cli", "seconds to add to the platform's times when its clock was off (default 0)"))
    review.add_argument("--bucket-label", choices=("start", "end"), default="start", help=translate(
        "Cli", "does a minute row's time mark the start (default) or the end of its minute"))
    review.add_argument("--tz", metavar="OFFSET", help=translate(
        "Cli", "the time zone to show times in and to read the export's times in, e.g. +08:00 (default: "
               "this computer's for the show, the platform's UTC+08:00 for the export)"))
    review.add_argument("--health", type=Path, nargs="+", metavar="FILE", help=translate(
        "Cli", "health record file(s) (default: found by time in the health folder)"))
    review.add_argument("--compare", type=Path, metavar="SHOWLOG",
                        help=translate("Cli", "another show to compare with"))
    review.add_argument("--html", type=Path, metavar="OUT",
                        help=translate("Cli", "write a self-contained HTML file"))
    review.add_argument("--pdf", type=Path, metavar="OUT",
                        help=translate("Cli", "write a PDF (needs a Chinese font)"))
    review.add_argument("--json", action="store_true",
                        help=translate("Cli", "machine-readable review on stdout"))
    review.set_defaults(handler=_review)


def parse_tz(text: str | None) -> tzinfo | None:
    if not text:
        return None
    match = re.fullmatch(r"\s*(?:utc|gmt)?\s*([+-])?(\d{1,2})(?::?(\d{2}))?\s*", text, re.IGNORECASE)
    if match is None:
        raise UserError(translate("Cli", "“{text}” is not a time zone offset. Write it like +08:00.").format(text=text))
    sign = -1 if match.group(1) == "-" else 1
    return timezone(sign * timedelta(hours=int(match.group(2)), minutes=int(match.group(3) or 0)))


def parse_columns(text: str | None) -> dict[str, dict[str, int]] | None:
    if not text:
        return None
    mapping: dict[str, int] = {}
    for part in text.split(","):
        name, _, index = part.partition("=")
        if not name.strip() or not index.strip().isdigit():
            raise UserError(translate("Cli", "“{part}” is not column=number (e.g. time=0).").format(part=part))
        mapping[name.strip()] = int(index)
    return {"": mapping}


def _resolve(path: Path) -> Path:
    from studio.show.session import shows_dir

    if path.exists():
        return path
    candidate = shows_dir() / path.name
    if candidate.exists():
        return candidate
    raise UserError(translate("Cli", "No show log at {path}. `studio-console review --list` shows the shows on this "
                                     "computer.").format(path=path))


def load(path: Path, args: argparse.Namespace, tz: tzinfo | None) -> Any:
    from studio.review.model import build_review
    from studio.review.platform import read_platform_files

    review = build_review(path, health_paths=args.health, tz=tz)
    if args.platform_data and review.start is not None:
        platform = read_platform_files(args.platform_data, show_start=review.start, show_end=review.end or review.start,
                                       tz=tz, offset_s=args.platform_offset, bucket_label=args.bucket_label,
                                       mapping=parse_columns(args.platform_columns))
        review = build_review(path, health_paths=args.health, platform=platform, tz=tz)
    return review


def _review(args: argparse.Namespace) -> int:
    from studio.review.model import compare, list_shows

    if args.list:
        from studio.show.session import shows_dir

        entries = list_shows(shows_dir())
        if args.json:
            print_json([e.__dict__ for e in entries])
            return EXIT_OK
        if not entries:
            print(translate("Cli", "No shows on this computer yet ({folder}).").format(folder=shows_dir()))
        zone = parse_tz(args.tz)
        for e in entries:
            when = datetime.fromtimestamp(e.start, zone).strftime("%Y-%m-%d %H:%M") if e.start else "????-??-?? ??:??"
            minutes = f"{(e.end - e.start) / 60:5.0f} min" if e.start and e.end else "      ?"
            state = "" if e.finished else translate("Cli", " (not ended)")
            print(f"{when}  {minutes}  {e.title or '—'}{state}  {Path(e.path).name}")
        return EXIT_OK
    if args.showlog is None:
        raise UserError(translate("Cli", "Name the show log to review, or use --list to see the shows."))
    tz = parse_tz(args.tz)
    path = _resolve(args.showlog)
    review = load(path, args, tz)
    comparison = None
    if args.compare is not None:
        other = load(_resolve(args.compare), args, tz)
        comparison = compare(review, other)
    from studio.review.store import NotesStore, review_key

    notes = NotesStore().notes(review_key(path))
    if args.html:
        from studio.review.render_html import write_html

        write_html(args.html, review, notes, comparison)
        print(translate("Cli", "HTML review written to {path}").format(path=args.html), file=sys.stderr)
    if args.pdf:
        from studio.review.render_pdf import write_pdf

        write_pdf(args.pdf, review, notes, comparison)
        print(translate("Cli", "PDF review written to {path}").format(path=args.pdf), file=sys.stderr)
    if args.json:
        data = review.as_dict()
        data["notes"] = notes
        print_json(data)
    elif not args.html and not args.pdf:
        from studio.review.report import highlights, skipped_lines, summary

        print(translate("Cli", "Review: {title}").format(title=review.title or path.name))
        for key, value in summary(review):
            print(f"  {key}: {value}")
        for line in highlights(review):
            print(f"  • {line}")
        for line in skipped_lines(review):
            print(translate("Cli", "  skipped: {what}").format(what=line))
    return EXIT_OK
