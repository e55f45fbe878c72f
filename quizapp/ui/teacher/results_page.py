"""Class results: learners x modules in words, one learner's every answer, and the questions missed most."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabBar,
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
from quizapp.ui.i18n.fonts import compact_font, has_arabic_script
from quizapp.ui.i18n.formatting import Formatter
from quizapp.ui.plaintext import fill_args, plain_label, tooltip_text
from quizapp.ui.teacher.learning_page import LearningTab
from quizapp.ui.teacher.page import Page
from quizapp.ui.teacher.printing import date_text
from quizapp.ui.teacher.results_table import FrozenNameTable, LearnerFilter, ResultsModel
from quizapp.ui.teacher.widgets import MIN_TARGET, Card, heading, note, tr

URDU_INK_SAMPLE = "بلال احمد یوسف گل نیچے ژ"
"""The tallest and deepest letters Urdu names have: a class of Urdu names gets at least their room."""

if TYPE_CHECKING:
    from quizapp.ui.teacher.area import TeacherArea


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
        return fill_args(tr("From %1 until %2"), start, end)


class ElidedLines(QLabel):
    """A label of one or two lines that shortens each line with "…" to the width it is given (the whole
    text is in its tool tip), so words never run out of sight at the edge of a 1024x600 window."""

    def __init__(self) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._full = ""

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(tooltip_text(text))
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = QFontMetrics(self.font())
        room = max(self.contentsRect().width(), 0)
        lines = [
            metrics.elidedText(line, Qt.TextElideMode.ElideRight, room) for line in self._full.split("\n")
        ]
        super().setText("\n".join(lines))


class FillingTabs(QTabWidget):
    """Tabs that take the height the window gives and ask for none by the width (their wrapping labels
    would otherwise make the page taller than the window, so the page would scroll instead of the grid)."""

    def hasHeightForWidth(self) -> bool:
        return False


class ResultsPage(Page):
    def __init__(self, area: TeacherArea) -> None:
        super().__init__(area, tr("Results"))
        self.layout_.setSpacing(4)
        self.layout_.setContentsMargins(8, 2, 8, 4)
        # The menu names the page: the title's line goes to the class grid (a class of 40 at 1024x600).
        self.title_label.hide()
        self.class_filter = self.class_combo(include_all=True, accessible=tr("Class to show"))
        self.dates = DateFilter(self.ctx.language)
        # The dates fold away behind one button that says which dates are shown; opened, they take a line.
        self.dates_button = QPushButton()
        self.dates_button.setCheckable(True)
        self.dates_button.setMinimumHeight(MIN_TARGET)
        self.dates_button.setAccessibleName(tr("Choose the dates of the results shown"))
        self.dates_button.toggled.connect(self._show_dates)
        self.dates_row = QWidget()
        dates_line = QHBoxLayout(self.dates_row)
        dates_line.setContentsMargins(0, 0, 0, 0)
        dates_line.addWidget(self.dates)
        dates_line.addStretch(1)
        self.dates_row.hide()
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(tr("Find a learner"))
        self.search_field.setAccessibleName(tr("Find a learner by name, father's name or roll number"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setMinimumHeight(MIN_TARGET)
        self.search_field.setMinimumWidth(160)
        # One line for the class, the dates and the search; what the grid shows (and its legend) sits beside
        # the tabs, in the room they leave.
        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.class_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.filter_line = self.labelled(tr("Class:"), self.class_filter)
        bar.addWidget(self.filter_line)
        bar.addWidget(self.dates_button)
        bar.addStretch(1)
        self.found_label = plain_label("")  # "3 found", beside the search that found them
        self.found_label.setObjectName("resultsFound")
        bar.addWidget(self.found_label)
        bar.addWidget(self.search_field)
        self.layout_.addLayout(bar)
        self.layout_.addWidget(self.dates_row)
        self.summary_label = ElidedLines()
        self.summary_label.setObjectName("resultsSummary")
        self.summary_label.setContentsMargins(8, 0, 0, 0)
        self.summary_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.class_filter.currentIndexChanged.connect(lambda _: self._filters_changed())
        for widget in (self.dates.use_from, self.dates.use_until):
            widget.toggled.connect(lambda _: self._filters_changed())
        for edit in (self.dates.from_edit, self.dates.until_edit):
            edit.dateChanged.connect(lambda _: self._filters_changed())

        self.tabs = FillingTabs()
        self.tabs.setAccessibleName(tr("Results views"))
        grid_tab = QWidget()
        grid_layout = QVBoxLayout(grid_tab)
        grid_layout.setContentsMargins(2, 2, 2, 2)
        grid_layout.setSpacing(0)
        self.model = ResultsModel(self.ctx.language, self)
        self.proxy = LearnerFilter(self)
        self.proxy.setSourceModel(self.model)
        self.grid = FrozenNameTable(self.proxy)
        self._style_grid()
        self.grid.set_row_height(self._row_height())
        self.grid.setMinimumHeight(6 * self._row_height())
        self.grid.learner_chosen.connect(self.show_learner)
        self.search_field.textChanged.connect(self._search)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(True)
        self.splitter.addWidget(self.grid)
        self.detail_card = Card()
        self.detail_title = heading(tr("Every answer of the chosen learner"), 2)
        self.detail_card.body.addWidget(self.detail_title)
        self.detail_tree = QTreeWidget()
        self.detail_tree.setAccessibleName(tr("Answers of the chosen learner"))
        self.detail_tree.setHeaderLabels([tr("Quiz and question"), tr("Answer"), tr("Result")])
        self.detail_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.detail_card.body.addWidget(self.detail_tree)
        self.splitter.addWidget(self.detail_card)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.detail_card.hide()  # the whole class first; a learner's answers open below when chosen
        self.proxy.sort(0, Qt.SortOrder.AscendingOrder)
        self.grid.names.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        grid_layout.addWidget(self.splitter, 1)
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
        # The tabs take the room the window has (never asking for more), so the grid scrolls, not the page.
        self.tabs.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        # The search and the summary are on the line of the class and dates (the grid gets the lines they
        # had); they are there while the class grid is shown.
        # The tabs' own bar is replaced by one on a line shared with what the grid shows (the room to the
        # side of the tabs), so the grid has the height of a line more.
        self.view_bar = QTabBar()
        self.view_bar.setAccessibleName(tr("Results views"))
        self.view_bar.setDrawBase(False)
        self.view_bar.setExpanding(False)
        self.view_bar.setUsesScrollButtons(False)
        for index in range(self.tabs.count()):
            self.view_bar.addTab(self.tabs.tabText(index))
            self.view_bar.setTabToolTip(index, self.tabs.tabToolTip(index))
        self.tabs.tabBar().hide()
        # Compact tabs: the words a little smaller than the app's buttons, no more air than a target needs
        self.view_bar.setStyleSheet(
            f"QTabBar::tab {{ min-height: {MIN_TARGET - 8}px; padding: 0px 12px; "
            f"font-size: {self._grid_pixels() + (0 if self.ctx.is_rtl else 2)}px; }}"
        )
        self.view_bar.currentChanged.connect(self.tabs.setCurrentIndex)
        self.tabs.currentChanged.connect(self.view_bar.setCurrentIndex)
        self.tabs.currentChanged.connect(self._tab_changed)
        views = QHBoxLayout()
        views.setSpacing(0)
        views.addWidget(self.view_bar)
        views.addWidget(self.summary_label, 1)
        self.layout_.addLayout(views)
        self.layout_.addWidget(self.tabs, 1)
        self.current_grid: ResultsGrid | None = None
        self.current_questions: list[QuestionLine] = []

    def _grid_pixels(self) -> int:
        """The grid's text size: a little under the app's body text, so a class fits and stays readable."""
        from quizapp.ui.theme import BASE_FONT_PX

        return round(BASE_FONT_PX * 0.8)

    def _row_height(self, texts: Iterable[str] = ()) -> int:
        """A compact row: as tall as the ink of the texts it shows (names are one line) and 1-2 px of air
        above and below, never taller than a line of the grid's font (with that air, in Latin letters).

        Each text is measured in the font the grid draws it in (``compact_font``: Naskh for Urdu letters,
        whose ink is half as tall as Nastaliq's): a class of Urdu names gets the room of the tallest and
        deepest letters names have; a class whose names are in Latin letters (drawn in the fallback font)
        gets the room of those, so more learners are in sight at 1024x600."""
        font = QFont(self.font())
        font.setPixelSize(self._grid_pixels())
        sample = ["(Ågý)"]  # the tallest and deepest Latin marks a name may have
        shown = [text for text in texts if text]

        def ink(text: str) -> int:
            return QFontMetrics(compact_font(font, text)).tightBoundingRect(text).height()

        if any(has_arabic_script(text) for text in shown) or (self.ctx.is_rtl and not shown):
            sample.append(URDU_INK_SAMPLE)
            return max(ink(text) for text in [*sample, *shown]) + 4
        return min(QFontMetrics(font).height() + 4, max(ink(text) for text in [*sample, *shown]) + 3)

    def _shown_texts(self) -> set[str]:
        """Every text the grid's rows show (names, classes, marks), each once."""
        model = self.model
        return {
            str(model.index(row, column).data() or "")
            for row in range(model.rowCount())
            for column in range(model.columnCount())
        }

    def _style_grid(self) -> None:
        pixels = self._grid_pixels()
        style = (
            f"QTableView {{ font-size: {pixels}px; }} QTableView::item {{ padding: 0px 4px; }} "
            f"QHeaderView {{ font-size: {pixels}px; }} "
            f"QHeaderView::section {{ font-size: {pixels}px; padding: 2px 4px; }}"
        )
        for view in (self.grid.names, self.grid.modules):
            view.setStyleSheet(style)
        small = f"font-size: {pixels}px;"
        self.summary_label.setStyleSheet(small)
        self.found_label.setStyleSheet(small)
        # The line of choices in words a little smaller than the app's (Nastaliq's tall lines made it the
        # height of two grid rows more)
        line = f"font-size: {pixels + 2}px;"
        self.filter_line.setStyleSheet(f"QLabel, QComboBox {{ {line} }}")
        self.search_field.setStyleSheet(f"QLineEdit {{ {line} }}")
        self.dates_button.setStyleSheet(f"QPushButton {{ font-weight: normal; padding: 0px 12px; {line} }}")

    # ------------------------------------------------------------------------------------------ reading
    def selected_class(self) -> str | None:
        return self.class_id_of(self.class_filter)

    def _filters_changed(self) -> None:
        self.remember_filters(self.class_filter, self.dates)
        self.refresh()

    def _tab_changed(self, index: int) -> None:
        for widget in (self.search_field, self.found_label, self.summary_label):
            widget.setVisible(index == 0)

    def _show_dates(self, shown: bool) -> None:
        self.dates_row.setVisible(shown)
        self._name_dates()

    def _name_dates(self) -> None:
        arrow = "▴" if self.dates_button.isChecked() else "▾"
        self.dates_button.setText(f"{self.dates.describe()} {arrow}")

    def _search(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._describe()

    def refresh(self) -> None:
        self.fill_class_combo(self.class_filter)
        self.apply_filters(self.class_filter, self.dates)  # as last chosen here or on the print page
        class_id = self.selected_class()
        packs = self.packs()
        enabled = self.area.pack_manager.learners_see(class_id)
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
        self._name_dates()
        classes = {c.id: c.name for c in self.store.people.list_classes(include_archived=True)}
        self.model.set_grid(grid, classes, show_class=class_id is None)
        self.grid.set_row_height(self._row_height(self._shown_texts()))
        self._describe()
        self.detail_tree.clear()
        self._fill_questions(class_id)
        self.learning_tab.refresh(self.store, packs, class_id, self.ctx.language)

    def _describe(self) -> None:
        """What the grid shows, beside the tabs: the counts, and the marks' legend under them when two lines
        fit the tabs' height (else the legend is in the tool tip); "N found" beside the search."""
        grid = self.current_grid
        if grid is None:
            return
        found = self.proxy.rowCount()
        searching = bool(self.search_field.text().strip()) and grid.rows
        self.found_label.setText(fill_args(tr("Showing %1 found."), str(found)) if searching else "")
        if not grid.rows:
            text = tr("No learners to show. Add learners on the 'Classes and learners' page.")
            self.summary_label.set_full_text(text)
            return
        passed = sum(row.passed for row in grid.rows)
        counts = fill_args(
            tr("%1 learner(s), %2 module(s); %3 module(s) passed in all."),
            str(len(grid.rows)),
            str(len(grid.columns)),
            str(passed),
        )
        legend = tr("✔ passed · ◐ started · ○ not yet")
        line = QFontMetrics(self.summary_label.font()).height()
        two_lines = 2 * line <= max(self.view_bar.sizeHint().height(), MIN_TARGET)
        self.summary_label.set_full_text(f"{counts}\n{legend}" if two_lines else counts)
        self.summary_label.setToolTip(tooltip_text(f"{counts}\n{legend}"))

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
            wrong = fill_args(
                wrong, str(line.stat.wrong), str(line.stat.answers), f"{line.stat.percent_wrong:.0f}"
            )
            chosen = "\n".join(
                fill_args(tr("%1 (%n time(s))", "", count), text) for text, count in line.wrong_answers
            )
            for c, text in enumerate((line.prompt, line.module_title, wrong, chosen or "—")):
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip_text(text))
                self.question_table.setItem(r, c, item)
        self.question_table.resizeRowsToContents()

    def grid_text(self, row: int, column: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> str:
        """The text of a cell of the grid as shown (sorted and searched), or its words (``ToolTipRole``)."""
        value = self.proxy.index(row, column).data(role)
        return "" if value is None else str(value)

    def choose_learner(self, row: int) -> None:
        """Select a row of the grid as the teacher's click does."""
        self.grid.names.selectRow(row)

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
        if self.detail_card.isHidden():
            self.detail_card.show()
            total = max(sum(self.splitter.sizes()), self.splitter.height())
            self.splitter.setSizes([total * 3 // 5, total - total * 3 // 5])
        if not detail.runs:
            empty = QTreeWidgetItem(
                [fill_args(tr("%1 has not answered any quiz yet."), detail.learner.display_name)]
            )
            self.detail_tree.addTopLevelItem(empty)
        for run in detail.runs:
            if run.run.finished_at:
                result = fill_args(tr("Score %1%"), f"{run.run.score_percent or 0:.0f}")
                result += " · " + (tr("✔ Passed") if run.run.passed else tr("Not passed yet"))
            else:
                result = tr("Not finished")
            top = QTreeWidgetItem(
                [
                    fill_args(
                        tr("%1 — %2"), run.module_title, date_text(run.run.started_at, self.ctx.language)
                    ),
                    tr("%n answer(s)", "", len(run.answers)),
                    result,
                ]
            )
            for number, line in enumerate(run.answers, 1):
                child = QTreeWidgetItem(
                    [f"{number}. {line.prompt}", line.answer_text, outcome_words(line.outcome)]
                )
                for column in range(3):
                    child.setToolTip(column, tooltip_text(child.text(column)))
                top.addChild(child)
            self.detail_tree.addTopLevelItem(top)
            top.setExpanded(True)
        label = self.model.labels.get(detail.learner.id, detail.learner.display_name)
        self.detail_title.setText(fill_args(tr("Every answer of %1"), label))

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
