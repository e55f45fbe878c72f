"""Classes and learners: creating, listing, changing, archiving and deleting."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from quizapp.progress.errors import DuplicateNameError, InvalidValueError, NotFoundError
from quizapp.progress.store import Store
from tests.progress.conftest import BACKENDS, answer, start_run

STORE_BACKENDS = BACKENDS  # every test with the store fixture runs on SQLite and PostgreSQL


def test_class_ids_are_uuid4_and_names_unique_among_active(store: Store) -> None:
    """Classes get uuid4 ids; a second active class with the same name (case, spacing) is refused."""
    c = store.create_class("  Class   5A ")
    assert uuid.UUID(c.id).version == 4
    assert c.name == "Class 5A"
    with pytest.raises(DuplicateNameError, match="already a class"):
        store.create_class("class 5a")
    store.archive_class(c.id)
    again = store.create_class("Class 5A")
    assert again.id != c.id
    with pytest.raises(DuplicateNameError):
        store.archive_class(c.id, archived=False)


def test_list_rename_archive_classes(store: Store) -> None:
    """Classes list by name, skip archived ones unless asked, and can be renamed."""
    b = store.create_class("B")
    a = store.create_class("a")
    assert [c.name for c in store.list_classes()] == ["a", "B"]
    store.rename_class(b.id, "Blue")
    store.archive_class(a.id)
    assert [c.name for c in store.list_classes()] == ["Blue"]
    assert {c.name for c in store.list_classes(include_archived=True)} == {"a", "Blue"}
    assert store.find_class("BLUE") == store.get_class(b.id)
    assert store.find_class("a") is None  # archived


def test_learner_fields_round_trip(store: Store) -> None:
    """A learner keeps name, class, language, avatar and text size, and reads back equal."""
    c = store.create_class("5A")
    learner = store.create_learner("عائشہ", class_id=c.id, language="ur", avatar_id="owl", text_size=150)
    assert store.get_learner(learner.id) == learner
    assert store.list_learners(c.id) == [learner]
    assert store.list_learners() == [learner]


def test_update_learner_changes_only_given_fields(store: Store) -> None:
    """update_learner changes what is given; class_id=None takes the learner out of their class."""
    c1, c2 = store.create_class("1"), store.create_class("2")
    learner = store.create_learner("Ali", class_id=c1.id)
    moved = store.update_learner(learner.id, class_id=c2.id, text_size=125)
    assert (moved.class_id, moved.text_size, moved.display_name, moved.language) == (c2.id, 125, "Ali", "en")
    renamed = store.update_learner(learner.id, display_name="Ali K", language="ur", avatar_id="fox")
    assert (renamed.class_id, renamed.display_name, renamed.language, renamed.avatar_id) == (
        c2.id,
        "Ali K",
        "ur",
        "fox",
    )
    assert store.update_learner(learner.id, class_id=None).class_id is None
    assert renamed.updated_at >= learner.updated_at


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"display_name": ""}, "cannot be empty"),
        ({"display_name": "x" * 61}, "too long"),
        ({"display_name": "a\x00b"}, "control characters"),
        ({"language": "English"}, "not a language code"),
        ({"text_size": 20}, "Text size"),
        ({"avatar_id": "a" * 65}, "avatar"),
    ],
)
def test_bad_learner_values_are_refused_clearly(
    store: Store, kwargs: dict[str, object], message: str
) -> None:
    """Bad names, languages, text sizes and avatars are refused with a message saying what is wrong."""
    args: dict[str, object] = {"display_name": "Ali", **kwargs}
    name = args.pop("display_name")
    with pytest.raises(InvalidValueError, match=message):
        store.create_learner(str(name), **args)  # type: ignore[arg-type]
    assert store.list_learners() == []


def test_unknown_ids_raise_not_found(store: Store) -> None:
    """Unknown learner or class ids give NotFoundError, also when used as a learner's class."""
    with pytest.raises(NotFoundError):
        store.get_learner("nope")
    with pytest.raises(NotFoundError):
        store.create_learner("Ali", class_id="nope")
    with pytest.raises(NotFoundError):
        store.rename_class("nope", "x")


def test_archive_hides_learner_but_keeps_answers(store: Store) -> None:
    """Archived learners leave the lists but keep their answers, and can be brought back."""
    learner = store.create_learner("Ali")
    answer(store, start_run(store, learner))
    store.archive_learner(learner.id)
    assert store.list_learners() == []
    assert [x.id for x in store.list_learners(include_archived=True)] == [learner.id]
    assert len(store.attempts_for_learner(learner.id)) == 1
    assert not store.archive_learner(learner.id, archived=False).archived


def test_delete_learner_removes_everything_of_theirs(store: Store) -> None:
    """Deleting a learner removes their answers, runs, progress and resume point, and nobody else's."""
    gone, kept = store.create_learner("Gone"), store.create_learner("Kept")
    for who in (gone, kept):
        run = start_run(store, who)
        answer(store, run, next_index=1)
        store.save_lesson_position(who.id, "safety", "1.0", "intro", 2)
    store.delete_learner(gone.id)
    with pytest.raises(NotFoundError):
        store.get_learner(gone.id)
    assert store.attempts_for_learner(gone.id) == []
    assert store.list_quiz_runs(gone.id) == []
    assert store.list_module_progress(gone.id) == []
    assert store.get_resume_point(gone.id) is None
    assert len(store.attempts_for_learner(kept.id)) == 1
    assert store.counts()["deleted_records"] == 1


def test_learners_survive_reopening(data_dir: Path) -> None:
    """What was written is there after closing and opening the store again."""
    with Store.open(data_dir) as s:
        c = s.create_class("5A")
        learner = s.create_learner("Ali", class_id=c.id)
    with Store.open(data_dir) as s:
        assert s.get_learner(learner.id) == learner
        assert s.get_class(c.id) == c


def test_many_learners_are_added_in_one_transaction_all_or_none(store: Store) -> None:
    """create_learners adds a whole list at once; one bad name in it adds nobody (no half-added class)."""
    blue = store.create_class("Blue")
    added = store.create_learners([("Ali", "cat"), ("Sara", "owl")], class_id=blue.id, language="ur")
    assert [(lr.display_name, lr.avatar_id, lr.language) for lr in added] == [
        ("Ali", "cat", "ur"),
        ("Sara", "owl", "ur"),
    ]
    assert sorted(lr.display_name for lr in store.list_learners(blue.id)) == ["Ali", "Sara"]
    with pytest.raises(InvalidValueError):
        store.create_learners([("Hina", "fox"), ("x" * 61, "fox")], class_id=blue.id)
    with pytest.raises(NotFoundError):
        store.create_learners([("Hina", "fox")], class_id=str(uuid.uuid4()))
    assert sorted(lr.display_name for lr in store.list_learners(blue.id)) == ["Ali", "Sara"]
