"""installer/install.sh end to end, as an IT admin would run it, into a throwaway home: install
(the environment reuses this interpreter's packages: nothing downloaded), start the kiosk through
the autostart entry as a login session would, on a real X server; its window appears; killed, the
supervisor starts it again; upgrade keeps and migrates the data; the translations built at
install time, the kiosk started in French when the site's language is fr; uninstall keeps the data;
uninstall --purge removes it. This machine (and CI) has no systemd user manager, so the
supervisor script is the path tested; docs/install.md says what differs under systemd."""
from __future__ import annotations

import os
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.app.settings import LANGUAGES
from kiosk.ui.first_run import SETUP_TITLE
from kiosk.ui.xserver import XServer

REPO = Path(__file__).resolve().parents[2]
MODELS = REPO.parent / "shared" / "models"
ADMIN_PIN = "2580"

pytestmark = [
    pytest.mark.installer,
    pytest.mark.skipif(shutil.which("xdotool") is None or shutil.which("Xvfb") is None,
                       reason="needs Xvfb and xdotool (installer/screen.sh --virtual)"),
]


def base_python() -> str:
    """The interpreter this test's virtual environment was made from (a venv's own python would
    make a venv of a venv)."""
    return str(Path(sys.base_prefix) / "bin" / f"python{sys.version_info.major}.{sys.version_info.minor}")


class Machine:
    """A throwaway home with an X server: what an IT admin and a login session would do there."""

    def __init__(self, home: Path, x: XServer):
        self.home = home
        self.env = {k: v for k, v in os.environ.items()
                    if not k.startswith(("XDG_", "KIOSK_", "PYTHON", "QT_")) and k != "DISPLAY"}
        self.env |= {"HOME": str(home), **x.env}
        self.prefix = home / ".local/opt/kiosk"
        self.data = home / ".local/share/kiosk"
        self.state = home / ".local/state/kiosk"
        self.session: subprocess.Popen | None = None
        self.geometry = ""  # xdotool's description of the last window found

    def install(self, *options: str) -> str:
        done = subprocess.run([str(REPO / "installer" / "install.sh"), *options], env=self.env, cwd=self.home,
                              capture_output=True, text=True, timeout=240)
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout + done.stderr

    def kiosk(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(self.prefix / "bin" / "kiosk"), *args], env=self.env, capture_output=True,
                              text=True, timeout=120)

    def log_in(self) -> None:
        """What the desktop does at login: run the autostart entry's Exec line."""
        entry = (self.home / ".config/autostart/kiosk.desktop").read_text()
        exec_line = next(line.split("=", 1)[1] for line in entry.splitlines() if line.startswith("Exec="))
        self.session = subprocess.Popen(shlex.split(exec_line), env=self.env, start_new_session=True,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def kiosk_pid(self) -> int | None:
        try:
            pid = int((self.state / "kiosk.pid").read_text())
        except (OSError, ValueError):
            return None
        return pid if Path(f"/proc/{pid}").exists() else None

    def window_of(self, pid: int, timeout: float = 90.0, title: str = "^Kiosk") -> str:
        """The title of the kiosk's top-level window (its title matching `title`) once `pid` has mapped one."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = subprocess.run(["xdotool", "search", "--all", "--onlyvisible", "--pid", str(pid), "--name",
                                    title], env=self.env, capture_output=True, text=True)
            if found.returncode == 0 and found.stdout.split():
                window = found.stdout.split()[0]
                self.geometry = subprocess.run(["xdotool", "getwindowgeometry", window], env=self.env,
                                               capture_output=True, text=True).stdout
                return subprocess.run(["xdotool", "getwindowname", window], env=self.env, capture_output=True,
                                      text=True).stdout.strip()
            assert self.kiosk_pid() == pid, (self.state / "kiosk.log").read_text()[-3000:]
            time.sleep(0.5)
        pytest.fail(f"no kiosk window after {timeout} s:\n" + (self.state / "kiosk.log").read_text()[-3000:])

    def running_pid(self, other_than: int | None = None, timeout: float = 30.0) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pid = self.kiosk_pid()
            if pid and pid != other_than:
                return pid
            time.sleep(0.2)
        pytest.fail("the supervisor did not start the kiosk:\n" + (self.state / "kiosk.log").read_text()[-3000:])

    def stop(self) -> None:
        if self.session is not None and self.session.poll() is None:
            self.session.terminate()
            self.session.wait(timeout=20)


@pytest.fixture
def machine(tmp_path):
    with XServer(1280, 800, dpi=149) as x:
        home = tmp_path / "home"
        home.mkdir()
        m = Machine(home, x)
        try:
            yield m
        finally:
            m.stop()


def test_install_start_restart_upgrade_uninstall_purge(machine):
    began = time.monotonic()
    environment = ["--python", base_python(), "--reuse-packages-of", sys.executable]
    models = ["--models", str(MODELS)] if MODELS.is_dir() else []
    out = machine.install(*environment, *models)
    assert "installed in" in out and "the supervisor" in out  # no systemd user manager here
    assert (machine.home / ".local/share/applications/kiosk.desktop").is_file()
    if shutil.which("systemd-analyze"):  # the unit a systemd machine would use: valid, its command there
        verify = subprocess.run(["systemd-analyze", "verify", str(machine.prefix / "kiosk.service")],
                                env=machine.env, capture_output=True, text=True)
        assert verify.returncode == 0 and not verify.stderr.strip(), verify.stderr
    if models:  # copied and checked against the registry's sha256 (kiosk models install)
        assert (machine.data / "models" / "det_500m.onnx").is_file()
    # The translations built at install time, beside their sources where the kiosk looks first.
    translations = machine.prefix / "app" / "resources" / "i18n"
    assert {p.name for p in translations.glob("*.qm")} == {f"kiosk_{code}.qm" for code in LANGUAGES}

    # A login: the autostart entry starts the supervisor, which starts the kiosk full screen.
    machine.log_in()
    first = machine.running_pid()
    assert "--kiosk" in Path(f"/proc/{first}/cmdline").read_text().replace("\0", " ")
    assert machine.window_of(first) == SETUP_TITLE  # a new kiosk opens on its set-up screen
    assert "Geometry: 1280x800" in machine.geometry  # full screen

    # It dies: the supervisor starts it again, and a window comes back.
    os.kill(first, 9)
    second = machine.running_pid(other_than=first)
    assert machine.window_of(second) == SETUP_TITLE
    assert "restarting in" in (machine.state / "kiosk.log").read_text()

    # Data of its own: the admin PIN (kiosk.toml) and its audit record (attendance.db).
    pin_file = machine.home / "pin"
    pin_file.write_text(ADMIN_PIN + "\n")
    done = machine.kiosk("set-admin-pin", "--new-pin-file", str(pin_file))
    assert done.returncode == 0, done.stderr
    settings = (machine.data / "kiosk.toml").read_text()

    # Upgrade: data kept (a backup beside it), migrated, and the running kiosk restarted on it.
    out = machine.install("--upgrade", *environment)
    assert "upgraded" in out
    assert (machine.data / "kiosk.toml").read_text() == settings
    assert list((machine.data / "backups").glob("attendance-*.db"))
    from kiosk.attendance.schema import SCHEMA_VERSION

    with sqlite3.connect(machine.data / "attendance.db") as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("SELECT count(*) FROM audit_log WHERE action = 'pin_change'").fetchone()[0] >= 1
    third = machine.running_pid(other_than=second)
    assert machine.window_of(third) == "Kiosk - attendance"  # set up now: the entrance, full screen
    assert "Geometry: 1280x800" in machine.geometry
    assert machine.kiosk("--pin-file", str(pin_file), "audit", "verify").returncode == 0

    # The site's language set to French: the kiosk started again speaks it, from the installed .qm
    # files (nothing built into the user's cache at start).
    settings, changed = re.subn(r'(?m)^language = .*$', 'language = "fr"', settings)
    assert changed == 1, settings
    (machine.data / "kiosk.toml").write_text(settings)
    os.kill(third, 9)
    fourth = machine.running_pid(other_than=third)
    assert machine.window_of(fourth, title="^Borne") == "Borne - présences"
    assert not (machine.home / ".cache" / "kiosk" / "i18n").exists()
    third = fourth

    # Uninstall: the kiosk stops, the application and its entries go, the data stays.
    machine.install("--uninstall")
    machine.session.wait(timeout=30)  # the supervisor ended
    assert machine.kiosk_pid() is None and not Path(f"/proc/{third}").exists()
    assert not machine.prefix.exists()
    assert not (machine.home / ".config/autostart/kiosk.desktop").exists()
    assert (machine.data / "kiosk.toml").read_text() == settings and (machine.data / "attendance.db").is_file()

    # Uninstall --purge: the data goes too.
    machine.install("--uninstall", "--purge")
    assert not machine.data.exists()
    print(f"install test took {time.monotonic() - began:.0f} s")


def test_a_model_file_that_fails_its_checksum_stops_the_install_before_anything_starts(machine, tmp_path):
    bad = tmp_path / "models"
    bad.mkdir()
    (bad / "det_500m.onnx").write_bytes(b"not the real weights")
    done = subprocess.run([str(REPO / "installer" / "install.sh"), "--python", base_python(),
                           "--reuse-packages-of", sys.executable, "--models", str(bad)],
                          env=machine.env, cwd=machine.home, capture_output=True, text=True, timeout=240)
    assert done.returncode != 0 and "does not match the official det_500m.onnx" in done.stderr
    assert not (machine.data / "models" / "det_500m.onnx").exists()
    assert not (machine.home / ".config/autostart/kiosk.desktop").exists()  # nothing starts it at login


def test_an_upgrade_migrates_an_older_database_and_keeps_a_copy_of_it(machine):
    """A data folder from an older kiosk (attendance.db at schema 4: naive local times, no
    punch directions) upgraded in place: every row kept, migrated before the kiosk starts, and
    the old file kept as it was in backups/."""
    from kiosk.attendance.schema import SCHEMA_VERSION
    from tests.attendance.test_punches import schema_4_database

    environment = ["--python", base_python(), "--reuse-packages-of", sys.executable]
    machine.install(*environment, "--no-autostart")
    (machine.data / "attendance.db").unlink()
    schema_4_database(machine.data / "attendance.db")
    (machine.data / "kiosk.toml").write_text('time_zone = "Europe/Paris"\n')
    machine.install("--upgrade", *environment)
    with sqlite3.connect(machine.data / "attendance.db") as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        rows = db.execute("SELECT timestamp, direction, utc FROM attendance ORDER BY timestamp").fetchall()
    assert len(rows) == 7 and rows[0] == ("2026-03-28T08:58:00", "in", "2026-03-28T07:58:00Z")
    backup = next((machine.data / "backups").glob("attendance-*.db"))
    with sqlite3.connect(backup) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 4
        assert db.execute("SELECT count(*) FROM attendance").fetchone()[0] == 7
    assert (machine.data / "kiosk.toml").read_text() == 'time_zone = "Europe/Paris"\n'
