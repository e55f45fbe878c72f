#!/usr/bin/env python3
"""Render the app icon from assets/icons/app.svg (Qt, offscreen) into DIR (default build/icons):

- quizapp.ico: Windows icon with 16, 24, 32, 48, 64, 128 and 256 px frames (32-bit BMP frames below 256 px,
  PNG at 256 px: what Explorer, the taskbar, the Start menu and Inno Setup each pick from);
- quizapp.icns: macOS icon;
- png/NxN/quizapp.png for the same sizes (Linux hicolor theme).

build.py runs this with the build environment's Python, so the icons always match the SVG:
    python packaging/make_icons.py [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import struct
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "assets" / "icons" / "app.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit("could not encode a PNG frame")
    return bytes(data.data())


def bmp_frame(image: QImage) -> bytes:
    """A 32-bit BGRA DIB as stored in .ico files: header with double height, rows bottom-up, AND mask."""
    size = image.width()
    image = image.convertToFormat(QImage.Format.Format_ARGB32)  # little-endian memory order: B, G, R, A
    rows = [bytes(image.constScanLine(y))[: size * 4] for y in range(size)]
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, size * size * 4, 0, 0, 0, 0)
    mask_row = b"\0" * (((size + 31) // 32) * 4)  # all visible: the alpha channel decides
    return header + b"".join(reversed(rows)) + mask_row * size


def ico_bytes(images: dict[int, QImage]) -> bytes:
    frames = [(s, png_bytes(img) if s >= 256 else bmp_frame(img)) for s, img in sorted(images.items())]
    out = struct.pack("<HHH", 0, 1, len(frames))
    offset = 6 + 16 * len(frames)
    for size, data in frames:
        side = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        out += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + b"".join(data for _size, data in frames)


def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".partial")
    tmp.write_bytes(data)
    tmp.replace(path)
    print(f"wrote {path}")


def make_icons(out: Path) -> None:
    app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    images = {size: render(renderer, size) for size in SIZES}
    write(out / "quizapp.ico", ico_bytes(images))
    for size, image in images.items():
        write(out / "png" / f"{size}x{size}" / "quizapp.png", png_bytes(image))
    icns = out / "quizapp.icns"
    if not images[256].save(str(icns), "icns"):  # needs Qt's icns image plugin (present in the wheels)
        raise SystemExit(f"could not write {icns}")
    del app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "icons")
    make_icons(parser.parse_args().out)


if __name__ == "__main__":
    main()
