"""One kiosk (or HR desk) of a site: its connections, the site's stores, and the local cache
kept in step with the server.

The cache is the kiosk's own embeddings folder plus `site_state.json` in its data folder: which
site it follows, the last revision applied, the revision of each person it holds, the site's
settings, and the people changed here (learned masks) not yet sent. A kiosk that starts without
the server recognises from that folder with the settings it last saw."""
from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from kiosk.attendance.punches import PunchRule
from kiosk.common.errors import SiteError
from kiosk.common.fsutil import atomic_write_text
from kiosk.gallery.folders import GalleryError
from kiosk.gallery.store import GalleryStore
from kiosk.site.attendance import SiteAttendanceDB
from kiosk.site.connection import Connections
from kiosk.site.gallery import CHANNEL, SiteGallery, apply_change
from kiosk.site.migrate import migrate
from kiosk.site.rename import renamed_from

log = logging.getLogger(__name__)

STATE_FILE = "site_state.json"
POLL_S = 5.0  # the safety net under LISTEN/NOTIFY: a missed notification costs at most this
WAIT_S = 0.5  # one wait for a notification (how soon the thread notices it should stop)


@dataclass
class CacheState:
    site_id: str = ""
    revision: int = 0
    held: dict[str, int] = field(default_factory=dict)  # user_id -> revision held locally
    settings: dict = field(default_factory=dict)
    unsent: list[str] = field(default_factory=list)  # changed here while offline


class Site:
    def __init__(self, settings, store: GalleryStore, *, on_change: Callable[[], None] | None = None,
                 on_settings: Callable[[dict], None] | None = None, on_online: Callable[[], object] | None = None,
                 on_rename: Callable[[str, str], None] | None = None):
        self.url = settings.database_url
        self.kiosk_id = settings.kiosk_id
        self.connections = Connections(self.url, application=f"kiosk {settings.kiosk_id}")
        self.attendance = SiteAttendanceDB(self.connections, settings.cooldown_seconds, settings.kiosk_id,
                                           time_zone=settings.time_zone, punch_rule=PunchRule.from_settings(settings))
        self.gallery = SiteGallery(self.connections, settings.kiosk_id)
        self.store = store
        self.state_path = settings.data_dir / STATE_FILE
        self.state = self._load_state()
        self.on_change, self.on_settings, self.on_online = on_change, on_settings, on_online
        self.on_rename = on_rename  # (old, new) of a person renamed on the site (kiosk.site.rename)
        # `_lock` serialises catch-ups and resends; `_state` guards site_state.json and is never
        # held while waiting for anything else. An enrolment holds the gallery's folder lock while
        # it pushes, and a catch-up waits for that lock to write a person: so push takes only
        # `_state`, never `_lock`, and the two cannot wait on each other.
        self._lock = threading.RLock()
        self._state = threading.Lock()
        self._migrated = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.notes: list[str] = []  # what the last full catch-up found (people only on this kiosk)

    # -- what the screens show ----------------------------------------------------------

    @property
    def online(self) -> bool:
        return bool(self.connections.online)

    def describe(self) -> str:
        return self.connections.where

    # -- the cache's own file -----------------------------------------------------------

    def _load_state(self) -> CacheState:
        try:
            raw = json.loads(self.state_path.read_text(encoding="utf-8"))
            return CacheState(**{k: v for k, v in raw.items() if k in CacheState.__dataclass_fields__})
        except FileNotFoundError:
            return CacheState()
        except (OSError, ValueError, TypeError) as exc:  # damaged: start the cache over (the server has it all)
            log.warning("%s unreadable (%s): the cache is rebuilt from the server", self.state_path, exc)
            return CacheState()

    def _save_state(self) -> None:
        with self._state:
            self._write_state()

    def _write_state(self) -> None:
        try:
            atomic_write_text(self.state_path, json.dumps(asdict(self.state), indent=1, sort_keys=True))
        except OSError as exc:  # a full disk: the next catch-up re-applies what it must
            log.warning("%s not written: %s", self.state_path, exc)

    @property
    def cached_settings(self) -> dict:
        return dict(self.state.settings)

    # -- schema, pull, push -------------------------------------------------------------

    def ensure_schema(self) -> None:
        if self._migrated:
            return
        conn = self.connections.connect(autocommit=True)
        try:
            applied = migrate(conn, self.attendance.zone_name, self.attendance.punch_rule.session_hours)
        except SiteError:
            raise
        except Exception as exc:  # psycopg errors from the migration itself
            raise SiteError(f"the site database {self.connections.where} could not be prepared: {exc}") from exc
        finally:
            conn.close()
        if applied:
            log.warning("site database %s: applied %s", self.connections.where, ", ".join(applied))
        self._migrated = True

    def pull(self) -> int:
        """Catch up with the server: send what changed here while offline, then apply every
        newer person and the site's settings. Returns how many local people changed."""
        with self._lock:
            self.ensure_schema()
            site_id = self.gallery.site_id()
            full = site_id != self.state.site_id
            if full:
                if self.state.site_id:
                    log.warning("this kiosk now follows another site database: its cache is rebuilt")
                with self._state:
                    self.state = CacheState(site_id=site_id)
            for user_id in list(self.state.unsent):
                self._send(user_id)
            changed = 0
            while True:
                batch = self.gallery.changes(self.state.revision, skip=self.state.held)
                if not batch:
                    break
                for change in batch:
                    try:
                        done = apply_change(self.store, change)
                    except OSError as exc:  # a full disk: retried at the next catch-up
                        log.error("site change of %s not applied here: %s", change.user_id, exc)
                        self._save_state()
                        raise
                    except GalleryError as exc:  # a person this kiosk cannot hold: skipped, the rest go on
                        log.error("site change of %s skipped here: %s", change.user_id, exc)
                        done = "skipped"
                    if done == "written" and self.on_rename is not None:
                        for old in renamed_from(change.files):
                            self.on_rename(old, change.user_id)
                    with self._state:
                        if change.deleted:
                            self.state.held.pop(change.user_id, None)
                        elif self.state.held.get(change.user_id, 0) < change.revision:
                            self.state.held[change.user_id] = change.revision
                        self.state.revision = max(self.state.revision, change.revision)
                    changed += done in ("written", "deleted")
                self._save_state()
            if full:
                self._note_local_only()
            settings, _ = self.gallery.settings()
            if settings != self.state.settings:
                with self._state:
                    self.state.settings = settings
                self._save_state()
                if self.on_settings:
                    self.on_settings(dict(settings))
                changed += 1
        if changed and self.on_change:
            self.on_change()
        return changed

    def _note_local_only(self) -> None:
        records, _ = self.store.load_all()
        local = [r for r in records if r.user_id not in self.state.held]
        self.notes = [f"{r.user_id} ({r.name}) is in this kiosk's folder but not on the site: "
                      f"`kiosk site import` sends them" for r in local]
        for note in self.notes:
            log.warning(note)

    def push(self, user_id: str, *, replace: bool) -> int:
        """Send this kiosk's folder of one person as the site's new version (an enrolment or a
        re-enrolment here); raises SiteError offline, GalleryError on a conflict."""
        self.ensure_schema()
        folder = self.store.folder_of(user_id, exact=True)
        if folder is None:
            raise GalleryError(f"no enrolled person has worker ID {user_id} here")
        revision = self.gallery.push(user_id, self.store.files_of(folder), replace=replace)
        self._held(user_id, revision)
        return revision

    def delete(self, user_id: str) -> int:
        self.ensure_schema()
        revision = self.gallery.delete(user_id)
        with self._state:
            self.state.held.pop(user_id, None)
            self._write_state()
        return revision

    def changed_here(self, user_id: str) -> None:
        """A person's folder changed here without an enrolment (a learned mask, HR's approval):
        send it now, or when the server is back."""
        with self._state:
            if user_id not in self.state.unsent:
                self.state.unsent.append(user_id)
                self._write_state()
        with self._lock:
            try:
                self._send(user_id)
            except SiteError as exc:
                log.info("change of %s kept until the site database is back: %s", user_id, exc)

    def _send(self, user_id: str) -> None:
        folder = self.store.folder_of(user_id, exact=True)
        try:
            if folder is not None:
                revision = self.gallery.push(user_id, self.store.files_of(folder), replace=True,
                                             base=self.state.held.get(user_id))
                self._held(user_id, revision)
        except GalleryError as exc:  # changed on the site meanwhile: the site's version wins
            log.warning("%s", exc)
        with self._state:
            if user_id in self.state.unsent:
                self.state.unsent.remove(user_id)
            self._write_state()

    def _held(self, user_id: str, revision: int) -> None:
        with self._state:
            self.state.held[user_id] = max(revision, self.state.held.get(user_id, 0))
            self._write_state()

    def set_settings(self, values: dict) -> int:
        self.ensure_schema()
        return self.gallery.set_settings(values)

    # -- following the server -----------------------------------------------------------

    def start(self, poll_s: float = POLL_S) -> None:
        """Follow the server on a thread of its own (LISTEN kiosk_site, and a catch-up every
        `poll_s` seconds in case a notification was missed or the connection died quietly)."""
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._follow, args=(poll_s,), name="site-sync", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=WAIT_S + 5)
            self._thread = None

    def _catch_up(self) -> bool:
        try:
            self.pull()
        except SiteError as exc:
            log.info("site catch-up not done: %s", exc)
            return False
        except (OSError, GalleryError) as exc:
            log.error("site catch-up failed here: %s", exc)
            return True
        if self.on_online:
            self.on_online()
        return True

    def _follow(self, poll_s: float) -> None:
        import psycopg

        while not self._stop.is_set():
            try:
                conn = self.connections.connect(autocommit=True)
            except SiteError:
                self._stop.wait(1.0)
                continue
            try:
                conn.execute(f"LISTEN {CHANNEL}")
                if not self._catch_up():
                    continue
                last = time.monotonic()
                while not self._stop.is_set():
                    # short waits, so closing the kiosk never waits for a whole poll period
                    notified = any(True for _ in conn.notifies(timeout=WAIT_S, stop_after=1))
                    if not notified and time.monotonic() - last < poll_s:
                        continue
                    last = time.monotonic()
                    if not self._catch_up():
                        break
            except psycopg.Error as exc:
                self.connections._failed(exc)
                log.info("site notifications lost: %s", exc)
                self._stop.wait(0.5)
            finally:
                conn.close()
