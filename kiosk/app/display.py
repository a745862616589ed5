"""How the kiosk looks and sounds for the people using it: the high-contrast theme, the text
size and the check-in sounds' volume (issue 26). Kept in kiosk.toml like every setting; the
screens read them through here and apply them at once (kiosk.ui.theme, kiosk.ui.sounds)."""
from __future__ import annotations

import dataclasses
from typing import Any

from kiosk.app.settings import coerce_setting
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
            raise ValueError(f"{name} is not a display setting: use one of {', '.join(DISPLAY_SETTINGS)}")
        try:
            coerced[name] = coerce_setting(name, value)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{name}: {exc}") from exc
    scale = coerced.get("text_scale")
    if scale is not None and not TEXT_SCALE_RANGE[0] <= scale <= TEXT_SCALE_RANGE[1]:
        raise ValueError(f"The text size must be between {TEXT_SCALE_RANGE[0]:.0%} and {TEXT_SCALE_RANGE[1]:.0%} "
                         f"of normal, not {scale:.0%}.")
    volume = coerced.get("sound_volume")
    if volume is not None and not VOLUME_RANGE[0] <= volume <= VOLUME_RANGE[1]:
        raise ValueError(f"The volume must be between {VOLUME_RANGE[0]} and {VOLUME_RANGE[1]}, not {volume}.")
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
        changed = {k: v for k, v in coerced.items() if getattr(self.settings, k) != v}
        if not changed:
            return {}
        before = {k: getattr(self.settings, k) for k in changed}
        for name, value in changed.items():
            setattr(self.settings, name, value)
        try:
            self.settings.save()
        except OSError:
            for name, value in before.items():
                setattr(self.settings, name, value)
            raise
        self.service.audit_event(SETTING_CHANGE, "display", **{k: {"from": before[k], "to": v}
                                                               for k, v in changed.items()})
        return changed
