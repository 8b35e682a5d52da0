"""Live-room settings: what goes in the settings file, what goes in the keyring, rehearsal mode."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from studio.config import Settings, config_dir
from studio.errors import UserError
from studio.keys.store import SecretStore
from studio.room.emulator import REHEARSAL_APP_ID
from studio.room.settings import SECTION, RoomConnection, RoomSettings, app_secret_name
from studio.room.wechat import DEFAULT_BASE_URL, NoCredentials, StableTokenSource, TokenServiceSource
from tests.fakes.keyring import MemoryKeyring


def settings_file() -> Path:
    return config_dir() / "settings.json"


def test_defaults_and_round_trip_through_the_settings_file():
    settings = Settings()
    assert RoomSettings.from_settings(settings) == RoomSettings(api_base_url=DEFAULT_BASE_URL)
    RoomSettings(app_id="wx1234", token_service_url="https://tokens.example.invalid/t", room_id=1001,
                 rehearsal=True).store_in(settings)
    settings.save()
    loaded = RoomSettings.from_settings(Settings.load())
    assert loaded.app_id == "wx1234" and loaded.room_id == 1001 and loaded.rehearsal
    assert loaded.token_service_url == "https://tokens.example.invalid/t"


def test_a_damaged_section_falls_back_to_defaults():
    settings = Settings(extra={SECTION: {"room_id": "not a number", "api_base_url": "", "unknown": 1}})
    loaded = RoomSettings.from_settings(settings)
    assert loaded.room_id is None and loaded.api_base_url == DEFAULT_BASE_URL


@pytest.mark.parametrize("bad", [
    RoomSettings(api_base_url="api.weixin.qq.com"),
    RoomSettings(token_service_url="ftp://x/"),
    RoomSettings(app_id="12345"),
])
def test_validation_says_what_is_wrong(bad):
    with pytest.raises(UserError):
        bad.validate()


def test_app_secret_goes_to_the_keyring_never_the_settings_file():
    ring = MemoryKeyring()
    connection = RoomConnection(Settings(), SecretStore(backend=ring))

    async def scenario() -> None:
        await connection.save(RoomSettings(app_id="wx0123456789abcdef"), app_secret="  super-secret-value ")
        client = await connection.build_client()
        assert isinstance(client.tokens, StableTokenSource) and client.tokens.app_id == "wx0123456789abcdef"
        await connection.close()

    asyncio.run(scenario())
    assert ring.items[("studio-console", app_secret_name("wx0123456789abcdef"))] == "super-secret-value"
    text = settings_file().read_text(encoding="utf-8")
    assert "super-secret-value" not in text
    assert json.loads(text)[SECTION]["app_id"] == "wx0123456789abcdef"


def test_a_secret_without_an_appid_is_refused():
    connection = RoomConnection(Settings(), SecretStore(backend=MemoryKeyring()))
    with pytest.raises(UserError):
        asyncio.run(connection.save(RoomSettings(), app_secret="something"))


def test_missing_credentials_are_said_in_plain_words():
    connection = RoomConnection(Settings(), SecretStore(backend=MemoryKeyring()))
    with pytest.raises(NoCredentials, match="AppID and AppSecret"):
        asyncio.run(connection.build_client())
    connection.settings.extra[SECTION] = {"app_id": "wx0123456789abcdef"}
    with pytest.raises(NoCredentials, match="No AppSecret is saved"):
        asyncio.run(connection.build_client())


def test_token_service_needs_no_secret():
    settings = Settings(extra={SECTION: {"token_service_url": "https://tokens.example.invalid/t",
                                         "api_base_url": "https://relay.example.invalid/wx/"}})
    connection = RoomConnection(settings, SecretStore(backend=MemoryKeyring()))
    client = asyncio.run(connection.build_client())
    assert isinstance(client.tokens, TokenServiceSource)
    assert client.base_url == "https://relay.example.invalid/wx/"


def test_rehearsal_starts_a_local_emulator_and_forgets_the_real_room():
    settings = Settings(extra={SECTION: {"app_id": "wx0123456789abcdef", "room_id": 77}})
    connection = RoomConnection(settings, SecretStore(backend=MemoryKeyring()))
    assert connection.model.room_id == 77

    async def scenario() -> None:
        await connection.set_rehearsal(True)
        assert connection.model.room_id is None
        rooms = await connection.model.refresh_rooms()
        assert connection.emulator is not None and connection.emulator.url.startswith("http://127.0.0.1:")
        assert rooms and rooms[0].is_live
        client = await connection.model.client()
        assert client.base_url == connection.emulator.url
        await connection.set_rehearsal(False)
        assert connection.emulator is None and connection.model.rooms == []
        await connection.close()

    asyncio.run(scenario())
    assert RoomSettings.from_settings(Settings.load()).rehearsal is False


def test_cli_rehearsal_without_an_emulator_url_says_how_to_start_one():
    settings = Settings(extra={SECTION: {"rehearsal": True}})
    connection = RoomConnection(settings, SecretStore(backend=MemoryKeyring()), builtin_emulator=False)
    with pytest.raises(NoCredentials, match="studio-console emulator"):
        asyncio.run(connection.build_client())


def test_rehearsal_uses_the_rehearsal_appid_when_none_is_set():
    settings = Settings(extra={SECTION: {"rehearsal": True, "rehearsal_url": "http://127.0.0.1:9/"}})
    connection = RoomConnection(settings, SecretStore(backend=MemoryKeyring()), builtin_emulator=False)
    client = asyncio.run(connection.build_client())
    assert isinstance(client.tokens, StableTokenSource) and client.tokens.app_id == REHEARSAL_APP_ID
    assert client.base_url == "http://127.0.0.1:9/"
