"""Everything works without a mouse: typing, Space, Enter to check and go on, number keys for options,
Alt+arrows to move ordering steps, Tab and Space to pair matching items."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from quizapp.content.models import (
    FillBlank,
    Matching,
    MultipleSelect,
    Ordering,
    Scenario,
    SingleChoice,
    SpotTheScam,
    TrueFalse,
)
from quizapp.services.grading import right_answer
from quizapp.ui.autopilot import settle
from quizapp.ui.questions.arrange import ORDER_MIME
from quizapp.ui.questions.kinds import view_kind
from tests.ui.conftest import StudentApp

NUMBER_KEYS = [getattr(Qt.Key, f"Key_{n}") for n in range(10)]


def key(app: StudentApp, k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(QApplication.focusWidget() or app.window, k, modifier)
    settle()


def type_keys(app: StudentApp, text: str) -> None:
    QTest.keyClicks(QApplication.focusWidget(), text)
    settle()


def activate(app: StudentApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    app.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window, timeout=2000)


def answer_by_keyboard(app: StudentApp) -> None:
    """The right answer to the question shown, with keys only."""
    view = app.pilot.view()
    question = view.question
    if isinstance(question, SingleChoice | Scenario):
        target = right_answer(question)
        number = next(i for i, (o, _c) in enumerate(view.cards, 1) if o.id == target)
        key(app, NUMBER_KEYS[number])
    elif isinstance(question, MultipleSelect):
        for number, (option, _card) in enumerate(view.cards, 1):
            if option.id in question.correct:
                key(app, NUMBER_KEYS[number])
    elif isinstance(question, TrueFalse):
        key(app, NUMBER_KEYS[1 if question.correct else 2])
    elif isinstance(question, Ordering):
        for position in range(len(question.items)):
            current = view.list.order().index(position)
            key(app, NUMBER_KEYS[current + 1])  # focus that step
            for _ in range(current - position):
                key(app, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    elif isinstance(question, Matching):
        for row in range(len(question.pairs)):
            key(app, NUMBER_KEYS[row + 1])  # pick up that item
            assert QApplication.focusWidget() is view.left_cards[row]
            partner = view.right_card_for(row)
            for _ in range(2 * len(question.pairs)):  # Tab on to its partner, then Space pairs them
                if QApplication.focusWidget() is partner:
                    break
                key(app, Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is partner
            key(app, Qt.Key.Key_Space)
    elif isinstance(question, SpotTheScam):
        assert QApplication.focusWidget() is view.buttons[0]
        for button in view.buttons:  # Tab from region to region, Space on each warning sign
            assert QApplication.focusWidget() is button
            if button.region.suspicious:
                key(app, Qt.Key.Key_Space)
            if button is not view.buttons[-1]:
                key(app, Qt.Key.Key_Tab)
    elif isinstance(question, FillBlank):
        assert QApplication.focusWidget() is view.edit
        type_keys(app, right_answer(question))


def test_a_whole_module_without_a_mouse(student: StudentApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A learner joins, reads the lesson and passes the quiz using only the keyboard."""
    window = student.window
    activate(student, qtbot)
    assert QApplication.focusWidget() is window.picker.filter
    key(student, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.picker.new_button
    key(student, Qt.Key.Key_Space)
    form = window.new_learner_screen
    assert QApplication.focusWidget() is form.name
    type_keys(student, "Keyboard Kid")
    key(student, Qt.Key.Key_Return)  # no picture yet: the first picture gets the focus
    assert form.error.text() == "Please pick a picture."
    key(student, Qt.Key.Key_Space)
    key(student, Qt.Key.Key_Return)  # no age yet
    assert form.error.text() == "Please choose how old you are."
    key(student, Qt.Key.Key_Right)
    key(student, Qt.Key.Key_Space)
    assert form.chosen_age_band() == "11-13"
    key(student, Qt.Key.Key_Return)
    assert window.current_screen() is window.home

    key(student, Qt.Key.Key_Space)  # focus starts on Continue
    assert window.current_screen() is window.lesson
    key(student, Qt.Key.Key_Return)
    key(student, Qt.Key.Key_Return)
    assert window.current_screen() is window.quiz
    for _ in range(8):
        answer_by_keyboard(student)
        key(student, Qt.Key.Key_Return)
        assert window.quiz.checked, window.quiz.message.text()
        assert window.quiz.feedback.verdict.text() in ("Correct!", "Best choice")
        key(student, Qt.Key.Key_Return)
    assert window.current_screen() is window.help_card
    key(student, Qt.Key.Key_Return)
    assert window.current_screen() is window.results
    assert window.results.score.text() == "100%"


def test_picker_filter_and_enter(student: StudentApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Typing part of a name and pressing Enter opens the only learner that matches."""
    for name in ("Ayesha", "Bilal", "Bushra"):
        student.store.people.create_learner(name, avatar_id="cat")
    student.window.show_picker()
    activate(student, qtbot)
    type_keys(student, "bu")
    assert [learner.display_name for learner in student.window.picker.shown_learners()] == ["Bushra"]
    key(student, Qt.Key.Key_Return)
    assert student.window.current_screen() is student.window.home
    assert student.window.learner.display_name == "Bushra"


def test_enter_without_an_answer_asks_gently(student: StudentApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Check with nothing chosen stores nothing and says what to do, in words."""
    learner_id = student.pilot.create_learner("Ali")
    student.pilot.open_module("example", "safe-basics")
    student.pilot.read_lesson()
    while student.pilot.view().question.type == "ordering":  # a shuffled list is already an answer
        student.pilot.answer()
        student.pilot.check()
        student.pilot.next()
    before = student.store.runs.attempts_for_learner(learner_id)
    activate(student, qtbot)
    quiz = student.window.quiz
    qtype = student.pilot.view().question.type  # the quiz's order is shuffled: any type may come first
    key(student, Qt.Key.Key_Return)
    assert not quiz.checked
    assert quiz.message.text() == view_kind(qtype).not_answered()
    assert quiz.message.text().endswith("first.")  # says what to do first, in words
    assert student.store.runs.attempts_for_learner(learner_id) == before


def go_to_question(app: StudentApp, qtype: str) -> None:
    app.pilot.create_learner("Ali")
    app.pilot.open_module("example", "safe-basics")
    app.pilot.read_lesson()
    for _ in range(app.window.quiz.session.count):
        if app.pilot.view().question.type == qtype:
            return
        app.pilot.answer(right=True)
        app.pilot.check()
        app.pilot.next()
    raise AssertionError(f"no {qtype} question")


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # QDragEnterEvent has only a QPoint constructor
def test_ordering_by_drag_and_drop(student: StudentApp) -> None:
    """Dropping a dragged step on another place moves it there."""
    go_to_question(student, "ordering")
    view = student.pilot.view()
    order_list = view.list
    before = order_list.order()
    moved = before[-1]
    mime = QMimeData()
    mime.setData(ORDER_MIME, str(moved).encode())
    target_y = order_list.rows[0].geometry().top() + 2
    enter = QDragEnterEvent(
        QPoint(10, target_y),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(order_list, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(10, target_y),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(order_list, drop)
    settle()
    assert order_list.order() == [moved, *before[:-1]]
    assert order_list.rows[0].place.text() == "1."
    assert view.answer() == order_list.order()


def test_ordering_up_and_down_buttons(student: StudentApp) -> None:
    """Up and Down buttons move a step, and are off at the ends."""
    go_to_question(student, "ordering")
    order_list = student.pilot.view().list
    before = order_list.order()
    first = order_list.rows[0]
    assert not first.up.isEnabled() and not order_list.rows[-1].down.isEnabled()
    student.pilot.click(first.down)
    assert order_list.order() == [before[1], before[0], *before[2:]]
    student.pilot.click(order_list.rows[1].up)
    assert order_list.order() == before


def test_checked_answers_cannot_be_changed(student: StudentApp) -> None:
    """After Check the cards are locked: clicking another option changes nothing."""
    go_to_question(student, "single")
    view = student.pilot.view()
    student.pilot.answer(right=False)
    student.pilot.check()  # (after one more try)
    chosen = view.answer()
    other = next(card for option, card in view.cards if option.id != chosen)
    QTest.mouseClick(other, Qt.MouseButton.LeftButton)
    settle()
    assert view.answer() == chosen
    assert not view.pick_number(1)


def test_tab_reaches_every_option_of_a_multiple_select(student: StudentApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Check boxes are each a Tab stop (Qt makes one stop of a group of buttons, and its arrow keys move
    only between radio buttons, so options after the first were out of reach without number keys)."""
    go_to_question(student, "multiple")
    activate(student, qtbot)
    cards = [card for _option, card in student.pilot.view().cards]
    cards[0].setFocus()
    reached = []
    for _ in range(len(cards) + 6):
        reached.append(QApplication.focusWidget())
        key(student, Qt.Key.Key_Tab)
    assert all(card in reached for card in cards)
    assert not any(card.isChecked() for card in cards)  # moving the focus chooses nothing


def test_arrow_keys_go_from_card_to_card_of_a_single_choice(student: StudentApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    go_to_question(student, "single")
    activate(student, qtbot)
    cards = [card for _option, card in student.pilot.view().cards]
    cards[0].setFocus()
    key(student, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is cards[1]


def test_enter_presses_the_button_that_has_the_focus(student: StudentApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Enter checks, goes on or creates, except on another button (Back, Cancel, Hint): then it presses
    that one, as Space does. Enter on "Back" must not go forward, nor Enter on "Cancel" make a learner."""
    window = student.window
    activate(student, qtbot)
    student.pilot.click(window.picker.new_button)
    form = window.new_learner_screen
    type_keys(student, "Nobody")
    form.cancel_button.setFocus()
    key(student, Qt.Key.Key_Return)
    assert window.current_screen() is window.picker
    assert student.store.people.list_learners() == []

    student.pilot.create_learner("Ali")
    student.pilot.open_module("example", "safe-basics")
    lesson = window.lesson
    key(student, Qt.Key.Key_Return)
    assert lesson.position == 1
    lesson.back_button.setFocus()
    key(student, Qt.Key.Key_Return)
    assert lesson.position == 0 and window.current_screen() is lesson
    lesson.next_button.setFocus()
    key(student, Qt.Key.Key_Return)
    key(student, Qt.Key.Key_Return)
    quiz = window.quiz
    assert window.current_screen() is quiz
    for _ in range(quiz.session.count):
        if quiz.hint_button.isVisible():
            break
        student.pilot.answer()
        student.pilot.check()
        student.pilot.next()
    assert quiz.hint_button.isVisible()
    quiz.hint_button.setFocus()
    key(student, Qt.Key.Key_Return)
    assert quiz.hint.isVisible()
    assert not quiz.checked and quiz.message.text() == ""
