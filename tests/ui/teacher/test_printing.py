"""Printed documents are readable on paper: text at its real size, and a class report as wide as the page."""

from __future__ import annotations

import math
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt

from quizapp.content.text import LText
from quizapp.progress.records import SummaryCell
from quizapp.services.teacher.reports import GridColumn, GridRow, ResultsGrid
from quizapp.ui.teacher.printing import class_report_html, html_drawer, write_pdf
from tests.services.teacher.journey import example_pack, take_quiz
from tests.ui.teacher.test_teacher_area import pdf_text


def text_sizes(path: Path) -> list[tuple[float, str, float]]:
    """(size in points as printed, text, left edge in points) of every piece of text on the PDF's pages."""
    found: list[tuple[float, str, float]] = []
    for page in pypdf.PdfReader(str(path)).pages:

        def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
            if text.strip():
                matrix = pypdf.mult(tm, cm)
                found.append((size * math.hypot(matrix[2], matrix[3]), text.strip(), matrix[4]))

        page.extract_text(visitor_text=visit)
    return found


def test_worksheet_text_prints_at_its_point_size(qtbot, area, dialogs, store, tmp_path) -> None:
    """An 11 pt question is 11 pt on paper (it was laid out in 300 dpi pixels and came out at 3.5 pt)."""
    area.unlock_without_pin()
    page = area.show_page("share")
    page.module_combo.setCurrentIndex(page.module_combo.findData("example/safe-basics"))
    worksheet = tmp_path / "worksheet.pdf"
    dialogs.files.append(worksheet)
    qtbot.mouseClick(page.worksheet_button, Qt.MouseButton.LeftButton)
    sizes = {text: size for size, text, _ in text_sizes(worksheet)}
    question = next(size for text, size in sizes.items() if "strongest" in text)
    title = next(size for text, size in sizes.items() if text.startswith("Worksheet"))
    assert 10 <= question <= 12.5, sizes
    assert 18 <= title <= 24, sizes


def test_class_report_of_many_modules_stays_on_the_page(qapp, ctx, tmp_path) -> None:
    """Nine started modules become two tables on a landscape page; modules nobody started are named
    in one line; nothing runs past the right edge of the paper."""
    columns = tuple(
        GridColumn("pack", f"m{i}", LText.plain(f"Module number {i} about online safety"), "en", 5)
        for i in range(11)
    )
    learners = [
        ctx.store.people.create_learner(name) for name in ("Ayesha", "Bilal", "Muhammad Abdullah Khan Niazi")
    ]
    rows = tuple(
        GridRow(
            learner,
            tuple(
                SummaryCell(
                    learner.id,
                    "pack",
                    c.module_id,
                    "passed" if i < 9 else "not_started",
                    80.0,
                    1 if i < 9 else 0,
                    5,
                    None,
                )
                for i, c in enumerate(columns)
            ),
        )
        for learner in learners
    )
    body = class_report_html(
        school="Govt. Girls School",
        class_name="6 Blue",
        period="All dates",
        grid=ResultsGrid(columns, rows),
        questions=[],
        language="en",
    )
    assert body.count("<table") == 2
    out = tmp_path / "report.pdf"
    write_pdf(out, "report", html_drawer(body, rtl=False, landscape=True))
    reader = pypdf.PdfReader(str(out))
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert width > height
    _, text = pdf_text(out)
    words = text.split()
    assert all(str(i) in words for i in range(9))  # every started module has its column
    assert "Not started by anyone yet: Module number 9 about online safety; Module number 10" in text
    assert text.count("Muhammad Abdullah Khan Niazi") == 2
    margin = 15 / 25.4 * 72  # points
    assert all(left < width - margin for _, _, left in text_sizes(out))


def test_missed_answers_say_time_or_times(qtbot, area, store) -> None:
    """A wrong answer chosen once is "(1 time)" in the class report, never "(1 times)"."""
    blue = store.people.create_class("Blue")
    sara = store.people.create_learner("Sara", class_id=blue.id)
    take_quiz(store, example_pack(), "safe-basics", sara.id, {"best-passphrase": "c"})
    area.unlock_without_pin()
    page = area.show_page("share")
    page.class_filter.setCurrentIndex(page.class_filter.findData(blue.id))
    body = page.class_report_body()
    assert "(1 times)" not in body and "(1 time" in body


def _picture_widths(pdf: Path) -> list[int]:
    """The pixel width of every picture (image XObject) drawn on the pages of ``pdf``."""
    widths = []
    for sheet in pypdf.PdfReader(pdf).pages:
        objects = sheet.get("/Resources", {}).get_object().get("/XObject", {})
        for ref in objects.get_object().values():
            xobject = ref.get_object()
            if xobject.get("/Subtype") == "/Image":
                widths.append(int(xobject["/Width"]))
    return widths


@pytest.mark.parametrize("language", ["en", "ur"])
def test_a_spot_the_scam_question_prints_its_message_picture(
    qtbot, area, dialogs, store, tmp_path, language: str
) -> None:  # type: ignore[no-untyped-def]
    """The worksheet and answer key saved from the Share page show the message of a spot-the-scam
    question as a picture (in the teacher's language's version), sharp enough for a printer; before, the
    paper only described it in words, and "tick the parts of the message" had no message to look at."""
    area.ctx.set_language(language)
    area.unlock_without_pin()
    page = area.show_page("share")
    page.module_combo.setCurrentIndex(page.module_combo.findData("example/safe-basics"))
    for answers, button in ((False, page.worksheet_button), (True, page.answer_key_button)):
        out = tmp_path / f"{language}-{answers}.pdf"
        dialogs.files.append(out)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        widths = _picture_widths(out)
        assert len(widths) == 1, f"{out.name}: {len(widths)} pictures"
        assert widths[0] >= 600, widths  # drawn at twice its 420 px: sharp on paper
