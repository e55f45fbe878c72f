"""Narration on the learner's screens: a speaker button where there is something to hear (a pack's
recording, else the computer's reading voice), F2 for the current item, sound that reaches the device,
a quiet sentence when there is no sound device, and a start-up that does not load the player."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import wave
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from quizapp.ui.autopilot import settle
from tests.ui.conftest import StudentApp, StudentAppFactory

PACK, MODULE = "example", "safe-basics"


def open_lesson(app: StudentApp, language: str = "en") -> None:
    app.pilot.create_learner("Ayesha", avatar="cat", age_band="11-13", language=language)
    app.pilot.open_module(PACK, MODULE)
    app.pilot.expect_screen(app.window.lesson)


def open_question(app: StudentApp, question_id: str) -> None:
    """Read the lesson, then answer questions until ``question_id`` is shown."""
    app.pilot.read_lesson()
    for _ in range(10):
        if app.pilot.view().question.id == question_id:
            return
        app.pilot.answer()
        app.pilot.check()
        app.pilot.next()
    raise AssertionError(f"question {question_id} never came")


def speakers(widget: QWidget) -> list[QWidget]:
    return [w for w in widget.findChildren(QWidget, "speaker") if w.isVisible()]


def wait_for_sound(qtbot, app: StudentApp) -> None:  # type: ignore[no-untyped-def]
    """Wait until samples of the clip have been taken by the (null) sound device."""
    narrator = app.ctx.narrator
    qtbot.waitUntil(lambda: narrator.player is not None and narrator.player.frames_played > 0, timeout=5000)
    assert narrator.player.backend == "Null"


def test_the_narrated_section_has_a_speaker_that_plays_its_recording(qtbot, student: StudentApp) -> None:
    """The example's first section has a speaker button (named for screen readers, a fingertip big);
    pressing it decodes the recording and its samples reach the sound device."""
    open_lesson(student)
    lesson = student.window.lesson
    [speaker] = speakers(lesson)
    assert speaker.accessibleName() == "Listen: Passphrases"
    assert speaker.width() >= 48 and speaker.height() >= 48
    assert lesson.speaker is not None and lesson.speaker.item.recording is not None
    assert lesson.speaker.item.recording.name == "passphrases-en.ogg"
    student.pilot.click(speaker)
    wait_for_sound(qtbot, student)


def test_no_speaker_where_there_is_nothing_to_play(student: StudentApp) -> None:
    """The second section has no recording and there is no reading voice: no button, and F2 does nothing."""
    open_lesson(student)
    lesson = student.window.lesson
    student.pilot.click(lesson.next_button)
    assert speakers(lesson) == []
    student.pilot.key(Qt.Key.Key_F2)
    settle()
    assert student.ctx.narrator.player is None


def test_f2_plays_the_focused_option_or_the_question(qtbot, student: StudentApp) -> None:
    """In the narrated question every option and the prompt have a speaker; F2 on an option plays that
    option's recording, F2 elsewhere the prompt's."""
    open_lesson(student)
    open_question(student, "best-passphrase")
    view = student.pilot.view()
    assert len(speakers(view)) == 4
    played: list[str] = []
    narrator = student.ctx.narrator
    original = narrator.play
    narrator.play = lambda item: (played.append(item.recording.name), original(item))  # type: ignore[method-assign]
    card = view.card_for("b")  # type: ignore[attr-defined]
    card.setFocus()
    student.pilot.key(Qt.Key.Key_F2, card)
    student.window.quiz.action_button.setFocus()
    student.pilot.key(Qt.Key.Key_F2, student.window.quiz.action_button)
    assert played == ["best-passphrase-b-en.ogg", "best-passphrase-en.ogg"]
    wait_for_sound(qtbot, student)


def test_urdu_plays_the_urdu_recording_on_the_leading_side(student: StudentApp) -> None:
    """In Urdu the button plays the Urdu file and sits on the right of the heading (right to left)."""
    open_lesson(student, language="ur")
    lesson = student.window.lesson
    [speaker] = speakers(lesson)
    assert lesson.speaker is not None and lesson.speaker.item.recording is not None
    assert lesson.speaker.item.recording.name == "passphrases-ur.ogg"
    heading = lesson.findChild(QWidget, "section-heading")
    assert speaker.mapToGlobal(speaker.rect().center()).x() > heading.mapToGlobal(heading.rect().center()).x()


def test_no_sound_device_is_a_quiet_sentence(
    qtbot, student_factory: StudentAppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lab PC with no sound device: pressing the speaker says so in a sentence on the screen."""
    monkeypatch.setenv("QUIZAPP_AUDIO_BACKEND", "aaudio")  # Android's: never there on a desktop
    app = student_factory.open()
    open_lesson(app)
    lesson = app.window.lesson
    app.pilot.click(speakers(lesson)[0])
    qtbot.waitUntil(lambda: lesson.sound_note.text() != "", timeout=5000)
    assert "no speakers or headphones" in lesson.sound_note.text()
    assert lesson.sound_note.isVisible()


def test_a_recording_damaged_after_install_is_refused_quietly(qtbot, student: StudentApp) -> None:
    """A narration file replaced by something else after validation is checked again and not played."""
    open_lesson(student)
    lesson = student.window.lesson
    assert lesson.speaker is not None and lesson.speaker.item.recording is not None
    lesson.speaker.item.recording.write_bytes(b"\x89PNG\r\n\x1a\n not a recording")
    student.pilot.click(lesson.speaker)
    qtbot.waitUntil(lambda: lesson.sound_note.text() != "", timeout=5000)
    assert "cannot be played" in lesson.sound_note.text()
    assert student.ctx.narrator.player is None


FAKE_ESPEAK = """\
#!{python}
# A stand-in for espeak-ng: lists two voices, and "speaks" by writing a short WAV of silence to stdout.
import sys, wave, io
if "--voices" in sys.argv:
    print("Pty Language       Age/Gender VoiceName          File                 Other Languages")
    print(" 5  en-gb           --/M      English_(GB)       gmw/en")
    print(" 5  ur              --/M      Urdu               inc/ur")
    sys.exit(0)
text = sys.stdin.read()
with open({log!r}, "a", encoding="utf-8") as log:
    log.write(sys.argv[sys.argv.index("-v") + 1] + "|" + text.replace("\\n", " ") + "\\n")
out = io.BytesIO()
with wave.open(out, "wb") as w:
    w.setnchannels(1); w.setsampwidth(2); w.setframerate(22050); w.writeframes(b"\\0\\0" * 22050)
sys.stdout.buffer.write(out.getvalue())
"""


def fake_voice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Put the stand-in espeak-ng alone on the PATH; returns the file where it logs what it said."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "spoken.txt"
    program = bin_dir / "espeak-ng"
    program.write_text(FAKE_ESPEAK.format(python=sys.executable, log=str(log)), encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setenv("QUIZAPP_READING_VOICE", "")
    return log


def test_the_teachers_switch_takes_the_voice_away_but_not_recordings(
    student_factory: StudentAppFactory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """With the reading voice turned off in Settings, unrecorded texts have no speaker; recorded ones do."""
    fake_voice(tmp_path, monkeypatch)
    app = student_factory.open()
    app.store.settings.set_bool("reading_voice", False)
    open_lesson(app)
    lesson = app.window.lesson
    assert len(speakers(lesson)) == 1  # the recorded first section
    app.pilot.click(lesson.next_button)
    assert speakers(lesson) == []


def test_the_reading_voice_reads_what_has_no_recording(
    qtbot, student_factory: StudentAppFactory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Where a text has no recording and the computer has a reading voice, the button reads the text
    shown (heading and body, without formatting marks) in its language, through the same player."""
    log = fake_voice(tmp_path, monkeypatch)
    app = student_factory.open()
    open_lesson(app)
    lesson = app.window.lesson
    app.pilot.click(lesson.next_button)  # the second section has no recording
    [speaker] = speakers(lesson)
    app.pilot.click(speaker)
    wait_for_sound(qtbot, app)
    spoken = log.read_text(encoding="utf-8")
    assert spoken.startswith("en|Codes are secret. A one-time code (OTP)") and "**" not in spoken


def test_starting_the_app_does_not_load_the_player(tmp_path: Path) -> None:
    """Start-up (main window shown, store open) imports neither the player nor miniaudio."""
    script = textwrap.dedent(
        f"""
        import json, os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from quizapp.paths import builtin_packs_dir
        from quizapp.progress.store import Store
        from quizapp.services.library import PackLibrary
        from quizapp.ui.context import AppContext
        from quizapp.ui.main_window import MainWindow
        data = Path({str(tmp_path / "data")!r})
        store = Store.open(data)
        ctx = AppContext(data_dir=data, store=store, library=PackLibrary(builtin_packs_dir(), data / "packs"))
        window = MainWindow(ctx)
        window.show()
        app.processEvents()
        print(json.dumps([m for m in ("quizapp.services.playback", "miniaudio") if m in sys.modules]))
        """
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert json.loads(run.stdout.strip().splitlines()[-1]) == []


def test_the_player_plays_a_wav_and_stops(qapp) -> None:  # type: ignore[no-untyped-def]
    """The player takes any clip the decoder knows (a WAV from the reading voice) and stop() halts it."""
    import io
    import time

    from quizapp.services.playback import Player

    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(22050)
        w.writeframes(b"\1\0" * 22050 * 3)
    player = Player(["null"])
    try:
        player.play(out.getvalue())
        deadline = time.monotonic() + 5
        while player.frames_played == 0 and time.monotonic() < deadline:
            time.sleep(0.02)
        player.stop()
        stopped_at = player.frames_played
        time.sleep(0.3)
        assert 0 < stopped_at == player.frames_played < 22050 * 3
    finally:
        player.close()


def test_leaving_the_lesson_stops_the_narration(qtbot, student: StudentApp) -> None:
    """A 20-second section stops playing when the learner goes back to their modules."""
    import time

    open_lesson(student)
    student.pilot.click(student.window.lesson.speaker)
    wait_for_sound(qtbot, student)
    student.pilot.click(student.window.lesson.home_button)
    player = student.ctx.narrator.player
    stopped_at = player.frames_played
    time.sleep(0.5)
    assert player.frames_played == stopped_at
