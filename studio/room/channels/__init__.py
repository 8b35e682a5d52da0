"""WeChat Channels (视频号) live rooms: the web console driven in a real browser (讲解, comments),
selectors as data, and the rest as checklist steps. See ``room.ChannelsRoom``."""

from studio.room.channels.console import ConsoleState
from studio.room.channels.room import ChannelsRoom
from studio.room.channels.selectors import ConsoleMap, load_console_map

__all__ = ["ChannelsRoom", "ConsoleMap", "ConsoleState", "load_console_map"]
