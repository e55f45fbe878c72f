"""The teacher area: behind a PIN, the pages a teacher uses to run the app for a class.

``TeacherArea(ctx)`` starts on its PIN gate. ``exit_requested`` asks the main window to go back to the
learner picker; ``content_changed`` says packs, learners or settings changed, so the student side reloads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from quizapp.services.teacher.packs import PackManager
from quizapp.services.teacher.pin import TeacherPin
from quizapp.ui.teacher.page import SharedFilters
from quizapp.ui.teacher.pin_gate import PinGate
from quizapp.ui.teacher.widgets import (
    NAV_ICON,
    Dialogs,
    MessagePanel,
    NavButton,
    button,
    icon_pixmap,
    teacher_stylesheet,
)
from quizapp.ui.wheel_guard import install_wheel_guard

if TYPE_CHECKING:
    from quizapp.ui.context import AppContext


class TeacherArea(QWidget):
    """PIN gate, then the teacher's pages: classes, results, packs, import, print and share, settings."""

    exit_requested = Signal()
    content_changed = Signal()

    PAGE_NAMES = ("classes", "results", "packs", "import", "share", "settings")

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        dialogs: Dialogs | None = None,
        standalone: bool = False,
    ) -> None:
        """``standalone``: the area is a window of its own (pictures for ``quizapp screenshots``), not a
        screen of the main window, so it carries the app's whole style sheet itself."""
        super().__init__(parent)
        app = QCoreApplication.instance()
        if app is not None:
            install_wheel_guard(app)  # the one guard of the application (the area can be its own window)
        self.setObjectName("teacherArea")
        self.ctx = ctx
        self.standalone = standalone
        ctx.signals.style_changed.connect(self._apply_style)
        self.dialogs = dialogs or Dialogs(self)
        self.pin = TeacherPin(ctx.store)
        self.pack_manager = PackManager(ctx.store, ctx.data_dir, ctx.library.builtin_dir, ctx.library)
        self.unlocked = False
        self.pages: dict[str, QWidget] = {}
        self.shared_filters = SharedFilters()  # the class and dates of the results and print pages
        self._current_page = "classes"
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        self._layout.addWidget(self.stack)
        self._build()
        ctx.signals.language_changed.connect(self._on_language_changed)

    # ------------------------------------------------------------------------------------------ building
    def _build(self) -> None:
        while self.stack.count():
            widget = self.stack.widget(0)
            if widget is None:
                break
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.setLayoutDirection(self.ctx.layout_direction())
        self._apply_style()
        self.gate = PinGate(self.pin)
        self.gate.unlocked.connect(self._on_unlocked)
        self.gate.back_requested.connect(self.leave)
        self.stack.addWidget(self.gate)
        self.workspace = self._build_workspace()
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace if self.unlocked else self.gate)
        if self.unlocked:
            self.show_page(self._current_page)

    def _apply_style(self) -> None:
        ctx = self.ctx
        sheet = teacher_stylesheet(ctx.high_contrast, tall_script=ctx.tall_script, rtl=ctx.is_rtl)
        if self.standalone:
            from quizapp.ui import theme

            app_sheet = theme.stylesheet(
                ctx.text_scale, high_contrast=ctx.high_contrast, tall_script=ctx.tall_script
            )
            sheet = app_sheet + sheet
        self.setStyleSheet(sheet)

    def _build_workspace(self) -> QWidget:
        from quizapp.ui.teacher.classes_page import ClassesPage
        from quizapp.ui.teacher.import_page import ImportPage
        from quizapp.ui.teacher.packs_page import PacksPage
        from quizapp.ui.teacher.results_page import ResultsPage
        from quizapp.ui.teacher.settings_page import SettingsPage
        from quizapp.ui.teacher.share_page import SharePage

        workspace = QWidget()
        workspace.setObjectName("teacherWorkspace")
        outer = QHBoxLayout(workspace)  # right to left in Urdu: the page list is then on the right
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        self.nav = QFrame()
        self.nav.setObjectName("teacherNav")
        self.nav.setAccessibleName(self.tr("Teacher pages"))
        side = QVBoxLayout(self.nav)
        side.setContentsMargins(8, 8, 8, 8)
        side.setSpacing(6)
        self.nav_group = QButtonGroup(self)
        self.nav_group.setExclusive(True)
        self.nav_buttons: dict[str, QPushButton] = {}
        self.page_stack = QStackedWidget()
        labels = {
            "classes": ("teacher", self.tr("Classes")),
            "results": ("progress", self.tr("Results")),
            "packs": ("book", self.tr("Packs")),
            "import": ("add", self.tr("Import")),
            "share": ("badge", self.tr("Print and share")),
            "settings": ("help", self.tr("Settings")),
        }
        factories = {
            "classes": ClassesPage,
            "results": ResultsPage,
            "packs": PacksPage,
            "import": ImportPage,
            "share": SharePage,
            "settings": SettingsPage,
        }
        self.pages = {}
        for name in self.PAGE_NAMES:
            icon, text = labels[name]
            nav_button = NavButton(text, icon_pixmap(icon, NAV_ICON))
            nav_button.setObjectName(f"nav-{name}")
            nav_button.clicked.connect(lambda _=False, n=name: self.show_page(n))
            self.nav_group.addButton(nav_button)
            self.nav_buttons[name] = nav_button
            side.addWidget(nav_button)
            page = factories[name](self)
            self.pages[name] = page
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(page)
            self.page_stack.addWidget(scroll)
        side.addStretch(1)
        other = "ur" if self.ctx.language != "ur" else "en"
        self.language_button = button("اردو" if other == "ur" else "English")
        self.language_button.setAccessibleName(self.tr("Switch the language"))
        self.language_button.setToolTip(self.tr("Switch the language"))
        self.language_button.clicked.connect(lambda: self.ctx.set_language(other))
        side.addWidget(self.language_button)
        self.leave_button = button(self.tr("Lock"))
        self.leave_button.setAccessibleName(self.tr("Lock the teacher area and go back to the learners"))
        self.leave_button.setToolTip(self.tr("Lock the teacher area and go back to the learners"))
        self.leave_button.clicked.connect(self.leave)
        side.addWidget(self.leave_button)
        for side_button in (self.language_button, self.leave_button):
            side_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.nav.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        outer.addWidget(self.nav)
        main = QVBoxLayout()
        main.setContentsMargins(0, 0, 0, 0)
        self.store_problem = MessagePanel()
        self.store_problem.setObjectName("storeProblem")
        main.addWidget(self.store_problem)
        main.addWidget(self.page_stack, 1)
        outer.addLayout(main, 1)
        return workspace

    def show_store_problem(self) -> None:
        """Say why answers or changes could not be saved (a full disk, permissions), if that happened."""
        store = self.ctx.store
        try:
            problem = getattr(store, "write_error", None) or getattr(store, "backup_error", None)
        except Exception:  # the store never opened: that was reported when it failed
            problem = None
        if problem:
            self.store_problem.show_problem(str(problem))
        else:
            self.store_problem.hide()

    # ------------------------------------------------------------------------------------------ actions
    def show_page(self, name: str) -> QWidget:
        """Show one page (by name, see ``PAGE_NAMES``) with fresh data; returns it (the page left, when the
        teacher chose to stay there with unsaved changes)."""
        if not self._offer_to_save(leaving_for=name):
            self.nav_buttons[self._current_page].setChecked(True)
            return self.pages[self._current_page]
        self._current_page = name
        index = self.PAGE_NAMES.index(name)
        self.page_stack.setCurrentIndex(index)
        self.nav_buttons[name].setChecked(True)
        focused = QApplication.focusWidget()
        if isinstance(focused, NavButton) and focused is not self.nav_buttons[name]:
            self.nav_buttons[name].setFocus()  # the list's focus follows the page shown
        page = self.pages[name]
        refresh = getattr(page, "refresh", None)
        if refresh is not None:
            refresh()
        return page

    def page(self, name: str) -> QWidget:
        return self.pages[name]

    def _on_unlocked(self) -> None:
        self.unlocked = True
        self.show_store_problem()
        self.stack.setCurrentWidget(self.workspace)
        self.show_page(self._current_page)

    def unlock_without_pin(self) -> None:
        """Open the pages directly (screenshots and tests of the pages themselves)."""
        self._on_unlocked()

    def _offer_to_save(self, leaving_for: str | None = None) -> bool:
        """Before another page is shown or the area is locked, the page left may save or discard its
        changes; False when the teacher chose to stay on it."""
        if not self.unlocked or leaving_for == self._current_page:
            return True
        offer = getattr(self.pages.get(self._current_page), "offer_to_save", None)
        return offer is None or offer() is not False

    def leave(self) -> None:
        """Lock the area again and ask to go back to the learner picker (unless the teacher stays to save)."""
        if not self._offer_to_save():
            return
        self.unlocked = False
        self.gate.reset()
        self.stack.setCurrentWidget(self.gate)
        self.exit_requested.emit()

    def lock(self) -> None:
        self.unlocked = False
        self._build()

    def notify_content_changed(self) -> None:
        """Packs, learners or settings changed: tell the student side. Packs are installed and removed
        through the catalogue the student side shares (``pack_manager.library``), so it is up to date
        without looking at every pack folder again."""
        self.content_changed.emit()

    def _on_language_changed(self, _language: str) -> None:
        self._build()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not self.unlocked:
            self.leave()
            return
        super().keyPressEvent(event)
