"""The main window: a stack of screens and the journeys between them.

Only the learner picker is built at start-up; the other screens (which need the pack code) are made the
first time they are shown, so the picker is on screen quickly.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget, QWidget

from quizapp.ui import theme
from quizapp.ui.screens.picker import PickerScreen
from quizapp.ui.wheel_guard import install_wheel_guard

if TYPE_CHECKING:
    from quizapp.services.checks import CheckService
    from quizapp.services.learning import RunResult, Target
    from quizapp.services.library import ModuleEntry
    from quizapp.services.opening import BackgroundJob
    from quizapp.services.records import Learner
    from quizapp.ui.context import AppContext
    from quizapp.ui.screens.check import CheckScreen
    from quizapp.ui.screens.help_card import HelpCardScreen
    from quizapp.ui.screens.home import HomeScreen
    from quizapp.ui.screens.lesson import LessonScreen
    from quizapp.ui.screens.new_learner import NewLearnerScreen
    from quizapp.ui.screens.quiz import QuizScreen
    from quizapp.ui.screens.results import ResultsScreen

log = logging.getLogger("quizapp")


class MainWindow(QMainWindow):
    """The student app. ``ctx`` is shared with every screen (and the teacher area)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        app = QCoreApplication.instance()
        if app is not None:
            install_wheel_guard(app)  # once per application; here too for windows made without app.py
        self.setObjectName("main-window")
        self.setMinimumSize(640, 480)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.learner: Learner | None = None
        self.last_result: RunResult | None = None
        self.teacher_area: QWidget | None = None
        self._new_learner: NewLearnerScreen | None = None
        self._home: HomeScreen | None = None
        self._lesson: LessonScreen | None = None
        self._quiz: QuizScreen | None = None
        self._help_card: HelpCardScreen | None = None
        self._results: ResultsScreen | None = None
        self._check: CheckScreen | None = None
        self._after_check: object = None  # (stage, position) to go to when the check screen is done

        self.picker = PickerScreen(ctx)
        self.picker.learner_chosen.connect(self._learner_tapped)
        self.picker.new_learner_requested.connect(lambda: self._when_store_ready(self.show_new_learner))
        self.picker.teacher_requested.connect(lambda: self._when_store_ready(self.open_teacher))
        self._waiting_for_store: Callable[[], None] | None = None
        self._background: BackgroundJob | None = None
        self._background_timer = QTimer(self)
        self._background_timer.setInterval(25)
        self._background_timer.timeout.connect(self._background_poll)
        self.stack.addWidget(self.picker)

        ctx.signals.language_changed.connect(self._language_changed)
        ctx.signals.text_scale_changed.connect(self._text_scale_changed)
        ctx.signals.content_changed.connect(self._content_changed)
        ctx.signals.style_changed.connect(self.apply_style)
        self.apply_style()
        self.retranslate()
        self.show_picker()

    # ------------------------------------------------------------------------------------ look
    def apply_style(self) -> None:
        ctx = self.ctx
        self.setProperty("high_contrast", ctx.high_contrast)  # read by custom-painted widgets
        self.setStyleSheet(
            theme.stylesheet(
                ctx.text_scale,
                high_contrast=ctx.high_contrast,
                tall_script=ctx.tall_script,
                script_scale=ctx.script_scale,
            )
        )

    def _text_scale_changed(self, _scale: int) -> None:
        self.apply_style()
        if self._home is not None:
            self._home.fit_to_text_size()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("quizapp: staying safe online"))

    def _language_changed(self, _language: str) -> None:
        self.apply_style()  # Urdu's Nastaliq needs taller lines
        self.retranslate()
        current = self.current_screen()
        refresh = getattr(current, "refresh", None)
        if callable(refresh) and current is not self.teacher_area:
            refresh()

    def _content_changed(self) -> None:
        current = self.current_screen()
        if current is self.picker:
            self.picker.refresh()
        elif current is self._home:
            self.show_home()

    def prepare_in_background(self, job: BackgroundJob) -> None:
        """Run start-up work that can take seconds (reading the pack catalogue, which validates every pack
        whose cache is cold, e.g. the first start after an update) in a worker thread once the window is
        drawn. Until it is done a tap that needs it shows "Getting ready" and is done afterwards."""
        self._background = job
        QTimer.singleShot(0, job.start)
        self._background_timer.start()

    def _background_poll(self) -> None:
        job = self._background
        if job is None or job.ready:
            self._background_timer.stop()
            self._background = None
            store = self.ctx.store
            if bool(getattr(store, "ready", True)) and not getattr(store, "closed", False):
                self.store_ready()  # (a store closed meanwhile: the app is shutting down, nothing to show)

    def store_ready(self) -> None:
        """The store has opened in the background: show the picker again from it (it may differ from the
        quick look, for instance after a repair), then do what a learner tapped while it was opening."""
        if self._background is not None and not self._background.ready:
            return  # the start-up work still running does this when it is done
        action, self._waiting_for_store = self._waiting_for_store, None
        self.picker.show_getting_ready(False)
        if self.current_screen() is self.picker:
            self.picker.refresh()
        if action is not None:
            action()

    def store_is_ready(self) -> bool:
        """False while the progress store is still opening, or start-up work runs, in the background."""
        if self._background is not None and not self._background.ready:
            return False
        return bool(getattr(self.ctx.store, "ready", True))

    def _when_store_ready(self, action: Callable[[], None]) -> None:
        """Do ``action`` now, or, while the store is still opening, show "Getting ready" on the picker and
        do it as soon as the store is open (the GUI never waits for the store without saying so)."""
        if self.store_is_ready():
            action()
            return
        self._waiting_for_store = action
        self.picker.show_getting_ready(True)

    def _learner_tapped(self, learner_id: str) -> None:
        self._when_store_ready(lambda: self.choose_learner(learner_id))

    def current_screen(self) -> QWidget:
        return self.stack.currentWidget() or self.picker

    def _show(self, screen: QWidget) -> None:
        if self.stack.indexOf(screen) < 0:
            self.stack.addWidget(screen)
        self.stack.setCurrentWidget(screen)
        focus = getattr(screen, "focus_start", None)
        if callable(focus):
            QTimer.singleShot(0, focus)

    # -------------------------------------------------------------------------- screens (lazily)
    @property
    def new_learner_screen(self) -> NewLearnerScreen:
        if self._new_learner is None:
            from quizapp.ui.screens.new_learner import NewLearnerScreen

            self._new_learner = NewLearnerScreen(self.ctx)
            self._new_learner.created.connect(self.choose_learner)
            self._new_learner.cancelled.connect(self.show_picker)
        return self._new_learner

    @property
    def home(self) -> HomeScreen:
        if self._home is None:
            from quizapp.ui.screens.home import HomeScreen

            self._home = HomeScreen(self.ctx)
            self.stack.addWidget(self._home)  # in the window before it is filled: it makes tiles per row
            self._home.open_target.connect(self.open_target)
            self._home.switch_learner.connect(self.show_picker)
        return self._home

    @property
    def lesson(self) -> LessonScreen:
        if self._lesson is None:
            from quizapp.ui.screens.lesson import LessonScreen

            self._lesson = LessonScreen(self.ctx)
            self._lesson.go_home.connect(self.show_home)
            self._lesson.start_quiz.connect(self.open_quiz)
        return self._lesson

    @property
    def quiz(self) -> QuizScreen:
        if self._quiz is None:
            from quizapp.ui.screens.quiz import QuizScreen

            self._quiz = QuizScreen(self.ctx)
            self._quiz.go_home.connect(self.show_home)
            self._quiz.finished.connect(self.quiz_finished)
        return self._quiz

    @property
    def help_card(self) -> HelpCardScreen:
        if self._help_card is None:
            from quizapp.ui.screens.help_card import HelpCardScreen

            self._help_card = HelpCardScreen(self.ctx)
            self._help_card.done.connect(self.show_results)
        return self._help_card

    @property
    def check(self) -> CheckScreen:
        if self._check is None:
            from quizapp.ui.screens.check import CheckScreen

            self._check = CheckScreen(self.ctx)
            self._check.go_home.connect(self.show_home)
            self._check.done.connect(self._check_done)
        return self._check

    def _checks(self) -> CheckService:  # the check-question service (imported when first needed)
        from quizapp.services.checks import CheckService

        return CheckService(self.ctx.store)

    def _check_done(self, entry: ModuleEntry) -> None:
        after, self._after_check = self._after_check, None
        if isinstance(after, tuple) and after[0] == "lesson":
            self.open_lesson(entry, after[1])
        elif isinstance(after, tuple) and after[0] == "help":
            self.show_help_card(after[1])
        else:
            self.show_home()

    @property
    def results(self) -> ResultsScreen:
        if self._results is None:
            from quizapp.ui.screens.results import ResultsScreen

            self._results = ResultsScreen(self.ctx)
            self._results.go_home.connect(self.show_home)
            self._results.try_again.connect(self.try_again)
            self._results.next_module.connect(self.open_module)
        return self._results

    # ------------------------------------------------------------------------------- journeys
    def show_picker(self) -> None:
        self.learner = None
        self.ctx.use_learner_contrast(None)  # the computer's colours on the picker
        self.ctx.set_text_scale(100)
        self.ctx.set_language(self.ctx.store.settings.default_language)
        self.picker.refresh()
        self._show(self.picker)

    def show_new_learner(self) -> None:
        screen = self.new_learner_screen
        screen.reset()
        self._show(screen)

    def choose_learner(self, learner_id: str) -> None:
        learner = self.ctx.store.people.get_learner(learner_id)
        self.learner = learner
        self.ctx.set_language(learner.language)
        self.ctx.set_text_scale(learner.text_size)
        self.ctx.use_learner_contrast(self.ctx.learning.high_contrast(learner.id))
        self.show_home()

    def show_home(self) -> None:
        if self.learner is None:
            self.show_picker()
            return
        self.home.show_learner(self.learner)
        self._show(self.home)

    def open_target(self, target: Target) -> None:
        learner = self._require_learner()
        if target.stage == "quiz":
            self.open_quiz(target.entry)
        elif target.stage == "results":
            result = self.ctx.learning.last_result(learner, target.entry)
            if result is None:
                self.open_lesson(target.entry, 0)
            else:
                self.last_result = result
                self.results.open(learner, result, celebrate=False)
                self._show(self.results)
        else:
            self.open_lesson(target.entry, target.position)

    def open_module(self, entry: ModuleEntry) -> None:
        learner = self._require_learner()
        self.open_target(self.ctx.learning.target_for(learner, entry))

    def open_lesson(self, entry: ModuleEntry, position: int = 0) -> None:
        learner = self._require_learner()
        checks = self._checks()
        if position == 0 and checks.pre_check_due(learner, entry):  # before the lesson, once
            self._after_check = ("lesson", 0)
            self.check.open(checks.open_check(learner, entry, "pre"))
            self._show(self.check)
            return
        self.lesson.open(learner, entry, position)
        self._show(self.lesson)

    def open_quiz(self, entry: ModuleEntry) -> None:
        """The unfinished quiz of this module, or a new one."""
        learner = self._require_learner()
        session = self.ctx.learning.open_quiz(learner, entry)
        self._show(self.quiz)
        self.quiz.open(session)

    def try_again(self, entry: ModuleEntry) -> None:
        learner = self._require_learner()
        session = self.ctx.learning.start_quiz(learner, entry)
        self._show(self.quiz)
        self.quiz.open(session)

    def quiz_finished(self, result: RunResult) -> None:
        """After the quiz: the check questions again (once, after a pre-check), then the help card."""
        learner = self._require_learner()
        checks = self._checks()
        if checks.post_check_due(learner, result.entry):
            self.last_result = result
            self._after_check = ("help", result)
            self.check.open(checks.open_check(learner, result.entry, "post"))
            self._show(self.check)
            return
        self.show_help_card(result)

    def show_help_card(self, result: RunResult) -> None:
        self.last_result = result
        self.help_card.audience = result.entry.module.audience
        self.help_card.refresh()
        self._show(self.help_card)

    def show_results(self) -> None:
        if self.last_result is None or self.learner is None:
            self.show_home()
            return
        self.results.open(self.learner, self.last_result)
        self._show(self.results)

    def _require_learner(self) -> Learner:
        """The chosen learner as stored now (home changes their language and text size)."""
        if self.learner is None:
            raise RuntimeError("no learner is chosen")
        self.learner = self.ctx.store.people.get_learner(self.learner.id)
        return self.learner

    def recover(self) -> None:
        """After an unexpected error: go to a screen that is safe to show."""
        if self.teacher_area is not None and self.current_screen() is self.teacher_area:
            return
        try:
            if self.learner is not None:
                self.show_home()
            else:
                self.show_picker()
        except Exception:
            log.exception("Could not show a safe screen")
            self.stack.setCurrentWidget(self.picker)

    # --------------------------------------------------------------------------------- teacher
    def open_teacher(self) -> None:
        """Open the teacher area (behind its PIN) in this window."""
        try:
            from quizapp.ui.teacher.area import TeacherArea
        except ImportError:
            log.exception("The teacher area could not be loaded")
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Teacher area"),
                self.tr("The teacher area is not available in this copy of quizapp."),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.open()
            return
        if self.teacher_area is None:
            area = TeacherArea(self.ctx, self)
            area.exit_requested.connect(self.close_teacher)
            area.content_changed.connect(self.ctx.signals.content_changed)
            self.teacher_area = area
        self._show(self.teacher_area)

    def close_teacher(self) -> None:
        area = self.teacher_area
        self.teacher_area = None
        self.show_picker()
        if area is not None:
            self.stack.removeWidget(area)
            area.deleteLater()
