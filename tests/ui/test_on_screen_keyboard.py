"""The on-screen keyboard of kiosk mode (Qt Virtual Keyboard, kiosk.ui.keyboard) on a real X
server, tapped with real X pointer events (xdotool) as a finger would: a text field is tapped,
the keyboard comes up, its keys are tapped, the text arrives in the field, and the field stays
above the keyboard (the Employees search, the wizard's name field in a window-modal dialog,
and the Change worker ID dialog, which has to move up out of the keyboard's way). The kiosk runs
as its own process (tests/ui/osk_session.py), started the way main.py --kiosk starts."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.app.service import KioskService
from kiosk.app.settings import load_settings
from kiosk.ui import keyboard
from kiosk.ui.xserver import XServer
from tests.ui.conftest import PERSON, REPO

pytestmark = pytest.mark.skipif(shutil.which("xdotool") is None or shutil.which("Xvfb") is None,
                                reason="needs Xvfb and xdotool (installer/screen.sh --virtual)")


class Kiosk:
    """The kiosk process on its own X server, and a finger (xdotool) on that screen."""

    def __init__(self, x: XServer, data: Path):
        self.env = {**os.environ, **x.env}
        self.env.pop("QT_IM_MODULE", None)
        self.process = subprocess.Popen([sys.executable, "-m", "tests.ui.osk_session", str(data)], env=self.env,
                                        cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True)
        self.started = json.loads(self.process.stdout.readline() or "{}")
        assert self.started.get("ready"), self.process.stderr.read()[-3000:]

    def ask(self, command: str):
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        reply = json.loads(self.process.stdout.readline())
        assert not (isinstance(reply, dict) and "error" in reply), reply
        return reply

    def tap(self, x: int, y: int) -> None:
        subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], env=self.env, check=True, timeout=20)
        time.sleep(0.15)

    def tap_field(self, name: str) -> dict:
        deadline = time.monotonic() + 10
        while not ((where := self.ask(f"where {name}"))["visible"] and where["active"]):
            assert time.monotonic() < deadline, where  # its window is up and takes input
            time.sleep(0.1)
        time.sleep(0.3)  # (a dialog still settling where the window system put it)
        self.tap(where["x"] + where["w"] // 2, where["y"] + where["h"] // 2)
        return self.keyboard_up(name)

    def keyboard_up(self, name: str, timeout: float = 15.0) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            board = self.ask("keyboard")
            field = self.ask(f"where {name}")
            if board["visible"] and board["keys"] and field["focus"]:
                time.sleep(0.3)  # the dodge settles (a dialog moving up)
                return self.ask("keyboard")
            time.sleep(0.1)
        pytest.fail(f"the on-screen keyboard did not come up for {name}: {board}")

    def type(self, board: dict, name: str, keys: str) -> str:
        for key in keys:
            self.tap(*board["keys"][key])
        deadline = time.monotonic() + 5
        while len(self.ask(f"text {name}")) < len(keys) and time.monotonic() < deadline:
            time.sleep(0.1)
        return self.ask(f"text {name}")

    def above_keyboard(self, name: str, board: dict) -> bool:
        field = self.ask(f"where {name}")
        return field["y"] >= 0 and field["y"] + field["h"] <= board["rect"][1]

    def close(self) -> str:
        if self.process.poll() is None:
            self.ask("quit")
            self.process.wait(timeout=30)
        return self.process.stderr.read()


@pytest.mark.parametrize("width, height, dpi", [(1280, 800, 149), (1024, 768, 123)])
def test_tap_a_field_type_on_the_keyboard_and_the_field_stays_in_view(tmp_path, enrolled_gallery, width, height, dpi):
    data = tmp_path / "data"
    shutil.copytree(enrolled_gallery, data / "embeddings")
    with XServer(width, height, dpi=dpi) as x:
        kiosk = Kiosk(x, data)
        try:
            board = kiosk.tap_field("search")  # the Employees search
            assert board["rect"][1] + board["rect"][3] == height  # at the bottom of the screen
            assert kiosk.above_keyboard("search", board)
            assert kiosk.type(board, "search", "dan").casefold() == "dan"

            assert kiosk.ask("click enroll") == "clicked"  # the enrollment wizard: window-modal
            board = kiosk.tap_field("name")
            assert kiosk.type(board, "name", "zoe").casefold() == "zoe"
            assert kiosk.above_keyboard("name", board)
            kiosk.ask("click wizard_cancel")

            assert kiosk.ask(f"select {PERSON['user_id']}") == PERSON["user_id"]
            kiosk.ask("click rename")  # Change worker ID: a small dialog
            board = kiosk.tap_field("new_id")
            assert kiosk.above_keyboard("new_id", board)
            typed = kiosk.type(board, "new_id", "ops")
            assert typed.casefold() == "ops"
            kiosk.tap(*board["keys"]["\n"])  # the keyboard's Enter: change
            deadline = time.monotonic() + 10
            while kiosk.ask("people") != [typed] and time.monotonic() < deadline:
                time.sleep(0.1)
            assert kiosk.ask("people") == [typed]

            kiosk.ask("page attendance")  # the export dialog's "Save as" lies where the keyboard comes up
            kiosk.ask("click export")
            before = kiosk.ask("where save_as")
            board = kiosk.tap_field("save_as")
            assert before["y"] + before["h"] > board["rect"][1]  # it was under the keyboard...
            assert kiosk.above_keyboard("save_as", board)  # ...and the dialog moved it up, into view
            assert "zq" in kiosk.type(board, "save_as", "zq").casefold()
            summary = kiosk.ask("where summary")  # a radio button above the field, while the dialog is up
            assert not kiosk.ask("checked summary") and summary["y"] + summary["h"] < board["rect"][1]
            kiosk.tap(summary["x"] + 12, summary["y"] + summary["h"] // 2)  # it takes the focus: the keyboard goes
            deadline = time.monotonic() + 5
            while kiosk.ask("where save_as")["y"] != before["y"] and time.monotonic() < deadline:
                time.sleep(0.1)
            assert kiosk.ask("where save_as")["y"] == before["y"]  # back where it was once the keyboard is gone
            assert kiosk.ask("checked summary")  # and the tap that sent it away still clicked where it landed
        finally:
            log = kiosk.close()
    assert "on-screen keyboard on" in log
    assert [r.user_id for r in KioskService(load_settings(data)).people()] == [typed]


def test_off_unless_kiosk_mode_or_asked_and_a_missing_library_is_said(tmp_path):
    assert keyboard.choose("auto", kiosk_mode=True) and not keyboard.choose("auto", kiosk_mode=False)
    assert keyboard.choose("on", kiosk_mode=False) and not keyboard.choose("off", kiosk_mode=True)
    with pytest.raises(ValueError, match="on_screen_keyboard"):
        keyboard.choose("maybe", kiosk_mode=True)
    assert keyboard.load_problem() is None  # here: PySide6-Addons and libpulse0 are installed
    # A machine without libpulse0: a broken libpulse.so.0 found first stands in for a missing one.
    libs = tmp_path / "lib"
    libs.mkdir()
    (libs / "libpulse.so.0").write_bytes(b"")
    code = ("import os; from kiosk.ui import keyboard; c = keyboard.prepare('auto', True); "
            "print(c.enabled, os.environ.get('QT_IM_MODULE')); print(c.reason)")
    env = {**os.environ, "LD_LIBRARY_PATH": str(libs)}
    env.pop("QT_IM_MODULE", None)
    result = subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO, capture_output=True, text=True,
                            timeout=60)
    enabled, reason = result.stdout.strip().splitlines()
    assert enabled == "False None", result.stdout
    assert "ON-SCREEN KEYBOARD UNAVAILABLE" in reason and "libpulse.so.0" in reason and "libpulse0" in reason
