"""What a lab PC recorded on its own copy that the school server has not been sent yet.

A lab PC that cannot reach the school server keeps working on its local SQLite database. Every quiz run,
answer, module progress and resume point it writes carries this database's device id and its change
counter (see :mod:`quizapp.progress.seen`); the counter only grows, one step per write transaction. So "what
the server has not seen" is: this device's records with a counter above the last one sent (the *watermark*,
kept by :mod:`quizapp.services.sync`), read here in batches of at most ``limit`` counter steps.

A batch is a snapshot in the results-bundle shape (tables of JSON-ready rows), merged into the server with
``Store.merge_snapshot``: the same idempotent merge as a results file, so sending a batch twice, or after
an interrupted sync, adds nothing twice. It always holds the whole roster (classes, learners, merges: a
learner made offline must exist on the server before their answers), and every quiz run an answer in it
belongs to (a run started before the last sync may have answers after it).

Records of other devices (a results file imported into this copy, or this copy's own records under an
older id, when it was restored from a backup) have no place on this counter scale: the first sync to a
server (``include_foreign``) sends them all once.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import Connection, Table, and_, select

from quizapp.progress import schema as t

COUNTER_KEY = "device_counter"
ROSTER = (t.classes, t.learners, t.learner_merges)
RECORDS = (t.quiz_runs, t.attempts, t.module_progress, t.resume_points)
_BOOLS = {
    (table.name, c.name) for table in (*ROSTER, *RECORDS) for c in table.columns if c.type.python_type is bool
}


@dataclasses.dataclass(frozen=True)
class Batch:
    """One batch to send: ``tables`` for ``merge_snapshot``; ``upto`` the counter it reaches (the new
    watermark once the server has it); ``records`` how many quiz runs, answers, progress and resume rows it
    holds besides the roster; ``more`` whether this device wrote more after ``upto``."""

    tables: dict[str, list[dict[str, Any]]]
    upto: int
    records: int
    answers: int
    more: bool


def _rows(conn: Connection, table: Table, *where: Any) -> list[dict[str, Any]]:
    query = select(table).where(*where).order_by(*table.primary_key.columns)
    out = []
    for row in conn.execute(query):
        record = dict(row._mapping)
        for key, value in record.items():
            if value is not None and (table.name, key) in _BOOLS:
                record[key] = bool(value)
        out.append(record)
    return out


def device_counter(conn: Connection) -> int:
    value = conn.execute(select(t.meta.c.value).where(t.meta.c.key == COUNTER_KEY)).scalar_one_or_none()
    return int(value or 0)


def collect(conn: Connection, device: str, after: int, *, limit: int, include_foreign: bool) -> Batch:
    """The batch of ``device``'s records with a counter in ``(after, after + limit]`` (up to the counter
    now), with the roster and the runs its answers belong to; with ``include_foreign`` also every record
    of any other device. Call inside one read transaction, so the batch and the counter agree."""
    now = device_counter(conn)
    upto = min(now, after + max(1, limit))
    tables: dict[str, list[dict[str, Any]]] = {table.name: _rows(conn, table) for table in ROSTER}
    records = 0
    for table in RECORDS:
        c = table.c
        mine = and_(c.origin_device == device, c.origin_counter > after, c.origin_counter <= upto)
        rows = _rows(conn, table, mine if not include_foreign else (mine | (c.origin_device != device)))
        tables[table.name] = rows
        records += len(rows)
    have = {run["id"] for run in tables["quiz_runs"]}
    wanted = sorted({a["quiz_run_id"] for a in tables["attempts"]} - have)
    for start in range(0, len(wanted), 500):
        extra = _rows(conn, t.quiz_runs, t.quiz_runs.c.id.in_(wanted[start : start + 500]))
        tables["quiz_runs"].extend(extra)
        records += len(extra)
    tables["quiz_runs"].sort(key=lambda run: str(run["id"]))
    return Batch(tables, upto, records, len(tables["attempts"]), now > upto)
