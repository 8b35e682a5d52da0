"""Shared fixtures. The lab (real OBS, nginx-rtmp, keyring) is started here on free loopback ports.

On a developer machine without the lab's programs the integration tests are skipped; under CI
(``CI`` or ``STUDIO_REQUIRE_LAB`` set) a missing program is an error, so .ci/run can never pass
by skipping the tests that matter.

Every test fails at teardown when something broke out of sight during it: a task started with
``studio.tasks.spawn`` that raised, a ``studio.events.Signal`` listener that raised, or an
exception the asyncio loop reported (``background_failures``; a test that means to break
something takes the fixture and calls ``.take()``). The redaction registry starts empty for each
test. Without Qt installed (the core-only CI job), ``loop`` is a plain asyncio loop and tests that
need Qt are skipped by their ``qt`` marker.
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
import tempfile
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from studio import events, redact, tasks

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("STUDIO_CONSOLE_LANG", "en")

from tests.lab.processes import (
    ObsInstance,
    RtmpIngest,
    SessionKeyring,
    XServer,
    missing_programs,
)

T = TypeVar("T")
LAB_PROGRAMS = ("obs", "Xvfb", "openbox", "nginx", "dbus-daemon", "gnome-keyring-daemon")
HAVE_QT = all(importlib.util.find_spec(m) is not None for m in ("PySide6", "qasync", "pytestqt"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without Qt (the core-only job) the tests marked ``qt`` are skipped, and say why."""
    if HAVE_QT:
        return
    skip = pytest.mark.skip(reason="needs Qt (PySide6, qasync, pytest-qt), not installed here")
    for item in items:
        if "qt" in item.keywords:
            item.add_marker(skip)


class BackgroundFailures:
    """What broke where no test could see it: failed spawned tasks, raising listeners, loop errors."""

    def __init__(self) -> None:
        self.failures: list[str] = []

    def add(self, what: str) -> None:
        self.failures.append(what)

    def take(self) -> list[str]:
        """The failures so far (a test that breaks something on purpose checks them); then none."""
        taken, self.failures = self.failures, []
        return taken


@pytest.fixture(autouse=True)
def background_failures() -> Iterator[BackgroundFailures]:
    found = BackgroundFailures()
    undo_tasks = tasks.on_failure(
        lambda task, exc: found.add(f"spawned task {task.get_name()!r} failed: {exc!r}"))
    undo_events = events.on_listener_failure(
        lambda name, exc: found.add(f"a listener of {name or 'a signal'} raised {exc!r}"))
    yield found
    undo_tasks()
    undo_events()
    if found.failures:
        pytest.fail("failed in the background during this test:\n  " + "\n  ".join(found.failures),
                    pytrace=False)


@pytest.fixture(autouse=True)
def _widgets_gone_at_the_test_s_end(request: pytest.FixtureRequest) -> Iterator[None]:
    """After a widget test (and after pytest-qt closed its widgets), delete what was scheduled for
    deletion and collect cycles now, on the Qt thread: windows of many tests left to die later, at
    some event of a later test or in a collection a worker thread set off, crashed late full runs."""
    yield
    if HAVE_QT and "qtbot" in request.fixturenames:
        import gc

        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        gc.collect()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


@pytest.fixture(autouse=True)
def _fresh_redaction(monkeypatch: pytest.MonkeyPatch) -> None:
    """The redaction registry is global: each test starts with none registered (no order effects)."""
    monkeypatch.setattr(redact, "_secrets", set())


def _lab_required() -> bool:
    return bool(os.environ.get("CI") or os.environ.get("STUDIO_REQUIRE_LAB"))


def _need(*programs: str) -> None:
    missing = missing_programs(*programs)
    if missing:
        message = f"lab programs missing: {', '.join(missing)} (run scripts/install-system-deps.sh)"
        if _lab_required():
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings and show data of a test live in its own temp dir, never the developer's."""
    monkeypatch.setenv("STUDIO_CONSOLE_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("STUDIO_CONSOLE_DATA_DIR", str(tmp_path / "data"))
    for var in ("OBS_HOST", "OBS_PORT", "OBS_PASSWORD"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def ring() -> Iterator[Any]:
    """The process's keyring replaced by a ``tests.fakes.keyring.MemoryKeyring`` for this test."""
    import keyring

    from tests.fakes.keyring import MemoryKeyring

    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


@pytest.fixture
def clock() -> Any:
    """A clock the test moves by hand (``tests.fakes.clock.FakeClock`` at ``T0``)."""
    from tests.fakes.clock import FakeClock

    return FakeClock()


@pytest.fixture
def plan() -> Any:
    """The shipped example show plan, loaded afresh."""
    from studio.show.plan import load_plan
    from tests.fakes.show import EXAMPLE

    return load_plan(EXAMPLE)


@pytest.fixture
def controllers(run: Callable[..., Any]) -> Iterator[list[Any]]:
    """Show controllers a test makes, closed on its loop (stops their 1 Hz tick before the loop ends)."""
    made: list[Any] = []
    yield made
    for controller in made:
        run(controller.close())


@pytest.fixture(scope="session")
def lab_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="studio-lab-") as d:
        yield Path(d)


@pytest.fixture(scope="session")
def x_server(lab_dir: Path) -> Iterator[XServer]:
    _need("Xvfb", "openbox")
    server = XServer(lab_dir)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def session_keyring(lab_dir: Path) -> Iterator[SessionKeyring]:
    """The real Secret Service (gnome-keyring on a private dbus), for the whole test session."""
    _need("dbus-daemon", "gnome-keyring-daemon")
    ring = SessionKeyring(lab_dir)
    yield ring
    ring.stop()


@pytest.fixture
def real_keyring(session_keyring: SessionKeyring, monkeypatch: pytest.MonkeyPatch) -> SessionKeyring:
    """Point this test's ``keyring`` at the lab's Secret Service."""
    import keyring
    import keyring.core

    for key, value in session_keyring.env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    keyring.core._keyring_backend = None  # re-detect with the bus address now set
    keyring.set_keyring(keyring.core.load_keyring("keyring.backends.SecretService.Keyring"))
    yield session_keyring
    keyring.core._keyring_backend = None


@pytest.fixture
def obs_factory(x_server: XServer, tmp_path: Path) -> Iterator[Callable[..., ObsInstance]]:
    """Start fresh OBS instances (each its own HOME and port); all stopped after the test."""
    _need("obs")
    started: list[ObsInstance] = []

    def start(**kwargs: Any) -> ObsInstance:
        workdir = tmp_path / f"obs{len(started)}"
        workdir.mkdir()
        instance = ObsInstance(workdir, x_server.display, **kwargs)
        instance.start()
        started.append(instance)
        return instance

    yield start
    for instance in started:
        instance.stop()


@pytest.fixture(scope="session")
def shared_obs(x_server: XServer, lab_dir: Path) -> Iterator[ObsInstance]:
    """One OBS for the tests that do not kill or reconfigure it (saves a start per test)."""
    _need("obs")
    workdir = lab_dir / "shared-obs"
    workdir.mkdir()
    instance = ObsInstance(workdir, x_server.display)
    instance.start()
    yield instance
    instance.stop()


@pytest.fixture
def rtmp_ingest(tmp_path: Path) -> Iterator[RtmpIngest]:
    _need("nginx")
    ingest = RtmpIngest(tmp_path)
    ingest.start()
    yield ingest
    ingest.stop()


@pytest.fixture(scope="session")
def _session_loop(request: pytest.FixtureRequest) -> Iterator[asyncio.AbstractEventLoop]:
    """ONE loop for the whole session, as the app has one for its whole life: qasync's on pytest-qt's
    QApplication, or (without Qt, the core-only job) a plain asyncio loop.

    A loop per test was closed while worker threads could still hand it results, and Qt later
    delivered those queued calls to deleted objects (segfaults in pytest-qt's event processing).
    """
    if not HAVE_QT:
        plain = asyncio.new_event_loop()
        yield plain
        plain.close()
        return
    import qasync

    event_loop = qasync.QEventLoop(request.getfixturevalue("qapp"))
    yield event_loop
    event_loop.close()


def _mark_running(event_loop: asyncio.AbstractEventLoop | None) -> None:
    """Let asyncio see ``event_loop`` as this thread's running loop (None: no loop runs).

    In the app the qasync loop runs for the app's whole life, so whenever Qt processes events a
    loop is running. In a test it runs only inside ``run(...)``; but pytest-qt (``qtbot.wait``, its
    teardown) processes Qt events outside it, and qasync then steps tasks there: without this a
    task calling ``asyncio.to_thread`` failed with "no running event loop", which only tests saw.
    """
    asyncio.events._set_running_loop(event_loop)


@pytest.fixture
def loop(_session_loop: asyncio.AbstractEventLoop,
         background_failures: BackgroundFailures) -> Iterator[asyncio.AbstractEventLoop]:
    """The qasync loop on pytest-qt's QApplication: asyncio and Qt tick together, as in the app.

    What the loop reports (an exception in a callback, a task whose exception nobody retrieved)
    fails the test at teardown, through ``background_failures``.
    """
    from studio.tasks import cancel_all

    def on_loop_error(event_loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        event_loop.default_exception_handler(context)  # still logged, as in the app
        error = context.get("exception")
        background_failures.add(f"the loop reported: {context.get('message', '')} {error!r}".strip())

    asyncio.set_event_loop(_session_loop)
    _session_loop.set_exception_handler(on_loop_error)
    if HAVE_QT:
        _mark_running(_session_loop)
    yield _session_loop
    _session_loop.run_until_complete(cancel_all())  # nothing of this test runs on into the next
    if HAVE_QT:
        from PySide6.QtWidgets import QApplication

        _mark_running(_session_loop)
        QApplication.processEvents()  # what the test left queued runs now, still inside this test
        _session_loop.run_until_complete(cancel_all())
        _mark_running(None)
    _session_loop.set_exception_handler(None)


@pytest.fixture
def run(loop: asyncio.AbstractEventLoop) -> Callable[..., Any]:
    """``run(coro, timeout=10)``: drive a coroutine to its end on the test's qasync loop."""

    def runner(coro: Coroutine[Any, Any, T], timeout: float = 15.0) -> T:
        _mark_running(None)  # run_until_complete marks it running itself, and unmarks it at the end
        try:
            return loop.run_until_complete(asyncio.wait_for(coro, timeout))
        except BaseException:
            # A failed scenario leaves links and pollers behind: stop them now, while the loop
            # runs, not later from Qt's event processing between tests.
            from studio.tasks import cancel_all

            loop.run_until_complete(cancel_all())
            raise
        finally:
            if HAVE_QT:
                _mark_running(loop)

    return runner
