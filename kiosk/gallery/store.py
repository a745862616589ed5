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
import re
import shutil
import unicodedata
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from kiosk.fsutil import atomic_write_text
from kiosk.gallery import learned as learned_templates

log = logging.getLogger(__name__)

FORMAT_VERSION = 2
USER_ID_RE = re.compile(r"^[A-Za-z0-9]{1,32}$")
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
    return f"{user_id}_{clean}"[:80].rstrip(" .")


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


def is_test_entry(user_id: str, name: str) -> bool:
    """The seed's test folders (`img_<n>`, or a name of digits only) are not people: the loader
    skips them, so enrolment must refuse such details rather than create a ghost."""
    return user_id == "img" or name.strip().isdigit()


class GalleryError(RuntimeError):
    """A gallery operation that cannot be done; the message is fit for the user."""


class GalleryStore:
    def __init__(self, root: str | Path):
        self.root = Path(root)

    def folder_of(self, user_id: str) -> Path | None:
        if not self.root.is_dir():
            return None
        prefix = f"{user_id}_"
        for entry in self.root.iterdir():
            if entry.is_dir() and entry.name.startswith(prefix) and not entry.name.startswith("."):
                return entry
        return None

    def exists(self, user_id: str) -> bool:
        return self.folder_of(user_id) is not None

    def save(self, record: PersonRecord, photos: list[bytes] | None = None, replace: bool = False) -> Path:
        """Write one person; the folder appears complete or not at all."""
        if not USER_ID_RE.match(record.user_id):
            raise GalleryError(f"invalid worker ID {record.user_id!r}: letters and digits only (max 32)")
        existing = self.folder_of(record.user_id)
        if existing is not None and not replace:
            raise GalleryError(f"worker ID {record.user_id} is already enrolled ({existing.name})")
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.root / f".tmp-{uuid.uuid4().hex}"
        try:
            self._write(tmp, record, photos or [])
            if existing is not None:  # re-enrolled or re-embedded: the learned masks stay
                learned_templates.carry_over(existing, tmp)
            final = self.root / safe_folder_name(record.user_id, record.name)
            trash = None
            if existing is not None:
                trash = self.root / f".trash-{uuid.uuid4().hex}"
                existing.rename(trash)
            try:
                tmp.rename(final)
            except OSError:
                if trash is not None:  # put the old person back: nothing is lost
                    trash.rename(existing)
                raise
            if trash is not None:
                shutil.rmtree(trash, ignore_errors=True)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        record.folder = final
        return final

    @staticmethod
    def _write(folder: Path, record: PersonRecord, photos: list[bytes]) -> None:
        (folder / "originals").mkdir(parents=True)
        for i, vector in enumerate(record.originals, start=1):
            np.save(folder / "originals" / f"original_{i}.npy", np.asarray(vector, np.float32))
        for img, by_type in record.masked.items():
            sub = folder / "masked" / f"img_{img}"
            sub.mkdir(parents=True)
            for mask_type, vector in by_type.items():
                np.save(sub / f"{mask_type}.npy", np.asarray(vector, np.float32))
        np.save(folder / "centroid.npy", record.centroid)
        if photos:
            (folder / "photos").mkdir()
            for i, data in enumerate(photos, start=1):
                (folder / "photos" / f"photo_{i}.jpg").write_bytes(data)
        record.metadata.update({
            "user_id": record.user_id, "name": record.name, "mobile": record.mobile,
            "embedder": record.embedder, "embedding_dim": int(record.originals.shape[1]),
            "total_embeddings": int(len(record.originals) + sum(len(v) for v in record.masked.values())),
            "format_version": FORMAT_VERSION,
        })
        atomic_write_text(folder / "metadata.json", json.dumps(record.metadata, indent=2, ensure_ascii=False))

    def delete(self, user_id: str) -> Path:
        folder = self.folder_of(user_id)
        if folder is None:
            raise GalleryError(f"no enrolled person has worker ID {user_id}")
        trash = self.root / f".trash-{uuid.uuid4().hex}"
        folder.rename(trash)  # atomic: the person disappears at once
        shutil.rmtree(trash, ignore_errors=True)
        return folder

    def load(self, folder: Path) -> PersonRecord:
        meta_path = folder / "metadata.json"
        metadata = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        if not isinstance(metadata, dict):
            raise GalleryError(f"metadata.json holds a {type(metadata).__name__}, not an object")
        for key in ("user_id", "name", "mobile", "embedder"):
            if key in metadata and not isinstance(metadata[key], str):
                raise GalleryError(f"metadata.json: {key} is {metadata[key]!r}, not text")
        user_id, _, folder_name = folder.name.partition("_")
        originals = [np.load(p) for p in sorted((folder / "originals").glob("original_*.npy"),
                                                key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))]
        if not originals:
            raise GalleryError("no original embeddings")
        masked: dict[int, dict[str, np.ndarray]] = {}
        for sub in sorted((folder / "masked").glob("img_*")):
            number = int(re.sub(r"\D", "", sub.name) or 0)
            masked[number] = {p.stem: np.load(p) for p in sorted(sub.glob("*.npy"))}
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
            learned=learned_templates.load_active(folder, metadata, embedder, originals[0].shape[0]),
        )

    def load_all(self) -> tuple[list[PersonRecord], list[str]]:
        """Every valid person, and one warning per folder skipped (test entries, broken folders)."""
        records, warnings = [], []
        if not self.root.is_dir():
            return records, warnings
        for folder in sorted(self.root.iterdir()):
            if not folder.is_dir() or folder.name.startswith("."):
                continue
            user_id, sep, name = folder.name.partition("_")
            if not sep or is_test_entry(user_id, name):
                warnings.append(f"skipped {folder.name}: a test entry, not a person")
                continue
            try:
                records.append(self.load(folder))
            except (OSError, ValueError, EOFError, GalleryError, json.JSONDecodeError) as exc:
                warnings.append(f"skipped {folder.name}: broken ({exc})")
        for w in warnings:
            log.warning(w)
        return records, warnings
