"""The setup's pure parts: presets, layouts, cover maths, picking kinds and the slide show."""

from __future__ import annotations

import pytest

from studio.obs.presets import RESOLUTIONS, resolution, resolution_for_canvas
from studio.obs.setup import (
    CAMERA_KINDS,
    COVER,
    FIT,
    FULL,
    LAYOUTS,
    WINDOW_KINDS,
    Choice,
    SetupPlan,
    Slot,
    cover_crop,
    is_obs_window,
    item_transform,
    pick_kind,
    preselect_window,
)


def test_presets_are_the_playbooks_numbers():
    assert resolution("720p").canvas(portrait=True) == (720, 1280)
    assert resolution("720P").canvas(portrait=False) == (1280, 720)
    assert resolution("1080").canvas(portrait=True) == (1080, 1920)
    assert resolution("1080p").canvas(portrait=False) == (1920, 1080)
    assert [p.video_kbps for p in RESOLUTIONS.values()] == [1800, 3000]
    assert resolution_for_canvas(1080, 1920) is RESOLUTIONS["1080p"]
    assert resolution_for_canvas(1280, 720) is RESOLUTIONS["720p"]
    assert resolution_for_canvas(800, 600) is None
    with pytest.raises(KeyError):
        resolution("4k")


@pytest.mark.parametrize(("source", "box", "visible"), [
    ((1280, 720), (720, 1280), None),  # landscape camera into a portrait box: crop the sides
    ((720, 1280), (1280, 720), None),
    ((300, 300), (720, 1280), None),
    ((1920, 1080), (1280, 720), None),  # same shape: nothing to crop
])
def test_cover_crop_gives_the_source_the_boxs_shape_from_its_middle(source, box, visible):
    crop = cover_crop(source, box)
    w = source[0] - crop["cropLeft"] - crop["cropRight"]
    h = source[1] - crop["cropTop"] - crop["cropBottom"]
    assert abs(w / h - box[0] / box[1]) < 0.01  # the box's aspect, so outer scaling fills it exactly
    assert abs(crop["cropLeft"] - crop["cropRight"]) <= 1 and abs(crop["cropTop"] - crop["cropBottom"]) <= 1
    assert w == source[0] or h == source[1]  # only one direction is cropped: as much as possible kept


def test_cover_crop_of_an_unknown_size_is_none():
    assert cover_crop((0, 0), (720, 1280)) == {"cropLeft": 0, "cropRight": 0, "cropTop": 0, "cropBottom": 0}


def test_item_transform_cover_and_fit():
    cover = item_transform(Slot(FULL, COVER), (720, 1280), (300, 300))
    assert cover["boundsType"] == "OBS_BOUNDS_SCALE_OUTER"
    assert (cover["positionX"], cover["positionY"], cover["boundsWidth"], cover["boundsHeight"]) == (
        0, 0, 720, 1280)
    assert cover["cropLeft"] + cover["cropRight"] == 131 and cover["cropTop"] == 0
    fit = item_transform(LAYOUTS["ppt-above-camera"].portrait["ppt"], (1080, 1920), (1920, 1080))
    assert fit["boundsType"] == "OBS_BOUNDS_SCALE_INNER" and fit["cropLeft"] == 0
    assert fit["boundsWidth"] == 1080 and fit["positionY"] == round(0.04 * 1920)


@pytest.mark.parametrize("name", list(LAYOUTS))
@pytest.mark.parametrize("portrait", [True, False])
def test_layouts_stay_on_the_canvas_and_do_not_overlap_unless_inset(name, portrait):
    slots = LAYOUTS[name].slots(portrait)
    assert "camera" in slots
    for slot in slots.values():
        b = slot.box
        assert b.x >= 0 and b.y >= 0 and b.x + b.w <= 1.0001 and b.y + b.h <= 1.0001
        assert slot.mode in (COVER, FIT)
    if name == "ppt-above-camera":
        ppt, cam = slots["ppt"].box, slots["camera"].box
        apart = (ppt.y + ppt.h <= cam.y + 1e-9) or (ppt.x + ppt.w <= cam.x + 1e-9)
        assert apart


def test_kinds_are_picked_from_what_this_obs_offers():
    linux = ["image_source", "xshm_input", "xcomposite_input", "v4l2_input"]
    assert pick_kind(linux, WINDOW_KINDS).kind == "xcomposite_input"
    assert pick_kind(linux, CAMERA_KINDS).kind == "v4l2_input"
    windows = ["image_source", "window_capture", "game_capture", "dshow_input", "monitor_capture"]
    assert pick_kind(windows, WINDOW_KINDS).list_property == "window"
    assert pick_kind(windows, CAMERA_KINDS).list_property == "video_device_id"
    mac = ["image_source", "screen_capture", "av_capture_input_v2"]
    assert dict(pick_kind(mac, WINDOW_KINDS).extra_settings) == {"type": 1}
    assert pick_kind(mac, CAMERA_KINDS).kind == "av_capture_input_v2"
    headless = ["image_source", "xshm_input", "v4l2_input"]  # no window manager: no xcomposite
    assert pick_kind(headless, WINDOW_KINDS) is None


def test_the_slide_show_is_preselected_over_the_editor_and_other_windows():
    editor = Choice("演示文稿1 - PowerPoint:PPTFrameClass:POWERPNT.EXE",
                    "[POWERPNT.EXE]: 演示文稿1 - PowerPoint")
    show = Choice("PowerPoint 幻灯片放映 - [演示文稿1]:screenClass:POWERPNT.EXE",
                  "[POWERPNT.EXE]: PowerPoint 幻灯片放映 - [演示文稿1]")
    browser = Choice("微信:WeChatMainWndForPC:WeChat.exe", "[WeChat.exe]: 微信")
    assert preselect_window([browser, editor, show]) == show.value
    assert preselect_window([browser, editor]) == editor.value  # no show open: the PPT itself
    assert preselect_window([browser]) is None
    wps = Choice("WPS 演示 幻灯片放映:wpsshowframe:wpp.exe", "[wpp.exe]: WPS 演示 幻灯片放映")
    assert preselect_window([browser, wps]) == wps.value
    x11 = Choice("14680112\r\nPowerPoint Slide Show - [demo.pptx]\r\nxmessage",
                 "PowerPoint Slide Show - [demo.pptx]")
    assert preselect_window([x11]) == x11.value


def test_obs_own_window_is_recognised():
    assert is_obs_window(Choice("4194313\r\nOBS 29.0.2 (linux) - Profile: Lab\r\nobs", "OBS 29.0.2"))
    assert is_obs_window(Choice("OBS 30.1 - Profile:Qt663QWindowIcon:obs64.exe", "[obs64.exe]: OBS"))
    assert not is_obs_window(Choice("obs training.pptx - PowerPoint:PPTFrameClass:POWERPNT.EXE",
                                     "[POWERPNT.EXE]: obs training.pptx"))


def test_plan_names_the_scene_by_orientation():
    assert SetupPlan(resolution("720p")).scene == "竖屏直播 Portrait"
    assert SetupPlan(resolution("720p"), portrait=False).scene == "横屏直播 Landscape"
    assert SetupPlan(resolution("1080p"), portrait=False).canvas == (1920, 1080)
