"""A real full disk for the robustness tests: a 1 MB tmpfs (mounting needs root; skipped
elsewhere), filled to the last byte."""
import os
import subprocess

import pytest


@pytest.fixture
def tiny_disk(tmp_path):
    """A real full disk: a 1 MB tmpfs (needs root; skipped elsewhere)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (not root)")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(path):
    """Fill the disk to the last byte (unbuffered writes, smaller and smaller)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT)
    try:
        for size in (65536, 4096, 512, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError:
                pass
    finally:
        os.close(fd)
