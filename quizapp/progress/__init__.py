"""Learners' progress: a SQLite database (through SQLAlchemy Core) in the user's data folder.

``quizapp.progress.store`` is the API (``Store.open``); importing it does not import SQLAlchemy.
"""
