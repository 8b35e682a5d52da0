"""Render studio-console.svg to studio-console.png (256 px), with Qt's SVG renderer.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/icons/make-icons.py
PyInstaller converts the PNG to .ico (Windows) and .icns (macOS) when Pillow is installed.
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent

app = QGuiApplication([])
image = QImage(256, 256, QImage.Format.Format_ARGB32)
image.fill(Qt.GlobalColor.transparent)
painter = QPainter(image)
QSvgRenderer(str(HERE / "studio-console.svg")).render(painter)
painter.end()
image.save(str(HERE / "studio-console.png"))
print(HERE / "studio-console.png")
