"""Read YAML safely, keeping every scalar as text and remembering where each node came from.

* Only the safe loader is used (the C one where PyYAML was built with libyaml).
* Scalars stay strings (``Yes`` is the text "Yes", never ``True``); a plain empty value or ``~``/``null``
  becomes ``None``. The pack model converts numbers and booleans where a field asks for one.
* Aliases, custom tags (``!!python/...``), duplicate keys, non-text keys, several documents, binary or
  non-UTF-8 files, empty files, files over :data:`MAX_FILE_BYTES` and nesting deeper than :data:`MAX_DEPTH`
  are refused with a :class:`YamlProblem` that carries the line and column.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

try:  # pragma: no cover - depends on how PyYAML was built
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 64

_TAG = "tag:yaml.org,2002:"
_NULL = _TAG + "null"
_STR = _TAG + "str"
_MAP = _TAG + "map"
_SEQ = _TAG + "seq"
_SCALAR_TAGS = frozenset(_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp"))


class YamlProblem(Exception):
    """A file that cannot be read as a YAML mapping; line and column start at 1 (0 = whole file)."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class YamlDocument:
    """The data of one YAML file; its node tree (for line numbers) is rebuilt only when asked for.

    Keeping every node of a large file alive costs more than parsing it again on the rare error path.
    """

    __slots__ = ("_root", "data", "text")

    def __init__(self, data: Any, text: str) -> None:
        self.data = data
        self.text = text
        self._root: yaml.Node | None = None

    @property
    def root(self) -> yaml.Node:
        if self._root is None:
            loader = _Loader(self.text)
            try:
                node = loader.get_single_node()
            finally:
                loader.dispose()
            if node is None:  # pragma: no cover - parse_yaml refuses empty documents
                raise YamlProblem("the file is empty")
            self._root = node
        return self._root


def read_text(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read a file as UTF-8 text (a byte-order mark is allowed), refusing binary and oversized files."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise YamlProblem(f"cannot read the file: {exc.strerror or exc}") from exc
    if size > max_bytes:
        raise YamlProblem(
            f"the file is {size / 1048576:.1f} MB; a pack file may be at most {max_bytes // 1048576} MB"
        )
    try:
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise YamlProblem(f"cannot read the file: {exc.strerror or exc}") from exc
    if len(raw) > max_bytes:
        raise YamlProblem(f"the file is larger than {max_bytes // 1048576} MB")
    return decode_text(raw)


def decode_text(raw: bytes) -> str:
    if b"\x00" in raw:
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        raise YamlProblem("this is a binary file, not YAML text; pick the .yaml file instead", line, 1)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlProblem(
            f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x}); "
            "save it again choosing the UTF-8 encoding",
            line,
            column,
        ) from exc
    return text


def parse_yaml(text: str, collect: list[YamlProblem] | None = None) -> YamlDocument:
    """Parse one YAML document into plain data, refusing anything unsafe.

    A key written twice in a mapping raises, unless ``collect`` is given: then the problem is added to it,
    the second value is dropped and parsing goes on, so the rest of the file can still be checked.
    """
    try:
        data = _build_from_events(text, collect)
    except yaml.MarkedYAMLError as exc:
        raise YamlProblem(_yaml_message(exc, text), *_pos(exc.problem_mark or exc.context_mark)) from exc
    except yaml.YAMLError as exc:  # reader errors, e.g. control characters
        raise YamlProblem(f"this is not valid YAML: {exc}") from exc
    return YamlDocument(data, text)


_NULL_WORDS = frozenset(("", "~", "null", "Null", "NULL"))
_ALLOWED_SCALAR_TAGS = frozenset((*_SCALAR_TAGS, "!"))
_EMPTY_MESSAGE = "the file is empty; it should hold a YAML mapping (key: value lines)"


def _build_from_events(text: str, collect: list[YamlProblem] | None = None) -> Any:
    """Build dicts, lists, strings and None straight from the parser's events (no resolver, no node tree)."""
    scalar_event = yaml.ScalarEvent
    mapping_start = yaml.MappingStartEvent
    mapping_end = yaml.MappingEndEvent
    sequence_start = yaml.SequenceStartEvent
    sequence_end = yaml.SequenceEndEvent
    # Each open container: [container, pending key or _NO_KEY, {key: key event} for mappings].
    stack: list[list[Any]] = []
    result: Any = _NO_KEY
    documents = 0
    event: Any
    for event in yaml.parse(text, Loader=_Loader):
        kind = type(event)
        if kind is scalar_event:
            tag = event.tag
            if tag is not None and tag not in _ALLOWED_SCALAR_TAGS:
                raise _tag_problem(tag, event)
            value: Any = event.value
            if event.implicit[0] and tag is None and value in _NULL_WORDS:
                value = None
            new_container = False
        elif kind is mapping_start or kind is sequence_start:
            tag = event.tag
            if tag is not None and tag not in (_MAP, _SEQ, "!"):
                raise _tag_problem(tag, event)
            if len(stack) >= MAX_DEPTH:
                raise YamlProblem(
                    f"the data is nested more than {MAX_DEPTH} levels deep", *_pos(event.start_mark)
                )
            value = {} if kind is mapping_start else []
            new_container = True
        elif kind is mapping_end or kind is sequence_end:
            finished = stack.pop()
            if not stack:
                result = finished[0]
            continue
        elif kind is yaml.AliasEvent:
            raise YamlProblem(
                "YAML aliases ('*name') are not allowed in a pack; write the text out in full",
                *_pos(event.start_mark),
            )
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise YamlProblem(
                    "the file holds more than one YAML document (a second '---'); keep one per file",
                    *_pos(event.start_mark),
                )
            continue
        else:
            continue
        if stack:
            top = stack[-1]
            container = top[0]
            if type(container) is dict:
                if top[1] is _NO_KEY:
                    if new_container:
                        raise YamlProblem(
                            "a key must be a plain word, not a list or mapping", *_pos(event.start_mark)
                        )
                    if value is None:
                        value = ""
                    if value in top[2]:
                        first = top[2][value].start_mark.line + 1
                        problem = YamlProblem(
                            f"the key '{value}' appears twice in the same mapping (first on line {first}); "
                            "keep one",
                            *_pos(event.start_mark),
                        )
                        if collect is None:
                            raise problem
                        collect.append(problem)
                        top[1] = _DROP
                        continue
                    top[2][value] = event
                    top[1] = value
                    continue
                if top[1] is not _DROP:
                    container[top[1]] = value
                top[1] = _NO_KEY
            else:
                container.append(value)
        else:
            result = value
        if new_container:
            stack.append([value, _NO_KEY, {}])
    if result is _NO_KEY or result is None:
        raise YamlProblem(_EMPTY_MESSAGE)
    return result


_NO_KEY: Any = object()
_DROP: Any = object()  # the pending key was a duplicate: its value is read but not kept


def _tag_problem(tag: str, event: Any) -> YamlProblem:
    shown = "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag
    return YamlProblem(
        f"the tag '{shown}' is not allowed in a pack; remove it and write plain text", *_pos(event.start_mark)
    )


def load_yaml_file(path: Path, collect: list[YamlProblem] | None = None) -> YamlDocument:
    return parse_yaml(read_text(path), collect)


def _pos(mark: Any) -> tuple[int, int]:
    if mark is None:
        return 1, 1
    return mark.line + 1, mark.column + 1


def _char_at(text: str, mark: Any) -> str:
    if mark is None:
        return ""
    lines = text.splitlines()
    line: int = mark.line
    column: int = mark.column
    if 0 <= line < len(lines) and 0 <= column < len(lines[line]):
        return lines[line][column]
    return ""


def _yaml_message(exc: yaml.MarkedYAMLError, text: str = "") -> str:
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    hint = ""
    lowered = problem + " " + context
    if _char_at(text, exc.problem_mark) == "\t":
        hint = "; use spaces, not tabs, to indent"
    elif "mapping values are not allowed" in lowered:
        hint = "; a text that contains ': ' must be put in quotes"
    elif "found character '\\t'" in lowered:
        hint = "; use spaces, not tabs, to indent"
    elif "could not find expected ':'" in lowered or "expected <block end>" in lowered:
        hint = "; check the indentation of this line and the one before"
    elif "found undefined alias" in lowered or "found unknown escape" in lowered:
        hint = ""
    elif "maximum nesting depth" in lowered:
        hint = f"; a pack file may nest at most {MAX_DEPTH} levels"
    parts = [p for p in (context, problem) if p]
    return "YAML syntax error: " + ", ".join(parts) + hint


def locate(root: yaml.Node, loc: Sequence[int | str], *, want_key: bool = False) -> tuple[int, int]:
    """Line and column (1-based) of the node at the model location ``loc``.

    Location parts that do not match a key (such as a pydantic union tag) are skipped. With
    ``want_key`` the position of the last key itself is returned, not its value.
    """
    node = root
    key_node: yaml.Node | None = None
    for part in loc:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == part:
                    key_node, node = k, v
                    break
            else:
                continue
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if 0 <= part < len(node.value):
                key_node, node = None, node.value[part]
            else:
                break
        else:
            continue
    target = key_node if want_key and key_node is not None else node
    return _pos(target.start_mark)
