"""Language switch (Urdu right to left, packs' Urdu text, translations) and text size, without a restart,
remembered per learner."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from quizapp.ui.questions.choice import without_choose_all
from tests.ui.conftest import StudentApp, StudentAppFactory

URDU_TITLE = "حفاظت کی بنیادی باتیں"
URDU_HEADING = "پاس فریز"


def module_title(app: StudentApp) -> str:
    return app.window.home.tiles[0].title.text()


def test_urdu_switches_direction_and_pack_text_at_once(student_factory: StudentAppFactory) -> None:
    """Choosing اردو lays the app out right to left and shows the packs' Urdu text, kept after a restart."""
    app = student_factory.open()
    learner_id = app.pilot.create_learner("Sana")
    assert module_title(app) == "Safe basics"
    app.pilot.click(app.window.home.language.buttons["ur"])
    assert QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert app.window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert module_title(app) == URDU_TITLE
    assert app.store.people.get_learner(learner_id).language == "ur"
    app.pilot.open_module("example", "safe-basics")
    assert app.window.lesson.findChild(QLabel, "section-heading").text() == URDU_HEADING

    app = student_factory.restart(app)
    assert QGuiApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight  # the picker: school default
    app.pilot.choose_learner(learner_id)
    assert QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert module_title(app) == URDU_TITLE
    app.pilot.click(app.window.home.language.buttons["en"])
    assert QGuiApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert module_title(app) == "Safe basics"


def test_language_switch_in_a_quiz_keeps_the_answer(student: StudentApp) -> None:
    """Switching language mid-question re-renders the question and keeps what was chosen."""
    student.pilot.create_learner("Sana")
    student.pilot.open_module("example", "safe-basics")
    student.pilot.read_lesson()
    view = student.pilot.view()
    question = view.question
    if question.type == "ordering":  # starts with an answer already; move on to a choice question
        student.pilot.answer()
        student.pilot.check()
        student.pilot.next()
        view = student.pilot.view()
        question = view.question
    answer = student.pilot.answer(right=False)
    index = student.window.quiz.index
    student.ctx.set_language("ur")
    new_view = student.window.quiz.view
    assert new_view is not view
    assert new_view.prompt.text() == without_choose_all(question.prompt.get_text("ur"))
    assert new_view.answer() == answer
    assert student.window.quiz.index == index
    assert str(index + 1) in student.window.quiz.where.text()


def test_interface_text_is_translated_when_switching(student: StudentApp) -> None:
    """The home screen's own words go through the translator and are shown again after a switch."""
    student.pilot.create_learner("Sana")
    home = student.window.home
    student.pilot.click(home.language.buttons["ur"])
    assert home.modules_title.text() == QCoreApplication.translate("HomeScreen", "My modules")
    assert home.switch_button.text() == QCoreApplication.translate("HomeScreen", "Not you? Change")
    student.pilot.click(home.language.buttons["en"])
    assert home.modules_title.text() == "My modules"


def test_text_size_is_applied_and_remembered(student_factory: StudentAppFactory) -> None:
    """Large and extra-large text apply at once on home, lesson and quiz, and come back with the learner."""
    app = student_factory.open()
    learner_id = app.pilot.create_learner("Sana")
    home = app.window.home
    normal = home.continue_detail.font().pixelSize()
    app.pilot.click(home.text_size.buttons[125])
    assert app.store.people.get_learner(learner_id).text_size == 125
    assert home.continue_detail.font().pixelSize() > normal
    app.pilot.open_module("example", "safe-basics")
    assert app.window.lesson.text_size.buttons[125].isChecked()
    app.pilot.read_lesson()
    quiz = app.window.quiz
    assert quiz.text_size.buttons[125].isChecked()
    large = quiz.where.font().pixelSize()
    app.pilot.click(quiz.text_size.buttons[150])
    assert quiz.where.font().pixelSize() > large
    assert app.store.people.get_learner(learner_id).text_size == 150

    app = student_factory.restart(app)
    assert app.ctx.text_scale == 100  # the picker is at normal size
    app.pilot.choose_learner(learner_id)
    assert app.ctx.text_scale == 150
    assert app.window.home.text_size.buttons[150].isChecked()
