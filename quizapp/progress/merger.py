"""Merging one validated results or roster file into this computer's records, inside the caller's
transaction (``store.snapshots.merge_snapshot``): same id, same record; the newer change wins; answers are
never changed; look-alike learners and classes are reported, not merged; learners merged on either side
are followed; progress resets on either side clear what they had seen (see seen.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, Row, Table, insert, or_, select, update

from quizapp.progress import learnerdata, seen
from quizapp.progress import schema as t
from quizapp.progress.concurrency import dialect_insert
from quizapp.progress.errors import BundleError
from quizapp.progress.learnerdata import merge_progress
from quizapp.progress.records import Learner, LookAlike, MergedLearner, MergeReport, SchoolClass, utc_now
from quizapp.progress.rows import learner_values, to_class, to_learner
from quizapp.progress.seen import ResetMark
from quizapp.progress.values import normalise_name

Streams = Mapping[str, Callable[[], Iterable[list[dict[str, Any]]]]]
"""Tables too large to hold (quiz runs, answers): a function giving their validated rows in chunks."""


def _chunks(snap: Mapping[str, Any], streams: Streams | None, table: str) -> Iterable[list[dict[str, Any]]]:
    if streams is not None and table in streams:
        return streams[table]()
    rows = list(snap.get(table, []))
    return [rows] if rows else []


def _told_apart(local: Learner, incoming: dict[str, Any]) -> bool:
    """Two learners of the same name whose father's names or roll numbers are both known and differ are
    two children, not a look-alike to merge."""
    for attr in ("father_name", "roll_number"):
        mine, theirs = normalise_name(getattr(local, attr)), normalise_name(incoming.get(attr) or "")
        if mine and theirs and mine != theirs:
            return True
    return False


class Merger:
    """Merges one validated snapshot inside the caller's transaction.

    Learner ids are first mapped through the merges known here and in the file (a learner merged into
    another is that other learner). Records from before a learner's last progress reset are left out, and a
    newer reset in the file clears this computer's older records of that learner.
    """

    def __init__(self, conn: Connection, report: MergeReport, legacy_device: str = "") -> None:
        self.conn = conn
        self.report = report
        self.legacy_device = legacy_device  # the device of records from files written before counters
        self.gone: set[str] = set()
        self.merges: dict[str, tuple[str, str | None]] = {}
        self.file_resets: dict[str, ResetMark] = {}
        self.resets: dict[str, ResetMark] = {}

    def _count(self, kind: str, table: str) -> None:
        bucket = self.report.added if kind == "added" else self.report.updated
        bucket[table] = bucket.get(table, 0) + 1

    def resolve(self, learner_id: str) -> str:
        return self.merges.get(learner_id, (learner_id, None))[0]

    def _local_learner_ids(self) -> set[str]:
        return set(self.conn.execute(select(t.learners.c.id)).scalars())

    def merge(self, snap: Mapping[str, Any], streams: Streams | None = None) -> None:
        deleted = {
            (k, i) for k, i in self.conn.execute(select(t.deleted_records.c.kind, t.deleted_records.c.id))
        }
        self.gone = {i for k, i in deleted if k == "learner"}
        self.merges = learnerdata.merge_map(self.conn)
        incoming_learners = list(snap.get("learners", []))
        self.file_resets = {
            x["id"]: ResetMark.of(x.get("progress_reset_at"), x.get("progress_reset_seen"))
            for x in incoming_learners
        }
        new_merges = self._merge_merges(snap.get("learner_merges", []))
        incoming_classes = {c["id"]: c for c in snap.get("classes", [])}
        local_classes = {r.id: r for r in (to_class(x) for x in self.conn.execute(select(t.classes)))}
        self._merge_classes(incoming_classes.values(), local_classes)
        local_classes = {r.id: r for r in (to_class(x) for x in self.conn.execute(select(t.classes)))}
        self._merge_learners(self._map_learners(incoming_learners), local_classes)
        self._fold(new_merges)
        lc = t.learners.c
        self.resets = {
            str(i): ResetMark.of(at, vector)
            for i, at, vector in self.conn.execute(
                select(lc.id, lc.progress_reset_at, lc.progress_reset_seen).where(
                    or_(lc.progress_reset_at.is_not(None), lc.progress_reset_seen.is_not(None))
                )
            )
        }
        dropped_runs: set[str] = set()
        for chunk in _chunks(snap, streams, "quiz_runs"):
            self._merge_runs(self._map_rows(chunk, "started_at", dropped=dropped_runs))
        for chunk in _chunks(snap, streams, "attempts"):
            self._merge_attempts(self._map_rows(chunk, "answered_at", skip_runs=dropped_runs))
        progress = self._map_rows(snap.get("module_progress", []), "updated_at")
        resume = self._map_rows(snap.get("resume_points", []), "updated_at")
        touched = self._merge_progress(progress)
        self._merge_resume(resume)
        for learner_id in sorted({lid for lid, _, _ in touched} & set(self.resets)):
            keys = [(p, m) for lid, p, m in touched if lid == learner_id]
            learnerdata.recompute_results(self.conn, learner_id, keys, only_runs=True)

    # ------------------------------------------------------------------------------------ learner ids
    def _merge_merges(self, incoming: list[dict[str, Any]]) -> list[str]:
        """Record the file's merges this computer does not know; return the merged ids newly recorded."""
        local = self._local_learner_ids()
        added: list[str] = []
        for x in incoming:
            merged_id = x["merged_id"]
            target = self.resolve(x["kept_id"])
            if (
                merged_id in self.merges  # known already: this computer's record stands
                or target == merged_id  # merged the other way round here
                or (target in self.gone and merged_id in local)  # would take a learner kept here away
            ):
                self.report.unchanged += 1
                continue
            reset_at = x.get("reset_at")
            learnerdata.record_merge(self.conn, merged_id, target, x["merged_at"], reset_at)
            self.merges = {k: (target if v == merged_id else v, r) for k, (v, r) in self.merges.items()}
            self.merges[merged_id] = (target, reset_at)
            added.append(merged_id)
            self._count("added", "learner_merges")
        return added

    def _map_learners(self, incoming: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The file's learner records to merge: deleted ones left out, merged ones mapped to the kept one."""
        local = self._local_learner_ids()
        in_file = {x["id"] for x in incoming}
        out: list[dict[str, Any]] = []
        for raw in incoming:
            x = {
                **raw,
                "progress_reset_at": raw.get("progress_reset_at"),
                "progress_reset_seen": raw.get("progress_reset_seen"),
            }
            target = self.resolve(x["id"])
            if x["id"] in self.gone or target in self.gone:
                self.report.skipped_deleted.append(f"{x['display_name']} ({x['id']})")
                continue
            if target != x["id"]:
                self.report.mapped.append(MergedLearner(x["display_name"], x["id"], target))
                if target in local or target in in_file:
                    continue
                x["id"] = target  # the kept learner is not here yet: this record becomes it
                local.add(target)
            out.append(x)
        return out

    def _fold(self, merged_ids: list[str]) -> None:
        """Merge learners of this computer that the file says were merged into another."""
        for merged_id in merged_ids:
            row = self.conn.execute(select(t.learners).where(t.learners.c.id == merged_id)).first()
            if row is None:
                continue
            merged = to_learner(row)
            target = self.resolve(merged_id)
            kept_row = self.conn.execute(select(t.learners).where(t.learners.c.id == target)).first()
            if kept_row is None:  # the kept learner is not on this computer: this one becomes it
                kept = Learner(**{**learner_values(merged), "id": target})
                self.conn.execute(insert(t.learners).values(learner_values(kept)))
            else:
                kept = to_learner(kept_row)
            learnerdata.fold_learner(self.conn, merged, kept, utc_now(), record=False)
            self.report.folded.append(MergedLearner(merged.display_name, merged_id, target))

    def _map_rows(
        self,
        rows: list[dict[str, Any]],
        stamp: str,
        *,
        dropped: set[str] | None = None,
        skip_runs: set[str] | None = None,
    ) -> list[dict[str, Any]]:
        """Rows of learners still here, with merged ids mapped, without what came before a reset."""
        out: list[dict[str, Any]] = []
        for x in rows:
            original = x["learner_id"]
            target = self.resolve(original)
            if original in self.gone or target in self.gone:
                continue
            marks = [
                self.file_resets.get(original),
                self.resets.get(target),
                ResetMark(self.merges.get(original, ("", None))[1]),  # merges keep a moment only
            ]
            device, counter = x.get("origin_device"), x.get("origin_counter")
            covered = any(m.covers(x[stamp], device, counter) for m in marks if m)
            if covered or (skip_runs and x.get("quiz_run_id") in skip_runs):
                if dropped is not None:
                    dropped.add(x["id"])
                if stamp == "answered_at":
                    self.report.skipped_before_reset += 1
                continue
            if counter is None:  # a file from before counters: its computer's records, before counters
                x = {**x, "origin_device": device or self.legacy_device, "origin_counter": 0}
            out.append(x if target == original else {**x, "learner_id": target})
        return out

    # ---------------------------------------------------------------------------------------- records
    def _merge_classes(self, incoming: Any, local: dict[str, SchoolClass]) -> None:
        active_by_name: dict[str, SchoolClass] = {}
        for c in local.values():
            if not c.archived:
                active_by_name.setdefault(normalise_name(c.name), c)
        for c in incoming:
            old = local.get(c["id"])
            if old is None:
                twin = active_by_name.get(normalise_name(c["name"]))
                if twin is not None:
                    self.report.look_alikes.append(LookAlike("class", c["name"], None, twin.id, c["id"]))
                self.conn.execute(insert(t.classes).values(c))
                self._count("added", "classes")
            elif c["updated_at"] > old.updated_at and (c["name"], c["archived"]) != (old.name, old.archived):
                self.conn.execute(update(t.classes).where(t.classes.c.id == c["id"]).values(c))
                self._count("updated", "classes")
            else:
                self.report.unchanged += 1

    def _merge_learners(self, incoming: list[dict[str, Any]], classes: dict[str, SchoolClass]) -> None:
        local = {lr.id: lr for lr in (to_learner(r) for r in self.conn.execute(select(t.learners)))}

        def class_name(cid: str | None) -> str:
            return normalise_name(classes[cid].name) if cid in classes and cid is not None else ""

        by_name: dict[tuple[str, str], list[Learner]] = {}
        for lr in local.values():
            by_name.setdefault((normalise_name(lr.display_name), class_name(lr.class_id)), []).append(lr)
        for x in incoming:
            if x["class_id"] is not None and x["class_id"] not in classes:
                raise BundleError(
                    f"Learner {x['id']} belongs to class {x['class_id']}, which is not in the file."
                )
            old = local.get(x["id"])
            if old is None:
                same_name = by_name.get((normalise_name(x["display_name"]), class_name(x["class_id"])), [])
                twin = next((lr for lr in same_name if not _told_apart(lr, x)), None)
                if twin is not None:
                    cname = classes[x["class_id"]].name if x["class_id"] in classes else None
                    self.report.look_alikes.append(
                        LookAlike("learner", x["display_name"], cname, twin.id, x["id"])
                    )
                self.conn.execute(insert(t.learners).values(x))
                self._count("added", "learners")
                continue
            mine = ResetMark.of(old.progress_reset_at, old.progress_reset_seen)
            both = mine.combined(ResetMark.of(x["progress_reset_at"], x.get("progress_reset_seen")))
            newer_reset = both != mine  # the file's reset had seen (or, without counters, cleared) more
            reset_values = {"progress_reset_at": both.at, "progress_reset_seen": seen.dump(both.seen)}
            values = {**x, **reset_values}
            where = t.learners.c.id == x["id"]
            if x["updated_at"] > old.updated_at and learner_values(old) != {
                **values,
                "updated_at": old.updated_at,
            }:
                self.conn.execute(update(t.learners).where(where).values(values))
                self._count("updated", "learners")
            elif newer_reset:
                self.conn.execute(update(t.learners).where(where).values(reset_values))
                self._count("updated", "learners")
            else:
                self.report.unchanged += 1
            if newer_reset:
                learnerdata.clear_progress(self.conn, x["id"], both)
                self.report.reset.append(x["display_name"])

    def _existing(self, table: Table, ids: list[str]) -> dict[str, Row[Any]]:
        found: dict[str, Row[Any]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for row in self.conn.execute(select(table).where(table.c.id.in_(chunk))):
                found[row._mapping["id"]] = row
        return found

    def _require_learners(self, rows: list[dict[str, Any]], what: str) -> None:
        wanted = sorted({x["learner_id"] for x in rows})
        known: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            known.update(
                self.conn.execute(select(t.learners.c.id).where(t.learners.c.id.in_(chunk))).scalars()
            )
        missing = [w for w in wanted if w not in known]
        if missing:
            raise BundleError(f"The file has {what} of learner {missing[0]}, who is not in it.")

    def _merge_runs(self, incoming: list[dict[str, Any]]) -> None:
        self._require_learners(incoming, "quiz runs")
        old = self._existing(t.quiz_runs, [x["id"] for x in incoming])
        new_rows = []
        for x in incoming:
            row = old.get(x["id"])
            if row is None:
                new_rows.append(x)
            elif x["updated_at"] > row._mapping["updated_at"]:
                self.conn.execute(update(t.quiz_runs).where(t.quiz_runs.c.id == x["id"]).values(x))
                self._count("updated", "quiz_runs")
            else:
                self.report.unchanged += 1
        if new_rows:
            self.conn.execute(insert(t.quiz_runs), new_rows)
            self.report.added["quiz_runs"] = self.report.added.get("quiz_runs", 0) + len(new_rows)

    def _merge_attempts(self, incoming: list[dict[str, Any]]) -> None:
        self._require_learners(incoming, "answers")
        runs = sorted({x["quiz_run_id"] for x in incoming})
        known = set(self._existing(t.quiz_runs, runs))
        missing = [r for r in runs if r not in known]
        if missing:
            raise BundleError(f"The file has answers from quiz run {missing[0]}, which is not in it.")
        old = self._existing(t.attempts, [x["id"] for x in incoming])
        new_rows = list({x["id"]: x for x in incoming if x["id"] not in old}.values())
        self.report.unchanged += len(incoming) - len(new_rows)
        if new_rows:
            self.conn.execute(insert(t.attempts), new_rows)
            self.report.added["attempts"] = self.report.added.get("attempts", 0) + len(new_rows)

    def _merge_progress(self, incoming: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
        """Merge module progress; returns the (learner, pack, module) keys added or changed."""
        self._require_learners(incoming, "module progress")
        mp = t.module_progress.c
        touched: list[tuple[str, str, str]] = []
        for x in incoming:
            key = (
                mp.learner_id == x["learner_id"],
                mp.pack_id == x["pack_id"],
                mp.module_id == x["module_id"],
            )
            row = self._claim(t.module_progress, key, x)
            if row is None:
                self._count("added", "module_progress")
                touched.append((x["learner_id"], x["pack_id"], x["module_id"]))
                continue
            local = dict(row._mapping)
            merged = merge_progress(local, x)
            if merged != local:
                self.conn.execute(update(t.module_progress).where(*key).values(merged))
                self._count("updated", "module_progress")
                touched.append((x["learner_id"], x["pack_id"], x["module_id"]))
            else:
                self.report.unchanged += 1
        return touched

    def _merge_resume(self, incoming: list[dict[str, Any]]) -> None:
        self._require_learners(incoming, "resume points")
        rp = t.resume_points.c
        for x in incoming:
            key = (rp.learner_id == x["learner_id"],)
            row = self._claim(t.resume_points, key, x)
            if row is None:
                self._count("added", "resume_points")
            elif x["updated_at"] > row._mapping["updated_at"]:
                self.conn.execute(update(t.resume_points).where(*key).values(x))
                self._count("updated", "resume_points")
            else:
                self.report.unchanged += 1

    def _claim(self, table: Table, key: tuple[Any, ...], values: dict[str, Any]) -> Row[Any] | None:
        """The row of ``table`` at ``key``, locked until the merge commits; or None when there was none
        and ``values`` were inserted. On a school server a lab PC may create the same row (the learner's
        module progress or resume point, when the learner answers there while this file is imported)
        between the look and the insert: then the insert does nothing, and the PC's row is read and merged
        (a plain insert failed the whole import on the duplicate key)."""
        row = self._locked_row(table, key)
        if row is not None:
            return row
        keys = [column.name for column in table.primary_key.columns]
        statement = dialect_insert(self.conn.dialect.name, table).values(values)
        if self.conn.execute(statement.on_conflict_do_nothing(index_elements=keys)).rowcount == 1:
            return None
        row = self._locked_row(table, key)
        if row is None:  # pragma: no cover - a row that conflicted is kept until this transaction ends
            raise BundleError(f"A {table.name} record changed while the file was merged; import it again.")
        return row

    def _locked_row(self, table: Table, key: tuple[Any, ...]) -> Row[Any] | None:
        """The row at ``key``; on a server, locked so no PC changes it before the merge commits."""
        return self.conn.execute(select(table).where(*key).with_for_update()).first()
