"""Learned real-mask templates: a person's own mask, seen at the kiosk, kept as a template.

Synthetic masks do not look like real ones to the embedder (docs/evaluation): the face of a
worker who checked in by PIN wearing their mask is the best masked template there is. Layout,
beside the seed layout of the person's folder:

    masked/learned/real_N.npy   the embedding (with the embedder named in metadata.json)
    masked/learned/real_N.jpg   the face crop it came from (to re-embed with another model)
Both are sealed like the rest of the gallery (kiosk.security.at_rest, through the store).
    metadata.json  "learned": [{"name": "real_N", "date", "source": "pin" | "face",
                                "status": "active" | "pending", "embedder", "similarity", ...}]

metadata.json is the commit point: files are written first, then the list (atomically), so a
crash leaves at most an unlisted file, never a listed template without its file. Only
"active" entries of the person's embedder take part in matching; "pending" ones wait for HR
approval (docs/evaluation/learned_masks.md: why, and the rule that decides which is which).
At most MAX_ACTIVE active and MAX_PENDING pending per person; the oldest is replaced."""
from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import numpy as np

from kiosk.common.fsutil import atomic_write_text
from kiosk.gallery.folders import GalleryError, folder_identity, read_metadata
from kiosk.security.at_rest import array_bytes

LEARNED_DIR = Path("masked") / "learned"
ACTIVE, PENDING = "active", "pending"
MAX_ACTIVE = 5
MAX_PENDING = 3
# A person's learned entries; named here because LearnedTemplates.list hides the builtin inside the class.
Entries = list[dict]
Expired = list[tuple[str, str]]  # (worker ID, template name)


def entries(metadata: dict) -> list[dict]:
    """The learned entries listed in a person's metadata (well-formed ones only)."""
    listed = metadata.get("learned", [])
    if not isinstance(listed, list):
        return []
    return [e for e in listed if isinstance(e, dict) and isinstance(e.get("name"), str)
            and re.fullmatch(r"real_\d+", e["name"])]


def load_active(folder: Path, metadata: dict, embedder: str, dim: int, load_array) -> dict[str, np.ndarray]:
    """name -> vector of the active entries embedded with `embedder` at `dim` numbers, read by
    `load_array` (the store's: files may be sealed). A missing or damaged file is skipped (the
    person keeps their other templates)."""
    out = {}
    for entry in entries(metadata):
        if entry.get("status") != ACTIVE or entry.get("embedder") != embedder:
            continue
        try:
            vector = load_array(folder / LEARNED_DIR / f"{entry['name']}.npy").astype(np.float32)
        except (OSError, ValueError, EOFError):
            continue
        if vector.shape == (dim,) and np.isfinite(vector).all():
            out[entry["name"]] = vector
    return out


def carry_over(old_folder: Path, new_folder: Path) -> None:
    """A re-enrolment or re-embedding (GalleryStore.save with replace) keeps the person's learned
    templates: their files and their metadata entries move to the new folder (before it is
    renamed into place). Entries of another embedder stay listed for `kiosk reembed`."""
    old_meta = read_metadata(old_folder)
    listed = entries(old_meta)
    if not listed or not (old_folder / LEARNED_DIR).is_dir():
        return
    shutil.copytree(old_folder / LEARNED_DIR, new_folder / LEARNED_DIR, dirs_exist_ok=True)
    new_meta = read_metadata(new_folder)
    new_meta["learned"] = listed
    atomic_write_text(new_folder / "metadata.json", json.dumps(new_meta, indent=2, ensure_ascii=False))


class LearnedTemplates:
    """Adds, approves, re-embeds and removes one gallery's learned templates."""

    def __init__(self, store):
        self.store = store

    def _folder(self, user_id: str) -> Path:
        folder = self.store.folder_of(user_id)
        if folder is None:
            raise GalleryError(f"no enrolled person has worker ID {user_id}")
        return folder

    def list(self, user_id: str) -> list[dict]:
        """The person's entries, newest first, each with its crop's path."""
        folder = self._folder(user_id)
        out = [e | {"crop": str(folder / LEARNED_DIR / f"{e['name']}.jpg")} for e in entries(read_metadata(folder))]
        return sorted(out, key=lambda e: e.get("date", ""), reverse=True)

    def crop(self, entry: dict) -> np.ndarray:
        """The face crop of a listed entry, as BGR (it may be sealed: never read it directly)."""
        return self.store.load_photo(Path(entry["crop"]))

    def add(self, user_id: str, vector: np.ndarray, crop_jpeg: bytes, *, embedder: str, source: str,
            status: str = ACTIVE, now: datetime | None = None, **info) -> str:
        """Store one template (and its crop); the oldest of the same status goes when full."""
        folder = self._folder(user_id)
        meta = read_metadata(folder)
        listed = entries(meta)
        number = max((int(e["name"][5:]) for e in listed), default=0) + 1
        while (folder / LEARNED_DIR / f"real_{number}.npy").exists():  # an unlisted file of a crash
            number += 1
        name = f"real_{number}"
        self.store.replace_file(folder / LEARNED_DIR / f"{name}.npy", array_bytes(vector))
        self.store.replace_file(folder / LEARNED_DIR / f"{name}.jpg", crop_jpeg)
        moment = (now or datetime.now()).replace(microsecond=0).isoformat()
        listed.append({"name": name, "date": moment, "source": source, "status": status,
                       "embedder": embedder} | {k: v for k, v in info.items() if v is not None})
        dropped = _over_limit(listed)
        self._commit(folder, meta, [e for e in listed if e not in dropped], dropped)
        return name

    def approve(self, user_id: str, name: str) -> None:
        """HR accepts a pending template: it takes part in matching from now on."""
        folder = self._folder(user_id)
        meta = read_metadata(folder)
        listed = entries(meta)
        entry = _find(listed, name, user_id)
        entry["status"] = ACTIVE
        dropped = _over_limit(listed)
        self._commit(folder, meta, [e for e in listed if e not in dropped], dropped)

    def remove(self, user_id: str, name: str) -> None:
        folder = self._folder(user_id)
        meta = read_metadata(folder)
        listed = entries(meta)
        entry = _find(listed, name, user_id)
        self._commit(folder, meta, [e for e in listed if e is not entry], [entry])

    def set_vector(self, user_id: str, name: str, vector: np.ndarray, embedder: str) -> None:
        """Replace a template's embedding (re-embedded from its crop with another model)."""
        folder = self._folder(user_id)
        meta = read_metadata(folder)
        listed = entries(meta)
        _find(listed, name, user_id)["embedder"] = embedder
        self.store.replace_file(folder / LEARNED_DIR / f"{name}.npy", array_bytes(vector))
        self._commit(folder, meta, listed, [])

    def expired(self, cutoff: datetime) -> Expired:
        """(worker ID, name) of every learned template whose face crop was stored before `cutoff`
        (local time): the retention purge removes them (kiosk.attendance.retention). A template
        goes with its crop: without it HR cannot look at it nor `kiosk reembed` rebuild it, and
        the next masked PIN check-in learns the person's mask again."""
        out: Expired = []
        root = self.store.root
        for folder in sorted(root.iterdir()) if root.is_dir() else ():
            if not folder.is_dir() or folder.name.startswith(".") or "_" not in folder.name:
                continue
            try:
                user_id = folder_identity(folder)[0]
                listed = entries(read_metadata(folder))
            except (GalleryError, OSError, ValueError):  # a damaged folder: doctor's finding, not the purge's
                continue
            out += [(user_id, e["name"]) for e in listed if _stored_at(folder, e) < cutoff]
        return out

    def _commit(self, folder: Path, meta: dict, keep: Entries, dropped: Entries) -> None:
        meta["learned"] = keep
        atomic_write_text(folder / "metadata.json", json.dumps(meta, indent=2, ensure_ascii=False))
        for entry in dropped:
            for suffix in (".npy", ".jpg"):
                (folder / LEARNED_DIR / f"{entry['name']}{suffix}").unlink(missing_ok=True)
        # The service reloads its matcher when the gallery folder's time changes (any process).
        os.utime(self.store.root)


def purge_learned(store, cutoff: datetime, dry_run: bool = False,
                  changed: Callable[[str], object] | None = None) -> int:
    """Remove (or with `dry_run` only count) the learned templates whose crops are older than
    `cutoff` (LearnedTemplates.expired); `changed` is told each person changed (a site's kiosk
    hands them on). A single kiosk's matcher reloads by itself (the gallery folder's time)."""
    learned = LearnedTemplates(store)
    expired = learned.expired(cutoff)
    if not dry_run:
        for user_id, name in expired:
            learned.remove(user_id, name)
        for user_id in dict.fromkeys(u for u, _ in expired):
            if changed is not None:
                changed(user_id)
    return len(expired)


def _stored_at(folder: Path, entry: dict) -> datetime:
    """When a learned crop was stored, as local naive time: its recorded date, else its file's time."""
    try:
        moment = datetime.fromisoformat(str(entry.get("date")))
        return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment
    except ValueError:
        try:
            return datetime.fromtimestamp((folder / LEARNED_DIR / f"{entry['name']}.jpg").stat().st_mtime)
        except OSError:
            return datetime.min  # neither a date nor a crop: nothing worth keeping


def _find(listed: list[dict], name: str, user_id: str) -> dict:
    for entry in listed:
        if entry["name"] == name:
            return entry
    raise GalleryError(f"{user_id} has no learned template {name!r}")


def _over_limit(listed: list[dict]) -> list[dict]:
    """The oldest entries beyond MAX_ACTIVE active / MAX_PENDING pending."""
    dropped = []
    for status, limit in ((ACTIVE, MAX_ACTIVE), (PENDING, MAX_PENDING)):
        same = sorted((e for e in listed if e.get("status") == status), key=lambda e: (e.get("date", ""), e["name"]))
        dropped += same[:max(0, len(same) - limit)]
    return dropped
