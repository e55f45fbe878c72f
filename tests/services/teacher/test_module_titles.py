"""A results file carries its modules' words, so a teacher's PC without the pack shows titles and answers."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from quizapp.progress import module_titles
from quizapp.progress.bundle import export_results, import_results
from quizapp.progress.store import Store
from quizapp.services.teacher.reports import AnswerWords, learner_detail, question_lines, results_grid
from tests.services.teacher.journey import example_pack, take_quiz

WRONG = {"best-passphrase": "a", "bank-asks-otp": True}


def _lab_file(tmp_path: Path) -> tuple[Path, str]:
    with Store.open(tmp_path / "lab") as lab:
        sara = lab.people.create_learner("Sara", class_id=lab.people.create_class("Blue").id)
        take_quiz(lab, example_pack(), "safe-basics", sara.id, WRONG)
        out = tmp_path / "lab.zip"
        export_results(lab, out)
    return out, sara.id


def test_the_file_carries_titles_prompts_and_options(tmp_path: Path) -> None:
    """The manifest names the module, its questions and their options in the pack's languages."""
    out, _ = _lab_file(tmp_path)
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    words = manifest["module_titles"]["example"]["modules"]["safe-basics"]
    assert words["title"]["en"] == "Safe basics"
    assert words["questions"]["best-passphrase"]["options"]["a"]["en"] == "Ali2012"


def test_a_pc_without_the_pack_shows_readable_names(tmp_path: Path) -> None:
    """Imported on a PC with no packs at all: the grid, the answers and the missed questions read as words."""
    out, sara_id = _lab_file(tmp_path)
    with Store.open(tmp_path / "teacher") as teacher:
        (outcome,) = import_results(teacher, [out])
        assert outcome.error is None
        grid = results_grid(teacher, [])
        assert [c.title_in("en") for c in grid.columns] == ["Safe basics"]
        detail = learner_detail(teacher, [], sara_id, language="en", words=AnswerWords())
        assert detail.runs[0].module_title == "Safe basics"
        answers = {line.attempt.question_id: line for line in detail.runs[0].answers}
        assert answers["best-passphrase"].answer_text == "Ali2012"
        assert answers["bank-asks-otp"].answer_text == "True"
        assert not answers["best-passphrase"].prompt.startswith("best-passphrase")
        lines = question_lines(teacher, [], language="en", words=AnswerWords())
        assert all(line.module_title == "Safe basics" for line in lines)
        missing = module_titles.missing_packs(teacher, installed=[])
        assert missing == {"example": "Example pack: staying safe online"}
        assert module_titles.missing_packs(teacher, installed=["example"]) == {}


def test_unfriendly_words_are_cut_and_kept_as_text(tmp_path: Path) -> None:
    """Words from a file are strings only and cut to length; anything else is dropped."""
    with Store.open(tmp_path / "data") as store:
        manifest = {
            "module_titles": {
                "p": {"title": {"en": "x" * 5000}, "modules": {"m": {"title": {"en": 7, "ur": "عنوان"}}}},
                "bad": "not a mapping",
            }
        }
        assert module_titles.remember(store, manifest) == ["p"]
        known = module_titles.catalogue(store)
        assert len(known["p"]["title"]["en"]) == module_titles.MAX_TEXT
        assert known["p"]["modules"]["m"]["title"] == {"ur": "عنوان"}
