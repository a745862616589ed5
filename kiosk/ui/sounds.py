"""The entrance's two sounds (issue 26): a bright rising chime when a check-in is recorded, and a
low falling one when a face is not recognised, so a person who cannot read the banner still
knows; at the volume set on the Accessibility page (kiosk.app.display: sound_volume 0..100).

The WAV files are synthesised here (two short tones each, 16-bit mono PCM, a soft attack and
release so they do not click), written once to a cache folder, and played with QtMultimedia's
QSoundEffect. A machine without audio output (no device, no QtMultimedia) plays nothing and
says so in one log line; everything else behaves the same (`last` still records what was chosen)."""
from __future__ import annotations

import logging
import math
import os
import struct
import tempfile
import wave
from pathlib import Path

log = logging.getLogger(__name__)

CHECKED_IN, NOT_RECOGNISED = "checked_in", "not_recognised"
RATE = 22050
# Each sound: (frequency in Hz, seconds) tones played one after the other.
TONES = {CHECKED_IN: ((880.0, 0.11), (1318.5, 0.18)),  # A5 then E6: up, "done"
         NOT_RECOGNISED: ((392.0, 0.16), (261.6, 0.26))}  # G4 then C4: down, "try again"
FADE_S = 0.012


def synthesise(tones, rate: int = RATE) -> bytes:
    """16-bit mono PCM samples of `tones`, each faded in and out."""
    samples = []
    fade = int(FADE_S * rate)
    for frequency, seconds in tones:
        count = int(seconds * rate)
        for i in range(count):
            envelope = min(1.0, i / fade, (count - 1 - i) / fade)
            value = 0.6 * envelope * math.sin(2 * math.pi * frequency * i / rate)
            samples.append(int(value * 32767))
    return struct.pack(f"<{len(samples)}h", *samples)


def write_wav(path: Path, tones) -> Path:
    """A WAV file of `tones` (written to a temporary name, then moved: never half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with wave.open(str(tmp), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(synthesise(tones))
    os.replace(tmp, path)
    return path


def sound_files(folder: Path | None = None) -> dict[str, Path]:
    """{sound: WAV path}, synthesised into `folder` (default: a per-user cache folder) if missing."""
    folder = folder or Path(tempfile.gettempdir()) / f"kiosk-sounds-{os.getuid()}"
    files = {}
    for kind, tones in TONES.items():
        path = folder / f"{kind}.wav"
        if not path.is_file():
            write_wav(path, tones)
        files[kind] = path
    return files


class Sounds:
    """`Sounds(settings).play(CHECKED_IN)`: at settings.sound_volume (read at every play, so a
    change on the Accessibility page is heard at once; 0 is silent)."""

    def __init__(self, settings, folder: Path | None = None, parent=None):
        self.settings = settings
        self.last: tuple[str, float] | None = None  # (sound, volume 0..1) of the latest play
        self.effects: dict = {}
        self.available = False
        try:
            from PySide6.QtCore import QUrl
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

            files = sound_files(folder)
            for kind, path in files.items():
                effect = QSoundEffect(parent)
                effect.setSource(QUrl.fromLocalFile(str(path)))
                self.effects[kind] = effect
            self.available = bool(QMediaDevices.audioOutputs())
        except (ImportError, OSError) as exc:
            log.info("check-in sounds off: %s", exc)
            return
        if not self.available:
            log.info("check-in sounds off: this machine has no audio output")

    @property
    def volume(self) -> float:
        return max(0, min(100, int(getattr(self.settings, "sound_volume", 70)))) / 100

    def play(self, kind: str) -> bool:
        """Play `kind` at the set volume; True when it went to an audio output."""
        if kind not in TONES:
            raise ValueError(f"no sound called {kind!r}: use {CHECKED_IN} or {NOT_RECOGNISED}")
        volume = self.volume
        self.last = (kind, volume)
        effect = self.effects.get(kind)
        if effect is None:
            return False
        effect.setVolume(volume)
        if not self.available or volume <= 0:
            return False
        effect.play()
        return True
