"""Every screen with the pseudo-translation (each string 40 percent longer) and in Urdu, at the smallest
supported window (1024x600): no text may be cut off, elided or pushed out of the window."""

from __future__ import annotations

import pytest

from quizapp.ui.i18n import make_switcher
from tests.ui.conftest import StudentAppFactory
from tests.ui.i18n.fit import text_problems
from tests.ui.i18n.walk import walk_screens

SCHOOL = "Government Girls High School No. 2, Model Town"
CONTACTS = "Ms. Saima Akhtar, your class teacher (room 12)\nThe school counsellor, Mr. Imran, 0300-1234567"


def _walk(student_factory: StudentAppFactory, language: str, pseudo: str | None) -> dict[str, list[str]]:
    app = student_factory.open()
    app.ctx.i18n = make_switcher(app.data_dir, pseudo=pseudo)
    app.store.settings.default_language = language
    # A school name and help contacts as a teacher enters them: they go in the picker's header and on
    # the help card, so the screens must make room for them.
    app.store.settings.school_name = SCHOOL
    app.store.settings.help_contacts = CONTACTS
    problems: dict[str, list[str]] = {}
    try:
        app.ctx.set_language(language, force=True)
        app.window.resize(1024, 600)

        def visit(name: str, screen) -> None:  # type: ignore[no-untyped-def]
            found = text_problems(screen)
            if found:
                problems[name] = found

        walk_screens(app, visit)
    finally:
        app.ctx.localizer.reset()
    return problems


@pytest.mark.parametrize(("language", "pseudo"), [("en", "stretch"), ("ur", None), ("en", "mirror")])
def test_no_text_is_cut_off(student_factory: StudentAppFactory, language: str, pseudo: str | None) -> None:
    """Labels and buttons on every screen, the teacher's pages too, show their whole text, even 40% longer
    or in tall Nastaliq."""
    problems = _walk(student_factory, language, pseudo)
    report = "\n".join(f"{screen}:\n  " + "\n  ".join(found) for screen, found in problems.items())
    assert not problems, f"text cut off at 1024x600 ({language}, pseudo={pseudo}):\n{report}"


def test_the_check_finds_cut_off_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A label narrower than its text, and a button lower than its Urdu text, are reported."""
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    screen = QWidget()
    qtbot.addWidget(screen)
    box = QVBoxLayout(screen)
    narrow = QLabel("A long sentence that cannot fit in sixty pixels")
    narrow.setFixedWidth(60)
    fitting = QLabel("Fits")
    box.addWidget(narrow)
    box.addWidget(fitting)
    screen.resize(400, 200)
    screen.show()
    found = text_problems(screen)
    assert len(found) == 1 and "too wide" in found[0] and "sixty" in found[0]
