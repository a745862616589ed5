"""PIN hashing shared by the admin PIN (settings.admin_pin_hash) and the personal check-in PINs
(attendance database): salted scrypt, self-describing, compared in constant time. Qt-free, so
the engine, the CLI and the screens all use this one implementation."""
from __future__ import annotations

import hashlib
import hmac
import secrets

SCHEME = "scrypt"
N, R, P = 2 ** 14, 8, 1
MIN_DIGITS, MAX_DIGITS = 4, 8


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """'scrypt$n$r$p$salt$hash' (hex), self-describing so the cost can change later."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"{SCHEME}${N}${R}${P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != SCHEME:
            return False
        candidate = hashlib.scrypt(pin.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r),
                                   p=int(p), dklen=len(bytes.fromhex(digest)))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(candidate.hex(), digest)


def pin_problem(pin: str, min_digits: int = MIN_DIGITS, max_digits: int = MAX_DIGITS) -> str | None:
    """Why a new PIN is not acceptable, or None."""
    if not pin.isdigit() or not min_digits <= len(pin) <= max_digits:
        return f"the PIN must be {min_digits} to {max_digits} digits"
    if len(set(pin)) == 1 or pin in "0123456789" or pin in "9876543210":
        return "choose a PIN that is not a repeated or consecutive sequence"
    return None
