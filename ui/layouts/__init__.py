"""Role layouts of the show view: assistant (助理), producer (导播), solo (单人) — the same panels."""

from __future__ import annotations

from ui.layouts.assistant import AssistantLayout
from ui.layouts.base import RoleLayout, ShowPanels
from ui.layouts.producer import ProducerLayout
from ui.layouts.solo import SoloLayout

LAYOUTS: dict[str, type[RoleLayout]] = {
    AssistantLayout.name: AssistantLayout,
    ProducerLayout.name: ProducerLayout,
    SoloLayout.name: SoloLayout,
}
DEFAULT_LAYOUT = SoloLayout.name  # a first start: one person at one laptop (the wizard may choose)

__all__ = ["DEFAULT_LAYOUT", "LAYOUTS", "RoleLayout", "ShowPanels"]
