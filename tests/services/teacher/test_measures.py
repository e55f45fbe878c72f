"""Learning gain, item analysis and the programme summary, from answers stored in a real store."""

from __future__ import annotations

import csv
import statistics
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizapp.progress.records import Learner
from quizapp.progress.settings import Settings
from quizapp.progress.store import Store
from quizapp.services.teacher.measures import (
    ANALYSIS_COLUMNS,
    GAIN_COLUMNS,
    MIN_GROUP,
    item_analysis,
    learning_gain,
    programme_summary,
    write_analysis_csv,
    write_gain_csv,
    write_summary_csv,
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "data") as opened:
        yield opened


def _run(store: Store, learner: Learner, kind: str, marks: dict[str, float]) -> None:
    """A finished run of module p/m with the given fraction right per question (one point each)."""
    run = store.runs.start_quiz_run(learner.id, "p", "1.0", "m", list(marks), kind=kind)  # type: ignore[arg-type]
    for qid, fraction in marks.items():
        store.runs.record_answer(
            learner_id=learner.id,
            quiz_run_id=run.id,
            pack_id="p",
            pack_version="1.0",
            module_id="m",
            question_id=qid,
            question_type="single",
            answer="right" if fraction == 1 else "wrong",
            correct=fraction == 1,
            points_earned=fraction,
            points_possible=1.0,
            time_ms=1000,
        )
    score = 100.0 * sum(marks.values()) / len(marks)
    store.runs.finish_quiz_run(run.id, score_percent=score, passed=score >= 70)


def test_gain_per_class_counts_only_learners_with_both_checks(store: Store) -> None:
    """Means before and after, gain and Hake's normalised gain, from learners who did both checks."""
    cls = store.people.create_class("7A")
    a, b, c = (store.people.create_learner(n, class_id=cls.id, language="en", avatar_id="cat") for n in "ABC")
    _run(store, a, "pre", {"k1": 1, "k2": 0, "k3": 0, "k4": 1, "k5": 0})  # 40
    _run(store, a, "post", {"k1": 1, "k2": 1, "k3": 1, "k4": 1, "k5": 0})  # 80
    _run(store, b, "pre", {"k1": 1, "k2": 1, "k3": 1, "k4": 0, "k5": 0})  # 60
    _run(store, b, "post", {"k1": 1, "k2": 1, "k3": 1, "k4": 1, "k5": 1})  # 100
    _run(store, c, "pre", {"k1": 0, "k2": 0, "k3": 0, "k4": 0, "k5": 0})  # no post: left out
    [row] = learning_gain(store)
    assert (row.class_name, row.pack_id, row.module_id, row.learners) == ("7A", "p", "m", 2)
    assert (row.pre, row.post, row.gain) == (50.0, 90.0, 40.0)
    assert row.normalised_gain == pytest.approx(0.8)


def test_gain_for_one_class_only(store: Store, tmp_path: Path) -> None:
    """--class keeps other classes out; the CSV has the contract's columns."""
    one, two = store.people.create_class("7A"), store.people.create_class("7B")
    for cls, post in ((one, {"k": 1.0}), (two, {"k": 0.0})):
        learner = store.people.create_learner("X", class_id=cls.id, language="en", avatar_id="cat")
        _run(store, learner, "pre", {"k": 0.0})
        _run(store, learner, "post", post)
    rows = learning_gain(store, two.id)
    assert [(r.class_name, r.gain) for r in rows] == [("7B", 0.0)]
    out = tmp_path / "gain.csv"
    write_gain_csv(out, rows)
    with out.open(encoding="utf-8-sig") as fh:
        table = list(csv.reader(fh))
    assert tuple(table[0]) == GAIN_COLUMNS and {"pre", "post", "gain"} <= set(table[0])
    assert table[1][:3] == ["7B", "p", "m"]


def test_item_analysis_facility_and_corrected_discrimination(store: Store, tmp_path: Path) -> None:
    """Facility is the mean score on the item; discrimination correlates it with the rest of the quiz."""
    answers = [  # (good, bad, q3, q4) per learner: 'good' follows ability, 'bad' runs against it
        (1, 0, 1, 1),
        (1, 0, 1, 1),
        (1, 0, 1, 0),
        (0, 1, 0, 1),
        (0, 1, 0, 0),
        (0, 1, 0, 0),
    ]
    for i, (good, bad, q3, q4) in enumerate(answers):
        learner = store.people.create_learner(f"L{i}", language="en", avatar_id="cat")
        _run(store, learner, "quiz", {"good": good, "bad": bad, "q3": q3, "q4": q4})
        _run(store, learner, "quiz", {"good": 1, "bad": 1, "q3": 1, "q4": 1})  # a second go: not used
    stats = {s.question_id: s for s in item_analysis(store)}
    assert stats["good"].facility == 50.0 and stats["good"].answers == 6
    rest = [b + c + d for _, b, c, d in answers]
    expected = statistics.correlation([a[0] for a in answers], rest)
    assert stats["good"].discrimination == pytest.approx(expected, abs=1e-3) and expected > 0.2
    assert stats["bad"].discrimination is not None and stats["bad"].discrimination < 0
    assert stats["bad"].poor and not stats["good"].poor
    assert dict(stats["good"].options) == {"right": 3, "wrong": 3}
    out = tmp_path / "analysis.csv"
    write_analysis_csv(out, list(stats.values()))
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == ANALYSIS_COLUMNS
    assert {r["question"]: r["flag"] for r in rows}["bad"] == "poor discrimination"


def test_programme_summary_has_no_names_or_ids(store: Store, tmp_path: Path) -> None:
    """The programme file holds counts, means and gains by class, age band and module, never a learner."""
    store.settings.school_name = "Govt Girls School Multan"
    cls = store.people.create_class("6B")
    learner = store.people.create_learner("Zainab Bibi", class_id=cls.id, language="ur", avatar_id="cat")
    store.settings.write(Settings.learner_key("learner_age_band", learner.id), "11-13")
    _run(store, learner, "pre", {"k": 0.0, "j": 1.0})
    _run(store, learner, "quiz", {"q": 1.0})
    _run(store, learner, "post", {"k": 1.0, "j": 1.0})
    [row] = programme_summary(store, min_group=1)
    assert (row.class_name, row.age_band, row.learners, row.finished_quiz, row.passed) == (
        "6B",
        "11-13",
        1,
        1,
        1,
    )
    assert (row.pre, row.post, row.gain) == (50.0, 100.0, 50.0)
    out = tmp_path / "summary.csv"
    write_summary_csv(out, [row])
    text = out.read_text(encoding="utf-8-sig")
    assert "Zainab" not in text and learner.id not in text and "Govt Girls School Multan" in text
    write_summary_csv(out, [row], with_school=False)
    assert "Multan" not in out.read_text(encoding="utf-8-sig")


def test_programme_summary_leaves_out_figures_of_small_groups(store: Store, tmp_path: Path) -> None:
    """A class's only 11-13 year old would be picked out by class and age: of a group smaller than
    MIN_GROUP only the number of learners is given; a mean or gain from fewer learners is left out too,
    and the note says why."""
    cls = store.people.create_class("6B")

    def child(name: str, band: str, *, checks: bool) -> None:
        learner = store.people.create_learner(name, class_id=cls.id)
        store.settings.write(Settings.learner_key("learner_age_band", learner.id), band)
        if checks:
            _run(store, learner, "pre", {"k": 0.0})
        _run(store, learner, "quiz", {"q": 1.0})
        if checks:
            _run(store, learner, "post", {"k": 1.0})

    child("Zainab", "11-13", checks=True)
    for n in range(MIN_GROUP):
        child(f"Child {n}", "8-10", checks=n < 2)
    rows = {row.age_band: row for row in programme_summary(store)}
    alone, group = rows["11-13"], rows["8-10"]
    assert alone.learners == 1
    assert (alone.finished_quiz, alone.passed, alone.mean_best_score, alone.pre, alone.post) == (None,) * 5
    assert alone.note == f"fewer than {MIN_GROUP} learners: only their number is given"
    assert (group.learners, group.finished_quiz, group.passed) == (MIN_GROUP, MIN_GROUP, MIN_GROUP)
    assert group.mean_best_score == 100.0
    assert group.with_both_checks == 2 and group.pre is None and group.gain is None
    assert group.note == f"gain from fewer than {MIN_GROUP} learners left out"
    out = tmp_path / "summary.csv"
    write_summary_csv(out, list(rows.values()))
    with out.open(encoding="utf-8-sig") as fh:
        written = {r["age_band"]: r for r in csv.DictReader(fh)}
    assert written["11-13"]["mean_best_score"] == "" and written["11-13"]["learners"] == "1"
    assert written["8-10"]["mean_best_score"] == "100.0" and written["8-10"]["mean_pre"] == ""
