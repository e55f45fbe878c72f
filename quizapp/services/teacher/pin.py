"""The teacher PIN: stored only as a salted scrypt hash, with a growing wait after repeated wrong tries.

The hash is kept in the store's ``teacher_pin_hash`` setting as
``scrypt$n=32768,r=8,p=1$<salt hex>$<hash hex>``: the cost parameters travel with the hash, so they can be
raised later without locking anyone out. The number of wrong tries in a row and the moment until which
tries are refused are settings too, so closing and reopening the app does not reset the wait.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import itertools
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Protocol

from quizapp.progress.settings import Settings

PIN_HASH_KEY: Final = Settings.TEACHER_PIN_HASH
FAILURES_KEY: Final = "teacher_pin_failures"
LOCKED_UNTIL_KEY: Final = "teacher_pin_locked_until"

MIN_DIGITS: Final = 4
MAX_DIGITS: Final = 12
FREE_FAILURES: Final = 3  # wrong tries allowed before any wait
FIRST_DELAY_SECONDS: Final = 5  # the wait after the third wrong try; it doubles with each further one
MAX_DELAY_SECONDS: Final = 15 * 60


@dataclass(frozen=True, slots=True)
class ScryptParams:
    """scrypt's cost parameters (memory about ``128 * r * n`` bytes)."""

    n: int = 2**15
    r: int = 8
    p: int = 1
    dklen: int = 32

    def encode(self) -> str:
        return f"n={self.n},r={self.r},p={self.p}"

    @classmethod
    def decode(cls, text: str, dklen: int) -> ScryptParams:
        values = dict(part.split("=", 1) for part in text.split(","))
        return cls(n=int(values["n"]), r=int(values["r"]), p=int(values["p"]), dklen=dklen)

    @property
    def maxmem(self) -> int:
        return 128 * self.r * self.n * self.p + 16 * 1024 * 1024


DEFAULT_PARAMS: Final = ScryptParams()


class PinProblem(enum.Enum):
    """Why a new PIN was refused; the UI and the CLI say it in words."""

    NOT_DIGITS = "not_digits"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    MISMATCH = "mismatch"


def pin_problem(pin: str, repeated: str | None = None) -> PinProblem | None:
    """What is wrong with a new PIN (and its repetition, when given), or None when it is fine."""
    if not pin.isascii() or not pin.isdigit():
        return PinProblem.NOT_DIGITS if pin else PinProblem.TOO_SHORT
    if len(pin) < MIN_DIGITS:
        return PinProblem.TOO_SHORT
    if len(pin) > MAX_DIGITS:
        return PinProblem.TOO_LONG
    if repeated is not None and not hmac.compare_digest(pin, repeated):
        return PinProblem.MISMATCH
    return None


def pin_problem_text(problem: PinProblem) -> str:
    """An English sentence for the command line (the app translates its own)."""
    return {
        PinProblem.NOT_DIGITS: "The PIN may hold only the digits 0 to 9.",
        PinProblem.TOO_SHORT: f"The PIN needs at least {MIN_DIGITS} digits.",
        PinProblem.TOO_LONG: f"The PIN may have at most {MAX_DIGITS} digits.",
        PinProblem.MISMATCH: "The two PINs are not the same; type the same PIN twice.",
    }[problem]


class PinWeakness(enum.Enum):
    """Why a PIN that is allowed is still easy to guess (a warning, not a refusal)."""

    REPEATED = "repeated"  # 0000, 1111, 121212
    SEQUENCE = "sequence"  # 1234, 9876, 0123456
    COMMON = "common"  # a year or a well-known PIN (1990, 2580, 1122)


_COMMON_PINS: Final = frozenset({"1122", "2580", "1212", "6969", "1004", "2000", "7777", "4321", "1010"})


def pin_weakness(pin: str) -> PinWeakness | None:
    """What makes a (valid) PIN easy for a student to guess: one digit repeated, a short pattern repeated,
    digits counting up or down, a year (19xx, 20xx) or a PIN on every list of common ones."""
    if not pin.isascii() or not pin.isdigit() or len(pin) < 2:
        return None
    for size in range(1, len(pin) // 2 + 1):
        if len(pin) % size == 0 and pin == pin[:size] * (len(pin) // size):
            return PinWeakness.REPEATED
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(pin)}
    if steps in ({1}, {9}):
        return PinWeakness.SEQUENCE
    if pin in _COMMON_PINS or (len(pin) == 4 and pin[:2] in ("19", "20")):
        return PinWeakness.COMMON
    return None


def pin_weakness_text(weakness: PinWeakness) -> str:
    """An English warning for the command line (the app translates its own)."""
    return {
        PinWeakness.REPEATED: "This PIN repeats the same digits; students guess such PINs first.",
        PinWeakness.SEQUENCE: "This PIN counts up or down (like 1234); students guess such PINs first.",
        PinWeakness.COMMON: "This PIN is a year or a very common PIN; students guess such PINs first.",
    }[weakness]


class InvalidPinError(ValueError):
    def __init__(self, problem: PinProblem) -> None:
        super().__init__(pin_problem_text(problem))
        self.problem = problem


def _scrypt(pin: str, salt: bytes, params: ScryptParams) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"),
        salt=salt,
        n=params.n,
        r=params.r,
        p=params.p,
        maxmem=params.maxmem,
        dklen=params.dklen,
    )


def hash_pin(pin: str, params: ScryptParams = DEFAULT_PARAMS, salt: bytes | None = None) -> str:
    salt = os.urandom(16) if salt is None else salt
    return f"scrypt${params.encode()}${salt.hex()}${_scrypt(pin, salt, params).hex()}"


def _looks_like_hash(stored: str) -> bool:
    parts = stored.split("$")
    if len(parts) != 4 or parts[0] != "scrypt":
        return False
    try:
        params = ScryptParams.decode(parts[1], 32)
        bytes.fromhex(parts[2])
        return len(bytes.fromhex(parts[3])) >= 16 and 2**10 <= params.n <= 2**20
    except (ValueError, KeyError):
        return False


def verify_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` matches a hash made by :func:`hash_pin` (False for anything unreadable)."""
    parts = stored.split("$")
    if len(parts) != 4 or parts[0] != "scrypt":
        return False
    try:
        salt, expected = bytes.fromhex(parts[2]), bytes.fromhex(parts[3])
        digest = _scrypt(pin, salt, ScryptParams.decode(parts[1], len(expected)))
    except (ValueError, KeyError, MemoryError):
        return False
    return hmac.compare_digest(digest, expected)


def _verify_legacy_pbkdf2(pin: str, stored: str) -> bool:
    """PBKDF2 hashes (``pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>``) that databases made by earlier
    versions of quizapp may hold; ``TeacherPin.check`` replaces one with a scrypt hash when it matches."""
    parts = stored.split("$")
    if len(parts) != 4 or parts[0] != "pbkdf2_sha256":
        return False
    try:
        iterations, salt, expected = int(parts[1]), bytes.fromhex(parts[2]), bytes.fromhex(parts[3])
    except ValueError:
        return False
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return hmac.compare_digest(digest, expected)


def delay_after(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong tries in a row: none for the first two, then 5, 10, 20..."""
    if failures < FREE_FAILURES:
        return 0
    exponent = min(failures - FREE_FAILURES, 20)
    return int(min(FIRST_DELAY_SECONDS * 2**exponent, MAX_DELAY_SECONDS))


@dataclass(frozen=True, slots=True)
class PinCheck:
    """The outcome of a PIN try. ``wait_seconds`` > 0 means: no try before that many seconds."""

    ok: bool
    wait_seconds: int
    failures: int
    refused_without_checking: bool = False


class HasSettings(Protocol):
    """A store, or the store still opening (``quizapp.services.opening``): anything with its settings."""

    @property
    def settings(self) -> Settings: ...


class TeacherPin:
    """Set and check the teacher PIN stored in a progress store."""

    def __init__(
        self,
        store: HasSettings,
        *,
        clock: Callable[[], float] = time.time,
        params: ScryptParams = DEFAULT_PARAMS,
    ) -> None:
        self._store = store
        self._clock = clock
        self._params = params

    def is_set(self) -> bool:
        return bool(self._store.settings.read(PIN_HASH_KEY))

    def set_hash(self, stored: str) -> None:
        """Set the PIN from a hash made by ``hash_pin`` (``quizapp set-pin --print-hash`` on one computer,
        ``--hash`` on every computer of a lab, so the PIN itself is in no script). ``ValueError`` when it
        is not such a hash."""
        if not _looks_like_hash(stored):
            raise ValueError(
                "this is not a PIN hash made by 'quizapp set-pin --print-hash' (it starts with 'scrypt$')"
            )
        self._store.settings.write(PIN_HASH_KEY, stored)
        self.clear_failures()

    def set_pin(self, pin: str, repeated: str | None = None) -> None:
        """Set (or replace) the PIN and clear any wait; ``InvalidPinError`` says what is wrong."""
        problem = pin_problem(pin, repeated)
        if problem is not None:
            raise InvalidPinError(problem)
        self._store.settings.write(PIN_HASH_KEY, hash_pin(pin, self._params))
        self.clear_failures()

    @property
    def failures(self) -> int:
        value = self._store.settings.read(FAILURES_KEY)
        try:
            return max(0, int(value)) if value is not None else 0
        except ValueError:
            return 0

    def seconds_to_wait(self) -> int:
        """Whole seconds before the next try is accepted (0 = now)."""
        value = self._store.settings.read(LOCKED_UNTIL_KEY)
        if not value:
            return 0
        try:
            until = float(value)
        except ValueError:
            return 0
        now = self._clock()
        remaining = until - now
        if remaining <= 0:
            return 0
        earned = delay_after(self.failures)
        if remaining > earned:
            # The clock was put back after the wrong tries (a school computer's clock being corrected):
            # the wait starts again from now, as long as the tries earned, instead of lasting until the
            # clock reaches the old moment (days or years away).
            remaining = float(earned)
            self._store.settings.write(LOCKED_UNTIL_KEY, repr(now + remaining) if remaining else None)
            if remaining <= 0:
                return 0
        return int(remaining + 0.999)

    def clear_failures(self) -> None:
        self._store.settings.write(FAILURES_KEY, None)
        self._store.settings.write(LOCKED_UNTIL_KEY, None)

    def check(self, pin: str) -> PinCheck:
        """Check a PIN try. During a wait the PIN is not even looked at."""
        wait = self.seconds_to_wait()
        if wait > 0:
            return PinCheck(False, wait, self.failures, refused_without_checking=True)
        stored = self._store.settings.read(PIN_HASH_KEY) or ""
        if verify_pin(pin, stored):
            if self.failures:
                self.clear_failures()
            return PinCheck(True, 0, 0)
        if _verify_legacy_pbkdf2(pin, stored):
            self._store.settings.write(PIN_HASH_KEY, hash_pin(pin, self._params))
            self.clear_failures()
            return PinCheck(True, 0, 0)
        failures = self._store.settings.increment(FAILURES_KEY)  # wrong tries on several PCs all count
        delay = delay_after(failures)
        self._store.settings.write(LOCKED_UNTIL_KEY, repr(self._clock() + delay) if delay else None)
        return PinCheck(False, delay, failures)
