"""A show run in its own process, for the crash-and-resume test (test_show_resume.py).

``python -m tests.integration.show_runner PLAN LOG``

* LOG missing: start the show from PLAN on the real clock — opening, announcement, lottery,
  next step — print ``{"ready": state}``, then keep logging a health event every few ms (so a
  kill lands mid-show), printing ``{"wrote": seq}`` after each one is durable. Runs until killed.
* LOG present and unfinished: resume from it, print ``{"resumed": state, ...}``, end the show, exit.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from studio.show.log import ShowLog, read_log
from studio.show.plan import load_plan
from studio.show.rundown import Rundown


def state(rundown: Rundown) -> dict[str, Any]:
    view = rundown.view()
    return {
        "current": rundown.current.id if rundown.current else None,
        "current_started_at": rundown.current.started_at if rundown.current else None,
        "steps": [[s.id, s.state] for s in rundown.steps],
        "timers": [[t.id, t.kind, t.ref, t.ends_at] for t in rundown.timers],
        "lotteries_created": rundown.rules.lotteries_created,
        "announcements": rundown.rules.announcement_pushes,
        "live": view.live,
        "show_started": rundown.view().now - view.show_elapsed_s,
    }


def say(data: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def main(plan_path: str, log_path: str) -> int:
    plan = load_plan(Path(plan_path))
    path = Path(log_path)
    if path.exists():
        show_log, contents = ShowLog.open(path)
        rundown = Rundown.resume(plan, contents.events, sink=show_log.append)
        say({"resumed": state(rundown), "torn_tail": contents.torn_tail, "events": len(contents.events),
             "seqs": [e["seq"] for e in contents.events]})
        rundown.end_show()
        show_log.close()
        say({"finished": read_log(path).finished})
        return 0
    show_log = ShowLog(path)
    rundown = Rundown(plan, sink=show_log.append)
    rundown.start_show()
    rundown.advance()
    rundown.announcement_pushed(plan.announcements[0].text)
    rundown.advance()
    rundown.start_lottery(plan.lotteries[0].id)
    rundown.advance()
    say({"ready": state(rundown)})
    n = 0
    while True:
        n += 1
        event = show_log.append("health", sample=n, bitrate_kbps=1800)
        rundown.tick()
        say({"wrote": event["seq"]})
        time.sleep(0.002)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
