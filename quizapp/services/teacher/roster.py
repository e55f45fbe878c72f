"""Class lists: adding many learners at once, merging two records of one child, resetting at term end.

The progress store has no operation to move answers between learners or to clear a learner's progress
while keeping them, so these are built from its public operations (see each function); a backup is taken
first, so a failure half-way can be undone from the backups list.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from quizapp.progress.records import Learner
from quizapp.progress.store import Store

_MOVED_TABLES = ("quiz_runs", "attempts", "module_progress")


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass(slots=True)
class AddedNames:
    added: list[Learner] = field(default_factory=list)
    already_there: list[str] = field(default_factory=list)


def add_learners(
    store: Store,
    names: Iterable[str],
    *,
    class_id: str | None,
    language: str = "en",
    avatars: Sequence[str] = (),
) -> AddedNames:
    """Add a learner for each name not already in the class (same name, ignoring case and spaces)."""
    result = AddedNames()
    existing = {_key(lr.display_name) for lr in store.list_learners(class_id, include_archived=True)}
    if class_id is None:
        existing = {_key(lr.display_name) for lr in store.list_learners() if lr.class_id is None}
    for name in names:
        key = _key(name)
        if key in existing:
            result.already_there.append(name)
            continue
        existing.add(key)
        avatar = avatars[len(existing) % len(avatars)] if avatars else ""
        result.added.append(
            store.create_learner(name, class_id=class_id, language=language, avatar_id=avatar)
        )
    return result


def merge_learners(store: Store, keep_id: str, merge_id: str) -> Learner:
    """Make one learner of two records of the same child: the answers and progress of ``merge_id`` move
    to ``keep_id`` and ``merge_id`` is deleted (results files holding it later are not imported again)."""
    if keep_id == merge_id:
        return store.get_learner(keep_id)
    keep = store.get_learner(keep_id)
    store.get_learner(merge_id)
    store.backup_now()
    snapshot = store.export_snapshot()
    moved: dict[str, list[dict[str, Any]]] = {"classes": [], "learners": []}
    for table in _MOVED_TABLES:
        rows = [dict(row) for row in snapshot.get(table, []) if row.get("learner_id") == merge_id]
        for row in rows:
            row["learner_id"] = keep_id
        moved[table] = rows
    store.delete_learner(merge_id)
    store.merge_snapshot(moved, source="merge")
    return keep


def reset_progress(store: Store, learner_ids: Iterable[str]) -> list[Learner]:
    """Start learners afresh for a new term: same name, class, picture, language and text size, no answers.

    Their records are replaced by new ones (new ids), so old results files never bring the answers back.
    Returns the new learner records, in the order given.
    """
    fresh: list[Learner] = []
    ids = list(learner_ids)
    if not ids:
        return fresh
    store.backup_now()
    for learner_id in ids:
        old = store.get_learner(learner_id)
        store.delete_learner(learner_id)
        new = store.create_learner(
            old.display_name,
            class_id=old.class_id,
            language=old.language,
            avatar_id=old.avatar_id,
            text_size=old.text_size,
        )
        if old.archived:
            new = store.archive_learner(new.id)
        fresh.append(new)
    return fresh
