"""Biometric data encrypted at rest: templates, centroids and stored photos are AES-256-GCM
sealed, so a copied data folder alone reveals no face (GDPR art. 9, 32).

Why it looks like this:
- The key never lives in the data folder. It is held by the OS keyring where one exists (Windows
  Credential Locker, macOS Keychain, Secret Service), else in a 0600 key file in the user's
  config folder (or `KIOSK_KEY_FILE`), one key per data folder.
- Each file is sealed on its own (MAGIC, 12-byte random nonce, ciphertext and tag) with its path
  inside the person's folder as associated data: a file swapped for another person's, or moved to
  another role, fails to open instead of matching the wrong person.
- A plain file (the seed's layout, or a folder from before encryption) still opens, so an old
  gallery keeps working and `kiosk gallery encrypt` can seal it in place.
- `embeddings/.encryption.json` names the key (its fingerprint, not the key), so a kiosk that
  lacks the key says so clearly instead of reporting "nobody enrolled".
"""
from __future__ import annotations

import hashlib
import hmac
import io
import json
import os
import re
import secrets
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from kiosk.common.fsutil import atomic_write_bytes, atomic_write_text
from kiosk.common.private import write_private_bytes

MAGIC = b"KIOSKAES1\n"
NONCE_BYTES = 12
KEY_BYTES = 32
MARKER = ".encryption.json"
KEYRING_SERVICE = "kiosk-attendance"


class GalleryKeyError(ValueError):
    """The gallery's key is missing or wrong; the message says what to do."""


def fingerprint(key: bytes) -> str:
    return hashlib.sha256(b"kiosk-key-id" + key).hexdigest()[:16]


def is_sealed(data: bytes) -> bool:
    return data.startswith(MAGIC)


@dataclass(frozen=True)
class Cipher:
    """Seals and opens file contents with one AES-256-GCM key."""

    key: bytes

    @cached_property
    def _aead(self):
        """One AESGCM object per key: making one per file was a quarter of a sealed start-up."""
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        return AESGCM(self.key)

    def seal(self, data: bytes, label: str) -> bytes:
        nonce = secrets.token_bytes(NONCE_BYTES)
        return MAGIC + nonce + self._aead.encrypt(nonce, data, MAGIC + label.encode("utf-8"))

    def open(self, data: bytes, label: str) -> bytes:
        from cryptography.exceptions import InvalidTag

        if not is_sealed(data):
            return data  # a plain file of the seed layout
        nonce = data[len(MAGIC):len(MAGIC) + NONCE_BYTES]
        try:
            return self._aead.decrypt(nonce, data[len(MAGIC) + NONCE_BYTES:], MAGIC + label.encode("utf-8"))
        except InvalidTag:
            raise GalleryKeyError(f"{label}: cannot be decrypted (damaged, moved from elsewhere, or sealed "
                                  f"with another key)") from None

    @property
    def key_id(self) -> str:
        return fingerprint(self.key)


def array_bytes(vector: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, np.asarray(vector, np.float32), allow_pickle=False)
    return buffer.getvalue()


_NPY_VECTOR = re.compile(rb"\{'descr': '(<f4|<f8)', 'fortran_order': False, 'shape': \((\d+),\), \}\s*\n")


def bytes_array(data: bytes) -> np.ndarray:
    """A .npy file's array. The gallery's own files (little-endian float vectors, format 1.0)
    are read straight from the buffer: np.load parses each header with ast.literal_eval, which was
    40% of loading a gallery at start-up; anything else goes through np.load."""
    if data[:8] == b"\x93NUMPY\x01\x00":
        end = 10 + int.from_bytes(data[8:10], "little")
        match = _NPY_VECTOR.fullmatch(data[10:end])
        if match is not None:
            dtype = np.dtype(match.group(1).decode())
            count = int(match.group(2))
            if len(data) - end == count * dtype.itemsize:
                return np.frombuffer(data, dtype, count, end).copy()
    return np.load(io.BytesIO(data), allow_pickle=False)


# -- where the key lives -------------------------------------------------------------------

def _keyring():
    """The OS keyring, or None where there is none (a headless Linux box without Secret Service)."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
            return None
        return keyring
    except Exception:  # any backend import problem means "no keyring here"
        return None


def default_key_dir() -> Path:
    """Outside any data folder: $KIOSK_KEY_DIR, else the user's config folder."""
    if os.environ.get("KIOSK_KEY_DIR"):
        return Path(os.environ["KIOSK_KEY_DIR"]).expanduser()
    appdata = os.environ.get("APPDATA")
    config = Path(appdata if os.name == "nt" and appdata else
                  os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return config / "kiosk" / "keys"


class KeyStore:
    """Where gallery keys live, found by their fingerprint (the gallery's marker names it), so a
    data folder moved on the same machine still opens, and a copy on another machine does not.
    `key_file` (or $KIOSK_KEY_FILE) names one file holding the key instead of the key folder."""

    def __init__(self, key_dir: Path | None = None, key_file: Path | None = None, use_keyring: bool = True):
        env_file = os.environ.get("KIOSK_KEY_FILE")
        self.key_file = Path(key_file) if key_file else Path(env_file).expanduser() if env_file else None
        self.key_dir = Path(key_dir) if key_dir else default_key_dir()
        self.keyring = _keyring() if use_keyring and self.key_file is None else None

    @property
    def where(self) -> str:
        if self.keyring is not None:
            return "the OS keyring"
        return f"the key file {self.key_file}" if self.key_file else f"the key folder {self.key_dir}"

    def _file(self, key_id: str) -> Path:
        return self.key_file or self.key_dir / f"{key_id}.key"

    def load(self, key_id: str) -> bytes | None:
        if self.keyring is not None:
            value = self.keyring.get_password(KEYRING_SERVICE, key_id)
            if value:
                return bytes.fromhex(value)
        path = self._file(key_id)
        try:
            text = path.read_text(encoding="ascii").strip()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise GalleryKeyError(f"{path}: the gallery key cannot be read ({exc.strerror})") from exc
        try:
            key = bytes.fromhex(text)
        except ValueError:
            key = b""
        if len(key) != KEY_BYTES:
            raise GalleryKeyError(f"{path} does not hold a gallery key")
        return key if fingerprint(key) == key_id else None

    def create(self, data_dir: Path) -> bytes:
        """A new key, stored outside `data_dir`."""
        return self.save(secrets.token_bytes(KEY_BYTES), data_dir)

    def save(self, key: bytes, data_dir: Path) -> bytes:
        """Keep `key` (a new one, or one brought from another kiosk of the site) under its
        fingerprint, outside `data_dir`."""
        if len(key) != KEY_BYTES:
            raise GalleryKeyError(f"a key has {KEY_BYTES} bytes, not {len(key)}")
        key_id = fingerprint(key)
        if self.keyring is not None:
            self.keyring.set_password(KEYRING_SERVICE, key_id, key.hex())
            return key
        path = self._file(key_id).resolve()
        data_dir = Path(data_dir).resolve()
        if data_dir == path.parent or data_dir in path.parents:
            raise GalleryKeyError(f"the key file {path} must not be inside the data folder {data_dir}")
        if self.key_file is None:
            path.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(path.parent, 0o700)
        atomic_write_bytes(path, key.hex().encode("ascii") + b"\n", mode=0o600)
        return key


def gallery_cipher(embeddings_dir: Path, data_dir: Path, *, create: bool = True,
                   key_store: KeyStore | None = None) -> Cipher:
    """The cipher of a gallery: the key its marker names, or a new key (`create`) for a gallery
    never sealed. A sealed gallery whose key is not here is a clear error, never an empty one."""
    store = key_store or KeyStore()
    marker = Path(embeddings_dir) / MARKER
    key_id = None
    if marker.is_file():
        try:
            key_id = json.loads(marker.read_text(encoding="utf-8")).get("key_id")
        except (OSError, ValueError, AttributeError):
            raise GalleryKeyError(f"{marker} is damaged: it should name the gallery's key") from None
    if key_id is not None:
        key = store.load(key_id)
        if key is None:
            raise GalleryKeyError(
                f"the gallery in {embeddings_dir} is encrypted with key {key_id}, which is not in "
                f"{store.where}: restore the key (or its backup) to use these templates")
        return Cipher(key)
    if not create:
        raise GalleryKeyError(f"the gallery in {embeddings_dir} has no key (encryption is off)")
    cipher = Cipher(store.create(data_dir))
    Path(embeddings_dir).mkdir(parents=True, exist_ok=True)
    atomic_write_text(marker, json.dumps({"scheme": "aes-256-gcm", "key_id": cipher.key_id}) + "\n")
    return cipher


def pin_pepper(cipher: Cipher) -> bytes:
    """The check-in PINs' pepper (kiosk.security.pin_hash.Pepper), derived from the gallery key so
    it lives where the key lives (keyring or key folder, never the data folder) and needs no
    storage of its own; a separate HMAC label keeps it unrelated to the sealing key's uses."""
    return hmac.new(cipher.key, b"kiosk check-in PIN pepper v1", hashlib.sha256).digest()


class LazyCipher:
    """The gallery's cipher, found (or made, with `create`) on first use: a kiosk that never
    writes or reads a sealed file never touches the keyring, and an empty gallery stays empty."""

    def __init__(self, embeddings_dir: Path, data_dir: Path, *, create: bool = True,
                 key_store: KeyStore | None = None):
        self.embeddings_dir = Path(embeddings_dir)
        self.data_dir = Path(data_dir)
        self.create = create
        self.key_store = key_store
        self._cipher: Cipher | None = None

    def require(self) -> Cipher:
        if self._cipher is None:
            self._cipher = gallery_cipher(self.embeddings_dir, self.data_dir, create=self.create,
                                          key_store=self.key_store)
        return self._cipher

    @property
    def key_store_where(self) -> str:
        return (self.key_store or KeyStore()).where

    @property
    def sealed_before(self) -> bool:
        return (self.embeddings_dir / MARKER).is_file()

    def seal(self, data: bytes, label: str) -> bytes:
        return self.require().seal(data, label)

    def open(self, data: bytes, label: str) -> bytes:
        return self.require().open(data, label)


def write_sealed(path: Path, data: bytes, cipher: Cipher | None, label: str, *, atomic: bool = False) -> None:
    """Seal (with a cipher) and write. Files of a person are written into a temporary folder that
    the store fsyncs and renames into place as a whole, so they need no rename or fsync of their
    own; `atomic` is for a file replaced in place."""
    data = cipher.seal(data, label) if cipher is not None else data
    if atomic:
        atomic_write_bytes(path, data)
    else:
        write_private_bytes(path, data)


def read_sealed(path: Path, cipher: Cipher | None, label: str) -> bytes:
    with open(path, "rb") as f:  # not Path.read_bytes: 220k files at a 10k-people start-up
        data = f.read()
    if is_sealed(data):
        if cipher is None:
            raise GalleryKeyError(f"{path} is encrypted and this kiosk has no gallery key")
        return cipher.open(data, label)
    return data
