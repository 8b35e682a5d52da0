"""``StudioSetup``: applies a ``SetupPlan`` to OBS through the link (see the package docstring)."""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from studio.errors import ObsRequestFailed
from studio.events import Signal
from studio.i18n import QT_TRANSLATE_NOOP, translate
from studio.obs.items import CREATED, SceneItems
from studio.obs.link import ObsLink
from studio.obs.presets import (
    AUDIO_KBPS,
    CHANNELS,
    ENCODER_ADVANCED,
    ENCODER_SIMPLE,
    RESOLUTIONS,
    SAMPLE_RATE,
    Resolution,
)
from studio.obs.setup.devices import (
    BACKGROUND_KIND,
    CAMERA_KINDS,
    WINDOW_KINDS,
    CaptureKind,
    Choice,
    choice_settings,
    is_obs_window,
    no_camera_message,
    no_window_capture_message,
    pick_kind,
    preselect_window,
)
from studio.obs.setup.geometry import COVER, FULL, LAYOUTS, Slot, item_transform
from studio.obs.setup.report import (
    BACKGROUND_INPUT,
    CAMERA_INPUT,
    CONSOLE_SCENES,
    IMAGE_SUFFIXES,
    PROBE_INPUT,
    PROBE_SCENE,
    SCENE_LANDSCAPE,
    SCENE_PORTRAIT,
    WINDOW_INPUT,
    Devices,
    OutputsActive,
    SetupPlan,
    SetupReport,
    SetupState,
    SetupUnavailable,
)

log = logging.getLogger(__name__)

_KNOWN_OUTPUTS = {"simple_stream", "adv_stream", "simple_file_output", "adv_file_output",
                  "adv_ffmpeg_output", "virtualcam_output", "Replay Buffer", "replay_buffer"}


class StudioSetup:
    """Applies a SetupPlan to OBS through the link. Stateless between calls: OBS is the truth."""

    def __init__(self, link: ObsLink) -> None:
        self.link = link
        self._probes = 0  # numbers the throw-away inputs used for listing devices
        self.changed: Signal[[]] = Signal("StudioSetup.changed")  # after an apply or a resolution switch

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
            notes.append(no_camera_message())
        elif camera.list_property:
            wanted[CAMERA_INPUT] = camera
        if window is None:
            notes.append(no_window_capture_message())
        elif window.list_property is None:
            notes.append(translate(
                "StudioSetup", "This OBS captures windows through the desktop's own picker: choose the "
                "PPT window in OBS (double-click “{source}”).").format(source=WINDOW_INPUT))
        else:
            wanted[WINDOW_INPUT] = window
        found = await self._list_items(wanted)
        cameras = found.get(CAMERA_INPUT, [])
        windows = [w for w in found.get(WINDOW_INPUT, []) if not is_obs_window(w)]
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
        state = await SceneItems.read(self.link, plan.scene)

        background_id = await self._ensure_input(state, BACKGROUND_INPUT, BACKGROUND_KIND,
                                                 {"file": str(background)}, report)
        placed.append((background_id, Slot(FULL, COVER)))

        camera = pick_kind(kinds, CAMERA_KINDS)
        item_id = await self._capture_input(state, "camera" in slots, CAMERA_INPUT, camera, plan.camera,
                                            no_camera_message, report)
        if camera is not None and item_id is not None:
            if plan.camera is None:
                await self._choose_if_unset(CAMERA_INPUT, camera, lambda found: found[0].value)
            placed.append((item_id, slots["camera"]))

        window = pick_kind(kinds, WINDOW_KINDS)
        item_id = await self._capture_input(state, "ppt" in slots, WINDOW_INPUT, window, plan.window,
                                            no_window_capture_message, report)
        if window is not None and item_id is not None:
            if window.list_property is None:
                report.notes.append(translate(
                    "StudioSetup", "Choose the PPT window in OBS: double-click “{source}”.").format(
                        source=WINDOW_INPUT))
            elif plan.window is None:
                chosen = await self._choose_if_unset(
                    WINDOW_INPUT, window,
                    lambda found: preselect_window([c for c in found if not is_obs_window(c)]))
                if not chosen:
                    report.notes.append(translate(
                        "StudioSetup", "No slide show is open: start the PPT slide show, then choose "
                        "its window in the setup panel (or OBS) and apply again."))
            placed.append((item_id, slots["ppt"]))

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
    async def _ensure_input(self, state: SceneItems, name: str, kind: str, settings: dict[str, Any],
                            report: SetupReport) -> int:
        """The console's input ``name`` of ``kind`` in the scene, shown; returns its scene item id.

        Only ever touches inputs named with the console's prefix.
        """
        made = await state.ensure_input(self.link, name, kind, enabled=True, settings=settings)
        (report.created if made == CREATED else report.updated).append(name)
        return state.items[name]

    async def _capture_input(self, state: SceneItems, in_layout: bool, name: str, kind: CaptureKind | None,
                             chosen: str | None, missing: Callable[[], str], report: SetupReport) -> int | None:
        """The capture input ``name`` (camera or PPT window) created or updated, and its scene item id;
        ``None`` when the layout has no slot for it (hidden, never removed) or this OBS offers no such
        kind (``missing()`` says so in the report)."""
        if not in_layout:
            await state.set_enabled(self.link, name, False)  # hidden, never removed
            return None
        if kind is None:
            report.notes.append(missing())
            return None
        return await self._ensure_input(state, name, kind.kind, choice_settings(kind, chosen), report)

    async def _choose_if_unset(self, input_name: str, kind: CaptureKind,
                               pick: Callable[[list[Choice]], str | None]) -> str | None:
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
                "inputName": input_name, "inputSettings": choice_settings(kind, chosen),
                "overlay": True})
        return chosen

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


def resolution_names() -> list[str]:
    return list(RESOLUTIONS)
