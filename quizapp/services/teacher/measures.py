"""Did the module make anyone safer? Learning gain, item analysis and the programme summary (no Qt).

- **Learning gain**, per class and module: learners who did both checks, mean score before (the first
  pre-check) and after (the latest post-check), the gain (after - before, in points) and Hake's normalised
  gain ``(after - before) / (100 - before)`` computed from the class means.
- **Item analysis**, as Moodle's quiz statistics: for each quiz question, from each learner's first finished
  run of the module, the facility (mean score on the item, percent), the discrimination (the corrected
  point-biserial: the correlation between the item's score and the score on the rest of the quiz) and how
  often each option was chosen. Items answered by fewer than ``MIN_FOR_DISCRIMINATION`` learners get no
  discrimination; below ``POOR_DISCRIMINATION`` an item is flagged for its authors.
- **Programme summary**: counts, means and gains by school, class, age band and module; no names, no ids.
  A figure that would come from fewer than ``MIN_GROUP`` learners is left out (a class's only 14-year-old
  would otherwise be named by their class and age: their score would be the "mean").

Each has a CSV writer (UTF-8 with BOM, written to a temporary file and moved into place).
"""

from __future__ import annotations

import csv
import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean
from typing import Any

from quizapp.content import qtypes
from quizapp.progress.bundle import atomic_output
from quizapp.progress.errors import StoreError
from quizapp.progress.records import Attempt, Learner, QuizRun
from quizapp.progress.settings import Settings
from quizapp.progress.store import Store
from quizapp.services.learning import AGE_BAND_SETTING
from quizapp.services.teacher.reports import PackSource

MIN_FOR_DISCRIMINATION = 5
MIN_GROUP = 5  # the programme summary shows no figure drawn from fewer learners
POOR_DISCRIMINATION = 0.2
NO_CLASS = ""

GAIN_COLUMNS = ("class", "pack", "module", "learners", "pre", "post", "gain", "normalised_gain")
ANALYSIS_COLUMNS = (
    "class",
    "pack",
    "module",
    "question",
    "type",
    "answers",
    "facility",
    "discrimination",
    "flag",
    "options_chosen",
)
SUMMARY_COLUMNS = (
    "school",
    "class",
    "age_band",
    "pack",
    "module",
    "learners",
    "finished_quiz",
    "passed",
    "mean_best_score",
    "learners_with_both_checks",
    "mean_pre",
    "mean_post",
    "gain",
    "normalised_gain",
    "note",
)


@dataclass(frozen=True, slots=True)
class GainRow:
    class_name: str
    pack_id: str
    module_id: str
    learners: int
    pre: float
    post: float

    @property
    def gain(self) -> float:
        return self.post - self.pre

    @property
    def normalised_gain(self) -> float | None:
        """Hake's <g> from the class means; None when the class already scored 100 before."""
        return None if self.pre >= 100.0 else (self.post - self.pre) / (100.0 - self.pre)


@dataclass(frozen=True, slots=True)
class ItemStat:
    class_name: str
    pack_id: str
    module_id: str
    question_id: str
    question_type: str
    answers: int
    facility: float
    discrimination: float | None
    options: tuple[tuple[str, int], ...]

    @property
    def poor(self) -> bool:
        return self.discrimination is not None and self.discrimination < POOR_DISCRIMINATION


def _class_names(store: Store) -> dict[str, str]:
    return {c.id: c.name for c in store.people.list_classes(include_archived=True)}


def _learners(store: Store, class_id: str | None) -> list[Learner]:
    return store.people.list_learners(class_id, include_archived=True)


def _pre_post(store: Store, learner: Learner) -> dict[tuple[str, str], tuple[float, float]]:
    """Per module: the first finished pre-check and the latest finished post-check scores, when both exist."""
    pre: dict[tuple[str, str], float] = {}
    post: dict[tuple[str, str], float] = {}
    for run in store.runs.list_quiz_runs(learner.id, kinds=("pre", "post")):
        if run.finished_at is None or run.score_percent is None:
            continue
        key = (run.pack_id, run.module_id)
        if run.kind == "pre":
            pre.setdefault(key, run.score_percent)
        else:
            post[key] = run.score_percent
    return {k: (pre[k], post[k]) for k in pre if k in post}


def learning_gain(store: Store, class_id: str | None = None) -> list[GainRow]:
    """Gain per class and module (learners without a class form the class "")."""
    names = _class_names(store)
    pairs: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for learner in _learners(store, class_id):
        cname = names.get(learner.class_id or "", NO_CLASS)
        for (pack_id, module_id), scores in _pre_post(store, learner).items():
            pairs[(cname, pack_id, module_id)].append(scores)
    return [
        GainRow(c, p, m, len(v), fmean(s[0] for s in v), fmean(s[1] for s in v))
        for (c, p, m), v in sorted(pairs.items(), key=lambda kv: (kv[0][0].casefold(), kv[0][1], kv[0][2]))
    ]


def _first_runs(store: Store, learner: Learner) -> list[QuizRun]:
    firsts: dict[tuple[str, str], QuizRun] = {}
    for run in store.runs.list_quiz_runs(learner.id):
        if run.finished_at is not None:
            firsts.setdefault((run.pack_id, run.module_id), run)
    return list(firsts.values())


def _pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    if len(xs) < 2:
        return None
    mx, my = fmean(xs), fmean(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx <= 0 or syy <= 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def _chosen(attempt: Attempt) -> list[str]:
    try:
        return qtypes.kind(attempt.question_type).chosen_ids(attempt.answer)
    except KeyError:  # a type this version does not know (a newer computer's results)
        return []


def item_analysis(
    store: Store, packs: Sequence[PackSource] = (), class_id: str | None = None
) -> list[ItemStat]:
    """Statistics per quiz question (over every class when ``class_id`` is None, reported as class "")."""
    cname = _class_names(store).get(class_id, NO_CLASS) if class_id else NO_CLASS
    # (pack, module) -> learner -> question -> (fraction, attempt)
    scores: dict[tuple[str, str], dict[str, dict[str, tuple[float, Attempt]]]] = defaultdict(dict)
    for learner in _learners(store, class_id):
        for run in _first_runs(store, learner):
            items: dict[str, tuple[float, Attempt]] = {}
            for attempt in store.runs.attempts_for_run(run.id):
                if attempt.points_possible > 0:
                    items[attempt.question_id] = (attempt.points_earned / attempt.points_possible, attempt)
            if items:
                scores[(run.pack_id, run.module_id)][learner.id] = items
    orders = _option_orders(packs, scores.keys())
    stats: list[ItemStat] = []
    for (pack_id, module_id), by_learner in sorted(scores.items()):
        totals = {lid: sum(f for f, _ in items.values()) for lid, items in by_learner.items()}
        questions = sorted({q for items in by_learner.values() for q in items})
        for qid in questions:
            xs, rest, kinds = [], [], Counter[str]()
            chosen: Counter[str] = Counter()
            for lid, items in by_learner.items():
                if qid not in items:
                    continue
                fraction, attempt = items[qid]
                xs.append(fraction)
                rest.append(totals[lid] - fraction)
                kinds[attempt.question_type] += 1
                chosen.update(_chosen(attempt))
            disc = _pearson(xs, rest) if len(xs) >= MIN_FOR_DISCRIMINATION else None
            order = orders.get((pack_id, module_id, qid), [])
            options = [(o, chosen.get(o, 0)) for o in order] + sorted(
                (o, n) for o, n in chosen.items() if o not in order
            )
            stats.append(
                ItemStat(
                    cname,
                    pack_id,
                    module_id,
                    qid,
                    kinds.most_common(1)[0][0],
                    len(xs),
                    100.0 * fmean(xs),
                    None if disc is None else round(disc, 4),
                    tuple(options),
                )
            )
    return stats


def _option_orders(
    packs: Iterable[PackSource], answered: Iterable[tuple[str, str]]
) -> dict[tuple[str, str, str], list[str]]:
    """The options' order of every question of the modules answered (only those modules are read)."""
    by_id = {pack.id: pack for pack in packs}
    out: dict[tuple[str, str, str], list[str]] = {}
    for pack_id, module_id in answered:
        pack = by_id.get(pack_id)
        module = None if pack is None else pack.module(module_id)
        if module is None:
            continue
        for q in module.quiz.questions:
            choices = qtypes.kind_of(q).choice_ids(q)
            if choices:
                out[(pack_id, module_id, q.id)] = choices
    return out


@dataclass(frozen=True, slots=True)
class SummaryRow:
    school: str
    class_name: str
    age_band: str
    pack_id: str
    module_id: str
    learners: int
    finished_quiz: int | None
    passed: int | None
    mean_best_score: float | None
    with_both_checks: int | None
    pre: float | None
    post: float | None
    note: str = ""

    @property
    def gain(self) -> float | None:
        return None if self.pre is None or self.post is None else self.post - self.pre

    @property
    def normalised_gain(self) -> float | None:
        if self.pre is None or self.post is None or self.pre >= 100.0:
            return None
        return (self.post - self.pre) / (100.0 - self.pre)


def programme_summary(
    store: Store, *, school: str | None = None, min_group: int = MIN_GROUP
) -> list[SummaryRow]:
    """Counts and means by class, learner's age band and module; no names or ids of anyone. Counts of a
    group of fewer than ``min_group`` learners, and a mean or gain drawn from fewer, are left out (None,
    with a ``note``)."""
    names = _class_names(store)
    school_name = store.settings.school_name if school is None else school
    acc: dict[tuple[str, str, str, str], dict[str, list[Any]]] = defaultdict(
        lambda: {"learners": [], "finished": [], "passed": [], "best": [], "pre": [], "post": []}
    )
    for learner in _learners(store, None):
        cname = names.get(learner.class_id or "", NO_CLASS)
        band = store.settings.read(Settings.learner_key(AGE_BAND_SETTING, learner.id)) or "unknown"
        checks = _pre_post(store, learner)
        for progress in store.progress.list_module_progress(learner.id):
            slot = acc[(cname, band, progress.pack_id, progress.module_id)]
            slot["learners"].append(1)
            if progress.best_score is not None:
                slot["finished"].append(1)
                slot["best"].append(progress.best_score)
            if progress.passed:
                slot["passed"].append(1)
        for (pack_id, module_id), (pre, post) in checks.items():
            slot = acc[(cname, band, pack_id, module_id)]
            slot["pre"].append(pre)
            slot["post"].append(post)
    rows = []
    for (cname, band, pack_id, module_id), s in sorted(
        acc.items(), key=lambda kv: (kv[0][0].casefold(), kv[0][1:])
    ):
        learners, both = len(s["learners"]), len(s["pre"])
        counts = learners >= min_group
        rows.append(
            SummaryRow(
                school_name,
                cname,
                band,
                pack_id,
                module_id,
                learners,
                len(s["finished"]) if counts else None,
                len(s["passed"]) if counts else None,
                fmean(s["best"]) if len(s["best"]) >= min_group else None,
                both if counts else None,
                fmean(s["pre"]) if both >= min_group else None,
                fmean(s["post"]) if both >= min_group else None,
                _withheld_note(min_group, learners, len(s["best"]), both),
            )
        )
    return rows


def _withheld_note(min_group: int, learners: int, finished: int, both: int) -> str:
    if learners < min_group:
        return f"fewer than {min_group} learners: only their number is given"
    left_out = [what for what, n in (("mean score", finished), ("gain", both)) if 0 < n < min_group]
    return f"{' and '.join(left_out)} from fewer than {min_group} learners left out" if left_out else ""


# ------------------------------------------------------------------------------------------------ CSV
def _num(value: float | int | None, digits: int = 1) -> float | int | str:
    if value is None:
        return ""
    if isinstance(value, int):
        return value
    return round(value, digits)


def _cell(text: str) -> str:
    """Text cells that a spreadsheet would read as a formula get a leading apostrophe."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _write(out: Path, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    count = 0
    try:
        with atomic_output(out) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(columns)
            for row in rows:
                writer.writerow(row)
                count += 1
    except OSError as exc:
        raise StoreError(f"Cannot write {out}: {exc.strerror or exc}.") from exc
    return count


def write_gain_csv(out: Path, rows: Sequence[GainRow]) -> int:
    return _write(
        out,
        GAIN_COLUMNS,
        (
            [
                _cell(r.class_name),
                r.pack_id,
                r.module_id,
                r.learners,
                _num(r.pre),
                _num(r.post),
                _num(r.gain),
                _num(r.normalised_gain, 3),
            ]
            for r in rows
        ),
    )


def write_analysis_csv(out: Path, stats: Sequence[ItemStat]) -> int:
    return _write(
        out,
        ANALYSIS_COLUMNS,
        (
            [
                _cell(s.class_name),
                s.pack_id,
                s.module_id,
                s.question_id,
                s.question_type,
                s.answers,
                _num(s.facility),
                _num(s.discrimination, 3),
                "poor discrimination" if s.poor else "",
                json.dumps(dict(s.options), ensure_ascii=False) if s.options else "",
            ]
            for s in stats
        ),
    )


def write_summary_csv(out: Path, rows: Sequence[SummaryRow], *, with_school: bool = True) -> int:
    return _write(
        out,
        SUMMARY_COLUMNS,
        (
            [
                _cell(r.school) if with_school else "",
                _cell(r.class_name),
                r.age_band,
                r.pack_id,
                r.module_id,
                r.learners,
                _num(r.finished_quiz),
                _num(r.passed),
                _num(r.mean_best_score),
                _num(r.with_both_checks),
                _num(r.pre),
                _num(r.post),
                _num(r.gain),
                _num(r.normalised_gain, 3),
                r.note,
            ]
            for r in rows
        ),
    )
