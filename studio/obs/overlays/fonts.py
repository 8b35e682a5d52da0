"""Which text source and which CJK font face the overlays use in this OBS.

Text sources are of the kind this OBS offers (``text_gdiplus_v2`` on Windows,
``text_ft2_source_v2`` on macOS and Linux) with a CJK face (Microsoft YaHei, PingFang SC,
WenQuanYi Micro Hei), so Chinese never turns into empty boxes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

# Text source kinds, best first, and the CJK face each platform has.
TEXT_KINDS = ("text_gdiplus_v2", "text_gdiplus", "text_ft2_source_v2", "text_ft2_source")
FACE_WINDOWS = "Microsoft YaHei"
FACE_MACOS = "PingFang SC"
FACE_LINUX = "WenQuanYi Micro Hei"


def pick_text_kind(available: list[str]) -> str | None:
    return next((k for k in TEXT_KINDS if k in available), None)


def pick_face(platform: str, text_kind: str, local_families: list[str] | None = None) -> str:
    """The CJK font face OBS should use, from OBS's ``GetVersion`` platform and its text kind.

    ``local_families`` are the CJK families fontconfig lists on this machine: used on Linux when
    OBS runs here, since distributions ship different CJK fonts.
    """
    p = platform.lower()
    if text_kind.startswith("text_gdiplus") or p.startswith("win"):
        return FACE_WINDOWS
    if p in ("macos", "osx", "darwin") or p.startswith("mac"):
        return FACE_MACOS
    families = local_families or []
    preferred = next((f for f in families if f == FACE_LINUX), None)
    usable = [f for f in families if "mono" not in f.lower()]
    return preferred or (usable[0] if usable else FACE_LINUX)


def local_cjk_families() -> list[str]:
    """CJK font families fontconfig knows here (first name of each); blocking, run it in a thread."""
    if not sys.platform.startswith("linux") or shutil.which("fc-list") is None:
        return []
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True,
                             timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted({line.split(",")[0].strip() for line in out.splitlines() if line.strip()})


def is_local(host: str) -> bool:
    """OBS runs on this machine, so its fonts are the ones fontconfig lists here."""
    return host in ("127.0.0.1", "localhost", "::1", "")
