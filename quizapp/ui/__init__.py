"""The Qt Widgets user interface: the student app (this package) and the teacher area (``ui.teacher``)."""

from quizapp.ui.qtguard import protect_singletons

protect_singletons()  # before any Qt call: see quizapp/ui/qtguard.py
