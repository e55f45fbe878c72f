"""Check questions in the student app: asked before the lesson without feedback, again after the quiz."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from quizapp.services.checks import set_pre_checks_enabled
from quizapp.ui.autopilot import settle
from tests.services.checkpack import copy_pack_with_checks
from tests.ui.conftest import StudentApp, StudentAppFactory

PACK, MODULE = "example", "safe-basics"


@pytest.fixture
def checked_student(qtbot, tmp_path: Path) -> Iterator[StudentApp]:  # type: ignore[no-untyped-def]
    builtin = tmp_path / "builtin"
    copy_pack_with_checks(builtin / "example", pack_id="example")
    factory = StudentAppFactory(tmp_path / "data", builtin, qtbot)
    yield factory.open()
    factory.close_all()


def answer_check(app: StudentApp, *, right: bool) -> None:
    """Answer every check question with the true/false cards and Next; nothing says right or wrong."""
    screen = app.window.check
    for number in range(1, 6):
        assert app.window.current_screen() is screen
        assert screen.where.text() == f"Question {number} of 5"
        view = screen.view
        truth = view.question.correct if right else not view.question.correct
        app.pilot.click(view.true_card if truth else view.false_card)
        app.pilot.click(screen.next_button)


def test_pre_check_before_the_lesson_and_post_check_after_the_quiz(checked_student: StudentApp) -> None:
    """A new learner answers the checks first (no feedback), then the lesson, quiz and checks again."""
    app, window, pilot = checked_student, checked_student.window, checked_student.pilot
    learner_id = pilot.create_learner("Ayesha", avatar="cat", age_band="11-13")
    pilot.open_module(PACK, MODULE)
    assert window.current_screen() is window.check
    assert window.check.intro.text().startswith("Let's see what you already know")
    pilot.click(window.check.next_button)  # nothing chosen: asked to choose, nothing stored
    assert window.check.message.text() == "Choose an answer first."
    answer_check(app, right=False)
    assert window.current_screen() is window.lesson
    pilot.read_lesson()
    for _ in range(window.quiz.session.count):
        pilot.answer(right=True)
        pilot.check()
        pilot.next()
    assert window.current_screen() is window.check  # the post-check, before the help card
    assert "know now" in window.check.intro.text()
    answer_check(app, right=True)
    pilot.finish_help_card()
    assert window.results.score.text() == "100%"  # the checks do not change the quiz score
    kinds = [
        (r.kind, r.score_percent) for r in app.store.runs.list_quiz_runs(learner_id, kinds=("pre", "post"))
    ]
    assert kinds == [("pre", 0.0), ("post", 100.0)]


def test_teacher_switched_pre_checks_off(checked_student: StudentApp) -> None:
    """With pre-checks off the module opens on its lesson and the quiz ends on the help card."""
    set_pre_checks_enabled(checked_student.store, False)
    pilot = checked_student.pilot
    pilot.create_learner("Bilal", avatar="cat", age_band="11-13")
    pilot.open_module(PACK, MODULE)
    assert checked_student.window.current_screen() is checked_student.window.lesson


def test_number_keys_answer_check_questions(checked_student: StudentApp) -> None:
    """Number keys pick an option on a check question as they do in the quiz (the cards show 1, 2)."""
    window, pilot = checked_student.window, checked_student.pilot
    pilot.create_learner("Hira", avatar="cat", age_band="11-13")
    pilot.open_module(PACK, MODULE)
    screen = window.check
    assert window.current_screen() is screen
    window.activateWindow()
    settle()
    for number in range(1, 6):
        assert screen.where.text() == f"Question {number} of 5"
        QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_1)
        settle()
        assert screen.view is not None and screen.view.answer() is True  # 1 = the first card, True
        QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Return)
        settle()
    assert window.current_screen() is window.lesson
