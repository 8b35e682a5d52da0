"""Capture-device heuristics: which source kinds this OBS offers for a camera and a window, and
which window is the PPT/WPS slide show. Pure, no OBS.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from studio.i18n import translate


@dataclass(frozen=True)
class CaptureKind:
    kind: str  # OBS input kind id
    list_property: str | None  # the property whose items list the devices/windows; None: no list
    extra_settings: tuple[tuple[str, Any], ...] = ()  # settings this kind needs besides the choice


# Windows and macOS' legacy capture: "window"; macOS 13+ ScreenCaptureKit wants type 1 (window);
# Linux X11: xcomposite "capture_window"; PipeWire asks the desktop portal (no list to offer).
WINDOW_KINDS = (
    CaptureKind("window_capture", "window"),
    CaptureKind("xcomposite_input", "capture_window"),
    CaptureKind("screen_capture", "window", (("type", 1),)),
    CaptureKind("pipewire-window-capture-source", None),
)
CAMERA_KINDS = (
    CaptureKind("dshow_input", "video_device_id"),
    CaptureKind("av_capture_input_v2", "device"),
    CaptureKind("av_capture_input", "device"),
    CaptureKind("v4l2_input", "device_id"),
)
BACKGROUND_KIND = "image_source"


def pick_kind(available: list[str], preferences: tuple[CaptureKind, ...]) -> CaptureKind | None:
    offered = set(available)
    for candidate in preferences:
        if candidate.kind in offered:
            return candidate
    return None


# ----- picking the slide show among the windows -------------------------------------------------
# PowerPoint's slide show: class "screenClass", title "PowerPoint 幻灯片放映 - [x.pptx]" or
# "PowerPoint Slide Show - …"; WPS 演示's show window says 幻灯片放映 / 放映 too. Editing windows of
# the same programs are the second choice.
_SLIDESHOW = re.compile(r"幻灯片放映|放映|slide ?show|screenclass|wpsshow", re.IGNORECASE)
_PRESENTATION_APP = re.compile(r"powerpnt|powerpoint|wpp\.exe|wps|keynote|演示", re.IGNORECASE)
_OBS_ITSELF = re.compile(r"^obs(64|32)?(\.exe)?$|^OBS \d", re.IGNORECASE)  # its exe/class, or title


def slideshow_score(name: str, value: str) -> int:
    text = f"{name}\n{value}"
    if _SLIDESHOW.search(text):
        return 2
    if _PRESENTATION_APP.search(text):
        return 1
    return 0


@dataclass(frozen=True)
class Choice:
    value: str  # what OBS stores in the input's setting
    name: str  # what OBS shows
    enabled: bool = True


def preselect_window(windows: list[Choice]) -> str | None:
    """The slide show window when one is open, else a PowerPoint/WPS window, else None."""
    best, best_score = None, 0
    for choice in windows:
        score = slideshow_score(choice.name, choice.value)
        if score > best_score:
            best, best_score = choice.value, score
    return best


def is_obs_window(choice: Choice) -> bool:
    parts = [*re.split(r"\r\n|:", choice.value), choice.name]
    return any(_OBS_ITSELF.search(part.strip()) for part in parts)


def choice_settings(kind: CaptureKind, value: str | None) -> dict[str, Any]:
    if value is None or kind.list_property is None:
        return dict(kind.extra_settings)
    chosen: Any = value
    if kind.kind == "screen_capture":
        chosen = int(value)  # macOS ScreenCaptureKit stores the window id as a number
    return {**dict(kind.extra_settings), kind.list_property: chosen}


def no_window_capture_message() -> str:
    return translate("StudioSetup", "This OBS offers no window capture, so the PPT cannot be shown by "
                     "capturing its window. Show it with a display capture in OBS, or use "
                     "OBS on Windows or macOS.")


def no_camera_message() -> str:
    return translate("StudioSetup", "This OBS offers no video capture device source, so no camera was "
                     "added. Add your camera in OBS by hand.")
