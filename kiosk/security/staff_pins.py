"""The HR and admin PINs: who may open the staff screens and run the privileged commands.

The hashes live in the settings (settings.admin_pin_hash / hr_pin_hash, kiosk.security.pin_hash);
after `max_tries` wrong PINs every staff PIN is refused for `lockout_s` seconds, doubling with each
further lockout (capped at a day: kiosk.security.pin_hash.wrong_try, the check-in PINs' rule too). The screens and the command line share this one rule.

Why the lockout is a file and not a table: the staff PINs belong to this kiosk's settings
(kiosk.toml in the data folder), not to the attendance database (which may be a site's shared
one), so the counters sit beside them in `staff_pins.json` (0600, replaced atomically). A
restart, or a second process (the kiosk and a shell), reads the same counters; an advisory lock
around read-check-write makes two processes guessing at once still count every try. Time is
the wall clock (seconds since the epoch): a monotonic clock would restart at zero on reboot."""
from __future__ import annotations

import json
import os
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kiosk.common.fsutil import atomic_write_bytes
from kiosk.common.refusals import Sentence
from kiosk.security.pin_hash import hash_pin, pin_problem, tries_left_text, verify_pin, wrong_try
from kiosk.security.recovery_code import code_problem, hash_code, new_code, verify_code

if sys.platform != "win32":  # Windows has no advisory locks: one kiosk process per data folder there
    import fcntl

ROLE_HR, ROLE_ADMIN = "hr", "admin"
FIELDS = {ROLE_ADMIN: "admin_pin_hash", ROLE_HR: "hr_pin_hash"}
STATE_FILE = "staff_pins.json"
LOCK_FILE = ".staff_pins.lock"
MAX_TRIES = 3
LOCKOUT_S = 30.0


@dataclass(frozen=True)
class StaffCheck:
    ok: bool
    message: str  # for the screen or the terminal ("" when accepted)
    role: str | None = None  # whose PIN it was
    locked_seconds: int = 0


def role_label(role: str) -> str:
    return "HR" if role == ROLE_HR else role


class StaffPins:
    """Checks and sets the admin and HR PINs of one kiosk's `settings` (which has data_dir,
    admin_pin_hash, hr_pin_hash and save())."""

    def __init__(self, settings, max_tries: int = MAX_TRIES, lockout_s: float = LOCKOUT_S, clock=time.time):
        self.settings = settings
        self.max_tries = max_tries
        self.lockout_s = lockout_s
        self.clock = clock

    @property
    def state_path(self) -> Path:
        return Path(self.settings.data_dir) / STATE_FILE

    def has_role_pin(self, role: str) -> bool:
        return bool(getattr(self.settings, FIELDS[role], ""))

    # -- the persisted counters --------------------------------------------------------------

    def state(self) -> dict:
        """{"failures", "lockouts", "locked_until"}; a missing or damaged file counts as no failures
        (deleting it needs write access to the data folder, which already holds the PIN hashes)."""
        try:
            data = json.loads(self.state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if not isinstance(data, dict):
            data = {}
        out = {}
        for key, kind in (("failures", int), ("lockouts", int), ("locked_until", float)):
            try:
                out[key] = kind(data.get(key) or 0)
            except (TypeError, ValueError):
                out[key] = kind(0)
        return out

    def _save(self, state: dict) -> None:
        atomic_write_bytes(self.state_path, (json.dumps(state) + "\n").encode("utf-8"), mode=0o600)

    @contextmanager
    def _locked(self):
        """The data folder's staff-PIN lock, held while a try is read, judged and written."""
        if sys.platform == "win32":
            yield
            return
        Path(self.settings.data_dir).mkdir(parents=True, exist_ok=True)
        fd = os.open(Path(self.settings.data_dir) / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing the descriptor drops the flock

    def seconds_locked(self) -> int:
        return max(0, int(round(self.state()["locked_until"] - self.clock() + 0.49)))

    # -- setting and checking ----------------------------------------------------------------

    def set_pin(self, pin: str, role: str = ROLE_ADMIN) -> None:
        """Set (or replace) a role's PIN in the settings; clears the failure count."""
        problem = pin_problem(pin)
        if problem:
            raise ValueError(problem)
        other = ROLE_HR if role == ROLE_ADMIN else ROLE_ADMIN
        if verify_pin(pin, getattr(self.settings, FIELDS[other], "") or ""):
            raise ValueError(Sentence("pin.admin_same_as_hr" if role == ROLE_ADMIN else "pin.hr_same_as_admin"))
        setattr(self.settings, FIELDS[role], hash_pin(pin))
        self.settings.save()
        with self._locked():
            state = self.state()
            if state["failures"]:
                self._save(state | {"failures": 0})

    def check(self, pin: str, roles: tuple[str, ...] = (ROLE_ADMIN, ROLE_HR)) -> StaffCheck:
        """Whether `pin` is the PIN of one of `roles`, counting wrong tries towards the lockout."""
        def whose() -> str | None:
            for role in roles:
                stored = getattr(self.settings, FIELDS[role], "") or ""
                if stored and verify_pin(pin, stored):
                    return role
            return None
        return self._attempt(whose, "PIN")

    def _attempt(self, whose, what: str) -> StaffCheck:
        """One try at a secret under the shared lockout: `whose()` says whose it is (None: wrong)."""
        with self._locked():
            state = self.state()
            now = self.clock()
            if state["locked_until"] > now:
                wait = max(1, int(round(state["locked_until"] - now + 0.49)))
                return StaffCheck(False, f"Too many wrong {what}s. Try again in {wait} s.", locked_seconds=wait)
            role = whose()
            if role:
                if state != {"failures": 0, "lockouts": 0, "locked_until": 0.0}:
                    self._save({"failures": 0, "lockouts": 0, "locked_until": 0.0})
                return StaffCheck(True, "", role)
            left, delay = wrong_try(state["failures"], state["lockouts"], self.max_tries, self.lockout_s)
            if left:
                self._save(state | {"failures": state["failures"] + 1})
                return StaffCheck(False, f"Wrong {what}. {tries_left_text(left)}")
            self._save({"failures": 0, "lockouts": state["lockouts"] + 1, "locked_until": now + delay})
            return StaffCheck(False, f"Too many wrong {what}s. Try again in {int(delay)} s.", locked_seconds=int(delay))

    # -- the admin PIN's recovery code (kiosk.security.recovery_code) -------------------------------

    def has_recovery_code(self) -> bool:
        return bool(getattr(self.settings, "recovery_code_hash", ""))

    def issue_recovery_code(self, save: bool = True) -> str:
        """A new one-time code replacing any earlier one; returned once, only its hash is kept."""
        code = new_code()
        self.settings.recovery_code_hash = hash_code(code)
        if save:
            self.settings.save()
        return code

    def reset_admin_pin(self, code: str, new_pin: str) -> tuple[StaffCheck, str]:
        """A forgotten admin PIN replaced with the recovery code: (the check, the next code). The
        code is spent: a new one replaces it. A new PIN that is not acceptable, or text that
        cannot be a code, is refused (ValueError) before any try is counted."""
        problem = code_problem(code) or pin_problem(new_pin)
        if problem:
            raise ValueError(problem)
        if verify_pin(new_pin, getattr(self.settings, FIELDS[ROLE_HR], "") or ""):
            raise ValueError(Sentence("pin.admin_same_as_hr"))
        if not self.has_recovery_code():
            raise ValueError(Sentence("pin.no_recovery_code"))
        result = self._attempt(lambda: ROLE_ADMIN if verify_code(code, self.settings.recovery_code_hash) else None,
                               "recovery code")
        if not result.ok:
            return result, ""
        self.settings.admin_pin_hash = hash_pin(new_pin)
        return result, self.issue_recovery_code()  # both written in one save
