"""Urdu documents print well: names and values keep their own order in Urdu lines, and no Nastaliq line
of a certificate is cut off or runs into the next."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from quizapp.content.text import LText
from quizapp.progress.records import SummaryCell
from quizapp.services.teacher.reports import GridColumn, GridRow, ResultsGrid
from quizapp.ui.teacher import printing

FORMULA = '=HYPERLINK("x")'
URDU_SCHOOL = "گورنمنٹ ماڈل اسکول"
URDU_MODULE = "حفاظت کی بنیادی باتیں"


def latin_text(path: Path) -> str:
    """The PDF's text without spaces and control characters (the Urdu glyphs come out as codes, the
    Latin ones as letters, in the order they stand on the page)."""
    text = "".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)
    return "".join(c for c in text if c.isprintable() and not c.isspace())


@pytest.fixture
def urdu(ctx):  # type: ignore[no-untyped-def]
    ctx.set_language("ur")
    return ctx


def test_urdu_class_report_roster_and_worksheets_keep_names_in_order(urdu, tmp_path: Path) -> None:
    """In the Urdu class report, class list, worksheet and answer key a learner called =HYPERLINK("x")
    and the class "6 Blue" print in their own (logical) order, not reordered around the Urdu text."""
    learners = [urdu.store.people.create_learner(name) for name in ("علی رضا", FORMULA)]
    columns = (GridColumn("pack", "m", LText({"en": "Basics", "ur": URDU_MODULE}), "en", 5),)
    rows = tuple(
        GridRow(learner, (SummaryCell(learner.id, "pack", "m", "passed", 80.0, 1, 5, None),))
        for learner in learners
    )
    report = printing.class_report_html(
        school=URDU_SCHOOL,
        class_name="6 Blue",
        period="2026",
        grid=ResultsGrid(columns, rows),
        questions=[],
        language="ur",
    )
    roster = printing.roster_html(
        school=URDU_SCHOOL, class_name="6 Blue", learners=learners, picture_names={}, language="ur"
    )
    for name, body in (("report", report), ("roster", roster)):
        out = tmp_path / f"{name}.pdf"
        printing.write_pdf(out, name, printing.html_drawer(body, rtl=True))
        text = latin_text(out)
        assert FORMULA in text, (name, text)
        assert "6Blue" in text, (name, text)
    entry = urdu.library.entry("example", "safe-basics")
    for answers in (False, True):
        body = printing.worksheet_html(
            school=URDU_SCHOOL,
            pack_title="Example pack 2",
            module=entry.module,
            language="ur",
            default_language="en",
            answers=answers,
            fill=urdu.fill,
        )
        out = tmp_path / f"worksheet-{answers}.pdf"
        printing.write_pdf(out, "worksheet", printing.html_drawer(body, rtl=True))
        text = latin_text(out)
        assert "Examplepack2" in text, text
        assert "P@ss1" in text, text  # an option written in Latin letters, inside the Urdu page


def test_urdu_certificate_lines_are_not_cut_and_names_keep_their_order(urdu, tmp_path: Path) -> None:
    """Every line of an Urdu certificate has room for its letters' real height (the font's ascent and
    descent, and the ink of the tallest Nastaliq letters), the lines do not overlap and stay on the page,
    and the learner's name prints in its own order."""
    certificate = printing.Certificate(
        school=URDU_SCHOOL, learner=FORMULA, module=URDU_MODULE, completed="5 مارچ 2026", score="87%"
    )
    page = QRectF(0, 0, 3508, 2480)  # A4 landscape at 300 dpi
    boxes = printing.certificate_layout(certificate, page, rtl=True)
    assert len(boxes) == printing.CERTIFICATE_LINES + 1
    previous_bottom = page.top()
    for room, box, font, text, _colour in boxes:
        metrics = QFontMetricsF(font)
        assert box.height() >= metrics.ascent() + metrics.descent() - 0.5, text
        assert room.contains(box), text
        lines = round(box.height() / metrics.height())
        ink = metrics.tightBoundingRect(text)
        if lines == 1:
            baseline = box.top() + metrics.ascent()
            assert baseline + ink.top() >= room.top() - 0.5, f"{text!r}: the tops of its letters are cut off"
            assert baseline + ink.bottom() <= room.bottom() + 0.5, f"{text!r}: its tails are cut off"
        assert room.top() >= previous_bottom, f"{text!r} runs into the line above"
        previous_bottom = room.bottom()
    assert previous_bottom <= page.bottom()

    out = tmp_path / "certificate.pdf"
    printing.write_pdf(out, "certificate", printing.certificate_drawer([certificate], rtl=True))
    assert FORMULA in latin_text(out)
