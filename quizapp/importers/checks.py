"""Validate one imported question exactly as the pack validator would, before it goes into a pack.

The model catches missing and malformed fields; the rest mirrors the validator's own rules (option ids,
right answers, duplicate accepted answers, placeholders), so a converted question never makes the written
pack invalid.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from quizapp.content.errors import describe
from quizapp.content.models import (
    AnyQuestion,
    FillBlank,
    MultipleSelect,
    Question,
    Quiz,
    Scenario,
    SingleChoice,
)
from quizapp.content.placeholders import KNOWN_PLACEHOLDERS, unknown_placeholders
from quizapp.content.text import Accepted, LText, same_answer_key

_QUESTION: TypeAdapter[AnyQuestion] = TypeAdapter(Question)


def _message(error: ErrorDetails) -> str:
    located: ErrorDetails = {**error, "loc": ("questions", 0, *error["loc"])}
    message, _ = describe(located, Quiz)
    return message


def text_languages(question: AnyQuestion) -> list[str]:
    """Every language key used by the question's texts and accepted answers, in first-seen order."""
    seen: list[str] = []
    for text in _texts(question, with_accepted=True):
        for lang in text:
            if lang not in seen:
                seen.append(lang)
    return seen


def _texts(value: Any, *, with_accepted: bool = False) -> Iterator[LText | Accepted]:
    if isinstance(value, LText) or (with_accepted and isinstance(value, Accepted)):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), with_accepted=with_accepted)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item, with_accepted=with_accepted)


def problems_of(question: AnyQuestion) -> list[str]:
    """What the pack validator would reject in an otherwise well-formed question."""
    problems: list[str] = []
    if isinstance(question, SingleChoice | MultipleSelect | Scenario):
        ids = [o.id for o in question.options]
        for option_id, count in Counter(ids).items():
            if count > 1:
                problems.append(f"option id '{option_id}' is used twice")
        if isinstance(question, SingleChoice) and question.correct not in ids:
            problems.append(
                f"correct answer '{question.correct}' is not one of the options ({', '.join(ids)})"
            )
        if isinstance(question, MultipleSelect):
            for answer in question.correct:
                if answer not in ids:
                    problems.append(f"correct answer '{answer}' is not one of the options ({', '.join(ids)})")
            for answer, count in Counter(question.correct).items():
                if count > 1:
                    problems.append(f"correct answer '{answer}' is listed twice")
        if isinstance(question, Scenario) and not any(o.rating == "best" for o in question.options):
            problems.append("a scenario needs at least one option rated 'best'")
    if isinstance(question, FillBlank):
        for lang, answers in question.accepted.items():
            normal = [same_answer_key(a) for a in answers]
            if len(set(normal)) != len(normal):
                problems.append(f"an accepted answer is listed twice{f' for {lang}' if lang else ''}")
    for text in _texts(question):
        for value in text.values():
            assert isinstance(value, str)
            for name in unknown_placeholders(value):
                known = ", ".join("{{" + k + "}}" for k in KNOWN_PLACEHOLDERS)
                problems.append(f"unknown placeholder '{{{{{name}}}}}' (known: {known})")
    return problems


def validate_question(data: dict[str, Any]) -> tuple[AnyQuestion | None, list[str]]:
    """The question model for ``data``, or None and the reasons it is not valid."""
    try:
        question = _QUESTION.validate_python(data)
    except ValidationError as exc:
        return None, [_message(error) for error in exc.errors(include_url=False)]
    problems = problems_of(question)
    return (None if problems else question), problems
