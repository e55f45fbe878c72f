"""The pack format as a typed model: the single source for validation and for the JSON Schema.

The YAML reader hands every scalar over as text; fields that are numbers or booleans convert it here.
Each question type's model lives in its own module in :mod:`quizapp.content.qtypes`; the union of
questions a quiz holds is made from that registry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal, Union

from pydantic import Field, StringConstraints

from quizapp.content import qtypes
from quizapp.content.fields import (
    LanguageCode,
    Narration,
    PicturePath,
    RelPath,
    Slug,
    picture_for,
    picture_paths,
)
from quizapp.content.fields import Strict as _Strict
from quizapp.content.qtypes.base import QuestionBase
from quizapp.content.qtypes.fill_blank import FillBlank
from quizapp.content.qtypes.matching import Matching, MatchPair
from quizapp.content.qtypes.multiple import MultipleSelect
from quizapp.content.qtypes.options import Option
from quizapp.content.qtypes.ordering import Ordering
from quizapp.content.qtypes.scenario import Scenario, ScenarioOption
from quizapp.content.qtypes.single import SingleChoice
from quizapp.content.qtypes.spot_the_scam import ScamRegion, SpotTheScam
from quizapp.content.qtypes.true_false import TrueFalse
from quizapp.content.text import Text
from quizapp.content.vocab import QUESTION_TYPES, AgeBand, Audience, Difficulty, Rating, ReviewStatus

__all__ = [
    "QUESTION_TYPES",
    "AgeBand",
    "Audience",
    "Difficulty",
    "FillBlank",
    "LanguageCode",
    "MatchPair",
    "Matching",
    "MultipleSelect",
    "Narration",
    "Option",
    "Ordering",
    "PicturePath",
    "Rating",
    "RelPath",
    "ReviewStatus",
    "ScamRegion",
    "Scenario",
    "ScenarioOption",
    "SingleChoice",
    "Slug",
    "SpotTheScam",
    "TrueFalse",
    "picture_for",
    "picture_paths",
]

FORMAT_VERSION = 1

AnyQuestion = QuestionBase
"""A question of any type; narrow it with ``isinstance`` or ask its type with ``qtypes.kind_of``."""

if TYPE_CHECKING:
    Question = QuestionBase
else:
    Question = Annotated[
        Union[tuple(k.model for k in qtypes.kinds())],  # noqa: UP007 (a union made at run time)
        Field(discriminator="type"),
    ]


class LessonSection(_Strict):
    heading: Text | None = None
    body: Text = Field(description="Paragraphs, **bold**, *italic* and lists ('- ' or '1. ').")
    audio: Narration | None = Field(default=None, description="The section (heading and body) read aloud.")
    image: RelPath | None = None
    image_alt: Text | None = None
    source: Text | None = Field(
        default=None,
        description="Where the section's legal or institutional claims come from (teachers only).",
    )


class Lesson(_Strict):
    sections: Annotated[list[LessonSection], Field(min_length=1)]
    key_points: list[Text] = Field(default_factory=list)


class Quiz(_Strict):
    pass_mark: Annotated[int, Field(ge=0, le=100)] = Field(default=70, description="Percent needed to pass.")
    shuffle: bool = False
    questions: Annotated[list[Question], Field(min_length=1)]


class Check(_Strict):
    """Check questions: asked before the lesson (no feedback) and again after the quiz, to measure learning.

    They do not count toward the quiz score. Their ids are distinct from the quiz's question ids.
    """

    questions: Annotated[list[Question], Field(min_length=5)] = Field(
        description="At least 5 questions testing the module's key points in new situations."
    )


class Module(_Strict):
    """One module file: a lesson and its quiz."""

    id: Slug
    title: Text
    summary: Text
    audience: Audience = "students"
    age_band: AgeBand
    minutes: Annotated[int, Field(ge=1, le=240)] = Field(description="Estimated minutes for the module.")
    tags: list[Slug] = Field(default_factory=list)
    prerequisites: list[Slug] = Field(default_factory=list, description="Ids of modules in this pack.")
    image: RelPath | None = None
    lesson: Lesson
    check: Check | None = Field(
        default=None, description="Questions asked before the lesson and after the quiz (learning gain)."
    )
    quiz: Quiz


class Manifest(_Strict):
    """``pack.yaml``: what the pack is and which module files it holds, in order."""

    format: Literal[1] = 1
    id: Slug
    title: Text
    description: Text | None = None
    version: Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+){0,2}$")] = Field(
        description="Like 1.0 or 1.2.3."
    )
    authors: Annotated[list[Annotated[str, StringConstraints(min_length=1)]], Field(min_length=1)]
    licence: Annotated[str, StringConstraints(min_length=1)]
    default_language: LanguageCode
    languages: Annotated[list[LanguageCode], Field(min_length=1)]
    review_status: dict[LanguageCode, ReviewStatus] = Field(
        default_factory=dict, description="Per language: draft, or reviewed by a native-speaking teacher."
    )
    audience: Annotated[list[Audience], Field(min_length=1)]
    modules: Annotated[list[RelPath], Field(min_length=1)] = Field(description="Module files, in order.")
