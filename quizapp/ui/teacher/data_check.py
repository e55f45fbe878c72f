"""The teacher settings' "Check the progress data" card: when the full check last ran and what it found,
and a button that runs it now in the background (learners can carry on meanwhile)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from quizapp.services.integrity import CheckResult, last_full_check
from quizapp.ui.full_check import FullCheckRunner
from quizapp.ui.i18n.formatting import Formatter
from quizapp.ui.teacher.widgets import Card, button, flow, note, tr


class DataCheckCard(Card):
    """The full check of the progress data, on request."""

    def __init__(self, data_dir: Path, language: str = "en") -> None:
        super().__init__(tr("Check the progress data"))
        self.data_dir = Path(data_dir)
        self.language = language
        self.body.addWidget(
            note(tr("quizapp checks its data quickly at every start and fully once a week on its own."))
        )
        self.status = note("")
        self.status.setObjectName("data-check-status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.body.addWidget(self.status)
        self.check_button = button(tr("Check now"))
        self.check_button.setObjectName("data-check-button")
        self.check_button.setAccessibleName(tr("Check the progress data now"))
        self.check_button.clicked.connect(self.check_now)
        self.body.addLayout(flow(self.check_button))
        self.runner = FullCheckRunner(self.data_dir, self)
        self.runner.finished.connect(self._finished)
        self.refresh()

    def refresh(self, language: str | None = None) -> None:
        if language is not None:
            self.language = language
        if self.runner.running:
            return
        self.status.setText(self.describe(last_full_check(self.data_dir)))

    def describe(self, result: CheckResult | None) -> str:
        if result is None:
            return tr("Not checked fully yet.")
        when = Formatter(self.language).date_time(result.checked_at)
        if result.ok:
            return tr("Last full check: {when}. No problems found.").format(when=when)
        return tr(
            "Last full check: {when}. A problem was found: {problem}. Close quizapp and open it again: it "
            "restores the newest good backup (the damaged file is kept)."
        ).format(when=when, problem=result.problem)

    def check_now(self) -> None:
        if self.runner.start():
            self.check_button.setEnabled(False)
            self.status.setText(tr("Checking… learners can carry on."))

    def _finished(self, result: CheckResult | None) -> None:
        self.check_button.setEnabled(True)
        if result is None:
            self.status.setText(tr("The check could not run. See the log in the data folder."))
        else:
            self.status.setText(self.describe(result))
