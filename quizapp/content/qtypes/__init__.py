"""The question types, one module per type, found by the type's name as written in YAML (``type: single``).

:data:`NAMES` is the one list of types: the pack model's union of questions, the validator's checks, the
store's and the progress bundle's accepted types, grading, answers in words, and (in the UI) the views, the
printed answer key, the autopilot and the self-test are all derived from it. To add a type, write
``quizapp/content/qtypes/<name>.py`` (its model, a :class:`~quizapp.content.qtypes.base.QuestionKind`
subclass and ``KIND``), its view ``quizapp/ui/questions/kinds/<name>.py``, and add the name here.

This module imports nothing heavy: the names are usable without loading the validation library; a type's
module is imported the first time it is asked for.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizapp.content.qtypes.base import QuestionBase, QuestionKind

    QuestionKindAny = QuestionKind[Any]

NAMES: tuple[str, ...] = (
    "single",
    "multiple",
    "true_false",
    "ordering",
    "matching",
    "fill_blank",
    "scenario",
    "spot_the_scam",
)


def kind(name: str) -> QuestionKind[Any]:
    """The type called ``name``; KeyError for an unknown one."""
    if name not in NAMES:
        raise KeyError(f"unknown question type '{name}'")
    module = importlib.import_module(f"{__name__}.{name}")
    found: QuestionKind[Any] = module.KIND
    return found


def kinds() -> tuple[QuestionKind[Any], ...]:
    """Every type, in the order of :data:`NAMES`."""
    return tuple(kind(name) for name in NAMES)


def kind_of(question: QuestionBase) -> QuestionKind[Any]:
    """The type of ``question``."""
    return kind(question.type)
