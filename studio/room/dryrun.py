"""DryRunRoom: rehearsal without any live room. Every action is 'done' locally and logged.

Use it to rehearse a show or to run the console without a room: ``perform`` returns
``Outcome.DONE`` with a message saying nothing was sent, keeps the request in ``performed`` and,
when a ``log`` callable is given (normally ``ShowLog.append``), writes a ``dry_run`` event.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from studio.i18n import translate
from studio.room.base import LiveRoom, Outcome, RoomAction, RoomRequest, RoomResult


class DryRunRoom(LiveRoom):
    def __init__(self, name: str = "", log: Callable[..., Any] | None = None) -> None:
        self.name = name or translate("DryRunRoom", "Rehearsal (dry run)")
        self.performed: list[RoomRequest] = []
        self._log = log

    timeout = 2.0

    @property
    def target_label(self) -> str:
        return translate("DryRunRoom", "Dry run, nothing sent (演练，不发送)")

    def spec(self) -> dict[str, Any]:
        return {"kind": "dryrun", "label": self.target_label}

    def supports(self, action: RoomAction) -> bool:
        return True

    async def perform(self, request: RoomRequest) -> RoomResult:
        self.performed.append(request)
        if self._log is not None:
            self._log("dry_run", action=request.action.value, goods_id=request.goods_id,
                      title=request.title, details=request.details)
        return RoomResult(self.name, Outcome.DONE, translate(
            "DryRunRoom", "Rehearsal: “{title}” marked done; nothing was sent to a live room.").format(
            title=request.title or request.action.value))
