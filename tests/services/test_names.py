"""Names that look the same are the same: NFC, no bidi controls or invisible characters."""

from __future__ import annotations

import pytest

from quizapp.progress.store import Store
from quizapp.services.learning import LearningService, normalise_name
from quizapp.services.library import PackLibrary
from quizapp.services.names import clean_name
from quizapp.services.teacher.roster import add_learners


@pytest.mark.parametrize(
    "typed",
    [
        "Bilal",
        "Bilal\u200b",
        "\u202eBilal",
        "Bi\u200dlal\u2069",
        "\ufeffBilal ",
        "Bi\u00adlal",
        " Bilal\u200f",
    ],
)
def test_invisible_and_bidi_characters_are_removed(typed: str) -> None:
    """Zero-width characters, bidi overrides and marks, BOM and soft hyphen leave no trace in a name."""
    assert clean_name(typed) == "Bilal"


def test_names_are_put_in_nfc_form() -> None:
    """An accent typed as a separate mark equals the single accented letter; Urdu letters stay as typed."""
    assert clean_name("Jose\u0301") == "Jos\u00e9"
    assert clean_name("بلال\u200c  خان") == "بلال خان"


def test_one_learner_whatever_invisible_characters_were_typed(tmp_path) -> None:
    """A learner typing "Bilal" with a zero-width space or a right-to-left override is stored as "Bilal"."""
    with Store.open(tmp_path / "data") as store:
        service = LearningService(store, PackLibrary(tmp_path / "none", tmp_path / "data" / "packs"))
        first = service.create_learner("\u202eBilal", avatar_id="cat", language="en", age_band=None)
        assert first.display_name == "Bilal"
        assert normalise_name("Bilal\u200b") == first.display_name


def test_a_class_list_does_not_add_a_look_alike_twice(tmp_path) -> None:
    """A roster with "Bilal" and "Bilal\u200b" adds one learner and says the other is already there."""
    with Store.open(tmp_path / "data") as store:
        added = add_learners(store, ["Bilal", "Bilal\u200b", "\u202ebilal"], class_id=None)
        assert [lr.display_name for lr in added.added] == ["Bilal"]
        assert added.already_there == ["Bilal\u200b", "\u202ebilal"]
