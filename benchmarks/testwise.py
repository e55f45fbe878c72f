"""Test-wise guessers: how much does a child who reads nothing score on each built-in module?

Strategies (each answers every question of a module's quiz, or of its check questions with ``--check``):

- ``longest``: the longest option in single choice and scenarios, "false" to every true/false, the longest
  half of the options in multiple select (the guesser the issue describes);
- ``cautious``: in scenarios the longest "tell a grown-up" option when there is one, otherwise as ``longest``;
- ``first``: the first option, "true" to every true/false, the first half in multiple select;
- ``all-true``: as ``longest`` but "true" to every true/false.

Ordering and matching questions are scored at their expected value for a random arrangement (1/n of the
points: one item in place on average), fill in the blank at 0, since no form cue helps there.
Goal (issue 17): at most 40% for every strategy on every module, in English and in Urdu.

Run: ``python benchmarks/testwise.py [--check] [--language ur]``.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable

from quizapp.content.diagnostics import DiagnosticList
from quizapp.content.item_rules import is_tell_adult
from quizapp.content.models import (
    AnyQuestion,
    FillBlank,
    Matching,
    Module,
    MultipleSelect,
    Ordering,
    Scenario,
    SingleChoice,
    TrueFalse,
)
from quizapp.content.packs import load_pack_folder
from quizapp.paths import resource_dir
from quizapp.services.grading import grade

GOAL = 40.0
Guess = Callable[[AnyQuestion, str, str], float]


def _len(text: object, language: str, default: str) -> int:
    return len(text.get_text(language, default))  # type: ignore[attr-defined]


def _longest_id(q: SingleChoice | Scenario, language: str, default: str) -> str:
    return max(q.options, key=lambda o: _len(o.text, language, default)).id


def _fraction(q: AnyQuestion, answer: object, language: str, default: str) -> float:
    return grade(q, answer, language=language, default_language=default).fraction


def _common(q: AnyQuestion) -> float | None:
    if isinstance(q, Ordering):
        return 1.0 / len(q.items)
    if isinstance(q, Matching):
        return 1.0 / len(q.pairs)
    if isinstance(q, FillBlank):
        return 0.0
    return None


def longest(q: AnyQuestion, language: str, default: str, *, tf: bool = False) -> float:
    fixed = _common(q)
    if fixed is not None:
        return fixed
    if isinstance(q, TrueFalse):
        return _fraction(q, tf, language, default)
    if isinstance(q, MultipleSelect):
        ranked = sorted(q.options, key=lambda o: -_len(o.text, language, default))
        half = ranked[: math.ceil(len(ranked) / 2)]
        return _fraction(q, [o.id for o in half], language, default)
    assert isinstance(q, SingleChoice | Scenario)
    return _fraction(q, _longest_id(q, language, default), language, default)


def cautious(q: AnyQuestion, language: str, default: str) -> float:
    if isinstance(q, Scenario):
        tell = [o for o in q.options if is_tell_adult(o.text, default)]
        if tell:
            pick = max(tell, key=lambda o: _len(o.text, language, default))
            return _fraction(q, pick.id, language, default)
    return longest(q, language, default)


def first(q: AnyQuestion, language: str, default: str) -> float:
    fixed = _common(q)
    if fixed is not None:
        return fixed
    if isinstance(q, TrueFalse):
        return _fraction(q, True, language, default)
    if isinstance(q, MultipleSelect):
        return _fraction(q, [o.id for o in q.options[: math.ceil(len(q.options) / 2)]], language, default)
    assert isinstance(q, SingleChoice | Scenario)
    return _fraction(q, q.options[0].id, language, default)


STRATEGIES: dict[str, Guess] = {
    "longest": longest,
    "cautious": cautious,
    "first": first,
    "all-true": lambda q, lang, default: longest(q, lang, default, tf=True),
}


def score(questions: list[AnyQuestion], guess: Guess, language: str, default: str) -> float:
    possible = sum(q.points for q in questions)
    earned = sum(q.points * guess(q, language, default) for q in questions)
    return 100.0 * earned / possible if possible else 0.0


def builtin_modules() -> list[tuple[str, Module, str]]:
    out = []
    for folder in sorted(resource_dir("questions").iterdir()):
        if not (folder / "pack.yaml").is_file() or folder.name == "example":
            continue
        diags = DiagnosticList()
        pack = load_pack_folder(folder, folder.name, diags)
        if pack is None:
            raise SystemExit(f"{folder.name} does not validate: {[str(d) for d in diags.errors[:3]]}")
        out += [(pack.id, m, pack.default_language) for m in pack.modules]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="score the check questions, not the quiz")
    parser.add_argument("--language", default=None, help="one language (default: en and ur)")
    args = parser.parse_args(argv)
    languages = [args.language] if args.language else ["en", "ur"]
    names = list(STRATEGIES)
    worst = (0.0, "", "", "")
    print(f"{'pack/module':34} {'lang':4} " + " ".join(f"{n:>9}" for n in names))
    for pack_id, module, default in builtin_modules():
        if args.check:
            if module.check is None:
                print(f"{pack_id + '/' + module.id:34} (no check questions)")
                continue
            questions = list(module.check.questions)
        else:
            questions = list(module.quiz.questions)
        for language in languages:
            scores = [score(questions, STRATEGIES[n], language, default) for n in names]
            print(f"{pack_id + '/' + module.id:34} {language:4} " + " ".join(f"{s:9.1f}" for s in scores))
            for name, value in zip(names, scores, strict=True):
                if value > worst[0]:
                    worst = (value, f"{pack_id}/{module.id}", name, language)
    value, where, name, language = worst
    verdict = "meets" if value <= GOAL else "MISSES"
    print(f"worst: {value:.1f}% ({name} guesser, {where}, {language}); goal <= {GOAL:.0f}%: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
