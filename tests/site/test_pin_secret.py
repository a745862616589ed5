"""The site's check-in PIN pepper (kiosk.site.pin_secret) on a real PostgreSQL server: the
shared database alone gives no PIN; the secret travels between kiosks by an explicit export and
import; a kiosk without it says so; PINs from before it keep working and are re-hashed."""
from __future__ import annotations

import stat
from datetime import datetime

import pytest

from kiosk.security.at_rest import KeyStore
from kiosk.site import pin_secret
from kiosk.site.pin_secret import PinSecretMissing, site_pepper
from kiosk.site.pins import SitePins
from tests.commands.conftest import run_plain
from tests.site.test_attendance import open_site
from tests.site.test_site_cli import run

T0 = datetime(2026, 12, 1, 9, 0)


def stored_hash(db, employee_id: str) -> str:
    with db.connections.transaction() as cur:
        cur.execute("SELECT pin_hash FROM employee_pins WHERE employee_id = %s", [employee_id])
        return cur.fetchone()[0]


def test_the_site_pin_secret_peppers_every_door_and_travels_only_when_asked(capsys, tmp_path, site_url, monkeypatch):
    desk, door = open_site(site_url, "hr"), open_site(site_url, "door-b")
    desk.upsert_employee("E7", "Ada")
    keys_a, keys_b = KeyStore(tmp_path / "keys-a", use_keyring=False), KeyStore(tmp_path / "keys-b", use_keyring=False)

    def pins(db, keys):
        return SitePins(db, pepper=lambda: site_pepper(db.connections, keys))

    pins(desk, keys_a).set_pin("E7", "4821", now=T0)  # before the secret: plain scrypt, as before
    assert stored_hash(desk, "E7").startswith("scrypt$") and pin_secret.pepper_id(desk.connections) is None

    key_id = pin_secret.create(desk.connections, tmp_path / "data-a", keys_a)
    with pytest.raises(ValueError, match="already has a PIN secret"):
        pin_secret.create(door.connections, tmp_path / "data-b", keys_b)
    assert pins(desk, keys_a).check("E7", "4821", now=T0).ok  # the old hash still works ...
    assert stored_hash(desk, "E7").startswith("scrypt-hmac$")  # ... and is peppered on its success

    with pytest.raises(PinSecretMissing, match="pin-secret --import"):  # door B has no secret yet: says so
        pins(door, keys_b).check("E7", "4821", now=T0)
    carried = tmp_path / "site-pin.secret"
    assert pin_secret.export(desk.connections, carried, keys_a) == key_id
    assert stat.S_IMODE(carried.stat().st_mode) == 0o600
    with pytest.raises(ValueError, match="exists"):
        pin_secret.export(desk.connections, carried, keys_a)
    wrong = tmp_path / "wrong.secret"
    wrong.write_text("ab" * 32)
    with pytest.raises(ValueError, match="not this site's PIN secret"):
        pin_secret.import_secret(door.connections, wrong, tmp_path / "data-b", keys_b)
    pin_secret.import_secret(door.connections, carried, tmp_path / "data-b", keys_b)
    assert pins(door, keys_b).check("E7", "4821", now=T0).ok
    assert not pins(door, keys_b).check("E7", "4820", now=T0).ok
    pins(door, keys_b).set_pin("E7", "1357", now=T0)
    assert pins(desk, keys_a).check("E7", "1357", now=T0).ok
    # the database alone: a guess checked without the secret (plain scrypt) never matches
    from kiosk.security.pin_hash import verify_pin
    assert not verify_pin("1357", stored_hash(desk, "E7"))


def test_pin_secret_from_the_command_line_needs_the_admin(capsys, tmp_path, site_url, monkeypatch):
    monkeypatch.setenv("KIOSK_KEY_DIR", str(tmp_path / "keys"))
    (tmp_path / "desk").mkdir()
    common = ["--data-dir", str(tmp_path / "desk"), "site", "pin-secret", "--database-url", site_url]
    code, text = run(capsys, *common)
    assert code == 0 and "no PIN secret" in text
    code, _, err = run_plain(capsys, *common, "--new")  # the desk's admin PIN is set by `run`: none given here
    assert code != 0 and "PIN" in err and pin_secret.pepper_id(open_site(site_url, "x").connections) is None
    code, made = run(capsys, *common, "--new", "--json")
    assert code == 0 and len(made["secret"]) == 16
    code, status = run(capsys, *common, "--json")
    assert status == {"secret": made["secret"], "held_here": True}
    code, text = run(capsys, *common, "--export", str(tmp_path / "s.secret"))
    assert code == 0 and "warning" in text and (tmp_path / "s.secret").is_file()
    code, out = run(capsys, "--data-dir", str(tmp_path / "desk"), "audit", "--json", "--only", "site_pin_secret")
    assert [r["detail"]["step"] for r in out] == ["new", "export"]
