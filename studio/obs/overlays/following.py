"""The overlay scene follows what is on air: nested, locked, on top of the program scene (and of
the preview scene in studio mode), re-enabled, moved back and raised again if the user changed it.
"""

from __future__ import annotations

from typing import Any

from studio.obs.link import ObsLink
from studio.obs.names import ALIGN_TOP_LEFT

NESTED_TRANSFORM: dict[str, Any] = {
    "positionX": 0.0, "positionY": 0.0, "scaleX": 1.0, "scaleY": 1.0, "rotation": 0.0,
    "alignment": ALIGN_TOP_LEFT, "boundsType": "OBS_BOUNDS_NONE", "cropLeft": 0, "cropRight": 0,
    "cropTop": 0, "cropBottom": 0,
}


def misplaced(t: dict[str, Any]) -> bool:
    return any(abs(float(t.get(k, d)) - d) > 1e-3 for k, d in (
        ("positionX", 0.0), ("positionY", 0.0), ("scaleX", 1.0), ("scaleY", 1.0), ("rotation", 0.0))) \
        or t.get("boundsType", "OBS_BOUNDS_NONE") != "OBS_BOUNDS_NONE"


class SceneFollower:
    """Which scenes carry the overlay scene ``nested``, on this connection."""

    def __init__(self, link: ObsLink, nested: str) -> None:
        self.link = link
        self.nested = nested
        self.attached: set[str] = set()  # scenes we know carry the nested scene, this connection

    def forget(self) -> None:
        self.attached.clear()

    async def attach_to(self, scene: str) -> None:
        """Put the nested scene on top of ``scene`` (once; re-enabled and raised if need be)."""
        if scene == self.nested:
            return
        request = self.link.request
        items = (await request("GetSceneItemList", {"sceneName": scene})).get("sceneItems", [])
        top = max((int(i.get("sceneItemIndex", 0)) for i in items), default=-1)
        ours = next((i for i in items if i.get("sourceName") == self.nested), None)
        if ours is None:
            # A new item goes on top of everything the user has in the scene.
            answer = await request("CreateSceneItem", {
                "sceneName": scene, "sourceName": self.nested, "sceneItemEnabled": True})
            item_id = int(answer["sceneItemId"])
            await request("SetSceneItemTransform", {
                "sceneName": scene, "sceneItemId": item_id, "sceneItemTransform": NESTED_TRANSFORM})
            # Locked, so a click in OBS's preview does not drag the whole overlay layer away.
            await request("SetSceneItemLocked", {
                "sceneName": scene, "sceneItemId": item_id, "sceneItemLocked": True})
            self.attached.add(scene)
            return
        item_id = int(ours["sceneItemId"])
        if not ours.get("sceneItemEnabled", True):
            await request("SetSceneItemEnabled", {
                "sceneName": scene, "sceneItemId": item_id, "sceneItemEnabled": True})
        if misplaced(ours.get("sceneItemTransform", {})):
            # e.g. a canvas switch rescaled every item of the scene, ours included
            await request("SetSceneItemTransform", {
                "sceneName": scene, "sceneItemId": item_id, "sceneItemTransform": NESTED_TRANSFORM})
        if int(ours.get("sceneItemIndex", top)) != top:
            # The user added sources since: back on top (the index counts from the bottom).
            await request("SetSceneItemIndex", {
                "sceneName": scene, "sceneItemId": item_id, "sceneItemIndex": top})
        self.attached.add(scene)

    async def detach_from(self, scene: str) -> None:
        """Take the nested scene out of ``scene`` (the user's own items stay)."""
        items = (await self.link.request("GetSceneItemList", {"sceneName": scene})).get("sceneItems", [])
        for item in items:
            if item.get("sourceName") == self.nested:
                await self.link.request("RemoveSceneItem", {
                    "sceneName": scene, "sceneItemId": item["sceneItemId"]})
        self.attached.discard(scene)

    async def on_air(self, studio_mode: bool) -> list[str]:
        """The program scene, and the preview scene in studio mode."""
        program = (await self.link.request("GetCurrentProgramScene")).get("currentProgramSceneName")
        scenes = [str(program)] if program else []
        if studio_mode:
            preview = (await self.link.request("GetCurrentPreviewScene")).get("currentPreviewSceneName")
            if preview:
                scenes.append(str(preview))
        return scenes
