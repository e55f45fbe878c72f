"""The fixed words of the pack format, importable without loading the validation library."""

from __future__ import annotations

from typing import Literal, get_args

from quizapp.content.qtypes import NAMES

Audience = Literal["students", "parents", "teachers"]
AgeBand = Literal["8-10", "11-13", "14-17", "adults"]
Difficulty = Literal["easy", "medium", "hard"]
Rating = Literal["best", "acceptable", "unsafe"]
ReviewStatus = Literal["draft", "reviewed"]

AUDIENCES: tuple[str, ...] = get_args(Audience)
AGE_BANDS: tuple[str, ...] = get_args(AgeBand)
QUESTION_TYPES: tuple[str, ...] = NAMES
