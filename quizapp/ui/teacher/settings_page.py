"""Settings: school name, local help contacts, default language, shuffling, retakes, the praise sound, the
PIN, and the end-of-term reset (only after the results are saved and the teacher confirms)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QVBoxLayout

from quizapp.services.checks import pre_checks_enabled, set_pre_checks_enabled
from quizapp.services.contacts import (
    national_contacts,
    national_contacts_confirmed,
    save_national_contacts,
    suggested_national_contacts,
)
from quizapp.services.play import praise_sound_enabled, set_praise_sound_enabled
from quizapp.services.teacher.pin import pin_problem, pin_weakness
from quizapp.services.teacher.roster import reset_class, reset_learner, reset_learners
from quizapp.ui.plaintext import fill_args
from quizapp.ui.teacher.data_check import DataCheckCard
from quizapp.ui.teacher.page import NO_CLASS, Page
from quizapp.ui.teacher.reading_aloud import ReadingAloudCard
from quizapp.ui.teacher.widgets import (
    MIN_TARGET,
    Card,
    MessagePanel,
    WrappingCheckBox,
    button,
    flow,
    note,
    safe_file_name,
    tr,
)

if TYPE_CHECKING:
    from quizapp.services.records import Learner
    from quizapp.ui.teacher.area import TeacherArea


class SettingsPage(Page):
    def __init__(self, area: TeacherArea) -> None:
        super().__init__(area, tr("Settings"))
        self._warned_pin: str | None = None  # a weak new PIN is used when the teacher presses again
        school = Card(tr("Your school"))
        form = self.form()
        self.school_field = QLineEdit()
        self.school_field.setAccessibleName(tr("School name"))
        self.school_field.setMaxLength(120)
        form.addRow(tr("School name:"), self.school_field)
        self.contacts_field = QPlainTextEdit()
        self.contacts_field.setAccessibleName(tr("Local help contacts"))
        self.contacts_field.setPlaceholderText(tr("For example: Ms Ayesha, school counsellor, room 12"))
        self.contacts_field.setMinimumHeight(110)
        form.addRow(tr("Whom children can ask for help\n(shown on the help card):"), self.contacts_field)
        self.language_combo = QComboBox()
        self.language_combo.setMinimumHeight(MIN_TARGET)
        self.language_combo.setAccessibleName(tr("Language for new learners"))
        self.language_combo.addItem(tr("English"), "en")
        self.language_combo.addItem(tr("Urdu"), "ur")
        form.addRow(tr("Language for new learners:"), self.language_combo)
        self.shuffle_box = WrappingCheckBox(tr("Shuffle questions and answers"))
        self.shuffle_box.setAccessibleName(tr("Shuffle questions and answers"))
        self.shuffle_box.setMinimumHeight(MIN_TARGET)
        choices = QVBoxLayout()
        choices.setSpacing(4)
        choices.addWidget(self.shuffle_box)
        self.retake_box = WrappingCheckBox(tr("Learners may take a quiz again after passing it"))
        self.retake_box.setAccessibleName(tr("Learners may take a quiz again after passing it"))
        self.retake_box.setMinimumHeight(MIN_TARGET)
        choices.addWidget(self.retake_box)
        self.pre_check_box = WrappingCheckBox(
            tr("Ask the check questions before each lesson (learning gain)")
        )
        self.pre_check_box.setAccessibleName(tr("Ask the check questions before each lesson (learning gain)"))
        self.pre_check_box.setMinimumHeight(MIN_TARGET)
        choices.addWidget(self.pre_check_box)
        self.contrast_box = WrappingCheckBox(tr("High-contrast colours (easier to see)"))
        self.contrast_box.setAccessibleName(tr("High-contrast colours"))
        self.contrast_box.setMinimumHeight(MIN_TARGET)
        choices.addWidget(self.contrast_box)
        self.example_box = WrappingCheckBox(
            tr("Show the example pack to learners (a demo of every question type, not a lesson)")
        )
        self.example_box.setAccessibleName(tr("Show the example pack to learners"))
        self.example_box.setMinimumHeight(MIN_TARGET)
        choices.addWidget(self.example_box)
        self.praise_sound_box = WrappingCheckBox(tr("Play a soft sound when a learner answers right"))
        self.praise_sound_box.setObjectName("praise-sound")
        self.praise_sound_box.setAccessibleName(tr("Play a soft sound when a learner answers right"))
        self.praise_sound_box.setMinimumHeight(MIN_TARGET)
        choices.addWidget(self.praise_sound_box)
        school.body.addLayout(form)
        school.body.addLayout(choices)
        self.save_button = button(tr("Save settings"), primary=True)
        self.save_button.clicked.connect(self.save)
        school.body.addLayout(flow(self.save_button))
        self.layout_.addWidget(school)

        national = Card(tr("National contacts (suggested)"))
        national.body.addWidget(
            note(
                tr(
                    "A suggested list of national numbers. Numbers change and differ by province: check each "
                    "one for your area, change the list if needed, then tick the box. Learners see it with "
                    "your school's contacts only after you confirm it."
                )
            )
        )
        self.national_field = QPlainTextEdit()
        self.national_field.setAccessibleName(tr("National contacts"))
        self.national_field.setMinimumHeight(110)
        national.body.addWidget(self.national_field)
        self.national_field.textChanged.connect(self._national_edited)
        self.national_status = note("")
        self.national_status.setObjectName("national-status")
        national.body.addWidget(self.national_status)
        self.national_box = WrappingCheckBox(tr("I checked these contacts: show them to learners"))
        self.national_box.setAccessibleName(tr("I checked these contacts: show them to learners"))
        self.national_box.setMinimumHeight(MIN_TARGET)
        national.body.addWidget(self.national_box)
        self.national_button = button(tr("Save national contacts"))
        self.national_button.clicked.connect(self.save_national)
        self.national_suggest = button(tr("Use the suggested list"))
        self.national_suggest.clicked.connect(
            lambda: self.national_field.setPlainText(suggested_national_contacts(self.ctx.language))
        )
        national.body.addLayout(flow(self.national_button, self.national_suggest))
        self.layout_.addWidget(national)

        pin = Card(tr("Teacher PIN"))
        pin_form = self.form()
        self.old_pin = self._pin_field(tr("Current PIN"))
        self.new_pin = self._pin_field(tr("New PIN"))
        self.repeat_pin = self._pin_field(tr("New PIN again"))
        pin_form.addRow(tr("Current PIN:"), self.old_pin)
        pin_form.addRow(tr("New PIN:"), self.new_pin)
        pin_form.addRow(tr("New PIN again:"), self.repeat_pin)
        pin.body.addLayout(pin_form)
        self.pin_button = button(tr("Change the PIN"))
        self.pin_button.clicked.connect(self.change_pin)
        pin.body.addLayout(flow(self.pin_button))
        self.pin_message = MessagePanel()  # under the PIN fields, where the teacher is looking
        pin.body.addWidget(self.pin_message)
        self.layout_.addWidget(pin)

        term = Card(tr("End of term"))
        term.body.addWidget(
            note(
                tr(
                    "Start learners afresh for a new term. Their results are saved to a file first, and "
                    "you are "
                    "asked before anything is cleared."
                )
            )
        )
        self.reset_class_combo = self.class_combo(
            include_all=False, include_none=False, accessible=tr("Class to reset")
        )
        term.body.addWidget(self.reset_class_combo)
        self.reset_learner_combo = QComboBox()
        self.reset_learner_combo.setMinimumHeight(MIN_TARGET)
        self.reset_learner_combo.setAccessibleName(tr("Learner to reset"))
        self.reset_class_combo.currentIndexChanged.connect(lambda _: self._fill_learners())
        term.body.addWidget(self.reset_learner_combo)
        self.reset_button = button(tr("Reset progress…"), danger=True)
        self.reset_button.clicked.connect(lambda: self.reset())
        term.body.addLayout(flow(self.reset_button))
        self.layout_.addWidget(term)
        self.data_check = DataCheckCard(self.ctx.data_dir, self.ctx.language)
        self.layout_.addWidget(self.data_check)
        self.reading_aloud = ReadingAloudCard(self.ctx)
        self.layout_.addWidget(self.reading_aloud)
        self.layout_.addStretch(1)

    def _pin_field(self, accessible: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setMaxLength(12)
        field.setAccessibleName(accessible)
        field.setMaximumWidth(260)
        return field

    def refresh(self) -> None:
        settings = self.store.settings
        self.school_field.setText(settings.school_name)
        self.contacts_field.setPlainText(settings.help_contacts)
        index = self.language_combo.findData(settings.default_language)
        self.language_combo.setCurrentIndex(max(0, index))
        self.shuffle_box.setChecked(settings.shuffle_default)
        self.retake_box.setChecked(settings.allow_retake_passed)
        self.pre_check_box.setChecked(pre_checks_enabled(self.store))
        self.contrast_box.setChecked(self.ctx.computer_high_contrast)
        self.example_box.setChecked(settings.show_example_pack)
        self.praise_sound_box.setChecked(praise_sound_enabled(self.store))
        self.national_field.setPlainText(national_contacts(settings, self.ctx.language))
        confirmed = national_contacts_confirmed(settings)
        self.national_box.setChecked(confirmed)
        self.national_status.setText(
            tr("Confirmed: learners see these contacts.")
            if confirmed
            else tr("Not confirmed: learners do not see these contacts yet.")
        )
        self._fill_reset_classes()
        self._fill_learners()
        self.data_check.refresh(self.ctx.language)
        self.reading_aloud.refresh()

    def _fill_reset_classes(self) -> None:
        """The classes, then "Learners in no class" when there are any (they start a new term too)."""
        combo = self.reset_class_combo
        was = combo.currentData()
        self.fill_class_combo(combo)
        if self._learners_to_reset(NO_CLASS, include_archived=True):
            combo.blockSignals(True)
            combo.addItem(tr("Learners in no class"), NO_CLASS)
            if was == NO_CLASS:
                combo.setCurrentIndex(combo.count() - 1)
            combo.blockSignals(False)

    def _reset_choice(self) -> str | None:
        """The class chosen for a reset: its id, ``NO_CLASS``, or None when there is nothing to choose."""
        data = self.reset_class_combo.currentData()
        return None if data is None else str(data)

    def _learners_to_reset(self, choice: str, *, include_archived: bool) -> list[Learner]:
        if choice == NO_CLASS:
            everyone = self.store.people.list_learners(include_archived=include_archived)
            return [learner for learner in everyone if learner.class_id is None]
        return self.store.people.list_learners(choice, include_archived=include_archived)

    def _fill_learners(self) -> None:
        self.reset_learner_combo.clear()
        choice = self._reset_choice()
        if choice is None:
            self.reset_learner_combo.addItem(tr("No classes yet"), None)
            self.reset_button.setEnabled(False)
            return
        self.reset_button.setEnabled(True)
        self.reset_learner_combo.addItem(tr("Everyone in the class"), "")
        for learner in self._learners_to_reset(choice, include_archived=False):
            self.reset_learner_combo.addItem(learner.display_name, learner.id)

    def unsaved_changes(self) -> bool:
        """True when the school's settings on screen differ from the saved ones."""
        settings = self.store.settings
        return (
            self.school_field.text().strip() != settings.school_name
            or self.contacts_field.toPlainText().strip() != settings.help_contacts
            or self.language_combo.currentData() != settings.default_language
            or self.shuffle_box.isChecked() != settings.shuffle_default
            or self.retake_box.isChecked() != settings.allow_retake_passed
            or self.pre_check_box.isChecked() != pre_checks_enabled(self.store)
            or self.contrast_box.isChecked() != self.ctx.computer_high_contrast
            or self.example_box.isChecked() != settings.show_example_pack
        )

    def offer_to_save(self) -> bool:
        """The teacher leaves the page: changes not saved yet are saved, discarded, or the teacher stays (a
        school name typed but not saved would otherwise be missing from the certificates without a word).
        Returns False when the teacher chose to stay on the page."""
        if not self.unsaved_changes():
            return True
        choice = self.dialogs.ask_unsaved(
            self,
            tr("Save the settings?"),
            tr("You changed the settings but did not save them. Save them now?"),
        )
        if choice == "stay":
            return False
        if choice == "save":
            self.save()
        else:
            self.refresh()  # the fields show the saved settings again
        return True

    def save(self) -> None:
        def write() -> bool:
            settings = self.store.settings
            settings.school_name = self.school_field.text()
            settings.help_contacts = self.contacts_field.toPlainText()
            settings.default_language = self.language_combo.currentData()
            settings.shuffle_default = self.shuffle_box.isChecked()
            settings.allow_retake_passed = self.retake_box.isChecked()
            settings.show_example_pack = self.example_box.isChecked()
            set_pre_checks_enabled(self.store, self.pre_check_box.isChecked())
            set_praise_sound_enabled(self.store, self.praise_sound_box.isChecked())
            self.ctx.set_high_contrast(self.contrast_box.isChecked())
            return True

        if self.run_safely(write):
            self.message.show_ok(tr("The settings were saved."))
            self.area.notify_content_changed()

    def _national_edited(self) -> None:
        """An edited list is not the list that was checked: it must be confirmed again."""
        saved = national_contacts(self.store.settings, self.ctx.language).strip()
        if self.national_field.toPlainText().strip() != saved:
            self.national_box.setChecked(False)

    def save_national(self) -> None:
        """Keep the national list; learners see it only when the teacher ticked that it was checked."""
        settings = self.store.settings
        text = self.national_field.toPlainText()
        confirmed = self.national_box.isChecked()

        def write() -> bool:
            save_national_contacts(settings, text, confirmed=confirmed)
            return True

        if self.run_safely(write) is None:
            return
        self.refresh()
        self.message.show_ok(tr("The national contacts were saved."))
        self.area.notify_content_changed()

    def change_pin(self) -> None:
        from quizapp.ui.teacher.pin_gate import PinGate

        check = self.area.pin.check(self.old_pin.text())
        if not check.ok:
            if check.wait_seconds:
                self.pin_message.show_problem(tr("Too many wrong tries. Please wait and try again."))
            else:
                self.pin_message.show_problem(tr("The current PIN is not right."))
            self.old_pin.clear()
            return
        problem = pin_problem(self.new_pin.text(), self.repeat_pin.text())
        if problem is not None:
            self.pin_message.show_problem(PinGate.problem_text(self.area.gate, problem))
            return
        weakness = pin_weakness(self.new_pin.text())
        if weakness is not None and self._warned_pin != self.new_pin.text():
            self._warned_pin = self.new_pin.text()
            self.pin_message.show_problem(PinGate.weakness_text(self.area.gate, weakness))
            return
        self._warned_pin = None
        self.area.pin.set_pin(self.new_pin.text(), self.repeat_pin.text())
        for field in (self.old_pin, self.new_pin, self.repeat_pin):
            field.clear()
        self.pin_message.show_ok(tr("The PIN was changed."))

    def reset(self, path: Path | None = None) -> None:
        choice = self._reset_choice()
        if choice is None:
            return
        learner_id = self.reset_learner_combo.currentData()
        learners = (
            [self.store.people.get_learner(learner_id)]
            if learner_id
            else self._learners_to_reset(choice, include_archived=True)
        )
        if not learners:
            self.message.show_info(tr("There is nobody to reset in this class."))
            return
        if learner_id:
            who = learners[0].display_name
        elif choice == NO_CLASS:
            who = tr("Learners in no class")
        else:
            who = self.class_name(choice)
        path = self.save_results_first(
            learners,
            tr("First, save the results"),
            f"{safe_file_name(who)}-results-before-reset.csv",
            not_saved=tr("Nothing was reset: the results must be saved first."),
            failed=tr("Nothing was reset: the results could not be saved."),
            path=path,
        )
        if path is None:
            return
        if not self.dialogs.confirm(
            self,
            tr("Reset progress"),
            fill_args(
                tr(
                    "Clear every answer and all progress of %1? The results were saved to %2. "
                    "This cannot be undone."
                ),
                who,
                str(path),
            ),
            tr("Reset"),
        ):
            self.message.show_info(
                fill_args(tr("Nothing was reset. The results were saved to %1."), str(path))
            )
            return
        fresh = self.run_safely(
            lambda: (
                [reset_learner(self.store, learner_id)]
                if learner_id
                else reset_learners(self.store, [learner.id for learner in learners])
                if choice == NO_CLASS
                else reset_class(self.store, choice)
            )
        )
        if fresh is not None:
            self.message.show_ok(
                fill_args(
                    tr("%n learner(s) start afresh. The old results are in %1.", "", len(fresh)), str(path)
                )
            )
            self.refresh()
            self.area.notify_content_changed()


__all__ = ["SettingsPage"]
