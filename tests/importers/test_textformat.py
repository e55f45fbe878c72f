"""HTML, Markdown and Moodle text become our safe text format, and whatever is removed is reported."""

from __future__ import annotations

from quizapp.content.richtext import parse_blocks
from quizapp.importers.textformat import convert, html_to_text, markdown_to_text, normalise


def test_html_paragraphs_bold_italic_and_lists() -> None:
    """Paragraphs, <b>/<strong>, <i>/<em> and lists map onto our marks."""
    result = html_to_text(
        "<p>Keep <strong>codes</strong> <em>secret</em>.</p><ul><li>Block</li><li>Report</li></ul>"
        "<ol><li>First</li><li>Second</li></ol>"
    )
    assert result.text == "Keep **codes** *secret*.\n\n- Block\n- Report\n\n1. First\n2. Second"
    assert [b.kind for b in parse_blocks(result.text)] == ["paragraph", "bullets", "numbers"]
    assert result.warnings == []


def test_nested_html_lists_are_flattened() -> None:
    """A list inside a list item continues the same list (our format has no nesting)."""
    result = html_to_text("<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>")
    assert result.text == "- a\n- b\n- c"
    assert [b.kind for b in parse_blocks(result.text)] == ["bullets"]


def test_html_entities_and_whitespace_collapse() -> None:
    """Entities are decoded, &nbsp; is a space and runs of white space become one space."""
    assert html_to_text("<p>Tom&nbsp;&amp;  Jerry\n  say &lt;hi&gt;</p>").text == "Tom & Jerry say <hi>"


def test_scripts_handlers_frames_and_remote_images_are_removed_and_reported() -> None:
    """Dangerous HTML never reaches the text, and every removal is a warning."""
    result = html_to_text(
        '<p onclick="steal()">Hello<script>alert(1)</script> <iframe src="http://x.example"></iframe>'
        '<img src="https://tracker.example/pixel.png"> <a href="javascript:evil()">there</a></p>'
    )
    assert result.text == "Hello there"
    joined = " | ".join(result.warnings)
    assert "event handler (onclick" in joined
    assert "<script>" in joined
    assert "<iframe>" in joined
    assert "remote image (https://tracker.example/pixel.png)" in joined
    assert "javascript: link" in joined


def test_local_images_are_reported_with_their_name() -> None:
    """A picture inside text is dropped with a warning that names it."""
    result = html_to_text('<p>See <img src="@@PLUGINFILE@@/chart.png" alt="a chart"></p>')
    assert result.text == "See"
    assert result.warnings == [
        "removed an image (chart.png) (described as 'a chart'): pictures inside text are not imported; "
        "add it as the question's image"
    ]


def test_formatting_that_cannot_be_expressed_stays_plain() -> None:
    """Italic glued to a word, or nested marks, never produce stray asterisks."""
    assert html_to_text("<i>un</i>believable").text == "unbelievable"
    assert html_to_text("<em><strong>Dos.</strong> Igualmente</em>").text == "*Dos. Igualmente*"
    assert html_to_text("<b> spaced </b>word").text == "**spaced** word"


def test_markdown_emphasis_links_and_hard_breaks() -> None:
    """Markdown underscores become our asterisks, links keep their words, hard breaks split paragraphs."""
    result = markdown_to_text("Grant's _tomb_ and __bold__  \nsee [the docs](http://example.org)")
    assert result.text == "Grant's *tomb* and **bold**\n\nsee the docs"


def test_markdown_keeps_blanks_to_fill_in() -> None:
    """A run of underscores is a blank in a question, not emphasis."""
    assert (
        markdown_to_text("Grant is _____ in __x__ one-time ____.").text
        == "Grant is _____ in **x** one-time ____."
    )


def test_markdown_images_are_reported() -> None:
    """A Markdown image is removed with a warning."""
    result = markdown_to_text("Look ![logo](http://example.org/logo.png) here")
    assert result.text == "Look here"
    assert "remote image (http://example.org/logo.png)" in result.warnings[0]


def test_moodle_format_reads_html_only_when_there_are_tags() -> None:
    """Moodle auto-format is plain text unless it holds HTML tags; 'a < b' stays as written."""
    assert convert("x < y and y > z", "moodle").text == "x < y and y > z"
    assert convert("Some <b>bold</b>\n\nNext", "moodle").text == "Some **bold**\n\nNext"
    assert convert("line one\nline two", "plain").text == "line one line two"


def test_normalise_is_stable() -> None:
    """Normalising twice gives the same text (so round trips do not drift)."""
    text = "  A  paragraph\nwith lines\n\n* one\n* two\n\n1) a\n2) b  "
    once = normalise(text)
    assert once == "A paragraph with lines\n\n- one\n- two\n\n1. a\n2. b"
    assert normalise(once) == once
