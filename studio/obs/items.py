"""What one OBS scene holds of the console's inputs, read once and kept up to date by what we send.

``studio.obs.setup`` and ``studio.obs.overlays`` both make the console's own inputs in a scene of
their own and then switch, move and fill them. ``SceneItems`` is the one place that knows how:
``read`` asks OBS for the inputs and the scene's items, ``ensure_input`` creates an input (or a
scene item for an input that exists elsewhere) only when it is missing, and ``set_settings`` /
``set_transform`` / ``set_enabled`` send a request only when the value differs from the last one
sent. The cache is only as good as this connection: drop it (read again) after a reconnect, a
refusal, or a new canvas.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from studio.obs.link import ObsLink
from studio.obs.names import PREFIX

CREATED, ADDED, KEPT = "created", "added", "kept"  # what ensure_input did


@dataclass
class SceneItems:
    scene: str
    kinds: dict[str, str]  # input name → input kind (every input of this OBS)
    items: dict[str, int]  # source name → scene item id in ``scene``
    enabled: dict[str, bool]  # source name → shown, as last read or sent
    settings: dict[str, dict[str, Any]] = field(default_factory=dict)  # last sent, per input
    transforms: dict[str, dict[str, Any]] = field(default_factory=dict)  # last sent, per source

    @classmethod
    async def read(cls, link: ObsLink, scene: str) -> SceneItems:
        inputs = (await link.request("GetInputList")).get("inputs", [])
        items = (await link.request("GetSceneItemList", {"sceneName": scene})).get("sceneItems", [])
        return cls(scene, kinds={str(i["inputName"]): str(i["inputKind"]) for i in inputs},
                   items={str(i["sourceName"]): int(i["sceneItemId"]) for i in items},
                   enabled={str(i["sourceName"]): bool(i.get("sceneItemEnabled", True)) for i in items})

    async def ensure_input(self, link: ObsLink, name: str, kind: str, *, enabled: bool,
                           settings: dict[str, Any] | None = None) -> str:
        """The console's input ``name`` of ``kind`` with an item in the scene.

        Returns ``CREATED`` (a new input), ``ADDED`` (an existing input got an item in this scene)
        or ``KEPT``. A new input starts with ``settings`` (if any) and shown or hidden as ``enabled`` says. An
        existing one gets ``settings`` overlaid, and is switched on when ``enabled`` (a hidden one
        stays hidden when not). An input of ours of another kind (made by another OBS, or of a
        kind we no longer pick) is removed and made again. Only names with ``PREFIX`` are touched.
        """
        if not name.startswith(PREFIX):
            raise ValueError(f"not one of the console's sources: {name!r}")
        if name in self.kinds and self.kinds[name] != kind:
            await link.request("RemoveInput", {"inputName": name})
            del self.kinds[name]
            self._drop(name)
        if name not in self.kinds:
            answer = await link.request("CreateInput", {
                "sceneName": self.scene, "inputName": name, "inputKind": kind,
                "inputSettings": dict(settings or {}), "sceneItemEnabled": enabled})
            self.kinds[name] = kind
            self.items[name] = int(answer["sceneItemId"])
            self.enabled[name] = enabled
            if settings:
                self.settings[name] = dict(settings)
            return CREATED
        if settings:
            await link.request("SetInputSettings", {"inputName": name, "inputSettings": settings,
                                                    "overlay": True})
            self.settings.pop(name, None)  # overlaid, so what OBS has now is more than what we sent
        if name not in self.items:
            answer = await link.request("CreateSceneItem", {
                "sceneName": self.scene, "sourceName": name, "sceneItemEnabled": enabled})
            self.items[name] = int(answer["sceneItemId"])
            self.enabled[name] = enabled
            return ADDED
        if enabled:
            await self.set_enabled(link, name, True)
        return KEPT

    async def set_settings(self, link: ObsLink, name: str, settings: dict[str, Any]) -> None:
        if self.settings.get(name) == settings:
            return
        await link.request("SetInputSettings", {"inputName": name, "inputSettings": settings,
                                                "overlay": True})
        self.settings[name] = settings

    async def set_transform(self, link: ObsLink, name: str, transform: dict[str, Any]) -> None:
        if self.transforms.get(name) == transform:
            return
        await link.request("SetSceneItemTransform", {
            "sceneName": self.scene, "sceneItemId": self.items[name], "sceneItemTransform": transform})
        self.transforms[name] = transform

    async def set_enabled(self, link: ObsLink, name: str, enabled: bool) -> None:
        """Show or hide our item (nothing when it is not in the scene or already so)."""
        if name not in self.items or self.enabled.get(name) is enabled:
            return
        await link.request("SetSceneItemEnabled", {
            "sceneName": self.scene, "sceneItemId": self.items[name], "sceneItemEnabled": enabled})
        self.enabled[name] = enabled

    def forget_looks(self) -> None:
        """Send every setting and transform again next time (e.g. on a new canvas)."""
        self.settings.clear()
        self.transforms.clear()

    def _drop(self, name: str) -> None:
        for cache in (self.items, self.enabled, self.settings, self.transforms):
            cache.pop(name, None)
