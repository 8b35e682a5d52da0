"""``GlobalHotkeys``: the pad's keys on global combos, per action, kept per show plan.

Bindings are stored in the settings under ``remote.hotkeys[<plan file>]`` — one table per plan,
so a plan's hotkeys come back with it (the plan file itself is not touched while its model is
being reworked). A press calls ``pad.run(key_id, source="hotkey")`` on the loop: the same rules,
feedback and log as a click. A combo that another program holds is reported per action
(``problems``), never silently dropped; the backend (X11 connection …) is only opened once a
binding exists.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from studio.config import Settings
from studio.errors import UserError
from studio.events import Signal
from studio.i18n import translate
from studio.remote.hotkeys import Combo, HotkeyBackend, HotkeyConflict, HotkeyError, default_backend
from studio.remote.state import PadLike
from studio.tasks import spawn

log = logging.getLogger(__name__)
T = TypeVar("T")

SECTION = "remote"
DEBOUNCE_SECONDS = 0.4  # X11 repeats a held combo; one press is one press


class GlobalHotkeys:
    def __init__(self, pad: PadLike, settings: Settings, plan_path: Callable[[], Path | str], *,
                 backend_factory: Callable[[], HotkeyBackend] = default_backend,
                 debounce_seconds: float = DEBOUNCE_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.pad = pad
        self.settings = settings
        self.plan_path = plan_path
        self.backend_factory = backend_factory
        self.debounce_seconds = debounce_seconds
        self.clock = clock
        self.changed = Signal("GlobalHotkeys.changed")
        self.problems: dict[str, str] = {}  # key id → why its hotkey does not work (conflict …)
        self.backend_problem: str | None = None  # why there are no global hotkeys at all here
        self.last_press: str = ""  # "Ctrl+Alt+2 → Push product: …", for the settings page
        self.pressed = Signal("GlobalHotkeys.pressed")  # (key_id) when a hotkey fired
        self._backend: HotkeyBackend | None = None
        self._registered: dict[str, Combo] = {}
        self._last_at: dict[str, float] = {}
        self._loop: asyncio.AbstractEventLoop | None = None

    # --- the stored table -------------------------------------------------------------------

    def _plan_key(self) -> str:
        return str(Path(self.plan_path()).resolve())

    def _table(self) -> dict[str, Any]:
        section = self.settings.extra.get(SECTION)
        hotkeys = section.get("hotkeys") if isinstance(section, dict) else None
        return hotkeys if isinstance(hotkeys, dict) else {}

    def bindings(self) -> dict[str, str]:
        """This plan's hotkeys: key id → combo text."""
        plan = self._table().get(self._plan_key())
        if not isinstance(plan, dict):
            return {}
        return {str(k): str(v) for k, v in plan.items() if isinstance(v, str) and v}

    def _store(self, bindings: dict[str, str]) -> None:
        section = dict(self.settings.extra.get(SECTION) or {})
        table = dict(self._table())
        table[self._plan_key()] = dict(bindings)
        section["hotkeys"] = table
        self.settings.extra[SECTION] = section

    # --- registering ------------------------------------------------------------------------

    async def _call(self, fn: Callable[..., T], *args: Any) -> T:
        backend = self._backend
        if backend is not None and backend.main_thread_only:
            return fn(*args)
        return await asyncio.to_thread(fn, *args)

    async def _ensure_backend(self) -> HotkeyBackend | None:
        if self._backend is None:
            try:
                self._backend = await asyncio.to_thread(self.backend_factory)
                self.backend_problem = None
            except HotkeyError as e:
                self.backend_problem = str(e)
                return None
        return self._backend

    def _callback(self, key_id: str) -> Callable[[], None]:
        loop = self._loop
        assert loop is not None

        def pressed() -> None:  # on the backend's thread: hand it to the loop
            loop.call_soon_threadsafe(self._on_pressed, key_id)

        return pressed

    async def apply(self) -> None:
        """(Re-)register this plan's hotkeys; each one that cannot be had is named in ``problems``."""
        self._loop = asyncio.get_running_loop()
        await self._unregister_all()
        self.problems = {}
        wanted = self.bindings()
        if wanted and await self._ensure_backend() is not None:
            for key_id, text in wanted.items():
                try:
                    await self._register(key_id, Combo.parse(text))
                except UserError as e:
                    self.problems[key_id] = str(e)
        self.changed.emit()

    def plan_changed(self) -> None:
        """Another plan was opened: its own hotkeys replace this one's (connect to the plan's signal)."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:  # not on the loop (a CLI load): the next apply() picks it up
            return
        if self._registered or self.bindings():
            spawn(self.apply(), name="hotkeys-apply")

    async def _register(self, key_id: str, combo: Combo) -> None:
        backend = self._backend
        assert backend is not None
        for other, taken in self._registered.items():
            if taken == combo and other != key_id:
                raise HotkeyConflict(combo, translate(
                    "Hotkeys", "{combo} is already the hotkey of “{action}”.").format(
                    combo=combo, action=self._label(other)))
        await self._call(backend.register, combo, self._callback(key_id))
        self._registered[key_id] = combo

    async def _unregister_all(self) -> None:
        backend = self._backend
        for combo in list(self._registered.values()):
            if backend is not None:
                await self._call(backend.unregister, combo)
        self._registered.clear()

    async def set_binding(self, key_id: str, text: str | None) -> None:
        """Give a key a hotkey (``None``/"" clears it). Raises ``UserError``: not a combo, or taken —
        by another program or another action; then nothing is saved."""
        self.pad.key(key_id)  # KeyError for an unknown key
        self._loop = asyncio.get_running_loop()
        bindings = self.bindings()
        old = self._registered.pop(key_id, None)
        if old is not None and self._backend is not None:
            await self._call(self._backend.unregister, old)
        if text:
            combo = Combo.parse(text)
            if await self._ensure_backend() is None:
                raise HotkeyError(self.backend_problem or "")
            try:
                await self._register(key_id, combo)
            except UserError as e:
                if old is not None:  # keep what worked before
                    try:
                        await self._register(key_id, old)
                    except UserError:
                        pass
                self.problems[key_id] = str(e)
                self.changed.emit()
                raise
            bindings[key_id] = str(combo)
        else:
            bindings.pop(key_id, None)
        self.problems.pop(key_id, None)
        self._store(bindings)
        await asyncio.to_thread(self.settings.save)
        self.changed.emit()

    # --- pressing ---------------------------------------------------------------------------

    def _label(self, key_id: str) -> str:
        try:
            return str(self.pad.key(key_id).label)
        except KeyError:
            return key_id

    def _on_pressed(self, key_id: str) -> None:
        now = self.clock()
        if now - self._last_at.get(key_id, -1e9) < self.debounce_seconds:
            return
        self._last_at[key_id] = now
        self.pressed.emit(key_id)
        spawn(self._run(key_id), name=f"hotkey-{key_id}")

    async def _run(self, key_id: str) -> None:
        combo = self._registered.get(key_id)
        try:
            result = await self.pad.run(key_id, source="hotkey")
        except UserError as e:
            outcome = str(e)
        else:
            outcome = str(result.message)
        self.last_press = translate("Hotkeys", "{combo} → {action}: {outcome}").format(
            combo=combo, action=self._label(key_id), outcome=outcome)
        self.changed.emit()

    async def close(self) -> None:
        backend, self._backend = self._backend, None
        self._registered.clear()
        if backend is not None:
            if backend.main_thread_only:
                backend.close()
            else:
                await asyncio.to_thread(backend.close)
