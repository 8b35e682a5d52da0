"""A hostile plan saved in the settings (the corpus of plans that once crashed `show check`) never
stops the console from starting: the core falls back to the example plan and names the problem."""

from __future__ import annotations

import pytest

from studio.config import Settings
from studio.core import StudioCore
from studio.keys.store import SecretStore
from tests.fakes.keyring import MemoryKeyring
from tests.studio.hostile_plans import HOSTILE_PLANS


@pytest.mark.parametrize("name", ["price 1e30", "stock with 5000 digits", "deeply nested list", "minutes nan",
                                  "float goods_id", "start without a time zone", "empty file"])
def test_the_core_starts_whatever_plan_the_settings_name(loop, tmp_path, name):
    plan = tmp_path / "saved-plan.toml"
    plan.write_text(HOSTILE_PLANS[name], encoding="utf-8")
    core = StudioCore(Settings(extra={"show_plan": str(plan)}), SecretStore(backend=MemoryKeyring()))
    assert core.plan.products  # the example plan stands in
    loop.run_until_complete(core.close())
