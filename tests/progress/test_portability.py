"""The store's queries are portable: every statement it runs also compiles for PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql import ClauseElement

from quizapp.progress.bundle import export_results, import_results
from quizapp.progress.store import Store
from tests.progress.conftest import answer, start_run


def test_every_statement_compiles_for_postgresql(tmp_path: Path) -> None:
    """Exercising the whole API, each SQLAlchemy statement compiles for PostgreSQL; raw SQL is only BEGIN."""
    seen: list[Any] = []
    raw_sql: set[str] = set()
    with Store.open(tmp_path / "a") as source:
        c = source.people.create_class("5A")
        ali = source.people.create_learner("Ali", class_id=c.id)
        run = start_run(source, ali)
        answer(source, run, next_index=1)
        source.runs.finish_quiz_run(run.id, score_percent=100, passed=True)
        export_results(source, tmp_path / "r.zip")

    with Store.open(tmp_path / "b") as store:
        engine = store._db.engine  # type: ignore[attr-defined]

        @event.listens_for(engine, "before_execute")
        def capture(conn: Any, element: Any, multiparams: Any, params: Any, options: Any) -> None:
            if isinstance(element, ClauseElement):
                seen.append(element)
            else:
                raw_sql.add(str(element))

        import_results(store, [tmp_path / "r.zip"])
        cls = store.people.create_class("5B")
        sara = store.people.create_learner("Sara", class_id=cls.id)
        store.people.update_learner(sara.id, class_id=None, text_size=125)
        store.people.rename_class(cls.id, "Blue")
        store.people.archive_class(cls.id)
        run = start_run(store, sara)
        answer(store, run, next_index=1)
        answer(store, run, "q2", question_type="scenario", correct=None, rating="unsafe", points_earned=0)
        store.runs.finish_quiz_run(run.id, score_percent=50, passed=False)
        store.progress.save_lesson_position(sara.id, "safety", "1.0", "intro", 2, read=True)
        store.progress.set_resume_point(sara.id, "safety", "intro", "lesson", 1)
        store.runs.attempts_for_learner(
            sara.id, module_id="passwords", since="2024-01-01", until="2099-01-01"
        )
        store.runs.list_quiz_runs(sara.id, pack_id="safety")
        store.reports.class_summary(c.id, since="2024-01-01")
        store.reports.class_summary()
        store.reports.question_stats(c.id, pack_id="safety", module_id="passwords")
        store.packs.register_pack("safety", "1.0", {"en": "Safety"}, "x")
        store.packs.set_pack_enabled("safety", False)
        store.packs.list_packs(enabled_only=True)
        store.settings.school_name = "School"
        store.snapshots.export_snapshot(roster_only=True, class_ids=[c.id])
        store.people.archive_learner(sara.id)
        store.people.delete_learner(sara.id)
        store.reports.counts()
        event.remove(engine, "before_execute", capture)

    assert len(seen) > 40
    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    # upserts are built with each database's own insert (progress/concurrency.py); their PostgreSQL form
    # runs against a real server in the STORE_BACKENDS tests
    upserts = [e for e in seen if isinstance(e, sqlite.Insert)]
    assert upserts
    for element in seen:
        if not isinstance(element, sqlite.Insert):
            element.compile(dialect=dialect)
    assert raw_sql <= {"BEGIN"}
