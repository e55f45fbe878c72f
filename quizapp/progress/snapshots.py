"""Moving records between computers: ``store.snapshots`` reads every record (or a roster, or some
classes) as JSON-ready rows for a results or roster file, and merges a validated file's rows in one
transaction (:class:`~quizapp.progress.merger.Merger`). Reading and checking the files themselves is
:mod:`quizapp.progress.bundle`'s job."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Row, Table, select

from quizapp.progress import outbox
from quizapp.progress import schema as t
from quizapp.progress.database import Database
from quizapp.progress.merger import Merger, Streams
from quizapp.progress.records import MergeReport

MERGE_LOCK_KEY = 0x514D5247  # "QMRG": taken by an import (merge) on a server, so two never interleave
ROSTER_TABLES: tuple[Table, ...] = (t.classes, t.learners, t.learner_merges)
SNAPSHOT_TABLES: tuple[Table, ...] = (
    *ROSTER_TABLES,
    t.quiz_runs,
    t.attempts,
    t.module_progress,
    t.resume_points,
)
BOOL_COLUMNS = {
    (table.name, c.name) for table in SNAPSHOT_TABLES for c in table.columns if c.type.python_type is bool
}


def jsonable(table: Table, row: Row[Any]) -> dict[str, Any]:
    out = dict(row._mapping)
    for key, value in out.items():
        if value is not None and (table.name, key) in BOOL_COLUMNS:
            out[key] = bool(value)
    return out


class Snapshots:
    """``store.snapshots``: records out to a file, and a file's records merged in."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def export_snapshot(
        self, *, roster_only: bool = False, class_ids: Sequence[str] | None = None
    ) -> dict[str, Any]:
        """Every record as JSON-ready dicts by table (only classes and learners when ``roster_only``)."""
        tables = ROSTER_TABLES if roster_only else SNAPSHOT_TABLES
        out: dict[str, Any] = {}
        with self._db.read() as conn:
            for table in tables:
                query = select(table).order_by(*table.primary_key.columns)
                if class_ids is not None and table is not t.learner_merges:  # merges: only ids, all kept
                    if table is t.classes:
                        query = query.where(t.classes.c.id.in_(list(class_ids)))
                    elif table is t.learners:
                        query = query.where(t.learners.c.class_id.in_(list(class_ids)))
                    else:
                        learners = select(t.learners.c.id).where(t.learners.c.class_id.in_(list(class_ids)))
                        query = query.where(table.c.learner_id.in_(learners))
                out[table.name] = [jsonable(table, row) for row in conn.execute(query)]
        return out

    def iter_snapshot(
        self, *, roster_only: bool = False, class_ids: Sequence[str] | None = None
    ) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
        """Like ``export_snapshot`` but table by table (in sorted name order) and row by row, all from one
        consistent read; each table's rows must be used up before the next table is asked for."""
        tables = sorted(ROSTER_TABLES if roster_only else SNAPSHOT_TABLES, key=lambda x: x.name)
        with self._db.read() as conn:
            for table in tables:
                query = select(table).order_by(*table.primary_key.columns)
                if class_ids is not None and table is not t.learner_merges:
                    if table is t.classes:
                        query = query.where(t.classes.c.id.in_(list(class_ids)))
                    elif table is t.learners:
                        query = query.where(t.learners.c.class_id.in_(list(class_ids)))
                    else:
                        learners = select(t.learners.c.id).where(t.learners.c.class_id.in_(list(class_ids)))
                        query = query.where(table.c.learner_id.in_(learners))
                result = conn.execution_options(yield_per=2000).execute(query)
                yield table.name, (jsonable(table, row) for row in result)

    def unsent_changes(self, after: int, *, limit: int, include_foreign: bool = False) -> outbox.Batch:
        """This computer's records written after its change counter was ``after`` (at most ``limit``
        counter steps), with the roster, as a snapshot for a server's ``merge_snapshot``: what a lab PC
        working offline sends when the school server is back (see :mod:`quizapp.progress.outbox`)."""
        with self._db.read() as conn:
            return outbox.collect(
                conn, self._db.database_id, after, limit=limit, include_foreign=include_foreign
            )

    def merge_snapshot(
        self,
        snapshot: Mapping[str, Any],
        *,
        source: str = "",
        streams: Streams | None = None,
        legacy_device: str = "",
    ) -> MergeReport:
        """Merge records (already validated, see ``quizapp.progress.bundle``) in one transaction.

        ``legacy_device``: the database id of the file's computer, given to its records when the file is
        older than device counters (they carry none; a reset clears them by time, see ``seen.py``).

        ``streams`` gives tables too large to hold (quiz runs, answers) as chunks of rows; a
        ``BundleError`` raised while they are read rolls the whole merge back.

        Same id = same record; newer ``updated_at`` wins; answers are never changed; look-alike learners
        and classes (same name, different id) are reported, not merged. Merging twice changes nothing.
        """
        report = MergeReport(source=source)
        with self._db.write() as conn:
            self._db.lock_on_server(conn, MERGE_LOCK_KEY)  # one import at a time: the second sees the first
            Merger(conn, report, legacy_device).merge(snapshot, streams)
        self._db.run_owners.clear()
        return report
