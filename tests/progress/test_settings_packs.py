"""Settings with typed helpers, and the registry of installed packs."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.progress.errors import InvalidValueError, NotFoundError
from quizapp.progress.store import Store
from tests.progress.conftest import BACKENDS

STORE_BACKENDS = BACKENDS  # every test with the store fixture runs on SQLite and PostgreSQL


def test_named_settings_have_defaults_and_persist(data_dir: Path) -> None:
    """School name, help contacts, language, shuffle and retake settings default sensibly and persist."""
    with Store.open(data_dir) as s:
        st = s.settings
        assert (st.school_name, st.help_contacts, st.default_language) == ("", "", "en")
        assert (st.shuffle_default, st.allow_retake_passed) == (False, True)
        st.school_name = "  Govt. Girls School  "
        st.help_contacts = "Ms Khan, room 4\nHelpline 1098"
        st.default_language = "ur"
        st.shuffle_default = True
        st.allow_retake_passed = False
    with Store.open(data_dir) as s:
        st = s.settings
        assert st.school_name == "Govt. Girls School"
        assert st.help_contacts == "Ms Khan, room 4\nHelpline 1098"
        assert (st.default_language, st.shuffle_default, st.allow_retake_passed) == ("ur", True, False)


def test_many_settings_read_at_once(store: Store) -> None:
    """``read_many`` gives the set ones of many keys in one read (more keys than one query takes)."""
    keys = [f"enabled_packs:class-{n}" for n in range(1200)]
    for key in keys[::100]:
        store.settings.write(key, f'["{key}"]')
    found = store.settings.read_many([*keys, "missing", keys[0]])
    assert found == {key: f'["{key}"]' for key in keys[::100]}
    assert store.settings.read_many([]) == {}


def test_typed_helpers_and_removal(store: Store) -> None:
    """get_int/get_json fall back to the default for missing or unreadable values; None removes."""
    st = store.settings
    st.set_int("n", 7)
    st.set_json("j", {"a": [1, 2]})
    store.settings.write("bad", "x")
    assert (st.get_int("n"), st.get_json("j"), st.get_int("bad", 3), st.get_json("bad", [])) == (
        7,
        {"a": [1, 2]},
        3,
        [],
    )
    store.settings.write("n", None)
    assert store.settings.read("n") is None
    with pytest.raises(InvalidValueError):
        store.settings.write("", "x")


def test_enabled_packs_per_class(store: Store) -> None:
    """A class uses every pack (None) until a set of pack ids is chosen for it."""
    c = store.people.create_class("5A")
    st = store.settings
    assert st.enabled_packs(c.id) is None
    st.set_enabled_packs(c.id, {"b", "a"})
    assert st.enabled_packs(c.id) == {"a", "b"}
    st.set_enabled_packs(c.id, None)
    assert st.enabled_packs(c.id) is None


def test_teacher_pin_hash_is_kept_as_given(data_dir: Path) -> None:
    """The store keeps the PIN hash text it is given (hashing is TeacherPin's job) and forgets it on None."""
    with Store.open(data_dir) as s:
        assert s.settings.teacher_pin_hash is None
        s.settings.teacher_pin_hash = "scrypt$n=16,r=8,p=1$00$11"
    with Store.open(data_dir) as s:
        assert s.settings.teacher_pin_hash == "scrypt$n=16,r=8,p=1$00$11"
        assert s.settings.read(s.settings.TEACHER_PIN_HASH) == "scrypt$n=16,r=8,p=1$00$11"
        s.settings.teacher_pin_hash = None
        assert s.settings.read(s.settings.TEACHER_PIN_HASH) is None


def test_pack_registry(store: Store, tmp_path: Path) -> None:
    """Packs have titles by language; re-registering keeps installed_at; packs can be disabled."""
    first = store.packs.register_pack(
        "safety", "1.0", {"en": "Online safety", "ur": "آن لائن حفاظت"}, tmp_path / "s"
    )
    assert first.title["ur"] == "آن لائن حفاظت" and first.enabled and first.folder == str(tmp_path / "s")
    store.packs.register_pack("basics", "2.0", {"": "Basics"}, "x", enabled=False)
    again = store.packs.register_pack("safety", "1.1", {"en": "Online safety"}, tmp_path / "s2")
    assert (again.version, again.installed_at) == ("1.1", first.installed_at)
    assert [p.id for p in store.packs.list_packs()] == ["basics", "safety"]
    assert [p.id for p in store.packs.list_packs(enabled_only=True)] == ["safety"]
    assert store.packs.set_pack_enabled("basics", True).enabled
    store.packs.remove_pack("basics")
    assert store.packs.get_pack("basics") is None
    with pytest.raises(NotFoundError):
        store.packs.set_pack_enabled("basics", True)
    with pytest.raises(InvalidValueError):
        store.packs.register_pack("Bad Id", "1", {}, "x")
