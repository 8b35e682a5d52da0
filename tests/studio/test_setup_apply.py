"""StudioSetup's decisions against a scripted stand-in for OBS (the real OBS: tests/integration).

The fake answers from a small in-memory OBS and records every request, so a test can say
"nothing was written" or "no window capture source was made" precisely.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from studio.errors import ObsRequestFailed
from studio.obs.presets import resolution
from studio.obs.setup import (
    BACKGROUND_INPUT,
    CAMERA_INPUT,
    DEFAULT_BACKGROUND,
    WINDOW_INPUT,
    OutputsActive,
    SetupPlan,
    SetupUnavailable,
    StudioSetup,
)

READS = {"GetVideoSettings", "GetProfileParameter", "GetInputKindList", "GetStreamStatus",
         "GetRecordStatus", "GetVirtualCamStatus", "GetReplayBufferStatus", "GetOutputList",
         "GetSceneList", "GetInputList", "GetSceneItemList", "GetSceneItemTransform",
         "GetInputSettings", "GetInputPropertiesListPropertyItems"}


class FakeObs:  # method names are OBS's request names, hence the camelCase
    """Just enough of OBS for the setup: scenes, inputs, items, video and profile settings."""

    def __init__(self, kinds: list[str], mode: str = "Simple") -> None:
        self.kinds = kinds
        self.profile = {("Output", "Mode"): mode, ("SimpleOutput", "VBitrate"): "2500",
                        ("Audio", "SampleRate"): "48000", ("Audio", "ChannelSetup"): "Stereo"}
        self.video = {"baseWidth": 1280, "baseHeight": 720, "outputWidth": 1280, "outputHeight": 720,
                      "fpsNumerator": 30, "fpsDenominator": 1}
        self.active: set[str] = set()
        self.scenes: dict[str, list[dict[str, Any]]] = {"开场 Opening": []}
        self.inputs: dict[str, dict[str, Any]] = {}
        self.sent: list[tuple[str, dict[str, Any]]] = []
        self._next_id = 1

    @property
    def writes(self) -> list[str]:
        return [name for name, _ in self.sent if name not in READS]

    async def request(self, name: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
        data = data or {}
        self.sent.append((name, data))
        handler = getattr(self, "_" + name, None)
        if handler is None:
            return {}
        return handler(**data) or {}

    def _GetStreamStatus(self):
        return {"outputActive": "stream" in self.active}

    def _GetRecordStatus(self):
        return {"outputActive": "record" in self.active}

    def _GetVirtualCamStatus(self):
        raise ObsRequestFailed("not available", "GetVirtualCamStatus", 604)

    def _GetOutputList(self):
        return {"outputs": [{"outputName": "ndi_output", "outputActive": "ndi" in self.active}]}

    def _GetInputKindList(self, unversioned=False):
        return {"inputKinds": self.kinds}

    def _GetVideoSettings(self):
        return dict(self.video)

    def _SetVideoSettings(self, **values):
        self.video.update(values)

    def _GetProfileParameter(self, parameterCategory, parameterName):
        return {"parameterValue": self.profile.get((parameterCategory, parameterName))}

    def _SetProfileParameter(self, parameterCategory, parameterName, parameterValue):
        self.profile[(parameterCategory, parameterName)] = parameterValue

    def _GetSceneList(self):
        return {"scenes": [{"sceneName": n, "sceneIndex": i} for i, n in enumerate(self.scenes)]}

    def _CreateScene(self, sceneName):
        self.scenes[sceneName] = []

    def _RemoveScene(self, sceneName):
        del self.scenes[sceneName]

    def _GetInputList(self):
        return {"inputs": [{"inputName": n, "inputKind": i["kind"]} for n, i in self.inputs.items()]}

    def _CreateInput(self, sceneName, inputName, inputKind, inputSettings, sceneItemEnabled):
        self.inputs[inputName] = {"kind": inputKind, "settings": dict(inputSettings)}
        return self._CreateSceneItem(sceneName, inputName, sceneItemEnabled)

    def _RemoveInput(self, inputName):
        del self.inputs[inputName]
        for items in self.scenes.values():
            items[:] = [i for i in items if i["sourceName"] != inputName]

    def _CreateSceneItem(self, sceneName, sourceName, sceneItemEnabled=True):
        item = {"sceneItemId": self._next_id, "sourceName": sourceName,
                "sceneItemEnabled": sceneItemEnabled, "sceneItemTransform": {}}
        self._next_id += 1
        self.scenes[sceneName].append(item)
        return {"sceneItemId": item["sceneItemId"]}

    def _GetSceneItemList(self, sceneName):
        return {"sceneItems": [dict(i) for i in self.scenes[sceneName]]}

    def _GetSceneItemTransform(self, sceneName, sceneItemId):
        return {"sceneItemTransform": {"sourceWidth": 1280.0, "sourceHeight": 720.0}}

    def _GetInputSettings(self, inputName):
        return {"inputSettings": dict(self.inputs[inputName]["settings"])}

    def _SetInputSettings(self, inputName, inputSettings, overlay=True):
        self.inputs[inputName]["settings"].update(inputSettings)

    def _GetInputPropertiesListPropertyItems(self, inputName, propertyName):
        return {"propertyItems": [
            {"itemName": "Notepad", "itemValue": "Notepad:Notepad:notepad.exe", "itemEnabled": True},
            {"itemName": "PowerPoint 幻灯片放映",
             "itemValue": "PowerPoint 幻灯片放映:screenClass:POWERPNT.EXE", "itemEnabled": True},
        ] if propertyName == "window" else [
            {"itemName": "USB Camera", "itemValue": "USB Camera:\\\\?\\usb#1", "itemEnabled": True}]}


WINDOWS_KINDS = ["image_source", "window_capture", "dshow_input", "color_source_v3"]


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def test_refuses_before_trying_while_any_output_runs():
    for active, said in (({"stream"}, "streaming"), ({"record"}, "recording"), ({"ndi"}, "ndi_output")):
        obs = FakeObs(WINDOWS_KINDS)
        obs.active = active
        setup = StudioSetup(obs)  # type: ignore[arg-type]
        with pytest.raises(OutputsActive) as refused:
            run(setup.apply(SetupPlan(resolution("1080p"))))
        assert refused.value.outputs == [said]
        assert said in str(refused.value) and "Nothing was changed" in str(refused.value)
        with pytest.raises(OutputsActive):
            run(setup.switch_resolution(resolution("720p")))
        assert obs.writes == []


def test_a_missing_background_or_unknown_layout_changes_nothing(tmp_path: Path):
    obs = FakeObs(WINDOWS_KINDS)
    setup = StudioSetup(obs)  # type: ignore[arg-type]
    with pytest.raises(SetupUnavailable, match="does not exist"):
        run(setup.apply(SetupPlan(resolution("720p"), background=tmp_path / "nope.png")))
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(SetupUnavailable, match="PNG or JPG"):
        run(setup.apply(SetupPlan(resolution("720p"), background=tmp_path / "notes.txt")))
    with pytest.raises(SetupUnavailable, match="no layout"):
        run(setup.apply(SetupPlan(resolution("720p"), layout="picture-in-picture")))
    assert obs.sent == []


def test_windows_obs_gets_the_slide_show_and_the_first_camera():
    obs = FakeObs(WINDOWS_KINDS)
    report = run(StudioSetup(obs).apply(SetupPlan(resolution("720p"))))  # type: ignore[arg-type]
    assert obs.inputs[WINDOW_INPUT]["kind"] == "window_capture"
    assert obs.inputs[WINDOW_INPUT]["settings"]["window"] == "PowerPoint 幻灯片放映:screenClass:POWERPNT.EXE"
    assert obs.inputs[CAMERA_INPUT]["settings"]["video_device_id"] == "USB Camera:\\\\?\\usb#1"
    assert obs.inputs[BACKGROUND_INPUT]["settings"]["file"] == str(DEFAULT_BACKGROUND)
    assert obs.profile[("SimpleOutput", "VBitrate")] == "1800"
    assert obs.profile[("Audio", "SampleRate")] == "44100"
    assert any("restart" in note for note in report.notes)  # the sample rate needs an OBS restart
    assert report.bitrate_applied


def test_without_window_capture_there_is_a_message_and_no_broken_source():
    obs = FakeObs(["image_source", "xshm_input", "v4l2_input"])
    report = run(StudioSetup(obs).apply(SetupPlan(resolution("720p"))))  # type: ignore[arg-type]
    assert WINDOW_INPUT not in obs.inputs
    assert any("no window capture" in note for note in report.notes)
    assert BACKGROUND_INPUT in obs.inputs


def test_advanced_mode_applies_the_rest_and_says_what_to_set_by_hand():
    obs = FakeObs(WINDOWS_KINDS, mode="Advanced")
    report = run(StudioSetup(obs).apply(SetupPlan(resolution("1080p"))))  # type: ignore[arg-type]
    assert not report.bitrate_applied and report.output_mode == "Advanced"
    assert obs.profile[("SimpleOutput", "VBitrate")] == "2500"
    assert obs.profile[("AdvOut", "Track1Bitrate")] == "160"
    assert "3000 Kbps" in report.manual_steps[0] and "x264" in report.manual_steps[0]
    assert (obs.video["baseWidth"], obs.video["baseHeight"]) == (1080, 1920)
    assert "3000 Kbps" in report.summary()


def test_listing_devices_leaves_nothing_behind():
    obs = FakeObs(WINDOWS_KINDS)
    devices = run(StudioSetup(obs).list_devices())  # type: ignore[arg-type]
    assert [c.name for c in devices.cameras] == ["USB Camera"]
    assert devices.preselected_window == "PowerPoint 幻灯片放映:screenClass:POWERPNT.EXE"
    assert obs.inputs == {} and list(obs.scenes) == ["开场 Opening"]
