"""The youngest learners are not given more to read than a period allows (issue 18: at most 300 words)."""

from __future__ import annotations

import re

from quizapp.content.richtext import to_plain
from quizapp.content.validate import validate_paths
from tests.conftest import ROOT

MAX_WORDS_8_10 = 300
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+")


def test_8_10_lessons_have_at_most_300_english_words() -> None:
    """Each 8-10 lesson (headings and bodies) has at most 300 English words."""
    report = validate_paths([ROOT / "questions" / "safety-8-10"])
    counts = {}
    for module in report.packs[0].modules:
        text = " ".join(
            (s.heading["en"] if s.heading else "") + " " + s.body["en"] for s in module.lesson.sections
        )
        counts[module.id] = len(WORD.findall(to_plain(text)))
    assert counts and all(n <= MAX_WORDS_8_10 for n in counts.values()), counts
