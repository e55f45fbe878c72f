"""Resetting a learner's progress, merging two learners and deleting one: each one transaction, keeping ids,
and consistent with results and roster files that still hold the old records."""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import Any

import pytest

from quizapp.progress import learnerdata
from quizapp.progress.bundle import (
    canonical_bytes,
    describe_report,
    export_results,
    export_roster,
    import_results,
    import_roster,
    read_bundle,
)
from quizapp.progress.errors import BundleError, InvalidValueError, NotFoundError
from quizapp.progress.records import Learner, utc_now
from quizapp.progress.settings import Settings
from quizapp.progress.store import Store
from tests.progress.conftest import BACKENDS, answer, start_run

AGE = "learner_age_band"

STORE_BACKENDS = BACKENDS  # every test with the store fixture runs on SQLite and PostgreSQL


def _quiz(store: Store, learner: Learner, module: str = "passwords", score: float = 100) -> None:
    """A finished quiz run with two answers."""
    run = start_run(store, learner, module, n=2)
    answer(store, run, "q1", next_index=1)
    answer(store, run, "q2", correct=score >= 100, points_earned=1 if score >= 100 else 0, next_index=2)
    store.runs.finish_quiz_run(run.id, score_percent=score, passed=score >= 70)


def _tick() -> None:
    """Let the clock move on, so "before" and "after" a reset are different milliseconds."""
    time.sleep(0.01)


def _everything_of(store: Store, learner_id: str) -> tuple[Any, ...]:
    return (
        store.runs.attempts_for_learner(learner_id),
        store.runs.list_quiz_runs(learner_id),
        store.progress.list_module_progress(learner_id),
        store.progress.get_resume_point(learner_id),
    )


# ------------------------------------------------------------------------------------------------ reset
def test_reset_keeps_the_learner_and_clears_their_progress(store: Store) -> None:
    """A reset learner keeps id, name, class, picture, language, text size and settings; their answers,
    runs, module progress and resume point are gone, and nobody else's are touched."""
    c = store.people.create_class("5A")
    ali = store.people.create_learner("Ali", class_id=c.id, language="ur", avatar_id="owl", text_size=150)
    sara = store.people.create_learner("Sara", class_id=c.id)
    store.settings.write(Settings.learner_key(AGE, ali.id), "11-13")
    for who in (ali, sara):
        _quiz(store, who)
        store.progress.save_lesson_position(who.id, "safety", "1.0", "phishing", 2, read=True)
    before = utc_now()
    reset = store.people.reset_progress(ali.id)
    assert reset.id == ali.id
    assert (reset.display_name, reset.class_id, reset.avatar_id, reset.language, reset.text_size) == (
        "Ali",
        c.id,
        "owl",
        "ur",
        150,
    )
    assert reset.progress_reset_at is not None and reset.progress_reset_at >= before
    assert store.people.get_learner(ali.id) == reset
    assert _everything_of(store, ali.id) == ([], [], [], None)
    assert store.settings.read(Settings.learner_key(AGE, ali.id)) == "11-13"
    attempts, runs, progress, resume = _everything_of(store, sara.id)
    assert (len(attempts), len(runs), len(progress), resume is not None) == (2, 1, 2, True)
    _quiz(store, reset)  # the same learner carries on
    assert store.progress.get_module_progress(ali.id, "safety", "passwords").passed


def test_reset_of_a_class_is_one_transaction(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A class reset covers archived learners too and no one else; when it fails half-way nothing changes."""
    c = store.people.create_class("5A")
    ali, zoya = (
        store.people.create_learner("Ali", class_id=c.id),
        store.people.create_learner("Zoya", class_id=c.id),
    )
    other = store.people.create_learner("Other")
    for who in (ali, zoya, other):
        _quiz(store, who)
    store.people.archive_learner(zoya.id)
    calls = 0
    real = learnerdata.clear_progress

    def fail_second(conn: Any, learner_id: str, before: str | None) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError("disk full")
        real(conn, learner_id, before)

    monkeypatch.setattr(learnerdata, "clear_progress", fail_second)
    with pytest.raises(OSError):
        store.people.reset_class_progress(c.id)
    assert all(len(store.runs.attempts_for_learner(x.id)) == 2 for x in (ali, zoya, other))
    assert store.people.get_learner(ali.id).progress_reset_at is None
    monkeypatch.setattr(learnerdata, "clear_progress", real)
    done = store.people.reset_class_progress(c.id)
    assert [x.display_name for x in done] == ["Ali", "Zoya"] and all(x.progress_reset_at for x in done)
    assert store.runs.attempts_for_learner(ali.id) == store.runs.attempts_for_learner(zoya.id) == []
    assert len(store.runs.attempts_for_learner(other.id)) == 2
    with pytest.raises(NotFoundError):
        store.people.reset_class_progress("no-such-class")


def test_results_file_from_before_a_reset_does_not_bring_answers_back(tmp_path: Path) -> None:
    """Answers a lab computer recorded before the teacher's reset (and the teacher had collected) stay out;
    answers after it come in."""
    with Store.open(tmp_path / "teacher") as teacher:
        ali = teacher.people.create_learner("Ali", class_id=teacher.people.create_class("5A").id)
        export_roster(teacher, tmp_path / "roster.json")
    with Store.open(tmp_path / "lab") as lab:
        import_roster(lab, tmp_path / "roster.json")
        _quiz(lab, lab.people.get_learner(ali.id))
        export_results(lab, tmp_path / "old-term.zip")
    _tick()
    with Store.open(tmp_path / "teacher") as teacher:
        import_results(teacher, [tmp_path / "old-term.zip"])  # collected, then reset
        teacher.people.reset_progress(ali.id)
    _tick()
    with Store.open(tmp_path / "lab") as lab:  # the lab does not know about the reset yet
        _quiz(lab, lab.people.get_learner(ali.id), "phishing", score=50)
        export_results(lab, tmp_path / "new-term.zip")
    with Store.open(tmp_path / "teacher") as teacher:
        (old,) = import_results(teacher, [tmp_path / "old-term.zip"])
        assert old.report is not None and old.report.skipped_before_reset == 2
        assert teacher.runs.attempts_for_learner(ali.id) == []
        assert teacher.progress.get_module_progress(ali.id, "safety", "passwords").status == "not_started"
        (new,) = import_results(teacher, [tmp_path / "new-term.zip"])
        assert new.report is not None and new.report.added["attempts"] == 2
        assert {a.module_id for a in teacher.runs.attempts_for_learner(ali.id)} == {"phishing"}
        passwords = teacher.progress.get_module_progress(ali.id, "safety", "passwords")
        assert (passwords.passed, passwords.best_score) == (False, None)  # the old pass came with a newer row
        assert teacher.progress.get_module_progress(ali.id, "safety", "phishing").best_score == 50
        assert any(
            "before their learner's progress was reset" in line for line in describe_report(old.report)
        )


def test_a_reset_travels_to_other_computers_in_files(tmp_path: Path) -> None:
    """A roster exported after a reset clears that learner's progress the reset had seen on a lab computer,
    keeping what they did there since the reset."""
    with Store.open(tmp_path / "teacher") as teacher:
        ali = teacher.people.create_learner("Ali")
        export_roster(teacher, tmp_path / "roster.json")
    with Store.open(tmp_path / "lab") as lab:
        import_roster(lab, tmp_path / "roster.json")
        _quiz(lab, lab.people.get_learner(ali.id))
        export_results(lab, tmp_path / "lab.zip")
    _tick()
    with Store.open(tmp_path / "teacher") as teacher:
        import_results(teacher, [tmp_path / "lab.zip"])  # the teacher collects the results, then resets
        reset_at = teacher.people.reset_progress(ali.id).progress_reset_at
        teacher.people.update_learner(ali.id, display_name="Ali Khan")
        export_roster(teacher, tmp_path / "roster.json")
    _tick()
    with Store.open(tmp_path / "lab") as lab:
        _quiz(lab, lab.people.get_learner(ali.id), "phishing")
        lab.people.update_learner(ali.id, text_size=125)  # a newer change here: the reset must still arrive
        report = import_roster(lab, tmp_path / "roster.json")
        assert report.reset == ["Ali Khan"] and report.changed
        here = lab.people.get_learner(ali.id)
        assert here.progress_reset_at == reset_at and here.text_size == 125
        assert {a.module_id for a in lab.runs.attempts_for_learner(ali.id)} == {"phishing"}
        assert [p.module_id for p in lab.progress.list_module_progress(ali.id)] == ["phishing"]
        assert lab.progress.get_module_progress(ali.id, "safety", "phishing").passed
        assert not import_roster(lab, tmp_path / "roster.json").changed  # importing again: nothing


# ------------------------------------------------------------------------------------------------ merge
def test_merge_moves_everything_to_the_kept_learner(store: Store) -> None:
    """Runs and answers move; a module passed on either record stays passed with the best score; the
    newer resume point and the merged learner's settings (where the kept one has none) move too."""
    keep, twin = store.people.create_learner("Ali"), store.people.create_learner("ali")
    _quiz(store, keep, score=40)
    store.settings.write(Settings.learner_key(AGE, keep.id), "8-10")
    _quiz(store, twin, score=90)
    _quiz(store, twin, "phishing", score=60)
    store.settings.write(Settings.learner_key(AGE, twin.id), "11-13")
    store.settings.write(Settings.learner_key("favourite", twin.id), "owl")
    resume = store.progress.get_resume_point(twin.id)
    merged = store.people.merge_learners(keep.id, twin.id)
    assert merged == store.people.get_learner(keep.id)
    with pytest.raises(NotFoundError):
        store.people.get_learner(twin.id)
    assert len(store.runs.list_quiz_runs(keep.id)) == 3 and len(store.runs.attempts_for_learner(keep.id)) == 6
    assert _everything_of(store, twin.id) == ([], [], [], None)
    passwords = store.progress.get_module_progress(keep.id, "safety", "passwords")
    assert (passwords.passed, passwords.best_score) == (True, 90.0)
    assert store.progress.get_module_progress(keep.id, "safety", "phishing").best_score == 60.0
    point = store.progress.get_resume_point(keep.id)
    assert point is not None and resume is not None
    assert (point.module_id, point.stage, point.updated_at) == (
        resume.module_id,
        resume.stage,
        resume.updated_at,
    )
    assert store.settings.read(Settings.learner_key(AGE, keep.id)) == "8-10"
    assert store.settings.read(Settings.learner_key("favourite", keep.id)) == "owl"
    assert store.settings.read(Settings.learner_key(AGE, twin.id)) is None
    assert store.reports.counts()["learner_merges"] == 1
    _quiz(store, merged)  # a run moved from the other learner's record can be continued by the kept one


def test_merge_drops_what_came_before_the_kept_learners_reset(store: Store) -> None:
    """The kept learner was reset: the other record's older answers are dropped, as an import would drop
    them, and best scores are recomputed from the runs that are left."""
    keep, twin = store.people.create_learner("Ali"), store.people.create_learner("Ali")
    _quiz(store, twin, score=100)
    _tick()
    store.people.reset_progress(keep.id)
    _tick()
    _quiz(store, twin, score=50)
    store.people.merge_learners(keep.id, twin.id)
    assert [r.score_percent for r in store.runs.list_quiz_runs(keep.id)] == [50.0]
    progress = store.progress.get_module_progress(keep.id, "safety", "passwords")
    assert (progress.passed, progress.best_score, progress.completed_at) == (False, 50.0, None)


def test_merge_refuses_bad_ids_and_is_one_transaction(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Merging a learner with themselves or an unknown id is refused; a failure half-way changes nothing."""
    keep, twin = store.people.create_learner("Ali"), store.people.create_learner("Ali")
    _quiz(store, keep)
    _quiz(store, twin)
    with pytest.raises(InvalidValueError, match="themselves"):
        store.people.merge_learners(keep.id, keep.id)
    with pytest.raises(NotFoundError):
        store.people.merge_learners(keep.id, "nobody")

    def broken(*args: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(learnerdata, "move_settings", broken)
    with pytest.raises(OSError):
        store.people.merge_learners(keep.id, twin.id)
    assert (
        len(store.runs.attempts_for_learner(twin.id)) == 2
        and len(store.runs.attempts_for_learner(keep.id)) == 2
    )
    assert store.reports.counts()["learner_merges"] == 0


def _lab_with_twin(tmp_path: Path) -> tuple[str, str]:
    """A lab computer made its own "Ali" (not from the roster) whose results reached the teacher; the
    teacher merged it into the roster's Ali. Returns (kept id, merged id)."""
    with Store.open(tmp_path / "teacher") as teacher:
        c = teacher.people.create_class("5A")
        kept = teacher.people.create_learner("Ali", class_id=c.id)
        _quiz(teacher, kept, score=40)
        export_roster(teacher, tmp_path / "roster.json")
    with Store.open(tmp_path / "lab") as lab:
        import_roster(lab, tmp_path / "roster.json")
        twin = lab.people.create_learner("Ali (2)", class_id=c.id)
        _quiz(lab, twin, score=90)
        export_results(lab, tmp_path / "lab-1.zip")
    with Store.open(tmp_path / "teacher") as teacher:
        import_results(teacher, [tmp_path / "lab-1.zip"])
        teacher.people.merge_learners(kept.id, twin.id)
    return kept.id, twin.id


def test_a_later_file_naming_the_merged_learner_adds_to_the_kept_one(tmp_path: Path) -> None:
    """After a merge, the lab's next results file (still naming the old record) adds its new answers to the
    kept learner instead of bringing the old learner back or losing them."""
    kept_id, twin_id = _lab_with_twin(tmp_path)
    with Store.open(tmp_path / "lab") as lab:
        _quiz(lab, lab.people.get_learner(twin_id), "phishing")
        export_results(lab, tmp_path / "lab-2.zip")
    with Store.open(tmp_path / "teacher") as teacher:
        (outcome,) = import_results(teacher, [tmp_path / "lab-2.zip"])
        report = outcome.report
        assert report is not None and report.added.get("learners", 0) == 0 and report.added["attempts"] == 2
        assert [(m.merged_id, m.kept_id) for m in report.mapped] == [(twin_id, kept_id)]
        assert any("was merged into learner" in line for line in describe_report(report))
        assert [x.id for x in teacher.people.list_learners()] == [kept_id]
        assert len(teacher.runs.attempts_for_learner(kept_id)) == 6
        assert teacher.progress.get_module_progress(kept_id, "safety", "phishing").passed
        assert not import_results(teacher, [tmp_path / "lab-2.zip"])[0].report.changed  # type: ignore[union-attr]


def test_a_merge_travels_to_other_computers_in_a_roster(tmp_path: Path) -> None:
    """The roster exported after the merge makes the lab computer merge its two records too, so the child
    is one learner everywhere; the lab's next results file then needs no mapping."""
    kept_id, twin_id = _lab_with_twin(tmp_path)
    with Store.open(tmp_path / "teacher") as teacher:
        export_roster(teacher, tmp_path / "roster.json")
    assert read_bundle(tmp_path / "roster.json", "roster").data["learner_merges"][0]["merged_id"] == twin_id
    with Store.open(tmp_path / "lab") as lab:
        report = import_roster(lab, tmp_path / "roster.json")
        assert [(m.merged_id, m.kept_id) for m in report.folded] == [(twin_id, kept_id)]
        assert [x.id for x in lab.people.list_learners()] == [kept_id]
        assert len(lab.runs.attempts_for_learner(kept_id)) == 2  # the twin's answers, now under the kept id
        assert not import_roster(lab, tmp_path / "roster.json").changed
        export_results(lab, tmp_path / "lab-2.zip")
    with Store.open(tmp_path / "teacher") as teacher:
        (outcome,) = import_results(teacher, [tmp_path / "lab-2.zip"])
        assert outcome.report is not None and not outcome.report.changed and not outcome.report.mapped


def test_a_merge_into_a_learner_not_on_this_computer_renames_the_record(store: Store) -> None:
    """When a file says a learner here was merged into one this computer has never seen, the record here
    takes the kept id, with its answers."""
    twin = store.people.create_learner("Ali")
    _quiz(store, twin)
    kept_id = "5d0c1d57-9f3e-4c55-8a0e-0d1f2a3b4c5d"
    merge = {"merged_id": twin.id, "kept_id": kept_id, "merged_at": utc_now(), "reset_at": None}
    report = store.snapshots.merge_snapshot(
        {"classes": [], "learners": [], "learner_merges": [merge]}, source="x"
    )
    assert [m.kept_id for m in report.folded] == [kept_id]
    assert [(x.id, x.display_name) for x in store.people.list_learners()] == [(kept_id, "Ali")]
    assert len(store.runs.attempts_for_learner(kept_id)) == 2


def test_merged_into_a_learner_deleted_since_is_reported_not_imported(tmp_path: Path) -> None:
    """If the kept learner was deleted, a file holding the merged record is not imported for them."""
    kept_id, twin_id = _lab_with_twin(tmp_path)
    with Store.open(tmp_path / "teacher") as teacher:
        teacher.people.delete_learner(kept_id)
        (outcome,) = import_results(teacher, [tmp_path / "lab-1.zip"])
        assert outcome.report is not None
        assert sorted(outcome.report.skipped_deleted) == sorted([f"Ali ({kept_id})", f"Ali (2) ({twin_id})"])
        assert teacher.people.list_learners() == [] and teacher.reports.counts()["attempts"] == 0


def test_chains_and_opposite_merges_resolve_without_loops(tmp_path: Path) -> None:
    """a into b, then b into c: a file naming a goes to c. Two computers merging the same pair in opposite
    directions each keep their own choice, and exchanging files never loops or fails."""
    with Store.open(tmp_path / "one") as one:
        a, b, c = (one.people.create_learner(n) for n in ("A", "B", "C"))
        export_results(one, tmp_path / "all.zip")
        _quiz(one, a)
        export_results(one, tmp_path / "a-answers.zip")
        one.people.merge_learners(b.id, a.id)
        one.people.merge_learners(c.id, b.id)
        assert len(one.runs.attempts_for_learner(c.id)) == 2
        (outcome,) = import_results(one, [tmp_path / "a-answers.zip"])
        assert outcome.report is not None and {m.kept_id for m in outcome.report.mapped} == {c.id}
        assert [x.id for x in one.people.list_learners()] == [c.id]
        export_roster(one, tmp_path / "one.json")  # says: b into c, a into c
    with Store.open(tmp_path / "two") as two:
        import_results(two, [tmp_path / "all.zip"])
        two.people.merge_learners(a.id, c.id)  # the opposite choice here
        export_roster(two, tmp_path / "two.json")
        import_roster(two, tmp_path / "one.json")
        assert [x.id for x in two.people.list_learners()] == [a.id]
    with Store.open(tmp_path / "one") as one:
        import_roster(one, tmp_path / "two.json")
        assert [x.id for x in one.people.list_learners()] == [c.id]


# ----------------------------------------------------------------------------------------------- delete
def test_delete_learner_removes_their_settings_too(store: Store) -> None:
    """Deleting a learner removes the settings about them (keys ending in their id) and nothing else."""
    gone, kept = store.people.create_learner("Gone"), store.people.create_learner("Kept")
    for who in (gone, kept):
        store.settings.write(Settings.learner_key(AGE, who.id), "8-10")
    store.settings.write("school_name", "Model School")
    store.people.delete_learner(gone.id)
    assert store.settings.read(Settings.learner_key(AGE, gone.id)) is None
    assert store.settings.read(Settings.learner_key(AGE, kept.id)) == "8-10"
    assert store.settings.school_name == "Model School"


# ------------------------------------------------------------------------------------------------ files
def _rewrite(path: Path, change: Any) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc)
    doc["sha256"] = hashlib.sha256(canonical_bytes(doc["data"])).hexdigest()
    path.write_text(json.dumps(doc), encoding="utf-8")


def test_format_1_files_are_still_imported(tmp_path: Path, store: Store) -> None:
    """A results file from before merges and resets (format 1) imports as before."""
    with Store.open(tmp_path / "a") as a:
        _quiz(a, a.people.create_learner("Ali"))
        export_results(a, tmp_path / "old.json")

    def to_format_1(doc: dict[str, Any]) -> None:
        doc["format_version"] = 1
        del doc["data"]["learner_merges"]
        for learner in doc["data"]["learners"]:
            del learner["progress_reset_at"]

    _rewrite(tmp_path / "old.json", to_format_1)
    (outcome,) = import_results(store, [tmp_path / "old.json"])
    assert outcome.error is None and store.reports.counts()["attempts"] == 2


def test_a_file_whose_merges_contradict_its_learners_is_refused(tmp_path: Path) -> None:
    """A merged learner who is also in the file's learners cannot be right: the file is refused."""
    with Store.open(tmp_path / "a") as a:
        ali, twin = a.people.create_learner("Ali"), a.people.create_learner("Ali")
        a.people.merge_learners(ali.id, twin.id)
        export_roster(a, tmp_path / "r.json")
    _rewrite(tmp_path / "r.json", lambda doc: doc["data"]["learner_merges"][0].update(merged_id=ali.id))
    with pytest.raises(BundleError, match=r"learner_merges\[0\]"):
        read_bundle(tmp_path / "r.json", "roster")
