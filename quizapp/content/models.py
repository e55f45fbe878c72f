"""The pack format as a typed model: the single source for validation and for the JSON Schema.

The YAML reader hands every scalar over as text; fields that are numbers or booleans convert it here.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from quizapp.content.text import LANG_PATTERN, AcceptedAnswers, Text
from quizapp.content.vocab import QUESTION_TYPES, AgeBand, Audience, Difficulty, Rating, ReviewStatus

__all__ = ["QUESTION_TYPES", "AgeBand", "Audience", "Difficulty", "Rating", "ReviewStatus"]

FORMAT_VERSION = 1

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=80),
    Field(description="A stable id: lower-case letters, digits, '-' and '_'."),
]
LanguageCode = Annotated[str, StringConstraints(pattern=LANG_PATTERN)]
RelPath = Annotated[
    str,
    StringConstraints(min_length=1, max_length=255),
    Field(description="A path inside the pack, written with '/' (for example assets/lock.png)."),
]

PicturePath = Annotated[
    RelPath | Annotated[dict[LanguageCode, RelPath], Field(min_length=1)],
    Field(
        description="A picture inside the pack: one path, or one per language (en: ..., ur: ...) when the "
        "picture holds words."
    ),
]


def picture_for(value: str | dict[str, str] | None, language: str, default_language: str) -> str | None:
    """The picture to show in ``language``: the one path, or that language's, else the default language's."""
    if value is None or isinstance(value, str):
        return value
    return value.get(language) or value.get(default_language) or next(iter(value.values()), None)


def picture_paths(value: str | dict[str, str] | None) -> list[tuple[str | None, str]]:
    """Every path of a picture field with its language (None for the one path)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [(None, value)]
    return list(value.items())


Narration = Annotated[
    dict[LanguageCode, RelPath],
    Field(
        min_length=1,
        description="Recorded narration per language, files inside the pack: Ogg Vorbis (.ogg) or MP3 "
        "(.mp3), at most 1 MB and 3 minutes each "
        "(for example {en: audio/intro-en.ogg, ur: audio/intro-ur.ogg}).",
    ),
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class Option(_Strict):
    """An answer option of a single- or multiple-choice question."""

    id: Slug
    text: Text
    feedback: Text | None = Field(default=None, description="Shown when the learner picks this option.")
    audio: Narration | None = None


class ScenarioOption(_Strict):
    """What the learner could do in a scenario, with its consequence."""

    id: Slug
    text: Text
    rating: Rating = Field(description="best, acceptable or unsafe.")
    feedback: Text = Field(description="What happens if the learner does this, and why.")
    audio: Narration | None = None


class MatchPair(_Strict):
    left: Text
    right: Text


class _QuestionBase(_Strict):
    id: Slug
    prompt: Text
    audio: Narration | None = Field(
        default=None, description="The prompt read aloud (a scenario's situation and prompt)."
    )
    explanation: Text = Field(
        description="Why the right answer is right and the tempting wrong one is wrong."
    )
    hint: Text | None = None
    image: PicturePath | None = Field(
        default=None, description="Shown with the question (a scenario's picture replaces the phone icon)."
    )
    image_alt: Text | None = Field(default=None, description="Words that describe the image.")
    difficulty: Difficulty | None = None
    points: Annotated[int, Field(ge=1, le=100)] = 1
    source: Text | None = Field(
        default=None,
        description="Where a legal or institutional claim comes from (law and section, official body); "
        "shown to teachers in the answer key, never to learners.",
    )


class SingleChoice(_QuestionBase):
    type: Literal["single"]
    options: Annotated[list[Option], Field(min_length=2, max_length=10)]
    correct: Slug = Field(description="The id of the right option.")


class MultipleSelect(_QuestionBase):
    type: Literal["multiple"]
    options: Annotated[list[Option], Field(min_length=2, max_length=10)]
    correct: Annotated[list[Slug], Field(min_length=1)] = Field(description="The ids of every right option.")


class TrueFalse(_QuestionBase):
    type: Literal["true_false"]
    correct: bool


class Ordering(_QuestionBase):
    type: Literal["ordering"]
    items: Annotated[list[Text], Field(min_length=2, max_length=10)] = Field(
        description="The steps in the right order; learners see them shuffled."
    )


class Matching(_QuestionBase):
    type: Literal["matching"]
    pairs: Annotated[list[MatchPair], Field(min_length=2, max_length=10)]


class FillBlank(_QuestionBase):
    type: Literal["fill_blank"]
    accepted: AcceptedAnswers = Field(
        description="Answers counted as right, compared without regard to case and extra spaces."
    )


class Scenario(_QuestionBase):
    type: Literal["scenario"]
    situation: Text = Field(description="The short situation the learner imagines.")
    options: Annotated[list[ScenarioOption], Field(min_length=2, max_length=8)]


Question = Annotated[
    SingleChoice | MultipleSelect | TrueFalse | Ordering | Matching | FillBlank | Scenario,
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


AnyQuestion = SingleChoice | MultipleSelect | TrueFalse | Ordering | Matching | FillBlank | Scenario
