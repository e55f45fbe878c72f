"""What every screen shares: the context, a vertical layout, and ``refresh()`` to re-render its texts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

if TYPE_CHECKING:
    from quizapp.ui.context import AppContext


class Screen(QWidget):
    """A full-window page of the student app."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("screen")
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.outer.setSpacing(0)

    def refresh(self) -> None:
        """Show everything again in the current language and text size."""

    def focus_start(self) -> None:
        """Put the keyboard focus where a learner starts on this screen."""


def choose_text_size(ctx: AppContext, learner_id: str | None, scale: int) -> None:
    """Remember the learner's text size in the store and apply it now."""
    if learner_id is not None:
        learner = ctx.learning.set_text_size(learner_id, scale)
        scale = learner.text_size
    ctx.set_text_scale(scale)
