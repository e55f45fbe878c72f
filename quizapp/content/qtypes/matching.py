"""``matching``: each left item paired with its right partner. Answer: for each left item, in pack order,
the index of the pair whose right text was chosen, or ``None`` when nothing was chosen (``[2, 0, 1]``).
Right when every left item has its right partner; partly right by the share of right pairs.

A pair may show a picture on either side (``left_image`` / ``right_image``, pictures in the pack)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from quizapp.content.fields import RelPath, Strict
from quizapp.content.qtypes.base import (
    AnswerWords,
    CheckContext,
    Grade,
    QuestionBase,
    QuestionKind,
    TextOf,
    as_int,
    index_list,
    item_text,
    make_grade,
)
from quizapp.content.text import Text


class MatchPair(Strict):
    left: Text
    right: Text
    left_image: RelPath | None = Field(default=None, description="A picture shown with the left item.")
    right_image: RelPath | None = Field(default=None, description="A picture shown with the right item.")


class Matching(QuestionBase):
    type: Literal["matching"]
    pairs: Annotated[list[MatchPair], Field(min_length=2, max_length=10)]


class MatchingKind(QuestionKind[Matching]):
    name = "matching"
    model = Matching

    def offers_retry(self, question: Matching) -> bool:
        return len(question.pairs) > 2

    def grade(self, question: Matching, answer: Any, *, language: str, default_language: str) -> Grade:
        size = len(question.pairs)
        chosen_pairs = index_list(answer, size, f"question '{question.id}'", allow_none=True)
        parts = [
            choice is not None and question.pairs[choice].right == pair.right
            for pair, choice in zip(question.pairs, chosen_pairs, strict=True)
        ]
        return make_grade(question, sum(parts) / size, parts)

    def right_answer(self, question: Matching, *, language: str, default_language: str) -> Any:
        return list(range(len(question.pairs)))

    def is_complete(self, question: Matching, answer: Any) -> bool:
        return isinstance(answer, list | tuple) and all(a is not None for a in answer)

    def answer_text(self, question: Matching, answer: Any, words: AnswerWords, text: TextOf) -> str:
        lefts = [p.left for p in question.pairs]
        rights = [p.right for p in question.pairs]
        pairs: list[tuple[Any, Any]] = []
        if isinstance(answer, dict):
            pairs = list(answer.items())
        elif isinstance(answer, list):
            pairs = [tuple(p) for p in answer if isinstance(p, list | tuple) and len(p) == 2]
            if not pairs and all(isinstance(a, int) or a is None for a in answer):
                pairs = list(enumerate(answer))
        if not pairs:
            return str(answer)
        shown = []
        for left, right in pairs:
            right_text = words.nothing if right is None else item_text(rights, as_int(right), text)
            shown.append(f"{item_text(lefts, as_int(left), text)}{words.then}{right_text}")
        return words.separator.join(shown)

    def check(self, question: Matching, ctx: CheckContext) -> None:
        for index, pair in enumerate(question.pairs):
            for side in ("left_image", "right_image"):
                rel = getattr(pair, side)
                if rel is not None:
                    ctx.asset(rel, ("pairs", index, side))


KIND = MatchingKind()
