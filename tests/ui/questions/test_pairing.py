"""Matching by tap-tap: pick up an item, tap its partner; a tapped pair comes apart; keys and drag work."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from quizapp.content.models import Matching
from quizapp.services.grading import grade
from quizapp.ui.autopilot import settle
from quizapp.ui.questions.pairing import MatchingView


def _click(widget) -> None:  # type: ignore[no-untyped-def]
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    settle()


def test_tap_an_item_then_its_partner_pairs_them(show_view) -> None:  # type: ignore[no-untyped-def]
    """Left then right, or right then left, makes a pair; the answer keeps the stored shape (per left item,
    the index of the chosen pair, None for none)."""
    view = show_view("matching")
    assert isinstance(view, MatchingView)
    assert view.answer() is None
    _click(view.left_cards[0])
    assert view.left_cards[0].picked
    _click(view.right_card_for(0))
    assert view.answer() == [0, None, None]
    _click(view.right_card_for(2))
    _click(view.left_cards[1])
    assert view.answer() == [0, 2, None]
    assert view.left_cards[1].pair_number == 2 and view.right_card_for(2).pair_number == 2


def test_tapping_a_pair_takes_it_apart_and_repairing_moves_a_partner(show_view) -> None:  # type: ignore[no-untyped-def]
    """A tap on a paired card undoes that pair (and picks the card up); giving a partner to another item
    takes it from the first."""
    view = show_view("matching")
    _click(view.left_cards[0])
    _click(view.right_card_for(1))
    _click(view.right_card_for(1))  # undo
    assert view.answer() is None and view.right_card_for(1).picked
    _click(view.left_cards[2])  # the picked-up partner goes to item 3
    assert view.answer() == [None, None, 1]
    _click(view.left_cards[0])
    _click(view.right_card_for(1))  # the same partner for item 1: item 3 loses it
    assert view.answer() == [1, None, None]


def test_pairs_by_keyboard_and_accessible_names(show_view) -> None:  # type: ignore[no-untyped-def]
    """A number key picks up that item, Tab reaches the partner and Space pairs them; each card's
    accessible name says what it is paired with."""
    view = show_view("matching")
    question = view.question
    assert isinstance(question, Matching)
    assert view.pick_number(2)
    assert QApplication.focusWidget() is view.left_cards[1] and view.left_cards[1].picked
    partner = view.right_card_for(1)
    for _ in range(8):
        if QApplication.focusWidget() is partner:
            break
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        settle()
    QTest.keyClick(partner, Qt.Key.Key_Space)
    settle()
    assert view.answer() == [None, 1, None]
    assert "paired with" in view.left_cards[1].accessibleName()
    assert "A second check after your password" in view.left_cards[1].accessibleName()
    assert "not paired yet" in view.left_cards[0].accessibleName()


def test_drag_an_item_onto_its_partner(show_view) -> None:  # type: ignore[no-untyped-def]
    """Pressing on an item and letting go over a card of the other side pairs them."""
    view = show_view("matching")
    start, target = view.left_cards[2], view.right_card_for(2)
    QTest.mousePress(start, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    end = start.mapFromGlobal(target.mapToGlobal(QPoint(30, 20)))
    QTest.mouseRelease(start, Qt.MouseButton.LeftButton, pos=end)
    settle()
    assert view.answer() == [None, None, 2]


def test_a_picture_shows_on_its_item_and_checking_locks(show_view) -> None:  # type: ignore[no-untyped-def]
    """An item with ``left_image`` shows it; after Check each item says whether it is right and taps do
    nothing."""
    plain = show_view("matching")
    assert isinstance(plain.question, Matching)
    pairs = list(plain.question.pairs)
    pairs[1] = pairs[1].model_copy(update={"left_image": "assets/lock.svg"})
    view = show_view("matching", pairs=pairs)
    question = view.question
    assert isinstance(question, Matching)
    assert view.left_cards[1].findChild(QLabel, "picture") is not None
    assert plain.left_cards[1].findChild(QLabel, "picture") is None
    view.set_answer([0, 2, 1])
    view.show_result(grade(question, view.answer()))
    settle()
    assert view.left_cards[0].state == "correct" and view.left_cards[1].state == "wrong"
    _click(view.left_cards[0])
    assert view.answer() == [0, 2, 1] and not view.left_cards[0].picked
