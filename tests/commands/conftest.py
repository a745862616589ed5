"""What the `kiosk` command tests share: running the CLI in-process, and a copy of the enrolled
data folder each test may change."""
from __future__ import annotations

import shutil

import pytest

from kiosk.commands.main import main


def run(capsys, *argv):
    """(exit code, stdout, stderr) of `kiosk ARGV`."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path, enrolled):
    target = tmp_path / "data"
    shutil.copytree(enrolled, target)
    return target
