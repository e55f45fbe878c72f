"""Spot the scam: grading by region, and the validator's checks of regions against the picture."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quizapp.content.images import image_size, svg_size
from quizapp.content.models import SpotTheScam
from quizapp.content.qtypes import kind
from quizapp.content.qtypes.base import AnswerWords
from quizapp.services.grading import AnswerError, grade, is_complete, right_answer
from tests.content.helpers import MODULE, find, make_pack, only_error, validate

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 400"><rect width="600" height="400"/></svg>\n'


def _question(**extra: Any) -> SpotTheScam:
    data: dict[str, Any] = {
        "id": "sms",
        "type": "spot_the_scam",
        "prompt": "Mark the warning signs.",
        "explanation": "Because.",
        "points": 2,
        "picture": {"en": "assets/sms.svg"},
        "picture_alt": "A message.",
        "regions": [
            {"id": "sender", "name": "Sender", "suspicious": "true", "explanation": "Odd.", "area": _area(0)},
            {"id": "link", "name": "Link", "suspicious": "true", "explanation": "Fake.", "area": _area(100)},
            {"id": "time", "name": "Time", "suspicious": "false", "explanation": "Fine.", "area": _area(200)},
        ],
        **extra,
    }
    return SpotTheScam.model_validate(data)


def _area(y: int) -> dict[str, str]:
    return {"x": "10", "y": str(y), "w": "300", "h": "40"}  # as the YAML reader hands them over: text


QUESTION = _question()


def test_every_suspicious_region_and_no_other_is_right() -> None:
    """Marking exactly the suspicious regions earns every point; the parts say per region it was right."""
    result = grade(QUESTION, ["link", "sender"])
    assert (result.correct, result.fraction, result.points_earned) == (True, 1.0, 2.0)
    assert result.parts == (True, True, True)


@pytest.mark.parametrize(
    ("marked", "fraction", "parts"),
    [
        (["sender"], 0.5, (True, False, True)),  # one of two suspicious regions
        (["sender", "time"], 0.0, (True, False, False)),  # one right, one innocent marked: 1 - 1 = 0
        (["sender", "link", "time"], 0.5, (True, True, False)),  # all found, one innocent marked
        (["time"], 0.0, (False, False, False)),  # never below 0
    ],
)
def test_partial_credit_counts_found_minus_wrongly_marked(
    marked: list[str], fraction: float, parts: tuple[bool, ...]
) -> None:
    """Partly right = (suspicious marked - innocent marked) / suspicious regions, never below 0."""
    result = grade(QUESTION, marked)
    assert result.fraction == pytest.approx(fraction)
    assert result.parts == parts
    assert result.correct is False


def test_bad_answers_are_refused() -> None:
    """An unknown region or an answer that is not a list of ids is an AnswerError, not a crash."""
    with pytest.raises(AnswerError, match="'qr' is not an region"):
        grade(QUESTION, ["qr"])
    with pytest.raises(AnswerError):
        grade(QUESTION, "sender")


def test_right_answer_completeness_and_words() -> None:
    """The right answer is the suspicious regions; nothing marked is not ready to check; the answer in
    words names the regions marked."""
    assert right_answer(QUESTION) == ["sender", "link"]
    assert not is_complete(QUESTION, []) and is_complete(QUESTION, ["time"])
    scam = kind("spot_the_scam")
    words = AnswerWords()
    assert (
        scam.answer_text(QUESTION, ["link", "time"], words, lambda t: t.get_text("en") if t else "")
        == "Link; Time"
    )
    assert scam.answer_text(QUESTION, [], words, lambda t: "") == words.nothing
    assert scam.choice_ids(QUESTION) == ["sender", "link", "time"]


def test_a_region_may_move_in_one_languages_picture() -> None:
    """``areas: {ur: ...}`` places a region in the Urdu picture; other languages use ``area``."""
    question = _question(picture={"en": "assets/a.svg", "ur": "assets/b.svg"})
    region = question.regions[0].model_copy(update={"areas": {"ur": question.regions[2].area}})
    assert region.area_for("ur").y == 200 and region.area_for("en").y == 0
    assert question.picture_language("ur", "en") == "ur" and question.picture_language("ps", "en") == "en"


def test_picture_sizes_are_read_from_svg_and_png(tmp_path: Path) -> None:
    """Regions are checked against an SVG's viewBox (else its width and height in px) or a PNG's header."""
    assert svg_size(SVG.encode()) == (600, 400)
    assert svg_size(b'<svg xmlns="http://www.w3.org/2000/svg" width="320px" height="200"/>') == (320, 200)
    assert svg_size(b'<svg xmlns="http://www.w3.org/2000/svg" width="50%" height="2cm"/>') is None
    png = tmp_path / "p.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x2c\x00\x00\x00\xc8" + b"\0" * 20)
    assert image_size(png) == (300, 200)


# --------------------------------------------------------------------------------------- validation
QUESTION_YAML = """\
    - id: sms
      type: spot_the_scam
      prompt: {en: Mark the warning signs., ur: خطرے کی علامتیں نشان زد کریں۔}
      picture: {en: assets/sms-en.svg, ur: assets/sms-ur.svg}
      picture_alt: {en: A message., ur: ایک پیغام۔}
      regions:
        - id: sender
          name: {en: The sender, ur: بھیجنے والا}
          suspicious: true
          explanation: {en: An ordinary number., ur: عام نمبر۔}
          area: {x: 10, y: 10, w: 300, h: 40}
        - id: time
          name: {en: The time, ur: وقت}
          suspicious: false
          explanation: {en: Just the time., ur: صرف وقت۔}
          area: {x: 10, y: 300, w: 200, h: 40}
          areas: {ur: {x: 390, y: 300, w: 200, h: 40}}
      explanation: {en: Check the sender., ur: بھیجنے والا دیکھیں۔}
"""
PICTURES = {"assets/sms-en.svg": SVG, "assets/sms-ur.svg": SVG}


def _pack(tmp_path: Path, question: str = QUESTION_YAML, pictures: dict[str, str] | None = None) -> Path:
    return make_pack(tmp_path, MODULE + question, extra=PICTURES if pictures is None else pictures)


def test_a_good_question_validates(tmp_path: Path) -> None:
    """The example above is valid and counted as its own type."""
    report = validate(_pack(tmp_path))
    assert report.valid, [str(d) for d in report.diagnostics.items]
    assert report.packs[0].modules[0].quiz.questions[-1].type == "spot_the_scam"


def test_a_region_outside_the_picture_names_the_line_and_the_size(tmp_path: Path) -> None:
    """A rectangle reaching past the picture's edge is an error at its ``area`` line, giving both sizes."""
    report = validate(
        _pack(tmp_path, QUESTION_YAML.replace("x: 10, y: 300, w: 200", "x: 500, y: 300, w: 200"))
    )
    error = only_error(report)
    assert (
        "region 'time' (x 500, y 300, w 200, h 40) reaches outside the picture 'assets/sms-en.svg'"
        in error.message
    )
    assert "600 x 400" in error.message
    assert error.path.endswith("one.yaml") and error.line == MODULE.count("\n") + 16


def test_a_language_area_is_checked_against_that_languages_picture(tmp_path: Path) -> None:
    """``areas: {ur: ...}`` is checked against the Urdu picture, at its own line."""
    report = validate(_pack(tmp_path, QUESTION_YAML.replace("{ur: {x: 390, y: 300", "{ur: {x: 390, y: 380")))
    error = only_error(report)
    assert "'assets/sms-ur.svg'" in error.message and error.line == MODULE.count("\n") + 17


def test_at_least_one_region_is_suspicious(tmp_path: Path) -> None:
    """A question with nothing to find is an error."""
    report = validate(_pack(tmp_path, QUESTION_YAML.replace("suspicious: true", "suspicious: false")))
    assert "at least one region with 'suspicious: true'" in only_error(report).message


def test_explanations_and_names_are_needed_in_every_language(tmp_path: Path) -> None:
    """A region explained only in English is an error naming the region and the missing language."""
    report = validate(
        _pack(tmp_path, QUESTION_YAML.replace("{en: Just the time., ur: صرف وقت۔}", "Just the time."))
    )
    assert "region 'time' has no explanation in 'ur'" in find(report, "has no explanation").message


def test_a_missing_or_unsized_picture_is_reported(tmp_path: Path) -> None:
    """A picture that is not in the pack, or whose size cannot be read, is an error (not a crash)."""
    report = validate(_pack(tmp_path, pictures={"assets/sms-en.svg": SVG}))
    assert "assets/sms-ur.svg" in only_error(report).message
    unsized = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="6" height="4"/></svg>\n'
    report = validate(
        _pack(tmp_path / "b", pictures={"assets/sms-en.svg": SVG, "assets/sms-ur.svg": unsized})
    )
    assert "give the SVG a viewBox" in only_error(report).message


def test_region_ids_are_unique(tmp_path: Path) -> None:
    """Two regions with one id is an error."""
    report = validate(_pack(tmp_path, QUESTION_YAML.replace("- id: time", "- id: sender")))
    assert "region id 'sender' is used twice" in only_error(report).message
