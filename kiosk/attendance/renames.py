"""One person's rows moved to a new worker ID (kiosk.app.worker_id_change): the employee, their check-ins,
their access-log rows and their check-in PIN, in the caller's one transaction. The old ID is
remembered (`worker_id_renames`), so a check-in made under it later (an outbox entry, a frame
recognised just before the rename, another door still offline) lands on the new ID.

The statements run on either store: SQLite's attendance.db (kiosk.attendance.db) and the site's
PostgreSQL (kiosk.site.rename), through an `execute(sql, params)` that takes `?` placeholders.
Moving is idempotent: run again after a crash it finds nothing left under the old ID and only
re-states the rename."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol

from kiosk.attendance.db import AttendanceDB, iso_seconds, local_now


class Cursor(Protocol):
    """What both sqlite3's and psycopg's cursors give back from an execute."""
    @property
    def rowcount(self) -> int: ...

    def fetchall(self) -> list[Any]: ...


Execute = Callable[[str, list], Cursor]


def move_rows(execute: Execute, old: str, new: str, renamed_at, frame_path: Callable[[str], str] | None = None
              ) -> dict[str, int]:
    """Move every row of `old` to `new`; `frame_path` rewrites an access-log detail that names a
    PIN check-in frame (the frame files are renamed with the ID). Returns rows moved per table."""
    def rows(sql: str, params: list) -> list:
        return list(execute(sql, params).fetchall())

    if rows("SELECT 1 FROM employees WHERE id = ?", [old]):
        if rows("SELECT 1 FROM employees WHERE id = ?", [new]):
            # The start-up reconciliation added the new ID's row after a crash mid-rename: it
            # takes the older enrolment date.
            execute("""UPDATE employees SET enrolled_at = (SELECT enrolled_at FROM employees WHERE id = ?)
                       WHERE id = ? AND enrolled_at > (SELECT enrolled_at FROM employees WHERE id = ?)""",
                    [old, new, old])
        else:
            execute("""INSERT INTO employees (id, name, mobile, enrolled_at, active)
                       SELECT ?, name, mobile, enrolled_at, active FROM employees WHERE id = ?""", [new, old])
    moved = {"attendance": execute("UPDATE attendance SET employee_id = ? WHERE employee_id = ?",
                                   [new, old]).rowcount}
    if frame_path is not None:
        for row_id, detail in rows("SELECT id, detail FROM access_log WHERE employee_id = ? AND detail LIKE ?",
                                   [old, "%_pin.jpg"]):
            execute("UPDATE access_log SET detail = ? WHERE id = ?", [frame_path(detail), row_id])
    moved["access_log"] = execute("UPDATE access_log SET employee_id = ? WHERE employee_id = ?",
                                  [new, old]).rowcount
    if rows("SELECT 1 FROM employee_pins WHERE employee_id = ?", [new]):
        execute("DELETE FROM employee_pins WHERE employee_id = ?", [old])
        moved["pin"] = 0
    else:
        moved["pin"] = execute("UPDATE employee_pins SET employee_id = ? WHERE employee_id = ?", [new, old]).rowcount
    execute("DELETE FROM employees WHERE id = ?", [old])
    # Earlier names of this person now lead to the new ID; the new ID is nobody's old name any more.
    execute("UPDATE worker_id_renames SET new_id = ? WHERE new_id = ?", [new, old])
    execute("DELETE FROM worker_id_renames WHERE old_id = ?", [new])
    execute("""INSERT INTO worker_id_renames (old_id, new_id, renamed_at) VALUES (?, ?, ?)
               ON CONFLICT (old_id) DO UPDATE SET new_id = excluded.new_id, renamed_at = excluded.renamed_at""",
            [old, new, renamed_at])
    return moved


def rename_rows(db: AttendanceDB, old: str, new: str, frame_path: Callable[[str], str] | None = None,
                now: datetime | None = None) -> dict[str, int]:
    """move_rows on attendance.db, in one write transaction."""
    with db._write() as conn:
        return move_rows(conn.execute, old, new, iso_seconds(local_now(now)), frame_path)

