"""Crash and resume: a real show process killed with SIGKILL mid-show, restarted from its log."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.integration,
              pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "resources" / "examples" / "show-plan.toml"


def _runner(log: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-m", "tests.integration.show_runner", str(EXAMPLE), str(log)],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _read_json_line(process: subprocess.Popen[str], deadline: float) -> dict:
    line = process.stdout.readline()
    if not line:
        raise AssertionError(f"runner ended early: {process.stderr.read()}")
    assert time.monotonic() < deadline, "runner too slow"
    return json.loads(line)


@pytest.mark.parametrize("tear_last_line", [False, True])
def test_kill_9_mid_show_then_resume_restores_the_state(tmp_path, tear_last_line):
    log = tmp_path / "show.showlog.jsonl"
    first = _runner(log)
    deadline = time.monotonic() + 30
    try:
        ready = _read_json_line(first, deadline)["ready"]
        last_reported = 0
        while last_reported < 50:  # let it log a while, then kill it mid-stream
            last_reported = _read_json_line(first, deadline)["wrote"]
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    finally:
        if first.poll() is None:
            first.kill()
    assert first.returncode == -signal.SIGKILL
    first.stdout.close()
    first.stderr.close()
    if tear_last_line:  # as if the kill had landed in the middle of a write
        with open(log, "ab") as f:
            f.write(b'{"seq":999999,"ts":1.0,"type":"hea')

    second = _runner(log)
    try:
        out, err = second.communicate(timeout=30)
    finally:
        if second.poll() is None:
            second.kill()
    assert second.returncode == 0, err
    resumed_line, finished_line = [json.loads(line) for line in out.splitlines()]
    resumed = resumed_line["resumed"]

    # The same point of the show: on-air step, its start, the steps, the running lottery's end time.
    assert resumed["current"] == ready["current"]
    assert resumed["current_started_at"] == ready["current_started_at"]
    assert resumed["steps"] == ready["steps"]
    assert resumed["timers"] == ready["timers"]
    assert "lottery" in [kind for _, kind, _, _ in resumed["timers"]]
    assert resumed["lotteries_created"] == 1 and resumed["announcements"] == ready["announcements"]
    assert resumed["live"] is True
    # Nothing already logged is lost; the torn line is skipped, not fatal.
    seqs = resumed_line["seqs"]
    assert seqs == list(range(1, len(seqs) + 1)) and seqs[-1] >= last_reported
    assert resumed_line["torn_tail"] is tear_last_line
    assert finished_line == {"finished": True}
