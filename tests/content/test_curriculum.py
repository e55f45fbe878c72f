"""The built-in curriculum: big enough, every type and age band, both languages everywhere, no warnings."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from quizapp.content.models import QUESTION_TYPES, Module
from quizapp.content.packs import Pack, _iter_texts
from quizapp.content.text import DEFAULT_KEY, Accepted, LText
from quizapp.content.validate import ValidationReport, validate_paths
from tests.conftest import ROOT

CURRICULUM = ("safety-8-10", "safety-11-13", "safety-14-17", "adults")


@pytest.fixture(scope="module")
def report() -> ValidationReport:
    return validate_paths([ROOT / "questions" / name for name in CURRICULUM])


def modules(report: ValidationReport) -> list[Module]:
    return [m for p in report.packs for m in p.modules]


def test_every_pack_validates_without_warnings(report: ValidationReport) -> None:
    """All curriculum packs are valid with no warnings at all."""
    assert [str(d) for d in report.diagnostics.items] == []
    assert sorted(p.id for p in report.packs) == sorted(CURRICULUM)


def test_counts(report: ValidationReport) -> None:
    """At least 12 modules and 180 questions, with scenarios the most common type."""
    mods = modules(report)
    types = Counter(q.type for m in mods for q in m.quiz.questions)
    assert len(mods) >= 12
    assert sum(types.values()) >= 180
    assert set(types) == set(QUESTION_TYPES)
    assert types.most_common(1)[0][0] == "scenario"


def test_age_bands_and_audiences(report: ValidationReport) -> None:
    """Each student age band has modules of its own, plus one for parents and one for teachers."""
    mods = modules(report)
    bands = Counter(m.age_band for m in mods if m.audience == "students")
    assert all(bands[band] >= 2 for band in ("8-10", "11-13", "14-17")), bands
    assert {m.audience for m in mods} >= {"students", "parents", "teachers"}


def test_sextortion_only_for_14_17(report: ValidationReport) -> None:
    """Image sharing and sextortion are taught only in the 14-17 track (and to adults)."""
    for module in modules(report):
        if "sextortion" in module.tags:
            assert module.age_band in ("14-17", "adults"), module.id


def test_modules_fit_a_class_period(report: ValidationReport) -> None:
    """Each module is a 30-40 minute period with a lesson, key points and a quiz."""
    for module in modules(report):
        assert 30 <= module.minutes <= 40, module.id
        assert module.lesson.key_points, module.id
        assert len(module.quiz.questions) >= 15, module.id


def test_every_text_in_english_and_urdu(report: ValidationReport) -> None:
    """Every text has non-empty English and Urdu, written out (not a single-language string)."""
    missing = []
    for pack in report.packs:
        for loc, text in [*_iter_texts(pack.manifest, ("pack.yaml",)), *_module_texts(pack)]:
            langs = set(text) - {DEFAULT_KEY}
            if langs != {"en", "ur"}:
                missing.append((pack.id, loc))
                continue
            if isinstance(text, LText):
                assert all(text[k].strip() for k in ("en", "ur")), loc
            elif isinstance(text, Accepted):
                assert all(text[k] for k in ("en", "ur")), loc
    assert not missing, missing[:10]


def _module_texts(pack: Pack) -> list[tuple[tuple[int | str, ...], LText | Accepted]]:
    return [item for m in pack.modules for item in _iter_texts(m, (m.id,))]


def test_urdu_text_is_urdu(report: ValidationReport) -> None:
    """Urdu texts are in Urdu script; only short literals (sample passwords) may be in Latin letters."""
    arabic = re.compile(r"[\u0600-\u06ff]")
    for pack in report.packs:
        for loc, text in _module_texts(pack):
            if isinstance(text, LText) and not arabic.search(text["ur"]):
                assert loc[-3] == "options" and len(text["ur"].split()) <= 4, (pack.id, loc, text["ur"][:60])


def test_no_invented_contacts(report: ValidationReport) -> None:
    """No phone numbers or web addresses: contacts come from {{help_contacts}}, filled in by the school."""
    phone = re.compile(r"(\+92|\b0\d{3}[- ]?\d{7}\b|\b\d{4,5}\b(?=\s*(?:helpline|ہیلپ لائن)))")
    url = re.compile(r"(https?://|www\.|\.com\b|\.pk\b|\.org\b)", re.I)
    for pack in report.packs:
        for loc, text in _module_texts(pack):
            if isinstance(text, LText):
                for value in text.values():
                    assert not url.search(value), (pack.id, loc, value[:80])
                    assert not phone.search(value), (pack.id, loc, value[:80])


def test_review_status_recorded(report: ValidationReport) -> None:
    """Each pack says whether each language was reviewed by a native-speaking teacher."""
    for pack in report.packs:
        assert set(pack.manifest.review_status) == {"en", "ur"}


def test_every_question_explains(report: ValidationReport) -> None:
    """Every question has an explanation in both languages, long enough to say why."""
    for module in modules(report):
        for question in module.quiz.questions:
            assert len(question.explanation["en"].split()) >= 8, (module.id, question.id)


# The topics of the curriculum issue, each with words that show a module really teaches it (not only tags it).
TOPICS = {
    "passwords": r"passphrase|password",
    "privacy": r"private|privacy|secret|personal",
    "scams": r"scam|trick|fraud|fake",
    "cyberbullying": r"bully",
    "grooming": r"grooming|stranger",
    "misinformation": r"\btrue\b|\bfake\b|rumour",
    "footprint": r"footprint|stay (there )?for a long time|what you post",
    "wellbeing": r"sleep|\bbreaks?\b|screen time",
    "gaming": r"\bgames?\b|gaming",
    "reporting": r"\breport",
    "respect": r"permission|consent|ask (first|before)|respect|kind|hurt",
}
STUDENT_BANDS = ("8-10", "11-13", "14-17")


def _lesson_en(module: Module) -> str:
    parts = [s.body["en"] for s in module.lesson.sections]
    parts += [k["en"] for k in module.lesson.key_points]
    return "\n".join(parts)


def test_every_topic_taught_at_every_band(report: ValidationReport) -> None:
    """Each topic of the issue is taught at each student age band, in a module whose lesson covers it."""
    missing = []
    for band in STUDENT_BANDS:
        mods = [m for m in modules(report) if m.audience == "students" and m.age_band == band]
        for topic, words in TOPICS.items():
            tagged = [m for m in mods if topic in m.tags]
            if not tagged:
                missing.append((band, topic, "no module tagged"))
            for module in tagged:
                if not re.search(words, _lesson_en(module), re.I):
                    missing.append((band, topic, f"{module.id} is tagged but its lesson never mentions it"))
    assert not missing, missing


def test_sextortion_and_intimate_images_not_mentioned_below_14(report: ValidationReport) -> None:
    """The younger tracks never talk about sextortion or intimate images, in any language or field."""
    words = re.compile(r"sextortion|nude|intimate|blackmail|سیکسٹارشن|بلیک میل|برہنہ", re.I)
    for pack in report.packs:
        for module in pack.modules:
            if module.audience == "students" and module.age_band in ("8-10", "11-13"):
                for loc, text in _iter_texts(module, (module.id,)):
                    for value in text.values():
                        shown = value if isinstance(value, str) else " ".join(value)
                        assert not words.search(shown), (module.id, loc)
