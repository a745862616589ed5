"""Gallery and attendance database kept in agreement. The gallery folders are the truth for
who is enrolled (a change is only final once its folder is in place, see GalleryStore.Change);
the `employees` table follows them. Run at start (KioskService) and by `kiosk doctor`."""
from __future__ import annotations

import json
import logging
from pathlib import Path

from kiosk.gallery.folders import folder_identity, is_test_entry
from kiosk.gallery.store import GalleryStore

log = logging.getLogger(__name__)


def enrolled_folders(store: GalleryStore) -> dict[str, Path]:
    """{worker ID: folder} for every person folder (loadable or not: a damaged person is still
    enrolled, just skipped at load until repaired)."""
    out: dict[str, Path] = {}
    if not store.root.is_dir():
        return out
    for folder in sorted(store.root.iterdir()):
        if folder.is_dir() and "_" in folder.name and not folder.name.startswith("."):
            user_id, name = folder_identity(folder)
            if not is_test_entry(user_id, name):
                out.setdefault(user_id, folder)
    return out


def _details(folder: Path) -> tuple[str, str]:
    """Name and mobile from metadata.json (the full name), else from the folder name."""
    try:
        meta = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
        if isinstance(meta, dict) and isinstance(meta.get("name"), str):
            return meta["name"], str(meta.get("mobile") or "")
    except (OSError, ValueError):
        pass
    return folder_identity(folder)[1], ""


def disagreements(store: GalleryStore, db) -> tuple[list[str], list[str], list[str]]:
    """(in the gallery but not in `employees`, in the gallery but marked deleted there,
    active in `employees` with no gallery folder)."""
    folders = enrolled_folders(store)
    rows = {r["id"]: r for r in db.list_employees(include_inactive=True)}
    missing = [uid for uid in folders if uid not in rows]
    inactive = [uid for uid in folders if uid in rows and not rows[uid]["active"]]
    orphans = [uid for uid, r in rows.items() if r["active"] and uid not in folders]
    return missing, inactive, orphans


def reconcile(store: GalleryStore, db, deactivate_orphans: bool = False) -> list[str]:
    """Add or reactivate the database row of every person in the gallery (what a crash between
    the folder rename and the database write leaves); with `deactivate_orphans`, also mark
    deleted the active rows that have no folder (`kiosk doctor --repair`). Returns what was done."""
    folders = enrolled_folders(store)
    missing, inactive, orphans = disagreements(store, db)
    done = []
    for uid in missing + inactive:
        name, mobile = _details(folders[uid])
        db.upsert_employee(uid, name, mobile or None)
        done.append(f"{'added' if uid in missing else 'reactivated'} {uid} ({name}) in the database: "
                    f"they are in the gallery")
    rows = {r["id"]: r for r in db.list_employees()}
    for uid, folder in folders.items():  # a re-enrolment under a new name killed before its row
        name, mobile = _details(folder)
        if uid in rows and rows[uid]["name"] != name:
            db.upsert_employee(uid, name, mobile or rows[uid]["mobile"])
            done.append(f"renamed {uid} to {name} in the database, as in the gallery")
    if deactivate_orphans:
        for uid in orphans:
            db.delete_employee(uid)
            done.append(f"marked {uid} deleted in the database: no gallery folder")
    for line in done:
        log.warning("reconcile: %s", line)
    return done
