"""A quick, read-only look at the learners and a few settings, for the first screen.

The progress store loads SQLAlchemy, which takes longer to import than Qt takes to show a window. The
learner picker only needs names and pictures, so the app reads them straight from the database file with
the standard library (read-only) and shows the picker while the store opens in the background. Whenever
anything here does not look as expected (no database yet, another layout, a damaged file) the answer is
None and the app waits for the store instead.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from quizapp.progress.records import Learner, SchoolClass
from quizapp.progress.store import DB_FILE_NAME

PEEKED_SETTINGS = ("school_name", "default_language", "high_contrast")
_COLUMNS = "id, display_name, class_id, language, avatar_id, text_size, archived, created_at, updated_at"


@dataclass(frozen=True, slots=True)
class RosterPeek:
    """Learners not archived (sorted by name), the settings in :data:`PEEKED_SETTINGS` and the classes not
    archived (for the picker's "choose your class" step)."""

    learners: tuple[Learner, ...] = ()
    settings: dict[str, str] = field(default_factory=dict)
    classes: tuple[SchoolClass, ...] = ()


def peek_roster(data_dir: Path, *, own_copy: bool = False) -> RosterPeek | None:
    """Read the roster without the store; an empty roster when there is no database yet; None when it
    cannot be read so (then the store is opened first), as on a school server (``QUIZAPP_DATABASE``).
    ``own_copy``: read this PC's own copy even with a server set (a lab PC shows it, greyed, while it
    finds out whether the server answers; see :mod:`quizapp.services.offline`)."""
    from quizapp.paths import resolve_database

    if not own_copy and resolve_database():
        return None
    path = Path(data_dir) / DB_FILE_NAME
    if not path.exists():
        return RosterPeek()
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.5)
    except (sqlite3.Error, ValueError, OSError):
        return None
    try:
        rows = connection.execute(f"SELECT {_COLUMNS} FROM learners WHERE archived = 0").fetchall()
        marks = ", ".join("?" for _ in PEEKED_SETTINGS)
        settings = dict(
            connection.execute(f"SELECT key, value FROM settings WHERE key IN ({marks})", PEEKED_SETTINGS)
        )
        class_rows = connection.execute(
            "SELECT id, name, archived, created_at, updated_at FROM classes WHERE archived = 0"
        ).fetchall()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    try:
        learners = [
            Learner(
                id=str(r[0]),
                display_name=str(r[1]),
                class_id=None if r[2] is None else str(r[2]),
                language=str(r[3]),
                avatar_id=str(r[4]),
                text_size=int(r[5]),
                archived=bool(r[6]),
                created_at=str(r[7]),
                updated_at=str(r[8]),
            )
            for r in rows
        ]
        classes = [SchoolClass(str(r[0]), str(r[1]), bool(r[2]), str(r[3]), str(r[4])) for r in class_rows]
    except (TypeError, ValueError):
        return None
    learners.sort(key=lambda learner: (" ".join(learner.display_name.split()).casefold(), learner.id))
    classes.sort(key=lambda school_class: (" ".join(school_class.name.split()).casefold(), school_class.id))
    return RosterPeek(tuple(learners), {str(k): str(v) for k, v in settings.items()}, tuple(classes))
