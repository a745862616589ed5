"""The admin and HR PINs: salted scrypt hashes in settings.admin_pin_hash / hr_pin_hash, and a
guard that slows down guessing (a few wrong tries, then a growing delay). Qt-free, so it is
trivially testable."""
from __future__ import annotations

import hashlib
import hmac
import secrets
import time

SCHEME = "scrypt"
N, R, P = 2 ** 14, 8, 1
MIN_DIGITS, MAX_DIGITS = 4, 8


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """'scrypt$n$r$p$salt$hash' (hex), self-describing so the cost can change later."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"{SCHEME}${N}${R}${P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != SCHEME:
            return False
        candidate = hashlib.scrypt(pin.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r),
                                   p=int(p), dklen=len(bytes.fromhex(digest)))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(candidate.hex(), digest)


def pin_problem(pin: str) -> str | None:
    """Why a new PIN is not acceptable, or None."""
    if not pin.isdigit() or not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        return f"the PIN must be {MIN_DIGITS} to {MAX_DIGITS} digits"
    if len(set(pin)) == 1 or pin in "0123456789" or pin in "9876543210":
        return "choose a PIN that is not a repeated or consecutive sequence"
    return None


ROLE_HR, ROLE_ADMIN = "hr", "admin"
_FIELDS = {ROLE_ADMIN: "admin_pin_hash", ROLE_HR: "hr_pin_hash"}


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
