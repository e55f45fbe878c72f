"""A guard against a reference-counting fault in the PySide6 6.12 wheels on Python 3.11.

Those wheels return ``None`` from void methods (``setText``, ``setVisible``...) and ``True`` from
``Signal.emit`` without taking a new reference, as if the objects were immortal, which they are only
from Python 3.12 on. On 3.11 each such call takes one reference away; after some tens of thousands of
calls (minutes of normal use) the interpreter aborts with "deallocating None" or "deallocating True or
False". The guard gives these three objects a reference count so large that it can never run down,
which is what Python 3.12 does for them. It does nothing on 3.12+, on other interpreters and on debug
builds (where the object layout differs).
"""

from __future__ import annotations

import sys

_HEADROOM = 1 << 40


def protect_singletons() -> bool:
    """Make ``None``, ``True`` and ``False`` practically immortal on CPython 3.11; True when applied."""
    if (
        sys.implementation.name != "cpython"
        or sys.version_info >= (3, 12)
        or hasattr(sys, "gettotalrefcount")
    ):
        return False
    import ctypes

    for obj in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(obj))
        if refcount.value < _HEADROOM:
            refcount.value += _HEADROOM
    return True
