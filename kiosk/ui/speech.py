"""Spoken prompts (the liveness challenge's instructions) through Qt's text-to-speech.

Why it fails loudly but never stops the kiosk: a kiosk without a speech engine (no
speech-dispatcher, a wheel without the plugin) still shows every prompt as text; the log says,
once and at ERROR level, that nothing will be spoken and why, so IT can install the engine
(installer/screen.sh installs speech-dispatcher and espeak-ng).

The voice follows the screens' language (QLocale's default, which kiosk.ui.i18n sets): without
it speech-dispatcher's first voice speaks (on Debian's espeak-ng, "Bishnupriya Manipuri")."""
from __future__ import annotations

import logging
import os
import socket
from pathlib import Path

log = logging.getLogger(__name__)
PROBE_S = 2.0  # a speech-dispatcher that has not answered in this long is not going to


def speechd_socket() -> Path | None:
    """The socket libspeechd connects to (SPEECHD_ADDRESS, else its default paths), when it exists."""
    address = os.environ.get("SPEECHD_ADDRESS", "")
    if address:
        kind, _, where = address.partition(":")
        return Path(where) if kind == "unix_socket" and Path(where).exists() else None
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    candidates = ([Path(runtime) / "speech-dispatcher" / "speechd.sock"] if runtime else []) + [
        Path.home() / ".cache" / "speech-dispatcher" / "speechd.sock"]
    return next((c for c in candidates if c.exists()), None)


def speechd_problem(path: Path | None, timeout: float = PROBE_S) -> str:
    """Why the running speech-dispatcher at `path` cannot be used ('' when it answers, or when none
    runs: libspeechd then starts one). Why: a speech-dispatcher that lost its sound output stops
    answering, and Qt's speechd engine then blocks for ever in libspeechd's spd_open, with the
    entrance screen that made the Speaker (docs/liveness.md)."""
    if path is None:
        return ""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        probe.settimeout(timeout)
        try:
            probe.connect(str(path))
            probe.sendall(b"QUIT\r\n")
            reply = probe.recv(64)
        except ConnectionRefusedError:
            return ""  # a socket left behind by a stopped one: libspeechd starts a new one
        except OSError as exc:
            return f"speech-dispatcher at {path} does not answer ({exc or type(exc).__name__}); restart it"
    return "" if reply[:1].isdigit() else f"speech-dispatcher at {path} answered {reply!r}"


class Speaker:
    """`say(text)` speaks, or does nothing when `available` is False (`problem` says why)."""

    def __init__(self, engine: str | None = None) -> None:
        self.tts = None
        self.problem = ""
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as exc:
            self._fail(f"this PySide6 has no QtTextToSpeech ({exc})")
            return
        engines = [e for e in QTextToSpeech.availableEngines() if e != "mock"]
        if engine is not None:
            engines = [e for e in engines if e == engine] or ([engine] if engine == "mock" else [])
        if not engines:
            self._fail("no text-to-speech engine is installed for Qt (speechd or flite)")
            return
        if engines[0] == "speechd":
            problem = speechd_problem(speechd_socket())
            if problem:
                self._fail(problem)
                return
        tts = QTextToSpeech(engines[0])
        if tts.state() == QTextToSpeech.State.Error:
            self._fail(f"the {engines[0]} text-to-speech engine does not work: {tts.errorString() or 'no reason given'}")
            return
        self.tts = tts
        self.engine = engines[0]
        tts.errorOccurred.connect(lambda *args: self._fail(f"the {engines[0]} engine failed: {tts.errorString()}"))

    def _fail(self, why: str) -> None:
        if not self.problem:
            log.error("spoken prompts are off, the screen shows them as text only: %s", why)
        self.problem = why
        self.tts = None

    @property
    def available(self) -> bool:
        return self.tts is not None

    def say(self, text: str) -> bool:
        """Speak `text` (stopping whatever is still being said); False when nothing can be spoken."""
        if self.tts is None:
            return False
        self.tts.stop()
        self._use_language()
        self.tts.say(text)
        return True

    def _use_language(self) -> None:
        """A voice of the screens' language, when the engine has one (its list of languages
        arrives a moment after start: until then the current voice speaks)."""
        from PySide6.QtCore import QLocale

        wanted = QLocale()
        if self.tts.locale().language() == wanted.language():
            return
        same = [locale for locale in self.tts.availableLocales() if locale.language() == wanted.language()]
        if same:
            self.tts.setLocale(wanted if wanted in same else same[0])
