"""Versioned plain-SQL migrations (kiosk/site/migrations/NNN_name.sql), applied at start.

Safe when several kiosks start at once: each takes one advisory lock before looking, so one
applies and the others then find nothing to do. Each file runs in its own transaction with its
row in `schema_migrations`; a server newer than this software is refused with a clear message."""
from __future__ import annotations

import re
from importlib import resources

from kiosk.common.errors import SiteError

MIGRATION_LOCK = 0x6B696F736B  # "kiosk": the advisory lock every starting kiosk queues on
_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration shipped with this software, in order."""
    found = []
    for entry in resources.files("kiosk.site").joinpath("migrations").iterdir():
        m = _NAME.match(entry.name)
        if m:
            found.append((int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    return sorted(found)


def latest_version() -> int:
    return migrations()[-1][0]


def migrate(conn, time_zone: str | None = None, session_hours: float | None = None) -> list[str]:
    """Bring the server's schema up to date on `conn` (an autocommit psycopg connection).
    Returns the migrations applied now (empty when it was up to date). This kiosk's settings,
    for 005_attendance_punches as the SQLite store's schema 5 uses them: `time_zone` (an IANA
    name), in which the local times already stored are read (unless the site shares a
    time_zone setting), and `session_hours` (max_session_hours) for their directions."""
    applied_now = []
    if time_zone:
        conn.execute("SELECT set_config('TimeZone', %s, false)", [time_zone])
    if session_hours:
        conn.execute("SELECT set_config('kiosk.max_session_hours', %s, false)", [str(float(session_hours))])
    conn.execute("SELECT pg_advisory_lock(%s)", [MIGRATION_LOCK])
    try:
        conn.execute("""CREATE TABLE IF NOT EXISTS schema_migrations (
                            version integer PRIMARY KEY, name text NOT NULL,
                            applied_at timestamptz NOT NULL DEFAULT now())""")
        done = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
        known = {version for version, _, _ in migrations()}
        newer = sorted(done - known)
        if newer and newer[-1] > max(known):
            raise SiteError(f"the site database has schema version {newer[-1]}, newer than this kiosk "
                            f"understands ({max(known)}): update the kiosk software on this machine")
        for version, name, sql in migrations():
            if version in done:
                continue
            with conn.transaction():
                conn.execute(sql)
                conn.execute("INSERT INTO schema_migrations (version, name) VALUES (%s, %s)", [version, name])
            applied_now.append(f"{version:03d}_{name}")
    finally:
        conn.execute("SELECT pg_advisory_unlock(%s)", [MIGRATION_LOCK])
    return applied_now
