"""What the `kiosk` command tests share: running the CLI in-process (signed in with the test
admin PIN, as a privileged command needs), and a copy of the enrolled data folder each test may change."""
from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import pytest

from kiosk.app.settings import load_settings
from kiosk.commands.main import CREATES_DATA_DIR, build_parser, main
from kiosk.commands.staff_access import required_roles
from kiosk.security.pin_hash import hash_pin

ADMIN_PIN, HR_PIN = "2580", "1397"
_ADMIN_HASH = hash_pin(ADMIN_PIN)  # made once: a scrypt per command would slow every test
_PIN_DIR = Path(tempfile.mkdtemp(prefix="kiosk-test-pins-"))
atexit.register(shutil.rmtree, _PIN_DIR, True)


def pin_file(pin: str = ADMIN_PIN) -> Path:
    """A file holding `pin`, for --pin-file."""
    path = _PIN_DIR / f"{pin}.pin"
    if not path.exists():
        path.write_text(pin + "\n", encoding="utf-8")
    return path


def give_admin_pin(data_dir: Path) -> None:
    """The test admin PIN in `data_dir`'s kiosk.toml (put first: the file may end in a table)."""
    data_dir = Path(data_dir)
    if load_settings(data_dir).admin_pin_hash:
        return
    data_dir.mkdir(parents=True, exist_ok=True)
    toml = data_dir / "kiosk.toml"
    old = toml.read_text(encoding="utf-8") if toml.exists() else ""
    toml.write_text(f'admin_pin_hash = "{_ADMIN_HASH}"\n' + old, encoding="utf-8")


def as_admin(argv) -> list[str]:
    """`argv` signed in as the admin: a privileged command gets --pin-file, and its data folder
    the test admin PIN (a folder that does not exist is left alone unless the command creates it)."""
    argv = [str(a) for a in argv]
    if "--pin-file" in argv:
        return argv
    try:
        args = build_parser().parse_args(argv)
    except SystemExit:  # a usage error: the test is about that
        return argv
    if not required_roles(args):
        return argv
    try:
        data_dir = load_settings(getattr(args, "tool_data_dir", None) or args.data_dir).data_dir
    except ValueError:  # a broken kiosk.toml: the command says so itself
        data_dir = None
    if data_dir is not None and (data_dir.is_dir() or args.command in CREATES_DATA_DIR):
        give_admin_pin(data_dir)
    return ["--pin-file", str(pin_file()), *argv]


def kiosk_main(argv) -> int:
    """`kiosk.commands.main.main`, signed in as the admin where the command needs a PIN."""
    return main(as_admin(argv))


def run(capsys, *argv):
    """(exit code, stdout, stderr) of `kiosk ARGV`, signed in as the admin where it needs a PIN."""
    return run_plain(capsys, *as_admin(argv))


def run_plain(capsys, *argv):
    """(exit code, stdout, stderr) of exactly `kiosk ARGV`."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path, enrolled):
    target = tmp_path / "data"
    shutil.copytree(enrolled, target)
    return target
