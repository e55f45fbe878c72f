"""The class grid, a learner's answers in words, per-question figures, CSV and name lists."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from quizapp.progress.csvexport import ATTEMPT_COLUMNS
from quizapp.progress.errors import InvalidValueError
from quizapp.progress.store import Store
from quizapp.services.teacher.exports import save_results_csv
from quizapp.services.teacher.reports import AnswerWords, learner_detail, question_lines, results_grid
from quizapp.services.teacher.roster import (
    add_learners,
    merge_learners,
    reset_class,
    reset_learner,
)
from tests.services.teacher.journey import example_pack, take_quiz

QUESTIONS = len(example_pack().modules[0].quiz.questions)  # answers one quiz of the example module stores
WRONG = {"best-passphrase": "a", "bank-asks-otp": True, "bully-steps": [3, 2, 1, 0]}


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "data") as opened:
        yield opened


@pytest.fixture
def classroom(store: Store):
    """Class Blue: Ali passed, Sara failed then tried again, Zoya never started."""
    blue = store.people.create_class("Blue")
    ali = store.people.create_learner("Ali", class_id=blue.id)
    sara = store.people.create_learner("Sara", class_id=blue.id)
    zoya = store.people.create_learner("Zoya", class_id=blue.id)
    pack = example_pack()
    take_quiz(store, pack, "safe-basics", ali.id)
    take_quiz(store, pack, "safe-basics", sara.id, WRONG)
    return blue, ali, sara, zoya, pack


def test_grid_says_passed_in_progress_not_started(store: Store, classroom) -> None:
    """Each learner x module cell has the status and best score the learner earned."""
    blue, *_, pack = classroom
    grid = results_grid(store, [pack], class_id=blue.id)
    assert [c.key for c in grid.columns] == [("example", "safe-basics")]
    cells = {row.learner.display_name: row.cells[0] for row in grid.rows}
    assert cells["Ali"].status == "passed" and cells["Ali"].best_score == 100.0
    assert cells["Sara"].status == "in_progress" and cells["Sara"].runs == 1
    assert cells["Sara"].best_score is not None and cells["Sara"].best_score < 70
    assert cells["Zoya"].status == "not_started" and cells["Zoya"].runs == 0
    assert grid.column_counts(0) == {"not_started": 1, "in_progress": 1, "passed": 1}


def test_grid_keeps_modules_with_answers_when_their_pack_is_off(store: Store, classroom) -> None:
    """Switching a pack off for a class never hides results already given."""
    blue, *_, pack = classroom
    grid = results_grid(store, [pack], class_id=blue.id, pack_ids=set())
    assert [c.key for c in grid.columns] == [("example", "safe-basics")]


def test_learner_detail_shows_every_answer_in_words(store: Store, classroom) -> None:
    """Option ids become option texts; each answer says right or not."""
    _, _, sara, _, pack = classroom
    detail = learner_detail(store, [pack], sara.id, language="en", words=AnswerWords())
    assert len(detail.runs) == 1
    answers = {line.attempt.question_id: line for line in detail.runs[0].answers}
    assert answers["best-passphrase"].answer_text == "Ali2012"
    assert answers["best-passphrase"].outcome == "wrong"
    assert answers["bank-asks-otp"].answer_text == "True"
    assert answers["share-safely"].outcome == "correct"
    assert answers["share-safely"].answer_text == "A one-time code (OTP); Your home address"
    assert answers["bully-steps"].answer_text.startswith("Tell a trusted adult → ")
    assert answers["match-terms"].answer_text.startswith("Phishing → A fake message")
    assert answers["cousin-wallet"].outcome == "best"
    urdu = learner_detail(store, [pack], sara.id, language="ur", words=AnswerWords())
    prompts = {line.attempt.question_id: line.prompt for line in urdu.runs[0].answers}
    assert prompts["best-passphrase"] == "ان میں سے سب سے مضبوط کون سا ہے؟"


def test_question_stats_put_most_missed_first_with_wrong_answers(store: Store, classroom) -> None:
    """The questions missed come first, with the wrong answer chosen, in words."""
    blue, *_, pack = classroom
    lines = question_lines(store, [pack], language="en", words=AnswerWords(), class_id=blue.id)
    top = lines[0]
    assert top.stat.wrong == 1 and top.stat.answers == 2
    assert top.stat.question_id in WRONG
    wrong_texts = {text for line in lines for text, _count in line.wrong_answers}
    assert "Ali2012" in wrong_texts and "True" in wrong_texts


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_results_csv_has_one_row_per_answer_in_words(store: Store, classroom, tmp_path: Path) -> None:
    """The teacher's CSV is the store's export with the packs' words: module title, prompt, the answer as
    option text, the outcome; and a summary row for every learner and student module."""
    _, ali, sara, zoya, pack = classroom
    path = tmp_path / "out" / "results.csv"
    path.parent.mkdir()
    saved = save_results_csv(path, store, [pack], [ali, sara, zoya], language="ur")
    assert (saved.answer_rows, saved.summary_rows) == (2 * QUESTIONS, 3)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    table = _rows(path)
    assert list(table[0]) == list(ATTEMPT_COLUMNS)
    assert {r["learner_name"] for r in table} == {"Ali", "Sara"} and {r["class_name"] for r in table} == {
        "Blue"
    }
    wrong = next(r for r in table if r["learner_name"] == "Sara" and r["question_id"] == "best-passphrase")
    assert (wrong["answer"], wrong["answer_data"], wrong["outcome"]) == ("Ali2012", '"a"', "wrong")
    assert wrong["question_prompt"] == "ان میں سے سب سے مضبوط کون سا ہے؟"
    title = pack.module("safe-basics").title.get_text("ur", pack.default_language)  # type: ignore[union-attr]
    assert wrong["module_title"] == title
    summary = {r["learner_name"]: r for r in _rows(saved.summary)}
    assert summary["Ali"]["status"] == "passed" and summary["Ali"]["best_score_percent"] == "100"
    assert summary["Zoya"]["status"] == "not_started" and summary["Zoya"]["module_title"] == title
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]


def test_results_csv_of_a_few_learners(store: Store, classroom, tmp_path: Path) -> None:
    """Only the learners given are written (as before removing or resetting them)."""
    _, ali, *_, pack = classroom
    saved = save_results_csv(tmp_path / "ali.csv", store, [pack], [ali])
    assert saved.answer_rows == QUESTIONS and {r["learner_name"] for r in _rows(saved.answers)} == {"Ali"}


def test_add_learners_skips_names_already_in_the_class(store: Store) -> None:
    """Adding a list twice adds nobody the second time."""
    blue = store.people.create_class("Blue")
    first = add_learners(store, ["Ali", "Sara"], class_id=blue.id, avatars=["fox", "owl"])
    again = add_learners(store, ["ali ", "Hina"], class_id=blue.id)
    assert [lr.display_name for lr in first.added] == ["Ali", "Sara"]
    assert all(lr.avatar_id for lr in first.added)
    assert again.already_there == ["ali "] and [lr.display_name for lr in again.added] == ["Hina"]


def test_adding_a_list_with_a_bad_name_adds_nobody(store: Store) -> None:
    """The list is added in one transaction: a name the store refuses leaves the class as it was."""
    blue = store.people.create_class("Blue")
    with pytest.raises(InvalidValueError):
        add_learners(store, ["Ali", "x" * 61], class_id=blue.id)
    assert store.people.list_learners(blue.id) == []


def test_merge_look_alikes_moves_answers_to_the_kept_learner(store: Store, classroom) -> None:
    """After merging, one learner holds both records' answers and best progress, with a backup taken."""
    blue, ali, *_, pack = classroom
    twin = store.people.create_learner("Ali", class_id=blue.id)
    take_quiz(store, pack, "safe-basics", twin.id, WRONG)
    kept = merge_learners(store, ali.id, twin.id)
    assert kept.id == ali.id and store.list_backups()
    assert [lr.display_name for lr in store.people.list_learners(blue.id)].count("Ali") == 1
    assert len(store.runs.list_quiz_runs(ali.id)) == 2
    assert len(store.runs.attempts_for_learner(ali.id)) == 2 * QUESTIONS
    assert store.progress.get_module_progress(ali.id, "example", "safe-basics").passed


def test_reset_keeps_the_learner_and_their_id(store: Store, classroom) -> None:
    """At term end a learner keeps id, name, class and picture, with no answers left."""
    blue, ali, sara, *_ = classroom
    fresh = reset_learner(store, ali.id)
    assert (fresh.id, fresh.display_name, fresh.class_id) == (ali.id, "Ali", blue.id)
    assert store.runs.attempts_for_learner(ali.id) == []
    assert store.progress.get_module_progress(ali.id, "example", "safe-basics").status == "not_started"
    assert store.runs.attempts_for_learner(sara.id)


def test_reset_class_resets_every_learner_of_it(store: Store, classroom) -> None:
    """Resetting a class resets all its learners, keeping them, and nobody outside it."""
    blue, ali, sara, zoya, pack = classroom
    other = store.people.create_learner("Other")
    take_quiz(store, pack, "safe-basics", other.id)
    reset = reset_class(store, blue.id)
    assert [x.id for x in reset] == [ali.id, sara.id, zoya.id]
    assert store.reports.counts()["attempts"] == QUESTIONS and store.runs.attempts_for_learner(other.id)


def test_wide_csv_has_one_row_per_learner_and_a_column_per_module(store: Store, classroom, tmp_path) -> None:
    """As Moodle's grades export: a learner per row with father's name, roll and class, the best score per
    module (empty when not started) and the modules passed."""
    from quizapp.services.teacher.exports import save_wide_csv

    blue, ali, *_ = classroom
    store.people.update_learner(ali.id, father_name="Asif Ali", roll_number="7")
    grid = results_grid(store, [example_pack()], class_id=blue.id)
    out = tmp_path / "marks.csv"
    assert save_wide_csv(out, grid, class_names={blue.id: "Blue"}) == 3
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert rows[0][:4] == ["Learner", "Father's name", "Roll number", "Class"]
    assert rows[0][-1] == "Modules passed" and "Safe basics" in rows[0]
    column = rows[0].index("Safe basics")
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Ali"][1:4] == ["Asif Ali", "7", "Blue"]
    assert by_name["Ali"][column] == "100.0" and by_name["Ali"][-1] == "1"
    assert by_name["Zoya"][column] == "" and by_name["Zoya"][-1] == "0"
    assert not list(tmp_path.glob(".marks.csv.*"))  # no temporary file left behind


def test_answers_in_words_for_the_new_types() -> None:
    """The results CSV and reports name the regions a learner marked (spot the scam) and the pairs made
    (matching), in the teacher's language."""
    from quizapp.services.teacher.reports import describe_answer

    questions = {q.type: q for q in example_pack().modules[0].quiz.questions}
    scam = questions["spot_the_scam"]
    assert describe_answer(scam, ["sender", "time"], "en", "en", AnswerWords()) == "The sender; The time"
    assert describe_answer(scam, ["sender"], "ur", "en", AnswerWords()) == "بھیجنے والا"
    assert describe_answer(scam, [], "en", "en", AnswerWords(nothing="-")) == "-"
    pairs = describe_answer(questions["matching"], [0, None, 1], "en", "en", AnswerWords())
    assert pairs.startswith("Phishing → A fake message") and "Two-step verification → (no answer)" in pairs
