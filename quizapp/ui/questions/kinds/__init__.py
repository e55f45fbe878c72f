"""The UI side of each question type: one module per type, named as the type in
:data:`quizapp.content.qtypes.NAMES`, each with ``KIND``, a :class:`~quizapp.ui.questions.kinds.base.ViewKind`
that gives the view, the printed question, the not-yet-answered message and how the autopilot answers it.
There is no list of types here: a type's UI is found from the core's registry by name."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizapp.ui.questions.kinds.base import ViewKind


def view_kind(name: str) -> ViewKind:
    """The UI of question type ``name``; KeyError when there is none."""
    from quizapp.content.qtypes import NAMES

    if name not in NAMES:
        raise KeyError(f"unknown question type '{name}'")
    module = importlib.import_module(f"{__name__}.{name}")
    found: ViewKind = module.KIND
    return found
