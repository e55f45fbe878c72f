"""Field types shared by the pack model's parts (the module, the manifest and every question type)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from quizapp.content.text import LANG_PATTERN

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
Narration = Annotated[
    dict[LanguageCode, RelPath],
    Field(
        min_length=1,
        description="Recorded narration per language, files inside the pack: Ogg Vorbis (.ogg) or MP3 "
        "(.mp3), at most 1 MB and 3 minutes each "
        "(for example {en: audio/intro-en.ogg, ur: audio/intro-ur.ogg}).",
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


class Strict(BaseModel):
    """A pack object: unknown keys are errors, and it is not changed once read."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)
