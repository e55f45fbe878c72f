"""A child at a 1024x600 lab screen, in Urdu at the largest text: what they must see is on screen, Urdu is
drawn larger than English, and they choose their own text size and colours on home, remembered for them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from quizapp.paths import builtin_packs_dir
from quizapp.ui import theme
from quizapp.ui.autopilot import settle
from quizapp.ui.visibility import on_screen
from tests.ui.conftest import StudentApp, StudentAppFactory


@pytest.fixture
def urdu_large(student_factory: StudentAppFactory) -> StudentApp:
    student_factory.size = (1024, 600)
    app = student_factory.open()
    app.ctx.set_language("ur")
    app.ctx.set_text_scale(150)
    return app


def test_new_learner_error_and_the_field_to_fix_are_on_screen(urdu_large: StudentApp) -> None:
    """At 1024x600, Urdu, largest text: pressing "Start learning" with no age says so beside the button
    (both on screen) and the first age button, which gets the focus, is scrolled into view."""
    window, pilot = urdu_large.window, urdu_large.pilot
    pilot.click(window.picker.new_button)
    form = window.new_learner_screen
    pilot.type_text(form.name, "ثنا")
    pilot.click(next(iter(form.avatar_buttons.values())))
    form.page.verticalScrollBar().setValue(0)
    pilot.click(form.create_button)
    assert form.error.isVisible() and form.error.text()
    assert on_screen(form.create_button)
    assert on_screen(form.error)
    focused = form.age_buttons["8-10"]
    assert focused.hasFocus()
    assert on_screen(focused)


def test_hint_and_check_button_are_on_screen(urdu_large: StudentApp) -> None:
    """At 1024x600, Urdu, largest text: a hint asked for is scrolled into view, and the primary button
    (Check) stays on screen."""
    pilot, window = urdu_large.pilot, urdu_large.window
    pilot.create_learner("ثنا", language="ur")
    window.ctx.set_text_scale(150)
    pilot.open_module("example", "safe-basics")
    pilot.read_lesson()
    quiz = window.quiz
    while quiz.view is not None and quiz.view.question.hint is None:
        pilot.answer()
        pilot.check()
        pilot.next()
    assert quiz.view is not None
    quiz.page.verticalScrollBar().setValue(0)
    pilot.click(quiz.hint_button)
    assert on_screen(quiz.hint)
    assert on_screen(quiz.action_button)


def test_a_focused_option_below_the_fold_is_scrolled_into_view(urdu_large: StudentApp) -> None:
    """A scenario's last option, reached with the keyboard, is scrolled into view."""
    pilot, window = urdu_large.pilot, urdu_large.window
    pilot.create_learner("ثنا", language="ur")
    window.ctx.set_text_scale(150)
    pilot.open_module("example", "safe-basics")
    pilot.read_lesson()
    quiz = window.quiz
    while quiz.view is not None and quiz.view.question.type != "scenario":
        pilot.answer()
        pilot.check()
        pilot.next()
    view = quiz.view
    assert view is not None
    last = view.card_for(view.question.options[-1].id)  # type: ignore[attr-defined]
    quiz.action_button.setFocus()
    settle()
    quiz.page.verticalScrollBar().setValue(0)
    assert not on_screen(last)  # the test is worth having: it starts below the fold
    last.setFocus()
    settle()
    assert on_screen(last)


def test_urdu_text_is_larger_than_english(student: StudentApp) -> None:
    """The same heading of the page is drawn about 1.2 times as large in Urdu as in English."""
    student.pilot.create_learner("Sana")
    english = student.window.home.modules_title.font().pixelSize()
    student.pilot.click(student.window.home.language.buttons["ur"])
    urdu = student.window.home.modules_title.font().pixelSize()
    assert 1.15 <= urdu / english <= 1.25, (english, urdu)


def test_a_child_sets_strong_colours_on_home_and_they_are_remembered(
    student_factory: StudentAppFactory,
) -> None:
    """The contrast button on home turns strong colours on for this learner only; after a restart they
    are back for them, and another learner keeps the usual colours."""
    app = student_factory.open()
    sana = app.pilot.create_learner("Sana")
    app.pilot.click(app.window.home.contrast)
    assert app.ctx.high_contrast and app.window.property("high_contrast")
    app.pilot.click(app.window.home.switch_button)
    assert not app.ctx.high_contrast  # the picker keeps the computer's colours
    app.pilot.create_learner("Ali")
    assert not app.ctx.high_contrast and not app.window.home.contrast.isChecked()

    app = student_factory.restart(app)
    app.pilot.choose_learner(sana)
    assert app.ctx.high_contrast and app.window.home.contrast.isChecked()
    app.pilot.click(app.window.home.contrast)
    assert not app.ctx.high_contrast
    assert app.ctx.learning.high_contrast(sana) is False


def test_multiple_choice_says_how_to_answer_once(student: StudentApp) -> None:
    """A pack prompt ending "Choose all that apply." is not followed by the app's own instruction too."""
    student.pilot.create_learner("Sana")
    student.pilot.open_module("example", "safe-basics")
    student.pilot.read_lesson()
    quiz = student.window.quiz
    while quiz.view is not None and quiz.view.question.type != "multiple":
        student.pilot.answer()
        student.pilot.check()
        student.pilot.next()
    assert quiz.view is not None
    texts = [w.text().lower() for w in quiz.view.findChildren(QLabel) if w.isVisible()]
    said = [t for t in texts if "choose all" in t or "choose every" in t]
    assert len(said) == 1, texts


def test_next_module_arrow_is_visible_after_a_failed_quiz(
    student_factory: StudentAppFactory, example_builtin: Path
) -> None:
    """After a failed quiz "Next module" is a white button: its arrow is drawn dark, not white."""
    shutil.copytree(builtin_packs_dir() / "safety-11-13", example_builtin / "safety-11-13")
    app = student_factory.open()
    app.pilot.create_learner("Sana")
    app.pilot.open_module("example", "safe-basics")
    app.pilot.read_lesson()
    window = app.window
    while window.current_screen() is window.quiz:
        app.pilot.answer(right=False)
        app.pilot.check()
        app.pilot.next()
    if window.current_screen() is window.help_card:
        app.pilot.finish_help_card()
    results = window.results
    assert results.result is not None and not results.result.passed
    button = results.next_button
    assert button.isVisible() and button.property("role") == "secondary"
    image = button.icon().pixmap(28).toImage()
    inked = [
        QColor(image.pixel(x, y))
        for x in range(image.width())
        for y in range(image.height())
        if QColor.fromRgba(image.pixel(x, y)).alpha() > 200
    ]
    assert inked
    background = QColor(theme.PALETTE.surface)
    assert all(abs(c.lightness() - background.lightness()) > 120 for c in inked)
