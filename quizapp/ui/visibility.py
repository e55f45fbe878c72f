"""Whether a widget is wholly on screen: inside its window and not scrolled out of a scroll area."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from quizapp.ui.screens.quiz import QuizScreen


def on_screen(widget: QWidget) -> bool:
    """The whole widget is visible inside its window and inside every scroll area it is in."""
    if not widget.isVisible():
        return False
    window = widget.window()
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    if not window.rect().contains(rect):
        return False
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        viewport = QRect(parent.mapTo(window, QPoint(0, 0)), parent.size())
        if parent.objectName() == "qt_scrollarea_viewport" and not viewport.contains(rect):
            return False
        parent = parent.parentWidget()
    return True


def options_on_screen(quiz: QuizScreen) -> tuple[int, int, bool]:
    """For the choice question shown: options wholly on screen, options in all, and whether the primary
    button is on screen."""
    view = quiz.view
    cards = [card for _option, card in getattr(view, "cards", [])]
    seen = sum(1 for card in cards if on_screen(card))
    return seen, len(cards), on_screen(quiz.action_button)
