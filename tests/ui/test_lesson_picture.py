"""A lesson's picture on a low window: it shrinks (down to a floor) so that the heading and the first
two lines of the text are in sight without scrolling; with room it is drawn full size. Before, it was
always 140 px high: at 640x480 the child saw the heading and the top of the picture, at 1024x600 in Urdu
one line of the text."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel

from quizapp.ui.screens.lesson import LINES_IN_SIGHT, PICTURE_HEIGHT, PICTURE_MIN_HEIGHT, picture_height
from quizapp.ui.visibility import on_screen
from tests.ui.conftest import StudentAppFactory


def _lines_bottom(body: QLabel, lines: int) -> float:
    """Where the text's first ``lines`` lines end, below the label's top: laid out as the label lays out
    its rich text (same HTML, font and width)."""
    doc = QTextDocument()
    doc.setDefaultFont(body.font())
    doc.setDocumentMargin(0)
    doc.setHtml(body.text())
    doc.setTextWidth(body.contentsRect().width())
    doc.documentLayout()  # lays it out
    block = doc.begin()
    layout = block.layout()
    assert layout is not None and layout.lineCount() >= lines
    origin = doc.documentLayout().blockBoundingRect(block).top()
    return origin + layout.lineAt(lines - 1).rect().bottom()


def test_the_picture_height_follows_the_room_on_the_page() -> None:
    assert picture_height(800) == PICTURE_HEIGHT
    assert picture_height(-100) == PICTURE_MIN_HEIGHT
    heights = [picture_height(h) for h in range(-100, 800)]
    assert heights == sorted(heights)  # never larger with less room


@pytest.mark.parametrize(
    ("size", "language"),
    [((640, 480), "en"), ((640, 480), "ur"), ((1024, 600), "en"), ((1024, 600), "ur"), ((1280, 800), "ur")],
)
def test_the_first_lines_of_a_lesson_are_in_sight_with_its_picture(
    student_factory: StudentAppFactory, size: tuple[int, int], language: str
) -> None:
    """The example lesson's first section (a padlock picture): the heading and the picture are on screen;
    two lines of the text are too, unless the picture is already at its floor (640x480 in Urdu, where
    the heading alone takes half the page); from 1024x600 on they always are; at 1280x800 the picture
    is full size."""
    student_factory.size = size
    app = student_factory.open()
    window, pilot = app.window, app.pilot
    pilot.create_learner("Sana", language=language)
    pilot.open_module("example", "safe-basics")
    lesson = window.lesson
    assert lesson.image is not None and lesson.image.isVisible()
    picture = lesson.image.pixmap()
    height = round(picture.height() / picture.devicePixelRatio())
    heading = lesson.page.findChild(QLabel, "section-heading")
    body = lesson.page.findChild(QLabel, "section-body")
    assert heading is not None and body is not None
    viewport = lesson.page.viewport()
    top = body.mapTo(viewport, body.rect().topLeft()).y() + body.contentsMargins().top()
    lines_in_sight = top + _lines_bottom(body, LINES_IN_SIGHT) <= viewport.height()
    assert on_screen(heading)
    assert lines_in_sight or height == PICTURE_MIN_HEIGHT, f"picture {height} px, text at {top}"
    if size >= (1024, 600):
        assert lines_in_sight, f"picture {height} px, text at {top} of {viewport.height()}"
    if size >= (1280, 800):
        assert height == PICTURE_HEIGHT
