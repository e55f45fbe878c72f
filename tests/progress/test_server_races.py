"""Many PCs writing the same rows of one PostgreSQL server at the same moment (each thread its own store
and connection, as each lab PC has): no write fails, nothing is counted twice or lost; a transaction the
server gives up on (deadlock, serialization failure) is run again."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from quizapp.progress import concurrency
from quizapp.progress.errors import AnswerNotSavedError, DuplicateNameError
from quizapp.progress.store import Store
from tests.progress.conftest import answer, start_run

PCS = 6
ROUNDS = 12


@pytest.fixture
def stores(pg_url: str, tmp_path: Path) -> Iterator[list[Store]]:
    """One store per lab PC on the same server database."""
    opened = [Store.open(tmp_path / f"pc{i}", database=pg_url) for i in range(PCS)]
    try:
        yield opened
    finally:
        for store in opened:
            store.close()


def _at_once(stores: list[Store], work: Callable[[Store, int, int], Any], rounds: int = ROUNDS) -> list[Any]:
    """Each PC runs ``work(store, pc, round)``; every round starts on all PCs together (a barrier).
    Returns what each call returned or raised."""
    barrier = threading.Barrier(len(stores))
    results: list[Any] = []
    lock = threading.Lock()

    def pc(index: int, store: Store) -> None:
        for round_ in range(rounds):
            barrier.wait(timeout=60)
            try:
                outcome: Any = work(store, index, round_)
            except Exception as exc:
                outcome = exc
            with lock:
                results.append(outcome)

    threads = [threading.Thread(target=pc, args=(i, s)) for i, s in enumerate(stores)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return results


def test_pcs_setting_the_same_new_setting_at_once_all_succeed(stores: list[Store]) -> None:
    """Six PCs write the same not-yet-existing setting at the same moment, twelve times: none fails (a
    read-then-insert had all of them find it missing and all but one insert fail), one value is kept."""
    results = _at_once(stores, lambda store, pc, r: store.settings.write(f"race_{r}", f"pc{pc}"))
    assert [r for r in results if isinstance(r, Exception)] == []
    for r in range(ROUNDS):
        assert stores[0].settings.read(f"race_{r}") in {f"pc{pc}" for pc in range(PCS)}


def test_one_learner_on_several_pcs_at_once_saves_every_lesson_position(stores: list[Store]) -> None:
    """A learner's lesson position and resume point saved from six PCs at once (a new module each round,
    so its rows do not exist yet): no save fails and the rows hold one of the saved positions."""
    learner = stores[0].people.create_learner("Ali")

    def save(store: Store, pc: int, r: int) -> Any:
        return store.progress.save_lesson_position(learner.id, "safety", "1.0", f"m{r}", pc + 1)

    results = _at_once(stores, save)
    assert [r for r in results if isinstance(r, Exception)] == []
    for r in range(ROUNDS):
        progress = stores[0].progress.get_module_progress(learner.id, "safety", f"m{r}")
        assert progress.lesson_position in range(1, PCS + 1)
    resume = stores[0].progress.get_resume_point(learner.id)
    assert resume is not None and resume.module_id == f"m{ROUNDS - 1}"


def test_finishing_two_runs_of_one_module_at_once_keeps_the_best_score(stores: list[Store]) -> None:
    """Two PCs finish the same learner's runs of one module together, with scores 40 and 90, again and
    again: the module's best score is 90 and it is passed (the second PC's read waits for the first's
    write, so a lower score read before a higher one was saved never overwrites it)."""
    pair = stores[:2]
    learner = pair[0].people.create_learner("Sara")

    def finish(store: Store, pc: int, r: int) -> Any:
        run = start_run(store, learner, module=f"m{r}")
        answer(store, run, "q1", next_index=1)
        return store.runs.finish_quiz_run(run.id, score_percent=90.0 if pc else 40.0, passed=bool(pc))

    results = _at_once(pair, finish)
    assert [r for r in results if isinstance(r, Exception)] == []
    for r in range(ROUNDS):
        progress = pair[0].progress.get_module_progress(learner.id, "safety", f"m{r}")
        assert progress.best_score == 90.0 and progress.passed


def test_the_same_new_class_from_several_pcs_is_made_once(stores: list[Store]) -> None:
    """Six teachers create the class '5A' at the same moment: one class is made, the others are told it
    exists (DuplicateNameError), never a second '5A'."""
    results = _at_once(stores, lambda store, pc, r: store.people.create_class(f"Class {r}"))
    for r in range(ROUNDS):
        assert [c.name for c in stores[0].people.list_classes()].count(f"Class {r}") == 1
    made = [r for r in results if not isinstance(r, Exception)]
    refused = [r for r in results if isinstance(r, DuplicateNameError)]
    assert len(made) == ROUNDS and len(refused) == ROUNDS * (PCS - 1)


def test_installing_the_same_pack_on_several_pcs_at_once_keeps_one_record(stores: list[Store]) -> None:
    """Six PCs register the same pack at once: no failure, one record."""
    results = _at_once(
        stores, lambda store, pc, r: store.packs.register_pack(f"pack-{r}", "1.0", {"en": "P"}, "x")
    )
    assert [r for r in results if isinstance(r, Exception)] == []
    assert len(stores[0].packs.list_packs()) == ROUNDS


def _flaky_attempts(url: str, failures: int, errcode: str) -> None:
    """Make the server refuse the next ``failures`` answer inserts with ``errcode`` (a trigger driven by a
    sequence, which a rolled-back transaction does not undo)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE SEQUENCE flaky_seq")
        conn.execute(
            "CREATE FUNCTION flaky() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF nextval('flaky_seq') <= {failures} THEN "
            f"RAISE EXCEPTION 'simulated' USING ERRCODE = '{errcode}'; END IF; RETURN NEW; END $$"
        )
        conn.execute("CREATE TRIGGER flaky BEFORE INSERT ON attempts FOR EACH ROW EXECUTE FUNCTION flaky()")


@pytest.mark.parametrize("errcode", ["serialization_failure", "deadlock_detected"])
def test_an_answer_the_server_gave_up_on_is_saved_on_a_retry(
    pg_url: str, tmp_path: Path, errcode: str
) -> None:
    """The server aborts the answer's transaction twice (deadlock or serialization failure): the store runs
    it again and the answer is saved once, with no error left for the teacher."""
    with Store.open(tmp_path / "pc", database=pg_url) as store:
        run = start_run(store, store.people.create_learner("Ali"))
        _flaky_attempts(pg_url, concurrency.ATTEMPTS - 2, errcode)
        answer(store, run, "q1", next_index=1)
        assert [a.question_id for a in store.runs.attempts_for_run(run.id)] == ["q1"]
        assert store.write_error is None  # type: ignore[attr-defined]


def test_a_server_that_keeps_giving_up_fails_the_answer_clearly(pg_url: str, tmp_path: Path) -> None:
    """Retries are bounded: when every try is aborted the answer fails with AnswerNotSavedError naming the
    server (after ATTEMPTS tries), and nothing was stored."""
    with Store.open(tmp_path / "pc", database=pg_url) as store:
        run = start_run(store, store.people.create_learner("Ali"))
        _flaky_attempts(pg_url, 100, "serialization_failure")
        with pytest.raises(AnswerNotSavedError, match=r"127\.0\.0\.1"):
            answer(store, run, "q1")
        assert store.runs.attempts_for_run(run.id) == []


def test_retrying_waits_a_random_growing_time_and_passes_other_errors_at_once() -> None:
    """The wait before try n is a random part of 20 ms x 2^(n-1); an error that is not a deadlock or
    serialization failure is raised at the first try."""

    class Transient(Exception):
        sqlstate = "40P01"

    waits: list[float] = []
    calls = {"n": 0}

    def flaky() -> str:
        calls["n"] += 1
        if calls["n"] < 3:
            raise Transient
        return "saved"

    wrapped = concurrency.retrying(flaky, sleep=waits.append, rand=lambda: 0.5)
    assert wrapped() == "saved" and waits == [0.01, 0.02]

    def broken() -> None:
        calls["n"] += 1
        raise ValueError("not transient")

    calls["n"] = 0
    with pytest.raises(ValueError):
        concurrency.retrying(broken, sleep=waits.append)()
    assert calls["n"] == 1


def test_class_lists_naming_one_new_class_on_several_pcs_at_once_fill_one_class(stores: list[Store]) -> None:
    """Six teachers add class lists that name the same new class at the same moment: every child is added,
    all into one class of that name (a PC that lost the race to make it uses the one just made)."""
    from quizapp.services.teacher.class_list import Entry
    from quizapp.services.teacher.roster import add_entries

    def add(store: Store, pc: int, r: int) -> Any:
        return add_entries(store, [Entry(1, f"Child {pc}", class_name=f"Grade {r}")], class_id=None)

    results = _at_once(stores, add, rounds=4)
    assert [r for r in results if isinstance(r, Exception)] == []
    for r in range(4):
        (grade,) = [c for c in stores[0].people.list_classes() if c.name == f"Grade {r}"]
        assert len(stores[0].people.list_learners(grade.id)) == PCS
    assert sum(len(r.new_classes) for r in results) == 4  # each class reported as new once


def test_wrong_pin_tries_on_several_pcs_at_once_all_count(stores: list[Store]) -> None:
    """Six PCs get a wrong teacher PIN at the same moment, four times: all 24 tries are counted (a
    read-then-write count lost the tries made between another PC's read and write)."""
    import itertools

    from quizapp.services.teacher.pin import ScryptParams, TeacherPin

    cheap = ScryptParams(n=2**4)
    TeacherPin(stores[0], params=cheap).set_pin("4826", "4826")
    days = itertools.count(0, 86400.0)  # each look at the clock a day later: no wait blocks a try

    def wrong(store: Store, pc: int, r: int) -> Any:
        return TeacherPin(store, params=cheap, clock=lambda: 1e9 + next(days)).check("1111")

    results = _at_once(stores, wrong, rounds=4)
    assert [r for r in results if isinstance(r, Exception)] == []
    assert not any(r.refused_without_checking for r in results)
    assert TeacherPin(stores[0]).failures == PCS * 4


def test_the_same_results_file_imported_on_several_pcs_at_once_is_merged_once(
    stores: list[Store], tmp_path: Path
) -> None:
    """Six teachers import the same results file into the server at the same moment: every import ends
    without an error and the server holds each learner and answer once."""
    from quizapp.progress.bundle import export_results, import_results

    with Store.open(tmp_path / "lab") as lab:
        for name in ("Ali", "Sara", "Bilal"):
            run = start_run(lab, lab.people.create_learner(name))
            answer(lab, run, "q1", next_index=1)
            answer(lab, run, "q2", next_index=2)
        export_results(lab, tmp_path / "lab.zip")

    results = _at_once(stores, lambda store, pc, r: import_results(store, [tmp_path / "lab.zip"]), rounds=1)
    assert [r for r in results if isinstance(r, Exception)] == []
    counts = stores[0].reports.counts()
    assert counts["learners"] == 3 and counts["attempts"] == 6 and counts["quiz_runs"] == 3


def test_a_learner_answering_on_a_pc_while_their_results_file_is_imported(
    stores: list[Store], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A learner's results file (from a lab PC that was offline) is imported into the server while the
    learner reads the same module on another PC: the PC creates the learner's module-progress row and
    resume point between the import's look for them and its insert. The import merges into the PC's rows
    (it failed on the duplicate key before), and neither side's progress is lost."""
    from quizapp.progress.bundle import export_results, import_results
    from quizapp.progress.merger import Merger

    server, pc = stores[0], stores[1]
    with Store.open(tmp_path / "lab") as lab:
        learner = lab.people.create_learner("Ali")
        export_results(lab, tmp_path / "roster.zip")
        lab.progress.save_lesson_position(learner.id, "safety", "1.0", "passwords", 2, read=True)
        run = start_run(lab, learner)
        answer(lab, run, "q1", next_index=1)
        export_results(lab, tmp_path / "lab.zip")
    [first] = import_results(server, [tmp_path / "roster.zip"])  # the learner is on the server, no progress
    assert first.error is None
    looked = Merger._locked_row
    raced: list[str] = []

    def look_then_let_the_pc_write(self: Merger, table: Any, key: Any) -> Any:
        row = looked(self, table, key)
        if row is None and table.name not in raced:
            raced.append(table.name)  # the PC writes now, on its own connection, and commits
            pc.progress.save_lesson_position(learner.id, "safety", "1.0", "passwords", 5)
        return row

    monkeypatch.setattr(Merger, "_locked_row", look_then_let_the_pc_write)
    [outcome] = import_results(server, [tmp_path / "lab.zip"])
    assert outcome.error is None
    assert sorted(raced) == ["module_progress"]  # the PC's resume point came with its lesson position
    progress = server.progress.get_module_progress(learner.id, "safety", "passwords")
    assert progress.lesson_read  # from the file
    assert progress.lesson_position == 5  # from the PC
    assert server.reports.counts()["attempts"] == 1
