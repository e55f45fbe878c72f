"""The student learning flow over a real store: modules shown, Continue, quiz sessions, resume, results."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quizapp.progress.store import Store
from quizapp.services.grading import right_answer
from quizapp.services.learning import LearningError, LearningService
from quizapp.services.library import ModuleEntry, PackLibrary
from tests.services.test_library import copy_pack


@pytest.fixture
def library(tmp_path: Path) -> PackLibrary:
    builtin = tmp_path / "builtin"
    copy_pack(builtin / "a-first", pack_id="first")
    copy_pack(builtin / "b-second", pack_id="second")
    copy_pack(builtin / "c-young", pack_id="young", age_band="8-10")
    return PackLibrary(builtin, tmp_path / "data" / "packs")


@pytest.fixture
def service(tmp_path: Path, library: PackLibrary) -> Iterator[LearningService]:
    with Store.open(tmp_path / "data") as store:
        yield LearningService(store, library)


def entry(service: LearningService, pack_id: str = "first") -> ModuleEntry:
    found = service.library.entry(pack_id, "safe-basics")
    assert found is not None
    return found


def test_learner_names_are_checked(service: LearningService) -> None:
    """Empty or overlong names are refused with a message a child can act on."""
    with pytest.raises(LearningError, match="name"):
        service.create_learner("   ", avatar_id="cat", language="en", age_band="8-10")
    with pytest.raises(LearningError, match="shorter"):
        service.create_learner("x" * 61, avatar_id="cat", language="en", age_band="8-10")
    learner = service.create_learner("  Ali   Raza ", avatar_id="cat", language="ur", age_band="11-13")
    assert (learner.display_name, learner.language, learner.avatar_id) == ("Ali Raza", "ur", "cat")


def test_modules_follow_age_band(service: LearningService) -> None:
    """A learner sees their age band's modules; with no band, every student module."""
    older = service.create_learner("Ali", avatar_id="cat", language="en", age_band="11-13")
    younger = service.create_learner("Sara", avatar_id="owl", language="en", age_band="8-10")
    classmate = service.create_learner("Omar", avatar_id="owl", language="en", age_band=None)
    assert [e.pack_id for e in service.modules_for(older)] == ["first", "second"]
    assert [e.pack_id for e in service.modules_for(younger)] == ["young"]
    assert len(service.modules_for(classmate)) == 3
    assert service.age_band(older) == "11-13"


def test_teacher_choices_limit_the_packs(service: LearningService) -> None:
    """Packs switched off, or a class's own choice of packs, decide what a learner sees."""
    store = service.store
    school_class = store.people.create_class("5B")
    learner = service.create_learner(
        "Ali", avatar_id="cat", language="en", age_band="11-13", class_id=school_class.id
    )
    store.packs.register_pack("second", "1.0.0", {"": "Second"}, "second", enabled=False)
    assert [e.pack_id for e in service.modules_for(learner)] == ["first"]
    store.settings.set_enabled_packs(school_class.id, {"second"})
    assert [e.pack_id for e in service.modules_for(learner)] == ["second"]


def test_quiz_session_stores_each_answer_and_resumes(service: LearningService) -> None:
    """Each checked answer is stored at once; reopening the quiz continues the same run and order."""
    learner = service.create_learner("Ali", avatar_id="cat", language="en", age_band="11-13")
    module = entry(service)
    session = service.open_quiz(learner, module)
    order = session.order
    assert sorted(order) == sorted(q.id for q in module.module.quiz.questions)
    first = session.question(0)
    option_order = session.option_order(first)
    session.check(0, right_answer(first))
    assert len(service.store.runs.attempts_for_run(session.run.id)) == 1
    target = service.continue_target(learner)
    assert target is not None and (target.stage, target.position) == ("quiz", 1)

    again = service.open_quiz(learner, module)
    assert again.run.id == session.run.id
    assert again.order == order
    assert again.first_unanswered() == 1
    assert again.option_order(first) == option_order
    assert again.attempt(first.id) is not None


def test_ordering_and_matching_start_shuffled(service: LearningService) -> None:
    """Ordering steps and matching choices never start in the right order."""
    learner = service.create_learner("Ali", avatar_id="cat", language="en", age_band="11-13")
    session = service.start_quiz(learner, entry(service))
    for index in range(session.count):
        question = session.question(index)
        if question.type == "ordering":
            assert session.ordering_start(question) != sorted(session.ordering_start(question))  # type: ignore[arg-type]
        if question.type == "matching":
            start = session.matching_choices(question)  # type: ignore[arg-type]
            assert start != sorted(start)


def test_finishing_records_score_pass_and_next_module(service: LearningService) -> None:
    """Finishing a run stores the score and pass, lists missed questions and moves Continue on."""
    learner = service.create_learner("Ali", avatar_id="cat", language="en", age_band="11-13")
    module = entry(service)
    session = service.start_quiz(learner, module)
    for index in range(session.count):
        question = session.question(index)
        answer = right_answer(question)
        if question.type == "true_false":
            answer = not answer
        session.check(index, answer)
    result = session.finish()
    questions = [session.question(i) for i in range(session.count)]
    expected = (
        100 * sum(q.points for q in questions if q.type != "true_false") / sum(q.points for q in questions)
    )
    assert result.passed and result.first_pass
    assert result.score == pytest.approx(expected, abs=0.01)
    assert [m.question.type for m in result.missed] == ["true_false"]
    progress = service.progress(learner.id, module)
    assert progress.passed and progress.best_score == pytest.approx(expected, abs=0.01)
    following = service.next_module(learner, module)
    assert following is not None and following.pack_id == "second"
    target = service.continue_target(learner)
    assert target is not None and target.entry.pack_id == "second" and target.stage == "lesson"
    last = service.last_result(learner, module)
    assert last is not None and last.run.id == session.run.id and len(last.missed) == 1


def test_failed_module_continues_to_its_results(service: LearningService) -> None:
    """After a failed quiz, Continue brings the learner back to that module's results."""
    learner = service.create_learner("Ali", avatar_id="cat", language="en", age_band="11-13")
    module = entry(service)
    session = service.start_quiz(learner, module)
    session.check(0, right_answer(session.question(0)))
    result = session.finish()
    assert not result.passed
    target = service.continue_target(learner)
    assert target is not None and (target.entry.key, target.stage) == (module.key, "results")


def test_lesson_position_is_remembered(service: LearningService) -> None:
    """The lesson part reached is where the module opens next time."""
    learner = service.create_learner("Ali", avatar_id="cat", language="en", age_band="11-13")
    module = entry(service)
    assert service.target_for(learner, module).position == 0
    service.save_lesson_position(learner.id, module, 1)
    assert (service.target_for(learner, module).stage, service.target_for(learner, module).position) == (
        "lesson",
        1,
    )
    target = service.continue_target(learner)
    assert target is not None and (target.stage, target.position) == ("lesson", 1)
    service.mark_lesson_read(learner.id, module)
    assert service.target_for(learner, module).position == 0


def test_text_size_snaps_to_offered_sizes(service: LearningService) -> None:
    """Text size is stored per learner as one of the sizes offered."""
    learner = service.create_learner("Ali", avatar_id="cat", language="en", age_band="11-13")
    assert service.set_text_size(learner.id, 140).text_size == 150
    assert service.store.people.get_learner(learner.id).text_size == 150


def test_quiz_of_a_changed_pack_starts_afresh(service: LearningService) -> None:
    """A run whose questions no longer exist in the pack is not resumed."""
    learner = service.create_learner("Ali", avatar_id="cat", language="en", age_band="11-13")
    module = entry(service)
    service.store.runs.start_quiz_run(learner.id, module.pack_id, "0.9", module.module_id, ["gone-question"])
    session = service.open_quiz(learner, module)
    assert "gone-question" not in session.order
    assert session.first_unanswered() == 0


def test_quiz_grades_in_the_language_the_learner_switched_to(service: LearningService) -> None:
    """A quiz opened with the learner record from login grades a fill-in in the language shown now: after
    switching to Urdu, the Urdu answer is right (the session's own learner object still says English)."""
    from quizapp.content.models import FillBlank

    learner = service.create_learner("Ali", avatar_id="cat", language="en", age_band="11-13")
    module = entry(service)
    session = service.open_quiz(learner, module)
    index = next(i for i in range(session.count) if isinstance(session.question(i), FillBlank))
    question = session.question(index)
    assert isinstance(question, FillBlank)
    urdu = question.accepted.for_language("ur")[0]
    assert urdu not in question.accepted.for_language("en")
    service.set_language(learner.id, "ur")
    assert session.learner.language == "en"
    assert session.check(index, urdu).correct is True
    assert session.check(index, urdu, language="ur").correct is True
