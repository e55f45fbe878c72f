"""Results and roster files: moving learners and their answers between computers.

A file is JSON inside a zip (``manifest.json`` + ``data.json``) or one plain JSON file. Both carry a format
name, a format version and the SHA-256 of the data, so a damaged or edited file is refused as a whole.
(The checksum catches damage and casual edits; it is not a signature against someone who recomputes it.)

Importing merges into the store in one transaction: same id = same record, importing twice changes
nothing, and learners who merely look alike (same name and class, different ids) are listed, never merged.
Format 2 (written since learners can be merged and their progress reset) adds ``learner_merges`` and each
learner's ``progress_reset_at``; format 3 adds the device and counter of each quiz run, answer, module
progress and resume point, and what each reset had seen (``seen.py``). Files of formats 1 and 2 are still
read (their records are judged against resets by time, as they were).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import socket
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from quizapp import __version__
from quizapp.progress import bundleio, module_titles, seen
from quizapp.progress.errors import BundleError, StoreError
from quizapp.progress.records import QUESTION_TYPES, ClockNote, MergeReport, to_utc_iso, utc_now
from quizapp.progress.store import Store

RESULTS_FORMAT = "quizapp-results"
ROSTER_FORMAT = "quizapp-roster"
FORMAT_VERSION = 3
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


def _vector_text(text: str) -> str:
    seen.parse(text)  # ValueError: reported as invalid data
    return text


def _known_type(name: str) -> str:
    if name not in QUESTION_TYPES:
        raise ValueError(f"unknown question type '{name}' (known: {', '.join(QUESTION_TYPES)})")
    return name


QuestionType = Annotated[str, AfterValidator(_known_type)]
VectorText = Annotated[str, StringConstraints(max_length=200_000), AfterValidator(_vector_text)]
Device = Annotated[str, StringConstraints(max_length=36)]


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class _OriginRow(_Row):
    """Format 3: the device (database id) and counter that wrote the record; None in older files."""

    origin_device: Device | None = None
    origin_counter: Count | None = None


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
    father_name: Annotated[str, StringConstraints(max_length=60)] = ""  # schema 4: same-name children
    roll_number: Annotated[str, StringConstraints(max_length=20)] = ""
    progress_reset_seen: VectorText | None = None  # format 3: what the reset had seen, per device


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


class RunRow(_OriginRow):
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


class AttemptRow(_OriginRow):
    id: Id
    learner_id: Id
    quiz_run_id: Id
    pack_id: Slug
    pack_version: Version
    module_id: Slug
    question_id: Slug
    question_type: QuestionType
    answer_json: str
    correct: bool | None
    rating: Literal["best", "acceptable", "unsafe"] | None
    points_earned: NonNeg
    points_possible: NonNeg
    time_ms: Count
    answered_at: Stamp
    kind: Literal["quiz", "pre", "post"] = "quiz"  # v4; older files hold only quiz answers


class ProgressRow(_OriginRow):
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


class ResumeRow(_OriginRow):
    learner_id: Id
    pack_id: Slug
    module_id: Slug
    stage: Literal["lesson", "quiz", "results"]
    position: Count
    updated_at: Stamp


ROW_MODELS: dict[str, type[_Row]] = {
    "attempts": AttemptRow,
    "classes": ClassRow,
    "learner_merges": MergeRow,
    "learners": LearnerRow,
    "module_progress": ProgressRow,
    "quiz_runs": RunRow,
    "resume_points": ResumeRow,
}
ROSTER_TABLES = ("classes", "learner_merges", "learners")
OPTIONAL_TABLES = ("learner_merges",)  # format 1 files have none
STREAMED = ("attempts", "quiz_runs")  # read in chunks, never held whole
CHUNK_ROWS = 5000
MAX_MANIFEST_BYTES = 1024 * 1024


def _tables_of(kind: Kind) -> tuple[str, ...]:
    return ROSTER_TABLES if kind == "roster" else tuple(sorted(ROW_MODELS))


# ------------------------------------------------------------------------------------------ the file
@dataclass(frozen=True, slots=True)
class Bundle:
    """A read, checked bundle: its manifest, the small tables as plain dicts, and how to stream the large
    ones again (``chunks(table)``: validated rows, chunk by chunk, the checksum checked once more)."""

    path: Path
    kind: Kind
    manifest: dict[str, Any]
    data: dict[str, list[dict[str, Any]]]
    row_counts: dict[str, int]
    runs: dict[str, str]  # quiz run id -> learner id, for the answers' links

    @property
    def counts(self) -> dict[str, int]:
        return dict(self.row_counts)

    def chunks(self, table: str) -> Iterator[list[dict[str, Any]]]:
        if table in self.data:
            yield self.data[table]
            return
        yield from _stream_table(self, table)


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
    """Yield a temporary path next to ``out`` (mode 0600); on success it replaces ``out``, flushed to disk;
    on failure it is removed."""
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise StoreError(f"Cannot write {out}: the folder {parent} does not exist.")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partial", dir=parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _manifest(
    store: Store, kind: Kind, counts: dict[str, int], sha: str, modules: set[tuple[str, str]]
) -> dict[str, Any]:
    return {
        "format": _FORMATS[kind],
        "format_version": FORMAT_VERSION,
        "created_at": utc_now(),
        "app_version": __version__,
        "database_id": store.database_id,
        "computer": socket.gethostname(),
        "school_name": store.settings.school_name,
        "counts": counts,
        "sha256": sha,
        **module_titles.for_modules(store, kind, modules),  # their words, for PCs without the packs
    }


def write_bundle(
    store: Store,
    kind: Kind,
    data: dict[str, Any] | Iterable[tuple[str, Iterable[dict[str, Any]]]],
    out: Path,
    *,
    as_zip: bool,
) -> dict[str, Any]:
    """Write the tables (a dict, or (name, rows) pairs in sorted order) as a bundle file (zip or plain
    JSON), streaming, atomically; return the manifest."""
    modules: set[tuple[str, str]] = set()
    tables = module_titles.noting_modules(sorted(data.items()) if isinstance(data, dict) else data, modules)
    school = store.settings.school_name  # read before the export's own read transaction
    try:
        with atomic_output(out) as tmp:
            if as_zip:
                with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                    with zf.open(DATA_NAME, "w", force_zip64=True) as fh:
                        sha, counts = bundleio.write_tables(fh.write, tables)
                    manifest = {**_manifest(store, kind, counts, sha, modules), "school_name": school}
                    zf.writestr(MANIFEST_NAME, json.dumps(manifest, ensure_ascii=False, indent=2))
            else:
                with tmp.open("wb") as fh:
                    fh.write(b'{"data":')
                    sha, counts = bundleio.write_tables(fh.write, tables)
                    manifest = {**_manifest(store, kind, counts, sha, modules), "school_name": school}
                    for key, value in manifest.items():
                        fh.write(b",\n" + canonical_bytes(key) + b":" + canonical_bytes(value))
                    fh.write(b"}\n")
    except OSError as exc:
        raise StoreError(f"Cannot write {out}: {exc.strerror or exc}.") from exc
    return manifest


def _refuse(path: Path, why: str) -> BundleError:
    return BundleError(f"{path.name}: {why} Nothing was imported from this file.")


_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    KeyError,
    NotImplementedError,  # a damaged compression method
    RuntimeError,  # a damaged flag that says "encrypted"
    struct.error,
)


@contextlib.contextmanager
def _data_stream(path: Path, manifest_out: dict[str, Any] | None = None) -> Iterator[bundleio.JsonStream]:
    """The data object of a bundle as a JSON stream. For a plain JSON file the manifest's fields are read
    into ``manifest_out`` around it (the stream is then read to its end by the caller's ``end()``)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4)
            size = os.fstat(fh.fileno()).st_size
    except OSError as exc:
        raise BundleError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
                if not {MANIFEST_NAME, DATA_NAME} <= names:
                    raise _refuse(path, "it is a zip file but not a quizapp results or roster file.")
                if manifest_out is not None:
                    if zf.getinfo(MANIFEST_NAME).file_size > MAX_MANIFEST_BYTES:
                        raise _refuse(path, "its manifest is damaged.")
                    with zf.open(MANIFEST_NAME) as mf:
                        raw = mf.read(MAX_MANIFEST_BYTES + 1)
                    if len(raw) > MAX_MANIFEST_BYTES:
                        raise _refuse(path, "its manifest is damaged.")
                    try:
                        manifest = json.loads(raw.decode("utf-8"))
                    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                        raise _refuse(path, "its manifest is damaged.") from exc
                    if not isinstance(manifest, dict):
                        raise _refuse(path, "its manifest is damaged.")
                    manifest_out.update(manifest)
                with zf.open(DATA_NAME) as raw_data:
                    yield bundleio.JsonStream(raw_data, limit=MAX_DATA_BYTES, reader_errors=_ZIP_ERRORS)
        except BundleError:
            raise
        except bundleio.StreamError as exc:
            raise _refuse(path, str(exc)) from exc
        except _ZIP_ERRORS as exc:
            raise _refuse(path, f"the zip file is damaged ({exc}).") from exc
        return
    if size > MAX_DATA_BYTES:
        raise _refuse(path, "it is far too large to be a quizapp file.")
    try:
        with path.open("rb") as fh:
            stream = bundleio.JsonStream(fh, limit=MAX_DATA_BYTES)
            found = False
            for key in stream.members():
                if key == "data":
                    found = True
                    yield stream
                else:
                    value = stream.value()
                    if manifest_out is not None:
                        manifest_out[key] = value
            stream.end()
            if not found:
                raise _refuse(path, "it is not a quizapp results or roster file.")
    except BundleError:
        raise
    except bundleio.StreamError as exc:
        if head.lstrip()[:1] not in (b"{", b""):
            raise _refuse(path, "it is neither a quizapp zip file nor readable JSON.") from exc
        raise _refuse(path, str(exc)) from exc
    except OSError as exc:
        raise BundleError(f"Cannot read {path}: {exc.strerror or exc}.") from exc


def _validate(path: Path, table: str, index: int, row: dict[str, Any]) -> dict[str, Any]:
    try:
        return ROW_MODELS[table].model_validate(row).model_dump()
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        more = exc.error_count() - 1
        also = f" (and {more} more problem(s))" if more else ""
        raise _refuse(
            path,
            f"it does not hold valid quizapp data: {table}[{index}]{'.' + where if where else ''}: "
            f"{first['msg']}{also}. Export it again on the computer it came from.",
        ) from exc


def _check_header(path: Path, kind: Kind, manifest: dict[str, Any]) -> None:
    fmt = manifest.get("format")
    if fmt not in _FORMATS.values():
        raise _refuse(path, "it is not a quizapp results or roster file.")
    if fmt != _FORMATS[kind]:
        other = "roster" if fmt == ROSTER_FORMAT else "results"
        raise _refuse(path, f"it is a {other} file; use 'quizapp {other} import' for it.")
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _refuse(path, "its format version is missing or damaged.")
    if version > FORMAT_VERSION:
        raise _refuse(path, f"it was made by a newer quizapp (file format {version}); update quizapp first.")


_CHANGED = (
    "it was changed or damaged after it was exported (its SHA-256 checksum does not match). "
    "Export it again on the computer it came from."
)


def read_bundle(path: Path, kind: Kind) -> Bundle:
    """Read and check a bundle in one streaming pass: format, version, checksum, every record and the links
    between them; the small tables are kept, the quiz runs and answers are not (see ``Bundle.chunks``).

    ``BundleError`` with a specific message when anything is wrong. Memory stays bounded whatever the file
    holds or claims."""
    manifest: dict[str, Any] = {}
    digest = hashlib.sha256()
    small: dict[str, list[dict[str, Any]]] = {}
    counts: dict[str, int] = {}
    runs: dict[str, str] = {}
    problem: BundleError | None = None
    wanted = _tables_of(kind)
    with _data_stream(path, manifest) as stream:
        if manifest.get("format") is not None:  # a zip's manifest comes first: refuse the wrong kind early
            _check_header(path, kind, manifest)
        try:
            for name, rows in bundleio.tables(stream, digest):
                n = 0
                for row in rows:
                    if problem is None and name in wanted:
                        try:
                            checked = _validate(path, name, n, row)
                            if name == "quiz_runs":
                                _check_run(path, n, checked, runs)
                            elif name == "attempts":
                                _check_answer(path, n, checked)
                            else:
                                small.setdefault(name, []).append(checked)
                        except BundleError as exc:
                            problem = exc
                    n += 1
                counts[name] = n
        except bundleio.StreamError as exc:
            raise _refuse(path, str(exc)) from exc
    _check_header(path, kind, manifest)
    if manifest.get("sha256") != digest.hexdigest():
        raise _refuse(path, _CHANGED)
    if problem is not None:
        raise problem
    for name in counts:
        if name not in wanted:
            raise _refuse(
                path, f"it does not hold valid quizapp data: {name}: Extra inputs are not permitted."
            )
    for name in wanted:
        if name not in counts and name not in OPTIONAL_TABLES:
            raise _refuse(path, f"it does not hold valid quizapp data: {name}: Field required.")
        small.setdefault(name, []) if name not in STREAMED else None
    _check_links(path, small, runs)
    bundle = Bundle(path, kind, manifest, small, counts, runs)
    if counts.get("attempts"):
        _check_answer_links(bundle)
    _check_counts(path, manifest, counts)
    return bundle


def _check_answer_link(bundle: Bundle, index: int, row: dict[str, Any]) -> None:
    if bundle.runs.get(str(row.get("quiz_run_id"))) != row.get("learner_id"):
        why = f"attempts[{index}] does not belong to a quiz run of its learner in the file."
        raise _refuse(bundle.path, why)


def _check_answer_links(bundle: Bundle) -> None:
    """Answers come before quiz runs in the file: a second, light pass checks that each belongs to a quiz
    run of its learner, and that none is repeated (quizapp writes them in id order, so a repeat or a file
    out of order is found by comparing neighbours, in constant memory)."""
    with _data_stream(bundle.path) as stream:
        try:
            for name, rows in bundleio.tables(stream):
                last = ""
                for n, row in enumerate(rows):
                    if name != "attempts":
                        continue
                    _check_answer_link(bundle, n, row)
                    if str(row.get("id")) <= last:
                        raise _refuse(bundle.path, f"attempts[{n}] repeats a record or is out of order.")
                    last = str(row.get("id"))
        except bundleio.StreamError as exc:
            raise _refuse(bundle.path, str(exc)) from exc


def _check_run(path: Path, index: int, row: dict[str, Any], runs: dict[str, str]) -> None:
    if row["id"] in runs:
        raise _refuse(path, f"quiz_runs[{index}] repeats a record that is already in the file.")
    try:
        _json_list_of_slugs(row["question_order"])
    except ValueError as exc:
        raise _refuse(path, f"quiz_runs[{index}].question_order is damaged.") from exc
    runs[row["id"]] = row["learner_id"]


def _check_answer(path: Path, index: int, row: dict[str, Any]) -> None:
    try:
        json.loads(row["answer_json"])
    except ValueError as exc:
        raise _refuse(path, f"attempts[{index}].answer_json is not JSON.") from exc


def _stream_table(bundle: Bundle, table: str) -> Iterator[list[dict[str, Any]]]:
    """The validated rows of a large table, chunk by chunk, from a second pass over the file; the checksum
    is checked again at the end (a file changed in between raises ``BundleError``: the import is undone)."""
    path = bundle.path
    digest = hashlib.sha256()
    with _data_stream(path) as stream:
        try:
            for name, rows in bundleio.tables(stream, digest):
                if name != table:
                    for _ in rows:
                        pass
                    continue
                chunk: list[dict[str, Any]] = []
                for n, row in enumerate(rows):
                    checked = _validate(path, name, n, row)
                    if name == "attempts":
                        _check_answer_link(bundle, n, checked)
                    chunk.append(checked)
                    if len(chunk) >= CHUNK_ROWS:
                        yield chunk
                        chunk = []
                if chunk:
                    yield chunk
        except bundleio.StreamError as exc:
            raise _refuse(path, str(exc)) from exc
    if bundle.manifest.get("sha256") != digest.hexdigest():
        raise _refuse(path, _CHANGED)


def _check_counts(path: Path, manifest: dict[str, Any], counts_in_file: dict[str, int]) -> None:
    """The manifest's record counts (outside the checksum) must match the data: a file whose counts were
    edited, or whose data lost records, is refused rather than trusted."""
    counts = manifest.get("counts")
    if counts is None:
        return
    if not isinstance(counts, dict):
        raise _refuse(path, "its manifest is damaged (the record counts are not readable).")
    for table, n in counts_in_file.items():
        if table in counts and counts[table] != n:
            raise _refuse(
                path,
                f"its manifest says {counts[table]} {table} record(s) but the file holds {n}: it was "
                "changed after it was exported. Export it again on the computer it came from.",
            )


def _check_links(path: Path, data: dict[str, list[dict[str, Any]]], runs: dict[str, str]) -> None:
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
    for i, row in enumerate(data.get("learner_merges", [])):
        if row["merged_id"] == row["kept_id"] or row["merged_id"] in learners:
            raise _refuse(path, f"learner_merges[{i}] does not fit the learners in the file.")
    if "module_progress" not in data:
        return
    for i, learner_id in enumerate(runs.values()):
        if learner_id not in learners:
            raise _refuse(path, f"quiz_runs[{i}] belongs to a learner who is not in the file.")
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
    """Write every class, learner, quiz run, answer and module progress to ``out``, streaming; return the
    manifest. ``fmt`` None: plain JSON when ``out`` ends in .json, else a zip."""
    store.settings.school_name  # noqa: B018  (read before the long read transaction of the export)
    return write_bundle(store, "results", store.snapshots.iter_snapshot(), out, as_zip=_as_zip(out, fmt))


def export_roster(store: Store, out: Path, *, class_name: str | None = None) -> dict[str, Any]:
    """Write classes and learners (with their ids) to ``out``, optionally only one class."""
    class_ids = None
    if class_name is not None:
        found = store.people.find_class(class_name)
        if found is None:
            names = ", ".join(c.name for c in store.people.list_classes()) or "none yet"
            raise StoreError(f"There is no class called {class_name!r} (classes: {names}).")
        class_ids = [found.id]
    data = store.snapshots.export_snapshot(roster_only=True, class_ids=class_ids)
    return write_bundle(store, "roster", data, out, as_zip=out.suffix.lower() == ".zip")


FUTURE_TOLERANCE = timedelta(hours=1)


def _computer(bundle: Bundle) -> tuple[str, str]:
    """The computer a file came from, for messages: its name (with the school), and its name alone."""
    database = bundle.manifest.get("database_id")
    computer = bundle.manifest.get("computer") or f"the computer of database {database}"
    school = bundle.manifest.get("school_name")
    return f"{computer}" + (f" ({school})" if school else ""), str(computer)


def future_resets(bundle: Bundle, now: datetime) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Resets dated after ``now`` (beyond a small tolerance), as (name, moment): those that carry what they
    had seen (harmless: they clear only that), and those that do not (they would clear by their date)."""
    limit = to_utc_iso(now + FUTURE_TOLERANCE)
    with_vector: list[tuple[str, str]] = []
    by_time: list[tuple[str, str]] = []
    for x in bundle.data.get("learners", []):
        mark = x.get("progress_reset_at")
        if mark is not None and mark > limit:
            found = by_time if x.get("progress_reset_seen") is None else with_vector
            found.append((x["display_name"], mark))
    for x in bundle.data.get("learner_merges", []):
        mark = x.get("reset_at")
        if mark is not None and mark > limit:
            by_time.append((x["merged_id"], mark))
    return with_vector, by_time


def refuse_future_resets(bundle: Bundle, now: datetime) -> list[ClockNote]:
    """A reset dated after ``now`` that clears by its date (a file from before device counters, or a merged
    learner's reset) was made on a computer whose clock was ahead; merging it would erase answers given
    here after the reset really happened: refuse the file. Resets that carry what they had seen clear
    only that, whatever their date: return a note for each (the other computer's clock needs setting)."""
    with_vector, by_time = future_resets(bundle, now)
    where, computer = _computer(bundle)
    for name, mark in by_time:
        when = mark[:16].replace("T", " ")
        raise _refuse(
            bundle.path,
            f"it comes from {where}, whose clock was ahead: it says the progress of {name} was reset on "
            f"{when} UTC, which is still in the future on this computer. Set the date and time of "
            f"{computer} right, reset that learner's progress there again, then export again.",
        )
    return [ClockNote(computer, name, mark) for name, mark in with_vector]


def import_bundle(store: Store, path: Path, kind: Kind, *, now: datetime | None = None) -> MergeReport:
    """Check and merge one file in one transaction; ``BundleError`` (nothing imported) when it is bad."""
    bundle = read_bundle(path, kind)
    notes = refuse_future_resets(bundle, now or datetime.now(UTC))
    legacy_device = str(bundle.manifest.get("database_id") or "")
    streams = {
        table: (lambda table=table: bundle.chunks(table)) for table in STREAMED if table not in bundle.data
    }
    try:
        report = store.snapshots.merge_snapshot(
            bundle.data,
            source=path.name,
            streams=streams if kind == "results" else None,
            legacy_device=legacy_device[:36],
        )
        report.clock_notes.extend(notes)
        module_titles.remember(store, bundle.manifest)
        return report
    except BundleError as exc:
        if exc.args and str(exc.args[0]).startswith(f"{path.name}: "):
            raise
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
    for note in report.clock_notes:
        lines.append(
            f"  note: {note.computer}'s clock was ahead: it dates the reset of {note.learner}'s progress "
            f"{note.reset_at[:16].replace('T', ' ')} UTC. Only the answers that reset had seen were cleared, "
            f"so no answer given since is lost. Set the date and time of {note.computer} right."
        )
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
