"""``quizapp screenshots``: every student screen rendered to PNG with example data (and the teacher
screens, through ``quizapp.ui.teacher.screenshots.render_teacher_screens`` when it is there).

Files are named ``<screen>-<width>x<height>-<language>.png``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QWidget

from quizapp.ui.autopilot import Autopilot, settle
from quizapp.ui.questions.kinds import view_kind

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


def seed_example_data(store) -> None:  # type: ignore[no-untyped-def]
    """Learners, a school name and help contacts, so the screens look as they do in a school."""
    if store.people.list_learners():
        return
    with store.batch():  # one transaction
        for name, avatar in EXAMPLE_LEARNERS:
            store.people.create_learner(name, avatar_id=avatar)
        settings = store.settings
        settings.show_example_pack = True  # the screens are shown with the example module
        if not settings.school_name:
            settings.school_name = EXAMPLE_SCHOOL
        if not settings.help_contacts:
            settings.help_contacts = EXAMPLE_CONTACTS


def render_screens(
    data_dir: Path,
    out_dir: Path,
    *,
    language: str = "en",
    size: tuple[int, int] = (1024, 600),
    from_screen: bool = False,
) -> list[Path]:
    """Render every screen; returns the files written.

    The window is opened as ``quizapp`` opens it (:func:`quizapp.ui.app.open_main_window`). With
    ``from_screen`` each screen is shown in that top-level window on the current platform (X11, Windows,
    macOS) and the picture is taken from the screen, as a child sees it; otherwise the window draws itself
    into a picture (any platform, also ``offscreen``)."""
    from quizapp.services.records import Store
    from quizapp.ui.app import open_main_window

    out_dir.mkdir(parents=True, exist_ok=True)
    width, height = size
    saved: list[Path] = []
    store = Store.open(data_dir)
    window = None
    try:
        seed_example_data(store)
        store.settings.default_language = language
        window = open_main_window(data_dir, store)
        window.resize(width, height)
        if from_screen:
            window.move(0, 0)
        window.show()
        settle()
        if from_screen:
            wait_until_exposed(window)
        pilot = Autopilot(window)

        def shot(name: str) -> None:
            settle()
            path = out_dir / f"{name}-{width}x{height}-{language}.png"
            picture = grab_from_screen(window) if from_screen else window.grab()
            if picture.save(str(path)):
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
            right = view_kind(qtype).screenshot_right
            pilot.answer(right=right)
            if qtype not in seen:
                shot(f"quiz-{qtype}")
            if pilot.first_check():  # "Not quite. Try once more." then a second wrong answer
                if qtype not in seen:
                    shot(f"quiz-{qtype}-try-again")
                pilot.answer_again(right=False)
                pilot.click(window.quiz.action_button)
            quiz = window.quiz
            if right and qtype not in seen and qtype == "single":
                quiz.praise.show_frame(0.4, quiz.praise.word or "Well done!", quiz.ctx.display_scale)
                shot("quiz-praise")
            quiz.praise.stop()
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
        if results.answers_button.isVisible():
            pilot.click(results.answers_button)
            shot("results-all-answers")
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


def wait_until_exposed(window: QWidget, timeout_ms: int = 5000) -> None:
    """Wait until the window manager has put the window on the screen."""
    from PySide6.QtTest import QTest

    window.raise_()
    window.activateWindow()
    QTest.qWaitForWindowExposed(window, timeout_ms)
    QTest.qWait(200)


def grab_from_screen(window: QWidget) -> QPixmap:
    """The window's pixels as the screen shows them (its client area, as ``window.grab()`` gives)."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    window.repaint()
    QTest.qWait(120)  # the window system draws what was painted
    screen = window.screen() or QApplication.primaryScreen()
    picture = screen.grabWindow(window.winId())
    ratio = picture.devicePixelRatio()
    if picture.width() / ratio != window.width() or picture.height() / ratio != window.height():
        # a window system that grabs the frame too: cut the client area out of the whole screen
        origin = window.mapToGlobal(window.rect().topLeft())
        picture = screen.grabWindow(0, origin.x(), origin.y(), window.width(), window.height())
    return picture


def _teacher_screens(ctx, out_dir: Path, size: tuple[int, int]) -> list[Path]:  # type: ignore[no-untyped-def]
    try:
        from quizapp.ui.teacher.screenshots import render_teacher_screens
    except ImportError:
        log.info("No teacher screens to render")
        return []
    return list(render_teacher_screens(ctx, out_dir, size))
