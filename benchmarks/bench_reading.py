"""How much a learner reads in each lesson, and how hard it is (issue 18: at most 300 words per 8-10 lesson).

For every module of the built-in curriculum (or the packs given on the command line) it prints the English
words of the lesson (section headings and bodies, then the key points learners see at the end), the longest
section, the average sentence length, the Flesch reading ease (higher is easier: 80-90 is "easy", about
what a 10-year-old native speaker reads) and the Flesch-Kincaid grade, plus the Urdu words and average
sentence length. Syllables are counted with a simple vowel-group rule, so treat the figures as a guide for
comparing lessons, not as exact values.

    python benchmarks/bench_reading.py [--band 8-10] [PACK ...]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizapp.content.models import Module  # noqa: E402
from quizapp.content.richtext import to_plain  # noqa: E402
from quizapp.content.validate import validate_paths  # noqa: E402

CURRICULUM = ("safety-8-10", "safety-11-13", "safety-14-17", "adults")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+")
URDU_WORD = re.compile(r"[\u0600-\u06ff\u0750-\u077f]+")
SENTENCE_END = re.compile(r"[.!?۔؟]+[\"'”’)]*(?:\s|$)|\n\s*\n|\n\s*[-•]\s")
VOWELS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    word = word.lower().strip("'’-")
    if not word or word.isdigit():
        return 1
    count = len(VOWELS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(1, count)


def sentences(text: str) -> list[str]:
    """Sentences and list items (each list item counts as one sentence, as a reader takes it)."""
    parts = [p.strip() for p in SENTENCE_END.split(text)]
    return [p for p in parts if p]


@dataclass
class Reading:
    words: int
    sentences: int
    syllables: int

    @property
    def per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def flesch(self) -> float:
        if not self.words or not self.sentences:
            return 0.0
        return 206.835 - 1.015 * self.per_sentence - 84.6 * (self.syllables / self.words)

    @property
    def grade(self) -> float:
        if not self.words or not self.sentences:
            return 0.0
        return 0.39 * self.per_sentence + 11.8 * (self.syllables / self.words) - 15.59


def english(text: str) -> Reading:
    plain = to_plain(text)
    parts = sentences(plain)
    words = [w for part in parts for w in WORD.findall(part)]
    return Reading(len(words), max(1, len(parts)), sum(syllables(w) for w in words))


def urdu(text: str) -> Reading:
    parts = sentences(to_plain(text))
    words = [w for part in parts for w in URDU_WORD.findall(part)]
    return Reading(len(words), max(1, len(parts)), 0)


def lesson_text(module: Module, language: str) -> tuple[str, list[str], str]:
    """(all lesson text, each section's text, key points text) in one language."""
    sections = []
    for section in module.lesson.sections:
        heading = section.heading.get_text(language) if section.heading else ""
        sections.append(
            f"{heading}.\n\n{section.body.get_text(language)}" if heading else section.body.get_text(language)
        )
    points = "\n\n".join(p.get_text(language) for p in module.lesson.key_points)
    return "\n\n".join(sections), sections, points


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("packs", nargs="*", type=Path)
    parser.add_argument("--band", help="only modules of this age band (8-10, 11-13, 14-17, adults)")
    args = parser.parse_args()
    paths = args.packs or [ROOT / "questions" / name for name in CURRICULUM]
    report = validate_paths(paths)
    header = (
        f"{'module':<22} {'band':<6} {'words':>5} {'+key':>5} {'max sec':>7} "
        f"{'w/sent':>6} {'Flesch':>6} {'grade':>5} | {'ur words':>8} {'ur w/sent':>9}"
    )
    print(header)
    print("-" * len(header))
    rows = 0
    worst = 0
    for pack in report.packs:
        for module in pack.modules:
            if args.band and module.age_band != args.band:
                continue
            text, sections, points = lesson_text(module, "en")
            en = english(text)
            longest = max(english(s).words for s in sections)
            ur_text, _, _ = lesson_text(module, "ur")
            ur = urdu(ur_text)
            key = english(points).words
            worst = max(worst, en.words)
            rows += 1
            print(
                f"{module.id:<22} {module.age_band:<6} {en.words:>5} {key:>5} {longest:>7} "
                f"{en.per_sentence:>6.1f} {en.flesch:>6.1f} {en.grade:>5.1f} | "
                f"{ur.words:>8} {ur.per_sentence:>9.1f}"
            )
    print(f"\n{rows} lesson(s); most English words in one lesson: {worst}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
