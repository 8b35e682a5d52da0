"""Shared fixtures. The lab (real OBS, nginx-rtmp, keyring) is started here on free loopback ports.

On a developer machine without the lab's programs the integration tests are skipped; under CI
(``CI`` or ``STUDIO_REQUIRE_LAB`` set) a missing program is an error, so .ci/run can never pass
by skipping the tests that matter.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

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
def _session_loop(qapp: Any) -> Iterator[asyncio.AbstractEventLoop]:
    """ONE qasync loop for the whole session, as the app has one for its whole life.

    A loop per test was closed while worker threads could still hand it results, and Qt later
    delivered those queued calls to deleted objects (segfaults in pytest-qt's event processing).
    """
    import qasync

    event_loop = qasync.QEventLoop(qapp)
    yield event_loop
    event_loop.close()


@pytest.fixture
def loop(_session_loop: asyncio.AbstractEventLoop) -> Iterator[asyncio.AbstractEventLoop]:
    """The qasync loop on pytest-qt's QApplication: asyncio and Qt tick together, as in the app."""
    from studio.tasks import cancel_all

    asyncio.set_event_loop(_session_loop)
    yield _session_loop
    _session_loop.run_until_complete(cancel_all())  # nothing of this test runs on into the next
    asyncio.set_event_loop(None)


@pytest.fixture
def run(loop: asyncio.AbstractEventLoop) -> Callable[..., Any]:
    """``run(coro, timeout=10)``: drive a coroutine to its end on the test's qasync loop."""

    def runner(coro: Coroutine[Any, Any, T], timeout: float = 15.0) -> T:
        try:
            return loop.run_until_complete(asyncio.wait_for(coro, timeout))
        except BaseException:
            # A failed scenario leaves links and pollers behind: stop them now, while the loop
            # runs, not later from Qt's event processing between tests.
            from studio.tasks import cancel_all

            loop.run_until_complete(cancel_all())
            raise

    return runner
