"""Class lists: adding many learners at once (typed or read from a file of names), merging two records of one
child, and resetting progress at the end of a term.

Merging and resetting are single transactions of the progress store (``Store.merge_learners``,
``Store.reset_progress``, ``Store.reset_class_progress``): a learner keeps their id, so rosters and results
files keep matching them on every computer. A backup is taken first, so the teacher can go back by hand.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from quizapp.progress.records import Learner
from quizapp.progress.store import Store
from quizapp.services.names import clean_name

MAX_NAME_LENGTH = 60


def _key(name: str) -> str:
    return clean_name(name).casefold()


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
    """Add a learner for each name not already in the class (same name, ignoring case and spaces), all in
    one transaction."""
    result = AddedNames()
    existing = {_key(lr.display_name) for lr in store.list_learners(class_id, include_archived=True)}
    if class_id is None:
        existing = {_key(lr.display_name) for lr in store.list_learners() if lr.class_id is None}
    new: list[tuple[str, str]] = []
    for typed in names:
        name = clean_name(typed)
        key = _key(name)
        if not name:
            continue
        if key in existing:
            result.already_there.append(typed)
            continue
        existing.add(key)
        avatar = avatars[len(existing) % len(avatars)] if avatars else ""
        new.append((name, avatar))
    result.added.extend(store.create_learners(new, class_id=class_id, language=language))
    return result


def merge_learners(store: Store, keep_id: str, merge_id: str) -> Learner:
    """Make one learner of two records of the same child (see ``Store.merge_learners``): ``merge_id``'s
    answers and progress move to ``keep_id``, and results files that still name ``merge_id`` add to
    ``keep_id`` from now on. Returns the kept learner."""
    if keep_id == merge_id:
        return store.get_learner(keep_id)
    store.backup_now()
    return store.merge_learners(keep_id, merge_id)


def reset_learner(store: Store, learner_id: str) -> Learner:
    """Start one learner afresh for a new term (see ``Store.reset_progress``): the same learner with the
    same id, name, class, picture, language and text size, and no answers, progress or resume point.
    Results files holding their older answers do not bring them back."""
    store.backup_now()
    return store.reset_progress(learner_id)


def reset_class(store: Store, class_id: str) -> list[Learner]:
    """``reset_learner`` for every learner of a class (archived ones too), all at once."""
    store.backup_now()
    return store.reset_class_progress(class_id)


def reset_learners(store: Store, learner_ids: list[str]) -> list[Learner]:
    """``reset_learner`` for several learners (such as those in no class) after one backup."""
    store.backup_now()
    return [store.reset_progress(learner_id) for learner_id in learner_ids]


# ------------------------------------------------------------------------------------------- names
@dataclass(slots=True)
class NameList:
    """Names read from a file, and the lines that were left out with why."""

    names: list[str] = field(default_factory=list)
    skipped: list[tuple[int, str, str]] = field(default_factory=list)  # (line, text, reason code)


_HEADER_WORDS = {
    "name",
    "names",
    "learner",
    "learners",
    "student",
    "students",
    "pupil",
    "display_name",
    "نام",
}


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(
            "the file is not UTF-8 text; save it again as 'CSV UTF-8' (or UTF-8 text) and try again"
        ) from exc


def read_names(path: Path) -> NameList:
    """Learner names from a .csv (the column headed 'name', else the first column) or a .txt file (one name
    a line). Raises ``ValueError`` with a readable message when the file cannot be read."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ValueError(f"the file cannot be read: {exc.strerror or exc}") from exc
    text = _decode(data)
    result = NameList()
    seen: set[str] = set()
    rows: list[list[str]]
    if Path(path).suffix.lower() == ".csv":
        try:
            dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        rows = list(csv.reader(io.StringIO(text), dialect))
    else:
        rows = [[line] for line in text.splitlines()]
    column = 0
    start = 0
    if rows:
        header = [cell.strip().casefold() for cell in rows[0]]
        for position, cell in enumerate(header):
            if cell in _HEADER_WORDS:
                column, start = position, 1
                break
    for number, cells in enumerate(rows[start:], start + 1):
        raw = cells[column] if column < len(cells) else ""
        name = " ".join(raw.split())
        if not name:
            continue
        if len(name) > MAX_NAME_LENGTH:
            result.skipped.append((number, name, "too_long"))
            continue
        key = name.casefold()
        if key in seen:
            result.skipped.append((number, name, "repeated"))
            continue
        seen.add(key)
        result.names.append(name)
    return result
