"""The admin and HR PINs on the screens: a thin wrapper over the engine's StaffPins
(kiosk.security.staff_pins, reached through kiosk.app), which checks the hashes in
settings.admin_pin_hash / hr_pin_hash and keeps the lockout in the data folder, so a restart
does not reset it and the command line counts the same tries. Qt-free, so it is trivially testable."""
from __future__ import annotations

import time

# The hashing lives in kiosk.security.pin_hash (Qt-free: personal PINs are checked by the engine too).
from kiosk.app.types import MAX_DIGITS, MIN_DIGITS, SIGN_IN, Actor, StaffPins, hash_pin, pin_problem, verify_pin

__all__ = ["MAX_DIGITS", "MIN_DIGITS", "PinGuard", "hash_pin", "pin_problem", "verify_pin"]


ROLE_HR, ROLE_ADMIN = "hr", "admin"


def sign_in(service, role: str, **where) -> None:
    """Actions from now on are the signed-in role's on the audit trail (`where`: its detail)."""

    service.actor = Actor(role, "Administrator" if role == ROLE_ADMIN else "HR")
    service.audit_event(SIGN_IN, **where)


class PinGuard:
    """Checks PINs against the settings: the admin PIN (settings, audit, leaving kiosk mode, and
    everything HR can do) and the HR PIN (employees, attendance, export). After `max_tries` wrong
    PINs it refuses for `lockout_s` seconds (doubling on each further lockout), persisted by the
    engine. `role` is who signed in last; `on_change(role)` hears of every PIN set (for the audit trail)."""

    def __init__(self, settings, max_tries: int = 3, lockout_s: float = 30.0, clock=time.time,
                 on_change=None):
        self.pins = StaffPins(settings, max_tries=max_tries, lockout_s=lockout_s, clock=clock)
        self.settings = settings
        self.on_change = on_change
        self.audit = None  # service.audit_event: the recovery code's use on the audit trail
        self.role: str | None = None

    @property
    def has_pin(self) -> bool:
        """The admin PIN is set (the first use sets it)."""
        return self.pins.has_role_pin(ROLE_ADMIN)

    def has_role_pin(self, role: str) -> bool:
        return self.pins.has_role_pin(role)

    def seconds_locked(self) -> int:
        return self.pins.seconds_locked()

    def set_pin(self, pin: str, role: str = ROLE_ADMIN) -> None:
        self.pins.set_pin(pin, role)
        if self.on_change is not None:
            self.on_change(role)

    def check(self, pin: str, roles: tuple[str, ...] = (ROLE_ADMIN, ROLE_HR)) -> tuple[bool, str]:
        """(accepted, message for the screen); on success `role` says whose PIN it was."""
        result = self.pins.check(pin, roles)
        if result.ok:
            self.role = result.role
        return result.ok, result.message
