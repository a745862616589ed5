"""What the settings decide beyond plain values, built once here for the service and the commands:
the embedder's decision rule with the settings' thresholds over it, and the gallery's at-rest cipher."""
from __future__ import annotations

from kiosk.app.settings import Settings
from kiosk.recognition.decision import DecisionRule
from kiosk.security.at_rest import MARKER, LazyCipher


def decision_rule(embedder, settings: Settings) -> DecisionRule:
    """The embedder's calibrated rule (its `default_rule`; else its plain thresholds, no
    margin), then the settings' threshold, masked threshold and margins over it."""
    params = dict(getattr(embedder, "default_rule", None) or {})
    if not params:
        masked = getattr(embedder, "default_gate_threshold", None) if getattr(embedder, "default_gate_offset", None) \
            is not None else getattr(embedder, "default_masked_threshold", None)
        params = {"threshold": embedder.default_threshold, "masked_threshold": masked}
    for key in ("threshold", "masked_threshold", "margin", "masked_margin"):
        if getattr(settings, key, None) is not None:
            params[key] = float(getattr(settings, key))
    return DecisionRule(**params)


def gallery_cipher_for(settings: Settings):
    """The gallery's at-rest cipher (kiosk.security.at_rest), its key made on the first write when
    encryption is on; with it off, a gallery sealed earlier still finds its key, a plain one
    stays plain."""

    if settings.encryption not in ("on", "off"):
        raise ValueError(f"encryption = {settings.encryption!r} in {settings.settings_path}: use \"on\" or \"off\"")
    if settings.encryption == "off" and not (settings.embeddings_dir / MARKER).is_file():
        return None
    return LazyCipher(settings.embeddings_dir, settings.data_dir, create=settings.encryption == "on")
