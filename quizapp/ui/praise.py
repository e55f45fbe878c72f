"""The praise moment on a right answer: a friendly word and a star that grows and fades, under a second.

Calm by design: one star, no flashing, no movement across the screen; drawn in the window's colours (the
high-contrast palette gives a black outline and black on white words) at the learner's text size. It lets
every click and key through, so a quick child can go on at once.
"""

from __future__ import annotations

import random

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from quizapp.ui import theme
from quizapp.ui.overlay import Overlay

DURATION_MS = 900
STAR_SIZE = 96  # px at 100 % text size
GROW_S = 0.35  # the star grows from half size in this time
FADE_IN_S = 0.12
FADE_OUT_FROM_S = 0.55

# The star of assets/icons/star.svg (a 48 x 48 box)
_STAR = (
    (24, 3), (30, 17), (45, 18), (33.5, 28), (37, 43), (24, 35), (11, 43), (14.5, 28), (3, 18), (18, 17),
)  # fmt: skip


def tr(text: str) -> str:
    """Translate outside a QObject, in the empty context where ``lupdate`` files module-level ``tr()``."""
    return QCoreApplication.translate("", text)


def praise_words() -> tuple[str, ...]:
    """The friendly words, in the interface language (one is picked at random, never twice in a row)."""
    return (tr("Well done!"), tr("Great thinking!"), tr("You got it!"), tr("Super!"), tr("Nice work!"))


def opacity_at(seconds: float) -> float:
    """How visible the praise is ``seconds`` after it starts: fades in, holds, fades out to nothing."""
    end = DURATION_MS / 1000
    if seconds <= 0 or seconds >= end:
        return 0.0
    if seconds < FADE_IN_S:
        return seconds / FADE_IN_S
    if seconds > FADE_OUT_FROM_S:
        return max(0.0, (end - seconds) / (end - FADE_OUT_FROM_S))
    return 1.0


def scale_at(seconds: float) -> float:
    """The star's size (of full) ``seconds`` after the start: grows from half with an ease-out, then holds."""
    t = min(1.0, max(0.0, seconds / GROW_S))
    return 0.5 + 0.5 * (1 - (1 - t) ** 3)


class PraiseMoment(Overlay):
    """Covers its parent while it plays; hides itself after :data:`DURATION_MS`."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, DURATION_MS)
        self.setObjectName("praise")
        self._random = random.Random()
        self.word = ""
        self.scale_percent = 100

    def pick_word(self) -> str:
        """A praise word, not the one shown last time."""
        words = [w for w in praise_words() if w != self.word] or list(praise_words())
        return self._random.choice(words)

    def start(self, word: str, scale_percent: int = 100) -> None:
        self.word = word
        self.scale_percent = scale_percent
        self.setAccessibleName(word)
        self.play()

    def show_frame(self, seconds: float, word: str, scale_percent: int = 100) -> None:
        """Draw the praise as it is ``seconds`` after the start, and stay (for screenshots)."""
        self.word = word
        self.scale_percent = scale_percent
        self.freeze_at(seconds)

    def paintEvent(self, _event: QPaintEvent) -> None:
        opacity = opacity_at(self.elapsed)
        if opacity <= 0:
            return
        palette = theme.widget_palette(self)
        high_contrast = palette is theme.HIGH_CONTRAST
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setOpacity(opacity)
        centre = QPointF(self.width() / 2, self.height() * 0.42)

        size = STAR_SIZE * self.scale_percent / 100 * scale_at(self.elapsed)
        path = QPainterPath()
        for index, (x, y) in enumerate(_STAR):
            point = QPointF(centre.x() + (x - 24) * size / 48, centre.y() + (y - 24) * size / 48)
            if index == 0:
                path.moveTo(point)
            else:
                path.lineTo(point)
        path.closeSubpath()
        outline = QColor("#000000" if high_contrast else "#c48412")
        pen = QPen(outline, 3 if high_contrast else 2)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(QColor("#ffd21f" if high_contrast else "#f6b73c"))
        painter.drawPath(path)

        if self.word:
            font = QFont(self.font())
            font.setPixelSize(theme.px(theme.BASE_FONT_PX * 1.5, self.scale_percent))
            font.setBold(True)
            painter.setFont(font)
            metrics = QFontMetrics(font)
            text_width = metrics.horizontalAdvance(self.word)
            pad_x, pad_y = metrics.height() * 0.6, metrics.height() * 0.25
            box = QRectF(0, 0, text_width + 2 * pad_x, metrics.height() + 2 * pad_y)
            box.moveCenter(
                QPointF(
                    centre.x(),
                    centre.y() + STAR_SIZE * self.scale_percent / 100 * 0.55 + box.height() / 2 + 8,
                )
            )
            painter.setPen(QPen(QColor(palette.text if high_contrast else palette.border_strong), 2))
            painter.setBrush(QColor(palette.surface))
            painter.drawRoundedRect(box, box.height() / 2, box.height() / 2)
            painter.setPen(QColor(palette.text))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.word)
        painter.end()
