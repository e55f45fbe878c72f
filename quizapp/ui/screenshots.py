"""``quizapp screenshots``: every student screen rendered to PNG with example data (and the teacher
screens, through ``quizapp.ui.teacher.screenshots.render_teacher_screens`` when it is there).

Files are named ``<screen>-<width>x<height>-<language>.png``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from quizapp.ui.autopilot import Autopilot, settle

log = logging.getLogger("quizapp")

EXAMPLE_LEARNERS = (
    ("Ayesha", "cat"),
    ("Bilal", "lion"),
    ("Fatima", "panda"),
    ("Hamza", "owl"),
    ("Zainab", "rabbit"),
    ("Usman", "turtle"),
    ("Maryam", "penguin"),
    ("Ali", "fox"),
    ("Hira", "chick"),
    ("Saad", "bear"),
)
EXAMPLE_SCHOOL = "Government Model School"
EXAMPLE_CONTACTS = "Ms. Saima, your class teacher (room 12)\nThe school counsellor, Mr. Imran"
# How each type is answered in the pictures, to show every kind of feedback.
ANSWER_RIGHT = {
    "single": True,
    "multiple": False,
    "true_false": True,
    "ordering": False,
    "matching": True,
    "fill_blank": True,
    "scenario": True,
}


def seed_example_data(store) -> None:  # type: ignore[no-untyped-def]
    """Learners, a school name and help contacts, so the screens look as they do in a school."""
    if store.list_learners():
        return
    for name, avatar in EXAMPLE_LEARNERS:
        store.create_learner(name, avatar_id=avatar)
    settings = store.settings
    settings.show_example_pack = True  # the screens are shown with the example module
    if not settings.school_name:
        settings.school_name = EXAMPLE_SCHOOL
    if not settings.help_contacts:
        settings.help_contacts = EXAMPLE_CONTACTS


def render_screens(
    data_dir: Path, out_dir: Path, *, language: str = "en", size: tuple[int, int] = (1024, 600)
) -> list[Path]:
    """Render every screen; returns the files written."""
    from quizapp.progress.store import Store
    from quizapp.ui.app import application, make_context
    from quizapp.ui.main_window import MainWindow

    application()
    out_dir.mkdir(parents=True, exist_ok=True)
    width, height = size
    saved: list[Path] = []
    store = Store.open(data_dir)
    window = None
    try:
        seed_example_data(store)
        store.settings.default_language = language
        ctx = make_context(data_dir, store)
        window = MainWindow(ctx)
        window.resize(width, height)
        window.show()
        settle()
        pilot = Autopilot(window)

        def shot(name: str) -> None:
            settle()
            path = out_dir / f"{name}-{width}x{height}-{language}.png"
            if window.grab().save(str(path)):
                saved.append(path)

        shot("picker")
        pilot.click(window.picker.new_button)
        form = window.new_learner_screen
        pilot.type_text(form.name, "Sana" if language == "en" else "ثنا")
        pilot.click(form.avatar_buttons.get("rabbit") or next(iter(form.avatar_buttons.values())))
        pilot.click(form.language.buttons[language])
        pilot.click(form.age_buttons["11-13"])
        shot("new-learner")
        pilot.click(form.create_button)
        shot("home")
        pilot.open_module("example", "safe-basics")
        lesson = window.lesson
        shot("lesson")
        while lesson.position + 1 < lesson.sections:
            pilot.click(lesson.next_button)
        shot("lesson-key-points")
        pilot.click(lesson.next_button)
        seen: set[str] = set()
        while window.current_screen() is window.quiz:
            view = pilot.view()
            qtype = view.question.type
            pilot.answer(right=ANSWER_RIGHT.get(qtype, True))
            if qtype not in seen:
                shot(f"quiz-{qtype}")
            pilot.check()
            if qtype not in seen:
                shot(f"quiz-{qtype}-checked")
            seen.add(qtype)
            pilot.next()
        shot("help-card")
        pilot.finish_help_card()
        results = window.results
        results.confetti.show_frame(0.9)
        shot("results")
        results.confetti.stop()
        pilot.click(results.home_button)
        shot("home-badge")
        window.ctx.set_text_scale(150)
        shot("home-extra-large-text")
        window.ctx.set_text_scale(100)
        saved.extend(_teacher_screens(window.ctx, out_dir, size))
    finally:
        if window is not None:
            window.close()
            window.deleteLater()
            settle()
        store.close()
    return saved


def _teacher_screens(ctx, out_dir: Path, size: tuple[int, int]) -> list[Path]:  # type: ignore[no-untyped-def]
    try:
        from quizapp.ui.teacher.screenshots import render_teacher_screens
    except ImportError:
        log.info("No teacher screens to render")
        return []
    return list(render_teacher_screens(ctx, out_dir, size))
