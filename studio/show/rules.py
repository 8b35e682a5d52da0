"""The live room's rules (playbook §2), checked before anything is sent. Pure: no I/O, no clock.

Every check takes ``now`` (Unix seconds) from the caller, so tests and the rundown inject time.
A check returns a ``Verdict``: ``allowed``, and when refused a ``reason`` in plain words that says
why and when it will be allowed, plus ``allowed_at`` (Unix seconds; ``None`` = not in this show)
and ``rule`` (a stable id for tools and tests).

``RoomTally`` holds what the rules need to remember about one show (announcement pushes, lotteries
created, goods on the shelf, when the show went live, the subscriber push). The rundown rebuilds
it from the show log on resume; ``last_subscriber_push`` should come from settings, because the
once-a-day limit spans shows.

Announcements, from the seed (小程序直播的能力 §十): 4–34 characters; each shows 20 s and the next
may only be pushed once it has ended; "若之前三次公告推送中的两次间隔时长均 < 5s,则需要等待60s" — if
of the last three pushes both gaps were under 5 s, wait 60 s. A gap is counted from the end of the
previous announcement's 20 s (pushes can never be closer than 20 s apart), and the 60 s run from
the last push.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from studio.i18n import translate

ANNOUNCEMENT_MIN_CHARS = 4
ANNOUNCEMENT_MAX_CHARS = 34
ANNOUNCEMENT_SHOWN_SECONDS = 20.0
ANNOUNCEMENT_QUICK_GAP_SECONDS = 5.0
ANNOUNCEMENT_COOLDOWN_SECONDS = 60.0
MAX_LOTTERIES = 30
MAX_GOODS_ON_SHELF = 200
MAX_SHOW_SECONDS = 12 * 3600
# The platform's day for the once-a-day subscriber push: China has one zone and no DST, so a
# fixed offset is right and needs no tz database (absent on Windows without the tzdata package).
PLATFORM_TZ = timezone(timedelta(hours=8))


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    reason: str = ""
    allowed_at: float | None = None  # when it becomes allowed; None = not in this show
    rule: str = ""

    def wait_seconds(self, now: float) -> float | None:
        return None if self.allowed_at is None else max(0.0, self.allowed_at - now)


ALLOWED = Verdict(True)


def _clock_text(at: float) -> str:
    return datetime.fromtimestamp(at).strftime("%H:%M:%S")


def _wait_text(at: float, now: float) -> str:
    seconds = max(1, round(at - now))
    return translate("Rules", "in {seconds} s (at {time})").format(seconds=seconds, time=_clock_text(at))


def check_announcement_text(text: str) -> Verdict:
    length = len(text.strip())
    if ANNOUNCEMENT_MIN_CHARS <= length <= ANNOUNCEMENT_MAX_CHARS:
        return ALLOWED
    return Verdict(False, translate(
        "Rules", "An announcement must be {low}–{high} characters; this one has {n}. Edit the text.").format(
        low=ANNOUNCEMENT_MIN_CHARS, high=ANNOUNCEMENT_MAX_CHARS, n=length), None, "announcement_length")


@dataclass
class RoomTally:
    """What the rules remember about one show. Update it with the ``record_*`` methods."""

    live_since: float | None = None
    planned_end: float | None = None
    announcement_pushes: list[float] = field(default_factory=list)
    lotteries_created: int = 0
    goods_on_shelf: set[str] = field(default_factory=set)
    last_subscriber_push: float | None = None

    # Records ----------------------------------------------------------------------------

    def record_live(self, at: float, planned_end: float | None = None) -> None:
        self.live_since = at
        self.planned_end = planned_end

    def record_announcement(self, at: float) -> None:
        self.announcement_pushes.append(at)
        del self.announcement_pushes[:-3]  # only the last three matter

    def record_lottery(self) -> None:
        self.lotteries_created += 1

    def record_on_shelf(self, goods_id: str) -> None:
        self.goods_on_shelf.add(goods_id)

    def record_off_shelf(self, goods_id: str) -> None:
        self.goods_on_shelf.discard(goods_id)

    def record_subscriber_push(self, at: float) -> None:
        self.last_subscriber_push = at

    # Checks -----------------------------------------------------------------------------

    def check_live_time(self, now: float) -> Verdict:
        """The 12 h limit of one live session."""
        if self.live_since is not None and now >= self.live_since + MAX_SHOW_SECONDS:
            return Verdict(False, translate(
                "Rules", "The show has reached the platform's 12-hour limit for one live session. End it "
                         "and start a new live session."), None, "show_12h")
        return ALLOWED

    def announcement_allowed_at(self, now: float) -> tuple[float, str]:
        """The earliest time the next announcement may go out, and the rule that decides it."""
        pushes = self.announcement_pushes
        if not pushes:
            return now, ""
        last = pushes[-1]
        at, rule = last + ANNOUNCEMENT_SHOWN_SECONDS, "announcement_showing"
        if len(pushes) >= 3:
            gaps = [b - (a + ANNOUNCEMENT_SHOWN_SECONDS) for a, b in zip(pushes[-3:], pushes[-2:],
                                                                         strict=False)]
            if all(gap < ANNOUNCEMENT_QUICK_GAP_SECONDS for gap in gaps):
                at, rule = max(at, last + ANNOUNCEMENT_COOLDOWN_SECONDS), "announcement_burst"
        return at, rule

    def check_announcement(self, text: str, now: float) -> Verdict:
        verdict = check_announcement_text(text)
        if not verdict.allowed:
            return verdict
        live = self.check_live_time(now)
        if not live.allowed:
            return live
        at, rule = self.announcement_allowed_at(now)
        if at <= now:
            return ALLOWED
        when = _wait_text(at, now)
        if rule == "announcement_burst":
            reason = translate("Rules", "Announcements went out too quickly, so the platform asks for a "
                                        "60 s pause. You can send the next one {when}.").format(when=when)
        else:
            reason = translate("Rules", "The current announcement is still showing (each shows 20 s). You "
                                        "can send the next one {when}.").format(when=when)
        return Verdict(False, reason, at, rule)

    def check_lottery(self, minutes: float, now: float) -> Verdict:
        live = self.check_live_time(now)
        if not live.allowed:
            return live
        if self.lotteries_created >= MAX_LOTTERIES:
            return Verdict(False, translate(
                "Rules", "This live room already has {cap} lotteries, the platform's limit. No more "
                         "lotteries can be started in this show.").format(cap=MAX_LOTTERIES),
                None, "lottery_cap")
        draw_at = now + minutes * 60
        ends = [e for e in (self.planned_end,
                            self.live_since + MAX_SHOW_SECONDS if self.live_since is not None else None)
                if e is not None]
        if ends and draw_at > min(ends):
            end = min(ends)
            return Verdict(False, translate(
                "Rules", "The draw would be at {draw}, after the show's end at {end}, and the platform "
                         "would fail it. Shorten the lottery to at most {minutes} min, or move the planned "
                         "end.").format(draw=_clock_text(draw_at), end=_clock_text(end),
                                        minutes=max(0, int((end - now) // 60))),
                None, "draw_after_end")
        return ALLOWED

    def check_on_shelf(self, goods_id: str, now: float) -> Verdict:
        if goods_id in self.goods_on_shelf or len(self.goods_on_shelf) < MAX_GOODS_ON_SHELF:
            return self.check_live_time(now)
        return Verdict(False, translate(
            "Rules", "The shelf already holds {cap} goods, the platform's limit. Take a product off the "
                     "shelf first, then add this one.").format(cap=MAX_GOODS_ON_SHELF),
            None, "goods_cap")

    def check_subscriber_push(self, now: float) -> Verdict:
        if self.live_since is None:
            return Verdict(False, translate(
                "Rules", "The subscriber push (推送本场直播) works only while the room is live. Send it "
                         "after 开始直播."), None, "not_live")
        live = self.check_live_time(now)
        if not live.allowed:
            return live
        if self.last_subscriber_push is not None and \
                platform_day(self.last_subscriber_push) == platform_day(now):
            tomorrow = next_platform_midnight(now)
            return Verdict(False, translate(
                "Rules", "The subscriber push was already sent today; the platform allows one a day. It "
                         "is possible again after midnight (Beijing time), {when}.").format(
                when=_wait_text(tomorrow, now)), tomorrow, "subscriber_daily")
        return ALLOWED


def platform_day(at: float) -> date:
    return datetime.fromtimestamp(at, PLATFORM_TZ).date()


def next_platform_midnight(at: float) -> float:
    day = platform_day(at) + timedelta(days=1)
    return datetime(day.year, day.month, day.day, tzinfo=PLATFORM_TZ).timestamp()
