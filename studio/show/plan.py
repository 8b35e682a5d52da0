"""The show plan (直播方案): products, coupons, lotteries, announcements and the running order.

The plan is a TOML file a person can read and edit (``resources/examples/show-plan.toml`` is a
documented example). It is read with the standard library's ``tomllib`` and written by the small
writer below, which knows the schema and adds the explanatory comments back. Layout::

    [show]            title, kind ("sales" 带货专场 | "content_sales" 内容+带货), start, planned_minutes,
                      minutes_per_product (default 5 for sales, 10 for content + sales)
    [[products]]      id, name, price, live_price (yuan), stock, image, goods_id, talking_points, minutes
    [[coupons]]       id, name, detail, quantity, minutes (banner countdown)
    [[lotteries]]     id, kind ("comment" 评论抽奖 | "like" 点赞抽奖), prize, minutes (default 10),
                      winners, keyword
    [[announcements]] id, text (4–34 characters)
    [[order]]         the running order: step ("explain" | "flash_sale" | "lottery" | "draw" |
                      "coupon" | "announcement" | "segment"), ref (an id above), title, minutes

API:
    ``load_plan(path) -> Plan`` raises ``PlanInvalid`` whose ``.problems`` lists *every* problem,
    each with its line; ``check_plan_text(text) -> (Plan | None, [Problem])`` does the same without
    raising; ``save_plan(plan, path)`` writes atomically (temp file, fsync, rename);
    ``plan_to_toml(plan) -> str``. ``Plan.step_target_seconds(step)`` is the rundown's target.
"""

from __future__ import annotations

import os
import re
import tempfile
import tomllib
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from studio.errors import UserError
from studio.i18n import translate
from studio.show import rules

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


# --- reading ---------------------------------------------------------------------------------


_TOML_ERROR_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def load_plan(path: Path) -> Plan:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError(translate("Plan", "No show plan at {path}. Check the file name.").format(
            path=path)) from None
    except UnicodeDecodeError:
        raise UserError(translate("Plan", "The show plan {path} is not UTF-8 text. Save it as UTF-8 "
                                          "and try again.").format(path=path)) from None
    plan, problems = check_plan_text(text)
    if problems or plan is None:
        raise PlanInvalid(Path(path), problems)
    return plan


def check_plan_text(text: str) -> tuple[Plan | None, list[Problem]]:
    """Parse and validate; returns the plan (None when it is not even TOML) and every problem."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        match = _TOML_ERROR_POSITION.search(str(e))
        line = int(match.group(1)) if match else 0
        detail = _TOML_ERROR_POSITION.sub("", str(e)).strip()
        return None, [Problem(line, translate("Plan", "This is not valid TOML here ({detail}). Check "
                                                      "quotes, brackets and “=”.").format(detail=detail))]
    return _Validator(raw, KeyLines(text)).run()


class KeyLines:
    """Where each key and table of a TOML text is, so problems can name their line.

    ``tomllib`` gives values but no positions; this scanner walks the text once, skipping strings,
    comments and the inside of multi-line arrays, and records the line of every ``[table]``,
    ``[[array.table]]`` (with its index) and ``key =``.
    """

    _HEADER = re.compile(r"\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?")
    _KEY = re.compile(r"\s*([A-Za-z0-9_\-]+|\"[^\"]*\"|'[^']*')\s*=")

    def __init__(self, text: str) -> None:
        self.lines: dict[tuple[Any, ...], int] = {}
        counts: dict[str, int] = {}
        table: tuple[Any, ...] = ()
        depth = 0  # open [ or { of a value spanning lines
        in_string: str | None = None  # the delimiter of an open multi-line string
        for number, line in enumerate(text.splitlines(), start=1):
            if in_string is None and depth == 0:
                header = self._HEADER.match(line)
                key = self._KEY.match(line)
                if header and not key:
                    name = header.group(2).strip().strip("\"'")
                    if header.group(1) == "[[":
                        index = counts.get(name, 0)
                        counts[name] = index + 1
                        table = (name, index)
                    else:
                        table = (name,)
                    self.lines.setdefault(table, number)
                    continue
                if key:
                    self.lines.setdefault((*table, key.group(1).strip("\"'")), number)
            depth, in_string = _scan_line(line, depth, in_string)

    def line_of(self, *path: Any) -> int:
        """The line of the most specific part of ``path`` that is in the text (else 0)."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 0


def _scan_line(line: str, depth: int, in_string: str | None) -> tuple[int, str | None]:
    """Bracket depth and open multi-line string after ``line``, ignoring strings and comments."""
    i = 0
    while i < len(line):
        if in_string is not None:
            end = line.find(in_string, i)
            if end < 0:
                return depth, in_string
            i = end + len(in_string)
            in_string = None
            continue
        ch = line[i]
        if ch == "#":
            break
        if line.startswith('"""', i) or line.startswith("'''", i):
            in_string = line[i:i + 3]
            i += 3
            continue
        if ch in "\"'":
            # A one-line string: skip to its closing quote (basic strings honour backslashes).
            j = i + 1
            while j < len(line) and line[j] != ch:
                j += 2 if ch == '"' and line[j] == "\\" else 1
            i = j + 1
            continue
        if ch in "[{":
            depth += 1
        elif ch in "]}":
            depth = max(0, depth - 1)
        i += 1
    return depth, in_string


_ALLOWED_KEYS = {
    "show": {"title", "kind", "start", "planned_minutes", "minutes_per_product"},
    "products": {"id", "name", "price", "live_price", "stock", "image", "goods_id", "talking_points",
                 "minutes"},
    "coupons": {"id", "name", "detail", "quantity", "minutes"},
    "lotteries": {"id", "prize", "kind", "minutes", "winners", "keyword"},
    "announcements": {"id", "text"},
    "order": {"step", "ref", "title", "minutes"},
}


class _Validator:
    def __init__(self, raw: dict[str, Any], where: KeyLines) -> None:
        self.raw = raw
        self.where = where
        self.problems: list[Problem] = []

    def problem(self, path: tuple[Any, ...], message: str) -> None:
        label = path[0] if path else ""
        if len(path) > 1:
            label += "".join(f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in path[1:])
        self.problems.append(Problem(self.where.line_of(*path), message, label))

    def run(self) -> tuple[Plan, list[Problem]]:
        for key in self.raw:
            if key not in _ALLOWED_KEYS:
                self.problem((key,), translate("Plan", "Unknown section “{name}”. Sections are: show, "
                                                       "products, coupons, lotteries, announcements, "
                                                       "order.").format(name=key))
        plan = Plan(show=self._show())
        plan.products = [p for i, t in enumerate(self._tables("products")) if (p := self._product(i, t))]
        plan.coupons = [c for i, t in enumerate(self._tables("coupons")) if (c := self._coupon(i, t))]
        plan.lotteries = [x for i, t in enumerate(self._tables("lotteries")) if (x := self._lottery(i, t))]
        plan.announcements = [a for i, t in enumerate(self._tables("announcements"))
                              if (a := self._announcement(i, t))]
        self._unique_ids()
        plan.order = [s for i, t in enumerate(self._tables("order")) if (s := self._step(plan, i, t))]
        self._caps(plan)
        self._timing(plan)
        self.problems.sort(key=lambda p: p.line)
        return plan, self.problems

    # Each table ----------------------------------------------------------------------------

    def _tables(self, name: str) -> list[dict[str, Any]]:
        value = self.raw.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problem((name,), translate("Plan", "“{name}” must be a list of [[{name}]] tables.").format(
                name=name))
            return []
        for index, table in enumerate(value):
            self._unknown_keys(name, (name, index), table)
        return value

    def _unknown_keys(self, section: str, path: tuple[Any, ...], table: dict[str, Any]) -> None:
        for key in table:
            if key not in _ALLOWED_KEYS[section]:
                self.problem((*path, key), translate("Plan", "Unknown field “{key}” in {section}. Known "
                                                             "fields: {known}.").format(
                    key=key, section=section, known=", ".join(sorted(_ALLOWED_KEYS[section]))))

    def _show(self) -> Show:
        table = self.raw.get("show", {})
        if not isinstance(table, dict):
            self.problem(("show",), translate("Plan", "“show” must be a [show] table."))
            return Show()
        self._unknown_keys("show", ("show",), table)
        path = ("show",)
        show = Show(title=self._text(path, table, "title"))
        kind = self._text(path, table, "kind") or "sales"
        if kind not in SHOW_KINDS:
            self.problem((*path, "kind"), translate(
                "Plan", "Show kind “{kind}” is unknown: use “sales” (带货专场) or “content_sales” "
                        "(内容+带货).").format(kind=kind))
        else:
            show.kind = kind
        start = table.get("start")
        if start is not None:
            if isinstance(start, datetime):
                show.start = start
            else:
                self.problem((*path, "start"), translate("Plan", "The start must be a date and time such "
                                                                 "as 2024-06-18T20:00:00+08:00."))
        planned = self._number(path, table, "planned_minutes", minimum=1, integer=True)
        if planned is not None:
            show.planned_minutes = int(planned)
            if planned > rules.MAX_SHOW_SECONDS / 60:
                self.problem((*path, "planned_minutes"), translate(
                    "Plan", "A live session may last at most 12 hours (720 minutes); this plan has {n}. "
                            "Split it into two shows.").format(n=int(planned)))
        per_product = self._number(path, table, "minutes_per_product", minimum=0.5)
        if per_product is not None:
            show.minutes_per_product = float(per_product)
        return show

    def _product(self, index: int, table: dict[str, Any]) -> Product | None:
        path = ("products", index)
        ident, name = self._id(path, table), self._text(path, table, "name", required=True)
        product = Product(id=ident, name=name)
        product.price = self._money(path, table, "price")
        product.live_price = self._money(path, table, "live_price")
        if product.price is not None and product.live_price is not None \
                and product.live_price > product.price:
            self.problem((*path, "live_price"), translate(
                "Plan", "The live price {live} is higher than the list price {price}. Check the prices "
                        "of “{name}”.").format(live=product.live_price, price=product.price, name=name))
        stock = self._number(path, table, "stock", minimum=0, integer=True)
        product.stock = int(stock) if stock is not None else None
        product.image = self._text(path, table, "image")
        product.goods_id = self._goods_id(path, table)
        points = table.get("talking_points", [])
        if isinstance(points, str):
            points = [points]
        if not isinstance(points, list) or not all(isinstance(p, str) for p in points):
            self.problem((*path, "talking_points"), translate(
                "Plan", "Talking points must be a list of texts, e.g. [\"功能\", \"价格\"]."))
        else:
            product.talking_points = list(points)
        minutes = self._number(path, table, "minutes", minimum=0.5)
        product.minutes = float(minutes) if minutes is not None else None
        return product if ident and name else None

    def _coupon(self, index: int, table: dict[str, Any]) -> Coupon | None:
        path = ("coupons", index)
        ident, name = self._id(path, table), self._text(path, table, "name", required=True)
        coupon = Coupon(id=ident, name=name, detail=self._text(path, table, "detail"))
        quantity = self._number(path, table, "quantity", minimum=1, integer=True)
        coupon.quantity = int(quantity) if quantity is not None else None
        minutes = self._number(path, table, "minutes", minimum=0.1)
        if minutes is not None:
            coupon.minutes = float(minutes)
        return coupon if ident and name else None

    def _lottery(self, index: int, table: dict[str, Any]) -> Lottery | None:
        path = ("lotteries", index)
        ident, prize = self._id(path, table), self._text(path, table, "prize", required=True)
        lottery = Lottery(id=ident, prize=prize, keyword=self._text(path, table, "keyword"))
        kind = self._text(path, table, "kind") or "comment"
        if kind not in LOTTERY_KINDS:
            self.problem((*path, "kind"), translate(
                "Plan", "Lottery kind “{kind}” is unknown: use “comment” (评论抽奖) or “like” "
                        "(点赞抽奖).").format(kind=kind))
        else:
            lottery.kind = kind
        minutes = self._number(path, table, "minutes", minimum=1)
        if minutes is not None:
            lottery.minutes = float(minutes)
        winners = self._number(path, table, "winners", minimum=1, integer=True)
        if winners is not None:
            lottery.winners = int(winners)
        return lottery if ident and prize else None

    def _announcement(self, index: int, table: dict[str, Any]) -> Announcement | None:
        path = ("announcements", index)
        ident, text = self._id(path, table), self._text(path, table, "text", required=True)
        if text:
            verdict = rules.check_announcement_text(text)
            if not verdict.allowed:
                self.problem((*path, "text"), verdict.reason)
        return Announcement(ident, text) if ident and text else None

    def _step(self, plan: Plan, index: int, table: dict[str, Any]) -> Step | None:
        path = ("order", index)
        kind = self._text(path, table, "step", required=True)
        step = Step(step=kind, ref=self._text(path, table, "ref"), title=self._text(path, table, "title"))
        minutes = self._number(path, table, "minutes", minimum=0)
        step.minutes = float(minutes) if minutes is not None else None
        if not kind:
            return None
        if kind not in STEP_KINDS:
            self.problem((*path, "step"), translate("Plan", "Step “{step}” is unknown. Steps are: "
                                                            "{known}.").format(step=kind,
                                                                               known=", ".join(STEP_KINDS)))
            return None
        target_table = STEP_REF_TABLE.get(kind)
        if target_table is None:
            if not step.title:
                self.problem((*path, "title"), translate("Plan", "A segment needs a title, e.g. "
                                                                 "title = \"开场互动\"."))
            return step
        ids = {str(t.get("id")) for t in self.raw.get(target_table, []) if isinstance(t, dict)}
        if not step.ref:
            self.problem((*path, "ref"), translate("Plan", "Step “{step}” needs ref = the id of one of the "
                                                           "{table}.").format(step=kind, table=target_table))
        elif step.ref not in ids:
            self.problem((*path, "ref"), translate("Plan", "No {table} with id “{ref}”. Known ids: "
                                                           "{ids}.").format(
                table=target_table, ref=step.ref, ids=", ".join(sorted(ids)) or "-"))
        return step

    # Across tables -------------------------------------------------------------------------

    def _unique_ids(self) -> None:
        seen: dict[str, tuple[str, int]] = {}
        for table in ("products", "coupons", "lotteries", "announcements"):
            for index, item in enumerate(self.raw.get(table, []) if isinstance(self.raw.get(table), list)
                                         else []):
                ident = item.get("id") if isinstance(item, dict) else None
                if not isinstance(ident, str) or not ident:
                    continue
                if ident in seen:
                    first_table, first_index = seen[ident]
                    self.problem((table, index, "id"), translate(
                        "Plan", "The id “{id}” is used twice (first on line {line}). Each id must be "
                                "unique.").format(id=ident,
                                                  line=self.where.line_of(first_table, first_index, "id")))
                else:
                    seen[ident] = (table, index)

    def _caps(self, plan: Plan) -> None:
        if len(plan.lotteries) > rules.MAX_LOTTERIES:
            self.problem(("lotteries", rules.MAX_LOTTERIES), translate(
                "Plan", "A live room can have at most {cap} lotteries; this plan has {n}. Remove {extra}.")
                .format(cap=rules.MAX_LOTTERIES, n=len(plan.lotteries),
                        extra=len(plan.lotteries) - rules.MAX_LOTTERIES))
        on_shelf = [p for p in plan.products if p.goods_id]
        if len(on_shelf) > rules.MAX_GOODS_ON_SHELF:
            self.problem(("products", rules.MAX_GOODS_ON_SHELF), translate(
                "Plan", "A live room's shelf holds at most {cap} goods; this plan has {n}. Split the goods "
                        "over two shows.").format(cap=rules.MAX_GOODS_ON_SHELF, n=len(on_shelf)))

    def _timing(self, plan: Plan) -> None:
        """A lottery whose draw would fall after the planned end fails on the platform: say so now."""
        end = plan.show.planned_minutes * 60
        clock = 0.0
        for index, step in enumerate(plan.order):
            if step.step == "lottery":
                lottery = plan.lottery(step.ref)
                if lottery is not None and clock + lottery.minutes * 60 > end:
                    self.problem(("order", index), translate(
                        "Plan", "The lottery “{prize}” starts about {start} min into the show and would be "
                                "drawn after the planned end ({end} min): the draw would fail. Move it "
                                "earlier or shorten it.").format(
                        prize=lottery.prize, start=round(clock / 60), end=plan.show.planned_minutes))
            clock += plan.step_target_seconds(step)

    # Values --------------------------------------------------------------------------------

    def _id(self, path: tuple[Any, ...], table: dict[str, Any]) -> str:
        ident = table.get("id")
        if isinstance(ident, int) and not isinstance(ident, bool):
            ident = str(ident)
        if not isinstance(ident, str) or not ident.strip():
            self.problem((*path, "id") if "id" in table else path, translate(
                "Plan", "Each entry needs an id = \"…\" (a short unique name used in the running order)."))
            return ""
        return ident.strip()

    def _text(self, path: tuple[Any, ...], table: dict[str, Any], key: str, required: bool = False) -> str:
        value = table.get(key)
        if value is None:
            if required:
                self.problem(path, translate("Plan", "“{key}” is missing.").format(key=key))
            return ""
        if not isinstance(value, str):
            self.problem((*path, key), translate("Plan", "“{key}” must be text in quotes.").format(key=key))
            return ""
        if required and not value.strip():
            self.problem((*path, key), translate("Plan", "“{key}” is empty.").format(key=key))
        return value.strip()

    def _number(self, path: tuple[Any, ...], table: dict[str, Any], key: str, minimum: float,
                integer: bool = False) -> float | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (integer and
                                                                               not isinstance(value, int)):
            kind = translate("Plan", "a whole number") if integer else translate("Plan", "a number")
            self.problem((*path, key), translate("Plan", "“{key}” must be {kind}, without quotes.").format(
                key=key, kind=kind))
            return None
        if value < minimum:
            self.problem((*path, key), translate("Plan", "“{key}” must be at least {minimum}.").format(
                key=key, minimum=minimum))
            return None
        return float(value)

    def _money(self, path: tuple[Any, ...], table: dict[str, Any], key: str) -> Decimal | None:
        value = table.get(key)
        if value is None:
            return None
        try:
            if isinstance(value, bool):
                raise InvalidOperation
            amount = Decimal(str(value).strip().lstrip("¥￥"))
        except InvalidOperation:
            amount = None
        if amount is None or not amount.is_finite() or amount < 0:
            self.problem((*path, key), translate(
                "Plan", "“{key}” must be a price in yuan, e.g. 59.9.").format(key=key))
            return None
        return amount.quantize(Decimal("0.01"))

    def _goods_id(self, path: tuple[Any, ...], table: dict[str, Any]) -> str:
        value = table.get("goods_id")
        if value is None:
            return ""
        if isinstance(value, float):
            value = repr(value)
        text = str(value).strip()
        if re.fullmatch(r"[0-9.]+[eE][+-]?[0-9]+", text):
            self.problem((*path, "goods_id"), translate(
                "Plan", "The goods id {id} was rounded by a spreadsheet (E+ notation): digits are lost. "
                        "Copy the id again from the platform's goods list.").format(id=text))
            return ""
        return text


# --- writing ---------------------------------------------------------------------------------

_HEADER_COMMENT = """\
# 直播方案 · Studio Console show plan (TOML). Check it with: studio-console show check FILE
#
# [show]           title; kind = "sales" (带货专场) or "content_sales" (内容+带货);
#                  start (optional); planned_minutes (at most 720 = 12 h);
#                  minutes_per_product (default 5 for sales, 10 for content + sales)
# [[products]]     id, name, price, live_price (yuan), stock, image, goods_id (the platform's
#                  goods id, as text), talking_points, minutes (explanation target)
# [[coupons]]      id, name, detail, quantity, minutes (banner countdown)
# [[lotteries]]    id, prize, kind = "comment" (评论抽奖) or "like" (点赞抽奖),
#                  minutes (default 10), winners, keyword
# [[announcements]] id, text (4–34 characters; each shows 20 s)
# [[order]]        the running order: step = explain | flash_sale | lottery | draw | coupon |
#                  announcement | segment; ref = an id above (segment: title); minutes (optional)
"""


def _string(value: str) -> str:
    """A TOML basic string (JSON's escapes are a subset TOML accepts, minus non-BMP \\U forms)."""
    out = ['"']
    for ch in value:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, Decimal):
        return str(value.quantize(Decimal("0.01")))
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to a plan")


def _table(lines: list[str], header: str, items: list[tuple[str, Any]]) -> None:
    lines.append("")
    lines.append(header)
    for key, value in items:
        if value is None or value == "" or value == []:
            continue
        lines.append(f"{key} = {_value(value)}")


def plan_to_toml(plan: Plan) -> str:
    lines = [_HEADER_COMMENT.rstrip("\n")]
    s = plan.show
    _table(lines, "[show]", [("title", s.title), ("kind", s.kind), ("start", s.start),
                             ("planned_minutes", s.planned_minutes),
                             ("minutes_per_product", s.minutes_per_product)])
    for p in plan.products:
        _table(lines, "[[products]]", [("id", p.id), ("name", p.name), ("price", p.price),
                                       ("live_price", p.live_price), ("stock", p.stock),
                                       ("image", p.image), ("goods_id", p.goods_id),
                                       ("talking_points", p.talking_points), ("minutes", p.minutes)])
    for c in plan.coupons:
        _table(lines, "[[coupons]]", [("id", c.id), ("name", c.name), ("detail", c.detail),
                                      ("quantity", c.quantity), ("minutes", c.minutes)])
    for x in plan.lotteries:
        _table(lines, "[[lotteries]]", [("id", x.id), ("prize", x.prize), ("kind", x.kind),
                                        ("minutes", x.minutes), ("winners", x.winners),
                                        ("keyword", x.keyword)])
    for a in plan.announcements:
        _table(lines, "[[announcements]]", [("id", a.id), ("text", a.text)])
    for step in plan.order:
        _table(lines, "[[order]]", [("step", step.step), ("ref", step.ref), ("title", step.title),
                                    ("minutes", step.minutes)])
    return "\n".join(lines) + "\n"


def save_plan(plan: Plan, path: Path) -> None:
    """Write atomically: a crash mid-save leaves the previous file whole, never half of one."""
    path = Path(path)
    text = plan_to_toml(plan)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
