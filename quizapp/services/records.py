"""The progress store as the UI and the command line see it: the store's handle, its records and its errors.

The UI and the CLI never import ``quizapp.progress`` (an import-linter contract in pyproject.toml): they
get a :class:`Store` from the services that open it (``quizapp.services.opening``, the CLI's ``opened``)
and call its parts (``store.people``, ``store.runs``, ``store.reports``, ``store.settings``...), and they
name its records and errors from here. Importing this module is cheap (no SQLAlchemy).
"""

from __future__ import annotations

from quizapp.progress.errors import NotFoundError, StoreError, StoreLockedError
from quizapp.progress.records import Learner, LookAlike, MergeReport, SchoolClass, SummaryCell
from quizapp.progress.store import Store

__all__ = [
    "Learner",
    "LookAlike",
    "MergeReport",
    "NotFoundError",
    "SchoolClass",
    "Store",
    "StoreError",
    "StoreLockedError",
    "SummaryCell",
]
