"""Check questions before the lesson and after the quiz: when they are due, stored apart from the quiz."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quizapp.progress.records import Learner
from quizapp.progress.store import Store
from quizapp.services.checks import CheckService, set_pre_checks_enabled
from quizapp.services.grading import right_answer
from quizapp.services.learning import LearningService
from quizapp.services.library import ModuleEntry, PackLibrary
from tests.services.checkpack import CHECK_IDS, copy_pack_with_checks


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "data") as opened:
        yield opened


@pytest.fixture
def entry(tmp_path: Path) -> ModuleEntry:
    copy_pack_with_checks(tmp_path / "builtin" / "checked")
    found = PackLibrary(tmp_path / "builtin", tmp_path / "data" / "packs").entry("checked", "safe-basics")
    assert found is not None and found.module.check is not None
    return found


def _learner(store: Store) -> Learner:
    return store.people.create_learner("Ayesha", language="en", avatar_id="cat")


def _answer_all(service: CheckService, learner: Learner, entry: ModuleEntry, kind: str, right: int) -> float:
    session = service.open_check(learner, entry, kind)  # type: ignore[arg-type]
    for index in range(session.count):
        question = session.question(index)
        answer = right_answer(question)
        session.answer(index, answer if index < right else not answer)
    return session.finish()


def test_pre_check_is_due_once_then_post_after_the_quiz(store: Store, entry: ModuleEntry) -> None:
    """Pre-check before the lesson until done; post-check only after a pre-check, and only once."""
    service, learner = CheckService(store), _learner(store)
    assert service.pre_check_due(learner, entry) and not service.post_check_due(learner, entry)
    assert _answer_all(service, learner, entry, "pre", right=2) == 40.0
    assert not service.pre_check_due(learner, entry) and service.post_check_due(learner, entry)
    assert _answer_all(service, learner, entry, "post", right=5) == 100.0
    assert not service.post_check_due(learner, entry)


def test_check_answers_never_count_toward_the_quiz(store: Store, entry: ModuleEntry, tmp_path: Path) -> None:
    """A check leaves the module's progress, best score, resume point and question statistics untouched."""
    service, learner = CheckService(store), _learner(store)
    _answer_all(service, learner, entry, "pre", right=5)
    progress = store.progress.get_module_progress(learner.id, entry.pack_id, entry.module_id)
    assert progress.best_score is None and progress.quiz_state == "not_started" and not progress.passed
    assert store.progress.get_resume_point(learner.id) is None
    assert store.runs.list_quiz_runs(learner.id) == []
    assert store.runs.attempts_for_learner(learner.id) == []
    assert store.reports.question_stats() == []
    assert store.reports.class_summary().cells == {}
    checks = store.runs.attempts_for_learner(learner.id, kinds=("pre",))
    assert sorted(a.question_id for a in checks) == sorted(CHECK_IDS)
    assert {a.kind for a in checks} == {"pre"}


def test_teacher_can_switch_pre_checks_off(store: Store, entry: ModuleEntry) -> None:
    """With pre-checks off nothing is asked before the lesson, and so no post-check either."""
    service, learner = CheckService(store), _learner(store)
    set_pre_checks_enabled(store, False)
    assert not service.pre_check_due(learner, entry)
    assert not service.post_check_due(learner, entry)


def test_unfinished_check_resumes_with_its_answers(store: Store, entry: ModuleEntry) -> None:
    """Leaving in the middle of a check and coming back continues the same run at the first unanswered."""
    service, learner = CheckService(store), _learner(store)
    session = service.open_check(learner, entry, "pre")
    session.answer(0, right_answer(session.question(0)))
    again = service.open_check(learner, entry, "pre")
    assert again.run.id == session.run.id and again.first_unanswered() == 1


def test_post_check_shuffles_options_but_pre_keeps_pack_order(store: Store, tmp_path: Path) -> None:
    """The post-check shows options in another order (seeded by its run), the pre-check in the pack's."""
    copy_pack_with_checks(tmp_path / "b" / "checked")
    library = PackLibrary(tmp_path / "b", tmp_path / "data" / "packs")
    found = library.entry("checked", "safe-basics")
    assert found is not None
    service, learner = CheckService(store), _learner(store)
    question = found.module.quiz.questions[0]  # a single-choice question, to see option orders
    pre = service.open_check(learner, found, "pre")
    post = service.open_check(learner, found, "post")
    size = len(getattr(question, "options", []))
    assert pre.option_order(question) == list(range(size))
    orders = {tuple(post.option_order(q)) for q in found.module.quiz.questions if hasattr(q, "options")}
    assert any(o != tuple(sorted(o)) for o in orders)


def test_quiz_session_is_unchanged_by_checks(store: Store, entry: ModuleEntry, tmp_path: Path) -> None:
    """A quiz after the pre-check scores only the quiz's own questions."""
    service, learner = CheckService(store), _learner(store)
    _answer_all(service, learner, entry, "pre", right=0)
    learning = LearningService(store, PackLibrary(tmp_path / "builtin", tmp_path / "data" / "packs"))
    quiz = learning.start_quiz(learner, entry)
    for index in range(quiz.count):
        quiz.check(index, right_answer(quiz.question(index)))
    assert quiz.finish().score == 100.0
