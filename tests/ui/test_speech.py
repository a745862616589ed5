"""Spoken prompts through Qt's speechd engine, really spoken: a private speech-dispatcher (the
system's configuration, its sound sent to ALSA's file device, since a test machine has no sound
card) synthesises the prompt with espeak-ng, and the test reads the samples it wrote. Skipped,
with the reason, only where speech-dispatcher or Qt's speechd plugin is absent (installer/screen.sh
installs them)."""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest

SAMPLE_RATE = 22050  # espeak-ng's, 16-bit mono


@pytest.fixture
def speech_dispatcher(tmp_path, monkeypatch):
    """A speech-dispatcher of the test's own (so nothing of the machine's is touched); yields the
    file its sound goes to."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    program = shutil.which("speech-dispatcher")
    if program is None or not Path("/etc/speech-dispatcher/speechd.conf").is_file():
        pytest.skip("speech-dispatcher is not installed (installer/screen.sh installs it with espeak-ng)")
    if "speechd" not in QTextToSpeech.availableEngines():
        pytest.skip("Qt's speechd text-to-speech plugin does not load here (libspeechd2 missing?)")
    conf = tmp_path / "conf"
    shutil.copytree("/etc/speech-dispatcher", conf)
    sound = tmp_path / "spoken.raw"
    with open(conf / "speechd.conf", "a") as fh:
        fh.write(f'\nAudioOutputMethod "alsa"\nAudioALSADevice "file:FILE={sound},FORMAT=raw"\n')
    socket = tmp_path / "speechd.sock"
    server = subprocess.Popen([program, "--run-single", "--communication-method", "unix_socket",
                               "--socket-path", str(socket), "--config-dir", str(conf), "--log-dir", str(tmp_path),
                               "--pid-file", str(tmp_path / "pid"), "--timeout", "0"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while not socket.exists() and time.monotonic() < deadline and server.poll() is None:
            time.sleep(0.05)
        assert socket.exists(), f"speech-dispatcher did not start (exit {server.poll()})"
        monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{socket}")
        yield sound
    finally:
        server.terminate()
        server.wait(10)


def spoken_seconds(sound: Path) -> tuple[float, int]:
    """How long the written sound lasts, and its loudest sample."""
    samples = np.frombuffer(sound.read_bytes(), dtype="<i2") if sound.exists() else np.zeros(0, "<i2")
    return len(samples) / SAMPLE_RATE, int(np.abs(samples.astype(np.int32)).max(initial=0))


def test_a_prompt_is_spoken_in_the_screens_language(qtbot, speech_dispatcher):
    from PySide6.QtCore import QLocale
    from PySide6.QtTextToSpeech import QTextToSpeech

    from kiosk.ui.speech import Speaker

    speaker = Speaker("speechd")
    assert speaker.available, speaker.problem
    qtbot.waitUntil(lambda: speaker.tts.state() == QTextToSpeech.State.Ready and bool(speaker.tts.availableLocales()),
                    timeout=10000)
    states = []
    speaker.tts.stateChanged.connect(lambda state: states.append(state))
    before = QLocale()
    try:
        QLocale.setDefault(QLocale("en_GB"))
        assert speaker.say("Turn your head to your left")
        qtbot.waitUntil(lambda: states[-1:] == [QTextToSpeech.State.Ready], timeout=10000)
        assert states == [QTextToSpeech.State.Speaking, QTextToSpeech.State.Ready]
        assert speaker.tts.voice().locale().language() == QLocale.Language.English
        seconds, loudest = spoken_seconds(speech_dispatcher)
        assert 0.5 < seconds < 5 and loudest > 1000, (seconds, loudest)  # a spoken sentence, not silence

        QLocale.setDefault(QLocale("fr_FR"))
        states.clear()
        assert speaker.say("Tournez la tête vers votre gauche")
        qtbot.waitUntil(lambda: states[-1:] == [QTextToSpeech.State.Ready], timeout=10000)
        assert states == [QTextToSpeech.State.Speaking, QTextToSpeech.State.Ready]
        assert speaker.tts.voice().locale().language() == QLocale.Language.French
        assert spoken_seconds(speech_dispatcher)[0] > seconds + 0.5  # the second sentence was written too
    finally:
        QLocale.setDefault(before)
    assert os.environ["SPEECHD_ADDRESS"].startswith("unix_socket:")


def test_a_speech_dispatcher_that_does_not_answer_turns_speech_off_instead_of_hanging(tmp_path, monkeypatch, caplog):
    """A speech-dispatcher that lost its sound output accepts connections and never answers; Qt's
    engine would block for ever in spd_open. Here a socket that listens and never answers stands in
    for it: the Speaker gives up after its probe, says why, and the screen shows text only."""
    import socket as sockets

    from PySide6.QtTextToSpeech import QTextToSpeech

    from kiosk.ui.speech import PROBE_S, Speaker, speechd_problem

    if "speechd" not in QTextToSpeech.availableEngines():
        pytest.skip("Qt's speechd text-to-speech plugin does not load here (libspeechd2 missing?)")
    path = tmp_path / "silent.sock"
    with sockets.socket(sockets.AF_UNIX, sockets.SOCK_STREAM) as silent:
        silent.bind(str(path))
        silent.listen(4)
        monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{path}")
        started = time.monotonic()
        speaker = Speaker("speechd")
        assert time.monotonic() - started < PROBE_S + 2
    assert not speaker.available and "does not answer" in speaker.problem
    assert not speaker.say("Turn your head to your left")
    assert "spoken prompts are off" in caplog.text
    # A socket left behind by a stopped speech-dispatcher is no problem: libspeechd starts a new one.
    assert speechd_problem(path) == ""
