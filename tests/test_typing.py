"""mypy finds no error in the engine packages (everything below the UI and the CLI), with the
settings of pyproject.toml's [tool.mypy]: a wrong annotation is caught in CI, not at the door."""
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ENGINE = ["kiosk.common", "kiosk.vision", "kiosk.attendance", "kiosk.security", "kiosk.gallery",
          "kiosk.recognition", "kiosk.enrollment", "kiosk.site", "kiosk.app"]


def test_engine_packages_type_check():
    mypy = shutil.which("mypy", path=str(Path(sys.executable).parent))
    assert mypy, "mypy is part of the test extra"
    packages = [arg for package in ENGINE for arg in ("-p", package)]
    result = subprocess.run([mypy, "--config-file", str(REPO / "pyproject.toml"), *packages],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
