"""The app names its desktop file and gives every window its icon."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from quizapp.ui.app import application


def test_windows_carry_the_app_icon_and_desktop_file_name(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Title bar, taskbar and Alt+Tab show quizapp's icon (not a blank one), and Linux desktops match the
    windows to quizapp.desktop."""
    app = application()
    assert QGuiApplication.desktopFileName() == "quizapp"
    window = QWidget()
    qtbot.addWidget(window)
    icon = window.windowIcon()
    assert not icon.isNull()
    image = icon.pixmap(48, 48).toImage()
    assert not image.isNull() and image.width() == 48
    opaque = sum(image.pixelColor(x, y).alpha() > 0 for x in range(0, 48, 4) for y in range(0, 48, 4))
    assert opaque > 20  # the SVG was drawn, not an empty picture
    assert app.windowIcon().cacheKey() == icon.cacheKey()
