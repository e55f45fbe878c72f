"""Header bars in a narrow window: one row while everything fits; otherwise the controls at the end move
to a row below, each whole and none over another (at 640 pixels in Urdu the home screen's language
buttons were drawn over each other, "English" cut to "E…h" and "Not you? Change" to "ou? Ch")."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QFrame, QPushButton, QWidget

from quizapp.ui.autopilot import settle
from quizapp.ui.barlayout import BarLayout
from quizapp.ui.widgets import TitleLabel
from tests.ui.conftest import StudentAppFactory
from tests.ui.i18n.fit import text_problems


def _bar(direction: Qt.LayoutDirection = Qt.LayoutDirection.LeftToRight) -> tuple[QFrame, list[QWidget]]:
    frame = QFrame()
    frame.setLayoutDirection(direction)
    layout = BarLayout(frame)
    layout.setContentsMargins(10, 5, 10, 5)
    back = QPushButton("Back")
    title = TitleLabel("A module title")
    controls = [QPushButton(name) for name in ("English", "Urdu", "Larger text", "Not you? Change")]
    layout.add(back)
    layout.add(title, stretch=True)
    for control in controls:
        layout.add(control, trailing=True)
    return frame, [back, title, *controls]


def _show(frame: QFrame, width: int) -> None:
    frame.resize(width, frame.layout().heightForWidth(width))
    frame.show()
    settle()


def _overlaps(widgets: list[QWidget]) -> list[tuple[str, str]]:
    return [
        (a.objectName() or a.text(), b.objectName() or b.text())  # type: ignore[attr-defined]
        for a, b in itertools.combinations(widgets, 2)
        if a.geometry().intersects(b.geometry())
    ]


def test_one_row_when_everything_fits(qapp) -> None:  # type: ignore[no-untyped-def]
    frame, (back, title, *controls) = _bar()
    _show(frame, 1200)
    tops = {w.geometry().center().y() for w in (back, title, *controls)}
    assert max(tops) - min(tops) <= 1  # one row
    assert back.x() == 10 and controls[-1].geometry().right() == 1200 - 10 - 1  # start and end
    assert title.width() > title.sizeHint().width()  # the title takes the free room
    assert _overlaps([back, title, *controls]) == []


@pytest.mark.parametrize("direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft])
def test_narrow_the_controls_wrap_whole_and_in_order(qapp, direction: Qt.LayoutDirection) -> None:  # type: ignore[no-untyped-def]
    frame, widgets = _bar(direction)
    back, title, *controls = widgets
    one_row = frame.layout().sizeHint().width()
    _show(frame, one_row - 120)
    assert frame.height() > frame.layout().sizeHint().height()  # taller: more than one row
    assert _overlaps(widgets) == []
    inside = frame.rect().adjusted(10, 5, -10, -5)
    for widget in widgets:
        assert inside.contains(widget.geometry()), widget
        assert widget.width() >= widget.sizeHint().width() or widget is title  # never squeezed
    assert back.y() == min(w.y() for w in widgets)  # the leading ones stay on the first row
    rtl = direction == Qt.LayoutDirection.RightToLeft
    assert (back.geometry().right() == inside.right()) if rtl else (back.x() == inside.left())
    # reading order: row by row, then along the row the way the language reads
    order = sorted(controls, key=lambda w: (w.geometry().center().y(), -w.x() if rtl else w.x()))
    rows = [w.geometry().center().y() for w in order]
    assert rows == sorted(rows)
    for row in {w.geometry().center().y() for w in controls}:
        on_row = [w for w in controls if w.geometry().center().y() == row]
        assert [controls.index(w) for w in on_row] == sorted(controls.index(w) for w in on_row)


def test_the_height_asked_for_fits_every_row(qapp) -> None:  # type: ignore[no-untyped-def]
    frame, widgets = _bar()
    for width in (1200, 700, 500, 300):
        _show(frame, width)
        bottom = max(w.geometry().bottom() for w in widgets)
        assert bottom <= frame.height() - 5, width
        assert _overlaps(widgets) == [], width
    assert frame.layout().minimumSize().width() <= 300  # the window may be narrow; the bar copes


@pytest.mark.parametrize("language", ["en", "ur"])
def test_student_headers_at_640_by_480_are_whole(student_factory: StudentAppFactory, language: str) -> None:
    """The smallest window the app allows: every header's buttons and texts whole, none over another, on
    the home, lesson and quiz screens, in English and in Urdu."""
    student_factory.size = (640, 480)
    app = student_factory.open()
    app.pilot.create_learner("Sana")
    app.ctx.set_language(language)
    settle()
    screens = [app.window.home]
    app.pilot.open_module("example", "safe-basics")
    settle()
    screens.append(app.window.lesson)
    app.pilot.read_lesson()
    settle()
    screens.append(app.window.quiz)
    for screen in screens:
        app.window.stack.setCurrentWidget(screen)
        settle()
        header = next(child for child in screen.findChildren(QFrame) if child.property("role") == "header")
        shown = [
            w
            for w in header.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if w.isVisible()
        ]
        assert len(shown) >= 3, type(screen).__name__
        assert _overlaps(shown) == [], type(screen).__name__
        bar = QRect(0, 0, header.width(), header.height())
        assert all(bar.contains(w.geometry()) for w in shown), type(screen).__name__
        assert text_problems(header) == [], type(screen).__name__
