"""Results and roster files: moving learners and their answers between computers.

A file is JSON inside a zip (``manifest.json`` + ``data.json``) or one plain JSON file. Both carry a format
name, a format version and the SHA-256 of the data, so a damaged or edited file is refused as a whole.
(The checksum catches damage and casual edits; it is not a signature against someone who recomputes it.)

Importing merges into the store in one transaction: same id = same record, importing twice changes
nothing, and learners who merely look alike (same name and class, different ids) are listed, never merged.
Format 2 (written since learners can be merged and their progress reset) adds ``learner_merges`` and each
learner's ``progress_reset_at``; files of format 1 are still read.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from quizapp import __version__
from quizapp.progress.errors import BundleError, StoreError
from quizapp.progress.records import MergeReport, utc_now
from quizapp.progress.store import Store

RESULTS_FORMAT = "quizapp-results"
ROSTER_FORMAT = "quizapp-roster"
FORMAT_VERSION = 2
MANIFEST_NAME = "manifest.json"
DATA_NAME = "data.json"
MAX_DATA_BYTES = 512 * 1024 * 1024
Kind = Literal["results", "roster"]
_FORMATS: dict[Kind, str] = {"results": RESULTS_FORMAT, "roster": ROSTER_FORMAT}

# ------------------------------------------------------------------------------------- record validation
Id = Annotated[
    str, StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
]
Stamp = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$")]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=80)]
Version = Annotated[str, StringConstraints(min_length=1, max_length=20)]
NonNeg = Annotated[float, Field(ge=0)]
Count = Annotated[int, Field(ge=0)]


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class ClassRow(_Row):
    id: Id
    name: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    archived: bool
    created_at: Stamp
    updated_at: Stamp


class LearnerRow(_Row):
    id: Id
    display_name: Annotated[str, StringConstraints(min_length=1, max_length=60)]
    class_id: Id | None
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")]
    avatar_id: Annotated[str, StringConstraints(max_length=64)]
    text_size: Annotated[int, Field(ge=50, le=400)]
    archived: bool
    created_at: Stamp
    updated_at: Stamp
    progress_reset_at: Stamp | None = None  # format 2


class MergeRow(_Row):
    """Format 2: learner ``merged_id`` was merged into ``kept_id`` on the computer the file came from."""

    merged_id: Id
    kept_id: Id
    merged_at: Stamp
    reset_at: Stamp | None


def _json_list_of_slugs(text: str) -> str:
    value = json.loads(text)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("must be a JSON list of question ids")
    return text


class RunRow(_Row):
    id: Id
    learner_id: Id
    pack_id: Slug
    pack_version: Version
    module_id: Slug
    question_order: str
    started_at: Stamp
    finished_at: Stamp | None
    score_percent: Annotated[float, Field(ge=0, le=100)] | None
    passed: bool | None
    updated_at: Stamp
    kind: Literal["quiz", "pre", "post"] = "quiz"  # v4; older files hold only quiz runs


class AttemptRow(_Row):
    id: Id
    learner_id: Id
    quiz_run_id: Id
    pack_id: Slug
    pack_version: Version
    module_id: Slug
    question_id: Slug
    question_type: Literal[
        "single", "multiple", "true_false", "ordering", "matching", "fill_blank", "scenario"
    ]
    answer_json: str
    correct: bool | None
    rating: Literal["best", "acceptable", "unsafe"] | None
    points_earned: NonNeg
    points_possible: NonNeg
    time_ms: Count
    answered_at: Stamp
    kind: Literal["quiz", "pre", "post"] = "quiz"  # v4; older files hold only quiz answers


class ProgressRow(_Row):
    learner_id: Id
    pack_id: Slug
    module_id: Slug
    pack_version: Annotated[str, StringConstraints(max_length=20)]
    lesson_read: bool
    lesson_position: Count
    quiz_state: Literal["not_started", "in_progress", "finished"]
    quiz_run_id: Id | None
    question_order: str
    question_index: Count
    best_score: Annotated[float, Field(ge=0, le=100)] | None
    passed: bool
    completed_at: Stamp | None
    updated_at: Stamp


class ResumeRow(_Row):
    learner_id: Id
    pack_id: Slug
    module_id: Slug
    stage: Literal["lesson", "quiz", "results"]
    position: Count
    updated_at: Stamp


class RosterData(_Row):
    classes: list[ClassRow]
    learners: list[LearnerRow]
    learner_merges: list[MergeRow] = Field(default_factory=list)  # format 2


class ResultsData(RosterData):
    quiz_runs: list[RunRow]
    attempts: list[AttemptRow]
    module_progress: list[ProgressRow]
    resume_points: list[ResumeRow]


# ------------------------------------------------------------------------------------------ the file
@dataclass(frozen=True, slots=True)
class Bundle:
    """A read, checked bundle: its manifest (without the data) and the validated data as plain dicts."""

    path: Path
    kind: Kind
    manifest: dict[str, Any]
    data: dict[str, list[dict[str, Any]]]

    @property
    def counts(self) -> dict[str, int]:
        return {table: len(rows) for table, rows in self.data.items()}


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """One file of ``import_results``: its merge report, or the error that refused it."""

    path: Path
    report: MergeReport | None
    error: str | None


def canonical_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@contextlib.contextmanager
def atomic_output(out: Path) -> Iterator[Path]:
    """Yield a temporary path next to ``out``; on success it replaces ``out``, on failure it is removed."""
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise StoreError(f"Cannot write {out}: the folder {parent} does not exist.")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partial", dir=parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.replace(tmp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _manifest(store: Store, kind: Kind, data: dict[str, Any], payload: bytes) -> dict[str, Any]:
    return {
        "format": _FORMATS[kind],
        "format_version": FORMAT_VERSION,
        "created_at": utc_now(),
        "app_version": __version__,
        "database_id": store.database_id,
        "school_name": store.settings.school_name,
        "counts": {table: len(rows) for table, rows in data.items()},
        "sha256": _sha256(payload),
    }


def write_bundle(
    store: Store, kind: Kind, data: dict[str, Any], out: Path, *, as_zip: bool
) -> dict[str, Any]:
    """Write ``data`` as a bundle file (zip or plain JSON), atomically; return the manifest."""
    payload = canonical_bytes(data)
    manifest = _manifest(store, kind, data, payload)
    try:
        with atomic_output(out) as tmp:
            if as_zip:
                with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                    zf.writestr(MANIFEST_NAME, json.dumps(manifest, ensure_ascii=False, indent=2))
                    zf.writestr(DATA_NAME, payload)
            else:
                document = {**manifest, "data": data}
                tmp.write_text(
                    json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8"
                )
    except OSError as exc:
        raise StoreError(f"Cannot write {out}: {exc.strerror or exc}.") from exc
    return manifest


def _refuse(path: Path, why: str) -> BundleError:
    return BundleError(f"{path.name}: {why} Nothing was imported from this file.")


def _read_raw(path: Path) -> tuple[dict[str, Any], bytes | None, Any]:
    """(manifest, data bytes for a zip or None, parsed data for plain JSON)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4)
    except OSError as exc:
        raise BundleError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
                if not {MANIFEST_NAME, DATA_NAME} <= names:
                    raise _refuse(path, "it is a zip file but not a quizapp results or roster file.")
                if zf.getinfo(DATA_NAME).file_size > MAX_DATA_BYTES:
                    raise _refuse(path, "it is far too large to be a quizapp file.")
                manifest = json.loads(zf.read(MANIFEST_NAME).decode("utf-8"))
                payload = zf.read(DATA_NAME)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
            raise _refuse(path, f"the zip file is damaged ({exc}).") from exc
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise _refuse(path, "its manifest is damaged.") from exc
        if not isinstance(manifest, dict):
            raise _refuse(path, "its manifest is damaged.")
        return manifest, payload, None
    try:
        if path.stat().st_size > MAX_DATA_BYTES:
            raise _refuse(path, "it is far too large to be a quizapp file.")
        document = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _refuse(path, "it is neither a quizapp zip file nor readable JSON.") from exc
    if not isinstance(document, dict) or "data" not in document:
        raise _refuse(path, "it is not a quizapp results or roster file.")
    data = document.pop("data")
    return document, None, data


def read_bundle(path: Path, kind: Kind) -> Bundle:
    """Read and check a bundle: format, version, checksum, every record and the links between them.

    ``BundleError`` with a specific message when anything is wrong.
    """
    manifest, payload, data = _read_raw(path)
    fmt = manifest.get("format")
    if fmt not in _FORMATS.values():
        raise _refuse(path, "it is not a quizapp results or roster file.")
    if fmt != _FORMATS[kind]:
        other = "roster" if fmt == ROSTER_FORMAT else "results"
        raise _refuse(path, f"it is a {other} file; use 'quizapp {other} import' for it.")
    version = manifest.get("format_version")
    if not isinstance(version, int) or version < 1:
        raise _refuse(path, "its format version is missing or damaged.")
    if version > FORMAT_VERSION:
        raise _refuse(path, f"it was made by a newer quizapp (file format {version}); update quizapp first.")
    if payload is None:
        payload = canonical_bytes(data)
    if manifest.get("sha256") != _sha256(payload):
        raise _refuse(
            path,
            "it was changed or damaged after it was exported (its SHA-256 checksum does not match). "
            "Export it again on the computer it came from.",
        )
    if data is None:
        try:
            data = json.loads(payload.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise _refuse(path, "its data is damaged.") from exc
    model: type[RosterData] = ResultsData if kind == "results" else RosterData
    try:
        checked = model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in first["loc"]).replace(
            ".[", "["
        )
        more = exc.error_count() - 1
        also = f" (and {more} more problem(s))" if more else ""
        raise _refuse(
            path,
            f"it does not hold valid quizapp data: {where}: {first['msg']}{also}. "
            "Export it again on the computer it came from.",
        ) from exc
    plain = checked.model_dump()
    _check_links(path, plain)
    _check_counts(path, manifest, plain)
    return Bundle(path, kind, manifest, plain)


def _check_counts(path: Path, manifest: dict[str, Any], data: dict[str, list[dict[str, Any]]]) -> None:
    """The manifest's record counts (outside the checksum) must match the data: a file whose counts were
    edited, or whose data lost records, is refused rather than trusted."""
    counts = manifest.get("counts")
    if counts is None:
        return
    if not isinstance(counts, dict):
        raise _refuse(path, "its manifest is damaged (the record counts are not readable).")
    for table, rows in data.items():
        if table in counts and counts[table] != len(rows):
            raise _refuse(
                path,
                f"its manifest says {counts[table]} {table} record(s) but the file holds {len(rows)}: it was "
                "changed after it was exported. Export it again on the computer it came from.",
            )


def _check_links(path: Path, data: dict[str, list[dict[str, Any]]]) -> None:
    def unique(table: str, key: Callable[[dict[str, Any]], Any]) -> set[Any]:
        seen: set[Any] = set()
        for i, row in enumerate(data.get(table, [])):
            k = key(row)
            if k in seen:
                raise _refuse(path, f"{table}[{i}] repeats a record that is already in the file.")
            seen.add(k)
        return seen

    classes = unique("classes", lambda r: r["id"])
    learners = unique("learners", lambda r: r["id"])
    for i, row in enumerate(data["learners"]):
        if row["class_id"] is not None and row["class_id"] not in classes:
            raise _refuse(path, f"learners[{i}] is in a class that is not in the file.")
    unique("learner_merges", lambda r: r["merged_id"])
    for i, row in enumerate(data["learner_merges"]):
        if row["merged_id"] == row["kept_id"] or row["merged_id"] in learners:
            raise _refuse(path, f"learner_merges[{i}] does not fit the learners in the file.")
    if "attempts" not in data:
        return
    runs: dict[str, str] = {}
    unique("quiz_runs", lambda r: r["id"])
    for i, row in enumerate(data["quiz_runs"]):
        if row["learner_id"] not in learners:
            raise _refuse(path, f"quiz_runs[{i}] belongs to a learner who is not in the file.")
        try:
            _json_list_of_slugs(row["question_order"])
        except ValueError as exc:
            raise _refuse(path, f"quiz_runs[{i}].question_order is damaged.") from exc
        runs[row["id"]] = row["learner_id"]
    unique("attempts", lambda r: r["id"])
    for i, row in enumerate(data["attempts"]):
        if runs.get(row["quiz_run_id"]) != row["learner_id"]:
            raise _refuse(path, f"attempts[{i}] does not belong to a quiz run of its learner in the file.")
        try:
            json.loads(row["answer_json"])
        except ValueError as exc:
            raise _refuse(path, f"attempts[{i}].answer_json is not JSON.") from exc
    unique("module_progress", lambda r: (r["learner_id"], r["pack_id"], r["module_id"]))
    unique("resume_points", lambda r: r["learner_id"])
    for table in ("module_progress", "resume_points"):
        for i, row in enumerate(data[table]):
            if row["learner_id"] not in learners:
                raise _refuse(path, f"{table}[{i}] belongs to a learner who is not in the file.")


# ------------------------------------------------------------------------------------- the operations
def _as_zip(out: Path, fmt: str | None) -> bool:
    if fmt in ("zip", "json"):
        return fmt == "zip"
    return out.suffix.lower() != ".json"


def export_results(store: Store, out: Path, *, fmt: Literal["zip", "json"] | None = None) -> dict[str, Any]:
    """Write every class, learner, quiz run, answer and module progress to ``out``; return the manifest.

    ``fmt`` None: plain JSON when ``out`` ends in .json, else a zip.
    """
    return write_bundle(store, "results", store.export_snapshot(), out, as_zip=_as_zip(out, fmt))


def export_roster(store: Store, out: Path, *, class_name: str | None = None) -> dict[str, Any]:
    """Write classes and learners (with their ids) to ``out``, optionally only one class."""
    class_ids = None
    if class_name is not None:
        found = store.find_class(class_name)
        if found is None:
            names = ", ".join(c.name for c in store.list_classes()) or "none yet"
            raise StoreError(f"There is no class called {class_name!r} (classes: {names}).")
        class_ids = [found.id]
    data = store.export_snapshot(roster_only=True, class_ids=class_ids)
    return write_bundle(store, "roster", data, out, as_zip=out.suffix.lower() == ".zip")


def import_bundle(store: Store, path: Path, kind: Kind) -> MergeReport:
    """Check and merge one file in one transaction; ``BundleError`` (nothing imported) when it is bad."""
    bundle = read_bundle(path, kind)
    try:
        return store.merge_snapshot(bundle.data, source=path.name)
    except BundleError as exc:
        raise _refuse(path, str(exc)) from exc


def import_results(store: Store, paths: Iterable[Path]) -> list[ImportOutcome]:
    """Import several results files; each is all-or-nothing, a bad one does not stop the others."""
    outcomes = []
    for path in paths:
        try:
            outcomes.append(ImportOutcome(path, import_bundle(store, path, "results"), None))
        except BundleError as exc:
            outcomes.append(ImportOutcome(path, None, str(exc)))
    return outcomes


def import_roster(store: Store, path: Path) -> MergeReport:
    return import_bundle(store, path, "roster")


def describe_report(report: MergeReport) -> list[str]:
    """Lines for a teacher: what a merge added and changed, and the look-alikes to check."""
    labels = {
        "classes": "class(es)",
        "learners": "learner(s)",
        "learner_merges": "merged learner record(s)",
        "quiz_runs": "quiz run(s)",
        "attempts": "answer(s)",
        "module_progress": "module progress record(s)",
        "resume_points": "resume point(s)",
    }

    def part(counts: dict[str, int]) -> str:
        return ", ".join(f"{n} {labels.get(k, k)}" for k, n in counts.items() if n) or "nothing"

    lines = [f"{report.source}: added {part(report.added)}; updated {part(report.updated)}."]
    if not report.changed:
        lines = [f"{report.source}: nothing new (everything in it was already here)."]
    for who in report.skipped_deleted:
        lines.append(f"  skipped {who}: this learner was deleted on this computer.")
    for m in report.mapped:
        lines.append(
            f"  {m.name} ({m.merged_id}) was merged into learner {m.kept_id}: what the file holds of "
            "them was added to that learner."
        )
    for m in report.folded:
        lines.append(f"  merged {m.name} ({m.merged_id}) into learner {m.kept_id}, as the file says.")
    for name in report.reset:
        lines.append(f"  cleared the older progress of {name}: it was reset on the other computer.")
    if report.skipped_before_reset:
        lines.append(
            f"  left out {report.skipped_before_reset} answer(s) given before their learner's progress "
            "was reset."
        )
    for la in report.look_alikes:
        where = f" in {la.class_name}" if la.class_name else ""
        advice = (
            "If they are the same child, make them one learner (nothing is merged until you do): "
            f"quizapp roster merge {la.existing_id} {la.incoming_id}"
            if la.kind == "learner"
            else "If they are the same class, move its learners into one and archive the other."
        )
        lines.append(
            f"  check: {la.kind} {la.name!r}{where} exists here with another id ({la.existing_id}); "
            f"the one in the file ({la.incoming_id}) was added separately. {advice}"
        )
    return lines
