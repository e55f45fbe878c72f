"""The progress store's public API: learners, classes, answers, module progress, settings and packs.

``Store.open(data_dir)`` gives a store. Importing this module is cheap: SQLAlchemy (0.17-0.28 s to import,
measured warm on the 2-core dev machine) is loaded by ``Store.open`` only, so a window can be on screen first.

Every change is committed before the method returns (SQLite WAL, ``synchronous=FULL``), so what a learner
did survives the app being killed or the power going off. Ids are uuid4 text, unique on every computer.
"""

from __future__ import annotations

import abc
import enum
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Final, Protocol

from quizapp.progress.records import (
    DEFAULT_TEXT_SIZE,
    Attempt,
    BackupInfo,
    ClassSummary,
    Learner,
    MergedLearner,
    MergeReport,
    ModuleProgress,
    NewLearner,
    OpenReport,
    PackRecord,
    QuestionStat,
    QuizRun,
    Rating,
    ResumePoint,
    RunKind,
    SchoolClass,
    Stage,
)

__all__ = [
    "DB_FILE_NAME",
    "UNSET",
    "Attempt",
    "BackupInfo",
    "ClassSummary",
    "Learner",
    "MergeReport",
    "MergedLearner",
    "ModuleProgress",
    "OpenReport",
    "PackRecord",
    "QuestionStat",
    "QuizRun",
    "ResumePoint",
    "SchoolClass",
    "Settings",
    "SettingsBackend",
    "Store",
    "Unset",
]

DB_FILE_NAME: Final = "quizapp.sqlite3"
Moment = datetime | date | str


class Unset(enum.Enum):
    """Marks an argument that was not given (so ``None`` can mean "no class")."""

    UNSET = 0


UNSET: Final = Unset.UNSET


class Store(abc.ABC):
    """One data folder's progress database. Use as a context manager or call ``close()``."""

    open_report: OpenReport
    backup_error: str | None
    """Why the last automatic backup failed (None when it worked). Automatic backups run while answers are
    saved, so a failure is kept here for the app to show instead of being raised into an answer."""

    # ----------------------------------------------------------------------------------------- opening
    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        read_only: bool = False,
        fallback_read_only: bool = False,
        check_network: bool = True,
        clock: Callable[[], datetime] | None = None,
        database: str | None = None,
    ) -> Store:
        """Open (creating if needed) the store in ``data_dir``, or on the school's database server.

        ``database`` is a PostgreSQL URL; when None it is looked up as documented in :mod:`quizapp.paths`
        (``QUIZAPP_DATABASE``, then ``[database] url`` in quizapp.ini), and without one the SQLite file in
        ``data_dir`` is used. On a server none of the file life cycle below applies: see
        :mod:`quizapp.progress.engines`.

        Creates the folder and database, refuses network shares (``NetworkShareError``), takes the
        single-writer lock (``StoreLockedError`` "quizapp is already open", or read-only when
        ``fallback_read_only``), runs ``PRAGMA quick_check`` (the full check runs on a schedule: see
        :mod:`quizapp.progress.checks`), upgrades the schema, and recovers a damaged database from the
        newest good backup (the damaged file is renamed, never deleted).
        ``store.open_report`` says what happened; show ``open_report.messages`` to the user.
        """
        from quizapp.paths import resolve_database
        from quizapp.progress.engines import parse_database_url
        from quizapp.progress.sqlstore import SqlStore

        server = parse_database_url(database if database is not None else resolve_database())
        if server is not None:
            return SqlStore.open_server(server, Path(data_dir), read_only=read_only, clock=clock)
        return SqlStore.open_folder(
            Path(data_dir),
            read_only=read_only,
            fallback_read_only=fallback_read_only,
            check_network=check_network,
            clock=clock,
        )

    @property
    @abc.abstractmethod
    def data_dir(self) -> Path: ...

    @property
    @abc.abstractmethod
    def read_only(self) -> bool: ...

    @property
    def location(self) -> str:
        """Where the data is, to show: the data folder, or the server's URL with its password masked."""
        return str(self.data_dir)

    @property
    @abc.abstractmethod
    def database_id(self) -> str:
        """A uuid naming this database (this computer's copy), written into exported bundles."""

    @abc.abstractmethod
    def close(self) -> None:
        """Make the rotating backup (when something changed), release the lock and close. Idempotent."""

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # ----------------------------------------------------------------------------------------- backups
    @abc.abstractmethod
    def backup_now(self) -> Path | None:
        """Back up now with SQLite's online backup API, check the copy, prune old ones; return its path.
        None on a school server: the server's database is backed up on the server (docs/data.md)."""

    @abc.abstractmethod
    def backup_if_due(self) -> Path | None:
        """Back up when the newest backup is a day old or more and something changed since.

        The store itself calls this after a change at most hourly, so a long session gets its daily backup.
        A failure is kept in ``backup_error`` (cleared by the next backup that works) and raised.
        """

    @abc.abstractmethod
    def list_backups(self) -> list[BackupInfo]:
        """Backups in the data folder, newest first."""

    # ----------------------------------------------------------------------------------------- classes
    @abc.abstractmethod
    def create_class(self, name: str) -> SchoolClass:
        """Add a class. ``DuplicateNameError`` if a class not archived already has that name."""

    @abc.abstractmethod
    def list_classes(self, *, include_archived: bool = False) -> list[SchoolClass]:
        """Classes sorted by name."""

    @abc.abstractmethod
    def get_class(self, class_id: str) -> SchoolClass:
        """The class; ``NotFoundError`` if there is none with that id."""

    @abc.abstractmethod
    def find_class(self, name: str) -> SchoolClass | None:
        """The class not archived with that name (case and spacing ignored), or None."""

    @abc.abstractmethod
    def rename_class(self, class_id: str, name: str) -> SchoolClass: ...

    @abc.abstractmethod
    def archive_class(self, class_id: str, archived: bool = True) -> SchoolClass:
        """Archive (or with ``archived=False`` bring back) a class. Its learners stay in it."""

    # ---------------------------------------------------------------------------------------- learners
    @abc.abstractmethod
    def create_learner(
        self,
        display_name: str,
        *,
        class_id: str | None = None,
        language: str = "en",
        avatar_id: str = "",
        text_size: int = DEFAULT_TEXT_SIZE,
        father_name: str = "",
        roll_number: str = "",
    ) -> Learner:
        """Add a learner. ``display_name`` is a name or nickname (1-60 characters); ``father_name`` (up to
        60) and ``roll_number`` (up to 20 characters) tell apart children of the same name."""

    @abc.abstractmethod
    def create_learners(
        self,
        people: Sequence[tuple[str, str] | NewLearner],
        *,
        class_id: str | None = None,
        language: str = "en",
    ) -> list[Learner]:
        """Add many learners, given as (name, avatar id) pairs or :class:`NewLearner`, in one transaction:
        all or none (a bad name, picture or class raises before anything is written). Adding a school's
        roster one commit per learner takes minutes with ``synchronous=FULL``."""

    @abc.abstractmethod
    def list_learners(self, class_id: str | None = None, *, include_archived: bool = False) -> list[Learner]:
        """Learners sorted by name; only those of ``class_id`` when given."""

    @abc.abstractmethod
    def get_learner(self, learner_id: str) -> Learner:
        """The learner; ``NotFoundError`` if there is none with that id."""

    @abc.abstractmethod
    def update_learner(
        self,
        learner_id: str,
        *,
        display_name: str | Unset = UNSET,
        class_id: str | Unset | None = UNSET,
        language: str | Unset = UNSET,
        avatar_id: str | Unset = UNSET,
        text_size: int | Unset = UNSET,
        father_name: str | Unset = UNSET,
        roll_number: str | Unset = UNSET,
    ) -> Learner:
        """Change the fields given; ``class_id=None`` takes the learner out of any class."""

    @abc.abstractmethod
    def archive_learner(self, learner_id: str, archived: bool = True) -> Learner:
        """Hide a learner from lists but keep every answer (``archived=False`` brings them back)."""

    @abc.abstractmethod
    def delete_learner(self, learner_id: str) -> None:
        """Delete a learner with all their answers, progress, resume point and settings (keys ending in
        ``:<learner id>``, see ``Settings.learner_key``), in one transaction. Importing an old results
        file later does not bring them back."""

    @abc.abstractmethod
    def merge_learners(self, keep_id: str, merge_id: str) -> Learner:
        """Make one learner of two records of the same child, in one transaction; returns the kept learner.

        ``merge_id``'s quiz runs and answers move to ``keep_id``; module progress is combined (read or
        passed on either stays so, the newer position) and best scores are recomputed from every quiz run;
        the newer resume point is kept; settings of ``merge_id`` move where ``keep_id`` has none. Anything of
        ``merge_id`` from before ``keep_id``'s last progress reset is dropped, as an import would drop it.
        ``merge_id`` is then removed and remembered: a results or roster file that still holds it later
        adds its records to ``keep_id``, and files exported from here tell other computers about the merge.
        ``InvalidValueError`` when both ids are the same, ``NotFoundError`` when either is unknown.
        """

    @abc.abstractmethod
    def reset_progress(self, learner_id: str) -> Learner:
        """Clear a learner's quiz runs, answers, module progress and resume point in one transaction,
        keeping the learner (same id, name, class, picture, language, text size and settings).

        The moment is kept as ``Learner.progress_reset_at``: a results file holding older answers does not
        bring them back, and a roster or results file exported from here clears them on other computers.
        """

    @abc.abstractmethod
    def reset_class_progress(self, class_id: str) -> list[Learner]:
        """``reset_progress`` for every learner of a class (archived ones too), in one transaction; returns
        the learners sorted by name."""

    # ---------------------------------------------------------------------------------------- quiz runs
    @abc.abstractmethod
    def start_quiz_run(
        self,
        learner_id: str,
        pack_id: str,
        pack_version: str,
        module_id: str,
        question_order: Sequence[str],
        *,
        kind: RunKind = "quiz",
    ) -> QuizRun:
        """Start a go at a module's quiz with the question order used (shuffled or not).

        Also marks the module's quiz in progress at question 0 and moves the resume point there, in the
        same transaction. A ``kind`` of "pre" or "post" starts a run of the module's check questions
        instead, which touches neither (its answers never count toward the quiz).
        """

    @abc.abstractmethod
    def record_answer(
        self,
        *,
        learner_id: str,
        quiz_run_id: str,
        pack_id: str,
        pack_version: str,
        module_id: str,
        question_id: str,
        question_type: str,
        answer: Any,
        correct: bool | None,
        rating: Rating | None = None,
        points_earned: float,
        points_possible: float,
        time_ms: int,
        answered_at: Moment | None = None,
        next_index: int | None = None,
    ) -> Attempt:
        """Record one answer and commit it before returning.

        ``answer`` is anything JSON can hold (option ids, text typed, an order...). Scenario questions
        give ``rating`` ('best'/'acceptable'/'unsafe') and may leave ``correct`` None. When ``next_index``
        is given, the module's quiz position and the resume point move to that question index in the
        same transaction (one disk flush for both).
        """

    @abc.abstractmethod
    def finish_quiz_run(self, quiz_run_id: str, *, score_percent: float, passed: bool) -> ModuleProgress:
        """Close a run with its score; updates best score, passed and completed_at (first pass), and moves
        the resume point to the module's results. Returns the module's progress. A check run ("pre" or
        "post" kind) only records its score: the module's progress and resume point stay as they were."""

    @abc.abstractmethod
    def get_quiz_run(self, quiz_run_id: str) -> QuizRun: ...

    @abc.abstractmethod
    def list_quiz_runs(
        self,
        learner_id: str,
        *,
        pack_id: str | None = None,
        module_id: str | None = None,
        kinds: Sequence[RunKind] = ("quiz",),
    ) -> list[QuizRun]:
        """A learner's runs of the given kinds (quiz runs unless asked), oldest first."""

    @abc.abstractmethod
    def attempts_for_learner(
        self,
        learner_id: str,
        *,
        pack_id: str | None = None,
        module_id: str | None = None,
        since: Moment | None = None,
        until: Moment | None = None,
        kinds: Sequence[RunKind] = ("quiz",),
    ) -> list[Attempt]:
        """A learner's answers of runs of the given kinds (quiz unless asked) in the order given; ``since``
        inclusive, ``until`` exclusive."""

    @abc.abstractmethod
    def attempts_for_run(self, quiz_run_id: str) -> list[Attempt]: ...

    # --------------------------------------------------------------------------------- module progress
    @abc.abstractmethod
    def get_module_progress(self, learner_id: str, pack_id: str, module_id: str) -> ModuleProgress:
        """The learner's progress in a module (an empty "not started" record when never opened)."""

    @abc.abstractmethod
    def list_module_progress(
        self, learner_id: str, *, pack_id: str | None = None
    ) -> list[ModuleProgress]: ...

    @abc.abstractmethod
    def save_lesson_position(
        self,
        learner_id: str,
        pack_id: str,
        pack_version: str,
        module_id: str,
        position: int,
        *,
        read: bool = False,
    ) -> ModuleProgress:
        """Remember the lesson section reached (``read=True`` once the whole lesson was read) and move the
        resume point there."""

    @abc.abstractmethod
    def get_resume_point(self, learner_id: str) -> ResumePoint | None: ...

    @abc.abstractmethod
    def set_resume_point(
        self, learner_id: str, pack_id: str, module_id: str, stage: Stage, position: int = 0
    ) -> ResumePoint: ...

    @abc.abstractmethod
    def clear_resume_point(self, learner_id: str) -> None: ...

    # --------------------------------------------------------------------------------------- reporting
    @abc.abstractmethod
    def class_summary(
        self,
        class_id: str | None = None,
        *,
        since: Moment | None = None,
        until: Moment | None = None,
        include_archived: bool = False,
    ) -> ClassSummary:
        """Learners x modules with status, best score, quiz runs and answers.

        ``class_id`` None means every learner. With a date range only activity in it counts ("passed"
        means a run passed in the range).
        """

    @abc.abstractmethod
    def question_stats(
        self,
        class_id: str | None = None,
        *,
        pack_id: str | None = None,
        module_id: str | None = None,
        since: Moment | None = None,
        until: Moment | None = None,
        wrong_answers: int = 3,
    ) -> list[QuestionStat]:
        """Per-question statistics, most-missed first, each with its most-chosen wrong answers."""

    # ------------------------------------------------------------------------------------------- packs
    @abc.abstractmethod
    def register_pack(
        self,
        pack_id: str,
        version: str,
        title: Mapping[str, str],
        folder: Path | str,
        *,
        enabled: bool = True,
    ) -> PackRecord:
        """Add or update an installed pack (keeps ``installed_at`` of an earlier install of the same id)."""

    @abc.abstractmethod
    def list_packs(self, *, enabled_only: bool = False) -> list[PackRecord]: ...

    @abc.abstractmethod
    def get_pack(self, pack_id: str) -> PackRecord | None: ...

    @abc.abstractmethod
    def set_pack_enabled(self, pack_id: str, enabled: bool) -> PackRecord: ...

    @abc.abstractmethod
    def remove_pack(self, pack_id: str) -> None:
        """Forget a pack (learners' answers to it are kept)."""

    # ---------------------------------------------------------------------------------------- settings
    @abc.abstractmethod
    def get_setting(self, key: str) -> str | None:
        """A raw setting; prefer the typed helpers on ``store.settings``."""

    @abc.abstractmethod
    def set_setting(self, key: str, value: str | None) -> None:
        """Set (or with None remove) a raw setting."""

    @abc.abstractmethod
    def increment_setting(self, key: str) -> int:
        """Add one to a counting setting (missing, negative or not a number: from 0) and return the new
        value, in one transaction: PCs of a server counting at once lose no count (wrong PIN tries)."""

    @property
    def settings(self) -> Settings:
        return Settings(self)

    # -------------------------------------------------------------------------------- bundles (merge)
    @abc.abstractmethod
    def export_snapshot(
        self, *, roster_only: bool = False, class_ids: Sequence[str] | None = None
    ) -> dict[str, Any]:
        """Every record as JSON-ready dicts by table (only classes and learners when ``roster_only``)."""

    @abc.abstractmethod
    def iter_snapshot(
        self, *, roster_only: bool = False, class_ids: Sequence[str] | None = None
    ) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
        """``export_snapshot`` table by table (sorted by name) and row by row, from one consistent read."""

    @abc.abstractmethod
    def merge_snapshot(
        self,
        snapshot: Mapping[str, Any],
        *,
        source: str = "",
        streams: Mapping[str, Callable[[], Iterable[list[dict[str, Any]]]]] | None = None,
        legacy_device: str = "",
    ) -> MergeReport:
        """Merge records (already validated, see ``quizapp.progress.bundle``) in one transaction.

        ``legacy_device``: the database id of the file's computer, given to its records when the file is
        older than device counters (they carry none; a reset clears them by time, see ``seen.py``).

        ``streams`` gives tables too large to hold (quiz runs, answers) as chunks of rows; a
        ``BundleError`` raised while they are read rolls the whole merge back.

        Same id = same record; newer ``updated_at`` wins; answers are never changed; look-alike learners
        and classes (same name, different id) are reported, not merged. Merging twice changes nothing.
        """

    @abc.abstractmethod
    def counts(self) -> dict[str, int]:
        """Number of rows by table (for reports and tests)."""


# ---------------------------------------------------------------------------------------------- settings
class SettingsBackend(Protocol):
    """Where settings are kept: a ``Store``, or anything with its two raw setting methods."""

    def get_setting(self, key: str) -> str | None: ...

    def set_setting(self, key: str, value: str | None) -> None: ...

    def increment_setting(self, key: str) -> int: ...


class Settings:
    """Typed access to the settings of a store.

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

    def __init__(self, store: SettingsBackend) -> None:
        self._store = store

    @staticmethod
    def learner_key(name: str, learner_id: str) -> str:
        """The key of a setting about one learner: ``<name>:<learner id>``."""
        return f"{name}:{learner_id}"

    # generic typed helpers
    def get_str(self, key: str, default: str = "") -> str:
        value = self._store.get_setting(key)
        return default if value is None else value

    def set_str(self, key: str, value: str) -> None:
        self._store.set_setting(key, value)

    def get_bool(self, key: str, default: bool = False) -> bool:
        value = self._store.get_setting(key)
        return default if value is None else value == "1"

    def set_bool(self, key: str, value: bool) -> None:
        self._store.set_setting(key, "1" if value else "0")

    def get_int(self, key: str, default: int = 0) -> int:
        value = self._store.get_setting(key)
        try:
            return default if value is None else int(value)
        except ValueError:
            return default

    def set_int(self, key: str, value: int) -> None:
        self._store.set_setting(key, str(int(value)))

    def get_json(self, key: str, default: Any = None) -> Any:
        value = self._store.get_setting(key)
        if value is None:
            return default
        try:
            return json.loads(value)
        except ValueError:
            return default

    def set_json(self, key: str, value: Any) -> None:
        self._store.set_setting(key, json.dumps(value, ensure_ascii=False, sort_keys=True))

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
            self._store.set_setting(key, None)
        else:
            self.set_json(key, sorted(pack_ids))

    # The teacher PIN is hashed, checked and rate-limited by ``quizapp.services.teacher.pin.TeacherPin``;
    # the store only keeps the hash text it makes.
    @property
    def teacher_pin_hash(self) -> str | None:
        return self._store.get_setting(self.TEACHER_PIN_HASH) or None

    @teacher_pin_hash.setter
    def teacher_pin_hash(self, value: str | None) -> None:
        self._store.set_setting(self.TEACHER_PIN_HASH, value or None)
