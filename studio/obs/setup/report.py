"""The names the setup owns in OBS, and its plan and report types (what to apply, what was done,
what OBS has now) with the errors it raises.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from studio.errors import UserError
from studio.i18n import translate
from studio.obs.names import PREFIX, TEMPORARY_PREFIX
from studio.obs.presets import AUDIO_KBPS, Resolution, resolution_for_canvas
from studio.obs.setup.devices import Choice
from studio.obs.setup.geometry import DEFAULT_LAYOUT
from studio.resources import resource_path

__all__ = ["BACKGROUND_INPUT", "CAMERA_INPUT", "CONSOLE_SCENES", "DEFAULT_BACKGROUND", "IMAGE_SUFFIXES", "PROBE_INPUT",
           "PROBE_SCENE", "RESOURCES", "SCENE_LANDSCAPE", "SCENE_PORTRAIT", "WINDOW_INPUT", "Devices", "OutputsActive",
           "SetupPlan", "SetupReport", "SetupState", "SetupUnavailable"]

# ----- names the console owns in OBS ---------------------------------------------------------------
SCENE_PORTRAIT = "竖屏直播 Portrait"
SCENE_LANDSCAPE = "横屏直播 Landscape"
CONSOLE_SCENES = (SCENE_PORTRAIT, SCENE_LANDSCAPE)
BACKGROUND_INPUT = PREFIX + "背景 Background"
CAMERA_INPUT = PREFIX + "摄像头 Camera"
WINDOW_INPUT = PREFIX + "PPT 窗口 Slides"
PROBE_SCENE = TEMPORARY_PREFIX + " Probe"  # lives for the length of one device listing
PROBE_INPUT = TEMPORARY_PREFIX + " Probe input"

RESOURCES = resource_path("backgrounds")
DEFAULT_BACKGROUND = RESOURCES / "portrait-default.png"
# What OBS's image source reads (obs-studio plugins/image-source: "Image Files" filter).
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".tga", ".gif", ".psd", ".webp", ".jxr")


# ----- plan and results --------------------------------------------------------------------------
@dataclass(frozen=True)
class SetupPlan:
    resolution: Resolution
    portrait: bool = True
    background: Path = DEFAULT_BACKGROUND
    layout: str = DEFAULT_LAYOUT
    camera: str | None = None  # a Choice.value; None keeps what is set (or the first camera)
    window: str | None = None  # a Choice.value; None keeps what is set (or the open slide show)

    @property
    def canvas(self) -> tuple[int, int]:
        return self.resolution.canvas(self.portrait)

    @property
    def scene(self) -> str:
        return SCENE_PORTRAIT if self.portrait else SCENE_LANDSCAPE


@dataclass
class SetupReport:
    """What was done, for the panel's message line and the CLI (also as JSON)."""

    scene: str
    canvas: tuple[int, int]
    output: tuple[int, int]
    output_mode: str  # "Simple" | "Advanced"
    video_kbps: int
    bitrate_applied: bool  # False in Advanced mode: see manual_steps
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    manual_steps: list[str] = field(default_factory=list)  # translated: what to set by hand
    notes: list[str] = field(default_factory=list)  # translated: what else the host should know

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["canvas"] = list(self.canvas)
        data["output"] = list(self.output)
        return data

    def summary(self) -> str:
        w, h = self.output
        text = translate("StudioSetup", "Done: {w}×{h}, scene “{scene}”.").format(w=w, h=h, scene=self.scene)
        if self.bitrate_applied:
            text += " " + translate("StudioSetup", "Video {kbps} kbps, audio {audio} kbps, x264.").format(
                kbps=self.video_kbps, audio=AUDIO_KBPS)
        return " ".join([text, *self.manual_steps, *self.notes])


@dataclass
class Devices:
    camera_kind: str | None
    window_kind: str | None
    cameras: list[Choice]
    windows: list[Choice]
    preselected_window: str | None
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SetupState:
    """What OBS has now, for the panel to show before anything is applied."""

    base: tuple[int, int]
    output: tuple[int, int]
    output_mode: str
    video_kbps: int | None  # Simple mode's bitrate; None in Advanced mode

    @property
    def portrait(self) -> bool:
        return self.base[1] > self.base[0]

    @property
    def resolution(self) -> Resolution | None:
        return resolution_for_canvas(*self.output)


class OutputsActive(UserError):
    """An OBS output runs: OBS refuses canvas changes, so the console tries nothing."""

    def __init__(self, message: str, outputs: list[str]) -> None:
        super().__init__(message)
        self.outputs = outputs


class SetupUnavailable(UserError):
    """The plan cannot be applied as asked (bad background file, unknown layout, …)."""
