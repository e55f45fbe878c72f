"""Item-writing rules: no answer gives itself away (rules, the validator hook, the built-in curriculum)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quizapp.content.item_rules import check_module_items
from quizapp.content.models import Module
from quizapp.content.validate import validate_paths
from tests.conftest import ROOT
from tests.content.helpers import MODULE, find, make_pack, validate

CURRICULUM = ("safety-8-10", "safety-11-13", "safety-14-17", "adults")


def t(en: str) -> dict[str, str]:
    return {"en": en}


def single(qid: str, options: list[str], correct: int) -> dict[str, Any]:
    return {
        "id": qid,
        "type": "single",
        "prompt": t("Which?"),
        "options": [{"id": f"o{i}", "text": t(text)} for i, text in enumerate(options)],
        "correct": f"o{correct}",
        "explanation": t("Because."),
    }


def scenario(qid: str, options: list[tuple[str, str]]) -> dict[str, Any]:
    return {
        "id": qid,
        "type": "scenario",
        "situation": t("Something happens."),
        "prompt": t("What should she do?"),
        "options": [
            {"id": f"o{i}", "text": t(text), "rating": rating, "feedback": t("So.")}
            for i, (text, rating) in enumerate(options)
        ],
        "explanation": t("Because."),
    }


def tf(qid: str, correct: bool) -> dict[str, Any]:
    return {"id": qid, "type": "true_false", "prompt": t("A statement."), "correct": correct,
            "explanation": t("Because.")}  # fmt: skip


def module(questions: list[dict[str, Any]]) -> Module:
    return Module.model_validate(
        {
            "id": "m",
            "title": t("M"),
            "summary": t("S"),
            "age_band": "11-13",
            "minutes": 10,
            "lesson": {"sections": [{"body": t("Text.")}]},
            "quiz": {"questions": questions},
        }
    )


def rules(questions: list[dict[str, Any]]) -> list[str]:
    return [f.rule for f in check_module_items(module(questions), ["en"], "en")]


def test_longest_option_right_too_often() -> None:
    """Three of five questions answered by the longest option break the 40% rule; two of five do not."""
    long_right = [single(f"q{i}", ["Short one", "The longer right one"], 1) for i in range(3)]
    long_wrong = [single(f"w{i}", ["The longer wrong one", "Short one"], 1) for i in range(2)]
    assert rules(long_right + long_wrong) == ["longest"]
    assert rules(long_right[:2] + long_wrong + [single("w9", ["The longer wrong one", "Short"], 1)]) == []


def test_options_of_very_different_length() -> None:
    """An option three times as long as another is reported; short options are never compared."""
    assert rules([single("q", ["No", "Yes, because the long reason shows it is right", "Maybe"], 0)]) == [
        "length"
    ]
    assert rules([single("q", ["No", "Yes, always"], 0)]) == []


def test_true_false_balance() -> None:
    """Four of five answers 'false' is unbalanced; three of five is fine; with three, 2-1 is fine."""
    assert rules([tf(f"q{i}", i == 0) for i in range(5)]) == ["true-false"]
    assert rules([tf(f"q{i}", i < 2) for i in range(5)]) == []
    assert rules([tf(f"q{i}", i == 0) for i in range(3)]) == []


def test_tell_an_adult_always_best() -> None:
    """Three scenarios whose 'tell a grown-up' option is always the best one are reported."""
    always = [
        scenario(
            f"s{i}",
            [("Tell Ammi about it", "best"), ("Reply and ask", "unsafe"), ("Ignore it", "acceptable")],
        )
        for i in range(3)
    ]
    assert "tell-adult" in rules(always)
    other = scenario("s9", [("Tell Ammi about it", "acceptable"), ("Turn on two-step login", "best")])
    assert "tell-adult" not in rules([*always, other])


def test_all_of_the_above() -> None:
    """'All of the above' or 'none of the above' as an option is reported."""
    assert rules([single("q", ["A", "B", "All of the above"], 2)]) == ["above"]


def test_validator_shows_rules_as_warnings(tmp_path: Path) -> None:
    """In a teacher's pack a broken rule is a warning with a line number, and the pack stays valid."""
    text = MODULE.replace(
        "text: {en: Share the code, ur: کوڈ بتا دیں}", "text: {en: None of the above, ur: کوڈ}"
    )
    report = validate(make_pack(tmp_path, text))
    assert report.valid
    assert find(report, "item rule (above)").line > 10


@pytest.fixture(scope="module")
def curriculum_findings() -> dict[str, list[str]]:
    report = validate_paths([ROOT / "questions" / name for name in CURRICULUM])
    assert report.valid
    found: dict[str, list[str]] = {}
    for pack in report.packs:
        for m in pack.modules:
            found[f"{pack.id}/{m.id}"] = [
                f.message for f in check_module_items(m, pack.manifest.languages, pack.default_language)
            ]
    return found


def test_builtin_curriculum_obeys_every_item_rule(curriculum_findings: dict[str, list[str]]) -> None:
    """In the built-in curriculum an item rule broken is an error: no module lets a guesser through."""
    broken = {k: v for k, v in curriculum_findings.items() if v}
    assert broken == {}
