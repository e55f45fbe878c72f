"""Turning the mouse wheel over a drop-down or number box not clicked into never changes it, on any screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget

from quizapp.ui.wheel_guard import GUARD_NAME, WheelGuard


def _wheel(widget: QWidget, down: bool = True) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(),
        QPoint(0, -120 if down else 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QCoreApplication.sendEvent(widget, event)


def _values(widget: QWidget) -> list[object]:
    return [
        w.currentIndex() if isinstance(w, QComboBox) else w.text()
        for w in widget.findChildren(QWidget)
        if isinstance(w, (QComboBox, QAbstractSpinBox))
    ]


def test_guard_is_installed_once_on_the_application(qapp, student) -> None:
    """The main window installs exactly one guard on the application (another window adds none)."""
    from quizapp.ui.main_window import MainWindow

    MainWindow(student.ctx).deleteLater()
    assert len(qapp.findChildren(WheelGuard, GUARD_NAME)) == 1


def test_wheel_on_every_teacher_dropdown_changes_nothing(qtbot, student) -> None:
    """Every combo and spin box of every teacher page keeps its value under the wheel when not focused."""
    from quizapp.ui.teacher.area import TeacherArea

    store = student.store
    blue = store.people.create_class("Class 6 Blue")
    store.people.create_class("Class 7 Green")
    store.people.create_learner("Ali", class_id=blue.id)
    area = TeacherArea(student.ctx)
    qtbot.addWidget(area)
    area.resize(1024, 600)
    area.show()
    area.unlock_without_pin()
    checked = 0
    for name in area.PAGE_NAMES:
        page = area.show_page(name)
        combos = [w for w in page.findChildren(QWidget) if isinstance(w, (QComboBox, QAbstractSpinBox))]
        for combo in combos:
            if isinstance(combo, QComboBox) and combo.count() > 1:
                combo.setCurrentIndex(combo.count() // 2)  # room to move both ways
            before = _values(page)
            combo.clearFocus()
            _wheel(combo, down=True)
            _wheel(combo, down=False)
            _wheel(combo, down=True)
            assert _values(page) == before, f"{name}: {combo.accessibleName() or combo.objectName()}"
            checked += 1
    assert checked >= 5  # the class filters, the language for new learners, the age group, ...


def test_a_focused_dropdown_still_follows_the_wheel(qtbot, student) -> None:
    """After the teacher clicks into a drop-down, the wheel moves through its items as usual."""
    combo = QComboBox(student.window)
    combo.addItems(["a", "b", "c"])
    combo.show()
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    _wheel(combo, down=True)
    assert combo.currentIndex() == 1
