"""The show clock's plain data (``studio.show.rundown``): a step of the running order and its state,
a timer running beside it, a cue, what the rundown shows now (``RundownView``), the question before a
push that would interrupt an explanation, and the state the event replay builds.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PENDING, ON_AIR, DONE, SKIPPED = "pending", "on_air", "done", "skipped"
CUE_LEAD_SECONDS = 30.0
# Playbook §3: a product explanation runs 5–10 minutes.
EXPLAIN_RANGE_SECONDS = (5 * 60.0, 10 * 60.0)
# Actions that count as "another play" while a product is being explained.
INTERRUPTING_ACTIONS = ("explain", "flash_sale", "lottery", "coupon", "announcement")


@dataclass
class RundownStep:
    id: str
    kind: str  # a plan step kind: explain, flash_sale, lottery, draw, coupon, announcement, segment
    ref: str
    title: str
    target_s: float
    rerun: bool = False  # 返场
    state: str = PENDING
    started_at: float | None = None
    ended_at: float | None = None


@dataclass
class Timer:
    id: str
    kind: str  # lottery | coupon | flash_sale | announcement
    ref: str
    label: str
    started_at: float
    ends_at: float

    def remaining(self, now: float) -> float:
        return max(0.0, self.ends_at - now)


@dataclass(frozen=True)
class Cue:
    key: str  # unique: a cue fires once, also across a resume
    kind: str  # draw | draw_now | next_step | step_end | timer_end
    text: str  # plain words, e.g. "Draw “蓝牙耳机” in 30 s"
    at: float  # when the cued thing happens
    fire_at: float
    # What is cued without its lead time ("Draw “蓝牙耳机”"): a screen that counts down beside it
    # shows this, not ``text`` (whose "in 30 s" the countdown contradicts a second later).
    headline: str = ""


@dataclass(frozen=True)
class StepView:
    step: RundownStep
    elapsed_s: float
    target_s: float

    @property
    def remaining_s(self) -> float:
        return self.target_s - self.elapsed_s

    @property
    def overrun(self) -> bool:
        return self.elapsed_s > self.target_s


@dataclass(frozen=True)
class RundownView:
    now: float
    live: bool
    show_elapsed_s: float
    planned_end: float | None
    on_air: StepView | None
    next_step: RundownStep | None
    steps: list[RundownStep]
    timers: list[Timer]
    upcoming_cues: list[Cue]


@dataclass(frozen=True)
class Interruption:
    """An explanation is on air; the UI asks the host before the push goes out."""

    step: RundownStep
    elapsed_s: float
    message: str


@dataclass
class _State:
    steps: list[RundownStep] = field(default_factory=list)
    current: str | None = None
    live_since: float | None = None
    ended_at: float | None = None
    planned_end: float | None = None
    timers: dict[str, Timer] = field(default_factory=dict)
    fired_cues: set[str] = field(default_factory=set)
    next_number: int = 1
