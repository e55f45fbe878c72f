"""Pictures: in-house SVG icons, avatars and illustrations, and images from packs (local files only).

SVG files are drawn with QSvgRenderer at the size needed (sharp on every screen); PNG, JPEG, GIF and WebP
files are decoded from memory. A pack's picture is read by :func:`load_image` only: its bytes are read once,
checked again with the validator's checks (``content/images.py``: header, size and pixel limits, an SVG
that refers to nothing outside itself) and handed to Qt from memory, so Qt never opens another file for it
(an SVG's ``<image href="/somewhere">`` is refused before Qt sees it). Nothing is loaded from the network.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QPainter, QPixmap, QTransform

from quizapp.content.images import MAX_FILE_BYTES, check_image_bytes
from quizapp.paths import assets_dir

DIRECTIONAL_ICONS = frozenset({"back", "next"})  # mirrored in right-to-left layouts


def _device_ratio() -> float:
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        screen = app.primaryScreen()
        if screen is not None:
            return max(1.0, float(screen.devicePixelRatio()))
    return 1.0


def render_svg(path: Path | bytes, width: int, height: int | None = None) -> QPixmap | None:
    """Draw an SVG (a file of the app's own, or checked bytes) into a pixmap of ``width`` x ``height``
    logical pixels (aspect ratio kept)."""
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(path)) if isinstance(path, bytes) else QSvgRenderer(str(path))
    if not renderer.isValid():
        return None
    view = renderer.defaultSize()
    if view.isEmpty():
        view = QSize(width, height or width)
    if height is None:
        height = max(1, round(width * view.height() / max(1, view.width())))
    ratio = _device_ratio()
    target = QSize(width, height)
    scaled = view.scaled(target, Qt.AspectRatioMode.KeepAspectRatio)
    image = QImage(round(width * ratio), round(height * ratio), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    x = (width - scaled.width()) / 2 * ratio
    y = (height - scaled.height()) / 2 * ratio
    renderer.render(painter, QRectF(x, y, scaled.width() * ratio, scaled.height() * ratio))
    painter.end()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


_KINDS = {".svg": "svg", ".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".gif": "gif", ".webp": "webp"}


def _read_checked(path: Path) -> tuple[bytes, str] | None:
    """A pack picture's bytes and kind when the validator's checks pass; None otherwise."""
    kind = _KINDS.get(path.suffix.lower())
    if kind is None:
        return None
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        return None
    if len(data) > MAX_FILE_BYTES or check_image_bytes(data, kind):
        return None
    return data, kind


def load_image(path: Path, max_width: int, max_height: int) -> QPixmap | None:
    """A pack's picture (SVG, PNG, JPEG, GIF or WebP) scaled to fit ``max_width`` x ``max_height``; None
    when it is missing, unreadable or fails the pack checks."""
    checked = _read_checked(path)
    if checked is None:
        return None
    data, kind = checked
    if kind == "svg":
        from PySide6.QtSvg import QSvgRenderer

        renderer = QSvgRenderer(QByteArray(data))
        if not renderer.isValid():
            return None
        size = renderer.defaultSize()
        if size.isEmpty():
            size = QSize(max_width, max_height)
        fitted = size.scaled(QSize(max_width, max_height), Qt.AspectRatioMode.KeepAspectRatio)
        return render_svg(data, fitted.width(), fitted.height())
    image = QImage.fromData(QByteArray(data))
    if image.isNull():
        return None
    pixmap = QPixmap.fromImage(image)
    if pixmap.width() > max_width or pixmap.height() > max_height:
        pixmap = pixmap.scaled(
            max_width,
            max_height,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return pixmap


@lru_cache(maxsize=256)
def _asset_pixmap(kind: str, name: str, size: int, mirrored: bool) -> QPixmap:
    path = assets_dir() / kind / f"{name}.svg"
    pixmap = render_svg(path, size, size) if path.is_file() else None
    if pixmap is None:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
    if mirrored:
        ratio = pixmap.devicePixelRatio()
        pixmap = pixmap.transformed(QTransform().scale(-1, 1))
        pixmap.setDevicePixelRatio(ratio)
    return pixmap


def icon_pixmap(name: str, size: int = 32, *, rtl: bool = False) -> QPixmap:
    """An icon from ``assets/icons``; arrows are mirrored for right-to-left layouts."""
    return _asset_pixmap("icons", name, size, rtl and name in DIRECTIONAL_ICONS)


def icon(name: str, size: int = 32, *, rtl: bool = False) -> QIcon:
    return QIcon(icon_pixmap(name, size, rtl=rtl))


def icon_from_pixmap(pixmap: QPixmap) -> QIcon:
    return QIcon(pixmap)


def illustration(name: str, size: int) -> QPixmap:
    """An illustration from ``assets/illustrations`` fitted in a ``size`` x ``size`` square."""
    return _asset_pixmap("illustrations", name, size, False)


@lru_cache(maxsize=1)
def avatar_ids() -> tuple[str, ...]:
    """The in-house avatars (file names in ``assets/avatars`` without ``.svg``), sorted."""
    folder = assets_dir() / "avatars"
    try:
        return tuple(sorted(p.stem for p in folder.glob("*.svg")))
    except OSError:
        return ()


def avatar_pixmap(avatar_id: str, size: int = 96) -> QPixmap:
    """A learner's picture; an unknown id (an avatar removed since) gives the first avatar."""
    ids = avatar_ids()
    if avatar_id not in ids and ids:
        avatar_id = ids[0]
    return _asset_pixmap("avatars", avatar_id, size, False)


def clear_cache() -> None:
    _asset_pixmap.cache_clear()
    avatar_ids.cache_clear()
