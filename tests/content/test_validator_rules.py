"""Every validation rule, each broken by a fixture, checked for its line, column and message."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.content.text import LText
from tests.content.helpers import MANIFEST, MODULE, find, make_pack, only_error, validate

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>'


def test_tiny_pack_is_valid(tmp_path: Path) -> None:
    """The fixture itself is valid, so each test below breaks exactly one thing."""
    report = validate(make_pack(tmp_path))
    assert report.valid and not report.diagnostics.items, [str(d) for d in report.diagnostics.items]


# (what to replace in the module, replacement, line, column, message fragment)
MODULE_RULES = [
    ("      prompt:", "      promt:", 14, 7, "unknown key 'promt'; did you mean 'prompt'?"),
    (
        "      type: single",
        "      type: single_choice",
        13,
        13,
        "'single_choice' is not a question type; did you mean 'single'?",
    ),
    ("      type: single\n", "", 12, 7, "the question has no 'type'"),
    ("      correct: b", "      correct: c", 20, 16, "correct answer 'c' is not one of the options (a, b)"),
    ("        - id: b", "        - id: a", 18, 15, "option id 'a' is used twice"),
    ("id: one", "id: One Module", 1, 5, "'One Module' is not a valid id"),
    ("minutes: 30", "minutes: half an hour", 6, 10, "minutes: 'half an hour' is not a whole number"),
    ("minutes: 30", "minutes: 0", 6, 10, "minutes: must be at least 1"),
    ('age_band: "8-10"', 'age_band: "8-11"', 5, 11, "age_band: '8-11' is not allowed; did you mean '8-10'?"),
    ("audience: students", "audience: student", 4, 11, "did you mean 'students'?"),
    ("summary: {en: The first module., ur: پہلا ماڈیول۔}\n", "", 1, 1, "missing required key 'summary'"),
    (
        "    - body: {en: Keep codes secret., ur: کوڈ راز رکھیں۔}",
        "    - body: ''",
        9,
        13,
        "body: the text is empty",
    ),
    (
        "    - body: {en: Keep codes secret., ur: کوڈ راز رکھیں۔}",
        "    - body: {english: Hi}",
        9,
        13,
        "'english' is not a language code",
    ),
    (
        "      options:\n        - id: a\n          text: {en: Share the code, ur: کوڈ بتا دیں}\n",
        "      options:\n",
        15,
        7,
        "options: needs at least 2 items",
    ),
    ("quiz:\n", "prerequisites: [two]\nquiz:\n", 10, 17, "prerequisite 'two' is not a module in this pack"),
    ("quiz:\n", "prerequisites: [one]\nquiz:\n", 10, 16, "cannot be its own prerequisite"),
    ("quiz:\n", "image: ../secret.png\nquiz:\n", 10, 8, "leaves the pack folder"),
    ("quiz:\n", "image: /etc/passwd.png\nquiz:\n", 10, 8, "must be a path inside the pack"),
    (
        "quiz:\n",
        "image: assets/missing.png\nquiz:\n",
        10,
        8,
        "'assets/missing.png' was not found in the pack",
    ),
    ("quiz:\n", "image: assets/notes.txt\nquiz:\n", 10, 8, "must be a .png, .jpg, .gif, .webp or .svg file"),
    ("quiz:\n", "quiz:\n  pass_mark: 120\n", 11, 14, "pass_mark: must be at most 100"),
    ("quiz:\n", "quiz:\n  shuffle: maybe\n", 11, 12, "shuffle: 'maybe' is not true or false"),
    (
        "    - body: {en: Keep codes secret., ur: کوڈ راز رکھیں۔}",
        "    - body: {en: 'Call {{helpline}}', ur: 'Call {{help_contacts}}'}",
        9,
        13,
        "unknown placeholder '{{helpline}}'",
    ),
]


@pytest.mark.parametrize(("old", "new", "line", "column", "fragment"), MODULE_RULES)
def test_module_rule(tmp_path: Path, old: str, new: str, line: int, column: int, fragment: str) -> None:
    """A broken module gives one error at the offending node, with a helpful message."""
    assert old in MODULE
    report = validate(make_pack(tmp_path, MODULE.replace(old, new, 1)))
    diagnostic = find(report, fragment)
    assert (diagnostic.line, diagnostic.column) == (line, column), str(diagnostic)
    assert diagnostic.path.endswith("tiny/modules/one.yaml")
    assert not report.valid


def test_all_problems_in_a_file_are_reported_at_once(tmp_path: Path) -> None:
    """Several mistakes in one file are all listed in one run."""
    broken = MODULE.replace("      prompt:", "      promt:").replace("minutes: 30", "minutes: lots")
    report = validate(make_pack(tmp_path, broken))
    messages = [d.message for d in report.diagnostics.errors]
    assert any("unknown key 'promt'" in m for m in messages)
    assert any("missing required key 'prompt'" in m for m in messages)
    assert any("not a whole number" in m for m in messages)


def test_reference_checks_still_run_when_the_file_has_model_errors(tmp_path: Path) -> None:
    """A typo elsewhere in the file does not hide a wrong answer, a missing picture or a missing translation.

    Before, the model errors were reported alone, and the teacher found the rest only after fixing them.
    """
    broken = (
        MODULE.replace("minutes: 30", "minutes: lots")
        .replace("correct: b", "correct: c")
        .replace("    - body: {en: Keep codes secret., ur: کوڈ راز رکھیں۔}", "    - body: Keep codes secret.")
        .replace("      type: single\n", "      type: single\n      image: assets/gone.png\n")
    )
    report = validate(make_pack(tmp_path, broken))
    found = {(d.severity.value, d.line, d.column, d.message) for d in report.diagnostics.items}
    assert ("error", 6, 10, "minutes: 'lots' is not a whole number") in found
    assert ("error", 14, 14, "image 'assets/gone.png' was not found in the pack") in found
    assert ("error", 21, 16, "correct answer 'c' is not one of the options (a, b)") in found
    # The lesson is not checked for languages while the module is broken; the question is.
    assert not any("missing Urdu" in m for _, _, _, m in found)


def test_a_key_written_twice_does_not_hide_the_other_problems(tmp_path: Path) -> None:
    """A repeated key is reported with the file's other mistakes, not alone."""
    broken = MODULE.replace("minutes: 30", "minutes: 30\nminutes: 40").replace("correct: b", "correct: c")
    report = validate(make_pack(tmp_path, broken))
    found = {(d.line, d.column, d.message) for d in report.diagnostics.errors}
    assert found == {
        (7, 1, "the key 'minutes' appears twice in the same mapping (first on line 6); keep one"),
        (21, 16, "correct answer 'c' is not one of the options (a, b)"),
    }
    assert not report.packs


def test_option_texts_that_look_like_booleans_stay_text(tmp_path: Path) -> None:
    """An option written Yes is the text 'Yes', never True."""
    module = MODULE.replace("{en: Share the code, ur: کوڈ بتا دیں}", "Yes").replace(
        "{en: Keep it secret, ur: راز رکھیں}", "No"
    )
    report = validate(make_pack(tmp_path, module))
    assert report.valid
    question = report.packs[0].modules[0].quiz.questions[0]
    assert question.options[0].text == LText.plain("Yes")  # type: ignore[union-attr]
    assert question.options[1].text == LText.plain("No")  # type: ignore[union-attr]


def test_missing_translation_is_a_warning_with_position(tmp_path: Path) -> None:
    """A text without Urdu falls back to English and is reported as a warning, not an error."""
    module = MODULE.replace("{en: Codes open accounts., ur: کوڈ اکاؤنٹ کھولتے ہیں۔}", "Codes open accounts.")
    report = validate(make_pack(tmp_path, module))
    assert report.valid
    warning = find(report, "missing Urdu ('ur') text; English is shown instead")
    assert (warning.line, warning.column) == (21, 20)


def test_text_in_undeclared_language_is_a_warning(tmp_path: Path) -> None:
    """Text in a language the pack does not declare is flagged."""
    module = MODULE.replace("title: {en: One, ur: ایک}", "title: {en: One, ur: ایک, pa: اک}")
    warning = find(validate(make_pack(tmp_path, module)), "text in 'pa'")
    assert (warning.line, warning.column) == (2, 8)


def test_existing_image_is_accepted(tmp_path: Path) -> None:
    """An image inside the pack passes."""
    module = MODULE.replace("quiz:\n", "image: assets/pic.svg\nquiz:\n")
    assert validate(make_pack(tmp_path, module, extra={"assets/pic.svg": SVG})).valid


def test_image_symlink_out_of_pack_is_refused(tmp_path: Path) -> None:
    """An image that is a link to a file outside the pack is refused."""
    outside = tmp_path / "outside.png"
    outside.write_bytes(b"png")
    pack = make_pack(tmp_path, MODULE.replace("quiz:\n", "image: assets/link.png\nquiz:\n"))
    (pack / "assets").mkdir()
    (pack / "assets" / "link.png").symlink_to(outside)
    assert "points outside the pack folder" in only_error(validate(pack)).message


def test_multiple_select_answers_must_be_options(tmp_path: Path) -> None:
    """Every correct answer of a multiple-select question is one of its options."""
    module = MODULE.replace("type: single", "type: multiple").replace("correct: b", "correct: [b, z]")
    d = only_error(validate(make_pack(tmp_path, module)))
    assert (d.line, d.column) == (20, 20) and "'z' is not one of the options" in d.message


def test_scenario_needs_a_best_option(tmp_path: Path) -> None:
    """A scenario with no option rated best is an error."""
    scenario = """\
    - id: q2
      type: scenario
      situation: {en: A stranger asks, ur: ایک اجنبی پوچھتا ہے}
      prompt: {en: What would you do?, ur: آپ کیا کریں گے؟}
      options:
        - {id: a, text: {en: Reply, ur: جواب دیں}, rating: unsafe, feedback: {en: Risky, ur: خطرناک}}
        - {id: b, text: {en: Ignore, ur: نظر انداز}, rating: acceptable, feedback: {en: Ok, ur: ٹھیک}}
      explanation: {en: Tell an adult., ur: کسی بڑے کو بتائیں۔}
"""
    d = only_error(validate(make_pack(tmp_path, MODULE + scenario)))
    assert (d.line, d.column) == (27, 9) and "at least one option rated 'best'" in d.message


def test_question_ids_unique_within_module(tmp_path: Path) -> None:
    """Two questions with one id in a module are refused at the second."""
    block = MODULE[MODULE.index("    - id: q1") :]
    d = only_error(validate(make_pack(tmp_path, MODULE + block)))
    assert (d.line, d.column) == (22, 11) and "question id 'q1' is used twice" in d.message


def test_question_and_module_ids_unique_within_pack(tmp_path: Path) -> None:
    """Ids are unique across the modules of a pack."""
    manifest = MANIFEST + "  - modules/two.yaml\n"
    pack = make_pack(tmp_path, manifest=manifest, extra={"modules/two.yaml": MODULE})
    report = validate(pack)
    module_dup = find(report, "module id 'one' is also used by")
    question_dup = find(report, "question id 'q1' is also used in")
    assert module_dup.path.endswith("modules/two.yaml") and (module_dup.line, module_dup.column) == (1, 5)
    assert (question_dup.line, question_dup.column) == (12, 11)


def test_fill_blank_needs_an_answer(tmp_path: Path) -> None:
    """A fill-in-the-blank question with an empty accepted list is refused."""
    fill = """\
    - id: q2
      type: fill_blank
      prompt: {en: A one-time ____, ur: ایک بار کا ____}
      accepted: []
      explanation: {en: OTP., ur: OTP۔}
"""
    d = find(validate(make_pack(tmp_path, MODULE + fill)), "accepted")
    assert (d.line, d.column) == (25, 17) and "at least one accepted answer" in d.message


# (what to replace in the manifest, replacement, line, column, message fragment)
MANIFEST_RULES = [
    ("licence: CC0-1.0", "license: CC0-1.0", 7, 1, "unknown key 'license'; did you mean 'licence'?"),
    ('version: "1.0"', "version: one", 5, 10, "version: 'one' is not a version number"),
    ("languages: [en, ur]", "languages: [ur]", 9, 12, "languages must include the default language 'en'"),
    ("default_language: en", "default_language: English", 8, 19, "'English' is not a language code"),
    (
        "  - modules/one.yaml",
        "  - modules/missing.yaml",
        13,
        5,
        "module file 'modules/missing.yaml' was not found",
    ),
    ("  - modules/one.yaml", "  - modules/one.yaml\n  - modules/one.yaml", 14, 5, "is listed twice"),
    ("  - modules/one.yaml", "  - ../one.yaml", 13, 5, "leaves the pack folder"),
    (
        "review_status: {en: reviewed, ur: draft}",
        "review_status: {en: reviewed, ur: checked}",
        10,
        35,
        "'checked' is not allowed",
    ),
    ("audience: [students]", "audience: []", 11, 1, "audience: needs at least 1 item"),
]


@pytest.mark.parametrize(("old", "new", "line", "column", "fragment"), MANIFEST_RULES)
def test_manifest_rule(tmp_path: Path, old: str, new: str, line: int, column: int, fragment: str) -> None:
    """A broken pack.yaml gives an error at the offending node."""
    assert old in MANIFEST
    report = validate(make_pack(tmp_path, manifest=MANIFEST.replace(old, new, 1)))
    diagnostic = find(report, fragment)
    assert diagnostic.path.endswith("tiny/pack.yaml")
    assert (diagnostic.line, diagnostic.column) == (line, column), str(diagnostic)
    assert not report.valid


def test_unlisted_module_file_is_a_warning(tmp_path: Path) -> None:
    """A module file that pack.yaml forgets is reported, not silently ignored."""
    report = validate(make_pack(tmp_path, extra={"modules/forgotten.yaml": MODULE}))
    assert report.valid
    assert find(report, "not listed under 'modules'").path.endswith("modules/forgotten.yaml")


def test_missing_review_status_is_a_warning(tmp_path: Path) -> None:
    """A school must know whether each language was reviewed."""
    report = validate(
        make_pack(tmp_path, manifest=MANIFEST.replace("review_status: {en: reviewed, ur: draft}\n", ""))
    )
    assert report.valid
    assert find(report, "no review_status for 'ur'")


def test_folder_without_manifest(tmp_path: Path) -> None:
    """A folder with no packs says what a pack is."""
    (tmp_path / "empty").mkdir()
    d = only_error(validate(tmp_path / "empty"))
    assert "no packs here" in d.message and d.path.endswith("empty")


def test_module_file_alone_uses_its_pack(tmp_path: Path) -> None:
    """A module file given on its own is checked with its pack's languages."""
    pack = make_pack(tmp_path, MODULE.replace("{en: One, ur: ایک}", "One"))
    report = validate(pack / "modules" / "one.yaml")
    assert report.valid and find(report, "missing Urdu")
