"""Atomic file writes: a crash or a full disk never leaves a half-written file behind."""
from __future__ import annotations

import errno
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path


def atomic_write_bytes(path: str | os.PathLike, data: bytes, mode: int | None = None) -> None:
    """Write to a temporary file beside `path`, fsync, then rename over it. `mode` is set before
    any byte is written; by default the file is private (0600, kiosk.common.private), and an
    existing file keeps its owner's bits but loses any group or other access."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if mode is None:
            try:
                mode = path.stat().st_mode & 0o700
            except FileNotFoundError:
                mode = 0o600
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def fsync_dir(path: str | os.PathLike) -> None:
    """Make a rename or a new entry in `path` survive a power cut (POSIX: the folder's own
    entry list is only durable once the folder is fsynced). A no-op where folders cannot be
    opened (Windows)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a folder; nothing more can be done
    finally:
        os.close(fd)


def fsync_tree(root: str | os.PathLike[str]) -> None:
    """fsync every file and folder under `root` (a freshly written temp folder, before it is
    renamed into place), deepest first."""
    for folder, _dirs, files in os.walk(root, topdown=False):
        for name in files:
            with open(os.path.join(folder, name), "rb") as fh:
                os.fsync(fh.fileno())
        fsync_dir(folder)


def durable_rename(src: str | os.PathLike, dst: str | os.PathLike) -> None:
    """os.rename, with the parent folder fsynced before (what was written into it) and after
    (the rename itself)."""
    parent = Path(dst).parent
    fsync_dir(parent)
    os.rename(src, dst)
    fsync_dir(parent)
    if Path(src).parent != parent:
        fsync_dir(Path(src).parent)


def crash_point(name: str) -> None:
    """Test hook for crash-consistency tests: when KIOSK_CRASH_POINT names this step, the
    process kills itself with SIGKILL right here (a real kill -9, at a deterministic point).
    Costs one dictionary lookup otherwise."""
    if os.environ.get("KIOSK_CRASH_POINT") == name:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


@contextmanager
def naming(path: str | os.PathLike):
    """Yield `path`; an OSError raised without a file name (a write() that hit a full disk)
    gets this one, so the message says which file could not be written."""
    try:
        yield Path(path)
    except OSError as exc:
        if exc.filename is None:
            raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from exc
        raise


def describe_os_error(exc: OSError) -> str:
    """One line for the user: what failed, on which file, and what to do for a full disk."""
    what = exc.strerror or str(exc)
    where = f": {exc.filename}" if exc.filename else ""
    hint = " (free some space on that disk and try again)" if exc.errno in (errno.ENOSPC, errno.EDQUOT) else ""
    return f"{what}{where}{hint}"
