"""The `embeddings/` folder: one folder per person in the layout of the original system
(SPEC 3), written atomically (temp folder + rename) so a crash never leaves half a person.

    embeddings/{user_id}_{user_name}/
      centroid.npy, metadata.json
      originals/original_1.npy .. original_3.npy
      masked/img_1/{surgical_blue,...,gas}.npy ... masked/img_3/
      photos/photo_1.jpg ..           (the enrollment photos, to re-embed with another model)
      masked/learned/real_N.npy/.jpg  (real-mask templates learned at the kiosk: gallery/learned.py)
"""
from __future__ import annotations

import json
import logging
import os
import re
import shutil
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from kiosk.common import worker_id
from kiosk.common.fsutil import atomic_write_text, crash_point, durable_rename, fsync_dir, fsync_tree, naming
from kiosk.common.sealed_fields import open_row, seal_row, sealer_for
from kiosk.gallery import learned as learned_templates
from kiosk.gallery.folders import (
    DELETED,
    TMP,
    TRASH,
    Change,
    GalleryError,
    folder_identity,
    is_test_entry,
    read_metadata,
    safe_folder_name,
    taken_message,
)
from kiosk.gallery.renaming import RENAME_JOURNAL, GalleryRenames
from kiosk.security.at_rest import array_bytes, bytes_array, read_sealed, write_sealed
from kiosk.vision.image_io import decode_image

if sys.platform != "win32":  # Windows has no advisory locks: one kiosk process per data folder there
    import fcntl

log = logging.getLogger(__name__)

FORMAT_VERSION = 2
_TRASH_RE = re.compile(r"^\.trash-[0-9a-f]{12}-(.+)$")
@dataclass
class PersonRecord:
    """Everything stored for one enrolled person. masked maps image number (1-based) ->
    {mask_type: vector}."""

    user_id: str
    name: str
    embedder: str
    originals: np.ndarray
    masked: dict[int, dict[str, np.ndarray]] = field(default_factory=dict)
    mobile: str = ""
    metadata: dict = field(default_factory=dict)
    folder: Path | None = None
    # Active learned real-mask templates (kiosk.gallery.learned): name -> vector; masked templates.
    learned: dict[str, np.ndarray] = field(default_factory=dict)

    @property
    def centroid(self) -> np.ndarray:
        vectors = self.templates()[0]
        mean = vectors.mean(axis=0)
        return (mean / max(np.linalg.norm(mean), 1e-12)).astype(np.float32)

    def templates(self) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """All embeddings as one (K, D) float32 matrix, with a masked flag and a label per row."""
        rows = [np.asarray(v, np.float32) for v in self.originals]
        labels = [f"original_{i + 1}" for i in range(len(self.originals))]
        for img in sorted(self.masked):
            for mask_type, vector in self.masked[img].items():
                rows.append(np.asarray(vector, np.float32))
                labels.append(f"img_{img}/{mask_type}")
        for name in sorted(self.learned):
            rows.append(np.asarray(self.learned[name], np.float32))
            labels.append(f"learned/{name}")
        masked = np.array([not label.startswith("original") for label in labels], bool)
        return np.stack(rows), masked, labels

    def photo_paths(self) -> list[Path]:
        if self.folder is None or not (self.folder / "photos").is_dir():
            return []
        return sorted((self.folder / "photos").iterdir())


class GalleryStore:
    """`cipher` (kiosk.security.at_rest) seals templates and photos as they are written and opens
    them as they are read; without one, files are the seed's plain layout. Plain files always
    open, so a plain gallery keeps working and can be sealed in place."""

    def __init__(self, root: str | Path, cipher=None):
        self.root = Path(root)
        self.cipher = cipher
        self.fields = sealer_for(cipher)  # the mobile number sealed in metadata.json (sealed_fields)
        self.renames = GalleryRenames(self)

    # -- worker-ID renames (kiosk.gallery.renaming) ---------------------------------------

    def pending_rename(self) -> dict | None:
        """The worker-ID rename under way or interrupted ({old, new, from, to}), or None."""
        return self.renames.pending_rename()

    def finish_rename(self) -> None:
        """The database has followed the pending rename: the old folder goes, and the journal."""
        self.renames.finish_rename()

    def rename_staged(self, old: str, new: str) -> Change:
        """Give the person with worker ID `old` the ID `new`, final on `commit()` (renaming.py)."""
        return self.renames.rename_staged(old, new)

    def update_metadata(self, user_id: str, changes: dict) -> dict:
        """Change a person's details in metadata.json in place (a None value removes the key): no
        photos or templates are touched, and the folder keeps its name (metadata.json names the
        person). The gallery folder's time is bumped so every process's matcher reloads."""
        fd = self.lock()
        try:
            folder = self.folder_of(user_id, exact=True)
            if folder is None:
                raise GalleryError(f"no enrolled person has worker ID {user_id}")
            metadata = {k: v for k, v in (read_metadata(folder) | changes).items() if v is not None}
            self._write_metadata(folder / "metadata.json", metadata)
            os.utime(self.root)
            fsync_dir(self.root)
        finally:
            if fd is not None:
                os.close(fd)
        return open_row(self.fields, metadata)

    def _write_metadata(self, path: Path, metadata: dict) -> None:
        """metadata.json with its personal fields sealed when this gallery is (kiosk.common.sealed_fields)."""
        atomic_write_text(path, json.dumps(seal_row(self.fields, metadata), indent=2, ensure_ascii=False))

    # -- file contents, sealed or plain ---------------------------------------------------

    @staticmethod
    def _label(path: Path) -> str:
        """A file's role: its path inside the person's folder (bound into the seal)."""
        parts = os.fspath(path).replace(os.sep, "/").split("/")  # plain strings: it runs per file
        for i, part in enumerate(parts):
            if part in ("originals", "masked", "photos"):
                return "/".join(parts[i:])
        return parts[-1]

    def write_file(self, path: Path, data: bytes) -> None:
        with naming(path):  # a full disk names the file
            write_sealed(path, data, self.cipher, self._label(path))

    def replace_file(self, path: Path, data: bytes) -> None:
        """Seal and write one file in place, atomically (learned templates, PIN review frames)."""

        with naming(path):
            write_sealed(path, data, self.cipher, self._label(path), atomic=True)

    def read_file(self, path: Path) -> bytes:
        """A stored file's plain contents (for photos, templates and exports)."""

        return read_sealed(path, self.cipher, self._label(path))

    def save_array(self, path: Path, vector: np.ndarray) -> None:
        self.write_file(path, array_bytes(vector))

    def load_array(self, path: Path) -> np.ndarray:
        return bytes_array(self.read_file(path))

    def load_photo(self, path: Path) -> np.ndarray:
        """A stored enrolment photo as BGR (it may be sealed, so never read it directly)."""

        return decode_image(self.read_file(path), Path(path).name)

    def lock(self) -> int | None:
        """An exclusive lock on the gallery folder (flock; a kill -9 releases it), held by
        every change and by recovery. Returns the descriptor to close."""
        self.root.mkdir(parents=True, exist_ok=True)
        if sys.platform == "win32":
            return None
        fd = os.open(self.root, os.O_RDONLY)
        fcntl.flock(fd, fcntl.LOCK_EX)
        return fd

    def discard_folder(self, folder: Path) -> None:
        """Remove a folder for good: one atomic rename makes the removal final, then the files
        go (a crash during rmtree leaves a `.deleted-` folder that recovery finishes)."""
        gone = self.root / f"{DELETED}{uuid.uuid4().hex}"
        durable_rename(folder, gone)
        crash_point("discard-before-rmtree")
        shutil.rmtree(gone, ignore_errors=True)

    def stray(self) -> list[Path]:
        """Work folders left by an interrupted enrolment, re-enrolment or deletion."""
        if not self.root.is_dir():
            return []
        return sorted(p for p in self.root.iterdir() if p.name.startswith((TMP, TRASH, DELETED)))

    def recover(self) -> list[str]:
        """After a crash: a person moved aside by an unfinished change is put back (unless their
        new folder made it into place), unfinished enrolments and removals are deleted (they
        hold photos). An interrupted worker-ID rename is undone when the renamed folder never
        got into place; when it did, the rename goes forward: the old folder stays aside until
        kiosk.app.worker_id_change.finish_pending has moved the database too. Returns what was done."""
        if not self.stray() and not (self.root / RENAME_JOURNAL).exists():
            return []
        done = []
        fd = self.lock()
        try:
            rename = self.pending_rename()
            forward = rename is not None and (self.root / rename["to"]).is_dir()
            for path in self.stray():
                if path.name.startswith(TRASH):
                    name = self.trash_origin(path)
                    if forward and rename is not None and name == rename["from"]:
                        continue  # the renamed person's old folder: removed when the rename is finished
                    user_id = self._trash_user(path, name)
                    if name and user_id and self.folder_of(user_id, exact=True) is None:
                        durable_rename(path, self.root / name)
                        done.append(f"restored {name} (a re-enrolment, deletion or rename was interrupted)")
                        continue
                shutil.rmtree(path, ignore_errors=True)
                done.append(f"removed {path.name} (left by an interrupted change)")
            if rename is not None and not forward:
                (self.root / RENAME_JOURNAL).unlink()
                done.append(f"undid the interrupted rename of worker ID {rename['old']} to {rename['new']}")
            fsync_dir(self.root)
        finally:
            if fd is not None:
                os.close(fd)
        for line in done:
            log.warning("gallery recovery: %s", line)
        return done

    def _trash_for(self, folder: Path) -> Path:
        """Where a person is moved aside: the old folder name is kept in the trash name (for
        recovery) unless that would pass the 255-byte limit (a long legacy name: then
        recovery reads metadata.json)."""
        name = f"{TRASH}{uuid.uuid4().hex[:12]}-{folder.name}"
        return self.root / (name if len(name.encode("utf-8")) <= 255 else name[:len(TRASH) + 12])

    @staticmethod
    def _trash_user(path: Path, origin: str | None) -> str:
        """The worker ID of a person moved aside (metadata.json's; else from the old folder name)."""
        if (path / "metadata.json").is_file():
            return folder_identity(path)[0]
        return origin.partition("_")[0] if origin else ""

    @staticmethod
    def trash_origin(path: Path) -> str | None:
        """The folder name a `.trash-` folder had (in its name; older ones: from metadata)."""
        m = _TRASH_RE.match(path.name)
        if m:
            return m.group(1)
        try:
            meta = json.loads((path / "metadata.json").read_text(encoding="utf-8"))
            return safe_folder_name(str(meta["user_id"]), str(meta.get("name", "person")))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def folders_like(self, user_id: str) -> dict[str, Path]:
        """{stored ID: folder} of the people whose ID equals `user_id` regardless of case (one,
        except for case twins enrolled before IDs were unique regardless of case)."""
        if not self.root.is_dir():
            return {}
        prefix = worker_id.key(f"{user_id}_")
        found: dict[str, Path] = {}
        for entry in sorted(self.root.iterdir()):
            if entry.name.startswith(".") or not worker_id.key(entry.name).startswith(prefix) or not entry.is_dir():
                continue
            stored = folder_identity(entry)[0]
            if worker_id.same(stored, user_id):
                found.setdefault(stored, entry)
        return found

    def folder_of(self, user_id: str, exact: bool = False) -> Path | None:
        """The folder of the person with this worker ID: the exact ID first, else (unless
        `exact`) the one equal regardless of case. Raises AmbiguousWorkerId for case twins
        neither of which is exact."""
        found = self.folders_like(user_id)
        if exact:
            return found.get(user_id)
        stored = worker_id.find(user_id, found)
        return None if stored is None else found[stored]

    def exists(self, user_id: str) -> bool:
        """Whether anyone holds this worker ID, regardless of case."""
        return bool(self.folders_like(user_id))

    def save(self, record: PersonRecord, photos: list[bytes] | None = None, replace: bool = False) -> Path:
        """Write one person; the folder appears complete or not at all."""
        self.save_staged(record, photos, replace).commit()
        assert record.folder is not None, "save_staged sets the folder it wrote"
        return record.folder

    def save_staged(self, record: PersonRecord, photos: list[bytes] | None = None,
                    replace: bool = False) -> Change:
        """Write one person into place, keeping a replaced one aside until `commit()`."""
        change = self._stage(record.user_id, record.name, lambda tmp: self._write(tmp, record, photos or []),
                             replace, carry_learned=True)
        record.folder = change.new
        return change

    def put_files(self, user_id: str, name: str, files: dict[str, bytes]) -> Change:
        """Put one person in place from their files (path inside the folder -> plain contents),
        as the site's server holds them (kiosk.site.gallery): sealed as they are written when
        this gallery is sealed; metadata.json is plain JSON with its personal fields sealed."""
        def write(tmp: Path) -> None:
            for rel, data in files.items():
                if not rel or Path(rel).is_absolute() or ".." in Path(rel).parts or "\\" in rel:
                    raise GalleryError(f"unsafe file name {rel!r} for {user_id}")
                path = tmp / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                metadata = _json_object(data) if rel == "metadata.json" else None
                if metadata is not None:
                    self._write_metadata(path, metadata)
                elif rel == "metadata.json":  # written as it came; the loader says what is wrong with it
                    atomic_write_text(path, data.decode("utf-8"))
                else:
                    self.write_file(path, data)

        return self._stage(user_id, name, write, replace=True, carry_learned=False, mirror=True)

    def files_of(self, folder: Path) -> dict[str, bytes]:
        """Every file of one person's folder, opened (the inverse of put_files): the site's server
        and a plain export get metadata.json's personal fields in clear, as the seed layout has them."""
        out = {}
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                rel = path.relative_to(folder).as_posix()
                if rel == "metadata.json":
                    out[rel] = path.read_bytes()
                    metadata = _json_object(out[rel])
                    if metadata is not None:  # else sent as it is; the loader says what is wrong with it
                        out[rel] = json.dumps(open_row(self.fields, metadata), indent=2,
                                              ensure_ascii=False).encode("utf-8")
                else:
                    out[rel] = self.read_file(path)
        return out

    def _stage(self, user_id: str, name: str, write, replace: bool, carry_learned: bool,
               mirror: bool = False) -> Change:
        """`mirror`: the site's version of a person, put in place as it is (the site may hold case
        twins made before IDs were unique regardless of case: this cache holds both)."""
        problem = worker_id.problem(user_id)
        if problem:
            raise GalleryError(problem)
        fd = self.lock()
        tmp = self.root / f"{TMP}{uuid.uuid4().hex}"
        try:
            found = self.folders_like(user_id)
            existing = found.get(user_id)
            if existing is not None and not replace:
                raise GalleryError(f"worker ID {user_id} is already enrolled ({existing.name})")
            twins = [other for other in found if other != user_id]
            if twins and existing is None and not mirror:  # a new ID (a legacy twin may be re-enrolled)
                raise GalleryError(taken_message(user_id, twins[0], folder_identity(found[twins[0]])[1]))
            tmp.mkdir()
            write(tmp)
            if existing is not None and carry_learned:  # re-enrolled or re-embedded: the learned masks stay
                learned_templates.carry_over(existing, tmp)
            fsync_tree(tmp)
            final = self.root / safe_folder_name(user_id, name)
            trash = self.move_into_place(tmp, final, existing, "replace-between-renames", "after-gallery-rename")
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            if fd is not None:
                os.close(fd)
            raise
        return Change(self, fd, new=final, trash=trash, old_name=existing.name if existing else None)

    def move_into_place(self, tmp: Path, final: Path, existing: Path | None, between: str, after: str) -> Path | None:
        """Move `existing` (if any) aside, then the written `tmp` into place as `final`. Returns
        where the old folder went (the trash); if this fails, the old folder is put back."""
        trash = None
        try:
            if existing is not None:
                trash = self._trash_for(existing)
                durable_rename(existing, trash)
                crash_point(between)
            durable_rename(tmp, final)
            crash_point(after)
        except BaseException:
            if trash is not None and existing is not None and trash.exists():  # put the old person back
                durable_rename(trash, existing)
            raise
        return trash

    def _write(self, folder: Path, record: PersonRecord, photos: list[bytes]) -> None:
        (folder / "originals").mkdir(parents=True, exist_ok=True)
        for i, vector in enumerate(record.originals, start=1):
            self.save_array(folder / "originals" / f"original_{i}.npy", vector)
        for img, by_type in record.masked.items():
            sub = folder / "masked" / f"img_{img}"
            sub.mkdir(parents=True)
            for mask_type, vector in by_type.items():
                self.save_array(sub / f"{mask_type}.npy", vector)
        self.save_array(folder / "centroid.npy", record.centroid)
        if photos:
            (folder / "photos").mkdir()
            for i, data in enumerate(photos, start=1):
                self.write_file(folder / "photos" / f"photo_{i}.jpg", data)
        record.metadata.update({
            "user_id": record.user_id, "name": record.name, "mobile": record.mobile,
            "embedder": record.embedder, "embedding_dim": int(record.originals.shape[1]),
            "total_embeddings": int(len(record.originals) + sum(len(v) for v in record.masked.values())),
            "format_version": FORMAT_VERSION,
        })
        self._write_metadata(folder / "metadata.json", record.metadata)

    def delete(self, user_id: str, exact: bool = False) -> Path:
        change = self.delete_staged(user_id, exact)
        change.commit()
        assert change.old_name is not None, "delete_staged names the folder it moved aside"
        return self.root / change.old_name

    def delete_staged(self, user_id: str, exact: bool = False) -> Change:
        """Move a person aside (they disappear at once); `commit()` removes them for good,
        `rollback()` puts them back. `exact`: only this ID in this case (the site's tombstones)."""
        fd = self.lock()
        try:
            folder = self.folder_of(user_id, exact=exact)
            if folder is None:
                raise GalleryError(f"no enrolled person has worker ID {user_id}")
            trash = self._trash_for(folder)
            durable_rename(folder, trash)
        except BaseException:
            if fd is not None:
                os.close(fd)
            raise
        return Change(self, fd, trash=trash, old_name=folder.name)

    def load(self, folder: Path) -> PersonRecord:
        meta_path = folder / "metadata.json"
        metadata = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        if not isinstance(metadata, dict):
            raise GalleryError(f"metadata.json holds a {type(metadata).__name__}, not an object")
        metadata = open_row(self.fields, metadata)
        for key in ("user_id", "name", "mobile", "embedder"):
            if key in metadata and not isinstance(metadata[key], str):
                raise GalleryError(f"metadata.json: {key} is {metadata[key]!r}, not text")
        user_id, _, folder_name = folder.name.partition("_")
        originals = [self.load_array(p) for p in sorted((folder / "originals").glob("original_*.npy"),
                                                key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))]
        if not originals:
            raise GalleryError("no original embeddings")
        masked: dict[int, dict[str, np.ndarray]] = {}
        for sub in sorted((folder / "masked").glob("img_*")):
            number = int(re.sub(r"\D", "", sub.name) or 0)
            masked[number] = {p.stem: self.load_array(p) for p in sorted(sub.glob("*.npy"))}
        dims = {v.shape for v in originals} | {v.shape for d in masked.values() for v in d.values()}
        if len(dims) != 1 or len(next(iter(dims))) != 1:
            raise GalleryError(f"embeddings of mixed or bad shapes {sorted(dims)}")
        vectors = originals + [v for d in masked.values() for v in d.values()]
        if not all(np.isfinite(v).all() for v in vectors):
            raise GalleryError("embeddings hold NaN or infinite values")
        # The count is what is on disk, whatever metadata.json says (it may be hand-edited).
        metadata["total_embeddings"] = len(vectors)
        embedder = metadata.get("embedder", "facenet-vggface2")
        return PersonRecord(
            user_id=metadata.get("user_id", user_id), name=metadata.get("name", folder_name),
            # Folders of the original system carry no embedder name: they were FaceNet VGGFace2.
            embedder=embedder,
            originals=np.stack(originals).astype(np.float32), masked=masked,
            mobile=metadata.get("mobile", ""), metadata=metadata, folder=folder,
            learned=learned_templates.load_active(folder, metadata, embedder, originals[0].shape[0],
                                                   self.load_array),
        )

    def load_all(self) -> tuple[list[PersonRecord], list[str]]:
        """Every valid person, and one warning per folder skipped (test entries, broken folders)."""
        records: list[PersonRecord] = []
        warnings: list[str] = []
        if not self.root.is_dir():
            return records, warnings
        if getattr(self.cipher, "sealed_before", False):
            self.cipher.require()  # a missing key is one clear error, not everyone skipped
        for folder in sorted(self.root.iterdir()):
            if not folder.is_dir() or folder.name.startswith("."):
                continue
            if "_" not in folder.name or is_test_entry(*folder_identity(folder)):
                warnings.append(f"skipped {folder.name}: a test entry, not a person")
                continue
            try:
                records.append(self.load(folder))
            except (OSError, ValueError, EOFError, GalleryError, json.JSONDecodeError) as exc:
                warnings.append(f"skipped {folder.name}: broken ({exc})")
        for w in warnings:
            log.warning(w)
        return records, warnings


def _json_object(data: bytes) -> dict | None:
    """metadata.json's object, or None when the bytes are not a JSON object."""
    try:
        value = json.loads(data)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
