"""Accessibility on every screen: each control has an accessible name and can be reached with the
keyboard, feedback is said in words and with an icon (never by colour alone), text sizes are kept per
learner, and the high-contrast colours can be chosen and are remembered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from quizapp.content.vocab import QUESTION_TYPES
from quizapp.ui import theme
from quizapp.ui.autopilot import settle
from tests.ui.conftest import StudentApp, StudentAppFactory
from tests.ui.i18n.walk import walk_screens

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QAbstractSpinBox,
    QComboBox,
    QAbstractItemView,
    QAbstractSlider,
    QTextEdit,
    QPlainTextEdit,
)


def _is_part_of_another_control(widget: QWidget) -> bool:
    """Scroll bars of scroll areas, the text box inside a combo or spin box, a tab bar's arrows."""
    if isinstance(widget, (QScrollBar, QHeaderView)):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox, QTabBar)):
            return True
        if not isinstance(widget, QAbstractItemView) and isinstance(parent, QAbstractItemView):
            return True  # editors and buttons inside list cells are named by their cell
        parent = parent.parentWidget()
    return False


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader announces (Qt falls back to a button's text)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return (name or widget.accessibleName()).strip()


def unnamed_controls(screen: QWidget) -> list[str]:
    found = []
    for widget in screen.findChildren(QWidget):
        if (
            not isinstance(widget, INTERACTIVE)
            or not widget.isVisible()
            or _is_part_of_another_control(widget)
        ):
            continue
        if not accessible_name(widget):
            found.append(
                f"{type(widget).__name__} {widget.objectName()!r} {getattr(widget, 'text', str)()!r}"
            )
    return found


def _reached_through_its_group(widget: QWidget) -> bool:
    """Qt's exclusive button groups: Tab reaches the group, the arrow keys move between its buttons (in a
    group that is not exclusive, Tab also stops only once but no key moves on)."""
    group = widget.group() if isinstance(widget, QAbstractButton) else None
    if group is None or not group.exclusive():
        return False
    return any(b.isVisible() and b.focusPolicy() & Qt.FocusPolicy.TabFocus for b in group.buttons())


def unreachable_controls(screen: QWidget) -> list[str]:
    """Enabled controls that Tab never reaches."""
    found = []
    for widget in screen.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisible() or not widget.isEnabled():
            continue
        if _is_part_of_another_control(widget):
            continue
        if isinstance(widget, QLineEdit) and widget.isReadOnly():
            continue
        group = widget.group() if isinstance(widget, QAbstractButton) else None
        skipped = group is not None and not group.exclusive() and widget is not group.buttons()[0]
        if skipped or (
            not widget.focusPolicy() & Qt.FocusPolicy.TabFocus and not _reached_through_its_group(widget)
        ):
            found.append(f"{type(widget).__name__} {widget.objectName()!r} {accessible_name(widget)!r}")
    return found


def test_every_control_on_every_screen_has_an_accessible_name(student: StudentApp) -> None:
    """A walk through every screen (all question types, results, help card, teacher pages) finds no
    button, field, list, box or slider without a name for screen readers."""
    problems: dict[str, list[str]] = {}

    def visit(name: str, screen: QWidget) -> None:
        found = unnamed_controls(screen)
        if found:
            problems[name] = found

    seen = walk_screens(student, visit)
    assert {"picker", "home", "results", "help-card", "teacher-settings", "quiz-matching-checked"} <= set(
        seen
    )
    assert len([s for s in seen if s.startswith("quiz-") and s.endswith("-checked")]) == len(QUESTION_TYPES)
    assert not problems, "\n".join(f"{screen}: {', '.join(found)}" for screen, found in problems.items())


def test_every_control_can_be_reached_with_the_keyboard(student: StudentApp) -> None:
    """Every enabled control on every screen takes the keyboard focus with Tab."""
    problems: dict[str, list[str]] = {}

    def visit(name: str, screen: QWidget) -> None:
        found = unreachable_controls(screen)
        if found:
            problems[name] = found

    walk_screens(student, visit)
    assert not problems, "\n".join(f"{screen}: {', '.join(found)}" for screen, found in problems.items())


def test_the_checker_finds_a_control_without_a_name(qtbot) -> None:  # type: ignore[no-untyped-def]
    """An icon-only button with no name is reported (the check above can fail)."""
    from PySide6.QtWidgets import QHBoxLayout, QToolButton

    screen = QWidget()
    qtbot.addWidget(screen)
    row = QHBoxLayout(screen)
    named, unnamed = QToolButton(), QToolButton()
    named.setAccessibleName("Move up")
    row.addWidget(named)
    row.addWidget(unnamed)
    screen.show()
    assert unnamed_controls(screen) == ["QToolButton '' ''"]


def test_feedback_is_said_in_words_and_with_an_icon(student: StudentApp) -> None:
    """After Check, every question type shows its verdict in words and an icon, and marked options say
    in words what they are, so nothing depends on seeing colour."""
    window, pilot = student.window, student.pilot
    pilot.create_learner("Ayesha", avatar="cat")
    pilot.open_module("example", "safe-basics")
    pilot.read_lesson()
    right = True
    while window.current_screen() is window.quiz:
        view = pilot.view()
        pilot.answer(right=right)
        pilot.check()
        feedback = window.quiz.feedback
        assert feedback.verdict.text().strip(), view.question.type
        assert not feedback.icon.pixmap().isNull()
        assert feedback.icon.accessibleName() == feedback.verdict.text()
        for card in view.findChildren(QAbstractButton):
            state = getattr(card, "state", None)
            if state is not None:
                assert card.status_text.text().strip(), f"{view.question.type}: a {state} card without words"
                assert card.status_icon.isVisible()
        right = not right
        pilot.next()


def test_text_size_is_remembered_per_learner(student_factory: StudentAppFactory) -> None:
    """Three text sizes; the one a learner picks comes back for them after a restart, not for others."""
    assert len(theme.TEXT_SCALES) >= 3
    app = student_factory.open()
    big = app.pilot.create_learner("Bilal", avatar="lion")
    app.pilot.click(app.window.home.text_size.buttons[150])
    assert app.ctx.text_scale == 150
    app.pilot.click(app.window.home.switch_button)
    other = app.pilot.create_learner("Hira", avatar="chick")
    assert app.ctx.text_scale == 100
    app = student_factory.restart(app)
    app.pilot.choose_learner(big)
    assert app.ctx.text_scale == 150
    assert app.window.home.text_size.buttons[150].isChecked()
    app.pilot.click(app.window.home.switch_button)
    app.pilot.choose_learner(other)
    assert app.ctx.text_scale == 100


def test_high_contrast_colours_are_chosen_and_remembered(student_factory: StudentAppFactory) -> None:
    """High contrast switches the whole window to black on white and stays on after a restart."""
    app = student_factory.open()
    assert theme.PALETTE.background in app.window.styleSheet()
    app.ctx.set_high_contrast(True)
    settle()
    assert theme.HIGH_CONTRAST.background in app.window.styleSheet()
    assert theme.HIGH_CONTRAST.text in app.window.styleSheet()
    assert app.window.property("high_contrast") is True
    app = student_factory.restart(app)
    assert app.ctx.high_contrast
    assert theme.HIGH_CONTRAST.primary in app.window.styleSheet()
    app.ctx.set_high_contrast(False)
    assert theme.HIGH_CONTRAST.primary not in app.window.styleSheet()
