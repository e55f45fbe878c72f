"""Bring a lab PC's own copy and the school server together: send what the PC recorded while it could not
reach the server, and bring the server's roster and school settings back for the next time it cannot.

**Sending** reads this PC's records in batches (:mod:`quizapp.progress.outbox`: what its change counter
wrote after the last batch the server took) and merges each batch into the server with
``Store.merge_snapshot``, the idempotent merge of results files: records are matched by id, answers are never
duplicated or changed, and a reset made on the server clears what it had seen. Each batch is one server
transaction; only after it is committed does the PC move its *watermark* (a setting in its own database,
per server: ``server_sync_sent:<server database id>``, holding this PC's database id and counter). A sync
cut short (the server stopping, the PC switched off) therefore sends the last batch again next time, which
adds nothing twice. The roster (classes, learners, merges) goes with a batch only when it changed since
it was last sent (its SHA-256 is kept the same way), so a PC syncing every few minutes with nothing new
costs the server almost nothing.

**Bringing back** merges the server's roster (classes, learners, merged learners, with their resets) into
the PC's copy, and copies the school's settings (teacher PIN, school name, contacts, languages...): a
child finds their name, and the teacher PIN works, on a PC that later loses the server.

Nothing here touches Qt: the app runs :func:`sync_now` in a worker thread
(:class:`quizapp.services.background.BackgroundCall`) and polls it; the command line calls it directly
(``quizapp server sync``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from quizapp.progress import engines
from quizapp.progress.bundleio import canonical_row
from quizapp.progress.errors import StoreError
from quizapp.progress.records import LookAlike
from quizapp.progress.settings import Settings
from quizapp.progress.store import Store

log = logging.getLogger(__name__)

BATCH_COUNTERS = 2000  # write transactions (about one answer each) per batch sent
WATERMARK_PREFIX = "server_sync_sent:"
PULLED_PREFIX = "server_roster_pulled:"
ROSTER_SENT_PREFIX = "server_roster_sent:"
ROSTER_TABLES = ("classes", "learners", "learner_merges")
SCHOOL_SETTINGS = (
    Settings.TEACHER_PIN_HASH,
    Settings.SCHOOL_NAME,
    Settings.HELP_CONTACTS,
    Settings.DEFAULT_LANGUAGE,
    Settings.SHUFFLE_DEFAULT,
    Settings.ALLOW_RETAKE_PASSED,
    Settings.SHOW_EXAMPLE_PACK,
    "high_contrast",
)
"""Settings the server's copy decides for every lab PC (copied to the PC's own copy at each sync)."""


@dataclasses.dataclass
class SyncReport:
    """What one sync did."""

    server: str  # the server's URL, password masked
    batches: int = 0
    answers_sent: int = 0
    records_sent: int = 0
    added_on_server: dict[str, int] = dataclasses.field(default_factory=dict)
    skipped_before_reset: int = 0
    look_alikes: list[LookAlike] = dataclasses.field(default_factory=list)
    learners_here: int = 0  # learners in this PC's copy after bringing the roster back

    def lines(self) -> list[str]:
        """The report for the command line, one line each."""
        added = self.added_on_server.get("attempts", 0)
        out = [
            f"Sent {self.answers_sent} answers ({self.records_sent} records in {self.batches} batches) to "
            f"{self.server}; {added} answers were new there."
        ]
        if self.skipped_before_reset:
            out.append(
                f"{self.skipped_before_reset} answers were left out: their learner's progress was reset "
                "on the server after them."
            )
        for same in self.look_alikes:
            where = f" in class {same.class_name}" if same.class_name else ""
            out.append(
                f"Look-alike {same.kind} {same.name!r}{where}: {same.existing_id} (on the server) and "
                f"{same.incoming_id} (made on this computer). If they are the same child: quizapp "
                f"roster merge {same.existing_id} {same.incoming_id}"
            )
        out.append(f"This computer's copy now knows {self.learners_here} learners.")
        return out


def _watermark_key(server: Store) -> str:
    return WATERMARK_PREFIX + server.database_id


def sent_upto(local: Store, server: Store) -> int | None:
    """The counter up to which this PC's records are on ``server``; None when nothing was sent from this
    database yet (a first sync, or a copy restored from a backup under a new id)."""
    try:
        mark = json.loads(local.settings.read(_watermark_key(server)) or "null")
    except ValueError:
        return None
    if not isinstance(mark, dict) or mark.get("device") != local.database_id:
        return None
    counter = mark.get("counter")
    return counter if isinstance(counter, int) and counter >= 0 else None


def push(
    local: Store,
    server: Store,
    report: SyncReport,
    *,
    limit: int = BATCH_COUNTERS,
    after_batch: Callable[[int], object] | None = None,
) -> None:
    """Send this PC's records the server has not taken yet, batch by batch (see the module's text).
    ``after_batch(n)`` is called after the n-th batch is committed and recorded (tests stop a server
    there)."""
    after = sent_upto(local, server)
    first = after is None
    start = 0 if after is None else after
    key = _watermark_key(server)
    roster_key = ROSTER_SENT_PREFIX + server.database_id
    roster_sent = local.settings.read(roster_key)
    while True:
        batch = local.snapshots.unsent_changes(start, limit=limit, include_foreign=first)
        tables = dict(batch.tables)
        roster = {name: tables[name] for name in ROSTER_TABLES}
        digest = _digest(roster)
        if digest == roster_sent and not first:
            tables.update({name: [] for name in ROSTER_TABLES})  # the server has this roster already
        if batch.records or batch.upto > start or digest != roster_sent:
            merged = server.snapshots.merge_snapshot(tables, source=f"lab PC {local.database_id}")
            report.batches += 1
            report.answers_sent += batch.answers
            report.records_sent += batch.records
            for table, n in merged.added.items():
                report.added_on_server[table] = report.added_on_server.get(table, 0) + n
            report.skipped_before_reset += merged.skipped_before_reset
            report.look_alikes.extend(x for x in merged.look_alikes if x not in report.look_alikes)
            mark = {"device": local.database_id, "counter": batch.upto}
            local.settings.write(key, json.dumps(mark, sort_keys=True))
            if digest != roster_sent:
                local.settings.write(roster_key, digest)
                roster_sent = digest
            if after_batch is not None:
                after_batch(report.batches)
        first = False
        start = batch.upto
        if not batch.more:
            return


def _digest(tables: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_row(tables)).hexdigest()


def pull(server: Store, local: Store, report: SyncReport) -> None:
    """Bring the server's roster (with its resets and merges) and the school's settings to this PC.

    The roster is merged only when it differs from the one merged last time (its SHA-256 is kept in the
    PC's copy, ``server_roster_pulled:<server database id>``): merging a school's roster holds the PC's
    store for about a second, which a child saving an answer would wait for, every few minutes."""
    roster = server.snapshots.export_snapshot(roster_only=True)
    digest = _digest(roster)
    key = PULLED_PREFIX + server.database_id
    if local.settings.read(key) != digest:
        local.snapshots.merge_snapshot(roster, source=f"server {server.location}")
        local.settings.write(key, digest)
    keys = list(SCHOOL_SETTINGS)
    keys += [Settings.ENABLED_PACKS_PREFIX + c.id for c in server.people.list_classes(include_archived=True)]
    theirs, ours = server.settings.read_many(keys), local.settings.read_many(keys)
    changed = [key for key in keys if theirs.get(key) != ours.get(key)]
    if changed:
        with local.batch():
            for key in changed:
                local.settings.write(key, theirs.get(key))
    report.learners_here = len(local.people.list_learners(include_archived=True))


def sync_stores(
    local: Store,
    server: Store,
    *,
    limit: int = BATCH_COUNTERS,
    after_batch: Callable[[int], object] | None = None,
) -> SyncReport:
    """Send, then bring back; ``StoreError`` (naming the server, never its password) when it fails."""
    report = SyncReport(server=server.location)
    push(local, server, report, limit=limit, after_batch=after_batch)
    pull(server, local, report)
    return report


def sync_now(
    data_dir: Path,
    database: str,
    *,
    local: Store | None = None,
    limit: int = BATCH_COUNTERS,
    after_batch: Callable[[int], object] | None = None,
) -> SyncReport:
    """Open the server named by ``database`` (and this PC's own copy in ``data_dir`` unless ``local`` is
    given, as the app's open copy is), sync them, and close what was opened here."""
    if engines.parse_database_url(database) is None:
        raise StoreError(
            "No school server is set, so there is nothing to sync with: give --database postgresql://..., "
            "or set QUIZAPP_DATABASE, or [database] url = ... in quizapp.ini."
        )
    own = local is None
    if local is None:
        local = Store.open(data_dir, database="sqlite")
    try:
        with Store.open(data_dir, database=database) as server:
            return sync_stores(local, server, limit=limit, after_batch=after_batch)
    finally:
        if own:
            local.close()
