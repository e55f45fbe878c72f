"""Right to left, a line in Latin letters (an answer like "P@ss1", a teacher's contact written in English)
still starts at the right, next to its radio button or under the Urdu text, not at the far left."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from quizapp.ui.autopilot import settle
from quizapp.ui.widgets import ChoiceCard, label
from tests.ui.conftest import StudentApp


def ink_columns(widget: QWidget) -> tuple[int, int]:
    """The leftmost and rightmost columns of ``widget`` with dark (text) pixels, in its own coordinates."""
    top = widget.window()
    image = top.grab().toImage()
    origin = widget.mapTo(top, widget.rect().topLeft())
    xs = [
        x
        for y in range(origin.y(), origin.y() + widget.height())
        for x in range(origin.x(), origin.x() + widget.width())
        if image.pixelColor(x, y).lightness() < 110
    ]
    assert xs, "no text drawn"
    return min(xs) - origin.x(), max(xs) - origin.x()


def test_latin_text_starts_on_the_leading_side_and_follows_a_switch(qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = QWidget()
    qtbot.addWidget(screen)
    box = QVBoxLayout(screen)
    card = ChoiceCard("P@ss1", number=1)
    plain = label("Ms. Saima, your class teacher")
    box.addWidget(card)
    box.addWidget(plain)
    screen.resize(700, 200)
    screen.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    screen.show()
    settle()
    for widget in (card.text_label, plain):
        left, right = ink_columns(widget)
        assert left > widget.width() // 2, f"{widget.text()!r} drawn at the left in a right-to-left screen"
        assert right >= widget.width() - 12

    screen.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # switching back needs no restart
    settle()
    for widget in (card.text_label, plain):
        left, right = ink_columns(widget)
        assert left <= 12 and right < widget.width() // 2


def test_urdu_quiz_options_in_latin_letters_sit_by_their_radio_button(student: StudentApp) -> None:
    """In the Urdu quiz, the password options ("P@ss1", "Ali2012") start at the right like the Urdu ones."""
    student.pilot.create_learner("Sana")
    student.ctx.set_language("ur")
    student.pilot.open_module("example", "safe-basics")
    student.pilot.read_lesson()
    checked = 0
    while student.window.current_screen() is student.window.quiz:
        for card in student.pilot.view().findChildren(ChoiceCard):
            text = card.text_label.text()
            if card.isVisible() and text.isascii() and text.strip() and card.kind != "plain":
                student.window.quiz.page.ensureWidgetVisible(card)
                settle()
                left, _right = ink_columns(card.text_label)
                assert left > card.text_label.width() // 2, f"{text!r} is at the left"
                checked += 1
        student.pilot.answer()
        student.pilot.check()
        student.pilot.next()
    assert checked >= 2


def finish_module(student: StudentApp) -> None:
    student.pilot.open_module("example", "safe-basics")
    student.pilot.read_lesson()
    while student.window.current_screen() is student.window.quiz:
        student.pilot.answer()
        student.pilot.check()
        student.pilot.next()
    student.pilot.finish_help_card()
    settle()


def test_urdu_score_sits_close_under_the_headline(student: StudentApp) -> None:
    """The big score ("78%") has no Urdu letters: in Urdu it is drawn in the Latin font and its label is
    not given Nastaliq's very tall line, which left a gap as high as the score itself above and below it."""
    student.pilot.create_learner("Sana")
    finish_module(student)
    score = student.window.results.score
    english = score.height()
    student.ctx.set_language("ur")
    settle()
    score = student.window.results.score
    assert score.isVisible() and score.text() != ""
    assert score.height() <= english * 1.4, (score.height(), english)
