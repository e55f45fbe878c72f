"""The 2026 curriculum (issue 18): enough modules in every band, check questions, sources for legal claims."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from quizapp.content.models import Module
from quizapp.content.validate import ValidationReport, validate_paths
from tests.conftest import ROOT

CURRICULUM = ("safety-8-10", "safety-11-13", "safety-14-17", "adults")
LEGAL = re.compile(r"\bPECA\b|\bNCCIA\b|\bPTA\b|Penal Code|against the law|\bcrimes?\b|\boffences?\b", re.I)
NEW_MODULES = {
    "k-is-it-real",
    "ai-smart",
    "s-ai",
    "s-rumours",
    "s-reporting",
    "a-ai",
    "a-rumours",
    "a-reporting",
}


@pytest.fixture(scope="module")
def report() -> ValidationReport:
    return validate_paths([ROOT / "questions" / name for name in CURRICULUM])


def _modules(report: ValidationReport) -> list[Module]:
    return [m for p in report.packs for m in p.modules]


def test_every_band_has_five_modules_and_the_curriculum_320_questions(report: ValidationReport) -> None:
    """Each band (and the adults) has 5 modules or more; 20 modules and 320 quiz questions in all."""
    mods = _modules(report)
    bands = Counter(m.age_band if m.audience == "students" else "adults" for m in mods)
    assert all(bands[b] >= 5 for b in ("8-10", "11-13", "14-17", "adults")), bands
    assert len(mods) >= 20
    assert sum(len(m.quiz.questions) for m in mods) >= 320


def test_new_modules_have_five_check_questions_distinct_from_the_quiz(report: ValidationReport) -> None:
    """Every module added for 2026 has at least 5 check questions whose ids are not quiz ids."""
    found = {m.id: m for m in _modules(report) if m.id in NEW_MODULES}
    assert set(found) == NEW_MODULES
    for module in found.values():
        assert module.check is not None and len(module.check.questions) >= 5, module.id
        quiz_ids = {q.id for q in module.quiz.questions}
        assert not quiz_ids & {q.id for q in module.check.questions}, module.id


def test_legal_claims_of_new_modules_carry_a_source(report: ValidationReport) -> None:
    """A new lesson section naming a law or body (PECA, NCCIA, PTA, a crime) has a source: note, and no
    source note holds a web address or phone number."""
    missing = []
    for module in _modules(report):
        for index, section in enumerate(module.lesson.sections):
            if section.source is not None:
                assert not re.search(r"https?://|www\.|\+92|\b0\d{3}", section.source["en"]), module.id
            if module.id in NEW_MODULES and LEGAL.search(section.body["en"]) and section.source is None:
                missing.append((module.id, index))
    assert not missing, missing
