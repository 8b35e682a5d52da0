"""The Channels console map: shipped selectors.json, and the user's override laid over it key by
key (the way a changed console is fixed without a release, as docs/channels.md tells users)."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest

from studio.config import config_dir
from studio.room.channels.selectors import OVERRIDE_NAME, load_console_map

DOCS = Path(__file__).resolve().parents[2] / "docs" / "channels.md"


def test_without_an_override_the_shipped_map_is_used(tmp_path: Path) -> None:
    shipped = load_console_map(tmp_path / "none.json")
    assert shipped.source == "shipped"
    assert shipped.url("goods") == "https://channels.weixin.qq.com/platform/live/commodity/onsale/index"
    assert shipped.texts == {"explain": "讲解", "end_explain": "结束讲解", "pin": "上墙"}


def test_an_override_replaces_only_the_keys_it_names(tmp_path: Path) -> None:
    shipped = load_console_map(tmp_path / "none.json")
    path = tmp_path / OVERRIDE_NAME
    path.write_text(json.dumps({"selectors": {"explain_link": ".new .link"}, "texts": {"end_explain": "取消讲解"},
                                "base_url": "http://127.0.0.1:9"}), encoding="utf-8")
    custom = load_console_map(path)
    assert custom.source == str(path)
    assert custom.selectors["explain_link"] == ".new .link" and custom.texts["end_explain"] == "取消讲解"
    assert {k: v for k, v in custom.selectors.items() if k != "explain_link"} == \
        {k: v for k, v in shipped.selectors.items() if k != "explain_link"}
    assert custom.texts["explain"] == "讲解" and custom.pages == shipped.pages
    assert custom.url("login") == "http://127.0.0.1:9/login.html"


def test_the_override_in_the_config_folder_is_found_by_default() -> None:
    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / OVERRIDE_NAME).write_text('{"texts": {"pin": "置顶"}}', encoding="utf-8")
    found = load_console_map()
    assert found.texts["pin"] == "置顶" and found.source.endswith(OVERRIDE_NAME)


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", '"a string"'])
def test_a_broken_override_is_ignored_with_a_warning(tmp_path: Path, text: str,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / OVERRIDE_NAME
    path.write_text(text, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        broken = load_console_map(path)
    assert broken.source == "shipped" and broken == load_console_map(tmp_path / "none.json")
    assert str(path) in caplog.text


def test_the_example_in_the_users_docs_is_a_valid_override(tmp_path: Path) -> None:
    blocks = re.findall(r"```json\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.DOTALL)
    assert blocks, "docs/channels.md lost its override example"
    path = tmp_path / OVERRIDE_NAME
    path.write_text(blocks[0], encoding="utf-8")
    example = json.loads(blocks[0])
    loaded = load_console_map(path)
    assert loaded.source == str(path)
    for section, values in example.items():
        for key, value in values.items():
            assert key in getattr(load_console_map(tmp_path / "none.json"), section), key  # a real key
            assert getattr(loaded, section)[key] == value
