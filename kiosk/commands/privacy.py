"""Privacy commands: the HR audit trail (`kiosk audit`), retention (`kiosk purge`) and a
subject-access export of everything stored about one person (`kiosk person export`), and a
person's details changed without new photos (`kiosk person edit|leave|reactivate`, kiosk.app.people)."""
from __future__ import annotations

import argparse
import io
import json
import shutil
import sys
import uuid
import zipfile
from datetime import date
from pathlib import Path

from kiosk.commands.common import emit, open_service, parse_date
from kiosk.common.fsutil import atomic_write_bytes
from kiosk.common.private import private_dir, write_private_bytes
from kiosk.common.sealed_fields import LOCKED, is_sealed_field
from kiosk.gallery.folders import GalleryError, read_metadata
from kiosk.gallery.store import GalleryStore
from kiosk.security import audit as audit_actions
from kiosk.security.at_rest import is_sealed, write_sealed


def cmd_audit(args) -> int:
    service = open_service(args, recover=False)
    log = service.audit
    if args.action == "verify":
        check = log.verify()
        text = (f"audit trail intact: {check.rows} rows" if check.ok else
                f"audit trail BROKEN after {check.rows} rows: {check.problem}")
        emit(args, check.as_dict(), text)
        return 0 if check.ok else 1
    rows = log.rows(args.date_from, args.date_to, action=args.only,
                    subject=service.typed_id(args.id) if args.id else None)
    if args.action == "export":
        if not args.out:
            raise ValueError("audit export needs --out FILE.csv")
        count = log.export_csv(args.out, rows)
        service.audit_event(audit_actions.AUDIT_EXPORT, detail={"rows": count, "out": str(args.out)})
        emit(args, {"rows": count, "out": str(args.out)}, f"wrote {count} audit rows to {args.out}")
        return 0
    text = "\n".join(f"{r['timestamp']}  {r['role']:<6} {r['actor']:<12} {r['action']:<24} {r['subject']:<12} "
                     f"{json.dumps(r['detail'], ensure_ascii=False) if r['detail'] else ''}".rstrip()
                     for r in rows) or "the audit trail is empty"
    emit(args, rows, text)
    return 0


def cmd_purge(args) -> int:
    service = open_service(args, recover=False)
    report = service.purge(dry_run=args.dry_run)
    verb = "would remove" if args.dry_run else "removed"
    policy = service.retention.describe()
    text = (f"{verb} {report.unknown_rows} unknown-face access-log rows (kept: {policy['unknown_days']}), "
            f"{report.access_rows} other access-log rows ({policy['access_days']}), "
            f"{report.attendance_rows} attendance rows ({policy['attendance_days']}) "
            f"and {report.face_images} stored face images ({policy['photos_days']}): {report.photos} enrolment "
            f"photos, {report.review_frames} PIN check-in frames, {report.learned_crops} learned mask templates "
            f"with their face crops")
    emit(args, report.as_dict() | {"policy": policy}, text)
    return 0


def person_archive(service, user_id: str) -> tuple[bytes, dict]:
    """A ZIP of everything stored about one person: details, templates, photos, attendance,
    access-log and audit rows (a subject-access request, GDPR art. 15)."""
    user_id = service.resolve_id(user_id)
    folder = service.store.folder_of(user_id, exact=True)
    employee = service.db.get_employee(user_id)
    everything = (date(1970, 1, 1), date(9999, 12, 30))
    former = service.db.former_ids(user_id)  # the audit trail keeps the ID an action was taken on
    summary = {
        "worker_id": user_id,
        "former_worker_ids": former,
        "employee": employee,
        "attendance": service.db.attendance(*everything, employee_id=user_id),
        "access_log": service.db.access_log(*everything, employee_id=user_id),
        "audit": sorted((row for uid in [*former, user_id] for row in service.audit.rows(subject=uid)),
                        key=lambda row: row["id"]),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        files = []
        if folder is not None:
            record = service.store.load(folder)
            summary["metadata"] = record.metadata
            for rel, data in service.store.files_of(folder).items():
                archive.writestr(f"gallery/{rel}", data)
                files.append(f"gallery/{rel}")
        from kiosk.recognition.pin_checkin import review_frames

        for path in review_frames(service.settings.data_dir, user_id):
            name = f"review/{path.parent.name}/{path.name}"
            archive.writestr(name, service.store.read_file(path))
            files.append(name)
        summary["files"] = files
        archive.writestr("person.json", json.dumps(summary, indent=2, ensure_ascii=False, default=str))
    counts = {"files": len(files), "attendance": len(summary["attendance"]),
              "access_log": len(summary["access_log"]), "audit": len(summary["audit"])}
    return buffer.getvalue(), counts


def cmd_person(args) -> int:
    if args.action != "export":
        return person_details(args)
    if not args.out:
        raise ValueError("person export needs --out FILE.zip")
    service = open_service(args, recover=False)
    user_id = service.resolve_id(args.id)
    data, counts = person_archive(service, user_id)
    out = Path(args.out)
    atomic_write_bytes(out, data)
    out.chmod(0o600)  # biometric data: readable by whoever asked for it only
    service.audit_event(audit_actions.PERSON_EXPORT, user_id, out=str(out), **counts)
    emit(args, counts | {"out": str(out)},
          f"wrote everything stored about {user_id} to {out}: {counts['files']} gallery files, "
          f"{counts['attendance']} check-ins, {counts['access_log']} access-log rows, {counts['audit']} audit rows")
    return 0


def person_details(args) -> int:
    """`kiosk person edit|leave|reactivate ID`: one line saying what changed."""
    edits = {"name": args.name, "department": args.department, "mobile": args.mobile, "shift": args.shift}
    if args.action != "edit" and any(v is not None for v in edits.values()):
        raise ValueError(f"person {args.action} takes no --name, --department, --mobile or --shift (use person edit)")
    service = open_service(args)
    if args.action == "edit":
        row = service.edit_person(args.id, **edits)
        shown = ", ".join(f"{k} {row.get(k) or '(none)'}" for k, v in edits.items() if v is not None)
        text = f"{row['id']}: {shown}"
    elif args.action == "leave":
        row = service.mark_left(args.id)
        text = f"{row['id']} ({row['name']}) marked as left: no longer recognised; history and photos kept"
    else:
        row = service.reactivate(args.id)
        text = f"{row['id']} ({row['name']}) re-activated: recognised again with the stored photos"
    emit(args, row, text)
    return 0


def export_plain(service, out_dir: Path) -> int:
    """The gallery in the seed's plain layout (for migration to another system): every person's
    folder with its files opened. Written beside `out_dir` and renamed: all or nothing. The
    folders are 0700 and the files 0600 (its owner only), whatever the umask."""
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()):
        raise ValueError(f"{out_dir} is not empty: choose a new folder for the plain export")
    staging = out_dir.with_name(f".{out_dir.name}.tmp-{uuid.uuid4().hex[:8]}")
    count = 0
    try:
        for record in service.people():
            for rel, data in service.store.files_of(record.folder).items():
                target = staging / record.folder.name / rel
                private_dir(target.parent)
                write_private_bytes(target, data)
            count += 1
        private_dir(staging)
        if out_dir.exists():
            out_dir.rmdir()
        staging.rename(out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return count


def import_plain(service, source: Path, *, replace: bool = False) -> tuple[list[str], list[str]]:
    """People of a seed-layout folder (plain files) into this gallery, sealed as they are written."""

    plain = GalleryStore(source)
    records, warnings = plain.load_all()
    done = []
    for record in records:
        photos = [plain.read_file(p) for p in record.photo_paths()]
        try:
            service.save_person(record, photos, replace=replace)
        except GalleryError as exc:  # already enrolled (without --replace), a bad worker ID
            warnings.append(f"{record.user_id}: {exc}")
            continue
        done.append(record.user_id)
    service.reload()
    return done, warnings


def seal_in_place(service) -> int:
    """Seal every plain template and photo of the gallery where it is (each file replaced atomically),
    and the mobile numbers in metadata.json (kiosk.common.sealed_fields) and attendance.db."""

    cipher = service.store.cipher
    if cipher is None:
        raise ValueError("encryption is off in kiosk.toml: set encryption = \"on\" first")
    count = 0
    for record in service.people():
        for path in sorted(record.folder.rglob("*")):
            if path.is_file() and path.name != "metadata.json" and not is_sealed(path.read_bytes()):
                write_sealed(path, path.read_bytes(), cipher, service.store._label(path), atomic=True)
                count += 1
        if record.mobile and not is_sealed_field(read_metadata(record.folder).get("mobile")):
            service.store.update_metadata(record.user_id, {})  # written again: its mobile sealed
            count += 1
    for row in service.db.list_employees(include_inactive=True):
        if row["mobile"] and row["mobile"] != LOCKED:
            service.db.update_employee(row["id"], mobile=row["mobile"])  # sealed as it is written
    return count


def cmd_gallery(args) -> int:
    service = open_service(args, recover=False)
    if args.action == "export":
        if not args.plain:
            raise ValueError("gallery export writes the plain seed layout: say so with --plain DIR")
        if not args.unencrypted:
            raise ValueError("gallery export --plain writes every face template and photo unencrypted: "
                             "add --unencrypted to confirm that is what you want")
        count = export_plain(service, Path(args.plain))
        print(f"warning: {args.plain} holds every enrolled face unencrypted (readable by this user only): "
              f"move it to the new system and delete it", file=sys.stderr)
        service.audit_event(audit_actions.GALLERY_EXPORT, people=count, out=str(args.plain), plain=True)
        emit(args, {"people": count, "out": args.plain},
              f"wrote {count} people in the plain seed layout to {args.plain} (unencrypted: keep it safe)")
        return 0
    if args.action == "import":
        if not args.source:
            raise ValueError("gallery import needs the folder to import (a seed-layout embeddings folder)")
        done, warnings = import_plain(service, Path(args.source), replace=args.replace)
        for warning in warnings:
            print(f"warning: {warning}", file=sys.stderr)
        service.audit_event(audit_actions.GALLERY_IMPORT, people=len(done), source=str(args.source))
        emit(args, {"imported": done, "warnings": warnings}, f"imported {len(done)} people from {args.source}")
        return 0
    count = seal_in_place(service)
    service.audit_event(audit_actions.SETTING_CHANGE, encryption="sealed in place", files=count)
    emit(args, {"sealed": count}, f"sealed {count} plain files")
    return 0


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("audit", help="the HR audit trail: list, verify the hash chain, export CSV",
                              description="Every HR and admin action (who, when, what, on whom). "
                                          "`verify` checks the tamper-evident hash chain.")
    p.add_argument("action", nargs="?", choices=["list", "verify", "export"], default="list")
    p.add_argument("--from", dest="date_from", type=parse_date, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=parse_date, metavar="YYYY-MM-DD")
    p.add_argument("--id", help="only actions on this worker ID")
    p.add_argument("--only", choices=audit_actions.ACTIONS, help="only this action")
    p.add_argument("--out", metavar="FILE.csv", help="export: the CSV file to write")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_audit)

    p = subparsers.add_parser("purge", help="remove what is older than the retention settings allow",
                              description="Applies retention_unknown_days, retention_access_days, "
                                          "retention_attendance_days and retention_photos_days (kiosk.toml). "
                                          "The kiosk also runs it once a day.")
    p.add_argument("--dry-run", action="store_true", help="count only, remove nothing")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_purge)

    p = subparsers.add_parser("gallery", help="move the gallery in or out of the plain seed layout; seal it",
                              description="export --plain DIR --unencrypted: the plain seed layout (for "
                                          "migration; folders 0700, files 0600); "
                                          "import DIR: people of a seed-layout folder, sealed; "
                                          "encrypt: seal plain files of this gallery in place.")
    p.add_argument("action", choices=["export", "import", "encrypt"])
    p.add_argument("source", nargs="?", help="import: the seed-layout folder")
    p.add_argument("--plain", metavar="DIR", help="export: the new folder to write")
    p.add_argument("--unencrypted", action="store_true",
                   help="export: confirm that the faces are written unencrypted (refused without it)")
    p.add_argument("--replace", action="store_true", help="import: replace people already enrolled")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_gallery)

    p = subparsers.add_parser("person", help="one person: export everything stored about them (subject-access "
                                             "request); edit their details; mark as left; re-activate",
                              description="export --out FILE.zip: everything stored about the person. "
                                          "edit: change --name, --department, --mobile, --shift (no new photos). "
                                          "leave: no longer recognised, history and photos kept. "
                                          "reactivate: recognised again with the stored photos. All audited.")
    p.add_argument("action", choices=["export", "edit", "leave", "reactivate"])
    p.add_argument("id", help="worker ID (any case)")
    p.add_argument("--out", metavar="FILE.zip", help="export: the archive to write")
    p.add_argument("--name", help="edit: the new name")
    p.add_argument("--department", help="edit: the new department (\"\" clears it)")
    p.add_argument("--mobile", help="edit: the new mobile number (\"\" clears it)")
    p.add_argument("--shift", help="edit: the person's shift (a name from kiosk.toml's [shifts]; \"\" = the "
                                   "department's or the default)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_person)
    return p
