"""Which computer a database file is on, to notice a copy.

A school's IT staff often set up one lab PC (quizapp, the class lists, even a few answers) and copy its disk
onto every other PC of the lab; a teacher may carry a data folder to another computer. Every copy then has
the same device id (``database_id``) and the same counter, so answers given afterwards on two PCs carry the
same (device, counter) stamps, and a progress reset that had seen one PC's answers would clear the other's
when they meet on the school server or in a results file (see :mod:`quizapp.progress.seen`). The store
keeps this fingerprint of the computer with the database (``meta`` ``machine``); a database opened on
another computer goes on as a new device, as a restored backup does.

The fingerprint is the computer's name and its network card's address (which disk images do not carry),
hashed. Mistaking a computer for another one (a new network card) costs one full sync of records the
server already has; mistaking two computers for one would cost answers, so both are used.
"""

from __future__ import annotations

import hashlib
import os
import socket
import uuid

ENV_MACHINE = "QUIZAPP_MACHINE"  # tests: pretend to be another computer
META_KEY = "machine"


def fingerprint() -> str:
    """This computer's fingerprint (16 hex digits)."""
    override = os.environ.get(ENV_MACHINE, "").strip()
    if override:
        return override
    node = uuid.getnode()
    # Python makes up a random address (multicast bit set) when it cannot read one: leave it out, or
    # every start would look like another computer.
    card = "" if (node >> 40) & 1 else f"{node:012x}"
    name = socket.gethostname().strip().lower()
    return hashlib.sha256(f"{name}\0{card}".encode()).hexdigest()[:16]
