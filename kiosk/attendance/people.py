"""A person's details kept in the employees row beside the enrolment (issue 23): the department,
and `left_at` for someone who has left. Leaving is not deletion (`active` = 0 is HR's "delete",
which also removes the face): a person who left keeps their gallery folder and history, is not
recognised and cannot check in by PIN, and can be re-activated without new photos."""
from __future__ import annotations

from typing import Any

from sqlite_utils import Database

# The employees columns a person's edit may change (kiosk.app.people); left_at: ISO time or NULL.
EDITABLE = ("name", "department", "mobile", "left_at", "shift")


def migrate_v4(db: Database) -> None:
    """Version 4: employees.department and employees.left_at (NULL for everyone there already)."""
    columns = db.table("employees").columns_dict
    for column in ("department", "left_at"):
        if column not in columns:
            db.table("employees").add_column(column, str)


def has_left(employee: dict[str, Any] | None) -> bool:
    return bool(employee and employee.get("left_at"))


def update_statement(fields: dict[str, Any]) -> tuple[str, list]:
    """The UPDATE of one employees row (`?` placeholders, the ID last) for `fields` in EDITABLE."""
    unknown = set(fields) - set(EDITABLE)
    if unknown or not fields:
        raise ValueError(f"cannot change employees columns {sorted(unknown) or 'none'}")
    names = sorted(fields)
    return (f"UPDATE employees SET {', '.join(f'{n} = ?' for n in names)} WHERE id = ?",
            [fields[n] for n in names])
