"""PIN hashing shared by the admin PIN (settings.admin_pin_hash) and the personal check-in PINs
(attendance database): salted scrypt, self-describing, compared in constant time. Qt-free, so
the engine, the CLI and the screens all use this one implementation.

Check-in PINs are short (4-6 digits): salted scrypt alone lets a stolen attendance.db give every
PIN after minutes of one core. With a `Pepper` (a secret from the key store, never in the data
folder: kiosk.security.at_rest.pin_pepper) the PIN goes through HMAC-SHA256 with it before scrypt,
so the database alone gives nothing. Such hashes say which pepper they need
('scrypt-hmac$<pepper id>$n$r$p$salt$hash'); plain 'scrypt$...' hashes keep verifying and
`needs_pepper` tells the caller to re-hash them on their next successful use."""
from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from functools import cached_property

from kiosk.common.refusals import Sentence

SCHEME = "scrypt"
PEPPERED = "scrypt-hmac"
N, R, P = 2 ** 14, 8, 1
MIN_DIGITS, MAX_DIGITS = 4, 8


class Pepper:
    """A secret mixed into every PIN before scrypt. `source` returns it (32 bytes) and is only
    called on first use, so a kiosk that never checks a PIN never touches the key store."""

    def __init__(self, source: Callable[[], bytes] | bytes):
        self._source = source

    @cached_property
    def secret(self) -> bytes:
        return self._source() if callable(self._source) else self._source

    @cached_property
    def pepper_id(self) -> str:
        return hashlib.sha256(b"kiosk-pepper-id" + self.secret).hexdigest()[:16]

    def mix(self, pin: str) -> bytes:
        return hmac.new(self.secret, pin.encode("utf-8"), hashlib.sha256).digest()


def _scrypt(secret: bytes, salt: bytes, n: int, r: int, p: int, dklen: int = 32) -> bytes:
    return hashlib.scrypt(secret, salt=salt, n=n, r=r, p=p, dklen=dklen)


def hash_pin(pin: str, salt: bytes | None = None, pepper: Pepper | None = None) -> str:
    """'scrypt$n$r$p$salt$hash' (hex), self-describing so the cost can change later; with a
    pepper 'scrypt-hmac$<pepper id>$n$r$p$salt$hash'."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    if pepper is None:
        return f"{SCHEME}${N}${R}${P}${salt.hex()}${_scrypt(pin.encode('utf-8'), salt, N, R, P).hex()}"
    digest = _scrypt(pepper.mix(pin), salt, N, R, P)
    return f"{PEPPERED}${pepper.pepper_id}${N}${R}${P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str, pepper: Pepper | None = None) -> bool:
    """Whether `pin` matches `stored`; a peppered hash needs the same pepper (else False)."""
    parts = stored.split("$") if isinstance(stored, str) else [""]
    # the pepper's secret is fetched outside the try: a key store that cannot give it is said
    # (e.g. kiosk.site.pin_secret.PinSecretMissing), never counted as a wrong PIN
    pepper_id = pepper.pepper_id if pepper is not None and parts[0] == PEPPERED else None
    try:
        if parts[0] == PEPPERED and len(parts) == 7:
            if pepper is None or pepper_id is None or not hmac.compare_digest(parts[1], pepper_id):
                return False
            secret, (n, r, p, salt, digest) = pepper.mix(pin), parts[2:]
        elif parts[0] == SCHEME and len(parts) == 6:
            secret, (n, r, p, salt, digest) = pin.encode("utf-8"), parts[1:]
        else:
            return False
        candidate = _scrypt(secret, bytes.fromhex(salt), int(n), int(r), int(p), len(bytes.fromhex(digest)))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(candidate.hex(), digest)


def needs_pepper(stored: str, pepper: Pepper | None) -> bool:
    """A hash made without the pepper we now have: re-hash it once the PIN is known right."""
    return pepper is not None and stored.split("$", 1)[0] == SCHEME


def pin_problem(pin: str, min_digits: int = MIN_DIGITS, max_digits: int = MAX_DIGITS) -> str | None:
    """Why a new PIN is not acceptable, or None."""
    if not pin.isdigit() or not min_digits <= len(pin) <= max_digits:
        return Sentence("pin.digits", minimum=min_digits, maximum=max_digits)
    if len(set(pin)) == 1 or pin in "0123456789" or pin in "9876543210":
        return Sentence("pin.sequence")
    return None


# A PIN locked out is locked for `lockout_s`, doubling with each further lockout, at most a day.
MAX_LOCKOUT_S = 24 * 3600


def wrong_try(failures: int, lockouts: int, max_tries: int, lockout_s: float) -> tuple[int, float]:
    """The lockout rule after one more wrong PIN, for every kind of PIN (staff and check-in):
    (tries left, 0) while some are left, else (0, seconds locked from now)."""
    left = max_tries - (failures + 1)
    if left > 0:
        return left, 0
    return 0, min(MAX_LOCKOUT_S, lockout_s * 2 ** lockouts)


def tries_left_text(left: int) -> str:
    return f"{left} {'try' if left == 1 else 'tries'} left."
