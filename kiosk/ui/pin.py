"""The admin and HR PINs: salted scrypt hashes in settings.admin_pin_hash / hr_pin_hash, and a
guard that slows down guessing (a few wrong tries, then a growing delay). Qt-free, so it is
trivially testable."""
from __future__ import annotations

import time

# The hashing lives in kiosk.security.pin_hash (Qt-free: personal PINs are checked by the engine too).
from kiosk.app.types import MAX_DIGITS, MIN_DIGITS, SIGN_IN, Actor, hash_pin, pin_problem, verify_pin

__all__ = ["MAX_DIGITS", "MIN_DIGITS", "PinGuard", "hash_pin", "pin_problem", "verify_pin"]


ROLE_HR, ROLE_ADMIN = "hr", "admin"
_FIELDS = {ROLE_ADMIN: "admin_pin_hash", ROLE_HR: "hr_pin_hash"}


def sign_in(service, role: str, **where) -> None:
    """Actions from now on are the signed-in role's on the audit trail (`where`: its detail)."""

    service.actor = Actor(role, "Administrator" if role == ROLE_ADMIN else "HR")
    service.audit_event(SIGN_IN, **where)


class PinGuard:
    """Checks PINs against the settings: the admin PIN (settings, audit, leaving kiosk mode, and
    everything HR can do) and the HR PIN (employees, attendance, export). After `max_tries` wrong
    PINs it refuses for `lockout_s` seconds (doubling on each further lockout). `role` is who
    signed in last; `on_change(role)` hears of every PIN set (for the audit trail)."""

    def __init__(self, settings, max_tries: int = 3, lockout_s: float = 30.0, clock=time.monotonic,
                 on_change=None):
        self.settings = settings
        self.max_tries = max_tries
        self.lockout_s = lockout_s
        self.clock = clock
        self.on_change = on_change
        self.failures = 0
        self.lockouts = 0
        self.locked_until = 0.0
        self.role: str | None = None

    @property
    def has_pin(self) -> bool:
        """The admin PIN is set (the first use sets it)."""
        return bool(self.settings.admin_pin_hash)

    def has_role_pin(self, role: str) -> bool:
        return bool(getattr(self.settings, _FIELDS[role], ""))

    def seconds_locked(self) -> int:
        return max(0, int(round(self.locked_until - self.clock() + 0.49)))

    def set_pin(self, pin: str, role: str = ROLE_ADMIN) -> None:
        problem = pin_problem(pin)
        if problem:
            raise ValueError(problem)
        other = ROLE_HR if role == ROLE_ADMIN else ROLE_ADMIN
        if verify_pin(pin, getattr(self.settings, _FIELDS[other], "") or ""):
            raise ValueError(f"the {role.upper() if role == ROLE_HR else role} PIN must differ from the "
                             f"{other.upper() if other == ROLE_HR else other} PIN")
        setattr(self.settings, _FIELDS[role], hash_pin(pin))
        self.settings.save()
        self.failures = 0
        if self.on_change is not None:
            self.on_change(role)

    def check(self, pin: str, roles: tuple[str, ...] = (ROLE_ADMIN, ROLE_HR)) -> tuple[bool, str]:
        """(accepted, message for the screen); on success `role` says whose PIN it was."""
        wait = self.seconds_locked()
        if wait:
            return False, f"Too many wrong PINs. Try again in {wait} s."
        for role in roles:
            stored = getattr(self.settings, _FIELDS[role], "") or ""
            if stored and verify_pin(pin, stored):
                self.failures = 0
                self.lockouts = 0
                self.role = role
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
