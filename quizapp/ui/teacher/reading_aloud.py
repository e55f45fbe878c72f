"""The Settings card "Reading aloud": what this computer can read to learners, said plainly.

Recordings in packs play wherever there is a sound device. For texts with no recording the app uses the
computer's reading voice (espeak-ng) when it is installed; when it is not, the card says "no reading voice
on this computer" and learners see speaker buttons only where a pack has a recording.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizapp.content.text import language_name
from quizapp.ui.narration import VOICE_SETTING
from quizapp.ui.teacher.widgets import MIN_TARGET, Card, WrappingCheckBox, note, tr

if TYPE_CHECKING:
    from quizapp.ui.context import AppContext

LANGUAGES = ("en", "ur")


class ReadingAloudCard(Card):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(tr("Reading aloud"))
        self.ctx = ctx
        self.setObjectName("reading-aloud")
        self.recordings = note(
            tr("Recorded narration in packs plays when a learner presses the speaker button or F2.")
        )
        self.voice = note("")
        self.voice.setObjectName("reading-voice")
        self.use_voice = WrappingCheckBox(tr("Read texts that have no recording with this voice"))
        self.use_voice.setAccessibleName(tr("Read texts that have no recording with this voice"))
        self.use_voice.setMinimumHeight(MIN_TARGET)
        self.use_voice.toggled.connect(self._choose)
        self.body.addWidget(self.recordings)
        self.body.addWidget(self.voice)
        self.body.addWidget(self.use_voice)

    def _choose(self, on: bool) -> None:
        """Kept for the computer; the next lesson part or question shown has speaker buttons, or not."""
        settings = self.ctx.store.settings
        if on != settings.get_bool(VOICE_SETTING, True):
            settings.set_bool(VOICE_SETTING, on)

    def refresh(self) -> None:
        voice = self.ctx.narrator.voice
        spoken = [code for code in LANGUAGES if voice is not None and voice.speaks(code)]
        self.use_voice.setVisible(bool(spoken))
        self.use_voice.setChecked(self.ctx.store.settings.get_bool(VOICE_SETTING, True))  # no-op in _choose
        if voice is None or not spoken:
            self.voice.setText(
                tr(
                    "No reading voice on this computer: texts without a recording are not read aloud. "
                    "Installing espeak-ng adds one (English and Urdu)."
                )
            )
            return
        comma = "، " if self.ctx.is_rtl else ", "  # Urdu's own comma
        names = comma.join(tr(language_name(code)) for code in spoken)
        self.voice.setText(
            tr("Reading voice: {program} reads texts without a recording in {languages}.").format(
                program=voice.program.stem, languages=names
            )
        )
