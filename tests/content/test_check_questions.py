"""The ``check:`` section: at least five questions, ids apart from the quiz's, reported by validate --json."""

from __future__ import annotations

from pathlib import Path

from tests.content.helpers import MODULE, find, make_pack, only_error, validate


def check_section(ids: list[str]) -> str:
    lines = ["check:", "  questions:"]
    for number, qid in enumerate(ids):
        lines += [
            f"    - id: {qid}",
            "      type: true_false",
            f"      prompt: {{en: Statement {number}., ur: جملہ {number}۔}}",
            f"      correct: {'true' if number % 2 else 'false'}",
            "      explanation: {en: Because., ur: اس لیے۔}",
        ]
    return "\n".join(lines) + "\n"


def with_check(ids: list[str]) -> str:
    return MODULE.replace("quiz:\n", check_section(ids) + "quiz:\n", 1)


def test_five_check_questions_are_valid_and_counted(tmp_path: Path) -> None:
    """A module with five check questions validates; modules_detail counts quiz and check questions."""
    report = validate(make_pack(tmp_path, with_check([f"ck-{i}" for i in range(5)])))
    assert report.valid, [str(d) for d in report.diagnostics.items]
    assert report.as_dict()["modules_detail"] == [
        {"pack": "tiny", "module": "one", "questions": 1, "check_questions": 5}
    ]


def test_fewer_than_five_check_questions_is_an_error(tmp_path: Path) -> None:
    """Four check questions are refused with the line of the check section."""
    error = only_error(validate(make_pack(tmp_path, with_check([f"ck-{i}" for i in range(4)]))))
    assert "5" in error.message and error.line > 10


def test_check_id_may_not_repeat_a_quiz_id(tmp_path: Path) -> None:
    """A check question reusing a quiz question's id is an error pointing at that id."""
    report = validate(make_pack(tmp_path, with_check(["q1", "ck-1", "ck-2", "ck-3", "ck-4"])))
    assert "check question id 'q1' is also used in the quiz" in only_error(report).message


def test_check_question_is_checked_like_a_quiz_question(tmp_path: Path) -> None:
    """A wrong answer key inside a check question is reported as in the quiz."""
    bad = (
        "    - id: ck-x\n      type: single\n      prompt: {en: Which?, ur: کون سا؟}\n      options:\n"
        "        - {id: a, text: {en: One, ur: ایک}}\n        - {id: b, text: {en: Two, ur: دو}}\n"
        "      correct: c\n      explanation: {en: Because., ur: اس لیے۔}\n"
    )
    module = with_check([f"ck-{i}" for i in range(5)]).replace("quiz:\n", "", 1)
    module = module.replace("  questions:\n", "  questions:\n" + bad, 1).replace(
        "\n  questions:\n    - id: q1", "\nquiz:\n  questions:\n    - id: q1"
    )
    report = validate(make_pack(tmp_path, module))
    assert find(report, "correct answer 'c' is not one of the options").line > 10
