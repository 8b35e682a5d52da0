"""StudioSetup's decisions against the in-memory OBS of tests/fakes (the real OBS: tests/integration).

The fake records every request, so a test can say "nothing was written" or "no window capture
source was made" precisely; a request it does not know fails the test.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

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
from tests.fakes.obs import FakeObs

WINDOWS_KINDS = ["image_source", "window_capture", "dshow_input", "color_source_v3"]


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def test_refuses_before_trying_while_any_output_runs():
    for active, said in (({"stream"}, "streaming"), ({"record"}, "recording"), ({"ndi"}, "ndi_output")):
        obs = FakeObs(kinds=WINDOWS_KINDS)
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
    obs = FakeObs(kinds=WINDOWS_KINDS)
    setup = StudioSetup(obs)  # type: ignore[arg-type]
    with pytest.raises(SetupUnavailable, match="does not exist"):
        run(setup.apply(SetupPlan(resolution("720p"), background=tmp_path / "nope.png")))
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(SetupUnavailable, match="PNG or JPG"):
        run(setup.apply(SetupPlan(resolution("720p"), background=tmp_path / "notes.txt")))
    with pytest.raises(SetupUnavailable, match="no layout"):
        run(setup.apply(SetupPlan(resolution("720p"), layout="picture-in-picture")))
    assert obs.calls == []


def test_windows_obs_gets_the_slide_show_and_the_first_camera():
    obs = FakeObs(kinds=WINDOWS_KINDS)
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
    obs = FakeObs(kinds=["image_source", "xshm_input", "v4l2_input"])
    report = run(StudioSetup(obs).apply(SetupPlan(resolution("720p"))))  # type: ignore[arg-type]
    assert WINDOW_INPUT not in obs.inputs
    assert any("no window capture" in note for note in report.notes)
    assert BACKGROUND_INPUT in obs.inputs


def test_advanced_mode_applies_the_rest_and_says_what_to_set_by_hand():
    obs = FakeObs(kinds=WINDOWS_KINDS, mode="Advanced")
    report = run(StudioSetup(obs).apply(SetupPlan(resolution("1080p"))))  # type: ignore[arg-type]
    assert not report.bitrate_applied and report.output_mode == "Advanced"
    assert obs.profile[("SimpleOutput", "VBitrate")] == "2500"
    assert obs.profile[("AdvOut", "Track1Bitrate")] == "160"
    assert "3000 Kbps" in report.manual_steps[0] and "x264" in report.manual_steps[0]
    assert (obs.video["baseWidth"], obs.video["baseHeight"]) == (1080, 1920)
    assert "3000 Kbps" in report.summary()


def test_listing_devices_leaves_nothing_behind():
    obs = FakeObs(kinds=WINDOWS_KINDS)
    devices = run(StudioSetup(obs).list_devices())  # type: ignore[arg-type]
    assert [c.name for c in devices.cameras] == ["USB Camera"]
    assert devices.preselected_window == "PowerPoint 幻灯片放映:screenClass:POWERPNT.EXE"
    assert obs.inputs == {} and list(obs.scenes) == ["开场 Opening"]
