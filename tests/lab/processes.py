"""Start and stop the lab's real services: Xvfb + openbox, dbus + gnome-keyring, nginx-rtmp, OBS.

Each class owns one process group, started with ``start_new_session`` so that stopping it by its
own pid also ends whatever it forked (OBS's helpers, nginx's workers). Nothing here is pytest
specific: the fixtures in ``tests/conftest.py`` and the benchmarks both use it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.request
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

LOOPBACK = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, timeout: float, host: str = LOOPBACK) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((host, port), timeout=0.2):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def _die_with_parent() -> None:
    """In the child, before exec: get SIGKILL when the test run dies (Linux prctl PDEATHSIG).

    A test run killed by a timeout never reaches its fixtures' teardown; without this its OBS
    instances would go on rendering and slow every later run on the machine.
    """
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG = 1
    except OSError:
        pass


def _death_signal():  # type: ignore[no-untyped-def]
    # PDEATHSIG follows the creating *thread*: from a worker thread (asyncio.to_thread) it would
    # kill the child when that thread ends, so only the main thread asks for it.
    return _die_with_parent if threading.current_thread() is threading.main_thread() else None


def missing_programs(*names: str) -> list[str]:
    return [n for n in names if shutil.which(n) is None]


class LabProcess:
    """One child process (and its session group), stopped by its own pid."""

    def __init__(self, argv: list[str], *, env: dict[str, str] | None = None,
                 log: Path | None = None, stdin_text: str | None = None) -> None:
        self.argv = argv
        self.log = log
        out = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115 - closed in stop()
        self._out = out
        self.proc = subprocess.Popen(
            argv, env=env, stdout=out, stderr=subprocess.STDOUT,
            stdin=subprocess.PIPE if stdin_text is not None else subprocess.DEVNULL,
            start_new_session=True, preexec_fn=_death_signal(),
        )
        if stdin_text is not None and self.proc.stdin:
            self.proc.stdin.write(stdin_text.encode())
            self.proc.stdin.close()

    @property
    def pid(self) -> int:
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc.poll() is None

    def signal_group(self, sig: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, sig)

    def stop(self, timeout: float = 5.0) -> None:
        if self.alive():
            self.signal_group(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.signal_group(signal.SIGKILL)
                self.proc.wait(timeout)
        else:
            self.signal_group(signal.SIGKILL)  # leftovers of the group, if any
        if hasattr(self._out, "close"):
            self._out.close()

    def kill(self) -> None:
        """As a crash: SIGKILL to the whole group, no chance to save anything."""
        self.signal_group(signal.SIGKILL)
        self.proc.wait(5)


class XServer:
    """Xvfb with the Composite extension and an EWMH window manager (openbox).

    OBS offers ``xcomposite_input`` (window capture) only with both.
    """

    def __init__(self, workdir: Path) -> None:
        read_fd, write_fd = os.pipe()
        self.xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1920x1080x24",
             "+extension", "Composite", "-nolisten", "tcp", "-noreset"],
            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True, preexec_fn=_death_signal(),
        )
        os.close(write_fd)
        with os.fdopen(read_fd) as f:
            number = f.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not report a display number")
        self.display = f":{number}"
        env = dict(os.environ, DISPLAY=self.display)
        self.wm = LabProcess(["openbox"], env=env, log=workdir / "openbox.log")
        time.sleep(0.3)

    def stop(self) -> None:
        self.wm.stop()
        try:
            os.killpg(self.xvfb.pid, signal.SIGTERM)
            self.xvfb.wait(5)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.xvfb.pid, signal.SIGKILL)


class SessionKeyring:
    """A private dbus session bus with gnome-keyring's Secret Service, unlocked.

    ``env`` holds DBUS_SESSION_BUS_ADDRESS for the processes (and the test process) that should
    see this keyring; ``keyring`` then picks its SecretService backend, as on a Linux desktop.
    """

    def __init__(self, workdir: Path) -> None:
        self.home = workdir / "keyring-home"
        (self.home / ".local/share/keyrings").mkdir(parents=True, exist_ok=True)
        out = subprocess.run(
            ["dbus-daemon", "--session", "--fork", "--nopidfile", "--print-address=1",
             "--print-pid=1"], capture_output=True, text=True, check=True,
        ).stdout.split()
        self.address, self.dbus_pid = out[0], int(out[1])
        self.env = {
            "DBUS_SESSION_BUS_ADDRESS": self.address,
            "XDG_DATA_HOME": str(self.home / ".local/share"),
        }
        env = dict(os.environ, HOME=str(self.home), **self.env)
        result = subprocess.run(
            ["gnome-keyring-daemon", "--unlock", "--components=secrets", "--daemonize"],
            input="lab-keyring-password", capture_output=True, text=True, env=env, timeout=20,
        )
        match = re.search(r"GNOME_KEYRING_CONTROL=(\S+)", result.stdout)
        self.control = match.group(1) if match else None
        self.daemon_pid = _pid_of("gnome-keyring-daemon", self.address)

    def stop(self) -> None:
        for pid in (self.daemon_pid, self.dbus_pid):
            if pid:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGTERM)


def _pid_of(program: str, bus_address: str) -> int | None:
    """The pid of ``program`` whose environment names our bus (it daemonised, so no Popen)."""
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if Path(proc, "comm").read_text().strip() != program[:15]:
                continue
            environ = Path(proc, "environ").read_bytes()
        except OSError:
            continue
        if bus_address.encode() in environ:
            return int(proc.name)
    return None


@dataclass
class RtmpIngest:
    """nginx with the rtmp module on loopback; /stat gives ground-truth ``bytes_in``."""

    workdir: Path
    rtmp_port: int = field(default_factory=free_port)
    http_port: int = field(default_factory=free_port)

    def __post_init__(self) -> None:
        self.prefix = self.workdir / "nginx"
        (self.prefix / "logs").mkdir(parents=True, exist_ok=True)
        self.conf = self.prefix / "nginx.conf"
        self.proc: LabProcess | None = None

    @property
    def server_url(self) -> str:
        return f"rtmp://{LOOPBACK}:{self.rtmp_port}/live/"

    def start(self) -> None:
        modules = "/usr/lib/nginx/modules"
        p = self.prefix
        self.conf.write_text(f"""
load_module {modules}/ngx_rtmp_module.so;
daemon off;
master_process off;
worker_processes 1;
pid {p}/nginx.pid;
error_log {p}/logs/error.log warn;
events {{ worker_connections 64; }}
rtmp {{ server {{ listen {LOOPBACK}:{self.rtmp_port}; chunk_size 4096;
    application live {{ live on; record off; }} }} }}
http {{ access_log off; client_body_temp_path {p}/tmp; proxy_temp_path {p}/tmp;
    fastcgi_temp_path {p}/tmp; uwsgi_temp_path {p}/tmp; scgi_temp_path {p}/tmp;
    server {{ listen {LOOPBACK}:{self.http_port}; location /stat {{ rtmp_stat all; }} }} }}
""")
        self.proc = LabProcess(["nginx", "-c", str(self.conf), "-p", str(p)],
                               log=p / "logs/stdout.log")
        if not (wait_for_port(self.rtmp_port, 10) and wait_for_port(self.http_port, 10)):
            raise RuntimeError(f"nginx-rtmp did not start; see {p}/logs")

    def stop(self) -> None:
        if self.proc:
            self.proc.stop()
            self.proc = None

    def stream_bytes_in(self, key_prefix: str = "") -> int | None:
        """bytes_in of the first live stream whose name starts with ``key_prefix``."""
        with urllib.request.urlopen(f"http://{LOOPBACK}:{self.http_port}/stat", timeout=3) as r:
            root = ET.fromstring(r.read())
        for stream in root.iter("stream"):
            name = stream.findtext("name") or ""
            if name.startswith(key_prefix):
                return int(stream.findtext("bytes_in") or 0)
        return None


# Scenes written to disk before OBS starts: OBS saves a collection only on a clean exit, so a
# test that kills and restarts OBS can only expect scenes that were on disk at launch.
LAB_SCENES = ("开场 Opening", "讲解 Product", "抽奖 Lottery")


def _scene_collection(name: str, scenes: tuple[str, ...]) -> dict[str, object]:
    return {
        "name": name,
        "current_scene": scenes[0],
        "current_program_scene": scenes[0],
        "scene_order": [{"name": s} for s in scenes],
        "sources": [
            {"id": "scene", "versioned_id": "scene", "name": s, "uuid": str(uuid.uuid4()),
             "settings": {"items": [], "id_counter": 0, "custom_size": False},
             "enabled": True, "flags": 0, "mixers": 0, "volume": 1.0, "muted": False,
             "private_settings": {}}
            for s in scenes
        ],
        "groups": [],
        "transitions": [],
        "current_transition": "Cut",
        "transition_duration": 300,
        "quick_transitions": [],
        "modules": {},
        "preview_locked": False,
        "scaling_enabled": False,
    }


class ObsInstance:
    """A real OBS with obs-websocket on a free port, its HOME in a temp dir.

    ``start()`` can be called again after ``stop()``/``kill()``: same HOME, same port.
    """

    def __init__(self, workdir: Path, display: str, *, password: str = "lab-obs-password",
                 scenes: tuple[str, ...] = LAB_SCENES, extra_env: dict[str, str] | None = None) -> None:
        self.home = workdir / "obs-home"
        self.port = free_port()
        self.password = password
        self.display = display
        self.extra_env = extra_env or {}
        self.proc: LabProcess | None = None
        self.log = workdir / "obs.log"
        self._write_config(scenes)

    def _write_config(self, scenes: tuple[str, ...]) -> None:
        cfg = self.home / ".config/obs-studio"
        (cfg / "basic/scenes").mkdir(parents=True, exist_ok=True)
        (cfg / "basic/profiles/Lab").mkdir(parents=True, exist_ok=True)
        (cfg / "global.ini").write_text(
            "[General]\nFirstRun=true\nLastVersion=999999999\n"
            "[Basic]\nProfile=Lab\nProfileDir=Lab\nSceneCollection=Lab\nSceneCollectionFile=Lab\n"
            "ConfigOnNewProfile=false\n"
            f"[OBSWebSocket]\nFirstLoad=false\nServerEnabled=true\nServerPort={self.port}\n"
            f"AlertsEnabled=false\nAuthRequired=true\nServerPassword={self.password}\n",
            encoding="utf-8",
        )
        ws = cfg / "plugin_config/obs-websocket"  # where obs-websocket 5.3+ looks
        ws.mkdir(parents=True, exist_ok=True)
        (ws / "config.json").write_text(json.dumps({
            "first_load": False, "server_enabled": True, "server_port": self.port,
            "alerts_enabled": False, "auth_required": True, "server_password": self.password,
        }))
        (cfg / "basic/profiles/Lab/basic.ini").write_text(
            "[General]\nName=Lab\n[Video]\nBaseCX=1280\nBaseCY=720\nOutputCX=1280\nOutputCY=720\n"
            "FPSType=0\nFPSCommon=30\n[Output]\nMode=Simple\n"
            "[SimpleOutput]\nVBitrate=2500\nABitrate=160\nStreamEncoder=x264\n",
            encoding="utf-8",
        )
        (cfg / "basic/scenes/Lab.json").write_text(
            json.dumps(_scene_collection("Lab", scenes), ensure_ascii=False), encoding="utf-8")

    def start(self, timeout: float = 30.0) -> None:
        env = dict(os.environ, HOME=str(self.home), DISPLAY=self.display,
                   XDG_CONFIG_HOME=str(self.home / ".config"), LIBGL_ALWAYS_SOFTWARE="1",
                   QT_QPA_PLATFORM="xcb", **self.extra_env)
        env.pop("WAYLAND_DISPLAY", None)
        self.proc = LabProcess(
            ["obs", "--multi", "--disable-shutdown-check", "--disable-updater"],
            env=env, log=self.log,
        )
        if not wait_for_port(self.port, timeout):
            self.stop()
            tail = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"OBS did not open its websocket on {self.port}:\n{tail}")

    def stop(self) -> None:
        if self.proc:
            self.proc.stop(timeout=10)
            self.proc = None

    def kill(self) -> None:
        if self.proc:
            self.proc.kill()
            self.proc = None
