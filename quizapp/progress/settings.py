"""Settings: ``store.settings`` keeps the school's choices (school name, help contacts, language, packs per
class, the teacher PIN's hash...) as text by key. :class:`Settings` gives them types and names; the store's
own table is :class:`StoreSettings`. Importing this module is cheap (no SQLAlchemy) so the first screen can
read settings from a quick look at the database (``quizapp.services.opening``)."""

from __future__ import annotations

import abc
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizapp.progress.database import Database


class Settings(abc.ABC):
    """Typed access to the settings of a store (``store.settings``): ``get``/``set`` for raw text, typed
    helpers and named settings on top.

    Settings about one learner (such as the age band the student app keeps) use keys that end in
    ``:<learner id>`` (``Settings.learner_key``): the store removes them with the learner and moves them
    when two learners are merged. A reset of progress keeps them (they are preferences, not progress).
    """

    SCHOOL_NAME = "school_name"
    HELP_CONTACTS = "help_contacts"
    DEFAULT_LANGUAGE = "default_language"
    SHUFFLE_DEFAULT = "shuffle_default"
    ALLOW_RETAKE_PASSED = "allow_retake_passed"
    TEACHER_PIN_HASH = "teacher_pin_hash"
    ENABLED_PACKS_PREFIX = "enabled_packs:"
    SHOW_EXAMPLE_PACK = "show_example_pack"

    @abc.abstractmethod
    def read(self, key: str) -> str | None:
        """A raw setting; prefer the typed helpers."""

    @abc.abstractmethod
    def read_many(self, keys: list[str]) -> dict[str, str]:
        """The raw settings of ``keys`` that are set, in one read (a school server is a network away)."""

    @abc.abstractmethod
    def write(self, key: str, value: str | None) -> None:
        """Set (or with None remove) a raw setting."""

    @abc.abstractmethod
    def increment(self, key: str) -> int:
        """Add one to the whole number kept under ``key`` (0 when unset) in one transaction; the new value."""

    @staticmethod
    def learner_key(name: str, learner_id: str) -> str:
        """The key of a setting about one learner: ``<name>:<learner id>``."""
        return f"{name}:{learner_id}"

    # generic typed helpers
    def get_str(self, key: str, default: str = "") -> str:
        value = self.read(key)
        return default if value is None else value

    def set_str(self, key: str, value: str) -> None:
        self.write(key, value)

    def get_bool(self, key: str, default: bool = False) -> bool:
        value = self.read(key)
        return default if value is None else value == "1"

    def set_bool(self, key: str, value: bool) -> None:
        self.write(key, "1" if value else "0")

    def get_int(self, key: str, default: int = 0) -> int:
        value = self.read(key)
        try:
            return default if value is None else int(value)
        except ValueError:
            return default

    def set_int(self, key: str, value: int) -> None:
        self.write(key, str(int(value)))

    def get_json(self, key: str, default: Any = None) -> Any:
        value = self.read(key)
        if value is None:
            return default
        try:
            return json.loads(value)
        except ValueError:
            return default

    def set_json(self, key: str, value: Any) -> None:
        self.write(key, json.dumps(value, ensure_ascii=False, sort_keys=True))

    # named settings
    @property
    def school_name(self) -> str:
        return self.get_str(self.SCHOOL_NAME)

    @school_name.setter
    def school_name(self, value: str) -> None:
        self.set_str(self.SCHOOL_NAME, value.strip())

    @property
    def help_contacts(self) -> str:
        """Local help contacts as the teacher typed them (several lines)."""
        return self.get_str(self.HELP_CONTACTS)

    @help_contacts.setter
    def help_contacts(self, value: str) -> None:
        self.set_str(self.HELP_CONTACTS, value.strip())

    @property
    def default_language(self) -> str:
        return self.get_str(self.DEFAULT_LANGUAGE, "en")

    @default_language.setter
    def default_language(self, value: str) -> None:
        self.set_str(self.DEFAULT_LANGUAGE, value)

    @property
    def shuffle_default(self) -> bool:
        return self.get_bool(self.SHUFFLE_DEFAULT, False)

    @shuffle_default.setter
    def shuffle_default(self, value: bool) -> None:
        self.set_bool(self.SHUFFLE_DEFAULT, value)

    @property
    def allow_retake_passed(self) -> bool:
        return self.get_bool(self.ALLOW_RETAKE_PASSED, True)

    @allow_retake_passed.setter
    def allow_retake_passed(self, value: bool) -> None:
        self.set_bool(self.ALLOW_RETAKE_PASSED, value)

    @property
    def show_example_pack(self) -> bool:
        """Learners see the built-in example pack (a demo of every question type, not a real module);
        off until a teacher turns it on."""
        return self.get_bool(self.SHOW_EXAMPLE_PACK, False)

    @show_example_pack.setter
    def show_example_pack(self, value: bool) -> None:
        self.set_bool(self.SHOW_EXAMPLE_PACK, value)

    def enabled_packs(self, class_id: str) -> set[str] | None:
        """Pack ids enabled for a class, or None when the class uses every enabled pack."""
        value = self.get_json(self.ENABLED_PACKS_PREFIX + class_id)
        if not isinstance(value, list):
            return None
        return {str(v) for v in value}

    def set_enabled_packs(self, class_id: str, pack_ids: set[str] | None) -> None:
        key = self.ENABLED_PACKS_PREFIX + class_id
        if pack_ids is None:
            self.write(key, None)
        else:
            self.set_json(key, sorted(pack_ids))

    # The teacher PIN is hashed, checked and rate-limited by ``quizapp.services.teacher.pin.TeacherPin``;
    # the store only keeps the hash text it makes.
    @property
    def teacher_pin_hash(self) -> str | None:
        return self.read(self.TEACHER_PIN_HASH) or None

    @teacher_pin_hash.setter
    def teacher_pin_hash(self, value: str | None) -> None:
        self.write(self.TEACHER_PIN_HASH, value or None)


class StoreSettings(Settings):
    """The settings table of an open store."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def read(self, key: str) -> str | None:
        from sqlalchemy import select

        from quizapp.progress import schema as t

        with self._db.read() as conn:
            value = conn.execute(
                select(t.settings.c.value).where(t.settings.c.key == key)
            ).scalar_one_or_none()
            return None if value is None else str(value)

    def read_many(self, keys: list[str]) -> dict[str, str]:
        from sqlalchemy import select

        from quizapp.progress import schema as t

        wanted = sorted(set(keys))
        found: dict[str, str] = {}
        with self._db.read() as conn:
            for start in range(0, len(wanted), 500):
                query = select(t.settings.c.key, t.settings.c.value).where(
                    t.settings.c.key.in_(wanted[start : start + 500])
                )
                found.update(
                    (str(key), str(value)) for key, value in conn.execute(query) if value is not None
                )
        return found

    def write(self, key: str, value: str | None) -> None:
        from sqlalchemy import delete

        from quizapp.progress import schema as t
        from quizapp.progress.errors import InvalidValueError

        if not key or len(key) > 120:
            raise InvalidValueError("A setting name must be 1 to 120 characters.")
        with self._db.write() as conn:
            if value is None:
                conn.execute(delete(t.settings).where(t.settings.c.key == key))
                return
            conn.execute(self._db.upsert_setting, {"key": key, "value": value})

    def increment(self, key: str) -> int:
        """Add one to the whole number kept under ``key`` (0 when unset or not a number) in one transaction
        and return it: wrong PIN tries from several PCs of a school server all count."""
        from sqlalchemy import select, update

        from quizapp.progress import schema as t
        from quizapp.progress.concurrency import dialect_insert
        from quizapp.progress.errors import InvalidValueError

        if not key or len(key) > 120:
            raise InvalidValueError("A setting name must be 1 to 120 characters.")
        c = t.settings.c
        with self._db.write() as conn:
            # the row first (two PCs' first counts cannot both insert it), then read it locked, then count
            conn.execute(
                dialect_insert(conn.dialect.name, t.settings)
                .values(key=key, value="0")
                .on_conflict_do_nothing(index_elements=["key"])
            )
            text = conn.execute(select(c.value).where(c.key == key).with_for_update()).scalar_one()
            try:
                value = max(0, int(text)) + 1
            except ValueError:
                value = 1
            conn.execute(update(t.settings).where(c.key == key).values(value=str(value)))
            return value
