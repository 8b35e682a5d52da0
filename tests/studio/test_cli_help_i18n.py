"""The CLI's help and argparse's own words (usage, options, errors) go through our translations."""

from __future__ import annotations

import argparse
import inspect
import re

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


MARK = "✓"


def _walk(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    """Every parser of the CLI: the top level, each command and each of its actions, recursively."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _walk(sub, (*path, name))


def _one_line_help(parser: argparse.ArgumentParser) -> list[str]:
    """The help after its usage block, each entry on one line (no wrapping, help beside its option)."""
    parser.formatter_class = lambda prog: argparse.HelpFormatter(prog, width=100_000, max_help_position=100_000)
    lines = [line for line in parser.format_help().split("\n\n", 1)[1].splitlines() if line.strip()]
    entries: list[str] = []
    for line in lines:
        indent = _indent(line)
        # argparse still puts a long sub-command's help on the next line, deeper indented: join them
        if entries and indent > _indent(entries[-1]) + 2 and "  " not in entries[-1].strip():
            entries[-1] = f"{entries[-1]}  {line.strip()}"
        else:
            entries.append(line)
    return entries


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


@pytest.fixture
def marked():
    # Every text that goes through translate comes back marked, so a line that is not marked was
    # never translated. The mark keeps %(default)s valid: argparse still formats every help.
    i18n.install(lambda context, text: MARK + text)
    yield
    i18n.install(lambda context, text: text)


def test_every_help_line_of_every_command_goes_through_translate(marked):
    parsers = list(_walk(build_parser()))
    names = {path for path, _ in parsers}
    assert {("key", "save"), ("setup", "portrait"), ("review",), ("channels", "dashboard")} <= names
    untranslated = []
    for path, parser in parsers:
        for line in _one_line_help(parser):
            # a heading, a description or "invocation  help": what a reader reads last must be marked
            words = re.split(r"\s{2,}", line.strip())[-1]
            if not words.startswith(MARK):
                untranslated.append(f"studio-console {' '.join(path)}: {line.strip()}")
    assert untranslated == []


def test_every_command_has_its_own_description(marked):
    for path, parser in _walk(build_parser()):
        assert parser.description and parser.description.startswith(MARK), path


def test_every_command_help_renders_with_the_shipped_chinese():
    # A translation that breaks argparse's %-formatting (a lone % or a renamed %(default)s) would
    # make `--help` crash on a Chinese system only.
    table = i18n.load_ts(i18n.ts_path("zh_CN"))
    i18n.install(lambda context, text: table.get((context, text), text))
    try:
        for path, parser in _walk(build_parser()):
            assert parser.format_help(), path
    finally:
        i18n.install(lambda context, text: text)
