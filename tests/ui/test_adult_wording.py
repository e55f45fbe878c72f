"""A parent or teacher reading their own module is told whom to contact in adult words, never "talk to your
parents", when the school has not entered contacts."""

from __future__ import annotations

import shutil

from quizapp.paths import builtin_packs_dir
from quizapp.services.checks import set_pre_checks_enabled
from tests.ui.conftest import StudentAppFactory


def test_teachers_lesson_uses_adult_wording_for_empty_contacts(student_factory: StudentAppFactory) -> None:
    """The teachers' lesson fills {{help_contacts}} with the counsellor wording, not the child's."""
    shutil.copytree(builtin_packs_dir() / "adults", student_factory.builtin_dir / "adults")
    app = student_factory.open()
    set_pre_checks_enabled(app.store, False)  # straight to the lesson (its check questions come first)
    window, pilot = app.window, app.pilot
    pilot.create_learner("Ms Saima", avatar="owl", age_band="adults")
    pilot.open_module("adults", "a-teachers")
    lesson = window.lesson
    bodies = []
    for _ in range(len(lesson.entry.module.lesson.sections)):
        bodies.append(lesson.page.findChild(type(lesson.where), "section-body").text())
        if lesson.next_button.text() == "Start the quiz":
            break
        pilot.click(lesson.next_button)
    text = "\n".join(bodies)
    assert "school counsellor or another professional you trust" in text
    assert "your parents" not in text


def test_help_card_after_an_adults_module_speaks_to_the_adult(student_factory: StudentAppFactory) -> None:
    """The "Who to tell" card after a teachers' module uses the adult contacts and intro, not the child's."""
    app = student_factory.open()
    card = app.window.help_card
    card.audience = "teachers"
    card.refresh()
    assert card.contacts.text() == "the school counsellor or another professional you trust"
    assert "you are not in trouble" not in card.intro.text()
    card.audience = "students"
    card.refresh()
    assert card.contacts.text() == "a teacher, your parents or another adult you trust"
