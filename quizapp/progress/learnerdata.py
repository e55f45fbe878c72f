"""Everything the database holds about one learner, and the operations that clear or move all of it at once:
resetting progress, merging two learners into one, removing a learner's settings.

Each function runs inside the caller's transaction (the store's write transaction, or the merge of a
results file), so each store operation built from them is all-or-nothing. Queries are portable SQLAlchemy
Core, like the rest of the store.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, delete, func, insert, or_, select, update

from quizapp.progress import schema as t
from quizapp.progress.records import Learner
from quizapp.progress.seen import ResetMark

Key = tuple[str, str]  # (pack id, module id)


# ---------------------------------------------------------------------------------------------- settings
def setting_keys(conn: Connection, learner_id: str) -> list[str]:
    """Keys of the settings about one learner: those ending in ``:<learner id>``."""
    key = t.settings.c.key
    found = conn.execute(select(key).where(key.endswith(f":{learner_id}", autoescape=True))).scalars()
    return [str(k) for k in found]


def delete_settings(conn: Connection, learner_id: str) -> None:
    keys = setting_keys(conn, learner_id)
    if keys:
        conn.execute(delete(t.settings).where(t.settings.c.key.in_(keys)))


def move_settings(conn: Connection, from_id: str, to_id: str) -> None:
    """Give ``to_id`` the settings of ``from_id`` it does not have itself; drop the rest."""
    key = t.settings.c.key
    for old in setting_keys(conn, from_id):
        new = old[: -len(from_id)] + to_id
        taken = conn.execute(select(key).where(key == new)).first() is not None
        if taken:
            conn.execute(delete(t.settings).where(key == old))
        else:
            conn.execute(update(t.settings).where(key == old).values(key=new))


# ------------------------------------------------------------------------------------------------ merges
def merge_map(conn: Connection) -> dict[str, tuple[str, str | None]]:
    """Merged learner id -> (the kept learner's id, the merged learner's reset moment)."""
    m = t.learner_merges.c
    return {str(a): (str(b), c) for a, b, c in conn.execute(select(m.merged_id, m.kept_id, m.reset_at))}


def record_merge(
    conn: Connection, merged_id: str, kept_id: str, merged_at: str, reset_at: str | None
) -> None:
    """Remember that ``merged_id`` is now ``kept_id``; learners merged into ``merged_id`` before now point
    to ``kept_id`` too, so the table never holds a chain."""
    m = t.learner_merges.c
    conn.execute(delete(t.learner_merges).where(m.merged_id == merged_id))
    conn.execute(
        insert(t.learner_merges).values(
            merged_id=merged_id, kept_id=kept_id, merged_at=merged_at, reset_at=reset_at
        )
    )
    conn.execute(update(t.learner_merges).where(m.kept_id == merged_id).values(kept_id=kept_id))


# -------------------------------------------------------------------------------------- clearing progress
def counters_held(conn: Connection, learner_id: str) -> dict[str, int]:
    """Per device, the highest counter among the learner's records here: what a reset made now has seen."""
    out: dict[str, int] = {}
    for table in (t.attempts, t.quiz_runs, t.module_progress, t.resume_points):
        c = table.c
        query = (
            select(c.origin_device, func.max(c.origin_counter))
            .where(c.learner_id == learner_id)
            .group_by(c.origin_device)
        )
        for device, counter in conn.execute(query):
            if device:
                out[str(device)] = max(out.get(str(device), 0), int(counter))
    return out


def delete_before(conn: Connection, learner_id: str, reset: ResetMark | None) -> None:
    """Delete a learner's quiz runs (with their answers), answers, module progress and resume point; with
    ``reset``, only what it covers (see ``seen.ResetMark``: what it had seen, or for records and resets
    without counters, what is older than its moment)."""
    r, a = t.quiz_runs.c, t.attempts.c
    if reset is None:
        for table in (t.attempts, t.quiz_runs, t.module_progress, t.resume_points):
            conn.execute(delete(table).where(table.c.learner_id == learner_id))
        return
    if not reset:
        return
    old_runs = select(r.id).where(r.learner_id == learner_id, reset.condition(t.quiz_runs, "started_at"))
    conn.execute(
        delete(t.attempts).where(
            a.learner_id == learner_id,
            or_(reset.condition(t.attempts, "answered_at"), a.quiz_run_id.in_(old_runs)),
        )
    )
    conn.execute(
        delete(t.quiz_runs).where(r.learner_id == learner_id, reset.condition(t.quiz_runs, "started_at"))
    )
    for table in (t.module_progress, t.resume_points):
        conn.execute(
            delete(table).where(table.c.learner_id == learner_id, reset.condition(table, "updated_at"))
        )


def clear_progress(conn: Connection, learner_id: str, reset: ResetMark | None) -> None:
    """``delete_before``, then module results recomputed from the quiz runs that are left (so a module
    passed only before the reset is no longer passed)."""
    delete_before(conn, learner_id, reset)
    if reset is not None:
        recompute_results(conn, learner_id, None, only_runs=True)


def recompute_results(
    conn: Connection, learner_id: str, keys: Iterable[Key] | None, *, only_runs: bool
) -> None:
    """Set best score, passed and completed_at of a learner's modules (``keys``, or all) from their finished
    quiz runs. ``only_runs=False`` keeps a better result the module record already has. A module whose
    current quiz run no longer exists loses that position (it starts a new quiz next time)."""
    r, mp = t.quiz_runs.c, t.module_progress.c
    wanted = None if keys is None else set(keys)
    runs: dict[Key, list[Any]] = {}
    run_ids: set[str] = set()
    for run_id, pack, module, score, passed, finished in conn.execute(
        select(r.id, r.pack_id, r.module_id, r.score_percent, r.passed, r.finished_at).where(
            r.learner_id == learner_id, r.kind == "quiz"
        )
    ):
        run_ids.add(run_id)
        if finished is None:
            continue
        best, any_passed, completed = runs.setdefault((pack, module), [None, False, None])
        if score is not None:
            best = float(score) if best is None else max(best, float(score))
        if passed:
            any_passed = True
            completed = finished if completed is None else min(completed, finished)
        runs[(pack, module)] = [best, any_passed, completed]
    for row in conn.execute(select(t.module_progress).where(mp.learner_id == learner_id)).all():
        old = dict(row._mapping)
        key = (old["pack_id"], old["module_id"])
        if wanted is not None and key not in wanted:
            continue
        best, passed, completed = runs.get(key, [None, False, None])
        new = dict(old)
        if only_runs:
            new.update(best_score=best, passed=passed, completed_at=completed)
        else:
            scores = [s for s in (old["best_score"], best) if s is not None]
            done = [c for c in (old["completed_at"], completed) if c is not None]
            new.update(
                best_score=max(scores) if scores else None,
                passed=bool(old["passed"]) or passed,
                completed_at=min(done) if done else None,
            )
        if new["quiz_run_id"] is not None and new["quiz_run_id"] not in run_ids:
            new.update(
                quiz_state="finished" if key in runs else "not_started",
                quiz_run_id=None,
                question_order="[]",
                question_index=0,
            )
        if new != old:
            conn.execute(
                update(t.module_progress)
                .where(mp.learner_id == learner_id, mp.pack_id == key[0], mp.module_id == key[1])
                .values(new)
            )


# --------------------------------------------------------------------------------------------- merging
def merge_progress(local: dict[str, Any], incoming: dict[str, Any]) -> dict[str, Any]:
    """Combine two records of the same learner and module: the newer one's position, but a module read or
    passed on either computer stays read or passed, with the best score of both. Merging is idempotent."""
    newer = incoming if incoming["updated_at"] > local["updated_at"] else local
    merged = dict(newer)
    merged["lesson_read"] = bool(local["lesson_read"]) or bool(incoming["lesson_read"])
    merged["passed"] = bool(local["passed"]) or bool(incoming["passed"])
    scores = [s for s in (local["best_score"], incoming["best_score"]) if s is not None]
    merged["best_score"] = max(scores) if scores else None
    done = [c for c in (local["completed_at"], incoming["completed_at"]) if c is not None]
    merged["completed_at"] = min(done) if done else None
    merged["updated_at"] = max(local["updated_at"], incoming["updated_at"])
    return merged


def fold_learner(conn: Connection, merged: Learner, kept: Learner, now: str, *, record: bool = True) -> None:
    """Move everything of ``merged`` to ``kept`` and remove ``merged`` (see ``store.people.merge_learners``).

    ``record=False`` when the merge is already recorded (it came in a results or roster file).
    """
    kept_reset = ResetMark.of(kept.progress_reset_at, kept.progress_reset_seen)
    if kept_reset:
        delete_before(conn, merged.id, kept_reset)
    a, r, mp, rp = t.attempts.c, t.quiz_runs.c, t.module_progress.c, t.resume_points.c
    moved: set[Key] = {
        (p, m) for p, m in conn.execute(select(r.pack_id, r.module_id).where(r.learner_id == merged.id))
    }
    conn.execute(update(t.quiz_runs).where(r.learner_id == merged.id).values(learner_id=kept.id))
    conn.execute(update(t.attempts).where(a.learner_id == merged.id).values(learner_id=kept.id))
    for row in conn.execute(select(t.module_progress).where(mp.learner_id == merged.id)).all():
        theirs = dict(row._mapping)
        key = (theirs["pack_id"], theirs["module_id"])
        moved.add(key)
        where = (mp.learner_id == kept.id, mp.pack_id == key[0], mp.module_id == key[1])
        mine = conn.execute(select(t.module_progress).where(*where)).first()
        if mine is None:
            conn.execute(
                update(t.module_progress)
                .where(mp.learner_id == merged.id, mp.pack_id == key[0], mp.module_id == key[1])
                .values(learner_id=kept.id)
            )
            continue
        combined = {**merge_progress(dict(mine._mapping), theirs), "learner_id": kept.id}
        conn.execute(update(t.module_progress).where(*where).values(combined))
    conn.execute(delete(t.module_progress).where(mp.learner_id == merged.id))
    recompute_results(conn, kept.id, moved, only_runs=kept.progress_reset_at is not None)
    theirs_rp = conn.execute(select(rp.updated_at).where(rp.learner_id == merged.id)).scalar_one_or_none()
    mine_rp = conn.execute(select(rp.updated_at).where(rp.learner_id == kept.id)).scalar_one_or_none()
    if theirs_rp is not None and (mine_rp is None or theirs_rp > mine_rp):
        conn.execute(delete(t.resume_points).where(rp.learner_id == kept.id))
        conn.execute(update(t.resume_points).where(rp.learner_id == merged.id).values(learner_id=kept.id))
    else:
        conn.execute(delete(t.resume_points).where(rp.learner_id == merged.id))
    move_settings(conn, merged.id, kept.id)
    conn.execute(delete(t.learners).where(t.learners.c.id == merged.id))
    if record:
        record_merge(conn, merged.id, kept.id, now, merged.progress_reset_at)
