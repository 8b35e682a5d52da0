"""``studio-console review``: list the shows, print a review, write HTML / PDF / JSON."""

from __future__ import annotations

import json
import shutil

import pytest

from studio.cli import main
from studio.config import data_dir
from studio.review.store import NotesStore, review_key
from tests.fakes.review import make_show, write_export_xlsx


@pytest.fixture
def show(tmp_path):
    made = make_show(tmp_path / "made")
    shows = data_dir() / "shows"
    shows.mkdir(parents=True)
    shutil.copy(made.log, shows / made.log.name)
    health = data_dir() / "health"
    shutil.copytree(made.health[0].parent, health)
    return made


def test_list_shows_the_show_by_date_and_title(show, capsys):
    assert main(["review", "--list", "--tz", "+08:00"]) == 0
    out = capsys.readouterr().out
    assert "2024-06-18 20:00" in out and "夏日好物专场" in out and show.log.name in out and "120 min" in out


def test_review_by_name_prints_the_key_figures_and_highlights(show, capsys):
    assert main(["review", show.log.name, "--tz", "+08:00"]) == 0
    out = capsys.readouterr().out
    assert "2024-06-18 20:00–22:00" in out  # the show's own time zone
    assert "OBS gone" in out and "毛巾秒杀" in out  # worst fault, skipped step


def test_review_writes_html_pdf_and_json_with_the_platform_data_and_saved_notes(show, tmp_path, capsys):
    NotesStore().save(review_key(show.log), {"rhythm": "第二个抽奖提前到 20:30"}, title="夏日好物专场")
    export = write_export_xlsx(tmp_path / "export.xlsx")
    html, pdf = tmp_path / "out" / "r.html", tmp_path / "out" / "r.pdf"
    code = main(["review", str(data_dir() / "shows" / show.log.name), "--platform-data", str(export),
                 "--tz", "+08:00", "--html", str(html), "--pdf", str(pdf), "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    data = json.loads(captured.out)
    assert data["notes"] == {"rhythm": "第二个抽奖提前到 20:30"}
    fan = next(p for p in data["products"] if p["ref"] == "fan")
    assert fan["orders"] == {"value": 16.0, "buckets": 17, "with_data": 17}
    assert data["platform"]["alignment"]["tz_label"] == "UTC+08:00"
    assert "第二个抽奖提前到 20:30" in html.read_text(encoding="utf-8")
    assert pdf.read_bytes().startswith(b"%PDF")


def test_compare_and_offset(show, tmp_path, capsys):
    export = write_export_xlsx(tmp_path / "export.xlsx")
    html = tmp_path / "c.html"
    assert main(["review", show.log.name, "--compare", show.log.name, "--platform-data", str(export),
                 "--platform-offset", "60", "--tz", "+08:00", "--html", str(html)]) == 0
    text = html.read_text(encoding="utf-8")
    assert "Compared with" in text and "+60 s" in text


def test_mistakes_are_one_line_and_exit_2(show, tmp_path, capsys):
    assert main(["review", "nope.showlog.jsonl"]) == 2
    assert "--list" in capsys.readouterr().err
    assert main(["review"]) == 2
    assert main(["review", show.log.name, "--tz", "Beijing"]) == 2
    assert "+08:00" in capsys.readouterr().err
    bad = tmp_path / "bad.csv"
    bad.write_text("when,people\n20:00,5\n", encoding="utf-8")
    assert main(["review", show.log.name, "--platform-data", str(bad)]) == 2
    assert "time column" in capsys.readouterr().err
    assert main(["review", show.log.name, "--platform-data", str(bad), "--platform-columns", "time=0,online=1",
                 "--json"]) == 0
