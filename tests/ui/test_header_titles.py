"""Header titles hold what packs and teachers write (a module title, a school name). However long, they
leave the buttons beside them whole and take at most two lines, the rest in "…" and in the tool tip."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.ui.autopilot import settle
from tests.ui.conftest import StudentAppFactory
from tests.ui.i18n.fit import text_problems

LONG_TITLE = {
    "en": "Wellbeing online: kindness, balance, gaming and what to do when it all gets too much",
    "ur": "آن لائن زندگی میں سکون: مہربانی، توازن، گیمنگ اور جب سب کچھ زیادہ ہو جائے تو کیا کریں",
}


@pytest.fixture
def example_builtin(example_builtin: Path) -> Path:
    """The example pack with a very long module title."""
    module = example_builtin / "example" / "modules" / "safe-basics.yaml"
    text = module.read_text(encoding="utf-8")
    text = text.replace("  en: Safe basics\n", f'  en: "{LONG_TITLE["en"]}"\n', 1)
    text = text.replace("  ur: حفاظت کی بنیادی باتیں\n", f'  ur: "{LONG_TITLE["ur"]}"\n', 1)
    assert LONG_TITLE["en"] in text and LONG_TITLE["ur"] in text
    module.write_text(text, encoding="utf-8")
    return example_builtin


@pytest.mark.parametrize("language", ["en", "ur"])
def test_a_long_module_title_in_extra_large_text(student_factory: StudentAppFactory, language: str) -> None:
    app = student_factory.open()
    app.window.resize(1024, 600)
    app.pilot.create_learner("Sana")
    app.ctx.set_language(language)
    app.ctx.set_text_scale(150)
    app.pilot.open_module("example", "safe-basics")
    settle()
    for screen in (app.window.lesson, None):
        if screen is None:
            app.pilot.read_lesson()
            settle()
            screen = app.window.quiz
        title = screen.module_title
        assert text_problems(screen) == []
        assert title.toolTip() == LONG_TITLE[language]
        assert title.accessibleName() == LONG_TITLE[language]
        assert title.text() == LONG_TITLE[language]
        shown = title.shown_text()
        assert shown.endswith("…") and LONG_TITLE[language].startswith(shown[:-1])
        header = title.parentWidget()
        # Two lines of Nastaliq in extra-large text are 200 px; five (the whole title) would leave
        # hardly any room for the lesson.
        assert header.height() <= 0.4 * app.window.height(), f"the header takes {header.height()} px of 600"


def test_with_room_the_whole_title_is_shown(student_factory: StudentAppFactory) -> None:
    """On a wide screen in normal text the same title is shown whole, without "…" or a tool tip."""
    app = student_factory.open()
    app.window.resize(1920, 1080)
    app.pilot.create_learner("Sana")
    app.pilot.open_module("example", "safe-basics")
    settle()
    title = app.window.lesson.module_title
    assert title.shown_text() == title.text() == LONG_TITLE["en"]
    assert title.toolTip() == ""
    assert text_problems(app.window.lesson) == []
