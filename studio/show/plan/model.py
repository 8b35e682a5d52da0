"""The show plan's model: what a plan holds, and the problems a check finds in one."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from studio.errors import UserError
from studio.i18n import translate

__all__ = ["DEFAULT_LOTTERY_MINUTES", "DEFAULT_STEP_MINUTES", "LOTTERY_KINDS", "SHOW_KINDS", "STEP_KINDS",
           "STEP_REF_TABLE", "Announcement", "Coupon", "Lottery", "Plan", "PlanInvalid", "Problem", "Product",
           "Show", "Step"]

SHOW_KINDS = ("sales", "content_sales")
LOTTERY_KINDS = ("comment", "like")
STEP_KINDS = ("explain", "flash_sale", "lottery", "draw", "coupon", "announcement", "segment")
# Which table a step's ``ref`` points into.
STEP_REF_TABLE = {
    "explain": "products", "flash_sale": "products", "lottery": "lotteries", "draw": "lotteries",
    "coupon": "coupons", "announcement": "announcements",
}
# Default on-air minutes of a step when the plan gives none (playbook §3: a standard explanation is
# 5 min in a sales show, about 10 in content + sales; a lottery or coupon is announced in a minute).
DEFAULT_STEP_MINUTES = {"flash_sale": 2.0, "lottery": 1.0, "draw": 1.0, "coupon": 1.0,
                        "announcement": 0.5, "segment": 5.0}
DEFAULT_LOTTERY_MINUTES = 10.0


@dataclass
class Show:
    title: str = ""
    kind: str = "sales"
    start: datetime | None = None
    planned_minutes: int = 120
    minutes_per_product: float | None = None

    @property
    def explain_minutes(self) -> float:
        if self.minutes_per_product:
            return self.minutes_per_product
        return 10.0 if self.kind == "content_sales" else 5.0


@dataclass
class Product:
    id: str
    name: str
    price: Decimal | None = None  # list price, yuan
    live_price: Decimal | None = None  # the price in the live room, yuan
    stock: int | None = None
    image: str = ""
    goods_id: str = ""  # the platform's goods id (小程序直播 goodsId / 小店 product_id)
    talking_points: list[str] = field(default_factory=list)
    minutes: float | None = None  # explanation target; the show's default when None


@dataclass
class Coupon:
    id: str
    name: str
    detail: str = ""  # e.g. 满199减30
    quantity: int | None = None
    minutes: float = 5.0  # how long the banner counts down


@dataclass
class Lottery:
    id: str
    prize: str
    kind: str = "comment"
    minutes: float = DEFAULT_LOTTERY_MINUTES
    winners: int = 1
    keyword: str = ""  # the comment word for a comment lottery


@dataclass
class Announcement:
    id: str
    text: str


@dataclass
class Step:
    step: str
    ref: str = ""
    title: str = ""
    minutes: float | None = None


@dataclass
class Plan:
    show: Show = field(default_factory=Show)
    products: list[Product] = field(default_factory=list)
    coupons: list[Coupon] = field(default_factory=list)
    lotteries: list[Lottery] = field(default_factory=list)
    announcements: list[Announcement] = field(default_factory=list)
    order: list[Step] = field(default_factory=list)

    def product(self, ref: str) -> Product | None:
        return next((p for p in self.products if p.id == ref), None)

    def coupon(self, ref: str) -> Coupon | None:
        return next((c for c in self.coupons if c.id == ref), None)

    def lottery(self, ref: str) -> Lottery | None:
        return next((x for x in self.lotteries if x.id == ref), None)

    def announcement(self, ref: str) -> Announcement | None:
        return next((a for a in self.announcements if a.id == ref), None)

    def step_title(self, step: Step) -> str:
        """What the rundown shows for a step: its own title, else the thing it refers to."""
        if step.title:
            return step.title
        item: Any = None
        if step.step in ("explain", "flash_sale"):
            item = self.product(step.ref)
            return item.name if item else step.ref
        if step.step in ("lottery", "draw"):
            item = self.lottery(step.ref)
            return item.prize if item else step.ref
        if step.step == "coupon":
            item = self.coupon(step.ref)
            return item.name if item else step.ref
        if step.step == "announcement":
            item = self.announcement(step.ref)
            return item.text if item else step.ref
        return step.ref

    def step_target_seconds(self, step: Step) -> float:
        if step.minutes is not None:
            return step.minutes * 60
        if step.step == "explain":
            product = self.product(step.ref)
            if product is not None and product.minutes is not None:
                return product.minutes * 60
            return self.show.explain_minutes * 60
        return DEFAULT_STEP_MINUTES.get(step.step, 5.0) * 60

    def next_id(self, prefix: str) -> str:
        """A fresh id such as ``p7`` for the editor and the importer."""
        taken = {p.id for p in self.products} | {c.id for c in self.coupons} | \
            {x.id for x in self.lotteries} | {a.id for a in self.announcements}
        n = 1
        while f"{prefix}{n}" in taken:
            n += 1
        return f"{prefix}{n}"


@dataclass(frozen=True)
class Problem:
    line: int  # 1-based line in the plan file; 0 when the problem is not tied to a line
    message: str  # plain words, translated
    where: str = ""  # e.g. "products[2].price", for tools

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "where": self.where, "message": self.message}


class PlanInvalid(UserError):
    def __init__(self, path: Path | None, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        first = problems[0] if problems else Problem(0, "")
        super().__init__(translate("Plan", "The show plan has {count} problem(s); the first, on line "
                                           "{line}: {message}").format(
            count=len(problems), line=first.line, message=first.message))
