"""Property tests over the plan loader: whatever the text, ``check_plan_text`` answers with problems
in plain words — never another exception — quickly (hypothesis' deadline for small inputs) and
in CPU time linear in the input (tests/growth.py). What it accepts can be run (every
step has a finite target) and written back to a plan that checks clean."""

from __future__ import annotations

import math
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.show.plan import Problem, check_plan_text, load_plan, plan_to_toml
from studio.show.plan.model import STEP_KINDS
from tests.growth import assert_linear

FUZZ = settings(max_examples=150, deadline=timedelta(milliseconds=1500), database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _string(value: str) -> str:
    out = ['"']
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out) + '"'


scalars = st.one_of(
    st.integers(min_value=-(10 ** 40), max_value=10 ** 40).map(str),
    st.sampled_from(["9" * 4400, "1" + "0" * 400, "-0", "0x7fffffffffffffff", "1_000"]),
    st.floats(allow_nan=True, allow_infinity=True).map(
        lambda f: "nan" if math.isnan(f) else ("inf" if f == math.inf else "-inf" if f == -math.inf else repr(f))),
    st.sampled_from(["1e30", "1e308", "-1e308", "1e-320", "nan", "+inf", "-inf", "0.0"]),
    st.text(max_size=40).map(_string),
    st.sampled_from(['"1e999999"', '"¥59.9"', '"1.23E+18"', '" "', '""', '"12345678901234567890"']),
    st.sampled_from(["true", "false", "2024-06-18T20:00:00", "2024-06-18T20:00:00+08:00", "2024-06-18",
                     "20:00:00", "1979-05-27T07:32:00Z"]),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4).map(lambda xs: "[" + ", ".join(xs) + "]"),
    st.dictionaries(st.sampled_from(["a", "id", "name", "minutes"]), inner, max_size=3).map(
        lambda d: "{" + ", ".join(f"{k} = {v}" for k, v in d.items()) + "}")), max_leaves=8)

FIELDS = {
    "show": ["title", "kind", "start", "planned_minutes", "minutes_per_product", "extra"],
    "products": ["id", "name", "price", "live_price", "stock", "image", "goods_id", "talking_points", "minutes"],
    "coupons": ["id", "name", "detail", "quantity", "minutes"],
    "lotteries": ["id", "prize", "kind", "minutes", "winners", "keyword"],
    "announcements": ["id", "text"],
    "order": ["step", "ref", "title", "minutes"],
}


@st.composite
def plans(draw: st.DrawFn) -> str:
    """Plan-shaped TOML: the right tables and keys, hostile values (and a few good ones)."""
    lines: list[str] = []
    for section, keys in FIELDS.items():
        for _ in range(draw(st.integers(0, 1 if section == "show" else 3))):
            lines.append(f"[{section}]" if section == "show" else f"[[{section}]]")
            for key in draw(st.lists(st.sampled_from(keys), unique=True, max_size=len(keys))):
                good = {"id": st.sampled_from(['"a"', '"b"', '"fan"']),
                        "step": st.sampled_from([_string(k) for k in STEP_KINDS]),
                        "ref": st.sampled_from(['"a"', '"b"', '"fan"'])}.get(key)
                value = draw(st.one_of(good, values) if good is not None else values)
                lines.append(f"{key} = {value}")
            lines.append("")
    return "\n".join(lines)


def _check(text: str) -> None:
    plan, problems = check_plan_text(text)
    assert all(isinstance(p, Problem) and isinstance(p.message, str) and p.message for p in problems)
    if plan is not None and not problems:
        assert all(math.isfinite(plan.step_target_seconds(step)) for step in plan.order)
        again, again_problems = check_plan_text(plan_to_toml(plan))
        assert again is not None and again_problems == [], again_problems


@pytest.mark.parametrize("texts", [plans(), st.text(max_size=2000),
                                   st.text(alphabet="[]{}=\"'#\n ,.abc1", max_size=3000)],
                         ids=["plan-shaped TOML", "any text", "bracket soup"])
def test_no_text_crashes_the_check(texts: st.SearchStrategy[str]) -> None:
    @FUZZ
    @given(texts)
    def check(text: str) -> None:
        _check(text)

    check()


@pytest.mark.parametrize("piece", ["[", "{a=", "x = [", "[[order]]\n", "a = \"\"\"", "# 注释\n", "[ ", " = 1\n"])
def test_large_repetitive_input_stays_linear(piece: str) -> None:
    assert_linear(lambda times: _check(piece * times), 20_000, most=40_000)  # up to ~3 MB


@FUZZ
@given(st.binary(max_size=2000))
def test_any_file_loads_or_raises_only_the_user_facing_error(tmp_path_factory, data: bytes) -> None:
    from studio.errors import UserError

    path = tmp_path_factory.mktemp("plan") / "plan.toml"
    path.write_bytes(data)
    try:
        load_plan(path)
    except UserError as e:
        assert str(e)


@pytest.mark.parametrize("bracket", ["[", "[["])
@pytest.mark.parametrize("filler", [" ", "\t", " ."])
def test_a_long_quoted_table_name_stays_linear(bracket: str, filler: str) -> None:
    # A lazy regular expression once backtracked quadratically on these (160 K spaces: > 1 min).
    close = "]" * len(bracket)
    assert_linear(lambda spaces: _check(f'{bracket}"a{filler * spaces}b"{close}\nx = 1\n'), 20_000, most=80_000)
