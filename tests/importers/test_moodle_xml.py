"""Reading Moodle XML exports: the question types we can hold, skips for the rest, unsafe XML refused."""

from __future__ import annotations

from pathlib import Path

from quizapp.content.models import FillBlank, Matching, MultipleSelect, Ordering, SingleChoice, TrueFalse
from tests.importers.helpers import convert_text, en, warnings_text

QUIZ = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category">
    <category><text>$course$/top/Passwords</text></category>
  </question>
  <question type="multichoice">
    <name><text>Strongest password</text></name>
    <questiontext format="html"><text><![CDATA[<p>Which is the <b>strongest</b>?</p>]]></text></questiontext>
    <generalfeedback format="html"><text><![CDATA[<p>Long is strong.</p>]]></text></generalfeedback>
    <defaultgrade>2.0000000</defaultgrade>
    <single>true</single>
    <answer fraction="0" format="html"><text>Ali2012</text>
      <feedback format="html"><text>Too easy to guess.</text></feedback></answer>
    <answer fraction="100" format="html"><text>mango river kite cloud</text></answer>
    <hint format="html"><text>Longer is stronger.</text></hint>
    <tags><tag><text>passwords</text></tag></tags>
  </question>
  <question type="multichoice">
    <name><text>Keep private</text></name>
    <questiontext format="moodle_auto_format"><text>Which should you keep private?</text></questiontext>
    <single>false</single>
    <answer fraction="50"><text>Your code</text></answer>
    <answer fraction="50"><text>Your address</text></answer>
    <answer fraction="-100"><text>Your favourite colour</text></answer>
  </question>
  <question type="truefalse">
    <name><text>Bank asks</text></name>
    <questiontext format="plain_text"><text>A bank may ask for your code.</text></questiontext>
    <answer fraction="0"><text>true</text><feedback><text>Banks never ask.</text></feedback></answer>
    <answer fraction="100"><text>false</text><feedback><text>Right.</text></feedback></answer>
  </question>
  <question type="shortanswer">
    <name><text>OTP word</text></name>
    <questiontext format="html"><text>One-time ____?</text></questiontext>
    <usecase>0</usecase>
    <answer fraction="100"><text>password</text></answer>
    <answer fraction="100"><text>code</text></answer>
  </question>
  <question type="matching">
    <name><text>Words</text></name>
    <questiontext format="html"><text>Match them.</text></questiontext>
    <subquestion format="html"><text>Phishing</text><answer><text>A fake message</text></answer></subquestion>
    <subquestion format="html"><text>Block</text><answer><text>Stop contact</text></answer></subquestion>
    <subquestion format="html"><text></text><answer><text>A distractor</text></answer></subquestion>
  </question>
  <question type="ordering">
    <name><text>Steps</text></name>
    <questiontext format="html"><text>Put in order.</text></questiontext>
    <answer fraction="2"><text>Screenshot</text></answer>
    <answer fraction="1"><text>Do not reply</text></answer>
    <answer fraction="3"><text>Tell an adult</text></answer>
  </question>
  <question type="essay">
    <name><text>Essay one</text></name>
    <questiontext format="html"><text>Write about safety.</text></questiontext>
  </question>
  <question type="numerical">
    <name><text>Year</text></name>
    <questiontext format="html"><text>When?</text></questiontext>
  </question>
</quiz>
"""


def test_every_supported_type_with_feedback_hints_and_categories(tmp_path: Path) -> None:
    """multichoice (single and multiple), truefalse, shortanswer, matching and ordering all convert."""
    report = convert_text(tmp_path, "bank.xml", QUIZ)
    questions = {c.question.id: c.question for c in report.converted}
    assert list(questions) == [
        "strongest-password",
        "keep-private",
        "bank-asks",
        "otp-word",
        "words",
        "steps",
    ]
    assert [m.title for m in report.modules] == ["Passwords"]
    assert report.modules[0].tags == ["passwords"]

    single = questions["strongest-password"]
    assert isinstance(single, SingleChoice)
    assert en(single.prompt) == "Which is the **strongest**?"
    assert single.correct == "b"
    assert en(single.options[0].feedback) == "Too easy to guess."
    assert en(single.explanation) == "Long is strong."
    assert en(single.hint) == "Longer is stronger."
    assert single.points == 2

    multiple = questions["keep-private"]
    assert isinstance(multiple, MultipleSelect) and multiple.correct == ["a", "b"]

    truth = questions["bank-asks"]
    assert isinstance(truth, TrueFalse) and truth.correct is False
    assert "If you answered True: Banks never ask." in en(truth.explanation)
    assert "If you answered False: Right." in en(truth.explanation)

    blank = questions["otp-word"]
    assert isinstance(blank, FillBlank) and blank.accepted.for_language("en") == ("password", "code")

    matching = questions["words"]
    assert isinstance(matching, Matching)
    assert [(en(p.left), en(p.right)) for p in matching.pairs] == [
        ("Phishing", "A fake message"),
        ("Block", "Stop contact"),
    ]
    assert "'A distractor'" in warnings_text(report)

    ordering = questions["steps"]
    assert isinstance(ordering, Ordering)
    assert [en(i) for i in ordering.items] == ["Do not reply", "Screenshot", "Tell an adult"]


def test_other_types_are_skipped_with_name_and_line(tmp_path: Path) -> None:
    """Essay and numerical questions are reported by name, type and the line of their <question>."""
    report = convert_text(tmp_path, "bank.xml", QUIZ)
    lines = QUIZ.split("\n")
    essay = lines.index('  <question type="essay">') + 1
    numerical = lines.index('  <question type="numerical">') + 1
    assert [(s.name, s.kind, s.line) for s in report.skipped] == [
        ("Essay one", "essay", essay),
        ("Year", "numerical", numerical),
    ]


def test_doctype_is_refused(tmp_path: Path) -> None:
    """A DOCTYPE (where entity bombs and external entities live) is refused with a clear error."""
    report = convert_text(
        tmp_path,
        "evil.xml",
        '<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY a "aaaa">]>\n<quiz><question type="truefalse">'
        "<questiontext><text>&a;</text></questiontext></question></quiz>",
    )
    assert not report.converted
    assert "DOCTYPE" in report.errors[0].message


def test_broken_xml_keeps_the_questions_before_the_break(tmp_path: Path) -> None:
    """Questions completed before malformed XML still convert; the break is reported with its line."""
    good = QUIZ.split('  <question type="multichoice">\n    <name><text>Keep private')[0]
    text = good + '  <question type="truefalse">\n    <oops>\n</quiz>\n'
    report = convert_text(tmp_path, "cut.xml", text)
    assert [c.question.id for c in report.converted] == ["strongest-password"]
    (error,) = report.errors
    assert error.line == text.split("\n").index("</quiz>") + 1
    assert "the XML is broken here (mismatched tag)" in error.message


def test_not_a_moodle_file(tmp_path: Path) -> None:
    """An XML file that is not a Moodle export says what it expected."""
    report = convert_text(tmp_path, "other.xml", "<html><body/></html>")
    assert (
        report.errors[0].message
        == "this is not a Moodle XML question file: it should start with <quiz>, not <html>"
    )


def test_embedded_files_are_reported(tmp_path: Path) -> None:
    """Pictures attached to question text are not imported, and the teacher is told which."""
    xml = QUIZ.replace(
        "<![CDATA[<p>Which is the <b>strongest</b>?</p>]]></text>",
        "<![CDATA[<p>Which is the <b>strongest</b>?</p>]]></text>"
        '<file name="lock.png" encoding="base64">AAAA</file>',
    )
    report = convert_text(tmp_path, "files.xml", xml)
    assert "the attached file 'lock.png' was not imported" in warnings_text(report)
