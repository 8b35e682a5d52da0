"""The corpus of hostile show plans: each once crashed or slipped through `show check` (issue 15).
Used as regression cases by tests/studio/test_show_plan.py and test_core_hostile_plan.py."""

from __future__ import annotations

PRODUCT = '[show]\ntitle = "t"\n\n[[products]]\nid = "p"\nname = "扇"\n'
HOSTILE_PLANS = {
    "price 1e30": PRODUCT + "price = 1e30\n",
    "price text 1e999999": PRODUCT + 'price = "1e999999"\n',
    "stock with 5000 digits": PRODUCT + "stock = " + "9" * 5000 + "\n",
    "stock 10**30": PRODUCT + "stock = " + str(10 ** 30) + "\n",
    "minutes as a 400-digit integer": PRODUCT + "minutes = " + "9" * 400 + "\n",
    "deeply nested list": '[show]\ntitle = "t"\nx = ' + "[" * 5000 + "]" * 5000 + "\n",
    "deeply nested inline table": "x = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n",
    "minutes nan": '[[order]]\nstep = "segment"\ntitle = "开场"\nminutes = nan\n',
    "minutes inf": '[[order]]\nstep = "segment"\ntitle = "开场"\nminutes = inf\n',
    "minutes -inf": '[[order]]\nstep = "segment"\ntitle = "开场"\nminutes = -inf\n',
    "minutes_per_product nan": '[show]\nminutes_per_product = nan\n',
    "lottery minutes inf": '[[lotteries]]\nid = "l"\nprize = "奖"\nminutes = inf\n',
    "float goods_id": PRODUCT + "goods_id = 10086001.5\n",
    "goods_id a table": PRODUCT + "goods_id = {a = 1}\n",
    "start without a time zone": '[show]\nstart = 2024-06-18T20:00:00\n',
    "start a bare date": '[show]\nstart = 2024-06-18\n',
    "empty file": "",
    "only comments": "# 直播方案\n\n   \n",
}
