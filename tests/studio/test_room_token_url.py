"""The token-service URL's key never reaches settings.json: the whole URL goes to the keyring, the
settings keep the address without its secret part, and calls use the whole URL again."""

from __future__ import annotations

import asyncio
import json

from studio.config import Settings, default_settings_path
from studio.room.settings import (
    SECTION,
    TOKEN_SERVICE_URL_SECRET,
    RoomConnection,
    RoomSettings,
    token_service_public_url,
)
from studio.room.wechat import TokenServiceSource
from studio.secrets import SecretStore
from tests.fakes.keyring import MemoryKeyring

KEY = "k3y-0f-the-t0ken-service-8f2a"
FULL = f"https://ops:pa55w0rd-x@tokens.example.invalid:8443/wx/token?appid=wx0123456789abcdef&key={KEY}"
PUBLIC = "https://tokens.example.invalid:8443/wx/token"


def test_the_public_part_of_a_token_service_url():
    assert token_service_public_url(FULL) == PUBLIC
    assert token_service_public_url(PUBLIC) == PUBLIC
    assert token_service_public_url("http://[::1]:9000/t?x=1") == "http://[::1]:9000/t"


def test_the_key_goes_to_the_keyring_and_back_into_the_calls():
    ring = MemoryKeyring()
    connection = RoomConnection(Settings(), SecretStore(backend=ring))

    async def scenario() -> str:
        await connection.save(RoomSettings(token_service_url=FULL))
        client = await connection.build_client()
        assert isinstance(client.tokens, TokenServiceSource)
        url = client.tokens.url
        await connection.close()
        return url

    assert asyncio.run(scenario()) == FULL
    text = default_settings_path().read_text(encoding="utf-8")
    for secret in (KEY, "pa55w0rd-x", "key="):
        assert secret not in text
    assert json.loads(text)[SECTION]["token_service_url"] == PUBLIC
    assert ring.items[("studio-console", TOKEN_SERVICE_URL_SECRET)] == FULL


def test_an_old_settings_file_with_the_key_is_cleaned_on_first_use():
    ring = MemoryKeyring()
    settings = Settings(extra={SECTION: {"token_service_url": FULL}})
    connection = RoomConnection(settings, SecretStore(backend=ring))

    async def scenario() -> str:
        client = await connection.build_client()
        await connection.close()
        assert isinstance(client.tokens, TokenServiceSource)
        return client.tokens.url

    assert asyncio.run(scenario()) == FULL
    assert KEY not in default_settings_path().read_text(encoding="utf-8")
    assert ring.items[("studio-console", TOKEN_SERVICE_URL_SECRET)] == FULL


def test_another_address_without_a_key_does_not_borrow_the_old_key():
    ring = MemoryKeyring()
    connection = RoomConnection(Settings(), SecretStore(backend=ring))

    async def scenario() -> str:
        await connection.save(RoomSettings(token_service_url=FULL))
        await connection.save(RoomSettings(token_service_url="https://other.example.invalid/token"))
        client = await connection.build_client()
        await connection.close()
        assert isinstance(client.tokens, TokenServiceSource)
        return client.tokens.url

    assert asyncio.run(scenario()) == "https://other.example.invalid/token"
