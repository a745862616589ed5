"""The language setting (kiosk.app.settings): one of LANGUAGES, from kiosk.toml or KIOSK_LANGUAGE,
anything else refused with a sentence and nothing loaded."""
from __future__ import annotations

import pytest

from kiosk.app.settings import LANGUAGES, load_settings


def test_the_language_defaults_to_english_and_is_read_from_kiosk_toml(tmp_path):
    assert load_settings(tmp_path).language == "en"
    (tmp_path / "kiosk.toml").write_text('language = "fr_FR"\n')
    assert load_settings(tmp_path).language == "fr"


def test_the_environment_chooses_the_language(tmp_path, monkeypatch):
    monkeypatch.setenv("KIOSK_LANGUAGE", "AR")
    assert load_settings(tmp_path).language == "ar"


def test_an_unknown_language_is_refused_with_the_choices(tmp_path):
    (tmp_path / "kiosk.toml").write_text('language = "klingon"\n')
    with pytest.raises(ValueError, match="language must be one of en, fr, ar"):
        load_settings(tmp_path)


def test_a_saved_language_reads_back(tmp_path):
    settings = load_settings(tmp_path, language="ar")
    settings.save()
    assert load_settings(tmp_path).language == "ar" and "ar" in LANGUAGES
