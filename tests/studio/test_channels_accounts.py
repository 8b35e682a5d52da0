"""Channels accounts: names and AppIDs in settings, the store secret in the keyring, one profile each."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from studio.config import Settings
from studio.errors import UserError
from studio.room.base import RoomAction
from studio.room.channels.accounts import ChannelsAccounts, store_secret_name
from studio.secrets import SecretStore
from tests.fakes.keyring import MemoryKeyring


def test_accounts_live_in_settings_without_secrets_and_each_has_its_own_profile(tmp_path: Path) -> None:
    ring = MemoryKeyring()
    settings = Settings()
    accounts = ChannelsAccounts(settings, SecretStore(backend=ring))
    accounts.add("小店A", store_app_id="wxstoreA")
    accounts.add("小店 A")  # cleans up to the same letters: must not share a login
    accounts.set_store_secret("wxstoreA", "the-store-secret-value")
    path = tmp_path / "settings.json"
    settings.save(path)
    text = path.read_text(encoding="utf-8")
    assert "the-store-secret-value" not in text and "wxstoreA" in text
    assert ring.items[("studio-console", store_secret_name("wxstoreA"))] == "the-store-secret-value"
    a, b = accounts.get("小店A"), accounts.get("小店 A")
    assert a.profile_dir() != b.profile_dir()
    reread = ChannelsAccounts(Settings.load(path), SecretStore(backend=ring))
    assert [x.name for x in reread.all()] == ["小店A", "小店 A"]
    accounts.remove("小店 A")
    assert [x.name for x in accounts.all()] == ["小店A"]


def test_unknown_or_bad_names_are_plain_refusals() -> None:
    accounts = ChannelsAccounts(Settings(), SecretStore(backend=MemoryKeyring()))
    with pytest.raises(UserError, match="no Channels account"):
        accounts.get("nobody")
    with pytest.raises(UserError, match="1 to 40"):
        accounts.add("   ")


def test_a_broken_section_in_settings_reads_as_no_accounts(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"channels": {"accounts": [7, {"name": ""}, {"name": "ok", "store_app_id": None}]}}))
    accounts = ChannelsAccounts(Settings.load(path), SecretStore(backend=MemoryKeyring()))
    assert [(a.name, a.store_app_id) for a in accounts.all()] == [("ok", "")]


def test_the_room_gets_store_coupons_only_when_the_secret_is_in_the_keyring() -> None:
    ring = MemoryKeyring()
    accounts = ChannelsAccounts(Settings(), SecretStore(backend=ring))
    accounts.add("小店A", store_app_id="wxstoreA")

    async def build() -> tuple[bool, bool]:
        without = await accounts.build_room("小店A")
        accounts.set_store_secret("wxstoreA", "s3cret-for-the-store")
        with_secret = await accounts.build_room("小店A")
        result = without.supports(RoomAction.COUPON), with_secret.supports(RoomAction.COUPON)
        await without.close()
        await with_secret.close()
        return result

    assert asyncio.run(build()) == (False, True)


def test_channels_is_a_show_target_kept_with_the_show(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from studio.room.channels import ChannelsRoom
    from studio.room.settings import RoomConnection

    async def scenario() -> None:
        connection = RoomConnection(Settings(), SecretStore(backend=MemoryKeyring()), builtin_emulator=False)
        monkeypatch.setattr(Settings, "save", lambda self, path=None: None)
        targets = connection.targets
        await targets.choose("channels")
        assert "no account yet" in targets.label()
        targets.channels.add("小店A")
        await targets.choose("channels")  # the radio button: the only account
        assert targets.channels_account == "小店A"
        await targets.choose("channels", account="小店A")
        assert targets.kind == "channels" and "小店A" in targets.label()
        room = await targets.build(None)
        assert isinstance(room, ChannelsRoom)
        assert await targets.build(room.spec()) is room  # resumed: the same account, the same browser
        gone = await targets.build({"kind": "channels", "account": "removed shop"})
        problem = await gone.preflight()
        assert problem is not None and "removed shop" in problem
        await connection.close()

    asyncio.run(scenario())
