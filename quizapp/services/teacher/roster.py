"""Class lists: adding many learners at once (typed, or from a register read by ``class_list``), merging
two records of one child, and resetting progress at the end of a term.

Adding, merging and resetting are single transactions of the progress store (``store.batch``,
``store.people.merge_learners``, ``reset_progress``, ``reset_learners``, ``reset_class_progress``): a learner
keeps their id, so rosters and results files keep matching them on every computer. A backup is taken before
a merge or a reset, so the teacher can go back by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from quizapp.progress.errors import DuplicateNameError
from quizapp.progress.records import Learner, NewLearner
from quizapp.progress.settings import Settings
from quizapp.progress.store import Store
from quizapp.services.learning import AGE_BAND_SETTING
from quizapp.services.names import clean_name
from quizapp.services.teacher.class_list import Entry

MAX_NAME_LENGTH = 60


def _key(name: str) -> str:
    return clean_name(name).casefold()


@dataclass(slots=True)
class AddedNames:
    added: list[Learner] = field(default_factory=list)
    already_there: list[str] = field(default_factory=list)
    new_classes: list[str] = field(default_factory=list)
    needs_detail: list[str] = field(default_factory=list)  # same name, nothing to tell them apart


def _same_child(entry: Entry, learner: Learner | NewLearner) -> bool:
    """A row is a learner already there when the names match and its details (father's name, roll number)
    are the same or it gives none; two children of one name with different details are two children."""
    if _key(entry.name) != _key(learner.display_name):
        return False
    if not entry.father_name and not entry.roll_number:
        return True
    return _key(entry.father_name) == _key(learner.father_name) and _key(entry.roll_number) == _key(
        learner.roll_number
    )


def class_named(store: Store, name: str) -> tuple[bool, str]:
    """The id of the class called ``name``, made when missing: (made, id). On a school server another PC
    may make the same class between the look and the making: then that class is used."""
    found = store.people.find_class(name)
    if found is not None:
        return False, found.id
    try:
        return True, store.people.create_class(name).id
    except DuplicateNameError:
        again = store.people.find_class(name)
        if again is None:
            raise
        return False, again.id


def add_entries(
    store: Store,
    entries: Iterable[Entry],
    *,
    class_id: str | None,
    language: str = "en",
    avatars: Sequence[str] = (),
) -> AddedNames:
    """Add the learners of a confirmed class list: into the class named on their row (made when missing)
    or else ``class_id``; a row that is a learner already there (see ``_same_child``) is listed, not added.
    The age band, when given, is kept as the learner's age band. All in one transaction: a bad name in the
    list adds nobody, and makes no class."""
    with store.batch():
        return _add_entries(store, entries, class_id=class_id, language=language, avatars=avatars)


def _add_entries(
    store: Store,
    entries: Iterable[Entry],
    *,
    class_id: str | None,
    language: str,
    avatars: Sequence[str],
) -> AddedNames:
    result = AddedNames()
    classes = {_key(c.name): c.id for c in store.people.list_classes(include_archived=True)}
    present: dict[str | None, list[Learner]] = {}

    def learners_of(cid: str | None) -> list[Learner]:
        if cid not in present:
            every = store.people.list_learners(cid, include_archived=True)
            present[cid] = every if cid is not None else [lr for lr in every if lr.class_id is None]
        return present[cid]

    wanted: list[tuple[Entry, NewLearner]] = []
    for typed in entries:
        entry = replace(typed, name=clean_name(typed.name))  # one Bilal: invisible and bidi marks removed
        if not entry.name:
            continue
        target = class_id
        if entry.class_name:
            target = classes.get(_key(entry.class_name))
            if target is None:
                made, target = class_named(store, entry.class_name)
                classes[_key(entry.class_name)] = target
                if made:
                    result.new_classes.append(entry.class_name)
        there = learners_of(target)
        pending = [new for _, new in wanted if new.class_id == target]
        if any(_same_child(entry, lr) for lr in there) or any(_same_child(entry, new) for new in pending):
            result.already_there.append(typed.name)
            if any(_key(lr.display_name) == _key(entry.name) for lr in there) and not (
                entry.father_name or entry.roll_number
            ):
                result.needs_detail.append(typed.name)
            continue
        avatar = avatars[(len(wanted) + len(there)) % len(avatars)] if avatars else ""
        wanted.append((entry, NewLearner(entry.name, avatar, target, entry.father_name, entry.roll_number)))
    added = store.people.create_learners([new for _, new in wanted], class_id=class_id, language=language)
    for (entry, _new), learner in zip(wanted, added, strict=True):
        if entry.age_band:
            store.settings.write(Settings.learner_key(AGE_BAND_SETTING, learner.id), entry.age_band)
    result.added.extend(added)
    return result


def add_learners(
    store: Store,
    names: Iterable[str],
    *,
    class_id: str | None,
    language: str = "en",
    avatars: Sequence[str] = (),
    father_name: str = "",
    roll_number: str = "",
) -> AddedNames:
    """Add a learner for each name not already in the class (same name, ignoring case and spaces, unless a
    father's name or roll number tells the new child apart)."""
    entries = [Entry(0, name, father_name, roll_number) for name in names]
    return add_entries(store, entries, class_id=class_id, language=language, avatars=avatars)


def merge_learners(store: Store, keep_id: str, merge_id: str) -> Learner:
    """Make one learner of two records of the same child (see ``store.people.merge_learners``): ``merge_id``'s
    answers and progress move to ``keep_id``, and results files that still name ``merge_id`` add to
    ``keep_id`` from now on. Returns the kept learner."""
    if keep_id == merge_id:
        return store.people.get_learner(keep_id)
    store.backup_now()
    return store.people.merge_learners(keep_id, merge_id)


def reset_learner(store: Store, learner_id: str) -> Learner:
    """Start one learner afresh for a new term (see ``store.people.reset_progress``): the same learner with
    the same id, name, class, picture, language and text size, and no answers, progress or resume point.
    Results files holding their older answers do not bring them back."""
    store.backup_now()
    return store.people.reset_progress(learner_id)


def reset_class(store: Store, class_id: str) -> list[Learner]:
    """``reset_learner`` for every learner of a class (archived ones too), all at once."""
    store.backup_now()
    return store.people.reset_class_progress(class_id)


def reset_learners(store: Store, learner_ids: list[str]) -> list[Learner]:
    """``reset_learner`` for several learners (such as those in no class) after one backup, in one
    transaction."""
    store.backup_now()
    return store.people.reset_learners(learner_ids)


def register_rows(store: Store, class_name: str | None = None) -> list[list[str]]:
    """The rows of a class list CSV (see ``class_list.REGISTER_COLUMNS``): every learner not archived, or
    only those of ``class_name`` (``ValueError`` names the classes when there is no such class)."""
    classes = {c.id: c.name for c in store.people.list_classes(include_archived=True)}
    class_id = None
    if class_name is not None:
        found = store.people.find_class(class_name)
        if found is None:
            names = ", ".join(classes.values()) or "none yet"
            raise ValueError(f"there is no class called {class_name!r} (classes: {names})")
        class_id = found.id
    rows = []
    for learner in store.people.list_learners(class_id):
        band = store.settings.read(Settings.learner_key(AGE_BAND_SETTING, learner.id)) or ""
        cname = classes.get(learner.class_id, "") if learner.class_id else ""
        rows.append([learner.roll_number, learner.display_name, learner.father_name, cname, band, learner.id])
    rows.sort(
        key=lambda r: (r[3].casefold(), (0, int(r[0])) if r[0].isdigit() else (1, r[0]), r[1].casefold())
    )
    return rows
