"""Narration on the learner's screens: a speaker button beside a lesson section, a question's prompt and
its options, and F2 to hear the current one.

What is played: the pack's recording in the language the text is shown in (``audio:``, checked again here
as the picture loader re-checks pictures), else the computer's reading voice (espeak-ng, see
:mod:`quizapp.services.reading_voice`) when it speaks that language. Where neither exists, no button is
shown. The player (:mod:`quizapp.services.playback`, miniaudio) is imported on the first press, in a
worker thread, never at start-up; failures (no sound device in a lab PC, a damaged file) are a quiet
sentence on the screen via :attr:`Narrator.problem`, never a dialog or a traceback.

The praise chime goes through the same player (:meth:`Narrator.play_effect`), so the app has one way to
make a sound: loaded on the first chime or press, in a worker thread. **The chime never interrupts
narration**: while a clip is playing the chime is skipped (the praise word and star still show), and
narration started during a chime stops the chime, as any new clip does. A chime that cannot play (no
sound device) is one line in the log and nothing on the screen: it is decoration, not content.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from quizapp.content.audio import AudioProblem, read_audio_file
from quizapp.content.richtext import to_plain
from quizapp.services.reading_voice import ReadingVoice, ReadingVoiceError, find_reading_voice
from quizapp.ui import images, theme

if TYPE_CHECKING:
    from collections.abc import Callable

    from quizapp.content.text import LText
    from quizapp.ui.context import AppContext

log = logging.getLogger("quizapp")

SHORTCUT = "F2"
"""Plays the current item: the lesson section, the focused option, else the question's prompt."""
BACKEND_VARIABLE = "QUIZAPP_AUDIO_BACKEND"
"""Set to ``null`` (the tests do) to play into a device that needs no sound card."""
SPEAKER_ICON = 32
VOICE_SETTING = "reading_voice"
"""The teacher's switch (Settings, Reading aloud): the computer's voice may read unrecorded texts."""
_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True, slots=True)
class NarrationItem:
    """One thing to hear: a recording in the pack, or else ``text`` for the reading voice."""

    recording: Path | None
    text: str
    language: str


class Narrator(QObject):
    """Plays narration for every screen of one app. The reading voice is looked for on first need, the
    player made on first play; both are then kept."""

    problem = Signal(str)
    """A sentence for the learner when a clip could not be played (already translated)."""
    started = Signal()
    finished = Signal()
    _kind_signal = Signal(str)  # from the worker thread: "device", "decode" or "voice"

    def __init__(
        self,
        backends: list[str] | None = None,
        find_voice: Callable[[], ReadingVoice | None] = find_reading_voice,
        voice_allowed: Callable[[], bool] = lambda: True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.voice_allowed = voice_allowed
        if backends is None and os.environ.get(BACKEND_VARIABLE):
            backends = [os.environ[BACKEND_VARIABLE]]
        self._backends = backends
        self._find_voice = find_voice
        self._voice: ReadingVoice | None = None
        self._voice_looked_for = False
        self._player: Any = None  # services.playback.Player, imported on the first play
        self._ticket = 0
        self._lock = threading.Lock()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)
        self._kind_signal.connect(self._report)

    # ------------------------------------------------------------------------------------- finding
    @property
    def voice(self) -> ReadingVoice | None:
        """The computer's reading voice (looked for once), or None."""
        if not self._voice_looked_for:
            self._voice_looked_for = True
            self._voice = self._find_voice()
        return self._voice

    def item(
        self,
        ctx: AppContext,
        text: LText | None,
        audio: dict[str, str] | None,
        asset_path: Callable[[str], Path],
        default_language: str,
        audience: str = "students",
        *,
        rich: bool = False,
    ) -> NarrationItem | None:
        """What a speaker button beside ``text`` would play, or None when there is nothing to play."""
        if text is None:
            return None
        shown = ctx.language if ctx.language in text.languages(default_language) else default_language
        words = _MARKS.sub("", ctx.fill(text.get_text(ctx.language, default_language), audience))
        if rich:
            words = to_plain(words)
        rel = (audio or {}).get(shown)
        if rel is not None:
            return NarrationItem(asset_path(rel), words, shown)
        voice = self.voice
        if voice is not None and voice.speaks(shown) and words.strip() and self.voice_allowed():
            return NarrationItem(None, words, shown)
        return None

    # ------------------------------------------------------------------------------------- playing
    def play(self, item: NarrationItem) -> None:
        """Prepare and play ``item`` in a worker thread (returns at once); a newer press wins."""
        with self._lock:
            self._ticket += 1
            ticket = self._ticket
        threading.Thread(target=self._prepare, args=(item, ticket), daemon=True, name="narration").start()

    def play_effect(self, path: Path) -> None:
        """Play the short sound effect ``path`` (a WAV) in a worker thread, unless narration is playing."""
        threading.Thread(target=self._play_effect, args=(path,), daemon=True, name="sound-effect").start()

    def _play_effect(self, path: Path) -> None:
        try:
            data = path.read_bytes()
            from quizapp.services import playback

            try:
                if not self._get_player(playback).play(data, interrupt=False):
                    log.info("Sound %s skipped: narration is playing", path.name)
            except playback.PlaybackError as exc:
                log.info("Sound %s not played: %s", path.name, exc)
        except OSError as exc:
            log.warning("Sound %s could not be read: %s", path.name, exc)
        except Exception as exc:  # a chime must never take the app down, nor show a traceback
            log.warning("Sound %s failed: %s", path.name, exc)

    def _get_player(self, playback: Any) -> Any:
        with self._lock:
            if self._player is None:
                self._player = playback.Player(self._backends)
            return self._player

    def _prepare(self, item: NarrationItem, ticket: int) -> None:
        try:
            if item.recording is not None:
                data, _info = read_audio_file(item.recording)  # changed since validated: refused here too
            else:
                voice = self.voice
                if voice is None:
                    raise ReadingVoiceError("no reading voice")
                data = voice.speak(item.text, item.language)
            from quizapp.services import playback

            with self._lock:
                if ticket != self._ticket:
                    return
                if self._player is None:
                    self._player = playback.Player(self._backends)
                player = self._player
            try:
                player.play(data, on_end=self.finished.emit)
            except playback.PlaybackError as exc:
                self._kind_signal.emit("decode" if "damaged" in str(exc) else "device")
                return
            self.started.emit()
        except (AudioProblem, OSError) as exc:
            log.warning("Narration %s could not be played: %s", item.recording, exc)
            self._kind_signal.emit("decode")
        except ReadingVoiceError:
            self._kind_signal.emit("voice")
        except Exception:  # a clip must never take the app down; the log keeps the details
            log.exception("Narration failed")
            self._kind_signal.emit("device")

    def _report(self, kind: str) -> None:
        message = {
            "device": self.tr("No sound: this computer has no speakers or headphones that work."),
            "decode": self.tr("This recording cannot be played. Tell your teacher."),
            "voice": self.tr("The reading voice did not start."),
        }[kind]
        self.problem.emit(message)

    @property
    def player(self) -> Any:
        """The player, once something has been played (tests look at what reached its device)."""
        return self._player

    def stop(self) -> None:
        with self._lock:
            self._ticket += 1
            player = self._player
        if player is not None:
            player.stop()

    def close(self) -> None:
        with self._lock:
            self._ticket += 1
            player, self._player = self._player, None
        if player is not None:
            player.close()


class SpeakerButton(QToolButton):
    """A round speaker button, as big as a child's fingertip, that plays ``item``."""

    def __init__(self, narrator: Narrator, item: NarrationItem, what: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.narrator = narrator
        self.item = item
        self.setObjectName("speaker")
        self.setProperty("role", "quiet")
        self.setIcon(images.icon("speaker", SPEAKER_ICON))
        self.setIconSize(QSize(SPEAKER_ICON, SPEAKER_ICON))
        self.setFixedSize(theme.MIN_TARGET + 4, theme.MIN_TARGET + 4)  # a fingertip, no wider
        self.setStyleSheet("padding: 0px;")  # the buttons' 18 px sides would push the icon off centre
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Listen: {what}").format(what=what))
        self.setToolTip(self.tr("Listen ({key})").format(key=SHORTCUT))
        self.clicked.connect(lambda: narrator.play(item))


def beside_speaker(content: QWidget, button: SpeakerButton | None, *, centred: bool = False) -> QWidget:
    """``content`` with the speaker button on its leading side (the right in Urdu), or ``content`` alone;
    the button beside the first line (a prompt that wraps), or ``centred`` (a one-line heading)."""
    if button is None:
        return content
    row = QWidget()
    row.setObjectName("narrated")
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter if centred else Qt.AlignmentFlag.AlignTop)
    layout.addWidget(content, 1)
    return row


def speaker_shortcut(screen: QWidget, action: Callable[[], None]) -> QShortcut:
    """F2 on ``screen`` (and its children) runs ``action``: play the current item."""
    shortcut = QShortcut(QKeySequence(SHORTCUT), screen)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(action)
    return shortcut


def section_item(ctx: AppContext, section: Any, pack: Any, audience: str) -> NarrationItem | None:
    """A lesson section's narration: its recording, else its heading and text for the reading voice."""
    narrator = ctx.narrator
    lang = pack.default_language
    item = narrator.item(ctx, section.body, section.audio, pack.asset_path, lang, audience, rich=True)
    if item is not None and item.recording is None and section.heading is not None:
        heading = _MARKS.sub("", ctx.text(section.heading, lang, audience))
        item = NarrationItem(None, f"{heading}.\n{item.text}", item.language)
    return item


def question_item(ctx: AppContext, question: Any, pack: Any, audience: str) -> NarrationItem | None:
    """A question's narration: its recording, else its prompt (after a scenario's situation)."""
    narrator = ctx.narrator
    lang = pack.default_language
    item = narrator.item(ctx, question.prompt, question.audio, pack.asset_path, lang, audience)
    situation = getattr(question, "situation", None)
    if item is not None and item.recording is None and situation is not None:
        before = _MARKS.sub("", ctx.text(situation, lang, audience))
        item = NarrationItem(None, f"{before}\n{item.text}", item.language)
    return item


def option_item(ctx: AppContext, option: Any, pack: Any, audience: str) -> NarrationItem | None:
    """An answer option's narration: its recording, else its text for the reading voice."""
    return ctx.narrator.item(ctx, option.text, option.audio, pack.asset_path, pack.default_language, audience)
