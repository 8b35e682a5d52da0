"""The plan's kinds in the words a host uses: one table for the plan editor, the rundown, the CLI.

The plan file keeps its short English keys (``flash_sale``, ``segment``, ``comment``); whatever shows
a kind to a person goes through ``step_words`` / ``show_words`` / ``lottery_words`` /
``timer_words`` / ``words``, which translate at call time (the tables are marked for lupdate with
``QT_TRANSLATE_NOOP`` under the one context "ShowKinds"). An unknown key is shown as it is, so a
newer plan file never breaks an older console.
"""

from __future__ import annotations

from studio.i18n import QT_TRANSLATE_NOOP, translate

STEP_WORDS = {
    "explain": QT_TRANSLATE_NOOP("ShowKinds", "Explain a product (讲解)"),
    "flash_sale": QT_TRANSLATE_NOOP("ShowKinds", "Flash sale (秒杀)"),
    "lottery": QT_TRANSLATE_NOOP("ShowKinds", "Start a lottery (抽奖)"),
    "draw": QT_TRANSLATE_NOOP("ShowKinds", "Draw the winners (开奖)"),
    "coupon": QT_TRANSLATE_NOOP("ShowKinds", "Hand out a coupon (发券)"),
    "announcement": QT_TRANSLATE_NOOP("ShowKinds", "Announcement (公告)"),
    "segment": QT_TRANSLATE_NOOP("ShowKinds", "Talk segment (环节)"),
}
SHOW_WORDS = {
    "sales": QT_TRANSLATE_NOOP("ShowKinds", "Sales show (带货专场)"),
    "content_sales": QT_TRANSLATE_NOOP("ShowKinds", "Content + sales (内容+带货)"),
}
LOTTERY_WORDS = {
    "comment": QT_TRANSLATE_NOOP("ShowKinds", "Comment lottery (评论抽奖)"),
    "like": QT_TRANSLATE_NOOP("ShowKinds", "Like lottery (点赞抽奖)"),
}
TIMER_WORDS = {
    "lottery": QT_TRANSLATE_NOOP("ShowKinds", "Lottery"),
    "coupon": QT_TRANSLATE_NOOP("ShowKinds", "Coupon"),
    "flash_sale": QT_TRANSLATE_NOOP("ShowKinds", "Flash sale"),
    "announcement": QT_TRANSLATE_NOOP("ShowKinds", "Announcement"),
}
PAD_STATE_WORDS = {
    "idle": QT_TRANSLATE_NOOP("ShowKinds", "Ready"),
    "busy": QT_TRANSLATE_NOOP("ShowKinds", "Sending…"),
    "ask": QT_TRANSLATE_NOOP("ShowKinds", "Press again to confirm"),
    "ok": QT_TRANSLATE_NOOP("ShowKinds", "Done"),
    "partial": QT_TRANSLATE_NOOP("ShowKinds", "Partly done"),
    "manual": QT_TRANSLATE_NOOP("ShowKinds", "Do it by hand"),
    "error": QT_TRANSLATE_NOOP("ShowKinds", "Not done"),
    "unknown": QT_TRANSLATE_NOOP("ShowKinds", "Not known whether it happened"),
}
TABLES = {"step": STEP_WORDS, "show": SHOW_WORDS, "lottery": LOTTERY_WORDS, "timer": TIMER_WORDS,
          "pad_state": PAD_STATE_WORDS}


def words(table: str, key: str) -> str:
    """``key`` of ``table`` ("step" | "show" | "lottery" | "timer" | "pad_state") in host words."""
    source = TABLES[table].get(key)
    return translate("ShowKinds", source) if source is not None else key


def key_for(table: str, shown: str) -> str | None:
    """The key whose words are ``shown`` (a combo box's text back to the plan's key), else None."""
    for key in TABLES[table]:
        if words(table, key) == shown or key == shown:
            return key
    return None


def step_words(kind: str) -> str:
    return words("step", kind)


def show_words(kind: str) -> str:
    return words("show", kind)


def lottery_words(kind: str) -> str:
    return words("lottery", kind)


def timer_words(kind: str) -> str:
    return words("timer", kind)
