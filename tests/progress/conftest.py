"""Shared helpers for the progress store tests."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quizapp.progress import bundleio
from quizapp.progress.records import Attempt, Learner, QuizRun
from quizapp.progress.store import Store
from tests.pg import PgServer, PgUnavailable, remove_server, start_server

BACKENDS = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test module with ``STORE_BACKENDS = BACKENDS`` runs its ``store`` tests on each database."""
    backends = getattr(metafunc.module, "STORE_BACKENDS", None)
    if backends and "store" in metafunc.fixturenames:
        metafunc.parametrize("backend", backends, indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A throwaway PostgreSQL server for the session; skips (with the reason) where none can start."""
    try:
        server = start_server()
    except PgUnavailable as exc:
        pytest.skip(f"no PostgreSQL server for the tests: {exc}")
    try:
        yield server
    finally:
        remove_server(server)


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """The URL (with password) of a new empty database on the test server."""
    return pg_server.create_database()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path, backend: str, request: pytest.FixtureRequest) -> Iterator[Store]:
    database = request.getfixturevalue("pg_url") if backend == "postgresql" else ""
    with Store.open(data_dir, database=database) as opened:
        yield opened


def start_run(
    store: Store, learner: Learner, module: str = "passwords", pack: str = "safety", n: int = 3
) -> QuizRun:
    return store.runs.start_quiz_run(learner.id, pack, "1.0", module, [f"q{i}" for i in range(1, n + 1)])


def answer(store: Store, run: QuizRun, question: str = "q1", **kw: Any) -> Attempt:
    values: dict[str, Any] = {
        "learner_id": run.learner_id,
        "quiz_run_id": run.id,
        "pack_id": run.pack_id,
        "pack_version": run.pack_version,
        "module_id": run.module_id,
        "question_id": question,
        "question_type": "single",
        "answer": "a",
        "correct": True,
        "points_earned": 1,
        "points_possible": 1,
        "time_ms": 1500,
    }
    values.update(kw)
    return store.runs.record_answer(**values)


def as_older_quizapp(path: Path, out: Path) -> None:
    """The same results file as a quizapp from before device counters wrote it (format 2)."""
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        data = json.loads(zf.read("data.json"))
    for rows in data.values():
        for row in rows:
            for key in ("origin_device", "origin_counter", "progress_reset_seen"):
                row.pop(key, None)
    buffer = io.BytesIO()
    sha, counts = bundleio.write_tables(buffer.write, sorted(data.items()))
    manifest.update(format_version=2, sha256=sha, counts=counts)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("data.json", buffer.getvalue())
        zf.writestr("manifest.json", json.dumps(manifest))
