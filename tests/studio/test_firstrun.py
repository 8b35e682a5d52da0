"""First-run helpers: OBS's own settings read right, guidance in OBS's language, plan copies kept."""

from __future__ import annotations

import json

from studio.obs.firstrun import (
    copy_example_plan,
    keyring_label,
    read_obs_install,
    websocket_menu_path,
)


def _obs_dir(tmp_path, general: str, websocket: dict | None = None):
    cfg = tmp_path / "obs-studio"
    cfg.mkdir()
    (cfg / "global.ini").write_text("\ufeff[General]\n" + general + "\n[OBSWebSocket]\nServerEnabled=false\n"
                                    "ServerPort=4466\n", encoding="utf-8")
    if websocket is not None:
        (cfg / "plugin_config" / "obs-websocket").mkdir(parents=True)
        (cfg / "plugin_config" / "obs-websocket" / "config.json").write_text(json.dumps(websocket))
    return cfg


def test_version_language_and_server_state_from_obs_settings(tmp_path):
    version_30_2_3 = (30 << 24) | (2 << 16) | 3
    install = read_obs_install(_obs_dir(tmp_path, f"LastVersion={version_30_2_3}\nLanguage=zh-CN",
                                        {"server_enabled": True, "server_port": 4455, "auth_required": True}))
    assert install.version == (30, 2, 3) and install.chinese
    assert install.websocket_enabled is True and install.websocket_port == 4455  # 5.3+: config.json wins


def test_the_old_ini_place_when_there_is_no_config_json(tmp_path):
    install = read_obs_install(_obs_dir(tmp_path, "LastVersion=999999999"))
    assert install.version is None  # not a real version: unknown, not "too old"
    assert install.language is None and not install.chinese
    assert install.websocket_enabled is False and install.websocket_port == 4466


def test_no_obs_settings_at_all(tmp_path):
    install = read_obs_install(tmp_path / "nothing-here")
    assert install.version is None and install.websocket_enabled is None


def test_menu_path_follows_obs_language_and_version(tmp_path):
    zh = read_obs_install(_obs_dir(tmp_path, f"LastVersion={29 << 24}\nLanguage=zh-CN"))
    assert "工具 → WebSocket 服务器设置" in websocket_menu_path(zh) and "4466" in websocket_menu_path(zh)
    (tmp_path / "en").mkdir()
    en = read_obs_install(_obs_dir(tmp_path / "en", f"LastVersion={29 << 24}\nLanguage=en-US"))
    assert "Tools → WebSocket Server Settings" in websocket_menu_path(en)
    (tmp_path / "old").mkdir()
    old = read_obs_install(_obs_dir(tmp_path / "old", f"LastVersion={(27 << 24) | (2 << 16)}"))
    assert "27.2.0" in websocket_menu_path(old) and "28" in websocket_menu_path(old)


def test_keyring_named_in_plain_words():
    assert keyring_label("SecretService.Keyring").startswith("the desktop keyring")
    assert keyring_label("Windows.WinVaultKeyring") == "Windows Credential Manager"
    assert keyring_label("macOS.Keyring") == "the macOS Keychain"


def test_example_copies_never_overwrite(tmp_path):
    example = tmp_path / "show-plan.toml"
    example.write_text("title = 'x'\n")
    first = copy_example_plan(example, tmp_path / "Documents")
    first.write_text("my edits")
    second = copy_example_plan(example, tmp_path / "Documents")
    assert first != second and first.read_text() == "my edits" and second.read_text() == "title = 'x'\n"
