"""Personal check-in PINs: the second way in when the face is not enough (a real mask, a bad
day). Stored hashed like the admin PIN (kiosk.security.pin_hash, scrypt) in the attendance database, with the
lockout in the same row, so it survives a restart and holds across processes (kiosk and CLI):
after `max_tries` wrong PINs for one worker ID that ID is refused for `lockout_s` seconds,
doubling with every further lockout (capped at a day). Every wrong or locked attempt is logged.

An unknown worker ID gets the same message and the same scrypt work as a wrong PIN, so the
keypad does not tell a passer-by which IDs exist.

With a pepper (kiosk.security.at_rest.pin_pepper: derived from the gallery key, outside the data
folder) the hashes are peppered (kiosk.security.pin_hash), so attendance.db alone does not give the
PINs; a hash from before the pepper still works and is re-hashed with it on its next success."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from kiosk.attendance.db import PIN_LOCKED, PIN_WRONG, AttendanceDB, iso_seconds, local_now
from kiosk.common.refusals import Sentence
from kiosk.security.pin_hash import Pepper, hash_pin, needs_pepper, pin_problem, tries_left_text, verify_pin, wrong_try

MIN_DIGITS, MAX_DIGITS = 4, 6
MAX_TRIES = 5
LOCKOUT_S = 300
WRONG = "Wrong worker ID or PIN."
# Verified against when the worker ID has no PIN: the same cost as a real check.
_DUMMY_HASH = hash_pin("0000", salt=b"kiosk-no-such-id")


@dataclass(frozen=True)
class PinCheck:
    ok: bool
    message: str  # for the screen ("" when accepted)
    locked_seconds: int = 0  # > 0 while the ID is locked out
    tries_left: int | None = None


def personal_pin_problem(pin: str) -> str | None:
    """Why `pin` cannot be a personal PIN (4-6 digits, not 1111 or 1234), or None."""
    return pin_problem(pin, MIN_DIGITS, MAX_DIGITS)


def require_settable(db, employee_id: str, pin: str) -> None:
    """Raise unless `pin` may become the PIN of `employee_id` (who must be in `db`)."""
    problem = personal_pin_problem(pin)
    if problem:
        raise ValueError(problem)
    if db.get_employee(employee_id) is None:
        raise KeyError(Sentence("pin.no_employee", worker_id=repr(employee_id)))


class PersonalPins:
    """The `employee_pins` table of one AttendanceDB."""

    def __init__(self, db: AttendanceDB, max_tries: int = MAX_TRIES, lockout_s: int = LOCKOUT_S,
                 pepper: Pepper | None = None):
        self.db = db
        self.max_tries = max_tries
        self.lockout_s = lockout_s
        self.pepper = pepper

    def _row(self, employee_id: str) -> dict | None:
        rows = self.db._rows("SELECT * FROM employee_pins WHERE employee_id = ?", [employee_id])
        return rows[0] if rows else None

    def has_pin(self, employee_id: str) -> bool:
        return self._row(employee_id) is not None

    def set_pin(self, employee_id: str, pin: str, now: datetime | None = None) -> None:
        """Set (or replace) a person's PIN; clears any lockout. The employee must exist."""
        require_settable(self.db, employee_id, pin)
        row = {"employee_id": employee_id, "pin_hash": hash_pin(pin, pepper=self.pepper), "set_at": iso_seconds(local_now(now)),
               "failures": 0, "lockouts": 0, "locked_until": None}
        with self.db._write() as db:
            db.table("employee_pins").upsert(row, pk="employee_id")

    def clear_pin(self, employee_id: str) -> bool:
        with self.db._write() as db:
            found = self._row(employee_id) is not None
            db.table("employee_pins").delete_where("employee_id = ?", [employee_id])
        return found

    def seconds_locked(self, employee_id: str, now: datetime | None = None) -> int:
        row = self._row(employee_id)
        if not row or not row["locked_until"]:
            return 0
        left = (datetime.fromisoformat(row["locked_until"]) - local_now(now)).total_seconds()
        return max(0, int(left + 0.999))

    def check(self, employee_id: str, pin: str, now: datetime | None = None,
              source: str = "pin") -> PinCheck:
        """Whether `pin` is `employee_id`'s PIN, counting wrong tries towards the lockout. Read,
        verify and update run in one write transaction: two kiosks guessing at once still
        count every try."""
        employee_id = (employee_id or "").strip()
        moment = local_now(now)
        with self.db._write() as db:
            row = self._row(employee_id) if employee_id else None
            verdict = judge_pin(row, pin, moment, self.max_tries, self.lockout_s, self.pepper)
            if verdict.update is not None:
                db.table("employee_pins").update(employee_id, verdict.update)
            if verdict.log is not None:
                self.db._log(db, moment, verdict.log[0], employee_id or None, "", None, None, source, verdict.log[1])
            return verdict.check


@dataclass(frozen=True)
class PinVerdict:
    """What one PIN attempt leads to, for any store: the answer, the row's new counters (None:
    unchanged) and the access-log (outcome, detail) to write (None: nothing)."""

    check: PinCheck
    update: dict | None
    log: tuple[str, str] | None


def judge_pin(row: dict | None, pin: str, moment: datetime, max_tries: int, lockout_s: int,
              pepper: Pepper | None = None) -> PinVerdict:
    """The lockout rule on one stored PIN row (None: no PIN for that ID). With a `pepper`, a right
    PIN whose hash was made without it gets a peppered hash in the update."""
    if row is None:
        verify_pin(pin, _DUMMY_HASH)
        return PinVerdict(PinCheck(False, WRONG), None, (PIN_WRONG, "no PIN"))
    locked_until = row["locked_until"]
    if isinstance(locked_until, str):
        locked_until = datetime.fromisoformat(locked_until)
    if locked_until and locked_until > moment:
        wait = int((locked_until - moment).total_seconds() + 0.999)
        return PinVerdict(PinCheck(False, _locked_message(wait), wait), None, (PIN_LOCKED, f"{wait} s left"))
    if verify_pin(pin, row["pin_hash"], pepper):
        update: dict[str, object] = {"failures": 0, "lockouts": 0, "locked_until": None}
        if needs_pepper(row["pin_hash"], pepper):
            update["pin_hash"] = hash_pin(pin, pepper=pepper)
        return PinVerdict(PinCheck(True, ""), update, None)
    failures, lockouts = int(row["failures"] or 0), int(row["lockouts"] or 0)
    left, locked = wrong_try(failures, lockouts, max_tries, lockout_s)
    failures, wait = failures + 1, int(locked)
    if left:
        return PinVerdict(PinCheck(False, f"{WRONG} {tries_left_text(left)}", tries_left=left),
                          {"failures": failures}, (PIN_WRONG, f"{failures} of {max_tries}"))
    return PinVerdict(PinCheck(False, _locked_message(wait), wait, tries_left=0),
                      {"failures": 0, "lockouts": lockouts + 1, "locked_until": iso_seconds(moment + timedelta(seconds=wait))},
                      (PIN_LOCKED, f"locked for {wait} s"))


def _locked_message(seconds: int) -> str:
    minutes = (seconds + 59) // 60
    when = f"{seconds} s" if seconds < 120 else f"{minutes} min"
    return f"Too many wrong PINs for this worker ID. Try again in {when}, or see HR."
