"""GIFT conformance: our importer against another project's parse of the same files.

The files live outside this project, in ``../shared/conformance/gift`` relative to the repository root (see
that folder's README). For every file, each question our format can represent must match the reference in
type, title, stem text and the set of right and wrong choices with their feedback, after the reference's
HTML or Markdown is turned into our text format with the same converter the importer uses. Each question we
cannot represent (Numerical, Essay, Description) must be reported as skipped by name and line.

Conventions where the two formats differ, applied the same way to every question:

* a blank inserted for an answer in the middle of a sentence is ``_____``; the reference pads it with
  spaces (``from _____ .``), so spaces around the blank are not compared;
* the reference marks only ``=`` answers ``isCorrect``; when a multiple-choice question has none, the right
  answers are those with a positive weight (Moodle's rule, and ours);
* our true/false and fill-in-the-blank questions have no per-answer feedback, so that feedback must appear in
  the explanation instead.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from quizapp.content.models import FillBlank, Matching, MultipleSelect, SingleChoice, TrueFalse
from quizapp.importers import ConversionReport, ConvertedQuestion, SkippedItem, convert_files
from quizapp.importers.ids import slugify
from quizapp.importers.textformat import TextFormat, convert, normalise, one_line

REPO_ROOT = Path(__file__).resolve().parents[2]
CONFORMANCE = REPO_ROOT.parent / "shared" / "conformance" / "gift"
REPRESENTABLE = {"MC", "TF", "Short", "Matching"}
NOT_REPRESENTABLE = {"Numerical": "numerical", "Essay": "essay", "Description": "description"}

pytestmark = pytest.mark.skipif(
    not CONFORMANCE.is_dir(),
    reason=f"GIFT conformance files not found at {CONFORMANCE} (../shared/conformance/gift from the repo)",
)


def _text(value: dict[str, Any] | None) -> str:
    if not value:
        return ""
    fmt: TextFormat = value.get("format", "moodle")
    return convert(value["text"], fmt).text


def _stem(text: str) -> str:
    return " ".join(re.sub(r"\s*_____\s*", " _____ ", text).split())


def _en(value: Any) -> str:
    return str(value.get_text("en"))


@dataclass
class FileResult:
    name: str
    representable: int = 0
    matched: int = 0
    problems: list[str] = field(default_factory=list)


def _compare_choice(expected: dict[str, Any], question: Any) -> list[str]:
    choices = expected["choices"]
    if any(c["isCorrect"] for c in choices):
        right = [bool(c["isCorrect"]) for c in choices]
    else:
        right = [(c.get("weight") or 0) > 0 for c in choices]
    want_type = "single" if sum(right) == 1 and any(c["isCorrect"] for c in choices) else "multiple"
    if question.type != want_type:
        return [f"type {question.type}, expected {want_type}"]
    assert isinstance(question, SingleChoice | MultipleSelect)
    correct = {question.correct} if isinstance(question, SingleChoice) else set(question.correct)
    ours = sorted(
        (_en(o.text), o.id in correct, _en(o.feedback) if o.feedback else "") for o in question.options
    )
    theirs = sorted(
        (_text(c["text"]), is_right, _text(c.get("feedback")))
        for c, is_right in zip(choices, right, strict=True)
    )
    return [] if ours == theirs else [f"choices {ours} != {theirs}"]


def _compare_feedback_in_explanation(feedback: list[str], question: Any) -> list[str]:
    explanation = _en(question.explanation)
    return [f"feedback {f!r} missing from the explanation" for f in feedback if f and f not in explanation]


def _compare(expected: dict[str, Any], item: ConvertedQuestion, report: ConversionReport) -> list[str]:
    question = item.question
    problems: list[str] = []
    title = expected.get("title")
    if item.title != title:
        problems.append(f"title {item.title!r}, expected {title!r}")
    if title and not re.fullmatch(re.escape(slugify(title)) + r"(-\d+)?", question.id):
        problems.append(f"id {question.id!r} does not come from the title {title!r}")
    if _stem(_en(question.prompt)) != _stem(_text(expected["stem"])):
        problems.append(f"stem {_en(question.prompt)!r} != {_text(expected['stem'])!r}")
    kind = expected["type"]
    if kind == "MC":
        problems += _compare_choice(expected, question)
    elif kind == "TF":
        if not isinstance(question, TrueFalse) or question.correct != expected["isTrue"]:
            problems.append(f"expected true/false {expected['isTrue']}, got {question.type}")
        else:
            feedback = [_text(expected.get("trueFeedback")), _text(expected.get("falseFeedback"))]
            problems += _compare_feedback_in_explanation(feedback, question)
    elif kind == "Short":
        if not isinstance(question, FillBlank):
            problems.append(f"expected fill_blank, got {question.type}")
        else:
            right = [
                c
                for c in expected["choices"]
                if c["isCorrect"] and (c.get("weight") is None or c["weight"] > 0)
            ]
            want = sorted(one_line(_text(c["text"])) for c in right)
            if sorted(question.accepted.for_language("en")) != want:
                problems.append(f"accepted {question.accepted.for_language('en')} != {want}")
            problems += _compare_feedback_in_explanation([_text(c.get("feedback")) for c in right], question)
    elif kind == "Matching":
        if not isinstance(question, Matching):
            problems.append(f"expected matching, got {question.type}")
        else:
            ours = [(_en(p.left), _en(p.right)) for p in question.pairs]
            theirs = [(_text(p["subquestion"]), normalise(p["subanswer"])) for p in expected["matchPairs"]]
            if ours != theirs:
                problems.append(f"pairs {ours} != {theirs}")
    general = _text(expected.get("globalFeedback"))
    explanation = _en(question.explanation)
    if general and not explanation.startswith(general):
        problems.append(f"explanation {explanation!r} does not start with the general feedback {general!r}")
    if not general and not any(
        w.line == item.line and w.file == item.file and "explanation" in w.message for w in report.warnings
    ):
        problems.append("no warning that the explanation was generated")
    return problems


def _check_skip(expected: dict[str, Any], item: SkippedItem, lines: list[str]) -> list[str]:
    problems: list[str] = []
    want_kind = NOT_REPRESENTABLE[expected["type"]]
    if item.kind != want_kind:
        problems.append(f"skipped as {item.kind!r}, expected {want_kind!r}")
    stem = one_line(_text(expected["stem"]))
    title = expected.get("title")
    if title and item.name != title:
        problems.append(f"reported as {item.name!r}, expected its name {title!r}")
    if not title and not _stem(stem).startswith(_stem(item.name.rstrip("…"))):
        problems.append(f"reported as {item.name!r}, expected the start of {stem!r}")
    first_word = (title or stem).split()[0]
    if not 1 <= item.line <= len(lines) or first_word not in lines[item.line - 1]:
        problems.append(f"line {item.line} does not point at the question starting {first_word!r}")
    return problems


def _check_file(gift: Path) -> FileResult:
    expected_all = json.loads(gift.with_suffix(".json").read_text(encoding="utf-8"))
    expected = [q for q in expected_all if q["type"] != "Category"]
    report = convert_files([gift], display=lambda p: p.name)
    result = FileResult(gift.name)
    assert not report.errors, report.errors
    ours: list[ConvertedQuestion | SkippedItem] = sorted(
        [*report.converted, *report.skipped], key=lambda i: i.line
    )
    lines = gift.read_text(encoding="utf-8").split("\n")
    if len(ours) != len(expected):
        result.problems.append(f"{len(ours)} questions read, the reference has {len(expected)}")
    for want, item in zip(expected, ours, strict=False):
        if want["type"] in REPRESENTABLE:
            result.representable += 1
            if isinstance(item, SkippedItem):
                result.problems.append(f"line {item.line}: {want['type']} question skipped: {item.reason}")
                continue
            problems = _compare(want, item, report)
            if problems:
                result.problems.append(f"line {item.line}: " + "; ".join(problems))
            else:
                result.matched += 1
        elif isinstance(item, ConvertedQuestion):
            result.problems.append(f"line {item.line}: a {want['type']} question was converted, not skipped")
        else:
            result.problems += [f"line {item.line}: {p}" for p in _check_skip(want, item, lines)]
    return result


def test_every_representable_gift_question_matches_the_reference(capsys: pytest.CaptureFixture[str]) -> None:
    """Each conformance question we can represent converts as the reference reads it; others are reported."""
    files = sorted(CONFORMANCE.glob("*.gift"))
    assert files, f"no .gift files in {CONFORMANCE}"
    results = [_check_file(gift) for gift in files]
    representable = sum(r.representable for r in results)
    matched = sum(r.matched for r in results)
    with capsys.disabled():
        print(
            f"\nGIFT conformance: {matched}/{representable} representable questions match "
            f"({100 * matched / max(1, representable):.1f}%) in {len(files)} files"
        )
    problems = [f"{r.name}: {p}" for r in results for p in r.problems]
    assert not problems, "\n".join(problems)
    assert matched == representable
