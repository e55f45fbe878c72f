"""Class results: learners x modules in words, one learner's every answer, and the questions missed most."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quizapp.services.teacher.reports import (
    QuestionLine,
    ResultsGrid,
    learner_detail,
    question_lines,
    results_grid,
)
from quizapp.ui.i18n.formatting import Formatter
from quizapp.ui.teacher.learning_page import LearningTab
from quizapp.ui.teacher.page import Page
from quizapp.ui.teacher.printing import date_text, status_words
from quizapp.ui.teacher.widgets import MIN_TARGET, Card, heading, line_room, note, tr, wrapping_label

if TYPE_CHECKING:
    from quizapp.ui.teacher.area import TeacherArea

ROLE_ID = Qt.ItemDataRole.UserRole


def outcome_words(outcome: str) -> str:
    return {
        "correct": tr("✔ Correct"),
        "wrong": tr("✖ Not quite"),
        "partly": tr("◐ Partly right"),
        "best": tr("★ Best choice"),
        "acceptable": tr("◐ Acceptable choice"),
        "unsafe": tr("⚠ Unsafe choice"),
        "not_marked": tr("— Not marked"),
    }.get(outcome, outcome)


class DateFilter(QWidget):
    """ "From" and "until" dates, each switched on by a tick box (off = no limit). Dates are shown and
    described in the interface language (``5 Mar 2024``, ``5 مارچ 2024``)."""

    DISPLAY_FORMAT = "d MMM yyyy"
    RTL_DISPLAY_FORMAT = "yyyy MMM d"
    """Qt turns a date format round in a right-to-left application (then writes the text right to left
    too, which would put the year first for the reader): given the other way round, it reads "5 مارچ 2024"."""

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.formatter = Formatter(language)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.use_from = QCheckBox(tr("From"))
        self.use_from.setAccessibleName(tr("Only results from a date"))
        self.from_edit = QDateEdit(QDate.currentDate().addDays(-30))
        self.from_edit.setAccessibleName(tr("From date"))
        self.use_until = QCheckBox(tr("Until"))
        self.use_until.setAccessibleName(tr("Only results until a date"))
        self.until_edit = QDateEdit(QDate.currentDate())
        self.until_edit.setAccessibleName(tr("Until date (included)"))
        for edit in (self.from_edit, self.until_edit):
            edit.setLocale(self.formatter.locale)
            edit.setCalendarPopup(True)
            rtl = QGuiApplication.isRightToLeft()
            edit.setDisplayFormat(self.RTL_DISPLAY_FORMAT if rtl else self.DISPLAY_FORMAT)
            edit.setMinimumHeight(MIN_TARGET)
            edit.setEnabled(False)
        for box in (self.use_from, self.use_until):
            box.setMinimumHeight(MIN_TARGET)
        self.use_from.toggled.connect(self.from_edit.setEnabled)
        self.use_until.toggled.connect(self.until_edit.setEnabled)
        for widget in (self.use_from, self.from_edit, self.use_until, self.until_edit):
            layout.addWidget(widget)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def since(self) -> datetime | None:
        if not self.use_from.isChecked():
            return None
        day = self.from_edit.date().toPython()
        assert isinstance(day, date)
        return datetime.combine(day, time())

    def until(self) -> datetime | None:
        """The end of the "until" day (exclusive bound at the next midnight)."""
        if not self.use_until.isChecked():
            return None
        day = self.until_edit.date().toPython()
        assert isinstance(day, date)
        return datetime.combine(day + timedelta(days=1), time())

    def set_range(self, since: date | None, until: date | None) -> None:
        self.use_from.setChecked(since is not None)
        if since is not None:
            self.from_edit.setDate(QDate(since.year, since.month, since.day))
        self.use_until.setChecked(until is not None)
        if until is not None:
            self.until_edit.setDate(QDate(until.year, until.month, until.day))

    def describe(self) -> str:
        since, until = self.since(), self.until()
        if since is None and until is None:
            return tr("All dates")
        start = self.formatter.date(since.date()) if since else "…"
        end = self.formatter.date((until - timedelta(days=1)).date()) if until else "…"
        return tr("From %1 until %2").replace("%1", start).replace("%2", end)


class ResultsPage(Page):
    def __init__(self, area: TeacherArea) -> None:
        super().__init__(
            area, tr("Results"), tr("Choose a learner in the grid to see every answer they gave.")
        )
        self.class_filter = self.class_combo(include_all=True, accessible=tr("Class to show"))
        self.dates = DateFilter(self.ctx.language)
        self.layout_.addLayout(self.filter_bar(self.labelled(tr("Class:"), self.class_filter), self.dates))
        self.class_filter.currentIndexChanged.connect(lambda _: self.refresh())
        for widget in (self.dates.use_from, self.dates.use_until):
            widget.toggled.connect(lambda _: self.refresh())
        for edit in (self.dates.from_edit, self.dates.until_edit):
            edit.dateChanged.connect(lambda _: self.refresh())

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(tr("Results views"))
        grid_tab = QWidget()
        grid_layout = QVBoxLayout(grid_tab)
        self.summary_label = wrapping_label()
        grid_layout.addWidget(self.summary_label)
        self.grid = QTableWidget()
        self.grid.setAccessibleName(tr("Learners and modules"))
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setWordWrap(True)
        self.grid.verticalHeader().setDefaultSectionSize(line_room(self.grid))
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.grid.setMinimumHeight(220)
        self.grid.itemSelectionChanged.connect(self._show_selected_learner)
        grid_layout.addWidget(self.grid, 2)
        self.detail_card = Card()
        self.detail_title = heading(tr("Every answer of the chosen learner"), 2)
        self.detail_card.body.addWidget(self.detail_title)
        self.detail_tree = QTreeWidget()
        self.detail_tree.setAccessibleName(tr("Answers of the chosen learner"))
        self.detail_tree.setHeaderLabels([tr("Quiz and question"), tr("Answer"), tr("Result")])
        self.detail_tree.setMinimumHeight(200)
        self.detail_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.detail_card.body.addWidget(self.detail_tree)
        grid_layout.addWidget(self.detail_card, 2)
        self.tabs.addTab(grid_tab, tr("Class grid"))

        questions_tab = QWidget()
        questions_layout = QVBoxLayout(questions_tab)
        questions_layout.addWidget(
            note(tr("Questions missed most come first, with the wrong answers chosen most."))
        )
        self.question_table = QTableWidget()
        self.question_table.setAccessibleName(tr("Questions missed most"))
        self.question_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.question_table.setWordWrap(True)
        self.question_table.setColumnCount(4)
        self.question_table.setHorizontalHeaderLabels(
            [tr("Question"), tr("Module"), tr("Wrong"), tr("Wrong answers chosen most")]
        )
        self.question_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.question_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        questions_layout.addWidget(self.question_table, 1)
        self.tabs.addTab(questions_tab, tr("Questions missed most"))
        self.learning_tab = LearningTab(self)
        gain_tab = self.tabs.addTab(
            self.learning_tab, tr("Gain")
        )  # short: three tabs fit 1024x600 in any language
        self.tabs.setTabToolTip(gain_tab, tr("Learning gain and questions"))
        self.layout_.addWidget(self.tabs, 1)
        self.current_grid: ResultsGrid | None = None
        self.current_questions: list[QuestionLine] = []

    # ------------------------------------------------------------------------------------------ reading
    def selected_class(self) -> str | None:
        return self.class_id_of(self.class_filter)

    def refresh(self) -> None:
        self.fill_class_combo(self.class_filter)
        class_id = self.selected_class()
        packs = self.packs()
        enabled = self.area.pack_manager.enabled_for_class(class_id)
        grid = self.run_safely(
            lambda: results_grid(
                self.store,
                packs,
                class_id=class_id,
                pack_ids=enabled,
                since=self.dates.since(),
                until=self.dates.until(),
            )
        )
        if grid is None:
            return
        self.current_grid = grid
        language = self.ctx.language
        self.grid.clear()
        self.grid.setRowCount(len(grid.rows))
        self.grid.setColumnCount(len(grid.columns) + 1)
        self.grid.setHorizontalHeaderLabels([tr("Learner")] + [c.title_in(language) for c in grid.columns])
        for r, grid_row in enumerate(grid.rows):
            name = QTableWidgetItem(grid_row.learner.display_name)
            name.setData(ROLE_ID, grid_row.learner.id)
            self.grid.setItem(r, 0, name)
            for c, cell in enumerate(grid_row.cells):
                text = status_words(cell.status, cell.best_score)
                if cell.runs:
                    text += "\n" + tr("%n quiz try(s)", "", cell.runs)
                item = QTableWidgetItem(text)
                item.setData(ROLE_ID, grid_row.learner.id)
                item.setToolTip(text)
                self.grid.setItem(r, c + 1, item)
        self.grid.resizeRowsToContents()
        for r, grid_row in enumerate(grid.rows):  # each cell's lines with room for tall letters
            lines = max([1] + [self.grid_text(r, c).count("\n") + 1 for c in range(len(grid_row.cells) + 1)])
            self.grid.setRowHeight(r, max(self.grid.rowHeight(r), line_room(self.grid, lines)))
        passed = sum(row.passed for row in grid.rows)
        self.summary_label.setText(
            tr("%1 learner(s), %2 module(s); %3 module(s) passed in all. %4.")
            .replace("%1", str(len(grid.rows)))
            .replace("%2", str(len(grid.columns)))
            .replace("%3", str(passed))
            .replace("%4", self.dates.describe())
        )
        if not grid.rows:
            self.summary_label.setText(
                tr("No learners to show. Add learners on the 'Classes and learners' page.")
            )
        self.detail_tree.clear()
        self._fill_questions(class_id)
        self.learning_tab.refresh(self.store, packs, class_id, language)

    def _fill_questions(self, class_id: str | None) -> None:
        lines = self.run_safely(
            lambda: question_lines(
                self.store,
                self.packs(),
                language=self.ctx.language,
                words=self.words(),
                class_id=class_id,
                since=self.dates.since(),
                until=self.dates.until(),
                limit=50,
            )
        )
        self.current_questions = lines or []
        self.question_table.setRowCount(len(self.current_questions))
        for r, line in enumerate(self.current_questions):
            wrong = tr("%1 of %2 answers (%3%)")
            wrong = (
                wrong.replace("%1", str(line.stat.wrong))
                .replace("%2", str(line.stat.answers))
                .replace("%3", f"{line.stat.percent_wrong:.0f}")
            )
            chosen = "\n".join(
                tr("%1 (%n time(s))", "", count).replace("%1", text) for text, count in line.wrong_answers
            )
            for c, text in enumerate((line.prompt, line.module_title, wrong, chosen or "—")):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.question_table.setItem(r, c, item)
        self.question_table.resizeRowsToContents()

    def grid_text(self, row: int, column: int) -> str:
        item = self.grid.item(row, column)
        return "" if item is None else item.text()

    def _show_selected_learner(self) -> None:
        items = self.grid.selectedItems()
        if items:
            self.show_learner(items[0].data(ROLE_ID))

    def show_learner(self, learner_id: str) -> None:
        detail = self.run_safely(
            lambda: learner_detail(
                self.store,
                self.packs(),
                learner_id,
                language=self.ctx.language,
                words=self.words(),
                since=self.dates.since(),
                until=self.dates.until(),
            )
        )
        self.detail_tree.clear()
        if detail is None:
            return
        if not detail.runs:
            empty = QTreeWidgetItem(
                [tr("%1 has not answered any quiz yet.").replace("%1", detail.learner.display_name)]
            )
            self.detail_tree.addTopLevelItem(empty)
        for run in detail.runs:
            if run.run.finished_at:
                result = tr("Score %1%").replace("%1", f"{run.run.score_percent or 0:.0f}")
                result += " · " + (tr("✔ Passed") if run.run.passed else tr("Not passed yet"))
            else:
                result = tr("Not finished")
            top = QTreeWidgetItem(
                [
                    tr("%1 — %2")
                    .replace("%1", run.module_title)
                    .replace("%2", date_text(run.run.started_at, self.ctx.language)),
                    tr("%n answer(s)", "", len(run.answers)),
                    result,
                ]
            )
            for number, line in enumerate(run.answers, 1):
                child = QTreeWidgetItem(
                    [f"{number}. {line.prompt}", line.answer_text, outcome_words(line.outcome)]
                )
                for column in range(3):
                    child.setToolTip(column, child.text(column))
                top.addChild(child)
            self.detail_tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.detail_title.setText(tr("Every answer of %1").replace("%1", detail.learner.display_name))

    def detail_texts(self) -> list[str]:
        """Every line of the learner detail, flattened (for tests and screen readers)."""
        out = []
        for i in range(self.detail_tree.topLevelItemCount()):
            top = self.detail_tree.topLevelItem(i)
            if top is None:
                continue
            out.append(" | ".join(top.text(c) for c in range(3)))
            for j in range(top.childCount()):
                child = top.child(j)
                if child is not None:
                    out.append(" | ".join(child.text(c) for c in range(3)))
        return out
