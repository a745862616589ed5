"""Connections to the site's server: short timeouts, one connection per thread, every psycopg
error turned into a SiteError that names the server (never its password).

Why the back-off: when the server is gone, each attempt costs up to CONNECT_TIMEOUT_S; the
camera thread must not pay that for every face, so after a failure new attempts fail at once
for RETRY_S and the check-in goes straight to the outbox."""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from kiosk.common.errors import SiteError

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 3
RETRY_S = 2.0
# A statement that takes longer than this is cut off: a check-in must never hang on the server.
STATEMENT_TIMEOUT_MS = 10_000
IDLE_CHECK_S = 1.0  # a connection idle longer than this is checked before use


def _psycopg():
    try:
        import psycopg
    except ImportError as exc:  # declared in pyproject.toml; a broken install says so
        raise SiteError("database_url is set but psycopg (PostgreSQL's driver) is not installed: "
                        "run installer/setup.sh") from exc
    return psycopg


def redact(url: str) -> str:
    """The URL without its password, for messages and the status line."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        parts = conninfo_to_dict(url)
    except Exception:  # noqa: BLE001 - an unparseable URL is reported by connect, not here
        return "the site database"
    host = parts.get("host") or "localhost"
    user = parts.get("user")
    where = f"{str(user) + '@' if user else ''}{host}"
    if parts.get("port"):
        where += f":{parts['port']}"
    return f"{where}/{parts.get('dbname', '')}"


class Connections:
    """This process's connections to one server: `transaction()` for work, `connect()` for a
    dedicated connection (the LISTEN of sync.py)."""

    def __init__(self, url: str, application: str = "kiosk"):
        if not url or not url.strip():
            raise ValueError("database_url is empty")
        self.url = url.strip()
        self.application = application
        self.where = redact(self.url)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list = []
        self._failed_until = 0.0
        self.last_error: str | None = None
        self.online: bool | None = None  # unknown until the first attempt

    def connect(self, *, autocommit: bool = False):
        psycopg = _psycopg()
        with self._lock:
            if time.monotonic() < self._failed_until:
                raise SiteError(f"the site database {self.where} is not answering ({self.last_error})")
        try:
            conn = psycopg.connect(self.url, autocommit=autocommit, connect_timeout=CONNECT_TIMEOUT_S,
                                   application_name=self.application[:60],
                                   options=f"-c statement_timeout={STATEMENT_TIMEOUT_MS}",
                                   # a vanished host (not just a stopped server) is noticed in seconds
                                   keepalives=1, keepalives_idle=5, keepalives_interval=2, keepalives_count=2,
                                   tcp_user_timeout=CONNECT_TIMEOUT_S * 2000)
        except psycopg.Error as exc:
            self._failed(exc)
            raise SiteError(f"the site database {self.where} is not answering ({self.last_error})") from exc
        self._ok()
        return conn

    def _failed(self, exc: BaseException) -> None:
        with self._lock:
            self.last_error = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            self._failed_until = time.monotonic() + RETRY_S
            if self.online is not False:
                log.warning("site database %s offline: %s", self.where, self.last_error)
            self.online = False

    def _ok(self) -> None:
        with self._lock:
            if self.online is False:
                log.warning("site database %s back online", self.where)
            self.online = True
            self._failed_until = 0.0
            self.last_error = None

    def _connection(self):
        """This thread's connection. One that sat idle is checked first (one empty round trip):
        a server restarted meanwhile has closed it, and the work must go to a fresh one, not fail."""
        conn = getattr(self._local, "conn", None)
        if conn is not None and not conn.closed and not conn.broken:
            if time.monotonic() - getattr(self._local, "used", 0.0) < IDLE_CHECK_S:
                self._local.used = time.monotonic()
                return conn
            try:
                conn.execute("")
                conn.rollback()
                self._local.used = time.monotonic()
                return conn
            except _psycopg().Error:
                self._drop(conn)
        conn = self.connect()
        self._local.used = time.monotonic()
        self._local.conn = conn
        with self._lock:
            self._all.append(conn)
        return conn

    @contextmanager
    def transaction(self) -> Iterator:
        """A cursor in one transaction, committed at the end; any server failure rolls it back,
        drops a broken connection and raises SiteError."""
        psycopg = _psycopg()
        conn = self._connection()
        try:
            with conn.transaction(), conn.cursor() as cur:
                yield cur
        except psycopg.OperationalError as exc:  # lost, timed out, shut down
            self._drop(conn)
            self._failed(exc)
            raise SiteError(f"the site database {self.where} is not answering ({self.last_error})") from exc
        except psycopg.Error as exc:
            if conn.broken:
                self._drop(conn)
                self._failed(exc)
            raise SiteError(f"the site database {self.where} refused the change: {exc}") from exc
        else:
            self._ok()

    def _drop(self, conn) -> None:
        try:
            conn.close()
        except Exception:  # noqa: BLE001 - already gone
            pass
        if getattr(self._local, "conn", None) is conn:
            self._local.conn = None

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                try:
                    conn.close()
                except Exception:  # noqa: BLE001
                    pass
            self._all.clear()
        self._local = threading.local()
