"""Personal fields sealed at rest with the gallery key (a kiosk.security.at_rest cipher, passed in): a mobile number is stored as
`sealed:v1:<base64 of an AES-256-GCM box>` in metadata.json and in attendance.db's employees row,
so a copied data folder or database gives no phone numbers (issue 27).

Why fields and not the whole database file:
- the kiosk searches, sorts and reports by name and worker ID in SQL, and the specification's
  gallery layout names each folder `<ID>_<name>`: sealing names in one place while the folder
  name shows them would be theatre. Names and IDs stay in clear (file modes only); the mobile
  number is the field nobody searches, and it is sealed everywhere the kiosk stores it;
- a whole-file SQLCipher database would need a second SQLite build under sqlite-utils, every
  tool that opens attendance.db (tests, HR's own exports, `sqlite3`) to hold the key, and would
  still leave metadata.json and the folder names.
A value is sealed once: sealing an already sealed value returns it (a row copied between the
gallery and the database keeps its box). A plain value (from before this, or with encryption
off) still reads as itself. Without the key a sealed value reads as LOCKED, never as garbage.
"""
from __future__ import annotations

import base64
from typing import Any

PREFIX = "sealed:v1:"
LOCKED = "(encrypted)"
SEALED_FIELDS = ("mobile",)


def is_sealed_field(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(PREFIX)


def _label(field: str) -> str:
    return f"field:{field}"


class FieldSealer:
    """Seals and opens personal fields with the gallery's cipher (a Cipher or a LazyCipher: the
    key is only fetched when a non-empty field is first sealed or opened)."""

    def __init__(self, cipher):
        self.cipher = cipher

    def seal(self, value: str | None, field: str) -> str | None:
        if not value or is_sealed_field(value):
            return value
        box = self.cipher.seal(value.encode("utf-8"), _label(field))
        return PREFIX + base64.b64encode(box).decode("ascii")

    def open(self, value: str | None, field: str) -> str | None:
        if not is_sealed_field(value):
            return value
        try:
            box = base64.b64decode(value[len(PREFIX):], validate=True)  # type: ignore[index]
            return self.cipher.open(box, _label(field)).decode("utf-8")
        except ValueError:  # no key or another key (at_rest.GalleryKeyError), bad base64 or text
            return LOCKED

    def seal_row(self, row: dict) -> dict:
        """A copy of `row` with every sealed field (SEALED_FIELDS) present in it sealed."""
        return {k: self.seal(v, k) if k in SEALED_FIELDS else v for k, v in row.items()}

    def open_row(self, row: dict) -> dict:
        return {k: self.open(v, k) if k in SEALED_FIELDS else v for k, v in row.items()}


def sealer_for(cipher) -> FieldSealer | None:
    """The sealer of a gallery's cipher; None when encryption is off (fields stay plain)."""
    return None if cipher is None else FieldSealer(cipher)


def open_row(sealer: FieldSealer | None, row: dict) -> dict:
    """`row` with its sealed fields opened; without a sealer a sealed field reads as LOCKED."""
    if sealer is not None:
        return sealer.open_row(row)
    return {k: LOCKED if k in SEALED_FIELDS and is_sealed_field(v) else v for k, v in row.items()}


def seal_row(sealer: FieldSealer | None, row: dict) -> dict:
    return row if sealer is None else sealer.seal_row(row)


def masked_mobile(value: str | None) -> str:
    """What the audit trail keeps of a mobile number: its last two digits (the trail is never
    rewritten, so a full number there could not be erased or sealed later)."""
    digits = "".join(ch for ch in value or "" if ch.isdigit())
    return "" if not digits else "*" * max(len(digits) - 2, 0) + digits[-2:]
