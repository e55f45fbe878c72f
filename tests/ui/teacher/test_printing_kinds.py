"""Every question type prints (from its own module in ``ui/questions/kinds``): spot the scam as its message in
words and a box per part, ticked with every explanation in the answer key; matching pairs in both."""

from __future__ import annotations

import html

import pytest

from quizapp.content.models import SpotTheScam
from quizapp.content.validate import validate_paths
from quizapp.content.vocab import QUESTION_TYPES
from quizapp.paths import builtin_packs_dir
from quizapp.ui.teacher.printing import question_html, worksheet_html

PACK = validate_paths([builtin_packs_dir() / "example"]).packs[0]
MODULE = PACK.modules[0]


def _question(qtype: str):  # type: ignore[no-untyped-def]
    return next(q for q in MODULE.quiz.questions if q.type == qtype)


@pytest.mark.parametrize("qtype", QUESTION_TYPES)
def test_every_type_prints_its_prompt_in_both_languages(qapp, qtype: str) -> None:  # type: ignore[no-untyped-def]
    """Worksheet and answer key of each type hold the prompt, in English and in Urdu."""
    question = _question(qtype)
    for language in ("en", "ur"):
        for answers in (False, True):
            body = question_html(1, question, language, "en", answers=answers, fill=lambda t: t)
            assert html.escape(question.prompt[language], quote=True) in body


def test_spot_the_scam_on_paper(qapp) -> None:  # type: ignore[no-untyped-def]
    """The worksheet describes the message and gives an empty box per part; the key ticks the suspicious
    parts and explains every part."""
    question = _question("spot_the_scam")
    assert isinstance(question, SpotTheScam)
    sheet = question_html(3, question, "en", "en", answers=False, fill=lambda t: t)
    key = question_html(3, question, "en", "en", answers=True, fill=lambda t: t)
    assert html.escape(question.picture_alt["en"], quote=True) in sheet
    assert sheet.count("☐") == len(question.regions) and "☑" not in sheet
    assert key.count("☑") == sum(r.suspicious for r in question.regions)
    for region in question.regions:
        assert html.escape(region.name["en"], quote=True) in sheet
        assert html.escape(region.explanation["en"], quote=True) in key
        assert html.escape(region.explanation["en"], quote=True) not in sheet


def test_the_whole_example_module_prints(qapp) -> None:  # type: ignore[no-untyped-def]
    """The worksheet of a module with every type is built without error, in Urdu too."""
    for language in ("en", "ur"):
        body = worksheet_html(
            school="", pack_title="p", module=MODULE, language=language, default_language="en", answers=True,
            fill=lambda t: t,
        )  # fmt: skip
        assert body.count("<p><b>") >= len(QUESTION_TYPES)
