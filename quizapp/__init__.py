"""quizapp: offline online-safety lessons and quizzes for schools."""

__version__ = "0.1.0"
