"""``studio-console show check PLAN``: every problem with its line, exit 1 if any."""

from __future__ import annotations

import json
from pathlib import Path

from studio.cli import EXIT_FAILED, EXIT_OK, EXIT_PROBLEM, main

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "show-plan.toml"


def test_the_example_plan_passes(capsys):
    assert main(["show", "check", str(EXAMPLE)]) == EXIT_OK
    assert "3 products" in capsys.readouterr().out


def test_problems_are_printed_with_their_lines(tmp_path, capsys):
    plan = tmp_path / "plan.toml"
    plan.write_text('[show]\nkind = "x"\n\n[[announcements]]\nid = "a"\ntext = "短"\n', "utf-8")
    assert main(["show", "check", str(plan)]) == EXIT_PROBLEM
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == [f"{plan}:2", f"{plan}:6"]
    assert "2 problem(s)" in out.err


def test_json_output(tmp_path, capsys):
    plan = tmp_path / "plan.toml"
    plan.write_text('[show]\nplanned_minutes = "long"\n', "utf-8")
    assert main(["show", "check", "--json", str(plan)]) == EXIT_PROBLEM
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    assert report["problems"] == [{"line": 2, "where": "show.planned_minutes",
                                   "message": "“planned_minutes” must be a whole number, without quotes."}]
    assert main(["show", "check", "--json", str(EXAMPLE)]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["plan"]["lotteries"] == 2


def test_missing_file_is_one_clear_line(tmp_path, capsys):
    assert main(["show", "check", str(tmp_path / "nope.toml")]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert err.strip().startswith("No show plan at") and "Traceback" not in err
