"""``quizapp selftest``: a scripted student journey on the real widgets, headless.

Creates a uniquely named learner, reads the example module's lesson, answers every question type (one on
purpose wrongly; another wrongly first, then rightly on its second try), closes and reopens the app in
the middle of the quiz and resumes with "Continue", finishes the module, then reopens the store and
checks what was stored.
"""

from __future__ import annotations

import tempfile
import time
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from quizapp.content.vocab import QUESTION_TYPES
from quizapp.ui.autopilot import Autopilot, AutopilotError, settle
from quizapp.ui.i18n.fonts import has_arabic_script

EXAMPLE_PACK = "example"
EXAMPLE_MODULE = "safe-basics"
ALL_TYPES = set(QUESTION_TYPES)  # every type in the registry
WRONG_TYPE = "true_false"  # answered wrongly on purpose, to see "Not quite" and a missed question
RETRY_TYPE = "single"  # wrong first ("try once more"), right on the second try: the first is what is stored
RESTART_AFTER = 3  # questions answered before the app is closed and opened again


class SelftestFailure(Exception):
    """A step did not go as expected."""


def run_selftest(
    data_dir: Path | None = None, *, language: str = "en", switch_language: bool = False
) -> dict[str, Any]:
    """Run the journey; returns the summary (``summary["ok"]`` tells whether everything went right).

    ``language`` is the learner's language. With ``switch_language`` the learner is made in English and
    switches to Urdu on the home screen before the quiz, then types the fill-in answer in Urdu (what is
    shown): it must be graded right."""
    started = time.perf_counter()
    temp: tempfile.TemporaryDirectory[str] | None = None
    if data_dir is None:
        temp = tempfile.TemporaryDirectory(prefix="quizapp-selftest-")
        data_dir = Path(temp.name)
    shown = "ur" if switch_language else language
    summary: dict[str, Any] = {"ok": False, "data_dir": str(data_dir), "checks": 0, "language": shown}
    journey = _Journey(Path(data_dir), summary, language=shown, switch_language=switch_language)
    try:
        journey.run()
        summary["ok"] = True
    except (SelftestFailure, AutopilotError) as exc:
        summary["failed"] = str(exc)
    except Exception as exc:
        summary["failed"] = f"unexpected {type(exc).__name__}: {exc}"
    finally:
        journey.close()
        summary["seconds"] = round(time.perf_counter() - started, 2)
        if temp is not None:
            temp.cleanup()
            summary["data_dir"] = "(temporary, removed)"
    return summary


class _Journey:
    def __init__(
        self, data_dir: Path, summary: dict[str, Any], *, language: str = "en", switch_language: bool = False
    ) -> None:
        self.data_dir = data_dir
        self.language = language
        self.switch_language = switch_language
        self.summary = summary
        self.store: Any = None
        self.window: Any = None
        self.reporter: Any = None

    def check(self, what: str, condition: bool, detail: object = "") -> None:
        self.summary["checks"] += 1
        if not condition:
            raise SelftestFailure(f"{what}{f': {detail}' if detail != '' else ''}")

    # --------------------------------------------------------------------------------- app life
    def open_app(self) -> Autopilot:
        from quizapp.services.records import Store
        from quizapp.ui.app import open_main_window

        self.store = Store.open(self.data_dir)
        self.window = open_main_window(self.data_dir, self.store)
        # the journey uses the example pack, shown in this process only: the school's setting is shared by
        # every PC of a school server, where twenty selftests may run at once
        self.window.ctx.learning.show_example = True
        self.window.resize(1024, 600)
        self.window.show()
        settle()
        return Autopilot(self.window)

    def close_app(self) -> None:
        if self.window is not None:
            self.window.ctx.localizer.reset()  # no Urdu translator, font or direction left behind
            self.window.close()
            self.window.deleteLater()
            self.window = None
            settle()
        if self.store is not None:
            self.store.close()
            self.store = None

    def close(self) -> None:
        try:
            self.close_app()
        finally:
            if self.reporter is not None:
                self.reporter.uninstall()
            from quizapp.ui.errors import close_logging

            close_logging()

    # ------------------------------------------------------------------------------------ steps
    def run(self) -> None:
        from quizapp.ui.app import application
        from quizapp.ui.errors import ErrorReporter, setup_logging

        application()
        setup_logging(self.data_dir)
        self.reporter = ErrorReporter(lambda: self.window)
        self.reporter.install()

        pilot = self.open_app()
        window = self.window
        entry = window.ctx.library.entry(EXAMPLE_PACK, EXAMPLE_MODULE)
        self.check("the built-in example pack is available", entry is not None, window.ctx.library.broken)
        types = {q.type for q in entry.module.quiz.questions}
        self.check("the example module has every question type", types == ALL_TYPES, sorted(types))

        name = f"Selftest {datetime.now():%Y-%m-%d %H:%M:%S} {uuid.uuid4().hex[:4]}"
        first_language = "en" if self.switch_language else self.language
        learner_id = pilot.create_learner(
            name, avatar="owl", age_band=entry.module.age_band, language=first_language
        )
        self.summary["learner"] = name
        self.check("home greets the new learner", name in window.home.hello.text(), window.home.hello.text())
        if self.switch_language:
            pilot.click(window.home.language.buttons[self.language])
        self.check("the app is in the learner's language", window.ctx.language == self.language)

        pilot.open_module(EXAMPLE_PACK, EXAMPLE_MODULE)
        pilot.expect_screen(window.lesson)
        self.check_narration(window.lesson)
        parts = pilot.read_lesson()
        sections = len(entry.module.lesson.sections)
        self.check("every lesson part was shown", len(parts) == sections, parts)
        self.summary["lesson_parts"] = len(parts)

        answered: list[str] = []
        answered += self.answer_questions(pilot, RESTART_AFTER)

        # the app is closed in the middle of the quiz, then opened again: Continue resumes
        self.close_app()
        pilot = self.open_app()
        window = self.window
        pilot.choose_learner(learner_id)
        detail = window.home.continue_detail.text()
        self.check("Continue offers the next question", str(RESTART_AFTER + 1) in detail, detail)
        pilot.press_continue()
        pilot.expect_screen(window.quiz)
        self.check(
            "the quiz resumed at the next question", window.quiz.index == RESTART_AFTER, window.quiz.index
        )
        self.summary["resumed_at_question"] = window.quiz.index + 1
        answered += self.answer_questions(pilot, len(entry.module.quiz.questions) - RESTART_AFTER)
        self.check("every question type was answered", set(answered) == ALL_TYPES, answered)

        pilot.expect_screen(window.help_card)
        contacts = window.help_card.contacts.text()
        self.check("the help card names someone to tell", bool(contacts.strip()), contacts)
        pilot.finish_help_card()
        results = window.results
        self.check("the results show a score", results.score.text().endswith("%"), results.score.text())
        result = results.result
        self.check("the module was passed", result is not None and result.passed, result and result.score)
        missed = sorted(m.question.type for m in result.missed)
        wanted = sorted((WRONG_TYPE, RETRY_TYPE))
        self.check("the wrong first answers are listed to look at again", missed == wanted, missed)
        shown_score = result.score
        pilot.click(results.home_button)
        pilot.expect_screen(window.home)
        tile = next(t for t in window.home.tiles if t.card.entry.key == (EXAMPLE_PACK, EXAMPLE_MODULE))
        self.check("home shows the module as passed", tile.card.status == "passed", tile.status.text())
        from PySide6.QtWidgets import QWidget

        self.check("home shows the badge", tile.findChild(QWidget, "badge") is not None)
        self.close_app()

        self.verify_store(learner_id, shown_score)

    def check_narration(self, lesson: Any) -> None:
        """The narrated first section has a speaker button; its recording decodes and its samples reach a
        sound device (miniaudio's null device: the self-test makes no sound in a classroom)."""
        from quizapp.services.playback import Player, decoded_seconds

        speaker = lesson.speaker
        self.check("the narrated lesson section has a speaker button", speaker is not None)
        recording = speaker.item.recording
        self.check("the speaker plays the pack's recording", recording is not None and recording.is_file())
        data = recording.read_bytes()
        seconds = decoded_seconds(data)
        self.check("the narration decodes", seconds > 1, seconds)
        player = Player(["null"])
        try:
            player.play(data)
            deadline = time.monotonic() + 5
            while player.frames_played == 0 and time.monotonic() < deadline:
                time.sleep(0.01)
            self.check("the narration reaches the sound device", player.frames_played > 0)
        finally:
            player.close()
        self.summary["narration_seconds"] = round(seconds, 1)

    def answer_questions(self, pilot: Autopilot, count: int) -> list[str]:
        window = self.window
        types: list[str] = []
        for _ in range(count):
            view = pilot.view()
            qtype = view.question.type
            right = qtype not in (WRONG_TYPE, RETRY_TYPE)
            pilot.answer(right=right)
            if qtype == RETRY_TYPE:
                offered = pilot.first_check()
                self.check(
                    "a wrong first answer is offered one more try", offered, window.quiz.message.text()
                )
                self.check(
                    "the right answer is not shown before the second try",
                    not window.quiz.feedback.isVisible(),
                )
                pilot.answer_again(right=True)
                pilot.click(window.quiz.action_button)
                self.check("the right second try is praised", window.quiz.praise.isVisible())
            else:
                pilot.check()
            feedback = window.quiz.feedback
            self.check(f"feedback is shown for {qtype}", feedback.isVisible())
            verdict = feedback.verdict.text()
            self.check(f"the verdict is in words for {qtype}", bool(verdict.strip()), verdict)
            self.check(f"the verdict has an icon for {qtype}", not feedback.icon.pixmap().isNull())
            grade = window.quiz.session.grades[view.question.id]
            self.check(f"{qtype} was graded as answered", grade.full_marks == right, grade)
            if qtype == "fill_blank":
                typed = str(view.answer() or "")
                self.summary["fill_blank_answer"] = typed
                self.check(
                    "the fill-in answer was typed in the language shown",
                    has_arabic_script(typed) == (self.language == "ur"),
                    typed,
                )
                right_text = feedback.right_answer.text()
                self.check("a right fill-in answer is not corrected", not right_text, right_text)
            types.append(qtype)
            pilot.next()
        return types

    def verify_store(self, learner_id: str, shown_score: float) -> None:
        from quizapp.services.records import Store

        with Store.open(self.data_dir) as store:
            runs = store.runs.list_quiz_runs(learner_id, pack_id=EXAMPLE_PACK, module_id=EXAMPLE_MODULE)
            self.check("one quiz run was stored (resumed, not restarted)", len(runs) == 1, len(runs))
            run = runs[0]
            self.check("the run is finished", run.finished_at is not None)
            self.check(
                "the stored score matches the screen", run.score_percent == shown_score, run.score_percent
            )
            self.check("the run is passed", run.passed is True)
            attempts = store.runs.attempts_for_run(run.id)
            self.check("every answer was stored", len(attempts) == len(run.question_order), len(attempts))
            stored_types = {a.question_type for a in attempts}
            self.check("answers of every type were stored", stored_types == ALL_TYPES, sorted(stored_types))
            wrong = sorted(a.question_type for a in attempts if a.wrong)
            wanted = sorted((WRONG_TYPE, RETRY_TYPE))
            self.check(
                "the wrong first answers were stored as wrong (not the second try)", wrong == wanted, wrong
            )
            progress = store.progress.get_module_progress(learner_id, EXAMPLE_PACK, EXAMPLE_MODULE)
            self.check("the module is stored as passed", progress.passed)
            self.check("the best score is stored", progress.best_score == shown_score, progress.best_score)
            point = store.progress.get_resume_point(learner_id)
            self.check(
                "the resume point is at the results", point is not None and point.stage == "results", point
            )
            self.summary.update(
                score=run.score_percent,
                passed=run.passed,
                answers=len(attempts),
                question_types=sorted(stored_types),
            )
        errors = self.reporter.errors if self.reporter is not None else 0
        self.check("no unexpected error was reported", errors == 0, errors)
