"""Mini-program live (小程序直播) server API: rooms, push address, goods, goods push, subscriber notice.

Every call is JSON over HTTPS with ``?access_token=``; WeChat answers HTTP 200 with ``errcode`` /
``errmsg`` for refusals. This module turns those into plain words and a next step the UI can offer
(``WeChatError.next_step``), keeps the access token cached and fresh, and never lets a token or the
AppSecret reach a log or a message (``register_secret``; errors are raised ``from None`` so the
request URL with its token never ends up in a chained traceback).

Endpoints (paths relative to the configurable base URL, default ``https://api.weixin.qq.com/``; a
merchant's relay or the local emulator, ``studio.room.emulator``, can stand in):
``cgi-bin/stable_token``, ``wxa/business/getliveinfo``, ``wxaapi/broadcast/room/getpushurl`` (GET),
``wxaapi/broadcast/room/addgoods``, ``wxaapi/broadcast/goods/getapproved`` (GET),
``wxaapi/broadcast/goods/onsale``, ``wxaapi/broadcast/goods/push``,
``wxa/business/get_wxa_followers``, ``wxa/business/push_message``.
Read alongside WxJava's ``WxMaLiveService`` and EasyWeChat 5.x ``MiniProgram/Broadcast/Client.php``.

The package, split at its seams: ``errors`` (errcodes in plain words), ``models`` (goods, rooms),
``tokens`` (access tokens), ``client`` (the HTTP client), ``room`` (the live-room target for the
show's actions), ``model`` (what the live-room panel shows). Everything is importable from here.
"""

from __future__ import annotations

from studio.room.wechat.client import WeChatLiveClient
from studio.room.wechat.errors import (
    _BUSY,
    _ERRORS,
    _LIVE_STATUS,
    _OTHER,
    _TOKEN_REFUSED,
    DEFAULT_BASE_URL,
    LIVE,
    NEXT_ADD_GOODS,
    NEXT_CHECK_SETTINGS,
    NEXT_PICK_ROOM,
    NEXT_PUT_ON_SALE,
    NEXT_RETRY,
    NEXT_START_LIVE,
    NEXT_TOMORROW,
    NEXT_WHITELIST_IP,
    ROOM_LIST_EMPTY,
    SYSTEM_BUSY,
    TOKEN_INVALID,
    NoCredentials,
    WeChatError,
    WeChatUnreachable,
    error_for,
    live_status_text,
)
from studio.room.wechat.errors import read_json as _read_json
from studio.room.wechat.model import WeChatRoomModel
from studio.room.wechat.models import Goods, PlanProduct, Room, fen_to_yuan, goods_to_plan_products
from studio.room.wechat.room import WeChatLiveRoom, _goods_id
from studio.room.wechat.tokens import AccessToken, StableTokenSource, TokenServiceSource, TokenSource, _token_from

__all__ = [
    "DEFAULT_BASE_URL", "LIVE", "NEXT_ADD_GOODS", "NEXT_CHECK_SETTINGS", "NEXT_PICK_ROOM", "NEXT_PUT_ON_SALE",
    "NEXT_RETRY", "NEXT_START_LIVE", "NEXT_TOMORROW", "NEXT_WHITELIST_IP", "ROOM_LIST_EMPTY", "SYSTEM_BUSY",
    "TOKEN_INVALID", "_BUSY", "_ERRORS", "_LIVE_STATUS", "_OTHER", "_TOKEN_REFUSED", "AccessToken", "Goods",
    "NoCredentials", "PlanProduct", "Room", "StableTokenSource", "TokenServiceSource", "TokenSource",
    "WeChatError", "WeChatLiveClient", "WeChatLiveRoom", "WeChatRoomModel", "WeChatUnreachable",
    "_goods_id", "_read_json", "_token_from", "error_for", "fen_to_yuan", "goods_to_plan_products",
    "live_status_text",
]
