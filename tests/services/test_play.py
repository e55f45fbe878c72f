"""One more try before the answer is shown (the first answer is what is stored), the praise sound's
teacher setting, and the two things to remember on the short results screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quizapp.content.text import LText
from quizapp.progress.store import Store
from quizapp.services.grading import right_answer
from quizapp.services.learning import LearningError, LearningService, QuizSession
from quizapp.services.library import PackLibrary
from quizapp.services.play import praise_sound_enabled, set_praise_sound_enabled
from quizapp.services.remember import things_to_remember
from tests.services.test_learning import entry
from tests.services.test_library import copy_pack


@pytest.fixture
def service(tmp_path: Path) -> Iterator[LearningService]:
    copy_pack(tmp_path / "builtin" / "a-first", pack_id="first")
    library = PackLibrary(tmp_path / "builtin", tmp_path / "data" / "packs")
    with Store.open(tmp_path / "data") as store:
        yield LearningService(store, library)


def start(service: LearningService) -> QuizSession:
    learner = service.create_learner("Sana", avatar_id="cat", language="en", age_band="11-13")
    return service.start_quiz(learner, entry(service))


def index_of(session: QuizSession, question_id: str) -> int:
    return session.order.index(question_id)


def test_second_try_is_shown_but_the_first_answer_is_stored_and_scored(service: LearningService) -> None:
    """A wrong first answer is stored at once; the right second try is graded for the screen only."""
    session = start(service)
    index = index_of(session, "best-passphrase")  # single choice, three options
    first = session.check(index, "a")
    assert not first.full_marks and session.retry_pending("best-passphrase")
    stored = service.store.runs.attempts_for_run(session.run.id)
    assert [(a.question_id, a.answer, a.correct) for a in stored] == [("best-passphrase", "a", False)]

    second = session.retry(index, "b")
    assert second.full_marks and not session.retry_pending("best-passphrase")
    answer, shown = session.shown_result("best-passphrase", language="en") or (None, None)
    assert answer == "b" and shown == second  # the screen shows the second try
    again = service.store.runs.attempts_for_run(session.run.id)
    assert [(a.answer, a.correct) for a in again] == [("a", False)]  # nothing more stored
    with pytest.raises(LearningError, match="no second try"):
        session.retry(index, "c")

    for i in range(session.count):
        if i != index:
            question = session.question(i)
            session.check(i, right_answer(question))
    result = session.finish()
    assert [m.question.id for m in result.missed] == ["best-passphrase"]  # scored on the first answer
    assert result.points_earned == result.points_possible - 1


def test_no_second_try_where_it_would_give_the_answer_away(service: LearningService) -> None:
    """True/false gets its feedback at once (the other answer is the only one left); so does a right
    first answer."""
    session = start(service)
    session.check(index_of(session, "bank-asks-otp"), True)
    assert not session.retry_pending("bank-asks-otp")
    session.check(index_of(session, "otp-word"), "code")
    assert not session.retry_pending("otp-word")
    session.check(index_of(session, "cousin-wallet"), "ignore")  # acceptable: not full marks
    assert session.retry_pending("cousin-wallet")


def test_a_resumed_quiz_shows_the_stored_answer_not_a_second_try(service: LearningService) -> None:
    """The offer of one more try is not kept over a restart: the resumed quiz shows the stored feedback."""
    session = start(service)
    session.check(index_of(session, "best-passphrase"), "c")
    learner = service.store.people.get_learner(session.learner.id)
    resumed = service.open_quiz(learner, entry(service))
    assert not resumed.retry_pending("best-passphrase")
    answer, grade = resumed.shown_result("best-passphrase", language="en") or (None, None)
    assert answer == "c" and grade is not None and not grade.full_marks


def test_praise_sound_is_on_until_a_teacher_turns_it_off(service: LearningService) -> None:
    """The soft praise sound is on by default and stored per data folder when switched off."""
    assert praise_sound_enabled(service.store)
    set_praise_sound_enabled(service.store, False)
    assert not praise_sound_enabled(service.store)
    assert service.store.settings.read("praise_sound") == "0"


def test_things_to_remember_follow_the_missed_questions(service: LearningService) -> None:
    """Each missed question brings the key point closest to it; no miss gives the first two points."""
    module = entry(service).module
    questions = {q.id: q for q in module.quiz.questions}
    points = [p.get_text("en") for p in module.lesson.key_points]
    missed = [questions["bully-steps"], questions["bank-asks-otp"]]
    chosen = [p.get_text("en") for p in things_to_remember(module, missed, "en")]
    assert chosen == [
        "Block, keep evidence, report, and tell a trusted adult.",
        "Never share a one-time code.",
    ]
    assert [p.get_text("en") for p in things_to_remember(module, [], "en")] == points[:2]


def test_without_key_points_the_missed_explanations_are_remembered(service: LearningService) -> None:
    """A module with no key points gives the explanations of the questions missed, at most two."""
    module = entry(service).module
    bare = module.model_copy(update={"lesson": module.lesson.model_copy(update={"key_points": []})})
    missed = list(module.quiz.questions[:3])
    chosen = things_to_remember(bare, missed, "en")
    assert chosen == [q.explanation for q in missed[:2]]
    assert all(isinstance(p, LText) for p in chosen)
