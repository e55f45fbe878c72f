"""Where each learner is: module progress (lesson read and position, quiz state, best score, passed) and
the resume point the app opens at. ``store.progress`` reads and sets them; the quiz runs part
(:mod:`quizapp.progress.runs`) moves them on as answers are saved, in the same transaction, through
``save_progress`` and ``save_resume``."""

from __future__ import annotations

from sqlalchemy import Connection, delete, select

from quizapp.progress import schema as t
from quizapp.progress.concurrency import retrying
from quizapp.progress.database import Database
from quizapp.progress.errors import InvalidValueError
from quizapp.progress.people import learner_in
from quizapp.progress.records import STAGES, ModuleProgress, ResumePoint, Stage
from quizapp.progress.rows import progress_values, to_progress, to_resume
from quizapp.progress.values import check_slug, check_version


def progress_row(
    conn: Connection, learner_id: str, pack_id: str, module_id: str, *, lock: bool = False
) -> ModuleProgress:
    """A module's progress, read in the caller's transaction (an empty record when never opened).

    ``lock``: read it to change it (on a server, another PC changing the same learner's module waits for
    this transaction instead of overwriting it with what it read before; SQLite ignores it)."""
    mp = t.module_progress.c
    query = select(t.module_progress).where(
        mp.learner_id == learner_id, mp.pack_id == pack_id, mp.module_id == module_id
    )
    row = conn.execute(query.with_for_update() if lock else query).first()
    return ModuleProgress(learner_id, pack_id, module_id) if row is None else to_progress(row)


def save_progress(db: Database, conn: Connection, p: ModuleProgress, *, exists: bool, now: str) -> None:
    """Write a module's progress in the caller's transaction, stamped with this write's origin."""
    # an upsert whatever ``exists`` says: another PC may have made the row since it was read
    conn.execute(db.upsert_progress, {**progress_values(p, now), **db.origin(conn)})


def save_resume(
    db: Database,
    conn: Connection,
    learner_id: str,
    pack_id: str,
    module_id: str,
    stage: Stage,
    position: int,
    now: str,
) -> None:
    """Set the learner's resume point in the caller's transaction."""
    conn.execute(  # one statement, and no "both PCs saw no row, both inserted" on a server
        db.upsert_resume,
        {
            "learner_id": learner_id,
            "pack_id": pack_id,
            "module_id": module_id,
            "stage": stage,
            "position": position,
            "updated_at": now,
            **db.origin(conn),
        },
    )


class ModuleProgressPart:
    """``store.progress``: module progress, lesson positions and resume points."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get_module_progress(self, learner_id: str, pack_id: str, module_id: str) -> ModuleProgress:
        """The learner's progress in a module (an empty "not started" record when never opened)."""
        with self._db.read() as conn:
            return progress_row(conn, learner_id, pack_id, module_id)

    def list_module_progress(self, learner_id: str, *, pack_id: str | None = None) -> list[ModuleProgress]:
        mp = t.module_progress.c
        query = select(t.module_progress).where(mp.learner_id == learner_id)
        if pack_id is not None:
            query = query.where(mp.pack_id == pack_id)
        with self._db.read() as conn:
            return [to_progress(r) for r in conn.execute(query.order_by(mp.pack_id, mp.module_id))]

    @retrying
    def save_lesson_position(
        self,
        learner_id: str,
        pack_id: str,
        pack_version: str,
        module_id: str,
        position: int,
        *,
        read: bool = False,
    ) -> ModuleProgress:
        """Remember the lesson section reached (``read=True`` once the whole lesson was read) and move the
        resume point there."""
        if position < 0:
            raise InvalidValueError("A lesson position cannot be negative.")
        check_slug(pack_id, "pack id")
        check_slug(module_id, "module id")
        check_version(pack_version)
        now = self._db.now()
        with self._db.write() as conn:
            learner_in(conn, learner_id)
            old = progress_row(conn, learner_id, pack_id, module_id, lock=True)
            new = ModuleProgress(
                learner_id=learner_id,
                pack_id=pack_id,
                module_id=module_id,
                pack_version=pack_version,
                lesson_read=old.lesson_read or read,
                lesson_position=position,
                quiz_state=old.quiz_state,
                quiz_run_id=old.quiz_run_id,
                question_order=old.question_order,
                question_index=old.question_index,
                best_score=old.best_score,
                passed=old.passed,
                completed_at=old.completed_at,
            )
            save_progress(self._db, conn, new, exists=old.updated_at is not None, now=now)
            save_resume(self._db, conn, learner_id, pack_id, module_id, "lesson", position, now)
            return progress_row(conn, learner_id, pack_id, module_id)

    def get_resume_point(self, learner_id: str) -> ResumePoint | None:
        with self._db.read() as conn:
            row = conn.execute(
                select(t.resume_points).where(t.resume_points.c.learner_id == learner_id)
            ).first()
            return None if row is None else to_resume(row)

    @retrying
    def set_resume_point(
        self, learner_id: str, pack_id: str, module_id: str, stage: Stage, position: int = 0
    ) -> ResumePoint:
        if stage not in STAGES:
            raise InvalidValueError(f"Unknown stage {stage!r}; use lesson, quiz or results.")
        if position < 0:
            raise InvalidValueError("A position cannot be negative.")
        check_slug(pack_id, "pack id")
        check_slug(module_id, "module id")
        now = self._db.now()
        with self._db.write() as conn:
            learner_in(conn, learner_id)
            save_resume(self._db, conn, learner_id, pack_id, module_id, stage, position, now)
        return ResumePoint(learner_id, pack_id, module_id, stage, position, now)

    def clear_resume_point(self, learner_id: str) -> None:
        with self._db.write() as conn:
            conn.execute(delete(t.resume_points).where(t.resume_points.c.learner_id == learner_id))
