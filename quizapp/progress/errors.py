"""Errors the progress store raises. Every message is meant to be shown to a teacher as it is."""

from __future__ import annotations


class StoreError(Exception):
    """Base class: something about the progress data the user needs to know about."""


class StoreLockedError(StoreError):
    """Another running quizapp already has this data folder open for writing."""


class NetworkShareError(StoreError):
    """The data folder is on a network share, where SQLite cannot work safely."""


class StoreAccessError(StoreError):
    """The data cannot be read or written (full disk, disk error, permission, read-only): not damage.
    Nothing was moved or changed; the message names the folder and says what to do."""


class AnswerNotSavedError(StoreError):
    """A change could not be written (full disk, permission...); the message says why, for the teacher."""


class StoreReadOnlyError(StoreError):
    """A change was asked of a store opened read-only."""


class SchemaTooNewError(StoreError):
    """The database was made by a newer quizapp than this one."""


class DatabaseDamagedError(StoreError):
    """The database is damaged and could not be repaired from a backup."""


class NotFoundError(StoreError, LookupError):
    """A learner, class, quiz run or pack with the given id does not exist."""


class InvalidValueError(StoreError, ValueError):
    """A value given to the store is not acceptable (empty name, unknown rating, ...)."""


class DuplicateNameError(InvalidValueError):
    """A class with that name already exists."""


class BundleError(StoreError):
    """A results or roster file is damaged, altered or not a quizapp file; nothing was imported from it."""
