"""What a support person needs to know, checked for real: OBS, versions, output mode, keyring, fonts."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from studio.i18n import translate
from studio.keys.store import SecretStore
from studio.obs.link import ConnectionTarget, LinkState, ObsLink


@dataclass
class Check:
    name: str
    ok: bool
    detail: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


async def run_checks(target: ConnectionTarget, *, timeout: float = 3.0,
                     store: SecretStore | None = None) -> list[Check]:
    checks: list[Check] = []
    link = ObsLink(target, connect_timeout=timeout, request_timeout=max(timeout, 3.0))
    try:
        status = await link.connect_once()
        if status.state is LinkState.CONNECTED:
            checks.append(Check("obs", True, translate("Doctor", "OBS answers at {where}.").format(
                where=target.describe())))
            checks.append(Check("versions", _version_ok(status.obs_version),
                                f"OBS {status.obs_version}, obs-websocket {status.websocket_version}"
                                f", {status.platform}"))
            mode = (await link.request("GetProfileParameter", {
                "parameterCategory": "Output", "parameterName": "Mode"})).get("parameterValue") or "Simple"
            checks.append(Check("output_mode", True, mode if mode != "Advanced" else translate(
                "Doctor", "Advanced: the console cannot set the encoder bitrate; set it in OBS → "
                "Settings → Output.")))
        else:
            checks.append(Check("obs", False, status.message))
            for name in ("versions", "output_mode"):
                checks.append(Check(name, False, translate("Doctor", "not checked: OBS not reachable")))
    finally:
        await link.close()
    store = store or SecretStore()
    keyring_ok = await asyncio.to_thread(store.usable)
    checks.append(Check("keyring", keyring_ok, store.backend_name() if keyring_ok else translate(
        "Doctor", "{backend}: no usable keyring, secrets cannot be saved").format(
            backend=store.backend_name())))
    font = await asyncio.to_thread(find_cjk_font)
    checks.append(Check("cjk_font", font is not None, font or translate(
        "Doctor", "No Chinese font found: overlays would show empty boxes. Install one (Linux: "
        "fonts-wqy-microhei or fonts-noto-cjk).")))
    return checks


def _version_ok(obs_version: str) -> bool:
    try:
        return int(obs_version.split(".")[0]) >= 28
    except ValueError:
        return False


def find_cjk_font() -> str | None:
    """A font OBS can use for Chinese overlay text, or None."""
    if sys.platform.startswith("win"):
        fonts = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        candidates = ["msyh.ttc", "msyh.ttf", "simhei.ttf", "simsun.ttc", "Deng.ttf"]
        return next((str(fonts / c) for c in candidates if (fonts / c).exists()), None)
    if sys.platform == "darwin":
        for p in ("/System/Library/Fonts/PingFang.ttc", "/System/Library/Fonts/STHeiti Medium.ttc",
                  "/Library/Fonts/Arial Unicode.ttf"):
            if Path(p).exists():
                return p
        return None
    if shutil.which("fc-list"):
        out = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True,
                             timeout=10).stdout.strip()
        return out.splitlines()[0] if out else None
    return None
