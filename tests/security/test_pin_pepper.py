"""Check-in PINs peppered with a secret from the key store: the database alone does not verify
them, a hash made before the pepper keeps working and is re-hashed with it on its next success."""
from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest

from kiosk.app.settings import load_settings
from kiosk.attendance import AttendanceDB
from kiosk.security.at_rest import gallery_cipher, pin_pepper
from kiosk.security.pin_hash import Pepper, hash_pin, verify_pin
from kiosk.security.pins import PersonalPins

T0 = datetime(2024, 3, 4, 9, 0, 0)
PEPPER = Pepper(bytes(range(32)))


def stored_hash(path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT pin_hash FROM employee_pins WHERE employee_id = 'E1'").fetchone()[0]


@pytest.fixture
def db(tmp_path):
    with AttendanceDB(tmp_path / "attendance.db") as store:
        store.upsert_employee("E1", "Ada Lovelace", "1")
        yield store


def test_a_peppered_hash_needs_the_pepper():
    stored = hash_pin("2580", pepper=PEPPER)
    assert stored.startswith(f"scrypt-hmac${PEPPER.pepper_id}$") and "2580" not in stored
    assert verify_pin("2580", stored, PEPPER) and not verify_pin("2581", stored, PEPPER)
    assert not verify_pin("2580", stored)  # the database's hash alone: no way to test a guess
    assert not verify_pin("2580", stored, Pepper(b"\x01" * 32))  # another kiosk's pepper
    plain = hash_pin("2580")
    assert verify_pin("2580", plain, PEPPER) and verify_pin("2580", plain)  # old hashes still verify


def test_an_old_hash_works_and_is_rehashed_with_the_pepper_on_success(db, tmp_path):
    PersonalPins(db).set_pin("E1", "2580")  # made the old way, before the pepper
    old = stored_hash(tmp_path / "attendance.db")
    assert old.startswith("scrypt$")
    pins = PersonalPins(db, pepper=PEPPER)
    assert not pins.check("E1", "2581", now=T0).ok
    assert stored_hash(tmp_path / "attendance.db") == old  # a wrong PIN re-hashes nothing
    assert pins.check("E1", "2580", now=T0).ok
    new = stored_hash(tmp_path / "attendance.db")
    assert new.startswith("scrypt-hmac$") and verify_pin("2580", new, PEPPER)
    assert pins.check("E1", "2580", now=T0).ok and stored_hash(tmp_path / "attendance.db") == new
    assert not PersonalPins(db).check("E1", "2580", now=T0).ok  # without the key store's secret
    pins.set_pin("E1", "4711")
    assert stored_hash(tmp_path / "attendance.db").startswith("scrypt-hmac$")


def test_the_service_peppers_with_a_secret_of_the_gallery_key_kept_outside_the_data_folder(tmp_path):
    from kiosk.app.service import KioskService

    settings = load_settings(tmp_path)
    service = KioskService(settings)
    service.db.upsert_employee("E1", "Ada Lovelace", "1")
    service.set_pin("E1", "2580")
    stored = stored_hash(settings.db_path)
    key = gallery_cipher(settings.embeddings_dir, settings.data_dir, create=False)
    expected = Pepper(pin_pepper(key))
    assert stored.startswith(f"scrypt-hmac${expected.pepper_id}$") and verify_pin("2580", stored, expected)
    assert not any(key.key.hex().encode() in p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    assert service.pins.check("E1", "2580").ok
