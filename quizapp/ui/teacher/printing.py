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
    QFontMetricsF,
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

from quizapp.content.models import AnyQuestion, Module
from quizapp.content.richtext import to_html, to_plain
from quizapp.content.text import LText
from quizapp.services.learner_names import display_labels
from quizapp.services.records import Learner
from quizapp.services.teacher.reports import QuestionLine, ResultsGrid
from quizapp.ui.i18n import RTL_LANGUAGES
from quizapp.ui.i18n.bidi import has_rtl_letters, isolate
from quizapp.ui.i18n.formatting import Formatter
from quizapp.ui.plaintext import fill_args
from quizapp.ui.questions.kinds import view_kind
from quizapp.ui.questions.kinds.base import PrintPage
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


def bidi_unit(text: str, rtl: bool) -> str:
    """``text`` isolated (:func:`isolate`) where its direction could mix with the line around it: in a
    right-to-left (Urdu) document, or when it has Urdu letters."""
    if text and (rtl or has_rtl_letters(text)):
        return isolate(text)
    return text


def document_rtl(language: str) -> bool:
    """Documents in ``language`` are laid out right to left (Urdu)."""
    return language in RTL_LANGUAGES


def val(text: str, rtl: bool) -> str:
    """A name or value (learner, class, school, module, option, typed answer) for the HTML: escaped and
    isolated, so it keeps its own direction in a line of the other script."""
    return esc(bidi_unit(text, rtl))


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
        return fill_args(tr("✔ Passed (%1%)"), f"{best:.0f}") if best is not None else tr("✔ Passed")
    if status == "in_progress":
        if best is not None:
            return fill_args(tr("◐ In progress (best %1%)"), f"{best:.0f}")
        return tr("◐ In progress")
    return tr("○ Not started")


def header_html(title: str, school: str, lines: Sequence[str] = (), *, rtl: bool = False) -> str:
    out = f"<h1>{esc(title)}</h1>"
    if school:
        out += f"<p><b>{val(school, rtl)}</b></p>"
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
    rtl = document_rtl(language)
    labels = display_labels([row.learner for row in grid.rows])
    body = header_html(
        fill_args(tr("Class report: %1"), bidi_unit(class_name, rtl)),
        school,
        [bidi_unit(period, rtl), fill_args(tr("Made on %1"), bidi_unit(today_text(language), rtl))],
        rtl=rtl,
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
    untouched = [
        bidi_unit(grid.columns[i].title_in(language), rtl)
        for i in range(len(grid.columns))
        if i not in started
    ]
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
        body += "".join(f"<th>{val(grid.columns[i].title_in(language), rtl)}</th>" for i in chunk)
        body += "</tr>"
        for grid_row in grid.rows:
            body += f"<tr><td><b>{val(labels[grid_row.learner.id], rtl)}</b></td>"
            if class_names is not None:
                body += f"<td>{val(class_names.get(grid_row.learner.class_id or '', ''), rtl)}</td>"
            for index in chunk:
                cell = grid_row.cells[index]
                body += f"<td>{val(status_words(cell.status, cell.best_score), rtl)}</td>"
            body += "</tr>"
        body += f"<tr><td><i>{esc(passed_title)}</i></td>" + ("<td></td>" if class_names is not None else "")
        for index in chunk:
            passed = fill_args(tr("%1 of %2"), str(grid.column_counts(index)["passed"]), str(len(grid.rows)))
            body += f"<td><i>{esc(passed)}</i></td>"
        body += "</tr></table><p></p>"
    if untouched and started:
        nobody_yet = fill_args(tr("Not started by anyone yet: %1"), "; ".join(untouched))
        body += f'<p class="muted">{esc(nobody_yet)}</p>'
    if questions:
        headings = (tr("Question"), tr("Module"), tr("Wrong"), tr("Wrong answers chosen most"))
        missed_title = tr("Questions missed most")
        body += f"<h2>{esc(missed_title)}</h2>"
        body += '<table border="1" cellspacing="0" cellpadding="4" width="100%">'
        body += "<tr>" + "".join(f"<th>{esc(h)}</th>" for h in headings) + "</tr>"
        for line in questions:
            wrong = "; ".join(
                fill_args(tr("%1 (%n time(s))", "", count), bidi_unit(text, rtl))
                for text, count in line.wrong_answers
            )
            share = fill_args(
                tr("%1 of %2 answers (%3%)"),
                str(line.stat.wrong),
                str(line.stat.answers),
                f"{line.stat.percent_wrong:.0f}",
            )
            body += (
                f"<tr><td>{val(line.prompt, rtl)}</td><td>{val(line.module_title, rtl)}</td>"
                f"<td>{esc(share)}</td><td>{esc(wrong)}</td></tr>"
            )
        body += "</table>"
    return body


def _t(text: LText | None, language: str, default: str) -> str:
    return text.get_text(language, default) if text is not None else ""


def _box(checked: bool = False) -> str:
    return "☑" if checked else "☐"


class PrintPictures:
    """A pack's pictures for one printed document: each is checked and drawn as on screen
    (:func:`quizapp.ui.images.load_image`), at twice its printed size so that it stays sharp at a
    printer's resolution, and handed to the document by name (``images`` of :func:`html_drawer`)."""

    SHARPNESS = 2

    def __init__(self, asset_path: Callable[[str], Path]) -> None:
        self._asset_path = asset_path
        self.images: dict[str, QImage] = {}
        self._names: dict[tuple[str, int, int], str] = {}

    def html(self, path: str, width: int, height: int) -> str:
        """``<img>`` of the pack's picture ``path`` fitted into width x height px; "" when it cannot be
        read (a missing file or one that fails the pack checks)."""
        key = (path, width, height)
        if key not in self._names:
            from quizapp.ui.images import load_image

            pixmap = load_image(self._asset_path(path), width * self.SHARPNESS, height * self.SHARPNESS)
            if pixmap is None or pixmap.isNull():
                return ""
            name = f"picture-{len(self.images)}"
            self.images[name] = pixmap.toImage()
            self._names[key] = name
        name = self._names[key]
        image = self.images[name]
        shown_w = round(image.width() / image.devicePixelRatio() / self.SHARPNESS)
        shown_h = round(image.height() / image.devicePixelRatio() / self.SHARPNESS)
        return f'<p align="center"><img src="{name}" width="{shown_w}" height="{shown_h}"></p>'


def question_html(
    number: int,
    question: AnyQuestion,
    language: str,
    default: str,
    *,
    answers: bool,
    fill: Callable[[str], str],
    pictures: PrintPictures | None = None,
) -> str:
    rtl = document_rtl(language)

    def text(value: LText | None) -> str:
        return fill(_t(value, language, default))

    page = PrintPage(
        number=number,
        answers=answers,
        language=language,
        default_language=default,
        rtl=rtl,
        plain=lambda value: val(to_plain(text(value)), rtl),
        value=lambda value: val(value, rtl),
        esc=esc,
        box=_box,
        picture=pictures.html if pictures is not None else lambda _path, _width, _height: "",
    )
    kind = view_kind(question.type)
    intro = kind.print_intro(question, page)
    prompt = val(to_plain(text(question.prompt)), rtl)
    out = f"{intro}<p><b>{prompt}</b></p>" if intro else f"<p><b>{number}. {prompt}</b></p>"
    out += kind.print_body(question, page)
    if answers:
        out += f"<p><i>{val(to_plain(text(question.explanation)), rtl)}</i></p>"
        if question.source is not None:
            out += source_html(text(question.source))
    return out


def source_html(source: str) -> str:
    """A ``source:`` note (law and section, official body), for the teacher's answer key only."""
    note = fill_args(tr("Source: %1"), to_plain(source))
    return f'<p class="muted">{esc(note)}</p>'


def worksheet_html(
    *,
    school: str,
    pack_title: str,
    module: Module,
    language: str,
    default_language: str,
    answers: bool,
    fill: Callable[[str], str],
    pictures: PrintPictures | None = None,
) -> str:
    """A worksheet (or, with ``answers``, its answer key) for ``module``. With ``pictures`` the questions
    that show a picture print it (pass ``pictures.images`` to :func:`html_drawer`)."""
    rtl = document_rtl(language)
    module_title = fill(module.title.get_text(language, default_language))
    title = fill_args(tr("Answer key: %1") if answers else tr("Worksheet: %1"), bidi_unit(module_title, rtl))
    body = header_html(title, school, [bidi_unit(pack_title, rtl)], rtl=rtl)
    if not answers:
        name_word, class_word, date_word = tr("Name"), tr("Class"), tr("Date")
        tick = tr("Tick one box unless the question asks for more.")
        body += (
            f"<p>{esc(name_word)}: ______________________ &nbsp;&nbsp; {esc(class_word)}: ____________ "
            f"&nbsp;&nbsp; {esc(date_word)}: ____________</p>"
        )
        body += f'<p class="muted">{esc(tick)}</p>'
    for number, question in enumerate(module.quiz.questions, 1):
        body += question_html(
            number, question, language, default_language, answers=answers, fill=fill, pictures=pictures
        )
    if answers and module.lesson.key_points:
        key_points = tr("Key points")
        body += f"<h2>{esc(key_points)}</h2><ul>"
        body += "".join(
            f"<li>{bidi_unit(to_html(fill(p.get_text(language, default_language))), rtl)}</li>"
            for p in module.lesson.key_points
        )
        body += "</ul>"
    if answers:
        sources = [section.source for section in module.lesson.sections if section.source is not None]
        if sources:
            sources_heading = tr("Sources of the lesson")
            body += f"<h2>{esc(sources_heading)}</h2>"
            body += "".join(source_html(fill(src.get_text(language, default_language))) for src in sources)
    return body


def roster_html(
    *,
    school: str,
    class_name: str,
    learners: Sequence[Learner],
    picture_names: dict[str, str],
    language: str,
) -> str:
    rtl = document_rtl(language)
    body = header_html(
        fill_args(tr("Class list: %1"), bidi_unit(class_name, rtl)),
        school,
        [fill_args(tr("Made on %1"), bidi_unit(today_text(language), rtl))],
        rtl=rtl,
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
            f"{val(labels[learner.id], rtl)}</span></td><td></td></tr>"
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


CERTIFICATE_LINES = 8  # school, title, "given to", learner, "for completing", module, score, date


def certificate_layout(
    cert: Certificate, page: QRectF, rtl: bool
) -> list[tuple[QRectF, QRectF, QFont, str, str]]:
    """Where each line of a certificate goes: (room, text box, font, text, colour), top to bottom, then
    the signature's label. The text box is as tall as the text needs in its font (the font's own ascent
    and descent; more lines when a long name wraps); the room around it adds what the ink of its letters
    reaches beyond (Nastaliq's tall bold letters rise above the ascent), so nothing is cut and no line
    runs into the next. When the lines need more than the page, every size is made smaller."""
    unit = page.height() / 100.0
    base = document_font()
    lines = [
        (bidi_unit(cert.school, rtl) or " ", 4.5, True, "#1f7a78"),
        (tr("Certificate of completion"), 8, True, "#b9501a"),
        (tr("This certificate is given to"), 4, False, "#2f2a26"),
        (bidi_unit(cert.learner, rtl), 9, True, "#2f2a26"),
        (tr("for completing the module"), 4, False, "#2f2a26"),
        (bidi_unit(cert.module, rtl), 6, True, "#1f7a78"),
        (bidi_unit(cert.score, rtl), 3.5, False, "#2f2a26"),
        (fill_args(tr("Date: %1"), bidi_unit(cert.completed, rtl)), 3.5, False, "#2f2a26"),
    ]
    lines = [line for line in lines if line[0]]
    width = page.width() - unit * 16
    flags = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)

    def measure(text: str, size: float, bold: bool) -> tuple[QFont, float, float, float]:
        """The font, the text's height and the ink beyond it above and below."""
        font = QFont(base)
        font.setPixelSize(max(1, int(size)))
        font.setBold(bold)
        metrics = QFontMetricsF(font)
        height = metrics.boundingRect(QRectF(0, 0, width, 1e6), flags, text).height()
        ink = metrics.tightBoundingRect(text)
        return (
            font,
            height,
            max(0.0, -ink.top() - metrics.ascent()),
            max(0.0, ink.bottom() - metrics.descent()),
        )

    signature = measure(tr("Teacher's signature"), unit * 2.8, False)
    signature_room = signature[1] + signature[2] + signature[3]
    bottom = page.bottom() - unit * 4 - signature_room - unit * 1.5  # the signature line
    top = page.top() + unit * 6
    available = bottom - unit * 2 - top
    scale = 1.0
    measured = [measure(text, unit * size, bold) for text, size, bold, _ in lines]
    while sum(h + above + below for _, h, above, below in measured) > available and scale > 0.3:
        scale *= 0.9
        measured = [measure(text, unit * size * scale, bold) for text, size, bold, _ in lines]
    used = sum(h + above + below for _, h, above, below in measured)
    gap = max(0.0, (available - used) / max(1, len(lines) - 1))
    boxes: list[tuple[QRectF, QRectF, QFont, str, str]] = []
    left = page.left() + unit * 8
    y = top
    for (text, _size, _bold, colour), (font, height, above, below) in zip(lines, measured, strict=True):
        room = QRectF(left, y, width, height + above + below)
        boxes.append((room, QRectF(left, y + above, width, height), font, text, colour))
        y += room.height() + gap
    font, height, above, below = signature
    room = QRectF(left, bottom + unit * 0.5, width, signature_room)
    boxes.append(
        (room, QRectF(left, room.top() + above, width, height), font, tr("Teacher's signature"), "#62564d")
    )
    return boxes


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
    boxes = certificate_layout(cert, page, rtl)
    flags = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextDontClip)
    for _room, box, font, text, colour in boxes[:-1]:
        painter.setFont(font)
        painter.setPen(QColor(colour))
        painter.drawText(box, flags, text)
    room, label, font, text, colour = boxes[-1]
    pen = QPen(QColor("#62564d"))
    pen.setWidthF(unit * 0.15)
    painter.setPen(pen)
    y = room.top() - unit * 0.5
    painter.drawLine(QLineF(page.left() + unit * 55, y, page.right() - unit * 55, y))
    painter.setFont(font)
    painter.setPen(QColor(colour))
    painter.drawText(label, flags, text)
