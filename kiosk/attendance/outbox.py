"""Check-ins and access-log rows the database refused (locked past its timeout, a full disk, a
damaged file), kept until they can be written, then written exactly once.

Each entry is one small JSON file `outbox/{time}-{key}.json`, written atomically. Delivery
replays it into the database with its key, in the same transaction as a `delivered_keys` row
(AttendanceDB._claim), and only then removes the file: a crash between the two makes the next
delivery see the key and just remove the file. When even the outbox file cannot be written (the
disk is full) the entry is held in memory and written with the next delivery."""
from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.common.fsutil import atomic_write_text
from kiosk.common.refusals import Sentence

log = logging.getLogger(__name__)

QUEUED = "queued"  # the CheckIn outcome of a decision kept in the outbox


@dataclass(frozen=True)
class StoreStatus:
    """Where this kiosk's writes stand, for the status line: `online` is None for a single kiosk
    (its own SQLite file), else whether the site's server answers; `queued` counts the outbox."""

    online: bool | None
    queued: int

    @property
    def offline(self) -> bool:
        return self.online is False

    @property
    def text(self) -> Sentence:
        """The line in English, keyed (kiosk.common.refusals): the screens word it in their language."""
        waiting = Sentence("status.waiting.one" if self.queued == 1 else "status.waiting", count=self.queued)
        if self.online is None:
            return Sentence("status.busy", waiting=waiting)
        if self.offline:
            return Sentence("status.offline.waiting", waiting=waiting) if self.queued else Sentence("status.offline")
        return Sentence("status.sending", waiting=waiting) if self.queued else Sentence("status.online")


class Outbox:
    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self._memory: dict[str, dict] = {}
        self._lock = threading.Lock()

    def put(self, kind: str, *, key: str | None = None, **fields) -> dict:
        """Keep one write for later. `kind` is "recognition" (AttendanceDB.record_recognition's
        arguments) or "access" (log_access's); `now` must be given, the moment it happened.
        `key` is the write's own key when it was already tried (a lost reply from the site's
        server may mean it was written: delivery then writes nothing)."""
        now = fields.pop("now", None) or datetime.now()
        entry: dict[str, Any] = {"kind": kind, "key": key or uuid.uuid4().hex,
                                 "time": now.isoformat(timespec="seconds"), "queued_ns": time.time_ns()} | fields
        try:
            atomic_write_text(self._file(entry), json.dumps(entry, ensure_ascii=False))
        except OSError as exc:
            log.error("outbox %s cannot be written (%s): holding the %s of %s in memory",
                      self.folder, exc, kind, fields.get("employee_id") or "an unknown face")
            with self._lock:
                self._memory[entry["key"]] = entry
        return entry

    def _file(self, entry: dict) -> Path:
        return self.folder / f"{entry['queued_ns']:020d}-{entry['key']}.json"

    def pending(self) -> list[dict]:
        """Every entry not yet written, oldest first (a file that cannot be read is skipped
        with a warning and left for `kiosk doctor`)."""
        with self._lock:
            entries = list(self._memory.values())
        if self.folder.is_dir():
            for path in sorted(self.folder.glob("[0-9]*.json")):
                try:
                    entries.append(json.loads(path.read_text(encoding="utf-8")))
                except (OSError, ValueError) as exc:
                    log.warning("outbox entry %s unreadable: %s", path, exc)
        return sorted(entries, key=lambda e: e.get("queued_ns", 0))

    def __len__(self) -> int:
        with self._lock:
            memory = len(self._memory)
        return memory + (len(list(self.folder.glob("[0-9]*.json"))) if self.folder.is_dir() else 0)

    def deliver(self, db) -> int:
        """Write what is pending into `db` (an AttendanceDB), oldest first; stops at the first
        refusal (still failing: later). Returns how many entries were written or found written."""
        done = 0
        for entry in self.pending():
            try:
                replay(db, entry)
            except (sqlite3.Error, OSError) as exc:
                log.info("outbox: %d entries still waiting (%s)", len(self), exc)
                break
            except (ValueError, TypeError, KeyError) as exc:  # a damaged entry: left for `kiosk doctor`
                log.warning("outbox entry %s cannot be replayed: %s", entry.get("key"), exc)
                continue
            with self._lock:
                self._memory.pop(entry["key"], None)
            self._file(entry).unlink(missing_ok=True)
            done += 1
        return done


def replay(db, entry: dict):
    """Write one entry with its key: a second replay of the same entry writes nothing."""
    fields = {k: v for k, v in entry.items() if k not in ("kind", "key", "time", "queued_ns")}
    when = datetime.fromisoformat(entry["time"])
    if entry["kind"] == "recognition":
        return db.record_recognition(now=when, key=entry["key"], **fields)
    if entry["kind"] == "access":
        return db.log_access(fields.pop("outcome"), now=when, key=entry["key"], **fields)
    raise ValueError(f"unknown outbox entry kind {entry['kind']!r}")
