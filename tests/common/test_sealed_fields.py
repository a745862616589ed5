"""Personal fields sealed with the gallery key (kiosk.common.sealed_fields), on a real AES-GCM
cipher and a real attendance.db: sealed once, opened by the key's holder, '(encrypted)' to anyone
else, plain values from before still read."""
from __future__ import annotations

import sqlite3

from kiosk.attendance import AttendanceDB
from kiosk.common.sealed_fields import LOCKED, FieldSealer, masked_mobile, open_row
from kiosk.security.at_rest import Cipher


def test_a_field_is_sealed_once_and_opens_only_with_its_key():
    sealer = FieldSealer(Cipher(b"\x01" * 32))
    boxed = sealer.seal("+447700900042", "mobile")
    assert boxed.startswith("sealed:v1:") and "900042" not in boxed
    assert sealer.seal(boxed, "mobile") == boxed  # copied between gallery and database: not sealed twice
    assert sealer.seal("+447700900042", "mobile") != boxed  # a fresh nonce each time
    assert sealer.open(boxed, "mobile") == "+447700900042"
    assert sealer.open("+447700900042", "mobile") == "+447700900042"  # a plain value from before
    assert sealer.seal("", "mobile") == "" and sealer.seal(None, "mobile") is None
    assert FieldSealer(Cipher(b"\x02" * 32)).open(boxed, "mobile") == LOCKED  # another key
    assert sealer.open(boxed, "name") == LOCKED  # bound to its field
    assert sealer.open("sealed:v1:not base64!", "mobile") == LOCKED
    assert open_row(None, {"mobile": boxed, "name": "Ada"}) == {"mobile": LOCKED, "name": "Ada"}


def test_attendance_db_keeps_the_mobile_sealed_and_gives_it_back_opened(tmp_path):
    db = AttendanceDB(tmp_path / "attendance.db")
    db.fields = FieldSealer(Cipher(b"\x03" * 32))
    db.upsert_employee("E1", "Ada Lovelace", "+447700900042")
    db.update_employee("E1", mobile="+447700900099", department="Finance")
    assert db.get_employee("E1")["mobile"] == "+447700900099"
    assert [e["mobile"] for e in db.list_employees("ada")] == ["+447700900099"]
    with sqlite3.connect(tmp_path / "attendance.db") as raw:
        [(stored, department)] = raw.execute("SELECT mobile, department FROM employees").fetchall()
    assert stored.startswith("sealed:v1:") and "900099" not in stored and department == "Finance"
    db.close()
    keyless = AttendanceDB(tmp_path / "attendance.db")  # a copied database without the key store
    assert keyless.get_employee("E1")["mobile"] == LOCKED
    keyless.close()


def test_the_audit_trail_keeps_two_digits_of_a_mobile():
    assert masked_mobile("+44 7700 900042") == "**********42"
    assert masked_mobile("") == "" and masked_mobile("7") == "7"
