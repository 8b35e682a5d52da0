"""The CLI's help and argparse's own words (usage, options, errors) go through our translations."""

from __future__ import annotations

import argparse
import inspect

import pytest

from studio import cli, i18n
from studio.cli import ARGPARSE_TEXTS, build_parser

TABLE = {
    ("Argparse", "usage: "): "用法：",
    ("Argparse", "options"): "选项",
    ("Argparse", "show this help message and exit"): "显示此帮助信息并退出",
    ("Argparse", "%(prog)s: error: %(message)s\n"): "%(prog)s：错误：%(message)s\n",
    ("Argparse", "invalid choice: %(value)r (choose from %(choices)s)"): "无效的选择：%(value)r（可选：%(choices)s）",
    ("Argparse", "argument %(argument_name)s: %(message)s"): "参数 %(argument_name)s：%(message)s",
    ("Cli", "show tracebacks and debug logs"): "显示错误追踪和调试日志",
    ("Cli", "commands"): "命令",
}


@pytest.fixture
def chinese():
    i18n.install(lambda context, text: TABLE.get((context, text), text))
    yield
    i18n.install(lambda context, text: text)


def test_help_is_translated(chinese):
    text = build_parser().format_help()
    assert text.startswith("用法：studio-console")
    assert "选项" in text and "显示此帮助信息并退出" in text and "显示错误追踪和调试日志" in text
    assert "命令" in text
    assert "show this help message" not in text


def test_errors_are_translated(chinese, capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["no-such-command"])
    err = capsys.readouterr().err
    assert "studio-console：错误：参数" in err and "无效的选择" in err


def test_english_unchanged():
    i18n.install(lambda context, text: text)
    text = build_parser().format_help()
    assert text.startswith("usage: studio-console") and "show this help message and exit" in text


def test_the_table_names_what_this_python_asks_for():
    # The words this Python's argparse asks gettext for must all be in the table (a new Python
    # may add some: then they show in English until added).
    source = inspect.getsource(argparse)
    for text in ("usage: ", "positional arguments", "show this help message and exit",
                 "the following arguments are required: %s", "unrecognized arguments: %s"):
        assert text in source and text in ARGPARSE_TEXTS
    assert cli._argparse_ngettext("expected %s argument", "expected %s arguments", 2) == "expected %s arguments"
