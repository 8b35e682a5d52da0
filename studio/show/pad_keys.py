"""The pad's keys as data: their order, F keys and titles, what each acts on now and why it
cannot be pressed, one target's answer in a phrase, the fix a refusal offers, the chart marker.

Split out of ``studio.show.pad`` (which re-exports every public name here): the table and the
plain functions of the show's state; ``Pad`` keeps the pressing, the states and the timers.
Messages keep the ``Pad`` translation context.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from studio.health.history import MarkerKind
from studio.i18n import QT_TRANSLATE_NOOP, translate
from studio.room.base import Outcome, RoomAction
from studio.show.results import RUNDOWN_TARGET, ActionKind, ActionResult, TargetResult

if TYPE_CHECKING:
    from studio.show.actions import ShowActions

# The keys in pad order, each with its F key and its title (translated when shown). English titles
# stay short: a key reads "F12 <title>" on one line at 1366 px (test_layouts_real_obs).
KEY_ORDER: tuple[tuple[str, str, str], ...] = (
    ("explain", "F1", QT_TRANSLATE_NOOP("Pad", "Explain product (讲解)")),
    ("push", "F2", QT_TRANSLATE_NOOP("Pad", "Push product (商品上屏)")),
    ("coupon", "F3", QT_TRANSLATE_NOOP("Pad", "Coupon (发券)")),
    ("lottery", "F4", QT_TRANSLATE_NOOP("Pad", "Start lottery (发起抽奖)")),
    ("draw", "F5", QT_TRANSLATE_NOOP("Pad", "Draw (开奖)")),
    ("announcement", "F6", QT_TRANSLATE_NOOP("Pad", "Announcement (公告)")),
    ("take_off", "F7", QT_TRANSLATE_NOOP("Pad", "Take off screen (下屏)")),
    ("next", "F8", QT_TRANSLATE_NOOP("Pad", "Next step (下一步)")),
    ("on_sale", "F9", QT_TRANSLATE_NOOP("Pad", "On sale (上架)")),
    ("off_sale", "F10", QT_TRANSLATE_NOOP("Pad", "Off sale (下架)")),
    ("subscriber_push", "F11", QT_TRANSLATE_NOOP("Pad", "Notify fans (推送本场直播)")),
    ("end_explain", "F12", QT_TRANSLATE_NOOP("Pad", "End explain (结束讲解)")),
    # No F key left: beside 上架/下架 (F9/F10). The mini-program room has no stock call: a checklist step.
    ("stock", "Shift+F9", QT_TRANSLATE_NOOP("Pad", "Stock (库存)")),
)
KEY_IDS = tuple(k for k, _, _ in KEY_ORDER)
PRODUCT_KEYS = ("explain", "push", "on_sale", "off_sale", "stock")  # they act on the current product

# Which key an action belongs to (an unanswered intent found on resume shows on its key).
KEY_OF_ACTION = {
    ActionKind.EXPLAIN.value: "explain", ActionKind.PUSH_PRODUCT.value: "push",
    ActionKind.COUPON.value: "coupon", ActionKind.LOTTERY_START.value: "lottery",
    ActionKind.LOTTERY_DRAW.value: "draw", ActionKind.ANNOUNCEMENT.value: "announcement",
    ActionKind.TAKE_OFF.value: "take_off", ActionKind.NEXT.value: "next",
    ActionKind.GOODS_ON_SALE.value: "on_sale", ActionKind.GOODS_OFF_SALE.value: "off_sale",
    ActionKind.SUBSCRIBER_PUSH.value: "subscriber_push", ActionKind.END_EXPLAIN.value: "end_explain",
    ActionKind.STOCK.value: "stock",
}


@dataclass(frozen=True)
class PadFix:
    """A one-click fix offered after a refusal ("add to this room and push")."""

    id: str  # "add_goods" | "put_on_sale" | "retry" | ...
    label: str  # translated


@dataclass(frozen=True)
class PadKey:
    id: str
    shortcut: str
    label: str
    subject: str
    enabled: bool
    why_not: str
    state: str  # idle | busy | ask | ok | partial | manual | error | unknown
    last_result: str
    fix: PadFix | None




def subject(actions: ShowActions | None, key_id: str) -> str:
    """What the key acts on now (the product on air or next, the next coupon …); "" for nothing."""
    if actions is None:
        return ""
    plan = actions.plan
    if key_id in PRODUCT_KEYS:
        product = plan.product(actions.current_product_id() or "")
        return product.name if product else ""
    if key_id == "coupon":
        coupon = plan.coupon(coupon_id(actions) or "")
        return coupon.name if coupon else ""
    if key_id == "lottery":
        lottery = plan.lottery(lottery_id(actions) or "")
        return lottery.prize if lottery else ""
    if key_id == "draw":
        lottery = plan.lottery(actions.running_lottery_id() or "")
        return lottery.prize if lottery else ""
    if key_id == "announcement":
        announcement = plan.announcement(announcement_id(actions) or "")
        return announcement.text if announcement else ""
    if key_id == "take_off":
        return " · ".join(s.title for s in actions.on_screen.values())
    if key_id == "next":
        if not actions.rundown.live:
            return translate("Pad", "Start the show")
        following = actions.rundown.next_step
        return following.title if following else ""
    if key_id == "subscriber_push":
        return str(plan.show.title)
    if key_id == "end_explain":  # only where the room has a 讲解 pop-up to end (Channels)
        if not actions.room.supports(RoomAction.END_EXPLAIN):
            return ""
        product = plan.product(actions.explained_product_id() or "")
        return product.name if product else ""
    return ""

def why_not(actions: ShowActions | None, key_id: str, subject: str, state: str) -> str:
    """Why the key cannot be pressed now, in plain words; "" when it can."""
    if actions is None:
        return translate("Pad", "No show is running — start or resume the show first.")
    if actions.rundown.ended:
        return translate("Pad", "The show has ended (结束直播). Start a new show for more.")
    if state == "busy":
        return translate("Pad", "Sending… wait for the answer.")
    if state == "unknown":
        return translate("Pad", "The last press was sent but never answered: check the live console, "
                                "then say whether it happened.")
    if subject or key_id == "next":
        return ""
    if key_id in PRODUCT_KEYS:
        return translate("Pad", "No product is on air or next in the running order.")
    if key_id == "coupon":
        return translate("Pad", "The plan has no coupon.")
    if key_id == "lottery":
        return translate("Pad", "The plan has no lottery.")
    if key_id == "draw":
        return translate("Pad", "No lottery is running — start one first.")
    if key_id == "announcement":
        return translate("Pad", "The plan has no announcement.")
    if key_id == "take_off":
        return translate("Pad", "Nothing the console put on screen is showing.")
    if key_id == "end_explain":
        if not actions.room.supports(RoomAction.END_EXPLAIN):
            return translate("Pad", "This live room has no 讲解 pop-up to end (Channels has one).")
        return translate("Pad", "No product is being explained.")
    return translate("Pad", "Nothing to act on.")

def coupon_id(actions: ShowActions | None) -> str | None:
    if actions is None:
        return None
    return actions.next_of("coupon") or next((c.id for c in actions.plan.coupons), None)

def lottery_id(actions: ShowActions | None) -> str | None:
    if actions is None:
        return None
    return actions.next_of("lottery") or next((x.id for x in actions.plan.lotteries), None)

def announcement_id(actions: ShowActions | None) -> str | None:
    if actions is None:
        return None
    return actions.next_of("announcement") or next((a.id for a in actions.plan.announcements), None)


def target_line(t: TargetResult, detail: bool = False) -> str:
    """One target's answer in one short phrase: "✓ Live room: done"."""
    if t.outcome is Outcome.DONE and t.target == RUNDOWN_TARGET and t.message:
        return t.message
    if t.outcome is Outcome.DONE and detail and t.message:
        return translate("Pad", "✓ {target}: {message}").format(target=t.name, message=t.message)
    if t.outcome is Outcome.DONE:
        return translate("Pad", "✓ {target}: done").format(target=t.name)
    if t.outcome is Outcome.MANUAL and t.manual_step is not None:
        # The step is on the checklist below the pad: say that first, the step after (it may elide).
        return translate("Pad", "☐ On the checklist: {step}").format(step=t.message)
    if t.outcome is Outcome.MANUAL:
        return translate("Pad", "☐ {target}: do it by hand — {step}").format(target=t.name, step=t.message)
    return translate("Pad", "✗ {target}: not done — {reason}").format(target=t.name, reason=t.message)

def fix_for(result: ActionResult) -> PadFix | None:
    """The one-click fix a room's refusal offers, or None."""
    room = next((t for t in result.targets if t.target == "room" and not t.ok), None)
    if room is None or not room.next_step:
        return None
    labels = {
        "add_goods": translate("Pad", "Add to this room and push"),
        "put_on_sale": translate("Pad", "Put on sale and push"),
        "retry": translate("Pad", "Retry now"),
    }
    label = labels.get(room.next_step)
    return PadFix(room.next_step, label) if label else None


def marker_for(result: ActionResult) -> tuple[str, str] | None:
    """The health chart's marker for an action that went out: (kind, label), or None."""
    if result.action in (ActionKind.PUSH_PRODUCT, ActionKind.EXPLAIN):
        return MarkerKind.PRODUCT, translate("Pad", "Pushed: {title}").format(title=result.title)
    if result.action is ActionKind.LOTTERY_START:
        return MarkerKind.LOTTERY, translate("Pad", "Lottery: {title}").format(title=result.title)
    if result.action is ActionKind.LOTTERY_DRAW:
        return MarkerKind.LOTTERY, translate("Pad", "Draw: {title}").format(title=result.title)
    return None
