"""Reports: ``store.reports`` answers the teacher's questions about a class in a few grouped queries (the
class summary grid: status, best score, runs and answers per learner and module; the item analysis: how
often each question was answered wrongly and the commonest wrong answers) and counts rows by table."""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, false, func, or_, select, true
from sqlalchemy.sql.elements import ColumnElement

from quizapp.progress import schema as t
from quizapp.progress.database import Database
from quizapp.progress.people import People
from quizapp.progress.records import ClassSummary, Moment, QuestionStat, Status, SummaryCell, WrongAnswer
from quizapp.progress.rows import time_range


def _learner_filter(class_id: str | None, include_archived: bool) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if class_id is not None:
        where.append(t.learners.c.class_id == class_id)
    if not include_archived:
        where.append(t.learners.c.archived == false())
    return where


class Reports:
    """``store.reports``: class summaries, question statistics and row counts."""

    def __init__(self, db: Database, people: People) -> None:
        self._db = db
        self._people = people

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
        learners = self._people.list_learners(class_id, include_archived=include_archived)
        who = _learner_filter(class_id, include_archived)
        r, a, mp = t.quiz_runs.c, t.attempts.c, t.module_progress.c
        dated = since is not None or until is not None
        runs_q = (
            select(
                r.learner_id,
                r.pack_id,
                r.module_id,
                func.count(),
                func.max(r.score_percent),
                func.max(case((r.passed == true(), 1), else_=0)),
                func.max(r.updated_at),
            )
            .select_from(t.quiz_runs.join(t.learners, t.learners.c.id == r.learner_id))
            .where(*who, r.kind == "quiz", *time_range(r.started_at, since, until))
            .group_by(r.learner_id, r.pack_id, r.module_id)
        )
        answers_q = (
            select(a.learner_id, a.pack_id, a.module_id, func.count(), func.max(a.answered_at))
            .select_from(t.attempts.join(t.learners, t.learners.c.id == a.learner_id))
            .where(*who, a.kind == "quiz", *time_range(a.answered_at, since, until))
            .group_by(a.learner_id, a.pack_id, a.module_id)
        )
        progress_q = (
            select(
                mp.learner_id,
                mp.pack_id,
                mp.module_id,
                mp.lesson_read,
                mp.lesson_position,
                mp.quiz_state,
                mp.best_score,
                mp.passed,
                mp.updated_at,
            )
            .select_from(t.module_progress.join(t.learners, t.learners.c.id == mp.learner_id))
            .where(*who, *time_range(mp.updated_at, since, until))
        )
        # key -> [runs, best, passed, answers, last activity, touched]
        acc: dict[tuple[str, str, str], list[Any]] = {}

        def slot(key: tuple[str, str, str]) -> list[Any]:
            found = acc.get(key)
            if found is None:
                found = acc[key] = [0, None, False, 0, None, False]
            return found

        def later(x: str | None, y: str | None) -> str | None:
            return y if x is None or (y is not None and y > x) else x

        with self._db.read() as conn:
            for lid, pid, mid, n, best, passed, last in conn.execute(runs_q):
                s = slot((lid, pid, mid))
                s[0], s[1], s[2], s[4] = int(n), None if best is None else float(best), bool(passed), last
            for lid, pid, mid, n, last in conn.execute(answers_q):
                s = slot((lid, pid, mid))
                s[3], s[4] = int(n), later(s[4], last)
            for lid, pid, mid, lesson_read, lesson_pos, state, best, passed, updated in conn.execute(
                progress_q
            ):
                s = slot((lid, pid, mid))
                s[5] = bool(lesson_read) or int(lesson_pos) > 0 or state != "not_started"
                s[4] = later(s[4], updated)
                if not dated:  # without a range the module's own record is the truth about passing
                    s[2] = s[2] or bool(passed)
                    if best is not None:
                        s[1] = float(best) if s[1] is None else max(s[1], float(best))
        cells: dict[tuple[str, str, str], SummaryCell] = {}
        for key, (runs, best, passed, answers, last, touched) in acc.items():
            status: Status = (
                "passed" if passed else ("in_progress" if runs or answers or touched else "not_started")
            )
            cells[key] = SummaryCell(key[0], key[1], key[2], status, best, runs, answers, last)
        modules = tuple(sorted({(k[1], k[2]) for k in cells}))
        return ClassSummary(class_id, tuple(learners), modules, cells)

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
        a = t.attempts.c
        where: list[ColumnElement[bool]] = [
            *_learner_filter(class_id, False),
            a.kind == "quiz",
            *time_range(a.answered_at, since, until),
        ]
        if pack_id is not None:
            where.append(a.pack_id == pack_id)
        if module_id is not None:
            where.append(a.module_id == module_id)
        is_wrong = or_(a.correct == false(), a.rating == "unsafe")
        joined = t.attempts.join(t.learners, t.learners.c.id == a.learner_id)
        totals_q = (
            select(
                a.pack_id,
                a.module_id,
                a.question_id,
                func.max(a.question_type),
                func.count(),
                func.sum(case((is_wrong, 1), else_=0)),
            )
            .select_from(joined)
            .where(*where)
            .group_by(a.pack_id, a.module_id, a.question_id)
        )
        wrong_q = (
            select(a.pack_id, a.module_id, a.question_id, a.answer_json, func.count())
            .select_from(joined)
            .where(*where, is_wrong)
            .group_by(a.pack_id, a.module_id, a.question_id, a.answer_json)
        )
        top: dict[tuple[str, str, str], list[WrongAnswer]] = {}
        with self._db.read() as conn:
            totals = conn.execute(totals_q).all()
            for pid, mid, qid, answer_json, n in conn.execute(wrong_q):
                top.setdefault((pid, mid, qid), []).append(WrongAnswer(answer_json, int(n)))
        stats = []
        for pid, mid, qid, qtype, n, wrong in totals:
            choices = sorted(top.get((pid, mid, qid), []), key=lambda w: (-w.count, w.answer_json))
            stats.append(
                QuestionStat(pid, mid, qid, qtype, int(n), int(wrong or 0), tuple(choices[:wrong_answers]))
            )
        stats.sort(key=lambda s: (-s.percent_wrong, -s.wrong, s.pack_id, s.module_id, s.question_id))
        return stats

    def counts(self) -> dict[str, int]:
        """Number of rows by table (for reports and tests)."""
        with self._db.read() as conn:
            return {
                table.name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
                for table in t.metadata.sorted_tables
            }
