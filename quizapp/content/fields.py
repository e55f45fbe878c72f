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


class Strict(BaseModel):
    """A pack object: unknown keys are errors, and it is not changed once read."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)
