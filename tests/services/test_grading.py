"""Grading of every question type: right, wrong, partly right, scenario ratings, and bad answers."""

from __future__ import annotations

from typing import Any

import pytest

from quizapp.content.diagnostics import DiagnosticList
from quizapp.content.models import (
    FillBlank,
    Matching,
    MultipleSelect,
    Ordering,
    Scenario,
    SingleChoice,
    TrueFalse,
)
from quizapp.content.packs import load_pack_folder
from quizapp.content.vocab import QUESTION_TYPES
from quizapp.paths import builtin_packs_dir
from quizapp.services.grading import (
    AnswerError,
    grade,
    has_passed,
    is_complete,
    right_answer,
    score_percent,
)


def _base(qid: str, qtype: str, points: int = 1) -> dict[str, Any]:
    return {"id": qid, "type": qtype, "prompt": "Q?", "explanation": "Because.", "points": points}


SINGLE = SingleChoice.model_validate(
    {**_base("s", "single"), "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}], "correct": "b"}
)
MULTIPLE = MultipleSelect.model_validate(
    {
        **_base("m", "multiple", points=4),
        "options": [{"id": x, "text": x.upper()} for x in ("a", "b", "c", "d")],
        "correct": ["a", "b"],
    }
)
TRUE_FALSE = TrueFalse.model_validate({**_base("t", "true_false"), "correct": False})
ORDERING = Ordering.model_validate({**_base("o", "ordering", points=4), "items": ["1", "2", "3", "4"]})
MATCHING = Matching.model_validate(
    {
        **_base("x", "matching", points=3),
        "pairs": [
            {"left": "L1", "right": "R1"},
            {"left": "L2", "right": "R2"},
            {"left": "L3", "right": "R3"},
        ],
    }
)
FILL = FillBlank.model_validate(
    {**_base("f", "fill_blank"), "accepted": {"en": ["Password", "code"], "ur": ["پاس ورڈ"]}}
)
SCENARIO = Scenario.model_validate(
    {
        **_base("sc", "scenario", points=2),
        "situation": "Someone asks for your code.",
        "options": [
            {"id": "tell", "text": "Tell an adult", "rating": "best", "feedback": "Good."},
            {"id": "ignore", "text": "Ignore it", "rating": "acceptable", "feedback": "Safe, but..."},
            {"id": "send", "text": "Send it", "rating": "unsafe", "feedback": "Your money is gone."},
        ],
    }
)


def test_single_choice_right_and_wrong() -> None:
    """A single-choice answer earns full points only for the right option."""
    right = grade(SINGLE, "b")
    wrong = grade(SINGLE, "a")
    assert (right.correct, right.points_earned, right.verdict) == (True, 1.0, "correct")
    assert (wrong.correct, wrong.points_earned, wrong.verdict) == (False, 0.0, "wrong")


@pytest.mark.parametrize(
    ("answer", "fraction", "verdict"),
    [
        (["a", "b"], 1.0, "correct"),
        (["b", "a"], 1.0, "correct"),
        (["a"], 0.5, "partial"),
        (["a", "b", "c"], 0.5, "partial"),
        (["a", "c"], 0.0, "wrong"),
        (["a", "b", "c", "d"], 0.0, "wrong"),
        (["c", "d"], 0.0, "wrong"),
    ],
)
def test_multiple_select_partial_credit(answer: list[str], fraction: float, verdict: str) -> None:
    """Multiple select: (right chosen - wrong chosen) / right options, never below zero."""
    result = grade(MULTIPLE, answer)
    assert result.fraction == pytest.approx(fraction)
    assert result.points_earned == pytest.approx(4 * fraction)
    assert result.verdict == verdict
    assert result.correct is (verdict == "correct")


def test_multiple_select_parts_mark_each_option() -> None:
    """Each option is marked as treated rightly (chosen when right, left out when wrong)."""
    assert grade(MULTIPLE, ["a", "c"]).parts == (True, False, False, True)


def test_true_false() -> None:
    """True/false needs a real boolean and compares with the right value."""
    assert grade(TRUE_FALSE, False).correct is True
    assert grade(TRUE_FALSE, True).correct is False
    with pytest.raises(AnswerError):
        grade(TRUE_FALSE, "false")


def test_ordering_right_partial_and_wrong() -> None:
    """Ordering is right in the pack order; otherwise the share of items in their place counts."""
    assert grade(ORDERING, [0, 1, 2, 3]).verdict == "correct"
    half = grade(ORDERING, [0, 1, 3, 2])
    assert (half.verdict, half.points_earned, half.parts) == ("partial", 2.0, (True, True, False, False))
    assert grade(ORDERING, [1, 0, 3, 2]).verdict == "wrong"


def test_ordering_rejects_repeated_items() -> None:
    """An order that places an item twice is not a valid answer."""
    with pytest.raises(AnswerError):
        grade(ORDERING, [0, 0, 1, 2])


def test_matching_counts_right_pairs() -> None:
    """Matching: right when every pair matches, partly right by the share of right pairs."""
    assert grade(MATCHING, [0, 1, 2]).verdict == "correct"
    partial = grade(MATCHING, [0, 2, 1])
    assert partial.verdict == "partial"
    assert partial.points_earned == pytest.approx(1.0)
    assert grade(MATCHING, [1, 2, 0]).verdict == "wrong"
    assert grade(MATCHING, [0, None, None]).parts == (True, False, False)


def test_matching_same_right_text_counts_as_right() -> None:
    """Two pairs with the same right-hand text may be matched either way."""
    question = Matching.model_validate(
        {**_base("y", "matching"), "pairs": [{"left": "A", "right": "Same"}, {"left": "B", "right": "Same"}]}
    )
    assert grade(question, [1, 0]).correct is True


def test_fill_blank_normalises_and_uses_the_learners_language() -> None:
    """Typed answers ignore case and extra spaces, and use the answers of the language shown."""
    assert grade(FILL, "  PASSWORD ").correct is True
    assert grade(FILL, "code").correct is True
    assert grade(FILL, "پاس  ورڈ", language="ur").correct is True
    assert grade(FILL, "پاس ورڈ", language="en").correct is False
    assert grade(FILL, "pin").correct is False
    assert grade(FILL, "   ").correct is False


FILL_BOTH = FillBlank.model_validate(
    {
        **_base("f2", "fill_blank"),
        "prompt": {"en": "Never share your ____.", "ur": "اپنا ____ کبھی نہ بتائیں۔"},
        "accepted": {"en": ["Password"], "ur": ["پاس ورڈ"]},
    }
)


def test_fill_blank_accepts_an_answer_in_either_of_the_questions_languages() -> None:
    """A question written in English and Urdu accepts the Urdu answer when shown in English and the
    English answer when shown in Urdu (a learner who switched language); wrong stays wrong."""
    assert grade(FILL_BOTH, "پاس ورڈ", language="en").correct is True
    assert grade(FILL_BOTH, "password", language="ur").correct is True
    assert grade(FILL_BOTH, "pin", language="ur").correct is False
    assert right_answer(FILL_BOTH, language="ur") == "پاس ورڈ"


@pytest.mark.parametrize(
    ("option", "rating", "points"),
    [("tell", "best", 2.0), ("ignore", "acceptable", 1.0), ("send", "unsafe", 0.0)],
)
def test_scenario_ratings(option: str, rating: str, points: float) -> None:
    """Scenario: best = full points, acceptable = half, unsafe = nothing; rated, not right/wrong."""
    result = grade(SCENARIO, option)
    assert result.correct is None
    assert (result.rating, result.verdict, result.points_earned) == (rating, rating, points)


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (SINGLE, "zz"),
        (SINGLE, 3),
        (MULTIPLE, "a"),
        (MULTIPLE, ["zz"]),
        (ORDERING, [0, 1]),
        (MATCHING, [0, 1, 9]),
    ],
)
def test_answers_that_do_not_fit_are_refused(question: Any, answer: Any) -> None:
    """Unknown options and wrongly shaped answers raise AnswerError, never grade silently."""
    with pytest.raises(AnswerError):
        grade(question, answer)


def test_right_answer_earns_full_marks_for_every_example_question() -> None:
    """right_answer() gives an answer that grades fully right, for every type in the example pack."""
    pack = load_pack_folder(builtin_packs_dir() / "example", "example", DiagnosticList())
    assert pack is not None
    types = set()
    for question in pack.questions():
        for language in ("en", "ur"):
            answer = right_answer(question, language=language)
            assert grade(question, answer, language=language).full_marks, question.id
        types.add(question.type)
    assert types == set(QUESTION_TYPES)


def test_is_complete() -> None:
    """Check is offered only once something is chosen, placed or typed."""
    assert not is_complete(SINGLE, None)
    assert is_complete(SINGLE, "a")
    assert not is_complete(MULTIPLE, [])
    assert not is_complete(MATCHING, [0, None, 2])
    assert is_complete(MATCHING, [0, 1, 2])
    assert not is_complete(FILL, "  ")
    assert is_complete(TRUE_FALSE, False)


def test_score_and_pass_mark() -> None:
    """The score is earned over possible points, and the pass mark is inclusive."""
    assert score_percent([1, 0.5, 2], [1, 1, 2]) == pytest.approx(87.5)
    assert score_percent([], []) == 0.0
    assert has_passed(70.0, 70)
    assert not has_passed(69.99, 70)
