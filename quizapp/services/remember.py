"""The two things to remember on the short results screen.

Taken from the module's key points (short sentences the lesson ends with): for each question the learner
missed, the key point that shares the most words with it (its prompt, situation, explanation and options),
then the points closest to all the misses, then lesson order (a quiz with no miss gets the first two).
A module without key points gives the missed questions' explanations instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from quizapp.content.models import AnyQuestion, Module
from quizapp.content.text import LText

HOW_MANY = 2

# Words too common to tie a key point to a question (English; other languages are compared as they are,
# where short words are left out by length).
_COMMON = frozenset(
    (
        "about", "after", "again", "always", "before", "being", "could", "every", "from", "have", "into",
        "just", "like", "make", "more", "never", "only", "other", "over", "same", "should", "some",
        "someone", "something", "than", "that", "their", "them", "then", "there", "they", "this", "what",
        "when", "where", "which", "while", "with", "without", "would", "your",
    )
)  # fmt: skip


def _words(text: str) -> set[str]:
    words = {w for w in re.findall(r"\w+", text.casefold()) if len(w) >= 4 and not w.isdigit()}
    return words - _COMMON


def _question_texts(question: AnyQuestion) -> Iterable[LText]:
    yield question.prompt
    yield question.explanation
    situation = getattr(question, "situation", None)
    if isinstance(situation, LText):
        yield situation
    for option in getattr(question, "options", ()) or ():
        yield option.text


def things_to_remember(
    module: Module, missed: Sequence[AnyQuestion], language: str, *, count: int = HOW_MANY
) -> list[LText]:
    """Up to ``count`` pack texts for the learner to take away, best first (compared in ``language``,
    the pack's default language is the safest: every text has it)."""
    points = list(module.lesson.key_points)
    if not points:
        return [q.explanation for q in missed[:count]]
    point_words = [_words(p.get_text(language, language)) for p in points]
    missed_words = [
        set().union(*(_words(t.get_text(language, language)) for t in _question_texts(q))) for q in missed
    ]
    chosen: list[int] = []
    # each missed question (in quiz order) brings the key point closest to it, so two misses give two points
    for found in missed_words:
        if len(chosen) >= count:
            break
        overlaps = [(len(words & found), -i) for i, words in enumerate(point_words) if i not in chosen]
        best = max(overlaps, default=(0, 0))
        if best[0] > 0:
            chosen.append(-best[1])
    # then the points closest to all the misses together, then lesson order
    rest = sorted(
        (i for i in range(len(points)) if i not in chosen),
        key=lambda i: (-sum(len(point_words[i] & found) for found in missed_words), i),
    )
    chosen.extend(rest[: count - len(chosen)])
    return [points[i] for i in chosen]
