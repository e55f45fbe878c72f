"""Play, calmly: one more try before the answer is shown, a praise moment (word, star, soft sound the
teacher can turn off) on a right answer, the short results screen, and scenario pictures from the pack."""

from __future__ import annotations

import io
import logging
import time
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from quizapp import paths
from quizapp.services.play import set_praise_sound_enabled
from quizapp.ui import images
from quizapp.ui.autopilot import settle
from quizapp.ui.narration import Narrator
from tests.services.test_library import copy_pack
from tests.ui.conftest import StudentApp, StudentAppFactory

PACK, MODULE = "example", "safe-basics"
CHIME = paths.assets_dir() / "sounds" / "praise.wav"


@pytest.fixture
def played(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The sound files the app asked to play (nothing reaches the speakers in tests)."""
    calls: list[Path] = []

    def record(_narrator: Narrator, path: Path) -> None:
        calls.append(path)

    monkeypatch.setattr(Narrator, "play_effect", record)
    return calls


def go_to(app: StudentApp, qtype: str) -> None:
    app.pilot.create_learner("Ali")
    app.pilot.open_module(PACK, MODULE)
    app.pilot.read_lesson()
    for _ in range(20):
        if app.pilot.view().question.type == qtype:
            return
        app.pilot.answer(right=True)
        app.pilot.check()
        app.pilot.next()
    raise AssertionError(f"no {qtype} question")


def stored(app: StudentApp) -> list[tuple[str, object, bool | None]]:
    run = app.window.quiz.session.run
    return [(a.question_id, a.answer, a.correct) for a in app.store.runs.attempts_for_run(run.id)]


def test_wrong_first_answer_gets_one_more_try_and_the_first_is_stored(student: StudentApp, played) -> None:  # type: ignore[no-untyped-def]
    """'Not quite. Try once more.' without the answer; the same answer again is refused; the second try
    shows the feedback and the praise; the store keeps the first answer."""
    go_to(student, "single")
    quiz, pilot = student.window.quiz, student.pilot
    before, heard = stored(student), len(played)
    pilot.answer(right=False)
    wrong = quiz.view.answer()
    assert pilot.first_check()
    assert quiz.message.text() == "Not quite. Try once more."
    assert not quiz.feedback.isVisible() and not quiz.checked  # the right answer is not revealed
    assert quiz.action_button.text() == "Check again"
    assert stored(student) == [*before, ("best-passphrase", wrong, False)]  # saved at the first try

    pilot.click(quiz.action_button)  # the same answer again
    assert quiz.message.text() == "Try a different answer this time."
    assert quiz.retry_pending and not quiz.feedback.isVisible()

    pilot.answer_again(right=True)
    pilot.click(quiz.action_button)
    assert quiz.checked and quiz.feedback.verdict.text() == "Correct!"
    assert quiz.praise.running and quiz.praise.word
    assert played[heard:] == [CHIME] and CHIME.is_file()  # the shipped chime, once, for the right second try
    assert stored(student) == [*before, ("best-passphrase", wrong, False)]  # the second try is not stored


def test_praise_sound_off_by_teacher_plays_nothing(student: StudentApp, played) -> None:  # type: ignore[no-untyped-def]
    """With the teacher's switch off, a right answer still gets the word and the star, but no sound."""
    go_to(student, "single")  # (with the switch on a right answer chimes: the test above)
    set_praise_sound_enabled(student.store, False)
    before = len(played)
    student.pilot.answer(right=True)
    student.pilot.check()
    assert student.window.quiz.praise.running
    assert len(played) == before


def test_praise_plays_the_soft_chime_only_on_a_right_answer(student: StudentApp, played) -> None:  # type: ignore[no-untyped-def]
    """Right answers get the shipped chime; a wrong answer shown with its feedback gets neither sound nor
    star (the questions are shuffled: true/false may come first, with no right answer before it)."""
    go_to(student, "true_false")  # true/false: no second try
    assert played == [CHIME] * len(played)
    before = len(played)
    student.pilot.answer(right=False)
    student.pilot.check()
    quiz = student.window.quiz
    assert quiz.feedback.verdict.text() == "Not quite"
    assert not quiz.praise.isVisible() and len(played) == before


def test_the_chime_plays_through_the_narration_player(qtbot, student: StudentApp) -> None:  # type: ignore[no-untyped-def]
    """A right answer's chime is decoded by the same miniaudio player as narration and reaches its
    (null) sound device: there is no second way of playing sound."""
    go_to(student, "single")
    student.pilot.answer(right=True)
    student.pilot.check()  # stays on the feedback: Next would stop the chime
    narrator = student.ctx.narrator
    qtbot.waitUntil(lambda: narrator.player is not None and narrator.player.frames_played > 0, timeout=5000)
    assert narrator.player.backend == "Null"


def test_a_chime_with_no_sound_device_is_one_log_line(qtbot, caplog) -> None:  # type: ignore[no-untyped-def]
    """A lab PC with no sound device: the chime is skipped with a line in the log, no sentence on the
    screen (it is decoration) and no traceback."""
    narrator = Narrator(backends=["aaudio"])  # Android's back end: never there on a desktop
    problems: list[str] = []
    narrator.problem.connect(problems.append)
    with caplog.at_level(logging.INFO, logger="quizapp"):
        narrator.play_effect(CHIME)
        qtbot.waitUntil(lambda: any("not played" in r.getMessage() for r in caplog.records), timeout=5000)
    settle()
    assert problems == []
    assert not any(r.exc_info for r in caplog.records)
    narrator.close()


def long_clip(seconds: int) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(22050)
        w.writeframes(b"\1\0" * 22050 * seconds)
    return out.getvalue()


def test_the_chime_never_cuts_off_narration(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A right answer while a sentence is being read: the sentence goes on and the chime is skipped;
    once it has ended (or been stopped) the chime plays."""
    narrator = Narrator(backends=["null"])
    try:
        narrator.play_effect(CHIME)  # makes the player
        qtbot.waitUntil(lambda: narrator.player is not None and narrator.player.playing, timeout=5000)
        player = narrator.player
        player.play(long_clip(5))  # narration: stops the chime
        qtbot.waitUntil(lambda: player.frames_played > 11025, timeout=5000)  # longer than the chime
        before = player.frames_played
        narrator.play_effect(CHIME)
        time.sleep(0.3)
        assert player.playing and player.frames_played > before  # still counting the narration's frames
        player.stop()
        assert not player.playing
        narrator.play_effect(CHIME)
        qtbot.waitUntil(lambda: player.playing, timeout=5000)
        qtbot.waitUntil(lambda: not player.playing, timeout=5000)  # the 0.45 s chime played to its end
    finally:
        narrator.close()


@pytest.fixture
def single_checks(qtbot, tmp_path: Path) -> Iterator[StudentApp]:  # type: ignore[no-untyped-def]
    """The example pack with five single-choice check questions (three options each)."""
    root = copy_pack(tmp_path / "builtin" / "example", pack_id="example")
    lines = ["check:", "  questions:"]
    for number in range(1, 6):
        lines += [
            f"    - id: ck-{number}",
            "      type: single",
            f"      prompt: {{en: Check question {number}?, ur: جانچ کا سوال {number}؟}}",
            "      options:",
            "        - {id: a, text: {en: Right, ur: درست}}",
            "        - {id: b, text: {en: Wrong, ur: غلط}}",
            "        - {id: c, text: {en: Also wrong, ur: یہ بھی غلط}}",
            "      correct: a",
            "      explanation: {en: Because., ur: اس لیے۔}",
        ]
    module = root / "modules" / "safe-basics.yaml"
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("\nquiz:", "\n" + "\n".join(lines) + "\nquiz:", 1), encoding="utf-8")
    factory = StudentAppFactory(tmp_path / "data", tmp_path / "builtin", qtbot)
    yield factory.open()
    factory.close_all()


def test_check_questions_have_no_second_try(single_checks: StudentApp, played) -> None:  # type: ignore[no-untyped-def]
    """A wrong answer to a check question goes straight on: no 'try once more', no feedback, no praise."""
    app, window, pilot = single_checks, single_checks.window, single_checks.pilot
    learner_id = pilot.create_learner("Ayesha", avatar="cat", age_band="11-13")
    pilot.open_module(PACK, MODULE)
    screen = window.check
    for number in range(1, 6):
        assert window.current_screen() is screen
        assert screen.where.text() == f"Question {number} of 5"
        pilot.click(screen.view.card_for("b"))
        pilot.click(screen.next_button)
        assert "once more" not in screen.message.text()
    assert window.current_screen() is window.lesson
    [run] = app.store.runs.list_quiz_runs(learner_id, kinds=("pre",))
    assert [a.answer for a in app.store.runs.attempts_for_run(run.id)] == ["b"] * 5  # one answer each
    assert played == []


def test_results_show_two_things_to_remember_and_answers_behind_a_button(student: StudentApp) -> None:
    """A failed quiz ends on a short screen: score, a good-try badge, two things to remember tied to the
    misses; the questions to look at again open with "See all answers"."""
    window, pilot = student.window, student.pilot
    pilot.create_learner("Sana")
    pilot.open_module(PACK, MODULE)
    pilot.read_lesson()
    while window.current_screen() is window.quiz:
        qtype = pilot.view().question.type
        pilot.answer(right=qtype not in ("ordering", "true_false", "single"))
        pilot.check()
        pilot.next()
    pilot.finish_help_card()
    results = window.results
    assert not results.result.passed
    assert results.headline.text() == "Good try! Let's practise a bit more."
    assert results.findChild(QLabel, "badge-good-try") is not None
    card = results.findChild(QWidget, "things-to-remember")
    assert card is not None and card.isVisible()
    remembered = [results.findChild(QLabel, f"remember-{n}").text() for n in (1, 2)]
    closest = {
        "best-passphrase": "Long passphrases beat short complicated passwords.",
        "bully-steps": "Block, keep evidence, report, and tell a trusted adult.",
        "bank-asks-otp": "Never share a one-time code.",
    }
    # the key point closest to each of the first two questions missed (in the order they were asked)
    assert remembered == [closest[m.question.id] for m in results.result.missed[:2]]
    answers = results.findChild(QWidget, "all-answers")
    assert not answers.isVisible()
    assert results.answers_button.isVisible() and results.answers_button.text() == "See all answers"
    pilot.click(results.answers_button)
    assert answers.isVisible()
    missed = {m.question.id for m in results.result.missed}
    assert missed == {"best-passphrase", "bully-steps", "bank-asks-otp"}
    for qid in missed:
        assert results.findChild(QWidget, f"missed-{qid}").isVisible()
    assert results.answers_button.text() == "Hide the answers"


def test_scenario_shows_the_packs_picture_in_the_learners_language(student: StudentApp) -> None:
    """The example scenario's own picture replaces the phone icon, the English one in English and the
    Urdu one in Urdu; it is not shown a second time under the prompt."""
    go_to(student, "scenario")
    view = student.pilot.view()
    shown = view.findChild(QLabel, "situation-picture")
    assert shown is not None and shown.isVisible()
    assert shown.accessibleName().startswith("A phone with a message from a cousin")
    pack = view.pack
    english = images.load_image(pack.asset_path("assets/cousin-wallet-en.svg"), 150, 110)
    urdu = images.load_image(pack.asset_path("assets/cousin-wallet-ur.svg"), 150, 110)
    assert english is not None and urdu is not None
    assert shown.pixmap().toImage() == english.toImage()
    pictures = [w for w in view.findChildren(QLabel) if not w.pixmap().isNull() and w.pixmap().width() > 100]
    assert pictures == [shown]

    student.ctx.set_language("ur")
    student.window.quiz.refresh()
    settle()
    shown = student.pilot.view().findChild(QLabel, "situation-picture")
    assert shown.pixmap().toImage() == urdu.toImage()


def test_scenario_without_a_picture_keeps_the_phone_icon(student_factory: StudentAppFactory) -> None:
    """A scenario that gives no picture shows the generic phone illustration as before."""
    module = student_factory.builtin_dir / "example" / "modules" / "safe-basics.yaml"
    text = module.read_text(encoding="utf-8")
    start = text.index("      image:\n        en: assets/cousin-wallet-en.svg")
    end = text.index("      situation:", start)
    module.write_text(text[:start] + text[end:], encoding="utf-8")
    app = student_factory.open()
    go_to(app, "scenario")
    view = app.pilot.view()
    assert view.findChild(QLabel, "situation-picture") is None
    situation = view.findChild(QWidget, "situation")
    icon = images.illustration("scenario", 36).toImage()
    assert any(
        not w.pixmap().isNull() and w.pixmap().toImage() == icon for w in situation.findChildren(QLabel)
    )


def test_see_all_answers_moves_out_of_a_full_footer(student_factory: StudentAppFactory) -> None:
    """At the largest text on a small screen the footer has no room for "See all answers": it moves under
    the two things to remember (never cut off), and back to the footer at normal size."""
    copy_pack(student_factory.builtin_dir / "second", pack_id="second")  # so "Next module" is shown too
    student = student_factory.open()
    window, pilot = student.window, student.pilot
    pilot.create_learner("Omar")
    pilot.open_module(PACK, MODULE)
    pilot.read_lesson()
    while window.current_screen() is window.quiz:
        pilot.answer(right=pilot.view().question.type != "true_false")
        pilot.check()
        pilot.next()
    pilot.finish_help_card()
    results = window.results
    button = results.answers_button
    assert results.footer_row.indexOf(button) >= 0 and button.isVisible()
    assert results.next_button.isVisible()
    student.ctx.set_text_scale(150)
    settle()
    assert results.footer_row.indexOf(button) < 0 and button.isVisible()
    for other in (results.home_button, results.again_button, results.next_button):
        if other.isVisible():
            assert other.width() >= other.sizeHint().width()  # no button cut short
    student.ctx.set_text_scale(100)
    settle()
    assert results.footer_row.indexOf(button) >= 0 and button.isVisible()
