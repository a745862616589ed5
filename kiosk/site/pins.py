"""Personal check-in PINs on the site's server (kiosk.security.pins's interface): a PIN set
at the HR desk works at every door, and the lockout counts wrong tries from every door. With the
site's PIN secret (kiosk.site.pin_secret) the hashes are peppered, as a single kiosk's are."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from kiosk.attendance.db import local_now
from kiosk.security.pin_hash import Pepper, hash_pin
from kiosk.security.pins import (
    LOCKOUT_S,
    MAX_TRIES,
    PinCheck,
    judge_pin,
    require_settable,
)
from kiosk.site.attendance import SiteAttendanceDB


class SitePins:
    def __init__(self, db: SiteAttendanceDB, max_tries: int = MAX_TRIES, lockout_s: int = LOCKOUT_S,
                 pepper: Callable[[], Pepper | None] | None = None):
        """`pepper` finds the site's pepper (kiosk.site.pin_secret.site_pepper) when a PIN is first
        set or checked: the server is asked then, not when the kiosk starts (it may be offline)."""
        self.db = db
        self._pepper_source = pepper
        self._pepper: Pepper | None = None
        self.max_tries = max_tries
        self.lockout_s = lockout_s

    @property
    def pepper(self) -> Pepper | None:
        """Kept once found; while the site has none, asked again each time (another kiosk may make it)."""
        if self._pepper is None and self._pepper_source is not None:
            self._pepper = self._pepper_source()
        return self._pepper

    def _row(self, cur, employee_id: str, lock: bool = False) -> dict | None:
        cur.execute("SELECT pin_hash, failures, lockouts, locked_until FROM employee_pins WHERE employee_id = %s"
                    + (" FOR UPDATE" if lock else ""), [employee_id])
        found = cur.fetchone()
        return None if found is None else dict(zip(("pin_hash", "failures", "lockouts", "locked_until"), found))

    def has_pin(self, employee_id: str) -> bool:
        with self.db.connections.transaction() as cur:
            return self._row(cur, employee_id) is not None

    def set_pin(self, employee_id: str, pin: str, now: datetime | None = None) -> None:
        require_settable(self.db, employee_id, pin)
        with self.db.connections.transaction() as cur:
            cur.execute("""INSERT INTO employee_pins (employee_id, pin_hash, set_at) VALUES (%s, %s, %s)
                           ON CONFLICT (employee_id) DO UPDATE SET pin_hash = excluded.pin_hash,
                               set_at = excluded.set_at, failures = 0, lockouts = 0, locked_until = NULL""",
                        [employee_id, hash_pin(pin, pepper=self.pepper), local_now(now)])

    def clear_pin(self, employee_id: str) -> bool:
        with self.db.connections.transaction() as cur:
            cur.execute("DELETE FROM employee_pins WHERE employee_id = %s", [employee_id])
            return cur.rowcount > 0

    def seconds_locked(self, employee_id: str, now: datetime | None = None) -> int:
        with self.db.connections.transaction() as cur:
            row = self._row(cur, employee_id)
        if not row or not row["locked_until"]:
            return 0
        return max(0, int((row["locked_until"] - local_now(now)).total_seconds() + 0.999))

    def check(self, employee_id: str, pin: str, now: datetime | None = None, source: str = "pin") -> PinCheck:
        employee_id = (employee_id or "").strip()
        moment = local_now(now)
        with self.db.connections.transaction() as cur:
            row = self._row(cur, employee_id, lock=True) if employee_id else None
            verdict = judge_pin(row, pin, moment, self.max_tries, self.lockout_s, self.pepper)
            if verdict.update is not None:
                update = dict(verdict.update)
                if isinstance(update.get("locked_until"), str):
                    update["locked_until"] = datetime.fromisoformat(update["locked_until"])
                cur.execute(f"UPDATE employee_pins SET {', '.join(f'{k} = %({k})s' for k in update)} "
                            f"WHERE employee_id = %(employee_id)s", update | {"employee_id": employee_id})
            if verdict.log is not None:
                self.db._log(cur, moment, verdict.log[0], employee_id or None, "", None, None, source, verdict.log[1])
            return verdict.check
