"""The admin PIN's one-time recovery code: made at first-run set-up (and again whenever one is
used or the administrator asks for a new one), shown once, kept only as a salted scrypt hash
(kiosk.security.pin_hash) in the settings. It resets a forgotten admin PIN, on the screen or with
`kiosk reset-admin-pin`, and every wrong code counts towards the staff PINs' lockout
(kiosk.security.staff_pins), so it is no easier to guess than a PIN.

20 characters of Crockford's base32 (100 random bits from `secrets`), printed in groups of five:
no I, L, O or U, so it reads aloud and copies from paper without doubt; when typed, case,
spaces and dashes do not matter, and I/L read as 1, O as 0."""
from __future__ import annotations

import secrets

from kiosk.common.refusals import Sentence
from kiosk.security.pin_hash import hash_pin, verify_pin

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUPS, GROUP_LEN = 4, 5
LENGTH = GROUPS * GROUP_LEN
_READS_AS = str.maketrans({"I": "1", "L": "1", "O": "0"})


def new_code() -> str:
    """A fresh code, "XXXXX-XXXXX-XXXXX-XXXXX"."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(raw[i:i + GROUP_LEN] for i in range(0, LENGTH, GROUP_LEN))


def normalize(text: str) -> str:
    """The code as stored: upper case, no spaces or dashes, I/L as 1 and O as 0."""
    return "".join(c for c in text.upper() if c not in " -\t").translate(_READS_AS)


def code_problem(text: str) -> str | None:
    """Why `text` cannot be a recovery code, or None (said before any try is counted)."""
    code = normalize(text)
    if len(code) != LENGTH or any(c not in ALPHABET for c in code):
        return Sentence("recovery.shape", length=LENGTH, groups=GROUPS)
    return None


def hash_code(code: str) -> str:
    return hash_pin(normalize(code))


def verify_code(text: str, stored: str) -> bool:
    return bool(stored) and verify_pin(normalize(text), stored)
