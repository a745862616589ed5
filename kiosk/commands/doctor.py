"""`kiosk doctor`: is this data folder healthy? Gallery against the database, folders left by
a crash, SQLite's integrity check, the audit trail's hash chain, outbox entries waiting, file
modes (private to the kiosk's user), free space, model files. `--repair` does what is safe
without a person deciding: recover the crash leftovers, bring the database in line with the
gallery, write the outbox, make files private. A damaged database is never "repaired" by deleting
rows: the report says to restore a backup."""
from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
from dataclasses import dataclass, field

from kiosk.app.audit_watch import chain_warning
from kiosk.app.from_settings import attendance_db, gallery_cipher_for
from kiosk.app.reconcile import disagreements, enrolled_folders, reconcile
from kiosk.attendance.errors import explain
from kiosk.attendance.outbox import Outbox
from kiosk.common.private import loose_modes, tighten
from kiosk.common.worker_id import case_duplicates
from kiosk.gallery.folders import GalleryError, folder_identity
from kiosk.gallery.store import GalleryStore
from kiosk.security.at_rest import GalleryKeyError
from kiosk.security.audit import TABLE as AUDIT_TABLE
from kiosk.security.audit import AuditLog
from kiosk.vision.pipeline import load_pipeline

LOW_SPACE_BYTES = 500 * 1024 * 1024


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    repaired: list[str] = field(default_factory=list)

    def line(self) -> str:
        mark = "ok     " if self.ok else "PROBLEM"
        text = f"{mark} {self.name}: {self.detail}"
        return text + "".join(f"\n        repaired: {r}" for r in self.repaired)


def integrity(db_path) -> tuple[bool, str]:
    """PRAGMA integrity_check on the file, read-only (nothing is created or changed)."""
    if db_path.is_dir():
        return False, explain(sqlite3.DatabaseError("a folder is in its place"), db_path)
    if not db_path.exists():
        return True, f"{db_path} does not exist yet (made at the first check-in)"
    try:
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return False, explain(exc, db_path)
    if rows == ["ok"]:
        return True, f"{db_path}: integrity check ok"
    return False, explain(sqlite3.DatabaseError("; ".join(rows[:3])), db_path)


def diagnose(settings, repair: bool = False, models: bool = True) -> list[Check]:
    checks = [_file_modes(settings, repair)]  # first: opening the database makes its folder private
    store = GalleryStore(settings.embeddings_dir, cipher=gallery_cipher_for(settings))
    stray = store.stray()
    damaged = False
    try:
        rename = store.pending_rename()
    except GalleryError as exc:  # a damaged journal: said, and left for a person (nothing is guessed)
        checks.append(Check("interrupted rename", False, f"{exc}; restore the data folder from a backup"))
        rename, damaged = None, True
    detail = f"{len(stray)} in {store.root}: " + ", ".join(p.name for p in stray) if stray else "none"
    if rename is not None:
        detail += (f"; the rename of worker ID {rename['old']} to {rename['new']} was interrupted (--repair "
                   f"{'finishes' if (store.root / rename['to']).is_dir() else 'undoes'} it)")
    check = Check("leftover work folders", not stray and rename is None, detail)
    if (stray or rename is not None) and repair and not damaged:
        from kiosk.app.service import KioskService
        from kiosk.app.worker_id_change import finish_pending

        check.repaired = store.recover() + finish_pending(KioskService(settings))
        check.ok = not store.stray() and store.pending_rename() is None
    checks.append(check)

    try:
        records, warnings = store.load_all()
    except GalleryKeyError as exc:  # sealed with a key this machine does not hold: nobody loads
        records, warnings = [], [f"broken ({exc})"]
    broken = [w for w in warnings if "broken" in w]
    checks.append(Check("gallery", not broken, (f"{len(records)} person loads" if len(records) == 1 else f"{len(records)} people load") +
                        "".join(f"; {w}" for w in broken) +
                        ("" if not broken else " (re-enroll them, or restore their folder from a backup)")))

    ok, detail = integrity(settings.db_path)
    checks.append(Check("database", ok, detail))
    db = None
    if ok:
        try:
            db = attendance_db(settings)
        except sqlite3.Error as exc:
            checks[-1] = Check("database", False, explain(exc, settings.db_path))
    if db is not None:
        with db:
            missing, inactive, orphans = disagreements(store, db)
            parts = [f"{len(missing)} in the gallery but not in the database" if missing else "",
                     f"{len(inactive)} in the gallery but marked deleted" if inactive else "",
                     f"{len(orphans)} active in the database without a gallery folder "
                     f"({', '.join(orphans[:5])})" if orphans else ""]
            problems = "; ".join(p for p in parts if p)
            check = Check("gallery vs database", not problems, problems or "they agree")
            if problems and repair:
                check.repaired = reconcile(store, db, deactivate_orphans=True)
                check.ok = not any(disagreements(store, db))
            checks.append(check)
            checks.append(_case_twins(store, db))
            checks.append(_audit_chain(db, repair))
            outbox = Outbox(settings.data_dir / "outbox")
            waiting = len(outbox)
            check = Check("outbox", not waiting, f"{waiting} writes waiting in {outbox.folder}" if waiting else "empty")
            if waiting and repair:
                check.repaired = [f"wrote {outbox.deliver(db)} waiting writes to the database"]
                check.ok = not len(outbox)
            checks.append(check)

    target = settings.data_dir if settings.data_dir.exists() else settings.data_dir.parent
    free = shutil.disk_usage(target).free
    checks.append(Check("free space", free >= LOW_SPACE_BYTES,
                        f"{free / 2**30:.1f} GB free on the disk of {settings.data_dir}"
                        + ("" if free >= LOW_SPACE_BYTES else ": less than 500 MB, free some space")))
    if models:
        checks.append(_models(settings))
    return checks


def _case_twins(store, db) -> Check:
    """Worker IDs that differ only in case (enrolled before IDs were unique regardless of case):
    the keypad and the CLI cannot tell them apart. A person decides which one gets a new ID."""

    folders = enrolled_folders(store)
    rows = {r["id"]: r for r in db.list_employees(include_inactive=True)}
    groups = case_duplicates([*folders, *rows])
    if not groups:
        return Check("worker IDs", True, "unique regardless of case")

    def who(uid: str) -> str:
        if uid in folders:
            return f"{uid} ({folder_identity(folders[uid])[1]})"
        return f"{uid} ({rows[uid]['name']}, {'deleted' if not rows[uid]['active'] else 'no gallery folder'})"

    pairs = "; ".join(" and ".join(who(uid) for uid in group) for group in groups)
    return Check("worker IDs", False, f"{len(groups)} {'set' if len(groups) == 1 else 'sets'} of worker IDs differ "
                                      f"only in case: {pairs}. Worker IDs are the same regardless of case, so the "
                                      f"keypad cannot tell these apart: give all but one a new ID with "
                                      f"`kiosk rename-id {groups[0][-1]} NEW-ID` (or \"Change worker ID\" on the "
                                      f"Employees screen)")


def _audit_chain(db, repair: bool) -> Check:
    """The audit trail's hash chain walked (AuditLog.verify), and its append-only triggers in place.
    A broken chain is never repaired (the edit is the finding: restore a backup); dropped
    triggers are put back by --repair (as the kiosk does when it opens the trail)."""
    if not db.db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [AUDIT_TABLE]).fetchone():
        return Check("audit trail", True, "empty (nothing recorded yet)")
    triggers = {r[0] for r in db.db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    dropped = [t for t in (f"{AUDIT_TABLE}_no_update", f"{AUDIT_TABLE}_no_delete") if t not in triggers]
    chain = AuditLog(db, create=repair).verify()
    parts = [f"hash chain of {chain.rows} rows intact" if chain.ok else chain_warning(chain)]
    if dropped and not repair:
        parts.append(f"the triggers that keep it append-only were removed ({', '.join(dropped)}; --repair "
                     f"puts them back)")
    check = Check("audit trail", chain.ok and not (dropped and not repair), "; ".join(parts))
    if dropped and repair:
        check.repaired = [f"put back the audit trail's append-only triggers ({', '.join(dropped)})"]
    return check


def _file_modes(settings, repair: bool) -> Check:
    """Folders 0700 and files 0600 (kiosk.common.private): a database, gallery or export that
    other users of this machine can read is a finding; --repair removes their access."""
    loose = loose_modes(settings.data_dir)
    if not loose:
        return Check("file modes", True, f"everything in {settings.data_dir} is private to its owner")
    shown = ", ".join(f"{path.relative_to(settings.data_dir).as_posix() or '.'} {mode:04o}" for path, mode in loose[:5])
    more = f" and {len(loose) - 5} more" if len(loose) > 5 else ""
    check = Check("file modes", False, f"{len(loose)} in {settings.data_dir} can be read or entered by other users "
                                       f"({shown}{more}): folders should be 0700 and files 0600")
    if repair:
        changed = tighten(settings.data_dir)
        failed = [c for c in changed if c.startswith("could not")]
        check.repaired = [f"made {len(changed) - len(failed)} files and folders private (group and others "
                          f"removed)", *failed]
        check.ok = not loose_modes(settings.data_dir)
    return check


def _models(settings) -> Check:
    try:
        pipeline = load_pipeline(settings)
    except Exception as exc:  # any failure to load is the finding itself
        return Check("model files", False, f"the face models cannot be loaded: {exc} (see `kiosk models`)")
    return Check("model files", True, pipeline.description)


def cmd_doctor(args) -> int:
    checks = diagnose(args.settings, repair=args.repair, models=not args.no_models)
    if args.json:
        print(json.dumps([c.__dict__ for c in checks], indent=2, ensure_ascii=False))
    else:
        print("\n".join(c.line() for c in checks))
        if not all(c.ok for c in checks) and not args.repair:
            print("run `kiosk doctor --repair` to fix what is safe to fix", file=sys.stderr)
    return 0 if all(c.ok for c in checks) else 1


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "doctor", help="check the data folder (gallery vs database, leftovers, integrity, audit chain, "
                       "file modes, space, models)",
        description="Checks the data folder and, with --repair, fixes what is safe: leftovers of a crash, "
                    "database rows that disagree with the gallery, waiting outbox entries, files other users "
                    "can read. A broken audit chain is reported (never repaired). Exit 1 when a "
                    "problem remains.")
    p.add_argument("--repair", action="store_true", help="fix what is safe to fix")
    p.add_argument("--no-models", action="store_true", help="skip loading the face models")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_doctor)
    return p
