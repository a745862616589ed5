"""A person's folder in the gallery, apart from what is in it: its safe name, the worker ID and
name it belongs to, its metadata, the work folders beside it, and a change not yet final. Shared by
the store, its renames and the learned templates, so none of them imports another for these."""
from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path

from kiosk.common.fsutil import durable_rename, fsync_dir
from kiosk.common.refusals import Sentence

# Folder names are capped in UTF-8 bytes (file systems allow 255): 79 emoji are 316 bytes. The
# full name is kept in metadata.json, which is what the loader shows.
FOLDER_NAME_BYTES = 120
# Work folders beside the people (dot-prefixed, never loaded): `.tmp-` an enrolment being
# written, `.trash-` a person moved aside by a change not yet final (restored at start if the
# process died), `.deleted-` removed for good (finished at start).
TMP, TRASH, DELETED = ".tmp-", ".trash-", ".deleted-"
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                     *(f"LPT{i}" for i in range(1, 10))}


def safe_folder_name(user_id: str, name: str) -> str:
    """`{user_id}_{name}` made safe on every file system: no separators, no `..`, no control or
    reserved characters, NFC-normalised (accents kept), at most 80 characters."""
    clean = unicodedata.normalize("NFC", name)
    clean = _UNSAFE.sub("_", clean)
    clean = re.sub(r"\s+", " ", clean).strip(" .")
    clean = re.sub(r"\.{2,}", ".", clean)
    if not clean or clean.upper() in _WINDOWS_RESERVED:
        clean = "person"
    folder = f"{user_id}_{clean}"[:80].rstrip(" .")
    while len(folder.encode("utf-8")) > FOLDER_NAME_BYTES:
        folder = folder[:-1].rstrip(" .")
    return folder


def read_metadata(folder: Path) -> dict:
    try:
        data = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def folder_identity(folder: Path) -> tuple[str, str]:
    """(worker ID, name) of a person folder: metadata.json's (an ID may hold underscores, so the
    folder name alone cannot say where the ID ends), else the folder name split at its first
    underscore (the original system's folders, whose IDs had none)."""
    user_id, _, name = folder.name.partition("_")
    try:
        meta = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return user_id, name
    if isinstance(meta, dict):
        if isinstance(meta.get("user_id"), str) and meta["user_id"]:
            user_id = meta["user_id"]
        if isinstance(meta.get("name"), str):
            name = meta["name"]
    return user_id, name


def is_test_entry(user_id: str, name: str) -> bool:
    """The seed's test folders (`img_<n>`, or a name of digits only) are not people: the loader
    skips them, so enrolment must refuse such details rather than create a ghost."""
    return user_id == "img" or name.strip().isdigit()


class GalleryError(RuntimeError):
    """A gallery operation that cannot be done; the message is fit for the user."""


def taken_message(user_id: str, holder: str, name: str = "") -> str:
    """Why `user_id` cannot be given: `holder` has it already, in another case."""
    return Sentence("worker_id.taken", worker_id=user_id, holder=f"{holder} ({name})" if name else holder)


class Change:
    """A gallery change made but not final yet (its database row is written in between):
    `commit()` makes it final, `rollback()` undoes it. It holds the gallery lock until then, so
    another process's start-up recovery never takes it for the leftovers of a crash. `store` is
    the GalleryStore that made it."""

    def __init__(self, store, lock: int | None, new: Path | None = None,
                 trash: Path | None = None, old_name: str | None = None, journal: Path | None = None):
        self.store, self._lock = store, lock
        self.new, self.trash, self.old_name = new, trash, old_name
        self.journal = journal  # a rename's (RENAME_JOURNAL): removed once the change is final or undone

    def commit(self) -> None:
        try:
            if self.trash is not None:
                self.store.discard_folder(self.trash)
            if self.journal is not None:
                self.journal.unlink(missing_ok=True)
                fsync_dir(self.journal.parent)
        finally:
            self._release()

    def rollback(self) -> None:
        try:
            if self.new is not None:
                self.store.discard_folder(self.new)
            if self.trash is not None:
                durable_rename(self.trash, self.store.root / self.old_name)
            if self.journal is not None:
                self.journal.unlink(missing_ok=True)
                fsync_dir(self.journal.parent)
        finally:
            self._release()

    def _release(self) -> None:
        if self._lock is not None:
            os.close(self._lock)  # closing the descriptor drops the flock
            self._lock = None
