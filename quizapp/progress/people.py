"""People and classes: ``store.people`` creates, finds, renames, moves, archives, merges, resets and deletes
learners and classes. Each method is one transaction; the batch methods (``create_learners``,
``move_learners``, ``archive_learners``, ``delete_learners``, ``reset_learners``, ``reset_class_progress``)
change many learners in one, so a class is changed whole or not at all. ``class_in`` and ``learner_in``
read one record inside a caller's transaction (the other parts use them too)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, delete, false, func, insert, select, update

from quizapp.progress import learnerdata, seen
from quizapp.progress import schema as t
from quizapp.progress.concurrency import retrying
from quizapp.progress.database import Database
from quizapp.progress.errors import DuplicateNameError, InvalidValueError, NotFoundError
from quizapp.progress.records import (
    DEFAULT_TEXT_SIZE,
    UNSET,
    Learner,
    NewLearner,
    SchoolClass,
    Unset,
    to_utc_iso,
    utc_now,
)
from quizapp.progress.rows import learner_values, to_class, to_learner
from quizapp.progress.values import (
    check_avatar,
    check_language,
    check_text_size,
    clean_detail,
    clean_name,
    new_id,
    normalise_name,
)

CLASS_NAMES_LOCK_KEY = 0x51434C53  # "QCLS": taken while a class name is checked and written (server)


def _after(stamp: str) -> str:
    """The moment one millisecond after an ISO stamp written by this store."""
    return to_utc_iso(datetime.fromisoformat(stamp) + timedelta(milliseconds=1))


def _active_class_named(conn: Connection, name: str, exclude_id: str | None = None) -> str | None:
    """The id of the class not archived with this name (compared as ``normalise_name`` does), if any."""
    wanted = normalise_name(name)
    rows = conn.execute(select(t.classes.c.id, t.classes.c.name).where(t.classes.c.archived == false()))
    for cid, cname in rows:
        if cid != exclude_id and normalise_name(cname) == wanted:
            return str(cid)
    return None


def class_in(conn: Connection, class_id: str) -> SchoolClass:
    """The class, read in the caller's transaction; ``NotFoundError`` when there is none."""
    row = conn.execute(select(t.classes).where(t.classes.c.id == class_id)).first()
    if row is None:
        raise NotFoundError(f"There is no class with id {class_id}.")
    return to_class(row)


def learner_in(conn: Connection, learner_id: str) -> Learner:
    """The learner, read in the caller's transaction; ``NotFoundError`` when there is none."""
    row = conn.execute(select(t.learners).where(t.learners.c.id == learner_id)).first()
    if row is None:
        raise NotFoundError(f"There is no learner with id {learner_id}.")
    return to_learner(row)


class People:
    """``store.people``: classes and learners."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @retrying
    def create_class(self, name: str) -> SchoolClass:
        """Add a class. ``DuplicateNameError`` if a class not archived already has that name."""
        name = clean_name(name, "class name", 100)
        now = utc_now()
        cid = new_id()
        with self._db.write() as conn:
            self._db.lock_on_server(conn, CLASS_NAMES_LOCK_KEY)
            if _active_class_named(conn, name):
                raise DuplicateNameError(f"There is already a class called {name!r}.")
            conn.execute(
                insert(t.classes).values(id=cid, name=name, archived=False, created_at=now, updated_at=now)
            )
        return SchoolClass(cid, name, False, now, now)

    def list_classes(self, *, include_archived: bool = False) -> list[SchoolClass]:
        """Classes sorted by name."""
        query = select(t.classes)
        if not include_archived:
            query = query.where(t.classes.c.archived == false())
        with self._db.read() as conn:
            found = [to_class(r) for r in conn.execute(query)]
        return sorted(found, key=lambda c: (normalise_name(c.name), c.id))

    def get_class(self, class_id: str) -> SchoolClass:
        """The class; ``NotFoundError`` if there is none with that id."""
        with self._db.read() as conn:
            return class_in(conn, class_id)

    def find_class(self, name: str) -> SchoolClass | None:
        """The class not archived with that name (case and spacing ignored), or None."""
        with self._db.read() as conn:
            cid = _active_class_named(conn, name)
            return None if cid is None else class_in(conn, cid)

    @retrying
    def rename_class(self, class_id: str, name: str) -> SchoolClass:
        name = clean_name(name, "class name", 100)
        with self._db.write() as conn:
            self._db.lock_on_server(conn, CLASS_NAMES_LOCK_KEY)
            class_in(conn, class_id)
            if _active_class_named(conn, name, exclude_id=class_id):
                raise DuplicateNameError(f"There is already a class called {name!r}.")
            conn.execute(
                update(t.classes).where(t.classes.c.id == class_id).values(name=name, updated_at=utc_now())
            )
            return class_in(conn, class_id)

    @retrying
    def archive_class(self, class_id: str, archived: bool = True) -> SchoolClass:
        """Archive (or with ``archived=False`` bring back) a class. Its learners stay in it."""
        with self._db.write() as conn:
            self._db.lock_on_server(conn, CLASS_NAMES_LOCK_KEY)
            current = class_in(conn, class_id)
            if not archived and _active_class_named(conn, current.name, exclude_id=class_id):
                raise DuplicateNameError(
                    f"Another class is now called {current.name!r}; "
                    "rename one of them before bringing this back."
                )
            conn.execute(
                update(t.classes)
                .where(t.classes.c.id == class_id)
                .values(archived=archived, updated_at=utc_now())
            )
            return class_in(conn, class_id)

    @retrying
    def create_learner(
        self,
        display_name: str,
        *,
        class_id: str | None = None,
        language: str = "en",
        avatar_id: str = "",
        text_size: int = DEFAULT_TEXT_SIZE,
        father_name: str = "",
        roll_number: str = "",
    ) -> Learner:
        """Add a learner. ``display_name`` is a name or nickname (1-60 characters); ``father_name`` (up to
        60) and ``roll_number`` (up to 20 characters) tell apart children of the same name."""
        learner = Learner(
            id=new_id(),
            display_name=clean_name(display_name, "name", 60),
            class_id=class_id,
            language=check_language(language),
            avatar_id=check_avatar(avatar_id),
            text_size=check_text_size(text_size),
            archived=False,
            created_at=utc_now(),
            updated_at=utc_now(),
            father_name=clean_detail(father_name, 60),
            roll_number=clean_detail(roll_number, 20),
        )
        with self._db.write() as conn:
            if class_id is not None:
                class_in(conn, class_id)
            conn.execute(insert(t.learners).values(learner_values(learner)))
        return learner

    @retrying
    def create_learners(
        self,
        people: Sequence[tuple[str, str] | NewLearner],
        *,
        class_id: str | None = None,
        language: str = "en",
    ) -> list[Learner]:
        """Add many learners, given as (name, avatar id) pairs or :class:`NewLearner`, in one transaction:
        all or none (a bad name, picture or class raises before anything is written). Adding a school's
        roster one commit per learner takes minutes with ``synchronous=FULL``."""
        now = utc_now()
        language = check_language(language)
        wanted = [p if isinstance(p, NewLearner) else NewLearner(p[0], p[1]) for p in people]
        learners = [
            Learner(
                id=new_id(),
                display_name=clean_name(person.display_name, "name", 60),
                class_id=person.class_id or class_id,
                language=language,
                avatar_id=check_avatar(person.avatar_id),
                text_size=DEFAULT_TEXT_SIZE,
                archived=False,
                created_at=now,
                updated_at=now,
                father_name=clean_detail(person.father_name, 60),
                roll_number=clean_detail(person.roll_number, 20),
            )
            for person in wanted
        ]
        if learners:
            with self._db.write() as conn:
                for cid in {learner.class_id for learner in learners} - {None}:
                    class_in(conn, cid)  # type: ignore[arg-type]
                conn.execute(insert(t.learners), [learner_values(learner) for learner in learners])
        return learners

    def list_learners(self, class_id: str | None = None, *, include_archived: bool = False) -> list[Learner]:
        """Learners sorted by name; only those of ``class_id`` when given."""
        query = select(t.learners)
        if class_id is not None:
            query = query.where(t.learners.c.class_id == class_id)
        if not include_archived:
            query = query.where(t.learners.c.archived == false())
        with self._db.read() as conn:
            found = [to_learner(r) for r in conn.execute(query)]
        return sorted(found, key=lambda x: (normalise_name(x.display_name), x.id))

    def get_learner(self, learner_id: str) -> Learner:
        """The learner; ``NotFoundError`` if there is none with that id."""
        with self._db.read() as conn:
            return learner_in(conn, learner_id)

    def update_learner(
        self,
        learner_id: str,
        *,
        display_name: str | Unset = UNSET,
        class_id: str | Unset | None = UNSET,
        language: str | Unset = UNSET,
        avatar_id: str | Unset = UNSET,
        text_size: int | Unset = UNSET,
        father_name: str | Unset = UNSET,
        roll_number: str | Unset = UNSET,
    ) -> Learner:
        """Change the fields given; ``class_id=None`` takes the learner out of any class."""
        values: dict[str, Any] = {}
        if not isinstance(display_name, Unset):
            values["display_name"] = clean_name(display_name, "name", 60)
        if not isinstance(father_name, Unset):
            values["father_name"] = clean_detail(father_name, 60)
        if not isinstance(roll_number, Unset):
            values["roll_number"] = clean_detail(roll_number, 20)
        if not isinstance(language, Unset):
            values["language"] = check_language(language)
        if not isinstance(avatar_id, Unset):
            values["avatar_id"] = check_avatar(avatar_id)
        if not isinstance(text_size, Unset):
            values["text_size"] = check_text_size(text_size)
        with self._db.write() as conn:
            learner_in(conn, learner_id)
            if not isinstance(class_id, Unset):
                if class_id is not None:
                    class_in(conn, class_id)
                values["class_id"] = class_id
            if values:
                values["updated_at"] = utc_now()
                conn.execute(update(t.learners).where(t.learners.c.id == learner_id).values(values))
            return learner_in(conn, learner_id)

    def archive_learner(self, learner_id: str, archived: bool = True) -> Learner:
        """Hide a learner from lists but keep every answer (``archived=False`` brings them back)."""
        with self._db.write() as conn:
            learner_in(conn, learner_id)
            conn.execute(
                update(t.learners)
                .where(t.learners.c.id == learner_id)
                .values(archived=archived, updated_at=utc_now())
            )
            return learner_in(conn, learner_id)

    def delete_learner(self, learner_id: str) -> None:
        """Delete a learner with all their answers, progress, resume point and settings (keys ending in
        ``:<learner id>``, see ``Settings.learner_key``), in one transaction. Importing an old results
        file later does not bring them back."""
        with self._db.write() as conn:
            learner_in(conn, learner_id)
            learnerdata.delete_before(conn, learner_id, None)
            learnerdata.delete_settings(conn, learner_id)
            conn.execute(delete(t.learners).where(t.learners.c.id == learner_id))
            exists = conn.execute(
                select(t.deleted_records.c.id).where(
                    t.deleted_records.c.kind == "learner", t.deleted_records.c.id == learner_id
                )
            ).first()
            if exists is None:
                conn.execute(
                    insert(t.deleted_records).values(kind="learner", id=learner_id, deleted_at=utc_now())
                )
        self._db.forget_runs({learner_id})

    def merge_learners(self, keep_id: str, merge_id: str) -> Learner:
        """Make one learner of two records of the same child, in one transaction; returns the kept learner.

        ``merge_id``'s quiz runs and answers move to ``keep_id``; module progress is combined (read or
        passed on either stays so, the newer position) and best scores are recomputed from every quiz run;
        the newer resume point is kept; settings of ``merge_id`` move where ``keep_id`` has none. Anything of
        ``merge_id`` from before ``keep_id``'s last progress reset is dropped, as an import would drop it.
        ``merge_id`` is then removed and remembered: a results or roster file that still holds it later
        adds its records to ``keep_id``, and files exported from here tell other computers about the merge.
        ``InvalidValueError`` when both ids are the same, ``NotFoundError`` when either is unknown.
        """
        if keep_id == merge_id:
            raise InvalidValueError(
                "A learner cannot be merged with themselves: choose two different learners."
            )
        with self._db.write() as conn:
            kept = learner_in(conn, keep_id)
            merged = learner_in(conn, merge_id)
            learnerdata.fold_learner(conn, merged, kept, utc_now())
            result = learner_in(conn, keep_id)
        self._db.forget_runs({merge_id})
        return result

    def _reset(self, conn: Connection, learner_ids: list[str]) -> None:
        """Clear the learners' progress and record what the reset had seen: per device, the highest counter
        of the learner's records here (this device: the reset's own counter), joined with what earlier
        resets had seen. Other computers clear by that, not by the clock (see seen.py). The moment is for
        display, and for files without counters; it is never earlier than a record cleared here."""
        now = to_utc_iso(self._db.clock())
        origin = self._db.origin(conn)
        a, r = t.attempts.c, t.quiz_runs.c
        for learner_id in learner_ids:
            stamps = [
                conn.execute(select(func.max(a.answered_at)).where(a.learner_id == learner_id)).scalar(),
                conn.execute(select(func.max(r.updated_at)).where(r.learner_id == learner_id)).scalar(),
            ]
            newest = max((str(v) for v in stamps if v is not None), default="")
            mark = max(now, _after(newest)) if newest else now
            old = conn.execute(
                select(t.learners.c.progress_reset_seen).where(t.learners.c.id == learner_id)
            ).scalar()
            vector = seen.join(seen.parse(old), learnerdata.counters_held(conn, learner_id)) or {}
            vector[origin["origin_device"]] = origin["origin_counter"]
            learnerdata.clear_progress(conn, learner_id, None)
            conn.execute(
                update(t.learners)
                .where(t.learners.c.id == learner_id)
                .values(
                    progress_reset_at=mark,
                    progress_reset_seen=seen.dump(vector),
                    updated_at=max(now, mark),
                )
            )

    def reset_progress(self, learner_id: str) -> Learner:
        """Clear a learner's quiz runs, answers, module progress and resume point in one transaction,
        keeping the learner (same id, name, class, picture, language, text size and settings).

        The moment is kept as ``Learner.progress_reset_at``: a results file holding older answers does not
        bring them back, and a roster or results file exported from here clears them on other computers.
        """
        with self._db.write() as conn:
            learner_in(conn, learner_id)
            self._reset(conn, [learner_id])
            result = learner_in(conn, learner_id)
        self._db.forget_runs({learner_id})
        return result

    def reset_class_progress(self, class_id: str) -> list[Learner]:
        """``reset_progress`` for every learner of a class (archived ones too), in one transaction; returns
        the learners sorted by name."""
        with self._db.write() as conn:
            class_in(conn, class_id)
            ids = list(
                conn.execute(select(t.learners.c.id).where(t.learners.c.class_id == class_id)).scalars()
            )
            self._reset(conn, ids)
            found = [
                to_learner(r)
                for r in conn.execute(select(t.learners).where(t.learners.c.class_id == class_id))
            ]
        self._db.forget_runs(set(ids))
        return sorted(found, key=lambda x: (normalise_name(x.display_name), x.id))

    # ------------------------------------------------------------------ many learners, one transaction
    def move_learners(self, learner_ids: Sequence[str], class_id: str | None) -> list[Learner]:
        """Move several learners into a class (None: no class) in one transaction: all move, or (an unknown
        learner or class) none; returns them in the order given."""
        with self._db.write():
            return [self.update_learner(learner_id, class_id=class_id) for learner_id in learner_ids]

    def archive_learners(self, archived: Mapping[str, bool]) -> list[Learner]:
        """Archive (True) or bring back (False) several learners, by id, in one transaction."""
        with self._db.write():
            return [self.archive_learner(learner_id, value) for learner_id, value in archived.items()]

    def delete_learners(self, learner_ids: Sequence[str]) -> None:
        """``delete_learner`` for several learners in one transaction: all are removed, or none."""
        with self._db.write():
            for learner_id in learner_ids:
                self.delete_learner(learner_id)

    def reset_learners(self, learner_ids: Sequence[str]) -> list[Learner]:
        """``reset_progress`` for several learners (such as those in no class) in one transaction; returns
        them in the order given."""
        with self._db.write() as conn:
            found = [learner_in(conn, learner_id) for learner_id in learner_ids]
            self._reset(conn, [learner.id for learner in found])
            result = [learner_in(conn, learner.id) for learner in found]
        self._db.forget_runs(set(learner_ids))
        return result
