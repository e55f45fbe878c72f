#!/usr/bin/env python3
"""Regenerate packaging/icons/quizapp.ico and .icns from assets/icons/app.svg (uses Qt, offscreen)."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    app = QGuiApplication([])
    renderer = QSvgRenderer(str(ROOT / "assets" / "icons" / "app.svg"))
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    for suffix in ("ico", "icns"):
        target = ROOT / "packaging" / "icons" / f"quizapp.{suffix}"
        if not image.save(str(target), suffix):
            raise SystemExit(f"could not write {target}")
        print(f"wrote {target}")
    del app


if __name__ == "__main__":
    main()
