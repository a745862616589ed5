"""A person's details changed without new photos (issue 23): name, department and mobile edited,
marked as left and re-activated (`kiosk person edit|leave|reactivate`, the Employees page).

The gallery's metadata.json and the employees row change together (the row first: a refused
database write changes nothing), and each change is on the audit trail. Leaving keeps the
gallery folder and every row; it takes the person out of the matcher (KioskService.reload skips
people whose metadata says `left_at`) and the database refuses their check-ins, PIN ones too.
Re-activating undoes both: recognition resumes with the templates already stored."""
from __future__ import annotations

import unicodedata
from datetime import datetime

from kiosk.attendance.db import iso_seconds, local_now
from kiosk.attendance.people import has_left
from kiosk.common.refusals import Sentence
from kiosk.common.sealed_fields import masked_mobile
from kiosk.enrollment.templates import MOBILE_RE, normalise_mobile, validate_details
from kiosk.gallery.store import GalleryStore
from kiosk.security.audit import PERSON_EDIT, PERSON_LEFT, PERSON_REACTIVATED

DEPARTMENT_MAX = 80


def left_at(metadata: dict) -> str | None:
    """When a person (their gallery metadata) was marked as left, or None while they work here."""
    value = metadata.get("left_at")
    return value if isinstance(value, str) and value else None


def checked_changes(user_id: str, current: dict, name: str | None, department: str | None,
                    mobile: str | None, shift: str | None = None, shifts: tuple[str, ...] = ()) -> dict:
    """The fields that change ({field: new value}), each checked; ValueError names the first
    problem. None: leave the field as it is; an empty department, mobile or shift clears it (the
    shift then comes from the department or the default: kiosk.attendance.shifts)."""
    changes = {}
    if name is not None:
        problems = [p for p in validate_details(user_id, name, "+10000000") if "name" in p]
        if problems:
            raise ValueError(problems[0].capitalised() if isinstance(problems[0], Sentence)
                             else problems[0][0].upper() + problems[0][1:])
        changes["name"] = name.strip()
    if department is not None:
        department = " ".join(department.split())
        if len(department) > DEPARTMENT_MAX:
            raise ValueError(Sentence("department.too_long", maximum=DEPARTMENT_MAX))
        if any(unicodedata.category(c).startswith("C") for c in department):
            raise ValueError(Sentence("department.control"))
        changes["department"] = department
    if mobile is not None:
        mobile = normalise_mobile(mobile)
        if mobile and not MOBILE_RE.match(mobile):
            raise ValueError(Sentence("mobile.invalid", mobile=repr(mobile)).capitalised())
        changes["mobile"] = mobile
    if shift is not None:
        shift = shift.strip()
        if shift and shift not in shifts:
            raise ValueError(Sentence("shift.unknown", shift=repr(shift), shifts=", ".join(shifts)) if shifts
                             else Sentence("shift.none", shift=repr(shift)))
        changes["shift"] = shift
    changed = {k: v for k, v in changes.items() if v != (current.get(k) or "")}
    if not changed:
        raise ValueError(f"nothing to change for {user_id}: give a new --name, --department, --mobile or --shift")
    return changed



class People:
    """What KioskService does with a person's details (mixed in; needs `store`, `db`,
    `resolve_id`, `audit_event` and `gallery_changed`)."""

    store: GalleryStore

    def _person_for_change(self, typed: str) -> tuple[str, dict, dict]:
        """(worker ID, gallery metadata, employees row) of an enrolled person; a clear error for
        an unknown or deleted one."""
        user_id = self.resolve_id(typed)  # type: ignore[attr-defined]
        folder = self.store.folder_of(user_id, exact=True)
        if folder is None:
            raise ValueError(Sentence("person.deleted", worker_id=user_id))
        record = self.store.load(folder)
        db = self.db  # type: ignore[attr-defined]
        row = db.get_employee(user_id)
        if row is None:  # enrolled before the database existed
            row = db.upsert_employee(user_id, record.name, record.mobile or None)
        return user_id, record.metadata, row

    def _change(self, user_id: str, row_fields: dict, meta_fields: dict) -> dict:
        """The row first, then metadata.json; a refused gallery write puts the row back. On a
        site the row is the site's, and the changed folder goes to the site (now, or when it is
        back), so every kiosk shows the new name and stops recognising someone who left."""
        db = self.db  # type: ignore[attr-defined]
        before = db.get_employee(user_id)
        db.update_employee(user_id, **row_fields)
        try:
            self.store.update_metadata(user_id, meta_fields)
        except BaseException:
            db.update_employee(user_id, **{k: before.get(k) for k in row_fields})
            raise
        self.gallery_changed(user_id)  # type: ignore[attr-defined]  # the site's copy, and the matcher
        return db.get_employee(user_id)

    def edit_person(self, typed: str, *, name: str | None = None, department: str | None = None,
                    mobile: str | None = None, shift: str | None = None) -> dict:
        """Change a person's name, department, mobile or shift (audited). Returns the employees row."""
        user_id, metadata, row = self._person_for_change(typed)
        current = {"name": metadata.get("name") or row["name"], "department": metadata.get("department") or "",
                   "mobile": metadata.get("mobile") or row.get("mobile") or "", "shift": row.get("shift") or ""}
        shifts = tuple(self.timesheet.shift_names()) if shift is not None else ()  # type: ignore[attr-defined]
        changes = checked_changes(user_id, current, name, department, mobile, shift, shifts)
        row_fields = {k: (v or None) if k != "name" else v for k, v in changes.items()}
        # The shift is attendance's, kept in the employees row only (not in the gallery's metadata).
        result = self._change(user_id, row_fields, {k: v for k, v in changes.items() if k != "shift"})
        shown = {"mobile": masked_mobile}  # the trail is never rewritten: it keeps no full phone number
        self.audit_event(PERSON_EDIT, user_id,  # type: ignore[attr-defined]
                         **{k: {"from": shown.get(k, str)(current[k]), "to": shown.get(k, str)(v)}
                            for k, v in changes.items()})
        return result

    def mark_left(self, typed: str, now: datetime | None = None) -> dict:
        """The person has left: not recognised, no PIN check-in; their history and photos stay."""
        user_id, metadata, row = self._person_for_change(typed)
        if left_at(metadata) or has_left(row):
            since = left_at(metadata) or row["left_at"]
            raise ValueError(Sentence("person.already_left", worker_id=user_id, since=since))
        moment = iso_seconds(local_now(now))
        result = self._change(user_id, {"left_at": moment}, {"left_at": moment})
        self.audit_event(PERSON_LEFT, user_id, left_at=moment)  # type: ignore[attr-defined]
        return result

    def reactivate(self, typed: str) -> dict:
        """A person who left works here again: recognised with the templates already stored."""
        user_id, metadata, row = self._person_for_change(typed)
        since = left_at(metadata) or row.get("left_at")
        if not since:
            raise ValueError(Sentence("person.not_left", worker_id=user_id))
        result = self._change(user_id, {"left_at": None}, {"left_at": None})
        self.audit_event(PERSON_REACTIVATED, user_id, left_at=since)  # type: ignore[attr-defined]
        return result
