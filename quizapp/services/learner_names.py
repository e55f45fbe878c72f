"""How a learner is named on screen and on paper when two children share a name: their father's name and
roll number, as a school register tells them apart ("Danish Ali (Asif Ali · #12)").

Plain functions over ``Learner`` records, for the picker, the teacher's grid, reports and PDFs alike.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Protocol


class Named(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def display_name(self) -> str: ...
    @property
    def father_name(self) -> str: ...
    @property
    def roll_number(self) -> str: ...


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def display_detail(learner: Named) -> str:
    """What tells this child apart: "Asif Ali · #12", "#12", "Asif Ali", or "" when nothing is known."""
    parts = [learner.father_name.strip()]
    if learner.roll_number.strip():
        parts.append(f"#{learner.roll_number.strip()}")
    return " · ".join(p for p in parts if p)


def display_label(learner: Named, *, with_detail: bool = True) -> str:
    """The learner's name, followed by the detail in brackets when asked for and known."""
    detail = display_detail(learner) if with_detail else ""
    return f"{learner.display_name} ({detail})" if detail else learner.display_name


def shared_names(learners: Iterable[Named]) -> set[str]:
    """Ids of the learners whose name another learner of ``learners`` also has (ignoring case and spaces)."""
    items = list(learners)
    counts = Counter(_key(lr.display_name) for lr in items)
    return {lr.id for lr in items if counts[_key(lr.display_name)] > 1}


def display_labels(learners: Iterable[Named]) -> dict[str, str]:
    """Each learner's label by id: the plain name, with the detail only for names that are shared, so a
    list of forty stays short and two "Danish Ali" rows can still be told apart."""
    items = list(learners)
    shared = shared_names(items)
    return {lr.id: display_label(lr, with_detail=lr.id in shared) for lr in items}
