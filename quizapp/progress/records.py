"""Plain records the store hands out. Immutable; timestamps are UTC ISO-8601 text (``...+00:00``)."""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any, Final, Literal

from quizapp.content.qtypes import NAMES

Rating = Literal["best", "acceptable", "unsafe"]
Stage = Literal["lesson", "quiz", "results"]
QuizState = Literal["not_started", "in_progress", "finished"]
Status = Literal["not_started", "in_progress", "passed"]
RunKind = Literal["quiz", "pre", "post"]  # a quiz, or the check questions before the lesson / after the quiz
RUN_KINDS: tuple[RunKind, ...] = ("quiz", "pre", "post")
Outcome = Literal["correct", "wrong", "partly", "best", "acceptable", "unsafe", "not_marked"]

RATINGS: tuple[Rating, ...] = ("best", "acceptable", "unsafe")
STAGES: tuple[Stage, ...] = ("lesson", "quiz", "results")
QUIZ_STATES: tuple[QuizState, ...] = ("not_started", "in_progress", "finished")
STATUSES: tuple[Status, ...] = ("not_started", "in_progress", "passed")
QUESTION_TYPES = NAMES  # the question types, from their registry

DEFAULT_TEXT_SIZE = 100  # percent of the normal text size
Moment = datetime | date | str


class Unset(enum.Enum):
    """Marks an argument that was not given (so ``None`` can mean "no class")."""

    UNSET = 0


UNSET: Final = Unset.UNSET


def utc_now() -> str:
    """Now as the store writes it: UTC, milliseconds, fixed width (so text order is time order)."""
    return to_utc_iso(datetime.now(UTC))


def to_utc_iso(moment: datetime | date | str) -> str:
    """Normalise a moment to the store's timestamp text.

    A naive datetime and a plain date are read as local time (a date means its local midnight), because
    that is what a teacher means by "since Monday". Text is parsed with ``datetime.fromisoformat``.
    """
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment.replace("Z", "+00:00"))
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, time())
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True, slots=True)
class SchoolClass:
    """A class (form, group) of learners."""

    id: str
    name: str
    archived: bool
    created_at: str
    updated_at: str


@dataclass(frozen=True, slots=True)
class NewLearner:
    """A learner to add with others in one transaction (``store.people.create_learners``)."""

    display_name: str
    avatar_id: str = ""
    class_id: str | None = None
    """None: the class given to ``create_learners``."""
    father_name: str = ""
    roll_number: str = ""


@dataclass(frozen=True, slots=True)
class Learner:
    """A learner. ``class_id`` is None when in no class; ``text_size`` is a percent (100 = normal).

    ``father_name`` and ``roll_number`` (empty when not known) tell apart children of the same name.
    ``progress_reset_at`` is when the learner's progress was last reset (None: never): answers and
    progress from before it are not kept, and results files that still hold them do not bring them back.
    """

    id: str
    display_name: str
    class_id: str | None
    language: str
    avatar_id: str
    text_size: int
    archived: bool
    created_at: str
    updated_at: str
    progress_reset_at: str | None = None
    father_name: str = ""  # v4: tells apart children of the same name, with ``roll_number``
    roll_number: str = ""
    progress_reset_seen: str | None = None
    """v6: what the last reset had seen, per device (JSON, see ``seen.py``); None before counters."""


@dataclass(frozen=True, slots=True)
class Attempt:
    """One answer to one question, as given. ``answer_json`` is the answer as JSON text."""

    id: str
    learner_id: str
    quiz_run_id: str
    pack_id: str
    pack_version: str
    module_id: str
    question_id: str
    question_type: str
    answer_json: str
    correct: bool | None
    rating: Rating | None
    points_earned: float
    points_possible: float
    time_ms: int
    answered_at: str
    kind: RunKind = "quiz"

    @property
    def answer(self) -> Any:
        """The answer decoded from JSON."""
        return json.loads(self.answer_json)

    @property
    def wrong(self) -> bool:
        """True for an incorrect answer or an unsafe scenario choice."""
        return self.correct is False or self.rating == "unsafe"

    @property
    def outcome(self) -> Outcome:
        """The scenario rating, or correct / partly (some points) / wrong, or not_marked."""
        if self.rating is not None:
            return self.rating
        if self.correct is True:
            return "correct"
        if self.correct is False:
            if self.points_possible and 0 < self.points_earned < self.points_possible:
                return "partly"
            return "wrong"
        return "not_marked"


@dataclass(frozen=True, slots=True)
class QuizRun:
    """A go at a quiz; ``finished_at``, ``score_percent`` and ``passed`` are None until finished."""

    id: str
    learner_id: str
    pack_id: str
    pack_version: str
    module_id: str
    question_order: tuple[str, ...]
    started_at: str
    finished_at: str | None
    score_percent: float | None
    passed: bool | None
    updated_at: str
    kind: RunKind = "quiz"


@dataclass(frozen=True, slots=True)
class ModuleProgress:
    """Where a learner is in one module. A module never touched gives ``quiz_state='not_started'``."""

    learner_id: str
    pack_id: str
    module_id: str
    pack_version: str = ""
    lesson_read: bool = False
    lesson_position: int = 0
    quiz_state: QuizState = "not_started"
    quiz_run_id: str | None = None
    question_order: tuple[str, ...] = ()
    question_index: int = 0
    best_score: float | None = None
    passed: bool = False
    completed_at: str | None = None
    updated_at: str | None = None

    @property
    def status(self) -> Status:
        if self.passed:
            return "passed"
        if self.lesson_read or self.lesson_position > 0 or self.quiz_state != "not_started":
            return "in_progress"
        return "not_started"


@dataclass(frozen=True, slots=True)
class ResumePoint:
    """Where "Continue" takes a learner: a module, a stage, and a section or question index in it."""

    learner_id: str
    pack_id: str
    module_id: str
    stage: Stage
    position: int
    updated_at: str


@dataclass(frozen=True, slots=True)
class PackRecord:
    """An installed pack. ``title`` maps language codes (``""`` = the pack's default language) to text."""

    id: str
    version: str
    title: dict[str, str]
    folder: str
    installed_at: str
    enabled: bool


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file. ``seq`` orders backups (0: an unnumbered one from an older quizapp); ``taken_at``
    is the computer's clock when it was made, shown to people but never trusted for order."""

    path: Path
    taken_at: datetime  # UTC
    seq: int = 0
    generation: int | None = None
    learners: int | None = None
    attempts: int | None = None
    pinned: bool = False
    part: int = 0  # 0: a full copy; n > 0: the n-th delta against the full copy numbered ``seq``

    @property
    def is_delta(self) -> bool:
        return self.part > 0

    @property
    def label(self) -> str:
        return self.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True, slots=True)
class RecoveryInfo:
    """What happened when a damaged database was found on open."""

    reason: str
    moved_to: Path
    restored_from: Path | None
    backup_taken_at: datetime | None
    learners: int
    attempts: int
    kind: str = "damaged"  # "damaged", "empty" (0 bytes) or "missing"

    def message(self) -> str:
        if self.kind == "missing":
            text = "The progress database was missing while backups of it were found. "
        elif self.kind == "empty":
            text = f"The progress database was empty (0 bytes). It was kept as {self.moved_to.name}. "
        else:
            text = f"The progress database was damaged ({self.reason}). It was kept as {self.moved_to.name}. "
        if self.restored_from is None or self.backup_taken_at is None:
            return text + "No usable backup was found, so quizapp started with empty progress."
        when = self.backup_taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
        return text + (
            f"The newest good backup (from {when}, {self.restored_from.name}) was restored: {self.learners} "
            f"learner(s) and {self.attempts} answer(s). Answers given after it was made are not in it; "
            "import a results file from this computer if you have one."
        )


@dataclass(frozen=True, slots=True)
class OpenReport:
    """What ``Store.open`` found and did; ``messages`` are ready to show to a teacher."""

    data_dir: Path
    db_path: Path
    read_only: bool
    created: bool
    schema_version: int
    migrated_from: int | None = None
    recovery: RecoveryInfo | None = None
    messages: tuple[str, ...] = ()

    @property
    def needs_attention(self) -> bool:
        """True when the user should be told something (recovery, read-only fallback...)."""
        return bool(self.messages)


@dataclass(frozen=True, slots=True)
class SummaryCell:
    """One learner x module cell of a class summary. ``runs`` counts quiz runs, ``answers`` answers."""

    learner_id: str
    pack_id: str
    module_id: str
    status: Status
    best_score: float | None
    runs: int
    answers: int
    last_activity: str | None


@dataclass(frozen=True, slots=True)
class ClassSummary:
    """Learners x modules. ``modules`` lists (pack_id, module_id) pairs that have any activity, sorted."""

    class_id: str | None
    learners: tuple[Learner, ...]
    modules: tuple[tuple[str, str], ...]
    cells: dict[tuple[str, str, str], SummaryCell] = field(default_factory=dict)

    def cell(self, learner_id: str, pack_id: str, module_id: str) -> SummaryCell:
        """The cell for a learner and module; an empty "not started" cell when there was no activity."""
        found = self.cells.get((learner_id, pack_id, module_id))
        if found is not None:
            return found
        return SummaryCell(learner_id, pack_id, module_id, "not_started", None, 0, 0, None)


@dataclass(frozen=True, slots=True)
class WrongAnswer:
    answer_json: str
    count: int


@dataclass(frozen=True, slots=True)
class QuestionStat:
    """How a class did on one question; ``wrong`` counts incorrect answers and unsafe scenario choices."""

    pack_id: str
    module_id: str
    question_id: str
    question_type: str
    answers: int
    wrong: int
    top_wrong_answers: tuple[WrongAnswer, ...]

    @property
    def percent_wrong(self) -> float:
        return 100.0 * self.wrong / self.answers if self.answers else 0.0


@dataclass(frozen=True, slots=True)
class LookAlike:
    """Two learners (or classes) with the same name but different ids: shown to the teacher, never merged."""

    kind: Literal["learner", "class"]
    name: str
    class_name: str | None
    existing_id: str
    incoming_id: str


@dataclass(frozen=True, slots=True)
class MergedLearner:
    """A learner record that is the same child as another: ``merged_id`` was merged into ``kept_id``."""

    name: str
    merged_id: str
    kept_id: str


@dataclass(frozen=True, slots=True)
class ClockNote:
    """A reset in an imported file dated in this computer's future (the other computer's clock was ahead):
    applied by what it had seen, not by its date. ``computer`` names where the file came from."""

    computer: str
    learner: str
    reset_at: str


@dataclass(slots=True)
class MergeReport:
    """What merging a results or roster bundle changed. ``added``/``updated`` count by table.

    ``mapped``: learners in the file who were merged into another learner (here or on the computer the file
    came from); what the file holds of them went to the kept learner. ``folded``: learners of this computer
    merged into another because the file says they are the same child. ``reset``: names of learners whose
    progress here was cleared because the file says it was reset. ``skipped_before_reset``: records in the
    file from before their learner's progress was reset, left out. ``clock_notes``: resets in the file
    dated in this computer's future (its clock was ahead), applied by what they had seen, not their date.
    """

    source: str = ""
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: int = 0
    skipped_deleted: list[str] = field(default_factory=list)
    look_alikes: list[LookAlike] = field(default_factory=list)
    mapped: list[MergedLearner] = field(default_factory=list)
    folded: list[MergedLearner] = field(default_factory=list)
    reset: list[str] = field(default_factory=list)
    skipped_before_reset: int = 0
    clock_notes: list[ClockNote] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(self.added.values()) or any(self.updated.values()) or bool(self.folded or self.reset)
