"""A person's worker ID changed in the `embeddings/` folder (GalleryStore holds a GalleryRenames
as `renames` and delegates to it; the whole rename across the stores is
kiosk.app.worker_id_change). The folder is copied under its new name (hard links: no second
copy of the photos) with metadata.json saying the new ID, and the old folder is moved aside,
as a re-enrolment does. A journal (RENAME_JOURNAL) says what is under way until the database
has followed: a crash is undone at start when the new folder never got into place, and
finished when it did (GalleryStore.recover, kiosk.app.worker_id_change.finish_pending)."""
from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path
from typing import Protocol

from kiosk.common import worker_id
from kiosk.common.fsutil import atomic_write_text, fsync_dir, fsync_tree
from kiosk.gallery.folders import (
    TMP,
    TRASH,
    Change,
    GalleryError,
    folder_identity,
    read_metadata,
    safe_folder_name,
    taken_message,
)

RENAME_JOURNAL = ".rename.json"


def renamed_metadata(metadata: dict, old: str, new: str) -> dict:
    """A person's metadata after their worker ID changed from `old` to `new` (the earlier IDs
    are kept in `renamed_from`: a site's kiosks rename their own files from it)."""
    previous = metadata.get("renamed_from")
    history: list = previous if isinstance(previous, list) else []
    return dict(metadata) | {"user_id": new, "renamed_from": [*history, old]}


class RenamableGallery(Protocol):
    """What a rename needs of the gallery (GalleryStore): a Protocol, as the store imports this module."""

    root: Path

    def lock(self) -> int | None: ...

    def stray(self) -> list[Path]: ...

    def folder_of(self, user_id: str, exact: bool = False) -> Path | None: ...

    def folders_like(self, user_id: str) -> dict[str, Path]: ...

    def trash_origin(self, path: Path) -> str | None: ...

    def discard_folder(self, folder: Path) -> None: ...

    def move_into_place(self, tmp: Path, final: Path, existing: Path | None, between: str,
                        after: str) -> Path | None: ...


class GalleryRenames:
    """The worker-ID renames of one gallery (its folders, lock and journal)."""

    def __init__(self, store: RenamableGallery) -> None:
        self.store = store

    def pending_rename(self) -> dict | None:
        """The worker-ID rename under way or interrupted ({old, new, from, to}), or None."""

        path = self.store.root / RENAME_JOURNAL
        try:
            journal = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise GalleryError(f"{path} is damaged ({exc}): see `kiosk doctor`") from exc
        keys = ("old", "new", "from", "to")
        if not isinstance(journal, dict) or not all(isinstance(journal.get(k), str) for k in keys):
            raise GalleryError(f"{path} is damaged (not a rename): see `kiosk doctor`")
        return journal

    def finish_rename(self) -> None:
        """The database has followed the pending rename (kiosk.app.worker_id_change.finish_pending): the
        old folder goes for good, and the journal."""

        fd = self.store.lock()
        try:
            rename = self.pending_rename()
            if rename is None:
                return
            for path in self.store.stray():
                if path.name.startswith(TRASH) and self.store.trash_origin(path) == rename["from"]:
                    self.store.discard_folder(path)
            (self.store.root / RENAME_JOURNAL).unlink(missing_ok=True)
            fsync_dir(self.store.root)
        finally:
            if fd is not None:
                os.close(fd)

    def rename_staged(self, old: str, new: str) -> Change:
        """Give the person with worker ID `old` the ID `new`: their folder is copied (hard links:
        no second copy of the photos) under its new name, metadata.json saying the new ID (and the
        old ones in `renamed_from`), and the old folder is moved aside. RENAME_JOURNAL records
        what is under way, so a crash is finished or undone at start (recover). `commit()`
        removes the old folder for good, `rollback()` puts it back."""

        problem = worker_id.problem(new)
        if problem:
            raise GalleryError(problem)
        store = self.store
        fd = store.lock()
        tmp = store.root / f"{TMP}{uuid.uuid4().hex}"
        journal = store.root / RENAME_JOURNAL
        folder = None
        try:
            if journal.exists():
                raise GalleryError("another worker-ID rename was interrupted: run `kiosk doctor --repair` first")
            folder = store.folder_of(old, exact=True)
            if folder is None:
                raise GalleryError(f"no enrolled person has worker ID {old}")
            holders = {i: f for i, f in store.folders_like(new).items() if i != old}
            if holders:
                holder = next(iter(holders))
                raise GalleryError(taken_message(new, holder, folder_identity(holders[holder])[1]))
            meta = read_metadata(folder)
            final = store.root / safe_folder_name(new, str(meta.get("name") or folder_identity(folder)[1]))
            atomic_write_text(journal, json.dumps({"old": old, "new": new, "from": folder.name, "to": final.name},
                                                  ensure_ascii=False))
            shutil.copytree(folder, tmp, copy_function=os.link)
            atomic_write_text(tmp / "metadata.json", json.dumps(renamed_metadata(meta, old, new), indent=2,
                                                                ensure_ascii=False))
            fsync_tree(tmp)
            trash = store.move_into_place(tmp, final, folder, "rename-between-renames", "rename-after-gallery")
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            if folder is not None:
                journal.unlink(missing_ok=True)
            if fd is not None:
                os.close(fd)
            raise
        return Change(store, fd, new=final, trash=trash, old_name=folder.name, journal=journal)
