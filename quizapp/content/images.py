"""What a pack's picture really is: the decoded header of a PNG, JPEG, GIF or WebP file, or an SVG file
checked element by element. Plain Python (no Qt): the validator and the app's picture loader use the same
checks, so a picture that would read a file outside the pack, run a script or cost hundreds of megabytes is
refused before it is installed, and refused again if it is changed afterwards.

Limits (stated in docs/authoring.md): a picture file is at most :data:`MAX_FILE_BYTES`; a bitmap at most
:data:`MAX_SIDE` pixels on a side and :data:`MAX_PIXELS` pixels in all; an SVG file at most
:data:`MAX_SVG_BYTES`, with no DOCTYPE or entities, no scripts, event attributes or ``foreignObject``,
no reference to anything but its own elements (``#id``), and ``<image>`` only with a ``data:image/...`` URI.
"""

from __future__ import annotations

import contextlib
import re
import struct
import xml.parsers.expat
from dataclasses import dataclass
from pathlib import Path

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_SVG_BYTES = 512 * 1024
MAX_SIDE = 4096
MAX_PIXELS = 8_000_000
MAX_SVG_ELEMENTS = 20_000
MAX_SVG_DEPTH = 64

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")
_KIND_OF_SUFFIX = {
    ".png": "png",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".gif": "gif",
    ".webp": "webp",
    ".svg": "svg",
}
_NAMES = {"png": "PNG", "jpeg": "JPEG", "gif": "GIF", "webp": "WebP", "svg": "SVG"}


@dataclass(frozen=True, slots=True)
class ImageProblem:
    """Something wrong with a picture file; ``line`` and ``column`` point into an SVG (1, 1 otherwise)."""

    message: str
    line: int = 1
    column: int = 1


def bitmap_kind(head: bytes) -> str | None:
    """``png``, ``jpeg``, ``gif`` or ``webp`` from a file's first bytes; None for anything else."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return None


def bitmap_size(data: bytes, kind: str) -> tuple[int, int] | None:
    """Width and height from the header of a bitmap of ``kind``; None when the header is damaged."""
    try:
        if kind == "png":
            if data[12:16] != b"IHDR":
                return None
            width, height = struct.unpack(">II", data[16:24])
            return int(width), int(height)
        if kind == "gif":
            width, height = struct.unpack("<HH", data[6:10])
            return int(width), int(height)
        if kind == "webp":
            return _webp_size(data)
        if kind == "jpeg":
            return _jpeg_size(data)
    except struct.error:
        return None
    return None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8 " and data[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L" and data[20:21] == b"\x2f":
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X":
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return width, height
    return None


_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:
            at += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            at += 2
            continue
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        if marker in _SOF:
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return int(width), int(height)
        at += 2 + length
    return None


def check_image_file(path: Path) -> list[ImageProblem]:
    """Every problem of the picture at ``path`` (empty when it may be shown)."""
    suffix = path.suffix.lower()
    expected = _KIND_OF_SUFFIX.get(suffix)
    if expected is None:
        return [ImageProblem("a picture must be a .png, .jpg, .gif, .webp or .svg file")]
    try:
        size = path.stat().st_size
        limit = MAX_SVG_BYTES if expected == "svg" else MAX_FILE_BYTES
        if size > limit:
            return [
                ImageProblem(f"the file is {size // 1024} KB; a picture may be at most {limit // 1024} KB")
            ]
        data = path.read_bytes()
    except OSError as exc:
        return [ImageProblem(f"the picture could not be read: {exc.strerror or exc}")]
    return check_image_bytes(data, expected)


def check_image_bytes(data: bytes, expected: str) -> list[ImageProblem]:
    """Problems of picture ``data`` whose file name says it is ``expected`` (png, jpeg, gif, webp, svg)."""
    kind = bitmap_kind(data[:16])
    if expected == "svg":
        if kind is not None:
            return [
                ImageProblem(f"this is a {_NAMES[kind]} picture, not an SVG; give the file its own ending")
            ]
        return check_svg(data)
    if kind is None:
        return [
            ImageProblem(f"this is not a {_NAMES[expected]} picture (its first bytes are not a picture's)")
        ]
    if kind != expected:
        return [ImageProblem(f"this is a {_NAMES[kind]} picture, not {_NAMES[expected]}; rename it")]
    dims = bitmap_size(data[:65536], kind)
    if dims is None:
        return [ImageProblem(f"the {_NAMES[kind]} picture is damaged (its size cannot be read)")]
    width, height = dims
    if width < 1 or height < 1:
        return [ImageProblem("the picture has no pixels")]
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        return [
            ImageProblem(
                f"the picture is {width} x {height} pixels; the most allowed is {MAX_SIDE} pixels a side "
                f"and {MAX_PIXELS // 1_000_000} million pixels in all (make it smaller)"
            )
        ]
    return []


# ----------------------------------------------------------------------------------------------- SVG
_XLINK = "http://www.w3.org/1999/xlink"
_FORBIDDEN_ELEMENTS = {"script", "foreignObject", "iframe", "embed", "object", "audio", "video", "handler"}
_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)
_DATA_IMAGE = re.compile(r"^data:image/(png|jpeg|gif|webp);base64,", re.IGNORECASE)


class _SvgStop(Exception):
    pass


class _SvgChecker:
    def __init__(self) -> None:
        self.problems: list[ImageProblem] = []
        self.depth = 0
        self.elements = 0
        self.parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
        p = self.parser
        p.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
        p.StartDoctypeDeclHandler = self._doctype
        p.EntityDeclHandler = self._entity
        p.ExternalEntityRefHandler = self._external_entity
        p.StartElementHandler = self._start
        p.EndElementHandler = self._end
        p.CharacterDataHandler = self._text
        self._in_style = 0

    def _where(self) -> tuple[int, int]:
        return self.parser.CurrentLineNumber, self.parser.CurrentColumnNumber + 1

    def _problem(self, message: str) -> None:
        line, column = self._where()
        self.problems.append(ImageProblem(message, line, column))

    def _doctype(self, *args: object) -> None:
        self._problem("an SVG in a pack may not have a DOCTYPE (it can define entities); remove it")
        raise _SvgStop

    def _entity(self, *args: object) -> None:
        self._problem("an SVG in a pack may not define entities; remove them")
        raise _SvgStop

    def _external_entity(self, *args: object) -> int:
        self._problem("an SVG in a pack may not refer to outside entities")
        raise _SvgStop

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        self.depth += 1
        self.elements += 1
        if self.depth > MAX_SVG_DEPTH or self.elements > MAX_SVG_ELEMENTS:
            self._problem(
                f"the SVG is too complex (more than {MAX_SVG_DEPTH} levels or {MAX_SVG_ELEMENTS} elements)"
            )
            raise _SvgStop
        local = name.rsplit(" ", 1)[-1]
        if self.elements == 1 and local != "svg":
            self._problem(f"the file's first element is <{local}>, not <svg>")
            raise _SvgStop
        if local in _FORBIDDEN_ELEMENTS:
            self._problem(f"an SVG in a pack may not contain <{local}>; remove it")
        if local == "style":
            self._in_style += 1
        for key, value in attrs.items():
            attr = key.rsplit(" ", 1)[-1]
            if attr.lower().startswith("on"):
                self._problem(f"an SVG in a pack may not have event attributes ('{attr}'); remove it")
            elif attr == "href":
                self._check_href(local, value)
            elif attr == "style" or "url(" in value.lower():
                self._check_css(value)

    def _check_href(self, element: str, value: str) -> None:
        target = value.strip()
        if element == "image":
            if not _DATA_IMAGE.match(target):
                self._problem(
                    f"<image> refers to '{target[:80]}'; in a pack an SVG may only embed pictures as "
                    "data:image/...;base64 URIs (pictures outside the SVG are not shown)"
                )
        elif not target.startswith("#"):
            self._problem(
                f"'{target[:80]}' is outside this SVG; an SVG in a pack may only refer to its own parts"
            )

    def _check_css(self, text: str) -> None:
        if "@import" in text.lower():
            self._problem("an SVG in a pack may not @import style sheets")
        for match in _URL.finditer(text):
            if not match.group(1).startswith("#"):
                self._problem(f"url({match.group(1)[:80]}) is outside this SVG; use only url(#id)")

    def _text(self, data: str) -> None:
        if self._in_style:
            self._check_css(data)

    def _end(self, name: str) -> None:
        self.depth -= 1
        if name.rsplit(" ", 1)[-1] == "style":
            self._in_style -= 1


def check_svg(data: bytes) -> list[ImageProblem]:
    """Problems of SVG ``data``: not well-formed XML, not an <svg>, or anything that reaches outside it."""
    if len(data) > MAX_SVG_BYTES:
        return [ImageProblem(f"the SVG is larger than {MAX_SVG_BYTES // 1024} KB")]
    checker = _SvgChecker()
    try:
        checker.parser.Parse(data, True)
    except _SvgStop:
        return checker.problems
    except xml.parsers.expat.ExpatError as exc:
        message = xml.parsers.expat.ErrorString(exc.code) if exc.code else str(exc)
        return [
            *checker.problems,
            ImageProblem(f"the SVG is not well-formed XML: {message}", exc.lineno, exc.offset + 1),
        ]
    if checker.elements == 0:
        return [ImageProblem("the file has no SVG in it")]
    return checker.problems


# ------------------------------------------------------------------------------------------ picture size
_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")


def svg_size(data: bytes) -> tuple[float, float] | None:
    """An SVG's own coordinate size: its ``viewBox`` width and height, else its ``width`` and ``height`` (in
    pixels); None when it gives neither (or in units such as % or cm)."""
    found: list[dict[str, str]] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        found.append(attrs)
        raise _SvgStop

    parser = xml.parsers.expat.ParserCreate()
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartElementHandler = start
    with contextlib.suppress(_SvgStop, xml.parsers.expat.ExpatError):
        parser.Parse(data, True)
    if not found:
        return None
    attrs = found[0]
    box = attrs.get("viewBox", "").replace(",", " ").split()
    if len(box) == 4:
        try:
            width, height = float(box[2]), float(box[3])
        except ValueError:
            width = height = 0.0
        if width > 0 and height > 0:
            return width, height
    w, h = _LENGTH.match(attrs.get("width", "")), _LENGTH.match(attrs.get("height", ""))
    if w and h and float(w.group(1)) > 0 and float(h.group(1)) > 0:
        return float(w.group(1)), float(h.group(1))
    return None


def image_size(path: Path) -> tuple[float, float] | None:
    """The size of the picture at ``path`` in its own coordinates: pixels for a bitmap, the ``viewBox`` (or
    width and height) for an SVG. None when it cannot be read."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        return None
    if path.suffix.lower() == ".svg":
        return svg_size(data)
    kind = bitmap_kind(data[:16])
    if kind is None:
        return None
    dims = bitmap_size(data[:65536], kind)
    return (float(dims[0]), float(dims[1])) if dims else None
