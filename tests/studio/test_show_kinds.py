"""Kinds in host words: every key the plan knows has words, translated at call time."""

from __future__ import annotations

from studio import i18n
from studio.show import kinds
from studio.show.plan.model import STEP_KINDS


def test_every_step_kind_has_words():
    assert set(kinds.STEP_WORDS) == set(STEP_KINDS)
    assert kinds.step_words("flash_sale") == "Flash sale (秒杀)"
    assert kinds.step_words("segment") == "Talk segment (环节)"
    assert kinds.step_words("something_new") == "something_new"  # a newer plan never breaks


def test_translated_when_shown_and_found_back():
    i18n.install(lambda context, text: {"Flash sale (秒杀)": "秒杀"}.get(text, text) if context == "ShowKinds"
                 else text)
    try:
        assert kinds.step_words("flash_sale") == "秒杀"
        assert kinds.key_for("step", "秒杀") == "flash_sale"
        assert kinds.key_for("step", "segment") == "segment"
        assert kinds.key_for("step", "nonsense") is None
    finally:
        i18n.install(lambda context, text: text)
    assert kinds.lottery_words("like") == "Like lottery (点赞抽奖)"
    assert kinds.show_words("content_sales") == "Content + sales (内容+带货)"
    assert kinds.timer_words("coupon") == "Coupon"
    assert kinds.words("pad_state", "unknown") == "Not known whether it happened"
