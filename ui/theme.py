"""Two looks for the console: a dark one for a dim studio (OBS's own "Yami" colours, so the console
and OBS read as one desk), and a light one for a bright office.

``apply_theme(app, name)`` sets Qt's Fusion style and a palette; panels that draw with their own
colours (the health chart) follow ``QEvent.PaletteChange``. The on-air red is the same in both.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

THEMES = ("dark", "light")
DEFAULT_THEME = "dark"

ON_AIR_RED = "#c62828"  # the one colour that means "the audience sees this"


@dataclass(frozen=True)
class Colours:
    window: str
    base: str
    alternate: str
    button: str
    text: str
    dim_text: str
    highlight: str
    highlight_text: str
    link: str
    neutral_strip: str  # the on-air strip when nothing is on air
    neutral_strip_text: str
    chart_background: str
    chart_foreground: str


# OBS 28+ "Yami": bg_window #1f1e1f…, base #272a33, buttons #3c404d, selection #284cb8.
DARK = Colours(window="#272a33", base="#1d1f26", alternate="#2b2e38", button="#3c404d", text="#fefefe",
               dim_text="#9a9ca5", highlight="#284cb8", highlight_text="#ffffff", link="#8fb3ff",
               neutral_strip="#3c404d", neutral_strip_text="#e0e0e0",
               chart_background="#1d1f26", chart_foreground="#c8c8c8")
LIGHT = Colours(window="#f0f0f0", base="#ffffff", alternate="#f5f5f5", button="#e4e4e4", text="#1a1a1a",
                dim_text="#6d6d6d", highlight="#284cb8", highlight_text="#ffffff", link="#1a4fb8",
                neutral_strip="#d9d9d9", neutral_strip_text="#303030",
                chart_background="#ffffff", chart_foreground="#404040")

_current = DEFAULT_THEME


def colours(name: str | None = None) -> Colours:
    return DARK if (name or _current) == "dark" else LIGHT


def current_theme() -> str:
    return _current


def palette_for(name: str) -> QPalette:
    c = colours(name)
    p = QPalette()
    role = QPalette.ColorRole
    group = QPalette.ColorGroup
    for r, value in ((role.Window, c.window), (role.WindowText, c.text), (role.Base, c.base),
                     (role.AlternateBase, c.alternate), (role.ToolTipBase, c.base), (role.ToolTipText, c.text),
                     (role.PlaceholderText, c.dim_text), (role.Text, c.text), (role.Button, c.button),
                     (role.ButtonText, c.text), (role.BrightText, "#ff5252"), (role.Link, c.link),
                     (role.Highlight, c.highlight), (role.HighlightedText, c.highlight_text)):
        p.setColor(r, QColor(value))
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, QColor(c.dim_text))
    p.setColor(group.Disabled, role.Button, QColor(c.window))
    return p


def tick_box_palette(name: str) -> QPalette:
    """The palette of a QCheckBox: Fusion outlines the box in the window colour made darker, which on
    the dark window is dark on dark (the studio-mode and rehearsal boxes could not be seen) and on
    the light one a faint grey. A check box paints no background of its own, so its window colour
    only sets that outline: ≈ #a4a4a4 on the dark theme, ≈ #646464 on the light one."""
    p = palette_for(name)
    p.setColor(QPalette.ColorRole.Window, QColor("#e6e6e6" if name == "dark" else "#8c8c8c"))
    return p


def apply_theme(app: QApplication, name: str) -> str:
    """Apply ``name`` ("dark" | "light"; anything else: the default); returns the theme applied."""
    global _current
    if name not in THEMES:
        name = DEFAULT_THEME
    switched = name != _current
    _current = name
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None and app.style().name().lower() != "fusion":
        app.setStyle(fusion)
    app.setPalette(palette_for(name))
    app.setPalette(tick_box_palette(name), "QCheckBox")  # type: ignore[arg-type]  # str works; the stub says bytes
    if switched:
        # A widget with a style sheet resolved "palette(text)" and its own colours when the sheet
        # was set: set it again so a switch at run time leaves no white text on the light theme.
        for top in app.topLevelWidgets():
            for widget in [top, *top.findChildren(QWidget)]:
                sheet = widget.styleSheet()
                if sheet:
                    widget.setStyleSheet("")
                    widget.setStyleSheet(sheet)
    return name
