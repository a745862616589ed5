"""Privacy commands: the HR audit trail (`kiosk audit`), retention (`kiosk purge`) and a
subject-access export of everything stored about one person (`kiosk person export`)."""
from __future__ import annotations

import argparse
import io
import json
import zipfile
from datetime import date
from pathlib import Path

from kiosk.attendance import audit as audit_actions
from kiosk.fsutil import atomic_write_bytes


def _service(args):
    from kiosk.service import KioskService

    return KioskService(args.settings)


def _emit(args, data, text: str) -> None:
    from kiosk.cli import _emit as emit

    emit(args, data, text)


def cmd_audit(args) -> int:
    service = _service(args)
    log = service.audit
    if args.action == "verify":
        check = log.verify()
        text = (f"audit trail intact: {check.rows} rows" if check.ok else
                f"audit trail BROKEN after {check.rows} rows: {check.problem}")
        _emit(args, check.as_dict(), text)
        return 0 if check.ok else 1
    rows = log.rows(args.date_from, args.date_to, action=args.only, subject=args.id)
    if args.action == "export":
        if not args.out:
            raise ValueError("audit export needs --out FILE.csv")
        count = log.export_csv(args.out, rows)
        service.audit_event(audit_actions.AUDIT_EXPORT, detail={"rows": count, "out": str(args.out)})
        _emit(args, {"rows": count, "out": str(args.out)}, f"wrote {count} audit rows to {args.out}")
        return 0
    text = "\n".join(f"{r['timestamp']}  {r['role']:<6} {r['actor']:<12} {r['action']:<24} {r['subject']:<12} "
                     f"{json.dumps(r['detail'], ensure_ascii=False) if r['detail'] else ''}".rstrip()
                     for r in rows) or "the audit trail is empty"
    _emit(args, rows, text)
    return 0


def cmd_purge(args) -> int:
    service = _service(args)
    report = service.purge(dry_run=args.dry_run)
    verb = "would remove" if args.dry_run else "removed"
    policy = service.retention.describe()
    text = (f"{verb} {report.unknown_rows} unknown-face access-log rows (kept: {policy['unknown_days']}), "
            f"{report.access_rows} other access-log rows ({policy['access_days']}), "
            f"{report.attendance_rows} attendance rows ({policy['attendance_days']}), "
            f"{report.photos} stored photos ({policy['photos_days']})")
    _emit(args, report.as_dict() | {"policy": policy}, text)
    return 0


def person_archive(service, user_id: str) -> tuple[bytes, dict]:
    """A ZIP of everything stored about one person: details, templates, photos, attendance,
    access-log and audit rows (a subject-access request, GDPR art. 15)."""
    folder = service.store.folder_of(user_id)
    employee = service.db.get_employee(user_id)
    if folder is None and employee is None:
        raise KeyError(f"nobody with worker ID {user_id} is enrolled or on record")
    everything = (date(1970, 1, 1), date(9999, 12, 30))
    summary = {
        "worker_id": user_id,
        "employee": employee,
        "attendance": service.db.attendance(*everything, employee_id=user_id),
        "access_log": service.db.access_log(*everything, employee_id=user_id),
        "audit": service.audit.rows(subject=user_id),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        files = []
        if folder is not None:
            record = service.store.load(folder)
            summary["metadata"] = record.metadata
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                name = f"gallery/{path.relative_to(folder).as_posix()}"
                archive.writestr(name, path.read_bytes())
                files.append(name)
        summary["files"] = files
        archive.writestr("person.json", json.dumps(summary, indent=2, ensure_ascii=False, default=str))
    counts = {"files": len(files), "attendance": len(summary["attendance"]),
              "access_log": len(summary["access_log"]), "audit": len(summary["audit"])}
    return buffer.getvalue(), counts


def cmd_person(args) -> int:
    service = _service(args)
    data, counts = person_archive(service, args.id)
    out = Path(args.out)
    atomic_write_bytes(out, data)
    out.chmod(0o600)  # biometric data: readable by whoever asked for it only
    service.audit_event(audit_actions.PERSON_EXPORT, args.id, out=str(out), **counts)
    _emit(args, counts | {"out": str(out)},
          f"wrote everything stored about {args.id} to {out}: {counts['files']} gallery files, "
          f"{counts['attendance']} check-ins, {counts['access_log']} access-log rows, {counts['audit']} audit rows")
    return 0


def add_parser(subparsers) -> argparse.ArgumentParser:
    from kiosk.cli import _parse_date

    p = subparsers.add_parser("audit", help="the HR audit trail: list, verify the hash chain, export CSV",
                              description="Every HR and admin action (who, when, what, on whom). "
                                          "`verify` checks the tamper-evident hash chain.")
    p.add_argument("action", nargs="?", choices=["list", "verify", "export"], default="list")
    p.add_argument("--from", dest="date_from", type=_parse_date, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=_parse_date, metavar="YYYY-MM-DD")
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

    p = subparsers.add_parser("person", help="everything stored about one person (subject-access request)")
    p.add_argument("action", choices=["export"])
    p.add_argument("id", help="worker ID")
    p.add_argument("--out", required=True, metavar="FILE.zip")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_person)
    return p
