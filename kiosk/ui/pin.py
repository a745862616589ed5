"""The admin PIN: salted scrypt hash in settings.admin_pin_hash, and a guard that slows down
guessing (a few wrong tries, then a growing delay). Qt-free so it is trivially testable."""
from __future__ import annotations

import time

# The hashing lives in kiosk.pins (Qt-free: personal PINs are checked by the engine too).
from kiosk.pins import MAX_DIGITS, MIN_DIGITS, hash_pin, pin_problem, verify_pin

__all__ = ["MAX_DIGITS", "MIN_DIGITS", "PinGuard", "hash_pin", "pin_problem", "verify_pin"]


class PinGuard:
    """Checks PINs against the settings; after `max_tries` wrong PINs, refuses for `lockout_s`
    seconds (doubling on each further lockout)."""

    def __init__(self, settings, max_tries: int = 3, lockout_s: float = 30.0, clock=time.monotonic):
        self.settings = settings
        self.max_tries = max_tries
        self.lockout_s = lockout_s
        self.clock = clock
        self.failures = 0
        self.lockouts = 0
        self.locked_until = 0.0

    @property
    def has_pin(self) -> bool:
        return bool(self.settings.admin_pin_hash)

    def seconds_locked(self) -> int:
        return max(0, int(round(self.locked_until - self.clock() + 0.49)))

    def set_pin(self, pin: str) -> None:
        problem = pin_problem(pin)
        if problem:
            raise ValueError(problem)
        self.settings.admin_pin_hash = hash_pin(pin)
        self.settings.save()
        self.failures = 0

    def check(self, pin: str) -> tuple[bool, str]:
        """(accepted, message for the screen)."""
        wait = self.seconds_locked()
        if wait:
            return False, f"Too many wrong PINs. Try again in {wait} s."
        if verify_pin(pin, self.settings.admin_pin_hash):
            self.failures = 0
            self.lockouts = 0
            return True, ""
        self.failures += 1
        left = self.max_tries - self.failures
        if left > 0:
            return False, f"Wrong PIN. {left} {'try' if left == 1 else 'tries'} left."
        self.failures = 0
        delay = self.lockout_s * (2 ** self.lockouts)
        self.lockouts += 1
        self.locked_until = self.clock() + delay
        return False, f"Too many wrong PINs. Try again in {int(delay)} s."
