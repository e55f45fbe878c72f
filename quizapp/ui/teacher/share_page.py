"""Print and share: class report, certificates, worksheets and answer keys (PDF or printer), results as
CSV, and results files to and from other computers (with look-alike learners to decide on)."""

from __future__ import annotations

import html
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel

from quizapp.content.text import LText
from quizapp.services.learner_names import display_labels
from quizapp.services.records import LookAlike
from quizapp.services.teacher.exports import save_results_csv
from quizapp.services.teacher.measures import learning_gain
from quizapp.services.teacher.reports import PackIndex, question_lines, results_grid
from quizapp.services.teacher.roster import merge_learners
from quizapp.ui.teacher.learning_page import gain_report_html
from quizapp.ui.teacher.merge_report import merge_lines
from quizapp.ui.teacher.page import Page
from quizapp.ui.teacher.printing import (
    Certificate,
    PrintPictures,
    certificate_drawer,
    class_report_html,
    date_text,
    html_drawer,
    print_with_dialog,
    worksheet_html,
    write_pdf,
)
from quizapp.ui.teacher.results_page import DateFilter
from quizapp.ui.teacher.widgets import (
    MIN_TARGET,
    Card,
    MessagePanel,
    button,
    clear_layout,
    fill_args,
    flow,
    note,
    safe_file_name,
    tr,
    wrapping_label,
)

if TYPE_CHECKING:
    from quizapp.ui.teacher.area import TeacherArea


class SharePage(Page):
    def __init__(self, area: TeacherArea) -> None:
        super().__init__(area, tr("Print and share"))
        self.class_filter = self.class_combo(include_all=True, accessible=tr("Class for reports"))
        self.dates = DateFilter(self.ctx.language)
        self.layout_.addLayout(self.filter_bar(self.labelled(tr("Class:"), self.class_filter), self.dates))
        self.class_filter.currentIndexChanged.connect(lambda _: self._filters_changed())
        for widget in (self.dates.use_from, self.dates.use_until):
            widget.toggled.connect(lambda _: self._filters_changed())
        for edit in (self.dates.from_edit, self.dates.until_edit):
            edit.dateChanged.connect(lambda _: self._filters_changed())

        grid = QGridLayout()
        grid.setSpacing(14)
        report = Card(tr("Class report"))
        report.body.addWidget(note(tr("Every learner's modules and the questions missed most.")))
        self.report_pdf_button = button(tr("Save as PDF…"), primary=True)
        self.report_pdf_button.setAccessibleName(tr("Save the class report as PDF"))
        self.report_pdf_button.clicked.connect(lambda: self.save_class_report())
        self.report_print_button = button(tr("Print…"))
        self.report_print_button.setAccessibleName(tr("Print the class report"))
        self.report_print_button.clicked.connect(lambda: self.print_class_report())
        report.body.addLayout(flow(self.report_pdf_button, self.report_print_button))
        grid.addWidget(report, 0, 0)

        certificates = Card(tr("Certificates"))
        certificates.body.addWidget(
            note(tr("One page for each module a learner passed, with your school's name."))
        )
        self.cert_pdf_button = button(tr("Save as PDF…"))
        self.cert_pdf_button.setAccessibleName(tr("Save the certificates as PDF"))
        self.cert_pdf_button.clicked.connect(lambda: self.save_certificates())
        self.cert_print_button = button(tr("Print…"))
        self.cert_print_button.setAccessibleName(tr("Print the certificates"))
        self.cert_print_button.clicked.connect(lambda: self.print_certificates())
        certificates.body.addLayout(flow(self.cert_pdf_button, self.cert_print_button))
        grid.addWidget(certificates, 0, 1)

        worksheets = Card(tr("Worksheets"))
        worksheets.body.addWidget(note(tr("A module's questions on paper, and the answer key for you.")))
        self.module_combo = QComboBox()
        self.module_combo.setMinimumHeight(MIN_TARGET)
        self.module_combo.setAccessibleName(tr("Module for the worksheet"))
        worksheets.body.addWidget(self.module_combo)
        self.worksheet_button = button(tr("Worksheet (PDF)…"))
        self.worksheet_button.clicked.connect(lambda: self.save_worksheet(answers=False))
        self.answer_key_button = button(tr("Answer key (PDF)…"))
        self.answer_key_button.clicked.connect(lambda: self.save_worksheet(answers=True))
        worksheets.body.addLayout(flow(self.worksheet_button, self.answer_key_button))
        grid.addWidget(worksheets, 1, 0)

        csv_card = Card(tr("Spreadsheet"))
        csv_card.body.addWidget(
            note(
                tr(
                    "Every answer as one line of a CSV file, for a spreadsheet program; or a mark sheet: a "
                    "row per learner, a column per module."
                )
            )
        )
        self.csv_button = button(tr("Save results as CSV…"))
        self.csv_button.clicked.connect(lambda: self.save_csv())
        self.wide_csv_button = button(tr("Mark sheet (CSV)…"))
        self.wide_csv_button.setAccessibleName(
            tr("Save one row per learner with a column per module as CSV, as Moodle's grades export")
        )
        self.wide_csv_button.clicked.connect(lambda: self.save_wide_csv())
        csv_card.body.addLayout(flow(self.csv_button, self.wide_csv_button))
        self.csv_message = MessagePanel()  # what was saved, under the buttons pressed
        csv_card.body.addWidget(self.csv_message)
        grid.addWidget(csv_card, 1, 1)

        exchange = Card(tr("Results from other computers"))
        exchange.body.addWidget(
            note(
                tr(
                    "Bring together the results of several computers: save a results file on each, then "
                    "import them all here. Importing the same file twice changes nothing."
                )
            )
        )
        self.import_button = button(tr("Import results files…"), primary=True)
        self.import_button.clicked.connect(lambda: self.import_results())
        self.export_button = button(tr("Save this computer's results file…"))
        self.export_button.clicked.connect(lambda: self.export_results())
        exchange.body.addLayout(flow(self.import_button, self.export_button))
        self.exchange_message = MessagePanel()  # what the files brought, under the buttons pressed
        exchange.body.addWidget(self.exchange_message)
        self.look_alike_box = QGridLayout()
        exchange.body.addLayout(self.look_alike_box)
        grid.addWidget(exchange, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        for card in (report, certificates, worksheets, csv_card):
            card.body.addStretch(1)  # side by side cards: their words at the top, the room below
        self.layout_.addLayout(grid)
        self.layout_.addStretch(1)
        self.pending_look_alikes: list[tuple[LookAlike, QComboBox]] = []

    def refresh(self) -> None:
        self.fill_class_combo(self.class_filter)
        self.apply_filters(self.class_filter, self.dates)  # the grid the teacher just looked at
        current = self.module_combo.currentData()
        self.module_combo.clear()
        for pack in self.packs():  # titles from the catalogue: no module is read to list them
            for module in pack.facts.modules:
                label = fill_args(
                    tr("%1 — %2"),
                    self.text(LText(pack.facts.title), pack.default_language),
                    self.text(module.title_text, pack.default_language),
                )
                self.module_combo.addItem(label, f"{pack.id}/{module.id}")
        index = self.module_combo.findData(current)
        if index >= 0:
            self.module_combo.setCurrentIndex(index)

    def _filters_changed(self) -> None:
        self.remember_filters(self.class_filter, self.dates)

    # ----------------------------------------------------------------------------------------- helpers
    def _school(self) -> str:
        return self.store.settings.school_name

    def _class_label(self) -> str:
        return self.class_name(self.class_id_of(self.class_filter))

    def _ask_pdf(self, title: str, suggested: str) -> Path | None:
        return self.dialogs.save_file(
            self, title, f"{safe_file_name(suggested)}.pdf", tr("PDF files (*.pdf)")
        )

    def _saved(self, pages: int | None, path: Path) -> None:
        if pages:
            self.message.show_ok(fill_args(tr("Saved %1 (%n page(s)).", "", pages), str(path)))

    # ------------------------------------------------------------------------------------ class report
    def class_report_body(self) -> str:
        class_id = self.class_id_of(self.class_filter)
        packs = self.packs()
        grid = results_grid(
            self.store,
            packs,
            class_id=class_id,
            pack_ids=self.area.pack_manager.learners_see(class_id),
            since=self.dates.since(),
            until=self.dates.until(),
        )
        questions = question_lines(
            self.store,
            packs,
            language=self.ctx.language,
            words=self.words(),
            class_id=class_id,
            since=self.dates.since(),
            until=self.dates.until(),
            limit=10,
        )
        gain = gain_report_html(learning_gain(self.store, class_id), PackIndex(packs), self.ctx.language)
        return (
            class_report_html(
                school=self._school(),
                class_name=self._class_label(),
                period=self.dates.describe(),
                grid=grid,
                questions=[q for q in questions if q.stat.wrong],
                language=self.ctx.language,
                class_names=self._class_names() if class_id is None else None,
            )
            + gain
        )

    def _class_names(self) -> dict[str, str]:
        return {c.id: c.name for c in self.store.people.list_classes(include_archived=True)}

    def save_class_report(self, path: Path | None = None) -> None:
        title = fill_args(tr("Class report: %1"), self._class_label())
        path = path or self._ask_pdf(title, f"class-report-{self._class_label()}")
        if path is None:
            return
        pages = self.run_safely(
            lambda: write_pdf(
                path, title, html_drawer(self.class_report_body(), rtl=self.ctx.is_rtl, landscape=True)
            )
        )
        self._saved(pages, path)

    def print_class_report(self) -> None:
        title = fill_args(tr("Class report: %1"), self._class_label())
        self.run_safely(
            lambda: print_with_dialog(
                self, title, html_drawer(self.class_report_body(), rtl=self.ctx.is_rtl, landscape=True)
            )
        )

    # ------------------------------------------------------------------------------------ certificates
    def certificates(self) -> list[Certificate]:
        class_id = self.class_id_of(self.class_filter)
        grid = results_grid(
            self.store, self.packs(), class_id=class_id, since=self.dates.since(), until=self.dates.until()
        )
        school = self._school()
        labels = display_labels([row.learner for row in grid.rows])  # two "Danish Ali": whose is whose
        out = []
        for grid_row in grid.rows:
            for column, cell in zip(grid.columns, grid_row.cells, strict=True):
                if cell.status != "passed":
                    continue
                progress = self.store.progress.get_module_progress(
                    grid_row.learner.id, column.pack_id, column.module_id
                )
                score = (
                    fill_args(tr("Score: %1%"), f"{cell.best_score:.0f}")
                    if cell.best_score is not None
                    else ""
                )
                out.append(
                    Certificate(
                        school=school,
                        learner=labels[grid_row.learner.id],
                        module=self.ctx.fill(column.title_in(self.ctx.language)),
                        completed=date_text(progress.completed_at or cell.last_activity, self.ctx.language),
                        score=score,
                    )
                )
        return out

    def save_certificates(self, path: Path | None = None) -> None:
        certificates = self.run_safely(self.certificates)
        if certificates is None:
            return
        if not certificates:
            self.message.show_info(
                tr("No learner in this class has passed a module yet, so there are no certificates.")
            )
            return
        title = fill_args(tr("Certificates: %1"), self._class_label())
        path = path or self._ask_pdf(title, f"certificates-{self._class_label()}")
        if path is None:
            return
        pages = self.run_safely(
            lambda: write_pdf(path, title, certificate_drawer(certificates, rtl=self.ctx.is_rtl))
        )
        self._saved(pages, path)

    def print_certificates(self) -> None:
        certificates = self.run_safely(self.certificates)
        if not certificates:
            self.message.show_info(
                tr("No learner in this class has passed a module yet, so there are no certificates.")
            )
            return
        title = fill_args(tr("Certificates: %1"), self._class_label())
        self.run_safely(
            lambda: print_with_dialog(self, title, certificate_drawer(certificates, rtl=self.ctx.is_rtl))
        )

    # -------------------------------------------------------------------------------------- worksheets
    def save_worksheet(self, *, answers: bool, path: Path | None = None) -> None:
        data = self.module_combo.currentData()
        if not data:
            self.message.show_problem(tr("There is no module to print. Install a pack first."))
            return
        pack_id, _, module_id = str(data).partition("/")
        pack = self.library.pack(pack_id)
        module = pack.module(module_id) if pack is not None else None
        if pack is None or module is None:
            return
        language = self.ctx.language
        module_title = self.text(module.title, pack.default_language)
        title = fill_args(tr("Answer key: %1") if answers else tr("Worksheet: %1"), module_title)
        path = path or self._ask_pdf(title, f"{'answer-key' if answers else 'worksheet'}-{module.id}")
        if path is None:
            return
        pictures = PrintPictures(pack.asset_path)
        body = worksheet_html(
            school=self._school(),
            pack_title=self.text(pack.manifest.title, pack.default_language),
            module=module,
            language=language,
            default_language=pack.default_language,
            answers=answers,
            fill=lambda text: self.ctx.fill(text, module.audience),
            pictures=pictures,
        )
        drawer = html_drawer(body, rtl=self.ctx.is_rtl, images=pictures.images)
        pages = self.run_safely(lambda: write_pdf(path, title, drawer))
        self._saved(pages, path)

    # ------------------------------------------------------------------------------------------- CSV
    def save_csv(self, path: Path | None = None) -> None:
        class_id = self.class_id_of(self.class_filter)
        path = path or self.dialogs.save_file(
            self,
            tr("Save results as CSV"),
            f"{safe_file_name('results-' + self._class_label())}.csv",
            tr("CSV files (*.csv)"),
        )
        if path is None:
            return
        learners = self.store.people.list_learners(class_id, include_archived=True)
        saved = self.run_safely(
            lambda: save_results_csv(
                path,
                self.store,
                self.packs(),
                learners,
                language=self.ctx.language,
                words=self.words(),
                since=self.dates.since(),
                until=self.dates.until(),
            )
        )
        if saved is not None:
            self.csv_message.show_ok(
                fill_args(tr("%n answer(s) saved to %1.", "", saved.answer_rows), str(path))
            )

    def save_wide_csv(self, path: Path | None = None) -> None:
        """One row per learner, a column per module (the best score), for the school's own mark sheets."""
        from quizapp.services.teacher.exports import WideHeadings, save_wide_csv

        class_id = self.class_id_of(self.class_filter)
        path = path or self.dialogs.save_file(
            self,
            tr("Save one row per learner as CSV"),
            f"{safe_file_name('marks-' + self._class_label())}.csv",
            tr("CSV files (*.csv)"),
        )
        if path is None:
            return
        grid = self.run_safely(
            lambda: results_grid(
                self.store,
                self.packs(),
                class_id=class_id,
                pack_ids=self.area.pack_manager.learners_see(class_id),
                since=self.dates.since(),
                until=self.dates.until(),
            )
        )
        if grid is None:
            return
        headings = WideHeadings(
            learner=tr("Learner"),
            father_name=tr("Father's name"),
            roll_number=tr("Roll number"),
            class_name=tr("Class"),
            passed=tr("Modules passed"),
        )
        rows = self.run_safely(
            lambda: save_wide_csv(
                path, grid, class_names=self._class_names(), language=self.ctx.language, headings=headings
            )
        )
        if rows is not None:
            self.csv_message.show_ok(
                fill_args(tr("%n learner(s) saved to %1, one row each.", "", rows), str(path))
            )

    # -------------------------------------------------------------------------------- results bundles
    def export_results(self, path: Path | None = None) -> None:
        from quizapp.services.transfer import export_results

        path = path or self.dialogs.save_file(
            self,
            tr("Save this computer's results file"),
            "quizapp-results.zip",
            tr("quizapp results (*.zip)"),
        )
        if path is None:
            return
        if self.run_safely(lambda: export_results(self.store, path)) is not None:
            self.message.show_ok(
                fill_args(
                    tr("This computer's results were saved to %1. Import that file on the other computer."),
                    str(path),
                )
            )

    def import_results(self, paths: list[Path] | None = None) -> None:
        from quizapp.services.transfer import import_results

        paths = (
            paths
            if paths is not None
            else self.dialogs.open_files(
                self, tr("Import results files"), tr("quizapp results (*.zip *.json);;All files (*)")
            )
        )
        if not paths:
            return
        outcomes = self.run_safely(lambda: import_results(self.store, paths))
        if outcomes is None:
            return
        lines: list[str] = []
        look_alikes: list[LookAlike] = []
        for outcome in outcomes:
            if outcome.report is None:
                lines.append(fill_args(tr("%1: not imported. %2"), outcome.path.name, outcome.error or ""))
                continue
            report = outcome.report
            lines += merge_lines(report, outcome.path.name, self.learner_name)
            look_alikes += [la for la in report.look_alikes if la.kind == "learner"]
        from quizapp.services.transfer import missing_packs

        installed = [pack.id for pack in self.packs()]
        for pack_id, title in sorted(missing_packs(self.store, installed).items()):
            lines.append(
                fill_args(
                    tr(
                        "The pack '%1' (%2) is not installed here: its results show with the titles the "
                        "file carried. Install it on the Packs page to see its lessons and questions."
                    ),
                    title,
                    pack_id,
                )
            )
        self.show_look_alikes(look_alikes)
        summary = tr("%n file(s) read.", "", len(outcomes))
        if look_alikes:
            summary += " " + tr("Some learners look alike: decide below whether they are the same child.")
        self.exchange_message.show_info(summary, lines)
        self.area.notify_content_changed()

    def show_look_alikes(self, look_alikes: list[LookAlike]) -> None:
        clear_layout(self.look_alike_box)
        self.pending_look_alikes = []
        if not look_alikes:
            return
        look_alike_title = tr("Learners who look alike")
        self.look_alike_box.addWidget(QLabel(f"<b>{html.escape(look_alike_title)}</b>"), 0, 0, 1, 2)
        for index, look_alike in enumerate(look_alikes, 1):
            where = fill_args(tr(" in %1"), look_alike.class_name) if look_alike.class_name else ""
            text = fill_args(tr("'%1'%2 is here twice."), look_alike.name, where)
            details = [
                self.learner_detail(look_alike.existing_id),
                self.learner_detail(look_alike.incoming_id),
            ]
            if any(details):
                unknown = tr("no father's name or roll number")
                text += " " + fill_args(
                    tr("On this computer: %1. From the file: %2."),
                    details[0] or unknown,
                    details[1] or unknown,
                )
            label = wrapping_label(text)
            choice = QComboBox()
            choice.setMinimumHeight(MIN_TARGET)
            choice.addItem(tr("Two different children: keep separate"), "keep")
            choice.addItem(tr("The same child: merge into one"), "merge")
            choice.setAccessibleName(fill_args(tr("What to do with %1"), look_alike.name))
            self.look_alike_box.addWidget(label, index, 0)
            self.look_alike_box.addWidget(choice, index, 1)
            self.pending_look_alikes.append((look_alike, choice))
        apply_button = button(tr("Apply these choices"), primary=True)
        apply_button.clicked.connect(lambda: self.apply_look_alikes())
        self.look_alike_box.addWidget(apply_button, len(look_alikes) + 1, 0, 1, 2)

    def apply_look_alikes(self) -> None:
        merged = 0
        for look_alike, choice in self.pending_look_alikes:
            if choice.currentData() != "merge":
                continue
            done = self.run_safely(
                partial(merge_learners, self.store, look_alike.existing_id, look_alike.incoming_id)
            )
            if done is None:
                return
            merged += 1
        kept = len(self.pending_look_alikes) - merged
        self.show_look_alikes([])
        self.exchange_message.show_ok(fill_args(tr("%1 merged, %2 kept separate."), str(merged), str(kept)))
        self.area.notify_content_changed()


__all__ = ["SharePage"]
