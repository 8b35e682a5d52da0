"""``studio-console health``: its lines and JSON rows, and a plain error when OBS is not there."""

from __future__ import annotations

import json

import pytest

from studio.cli import main
from studio.cli.health import sample_row, text_line
from studio.health.sampler import Sample, SampleState
from studio.health.status import Level, Reason, Verdict
from tests.lab.network import closed_port

STABLE = Verdict(Level.STABLE, Reason.BITRATE, 0, 2500)


def test_text_line_has_time_kbps_dropped_congestion_and_status():
    sample = Sample(1_700_000_000, 0, SampleState.LIVE, kbps=2513.7, dropped_pct=0.25, congestion=0.031)
    line = text_line(sample, STABLE)
    assert "2514" in line and "0.25%" in line and "3.1%" in line and line.endswith("Stable")


def test_outages_are_words_not_zeros():
    line = text_line(Sample(1_700_000_000, 0, SampleState.RECONNECTING),
                     Verdict(Level.CRITICAL, Reason.RECONNECTING, 0))
    assert "reconnecting" in line and " 0 " not in line


def test_json_row_is_plain_data():
    row = sample_row(Sample(1_700_000_000, 0, SampleState.LIVE, kbps=1000.04), STABLE)
    assert json.loads(json.dumps(row)) == row
    assert row["kbps"] == 1000.0 and row["status"] == "stable" and row["state"] == "live"


def test_no_obs_is_one_plain_line_and_exit_2(capsys):
    code = main(["health", "--seconds", "1", "--port", str(closed_port()), "--password", "x",
                 "--timeout", "1"])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert len(err.splitlines()) == 1 and "OBS is not running" in err


def test_seconds_must_be_positive(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["health", "--seconds", "0"])
    assert exited.value.code == 2
    assert "must be more than 0" in capsys.readouterr().err
