"""One-click portrait studio: canvas, background, camera, PPT window capture and output preset.

What a host sets up by hand in OBS today (playbook §1), done in one go through the OBS link:

- the canvas (``SetVideoSettings``): 720×1280 / 1080×1920 portrait, or the landscape sizes;
- a scene hosts recognise by name (``竖屏直播 Portrait`` / ``横屏直播 Landscape``), created only if
  missing, holding the console's own sources — always named with ``[中控台]`` in front, so the
  console can find them again and never touches a source the user made;
- a background image scaled to *cover* the canvas (cropped to the canvas' shape, then
  ``OBS_BOUNDS_SCALE_OUTER``: never stretched, no black bars), a camera and a PPT/WPS window
  capture placed per layout;
- audio 44.1 kHz stereo and the output preset (x264, 1800/3000 kbit/s video, 160 kbit/s audio).

Rules: nothing is tried while any OBS output runs (OBS refuses canvas changes then), and the
refusal changes nothing; applying twice gives the same result; input kinds come from what this
OBS offers (``GetInputKindList``), and where there is no window capture the host gets a clear
message instead of a broken source. In Advanced output mode OBS keeps the encoder bitrate where
no other program can set it: the console says what to set by hand and applies the rest.

The package, by seam: ``geometry`` (layouts and the transforms that place a source: pure),
``devices`` (capture kinds per platform and the slide-show heuristics: pure), ``report`` (the
names the setup owns in OBS; plan, report and state types; its errors), ``service``
(``StudioSetup``, the only part that talks to OBS, through ``studio.obs.items.SceneItems``).
"""

from __future__ import annotations

from studio.obs.names import ALIGN_CENTER, ALIGN_TOP_LEFT, PREFIX
from studio.obs.setup import report
from studio.obs.setup.devices import (
    BACKGROUND_KIND,
    CAMERA_KINDS,
    WINDOW_KINDS,
    CaptureKind,
    Choice,
    is_obs_window,
    pick_kind,
    preselect_window,
    slideshow_score,
)
from studio.obs.setup.geometry import (
    COVER,
    DEFAULT_LAYOUT,
    FIT,
    FULL,
    LAYOUTS,
    Box,
    Layout,
    Slot,
    cover_crop,
    item_transform,
    layout_title,
)
from studio.obs.setup.report import *  # noqa: F403  (the names, plan, report and state types: report.__all__)
from studio.obs.setup.service import StudioSetup, resolution_names

__all__ = [
    *report.__all__,
    "ALIGN_CENTER", "ALIGN_TOP_LEFT", "BACKGROUND_KIND", "CAMERA_KINDS", "COVER", "DEFAULT_LAYOUT", "FIT", "FULL",
    "LAYOUTS", "PREFIX", "WINDOW_KINDS", "Box", "CaptureKind", "Choice", "Layout", "Slot", "StudioSetup",
    "cover_crop", "is_obs_window", "item_transform", "layout_title", "pick_kind", "preselect_window",
    "resolution_names", "slideshow_score",
]
