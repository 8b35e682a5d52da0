"""Errors a user may read. Their ``str()`` is already in plain words and translated.

Anything else that escapes is a bug: the UI shows a generic line and the log keeps the details.
"""


class UserError(Exception):
    """Something the user can act on; the message says what happened and what to do."""


class ObsError(UserError):
    """OBS could not do what was asked."""


class ObsNotConnected(ObsError):
    """There is no working connection to OBS right now."""


class ObsRequestFailed(ObsError):
    """OBS answered and refused the request."""

    def __init__(self, message: str, request: str, code: int) -> None:
        super().__init__(message)
        self.request = request
        self.code = code
