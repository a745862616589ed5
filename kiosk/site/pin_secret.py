"""The site's check-in PIN pepper (issue 27): the shared PostgreSQL database holds every door's
PIN hashes, so they are peppered like a single kiosk's, with a secret the database does not hold.

Each kiosk's gallery key is its own, so the site has one more secret: 32 random bytes made once
(`kiosk site pin-secret --new`) and carried to every kiosk of the site by IT (`--export FILE`
on one, `--import FILE` on the others), kept in each kiosk's key store (OS keyring or key
folder, never the data folder). The server keeps only its fingerprint, so a kiosk can tell it
lacks the secret and say so instead of refusing every right PIN. A site that never made one
keeps plain scrypt (as before; `kiosk site pin-secret` says so); hashes from before the secret still
verify and are re-hashed with it on their next success.
"""
from __future__ import annotations

import secrets
from pathlib import Path

from kiosk.common.private import write_private_bytes
from kiosk.security.at_rest import KEY_BYTES, Cipher, GalleryKeyError, KeyStore, fingerprint, pin_pepper
from kiosk.security.pin_hash import Pepper
from kiosk.site.connection import Connections


class PinSecretMissing(ValueError):
    """The site peppers its PINs and this kiosk does not hold the secret."""


def pepper_id(connections: Connections) -> str | None:
    """The fingerprint of the site's PIN secret, or None when the site has none."""
    with connections.transaction() as cur:
        cur.execute("SELECT pin_pepper_id FROM site_identity")
        row = cur.fetchone()
    return row[0] if row and row[0] else None


def _site_key_id(connections: Connections) -> str:
    """The fingerprint of the site's PIN secret; a clear error when the site has none yet."""
    key_id = pepper_id(connections)
    if key_id is None:
        raise ValueError("the site has no PIN secret yet: make one with kiosk site pin-secret --new")
    return key_id


def _missing(key_id: str) -> PinSecretMissing:
    return PinSecretMissing(f"this kiosk does not hold the site's PIN secret ({key_id}), so it can neither check "
                            f"nor set check-in PINs: export it on a kiosk that has it (kiosk site pin-secret "
                            f"--export FILE) and import it here (kiosk site pin-secret --import FILE)")


def site_pepper(connections: Connections, key_store: KeyStore | None = None) -> Pepper | None:
    """The pepper of the site's PINs, found on first use (a kiosk that never checks a PIN never
    asks its key store); None when the site has no secret (plain scrypt)."""
    key_id = pepper_id(connections)
    if key_id is None:
        return None
    store = key_store or KeyStore()

    def secret() -> bytes:
        key = store.load(key_id)
        if key is None:
            raise _missing(key_id)
        return pin_pepper(Cipher(key))

    return Pepper(secret)


def create(connections: Connections, data_dir: Path, key_store: KeyStore | None = None) -> str:
    """Make the site's PIN secret on this kiosk (once per site); returns its fingerprint."""
    store = key_store or KeyStore()
    with connections.transaction() as cur:
        cur.execute("SELECT pin_pepper_id FROM site_identity FOR UPDATE")
        (existing,) = cur.fetchone()
        if existing:
            raise ValueError(f"the site already has a PIN secret ({existing}): a second one would lock out every "
                             f"PIN set with the first; import it here instead (kiosk site pin-secret --import FILE)")
        key = store.save(secrets.token_bytes(KEY_BYTES), data_dir)
        cur.execute("UPDATE site_identity SET pin_pepper_id = %s", [fingerprint(key)])
    return fingerprint(key)


def export(connections: Connections, path: Path, key_store: KeyStore | None = None) -> str:
    """Write the site's PIN secret to `path` (0600, a new file) for another kiosk of the site."""
    key_id = _site_key_id(connections)
    key = (key_store or KeyStore()).load(key_id)
    if key is None:
        raise _missing(key_id)
    path = Path(path)
    if path.exists():
        raise ValueError(f"{path} exists: choose a new file for the secret")
    write_private_bytes(path, key.hex().encode("ascii") + b"\n")
    return key_id


def import_secret(connections: Connections, path: Path, data_dir: Path, key_store: KeyStore | None = None) -> str:
    """Keep the site's PIN secret from `path` in this kiosk's key store; refused when it is not
    the secret the site names."""
    key_id = _site_key_id(connections)
    try:
        key = bytes.fromhex(Path(path).read_text(encoding="ascii").strip())
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path} does not hold a PIN secret ({exc})") from None
    if len(key) != KEY_BYTES or fingerprint(key) != key_id:
        raise ValueError(f"{path} is not this site's PIN secret (the site's is {key_id})")
    try:
        (key_store or KeyStore()).save(key, data_dir)
    except GalleryKeyError as exc:
        raise ValueError(str(exc)) from None
    return key_id
