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
    c = store.people.create_class("  Class   5A ")
    assert uuid.UUID(c.id).version == 4
    assert c.name == "Class 5A"
    with pytest.raises(DuplicateNameError, match="already a class"):
        store.people.create_class("class 5a")
    store.people.archive_class(c.id)
    again = store.people.create_class("Class 5A")
    assert again.id != c.id
    with pytest.raises(DuplicateNameError):
        store.people.archive_class(c.id, archived=False)


def test_list_rename_archive_classes(store: Store) -> None:
    """Classes list by name, skip archived ones unless asked, and can be renamed."""
    b = store.people.create_class("B")
    a = store.people.create_class("a")
    assert [c.name for c in store.people.list_classes()] == ["a", "B"]
    store.people.rename_class(b.id, "Blue")
    store.people.archive_class(a.id)
    assert [c.name for c in store.people.list_classes()] == ["Blue"]
    assert {c.name for c in store.people.list_classes(include_archived=True)} == {"a", "Blue"}
    assert store.people.find_class("BLUE") == store.people.get_class(b.id)
    assert store.people.find_class("a") is None  # archived


def test_learner_fields_round_trip(store: Store) -> None:
    """A learner keeps name, class, language, avatar and text size, and reads back equal."""
    c = store.people.create_class("5A")
    learner = store.people.create_learner(
        "عائشہ", class_id=c.id, language="ur", avatar_id="owl", text_size=150
    )
    assert store.people.get_learner(learner.id) == learner
    assert store.people.list_learners(c.id) == [learner]
    assert store.people.list_learners() == [learner]


def test_update_learner_changes_only_given_fields(store: Store) -> None:
    """update_learner changes what is given; class_id=None takes the learner out of their class."""
    c1, c2 = store.people.create_class("1"), store.people.create_class("2")
    learner = store.people.create_learner("Ali", class_id=c1.id)
    moved = store.people.update_learner(learner.id, class_id=c2.id, text_size=125)
    assert (moved.class_id, moved.text_size, moved.display_name, moved.language) == (c2.id, 125, "Ali", "en")
    renamed = store.people.update_learner(learner.id, display_name="Ali K", language="ur", avatar_id="fox")
    assert (renamed.class_id, renamed.display_name, renamed.language, renamed.avatar_id) == (
        c2.id,
        "Ali K",
        "ur",
        "fox",
    )
    assert store.people.update_learner(learner.id, class_id=None).class_id is None
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
        store.people.create_learner(str(name), **args)  # type: ignore[arg-type]
    assert store.people.list_learners() == []


def test_unknown_ids_raise_not_found(store: Store) -> None:
    """Unknown learner or class ids give NotFoundError, also when used as a learner's class."""
    with pytest.raises(NotFoundError):
        store.people.get_learner("nope")
    with pytest.raises(NotFoundError):
        store.people.create_learner("Ali", class_id="nope")
    with pytest.raises(NotFoundError):
        store.people.rename_class("nope", "x")


def test_archive_hides_learner_but_keeps_answers(store: Store) -> None:
    """Archived learners leave the lists but keep their answers, and can be brought back."""
    learner = store.people.create_learner("Ali")
    answer(store, start_run(store, learner))
    store.people.archive_learner(learner.id)
    assert store.people.list_learners() == []
    assert [x.id for x in store.people.list_learners(include_archived=True)] == [learner.id]
    assert len(store.runs.attempts_for_learner(learner.id)) == 1
    assert not store.people.archive_learner(learner.id, archived=False).archived


def test_delete_learner_removes_everything_of_theirs(store: Store) -> None:
    """Deleting a learner removes their answers, runs, progress and resume point, and nobody else's."""
    gone, kept = store.people.create_learner("Gone"), store.people.create_learner("Kept")
    for who in (gone, kept):
        run = start_run(store, who)
        answer(store, run, next_index=1)
        store.progress.save_lesson_position(who.id, "safety", "1.0", "intro", 2)
    store.people.delete_learner(gone.id)
    with pytest.raises(NotFoundError):
        store.people.get_learner(gone.id)
    assert store.runs.attempts_for_learner(gone.id) == []
    assert store.runs.list_quiz_runs(gone.id) == []
    assert store.progress.list_module_progress(gone.id) == []
    assert store.progress.get_resume_point(gone.id) is None
    assert len(store.runs.attempts_for_learner(kept.id)) == 1
    assert store.reports.counts()["deleted_records"] == 1


def test_learners_survive_reopening(data_dir: Path) -> None:
    """What was written is there after closing and opening the store again."""
    with Store.open(data_dir) as s:
        c = s.people.create_class("5A")
        learner = s.people.create_learner("Ali", class_id=c.id)
    with Store.open(data_dir) as s:
        assert s.people.get_learner(learner.id) == learner
        assert s.people.get_class(c.id) == c


def test_many_learners_are_added_in_one_transaction_all_or_none(store: Store) -> None:
    """create_learners adds a whole list at once; one bad name in it adds nobody (no half-added class)."""
    blue = store.people.create_class("Blue")
    added = store.people.create_learners([("Ali", "cat"), ("Sara", "owl")], class_id=blue.id, language="ur")
    assert [(lr.display_name, lr.avatar_id, lr.language) for lr in added] == [
        ("Ali", "cat", "ur"),
        ("Sara", "owl", "ur"),
    ]
    assert sorted(lr.display_name for lr in store.people.list_learners(blue.id)) == ["Ali", "Sara"]
    with pytest.raises(InvalidValueError):
        store.people.create_learners([("Hina", "fox"), ("x" * 61, "fox")], class_id=blue.id)
    with pytest.raises(NotFoundError):
        store.people.create_learners([("Hina", "fox")], class_id=str(uuid.uuid4()))
    assert sorted(lr.display_name for lr in store.people.list_learners(blue.id)) == ["Ali", "Sara"]


# ------------------------------------------------------------------------ many learners, one transaction
def test_moving_learners_is_one_transaction(store: Store) -> None:
    """Moving several learners moves all of them, or none when one of them is unknown."""
    blue, green = store.people.create_class("Blue"), store.people.create_class("Green")
    ali = store.people.create_learner("Ali", class_id=blue.id)
    sara = store.people.create_learner("Sara", class_id=blue.id)
    with pytest.raises(NotFoundError):
        store.people.move_learners([ali.id, "no-such-learner", sara.id], green.id)
    assert {lr.class_id for lr in store.people.list_learners()} == {blue.id}
    moved = store.people.move_learners([sara.id, ali.id], green.id)
    assert [lr.id for lr in moved] == [sara.id, ali.id]
    assert {lr.class_id for lr in store.people.list_learners()} == {green.id}


def test_archiving_and_deleting_learners_are_one_transaction(store: Store) -> None:
    """Archiving or removing several learners changes all of them, or none when one is unknown."""
    ali, sara = store.people.create_learner("Ali"), store.people.create_learner("Sara")
    with pytest.raises(NotFoundError):
        store.people.archive_learners({ali.id: True, "no-such-learner": True})
    assert not store.people.get_learner(ali.id).archived
    store.people.archive_learners({ali.id: True, sara.id: False})
    assert [lr.id for lr in store.people.list_learners()] == [sara.id]
    with pytest.raises(NotFoundError):
        store.people.delete_learners([ali.id, sara.id, "no-such-learner"])
    assert len(store.people.list_learners(include_archived=True)) == 2
    store.people.delete_learners([ali.id, sara.id])
    assert store.people.list_learners(include_archived=True) == []


def test_resetting_learners_is_one_transaction(store: Store) -> None:
    """Resetting several learners clears each one's answers, or nobody's when one is unknown."""
    ali, sara = store.people.create_learner("Ali"), store.people.create_learner("Sara")
    for learner in (ali, sara):
        answer(store, start_run(store, learner), "q1")
    with pytest.raises(NotFoundError):
        store.people.reset_learners([ali.id, "no-such-learner"])
    assert len(store.runs.attempts_for_learner(ali.id)) == 1
    reset = store.people.reset_learners([ali.id, sara.id])
    assert [lr.id for lr in reset] == [ali.id, sara.id]
    assert all(lr.progress_reset_at for lr in reset)
    assert store.runs.attempts_for_learner(ali.id) == store.runs.attempts_for_learner(sara.id) == []


def test_a_batch_of_changes_is_saved_whole_or_not_at_all(store: Store) -> None:
    """Changes of several parts in ``store.batch()`` are all kept, or all dropped when the block raises."""
    with pytest.raises(InvalidValueError), store.batch():
        store.people.create_class("Blue")
        store.settings.school_name = "Model School"
        store.people.create_learner("")  # no name: refused
    assert store.people.list_classes() == [] and store.settings.school_name == ""
    with store.batch():
        blue = store.people.create_class("Blue")
        store.people.create_learner("Ali", class_id=blue.id)
        assert [lr.display_name for lr in store.people.list_learners(blue.id)] == ["Ali"]  # reads see it
    assert [lr.class_id for lr in store.people.list_learners()] == [blue.id]
