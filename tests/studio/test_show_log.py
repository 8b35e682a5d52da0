"""The show log: one JSON event a line, fsync'd each, no secrets, a torn tail tolerated."""

from __future__ import annotations

import json
import os

import pytest

from studio.errors import UserError
from studio.redact import register_secret
from studio.show import log as log_module
from studio.show.log import ShowLog, find_unfinished, read_log
from tests.fakes.clock import FakeClock


def test_each_event_is_one_line_written_and_fsynced(tmp_path, monkeypatch):
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(log_module.os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    clock = FakeClock(1000.0)
    with ShowLog(tmp_path / "a.showlog.jsonl", clock) as show_log:
        show_log.append("show_started", title="夏日专场")
        clock.now += 1.5
        event = show_log.append("cue", text="开奖 in 30 s")
        # Durable before append returns: another reader sees both lines now.
        lines = (tmp_path / "a.showlog.jsonl").read_text("utf-8").splitlines()
    assert len(synced) == 2
    assert [json.loads(line) for line in lines] == [
        {"seq": 1, "ts": 1000.0, "type": "show_started", "title": "夏日专场"},
        {"seq": 2, "ts": 1001.5, "type": "cue", "text": "开奖 in 30 s"},
    ]
    assert event["seq"] == 2
    assert "夏日专场" in lines[0]  # readable Chinese, not \\u escapes


def test_no_secret_reaches_the_file(tmp_path):
    register_secret("s3cr3t-push-key-value")
    with ShowLog(tmp_path / "s.showlog.jsonl", FakeClock(1000.0)) as show_log:
        show_log.append("stream_started", push_key="abc123", password="pw-1234",
                        details={"access_token": "tok-999", "server": "rtmp://x/live/"},
                        note="key was s3cr3t-push-key-value",
                        url="rtmp://h/live/wx_1?txSecret=4b886b8127&txTime=5efba7d0")
    text = (tmp_path / "s.showlog.jsonl").read_text("utf-8")
    for secret in ("abc123", "pw-1234", "tok-999", "s3cr3t-push-key-value", "4b886b8127"):
        assert secret not in text
    event = json.loads(text)
    assert event["details"] == {"server": "rtmp://x/live/"}
    assert event["note"] == "key was ***"


def test_torn_last_line_is_skipped_and_repaired_on_open(tmp_path):
    path = tmp_path / "t.showlog.jsonl"
    with ShowLog(path, FakeClock(1000.0)) as show_log:
        show_log.append("show_started")
        show_log.append("step_started", step="s1")
    with open(path, "ab") as f:
        f.write(b'{"seq":3,"ts":1000.0,"type":"step_sta')  # kill -9 mid-write
    contents = read_log(path)
    assert contents.torn_tail and [e["seq"] for e in contents.events] == [1, 2]
    show_log, reopened = ShowLog.open(path, FakeClock(1000.0))
    assert reopened.torn_tail
    with show_log:
        show_log.append("step_started", step="s2")
    contents = read_log(path)
    assert not contents.torn_tail and not contents.bad_lines
    assert [e["seq"] for e in contents.events] == [1, 2, 3]  # numbering continues


def test_whole_last_event_without_its_newline_is_kept(tmp_path):
    path = tmp_path / "n.showlog.jsonl"
    path.write_bytes(b'{"seq":1,"ts":1.0,"type":"show_started"}')
    show_log, contents = ShowLog.open(path, FakeClock(1000.0))
    assert contents.missing_newline and len(contents.events) == 1
    with show_log:
        show_log.append("show_ended")
    assert [e["type"] for e in read_log(path).events] == ["show_started", "show_ended"]


def test_a_bad_line_in_the_middle_is_reported_not_fatal(tmp_path):
    path = tmp_path / "b.showlog.jsonl"
    path.write_bytes(b'{"seq":1,"ts":1,"type":"a"}\nnot json\n{"seq":3,"ts":2,"type":"b"}\n')
    contents = read_log(path)
    assert contents.bad_lines == [2] and [e["type"] for e in contents.events] == ["a", "b"]
    with pytest.raises(UserError):
        read_log(tmp_path / "missing.jsonl")


def test_find_unfinished_offers_the_show_to_resume(tmp_path):
    clock = FakeClock(1_718_712_000.0)
    finished = ShowLog.create(tmp_path, clock, name="早场")
    finished.append("show_started")
    finished.append("show_ended")
    finished.close()
    assert find_unfinished(tmp_path) is None
    clock.now += 60
    running = ShowLog.create(tmp_path, clock, name="晚场")
    running.append("show_started")
    running.close()
    assert find_unfinished(tmp_path) == running.path
    assert running.path.name.endswith("晚场.showlog.jsonl")
