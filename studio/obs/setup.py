"""One-click portrait studio: canvas, background, camera, PPT window capture and output preset.

What a host sets up by hand in OBS today (playbook §1), done in one go through the OBS link:

- the canvas (``SetVideoSettings``): 720×1280 / 1080×1920 portrait, or the landscape sizes;
- a scene hosts recognise by name (``竖屏直播 Portrait`` / ``横屏直播 Landscape``), created only if
  missing, holding the console's own sources — always named with ``[中控台]`` in front, so the
  console can find them again and never touches a source the user made;
- a background image scaled to *cover* the canvas (cropped to the canvas' shape, then
  ``OBS_BOUNDS_SCALE_OUTER``: never stretched, no black bars), a camera and a PPT/WPS window
  capture placed per layout;
- audio 44.1 kHz stereo and the output preset (x264, 1800/3000 kbit/s video, 160 kbit/s audio).

Rules: nothing is tried while any OBS output runs (OBS refuses canvas changes then), and the
refusal changes nothing; applying twice gives the same result; input kinds come from what this
OBS offers (``GetInputKindList``), and where there is no window capture the host gets a clear
message instead of a broken source. In Advanced output mode OBS keeps the encoder bitrate where
no other program can set it: the console says what to set by hand and applies the rest.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from studio.errors import ObsRequestFailed, UserError
from studio.events import Signal
from studio.i18n import QT_TRANSLATE_NOOP, translate
from studio.obs.link import ObsLink
from studio.obs.presets import (
    AUDIO_KBPS,
    CHANNELS,
    ENCODER_ADVANCED,
    ENCODER_SIMPLE,
    RESOLUTIONS,
    SAMPLE_RATE,
    Resolution,
    resolution_for_canvas,
)
from studio.resources import resource_path

log = logging.getLogger(__name__)

# ----- names the console owns in OBS ---------------------------------------------------------------
PREFIX = "[中控台] "  # every source the console creates starts with this; nothing else is ever changed
SCENE_PORTRAIT = "竖屏直播 Portrait"
SCENE_LANDSCAPE = "横屏直播 Landscape"
CONSOLE_SCENES = (SCENE_PORTRAIT, SCENE_LANDSCAPE)
BACKGROUND_INPUT = PREFIX + "背景 Background"
CAMERA_INPUT = PREFIX + "摄像头 Camera"
WINDOW_INPUT = PREFIX + "PPT 窗口 Slides"
PROBE_SCENE = PREFIX + "临时 Probe"  # lives for the length of one device listing
PROBE_INPUT = PREFIX + "临时 Probe input"

RESOURCES = resource_path("backgrounds")
DEFAULT_BACKGROUND = RESOURCES / "portrait-default.png"
# What OBS's image source reads (obs-studio plugins/image-source: "Image Files" filter).
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".tga", ".gif", ".psd", ".webp", ".jxr")

# OBS alignment flags (obs-defs.h): centre is 0, left 1, right 2, top 4, bottom 8.
ALIGN_CENTER = 0
ALIGN_TOP_LEFT = 5
# obs-websocket status code for "not available here" (no virtual camera, no replay buffer, …).
_NOT_AVAILABLE = 604


# ----- source kinds, per platform, in order of preference -----------------------------------------
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


# ----- layouts ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Box:
    """A rectangle in fractions of the canvas (0..1), so one layout serves 720P and 1080P."""

    x: float
    y: float
    w: float
    h: float


COVER = "cover"  # fill the box, crop what sticks out (never stretch)
FIT = "fit"  # show all of it inside the box; the background shows around it


@dataclass(frozen=True)
class Slot:
    box: Box
    mode: str


FULL = Box(0.0, 0.0, 1.0, 1.0)


@dataclass(frozen=True)
class Layout:
    name: str  # what the CLI takes (--layout)
    title: str  # untranslated; show with translate("StudioSetup", title)
    portrait: dict[str, Slot]  # role ("camera", "ppt") → slot; a role left out is hidden
    landscape: dict[str, Slot]

    def slots(self, portrait: bool) -> dict[str, Slot]:
        return self.portrait if portrait else self.landscape


LAYOUTS: dict[str, Layout] = {
    layout.name: layout
    for layout in (
        Layout(
            "camera-ppt-inset",
            QT_TRANSLATE_NOOP("StudioSetup", "Camera full screen, PPT inset on top"),
            portrait={"camera": Slot(FULL, COVER), "ppt": Slot(Box(0.04, 0.03, 0.92, 0.30), FIT)},
            landscape={"camera": Slot(FULL, COVER), "ppt": Slot(Box(0.62, 0.04, 0.35, 0.35), FIT)},
        ),
        Layout(
            "ppt-above-camera",
            QT_TRANSLATE_NOOP("StudioSetup", "PPT above, camera below (side by side in landscape)"),
            portrait={"ppt": Slot(Box(0.0, 0.04, 1.0, 0.36), FIT),
                      "camera": Slot(Box(0.0, 0.40, 1.0, 0.60), COVER)},
            landscape={"ppt": Slot(Box(0.0, 0.0, 0.64, 1.0), FIT),
                       "camera": Slot(Box(0.64, 0.0, 0.36, 1.0), COVER)},
        ),
        # The playbook's portrait room: a landscape camera at full width, the background
        # filling what would otherwise be black bars above and below.
        Layout(
            "camera-only",
            QT_TRANSLATE_NOOP("StudioSetup", "Camera only, background around it"),
            portrait={"camera": Slot(FULL, FIT)},
            landscape={"camera": Slot(FULL, FIT)},
        ),
    )
}
DEFAULT_LAYOUT = "camera-ppt-inset"


def layout_title(name: str) -> str:
    return translate("StudioSetup", LAYOUTS[name].title)


def cover_crop(source: tuple[float, float], box: tuple[int, int]) -> dict[str, int]:
    """Crop (in source pixels) that gives the source the box's shape, taken from its middle.

    With the crop applied, OBS's "scale to outer bounds" fills the box exactly: OBS 29 has no
    "crop to bounds" of its own, and without the crop an oversized source would spill out of
    its box over its neighbours. An unknown size (0: no camera yet) gets no crop.
    """
    sw, sh = source
    bw, bh = box
    none = {"cropLeft": 0, "cropRight": 0, "cropTop": 0, "cropBottom": 0}
    if sw <= 0 or sh <= 0 or bw <= 0 or bh <= 0:
        return none
    scale = max(bw / sw, bh / sh)
    extra_w = max(0, round(sw - bw / scale))
    extra_h = max(0, round(sh - bh / scale))
    return {"cropLeft": extra_w // 2, "cropRight": extra_w - extra_w // 2,
            "cropTop": extra_h // 2, "cropBottom": extra_h - extra_h // 2}


def item_transform(slot: Slot, canvas: tuple[int, int], source: tuple[float, float]) -> dict[str, Any]:
    """The SetSceneItemTransform body that puts a source of size ``source`` into ``slot``."""
    cw, ch = canvas
    x, y = round(slot.box.x * cw), round(slot.box.y * ch)
    w, h = max(1, round(slot.box.w * cw)), max(1, round(slot.box.h * ch))
    transform: dict[str, Any] = {
        "positionX": float(x), "positionY": float(y), "alignment": ALIGN_TOP_LEFT, "rotation": 0.0,
        "boundsWidth": float(w), "boundsHeight": float(h), "boundsAlignment": ALIGN_CENTER,
    }
    if slot.mode == COVER:
        transform["boundsType"] = "OBS_BOUNDS_SCALE_OUTER"
        transform.update(cover_crop(source, (w, h)))
    else:
        transform["boundsType"] = "OBS_BOUNDS_SCALE_INNER"
        transform.update(cover_crop((0, 0), (w, h)))  # no crop
    return transform


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


def _is_obs_window(choice: Choice) -> bool:
    parts = [*re.split(r"\r\n|:", choice.value), choice.name]
    return any(_OBS_ITSELF.search(part.strip()) for part in parts)


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


_KNOWN_OUTPUTS = {"simple_stream", "adv_stream", "simple_file_output", "adv_file_output",
                  "adv_ffmpeg_output", "virtualcam_output", "Replay Buffer", "replay_buffer"}


class StudioSetup:
    """Applies a SetupPlan to OBS through the link. Stateless between calls: OBS is the truth."""

    def __init__(self, link: ObsLink) -> None:
        self.link = link
        self._probes = 0  # numbers the throw-away inputs used for listing devices
        self.changed = Signal("StudioSetup.changed")  # () after an apply or a resolution switch

    # ----- reading ---------------------------------------------------------------------------
    async def read_state(self) -> SetupState:
        video = await self.link.request("GetVideoSettings")
        mode = await self._profile("Output", "Mode") or "Simple"
        kbps: int | None = None
        if mode != "Advanced":
            value = await self._profile("SimpleOutput", "VBitrate")
            kbps = int(value) if value and value.isdigit() else None
        return SetupState((int(video["baseWidth"]), int(video["baseHeight"])),
                          (int(video["outputWidth"]), int(video["outputHeight"])), mode, kbps)

    async def input_kinds(self) -> list[str]:
        answer = await self.link.request("GetInputKindList", {"unversioned": False})
        return [str(k) for k in answer.get("inputKinds", [])]

    async def active_outputs(self) -> list[str]:
        """Plain-words names of the outputs that run now (streaming, recording, …)."""
        active: list[str] = []
        checks = (
            ("GetStreamStatus", QT_TRANSLATE_NOOP("StudioSetup", "streaming")),
            ("GetRecordStatus", QT_TRANSLATE_NOOP("StudioSetup", "recording")),
            ("GetVirtualCamStatus", QT_TRANSLATE_NOOP("StudioSetup", "the virtual camera")),
            ("GetReplayBufferStatus", QT_TRANSLATE_NOOP("StudioSetup", "the replay buffer")),
        )
        for request, label in checks:
            try:
                answer = await self.link.request(request)
            except ObsRequestFailed:
                continue  # 604: this OBS has no such output (no virtual camera on this machine…)
            if answer.get("outputActive"):
                active.append(translate("StudioSetup", label))
        # Anything else that runs (NDI, a multi-RTMP plugin…) also holds the canvas.
        try:
            outputs = (await self.link.request("GetOutputList")).get("outputs", [])
        except ObsRequestFailed:
            outputs = []
        for output in outputs:
            name = str(output.get("outputName", ""))
            if output.get("outputActive") and name not in _KNOWN_OUTPUTS:
                active.append(name)
        return active

    async def ensure_outputs_idle(self) -> None:
        active = await self.active_outputs()
        if active:
            raise OutputsActive(translate(
                "StudioSetup", "OBS is busy with {outputs}, and OBS does not allow changing the picture "
                "size while anything is being output. Nothing was changed. Stop it in OBS first, "
                "then apply again.").format(outputs=", ".join(active)), active)

    async def list_devices(self) -> Devices:
        """Cameras and capturable windows as this OBS lists them; the slide show preselected."""
        kinds = await self.input_kinds()
        camera = pick_kind(kinds, CAMERA_KINDS)
        window = pick_kind(kinds, WINDOW_KINDS)
        notes: list[str] = []
        wanted: dict[str, CaptureKind] = {}  # console input name → kind to list
        if camera is None:
            notes.append(_no_camera_message())
        elif camera.list_property:
            wanted[CAMERA_INPUT] = camera
        if window is None:
            notes.append(_no_window_capture_message())
        elif window.list_property is None:
            notes.append(translate(
                "StudioSetup", "This OBS captures windows through the desktop's own picker: choose the "
                "PPT window in OBS (double-click “{source}”).").format(source=WINDOW_INPUT))
        else:
            wanted[WINDOW_INPUT] = window
        found = await self._list_items(wanted)
        cameras = found.get(CAMERA_INPUT, [])
        windows = [w for w in found.get(WINDOW_INPUT, []) if not _is_obs_window(w)]
        return Devices(camera.kind if camera else None, window.kind if window else None,
                       cameras, windows, preselect_window(windows), notes)

    async def _list_items(self, wanted: dict[str, CaptureKind]) -> dict[str, list[Choice]]:
        """List each kind's devices/windows; OBS only lists them for an existing input.

        The console's own input is used when it exists; otherwise throw-away inputs are made in
        one throw-away scene and removed again, so listing never leaves anything behind. Their
        names are new each time: OBS frees a removed source's name only once nothing holds it.
        """
        found: dict[str, list[Choice]] = {}
        inputs = await self._inputs()
        probes: dict[str, CaptureKind] = {}
        for console_input, kind in wanted.items():
            assert kind.list_property is not None
            if inputs.get(console_input) == kind.kind:
                found[console_input] = await self._items(console_input, kind.list_property)
            else:
                probes[console_input] = kind
        if not probes:
            return found
        self._probes += 1
        suffix = f" {os.getpid()}-{self._probes}"
        scene = PROBE_SCENE + suffix
        await self.link.request("CreateScene", {"sceneName": scene})
        made: list[str] = []
        try:
            for console_input, kind in probes.items():
                name = f"{PROBE_INPUT} {kind.kind}{suffix}"
                await self.link.request("CreateInput", {
                    "sceneName": scene, "inputName": name, "inputKind": kind.kind,
                    "inputSettings": dict(kind.extra_settings), "sceneItemEnabled": False})
                made.append(name)
                found[console_input] = await self._items(name, str(kind.list_property))
        finally:
            for request, data in [*(("RemoveInput", {"inputName": n}) for n in made),
                                  ("RemoveScene", {"sceneName": scene})]:
                try:
                    await self.link.request(request, data)
                except ObsRequestFailed as e:
                    log.warning("could not remove the console's probe %s: %s", data, e)
        return found

    async def _items(self, input_name: str, prop: str) -> list[Choice]:
        answer = await self.link.request("GetInputPropertiesListPropertyItems",
                                         {"inputName": input_name, "propertyName": prop})
        return [Choice(str(item.get("itemValue", "")), str(item.get("itemName", "")),
                       bool(item.get("itemEnabled", True)))
                for item in answer.get("propertyItems", []) if item.get("itemValue") not in (None, "")]

    # ----- applying --------------------------------------------------------------------------
    async def apply(self, plan: SetupPlan) -> SetupReport:
        if plan.layout not in LAYOUTS:
            raise SetupUnavailable(translate("StudioSetup", "There is no layout named “{name}”. Layouts: "
                                             "{names}.").format(name=plan.layout,
                                                                names=", ".join(LAYOUTS)))
        background = await asyncio.to_thread(_checked_background, plan.background)
        await self.ensure_outputs_idle()  # before anything is changed
        kinds = await self.input_kinds()
        if BACKGROUND_KIND not in kinds:
            raise SetupUnavailable(translate("StudioSetup", "This OBS has no image source, so the "
                                             "background cannot be shown. Reinstall OBS."))
        width, height = plan.canvas
        report = SetupReport(plan.scene, (width, height), (width, height), "Simple",
                             plan.resolution.video_kbps, bitrate_applied=False)

        await self.link.request("SetVideoSettings", {"baseWidth": width, "baseHeight": height,
                                                     "outputWidth": width, "outputHeight": height})
        if plan.scene not in await self._scene_names():
            await self.link.request("CreateScene", {"sceneName": plan.scene})
            report.created.append(plan.scene)

        slots = LAYOUTS[plan.layout].slots(plan.portrait)
        placed: list[tuple[int, Slot]] = []  # bottom to top
        items = await self._scene_items(plan.scene)
        inputs = await self._inputs()

        background_id = await self._ensure_input(
            plan.scene, BACKGROUND_INPUT, BACKGROUND_KIND, {"file": str(background)}, inputs, items,
            report)
        placed.append((background_id, Slot(FULL, COVER)))

        camera = pick_kind(kinds, CAMERA_KINDS)
        if "camera" in slots:
            if camera is None:
                report.notes.append(_no_camera_message())
            else:
                settings = _choice_settings(camera, plan.camera)
                item_id = await self._ensure_input(plan.scene, CAMERA_INPUT, camera.kind, settings,
                                                   inputs, items, report)
                if plan.camera is None:
                    await self._choose_if_unset(CAMERA_INPUT, camera, lambda found: found[0].value)
                placed.append((item_id, slots["camera"]))
        else:
            await self._hide(plan.scene, CAMERA_INPUT, items)

        window = pick_kind(kinds, WINDOW_KINDS)
        if "ppt" in slots:
            if window is None:
                report.notes.append(_no_window_capture_message())
            else:
                settings = _choice_settings(window, plan.window)
                item_id = await self._ensure_input(plan.scene, WINDOW_INPUT, window.kind, settings,
                                                   inputs, items, report)
                if window.list_property is None:
                    report.notes.append(translate(
                        "StudioSetup", "Choose the PPT window in OBS: double-click “{source}”.").format(
                            source=WINDOW_INPUT))
                elif plan.window is None:
                    chosen = await self._choose_if_unset(
                        WINDOW_INPUT, window,
                        lambda found: preselect_window([c for c in found if not _is_obs_window(c)]))
                    if not chosen:
                        report.notes.append(translate(
                            "StudioSetup", "No slide show is open: start the PPT slide show, then choose "
                            "its window in the setup panel (or OBS) and apply again."))
                placed.append((item_id, slots["ppt"]))
        else:
            await self._hide(plan.scene, WINDOW_INPUT, items)

        for index, (item_id, slot) in enumerate(placed):
            await self._place(plan.scene, item_id, slot, (width, height))
            await self.link.request("SetSceneItemIndex", {"sceneName": plan.scene,
                                                          "sceneItemId": item_id, "sceneItemIndex": index})

        await self._apply_audio(report)
        await self._apply_output_preset(plan.resolution, report)
        await self.link.request("SetCurrentProgramScene", {"sceneName": plan.scene})
        self.changed.emit()
        return report

    async def switch_resolution(self, target: Resolution) -> SetupReport:
        """The one-click 720P ⇄ 1080P (playbook: drop to 720P at once when the stream stutters).

        Going down only scales OBS's output: every scene, the user's too, stays as it was.
        Going up past the canvas grows the canvas and scales the console's own scenes with it;
        the user's scenes keep their pixel positions (said in a note).
        """
        await self.ensure_outputs_idle()
        state = await self.read_state()
        portrait = state.portrait
        width, height = target.canvas(portrait)
        report = SetupReport(SCENE_PORTRAIT if portrait else SCENE_LANDSCAPE, state.base,
                             (width, height), state.output_mode, target.video_kbps,
                             bitrate_applied=False)
        base_w, base_h = state.base
        if width <= base_w and height <= base_h and base_w * height == base_h * width:
            await self.link.request("SetVideoSettings", {"outputWidth": width, "outputHeight": height})
        else:
            factor = width / base_w
            await self.link.request("SetVideoSettings", {"baseWidth": width, "baseHeight": height,
                                                         "outputWidth": width, "outputHeight": height})
            report.canvas = (width, height)
            scenes = await self._scene_names()
            for scene in CONSOLE_SCENES:
                if scene in scenes:
                    await self._rescale_scene(scene, factor)
                    report.updated.append(scene)
            if any(s not in CONSOLE_SCENES for s in scenes):
                report.notes.append(translate(
                    "StudioSetup", "The canvas grew to {w}×{h}. Your own scenes keep their positions: "
                    "check them in OBS before going live.").format(w=width, h=height))
        await self._apply_output_preset(target, report)
        self.changed.emit()
        return report

    # ----- steps -----------------------------------------------------------------------------
    async def _ensure_input(self, scene: str, name: str, kind: str, settings: dict[str, Any],
                            inputs: dict[str, str], items: dict[str, dict[str, Any]],
                            report: SetupReport) -> int:
        """The console's input ``name`` of ``kind`` in ``scene``, shown; returns its scene item id.

        Only ever touches inputs named with the console's prefix.
        """
        assert name.startswith(PREFIX)
        if name in inputs and inputs[name] != kind:
            # Ours, but of a kind this OBS no longer offers or we no longer pick: make it again.
            await self.link.request("RemoveInput", {"inputName": name})
            del inputs[name]
            items.pop(name, None)
        if name not in inputs:
            answer = await self.link.request("CreateInput", {
                "sceneName": scene, "inputName": name, "inputKind": kind,
                "inputSettings": settings, "sceneItemEnabled": True})
            inputs[name] = kind
            report.created.append(name)
            return int(answer["sceneItemId"])
        if settings:
            await self.link.request("SetInputSettings", {"inputName": name, "inputSettings": settings,
                                                         "overlay": True})
        report.updated.append(name)
        item = items.get(name)
        if item is None:
            answer = await self.link.request("CreateSceneItem", {
                "sceneName": scene, "sourceName": name, "sceneItemEnabled": True})
            return int(answer["sceneItemId"])
        if not item.get("sceneItemEnabled", True):
            await self.link.request("SetSceneItemEnabled", {
                "sceneName": scene, "sceneItemId": item["sceneItemId"], "sceneItemEnabled": True})
        return int(item["sceneItemId"])

    async def _choose_if_unset(self, input_name: str, kind: CaptureKind,
                               pick: Any) -> str | None:
        """When the input has no device/window yet, set the one ``pick(choices)`` names."""
        if kind.list_property is None:
            return None
        current = (await self.link.request("GetInputSettings", {"inputName": input_name})).get(
            "inputSettings", {}).get(kind.list_property)
        if current not in (None, "", 0):
            return str(current)
        found = await self._items(input_name, kind.list_property)
        chosen: str | None = pick(found) if found else None
        if chosen:
            await self.link.request("SetInputSettings", {
                "inputName": input_name, "inputSettings": _choice_settings(kind, chosen),
                "overlay": True})
        return chosen

    async def _hide(self, scene: str, name: str, items: dict[str, dict[str, Any]]) -> None:
        """A layout without this role: hide our item (never remove: the host may switch back)."""
        item = items.get(name)
        if item is not None and item.get("sceneItemEnabled", True):
            await self.link.request("SetSceneItemEnabled", {
                "sceneName": scene, "sceneItemId": item["sceneItemId"], "sceneItemEnabled": False})

    async def _place(self, scene: str, item_id: int, slot: Slot, canvas: tuple[int, int]) -> None:
        current = (await self.link.request("GetSceneItemTransform", {
            "sceneName": scene, "sceneItemId": item_id})).get("sceneItemTransform", {})
        source = (float(current.get("sourceWidth", 0)), float(current.get("sourceHeight", 0)))
        await self.link.request("SetSceneItemTransform", {
            "sceneName": scene, "sceneItemId": item_id,
            "sceneItemTransform": item_transform(slot, canvas, source)})

    async def _rescale_scene(self, scene: str, factor: float) -> None:
        for item in (await self.link.request("GetSceneItemList", {"sceneName": scene})).get(
                "sceneItems", []):
            t = item.get("sceneItemTransform", {})
            new: dict[str, Any] = {"positionX": t.get("positionX", 0.0) * factor,
                                   "positionY": t.get("positionY", 0.0) * factor}
            if t.get("boundsType", "OBS_BOUNDS_NONE") != "OBS_BOUNDS_NONE":
                new["boundsWidth"] = max(1.0, t.get("boundsWidth", 1.0) * factor)
                new["boundsHeight"] = max(1.0, t.get("boundsHeight", 1.0) * factor)
            else:
                new["scaleX"] = t.get("scaleX", 1.0) * factor
                new["scaleY"] = t.get("scaleY", 1.0) * factor
            await self.link.request("SetSceneItemTransform", {
                "sceneName": scene, "sceneItemId": item["sceneItemId"], "sceneItemTransform": new})

    async def _apply_audio(self, report: SetupReport) -> None:
        rate = await self._profile("Audio", "SampleRate")
        channels = await self._profile("Audio", "ChannelSetup")
        if rate != str(SAMPLE_RATE) or channels != CHANNELS:
            await self._set_profile("Audio", "SampleRate", str(SAMPLE_RATE))
            await self._set_profile("Audio", "ChannelSetup", CHANNELS)
            # OBS reads the audio format only when it starts.
            report.notes.append(translate(
                "StudioSetup", "Audio is set to 44.1 kHz stereo; OBS uses it after you restart OBS."))

    async def _apply_output_preset(self, preset: Resolution, report: SetupReport) -> None:
        mode = await self._profile("Output", "Mode") or "Simple"
        report.output_mode = mode
        report.video_kbps = preset.video_kbps
        if mode == "Advanced":
            # The audio track's bitrate is a profile setting; the encoder's bitrate lives in
            # streamEncoder.json, out of reach of other programs (obs-websocket #213, #676).
            await self._set_profile("AdvOut", "Track1Bitrate", str(AUDIO_KBPS))
            encoder = await self._profile("AdvOut", "Encoder")
            report.bitrate_applied = False
            report.manual_steps.append(translate(
                "StudioSetup", "OBS is in Advanced output mode, where only OBS itself can set the video "
                "bitrate. In OBS: Settings → Output → Streaming, set Bitrate to {kbps} Kbps, Rate "
                "Control CBR{encoder}. Or switch Output Mode to Simple and apply again.").format(
                    kbps=preset.video_kbps,
                    encoder="" if encoder == ENCODER_ADVANCED else translate("StudioSetup", ", Encoder x264")))
            return
        await self._set_profile("SimpleOutput", "VBitrate", str(preset.video_kbps))
        await self._set_profile("SimpleOutput", "ABitrate", str(AUDIO_KBPS))
        await self._set_profile("SimpleOutput", "StreamEncoder", ENCODER_SIMPLE)
        report.bitrate_applied = await self._profile("SimpleOutput", "VBitrate") == str(preset.video_kbps)

    # ----- small OBS helpers -----------------------------------------------------------------
    async def _profile(self, category: str, name: str) -> str | None:
        answer = await self.link.request("GetProfileParameter", {
            "parameterCategory": category, "parameterName": name})
        value = answer.get("parameterValue")
        if value is None:
            value = answer.get("defaultParameterValue")
        return None if value is None else str(value)

    async def _set_profile(self, category: str, name: str, value: str) -> None:
        await self.link.request("SetProfileParameter", {
            "parameterCategory": category, "parameterName": name, "parameterValue": value})

    async def _scene_names(self) -> list[str]:
        answer = await self.link.request("GetSceneList")
        return [str(s["sceneName"]) for s in answer.get("scenes", [])]

    async def _inputs(self) -> dict[str, str]:
        answer = await self.link.request("GetInputList")
        return {str(i["inputName"]): str(i["inputKind"]) for i in answer.get("inputs", [])}

    async def _scene_items(self, scene: str) -> dict[str, dict[str, Any]]:
        answer = await self.link.request("GetSceneItemList", {"sceneName": scene})
        return {str(i["sourceName"]): dict(i) for i in answer.get("sceneItems", [])}


def _choice_settings(kind: CaptureKind, value: str | None) -> dict[str, Any]:
    if value is None or kind.list_property is None:
        return dict(kind.extra_settings)
    chosen: Any = value
    if kind.kind == "screen_capture":
        chosen = int(value)  # macOS ScreenCaptureKit stores the window id as a number
    return {**dict(kind.extra_settings), kind.list_property: chosen}


def _checked_background(path: Path) -> Path:
    """The background as an absolute path OBS can open, or a SetupUnavailable in plain words."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise SetupUnavailable(translate("StudioSetup", "The background picture “{path}” does not exist. "
                                         "Choose another picture.").format(path=path))
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        raise SetupUnavailable(translate("StudioSetup", "OBS cannot show “{name}” as a background. Use a "
                                         "PNG or JPG picture.").format(name=path.name))
    return path.resolve()


def _no_window_capture_message() -> str:
    return translate("StudioSetup", "This OBS offers no window capture, so the PPT cannot be shown by "
                     "capturing its window. Show it with a display capture in OBS, or use "
                     "OBS on Windows or macOS.")


def _no_camera_message() -> str:
    return translate("StudioSetup", "This OBS offers no video capture device source, so no camera was "
                     "added. Add your camera in OBS by hand.")


def resolution_names() -> list[str]:
    return list(RESOLUTIONS)
