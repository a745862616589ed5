"""Nothing outside kiosk/ui imports Qt (DESIGN.md); the import-linter contract in
pyproject.toml says the same and runs with the README's test command."""
import ast
import shutil
import subprocess
import sys
from pathlib import Path

KIOSK = Path(__file__).resolve().parents[1] / "kiosk"


def test_engine_never_imports_qt():
    offenders = []
    for path in KIOSK.rglob("*.py"):
        if "ui" in path.relative_to(KIOSK).parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            offenders += [f"{path.relative_to(KIOSK)}: {n}" for n in names
                          if n.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6") or n.startswith("kiosk.ui")]
    assert not offenders, offenders


def test_import_linter_contract_holds():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is part of the test extra"
    result = subprocess.run([lint, "--config", str(KIOSK.parent / "pyproject.toml")],
                            cwd=KIOSK.parent, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
