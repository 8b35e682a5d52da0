"""Access tokens: ``cgi-bin/stable_token`` with AppID + AppSecret, or the merchant's token service."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from studio.i18n import translate
from studio.redact import register_secret
from studio.room.wechat.errors import WeChatUnreachable, error_for
from studio.room.wechat.errors import read_json as _read_json

if TYPE_CHECKING:  # aiohttp loads with the first live-room request, not at start-up
    import aiohttp


@dataclass(frozen=True)
class AccessToken:
    value: str = field(repr=False)
    expires_in: float  # seconds, as WeChat says


class TokenSource(ABC):
    """Where access tokens come from. ``force`` asks for a new one (the cached one was refused)."""

    @abstractmethod
    async def fetch(self, session: aiohttp.ClientSession, base_url: str, *, force: bool) -> AccessToken:
        ...


class StableTokenSource(TokenSource):
    """``cgi-bin/stable_token`` with AppID + AppSecret; works only from whitelisted IPs (40164)."""

    def __init__(self, app_id: str, app_secret: str) -> None:
        register_secret(app_secret)
        self.app_id = app_id
        self._secret = app_secret

    async def fetch(self, session: aiohttp.ClientSession, base_url: str, *, force: bool) -> AccessToken:
        body = {"grant_type": "client_credential", "appid": self.app_id, "secret": self._secret,
                "force_refresh": force}
        answer = await _read_json(session.post(urljoin(base_url, "cgi-bin/stable_token"), json=body),
                                  "stable_token")
        return _token_from(answer, "stable_token")


class TokenServiceSource(TokenSource):
    """The merchant's own token service (their server is whitelisted; this computer need not be).

    Contract: ``GET <url>`` answers ``{"access_token": "...", "expires_in": 7200}`` (WeChat's own
    shape; an ``errcode`` is passed on). A forced refresh adds ``force_refresh=1`` to the query.
    """

    def __init__(self, url: str) -> None:
        # The URL may carry the service's own key in its query: keep that out of logs too.
        register_secret(urlsplit(url).query)
        self.url = url

    async def fetch(self, session: aiohttp.ClientSession, base_url: str, *, force: bool) -> AccessToken:
        params = {"force_refresh": "1"} if force else None
        answer = await _read_json(session.get(self.url, params=params), "token service")
        return _token_from(answer, "token service")


def _token_from(answer: dict[str, Any], api: str) -> AccessToken:
    code = int(answer.get("errcode", 0) or 0)
    if code:
        raise error_for(code, str(answer.get("errmsg", "")), api)
    value = answer.get("access_token")
    if not isinstance(value, str) or not value:
        raise WeChatUnreachable(translate("WeChatLive", "The token service answered without an access token. "
                                          "Check its address in the live-room settings."), api=api)
    register_secret(value)
    return AccessToken(value, float(answer.get("expires_in", 7200) or 7200))
