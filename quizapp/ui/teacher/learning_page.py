"""Did the class learn? The learning gain per module and the item analysis of quiz questions, for the Results
page (a tab) and the printed class report (a section).

The numbers come from ``services.teacher.measures``; this module only lays them out in words.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quizapp.services.records import Store
from quizapp.services.teacher.measures import GainRow, ItemStat, item_analysis, learning_gain
from quizapp.services.teacher.reports import PackIndex, PackSource
from quizapp.ui.teacher.page import Page
from quizapp.ui.teacher.printing import esc
from quizapp.ui.teacher.widgets import note, tr


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}%"


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def gain_cells(row: GainRow, title: str) -> list[str]:
    gain = f"\u200e{row.gain:+.0f}\u200e"  # left-to-right marks: "+40" stays "+40" in an Urdu table
    return [
        title,
        str(row.learners),
        _percent(row.pre),
        _percent(row.post),
        gain,
        _number(row.normalised_gain),
    ]


def gain_headings() -> list[str]:
    return [
        tr("Module"),
        tr("Learners with both checks"),
        tr("Before"),
        tr("After"),
        tr("Gain (points)"),
        tr("Normalised gain"),
    ]


def analysis_headings() -> list[str]:
    return [
        tr("Question"),
        tr("Module"),
        tr("Answers"),
        tr("Facility"),
        tr("Discrimination"),
        tr("Options chosen"),
    ]


def gain_report_html(rows: Sequence[GainRow], index: PackIndex, language: str) -> str:
    """The class report's "Learning gain" section ("" when no learner has done both checks yet)."""
    if not rows:
        return ""
    title = tr("Learning gain (check questions before the lesson and after the quiz)")
    body = f"<h2>{esc(title)}</h2>"
    body += '<table border="1" cellspacing="0" cellpadding="4" width="100%"><tr>'
    body += "".join(f"<th>{esc(h)}</th>" for h in gain_headings()) + "</tr>"
    for row in rows:
        cells = gain_cells(row, index.module_title(row.pack_id, row.module_id, language))
        body += "<tr>" + "".join(f"<td>{esc(c)}</td>" for c in cells) + "</tr>"
    return body + "</table>"


class LearningTab(QWidget):
    """The Results page's "Learning" tab: gain per module, then every quiz question's statistics."""

    def __init__(self, page: Page, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        # the explanations and tables scroll together when the tab is shorter than their least heights
        # (tall Urdu lines at 1024x600) instead of being drawn over each other
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        inner.setObjectName("page")  # the page's own background (theme.py), not the scroll area's grey
        self.scroller.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroller)
        layout = self.box = QVBoxLayout(inner)
        self.notes = [
            note(
                tr(
                    "Learning gain: learners who answered the check questions before the lesson and again "
                    "after the quiz. Normalised gain is the share of what they did not know before that they "
                    "learned (0 to 1)."
                )
            ),
            note(
                tr(
                    "Questions: facility is the average score; discrimination compares a question with the "
                    "rest of the quiz (below 0.2 the question may be unclear or give its answer away)."
                )
            ),
        ]
        layout.addWidget(self.notes[0])
        self.gain_table = self._table(tr("Learning gain per module"), gain_headings(), stretch=0)
        layout.addWidget(self.gain_table, 1)
        layout.addWidget(self.notes[1])
        self.analysis_table = self._table(
            tr("Item analysis of quiz questions"), analysis_headings(), stretch=0
        )
        layout.addWidget(self.analysis_table, 2)
        self.gain_rows: list[GainRow] = []
        self.stats: list[ItemStat] = []
        self._pending: tuple[Store, Sequence[PackSource], str | None, str] | None = None

    @staticmethod
    def _table(name: str, headings: list[str], *, stretch: int) -> QTableWidget:
        table = QTableWidget()
        table.setAccessibleName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        table.setColumnCount(len(headings))
        table.setHorizontalHeaderLabels(headings)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )  # whole headings, in any language
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        # the page may be narrower than all the columns: scroll inside the table, never widen the window
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        table.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        return table

    def refresh(self, store: Store, packs: Sequence[PackSource], class_id: str | None, language: str) -> None:
        """Show the figures for this class; computed when the tab is on screen, so a teacher who never opens
        it does not wait for them on an old computer."""
        self._pending = (store, packs, class_id, language)
        if self.isVisible():
            self._compute()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._compute()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The explanations keep every wrapped line (the Results tabs ask no height by width, so the
        tables would otherwise squeeze the tall Urdu lines); the tables scroll in what is left, down to
        their headings and one row."""
        super().resizeEvent(event)
        margins = self.box.contentsMargins()
        bar = self.scroller.verticalScrollBar().sizeHint().width()  # room for the bar if it comes
        width = max(1, event.size().width() - margins.left() - margins.right() - bar)
        for label in self.notes:
            label.setMinimumHeight(label.heightForWidth(width))
        for table in (self.gain_table, self.analysis_table):  # at least the headings and one row
            header = table.horizontalHeader().sizeHint().height()
            table.setMinimumHeight(
                header + table.verticalHeader().defaultSectionSize() + 2 * table.frameWidth()
            )

    def _compute(self) -> None:
        if self._pending is None:
            return
        store, packs, class_id, language = self._pending
        self._pending = None
        index = PackIndex(packs)
        self.gain_rows = self.page.run_safely(lambda: learning_gain(store, class_id)) or []
        self.stats = self.page.run_safely(lambda: item_analysis(store, packs, class_id)) or []
        self.gain_table.setRowCount(len(self.gain_rows))
        for r, row in enumerate(self.gain_rows):
            title = index.module_title(row.pack_id, row.module_id, language)
            if row.class_name and class_id is None:
                title = tr("%1 — %2").replace("%1", title).replace("%2", row.class_name)
            self._fill(self.gain_table, r, gain_cells(row, title))
        self.analysis_table.setRowCount(len(self.stats))
        for r, stat in enumerate(self.stats):
            prompt = index.question_prompt(stat.pack_id, stat.module_id, stat.question_id, language)
            disc = _number(stat.discrimination)
            if stat.poor:
                disc = tr("%1 ⚠ check this question").replace("%1", disc)
            chosen = ", ".join(f"{option}: {count}" for option, count in stat.options) or "—"
            cells = [
                prompt or stat.question_id,
                index.module_title(stat.pack_id, stat.module_id, language),
                str(stat.answers),
                _percent(stat.facility),
                disc,
                chosen,
            ]
            self._fill(self.analysis_table, r, cells)
        self.gain_table.resizeRowsToContents()
        self.analysis_table.resizeRowsToContents()

    @staticmethod
    def _fill(table: QTableWidget, row: int, cells: list[str]) -> None:
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(row, column, item)
