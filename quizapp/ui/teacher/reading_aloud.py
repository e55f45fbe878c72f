"""The Settings card "Reading aloud": what this computer can read to learners, said plainly.

Recordings in packs play wherever there is a sound device. For texts with no recording the app uses the
computer's reading voice (espeak-ng) when it is installed; when it is not, the card says "no reading voice
on this computer" and learners see speaker buttons only where a pack has a recording.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizapp.content.text import language_name
from quizapp.ui.teacher.widgets import Card, note, tr

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
        self.body.addWidget(self.recordings)
        self.body.addWidget(self.voice)

    def refresh(self) -> None:
        voice = self.ctx.narrator.voice
        spoken = [code for code in LANGUAGES if voice is not None and voice.speaks(code)]
        if voice is None or not spoken:
            self.voice.setText(
                tr(
                    "No reading voice on this computer: texts without a recording are not read aloud. "
                    "Installing espeak-ng adds one (English and Urdu)."
                )
            )
            return
        names = ", ".join(tr(language_name(code)) for code in spoken)
        self.voice.setText(
            tr("Reading voice: {program} reads texts without a recording in {languages}.").format(
                program=voice.program.stem, languages=names
            )
        )
