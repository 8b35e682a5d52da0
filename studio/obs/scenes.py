"""OBS scenes as a model: the list, program and preview, studio mode and transitions.

Refreshed in full on every (re)connect; kept current by OBS's events in between, so a change
made in OBS itself shows up as soon as OBS reports it.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from studio.errors import ObsNotConnected, ObsRequestFailed
from studio.events import Signal
from studio.obs.link import LinkState, LinkStatus, ObsLink
from studio.obs.names import TEMPORARY_PREFIX
from studio.tasks import spawn

log = logging.getLogger(__name__)
_STUDIO_MODE_NOT_ACTIVE = 506  # obs-websocket RequestStatus::StudioModeNotActive
TEMPORARY_SCENE_PREFIX = TEMPORARY_PREFIX  # studio.obs.setup's PROBE_SCENE starts with this


class ScenesModel:
    def __init__(self, link: ObsLink) -> None:
        self.link = link
        self.scenes: list[str] = []  # top to bottom, as OBS's Scenes dock shows them
        self.program: str | None = None
        self.preview: str | None = None
        self.studio_mode = False
        self.transitions: list[str] = []
        self.current_transition: str | None = None
        self.available = False  # False while OBS is not connected: the list may be stale
        self.changed = Signal("ScenesModel.changed")
        link.connected.connect(lambda: spawn(self._in_background(self.refresh), name="scenes-refresh"))
        link.status_changed.connect(self._on_link_status_changed)
        link.on("CurrentProgramSceneChanged", self._on_program_changed)
        link.on("CurrentPreviewSceneChanged", self._on_preview_changed)
        link.on("SceneListChanged", self._on_scene_list_changed)
        link.on("StudioModeStateChanged", self._on_studio_mode_changed)
        link.on("CurrentSceneTransitionChanged", self._on_transition_changed)
        # OBS 29's events around a studio-mode transition can name the old scene: ask once it ends.
        link.on("SceneTransitionEnded",
                lambda _data: spawn(self._in_background(self.refresh_current), name="scenes-current"))
        for event in ("SceneCreated", "SceneRemoved", "SceneNameChanged"):
            link.on(event, lambda _data: spawn(self._in_background(self.refresh), name="scenes-refresh"))

    async def _in_background(self, read: Callable[[], Awaitable[None]]) -> None:
        """A refresh nobody waits for: the link dropping meanwhile is no failure — the next
        ``connected`` reads everything again (seen as the link closing under a refresh)."""
        try:
            await read()
        except ObsNotConnected:
            log.debug("scenes refresh skipped: OBS went away meanwhile")

    async def refresh(self) -> None:
        scene_list = await self.link.request("GetSceneList")
        studio = await self.link.request("GetStudioModeEnabled")
        transitions = await self.link.request("GetSceneTransitionList")
        self._take_scene_list(scene_list.get("scenes", []))
        self.program = scene_list.get("currentProgramSceneName")
        self.preview = scene_list.get("currentPreviewSceneName")
        self.studio_mode = bool(studio.get("studioModeEnabled"))
        self.transitions = [t["transitionName"] for t in transitions.get("transitions", [])]
        self.current_transition = transitions.get("currentSceneTransitionName")
        self.available = True
        self.changed.emit()

    async def refresh_current(self) -> None:
        """Re-read program (and preview) only: cheap, after transitions."""
        self.program = (await self.link.request("GetCurrentProgramScene")).get("currentProgramSceneName")
        if self.studio_mode:
            try:
                self.preview = (await self.link.request("GetCurrentPreviewScene")).get(
                    "currentPreviewSceneName")
            except ObsRequestFailed as e:
                if e.code != _STUDIO_MODE_NOT_ACTIVE:
                    raise
                # Studio mode was switched off meanwhile; its own event brings the new state.
                self.preview = None
        self.changed.emit()

    # ----- actions -----------------------------------------------------------------------------
    async def switch(self, name: str) -> None:
        """What a click on a scene does: program directly, or preview in studio mode."""
        if self.studio_mode:
            await self.set_preview(name)
        else:
            await self.set_program(name)

    async def set_program(self, name: str) -> None:
        await self.link.request("SetCurrentProgramScene", {"sceneName": name})
        self.program = name  # OBS accepted it; its event will confirm
        self.changed.emit()

    async def set_preview(self, name: str) -> None:
        await self.link.request("SetCurrentPreviewScene", {"sceneName": name})
        self.preview = name
        self.changed.emit()

    async def set_studio_mode(self, enabled: bool) -> None:
        await self.link.request("SetStudioModeEnabled", {"studioModeEnabled": enabled})
        self.studio_mode = enabled
        if enabled:
            answer = await self.link.request("GetCurrentPreviewScene")
            self.preview = answer.get("currentPreviewSceneName") or answer.get("sceneName")
        self.changed.emit()

    async def set_transition(self, name: str) -> None:
        await self.link.request("SetCurrentSceneTransition", {"transitionName": name})
        self.current_transition = name
        self.changed.emit()

    async def transition(self) -> None:
        """Studio mode's Transition button: preview goes to program."""
        await self.link.request("TriggerStudioModeTransition")

    # ----- OBS events --------------------------------------------------------------------------
    def _take_scene_list(self, scenes: list[dict[str, Any]]) -> None:
        # OBS lists scenes by index from the bottom; its dock shows the highest index on top.
        ordered = sorted(scenes, key=lambda s: s.get("sceneIndex", 0), reverse=True)
        # The console's own short-lived probe scene (device listing) is not the producer's business.
        self.scenes = [s["sceneName"] for s in ordered if not s["sceneName"].startswith(TEMPORARY_SCENE_PREFIX)]

    def _on_program_changed(self, data: dict[str, Any]) -> None:
        self.program = data.get("sceneName")
        self.changed.emit()

    def _on_preview_changed(self, data: dict[str, Any]) -> None:
        self.preview = data.get("sceneName")
        self.changed.emit()

    def _on_scene_list_changed(self, data: dict[str, Any]) -> None:
        self._take_scene_list(data.get("scenes", []))
        self.changed.emit()

    def _on_studio_mode_changed(self, data: dict[str, Any]) -> None:
        self.studio_mode = bool(data.get("studioModeEnabled"))
        if self.studio_mode:
            spawn(self._in_background(self.refresh), name="scenes-refresh")
        self.changed.emit()

    def _on_transition_changed(self, data: dict[str, Any]) -> None:
        self.current_transition = data.get("transitionName")
        self.changed.emit()

    def _on_link_status_changed(self, status: LinkStatus) -> None:
        if status.state is LinkState.CONNECTED and status.program_scene and status.program_scene != self.program:
            self.program = status.program_scene  # the new connection's, read before it said connected
            self.changed.emit()
        available = status.state is LinkState.CONNECTED and self.available
        if available != self.available or status.state is not LinkState.CONNECTED:
            self.available = False if status.state is not LinkState.CONNECTED else self.available
            self.changed.emit()
