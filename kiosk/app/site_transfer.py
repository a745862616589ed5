"""Moving a single kiosk's data folder into a site's database, and a site back out to the
seed-compatible layout (`kiosk site import` / `kiosk site export`).

Import is safe to run twice: people already on the site are left alone (or replaced with
`replace`), and every attendance and access-log row carries a key made of its folder's identity
and row id, so a second run writes nothing twice. Export writes plain files (the seed layout,
no at-rest sealing: it is for migration) and an attendance.db the single kiosk opens as it is."""
from __future__ import annotations

import hashlib
import logging
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path

from kiosk.app.from_settings import attendance_db, gallery_cipher_for
from kiosk.app.settings import load_settings
from kiosk.attendance.clock import as_utc, offset_minutes, parse_utc, resolve_zone
from kiosk.attendance.db import AttendanceDB
from kiosk.common.sealed_fields import open_row
from kiosk.common.worker_id import case_duplicates
from kiosk.gallery.folders import GalleryError
from kiosk.gallery.store import GalleryStore
from kiosk.site.gallery import apply_change
from kiosk.site.node import Site

log = logging.getLogger(__name__)


@dataclass
class TransferReport:
    people: int = 0
    skipped: list[str] = field(default_factory=list)
    employees: int = 0
    attendance_rows: int = 0
    access_rows: int = 0

    def as_dict(self) -> dict:
        return asdict(self)


def _folder_key(db_path: Path) -> str:
    """A stable name for one source database: keys of its rows cannot collide with another's."""
    return hashlib.sha256(str(db_path.resolve()).encode()).hexdigest()[:12]


def import_folder(site: Site, source: Path, *, replace: bool = False) -> TransferReport:
    """People, employees, attendance and the access log of a single-kiosk data folder."""

    source = Path(source)
    if not (source / "embeddings").is_dir() and not (source / "attendance.db").is_file():
        raise FileNotFoundError(f"{source} holds neither embeddings/ nor attendance.db: not a kiosk data folder")
    site.ensure_schema()
    report = TransferReport()
    their = load_settings(source)
    store = GalleryStore(their.embeddings_dir, cipher=gallery_cipher_for(their))
    records, warnings = store.load_all()
    report.skipped += warnings
    for record in records:
        assert record.folder is not None, "load_all gives every record its folder"
        try:
            site.gallery.push(record.user_id, store.files_of(record.folder), replace=replace)
            report.people += 1
        except GalleryError as exc:
            report.skipped.append(f"{record.user_id}: {exc} (--replace sends this folder's version)")
    if their.db_path.is_file():
        db = attendance_db(their)
        db.fields = store.fields  # the site's server gets mobile numbers opened, as the gallery's
        try:
            _copy_rows(site, db, _folder_key(their.db_path), report)
        finally:
            db.close()
    return report


def _copy_rows(site: Site, db, origin: str, report: TransferReport) -> None:
    employees = [open_row(db.fields, e) for e in db._rows("SELECT * FROM employees")]
    attendance = db._rows("SELECT * FROM attendance ORDER BY id")
    access = db._rows("SELECT * FROM access_log ORDER BY id")

    def when(text):
        return None if text is None else datetime.fromisoformat(text)

    def flag(value):
        return None if value is None else bool(value)

    with site.connections.transaction() as cur:
        twins = _case_twins(cur, [e["id"] for e in employees])
        for group in case_duplicates(e["id"] for e in employees):  # twins within the imported folder
            twins |= {uid: group[0] for uid in group[1:] if uid not in twins}
        for uid, holder in sorted(twins.items()):
            report.skipped.append(f"{uid}: {holder} is the same worker ID in another case; its rows "
                                  f"are not imported: give one of them a new ID (kiosk rename-id) and import again")
        employees = [e for e in employees if e["id"] not in twins]
        attendance = [r for r in attendance if r["employee_id"] not in twins]
        access = [r for r in access if r["employee_id"] not in twins]
        for e in employees:
            cur.execute("""INSERT INTO employees (id, name, mobile, enrolled_at, active, department, left_at, shift)
                           VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO NOTHING""",
                        [e["id"], e["name"], e["mobile"], when(e["enrolled_at"]), bool(e["active"]),
                         e.get("department"), when(e.get("left_at")), e.get("shift")])
            report.employees += cur.rowcount
        for table, rows in (("attendance", attendance), ("access_log", access)):
            for row in rows:
                cur.execute("""INSERT INTO delivered_keys (key, kiosk_id, written_at) VALUES (%s, %s, %s)
                               ON CONFLICT (key) DO NOTHING""",
                            [f"import:{origin}:{table}:{row['id']}", row.get("kiosk_id") or "", when(row["timestamp"])])
                if cur.rowcount == 0:
                    continue  # imported before
                if table == "attendance":
                    # A punch keeps its instant and zone; a row from before them is read in the site's zone.
                    utc = (parse_utc(row["utc"]) if row.get("utc")
                           else as_utc(when(row["timestamp"]), site.attendance.zone))
                    tz = row.get("tz") or site.attendance.zone_name
                    offset = row.get("utc_offset")
                    cur.execute("""INSERT INTO attendance (employee_id, timestamp, status, score, masked, kiosk_id,
                                                           method, utc, tz, utc_offset, direction, direction_source,
                                                           reason, added_by, voided_at, void_reason, voided_by)
                                   VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)""",
                                [row["employee_id"], when(row["timestamp"]), row["status"], row["score"],
                                 flag(row["masked"]), row["kiosk_id"] or "", row.get("method") or "face",
                                 utc, tz, offset_minutes(utc, resolve_zone(tz)) if offset is None else offset,
                                 row.get("direction"), row.get("direction_source"), row.get("reason"),
                                 row.get("added_by"), parse_utc(row["voided_at"]) if row.get("voided_at") else None,
                                 row.get("void_reason"), row.get("voided_by")])
                    report.attendance_rows += 1
                else:
                    cur.execute("""INSERT INTO access_log (timestamp, employee_id, name, outcome, score, masked,
                                                           source, kiosk_id, detail)
                                   VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)""",
                                [when(row["timestamp"]), row["employee_id"], row["name"] or "", row["outcome"],
                                 row["score"], flag(row["masked"]), row["source"], row["kiosk_id"] or "",
                                 row["detail"]])
                    report.access_rows += 1


def _case_twins(cur, ids: list[str]) -> dict[str, str]:
    """{imported ID: the site's ID} for IDs the site holds in another case (person or employee):
    worker IDs are unique regardless of case, so these rows would make a second person."""
    cur.execute("""SELECT i.id, coalesce(p.user_id, e.id) FROM unnest(%s::text[]) AS i(id)
                   LEFT JOIN people p ON lower(p.user_id) = lower(i.id) AND p.user_id <> i.id AND NOT p.deleted
                   LEFT JOIN employees e ON lower(e.id) = lower(i.id) AND e.id <> i.id
                   WHERE p.user_id IS NOT NULL OR e.id IS NOT NULL""", [ids])
    return dict(cur.fetchall())


def export_folder(site: Site, dest: Path) -> TransferReport:
    """The site as one kiosk's data folder: embeddings/ (plain seed layout) and attendance.db."""

    dest = Path(dest)
    if (dest / "embeddings").exists() or (dest / "attendance.db").exists():
        raise FileExistsError(f"{dest} already holds a data folder: export into a new or empty folder")
    site.ensure_schema()
    report = TransferReport()
    store = GalleryStore(dest / "embeddings")
    since = 0
    while True:
        batch = site.gallery.changes(since)
        if not batch:
            break
        for change in batch:
            if not change.deleted:
                apply_change(store, change)
                report.people += 1
            since = change.revision
    db = AttendanceDB(dest / "attendance.db", kiosk_id="site-export")
    try:
        rows = site.attendance
        everything = (date(1970, 1, 1), date(9998, 12, 31))
        with db._write() as conn:
            # the columns both stores hold (a site row may carry ones this kiosk's schema has not)
            people, punches = set(conn.table("employees").columns_dict), set(conn.table("attendance").columns_dict)
            for e in rows.list_employees(include_inactive=True):
                conn.table("employees").insert({k: v for k, v in e.items() if k in people}, pk="id", replace=True)
                report.employees += 1
            for r in rows.punches(*everything, include_voided=True):
                conn.table("attendance").insert({k: v for k, v in r.items() if k in punches - {"id"}})
                report.attendance_rows += 1
            for r in rows.access_log(*everything):
                conn.table("access_log").insert({k: v for k, v in r.items() if k != "id"})
                report.access_rows += 1
    finally:
        db.close()
    return report
