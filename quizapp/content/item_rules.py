"""Item-writing rules: a quiz where no answer gives itself away.

A child who reads nothing should not pass by picking the longest option, answering "false" to every
true/false or always choosing "tell an adult". These checks look at a module's questions (quiz and check
questions alike) and return findings that the validator shows as warnings; the tests of the built-in
curriculum treat them as errors.

Rules (per module unless said otherwise):

- ``longest``: in at most 40% of single-choice and scenario questions is the longest option the right or best
  one (measured in every language the pack is written in, for modules with at least five such questions; a
  tie for longest counts as the share of tied options that are right);
- ``length``: the options of one question are of similar length (the longest at most 3 times the shortest,
  unless all are short);
- ``true-false``: between 35% and 65% of true/false answers are "true" (with fewer than four, the counts
  differ by at most one);
- ``tell-adult``: when three or more scenarios offer a "tell a grown-up" option, that option is not the best
  one in every one of them;
- ``above``: no option says "all of the above" or "none of the above".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from quizapp.content.models import (
    AnyQuestion,
    Module,
    MultipleSelect,
    Option,
    Scenario,
    ScenarioOption,
    SingleChoice,
    TrueFalse,
)
from quizapp.content.text import LText, language_name

LONGEST_MAX_SHARE = 0.40
LENGTH_RATIO = 3.0
SHORT_OPTION = 25  # characters: options this short are never "too different" in length
TRUE_MIN, TRUE_MAX = 0.35, 0.65
TELL_ADULT_MIN_SCENARIOS = 3
LONGEST_MIN_QUESTIONS = 5  # fewer choice questions say nothing about a habit

Loc = tuple[int | str, ...]

# What makes an option a "tell a grown-up" option, per language: regular expressions matched at the start of
# a word (Urdu verbs by their stem: "بتا" finds "بتائے" and "بتاؤں"; "امی" only as a whole word, not "امید").
TELL_ADULT_PATTERNS: dict[str, tuple[str, ...]] = {
    "en": (
        r"\btell",
        r"\bshow (the|her|his|them|it to|ammi|abbu)",
        r"\bgrown-?ups?\b",
        r"\badults?\b",
        r"\bammi\b",
        r"\babbu\b",
        r"\bparents?\b",
        r"\bteachers?\b",
        r"\bmother\b",
        r"\bfather\b",
        r"\bcounsellor",
        r"\bhelpline",
    ),
    "ur": (
        r"(?<!\w)بتا",
        r"(?<!\w)امی(?!\w)",
        r"(?<!\w)ابو(?!\w)",
        r"ٹیچر",
        r"(?<!\w)استاد",
        r"(?<!\w)بڑے(?!\w)",
        r"والدین",
        r"ہیلپ لائن",
    ),
}
_TELL_ADULT = {lang: re.compile("|".join(pats), re.IGNORECASE) for lang, pats in TELL_ADULT_PATTERNS.items()}
_ABOVE = re.compile(
    r"\b(all|none|both|neither) of (the|these) (above|answers|options)\b|"
    r"مندرجہ بالا|اوپر (والے|دیے گئے) (سب|تمام)|ان میں سے کوئی (بھی )?نہیں",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Finding:
    """One broken rule: where in the module file (a path of keys) and what to change."""

    rule: str
    loc: Loc
    message: str


@dataclass(frozen=True, slots=True)
class _Item:
    question: AnyQuestion
    loc: Loc


def _items(module: Module) -> list[_Item]:
    found = [_Item(q, ("quiz", "questions", i)) for i, q in enumerate(module.quiz.questions)]
    if module.check is not None:
        found += [_Item(q, ("check", "questions", i)) for i, q in enumerate(module.check.questions)]
    return found


def text_in(text: LText, language: str, default_language: str) -> str | None:
    """The text written in ``language`` (None when it falls back to another language)."""
    if language not in text.languages(default_language):
        return None
    return text.get_text(language, default_language)


def is_tell_adult(text: LText, default_language: str) -> bool:
    """True when an option, in any language it is written in, is about telling or showing a grown-up."""
    for language in text.languages(default_language):
        pattern = _TELL_ADULT.get(language.split("-")[0])
        if pattern is not None and pattern.search(text.get_text(language, default_language)):
            return True
    return False


def _is_right(question: SingleChoice | Scenario, option: Option | ScenarioOption) -> bool:
    if isinstance(question, SingleChoice):
        return option.id == question.correct
    return isinstance(option, ScenarioOption) and option.rating == "best"


def longest_is_right(question: SingleChoice | Scenario, language: str, default_language: str) -> float | None:
    """How often a guesser taking the longest option (a tie: any of them) hits the right/best one, 0 to 1;
    None without text in ``language``."""
    lengths: list[int] = []
    for option in question.options:
        value = text_in(option.text, language, default_language)
        if value is None:
            return None
        lengths.append(len(value.strip()))
    top = max(lengths)
    options: list[Option | ScenarioOption] = list(question.options)
    tied = [o for o, n in zip(options, lengths, strict=True) if n == top]
    return sum(1 for o in tied if _is_right(question, o)) / len(tied)


def _option_lengths(options: Sequence[Option | ScenarioOption], language: str, default: str) -> list[int]:
    out = []
    for option in options:
        value = text_in(option.text, language, default)
        if value is not None:
            out.append(len(value.strip()))
    return out


def check_module_items(module: Module, languages: Iterable[str], default_language: str) -> list[Finding]:
    """Every broken item-writing rule of ``module``, in the order of the file."""
    languages = list(languages) or [default_language]
    items = _items(module)
    findings: list[Finding] = []
    findings += _longest(items, languages, default_language)
    findings += _lengths(items, languages, default_language)
    findings += _true_false(items)
    findings += _tell_adult(items, default_language)
    findings += _above(items, languages, default_language)
    return findings


def _longest(items: list[_Item], languages: list[str], default: str) -> list[Finding]:
    findings = []
    for language in languages:
        hits: list[_Item] = []
        counted, share_sum = 0, 0.0
        for item in items:
            q = item.question
            if not isinstance(q, SingleChoice | Scenario):
                continue
            verdict = longest_is_right(q, language, default)
            if verdict is None:
                continue
            counted += 1
            share_sum += verdict
            if verdict:
                hits.append(item)
        if counted >= LONGEST_MIN_QUESTIONS and share_sum / counted > LONGEST_MAX_SHARE:
            share = round(100 * share_sum / counted)
            ids = ", ".join(h.question.id for h in hits[:6]) + (", ..." if len(hits) > 6 else "")
            findings.append(
                Finding(
                    "longest",
                    hits[0].loc,
                    f"in {language_name(language)} the longest option is the right or best one in "
                    f"{len(hits)} of {counted} choice and scenario questions ({share}%; at most "
                    f"{round(100 * LONGEST_MAX_SHARE)}%), so a child who reads nothing can pick it: "
                    f"shorten the right option or give a wrong one a plausible reason ({ids})",
                )
            )
    return findings


def _lengths(items: list[_Item], languages: list[str], default: str) -> list[Finding]:
    findings = []
    for item in items:
        q = item.question
        if not isinstance(q, SingleChoice | MultipleSelect | Scenario):
            continue
        for language in languages:
            lengths = _option_lengths(q.options, language, default)
            if len(lengths) < 2 or max(lengths) <= SHORT_OPTION:
                continue
            if max(lengths) > LENGTH_RATIO * max(1, min(lengths)):
                findings.append(
                    Finding(
                        "length",
                        (*item.loc, "options"),
                        f"question '{q.id}': in {language_name(language)} its options run from "
                        f"{min(lengths)} to {max(lengths)} characters; keep them of similar length so the "
                        "length does not point at the answer",
                    )
                )
                break
    return findings


def true_false_balanced(true_count: int, total: int) -> bool:
    if total < 4:
        return abs(2 * true_count - total) <= 1
    return TRUE_MIN <= true_count / total <= TRUE_MAX


def _true_false(items: list[_Item]) -> list[Finding]:
    tf = [i for i in items if isinstance(i.question, TrueFalse)]
    trues = sum(1 for i in tf if isinstance(i.question, TrueFalse) and i.question.correct)
    if not tf or true_false_balanced(trues, len(tf)):
        return []
    majority = "true" if 2 * trues > len(tf) else "false"
    return [
        Finding(
            "true-false",
            tf[0].loc,
            f"{trues} of {len(tf)} true/false answers are 'true' (keep it between "
            f"{round(100 * TRUE_MIN)}% and {round(100 * TRUE_MAX)}%), so answering '{majority}' to all of "
            "them scores well: rephrase some statements so their answer is the other one",
        )
    ]


def _tell_adult(items: list[_Item], default: str) -> list[Finding]:
    with_option: list[_Item] = []
    best_each_time = True
    for item in items:
        q = item.question
        if not isinstance(q, Scenario):
            continue
        tell = [o for o in q.options if is_tell_adult(o.text, default)]
        if not tell:
            continue
        with_option.append(item)
        best = [o for o in q.options if o.rating == "best"]
        if not all(o in tell for o in best) or any(o.rating != "best" for o in tell):
            best_each_time = False
    if len(with_option) >= TELL_ADULT_MIN_SCENARIOS and best_each_time:
        return [
            Finding(
                "tell-adult",
                with_option[0].loc,
                f"in all {len(with_option)} scenarios with a 'tell a grown-up' option it is the best one, so "
                "always choosing it scores full marks: in some, make telling a tempting but incomplete "
                "option, or make the best answer another safe step",
            )
        ]
    return []


def _above(items: list[_Item], languages: list[str], default: str) -> list[Finding]:
    findings = []
    for item in items:
        q = item.question
        if not isinstance(q, SingleChoice | MultipleSelect | Scenario):
            continue
        options: list[Option | ScenarioOption] = list(q.options)
        for index, option in enumerate(options):
            if any(_ABOVE.search(option.text.get_text(lang, default)) for lang in languages):
                findings.append(
                    Finding(
                        "above",
                        (*item.loc, "options", index, "text"),
                        f"question '{q.id}': an option like 'all of the above' or 'none of the above' can be "
                        "right without reading the others; write each option as its own answer",
                    )
                )
    return findings
