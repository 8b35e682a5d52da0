"""``studio.tasks.every``: a background loop that never dies from one failed iteration."""

from __future__ import annotations

import logging

from studio.tasks import every, spawn
from tests.lab.waiting import wait_until


def test_a_failed_step_is_logged_and_the_loop_goes_on(run, caplog):
    calls: list[int] = []

    async def step() -> None:
        calls.append(len(calls))
        if len(calls) == 2:
            raise OSError("disk gone for a moment")

    async def scenario() -> None:
        task = spawn(every(0.01, step, what="the test step"), name="test-every")
        await wait_until(lambda: len(calls) >= 4)
        task.cancel()

    with caplog.at_level(logging.ERROR, logger="studio.tasks"):
        run(scenario())
    failed = [r for r in caplog.records if "the test step failed" in r.getMessage()]
    assert len(failed) == 1
    # With the traceback: as exc_info, or already in the message (the redaction filter, once the
    # console's logging is set up by an earlier test, renders it there to mask secrets in it).
    record = failed[0]
    text = record.getMessage() + (logging.Formatter().formatException(record.exc_info) if record.exc_info else "")
    assert "OSError: disk gone for a moment" in text and "Traceback" in text


def test_a_plain_function_is_called_and_at_once_starts_without_waiting(run):
    calls: list[str] = []

    async def scenario() -> None:
        task = spawn(every(3600, lambda: calls.append("beat"), what="beat", at_once=True), name="test-every")
        await wait_until(lambda: calls == ["beat"], timeout=2)
        task.cancel()

    run(scenario())
