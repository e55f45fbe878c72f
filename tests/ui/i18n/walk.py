"""Every screen of the app, one after the other, for checks that must hold everywhere (accessible names,
text that fits, right-to-left layout): the picker, a new learner, home, each lesson part, every question
type before and after Check, the help card, results, the teacher's PIN gate and each teacher page."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from quizapp.ui.autopilot import settle
from tests.ui.conftest import StudentApp

PACK, MODULE = "example", "safe-basics"
ANSWER_RIGHT = {"single": True, "multiple": False, "true_false": False, "ordering": False, "matching": True,
                "fill_blank": True, "scenario": False}  # fmt: skip

Visit = Callable[[str, QWidget], None]


def walk_screens(app: StudentApp, visit: Visit, *, learner_name: str = "Ayesha Khan") -> list[str]:
    """Drive ``app`` through every screen, calling ``visit(name, screen)`` on each; returns the names."""
    window, pilot = app.window, app.pilot
    seen: list[str] = []

    def stop(name: str) -> None:
        settle()
        seen.append(name)
        visit(name, window.current_screen())

    for name in ("Bilal", "فاطمہ", "Zainab Ali"):
        app.store.people.create_learner(name, avatar_id="owl")
    window.show_picker()
    stop("picker")
    pilot.click(window.picker.new_button)
    form = window.new_learner_screen
    pilot.type_text(form.name, learner_name)
    pilot.click(next(iter(form.avatar_buttons.values())))
    pilot.click(form.age_buttons["11-13"])
    stop("new-learner")
    pilot.click(form.create_button)
    stop("home")
    pilot.open_module(PACK, MODULE)
    lesson = window.lesson
    part = 1
    stop(f"lesson-{part}")
    while lesson.position + 1 < lesson.sections:
        pilot.click(lesson.next_button)
        part += 1
        stop(f"lesson-{part}")
    pilot.click(lesson.next_button)
    while window.current_screen() is window.quiz:
        view = pilot.view()
        qtype = view.question.type
        stop(f"quiz-{qtype}")
        if view.question.hint is not None:
            pilot.click(window.quiz.hint_button)
            stop(f"quiz-{qtype}-hint")
        pilot.answer(right=ANSWER_RIGHT.get(qtype, True))
        pilot.check()
        stop(f"quiz-{qtype}-checked")
        pilot.next()
    stop("help-card")
    pilot.finish_help_card()
    stop("results")
    pilot.click(window.results.home_button)
    stop("home-after-quiz")
    window.open_teacher()
    area = window.teacher_area
    assert area is not None
    stop("teacher-pin")
    area.unlock_without_pin()
    for name in area.PAGE_NAMES:
        area.show_page(name)
        settle()
        seen.append(f"teacher-{name}")
        visit(f"teacher-{name}", area)
    window.close_teacher()
    settle()
    return seen
