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

The package: ``model`` (the dataclasses), ``lines`` (where each key is in the TOML text),
``validate`` (reading and every check), ``writer`` (TOML out, atomic save).

API:
    ``load_plan(path) -> Plan`` raises ``PlanInvalid`` whose ``.problems`` lists *every* problem,
    each with its line; ``check_plan_text(text) -> (Plan | None, [Problem])`` does the same without
    raising; ``save_plan(plan, path)`` writes atomically (temp file, fsync, rename);
    ``plan_to_toml(plan) -> str``. ``Plan.step_target_seconds(step)`` is the rundown's target.
"""

from studio.show.plan import model
from studio.show.plan.lines import KeyLines
from studio.show.plan.model import *  # noqa: F403  (the dataclasses and tables: model.__all__)
from studio.show.plan.validate import check_plan_text, load_plan
from studio.show.plan.writer import plan_to_toml, save_plan

__all__ = [*model.__all__, "KeyLines", "check_plan_text", "load_plan", "plan_to_toml", "save_plan"]
