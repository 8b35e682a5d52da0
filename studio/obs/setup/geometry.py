"""Canvas geometry of the console's scenes: layouts in fractions of the canvas, and the transform
that puts a source into its slot (cover: cropped to the slot's shape, then scaled to fill; fit:
scaled to show all of it). Pure, no OBS.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from studio.i18n import QT_TRANSLATE_NOOP, translate
from studio.obs.names import ALIGN_CENTER, ALIGN_TOP_LEFT


@dataclass(frozen=True)
class Box:
    """A rectangle in fractions of the canvas (0..1), so one layout serves 720P and 1080P."""

    x: float
    y: float
    w: float
    h: float


COVER = "cover"  # fill the box, crop what sticks out (never stretch)
FIT = "fit"  # show all of it inside the box; the background shows around it


@dataclass(frozen=True)
class Slot:
    box: Box
    mode: str


FULL = Box(0.0, 0.0, 1.0, 1.0)


@dataclass(frozen=True)
class Layout:
    name: str  # what the CLI takes (--layout)
    title: str  # untranslated; show with translate("StudioSetup", title)
    portrait: dict[str, Slot]  # role ("camera", "ppt") → slot; a role left out is hidden
    landscape: dict[str, Slot]

    def slots(self, portrait: bool) -> dict[str, Slot]:
        return self.portrait if portrait else self.landscape


LAYOUTS: dict[str, Layout] = {
    layout.name: layout
    for layout in (
        Layout(
            "camera-ppt-inset",
            QT_TRANSLATE_NOOP("StudioSetup", "Camera full screen, PPT inset on top"),
            portrait={"camera": Slot(FULL, COVER), "ppt": Slot(Box(0.04, 0.03, 0.92, 0.30), FIT)},
            landscape={"camera": Slot(FULL, COVER), "ppt": Slot(Box(0.62, 0.04, 0.35, 0.35), FIT)},
        ),
        Layout(
            "ppt-above-camera",
            QT_TRANSLATE_NOOP("StudioSetup", "PPT above, camera below (side by side in landscape)"),
            portrait={"ppt": Slot(Box(0.0, 0.04, 1.0, 0.36), FIT),
                      "camera": Slot(Box(0.0, 0.40, 1.0, 0.60), COVER)},
            landscape={"ppt": Slot(Box(0.0, 0.0, 0.64, 1.0), FIT),
                       "camera": Slot(Box(0.64, 0.0, 0.36, 1.0), COVER)},
        ),
        # The playbook's portrait room: a landscape camera at full width, the background
        # filling what would otherwise be black bars above and below.
        Layout(
            "camera-only",
            QT_TRANSLATE_NOOP("StudioSetup", "Camera only, background around it"),
            portrait={"camera": Slot(FULL, FIT)},
            landscape={"camera": Slot(FULL, FIT)},
        ),
    )
}
DEFAULT_LAYOUT = "camera-ppt-inset"


def layout_title(name: str) -> str:
    return translate("StudioSetup", LAYOUTS[name].title)


def cover_crop(source: tuple[float, float], box: tuple[int, int]) -> dict[str, int]:
    """Crop (in source pixels) that gives the source the box's shape, taken from its middle.

    With the crop applied, OBS's "scale to outer bounds" fills the box exactly: OBS 29 has no
    "crop to bounds" of its own, and without the crop an oversized source would spill out of
    its box over its neighbours. An unknown size (0: no camera yet) gets no crop.
    """
    sw, sh = source
    bw, bh = box
    none = {"cropLeft": 0, "cropRight": 0, "cropTop": 0, "cropBottom": 0}
    if sw <= 0 or sh <= 0 or bw <= 0 or bh <= 0:
        return none
    scale = max(bw / sw, bh / sh)
    extra_w = max(0, round(sw - bw / scale))
    extra_h = max(0, round(sh - bh / scale))
    return {"cropLeft": extra_w // 2, "cropRight": extra_w - extra_w // 2,
            "cropTop": extra_h // 2, "cropBottom": extra_h - extra_h // 2}


def item_transform(slot: Slot, canvas: tuple[int, int], source: tuple[float, float]) -> dict[str, Any]:
    """The SetSceneItemTransform body that puts a source of size ``source`` into ``slot``."""
    cw, ch = canvas
    x, y = round(slot.box.x * cw), round(slot.box.y * ch)
    w, h = max(1, round(slot.box.w * cw)), max(1, round(slot.box.h * ch))
    transform: dict[str, Any] = {
        "positionX": float(x), "positionY": float(y), "alignment": ALIGN_TOP_LEFT, "rotation": 0.0,
        "boundsWidth": float(w), "boundsHeight": float(h), "boundsAlignment": ALIGN_CENTER,
    }
    if slot.mode == COVER:
        transform["boundsType"] = "OBS_BOUNDS_SCALE_OUTER"
        transform.update(cover_crop(source, (w, h)))
    else:
        transform["boundsType"] = "OBS_BOUNDS_SCALE_INNER"
        transform.update(cover_crop((0, 0), (w, h)))  # no crop
    return transform
