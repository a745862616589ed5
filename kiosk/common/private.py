"""Private by default: everything the kiosk writes (database, settings, gallery, outbox, review
frames, exports, logs) is readable by its own user only: folders 0700, files 0600.

Why a umask and explicit modes both: the process umask (set once when the kiosk, the HR desk or
the command line starts, and by KioskService) covers every file any library creates, SQLite's
-wal and -shm and openpyxl's output included; the explicit modes in the write helpers keep a file
private even in a process that did not set it. `kiosk doctor` finds and `--repair` tightens what
an older version (or a copy with `cp`) left looser (`loose_modes`, `tighten`)."""
from __future__ import annotations

import os
import stat
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
UMASK = 0o077
# The permission bits of group and others: none of them may be set on the kiosk's files.
GROUP_OTHER = 0o077


def private_process() -> None:
    """Make every file and folder this process creates from now on private to its user."""
    os.umask(os.umask(UMASK) | UMASK)


def private_dir(path: str | os.PathLike) -> Path:
    """Create `path` (and its parents) if needed; the folder itself ends up 0700."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if stat.S_IMODE(path.stat().st_mode) & GROUP_OTHER:
        os.chmod(path, stat.S_IMODE(path.stat().st_mode) & ~GROUP_OTHER)
    return path


def write_private_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write a new file (or overwrite one) readable by its owner only, from its first byte."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with os.fdopen(fd, "wb") as fh:
        if stat.S_IMODE(os.fstat(fd).st_mode) & GROUP_OTHER:  # an existing file keeps its mode: not this one
            os.fchmod(fd, FILE_MODE)
        fh.write(data)


def loose_modes(root: str | os.PathLike) -> list[tuple[Path, int]]:
    """Every folder and file under `root` (itself included) that group or others can use, with
    its mode. Symbolic links are not followed (their own mode means nothing)."""
    root = Path(root)
    if not root.exists():
        return []
    found = []
    paths = [root]
    for folder, dirs, files in os.walk(root):
        paths += [Path(folder, name) for name in dirs + files]
    for path in paths:
        try:
            info = path.lstat()
        except FileNotFoundError:  # removed while we walked
            continue
        if stat.S_ISLNK(info.st_mode):
            continue
        if stat.S_IMODE(info.st_mode) & GROUP_OTHER:
            found.append((path, stat.S_IMODE(info.st_mode)))
    return found


def tighten(root: str | os.PathLike) -> list[str]:
    """Remove group and other permissions from everything under `root`; what was changed."""
    done = []
    for path, mode in loose_modes(root):
        new = mode & ~GROUP_OTHER
        try:
            os.chmod(path, new)
        except OSError as exc:
            done.append(f"could not make {path} private: {exc.strerror or exc}")
            continue
        done.append(f"{path}: {mode:04o} -> {new:04o}")
    return done
