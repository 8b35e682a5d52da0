"""Buttons anywhere: the pad's actions from a Stream Deck / Companion, a phone, or global hotkeys.

Every remote press goes through the same ``Pad.run(key_id, source=...)`` the window's action pad
uses, so a rule, a refusal or a manual step is the same whatever pressed it; the show log says
which (``source``: "api" | "phone" | "streamdeck" | "companion" | "hotkey").

- ``auth``: the token (keyring), constant-time compare, Host/Origin checks, rate limits;
- ``state``: the snapshot the API and the WebSocket serve (on air, next, timers, health, keys);
- ``api``: the aiohttp server inside the running loop (``AppRunner`` + ``TCPSite``);
- ``service``: ``RemoteControl``, what the core holds: off by default, on with one switch;
- ``hotkeys``: global hotkeys registered with the OS, one backend per OS.
"""
