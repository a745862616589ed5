"""How the kiosk looks and sounds for the people using it: the high-contrast theme, the text
size and the check-in sounds' volume (issue 26). Kept in kiosk.toml like every setting; the
screens read them through here and apply them at once (kiosk.ui.theme, kiosk.ui.sounds)."""
from __future__ import annotations

import dataclasses
from typing import Any

from kiosk.app.settings import coerce_setting
from kiosk.common.refusals import Sentence, sentence_of
from kiosk.security.audit import SETTING_CHANGE

DISPLAY_SETTINGS = ("high_contrast", "text_scale", "sound_volume")
TEXT_SCALES = (1.0, 1.25, 1.5)  # the sizes offered on screen; anything from 1.0 to 1.5 is valid
TEXT_SCALE_RANGE = (1.0, 1.5)
VOLUME_RANGE = (0, 100)


def check_display_settings(values: dict[str, Any]) -> dict[str, Any]:
    """`values` coerced to their types, or ValueError with a sentence naming the setting."""
    coerced: dict[str, Any] = {}
    for name, value in values.items():
        if name not in DISPLAY_SETTINGS:
            raise ValueError(Sentence("setting.not_display", setting=name, choices=", ".join(DISPLAY_SETTINGS)))
        try:
            coerced[name] = coerce_setting(name, value)
        except (TypeError, ValueError) as exc:
            raise ValueError(Sentence("setting.refused", setting=name, problem=sentence_of(exc) or str(exc))) from exc
    scale = coerced.get("text_scale")
    if scale is not None and not TEXT_SCALE_RANGE[0] <= scale <= TEXT_SCALE_RANGE[1]:
        raise ValueError(Sentence("setting.text_size", minimum=round(TEXT_SCALE_RANGE[0] * 100),
                                  maximum=round(TEXT_SCALE_RANGE[1] * 100), scale=round(scale * 100)))
    volume = coerced.get("sound_volume")
    if volume is not None and not VOLUME_RANGE[0] <= volume <= VOLUME_RANGE[1]:
        raise ValueError(Sentence("setting.volume", minimum=VOLUME_RANGE[0], maximum=VOLUME_RANGE[1], volume=volume))
    return coerced


class Display:
    """`service.display`: read and save the display settings (validated, atomic, audited)."""

    def __init__(self, service):
        self.service = service

    @property
    def settings(self):
        return self.service.settings

    def values(self) -> dict[str, Any]:
        return {name: getattr(self.settings, name) for name in DISPLAY_SETTINGS}

    def save(self, **values: Any) -> dict[str, Any]:
        """Check everything first (nothing changes on a bad value), write kiosk.toml, audit the
        change; returns what changed."""
        coerced = check_display_settings(values)
        dataclasses.replace(self.settings, **coerced)  # the whole set stays a valid Settings
        changes = self.settings.save_changes(coerced)
        if changes:
            self.service.audit_event(SETTING_CHANGE, "display", **changes)
        return {k: change["to"] for k, change in changes.items()}
