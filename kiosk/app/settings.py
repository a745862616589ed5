"""One settings object for the whole kiosk: defaults, then `kiosk.toml` in the data folder,
then environment variables (KIOSK_DATA_DIR, KIOSK_MODELS_DIR, KIOSK_THRESHOLD, ...)."""
from __future__ import annotations

import dataclasses
import os
import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomllib

from kiosk.common.fsutil import atomic_write_text
from kiosk.common.private import private_dir
from kiosk.common.refusals import Sentence

SETTINGS_FILE = "kiosk.toml"
# The languages the screens are translated into (resources/i18n/kiosk_<code>.ts; docs/languages.md).
LANGUAGES = ("en", "fr", "ar")
CHALLENGE_POLICIES = ("off", "on_doubt", "always")  # liveness_challenge (kiosk.recognition.challenge)


@dataclass
class Settings:
    data_dir: Path = field(default_factory=Path.cwd)
    # Extra folder searched first for weights (KIOSK_MODELS_DIR); None = only the defaults.
    models_dir: Path | None = None
    detector: str = "auto"  # auto | scrfd | mtcnn
    embedder: str = "auto"  # auto | facenet | mobilefacenet | edgeface (-xs | -xxs) | dlib
    # Camera frames: "fast" (det_500m at 320, the full-size chain only on faceless frames:
    # kiosk.vision.live_detect; about 5x cheaper) or "full" (the full-size chain on every frame, as
    # before issue 24). Frames through the fast detector are judged by the embedder's own rule for
    # them (`live_fast_rule`: no wrong person and no stranger accepted in the open-set protocol,
    # docs/benchmarks.md section 5); an embedder without one gets "full". Photos keep the full chain.
    live_detection: str = "fast"
    # None means "the active embedder's own calibrated default" (per path: photos, fast live frames).
    # A value only makes a path stricter than its calibration (kiosk.app.from_settings.decision_rule)
    # unless allow_looser_rule is set.
    threshold: float | None = None
    masked_threshold: float | None = None
    # The open-set rule's lead of the best person over the second best (kiosk.recognition.decision);
    # None: the embedder's calibrated margins. `kiosk calibrate --apply` writes site values.
    margin: float | None = None
    masked_margin: float | None = None
    # true: the four values above replace the calibrated rules as given, even below them (an
    # admin's explicit choice: it may name wrong people). false: they can only raise them.
    allow_looser_rule: bool = False
    cooldown_seconds: int = 300
    camera: str = "0"
    kiosk_id: str = field(default_factory=socket.gethostname)
    # Live screen: how many consecutive frames must agree before a check-in is recorded.
    confirm_frames: int = 3
    admin_pin_hash: str = ""
    hr_pin_hash: str = ""  # HR's own PIN (employees, attendance, export); the admin PIN does it all
    # The admin PIN's one-time recovery code, hashed (kiosk.security.recovery_code; kiosk.app.first_run).
    recovery_code_hash: str = ""
    # Templates and stored photos sealed with AES-256-GCM (kiosk.security.at_rest): on | off.
    encryption: str = "on"
    # Retention in days (kiosk.attendance.retention; `kiosk purge`, run daily by the kiosk);
    # unset keeps that kind of record.
    retention_unknown_days: int | None = 30
    retention_access_days: int | None = 365
    retention_attendance_days: int | None = None
    retention_photos_days: int | None = None
    # Liveness (kiosk.recognition.liveness): on when its model files are present; `liveness = false`
    # in kiosk.toml switches it off. None threshold: the calibrated default.
    liveness: bool = True
    liveness_threshold: float | None = None
    # Challenge-response liveness (kiosk.recognition.challenge, docs/liveness.md): "off", "on_doubt"
    # (only when the passive score is not steadily over liveness_clear, plus a random spot check of
    # liveness_spot_check of the clear ones) or "always"; the whole challenge's seconds; None
    # liveness_clear: kiosk.app.challenge_gate's default. camera_mirrored: the camera (or its
    # driver) flips the picture left-right, so "your left" is read the other way round.
    liveness_challenge: str = "on_doubt"
    liveness_challenge_seconds: float = 4.0
    liveness_clear: float | None = None
    liveness_spot_check: float = 0.2
    camera_mirrored: bool = False
    # A site's shared PostgreSQL database (kiosk.site), e.g. postgresql://kiosk@server/kiosk;
    # empty: this kiosk alone, on its own attendance.db and embeddings folder.
    database_url: str = ""
    # The on-screen keyboard for text fields (kiosk.ui.keyboard): "auto" (on in --kiosk mode), "on", "off".
    on_screen_keyboard: str = "auto"
    # The screens' language (kiosk.ui.i18n): one of LANGUAGES; "en" is the source text.
    language: str = "en"
    # Time and attendance (kiosk.attendance.clock, .punches, .shifts). The site's IANA zone; empty:
    # this machine's zone. Every punch is stored as UTC plus the zone it was taken in.
    time_zone: str = ""
    # How a punch gets its direction: "auto" (the first of a working session IN, then alternating),
    # "window" (IN before punch_out_after, OUT from then on), "choose" (auto, and the person may
    # tap IN / OUT / Break on the confirmation screen for punch_choice_seconds).
    punch_mode: str = "auto"
    punch_out_after: str = "12:00"
    punch_choice_seconds: int = 6
    # A forgotten check-out: closed automatically at shift end + auto_close_after_minutes (marked
    # as automatic in every report) when on, else left for HR; a session longer than
    # max_session_hours is always flagged.
    auto_close_out: bool = False
    auto_close_after_minutes: int = 60
    max_session_hours: float = 16.0
    # Shifts: [shifts.NAME] tables in kiosk.toml (kiosk.attendance.shifts says the keys); people get
    # their own shift, else their department's ([department_shifts]), else default_shift.
    default_shift: str = "day"
    shifts: dict = field(default_factory=dict)
    department_shifts: dict = field(default_factory=dict)
    holidays: list = field(default_factory=list)  # "YYYY-MM-DD" or {date = ..., name = ...}
    # Accessibility (kiosk.app.display, kiosk.ui.theme, kiosk.ui.sounds): the high-contrast theme,
    # text size (1.0 to 1.5 of the normal size) and the check-in sounds' volume (0 = silent, 100).
    high_contrast: bool = False
    text_scale: float = 1.0
    sound_volume: int = 70

    @property
    def embeddings_dir(self) -> Path:
        return self.data_dir / "embeddings"

    @property
    def db_path(self) -> Path:
        return self.data_dir / "attendance.db"

    @property
    def settings_path(self) -> Path:
        return self.data_dir / SETTINGS_FILE

    @property
    def own_models_dir(self) -> Path:
        """The kiosk's own models folder, where `kiosk models fetch` puts downloads."""
        return self.data_dir / "models"

    def save(self) -> None:
        """Write the user-settable fields to kiosk.toml (atomically)."""
        lines, tables = [], []
        for f in dataclasses.fields(self):
            if f.name in ("data_dir",):
                continue
            value = getattr(self, f.name)
            if value is None:
                continue
            if isinstance(value, Path):
                value = str(value)
            if isinstance(value, dict):  # TOML tables go after every plain key
                tables.extend(_toml_table(f.name, value))
                continue
            lines.append(f"{f.name} = {_toml_value(value)}")
        lines.extend(tables)
        private_dir(self.data_dir)
        atomic_write_text(self.settings_path, "\n".join(lines) + "\n")

    def save_changes(self, values: dict[str, Any]) -> dict[str, dict[str, Any]]:
        """Set the checked `values` that differ and write kiosk.toml; a refused write puts them
        back. Returns what changed as the audit trail records it ({name: {"from", "to"}})."""
        changed = {k: v for k, v in values.items() if getattr(self, k) != v}
        before = {k: getattr(self, k) for k in changed}
        for name, value in changed.items():
            setattr(self, name, value)
        try:
            if changed:
                self.save()
        except OSError:
            for name, value in before.items():
                setattr(self, name, value)
            raise
        return {k: {"from": before[k], "to": v} for k, v in changed.items()}


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):  # an inline table (a holiday {date = ..., name = ...})
        return "{" + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def _toml_key(key: object) -> str:
    text = str(key)
    return text if text and all(c.isalnum() or c in "-_" for c in text) else _toml_value(text)


def _toml_table(name: str, table: dict) -> list[str]:
    """`[name]` with its plain keys, then `[name.sub]` for each sub-table (a shift)."""
    plain = {k: v for k, v in table.items() if not isinstance(v, dict)}
    lines = ["", f"[{name}]", *(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in plain.items())]
    for key, sub in table.items():
        if isinstance(sub, dict):
            lines.extend(_toml_table(f"{name}.{_toml_key(key)}", sub))
    return lines


_ENV = {
    "KIOSK_MODELS_DIR": "models_dir",
    "KIOSK_DETECTOR": "detector",
    "KIOSK_EMBEDDER": "embedder",
    "KIOSK_LIVE_DETECTION": "live_detection",
    "KIOSK_THRESHOLD": "threshold",
    "KIOSK_MASKED_THRESHOLD": "masked_threshold",
    "KIOSK_MARGIN": "margin",
    "KIOSK_MASKED_MARGIN": "masked_margin",
    "KIOSK_ALLOW_LOOSER_RULE": "allow_looser_rule",
    "KIOSK_COOLDOWN": "cooldown_seconds",
    "KIOSK_CAMERA": "camera",
    "KIOSK_ID": "kiosk_id",
    "KIOSK_LIVENESS": "liveness",
    "KIOSK_LIVENESS_THRESHOLD": "liveness_threshold",
    "KIOSK_LIVENESS_CHALLENGE": "liveness_challenge",
    "KIOSK_LIVENESS_SPOT_CHECK": "liveness_spot_check",
    "KIOSK_DATABASE_URL": "database_url",
    "KIOSK_ON_SCREEN_KEYBOARD": "on_screen_keyboard",
    "KIOSK_TIME_ZONE": "time_zone",
    "KIOSK_LANGUAGE": "language",
}


def coerce_setting(name: str, raw: Any) -> object:
    """`raw` (a kiosk.toml value or an environment string) as the type of Settings field `name`."""
    types = {f.name: f.type for f in dataclasses.fields(Settings)}
    kind = str(types[name])
    if raw is None or ("None" in kind and str(raw).strip().lower() in ("", "none", "keep", "forever")):
        return None
    if kind.startswith(("dict", "list")):
        expected = dict if kind.startswith("dict") else list
        if not isinstance(raw, expected):
            raise ValueError(Sentence("setting.table" if expected is dict else "setting.list", setting=name,
                                      value=repr(raw)))
        return raw
    if "Path" in kind:
        return Path(str(raw)).expanduser()
    if kind.startswith("bool"):
        return _boolean(name, raw)
    if kind.startswith("int"):
        return int(raw)
    if "float" in kind:
        value = float(raw)
        if name == "liveness_challenge_seconds" and not 0.5 <= value <= 30:
            raise ValueError(Sentence("setting.challenge_seconds", value=repr(raw)))
        if name == "liveness_spot_check" and not 0.0 <= value <= 1.0:
            raise ValueError(Sentence("setting.spot_check", value=repr(raw)))
        return value
    if name == "language":
        return checked_language(raw)
    if name == "liveness_challenge" and str(raw) not in CHALLENGE_POLICIES:
        raise ValueError(Sentence("setting.challenge_policy", choices=", ".join(CHALLENGE_POLICIES), value=repr(raw)))
    return str(raw)


def checked_language(raw: object) -> str:
    """A language code of LANGUAGES ("fr", "FR " and "fr_FR" are French); anything else is refused."""
    code = str(raw).strip().replace("-", "_").split("_")[0].lower()
    if code not in LANGUAGES:
        raise ValueError(Sentence("setting.language", choices=", ".join(LANGUAGES), value=repr(raw)))
    return code


def _boolean(name: str, raw: object) -> bool:
    """true/false, on/off, yes/no, 1/0 (kiosk.toml and the environment)."""
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in ("1", "true", "on", "yes"):
        return True
    if text in ("0", "false", "off", "no"):
        return False
    raise ValueError(Sentence("setting.on_off", setting=name, value=repr(raw)))


def load_settings(data_dir: str | os.PathLike | None = None, **overrides: object) -> Settings:
    """Settings for a data folder: defaults < kiosk.toml < environment < explicit overrides."""
    if data_dir is None:
        data_dir = os.environ.get("KIOSK_DATA_DIR") or Path.cwd()
    settings = Settings(data_dir=Path(data_dir).expanduser().resolve())
    names = {f.name for f in dataclasses.fields(Settings)}
    if settings.settings_path.is_file():
        try:
            with open(settings.settings_path, "rb") as fh:
                stored = tomllib.load(fh)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ValueError(f"{settings.settings_path} is not valid TOML: {exc}") from exc
        for key, value in stored.items():
            if key in names and key != "data_dir":
                try:
                    setattr(settings, key, coerce_setting(key, value))
                except (TypeError, ValueError) as exc:
                    raise ValueError(f"{settings.settings_path}: {key} = {value!r} is not valid: {exc}") from exc
    for env, key in _ENV.items():
        if os.environ.get(env):
            try:
                setattr(settings, key, coerce_setting(key, os.environ[env]))
            except ValueError as exc:
                raise ValueError(f"{env}={os.environ[env]!r} is not valid: {exc}") from exc
    for key, value in overrides.items():
        if value is not None:
            setattr(settings, key, coerce_setting(key, value))
    return settings
