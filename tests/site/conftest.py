"""A real PostgreSQL server for the site tests: the one the test command started
(KIOSK_TEST_DATABASE_URL, see run.sh), else one started here for this session. Each test gets
a database of its own on it."""
from __future__ import annotations

import os
import uuid

import pytest


@pytest.fixture(scope="session")
def pg_server_url():
    url = os.environ.get("KIOSK_TEST_DATABASE_URL")
    if url:
        yield url
        return
    from kiosk.site.localserver import LocalServer

    server = LocalServer()  # its own folder under /tmp (pytest's is closed to the postgres user)
    server.start()
    try:
        yield server.url
    finally:
        server.remove()


@pytest.fixture
def site_url(pg_server_url):
    """The URL of a new, empty database on the test server (dropped afterwards)."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    parts = conninfo_to_dict(pg_server_url)
    yield make_conninfo(**(parts | {"dbname": name}))
    with psycopg.connect(pg_server_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def site_settings(tmp_path, site_url):
    """Settings of one kiosk of the site (its own data folder)."""
    from kiosk.app.settings import load_settings

    def make(kiosk_id: str = "door-a", **extra):
        return load_settings(tmp_path / kiosk_id, database_url=site_url, kiosk_id=kiosk_id, **extra)

    return make
