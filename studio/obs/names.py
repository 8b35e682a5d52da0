"""Names and flags the console shares with OBS, defined once: the mark on every source it owns,
the overlay kinds, and OBS's alignment flags.

Only sources whose name starts with ``PREFIX`` are ever changed or removed by the console; the
user's own sources and scenes are left alone. ``studio.obs.setup``, ``studio.obs.overlays`` and
``studio.obs.scenes`` (which hides the console's temporary probe scene) all read them from here.
"""

from __future__ import annotations

PREFIX = "[中控台] "  # every source and scene the console creates starts with this
TEMPORARY_PREFIX = PREFIX + "临时"  # scenes and inputs that live for one device listing

# The overlay kinds: ids of ``studio.obs.overlays`` and the ``on_screen`` keys / show-log values of
# ``studio.show.actions``. One name each, so a log line and an OBS overlay always agree.
PRODUCT_CARD = "product_card"
COUPON_BANNER = "coupon_banner"
LOTTERY_COUNTDOWN = "lottery_countdown"
TICKER = "ticker"
OVERLAY_KINDS = (PRODUCT_CARD, COUPON_BANNER, LOTTERY_COUNTDOWN, TICKER)

# OBS alignment flags (libobs/obs-defs.h): centre 0, left 1, right 2, top 4, bottom 8.
ALIGN_CENTER = 0
ALIGN_TOP_LEFT = 5
