"""Destructive buttons are never what Enter presses; unsaved changes offer Save, Discard and Stay."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from quizapp.ui.teacher.widgets import Dialogs


def _answer_with_enter(found: list[QMessageBox]) -> None:
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    found.append(box)
    box.defaultButton().click()  # what Enter does


def test_enter_on_a_destructive_question_cancels(qtbot) -> None:
    """'Reset', 'Remove', 'Archive': Enter answers with Cancel, never the destructive button."""
    parent = QWidget()
    qtbot.addWidget(parent)
    found: list[QMessageBox] = []
    QTimer.singleShot(0, lambda: _answer_with_enter(found))
    assert Dialogs().confirm(parent, "Reset", "Start the class afresh?", "Reset") is False
    assert found[0].defaultButton().text() == "Cancel"


def test_unsaved_changes_offer_save_discard_and_stay(qtbot) -> None:
    """The unsaved-changes question has the three choices; Enter stays on the page."""
    parent = QWidget()
    qtbot.addWidget(parent)
    found: list[QMessageBox] = []
    QTimer.singleShot(0, lambda: _answer_with_enter(found))
    assert Dialogs().ask_unsaved(parent, "Save?", "You changed the settings.") == "stay"
    assert sorted(b.text() for b in found[0].buttons()) == ["Discard changes", "Save", "Stay here"]
