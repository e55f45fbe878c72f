"""A progress reset clears what it had seen, whatever the clocks of the lab computers say (issue 13, item 4).

Three computers: the teacher's (T), and lab PCs A and B, set up from one roster. Each store is given the
clock of its computer; answers and resets are stamped with it. Every test here but the one on files from
an older quizapp fails on the old rule ("a reset clears what is older than its moment").
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from quizapp.progress.bundle import (
    describe_report,
    export_results,
    export_roster,
    import_results,
    import_roster,
)
from quizapp.progress.records import Learner
from quizapp.progress.store import DB_FILE_NAME, Store
from tests.progress.conftest import answer, as_older_quizapp, start_run

REAL = datetime.now(UTC)


class _Clock:
    def __init__(self, offset: timedelta = timedelta(0)) -> None:
        self.offset = offset
        self.steps = 0

    def __call__(self) -> datetime:
        self.steps += 1  # moves on a millisecond per reading, as a real clock does between two writes
        return datetime.now(UTC) + self.offset + timedelta(milliseconds=self.steps)


def _quiz(store: Store, learner: Learner, module: str, clock: _Clock | None = None) -> None:
    """A passed quiz of two answers, stamped by the computer's clock."""
    run = start_run(store, learner, module, n=2)
    when = (clock or _Clock())()
    answer(store, run, "q1", next_index=1, answered_at=when)
    answer(store, run, "q2", next_index=2, answered_at=when + timedelta(milliseconds=1))
    store.runs.finish_quiz_run(run.id, score_percent=100, passed=True)


def _modules(store: Store, learner_id: str) -> set[str]:
    return {a.module_id for a in store.runs.attempts_for_learner(learner_id)}


def _lab(tmp_path: Path) -> str:
    """The teacher's roster on A and B; returns Ali's id."""
    with Store.open(tmp_path / "T") as teacher:
        ali = teacher.people.create_learner("Ali", class_id=teacher.people.create_class("5A").id)
        export_roster(teacher, tmp_path / "roster.json")
    for pc in ("A", "B"):
        with Store.open(tmp_path / pc) as s:
            import_roster(s, tmp_path / "roster.json")
    return ali.id


def _reset_on_a(tmp_path: Path, ali: str, a_clock: _Clock, b_clock: _Clock) -> None:
    """B answers (passwords), A collects B's results, A's own answers (phishing), A resets Ali and Ali
    answers on A after it (privacy); then, after the reset really happened, Ali answers on B (scams)."""
    with Store.open(tmp_path / "B", clock=b_clock) as b:
        _quiz(b, b.people.get_learner(ali), "passwords", b_clock)
        export_results(b, tmp_path / "b-before.zip")
    with Store.open(tmp_path / "A", clock=a_clock) as a:
        (got,) = import_results(a, [tmp_path / "b-before.zip"])
        assert got.error is None
        _quiz(a, a.people.get_learner(ali), "phishing", a_clock)
        a.people.reset_progress(ali)
        _quiz(a, a.people.get_learner(ali), "privacy", a_clock)
        export_results(a, tmp_path / "a.zip")
    with Store.open(tmp_path / "B", clock=b_clock) as b:
        _quiz(b, b.people.get_learner(ali), "scams", b_clock)
        export_results(b, tmp_path / "b-after.zip")


ORDERS = [("a.zip", "b-after.zip"), ("b-after.zip", "a.zip")]


@pytest.mark.parametrize("order", ORDERS)
def test_a_reset_made_with_the_clock_ahead_keeps_answers_given_elsewhere_after_it(
    tmp_path: Path, order: tuple[str, str]
) -> None:
    """A resets Ali with its clock 30 days ahead: on the teacher's PC, in either import order, the answers
    A had seen are cleared and those given on B after the reset (and on A after it) are all kept."""
    ali = _lab(tmp_path)
    _reset_on_a(tmp_path, ali, _Clock(timedelta(days=30)), _Clock())
    with Store.open(tmp_path / "T") as teacher:
        outcomes = import_results(teacher, [tmp_path / name for name in order])
        assert [o.error for o in outcomes] == [None, None]
        assert _modules(teacher, ali) == {"privacy", "scams"}
        assert teacher.progress.get_module_progress(ali, "safety", "scams").passed
        assert not teacher.progress.get_module_progress(ali, "safety", "passwords").passed
        (from_a,) = [o.report for o in outcomes if o.path.name == "a.zip"]
        assert from_a is not None and any("clock was ahead" in line for line in describe_report(from_a))
    with Store.open(tmp_path / "B") as b:  # and B itself, receiving A's reset, keeps what it saw since
        (got,) = import_results(b, [tmp_path / "a.zip"])
        assert got.error is None
        assert _modules(b, ali) == {"privacy", "scams"}


@pytest.mark.parametrize("order", ORDERS)
def test_a_reset_made_with_the_clock_behind_clears_what_it_saw_and_nothing_given_after(
    tmp_path: Path, order: tuple[str, str]
) -> None:
    """A's clock is 30 days behind and B's 40 (dead CMOS batteries): A's reset still clears B's answers it
    had collected, and the answers given on B after the reset, though dated before it, are kept."""
    ali = _lab(tmp_path)
    _reset_on_a(tmp_path, ali, _Clock(timedelta(days=-30)), _Clock(timedelta(days=-40)))
    with Store.open(tmp_path / "T") as teacher:
        outcomes = import_results(teacher, [tmp_path / name for name in order])
        assert [o.error for o in outcomes] == [None, None]
        assert _modules(teacher, ali) == {"privacy", "scams"}
        assert teacher.progress.get_module_progress(ali, "safety", "scams").passed


def _snapshot(store: Store) -> dict[str, Any]:
    data = store.snapshots.export_snapshot()
    for learner in data["learners"]:
        learner.pop("updated_at")
    return data


def test_merging_stays_idempotent_and_ends_the_same_in_either_order(tmp_path: Path) -> None:
    """Importing the files again changes nothing, and two computers importing them in opposite orders end
    with the same learners, answers and progress (the reset's clock is 30 days ahead)."""
    ali = _lab(tmp_path)
    _reset_on_a(tmp_path, ali, _Clock(timedelta(days=30)), _Clock())
    files = [tmp_path / "b-before.zip", tmp_path / "a.zip", tmp_path / "b-after.zip"]
    ends = []
    for name, paths in (("T1", files), ("T2", files[::-1])):
        with Store.open(tmp_path / name) as s:
            import_roster(s, tmp_path / "roster.json")
            assert [o.error for o in import_results(s, paths)] == [None, None, None]
            before = s.reports.counts()
            again = import_results(s, paths)
            assert [o.report is not None and not o.report.changed for o in again] == [True, True, True]
            assert s.reports.counts() == before
            ends.append(_snapshot(s))
            assert _modules(s, ali) == {"privacy", "scams"}
    assert ends[0] == ends[1]


def test_files_from_an_older_quizapp_still_import_judged_by_time(tmp_path: Path) -> None:
    """A results file without counters imports, its answers judged by the reset's moment as before: the
    same answers, unseen by the teacher's later reset, are kept from a new file and left out from an old
    one. (The old rule passes the old-file half by design, and fails the new-file half.)"""
    ali = _lab(tmp_path)
    with Store.open(tmp_path / "B") as b:
        _quiz(b, b.people.get_learner(ali), "passwords")
        export_results(b, tmp_path / "b.zip")
    as_older_quizapp(tmp_path / "b.zip", tmp_path / "b-old.zip")
    for name, expected in (("b-old.zip", set()), ("b.zip", {"passwords"})):
        folder = tmp_path / f"T-{name}"
        with Store.open(folder, clock=_Clock(timedelta(minutes=1))) as teacher:
            import_roster(teacher, tmp_path / "roster.json")
            teacher.people.reset_progress(ali)  # later than B's answers, without having seen them
            (got,) = import_results(teacher, [tmp_path / name])
            assert got.error is None and got.report is not None
            assert _modules(teacher, ali) == expected
            assert got.report.skipped_before_reset == (2 if name == "b-old.zip" else 0)
    with Store.open(tmp_path / "T") as teacher:  # no reset: everything in the old file comes in
        (got,) = import_results(teacher, [tmp_path / "b-old.zip"])
        assert got.error is None and _modules(teacher, ali) == {"passwords"}


def _downgrade_to_v5(db: Path) -> None:
    """Make a database as quizapp wrote it at schema 5 (before device counters)."""
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE learners DROP COLUMN progress_reset_seen"))
        for table in ("attempts", "quiz_runs", "module_progress", "resume_points"):
            conn.execute(text(f"ALTER TABLE {table} DROP COLUMN origin_device"))
            conn.execute(text(f"ALTER TABLE {table} DROP COLUMN origin_counter"))
        conn.execute(text("UPDATE meta SET value = '5' WHERE key = 'schema_version'"))
        conn.execute(text("DELETE FROM meta WHERE key = 'device_counter'"))
    engine.dispose()


def test_the_upgrade_gives_old_answers_this_computer_and_keeps_old_resets_by_time(tmp_path: Path) -> None:
    """Upgrading a schema-5 database: every answer, run, progress and resume row is this computer's with
    counter 0, an old reset keeps no vector (it still clears by its moment), and the next write counts
    from 1; a reset made after the upgrade covers the old answers on every computer."""
    ali = _lab(tmp_path)
    with Store.open(tmp_path / "B") as b:
        bilal = b.people.create_learner("Bilal")
        _quiz(b, bilal, "passwords")
        b.people.reset_progress(bilal.id)
        _quiz(b, b.people.get_learner(ali), "passwords")
        device = b.database_id
    db = tmp_path / "B" / DB_FILE_NAME
    _downgrade_to_v5(db)
    with Store.open(tmp_path / "B") as b:
        assert b.open_report.migrated_from == 5
        assert b.people.get_learner(bilal.id).progress_reset_seen is None
        assert b.people.get_learner(bilal.id).progress_reset_at is not None
        export_results(b, tmp_path / "b.zip")
        _quiz(b, b.people.get_learner(ali), "scams")
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        for table in ("attempts", "quiz_runs", "module_progress"):  # Ali's resume point moved on since
            origins = set(conn.execute(text(f"SELECT origin_device, origin_counter FROM {table}")))
            assert (device, 0) in origins and all(d == device for d, _ in origins), table
        counters = {c for (c,) in conn.execute(text("SELECT origin_counter FROM attempts"))}
        assert counters == {0, 2, 3}  # the new quiz: its run was write 1, its answers writes 2 and 3
    engine.dispose()
    with Store.open(tmp_path / "A") as a:
        import_results(a, [tmp_path / "b.zip"])
        assert _modules(a, ali) == {"passwords"}
        a.people.reset_progress(ali)
        assert json.loads(a.people.get_learner(ali).progress_reset_seen or "{}")[device] == 0
        export_results(a, tmp_path / "a.zip")
    with Store.open(tmp_path / "B") as b:
        assert [o.error for o in import_results(b, [tmp_path / "a.zip"])] == [None]
        assert _modules(b, ali) == {"scams"}


def test_answers_given_after_a_backup_is_restored_are_not_taken_for_ones_a_reset_saw(tmp_path: Path) -> None:
    """B's database is damaged and an older backup restored: its counter is behind numbers B had already
    given answers that A's reset saw. B goes on as a new device, so its new answers survive that reset."""
    ali = _lab(tmp_path)
    day = _Clock()
    with Store.open(tmp_path / "B", clock=day) as b:
        _quiz(b, b.people.get_learner(ali), "passwords", day)  # the backup taken on closing holds this
        old_device = b.database_id
    day.offset += timedelta(days=1)
    with Store.open(tmp_path / "B", clock=day) as b:
        _quiz(b, b.people.get_learner(ali), "phishing", day)
        export_results(b, tmp_path / "b.zip")
    newest = max((tmp_path / "B" / "backups").glob("*.gz"), key=lambda p: p.name)
    newest.unlink()  # as if B failed before its next backup
    (tmp_path / "B" / DB_FILE_NAME).write_bytes(b"not a database at all, as a failing disk leaves it" * 100)
    with Store.open(tmp_path / "A") as a:
        import_results(a, [tmp_path / "b.zip"])
        a.people.reset_progress(ali)  # has seen B's answers up to the phishing quiz
        export_results(a, tmp_path / "a.zip")
    with Store.open(tmp_path / "B", clock=day) as b:
        assert b.open_report.recovery is not None and _modules(b, ali) == {"passwords"}
        # the counters phishing had: only the device differs
        _quiz(b, b.people.get_learner(ali), "scams", day)
        assert [o.error for o in import_results(b, [tmp_path / "a.zip"])] == [None]
        assert _modules(b, ali) == {"scams"}
        assert b.database_id != old_device


def test_answers_on_cloned_lab_pcs_are_not_taken_for_each_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """IT sets up lab PC A (with the class list) and copies its disk onto PC B. Ali answers on both; the
    teacher collects A's results and resets Ali, then collects B's. B's answers were never seen by that
    reset and must stay: B noticed it is another computer and went on as a device of its own (before, both
    copies stamped their answers with the same device and counters, and the reset cleared B's too)."""
    import shutil

    from quizapp.progress.machine import ENV_MACHINE

    monkeypatch.setenv(ENV_MACHINE, "pc-a")
    ali = _lab(tmp_path)
    with Store.open(tmp_path / "A") as a:
        device_a = a.database_id
    shutil.rmtree(tmp_path / "B")
    shutil.copytree(tmp_path / "A", tmp_path / "B")  # the disk image
    monkeypatch.setenv(ENV_MACHINE, "pc-b")
    with Store.open(tmp_path / "B") as b:
        assert b.database_id != device_a
        _quiz(b, b.people.get_learner(ali), "scams")
        export_results(b, tmp_path / "b.zip")
    with Store.open(tmp_path / "B") as b:
        device_b = b.database_id
    assert device_b != device_a  # and it stays that device from then on
    monkeypatch.setenv(ENV_MACHINE, "pc-a")
    with Store.open(tmp_path / "A") as a:
        assert a.database_id == device_a  # the computer set up first keeps its id
        _quiz(a, a.people.get_learner(ali), "passwords")
        export_results(a, tmp_path / "a.zip")
    monkeypatch.setenv(ENV_MACHINE, "teacher")
    with Store.open(tmp_path / "T") as teacher:
        assert [o.error for o in import_results(teacher, [tmp_path / "a.zip"])] == [None]
        teacher.people.reset_progress(ali)  # has seen A's answers only
        assert [o.error for o in import_results(teacher, [tmp_path / "b.zip"])] == [None]
        assert _modules(teacher, ali) == {"scams"}
