"""First run: find OBS on this computer, say in the user's words what to do, connect, keep the password.

The first-run wizard (``ui/wizard.py``) shows what ``diagnose`` finds, one step at a time:

- ``obs_off``: OBS is not running → start it.
- ``websocket_off``: OBS runs but nothing answers on the port → where exactly, in *this* OBS's
  menus (its version and its UI language, read from OBS's own ``global.ini``), to turn on the
  WebSocket server.
- ``wrong_password``: OBS answered and refused the password → type it again (where to see it).
- ``too_old``: something answered that is not obs-websocket 5 (OBS < 28) → update OBS.
- ``connected``.

OBS's settings folder: Windows ``%APPDATA%\\obs-studio``, macOS
``~/Library/Application Support/obs-studio``, Linux ``$XDG_CONFIG_HOME/obs-studio``.
"""

from __future__ import annotations

import asyncio
import configparser
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from studio.i18n import translate
from studio.obs.link import ConnectionTarget, LinkState, ObsLink

OBS_DEFAULT_PORT = 4455


def obs_config_dir() -> Path:
    """Where this user's OBS keeps ``global.ini`` (it may not exist: OBS never ran)."""
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / "obs-studio"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "obs-studio"
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "obs-studio"


@dataclass(frozen=True)
class ObsInstall:
    """What OBS's own settings say (each field None when not known)."""

    config_dir: Path
    version: tuple[int, int, int] | None  # the last OBS version that ran here
    language: str | None  # OBS's UI language, e.g. "zh-CN", "en-US"
    websocket_enabled: bool | None
    websocket_port: int | None
    auth_required: bool | None

    @property
    def chinese(self) -> bool:
        return (self.language or "").lower().startswith("zh")


def _version_from(last_version: str | None) -> tuple[int, int, int] | None:
    """OBS writes LIBOBS_API_VER: major << 24 | minor << 16 | patch."""
    try:
        value = int(last_version or "")
    except ValueError:
        return None
    major, minor, patch = value >> 24, (value >> 16) & 0xFF, value & 0xFFFF
    plausible = 0 < major < 100 and minor < 100 and patch < 1000  # not a "never show what's new" 999999999
    return (major, minor, patch) if plausible else None


def read_obs_install(config_dir: Path | None = None) -> ObsInstall:
    """Read OBS's ``global.ini`` and obs-websocket's ``config.json`` (5.3+ keeps it there)."""
    folder = config_dir or obs_config_dir()
    ini = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        ini.read(folder / "global.ini", encoding="utf-8-sig")
    except (OSError, configparser.Error, UnicodeDecodeError):
        pass
    general = ini["General"] if ini.has_section("General") else {}
    ws_ini = ini["OBSWebSocket"] if ini.has_section("OBSWebSocket") else {}
    enabled: bool | None = None
    port: int | None = None
    auth: bool | None = None
    try:
        ws = json.loads((folder / "plugin_config" / "obs-websocket" / "config.json").read_text(encoding="utf-8"))
        enabled, port, auth = ws.get("server_enabled"), ws.get("server_port"), ws.get("auth_required")
    except (OSError, ValueError):
        if "ServerEnabled" in ws_ini:
            enabled = ws_ini.get("ServerEnabled", "").lower() == "true"
        if ws_ini.get("ServerPort", "").isdigit():
            port = int(ws_ini["ServerPort"])
        if "AuthRequired" in ws_ini:
            auth = ws_ini.get("AuthRequired", "").lower() == "true"
    return ObsInstall(folder, _version_from(general.get("LastVersion")), general.get("Language") or None,
                      bool(enabled) if enabled is not None else None, port if isinstance(port, int) else None,
                      bool(auth) if auth is not None else None)


def websocket_menu_path(install: ObsInstall) -> str:
    """Where to turn the WebSocket server on, in the words of the user's OBS menus."""
    if install.version is not None and install.version[0] < 28:
        return translate("FirstRun", "This OBS ({version}) has no built-in WebSocket server: update OBS to "
                         "version 28 or newer (obsproject.com), then come back.").format(
                             version=".".join(map(str, install.version)))
    if install.chinese:
        menu = "工具 → WebSocket 服务器设置 → 勾选「开启 WebSocket 服务器」→ 确定"
    else:
        menu = "Tools → WebSocket Server Settings → tick “Enable WebSocket server” → OK"
    return translate("FirstRun", "In OBS: {menu}. Keep the port {port}; “Show Connect Info” there shows "
                     "the password.").format(menu=menu, port=install.websocket_port or OBS_DEFAULT_PORT)


def obs_running(install: ObsInstall | None = None) -> bool:
    """Is OBS running for this user? On Linux, only an OBS that uses this settings folder counts."""
    if sys.platform == "win32":
        out = subprocess.run(["tasklist", "/FI", "IMAGENAME eq obs64.exe", "/NH"], capture_output=True,
                             text=True, timeout=10, creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
        return "obs64.exe" in out.stdout.lower()
    if sys.platform == "darwin":
        pgrep = shutil.which("pgrep") or "/usr/bin/pgrep"
        return subprocess.run([pgrep, "-x", "OBS"], capture_output=True, timeout=10).returncode == 0
    wanted = (install.config_dir if install else obs_config_dir()).resolve()
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if (proc / "comm").read_text().strip() != "obs":
                continue
            env = dict(item.split("=", 1) for item in (proc / "environ").read_text(errors="replace").split("\0")
                       if "=" in item)
        except OSError:
            continue
        home = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME", "/")) / ".config")
        if (Path(home) / "obs-studio").resolve() == wanted:
            return True
    return False


@dataclass(frozen=True)
class Diagnosis:
    kind: str  # "connected" | "obs_off" | "websocket_off" | "wrong_password" | "too_old"
    title: str  # one line, plain words
    advice: str  # what to do, with the menu path where one helps
    obs_version: str = ""  # when connected


async def diagnose(target: ConnectionTarget, install: ObsInstall | None = None, *,
                   timeout: float = 3.0) -> Diagnosis:
    """One connection attempt, explained. Blocking reads go off the loop."""
    found = install if install is not None else await asyncio.to_thread(read_obs_install)
    link = ObsLink(target, connect_timeout=timeout, request_timeout=max(timeout, 3.0))
    try:
        status = await link.connect_once()
    finally:
        await link.close()
    if status.state is LinkState.CONNECTED:
        return Diagnosis("connected", translate("FirstRun", "Connected to OBS {version}.").format(
            version=status.obs_version), "", status.obs_version)
    if status.state is LinkState.AUTH_FAILED:
        return Diagnosis("wrong_password", translate("FirstRun", "OBS refused the password."), translate(
            "FirstRun", "Type the password again. To see it in OBS: {menu}").format(
                menu=("工具 → WebSocket 服务器设置 → 显示连接信息" if found.chinese
                      else "Tools → WebSocket Server Settings → Show Connect Info")))
    if status.state is LinkState.TOO_OLD:
        return Diagnosis("too_old", translate("FirstRun", "This OBS is too old for the console."), translate(
            "FirstRun", "Update OBS to version 28 or newer (it has the WebSocket server built in)."))
    if not await asyncio.to_thread(obs_running, found):
        return Diagnosis("obs_off", translate("FirstRun", "OBS is not running."), translate(
            "FirstRun", "Start OBS Studio, then press “Check”. If OBS is not installed, get it from "
            "obsproject.com (version 28 or newer).") + "\n" + websocket_menu_path(found))
    return Diagnosis("websocket_off", translate("FirstRun", "OBS is running, but its WebSocket server is off "
                                                "(or on another port)."), websocket_menu_path(found))


def keyring_label(backend_name: str) -> str:
    """The keyring in a user's words, from ``SecretStore.backend_name()``."""
    name = backend_name.lower()
    if "windows" in name or "winvault" in name:
        return translate("FirstRun", "Windows Credential Manager")
    if "macos" in name or "osx" in name:
        return translate("FirstRun", "the macOS Keychain")
    if "kwallet" in name:
        return translate("FirstRun", "KWallet")
    if "secretservice" in name:
        return translate("FirstRun", "the desktop keyring (Secret Service: GNOME Keyring or KWallet)")
    return backend_name


def copy_example_plan(example: Path, documents: Path) -> Path:
    """A copy of the example plan in the user's documents (never overwrites: adds a number)."""
    folder = documents / "直播中控台 Studio Console"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / example.name
    n = 2
    while target.exists():
        target = folder / f"{example.stem}-{n}{example.suffix}"
        n += 1
    shutil.copyfile(example, target)
    return target
