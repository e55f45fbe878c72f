"""A short celebration: confetti drawn with QPainter over a screen for about two seconds."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from quizapp.ui.overlay import Overlay

COLOURS = ("#b9501a", "#1f7a78", "#f6b73c", "#e76f6f", "#6c63ff", "#2e7d32")
DURATION_MS = 2200
PIECES = 90


@dataclass(slots=True)
class _Piece:
    x: float  # 0..1 of the width
    delay: float  # seconds before it starts falling
    speed: float  # heights per second
    drift: float
    spin: float
    size: float
    colour: QColor
    round: bool


class Confetti(Overlay):
    """Covers its parent, lets every click through, falls once and hides itself."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, DURATION_MS)
        self._pieces: list[_Piece] = []

    def start(self, seed: int | None = None) -> None:
        rng = random.Random(seed)
        self._pieces = [
            _Piece(
                x=rng.random(),
                delay=rng.random() * 0.6,
                speed=0.45 + rng.random() * 0.5,
                drift=(rng.random() - 0.5) * 0.15,
                spin=rng.random() * 6.28,
                size=6 + rng.random() * 8,
                colour=QColor(rng.choice(COLOURS)),
                round=rng.random() < 0.35,
            )
            for _ in range(PIECES)
        ]
        self.play()

    def show_frame(self, seconds: float) -> None:
        """Draw the confetti as it is ``seconds`` after the start (for screenshots)."""
        if not self._pieces:
            self.start(seed=7)
        self.freeze_at(seconds)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        width, height = self.width(), self.height()
        fade = max(0.0, min(1.0, (DURATION_MS / 1000 - self.elapsed) / 0.5))
        for piece in self._pieces:
            t = self.elapsed - piece.delay
            if t <= 0:
                continue
            y = -20 + t * piece.speed * height
            if y > height + 20:
                continue
            x = (piece.x + piece.drift * t + 0.02 * math.sin(t * 4 + piece.spin)) * width
            colour = QColor(piece.colour)
            colour.setAlphaF(fade)
            painter.setBrush(colour)
            painter.save()
            painter.translate(QPointF(x, y))
            painter.rotate(math.degrees(piece.spin + t * 5))
            rect = QRectF(-piece.size / 2, -piece.size / 4, piece.size, piece.size / 2)
            if piece.round:
                painter.drawEllipse(
                    QRectF(-piece.size / 3, -piece.size / 3, piece.size / 1.5, piece.size / 1.5)
                )
            else:
                painter.drawRect(rect)
            painter.restore()
        painter.end()
