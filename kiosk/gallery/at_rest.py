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
import io
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kiosk.fsutil import atomic_write_bytes, atomic_write_text

MAGIC = b"KIOSKAES1\n"
NONCE_BYTES = 12
KEY_BYTES = 32
MARKER = ".encryption.json"
KEYRING_SERVICE = "kiosk-attendance"


class GalleryKeyError(RuntimeError):
    """The gallery's key is missing or wrong; the message says what to do."""


def fingerprint(key: bytes) -> str:
    return hashlib.sha256(b"kiosk-key-id" + key).hexdigest()[:16]


def is_sealed(data: bytes) -> bool:
    return data.startswith(MAGIC)


@dataclass(frozen=True)
class Cipher:
    """Seals and opens file contents with one AES-256-GCM key."""

    key: bytes

    def seal(self, data: bytes, label: str) -> bytes:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = secrets.token_bytes(NONCE_BYTES)
        return MAGIC + nonce + AESGCM(self.key).encrypt(nonce, data, MAGIC + label.encode("utf-8"))

    def open(self, data: bytes, label: str) -> bytes:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        if not is_sealed(data):
            return data  # a plain file of the seed layout
        nonce = data[len(MAGIC):len(MAGIC) + NONCE_BYTES]
        try:
            return AESGCM(self.key).decrypt(nonce, data[len(MAGIC) + NONCE_BYTES:], MAGIC + label.encode("utf-8"))
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


def bytes_array(data: bytes) -> np.ndarray:
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


def default_key_file(data_dir: Path) -> Path:
    """Outside the data folder: $KIOSK_KEY_FILE, else the user's config folder, per data folder."""
    if os.environ.get("KIOSK_KEY_FILE"):
        return Path(os.environ["KIOSK_KEY_FILE"]).expanduser()
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    if os.name == "nt":
        base = Path(os.environ.get("APPDATA") or base)
    digest = hashlib.sha256(str(Path(data_dir).resolve()).encode("utf-8")).hexdigest()[:16]
    return base / "kiosk" / "keys" / f"{digest}.key"


class KeyStore:
    """Finds or creates the key of one data folder."""

    def __init__(self, data_dir: Path, key_file: Path | None = None, use_keyring: bool = True):
        self.data_dir = Path(data_dir).resolve()
        self.key_file = Path(key_file) if key_file else default_key_file(self.data_dir)
        self.keyring = _keyring() if use_keyring else None
        self.account = str(self.data_dir)

    @property
    def where(self) -> str:
        return "the OS keyring" if self.keyring is not None else f"the key file {self.key_file}"

    def load(self) -> bytes | None:
        if self.keyring is not None:
            value = self.keyring.get_password(KEYRING_SERVICE, self.account)
            if value:
                return bytes.fromhex(value)
        try:
            text = self.key_file.read_text(encoding="ascii").strip()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise GalleryKeyError(f"{self.key_file}: the gallery key cannot be read ({exc.strerror})") from exc
        try:
            key = bytes.fromhex(text)
        except ValueError:
            key = b""
        if len(key) != KEY_BYTES:
            raise GalleryKeyError(f"{self.key_file} does not hold a gallery key")
        return key

    def create(self) -> bytes:
        key = secrets.token_bytes(KEY_BYTES)
        if self.keyring is not None:
            self.keyring.set_password(KEYRING_SERVICE, self.account, key.hex())
            return key
        if self.data_dir == self.key_file.resolve().parent or self.data_dir in self.key_file.resolve().parents:
            raise GalleryKeyError(f"the key file {self.key_file} must not be inside the data folder")
        self.key_file.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(self.key_file.parent, 0o700)
        atomic_write_bytes(self.key_file, key.hex().encode("ascii") + b"\n", mode=0o600)
        return key


def gallery_cipher(embeddings_dir: Path, data_dir: Path, *, create: bool = True,
                   key_store: KeyStore | None = None) -> Cipher:
    """The cipher of a gallery: its key from the key store, made on first use (`create`).
    A gallery sealed with a key that is not here is a clear error, never an empty gallery."""
    store = key_store or KeyStore(data_dir)
    marker = Path(embeddings_dir) / MARKER
    expected = None
    if marker.is_file():
        try:
            expected = json.loads(marker.read_text(encoding="utf-8")).get("key_id")
        except (OSError, ValueError, AttributeError):
            expected = None
    key = store.load()
    if key is None:
        if expected is not None or not create:
            raise GalleryKeyError(
                f"the gallery in {embeddings_dir} is encrypted (key {expected}), but its key is not in "
                f"{store.where}: restore the key (or its backup) to use these templates")
        key = store.create()
    cipher = Cipher(key)
    if expected is None:
        Path(embeddings_dir).mkdir(parents=True, exist_ok=True)
        atomic_write_text(marker, json.dumps({"scheme": "aes-256-gcm", "key_id": cipher.key_id}) + "\n")
    elif expected != cipher.key_id:
        raise GalleryKeyError(f"the gallery in {embeddings_dir} was sealed with key {expected}, but "
                              f"{store.where} holds key {cipher.key_id}: restore the right key")
    return cipher


def write_sealed(path: Path, data: bytes, cipher: Cipher | None, label: str) -> None:
    atomic_write_bytes(path, cipher.seal(data, label) if cipher is not None else data)


def read_sealed(path: Path, cipher: Cipher | None, label: str) -> bytes:
    data = Path(path).read_bytes()
    if is_sealed(data):
        if cipher is None:
            raise GalleryKeyError(f"{path} is encrypted and this kiosk has no gallery key")
        return cipher.open(data, label)
    return data
