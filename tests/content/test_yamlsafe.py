"""The safe YAML reader: text stays text, and anything unsafe is refused with a position."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.content.yamlsafe import MAX_DEPTH, YamlProblem, parse_yaml, read_text


def problem(text: str) -> YamlProblem:
    with pytest.raises(YamlProblem) as info:
        parse_yaml(text)
    return info.value


def test_yes_no_on_off_stay_text() -> None:
    """YAML 1.1 booleans and numbers are kept as the text the teacher wrote."""
    data = parse_yaml("options: [Yes, No, On, Off, 007, 1.50, true]\n").data
    assert data == {"options": ["Yes", "No", "On", "Off", "007", "1.50", "true"]}


def test_empty_values_are_none_but_quoted_null_is_text() -> None:
    """A plain empty value or ~ is nothing; a quoted 'null' is the word null."""
    assert parse_yaml("a:\nb: ~\nc: 'null'\n").data == {"a": None, "b": None, "c": "null"}


def test_alias_is_refused_at_its_position() -> None:
    """Aliases (and so alias bombs) are refused where the alias is written."""
    p = problem("a: &x hello\nb: *x\n")
    assert (p.line, p.column) == (2, 4)
    assert "aliases" in p.message


def test_alias_bomb_is_refused_quickly() -> None:
    """A billion-laughs document stops at its first alias."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [{','.join(['*' + chr(96 + i)] * 9)}]")
    p = problem("\n".join(lines) + "\n")
    assert p.line == 2 and "aliases" in p.message


def test_python_tag_is_refused() -> None:
    """!!python/... tags never construct anything and are reported."""
    p = problem("id: !!python/object/apply:os.system ['echo hacked']\n")
    assert (p.line, p.column) == (1, 5)
    assert "'!!python/object/apply:os.system' is not allowed" in p.message


def test_custom_local_tag_is_refused() -> None:
    """Local tags such as !include are refused."""
    p = problem("a:\n  b: !include other.yaml\n")
    assert (p.line, p.column) == (2, 6)
    assert "'!include'" in p.message


def test_standard_str_tag_is_allowed() -> None:
    """An explicit !!str is harmless and allowed."""
    assert parse_yaml("a: !!str 12\n").data == {"a": "12"}


def test_duplicate_key_names_both_lines() -> None:
    """A key written twice is an error pointing at the second, naming the first line."""
    p = problem("id: a\ntitle: x\nid: b\n")
    assert (p.line, p.column) == (3, 1)
    assert "'id' appears twice" in p.message and "line 1" in p.message


def test_duplicate_keys_can_be_collected_and_parsing_goes_on() -> None:
    """With a list to collect them, every repeated key is reported and the first value is kept."""
    found: list[YamlProblem] = []
    doc = parse_yaml("id: a\nopts: {x: 1, x: [2]}\nid: b\nlast: z\n", found)
    assert doc.data == {"id": "a", "opts": {"x": "1"}, "last": "z"}
    assert [(p.line, p.column) for p in found] == [(2, 14), (3, 1)]
    assert all("appears twice" in p.message for p in found)


def test_mapping_as_key_is_refused() -> None:
    """Keys must be plain words."""
    p = problem("? [a, b]\n: c\n")
    assert p.line == 1 and "plain word" in p.message


def test_second_document_is_refused() -> None:
    """One document per file."""
    p = problem("a: 1\n---\nb: 2\n")
    assert p.line == 2 and "more than one YAML document" in p.message


def test_syntax_error_has_position_and_hint() -> None:
    """A colon inside unquoted text is explained with a fix."""
    p = problem("prompt: What: now\n")
    assert (p.line, p.column) == (1, 13)
    assert "put in quotes" in p.message


def test_tab_indentation_is_explained() -> None:
    """Tabs get a message that says to use spaces."""
    p = problem("a:\n\tb: 1\n")
    assert p.line == 2 and "spaces, not tabs" in p.message


@pytest.mark.parametrize("text", ["", "   \n\n", "# only a comment\n", "---\n...\n"])
def test_empty_file_is_refused(text: str) -> None:
    """Empty files are reported as empty."""
    assert "empty" in problem(text).message


def test_nesting_ten_thousand_deep_flow() -> None:
    """Deep flow nesting is refused with a message, not a crash."""
    p = problem("a: " + "[" * 10000 + "]" * 10000 + "\n")
    assert "nest" in p.message


def test_nesting_ten_thousand_deep_block() -> None:
    """Deep block nesting ('- - - ...') is refused too."""
    assert "nest" in problem("- " * 10000 + "x\n").message


def test_nesting_beyond_our_cap() -> None:
    """Our own depth cap is lower than the parser's and names the line."""
    p = problem("a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n")
    assert f"more than {MAX_DEPTH} levels" in p.message and p.line == 1


def test_binary_file(tmp_path: Path) -> None:
    """A binary file is named as such."""
    f = tmp_path / "x.yaml"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(YamlProblem) as info:
        read_text(f)
    assert "binary file" in info.value.message


def test_non_utf8_file_points_at_byte(tmp_path: Path) -> None:
    """A Windows-1252 file is refused with the line of the first bad byte and how to fix it."""
    f = tmp_path / "x.yaml"
    f.write_bytes("id: a\ntitle: caf\xe9\n".encode("cp1252"))
    with pytest.raises(YamlProblem) as info:
        read_text(f)
    assert (info.value.line, info.value.column) == (2, 11)
    assert "UTF-8" in info.value.message


def test_bom_is_accepted(tmp_path: Path) -> None:
    """A UTF-8 byte-order mark (as Notepad writes) is fine."""
    f = tmp_path / "x.yaml"
    f.write_bytes("\ufeffid: a\n".encode())
    assert parse_yaml(read_text(f)).data == {"id": "a"}


def test_file_over_limit(tmp_path: Path) -> None:
    """Files over the size cap are refused before they are read."""
    f = tmp_path / "big.yaml"
    f.write_bytes(b"a: " + b"x" * 200 + b"\n")
    with pytest.raises(YamlProblem) as info:
        read_text(f, max_bytes=100)
    assert "at most" in info.value.message
