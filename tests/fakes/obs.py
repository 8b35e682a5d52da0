"""An obs-websocket 5 in memory, and the ``ObsLink`` surface in front of it.

``FakeObs`` keeps scenes, inputs, scene items, video and profile settings, the stream service and
the outputs, and answers the requests the console sends the way OBS does (600 for a missing
scene/input/item, 601 for a name taken, 604 for an output this OBS has not). A request it does
not know raises ``AssertionError``: a misspelt request name fails the test instead of passing on
an empty answer. Every request is recorded in ``calls``.

``FakeLink(obs)`` is what the core's models take instead of ``ObsLink``: ``request``, ``on``,
``connected``, ``status``/``status_changed``, ``target``; ``emit(event, data)`` plays an OBS event.

``FakeObsOutput(kbps)`` is a stream output alone: ``run_for(seconds)`` sends frames, ``status()`` is
what GetStreamStatus would say (the health sampler's arithmetic).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from studio.errors import ObsNotConnected, ObsRequestFailed
from studio.events import Signal
from studio.obs.link import LinkState, LinkStatus

# Requests that change nothing in OBS, so ``writes`` can say "nothing was changed".
READS = frozenset({
    "GetVideoSettings", "GetProfileParameter", "GetInputKindList", "GetStreamStatus", "GetRecordStatus",
    "GetVirtualCamStatus", "GetReplayBufferStatus", "GetOutputList", "GetSceneList", "GetInputList",
    "GetSceneItemList", "GetSceneItemTransform", "GetInputSettings", "GetInputPropertiesListPropertyItems",
    "GetVersion", "GetStudioModeEnabled", "GetCurrentProgramScene", "GetCurrentPreviewScene",
    "GetStreamServiceSettings", "GetStats", "GetSceneTransitionList",
})

WINDOWS = [
    {"itemName": "Notepad", "itemValue": "Notepad:Notepad:notepad.exe", "itemEnabled": True},
    {"itemName": "PowerPoint 幻灯片放映", "itemValue": "PowerPoint 幻灯片放映:screenClass:POWERPNT.EXE",
     "itemEnabled": True},
]
CAMERAS = [{"itemName": "USB Camera", "itemValue": "USB Camera:\\\\?\\usb#1", "itemEnabled": True}]


def _transform() -> dict[str, Any]:
    return {"positionX": 0.0, "positionY": 0.0, "scaleX": 1.0, "scaleY": 1.0, "rotation": 0.0,
            "boundsType": "OBS_BOUNDS_NONE"}


class FakeObs:  # handler names are OBS's request names, hence the camelCase
    def __init__(self, *, width: int = 1280, height: int = 720, platform: str = "windows",
                 kinds: tuple[str, ...] | list[str] = ("image_source", "color_source_v3", "text_gdiplus_v2"),
                 scenes: tuple[str, ...] = ("开场 Opening",), mode: str = "Simple") -> None:
        self.video = {"baseWidth": width, "baseHeight": height, "outputWidth": width, "outputHeight": height,
                      "fpsNumerator": 30, "fpsDenominator": 1}
        self.platform = platform
        self.kinds = list(kinds)
        self.scenes: dict[str, list[dict[str, Any]]] = {name: [] for name in scenes}
        self.inputs: dict[str, dict[str, Any]] = {}  # name → {"kind", "settings"}
        self.program = scenes[0] if scenes else ""
        self.preview = scenes[1] if len(scenes) > 1 else self.program
        self.studio_mode = False
        self.transitions = ["Fade", "Cut"]
        self.transition = "Fade"
        self.profile: dict[tuple[str, str], str] = {
            ("Output", "Mode"): mode, ("SimpleOutput", "VBitrate"): "2500",
            ("Audio", "SampleRate"): "48000", ("Audio", "ChannelSetup"): "Stereo"}
        self.active: set[str] = set()  # "stream", "record", "replay", "ndi"
        self.stream_statuses: list[dict[str, Any]] = []  # scripted GetStreamStatus answers, first first
        self.service: dict[str, Any] = {"streamServiceType": "rtmp_common",
                                        "streamServiceSettings": {"service": "Twitch", "key": ""}}
        self.mangle_stream_key = False  # OBS keeps a different key than it was sent
        self.property_items: dict[str, list[dict[str, Any]]] = {
            "window": WINDOWS, "capture_window": WINDOWS, "video_device_id": CAMERAS, "device": CAMERAS,
            "device_id": CAMERAS}
        self.source_size = (1280.0, 720.0)  # what GetSceneItemTransform reports as the source's size
        self.connected = True
        self.refuse: dict[str, int] = {}  # request type → status code to refuse it with
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self._ids = itertools.count(1)

    # ----- what a test reads ------------------------------------------------------------------
    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.calls]

    @property
    def writes(self) -> list[str]:
        return [name for name in self.names if name not in READS]

    def item(self, scene: str, source: str) -> dict[str, Any] | None:
        return next((i for i in self.scenes[scene] if i["sourceName"] == source), None)

    # ----- the protocol -----------------------------------------------------------------------
    async def request(self, kind: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
        data = data or {}
        if not self.connected:
            raise ObsNotConnected("Not connected to OBS.")
        self.calls.append((kind, data))
        if kind in self.refuse:
            raise ObsRequestFailed(f"refused {kind}", kind, self.refuse[kind])
        handler: Callable[[dict[str, Any]], dict[str, Any] | None] | None = getattr(self, "_" + kind, None)
        if handler is None:
            raise AssertionError(f"FakeObs does not know the request {kind!r}")
        return handler(data) or {}

    def _add_item(self, scene: str, source: str, enabled: bool) -> int:
        if scene not in self.scenes:
            raise ObsRequestFailed("no such scene", "CreateSceneItem", 600)
        item = {"sceneItemId": next(self._ids), "sourceName": source, "sceneItemEnabled": enabled,
                "sceneItemIndex": len(self.scenes[scene]), "sceneItemLocked": False,
                "sceneItemTransform": _transform()}
        self.scenes[scene].append(item)
        return int(item["sceneItemId"])

    def _find(self, scene: str, item_id: int) -> dict[str, Any]:
        for item in self.scenes.get(scene, []):
            if item["sceneItemId"] == item_id:
                return item
        raise ObsRequestFailed("no such item", "item", 600)

    def _input(self, name: str, request: str) -> dict[str, Any]:
        if name not in self.inputs:
            raise ObsRequestFailed("no such input", request, 600)
        return self.inputs[name]

    def _output(self, name: str) -> dict[str, Any]:
        return {"outputActive": name in self.active}

    # ----- general, video, profile ------------------------------------------------------------
    def _GetVersion(self, d):
        return {"platform": self.platform, "obsVersion": "29.0.2", "obsWebSocketVersion": "5.2.2"}

    def _GetVideoSettings(self, d):
        return dict(self.video)

    def _SetVideoSettings(self, d):
        self.video.update(d)

    def _GetProfileParameter(self, d):
        return {"parameterValue": self.profile.get((d["parameterCategory"], d["parameterName"]))}

    def _SetProfileParameter(self, d):
        self.profile[(d["parameterCategory"], d["parameterName"])] = d["parameterValue"]

    def _GetStudioModeEnabled(self, d):
        return {"studioModeEnabled": self.studio_mode}

    def _SetStudioModeEnabled(self, d):
        self.studio_mode = bool(d["studioModeEnabled"])

    def _GetSceneTransitionList(self, d):
        return {"transitions": [{"transitionName": n} for n in self.transitions],
                "currentSceneTransitionName": self.transition}

    def _SetCurrentSceneTransition(self, d):
        if d["transitionName"] not in self.transitions:
            raise ObsRequestFailed("no such transition", "SetCurrentSceneTransition", 600)
        self.transition = d["transitionName"]

    def _TriggerStudioModeTransition(self, d):
        if not self.studio_mode:
            raise ObsRequestFailed("studio mode is off", "TriggerStudioModeTransition", 506)
        self.program, self.preview = self.preview, self.program

    # ----- outputs and the stream service -----------------------------------------------------
    def _StartStream(self, d):
        if "stream" in self.active:
            raise ObsRequestFailed("already streaming", "StartStream", 500)
        self.active.add("stream")

    def _StopStream(self, d):
        if "stream" not in self.active:
            raise ObsRequestFailed("not streaming", "StopStream", 501)
        self.active.discard("stream")

    def _GetStreamStatus(self, d):
        if self.stream_statuses:
            return self.stream_statuses.pop(0)
        return {"outputActive": "stream" in self.active, "outputReconnecting": False}

    def _GetRecordStatus(self, d):
        return self._output("record")

    def _GetVirtualCamStatus(self, d):
        raise ObsRequestFailed("not available", "GetVirtualCamStatus", 604)

    def _GetReplayBufferStatus(self, d):
        return self._output("replay")

    def _GetOutputList(self, d):
        return {"outputs": [{"outputName": "ndi_output", "outputActive": "ndi" in self.active}]}

    def _GetStreamServiceSettings(self, d):
        return self.service

    def _SetStreamServiceSettings(self, d):
        settings = dict(d["streamServiceSettings"])
        if self.mangle_stream_key:
            settings["key"] = settings["key"][:-1]
        self.service = {"streamServiceType": d["streamServiceType"], "streamServiceSettings": settings}

    # ----- scenes -----------------------------------------------------------------------------
    def _GetSceneList(self, d):
        # ``scenes`` is in the order OBS's dock shows (top first); obs-websocket lists them from the
        # bottom, index 0 first.
        bottom_up = list(reversed(self.scenes))
        return {"scenes": [{"sceneName": n, "sceneIndex": i} for i, n in enumerate(bottom_up)],
                "currentProgramSceneName": self.program,
                "currentPreviewSceneName": self.preview if self.studio_mode else None}

    def _CreateScene(self, d):
        if d["sceneName"] in self.scenes or d["sceneName"] in self.inputs:
            raise ObsRequestFailed("exists", "CreateScene", 601)
        self.scenes[d["sceneName"]] = []

    def _RemoveScene(self, d):
        if d["sceneName"] not in self.scenes:
            raise ObsRequestFailed("no such scene", "RemoveScene", 600)
        del self.scenes[d["sceneName"]]

    def _GetCurrentProgramScene(self, d):
        return {"currentProgramSceneName": self.program}

    def _SetCurrentProgramScene(self, d):
        if d["sceneName"] not in self.scenes:
            raise ObsRequestFailed("no such scene", "SetCurrentProgramScene", 600)
        self.program = d["sceneName"]

    def _GetCurrentPreviewScene(self, d):
        if not self.studio_mode:
            raise ObsRequestFailed("studio mode is off", "GetCurrentPreviewScene", 506)
        return {"currentPreviewSceneName": self.preview}

    def _SetCurrentPreviewScene(self, d):
        if not self.studio_mode:
            raise ObsRequestFailed("studio mode is off", "SetCurrentPreviewScene", 506)
        if d["sceneName"] not in self.scenes:
            raise ObsRequestFailed("no such scene", "SetCurrentPreviewScene", 600)
        self.preview = d["sceneName"]

    # ----- inputs -----------------------------------------------------------------------------
    def _GetInputKindList(self, d):
        return {"inputKinds": list(self.kinds)}

    def _GetInputList(self, d):
        return {"inputs": [{"inputName": n, "inputKind": i["kind"]} for n, i in self.inputs.items()]}

    def _CreateInput(self, d):
        if d["inputName"] in self.inputs or d["inputName"] in self.scenes:
            raise ObsRequestFailed("exists", "CreateInput", 601)
        self.inputs[d["inputName"]] = {"kind": d["inputKind"], "settings": dict(d.get("inputSettings", {}))}
        return {"sceneItemId": self._add_item(d["sceneName"], d["inputName"], d.get("sceneItemEnabled", True))}

    def _RemoveInput(self, d):
        self._input(d["inputName"], "RemoveInput")
        del self.inputs[d["inputName"]]
        for items in self.scenes.values():
            items[:] = [i for i in items if i["sourceName"] != d["inputName"]]

    def _GetInputSettings(self, d):
        return {"inputSettings": dict(self._input(d["inputName"], "GetInputSettings")["settings"])}

    def _SetInputSettings(self, d):
        self._input(d["inputName"], "SetInputSettings")["settings"].update(d["inputSettings"])

    def _GetInputPropertiesListPropertyItems(self, d):
        self._input(d["inputName"], "GetInputPropertiesListPropertyItems")
        return {"propertyItems": [dict(i) for i in self.property_items.get(d["propertyName"], [])]}

    # ----- scene items ------------------------------------------------------------------------
    def _GetSceneItemList(self, d):
        if d["sceneName"] not in self.scenes:
            raise ObsRequestFailed("no scene", "GetSceneItemList", 600)
        return {"sceneItems": [dict(i) for i in self.scenes[d["sceneName"]]]}

    def _CreateSceneItem(self, d):
        if d["sourceName"] not in self.inputs and d["sourceName"] not in self.scenes:
            raise ObsRequestFailed("no source", "CreateSceneItem", 600)
        return {"sceneItemId": self._add_item(d["sceneName"], d["sourceName"], d.get("sceneItemEnabled", True))}

    def _RemoveSceneItem(self, d):
        self.scenes[d["sceneName"]].remove(self._find(d["sceneName"], d["sceneItemId"]))

    def _SetSceneItemIndex(self, d):
        items = self.scenes[d["sceneName"]]
        item = self._find(d["sceneName"], d["sceneItemId"])
        items.remove(item)
        items.insert(d["sceneItemIndex"], item)
        for index, i in enumerate(items):
            i["sceneItemIndex"] = index

    def _GetSceneItemTransform(self, d):
        transform = dict(self._find(d["sceneName"], d["sceneItemId"])["sceneItemTransform"])
        width, height = self.source_size
        return {"sceneItemTransform": {**transform, "sourceWidth": width, "sourceHeight": height}}

    def _SetSceneItemTransform(self, d):
        self._find(d["sceneName"], d["sceneItemId"])["sceneItemTransform"].update(d["sceneItemTransform"])

    def _SetSceneItemEnabled(self, d):
        self._find(d["sceneName"], d["sceneItemId"])["sceneItemEnabled"] = d["sceneItemEnabled"]

    def _SetSceneItemLocked(self, d):
        self._find(d["sceneName"], d["sceneItemId"])["sceneItemLocked"] = d["sceneItemLocked"]


@dataclass
class FakeTarget:
    host: str = "192.0.2.1"  # "remote" (TEST-NET-1): no fontconfig lookup on this machine
    port: int = 4455


class FakeLink:
    """``ObsLink``'s surface over a ``FakeObs``; ``emit(event, data)`` plays an OBS event."""

    def __init__(self, obs: FakeObs | None = None) -> None:
        self.obs = obs or FakeObs()
        self.target = FakeTarget()
        self.status = LinkStatus(LinkState.CONNECTED)
        self.connected = Signal("FakeLink.connected")
        self.status_changed = Signal("FakeLink.status_changed")
        self._events: dict[str, Signal] = {}

    @property
    def state(self) -> LinkState:
        return self.status.state

    async def request(self, kind: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
        return await self.obs.request(kind, data)

    def on(self, event: str, slot: Callable[[dict[str, Any]], Any]) -> Callable[[], None]:
        return self._events.setdefault(event, Signal(event)).connect(slot)

    def emit(self, event: str, data: dict[str, Any]) -> None:
        if event in self._events:
            self._events[event].emit(data)


# A stream output on its own: what GetStreamStatus says while frames go out (the sampler's arithmetic).
FRAME_MS = 1000 / 30


class FakeObsOutput:
    """OBS's stream output as GetStreamStatus reports it: bytes at a fixed rate, time in frames."""

    def __init__(self, kbps: float) -> None:
        self.kbps = kbps
        self.bytes = 0.0
        self.frames = 0
        self.skipped = 0
        self.reconnecting = False

    def run_for(self, seconds: float, kbps: float | None = None, drop_every: int = 0) -> None:
        frames = round(seconds * 1000 / FRAME_MS)
        for _ in range(frames):
            self.frames += 1
            if drop_every and self.frames % drop_every == 0:
                self.skipped += 1
            self.bytes += (kbps or self.kbps) * FRAME_MS / 8  # kbit/s × ms ÷ 8 = bytes

    def status(self) -> dict[str, object]:
        return {"outputActive": True, "outputReconnecting": self.reconnecting,
                "outputBytes": int(self.bytes), "outputDuration": int(self.frames * FRAME_MS),
                "outputSkippedFrames": self.skipped, "outputTotalFrames": self.frames,
                "outputCongestion": 0.0, "outputTimecode": "00:00:00.000"}
