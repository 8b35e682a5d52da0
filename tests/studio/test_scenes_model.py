"""ScenesModel against the in-memory OBS: refresh, and the re-read after a transition."""

from __future__ import annotations

import asyncio

from studio.obs.scenes import ScenesModel
from tests.fakes.obs import FakeLink, FakeObs


def test_refresh_reads_scenes_studio_mode_and_transitions() -> None:
    obs = FakeObs(scenes=("开场 Opening", "讲解 Product"))
    obs.studio_mode = True
    model = ScenesModel(FakeLink(obs))  # type: ignore[arg-type]
    asyncio.run(model.refresh())
    assert model.scenes == ["开场 Opening", "讲解 Product"] and model.studio_mode
    assert model.transitions == ["Fade", "Cut"] and model.current_transition == "Fade"


def test_studio_mode_ending_during_a_transition_is_no_failure(background_failures) -> None:
    """OBS 29 ends the transition, then studio mode goes off before the console asks for the preview
    (506): the re-read takes the program and leaves the preview empty, nothing fails."""
    obs = FakeObs(scenes=("开场 Opening", "讲解 Product"))
    obs.studio_mode = True
    model = ScenesModel(FakeLink(obs))  # type: ignore[arg-type]
    asyncio.run(model.refresh())
    obs.studio_mode = False
    obs.program = "讲解 Product"
    asyncio.run(model.refresh_current())
    assert model.program == "讲解 Product" and model.preview is None
    assert background_failures.take() == []
