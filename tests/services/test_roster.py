"""The quick read-only look at learners used to show the picker before the store is open."""

from __future__ import annotations

from pathlib import Path

from quizapp.progress.store import DB_FILE_NAME, Store
from quizapp.services.roster import peek_roster


def test_no_database_yet_is_an_empty_roster(tmp_path: Path) -> None:
    """A first start (no database) shows an empty picker at once."""
    peek = peek_roster(tmp_path / "new")
    assert peek is not None and peek.learners == () and peek.settings == {}


def test_peek_matches_the_store(tmp_path: Path) -> None:
    """The quick look gives the learners the store lists (not archived, by name) and the picker's settings."""
    with Store.open(tmp_path) as store:
        for name in ("zara", "Ali", "bilal"):
            store.people.create_learner(name, avatar_id="cat")
        gone = store.people.create_learner("Archived", avatar_id="owl")
        store.people.archive_learner(gone.id)
        store.settings.school_name = "Model School"
        store.settings.help_contacts = "not needed by the picker"
        expected = [
            (learner.id, learner.display_name, learner.avatar_id) for learner in store.people.list_learners()
        ]
    peek = peek_roster(tmp_path)
    assert peek is not None
    assert [(learner.id, learner.display_name, learner.avatar_id) for learner in peek.learners] == expected
    assert peek.settings == {"school_name": "Model School"}


def test_an_unreadable_database_gives_none(tmp_path: Path) -> None:
    """A file that is not the database the peek expects makes the app wait for the store instead."""
    (tmp_path / DB_FILE_NAME).write_bytes(b"this is not sqlite at all" * 100)
    assert peek_roster(tmp_path) is None
