"""Reading the CSV template: every type, both languages, Excel's encodings and broken rows."""

from __future__ import annotations

from pathlib import Path

from quizapp.content.models import (
    FillBlank,
    Matching,
    MultipleSelect,
    Ordering,
    Scenario,
    SingleChoice,
    TrueFalse,
)
from quizapp.importers import convert_files
from tests.importers.helpers import convert_text, en, warnings_text

TEMPLATE = Path(__file__).resolve().parents[2] / "docs" / "question-template.csv"
HEADER = "module_en,id,type,prompt_en,options_en,correct,explanation_en\n"


def test_the_template_holds_every_type_in_english_and_urdu() -> None:
    """docs/question-template.csv converts completely: seven types, two languages, two modules."""
    report = convert_files([TEMPLATE], display=lambda p: p.name)
    assert not report.skipped and not report.errors and not report.warnings
    types = {c.question.type for c in report.converted}
    assert types == {"single", "multiple", "true_false", "ordering", "matching", "fill_blank", "scenario"}
    assert report.languages == ["en", "ur"]
    assert [dict(m.titles) for m in report.modules] == [
        {"en": "Passwords and codes", "ur": "پاس ورڈ اور کوڈ"},
        {"en": "Staying safe with people online", "ur": "آن لائن لوگوں سے محفوظ رہنا"},
    ]
    for converted in report.converted:
        assert set(converted.question.prompt) == {"en", "ur"}, converted.question.id


def test_template_details_per_type() -> None:
    """Letters, per-option feedback, aligned Urdu lists, ratings and points are read as documented."""
    report = convert_files([TEMPLATE])
    q = {c.question.id: c.question for c in report.converted}
    single = q["strongest-password"]
    assert isinstance(single, SingleChoice) and single.correct == "b"
    assert single.options[1].feedback is None and single.options[2].feedback is not None
    assert single.options[1].text.get_text("ur") == "آم دریا پتنگ بادل"
    assert single.difficulty == "easy"
    multiple = q["keep-private"]
    assert isinstance(multiple, MultipleSelect) and multiple.correct == ["a", "b"]
    assert isinstance(q["bank-asks-code"], TrueFalse) and q["bank-asks-code"].correct is False
    ordering = q["bullying-steps"]
    assert isinstance(ordering, Ordering) and en(ordering.items[0]) == "Do not reply"
    matching = q["match-words"]
    assert isinstance(matching, Matching) and matching.pairs[0].right.get_text("ur").startswith("جعلی پیغام")
    blank = q["otp-word"]
    assert isinstance(blank, FillBlank) and blank.accepted.for_language("ur") == (
        "پاس ورڈ",
        "کوڈ",
        "پن",
        "password",
    )
    scenario = q["photo-request"]
    assert isinstance(scenario, Scenario)
    assert [o.rating for o in scenario.options] == ["unsafe", "best", "acceptable"]
    assert scenario.points == 2


def test_with_and_without_byte_order_mark(tmp_path: Path) -> None:
    """UTF-8 files read the same with or without Excel's byte-order mark."""
    row = "Codes,,true_false,Share your OTP?,,false,Never share it.\n"
    plain = convert_text(tmp_path, "plain.csv", HEADER + row)
    marked = convert_text(tmp_path, "marked.csv", HEADER + row, bom=True)
    assert len(plain.converted) == len(marked.converted) == 1
    assert plain.converted[0].question == marked.converted[0].question


def test_windows_1252_is_refused_with_instructions(tmp_path: Path) -> None:
    """An 'ANSI' CSV from Excel is refused with the line and how to save as CSV UTF-8."""
    path = tmp_path / "ansi.csv"
    path.write_bytes((HEADER + "Codes,,true_false,Caf\u00e9 OTP?,,false,No.\n").encode("cp1252"))
    report = convert_files([path], display=lambda p: p.name)
    (error,) = report.errors
    assert error.line == 2
    assert "not UTF-8" in error.message and "Windows-1252" in error.message
    assert "CSV UTF-8 (Comma delimited) (*.csv)" in error.message


def test_utf16_is_refused_with_instructions(tmp_path: Path) -> None:
    """Excel's 'Unicode text' (UTF-16) is recognised and the fix explained."""
    path = tmp_path / "unicode.csv"
    path.write_bytes((HEADER + "Codes,,true_false,OTP?,,false,No.\n").encode("utf-16"))
    report = convert_files([path], display=lambda p: p.name)
    assert "UTF-16" in report.errors[0].message and "CSV UTF-8" in report.errors[0].message


def test_correct_answer_not_among_the_options_is_reported_and_other_rows_convert(tmp_path: Path) -> None:
    """A bad 'correct' value skips only its row, with the line and the options listed."""
    report = convert_text(
        tmp_path,
        "bank.csv",
        HEADER
        + "Codes,,single,Which?,a | b | c,e,Because.\n"
        + 'Codes,,single,"Which, again?","x | y",b,Because.\n',
    )
    assert [c.line for c in report.converted] == [3]
    (skipped,) = report.skipped
    assert (skipped.line, skipped.reason) == (2, "the correct answer 'e' is not among the options (a, b, c)")


def test_correct_by_number_id_or_text(tmp_path: Path) -> None:
    """'correct' may name the option by number, by text, or by the ids given in option_ids."""
    report = convert_text(
        tmp_path,
        "ways.csv",
        "type,prompt,options,correct,option_ids,explanation\n"
        "single,One?,x | y,2,,E.\n"
        "single,Two?,red | blue,Blue,,E.\n"
        "multiple,Three?,p | q | r,p-id | r-id,p-id | q-id | r-id,E.\n",
    )
    first, second, third = (c.question for c in report.converted)
    assert isinstance(first, SingleChoice) and first.correct == "b"
    assert isinstance(second, SingleChoice) and second.correct == "b"
    assert isinstance(third, MultipleSelect) and third.correct == ["p-id", "r-id"]


def test_semicolon_separator_and_formula_guard(tmp_path: Path) -> None:
    """';' separated files (some Excel locales) work, and a leading apostrophe before '=' is removed."""
    report = convert_text(
        tmp_path,
        "semi.csv",
        "type;prompt_en;options_en;correct;explanation_en\n"
        "single;Which equals 5?;'= 2 + 3 | = 2 + 4;a;'- it adds up\n",
    )
    (converted,) = report.converted
    question = converted.question
    assert isinstance(question, SingleChoice)
    assert [en(o.text) for o in question.options] == ["= 2 + 3", "= 2 + 4"]
    assert en(question.explanation) == "- it adds up"


def test_excel_sep_line(tmp_path: Path) -> None:
    """Excel's 'sep=;' first line sets the separator and line numbers still match the file."""
    report = convert_text(
        tmp_path,
        "sep.csv",
        "sep=;\ntype;prompt;correct;explanation\ntrue_false;Safe?;maybe;E.\ntrue_false;Share codes?;no;E.\n",
    )
    assert [c.line for c in report.converted] == [4]
    assert report.skipped[0].line == 3
    assert "'correct' must be true or false" in report.skipped[0].reason


def test_missing_required_columns(tmp_path: Path) -> None:
    """Without 'type' and a prompt column the file is refused, pointing at the template."""
    report = convert_text(tmp_path, "cols.csv", "question,answer\nWhat?,x\n")
    assert "'type, prompt_en' is missing" in report.errors[0].message
    assert "question-template.csv" in report.errors[0].message


def test_unknown_column_is_reported_with_a_suggestion(tmp_path: Path) -> None:
    """A misspelt column is not silently ignored."""
    report = convert_text(
        tmp_path, "typo.csv", "type,prompt_en,explantion_en,correct\ntrue_false,Safe?,Yes.,true\n"
    )
    assert "the column 'explantion_en' is not one quizapp knows" in warnings_text(report)
    assert "did you mean 'explanation_en'?" in warnings_text(report)


def test_missing_explanation_is_generated_in_each_language(tmp_path: Path) -> None:
    """A row without explanation gets the 'right answer' sentence in English and Urdu, with a warning."""
    report = convert_text(
        tmp_path,
        "noexp.csv",
        "type,prompt_en,prompt_ur,options_en,options_ur,correct\n"
        "single,Which?,کون سا؟,cat | dog,بلی | کتا,b\n",
    )
    question = report.converted[0].question
    assert dict(question.explanation) == {"en": "The right answer is: dog.", "ur": "صحیح جواب یہ ہے: کتا۔"}
    assert "replace it with a real explanation" in warnings_text(report)


def test_lists_that_do_not_line_up_between_languages(tmp_path: Path) -> None:
    """Three English options and two Urdu ones is an error for that row."""
    report = convert_text(
        tmp_path,
        "align.csv",
        "type,prompt_en,options_en,options_ur,correct,explanation_en\nsingle,Q?,a | b | c,ا | ب,a,E.\n",
    )
    assert (
        report.skipped[0].reason
        == "the options do not line up between languages (3 in options_en, 2 in options_ur)"
    )


def test_scenario_needs_ratings_and_feedback(tmp_path: Path) -> None:
    """A scenario without feedback for every option is reported, not half-converted."""
    report = convert_text(
        tmp_path,
        "sc.csv",
        "type,situation_en,prompt_en,options_en,ratings,feedback_en,explanation_en\n"
        "scenario,A stranger writes.,What now?,Reply | Tell an adult,unsafe | best,Risky. |,E.\n",
    )
    assert "scenario option 2 has no feedback" in report.skipped[0].reason


def test_unknown_type_suggests_the_right_one(tmp_path: Path) -> None:
    """A misspelt type names the closest real one."""
    report = convert_text(tmp_path, "t.csv", "type,prompt,correct,explanation\ntrue_flase,Q?,true,E.\n")
    assert "'true_flase' is not a question type; did you mean 'true_false'?" in report.skipped[0].reason


def test_bar_can_be_escaped(tmp_path: Path) -> None:
    """'\\|' is a bar inside an option, not a separator."""
    report = convert_text(
        tmp_path, "bar.csv", "type,prompt,options,correct,explanation\nsingle,Q?,a \\| b | c,a,E.\n"
    )
    question = report.converted[0].question
    assert isinstance(question, SingleChoice)
    assert [en(o.text) for o in question.options] == ["a | b", "c"]


def test_unknown_placeholder_is_caught_before_the_pack_is_written(tmp_path: Path) -> None:
    """A row the pack validator would reject (unknown {{placeholder}}) is skipped with the reason."""
    report = convert_text(
        tmp_path, "ph.csv", "type,prompt,correct,explanation\ntrue_false,Call {{helpline}}?,true,E.\n"
    )
    assert "unknown placeholder '{{helpline}}'" in report.skipped[0].reason


def test_an_accepted_answer_listed_twice_is_kept_once_with_a_warning(tmp_path: Path) -> None:
    """A repeated accepted answer does not cost the teacher the question: it is kept once and reported.

    Answers that differ in Urdu vowel marks are different to the validator, so both stay.
    """
    report = convert_text(
        tmp_path,
        "bank.csv",
        "type,prompt_en,options_en,options_ur,explanation_en\n"
        "fill_blank,A one-time ____,code | Code |  code  | pin,فشنگ | فِشنگ,Because.\n",
    )
    assert not report.skipped
    (converted,) = report.converted
    question = converted.question
    assert isinstance(question, FillBlank)
    assert question.accepted["en"] == ("code", "pin")
    assert question.accepted["ur"] == ("فشنگ", "فِشنگ")
    assert warnings_text(report).count("is listed twice") == 2
