"""The teacher PIN: scrypt hash only, growing waits after wrong tries that survive a restart."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.progress.store import Store
from quizapp.services.teacher.pin import (
    PIN_HASH_KEY,
    InvalidPinError,
    PinProblem,
    PinWeakness,
    ScryptParams,
    TeacherPin,
    delay_after,
    pin_problem,
    pin_weakness,
)

FAST = ScryptParams(n=2**10)


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "data") as opened:
        yield opened


def test_pin_is_stored_only_as_salted_scrypt_hash_with_its_parameters(store: Store) -> None:
    """The store never holds the PIN itself, and two PINs alike get different salts."""
    pin = TeacherPin(store)
    pin.set_pin("482913", "482913")
    stored = store.settings.read(PIN_HASH_KEY) or ""
    assert stored.startswith("scrypt$n=32768,r=8,p=1$")
    assert "482913" not in stored
    pin.set_pin("482913")
    assert store.settings.read(PIN_HASH_KEY) != stored
    assert pin.check("482913").ok
    assert not pin.check("482914").ok


@pytest.mark.parametrize(
    ("pin", "repeated", "problem"),
    [
        ("123", None, PinProblem.TOO_SHORT),
        ("", None, PinProblem.TOO_SHORT),
        ("12a4", None, PinProblem.NOT_DIGITS),
        ("１２３４", None, PinProblem.NOT_DIGITS),
        ("1234567890123", None, PinProblem.TOO_LONG),
        ("1234", "1235", PinProblem.MISMATCH),
        ("1234", "1234", None),
    ],
)
def test_new_pin_rules(pin: str, repeated: str | None, problem: PinProblem | None) -> None:
    """A new PIN has 4 to 12 ASCII digits and must be typed the same twice."""
    assert pin_problem(pin, repeated) is problem


def test_refused_pin_is_not_stored(store: Store) -> None:
    """set_pin raises for a bad PIN and leaves the old one in place."""
    pin = TeacherPin(store, params=FAST)
    pin.set_pin("2468")
    with pytest.raises(InvalidPinError):
        pin.set_pin("12")
    assert pin.check("2468").ok


def test_waits_double_after_three_wrong_tries() -> None:
    """No wait for the first two wrong tries, then 5, 10, 20 seconds... up to the cap."""
    assert [delay_after(n) for n in range(1, 7)] == [0, 0, 5, 10, 20, 40]
    assert delay_after(100) == 15 * 60


def test_wait_survives_a_restart_and_blocks_even_the_right_pin(tmp_path: Path) -> None:
    """The count and the wait are in the store: reopening it does not let anyone try sooner."""
    clock = Clock()
    with Store.open(tmp_path / "data") as store:
        pin = TeacherPin(store, clock=clock, params=FAST)
        pin.set_pin("8080")
        results = [pin.check("1111") for _ in range(3)]
        assert [r.wait_seconds for r in results] == [0, 0, 5]
    with Store.open(tmp_path / "data") as store:
        pin = TeacherPin(store, clock=clock, params=FAST)
        assert pin.seconds_to_wait() == 5
        blocked = pin.check("8080")
        assert not blocked.ok and blocked.refused_without_checking
        clock.now += 5
        assert pin.seconds_to_wait() == 0
        assert pin.check("9999").wait_seconds == 10
        clock.now += 10
        assert pin.check("8080").ok
        assert pin.failures == 0 and pin.seconds_to_wait() == 0


def test_clock_put_back_never_locks_longer_than_the_tries_earned(store: Store) -> None:
    """A wait computed before the clock was moved back days lasts, from now, only as long as the wrong
    tries earned (10 s after the fourth), not until the clock reaches the old moment again."""
    clock = Clock()
    pin = TeacherPin(store, clock=clock, params=FAST)
    pin.set_pin("8080")
    for _ in range(4):
        clock.now += 3600
        pin.check("0000")
    clock.now -= 10 * 24 * 3600
    assert pin.seconds_to_wait() == delay_after(4) == 10
    clock.now += 11
    assert pin.seconds_to_wait() == 0
    assert pin.check("8080").ok


# The PIN "5150" as quizapp's progress store hashed it before TeacherPin took over (PBKDF2-SHA256).
LEGACY_5150 = (
    "pbkdf2_sha256$200000$a1b2c3d4e5f60718293a4b5c6d7e8f90$"
    "2efb6940bd7ded4de7a7ce9c72829860b55bb28dd4a5307b6ebae9f6f66c3969"
)


def test_pin_hashed_by_an_older_quizapp_still_opens_and_is_upgraded(store: Store) -> None:
    """A PBKDF2 hash from an older database opens with the right PIN only, then is rehashed with scrypt."""
    store.settings.teacher_pin_hash = LEGACY_5150
    assert not TeacherPin(store, params=FAST).check("5151").ok
    assert store.settings.read(PIN_HASH_KEY) == LEGACY_5150
    pin = TeacherPin(store, params=FAST)
    assert pin.check("5150").ok
    assert (store.settings.read(PIN_HASH_KEY) or "").startswith("scrypt$")
    assert pin.check("5150").ok


@pytest.mark.parametrize(
    ("pin", "weakness"),
    [
        ("0000", PinWeakness.REPEATED),
        ("121212", PinWeakness.REPEATED),
        ("1234", PinWeakness.SEQUENCE),
        ("9876", PinWeakness.SEQUENCE),
        ("7890", PinWeakness.SEQUENCE),
        ("1998", PinWeakness.COMMON),
        ("2580", PinWeakness.COMMON),
        ("7391", None),
        ("40582", None),
    ],
)
def test_easy_pins_are_recognised(pin: str, weakness: PinWeakness | None) -> None:
    """Repeated digits, counting up or down, years and the best-known PINs are named as easy to guess."""
    assert pin_weakness(pin) is weakness
