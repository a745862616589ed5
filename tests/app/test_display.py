"""service.display: the accessibility settings (high contrast, text size, sound volume) on a real
data folder: checked before anything is written, saved to kiosk.toml, on the audit trail."""
from __future__ import annotations

import pytest
import tomllib

from kiosk.app.service import KioskService
from kiosk.app.settings import load_settings
from kiosk.security.audit import SETTING_CHANGE


@pytest.fixture
def service(tmp_path):
    svc = KioskService(load_settings(tmp_path))
    yield svc
    svc.close()


def test_defaults_are_the_normal_look(service):
    assert service.display.values() == {"high_contrast": False, "text_scale": 1.0, "sound_volume": 70}


def test_saved_to_kiosk_toml_and_audited(service, tmp_path):
    changed = service.display.save(high_contrast="on", text_scale="1.5", sound_volume=30)
    assert changed == {"high_contrast": True, "text_scale": 1.5, "sound_volume": 30}
    stored = tomllib.loads((tmp_path / "kiosk.toml").read_text(encoding="utf-8"))
    assert (stored["high_contrast"], stored["text_scale"], stored["sound_volume"]) == (True, 1.5, 30)
    assert load_settings(tmp_path).text_scale == 1.5  # the next start has it too
    rows = [r for r in service.audit.rows() if r["action"] == SETTING_CHANGE]
    assert len(rows) == 1 and rows[0]["subject"] == "display"
    assert service.display.save(text_scale=1.5) == {}  # no change: nothing written, nothing audited
    assert len([r for r in service.audit.rows() if r["action"] == SETTING_CHANGE]) == 1


@pytest.mark.parametrize("values, words", [
    ({"text_scale": 2.0}, "between 100% and 150%"),
    ({"text_scale": 0.8}, "between 100% and 150%"),
    ({"sound_volume": 101}, "between 0 and 100"),
    ({"sound_volume": "loud"}, "sound_volume"),
    ({"high_contrast": "maybe"}, "on or off"),
    ({"font": "big"}, "not a display setting"),
])
def test_bad_values_are_refused_and_change_nothing(service, tmp_path, values, words):
    before = service.display.values()
    with pytest.raises(ValueError, match=words):
        service.display.save(sound_volume=20, **values) if "sound_volume" not in values else \
            service.display.save(text_scale=1.25, **values)
    assert service.display.values() == before
    assert not (tmp_path / "kiosk.toml").exists()
