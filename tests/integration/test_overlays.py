"""Overlays in a real OBS: what reaches the program output, checked in its rendered pixels."""

from __future__ import annotations

import asyncio
import re
import time

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from studio.obs import overlays as ov
from studio.obs.link import ConnectionTarget, ObsLink
from studio.obs.overlay_layout import Box, layout_for
from studio.obs.overlays import OVERLAY_SCENE, ObsOverlays, source_name
from tests.lab.frames import (
    CARD_RGB,
    IMAGE_RGB,
    SCALE,
    TICKER_RGB,
    colour_share,
    obs_connection,
    portrait_on_air,
    screenshot,
    set_canvas,
    until_share,
)
from tests.lab.processes import LAB_SCENES
from tests.lab.waiting import wait_until

pytestmark = pytest.mark.integration



def test_product_card_reaches_program_output_on_a_portrait_canvas_and_goes_again(obs_factory, run, tmp_path):
    obs = obs_factory()
    image = tmp_path / "goods.png"
    picture = QImage(200, 200, QImage.Format.Format_RGB888)
    picture.fill(QColor(*IMAGE_RGB))
    assert picture.save(str(image))

    async def scenario():
        async with portrait_on_air(obs) as (link, program):
            card = layout_for(720, 1280).card
            assert card.inside(Box(0, 2 * 1280 // 3, 720, 1280 - 2 * 1280 // 3))  # the lower third
            before = colour_share(await screenshot(link, program, SCALE), card, CARD_RGB)
            assert before < 0.01

            overlays = ObsOverlays(link)
            name = "超值家用多功能电饭煲 4L 大容量 智能预约 一键快煮 不粘内胆 赠蒸笼 量杯 饭勺 全国联保"
            shown = await overlays.show_product_card(name, live_price="59.90", list_price=99, image=image)
            assert shown.warnings == []
            assert shown.texts["price"] == "直播价 ¥59.9"
            assert shown.texts["list_price"] == "原价 ¥99"
            assert shown.texts["name"].endswith("…")  # too long for two lines: shortened, not cut off
            on = await until_share(link, program, card, CARD_RGB, lambda s: s > 0.6)
            assert on > 0.6, f"card colour covers only {on:.0%} of the card's place on the program output"
            # The card's name is really drawn: white text pixels on the card.
            name_box = Box(card.x, card.y, card.w, card.h // 2)
            frame = await screenshot(link, program, 2)
            assert colour_share(frame, name_box, (255, 255, 255), tolerance=60, scale=2) > 0.02
            # The product image fills its square on the card.
            assert colour_share(frame, layout_for(720, 1280).card_image, IMAGE_RGB, scale=2) > 0.8
            # It is on the program scene as one nested, locked item on top.
            items = (await link.request("GetSceneItemList", {"sceneName": program}))["sceneItems"]
            nested = [i for i in items if i["sourceName"] == OVERLAY_SCENE]
            assert len(nested) == 1 and nested[0]["sceneItemLocked"]

            await overlays.hide_product_card()
            off = await until_share(link, program, card, CARD_RGB, lambda s: s < 0.01)
            assert off < 0.01
            assert colour_share(await screenshot(link, program, SCALE), card, IMAGE_RGB) < 0.01
            assert not overlays.visible[ov.PRODUCT_CARD]

    run(scenario(), timeout=40)


def test_overlay_follows_a_new_program_scene_and_never_touches_the_users_sources(obs_factory, run):
    obs = obs_factory()

    async def scenario():
        async with obs_connection(obs) as link:
            await set_canvas(link, 1920, 1080)  # landscape 1080P
            await link.request("SetCurrentProgramScene", {"sceneName": LAB_SCENES[0]})
            await link.request("CreateInput", {
                "sceneName": LAB_SCENES[1], "inputName": "我的字幕", "inputKind": "text_ft2_source_v2",
                "inputSettings": {"text": "主播自己的字"}, "sceneItemEnabled": True})
            overlays = ObsOverlays(link)
            await overlays.show_product_card("保温杯", live_price=39)
            card = layout_for(1920, 1080).card
            assert card.x < 1920 // 2 and card.y >= 1080 * 2 // 3  # bottom-left, in the lower third
            assert await until_share(link, LAB_SCENES[0], card, CARD_RGB, lambda s: s > 0.6) > 0.6

            await link.request("SetCurrentProgramScene", {"sceneName": LAB_SCENES[1]})
            on_new = await until_share(link, LAB_SCENES[1], card, CARD_RGB, lambda s: s > 0.6)
            assert on_new > 0.6, "the card did not follow the new program scene"

            # Again, from a fresh console: the same sources are re-used, nothing is made twice.
            inputs_before = (await link.request("GetInputList"))["inputs"]
            again = ObsOverlays(link)
            await again.show_product_card("保温杯 Pro", live_price=49)
            inputs_after = (await link.request("GetInputList"))["inputs"]
            assert sorted(i["inputName"] for i in inputs_after) == sorted(
                i["inputName"] for i in inputs_before)
            mine = await link.request("GetInputSettings", {"inputName": "我的字幕"})
            assert mine["inputSettings"]["text"] == "主播自己的字"
            await again.hide_all()
            assert await until_share(link, LAB_SCENES[1], card, CARD_RGB, lambda s: s < 0.01) < 0.01

    run(scenario(), timeout=40)


def test_ticker_is_gone_by_itself_after_its_time(obs_factory, run):
    obs = obs_factory()

    async def scenario():
        async with portrait_on_air(obs) as (link, program):
            overlays = ObsOverlays(link)
            bar = layout_for(720, 1280).ticker_bar(1)
            started = time.monotonic()
            await overlays.show_ticker("关注主播，八点抽免单", seconds=2)
            assert await until_share(link, program, bar, TICKER_RGB, lambda s: s > 0.5, timeout=1.5) > 0.5
            await wait_until(lambda: not overlays.visible[ov.TICKER], timeout=6)
            assert time.monotonic() - started >= 1.9
            assert await until_share(link, program, bar, TICKER_RGB, lambda s: s < 0.01) < 0.01

    run(scenario(), timeout=30)


def test_chinese_renders_as_glyphs_in_a_cjk_face(obs_factory, run):
    obs = obs_factory()

    async def scenario():
        async with obs_connection(obs) as link:
            overlays = ObsOverlays(link)
            try:
                await overlays.show_ticker("直播间抽奖", seconds=600)
                text_source = source_name(ov.TICKER, "text")
                settings = (await link.request("GetInputSettings", {"inputName": text_source}))[
                    "inputSettings"]
                assert overlays.text_kind == "text_ft2_source_v2"
                assert settings["font"]["face"] == overlays.font_face == "WenQuanYi Micro Hei"
                box = layout_for(1280, 720).ticker_bar(1)

                async def rendered(text: str) -> np.ndarray:
                    await link.request("SetInputSettings", {"inputName": text_source,
                                                            "inputSettings": {"text": text}})
                    await asyncio.sleep(0.3)  # a few frames at 30 fps
                    frame = await screenshot(link, OVERLAY_SCENE)
                    return frame[box.y:box.bottom, box.x:box.right]

                def white(region: np.ndarray) -> np.ndarray:
                    return np.all(region > 160, axis=2)

                empty = await rendered("")
                a = await rendered("直播间抽奖")
                b = await rendered("关注领红包")
                inked = int(white(a).sum())
                assert int(white(empty).sum()) == 0
                assert inked > 300, f"only {inked} text pixels"
                # Real glyphs differ between two texts of the same length; missing-glyph boxes
                # (the same box for every character) would not.
                differ = int((white(a) != white(b)).sum())
                assert differ > inked // 3, "both texts look alike: Chinese drawn as empty boxes?"
                await overlays.hide_all()
            finally:
                await overlays.close()

    run(scenario(), timeout=40)


def test_countdown_text_ticks_each_second(obs_factory, run):
    obs = obs_factory()

    async def scenario():
        async with obs_connection(obs) as link:
            overlays = ObsOverlays(link)
            failures: list[str] = []
            overlays.failed.connect(lambda overlay, message: failures.append(message))
            text_source = source_name(ov.COUPON_BANNER, "text")

            async def text_in_obs() -> str:
                answer = await link.request("GetInputSettings", {"inputName": text_source})
                return str(answer["inputSettings"]["text"])

            def seconds_left(text: str) -> int:
                match = re.fullmatch(r"满200减30 · 还剩 00:(\d\d)", text)
                assert match, text
                return int(match.group(1))

            try:
                await overlays.prepare()  # sources made beforehand, as the app does on connect
                shown = await overlays.show_coupon("满200减30", ends_at=time.time() + 5.5)
                first = seconds_left(shown.texts["text"])
                assert 2 <= first <= 6
                assert await text_in_obs() == shown.texts["text"]
                await wait_until(lambda: overlays.texts[ov.COUPON_BANNER]["text"] != shown.texts["text"],
                                 timeout=3)
                assert seconds_left(await text_in_obs()) == first - 1
                await wait_until(lambda: overlays.texts[ov.COUPON_BANNER].get("text", "").endswith("已结束"),
                                 timeout=8)
                assert await text_in_obs() == "满200减30 · 已结束"
                await overlays.hide_coupon()
                assert not overlays.visible[ov.COUPON_BANNER]
                assert failures == []
            finally:
                await overlays.close()

    run(scenario(), timeout=40)


def test_not_connected_is_said_in_plain_words(run):
    link = ObsLink(ConnectionTarget("127.0.0.1", 1, "x"))
    overlays = ObsOverlays(link)
    with pytest.raises(ov.ObsNotConnected):
        run(overlays.show_ticker("公告测试一下"))
    run(link.close())

