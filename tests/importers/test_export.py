"""Exports to GIFT and CSV, and importing them back: the same questions (CSV: all seven types)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quizapp.content.models import AnyQuestion, FillBlank, MultipleSelect, SingleChoice
from quizapp.content.packs import Pack
from quizapp.content.text import DEFAULT_KEY, Accepted, LText
from quizapp.content.validate import validate_paths
from quizapp.content.vocab import QUESTION_TYPES
from quizapp.importers import convert_files, write_pack
from quizapp.importers.export import export_csv, export_gift, gift_escape
from quizapp.importers.yamlout import to_data

EXAMPLE = Path(__file__).resolve().parents[2] / "questions" / "example"


@pytest.fixture(scope="module")
def example() -> Pack:
    report = validate_paths([EXAMPLE])
    assert report.valid
    (pack,) = report.packs
    return pack


def _resolved(value: Any, default: str) -> Any:
    """Model data with plain strings read as the default language, so equal texts compare equal."""
    if isinstance(value, LText):
        return {(default if k == DEFAULT_KEY else k): v for k, v in value.items()}
    if isinstance(value, Accepted):
        return {(default if k == DEFAULT_KEY else k): list(v) for k, v in value.items()}
    if isinstance(value, dict):
        return {k: _resolved(v, default) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolved(v, default) for v in value]
    return value


PICTURE_FIELDS = ("image", "image_alt", "audio")  # not in the CSV template: the export warns (files)


def _question_data(question: AnyQuestion, default: str) -> Any:
    fields = [name for name in type(question).model_fields if name not in PICTURE_FIELDS]
    data = {name: getattr(question, name) for name in fields}
    if "options" in data:  # option narration is not in the CSV either (the export warns)
        data["options"] = [o.model_copy(update={"audio": None}) for o in data["options"]]
    return _resolved(data, default)


def _only_picture_warnings(warnings: list[tuple[str, str]], pack: Pack) -> bool:
    with_files = {
        q.id
        for q in pack.questions()
        if q.image or q.audio or any(o.audio for o in getattr(q, "options", ()))
    }
    return {qid for qid, _ in warnings} == with_files and all(
        "is not in the CSV" in message for _, message in warnings
    )


def _import(tmp_path: Path, name: str, text: str, encoding: str, language: str = "en") -> list[AnyQuestion]:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    report = convert_files([path], language=language)
    assert not report.skipped and not report.errors, [str(e) for e in report.entries()]
    return [c.question for c in report.converted]


def _scams(pack: Pack) -> list[str]:
    """The spot-the-scam questions, which neither the CSV template nor GIFT can hold."""
    return [q.id for q in pack.questions() if q.type == "spot_the_scam"]


def test_csv_round_trip_keeps_every_type_it_can_hold_in_both_languages(example: Pack, tmp_path: Path) -> None:
    """Exporting questions/example to CSV and importing it gives equal questions, field by field; spot the
    scam (a picture with regions) is skipped with the reason."""
    result = export_csv(example)
    assert [qid for qid, _ in result.skipped] == _scams(example)
    assert _only_picture_warnings(result.warnings, example)
    assert "no spot-the-scam questions" in result.skipped[0][1]
    back = _import(tmp_path, "example.csv", result.text, "utf-8-sig")
    original = [q for q in example.questions() if q.type != "spot_the_scam"]
    assert {q.type for q in original} == set(QUESTION_TYPES) - {"spot_the_scam"}
    assert [_question_data(q, "en") for q in back] == [_question_data(q, "en") for q in original]


def test_csv_round_trip_keeps_module_titles(example: Pack, tmp_path: Path) -> None:
    """The module column carries the module title in every language."""
    path = tmp_path / "example.csv"
    path.write_text(export_csv(example).text, encoding="utf-8-sig")
    report = convert_files([path])
    assert report.modules[0].titles == {"en": "Safe basics", "ur": "حفاظت کی بنیادی باتیں"}
    assert report.modules[0].id == "safe-basics"


def test_gift_round_trip_for_what_gift_can_hold(example: Pack, tmp_path: Path) -> None:
    """GIFT gives back the same single, multiple, true/false, matching and fill-in questions (in English)."""
    result = export_gift(example)
    assert [qid for qid, _ in result.skipped] == ["bully-steps", "cousin-wallet", *_scams(example)]
    assert "no ordering questions" in result.skipped[0][1] and "no scenario questions" in result.skipped[1][1]
    assert (
        "best-passphrase",
        "GIFT cannot hold the question's hint, difficulty; export to CSV to keep it",
    ) in result.warnings
    back = {q.id: q for q in _import(tmp_path, "example.gift", result.text, "utf-8")}
    original = {
        q.id: q for q in example.questions() if q.type not in ("ordering", "scenario", "spot_the_scam")
    }
    assert list(back) == list(original)
    for qid, question in original.items():
        theirs = back[qid]
        assert theirs.type == question.type
        assert theirs.prompt.get_text("en") == question.prompt.get_text("en")
        assert theirs.explanation.get_text("en") == question.explanation.get_text("en")
        if isinstance(question, SingleChoice | MultipleSelect):
            assert isinstance(theirs, SingleChoice | MultipleSelect)
            assert _choices(theirs) == _choices(question)
        else:
            mine = to_data(question)
            got = to_data(theirs)
            for key in ("correct", "pairs", "accepted"):
                if key in mine:
                    assert _resolved(got[key], "en") == _english(mine[key])


def _choices(question: SingleChoice | MultipleSelect) -> list[tuple[str, bool, str]]:
    right = {question.correct} if isinstance(question, SingleChoice) else set(question.correct)
    return [
        (o.text.get_text("en"), o.id in right, o.feedback.get_text("en") if o.feedback else "")
        for o in question.options
    ]


def _english(value: Any) -> Any:
    if isinstance(value, dict) and "en" in value:
        return {"en": value["en"]}
    if isinstance(value, list):
        return [_english(v) for v in value]
    if isinstance(value, dict):
        return {k: _english(v) for k, v in value.items()}
    return value


def test_gift_in_urdu(example: Pack, tmp_path: Path) -> None:
    """--language ur writes the Urdu texts, which import back as Urdu."""
    back = _import(tmp_path, "ur.gift", export_gift(example, "ur").text, "utf-8", language="ur")
    assert back[0].prompt.get_text("ur") == "ان میں سے سب سے مضبوط کون سا ہے؟"


def test_gift_escaping_round_trips_special_characters_and_paragraphs(tmp_path: Path) -> None:
    """Texts with GIFT's control characters, backslashes and several paragraphs survive GIFT and back."""
    csv_text = (
        "type,prompt,options,correct,feedback,explanation\n"
        'single,"Which is {right}: a=b, #1 or ~x?","a=b | #1 | ~x \\\\ y",b,"| yes: #1 |",'
        '"First **paragraph**.\n\nSecond: {see} ~ here.\n\n- a list\n- of two"\n'
    )
    (original,) = _import(tmp_path, "special.csv", csv_text, "utf-8")
    write_pack(convert_files([tmp_path / "special.csv"]), tmp_path / "pack")
    (pack,) = validate_paths([tmp_path / "pack"]).packs
    gift = export_gift(pack).text
    assert "\n\n- a list" not in gift  # paragraphs are escaped, so no blank line splits the question
    (back,) = _import(tmp_path, "special.gift", gift, "utf-8")
    assert _question_data(back, "en") == _question_data(original, "en")


def test_gift_escape() -> None:
    """Every control character is escaped and line breaks become \\n."""
    assert gift_escape("a~b=c#d{e}f:g\\h\ni") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni"


def test_csv_guards_cells_excel_would_run_as_formulas(tmp_path: Path) -> None:
    """Cells starting with = + - @ are written with an apostrophe and read back without it."""
    csv_text = "type,prompt,options,correct,explanation\nsingle,=1+1?,@home | -5,a,+ because\n"
    (original,) = _import(tmp_path, "f.csv", csv_text, "utf-8")
    write_pack(convert_files([tmp_path / "f.csv"]), tmp_path / "pack")
    (pack,) = validate_paths([tmp_path / "pack"]).packs
    exported = export_csv(pack).text
    assert "'=1+1?" in exported and "'@home | -5" in exported and "'+ because" in exported
    (back,) = _import(tmp_path, "again.csv", exported, "utf-8-sig")
    assert _question_data(back, "en") == _question_data(original, "en")


BUILT_IN = sorted(p for p in (EXAMPLE.parent).iterdir() if (p / "pack.yaml").is_file())


@pytest.mark.parametrize("pack_dir", BUILT_IN, ids=lambda p: p.name)
def test_every_built_in_pack_round_trips_through_csv(pack_dir: Path, tmp_path: Path) -> None:
    """No question of the curriculum is lost or changed on the way through the CSV template.

    The curriculum lists Urdu answers that differ only in vowel marks (فشنگ, فِشنگ); the importer once took
    those for duplicates and skipped the whole question.
    """
    (pack,) = validate_paths([pack_dir]).packs
    result = export_csv(pack)
    assert [qid for qid, _ in result.skipped] == _scams(pack)
    default = pack.default_language
    back = _import(tmp_path, "pack.csv", result.text, "utf-8-sig", language=default)
    assert [_question_data(q, default) for q in back] == [
        _question_data(q, default) for q in pack.questions() if q.type != "spot_the_scam"
    ]


@pytest.mark.parametrize("pack_dir", BUILT_IN, ids=lambda p: p.name)
@pytest.mark.parametrize("language", ["en", "ur"])
def test_every_built_in_pack_round_trips_through_gift(pack_dir: Path, language: str, tmp_path: Path) -> None:
    """GIFT in each language gives back every question it can hold, with the same accepted answers."""
    (pack,) = validate_paths([pack_dir]).packs
    result = export_gift(pack, language)
    back = {q.id: q for q in _import(tmp_path, "pack.gift", result.text, "utf-8", language=language)}
    original = {q.id: q for q in pack.questions() if q.type not in ("ordering", "scenario", "spot_the_scam")}
    assert list(back) == list(original)
    for qid, question in original.items():
        if isinstance(question, FillBlank):
            theirs = back[qid]
            assert isinstance(theirs, FillBlank)
            assert list(theirs.accepted.for_language(language, language)) == list(
                question.accepted.for_language(language, pack.default_language)
            )


def test_pictures_of_matching_items_are_named_as_lost(example: Pack) -> None:
    """The CSV template and GIFT hold no pictures: a matching question with them exports with a warning."""
    module = example.modules[0]
    questions = []
    for q in module.quiz.questions:
        if q.type == "matching":
            pairs = [q.pairs[0].model_copy(update={"right_image": "assets/lock.svg"}), *q.pairs[1:]]  # type: ignore[attr-defined]
            q = q.model_copy(update={"pairs": pairs})
        questions.append(q)
    quiz = module.quiz.model_copy(update={"questions": questions})
    pictured = Pack(example.manifest, example.root, [module.model_copy(update={"quiz": quiz})])
    for result in (export_csv(pictured), export_gift(pictured)):
        assert any(
            qid == "match-terms" and "pictures of matching items" in why for qid, why in result.warnings
        )
