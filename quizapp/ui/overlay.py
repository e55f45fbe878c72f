"""A short animation drawn over a screen (the confetti of a passed quiz, the praise of a right answer).

It covers its parent (following its size), lets every click and key through, plays for ``duration_ms`` at
about 30 frames a second and hides itself. Subclasses draw ``elapsed`` seconds into it in ``paintEvent``.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

FRAME_MS = 33


class Overlay(QWidget):
    """Covers its parent while it plays; hides itself after ``duration_ms``."""

    def __init__(self, parent: QWidget, duration_ms: int) -> None:
        super().__init__(parent)
        self._host = parent
        self.duration_ms = duration_ms
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._tick)
        self._clock = QElapsedTimer()
        self.elapsed = 0.0
        """Seconds since the start, as drawn."""
        parent.installEventFilter(self)
        self.hide()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def play(self) -> None:
        """Start from the beginning."""
        self.elapsed = 0.0
        self._cover()
        self._clock.start()
        self._timer.start()

    def freeze_at(self, seconds: float) -> None:
        """Draw the frame of ``seconds`` after the start, and stay (for screenshots)."""
        self._timer.stop()
        self.elapsed = seconds
        self._cover()
        self.update()

    def stop(self) -> None:
        self._timer.stop()
        self.hide()

    def _cover(self) -> None:
        self.setGeometry(self._host.rect())
        self.raise_()
        self.show()

    def _tick(self) -> None:
        self.elapsed = self._clock.elapsed() / 1000
        if self.elapsed * 1000 >= self.duration_ms:
            self.stop()
            return
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self._host.rect())
        return False
