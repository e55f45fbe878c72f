"""Pictures of the teacher screens, for ``quizapp screenshots`` (the PIN gate and every page)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from quizapp.ui.teacher.area import TeacherArea

if TYPE_CHECKING:
    from quizapp.ui.context import AppContext


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def render_teacher_screens(
    ctx: AppContext, out_dir: Path, size: QSize | tuple[int, int], *, prefix: str = "teacher"
) -> list[Path]:
    """Save the PIN gate and each teacher page at ``size`` as PNG files in ``out_dir``; return their paths.

    Pages are opened without asking for the PIN (nothing is changed in the store). File names are
    ``<prefix>-<page>-<width>x<height>-<language>.png``.
    """
    width, height = (size.width(), size.height()) if isinstance(size, QSize) else size
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    area = TeacherArea(ctx, standalone=True)
    area.resize(width, height)
    area.show()
    saved: list[Path] = []

    def save(name: str) -> None:
        _settle()
        path = out_dir / f"{prefix}-{name}-{width}x{height}-{ctx.language}.png"
        if area.grab().save(str(path)):
            saved.append(path)

    try:
        save("pin")
        area.unlock_without_pin()
        for name in TeacherArea.PAGE_NAMES:
            area.show_page(name)
            save(name)
    finally:
        area.close()
        area.deleteLater()
    return saved
