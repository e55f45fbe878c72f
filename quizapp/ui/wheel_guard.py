"""Nothing changes by accident: turning the mouse wheel over a drop-down or a number box that the user has
not clicked into scrolls the page instead of changing the value (a class filter, the language for new
learners, a reset choice).

One event filter on the application covers every screen, the learners' and the teacher's; it is installed
once (``install_wheel_guard`` is safe to call again) and the filtered widgets take the keyboard focus only by
a click or Tab, never by the wheel.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget

GUARD_NAME = "quizappWheelGuard"


class WheelGuard(QObject):
    """Passes a wheel turn over an unfocused combo box or spin box on to the widget's parent (so the page
    under it scrolls) and keeps it from the value."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, (QComboBox, QAbstractSpinBox)):
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            if not watched.hasFocus():
                parent = watched.parentWidget()
                if isinstance(parent, QWidget):
                    QCoreApplication.sendEvent(parent, event)  # the page (or its scroll area) scrolls
                return True
        return super().eventFilter(watched, event)


def install_wheel_guard(app: QCoreApplication) -> WheelGuard:
    """Install the guard on the application once; later calls return the one already installed."""
    found = app.findChild(WheelGuard, GUARD_NAME)
    if isinstance(found, WheelGuard):
        return found
    guard = WheelGuard(app)
    guard.setObjectName(GUARD_NAME)
    app.installEventFilter(guard)
    return guard
