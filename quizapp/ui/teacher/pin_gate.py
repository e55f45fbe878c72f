"""The door of the teacher area: set a PIN on the first visit, then ask for it every time.

After three wrong tries the gate makes the teacher wait, longer after each further wrong try; the wait is
kept in the store (closing the app does not shorten it) and counted down on screen with a timer, so the
window never freezes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator, QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from quizapp.services.teacher.pin import (
    MAX_DIGITS,
    MIN_DIGITS,
    PinProblem,
    PinWeakness,
    TeacherPin,
    pin_problem,
    pin_weakness,
)
from quizapp.ui.plaintext import fill_args
from quizapp.ui.teacher.widgets import (
    MIN_TARGET,
    Card,
    MessagePanel,
    button,
    flow,
    heading,
    note,
    row,
    tr,
    wrapping_label,
)


def wait_words(seconds: int) -> str:
    """The wait in words the teacher reads at a glance: "20 seconds" or "3 minutes"."""
    if seconds < 60:
        return tr("1 second") if seconds <= 1 else fill_args(tr("%1 seconds"), str(seconds))
    minutes = (seconds + 59) // 60
    return tr("1 minute") if minutes == 1 else fill_args(tr("%1 minutes"), str(minutes))


class PinGate(QWidget):
    """First visit: choose a PIN (typed twice). Later visits: type it to come in."""

    unlocked = Signal()
    back_requested = Signal()

    def __init__(self, pin: TeacherPin, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teacherPinGate")
        self._pin = pin
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self._build()

    # ----------------------------------------------------------------------------------------------- ui
    def _pin_field(self, accessible: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setMaxLength(MAX_DIGITS)
        field.setValidator(QRegularExpressionValidator(r"[0-9]*", field))
        field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData)
        field.setMinimumHeight(MIN_TARGET + 8)
        field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = field.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        field.setFont(font)
        field.setAccessibleName(accessible)
        field.setMaximumWidth(360)
        return field

    def _build(self) -> None:
        scroll = QScrollArea()  # Urdu's tall lines or large text can need more than the window's height
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        inner.setObjectName("page")  # the app's page background
        scroll.setWidget(inner)
        wrapper = QVBoxLayout(self)
        wrapper.setContentsMargins(0, 0, 0, 0)
        wrapper.addWidget(scroll)
        outer = QVBoxLayout(inner)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        card = Card()
        card.setMaximumWidth(620)
        self.card = card
        body = card.body
        body.setSpacing(14)
        self.setting = not self._pin.is_set()
        self.repeat_field: QLineEdit | None = None
        self._warned_pin: str | None = None  # a weak PIN is set when the teacher presses again
        if self.setting:
            self.title = heading(self.tr("Are you the teacher? Set a PIN"))
            body.addWidget(self.title)
            body.addWidget(
                note(
                    self.tr(
                        "This computer has no teacher PIN yet. If you are a learner, go back to the "
                        "learners. The teacher chooses the PIN here once; school IT can set it for every "
                        "computer of a lab before the first start (see 'The PIN' in the teacher guide)."
                    )
                )
            )
            self.teacher_button = button(self.tr("Yes, I am the teacher"), primary=True)
            self.teacher_button.clicked.connect(self._show_pin_fields)
            self.first_back_button = button(self.tr("Back to the learners"))
            self.first_back_button.clicked.connect(self.back_requested)
            self.teacher_step = QWidget()
            step = QVBoxLayout(self.teacher_step)
            step.setContentsMargins(0, 0, 0, 0)
            step.addLayout(flow(self.teacher_button, self.first_back_button))
            body.addWidget(self.teacher_step)
            self.pin_box = QWidget()
            fields = QVBoxLayout(self.pin_box)
            fields.setContentsMargins(0, 0, 0, 0)
            fields.setSpacing(10)
            fields.addWidget(
                note(
                    fill_args(
                        self.tr(
                            "Choose a PIN of %1 to %2 digits for the teacher area. Students must not know "
                            "it. Type it twice."
                        ),
                        str(MIN_DIGITS),
                        str(MAX_DIGITS),
                    )
                )
            )
            self.pin_field = self._pin_field(self.tr("New PIN"))
            self.repeat_field = self._pin_field(self.tr("New PIN again"))
            fields.addWidget(QLabel(self.tr("New PIN")))
            fields.addWidget(self.pin_field)
            fields.addWidget(QLabel(self.tr("The same PIN again")))
            fields.addWidget(self.repeat_field)
            body.addWidget(self.pin_box)
            self.pin_box.hide()
            self.enter_button = button(self.tr("Set the PIN and come in"), primary=True)
            self.repeat_field.returnPressed.connect(self._submit)
            self.pin_field.returnPressed.connect(self.repeat_field.setFocus)
        else:
            self.title = heading(self.tr("Teacher area"))
            body.addWidget(self.title)
            body.addWidget(note(self.tr("Type the teacher PIN to come in.")))
            self.pin_field = self._pin_field(self.tr("Teacher PIN"))
            body.addWidget(self.pin_field)
            self.enter_button = button(self.tr("Come in"), primary=True)
            self.pin_field.returnPressed.connect(self._submit)
        self.enter_button.clicked.connect(self._submit)
        self.message = MessagePanel()
        self.wait_label = wrapping_label()
        self.wait_label.setAccessibleName(self.tr("Waiting time"))
        self.wait_label.hide()
        self.back_button = button(self.tr("Back to the learners"))
        self.back_button.clicked.connect(self.back_requested)
        self.enter_row = QWidget()
        self.enter_row.setLayout(flow(self.enter_button, self.back_button))
        body.addWidget(self.enter_row)
        if self.setting:
            self.enter_row.hide()
        body.addWidget(self.message)
        body.addWidget(self.wait_label)
        if not self.setting:
            help_note = note(
                self.tr(
                    "Forgot the PIN? Ask the school's IT person: the teacher guide says how a new one is set."
                )
            )
            help_note.setObjectName("teacherPinHelp")
            body.addWidget(help_note)
        centre = row(card, stretch_end=False)
        centre.setStretchFactor(card, 4)  # as wide as its maximum when the window allows
        centre.insertStretch(0, 1)
        centre.addStretch(1)
        outer.addLayout(centre)
        outer.addStretch(2)
        self._tick()

    # ------------------------------------------------------------------------------------------ actions
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._tick()
        if self.setting and not self.pin_box.isVisible():
            self.teacher_button.setFocus()
        else:
            self.pin_field.setFocus()

    def _show_pin_fields(self) -> None:
        """The teacher said who they are: now the PIN is chosen."""
        self.teacher_step.hide()
        self.pin_box.show()
        self.enter_row.show()
        self.pin_field.setFocus()

    def weakness_text(self, weakness: PinWeakness) -> str:
        return (
            {
                PinWeakness.REPEATED: self.tr("This PIN repeats the same digits."),
                PinWeakness.SEQUENCE: self.tr("This PIN counts up or down, like 1234."),
                PinWeakness.COMMON: self.tr("This PIN is a year or a very common PIN."),
            }[weakness]
            + " "
            + self.tr(
                "Students guess such PINs first. Choose another, or press the button again to use it anyway."
            )
        )

    def reset(self) -> None:
        self._warned_pin = None
        self.pin_field.clear()
        if self.repeat_field is not None:
            self.repeat_field.clear()
        self.message.hide()
        self._tick()

    def problem_text(self, problem: PinProblem) -> str:
        return {
            PinProblem.NOT_DIGITS: self.tr("The PIN may hold only the digits 0 to 9."),
            PinProblem.TOO_SHORT: fill_args(self.tr("The PIN needs at least %1 digits."), str(MIN_DIGITS)),
            PinProblem.TOO_LONG: fill_args(self.tr("The PIN may have at most %1 digits."), str(MAX_DIGITS)),
            PinProblem.MISMATCH: self.tr("The two PINs are not the same. Type the same PIN twice."),
        }[problem]

    def _submit(self) -> None:
        if not self.enter_button.isEnabled():
            return
        pin = self.pin_field.text()
        if self.setting:
            repeated = self.repeat_field.text() if self.repeat_field is not None else None
            problem = pin_problem(pin, repeated)
            if problem is not None:
                self.message.show_problem(self.problem_text(problem))
                return
            weakness = pin_weakness(pin)
            if weakness is not None and self._warned_pin != pin:
                self._warned_pin = pin
                self.message.show_problem(self.weakness_text(weakness))
                return
            self._pin.set_pin(pin, repeated)
            self.unlocked.emit()
            return
        if not pin:
            self.message.show_problem(self.tr("Type the PIN first."))
            return
        result = self._pin.check(pin)
        self.pin_field.clear()
        if result.ok:
            self.message.hide()
            self.unlocked.emit()
            return
        if result.refused_without_checking:
            self.message.hide()
        else:
            self.message.show_problem(self.tr("That is not the teacher PIN."))
        self._tick()

    def _tick(self) -> None:
        seconds = 0 if self.setting else self._pin.seconds_to_wait()
        waiting = seconds > 0
        self.enter_button.setEnabled(not waiting)
        self.pin_field.setEnabled(not waiting)
        if waiting:
            text = fill_args(
                self.tr("Too many wrong tries. Please wait %1 before trying again."), wait_words(seconds)
            )
            self.wait_label.setText(f"⏳ {text}")
            self.wait_label.setAccessibleDescription(text)
            self.wait_label.show()
            if not self._timer.isActive():
                self._timer.start()
        else:
            self.wait_label.hide()
            if self._timer.isActive():
                self._timer.stop()
                self.pin_field.setFocus()
