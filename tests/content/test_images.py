"""Pack pictures are checked for what they are: decoded header, size and pixel limits, and SVGs that reach
nothing outside themselves (no external references, scripts, entities or DOCTYPE)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from quizapp.content.images import MAX_SIDE, check_image_bytes, check_svg
from tests.content.helpers import MODULE, find, make_pack, validate


def png(width: int, height: int) -> bytes:
    """A PNG header with the given size (the pixels are never needed to check it)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


def gif(width: int, height: int) -> bytes:
    return b"GIF89a" + struct.pack("<HH", width, height) + b"\x00\x00\x00;"


def jpeg(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


SVG_OK = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'


@pytest.mark.parametrize(
    ("data", "kind"),
    [(png(300, 200), "png"), (gif(64, 64), "gif"), (jpeg(640, 480), "jpeg"), (SVG_OK, "svg")],
)
def test_ordinary_pictures_pass(data: bytes, kind: str) -> None:
    """Pictures of a sensible size, whose header matches their file ending, pass."""
    assert check_image_bytes(data, kind) == []


def test_a_huge_png_is_refused_with_its_size() -> None:
    """A 30000 x 30000 PNG (which Qt silently fails to show) is refused, saying how big it is."""
    [problem] = check_image_bytes(png(30000, 30000), "png")
    assert "30000 x 30000 pixels" in problem.message and str(MAX_SIDE) in problem.message


def test_too_many_pixels_is_refused_even_under_the_side_limit() -> None:
    """A 4000 x 4000 JPEG (61 MB once decoded) is over the pixel limit."""
    assert "4000 x 4000" in check_image_bytes(jpeg(4000, 4000), "jpeg")[0].message


def test_a_file_that_is_not_what_its_ending_says_is_refused() -> None:
    """Text named .png, and a GIF named .png, are refused for what they are."""
    assert "not a PNG picture" in check_image_bytes(b"hello, not a picture", "png")[0].message
    assert "GIF picture, not PNG" in check_image_bytes(gif(10, 10), "png")[0].message


@pytest.mark.parametrize(
    ("svg", "fragment", "line"),
    [
        (
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
            '  <image xlink:href="/etc/secret.png" width="10" height="10"/>\n</svg>',
            "<image> refers to '/etc/secret.png'",
            2,
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg">\n\n  <image href="../../photo.jpg"/>\n</svg>',
            "<image> refers to '../../photo.jpg'",
            3,
        ),
        ('<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script></svg>', "<script>", 2),
        ('<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>', "event attributes", 1),
        ('<svg xmlns="http://www.w3.org/2000/svg">\n<use href="other.svg#a"/></svg>', "'other.svg#a'", 2),
        (
            '<svg xmlns="http://www.w3.org/2000/svg">\n<rect fill="url(file:///etc/x#p)"/></svg>',
            "url(file:///etc/x#p)",
            2,
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg"><style>\n@import "http://x/y.css";</style></svg>',
            "@import",
            2,
        ),
        (
            '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY lol "lol">]>\n<svg>&lol;</svg>',
            "DOCTYPE",
            2,
        ),
        ('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>', "<foreignObject>", 1),
        ("<html><body/></html>", "not <svg>", 1),
        ('<svg xmlns="http://www.w3.org/2000/svg">\n<rect></svg>', "not well-formed", 2),
    ],
)
def test_svgs_that_reach_outside_themselves_are_refused_with_line(svg: str, fragment: str, line: int) -> None:
    """Every way out of an SVG (files, other SVGs, style sheets, scripts, entities) is named with its line."""
    problems = check_svg(svg.encode())
    assert any(fragment in p.message and p.line == line for p in problems), problems


def test_an_embedded_data_picture_and_internal_references_are_allowed() -> None:
    """<image> with a data: URI, <use href="#id"> and fill="url(#grad)" stay inside the SVG."""
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        b'<defs><linearGradient id="g"/><circle id="c" r="2"/></defs>'
        b'<use xlink:href="#c"/><rect fill="url(#g)"/>'
        b'<image href="data:image/png;base64,iVBORw0KGgo="/></svg>'
    )
    assert check_svg(svg) == []


def test_a_billion_laughs_svg_is_refused_quickly() -> None:
    """Nested entities never expand: the DOCTYPE is refused before any entity is read."""
    laughs = '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    problems = check_svg(f'{laughs}]><svg xmlns="http://www.w3.org/2000/svg">&j;</svg>'.encode())
    assert "DOCTYPE" in problems[0].message


def test_the_validator_refuses_an_svg_reaching_outside_the_pack_with_file_and_line(tmp_path: Path) -> None:
    """A pack whose SVG shows a local file fails validation, naming the module, the SVG and its line."""
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
        '<image xlink:href="/home/teacher/photo.png"/>\n</svg>\n'
    )
    module = MODULE.replace("quiz:\n", "image: assets/pic.svg\nquiz:\n")
    report = validate(make_pack(tmp_path, module, extra={"assets/pic.svg": svg}))
    assert not report.valid
    error = find(report, "/home/teacher/photo.png")
    assert error.path.endswith("modules/one.yaml") and (error.line, error.column) == (10, 8)
    assert "line 2, column 1 of assets/pic.svg" in error.message


def test_the_validator_refuses_a_huge_png(tmp_path: Path) -> None:
    """A 7900 x 7900 PNG (291 MB in memory) is refused at validation."""
    pack = make_pack(tmp_path, MODULE.replace("quiz:\n", "image: assets/big.png\nquiz:\n"))
    (pack / "assets").mkdir()
    (pack / "assets" / "big.png").write_bytes(png(7900, 7900))
    assert "7900 x 7900 pixels" in find(validate(pack), "big.png").message
