"""Reading Aiken files, including broken questions that must not take the rest of the file with them."""

from __future__ import annotations

from pathlib import Path

from quizapp.content.models import MultipleSelect, SingleChoice
from tests.importers.helpers import convert_text, en

BANK = """Which of these is the strongest password?
A. Ali2012
B. mango river kite cloud
C) P@ss1
ANSWER: B

Which details should you keep private?
(choose two)
A. Your one-time code
B. Your favourite colour
C. Your home address
ANSWER: A, C
"""


def test_single_and_multiple_answers(tmp_path: Path) -> None:
    """Options 'A.' or 'A)', one answer letter or several, and questions over several lines."""
    report = convert_text(tmp_path, "bank.txt", BANK)
    first, second = (c.question for c in report.converted)
    assert isinstance(first, SingleChoice)
    assert first.correct == "b"
    assert [en(o.text) for o in first.options] == ["Ali2012", "mango river kite cloud", "P@ss1"]
    assert en(first.explanation) == "The right answer is: mango river kite cloud."
    assert isinstance(second, MultipleSelect)
    assert second.correct == ["a", "c"]
    assert en(second.prompt) == "Which details should you keep private? (choose two)"
    assert [c.line for c in report.converted] == [1, 7]


def test_missing_answer_line_is_reported_and_the_next_question_converts(tmp_path: Path) -> None:
    """A question without 'ANSWER:' is reported with its line; the following question is still read."""
    report = convert_text(
        tmp_path,
        "broken.txt",
        "First question?\nA. yes\nB. no\nSecond question?\nA. one\nB. two\nANSWER: A\n",
    )
    assert [c.line for c in report.converted] == [4]
    (skipped,) = report.skipped
    assert skipped.line == 1
    assert "no 'ANSWER:' line after the options (the next question starts on line 4)" in skipped.reason


def test_answer_not_among_the_options(tmp_path: Path) -> None:
    """'ANSWER: D' with options A to C is reported with both lines named."""
    report = convert_text(
        tmp_path, "bad.txt", "Q?\nA. x\nB. y\nC. z\nANSWER: D\n\nOK?\nA. a\nB. b\nANSWER: A\n"
    )
    assert len(report.converted) == 1
    assert report.skipped[0].reason == "the answer 'D' on line 5 is not one of the options (A, B, C)"


def test_last_question_without_answer_and_stray_lines(tmp_path: Path) -> None:
    """Options with no question and a final question with no answer are both reported."""
    report = convert_text(tmp_path, "tail.txt", "A. orphan\nB. orphan\nANSWER: A\n\nLast?\nA. a\nB. b\n")
    assert not report.converted
    assert [(s.line, s.reason.split(";")[0]) for s in report.skipped] == [
        (1, "an option with no question before it"),
        (5, "no 'ANSWER:' line after the options"),
    ]


def test_urdu_questions_get_the_chosen_language(tmp_path: Path) -> None:
    """With --language ur every text, including the generated explanation, is Urdu."""
    report = convert_text(
        tmp_path,
        "ur.txt",
        "کون سا پاس ورڈ مضبوط ہے؟\nA. 1234\nB. آم دریا پتنگ بادل\nANSWER: B\n",
        language="ur",
    )
    question = report.converted[0].question
    assert dict(question.prompt) == {"ur": "کون سا پاس ورڈ مضبوط ہے؟"}
    assert dict(question.explanation) == {"ur": "صحیح جواب یہ ہے: آم دریا پتنگ بادل۔"}
    assert report.languages == ["ur"]
