"""A child at a 1024x600 lab screen in Urdu sees every option of a scenario, or is told in words that more
are below: for every scenario of the built-in curriculum, at the default and the largest text size."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from quizapp.paths import builtin_packs_dir
from quizapp.ui.autopilot import settle
from quizapp.ui.visibility import on_screen
from tests.ui.conftest import StudentApp, StudentAppFactory


def scenarios(app: StudentApp) -> Iterator[str]:
    """Show each scenario of every built-in module in the quiz screen in turn; yields its name."""
    window = app.window
    for entry in list(app.ctx.library.entries()):
        session = app.ctx.learning.start_quiz(window.learner, entry)
        window._show(window.quiz)
        window.quiz.open(session)
        for index in range(session.count):
            question = session.question(index)
            if question.type == "scenario":
                window.quiz.show_question(index)
                settle()
                yield f"{entry.pack_id}/{entry.module_id}/{question.id}"


@pytest.fixture
def urdu_curriculum(qtbot, tmp_path) -> Iterator[StudentApp]:  # type: ignore[no-untyped-def]
    factory = StudentAppFactory(tmp_path / "data", builtin_packs_dir(), qtbot, size=(1024, 600))
    app = factory.open()  # the example pack turned on for learners too
    app.pilot.create_learner("ثنا", language="ur")
    yield app
    factory.close_all()


def in_sight(card, viewport) -> bool:  # type: ignore[no-untyped-def]
    """The card is wholly on screen, or at least half of it is inside the page's viewport."""
    from PySide6.QtCore import QPoint

    top = card.mapTo(viewport, QPoint(0, 0)).y()
    visible = min(top + card.height(), viewport.height()) - max(top, 0)
    return on_screen(card) or visible * 2 >= card.height()


@pytest.mark.parametrize("scale", [100, 150])
def test_every_option_of_every_scenario_is_in_sight_or_announced(
    urdu_curriculum: StudentApp, scale: int
) -> None:
    """Urdu at 1024x600: when a scenario's options do not all fit, "More answers below" is on screen
    beside Check and pressing it brings the next option into view; the last option, reached, is scrolled into
    view, with Check on screen."""
    app = urdu_curriculum
    app.ctx.set_text_scale(scale)
    quiz = app.window.quiz
    shown = 0
    fitting = 0
    for name in scenarios(app):
        shown += 1
        cards = [card for _option, card in quiz.view.cards]  # type: ignore[union-attr]
        assert on_screen(quiz.action_button), name
        # the first answer is in sight (at the largest size a tall card may be cut at the top of the 263 px
        # the page has), or the cue says more are below
        assert in_sight(cards[0], quiz.page.viewport()) or on_screen(quiz.more_below), name
        if all(on_screen(card) for card in cards):
            fitting += 1
        if not quiz.options_below():  # nothing below the fold: no cue (a card cut at the top is scrolled to)
            assert not quiz.more_below.isVisible(), name
            continue
        assert on_screen(quiz.more_below), name
        before = quiz.page.verticalScrollBar().value()
        app.pilot.click(quiz.more_below)
        settle()
        assert quiz.page.verticalScrollBar().value() > before, name  # the cue takes the page down to them
        last = cards[-1]
        last.setFocus()  # reached with the keyboard (or by pressing the cue again)
        settle()
        # wholly in sight, or (a card taller than the room the page has, at the largest size) in sight
        viewport = quiz.page.viewport()
        top = last.mapTo(viewport, last.rect().topLeft()).y()
        taller = last.height() > viewport.height()
        assert on_screen(last) or (taller and top < viewport.height() and top + last.height() > 0), name
        assert on_screen(quiz.action_button), name
    assert shown >= 100  # the whole curriculum was looked at
    if scale == 100:
        assert fitting >= 8, fitting  # none did before the compact layout (benchmarks/bench_quiz_fold.py)
