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
from dataclasses import dataclass
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


@dataclass(slots=True)
class YamlDocument:
    """The data of one YAML file together with its node tree (for line numbers)."""

    data: Any
    root: yaml.Node


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


def parse_yaml(text: str) -> YamlDocument:
    """Parse one YAML document into plain data, refusing anything unsafe."""
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        raise YamlProblem("the file is empty; it should hold a YAML mapping (key: value lines)")
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.composer.ComposerError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.problem and "single document" in (exc.context or "") + (exc.problem or ""):
            raise YamlProblem(
                "the file holds more than one YAML document (a second '---'); keep one per file",
                *_pos(mark),
            ) from exc
        raise YamlProblem(_yaml_message(exc), *_pos(mark)) from exc
    except yaml.MarkedYAMLError as exc:
        raise YamlProblem(_yaml_message(exc), *_pos(exc.problem_mark or exc.context_mark)) from exc
    except yaml.YAMLError as exc:  # reader errors, e.g. control characters
        raise YamlProblem(f"this is not valid YAML: {exc}") from exc
    finally:
        loader.dispose()
    if root is None:
        raise YamlProblem("the file is empty; it should hold a YAML mapping (key: value lines)")
    builder = _Builder(text)
    data = builder.build(root, 0)
    return YamlDocument(data=data, root=root)


def load_yaml_file(path: Path) -> YamlDocument:
    return parse_yaml(read_text(path))


def _pos(mark: Any) -> tuple[int, int]:
    if mark is None:
        return 1, 1
    return mark.line + 1, mark.column + 1


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    hint = ""
    lowered = problem + " " + context
    if "mapping values are not allowed" in lowered:
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


class _Builder:
    """Turns a node tree into dicts, lists, strings and None, checking safety rules as it goes."""

    __slots__ = ("_seen", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._seen: set[int] = set()

    def build(self, node: yaml.Node, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise YamlProblem(
                f"the data is nested more than {MAX_DEPTH} levels deep", *_pos(node.start_mark)
            )
        key = id(node)
        if key in self._seen:
            raise self._alias_problem()
        self._seen.add(key)
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            if tag not in _SCALAR_TAGS:
                raise self._tag_problem(node)
            if tag == _NULL and not node.style:
                return None
            return node.value
        if isinstance(node, yaml.MappingNode):
            if tag != _MAP:
                raise self._tag_problem(node)
            result: dict[str, Any] = {}
            first_seen: dict[str, yaml.Node] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise YamlProblem(
                        "a key must be a plain word, not a list or mapping", *_pos(key_node.start_mark)
                    )
                if id(key_node) in self._seen:
                    raise self._alias_problem()
                self._seen.add(id(key_node))
                if key_node.tag not in _SCALAR_TAGS:
                    raise self._tag_problem(key_node)
                name = key_node.value
                if name in first_seen:
                    line = first_seen[name].start_mark.line + 1
                    raise YamlProblem(
                        f"the key '{name}' appears twice in the same mapping (first on line {line}); "
                        "keep one",
                        *_pos(key_node.start_mark),
                    )
                first_seen[name] = key_node
                result[name] = self.build(value_node, depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode):
            if tag != _SEQ:
                raise self._tag_problem(node)
            return [self.build(item, depth + 1) for item in node.value]
        raise YamlProblem("unsupported YAML node", *_pos(node.start_mark))  # pragma: no cover

    def _tag_problem(self, node: yaml.Node) -> YamlProblem:
        tag = node.tag
        shown = "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag
        return YamlProblem(
            f"the tag '{shown}' is not allowed in a pack; remove it and write plain text",
            *_pos(node.start_mark),
        )

    def _alias_problem(self) -> YamlProblem:
        line, column = _first_alias(self._text)
        return YamlProblem(
            "YAML aliases ('*name') are not allowed in a pack; write the text out in full", line, column
        )


def _first_alias(text: str) -> tuple[int, int]:
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                return _pos(event.start_mark)
    except yaml.YAMLError:
        pass
    return 1, 1


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
