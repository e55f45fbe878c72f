"""Import questions: turn question bank files (CSV, Aiken, GIFT, Moodle XML) into a pack, see what was
converted, skipped or changed, and install it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLineEdit

from quizapp.services.teacher.packs import PackError
from quizapp.ui.plaintext import fill_args
from quizapp.ui.teacher.page import Page
from quizapp.ui.teacher.widgets import (
    MIN_TARGET,
    Card,
    button,
    diagnostic_line,
    flow,
    note,
    tr,
    wrapping_label,
)

if TYPE_CHECKING:
    from quizapp.importers.report import ConversionReport
    from quizapp.ui.teacher.area import TeacherArea

AGE_BANDS = ("8-10", "11-13", "14-17", "adults")


class ImportPage(Page):
    def __init__(self, area: TeacherArea) -> None:
        super().__init__(
            area,
            tr("Import questions"),
            tr(
                "Questions written for other quiz programs can become a pack: CSV files, Aiken or GIFT text "
                "files, and Moodle XML. You see what was converted before anything is installed."
            ),
        )
        card = Card(tr("1. Choose the files"))
        form = self.form()
        self.language_combo = QComboBox()
        self.language_combo.setMinimumHeight(MIN_TARGET)
        self.language_combo.setAccessibleName(tr("Language of the questions"))
        self.language_combo.addItem(tr("English"), "en")
        self.language_combo.addItem(tr("Urdu"), "ur")
        form.addRow(tr("The questions are in:"), self.language_combo)
        card.body.addLayout(form)
        self.files_label = wrapping_label(tr("No files chosen yet."))
        card.body.addWidget(self.files_label)
        self.choose_button = button(tr("Choose question files…"), primary=True)
        self.choose_button.clicked.connect(lambda: self.choose_files())
        card.body.addLayout(flow(self.choose_button))
        self.layout_.addWidget(card)

        install = Card(tr("2. Install them as a pack"))
        install_form = self.form()
        self.title_field = QLineEdit()
        self.title_field.setAccessibleName(tr("Title of the new pack"))
        self.title_field.setPlaceholderText(tr("For example: Class 7 revision questions"))
        install_form.addRow(tr("Title of the pack:"), self.title_field)
        self.age_combo = QComboBox()
        self.age_combo.setMinimumHeight(MIN_TARGET)
        self.age_combo.setAccessibleName(tr("Age of the learners"))
        for band in AGE_BANDS:
            self.age_combo.addItem(tr("Adults") if band == "adults" else fill_args(tr("Ages %1"), band), band)
        self.age_combo.setCurrentIndex(1)
        install_form.addRow(tr("For learners aged:"), self.age_combo)
        install.body.addLayout(install_form)
        self.install_button = button(tr("Install as a pack"), primary=True)
        self.install_button.setEnabled(False)
        self.install_button.clicked.connect(lambda: self.install())
        install.body.addLayout(flow(self.install_button))
        install.body.addWidget(
            note(
                tr(
                    "Imported packs are marked as drafts. Check them on the 'Question packs' page and in "
                    "a worksheet."
                )
            )
        )
        self.layout_.addWidget(install)
        self.layout_.addStretch(1)
        self.paths: list[Path] = []
        self.report: ConversionReport | None = None

    def choose_files(self, paths: list[Path] | None = None) -> None:
        if paths is None:
            paths = self.dialogs.open_files(
                self,
                tr("Choose question files"),
                tr("Question banks (*.csv *.gift *.txt *.xml);;All files (*)"),
            )
        if not paths:
            return
        self.convert(paths)

    def convert(self, paths: list[Path]) -> ConversionReport | None:
        from quizapp.services.teacher.question_import import convert

        self.paths = [Path(p) for p in paths]
        self.files_label.setText(", ".join(p.name for p in self.paths))
        language = str(self.language_combo.currentData())
        report = self.run_safely(lambda: convert(self.paths, language=language))
        self.report = report
        if report is None:
            self.install_button.setEnabled(False)
            return None
        if not self.title_field.text().strip() and self.paths:
            self.title_field.setText(
                self.paths[0].stem.replace("_", " ").replace("-", " ").strip().capitalize()
            )
        lines = []
        for item in report.skipped:
            lines.append(
                fill_args(
                    tr("Skipped: %1, line %2: '%3': %4"), item.file, str(item.line), item.name, item.reason
                )
            )
        for notice in report.errors:
            lines.append(
                fill_args(tr("Problem: %1, line %2: %3"), notice.file, str(notice.line), notice.message)
            )
        for notice in report.warnings:
            lines.append(
                fill_args(tr("Changed: %1, line %2: %3"), notice.file, str(notice.line), notice.message)
            )
        summary = fill_args(
            tr("%1 question(s) converted into %2 module(s); %3 skipped; %4 warning(s)."),
            str(len(report.converted)),
            str(len(report.modules)),
            str(len(report.skipped)),
            str(len(report.warnings)),
        )
        if report.ok:
            self.message.show_info(summary, lines)
        else:
            self.message.show_problem(summary + " " + tr("No question could be converted."), lines)
        self.install_button.setEnabled(report.ok)
        return report

    def install(self) -> bool:
        from quizapp.services.teacher.question_import import install_converted

        if self.report is None or not self.report.ok:
            self.message.show_problem(tr("Choose question files first."))
            return False
        report = self.report
        title = self.title_field.text().strip()
        try:
            done = self.run_safely(
                lambda: install_converted(
                    report, self.area.pack_manager, title=title, age_band=str(self.age_combo.currentData())
                )
            )
        except PackError as exc:
            self.message.show_problem(
                fill_args(tr("The questions were not installed: %1"), str(exc)),
                [diagnostic_line(d) for d in exc.errors],
            )
            return False
        if done is None:
            return False
        pack = done.result.pack
        self.message.show_ok(
            fill_args(
                tr("The pack '%1' was installed with %n question(s).", "", pack.question_count),
                self.text(pack.title, pack.default_language),
            )
        )
        self.install_button.setEnabled(False)
        self.area.notify_content_changed()
        return True
