"""Results and roster files: export, checks, and merging that is safe to repeat."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from quizapp.progress.bundle import (
    canonical_bytes,
    describe_report,
    export_results,
    export_roster,
    import_results,
    import_roster,
    read_bundle,
)
from quizapp.progress.errors import BundleError, StoreError
from quizapp.progress.store import Store
from tests.progress.conftest import BACKENDS, answer, start_run

STORE_BACKENDS = BACKENDS  # every test with the store fixture runs on SQLite and PostgreSQL


def _fill(store: Store) -> tuple[str, str]:
    c = store.people.create_class("5A")
    ali = store.people.create_learner("Ali", class_id=c.id, language="ur")
    run = start_run(store, ali)
    answer(store, run, "q1", next_index=1)
    answer(store, run, "q2", question_type="scenario", correct=None, rating="acceptable", next_index=2)
    store.runs.finish_quiz_run(run.id, score_percent=75, passed=True)
    store.progress.save_lesson_position(ali.id, "safety", "1.0", "intro", 2, read=True)
    return c.id, ali.id


def _comparable(store: Store) -> dict[str, object]:
    return store.snapshots.export_snapshot()


@pytest.mark.parametrize("name", ["results.zip", "results.json"])
def test_round_trip_into_an_empty_computer(tmp_path: Path, name: str) -> None:
    """Everything exported from one computer arrives unchanged in another, as zip or plain JSON."""
    with Store.open(tmp_path / "a") as a:
        _fill(a)
        manifest = export_results(a, tmp_path / name)
        expected = _comparable(a)
    assert manifest["format"] == "quizapp-results" and manifest["format_version"] == 3
    assert manifest["counts"]["attempts"] == 2 and len(manifest["sha256"]) == 64
    with Store.open(tmp_path / "b") as b:
        (outcome,) = import_results(b, [tmp_path / name])
        assert outcome.error is None and outcome.report is not None
        assert outcome.report.added == {
            "classes": 1,
            "learners": 1,
            "quiz_runs": 1,
            "attempts": 2,
            "module_progress": 2,
            "resume_points": 1,
        }
        assert _comparable(b) == expected


def test_importing_twice_changes_nothing(tmp_path: Path, store: Store) -> None:
    """A second import of the same file adds and updates nothing."""
    with Store.open(tmp_path / "a") as a:
        _fill(a)
        export_results(a, tmp_path / "r.zip")
    import_results(store, [tmp_path / "r.zip"])
    before = _comparable(store)
    (again,) = import_results(store, [tmp_path / "r.zip"])
    assert again.report is not None and not again.report.changed
    assert "nothing new" in describe_report(again.report)[0]
    assert _comparable(store) == before


def test_merging_two_computers_keeps_the_union(tmp_path: Path) -> None:
    """Answers given on two computers by the same learner (same id, from the roster) all end up together."""
    with Store.open(tmp_path / "a") as a:
        class_id, ali_id = _fill(a)
        export_roster(a, tmp_path / "roster.json")
        export_results(a, tmp_path / "a.zip")
    with Store.open(tmp_path / "b") as b:
        import_roster(b, tmp_path / "roster.json")
        ali = b.people.get_learner(ali_id)
        run = start_run(b, ali, "phishing")
        answer(b, run, "q1", correct=False, points_earned=0)
        b.runs.finish_quiz_run(run.id, score_percent=0, passed=False)
        import_results(b, [tmp_path / "a.zip"])
        assert len(b.runs.attempts_for_learner(ali_id)) == 3
        summary = b.reports.class_summary(class_id)
        assert summary.cell(ali_id, "safety", "passwords").status == "passed"
        assert summary.cell(ali_id, "safety", "phishing").runs == 1


def test_newer_changes_win_and_progress_merges(tmp_path: Path) -> None:
    """A newer rename wins; a pass on either computer stays a pass with the best score of both."""
    with Store.open(tmp_path / "a") as a:
        _, ali_id = _fill(a)
        export_results(a, tmp_path / "a.zip")
    with Store.open(tmp_path / "b") as b:
        import_results(b, [tmp_path / "a.zip"])
        b.people.update_learner(ali_id, display_name="Ali Khan")
        run = start_run(b, b.people.get_learner(ali_id))
        b.runs.finish_quiz_run(run.id, score_percent=50, passed=False)
        export_results(b, tmp_path / "b.zip")
    with Store.open(tmp_path / "a") as a:
        (outcome,) = import_results(a, [tmp_path / "b.zip"])
        assert outcome.report is not None and outcome.report.updated["learners"] == 1
        assert a.people.get_learner(ali_id).display_name == "Ali Khan"
        p = a.progress.get_module_progress(ali_id, "safety", "passwords")
        assert (p.passed, p.best_score, p.quiz_state) == (True, 75.0, "finished")
        assert len(a.runs.list_quiz_runs(ali_id)) == 2


def test_look_alike_learners_are_listed_not_merged(tmp_path: Path) -> None:
    """Two "Ali"s of class 5A with different ids stay two learners, and the teacher is told."""
    with Store.open(tmp_path / "a") as a:
        _fill(a)
        export_results(a, tmp_path / "a.zip")
    with Store.open(tmp_path / "b") as b:
        local = b.people.create_learner("ali", class_id=b.people.create_class("5a").id)
        (outcome,) = import_results(b, [tmp_path / "a.zip"])
        report = outcome.report
        assert report is not None
        kinds = sorted((la.kind, la.existing_id) for la in report.look_alikes)
        assert ("learner", local.id) in kinds and any(k == "class" for k, _ in kinds)
        assert len(b.people.list_learners()) == 2
        assert any("check: learner 'Ali'" in line for line in describe_report(report))


def test_deleted_learner_is_not_brought_back(tmp_path: Path, store: Store) -> None:
    """Importing an older file does not revive a learner deleted here; the skip is reported."""
    with Store.open(tmp_path / "a") as a:
        _, ali_id = _fill(a)
        export_results(a, tmp_path / "a.zip")
    import_results(store, [tmp_path / "a.zip"])
    store.people.delete_learner(ali_id)
    (outcome,) = import_results(store, [tmp_path / "a.zip"])
    assert outcome.report is not None and outcome.report.skipped_deleted == [f"Ali ({ali_id})"]
    assert store.people.list_learners() == [] and store.reports.counts()["attempts"] == 0


def _rewrite_json(path: Path, change: object, fix_checksum: bool) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc["data"])  # type: ignore[operator]
    if fix_checksum:
        doc["sha256"] = hashlib.sha256(canonical_bytes(doc["data"])).hexdigest()
    path.write_text(json.dumps(doc), encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "fix_checksum", "message"),
    [
        (lambda d: d["attempts"][0].update(correct=False), False, "checksum does not match"),
        (lambda d: d["attempts"][0].update(correct="yes"), True, r"attempts\[0\]\.correct"),
        (lambda d: d["learners"][0].update(language="English"), True, r"learners\[0\]\.language"),
        (
            lambda d: d["attempts"][1].update(quiz_run_id=d["learners"][0]["id"]),
            True,
            "quiz run of its learner",
        ),
        (lambda d: d["attempts"].append(dict(d["attempts"][0])), True, "repeats a record"),
        (lambda d: d["learners"].clear(), True, "learner who is not in the file"),
        (lambda d: d.pop("attempts"), True, "attempts: Field required"),
    ],
)
def test_bad_files_are_refused_whole(
    tmp_path: Path, store: Store, change: object, fix_checksum: bool, message: str
) -> None:
    """Edited, damaged or inconsistent files are refused with a specific message and import nothing."""
    with Store.open(tmp_path / "a") as a:
        _fill(a)
        export_results(a, tmp_path / "r.json")
    _rewrite_json(tmp_path / "r.json", change, fix_checksum)
    before = store.reports.counts()
    (outcome,) = import_results(store, [tmp_path / "r.json"])
    assert outcome.report is None and outcome.error is not None
    assert "r.json" in outcome.error and "Nothing was imported" in outcome.error
    with pytest.raises(BundleError, match=message):
        read_bundle(tmp_path / "r.json", "results")
    assert store.reports.counts() == before


def test_damaged_zip_and_other_files_are_refused(tmp_path: Path, store: Store) -> None:
    """A truncated zip, a foreign zip, random bytes and a newer format are each refused clearly."""
    with Store.open(tmp_path / "a") as a:
        _fill(a)
        export_results(a, tmp_path / "r.zip")
    data = (tmp_path / "r.zip").read_bytes()
    (tmp_path / "cut.zip").write_bytes(data[: len(data) // 2])
    with zipfile.ZipFile(tmp_path / "other.zip", "w") as zf:
        zf.writestr("hello.txt", "hi")
    (tmp_path / "noise.bin").write_bytes(b"\x00\x01garbage")
    with zipfile.ZipFile(tmp_path / "r.zip") as zf:
        manifest = json.loads(zf.read("manifest.json"))
        payload = zf.read("data.json")
    manifest["format_version"] = 9
    with zipfile.ZipFile(tmp_path / "newer.zip", "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        zf.writestr("data.json", payload)
    expected = {
        "cut.zip": "damaged",
        "other.zip": "not a quizapp",
        "noise.bin": "neither a quizapp zip",
        "newer.zip": "newer quizapp",
    }
    outcomes = import_results(store, [tmp_path / n for n in expected])
    for outcome, (name, words) in zip(outcomes, expected.items(), strict=True):
        assert outcome.error is not None and name in outcome.error and words in outcome.error, outcome.error
    assert store.people.list_learners() == []


def test_one_bad_file_does_not_stop_the_good_ones(tmp_path: Path, store: Store) -> None:
    """Of several files, the good ones are imported and only the bad one refused."""
    with Store.open(tmp_path / "a") as a:
        _fill(a)
        export_results(a, tmp_path / "good.zip")
    (tmp_path / "bad.json").write_text("{}", encoding="utf-8")
    bad, good = import_results(store, [tmp_path / "bad.json", tmp_path / "good.zip"])
    assert bad.error is not None and good.error is None
    assert len(store.people.list_learners()) == 1


def test_roster_export_of_one_class_and_kinds_not_mixed(tmp_path: Path, store: Store) -> None:
    """A roster of one class holds that class and its learners; roster and results files are not mixed."""
    a, b = store.people.create_class("5A"), store.people.create_class("5B")
    store.people.create_learner("Ali", class_id=a.id)
    store.people.create_learner("Sara", class_id=b.id)
    store.people.create_learner("No class")
    manifest = export_roster(store, tmp_path / "roster.json", class_name="5a")
    assert manifest["format"] == "quizapp-roster"
    assert manifest["counts"] == {"classes": 1, "learners": 1, "learner_merges": 0}
    bundle = read_bundle(tmp_path / "roster.json", "roster")
    assert [x["display_name"] for x in bundle.data["learners"]] == ["Ali"]
    with pytest.raises(BundleError, match="roster file; use 'quizapp roster import'"):
        read_bundle(tmp_path / "roster.json", "results")
    export_results(store, tmp_path / "results.zip")
    with pytest.raises(BundleError, match="results file; use 'quizapp results import'"):
        read_bundle(tmp_path / "results.zip", "roster")
    with pytest.raises(StoreError, match="no class called 'Blue'"):
        export_roster(store, tmp_path / "x.json", class_name="Blue")


def test_roster_import_sets_up_another_computer(tmp_path: Path) -> None:
    """Importing a roster gives the other computer the same classes and learners with the same ids."""
    with Store.open(tmp_path / "a") as a:
        c = a.people.create_class("5A")
        ali = a.people.create_learner("Ali", class_id=c.id, avatar_id="owl", text_size=150)
        export_roster(a, tmp_path / "roster.zip")
    with Store.open(tmp_path / "b") as b:
        report = import_roster(b, tmp_path / "roster.zip")
        assert report.added == {"classes": 1, "learners": 1}
        assert b.people.get_learner(ali.id) == ali
        assert not import_roster(b, tmp_path / "roster.zip").changed


def test_export_leaves_no_partial_file_when_the_folder_is_missing(tmp_path: Path, store: Store) -> None:
    """Writing into a missing folder fails with a clear message and writes nothing."""
    with pytest.raises(StoreError, match="does not exist"):
        export_results(store, tmp_path / "missing" / "r.zip")
    assert not (tmp_path / "missing").exists()


def _resign(document: dict[str, object]) -> None:
    """Recompute the checksum of a plain JSON bundle after editing its data, as a forger would."""
    document["sha256"] = hashlib.sha256(canonical_bytes(document["data"])).hexdigest()


def test_edited_counts_are_refused(tmp_path: Path) -> None:
    """The record counts sit outside the checksum: counts that do not match the data refuse the file."""
    with Store.open(tmp_path / "a") as a:
        _fill(a)
        export_results(a, tmp_path / "r.json")
    document = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    document["counts"]["attempts"] = 7
    (tmp_path / "r.json").write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(BundleError, match=r"says 7 attempts record\(s\) but the file holds 2") as info:
        read_bundle(tmp_path / "r.json", "results")
    assert "Nothing was imported" in str(info.value)


def test_invalid_record_message_is_plain(tmp_path: Path) -> None:
    """A re-signed file with a bad record is refused with where the problem is, without "(and 0 more ...)"."""
    with Store.open(tmp_path / "a") as a:
        _fill(a)
        export_results(a, tmp_path / "r.json")
    document = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    document["data"]["attempts"][1]["time_ms"] = "slow"
    _resign(document)
    (tmp_path / "r.json").write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(BundleError) as info:
        read_bundle(tmp_path / "r.json", "results")
    message = str(info.value)
    assert "does not hold valid quizapp data: attempts[1].time_ms" in message
    assert "0 more" not in message and "Export it again" in message


def test_look_alike_line_says_how_to_merge(tmp_path: Path) -> None:
    """The listed look-alike learner comes with the command that makes the two one learner."""
    with Store.open(tmp_path / "a") as a:
        _fill(a)
        export_results(a, tmp_path / "a.zip")
    with Store.open(tmp_path / "b") as b:
        c = b.people.create_class("5A")
        local = b.people.create_learner("Ali", class_id=c.id)
        (outcome,) = import_results(b, [tmp_path / "a.zip"])
        assert outcome.report is not None
        (look_alike,) = [la for la in outcome.report.look_alikes if la.kind == "learner"]
        lines = describe_report(outcome.report)
    assert any(f"quizapp roster merge {local.id} {look_alike.incoming_id}" in line for line in lines)


def test_same_name_children_told_apart_are_not_look_alikes(tmp_path: Path) -> None:
    """Two 'Danish Ali' with different fathers on two PCs are two children; with the same (or an unknown)
    father they are offered as look-alikes; the details travel in the roster file."""
    with Store.open(tmp_path / "a") as a:
        blue = a.people.create_class("Blue")
        a.people.create_learner("Danish Ali", class_id=blue.id, father_name="Asif Ali", roll_number="3")
        export_roster(a, tmp_path / "roster.json")
    with Store.open(tmp_path / "b") as b:
        import_roster(b, tmp_path / "roster.json")
        (blue_b,) = b.people.list_classes()
        (copied,) = b.people.list_learners(blue_b.id)
        assert (copied.father_name, copied.roll_number) == ("Asif Ali", "3")
    with Store.open(tmp_path / "c") as c:
        blue_c = c.people.create_class("Blue")
        c.people.create_learner("Danish Ali", class_id=blue_c.id, father_name="Liaquat Ali")
        same = c.people.create_learner("danish ali", class_id=blue_c.id)
        report = import_roster(c, tmp_path / "roster.json")
        learner_alikes = [la for la in report.look_alikes if la.kind == "learner"]
        assert [la.existing_id for la in learner_alikes] == [same.id]  # not the son of Liaquat Ali


def test_spot_the_scam_answers_travel_in_a_results_file(tmp_path: Path) -> None:
    """An answer to a spot-the-scam question (the regions marked) is exported and imported like any other;
    the file's check of question types comes from the type registry."""
    with Store.open(tmp_path / "a") as a:
        learner = a.people.create_learner("Sana")
        run = start_run(a, learner)
        marked = ["sender", "link"]
        answer(a, run, "scam", question_type="spot_the_scam", answer=marked, correct=False, points_earned=0.5)
        export_results(a, tmp_path / "r.zip")
    with Store.open(tmp_path / "b") as b:
        (outcome,) = import_results(b, [tmp_path / "r.zip"])
        assert outcome.error is None
        (attempt,) = b.runs.attempts_for_learner(learner.id)
        assert (attempt.question_type, attempt.answer, attempt.points_earned) == (
            "spot_the_scam",
            marked,
            0.5,
        )
