"""Reading a plan: TOML, then every check, each problem with its line.

Hostile input never escapes as anything but a ``Problem`` (or ``PlanInvalid`` from ``load_plan``):
numbers are bounded and must be finite, prices fit a yuan amount, nesting too deep for the TOML
parser and integers too long to read are reported as problems like any other.
"""

from __future__ import annotations

import math
import re
import tomllib
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from studio.errors import UserError
from studio.i18n import translate
from studio.show import rules
from studio.show.plan.lines import KeyLines
from studio.show.plan.model import (
    LOTTERY_KINDS,
    SHOW_KINDS,
    STEP_KINDS,
    STEP_REF_TABLE,
    Announcement,
    Coupon,
    Lottery,
    Plan,
    PlanInvalid,
    Problem,
    Product,
    Show,
    Step,
)

_TOML_ERROR_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
MAX_COUNT = 1_000_000_000  # stock, quantities, winners: beyond any real show, and exact as a float
MAX_MINUTES = 1440.0  # a day: a live session lasts at most 12 h, so no step or timer is longer
MAX_PRICE = Decimal("100000000")  # 1亿 yuan: above it a price is a typo (or an attack), never real


def read_plan_text(path: Path) -> str:
    """The plan file's text; a missing, unreadable or non-UTF-8 file is a ``UserError`` in plain words
    (``load_plan`` and ``studio-console show check`` both read through it)."""
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError(translate("Plan", "No show plan at {path}. Check the file name.").format(
            path=path)) from None
    except UnicodeDecodeError:
        raise UserError(translate("Plan", "The show plan {path} is not UTF-8 text. Save it as UTF-8 "
                                          "and try again.").format(path=path)) from None
    except OSError as e:
        raise UserError(translate("Plan", "Could not read {path}: {reason}").format(
            path=path, reason=e.strerror or e)) from None


def load_plan(path: Path) -> Plan:
    text = read_plan_text(path)
    plan, problems = check_plan_text(text)
    if problems or plan is None:
        raise PlanInvalid(Path(path), problems)
    return plan


def check_plan_text(text: str) -> tuple[Plan | None, list[Problem]]:
    """Parse and validate; returns the plan (None when it is not even TOML) and every problem."""
    try:
        raw = tomllib.loads(text)
    except RecursionError:
        return None, [Problem(0, translate("Plan", "The plan nests tables or lists too deeply to read. A show "
                                                   "plan needs only [show], [[products]], [[order]] and the "
                                                   "like: start again from the example plan."))]
    except tomllib.TOMLDecodeError as e:
        match = _TOML_ERROR_POSITION.search(str(e))
        line = int(match.group(1)) if match else 0
        detail = _TOML_ERROR_POSITION.sub("", str(e)).strip()
        return None, [Problem(line, translate("Plan", "This is not valid TOML here ({detail}). Check "
                                                      "quotes, brackets and “=”.").format(detail=detail))]
    except ValueError:  # an integer with thousands of digits: Python refuses to read it
        return None, [Problem(0, translate("Plan", "A number in the plan is far too long to read. Check the "
                                                   "numbers (prices, stock, minutes)."))]
    if not raw:
        return None, [Problem(0, translate("Plan", "The show plan is empty. It needs at least a [show] table "
                                                   "and a running order ([[order]]); start from the example "
                                                   "plan."))]
    return _Validator(raw, KeyLines(text)).run()

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
            if isinstance(start, datetime) and start.tzinfo is not None:
                show.start = start
            elif isinstance(start, datetime):
                self.problem((*path, "start"), translate(
                    "Plan", "The start {start} has no time zone, so it is unclear when the show starts. Add "
                            "it, e.g. 2024-06-18T20:00:00+08:00 for China.").format(start=start.isoformat()))
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
        per_product = self._number(path, table, "minutes_per_product", minimum=0.5, maximum=MAX_MINUTES)
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
        minutes = self._number(path, table, "minutes", minimum=0.5, maximum=MAX_MINUTES)
        product.minutes = float(minutes) if minutes is not None else None
        return product if ident and name else None

    def _coupon(self, index: int, table: dict[str, Any]) -> Coupon | None:
        path = ("coupons", index)
        ident, name = self._id(path, table), self._text(path, table, "name", required=True)
        coupon = Coupon(id=ident, name=name, detail=self._text(path, table, "detail"))
        quantity = self._number(path, table, "quantity", minimum=1, integer=True)
        coupon.quantity = int(quantity) if quantity is not None else None
        minutes = self._number(path, table, "minutes", minimum=0.1, maximum=MAX_MINUTES)
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
        minutes = self._number(path, table, "minutes", minimum=1, maximum=MAX_MINUTES)
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
        minutes = self._number(path, table, "minutes", minimum=0, maximum=MAX_MINUTES)
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
                integer: bool = False, maximum: float = MAX_COUNT) -> float | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (integer and
                                                                               not isinstance(value, int)):
            kind = translate("Plan", "a whole number") if integer else translate("Plan", "a number")
            self.problem((*path, key), translate("Plan", "“{key}” must be {kind}, without quotes.").format(
                key=key, kind=kind))
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.problem((*path, key), translate("Plan", "“{key}” must be an ordinary number, not {value}.").format(
                key=key, value=value))
            return None
        if value < minimum:
            self.problem((*path, key), translate("Plan", "“{key}” must be at least {minimum}.").format(
                key=key, minimum=minimum))
            return None
        if value > maximum:
            self.problem((*path, key), translate("Plan", "“{key}” must be at most {maximum}.").format(
                key=key, maximum=f"{maximum:g}"))
            return None
        return float(value)

    def _money(self, path: tuple[Any, ...], table: dict[str, Any], key: str) -> Decimal | None:
        value = table.get(key)
        if value is None:
            return None
        try:
            if isinstance(value, bool) or not isinstance(value, (str, int, float)):
                raise InvalidOperation
            amount = Decimal(str(value).strip().lstrip("¥￥"))
        except (InvalidOperation, ValueError):
            amount = None
        if amount is None or not amount.is_finite() or amount < 0:
            self.problem((*path, key), translate(
                "Plan", "“{key}” must be a price in yuan, e.g. 59.9.").format(key=key))
            return None
        if amount > MAX_PRICE:
            self.problem((*path, key), translate(
                "Plan", "“{key}” is {amount} yuan: far more than any price. Check the digits.").format(
                key=key, amount=f"{amount:.3g}"))
            return None
        return amount.quantize(Decimal("0.01"))

    def _goods_id(self, path: tuple[Any, ...], table: dict[str, Any]) -> str:
        value = table.get("goods_id")
        if value is None:
            return ""
        if isinstance(value, float):
            text = repr(value)
            if re.fullmatch(r"[0-9.]+[eE][+-]?[0-9]+", text):
                self.problem((*path, "goods_id"), translate(
                    "Plan", "The goods id {id} was rounded by a spreadsheet (E+ notation): digits are lost. "
                            "Copy the id again from the platform's goods list.").format(id=text))
            else:
                self.problem((*path, "goods_id"), translate(
                    "Plan", "The goods id {id} is a decimal number; a goods id is text in quotes, e.g. "
                            "goods_id = \"1234567\". Copy it again from the platform's goods list.").format(
                    id=text))
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            self.problem((*path, "goods_id"), translate(
                "Plan", "The goods id must be text in quotes, e.g. goods_id = \"1234567\"."))
            return ""
        text = str(value).strip()
        if re.fullmatch(r"[0-9.]+[eE][+-]?[0-9]+", text):
            self.problem((*path, "goods_id"), translate(
                "Plan", "The goods id {id} was rounded by a spreadsheet (E+ notation): digits are lost. "
                        "Copy the id again from the platform's goods list.").format(id=text))
            return ""
        return text
