"""National help contacts reach learners only after the school confirmed them."""

from __future__ import annotations

from pathlib import Path

from quizapp.progress.store import Store
from quizapp.services.contacts import (
    contacts_for_learners,
    national_contacts,
    national_contacts_confirmed,
    save_national_contacts,
    suggested_national_contacts,
)


def test_suggested_national_contacts_are_hidden_until_confirmed(tmp_path: Path) -> None:
    """The suggestion is offered but unconfirmed: {{help_contacts}} shows only the school's own contacts."""
    with Store.open(tmp_path / "data") as store:
        settings = store.settings
        settings.help_contacts = "Ms Saima, room 12"
        assert national_contacts(settings, "ur") == suggested_national_contacts("ur")
        assert "15" in national_contacts(settings) and "NCCIA" in national_contacts(settings)
        assert not national_contacts_confirmed(settings)
        assert contacts_for_learners(settings) == "Ms Saima, room 12"
        save_national_contacts(settings, "Police / پولیس: 15\n\n  Rescue: 1122 ", confirmed=False)
        assert contacts_for_learners(settings) == "Ms Saima, room 12"
        save_national_contacts(settings, "Police / پولیس: 15\n\n  Rescue: 1122 ", confirmed=True)
        assert contacts_for_learners(settings) == "Ms Saima, room 12\nPolice / پولیس: 15\nRescue: 1122"


def test_an_empty_national_list_is_never_confirmed(tmp_path: Path) -> None:
    """Saving an empty list with the box ticked shows nothing and falls back to the suggestion."""
    with Store.open(tmp_path / "data") as store:
        save_national_contacts(store.settings, "   ", confirmed=True)
        assert not national_contacts_confirmed(store.settings)
        assert contacts_for_learners(store.settings) == ""
