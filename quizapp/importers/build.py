"""Build question data in our pack format from the parts that question banks have in common.

GIFT, Moodle XML and Aiken all describe questions as a prompt, answers with a grade (a fraction in percent,
100 = fully right), per-answer feedback and general feedback. This module maps those onto our types and
reports, as warnings, everything that changes on the way (partial credit, generated explanations...).
The data returned is a plain mapping shaped like a question in a module file, without its ``id``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from quizapp.content.text import same_answer_key
from quizapp.importers.phrases import phrase
from quizapp.importers.textformat import one_line

MAX_OPTIONS = 10
MAX_PAIRS = 10
OPTION_IDS = "abcdefghij"


class BuildProblem(Exception):
    """The question cannot be converted; the message says why (it is reported as a skipped question)."""


@dataclass(slots=True)
class ParsedQuestion:
    """A question read from a source file, ready for an id and validation."""

    line: int
    name: str
    data: dict[str, Any]
    title: str | None = None
    explicit_id: str | None = None
    module: str | None = None
    module_titles: dict[str, str] = field(default_factory=dict)  # the module's title by language, if known
    tags: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Answer:
    """One answer of a source question; ``text`` and ``feedback`` are already in our text format."""

    text: str
    fraction: float = 0.0
    feedback: str | None = None
    marked_right: bool = False


def percent(value: float) -> str:
    return f"{value:g}"


def excerpt(text: str, limit: int = 60) -> str:
    flat = one_line(text)
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class QuestionBuilder:
    """Builds question data in one language; ``warn`` receives every remark about the question."""

    def __init__(self, language: str, warn: Callable[[str], None]) -> None:
        self.language = language
        self.warn = warn

    def text(self, value: str) -> dict[str, str]:
        return {self.language: value}

    # --- explanations -------------------------------------------------------------------------------------
    def explanation(self, general: str | None, extra: list[str], generated: str) -> dict[str, str]:
        """The general feedback and ``extra``; else the generated sentence and ``extra``, with a warning."""
        if general:
            return self.text("\n\n".join([general, *extra]))
        if extra:
            self.warn(
                f'the source has no general feedback, so the explanation is "{excerpt(generated, 60)}" '
                "followed by the answer feedback; check that it says why the right answer is right"
            )
        else:
            self.warn(
                f'the source has no explanation, so quizapp wrote "{excerpt(generated, 80)}"; '
                "replace it with a real explanation of why that answer is right"
            )
        return self.text("\n\n".join([generated, *extra]))

    def _join(self, items: list[str]) -> str:
        return phrase(self.language, "separator").join(items)

    # --- question types -----------------------------------------------------------------------------------
    def choice(
        self,
        prompt: str,
        answers: list[Answer],
        general: str | None,
        *,
        single_mode: bool,
        hint: str | None = None,
    ) -> dict[str, Any]:
        """A multiple-choice question: ``single_mode`` is a source that asks for one answer."""
        for number, answer in enumerate(answers, 1):
            if not answer.text:
                raise BuildProblem(f"answer {number} is empty")
        if len(answers) < 2:
            raise BuildProblem(
                f"a multiple-choice question needs at least 2 answers; this one has {len(answers)}"
            )
        if len(answers) > MAX_OPTIONS:
            raise BuildProblem(
                f"quizapp allows at most {MAX_OPTIONS} answers; this question has {len(answers)}"
            )
        if single_mode:
            right = [a.marked_right or a.fraction >= 99.999 for a in answers]
            for answer, is_right in zip(answers, right, strict=True):
                if not is_right and answer.fraction > 0:
                    self.warn(
                        f"answer '{excerpt(answer.text)}' earned {percent(answer.fraction)}% "
                        "(partial credit); quizapp has no partial credit, so it now counts as wrong"
                    )
        else:
            right = [a.fraction > 0 for a in answers]
        if not any(right):
            raise BuildProblem("no answer is marked right")
        several = sum(right) > 1
        if single_mode and several:
            self.warn(
                "several answers are marked fully right; the source accepts any one of them, but in quizapp "
                "learners must choose all of them (a 'multiple' question)"
            )
        ids = OPTION_IDS[: len(answers)]
        options: list[dict[str, Any]] = []
        for option_id, answer in zip(ids, answers, strict=True):
            option: dict[str, Any] = {"id": option_id, "text": self.text(answer.text)}
            if answer.feedback:
                option["feedback"] = self.text(answer.feedback)
            options.append(option)
        right_ids = [i for i, is_right in zip(ids, right, strict=True) if is_right]
        right_texts = [one_line(a.text) for a, is_right in zip(answers, right, strict=True) if is_right]
        data: dict[str, Any] = {"type": "multiple" if several or not single_mode else "single"}
        data["prompt"] = self.text(prompt)
        data["options"] = options
        if data["type"] == "single":
            data["correct"] = right_ids[0]
            generated = phrase(self.language, "right_answer", answer=right_texts[0])
        else:
            data["correct"] = right_ids
            generated = phrase(self.language, "right_answers", answers=self._join(right_texts))
        data["explanation"] = self.explanation(general, [], generated)
        if hint:
            data["hint"] = self.text(hint)
        return data

    def true_false(
        self, prompt: str, truth: bool, feedback: list[str], general: str | None, *, hint: str | None = None
    ) -> dict[str, Any]:
        """``feedback``: [for the wrong answer, for the right one], in the order GIFT and Moodle keep them."""
        if any(feedback):
            self.warn(
                "quizapp has no feedback per answer on true/false questions; the answer feedback was added "
                "to the explanation, each part starting with the answer it was written for"
            )
        word = phrase(self.language, "true" if truth else "false")
        other = phrase(self.language, "false" if truth else "true")
        labelled = [
            phrase(self.language, "if_answered", answer=answer, feedback=text.strip())
            for answer, text in zip((other, word), feedback, strict=False)
            if text and text.strip()
        ]
        data: dict[str, Any] = {"type": "true_false", "prompt": self.text(prompt), "correct": truth}
        data["explanation"] = self.explanation(
            general, labelled, phrase(self.language, "right_answer", answer=word)
        )
        if hint:
            data["hint"] = self.text(hint)
        return data

    def fill_blank(
        self,
        prompt: str,
        answers: list[Answer],
        general: str | None,
        *,
        hint: str | None = None,
        case_sensitive: bool = False,
    ) -> dict[str, Any]:
        accepted: list[str] = []
        seen: set[str] = set()
        notes: list[tuple[str, str]] = []
        for answer in answers:
            value = one_line(answer.text)
            if not value:
                self.warn("an empty answer was left out")
                continue
            if answer.fraction <= 0:
                said = f"; its feedback was: {excerpt(answer.feedback, 100)}" if answer.feedback else ""
                self.warn(f"answer '{value}' earned no marks, so it is not accepted{said}")
                continue
            if answer.fraction < 99.999:
                self.warn(
                    f"answer '{value}' earned {percent(answer.fraction)}% (partial credit); quizapp has no "
                    "partial credit, so it is now accepted as fully right: remove it if it should not be"
                )
            key = same_answer_key(value)
            if key in seen:
                self.warn(f"answer '{value}' is listed twice (ignoring case and spaces); it is kept once")
                continue
            seen.add(key)
            accepted.append(value)
            if answer.feedback:
                notes.append((value, answer.feedback))
        if not accepted:
            raise BuildProblem("no answer is marked right")
        if case_sensitive:
            self.warn("the source compares answers with case; quizapp always ignores case and extra spaces")
        extra: list[str] = []
        if notes:
            self.warn(
                "quizapp has no feedback per typed answer; the answer feedback was added to the explanation"
            )
            texts = {feedback for _, feedback in notes}
            if len(texts) == 1 and len(notes) == len(accepted):
                extra.append(notes[0][1])
            else:
                extra.extend(f"“{value}”: {feedback}" for value, feedback in notes)
        generated = phrase(self.language, "right_answer", answer=accepted[0])
        if len(accepted) > 1:
            generated += " " + phrase(self.language, "also_accepted", answers=self._join(accepted[1:]))
        data: dict[str, Any] = {
            "type": "fill_blank",
            "prompt": self.text(prompt),
            "accepted": {self.language: accepted},
        }
        data["explanation"] = self.explanation(general, extra, generated)
        if hint:
            data["hint"] = self.text(hint)
        return data

    def ordering(
        self, prompt: str, items: list[str], general: str | None, *, hint: str | None = None
    ) -> dict[str, Any]:
        for number, item in enumerate(items, 1):
            if not item:
                raise BuildProblem(f"item {number} is empty")
        if not 2 <= len(items) <= MAX_PAIRS:
            raise BuildProblem(
                f"an ordering question needs 2 to {MAX_PAIRS} items; this one has {len(items)}"
            )
        data: dict[str, Any] = {
            "type": "ordering",
            "prompt": self.text(prompt),
            "items": [self.text(item) for item in items],
        }
        generated = phrase(self.language, "right_order", items=self._join([one_line(i) for i in items]))
        data["explanation"] = self.explanation(general, [], generated)
        if hint:
            data["hint"] = self.text(hint)
        return data

    def matching(
        self, prompt: str, pairs: list[tuple[str, str]], general: str | None, *, hint: str | None = None
    ) -> dict[str, Any]:
        kept: list[tuple[str, str]] = []
        for left, right in pairs:
            if not right:
                raise BuildProblem(f"the item '{excerpt(left)}' has nothing to match")
            if not left:
                self.warn(
                    f"the extra answer '{excerpt(right)}' (one with no item to match) was left out; "
                    "quizapp's matching questions have no extra answers"
                )
                continue
            kept.append((left, right))
        if len(kept) < 2:
            raise BuildProblem(f"a matching question needs at least 2 pairs; this one has {len(kept)}")
        if len(kept) > MAX_PAIRS:
            raise BuildProblem(f"quizapp allows at most {MAX_PAIRS} pairs; this question has {len(kept)}")
        shown = [phrase(self.language, "pair", left=one_line(a), right=one_line(b)) for a, b in kept]
        data: dict[str, Any] = {
            "type": "matching",
            "prompt": self.text(prompt),
            "pairs": [{"left": self.text(a), "right": self.text(b)} for a, b in kept],
        }
        data["explanation"] = self.explanation(
            general, [], phrase(self.language, "right_pairs", pairs=self._join(shown))
        )
        if hint:
            data["hint"] = self.text(hint)
        return data
