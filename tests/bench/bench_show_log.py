"""How much the show log's durability costs: fsync per event vs a plain buffered write.

Run: ``pytest tests/bench/bench_show_log.py -s``. Prints ratios against a baseline measured in the
same run; asserts nothing about time (machines differ).
"""

from __future__ import annotations

import json
import time

from studio.show.log import ShowLog, read_log
from studio.show.plan import load_plan
from studio.show.rundown import Rundown
from tests.fakes.show import EXAMPLE

EVENTS = 300


def test_show_log_append_cost(tmp_path):
    event = {"type": "health", "bitrate_kbps": 1800, "note": "直播中"}
    start = time.perf_counter()
    with open(tmp_path / "plain.jsonl", "w", encoding="utf-8") as f:
        for n in range(EVENTS):
            f.write(json.dumps({"seq": n, "ts": time.time(), **event}, ensure_ascii=False) + "\n")
    baseline = (time.perf_counter() - start) / EVENTS

    show_log = ShowLog(tmp_path / "durable.showlog.jsonl")
    start = time.perf_counter()
    for _ in range(EVENTS):
        show_log.append("health", bitrate_kbps=1800, note="直播中")
    durable = (time.perf_counter() - start) / EVENTS
    show_log.close()

    plan = load_plan(EXAMPLE)
    events = []
    rundown = Rundown(plan, sink=lambda type, **data: events.append({"ts": time.time(), "type": type,
                                                                     **data}) or events[-1])
    rundown.start_show()
    for _ in range(EVENTS // 3):
        rundown.advance() or rundown.rerun("fan")
        rundown.announcement_pushed("欢迎来到直播间")
    start = time.perf_counter()
    Rundown.resume(plan, events)
    replay = (time.perf_counter() - start) / len(events)

    resumed = Rundown.resume(plan, events)

    print(f"\nshow log, {EVENTS} events: buffered write {baseline * 1e6:.1f} µs/event (baseline); "
          f"durable append (fsync) {durable * 1e6:.1f} µs/event = {durable / baseline:.0f}× baseline; "
          f"resume replay {replay * 1e6:.1f} µs/event = {replay / baseline:.1f}× baseline "
          f"({len(events)} events)")
    # What was measured must also have worked: every event durable, the replay the same show.
    contents = read_log(show_log.path)
    assert [e["seq"] for e in contents.events] == list(range(1, EVENTS + 1)) and not contents.bad_lines
    assert [(s.id, s.state) for s in resumed.steps] == [(s.id, s.state) for s in rundown.steps]
