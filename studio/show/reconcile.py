"""After OBS was away: make OBS show what the show log says is on screen, and say what changed.

While OBS is gone the console cannot change what it shows, but the host keeps pressing keys: a
product card taken off (F7) while OBS was down is still up in OBS when it comes back, and an OBS
restarted from its saved scenes may show an overlay the console took off long ago, or lose one
that is still meant to be up. On every reconnect during a show, ``reconcile`` compares what the
log intends with what OBS shows (``ObsOverlays.shown_in_obs``), takes off what should be off,
puts back what should be on (with its remaining time), logs ``overlays_reconciled`` and returns
one line in plain words for the window.

What the log intends, overlay by overlay, the last word wins: ``overlay_shown`` (on, until its
end time), ``overlay_hidden`` (off), and a ``take_off`` action — even one that failed because OBS
was not there (off: the host wanted it off).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

from studio.errors import ObsError
from studio.i18n import translate
from studio.obs.names import COUPON_BANNER, LOTTERY_COUNTDOWN, OVERLAY_KINDS, PRODUCT_CARD, TICKER
from studio.obs.overlays.sources import overlay_title
from studio.show.log import read_log

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Intended:
    kind: str
    ref: str
    title: str
    until: float | None


def intended_screen(events: list[dict[str, Any]], now: float) -> dict[str, Intended]:
    """The overlays the log says should be on screen now."""
    on: dict[str, Intended] = {}
    for event in events:
        kind = event.get("type")
        if kind == "overlay_shown":
            until = event.get("until")
            on[str(event.get("overlay"))] = Intended(str(event.get("overlay")), str(event.get("ref", "")),
                                                     str(event.get("title", "")),
                                                     float(until) if until is not None else None)
        elif kind == "overlay_hidden":
            on.pop(str(event.get("overlay")), None)
        elif kind in ("action_intent", "action_result") and event.get("action") == "take_off":
            for overlay in str(event.get("ref", "")).split(","):
                on.pop(overlay, None)
    return {k: v for k, v in on.items() if k in OVERLAY_KINDS and (v.until is None or v.until > now)}


async def reconcile(session: Any, obs_overlays: Any, now: float) -> str:
    """Make OBS match the log; returns what changed in plain words ("" when nothing did)."""
    events = (await asyncio.to_thread(read_log, session.log.path)).events
    intended = intended_screen(events, now)
    shown = await obs_overlays.shown_in_obs()
    actions = session.actions
    plan = session.plan
    screen = actions.overlays  # the actions' adapter: takes plan objects
    took_off: list[str] = []
    put_back: list[str] = []
    failed: list[str] = []
    for kind in OVERLAY_KINDS:
        want = intended.get(kind)
        label = overlay_title(kind) + (f" “{want.title}”" if want and want.title else "")
        try:
            if want is None and shown.get(kind):
                await obs_overlays.hide(kind)
                took_off.append(overlay_title(kind))
            elif want is not None and not shown.get(kind) and await _show_again(screen, plan, want, now):
                put_back.append(label)
        except ObsError as e:
            failed.append(f"{overlay_title(kind)}: {e}")
        if want is None and kind in actions.on_screen:
            actions._hidden(kind, reason="reconciled")  # the console's own picture matches the log
    # Logged after every check, so the review shows that OBS was checked (and what changed).
    session.rundown.record("overlays_reconciled", took_off=took_off, put_back=put_back, failed=failed,
                           intended=sorted(intended))
    if not (took_off or put_back or failed):
        return ""
    parts = []
    if took_off:
        parts.append(translate("Reconcile", "took off {what} (it had been taken off while OBS was away)")
                     .format(what="、".join(took_off)))
    if put_back:
        parts.append(translate("Reconcile", "put back {what}").format(what="、".join(put_back)))
    text = translate("Reconcile", "OBS is back. To match the show, the console {changes}.").format(
        changes="; ".join(parts)) if parts else ""
    if failed:
        text += " " + translate("Reconcile", "Could not fix: {what}. Check OBS.").format(what="; ".join(failed))
    log.info("overlays reconciled: %s", text)
    return text.strip()


async def _show_again(screen: Any, plan: Any, want: Intended, now: float) -> bool:
    if screen is None:
        return False
    if want.kind == PRODUCT_CARD and plan.product(want.ref) is not None:
        await screen.show_product_card(plan.product(want.ref))
    elif want.kind == COUPON_BANNER and plan.coupon(want.ref) is not None and want.until:
        await screen.show_coupon(plan.coupon(want.ref), want.until)
    elif want.kind == LOTTERY_COUNTDOWN and plan.lottery(want.ref) is not None and want.until:
        await screen.show_lottery_countdown(plan.lottery(want.ref), want.until)
    elif want.kind == TICKER and want.title and want.until:
        await screen.show_ticker(want.title, max(1.0, want.until - now))
    else:
        return False
    return True
