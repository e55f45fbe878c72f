"""``spot_the_scam``: a picture of a message (an SMS, a WhatsApp chat, a web page) with marked regions; the
learner marks the parts that give the scam away, and Check shows each region's explanation.

The picture may differ per language (``picture: {en: ..., ur: ...}``: an Urdu message is laid out right to
left). Regions are rectangles in the picture's own coordinates (an SVG's ``viewBox``, a bitmap's pixels):
``area`` holds for every language, ``areas: {ur: ...}`` moves a region in one language's picture.

Answer: the ids of the regions the learner marked, in any order (``["sender", "link"]``).

Scoring, as for multiple select: right only when every suspicious region is marked and no innocent one.
Partly right otherwise: ``(suspicious regions marked - innocent regions marked) / suspicious regions``,
never below 0, so marking everything earns nothing. ``parts`` says per region (in pack order) whether it
was judged right (marked and suspicious, or left and innocent).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from quizapp.content.fields import LanguageCode, RelPath, Slug, Strict
from quizapp.content.images import image_size
from quizapp.content.qtypes.base import (
    AnswerWords,
    CheckContext,
    Grade,
    QuestionBase,
    QuestionKind,
    TextOf,
    id_list,
    make_grade,
)
from quizapp.content.qtypes.multiple import chosen_fraction
from quizapp.content.text import LText, Text

Coordinate = Annotated[float, Field(ge=0, le=100_000)]
Extent = Annotated[float, Field(gt=0, le=100_000)]
MAX_REGIONS = 12


class Area(Strict):
    """A rectangle in the picture's own coordinates: left, top, width, height."""

    x: Coordinate
    y: Coordinate
    w: Extent
    h: Extent


class ScamRegion(Strict):
    """A part of the message the learner may mark."""

    id: Slug
    name: Text = Field(description="What the part is ('The sender', 'The link'); read out by screen readers.")
    suspicious: bool = Field(description="True when this part gives the scam away.")
    explanation: Text = Field(description="Why this part is (or is not) a warning sign; shown after Check.")
    area: Area
    areas: dict[LanguageCode, Area] = Field(
        default_factory=dict, description="Where the part is in one language's own picture, when it moves."
    )

    def area_for(self, language: str) -> Area:
        return self.areas.get(language, self.area)


class SpotTheScam(QuestionBase):
    type: Literal["spot_the_scam"]
    picture: Annotated[dict[LanguageCode, RelPath], Field(min_length=1)] = Field(
        description="The message, per language (an SVG or bitmap in the pack)."
    )
    picture_alt: Text = Field(description="The message in words, for those who cannot see the picture.")
    regions: Annotated[list[ScamRegion], Field(min_length=2, max_length=MAX_REGIONS)]

    def picture_language(self, language: str, default_language: str) -> str:
        """The language whose picture is shown to a learner reading ``language``."""
        for code in (language, default_language):
            if code in self.picture:
                return code
        return next(iter(self.picture))


def _as_marks(answer: Any) -> list[Any]:
    return answer if isinstance(answer, list) else [answer]


class SpotTheScamKind(QuestionKind[SpotTheScam]):
    name = "spot_the_scam"
    model = SpotTheScam

    def grade(self, question: SpotTheScam, answer: Any, *, language: str, default_language: str) -> Grade:
        ids = [r.id for r in question.regions]
        marked = set(id_list(answer, ids, question.id, "region"))
        suspicious = {r.id for r in question.regions if r.suspicious}
        parts = [(rid in marked) == (rid in suspicious) for rid in ids]
        return make_grade(question, chosen_fraction(marked, suspicious), parts)

    def right_answer(self, question: SpotTheScam, *, language: str, default_language: str) -> Any:
        return [r.id for r in question.regions if r.suspicious]

    def is_complete(self, question: SpotTheScam, answer: Any) -> bool:
        return isinstance(answer, list | tuple) and len(answer) > 0

    def answer_text(self, question: SpotTheScam, answer: Any, words: AnswerWords, text: TextOf) -> str:
        marks = _as_marks(answer)
        names = [text(r.name) for r in question.regions if r.id in marks]
        names += [str(m) for m in marks if m not in {r.id for r in question.regions}]
        return words.separator.join(names) if names else words.nothing

    def choice_ids(self, question: SpotTheScam) -> list[str]:
        return [r.id for r in question.regions]

    def chosen_ids(self, answer: Any) -> list[str]:
        return [str(a) for a in answer] if isinstance(answer, list) else []

    def check(self, question: SpotTheScam, ctx: CheckContext) -> None:
        seen: set[str] = set()
        for index, region in enumerate(question.regions):
            if region.id in seen:
                ctx.error(("regions", index, "id"), f"region id '{region.id}' is used twice in this question")
            seen.add(region.id)
            for field, what in (("name", "name"), ("explanation", "explanation")):
                self._every_language(getattr(region, field), ("regions", index, field), region.id, what, ctx)
            for lang in region.areas:
                if lang not in question.picture:
                    ctx.error(
                        ("regions", index, "areas", lang),
                        f"region '{region.id}' has an area for '{lang}', but the question has no picture "
                        f"for '{lang}' (pictures: {', '.join(question.picture)})",
                    )
        if not any(r.suspicious for r in question.regions):
            ctx.error(
                ("regions",), "a spot-the-scam question needs at least one region with 'suspicious: true'"
            )
        for lang, rel in question.picture.items():
            if ctx.languages and lang not in ctx.languages:
                ctx.error(
                    ("picture", lang),
                    f"a picture for '{lang}', which is not among the pack's languages "
                    f"({', '.join(ctx.languages)})",
                )
            path = ctx.asset(rel, ("picture", lang))
            if path is None:
                continue
            size = image_size(path)
            if size is None:
                ctx.error(
                    ("picture", lang),
                    f"the size of '{rel}' cannot be read; give the SVG a viewBox (or width and height in px) "
                    "so that the regions can be placed on it",
                )
                continue
            width, height = size
            for index, region in enumerate(question.regions):
                area = region.area_for(lang)
                if area.x + area.w > width + 1e-6 or area.y + area.h > height + 1e-6:
                    where = (
                        ("regions", index, "areas", lang)
                        if lang in region.areas
                        else ("regions", index, "area")
                    )
                    ctx.error(
                        where,
                        f"region '{region.id}' (x {area.x:g}, y {area.y:g}, w {area.w:g}, h {area.h:g}) "
                        f"reaches outside the picture '{rel}', which is {width:g} x {height:g}; "
                        "move or shrink it",
                    )

    @staticmethod
    def _every_language(
        value: LText, loc: tuple[int | str, ...], region_id: str, what: str, ctx: CheckContext
    ) -> None:
        given = value.languages(ctx.default_language)
        missing = [lang for lang in ctx.languages if lang not in given]
        if missing:
            ctx.error(
                loc,
                f"region '{region_id}' has no {what} in {', '.join(repr(m) for m in missing)}; "
                "learners reading it would see another language",
            )


KIND = SpotTheScamKind()
