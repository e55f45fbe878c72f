"""The Qt Widgets user interface: the student app (this package) and the teacher area (``ui.teacher``)."""
