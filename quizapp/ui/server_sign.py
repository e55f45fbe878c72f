"""The quiet sign a lab PC shows while it works on its own copy because the school server cannot be
reached: a small grey dot and one calm line at the bottom of the window, never a dialog. It is a plain
widget; :mod:`quizapp.ui.server_link` says when to show it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QWidget

from quizapp.ui import theme
from quizapp.ui.widgets import label

DOT = 10


class _Dot(QWidget):
    """A small grey dot: "not connected", without the red of an error."""

    def __init__(self) -> None:
        super().__init__()
        self.setFixedSize(QSize(DOT + 4, DOT + 4))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.palette_for(bool(self.window().property("high_contrast"))).text_muted))
        painter.drawEllipse(2, 2, DOT, DOT)


class ServerSign(QWidget):
    """ "Not connected to the school server. Your answers are kept on this computer." """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("server-sign")
        row = QHBoxLayout(self)
        row.setContentsMargins(theme.SPACING, 2, theme.SPACING, 2)
        row.setSpacing(6)
        self.dot = _Dot()
        self.text = label("", "subtle", wrap=False)
        self.text.setObjectName("server-sign-text")
        row.addWidget(self.dot, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.text, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.text.setText(
            self.tr("Not connected to the school server. Your answers are kept on this computer.")
        )
        tip = self.tr("They are sent to the school server by themselves when it can be reached again.")
        self.setToolTip(tip)
        self.setAccessibleName(self.text.text())
        self.setAccessibleDescription(tip)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
