"""The platform's recommended OBS settings (playbook §1, 推流直播操作指引 参数配置表), as data.

Kept apart from the code that applies them so the numbers can be read and tested on their own.
"""

from __future__ import annotations

from dataclasses import dataclass

ENCODER_SIMPLE = "x264"  # SimpleOutput/StreamEncoder value for x264 in OBS's Simple output mode
ENCODER_ADVANCED = "obs_x264"  # the same encoder's id in Advanced mode (AdvOut/Encoder)
AUDIO_KBPS = 160
SAMPLE_RATE = 44100
CHANNELS = "Stereo"  # OBS's Audio/ChannelSetup value


@dataclass(frozen=True)
class Resolution:
    name: str  # "720p" | "1080p": what the CLI takes and the panel shows
    long_side: int
    short_side: int
    video_kbps: int

    def canvas(self, portrait: bool) -> tuple[int, int]:
        """(width, height): 720×1280 portrait (竖屏) or 1280×720 landscape, and so on."""
        if portrait:
            return self.short_side, self.long_side
        return self.long_side, self.short_side

    @property
    def label(self) -> str:
        return self.name.upper()  # "720P", as hosts write it


RESOLUTIONS: dict[str, Resolution] = {
    "720p": Resolution("720p", 1280, 720, 1800),  # recommended 1800 kbps
    "1080p": Resolution("1080p", 1920, 1080, 3000),  # needs ≥100 Mbit/s; drop to 720P if it stutters
}


def resolution(name: str) -> Resolution:
    """Look a preset up by name, forgiving case and a missing "p" ("1080" → 1080p)."""
    key = name.strip().lower()
    if not key.endswith("p"):
        key += "p"
    return RESOLUTIONS[key]


def resolution_for_canvas(width: int, height: int) -> Resolution | None:
    """The preset whose canvas this is, in either orientation; None for any other size."""
    for preset in RESOLUTIONS.values():
        if {width, height} == {preset.long_side, preset.short_side}:
            return preset
    return None
