"""Reading GIFT: every construct of the format, and broken input reported without losing the rest."""

from __future__ import annotations

from pathlib import Path

from quizapp.content.models import FillBlank, Matching, MultipleSelect, SingleChoice, TrueFalse
from quizapp.importers.gift import category_title
from tests.importers.helpers import convert_text, en, only_question, warnings_text


def test_categories_become_modules_and_titles_become_ids(tmp_path: Path) -> None:
    """$CATEGORY starts a module; ::name:: gives the question its id."""
    report = convert_text(
        tmp_path,
        "bank.gift",
        "Before any category {T}\n\n$CATEGORY: $course$/top/Unit 1/Passwords\n\n"
        "::Strong passwords::Which is stronger?{~abc =correct horse battery}\n\n"
        "$CATEGORY: $course$/top/Scams\n\n::Codes::Share your code?{F}\n",
    )
    assert [(m.title, [q.id for q in m.questions]) for m in report.modules] == [
        ("Bank", ["before-any-category"]),
        ("Unit 1 / Passwords", ["strong-passwords"]),
        ("Scams", ["codes"]),
    ]
    assert report.converted[1].title == "Strong passwords"


def test_category_paths() -> None:
    """Moodle's context prefix and 'top' are dropped; '//' is a slash inside a name."""
    assert category_title("$course$/top/Default for Unit 1: Topic") == "Default for Unit 1: Topic"
    assert category_title("$system$/A//B/C") == "A/B / C"
    assert category_title("$course$/top") is None


def test_escapes_and_newline(tmp_path: Path) -> None:
    """\\~ \\= \\# \\{ \\} \\: and \\\\ are literal characters; \\n is a line break."""
    question = only_question(
        convert_text(
            tmp_path,
            "e.gift",
            "::a\\:b::Pick \\{one\\}\\: {=x \\= 1 \\# 2#fine \\~ok ~y\\\\z}\n",
        )
    )
    assert isinstance(question, SingleChoice)
    assert en(question.prompt) == "Pick {one}:"
    assert [en(o.text) for o in question.options] == ["x = 1 # 2", "y\\z"]
    assert en(question.options[0].feedback) == "fine ~ok"
    assert question.id == "a-b"


def test_feedback_and_general_feedback(tmp_path: Path) -> None:
    """#feedback goes on the option; ####general feedback is the explanation (across lines)."""
    question = only_question(
        convert_text(
            tmp_path,
            "f.gift",
            "Q?{\n~wrong#not this\nagain\n=right#yes\n####Because\nit is.}\n",
        )
    )
    assert isinstance(question, SingleChoice)
    assert [en(o.feedback) if o.feedback else None for o in question.options] == ["not this again", "yes"]
    assert en(question.explanation) == "Because it is."


def test_missing_explanation_is_generated_and_reported(tmp_path: Path) -> None:
    """Without general feedback a clear sentence is written and the teacher is told to replace it."""
    report = convert_text(tmp_path, "g.gift", "Who's buried in Grant's tomb?{~Grant =no one}\n")
    assert en(only_question(report).explanation) == "The right answer is: no one."
    assert "replace it with a real explanation" in warnings_text(report)


def test_weighted_answers_without_equals_make_a_multiple_select(tmp_path: Path) -> None:
    """As in Moodle, no '=' answer means several may be chosen; positive weights are the right ones."""
    question = only_question(
        convert_text(tmp_path, "w.gift", "Continents?{~%50%Africa ~%50%Asia ~%-100%China ~Peru}\n")
    )
    assert isinstance(question, MultipleSelect)
    assert question.correct == ["a", "b"]


def test_partial_credit_in_single_choice_counts_as_wrong_with_a_warning(tmp_path: Path) -> None:
    """A 50% answer next to an '=' answer is wrong in quizapp, and the warning says so."""
    report = convert_text(tmp_path, "p.gift", "Q?{~wrong ~%50%half =full}\n")
    question = only_question(report)
    assert isinstance(question, SingleChoice) and question.correct == "c"
    assert "'half' earned 50% (partial credit)" in warnings_text(report)


def test_several_equals_answers_become_multiple_with_a_warning(tmp_path: Path) -> None:
    """Several '=' answers with '~' answers: all of them are right, and the change is reported."""
    report = convert_text(tmp_path, "s.gift", "Seasons\\:{=spring =summer ~easter}\n")
    question = only_question(report)
    assert isinstance(question, MultipleSelect) and question.correct == ["a", "b"]
    assert "several answers are marked fully right" in warnings_text(report)


def test_true_false_forms_and_feedback(tmp_path: Path) -> None:
    """T, F, TRUE and FALSE are true/false questions; their feedback goes into the explanation."""
    report = convert_text(
        tmp_path,
        "tf.gift",
        "One.{T}\n\nTwo.{FALSE#No one is buried there.#Well done}\n\nThree.{TRUE####General.}\n",
    )
    questions = [c.question for c in report.converted]
    assert all(isinstance(q, TrueFalse) for q in questions)
    assert [q.correct for q in questions if isinstance(q, TrueFalse)] == [True, False, True]
    # Moodle shows the first feedback for the wrong answer and the second for the right one.
    assert "If you answered True: No one is buried there." in en(questions[1].explanation)
    assert "If you answered False: Well done" in en(questions[1].explanation)
    assert en(questions[2].explanation) == "General."


def test_lower_case_true_is_a_short_answer_as_in_moodle(tmp_path: Path) -> None:
    """'{true}' is Moodle's short answer 'true'; a warning explains how to write a true/false question."""
    report = convert_text(tmp_path, "t.gift", "Is it?{true}\n")
    assert isinstance(only_question(report), FillBlank)
    assert "write {TRUE} for a true/false question" in warnings_text(report)


def test_short_answer_becomes_fill_blank(tmp_path: Path) -> None:
    """'=' answers without '~' are accepted answers; zero-mark answers are left out and reported."""
    report = convert_text(
        tmp_path,
        "sa.gift",
        "Two plus two equals {=four =4 =%0%five#No}.\n",
    )
    question = only_question(report)
    assert isinstance(question, FillBlank)
    assert en(question.prompt) == "Two plus two equals _____."
    assert question.accepted.for_language("en") == ("four", "4")
    assert "answer 'five' earned no marks" in warnings_text(report)


def test_matching_pairs(tmp_path: Path) -> None:
    """'=left -> right' pairs make a matching question."""
    question = only_question(
        convert_text(tmp_path, "m.gift", "Match.{\n=Canada -> Ottawa\n=Italy  -> Rome\n=Japan -> Tokyo\n}\n")
    )
    assert isinstance(question, Matching)
    assert [(en(p.left), en(p.right)) for p in question.pairs] == [
        ("Canada", "Ottawa"),
        ("Italy", "Rome"),
        ("Japan", "Tokyo"),
    ]


def test_formats_and_comments(tmp_path: Path) -> None:
    """[html] and [markdown] texts are converted (answers inherit the format); // lines are ignored."""
    report = convert_text(
        tmp_path,
        "fmt.gift",
        "// a comment\n[html]<p>The <b>sun</b> rises?</p>{\n=<p>East</p>#<em>Yes</em>\n// inside\n~West}\n\n"
        "[markdown]Grant's _tomb_?{T}\n",
    )
    first, second = (c.question for c in report.converted)
    assert isinstance(first, SingleChoice)
    assert en(first.prompt) == "The **sun** rises?"
    assert [en(o.text) for o in first.options] == ["East", "West"]
    assert en(first.options[0].feedback) == "*Yes*"
    assert en(second.prompt) == "Grant's *tomb*?"


def test_id_and_tag_comments(tmp_path: Path) -> None:
    """// [id:...] gives the question id and // [tag:...] tags the module."""
    report = convert_text(
        tmp_path, "id.gift", "// [id:otp-1]\n// [tag:codes] [tag:Money Safety]\nShare?{F}\n"
    )
    assert only_question(report).id == "otp-1"
    assert report.modules[0].tags == ["codes", "money-safety"]


def test_unrepresentable_questions_are_skipped_with_name_and_line(tmp_path: Path) -> None:
    """Description, essay and numerical questions are reported by name and line, not dropped."""
    report = convert_text(
        tmp_path,
        "skip.gift",
        "::Intro::Read carefully.\n\nWrite about safety.{}\n\n\n::Year::When?{#1822}\n\nOK?{T}\n",
    )
    assert [(s.line, s.name, s.kind) for s in report.skipped] == [
        (1, "Intro", "description"),
        (3, "Write about safety.", "essay"),
        (6, "Year", "numerical"),
    ]
    assert len(report.converted) == 1


def test_unclosed_brace_is_reported_and_the_rest_converts(tmp_path: Path) -> None:
    """A '{' never closed is reported with its line; the next questions still convert."""
    report = convert_text(
        tmp_path,
        "broken.gift",
        "First?{T}\n\nBroken question?{\n=yes\n~no\n\nThird?{F}\n",
    )
    assert [c.line for c in report.converted] == [1, 7]
    (skipped,) = report.skipped
    assert skipped.line == 3 and skipped.kind == "invalid"
    assert "opened with '{' on line 3 is never closed" in skipped.reason


def test_missing_blank_line_between_questions_is_reported(tmp_path: Path) -> None:
    """Two questions run together are reported rather than merged into nonsense."""
    report = convert_text(tmp_path, "run.gift", "One?{T}\nTwo?{F}\n")
    assert not report.converted
    assert "a second answer block starts on line 2" in report.skipped[0].reason


def test_blank_line_inside_answers_is_tolerated_with_a_warning(tmp_path: Path) -> None:
    """A blank line inside { } does not split the question, but the teacher hears Moodle would refuse it."""
    report = convert_text(tmp_path, "gap.gift", "Q?{\n=yes\n\n~no\n}\n")
    question = only_question(report)
    assert isinstance(question, SingleChoice) and len(question.options) == 2
    assert "blank line inside an answer block" in warnings_text(report)


def test_too_few_answers_is_reported(tmp_path: Path) -> None:
    """A multiple-choice question with one answer is skipped with the reason."""
    report = convert_text(tmp_path, "one.gift", "Q?{~only}\n")
    assert not report.converted
    assert report.skipped[0].reason == "a multiple-choice question needs at least 2 answers; this one has 1"
