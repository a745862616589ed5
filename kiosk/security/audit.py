"""The HR audit trail: who (role and name), when, what and on whom, for every action HR or an
administrator takes (enrolment, deletion, export, PIN and setting changes, ...).

Why it looks like this: the trail must be append-only and tamper-evident. Rows live in the
attendance database (one file to back up) in a table that SQLite triggers keep append-only, and
each row carries the SHA-256 of its own content chained to the previous row's hash. Editing,
deleting or reordering any row breaks the chain from that row on, and the newest hash is also
kept in a small `audit.head` file beside the database, so removing the newest rows is detected
too. `AuditLog.verify` (`kiosk audit verify`) walks the chain.
"""
from __future__ import annotations

import getpass
import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kiosk.attendance.db import AttendanceDB, date_range_params, iso_seconds, local_now
from kiosk.attendance.spreadsheet import spreadsheet_text, write_csv
from kiosk.common.fsutil import atomic_write_text

GENESIS = "0" * 64
TABLE = "audit_log"
COLUMNS = ("id", "timestamp", "role", "actor", "action", "subject", "detail", "kiosk_id",
           "prev_hash", "hash")

# Roles: who was signed in. "cli" is a shell user (an IT administrator at the machine).
ROLE_HR, ROLE_ADMIN, ROLE_CLI, ROLE_SYSTEM = "hr", "admin", "cli", "system"

# Actions (the "what").
ENROLL = "enroll"
REENROLL = "reenroll"
DELETE = "delete"
EXPORT = "export"
PIN_CHANGE = "pin_change"
SETTING_CHANGE = "setting_change"
THRESHOLD_CHANGE = "threshold_change"
LEARNED_TEMPLATE_REMOVED = "learned_template_removed"
LEARNED_TEMPLATE_APPROVED = "learned_template_approved"
AUDIT_EXPORT = "audit_export"
PURGE = "purge"
PERSON_EXPORT = "person_export"
GALLERY_EXPORT = "gallery_export"
GALLERY_IMPORT = "gallery_import"
KIOSK_EXIT = "kiosk_exit"
RENAME_ID = "rename_id"  # a worker ID changed (subject: the new ID; detail: from)
PERSON_EDIT = "person_edit"  # name, department or mobile changed (detail: each field's from and to)
PERSON_LEFT = "person_left"  # marked as left: not recognised, history kept
PERSON_REACTIVATED = "person_reactivated"  # a person who had left works here again
PUNCH_ADD = "punch_add"  # HR added a missing punch (detail: time, direction, reason)
PUNCH_VOID = "punch_void"  # HR voided a wrong punch, which is kept (detail: the punch, reason)
RECOVERY_CODE = "recovery_code"  # the admin PIN's recovery code made (detail: why) or used to reset it
SIGN_IN = "sign_in"
SIGN_OUT = "sign_out"  # the HR desk's "Sign out" (the kiosk's HR screens just go back to the door)
SITE_PIN_SECRET = "site_pin_secret"  # the site's PIN pepper made, exported or imported (detail: its fingerprint)
ACTIONS = (SIGN_IN, SIGN_OUT, ENROLL, REENROLL, DELETE, EXPORT, PIN_CHANGE, SETTING_CHANGE, THRESHOLD_CHANGE,
           LEARNED_TEMPLATE_REMOVED, LEARNED_TEMPLATE_APPROVED, AUDIT_EXPORT, PURGE, PERSON_EXPORT, GALLERY_EXPORT,
           GALLERY_IMPORT, KIOSK_EXIT, RENAME_ID, PERSON_EDIT, PERSON_LEFT, PERSON_REACTIVATED, PUNCH_ADD,
           PUNCH_VOID, RECOVERY_CODE, SITE_PIN_SECRET)


@dataclass(frozen=True)
class Actor:
    """Who performs an action: a role and a name (a shell user, or the role for a PIN login)."""

    role: str
    name: str = ""

    @classmethod
    def shell_user(cls) -> Actor:
        try:
            user = getpass.getuser()
        except (KeyError, OSError):  # no passwd entry (a container): still say it was the shell
            user = "unknown"
        return cls(ROLE_CLI, user)


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    rows: int
    problem: str = ""
    first_bad_id: int | None = None

    def as_dict(self) -> dict:
        return {"ok": self.ok, "rows": self.rows, "problem": self.problem,
                "first_bad_id": self.first_bad_id}


def row_hash(row: dict[str, Any]) -> str:
    """SHA-256 over the row's content and the previous hash, in one canonical JSON form."""
    content = [row[c] for c in COLUMNS if c != "hash"]
    data = json.dumps(content, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def _create(db) -> None:
    db.execute(f"""CREATE TABLE IF NOT EXISTS {TABLE} (
        id INTEGER PRIMARY KEY, timestamp TEXT NOT NULL, role TEXT NOT NULL, actor TEXT NOT NULL,
        action TEXT NOT NULL, subject TEXT NOT NULL, detail TEXT NOT NULL, kiosk_id TEXT NOT NULL,
        prev_hash TEXT NOT NULL, hash TEXT NOT NULL)""")
    db.execute(f"CREATE INDEX IF NOT EXISTS idx_{TABLE}_timestamp ON {TABLE}(timestamp)")
    for verb in ("UPDATE", "DELETE"):
        db.execute(f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_no_{verb.lower()} BEFORE {verb} ON {TABLE}
                       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""")


class AuditLog:
    """The audit trail of one data folder, kept in its attendance database."""

    def __init__(self, db: AttendanceDB, head_path: str | Path | None = None, *, create: bool = True):
        """`create` makes the table and puts back its append-only triggers if they were dropped;
        without it nothing is written (`kiosk doctor` reports before it repairs)."""
        self.db = db
        self.head_path = Path(head_path) if head_path else db.path.with_name("audit.head")
        if create:
            with db._write() as conn:
                _create(conn)

    # -- writing -------------------------------------------------------------------------

    def record(self, action: str, *, actor: Actor, subject: str = "", detail: dict | None = None,
               now: datetime | None = None) -> dict:
        """Append one row (chained to the newest) and return it."""
        if action not in ACTIONS:
            raise ValueError(f"unknown audit action {action!r}")
        with self.db._write() as conn:
            last = conn.execute(f"SELECT id, hash FROM {TABLE} ORDER BY id DESC LIMIT 1").fetchone()
            row: dict[str, Any] = {
                "id": (last[0] + 1) if last else 1, "timestamp": iso_seconds(local_now(now)),
                "role": actor.role, "actor": actor.name or actor.role, "action": action,
                "subject": subject or "",
                "detail": json.dumps(detail or {}, ensure_ascii=False, sort_keys=True, default=str),
                "kiosk_id": self.db.kiosk_id, "prev_hash": last[1] if last else GENESIS}
            row["hash"] = row_hash(row)
            conn.table(TABLE).insert(row)
        self._write_head(row["id"], row["hash"])
        return row

    def _write_head(self, row_id: int, digest: str) -> None:
        """The newest row's id and hash, outside the table: cutting rows off the end shows.
        Written after the commit; a crash in between leaves a head one row behind, which
        verify accepts (the chain itself still proves every row up to the newest)."""
        try:
            current = self._read_head()
            if current is None or current[0] < row_id:
                atomic_write_text(self.head_path, f"{row_id} {digest}\n")
        except OSError:
            pass  # the chain in the database is the record; the head only guards its end

    def _read_head(self) -> tuple[int, str] | None:
        try:
            text = self.head_path.read_text(encoding="ascii").split()
            return int(text[0]), text[1]
        except (OSError, ValueError, IndexError):
            return None

    # -- reading -------------------------------------------------------------------------

    def rows(self, start: date | None = None, end: date | None = None, *, action: str | None = None,
             subject: str | None = None) -> list[dict]:
        """Rows oldest first, optionally within inclusive dates, of one action or one subject."""
        where, params = ["(:action IS NULL OR action = :action)",
                         "(:subject IS NULL OR subject = :subject)"], {"action": action, "subject": subject}
        if start is not None or end is not None:
            span = date_range_params(start or date(1970, 1, 1), end or date(9999, 12, 30))
            where.append("timestamp >= :lo AND timestamp < :hi")
            params |= {"lo": span["lo"], "hi": span["hi"]}
        rows = list(self.db.db.query(f"SELECT * FROM {TABLE} WHERE {' AND '.join(where)} ORDER BY id",
                                     params))
        for row in rows:
            row["detail"] = json.loads(row["detail"] or "{}")
        return rows

    def verify(self) -> ChainCheck:
        """Walk the chain: every row's hash must match its content and link to the previous."""
        prev, count, last_id, hashes = GENESIS, 0, 0, {}
        try:
            cursor = self.db.db.execute(f"SELECT {', '.join(COLUMNS)} FROM {TABLE} ORDER BY id")
            for values in cursor:
                row = dict(zip(COLUMNS, values))
                count += 1
                if row["id"] != last_id + 1:
                    return ChainCheck(False, count, f"row {last_id + 1} is missing (next is {row['id']})",
                                      row["id"])
                if row["prev_hash"] != prev:
                    return ChainCheck(False, count, f"row {row['id']} does not follow row {last_id}",
                                      row["id"])
                if row_hash(row) != row["hash"]:
                    return ChainCheck(False, count, f"row {row['id']} was changed after it was written",
                                      row["id"])
                prev, last_id = row["hash"], row["id"]
                hashes[last_id] = prev
        except sqlite3.DatabaseError as exc:
            return ChainCheck(False, count, f"the audit table cannot be read: {exc}")
        # The head is written just after each commit, so it may lag by one row after a crash.
        head = self._read_head()
        head_id, head_hash = head if head is not None else (0, GENESIS)
        if head_id > last_id:
            return ChainCheck(False, count, f"rows {last_id + 1}..{head_id} were removed from the end",
                              last_id + 1)
        if head_id and hashes.get(head_id) != head_hash:
            return ChainCheck(False, count, f"row {head_id} was replaced", head_id)
        if last_id - head_id > 1:
            return ChainCheck(False, count, f"{self.head_path.name} is missing or behind the table "
                                            f"(row {head_id} of {last_id}): the trail's end cannot be trusted")
        return ChainCheck(True, count)

    def export_csv(self, out_path: str | Path, rows: list[dict]) -> int:
        """The rows as CSV (the attendance export's format and safety), for an auditor."""

        return write_csv(out_path, COLUMNS, ([spreadsheet_text(str(r[c])) if c in ("actor", "subject") else
                                               json.dumps(r[c], ensure_ascii=False, sort_keys=True)
                                               if c == "detail" else r[c] for c in COLUMNS] for r in rows))
