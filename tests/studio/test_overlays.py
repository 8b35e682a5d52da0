"""Overlays against a fake OBS and a fake clock: timers, re-use by name, scenes followed, errors.

The fake OBS keeps scenes, inputs and items in memory and answers the requests the overlays make;
the fake clock's ``sleep`` waits until the test moves time on, so a 20 s ticker needs no 20 s.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest

from studio.errors import ObsNotConnected, ObsRequestFailed
from studio.obs import overlays as ov
from studio.obs.overlays import OVERLAY_SCENE, PREFIX, ObsOverlays, source_name
from tests.fakes.clock import FakeClock, settle
from tests.fakes.obs import FakeLink, FakeObs
from tests.lab.network import http_server

START = 1_750_000_000.0


class OverlayObs(FakeObs):
    """The fake OBS with a portrait canvas on Linux, two scenes of the user's, and two helpers."""

    def __init__(self, platform: str = "debian",
                 kinds: tuple[str, ...] = ("image_source", "color_source_v3", "text_ft2_source_v2")) -> None:
        super().__init__(width=720, height=1280, platform=platform, kinds=kinds,
                         scenes=("开场 Opening", "讲解 Product"))

    def enabled(self, overlay: str, role: str) -> bool:
        item = self.item(OVERLAY_SCENE, source_name(overlay, role))
        return bool(item and item["sceneItemEnabled"])

    def text(self, overlay: str, role: str = "text") -> str:
        return str(self.inputs[source_name(overlay, role)]["settings"].get("text", ""))


def run(make: Callable[[OverlayObs, FakeLink, FakeClock, ObsOverlays], Coroutine[Any, Any, None]],
        obs: OverlayObs | None = None, **kwargs: Any) -> OverlayObs:
    obs = obs or OverlayObs()

    async def main() -> None:
        link = FakeLink(obs)
        clock = FakeClock(START)
        overlays = ObsOverlays(link, clock=clock, sleep=clock.sleep, **kwargs)  # type: ignore[arg-type]
        try:
            await make(obs, link, clock, overlays)
        finally:
            await overlays.close()
            await settle()

    asyncio.run(main())
    return obs


# ----- the ticker --------------------------------------------------------------------------------
def test_ticker_stays_20_seconds_by_default_then_goes_by_itself():
    async def scenario(obs, link, clock, overlays):
        shown = await overlays.show_ticker("关注主播，八点抽免单")
        assert shown.texts == {"text": "关注主播，八点抽免单"}
        assert obs.enabled(ov.TICKER, "bg") and obs.enabled(ov.TICKER, "text")
        await clock.advance(19.9)
        assert overlays.visible[ov.TICKER] and obs.enabled(ov.TICKER, "text")
        await clock.advance(0.1)
        assert not overlays.visible[ov.TICKER]
        assert not obs.enabled(ov.TICKER, "bg") and not obs.enabled(ov.TICKER, "text")

    run(scenario)


def test_a_new_ticker_restarts_the_20_seconds_and_hide_cancels_the_timer():
    async def scenario(obs, link, clock, overlays):
        await overlays.show_ticker("第一条公告内容")
        await clock.advance(15)
        await overlays.show_ticker("第二条公告内容")
        await clock.advance(15)
        assert overlays.visible[ov.TICKER] and obs.text(ov.TICKER) == "第二条公告内容"
        await clock.advance(5)
        assert not overlays.visible[ov.TICKER]
        await overlays.show_ticker("第三条公告内容")
        await overlays.hide_ticker()
        assert clock.sleeping == 0  # the auto-hide timer is gone with it

    run(scenario)


# ----- countdowns --------------------------------------------------------------------------------
def test_coupon_counts_down_each_second_then_says_it_ended_and_goes():
    async def scenario(obs, link, clock, overlays):
        await overlays.show_coupon("满200减30", ends_at=START + 300)
        assert obs.text(ov.COUPON_BANNER) == "满200减30 · 还剩 05:00"
        await clock.advance(0.5)
        assert obs.text(ov.COUPON_BANNER) == "满200减30 · 还剩 05:00"  # 299.5 s left still reads 05:00
        await clock.advance(0.5)
        assert obs.text(ov.COUPON_BANNER) == "满200减30 · 还剩 04:59"
        sets_before = sum(1 for kind, _ in obs.calls if kind == "SetInputSettings")
        await clock.advance(10)
        assert obs.text(ov.COUPON_BANNER) == "满200减30 · 还剩 04:49"
        sets = sum(1 for kind, _ in obs.calls if kind == "SetInputSettings") - sets_before
        assert sets == 10  # one text update a second, nothing else re-sent
        await clock.advance(289)
        assert obs.text(ov.COUPON_BANNER) == "满200减30 · 已结束"
        assert overlays.visible[ov.COUPON_BANNER]
        await clock.advance(ov.COUPON_END_LINGER)
        assert not overlays.visible[ov.COUPON_BANNER] and not obs.enabled(ov.COUPON_BANNER, "text")

    run(scenario)


def test_lottery_counts_down_says_when_the_draw_is_near_and_then_draws():
    async def scenario(obs, link, clock, overlays):
        await overlays.show_lottery_countdown(draw_at=START + 600, prize="电饭煲")
        assert obs.text(ov.LOTTERY_COUNTDOWN) == "抽奖 · 电饭煲 · 还剩 10:00"
        await clock.advance(1)
        assert obs.text(ov.LOTTERY_COUNTDOWN) == "抽奖 · 电饭煲 · 还剩 09:59"
        await clock.advance(569)
        assert obs.text(ov.LOTTERY_COUNTDOWN) == "抽奖 · 电饭煲 · 30 秒后开奖"
        await clock.advance(30)
        assert obs.text(ov.LOTTERY_COUNTDOWN) == "抽奖 · 电饭煲 · 正在开奖"
        await overlays.hide_lottery_countdown()
        assert not obs.enabled(ov.LOTTERY_COUNTDOWN, "text") and clock.sleeping == 0

    run(scenario)


def test_countdown_accepts_an_aware_datetime_and_refuses_a_naive_one():
    from datetime import UTC, datetime

    async def scenario(obs, link, clock, overlays):
        await overlays.show_lottery_countdown(datetime.fromtimestamp(START + 90, UTC))
        assert obs.text(ov.LOTTERY_COUNTDOWN) == "抽奖 · 还剩 01:30"
        with pytest.raises(ValueError):
            await overlays.show_lottery_countdown(datetime(2030, 1, 1))

    run(scenario)


def test_a_failing_tick_is_told_and_the_countdown_goes_on():
    async def scenario(obs, link, clock, overlays):
        failures = []
        overlays.failed.connect(lambda overlay, message: failures.append((overlay, message)))
        await overlays.show_coupon("满200减30", ends_at=START + 60)
        obs.connected = False
        await clock.advance(1)
        assert failures and failures[0][0] == ov.COUPON_BANNER and "Not connected" in failures[0][1]
        obs.connected = True
        await clock.advance(1)
        assert obs.text(ov.COUPON_BANNER) == "满200减30 · 还剩 00:58"

    run(scenario)


# ----- the product card --------------------------------------------------------------------------
def test_product_card_shows_name_prices_and_image_and_hides_again(tmp_path):
    image = tmp_path / "cooker.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")

    async def scenario(obs, link, clock, overlays):
        shown = await overlays.show_product_card("电饭煲 4L", live_price="59.90", list_price=99, image=image)
        assert shown.texts == {"name": "电饭煲 4L", "price": "直播价 ¥59.9", "list_price": "原价 ¥99"}
        assert shown.warnings == []
        for role in ("bg", "image", "name", "price", "list_price"):
            assert obs.enabled(ov.PRODUCT_CARD, role), role
        assert obs.inputs[source_name(ov.PRODUCT_CARD, "image")]["settings"]["file"] == str(image)
        # Laid out on the canvas with a bounds box, so a long text shrinks instead of running off.
        name_item = obs.item(OVERLAY_SCENE, source_name(ov.PRODUCT_CARD, "name"))
        assert name_item["sceneItemTransform"]["boundsType"] == "OBS_BOUNDS_MAX_ONLY"
        assert name_item["sceneItemTransform"]["positionY"] > 1280 * 2 / 3
        await overlays.hide_product_card()
        for role in ("bg", "image", "name", "price", "list_price"):
            assert not obs.enabled(ov.PRODUCT_CARD, role), role

    run(scenario)


def test_a_missing_image_is_a_warning_and_the_card_still_goes_up(tmp_path):
    async def scenario(obs, link, clock, overlays):
        shown = await overlays.show_product_card("保温杯", live_price=39, image=tmp_path / "nope.png")
        assert overlays.visible[ov.PRODUCT_CARD]
        assert not obs.enabled(ov.PRODUCT_CARD, "image") and not obs.enabled(ov.PRODUCT_CARD, "list_price")
        assert len(shown.warnings) == 1 and "not found" in shown.warnings[0]

    run(scenario)


def test_product_image_from_a_url_is_fetched_once(tmp_path):
    from aiohttp import web

    png = b"\x89PNG\r\n\x1a\n" + b"0" * 100
    hits = []

    async def handler(request):
        hits.append(request.path)
        return web.Response(body=png, content_type="image/png")

    async def scenario(obs, link, clock, overlays):
        async with http_server("/goods/1.png", handler) as base:
            url = f"{base}/goods/1.png"
            shown = await overlays.show_product_card("保温杯", live_price=39, image=url)
            assert shown.warnings == []
            file = obs.inputs[source_name(ov.PRODUCT_CARD, "image")]["settings"]["file"]
            assert Path(file).read_bytes() == png and file.startswith(str(tmp_path))
            await overlays.show_product_card("保温杯", live_price=35, image=url)
            assert hits == ["/goods/1.png"]
            missing = await overlays.show_product_card("保温杯", image=f"{base}/x.png")
            assert "HTTP 404" in missing.warnings[0] and not obs.enabled(ov.PRODUCT_CARD, "image")

    run(scenario, image_cache=tmp_path)


# ----- OBS: sources, scenes, kinds ---------------------------------------------------------------
def test_sources_are_made_once_and_reused_by_name_and_the_users_own_are_never_touched():
    obs = OverlayObs()
    obs.inputs["我的字幕"] = {"kind": "text_ft2_source_v2", "settings": {"text": "主播自己的字"}}
    obs.scenes["开场 Opening"].append({"sceneItemId": 999, "sourceName": "我的字幕", "sceneItemEnabled": True,
                                     "sceneItemIndex": 0, "sceneItemTransform": {}})

    async def scenario(obs, link, clock, overlays):
        await overlays.prepare()
        made = {n for n in obs.inputs if n.startswith(PREFIX)}
        assert len(made) == 11  # card 5 + coupon 2 + lottery 2 + ticker 2
        assert all(not i["sceneItemEnabled"] for i in obs.scenes[OVERLAY_SCENE])  # made hidden
        # A second console (or a restart) finds them and makes nothing new.
        again = ObsOverlays(link, clock=clock, sleep=clock.sleep)
        await again.show_product_card("保温杯", live_price=39)
        await again.show_ticker("公告测试内容")
        assert {n for n in obs.inputs if n.startswith(PREFIX)} == made
        assert not any(kind in ("CreateInput", "CreateScene") for kind, _ in obs.calls[-30:])
        await again.close()

    run(scenario, obs=obs)
    assert obs.inputs["我的字幕"]["settings"] == {"text": "主播自己的字"}
    touched = {d.get("inputName") for kind, d in obs.calls if kind in ("SetInputSettings", "RemoveInput")}
    assert all(name.startswith(PREFIX) for name in touched)


def test_overlay_scene_sits_on_top_of_the_program_once_locked_and_follows_a_new_program():
    obs = OverlayObs()
    obs.inputs["摄像头"] = {"kind": "v4l2_input", "settings": {}}
    obs.scenes["开场 Opening"].append({"sceneItemId": 500, "sourceName": "摄像头", "sceneItemEnabled": True,
                                     "sceneItemIndex": 0, "sceneItemTransform": {}})

    async def scenario(obs, link, clock, overlays):
        await overlays.show_product_card("保温杯", live_price=39)
        await overlays.show_ticker("公告测试内容")
        program = obs.scenes["开场 Opening"]
        nested = [i for i in program if i["sourceName"] == OVERLAY_SCENE]
        assert len(nested) == 1 and nested[0]["sceneItemLocked"]
        assert program[-1]["sourceName"] == OVERLAY_SCENE  # on top of the user's camera
        # The user adds a source on top afterwards: the next show puts the overlay back on top.
        obs._add_item("开场 Opening", "摄像头", True)
        await overlays.show_ticker("又一条公告内容")
        assert program[-1]["sourceName"] == OVERLAY_SCENE
        assert len([i for i in program if i["sourceName"] == OVERLAY_SCENE]) == 1
        # The program changes while the card is up: the overlay goes with it.
        obs.program = "讲解 Product"
        link.emit("CurrentProgramSceneChanged", {"sceneName": "讲解 Product"})
        await settle()
        assert obs.item("讲解 Product", OVERLAY_SCENE) is not None
        # A canvas switch rescaled the user's scene, our nested item with it: put back at 1:1.
        obs.item("讲解 Product", OVERLAY_SCENE)["sceneItemTransform"].update(scaleX=1.5, scaleY=1.5)
        await overlays.show_product_card("保温杯", live_price=35)
        assert obs.item("讲解 Product", OVERLAY_SCENE)["sceneItemTransform"]["scaleX"] == 1.0
        await overlays.detach_from("开场 Opening")
        assert obs.item("开场 Opening", OVERLAY_SCENE) is None
        assert obs.item("开场 Opening", "摄像头") is not None

    run(scenario, obs=obs)


def test_nothing_on_screen_means_a_scene_change_leaves_the_users_scene_alone():
    async def scenario(obs, link, clock, overlays):
        await overlays.prepare()
        link.emit("CurrentProgramSceneChanged", {"sceneName": "讲解 Product"})
        await settle()
        assert obs.item("讲解 Product", OVERLAY_SCENE) is None

    run(scenario)


def test_studio_mode_puts_the_overlay_on_preview_too():
    obs = OverlayObs()
    obs.studio_mode = True

    async def scenario(obs, link, clock, overlays):
        await overlays.show_ticker("公告测试内容")
        assert obs.item("开场 Opening", OVERLAY_SCENE) and obs.item("讲解 Product", OVERLAY_SCENE)

    run(scenario, obs=obs)


@pytest.mark.parametrize(("platform", "kinds", "kind", "face"), [
    ("windows", ("text_gdiplus_v2", "color_source_v3", "image_source"), "text_gdiplus_v2", "Microsoft YaHei"),
    ("macos", ("text_ft2_source_v2", "color_source_v3", "image_source"), "text_ft2_source_v2", "PingFang SC"),
    ("debian", ("text_ft2_source_v2", "color_source_v3", "image_source"), "text_ft2_source_v2",
     "WenQuanYi Micro Hei"),
])
def test_text_kind_and_cjk_face_follow_the_obs_platform(platform, kinds, kind, face):
    async def scenario(obs, link, clock, overlays):
        await overlays.show_ticker("公告测试内容")
        assert (overlays.text_kind, overlays.font_face) == (kind, face)
        settings = obs.inputs[source_name(ov.TICKER, "text")]["settings"]
        assert settings["font"]["face"] == face
        colour_key = "color" if kind == "text_gdiplus_v2" else "color1"
        assert settings[colour_key] == 0xFFFFFFFF
        assert obs.inputs[source_name(ov.TICKER, "text")]["kind"] == kind

    run(scenario, obs=OverlayObs(platform=platform, kinds=kinds))


def test_pick_face_prefers_a_local_cjk_family_on_linux():
    assert ov.pick_face("debian", "text_ft2_source_v2", ["Noto Sans CJK SC"]) == "Noto Sans CJK SC"
    assert ov.pick_face("debian", "text_ft2_source_v2",
                        ["Droid Sans Fallback", "WenQuanYi Micro Hei", "WenQuanYi Micro Hei Mono"]) \
        == "WenQuanYi Micro Hei"
    assert ov.pick_face("debian", "text_ft2_source_v2", []) == "WenQuanYi Micro Hei"


def test_our_source_of_another_kind_is_made_again():
    obs = OverlayObs(platform="windows", kinds=("text_gdiplus_v2", "color_source_v3", "image_source"))
    name = source_name(ov.TICKER, "text")
    obs.scenes[OVERLAY_SCENE] = []
    obs.inputs[name] = {"kind": "text_ft2_source_v2", "settings": {}}  # the collection came from a Mac

    async def scenario(obs, link, clock, overlays):
        await overlays.show_ticker("公告测试内容")
        assert obs.inputs[name]["kind"] == "text_gdiplus_v2"

    run(scenario, obs=obs)


def test_a_canvas_change_moves_what_is_on_screen():
    async def scenario(obs, link, clock, overlays):
        await overlays.show_product_card("保温杯", live_price=39)
        bg = source_name(ov.PRODUCT_CARD, "bg")
        assert obs.inputs[bg]["settings"]["width"] == 720 - 2 * 24
        obs.video = {"baseWidth": 1080, "baseHeight": 1920}
        await overlays.show_ticker("公告测试内容")  # any show reads the canvas again
        await settle()
        assert obs.inputs[bg]["settings"]["width"] == 1080 - 2 * 36
        assert overlays.layout is not None and overlays.layout.unit == 1.5

    run(scenario)


def test_a_source_deleted_by_the_user_is_made_again_on_the_next_show():
    async def scenario(obs, link, clock, overlays):
        await overlays.show_ticker("公告测试内容")
        await obs.request("RemoveInput", {"inputName": source_name(ov.TICKER, "text")})
        await overlays.show_ticker("第二条公告内容")
        assert obs.enabled(ov.TICKER, "text") and obs.text(ov.TICKER) == "第二条公告内容"

    run(scenario)


def test_obs_refusing_says_what_could_not_be_shown():
    obs = OverlayObs()
    obs.refuse["SetSceneItemTransform"] = 204

    async def scenario(obs, link, clock, overlays):
        with pytest.raises(ObsRequestFailed) as refused:
            await overlays.show_product_card("保温杯", live_price=39)
        assert "product card" in str(refused.value) and refused.value.code == 204
        assert not overlays.visible[ov.PRODUCT_CARD]

    run(scenario, obs=obs)


def test_not_connected_is_raised_as_is():
    obs = OverlayObs()
    obs.connected = False

    async def scenario(obs, link, clock, overlays):
        with pytest.raises(ObsNotConnected):
            await overlays.show_coupon("满200减30", ends_at=START + 60)
        assert clock.sleeping == 0 and not overlays.visible[ov.COUPON_BANNER]

    run(scenario, obs=obs)


def test_hide_all_after_a_reconnect_still_switches_everything_off():
    async def scenario(obs, link, clock, overlays):
        await overlays.show_product_card("保温杯", live_price=39)
        await overlays.show_coupon("满200减30", ends_at=START + 60)
        link.connected.emit()  # a reconnect: what we knew of OBS is forgotten
        await overlays.hide_all()
        assert not any(i["sceneItemEnabled"] for i in obs.scenes[OVERLAY_SCENE])
        assert not any(overlays.visible.values()) and clock.sleeping == 0

    run(scenario)


def test_changed_fires_when_what_is_on_screen_changes():
    async def scenario(obs, link, clock, overlays):
        seen = []
        overlays.changed.connect(lambda: seen.append(dict(overlays.visible)))
        await overlays.show_ticker("公告测试内容", seconds=5)
        await clock.advance(5)
        assert [s[ov.TICKER] for s in seen] == [True, False]

    run(scenario)
