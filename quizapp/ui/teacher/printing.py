"""Printable documents: class report, certificates, worksheets and answer keys, roster sheets.

Documents are built as (safe, escaped) HTML and laid out by ``QTextDocument``; certificates are drawn with
``QPainter``. Both go to a ``QPdfWriter`` (save as PDF) or a ``QPrinter`` (print) through the same code.
Qt shapes Urdu (right-to-left, joined letters) itself; the document direction follows the UI language.
"""

from __future__ import annotations

import html
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLineF, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QWidget

from quizapp.content.models import (
    AnyQuestion,
    FillBlank,
    Matching,
    Module,
    MultipleSelect,
    Ordering,
    Scenario,
    ScenarioOption,
    SingleChoice,
    TrueFalse,
)
from quizapp.content.richtext import to_html, to_plain
from quizapp.content.text import LText
from quizapp.progress.records import Learner
from quizapp.services.learner_names import display_labels
from quizapp.services.teacher.reports import QuestionLine, ResultsGrid
from quizapp.ui.i18n.formatting import Formatter
from quizapp.ui.teacher.widgets import tr

MARGIN_MM = 15.0
PDF_DPI = 300
MODULES_PER_TABLE = 6  # module columns of one class report table (landscape A4)
LAYOUT_DPI = 96  # the resolution documents are laid out at before they are scaled to the page


@dataclass(frozen=True, slots=True)
class Certificate:
    school: str
    learner: str
    module: str
    completed: str  # the date as the teacher reads it
    score: str = ""


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def today_text(language: str) -> str:
    """Today as a reader of ``language`` writes it: ``5 March 2024``, ``5 مارچ 2024``."""
    return Formatter(language).date(date.today())


def date_text(iso: str | None, language: str) -> str:
    """The local day of a stored moment (ISO 8601) in ``language``, "" for none; text that is not a date
    is shown as it is."""
    if not iso:
        return ""
    return Formatter(language).date(iso)


def document_font() -> QFont:
    from PySide6.QtWidgets import QApplication

    font = QFont(QApplication.font())
    font.setPointSizeF(11.0)
    return font


# ------------------------------------------------------------------------------------------- output
def _new_pdf_writer(path: str, title: str) -> QPdfWriter:
    writer = QPdfWriter(path)
    writer.setTitle(title)
    writer.setCreator("quizapp")
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    return writer


def write_pdf(path: Path, title: str, draw: Callable[[QPagedPaintDevice], int]) -> int:
    """Draw into a PDF at ``path`` (through a temporary file, moved into place); returns the page count."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".pdf", dir=path.parent)
    os.close(fd)
    try:
        writer = _new_pdf_writer(tmp, title)
        pages = draw(writer)
        del writer  # finishes the file
        if not Path(tmp).is_file() or Path(tmp).stat().st_size == 0:
            raise OSError(tr("the PDF could not be written"))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return pages


def html_drawer(
    body: str, *, rtl: bool, images: dict[str, QImage] | None = None, landscape: bool = False
) -> Callable[[QPagedPaintDevice], int]:
    """A drawing function that lays out an HTML document on a paged device (A4 as the device has it,
    turned sideways when ``landscape``)."""

    def draw(device: QPagedPaintDevice) -> int:
        if landscape:
            page_layout = device.pageLayout()
            page_layout.setOrientation(QPageLayout.Orientation.Landscape)
            device.setPageLayout(page_layout)
        # The document is laid out on a reference device of LAYOUT_DPI (so 11 pt text, 56 px pictures and
        # 4 px paddings have their usual sizes) and drawn scaled to the printer's or PDF's resolution.
        # Laying it out in the device's own pixels would shrink every font by LAYOUT_DPI / device dpi
        # (3.5 pt text on a 300 dpi PDF).
        doc = make_document(body, rtl=rtl, images=images)
        reference = QImage(1, 1, QImage.Format.Format_ARGB32)
        dots_per_metre = round(LAYOUT_DPI / 0.0254)
        reference.setDotsPerMeterX(dots_per_metre)
        reference.setDotsPerMeterY(dots_per_metre)
        doc.documentLayout().setPaintDevice(reference)
        device_dpi = device.logicalDpiX()
        rect = device.pageLayout().paintRectPixels(device_dpi)
        scale = device_dpi / LAYOUT_DPI
        page = QSizeF(rect.width() / scale, rect.height() / scale)
        doc.setPageSize(page)
        pages = doc.pageCount()
        painter = QPainter(device)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.scale(scale, scale)
            for index in range(pages):
                if index:
                    device.newPage()
                painter.save()
                top = index * page.height()
                painter.translate(0, -top)
                doc.drawContents(painter, QRectF(0, top, page.width(), page.height()))
                painter.restore()
        finally:
            painter.end()
        return pages

    return draw


def make_document(body: str, *, rtl: bool, images: dict[str, QImage] | None = None) -> QTextDocument:
    doc = QTextDocument()
    font = document_font()
    doc.setDefaultFont(font)
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    doc.setDefaultTextOption(option)
    doc.setDefaultStyleSheet(
        "h1 { font-size: 20pt; color: #b9501a; } h2 { font-size: 15pt; color: #1f7a78; } "
        "th { background-color: #fdf1e2; } td, th { padding: 4px; } .muted { color: #62564d; } "
        ".box { font-size: 14pt; } .answer { color: #2e7d32; font-weight: bold; }"
    )
    for name, image in (images or {}).items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    direction = "rtl" if rtl else "ltr"
    doc.setHtml(f'<html><body dir="{direction}"><div dir="{direction}">{body}</div></body></html>')
    return doc


def print_with_dialog(parent: QWidget | None, title: str, draw: Callable[[QPagedPaintDevice], int]) -> bool:
    """Show the print dialog and print; False when the teacher cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    draw(printer)
    return True


# ---------------------------------------------------------------------------------------- documents
def status_words(status: str, best: float | None) -> str:
    if status == "passed":
        return tr("✔ Passed (%1%)").replace("%1", f"{best:.0f}") if best is not None else tr("✔ Passed")
    if status == "in_progress":
        if best is not None:
            return tr("◐ In progress (best %1%)").replace("%1", f"{best:.0f}")
        return tr("◐ In progress")
    return tr("○ Not started")


def header_html(title: str, school: str, lines: Sequence[str] = ()) -> str:
    out = f"<h1>{esc(title)}</h1>"
    if school:
        out += f"<p><b>{esc(school)}</b></p>"
    for line in lines:
        out += f'<p class="muted">{esc(line)}</p>'
    return out


def class_report_html(
    *,
    school: str,
    class_name: str,
    period: str,
    grid: ResultsGrid,
    questions: Sequence[QuestionLine],
    language: str,
    class_names: Mapping[str, str] | None = None,
) -> str:
    """``class_names`` (class id -> name), given when the report covers several classes, adds a class
    column; learners who share a name carry their father's name or roll number."""
    labels = display_labels([row.learner for row in grid.rows])
    body = header_html(
        tr("Class report: %1").replace("%1", class_name),
        school,
        [period, tr("Made on %1").replace("%1", today_text(language))],
    )
    if not grid.rows:
        no_learners = tr("There are no learners in this class yet.")
        return body + f"<p>{esc(no_learners)}</p>"
    modules_title = tr("Modules")
    body += f"<h2>{esc(modules_title)}</h2>"
    # Only modules someone has started get a column (the rest are named in one line), and the columns
    # come in tables of MODULES_PER_TABLE, each with the learners' names, so every table fits the page.
    started = [
        index
        for index in range(len(grid.columns))
        if grid.column_counts(index)["not_started"] < len(grid.rows)
    ]
    untouched = [grid.columns[i].title_in(language) for i in range(len(grid.columns)) if i not in started]
    if not started:
        nobody = tr("No learner has started a module yet.")
        body += f"<p>{esc(nobody)}</p>"
    learner_title, passed_title = tr("Learner"), tr("Passed")
    for first in range(0, len(started), MODULES_PER_TABLE):
        chunk = started[first : first + MODULES_PER_TABLE]
        body += '<table border="1" cellspacing="0" cellpadding="4" width="100%">'
        body += f"<tr><th>{esc(learner_title)}</th>"
        if class_names is not None:
            class_title = tr("Class")
            body += f"<th>{esc(class_title)}</th>"
        body += "".join(f"<th>{esc(grid.columns[i].title_in(language))}</th>" for i in chunk)
        body += "</tr>"
        for grid_row in grid.rows:
            body += f"<tr><td><b>{esc(labels[grid_row.learner.id])}</b></td>"
            if class_names is not None:
                body += f"<td>{esc(class_names.get(grid_row.learner.class_id or '', ''))}</td>"
            for index in chunk:
                cell = grid_row.cells[index]
                body += f"<td>{esc(status_words(cell.status, cell.best_score))}</td>"
            body += "</tr>"
        body += f"<tr><td><i>{esc(passed_title)}</i></td>" + ("<td></td>" if class_names is not None else "")
        for index in chunk:
            passed = tr("%1 of %2").replace("%1", str(grid.column_counts(index)["passed"]))
            body += f"<td><i>{esc(passed.replace('%2', str(len(grid.rows))))}</i></td>"
        body += "</tr></table><p></p>"
    if untouched and started:
        nobody_yet = tr("Not started by anyone yet: %1").replace("%1", "; ".join(untouched))
        body += f'<p class="muted">{esc(nobody_yet)}</p>'
    if questions:
        headings = (tr("Question"), tr("Module"), tr("Wrong"), tr("Wrong answers chosen most"))
        missed_title = tr("Questions missed most")
        body += f"<h2>{esc(missed_title)}</h2>"
        body += '<table border="1" cellspacing="0" cellpadding="4" width="100%">'
        body += "<tr>" + "".join(f"<th>{esc(h)}</th>" for h in headings) + "</tr>"
        for line in questions:
            wrong = "; ".join(
                tr("%1 (%n time(s))", "", count).replace("%1", text) for text, count in line.wrong_answers
            )
            share = tr("%1 of %2 answers (%3%)").replace("%1", str(line.stat.wrong))
            share = share.replace("%2", str(line.stat.answers)).replace(
                "%3", f"{line.stat.percent_wrong:.0f}"
            )
            body += (
                f"<tr><td>{esc(line.prompt)}</td><td>{esc(line.module_title)}</td>"
                f"<td>{esc(share)}</td><td>{esc(wrong)}</td></tr>"
            )
        body += "</table>"
    return body


def _t(text: LText | None, language: str, default: str) -> str:
    return text.get_text(language, default) if text is not None else ""


def _box(checked: bool = False) -> str:
    return "☑" if checked else "☐"


def question_html(
    number: int,
    question: AnyQuestion,
    language: str,
    default: str,
    *,
    answers: bool,
    fill: Callable[[str], str],
) -> str:
    def text(value: LText | None) -> str:
        return fill(_t(value, language, default))

    out = f"<p><b>{number}. {esc(to_plain(text(question.prompt)))}</b></p>"
    if isinstance(question, Scenario):
        out = f"<p><b>{number}.</b> <i>{esc(to_plain(text(question.situation)))}</i></p>" + out.replace(
            f"<b>{number}. ", "<b>", 1
        )
    if isinstance(question, SingleChoice | MultipleSelect | Scenario):
        right: set[str] = set()
        if isinstance(question, SingleChoice):
            right = {question.correct}
        elif isinstance(question, MultipleSelect):
            right = set(question.correct)
        elif isinstance(question, Scenario):
            right = {o.id for o in question.options if o.rating == "best"}
        out += "<p>"
        for option in question.options:
            mark = _box(answers and option.id in right)
            label = esc(to_plain(text(option.text)))
            if answers and option.id in right:
                label = f'<span class="answer">{label}</span>'
            if answers and isinstance(option, ScenarioOption):
                rating = {"best": tr("best"), "acceptable": tr("acceptable"), "unsafe": tr("unsafe")}[
                    option.rating
                ]
                label += f" <i>({esc(rating)})</i>"
            out += f'<span class="box">{mark}</span> {label}<br/>'
        out += "</p>"
    elif isinstance(question, TrueFalse):
        true_word, false_word = tr("True"), tr("False")
        true_mark = _box(answers and question.correct)
        false_mark = _box(answers and not question.correct)
        out += (
            f'<p><span class="box">{true_mark}</span> {esc(true_word)} &nbsp;&nbsp;&nbsp; '
            f'<span class="box">{false_mark}</span> {esc(false_word)}</p>'
        )
    elif isinstance(question, Ordering):
        items = [to_plain(text(i)) for i in question.items]
        if answers:
            out += "<ol>" + "".join(f'<li class="answer">{esc(i)}</li>' for i in items) + "</ol>"
        else:
            shown = items[1:] + items[:1] if len(items) > 1 else items  # not in the right order
            shown = list(reversed(shown)) if len(shown) > 2 else shown
            out += "<p>" + "".join(f"____ &nbsp; {esc(i)}<br/>" for i in shown) + "</p>"
            how = tr("Number the steps 1, 2, 3... in the right order.")
            out += f'<p class="muted">{esc(how)}</p>'
    elif isinstance(question, Matching):
        lefts = [to_plain(text(p.left)) for p in question.pairs]
        rights = [to_plain(text(p.right)) for p in question.pairs]
        letters = "ABCDEFGHIJ"
        if answers:
            out += (
                "<ul>"
                + "".join(
                    f'<li>{esc(left)} → <span class="answer">{esc(right)}</span></li>'
                    for left, right in zip(lefts, rights, strict=True)
                )
                + "</ul>"
            )
        else:
            shuffled = rights[1:] + rights[:1]
            out += '<table cellspacing="0" cellpadding="4" width="100%">'
            for index, left in enumerate(lefts):
                out += (
                    f"<tr><td>{index + 1}. {esc(left)}</td><td>____</td>"
                    f"<td>{letters[index]}. {esc(shuffled[index])}</td></tr>"
                )
            out += "</table>"
    elif isinstance(question, FillBlank):
        if answers:
            accepted = question.accepted.for_language(language, default)
            out += f'<p class="answer">{esc(", ".join(accepted))}</p>'
        else:
            out += "<p>______________________________</p>"
    if answers:
        out += f"<p><i>{esc(to_plain(text(question.explanation)))}</i></p>"
    return out


def worksheet_html(
    *,
    school: str,
    pack_title: str,
    module: Module,
    language: str,
    default_language: str,
    answers: bool,
    fill: Callable[[str], str],
) -> str:
    module_title = fill(module.title.get_text(language, default_language))
    title = (tr("Answer key: %1") if answers else tr("Worksheet: %1")).replace("%1", module_title)
    body = header_html(title, school, [pack_title])
    if not answers:
        name_word, class_word, date_word = tr("Name"), tr("Class"), tr("Date")
        tick = tr("Tick one box unless the question asks for more.")
        body += (
            f"<p>{esc(name_word)}: ______________________ &nbsp;&nbsp; {esc(class_word)}: ____________ "
            f"&nbsp;&nbsp; {esc(date_word)}: ____________</p>"
        )
        body += f'<p class="muted">{esc(tick)}</p>'
    for number, question in enumerate(module.quiz.questions, 1):
        body += question_html(number, question, language, default_language, answers=answers, fill=fill)
    if answers and module.lesson.key_points:
        key_points = tr("Key points")
        body += f"<h2>{esc(key_points)}</h2><ul>"
        body += "".join(
            f"<li>{to_html(fill(p.get_text(language, default_language)))}</li>"
            for p in module.lesson.key_points
        )
        body += "</ul>"
    return body


def roster_html(
    *,
    school: str,
    class_name: str,
    learners: Sequence[Learner],
    picture_names: dict[str, str],
    language: str,
) -> str:
    body = header_html(
        tr("Class list: %1").replace("%1", class_name),
        school,
        [tr("Made on %1").replace("%1", today_text(language))],
    )
    if not learners:
        no_learners = tr("There are no learners in this class yet.")
        return body + f"<p>{esc(no_learners)}</p>"
    body += '<table border="1" cellspacing="0" cellpadding="6" width="100%">'
    headings = (tr("Picture"), tr("Name"), tr("Signature"))
    body += "<tr>" + "".join(f"<th>{esc(h)}</th>" for h in headings) + "</tr>"
    labels = display_labels(learners)
    for learner in learners:
        picture = picture_names.get(learner.id)
        image = f'<img src="{esc(picture)}" width="56" height="56"/>' if picture else ""
        body += (
            f'<tr><td align="center">{image}</td><td><span style="font-size:16pt">'
            f"{esc(labels[learner.id])}</span></td><td></td></tr>"
        )
    body += "</table>"
    return body


# ------------------------------------------------------------------------------------- certificates
def certificate_drawer(
    certificates: Sequence[Certificate], *, rtl: bool
) -> Callable[[QPagedPaintDevice], int]:
    """Draw one certificate of completion per page."""

    def draw(device: QPagedPaintDevice) -> int:
        layout = device.pageLayout()
        layout.setOrientation(QPageLayout.Orientation.Landscape)
        device.setPageLayout(layout)
        painter = QPainter(device)
        try:
            for index, certificate in enumerate(certificates):
                if index:
                    device.newPage()
                _draw_certificate(painter, device, certificate, rtl)
        finally:
            painter.end()
        return len(certificates)

    return draw


def _draw_certificate(painter: QPainter, device: QPagedPaintDevice, cert: Certificate, rtl: bool) -> None:
    rect = device.pageLayout().paintRectPixels(device.logicalDpiX())
    page = QRectF(0, 0, rect.width(), rect.height())
    unit = page.height() / 100.0
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    pen = QPen(QColor("#b9501a"))
    pen.setWidthF(unit * 0.8)
    painter.setPen(pen)
    painter.drawRoundedRect(page.adjusted(unit, unit, -unit, -unit), unit * 4, unit * 4)
    pen.setColor(QColor("#1f7a78"))
    pen.setWidthF(unit * 0.3)
    painter.setPen(pen)
    painter.drawRoundedRect(page.adjusted(unit * 3, unit * 3, -unit * 3, -unit * 3), unit * 3, unit * 3)
    base = document_font()

    def text_at(
        top: float, height: float, text: str, size: float, bold: bool = False, color: str = "#2f2a26"
    ) -> None:
        font = QFont(base)
        font.setPixelSize(max(1, int(unit * size)))
        font.setBold(bold)
        painter.setFont(font)
        painter.setPen(QColor(color))
        box = QRectF(page.left() + unit * 8, page.top() + unit * top, page.width() - unit * 16, unit * height)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), text)

    text_at(8, 8, cert.school or " ", 4.5, True, "#1f7a78")
    text_at(18, 12, tr("Certificate of completion"), 8, True, "#b9501a")
    text_at(33, 7, tr("This certificate is given to"), 4)
    text_at(41, 14, cert.learner, 9, True)
    text_at(57, 7, tr("for completing the module"), 4)
    text_at(64, 10, cert.module, 6, True, "#1f7a78")
    if cert.score:
        text_at(75, 6, cert.score, 3.5)
    text_at(83, 6, tr("Date: %1").replace("%1", cert.completed), 3.5)
    pen = QPen(QColor("#62564d"))
    pen.setWidthF(unit * 0.15)
    painter.setPen(pen)
    y = page.top() + unit * 92
    painter.drawLine(QLineF(page.left() + unit * 55, y, page.right() - unit * 55, y))
    text_at(92.5, 5, tr("Teacher's signature"), 2.8, False, "#62564d")
