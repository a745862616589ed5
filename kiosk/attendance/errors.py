"""One clear line for a database that cannot be used: which file, what is wrong, what to do.
The CLI prints it, the screens show it (no tracebacks for a damaged or full attendance.db)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from kiosk.common.errors import SiteError
from kiosk.common.refusals import Sentence

# What a store refuses a write with: SQLite's errors, and OSError (a full disk, the file; the
# site's server is a kiosk.common.errors.SiteError, a ConnectionError). Kept for later, not fatal.
STORE_ERRORS = (sqlite3.Error, OSError)


def explain(exc: BaseException, path: str | Path) -> str:
    """`exc` (a sqlite3 error, or an OSError from the file) said for a person at the kiosk."""
    text = str(exc)
    if isinstance(exc, SiteError):  # it names the server and says what is wrong already
        return text
    prefix = f"{path}: "
    if text.startswith(prefix):  # AttendanceDB already names the file; say it once
        text = text[len(prefix):]
    low = text.lower()
    if "full" in low or "no space" in low:
        return Sentence("store.full", path=str(path), reason=text)
    if "locked" in low or "busy" in low:
        return Sentence("store.busy", path=str(path), reason=text)
    if Path(path).is_dir():
        return Sentence("store.folder", path=str(path))
    return Sentence("store.unusable", path=str(path), reason=text)
