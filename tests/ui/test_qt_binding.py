"""The Qt binding keeps Python's reference counts, and it is the release pyproject.toml declares.

Why: PySide6 6.12.0 on Python 3.11 takes one reference off None on every call of a void Qt
method (QWidget.update, QLabel.setText, QPainter.drawRect, setPen, drawImage...). None starts
with ~5,000 references, so the live screen, painting 25 frames a second, aborted within minutes
("Fatal Python error: none_dealloc"). Short offscreen tests never noticed.

The counting runs in a child process (this file run as a script) on a real X server: a binding
that leaks cannot take the test run down with it. The child counts None's references after each
chunk of calls and stops at the first chunk that lost (or gained) any, long before the count
could reach zero, and reports what it measured as one JSON line.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
import tomllib

REPO = Path(__file__).resolve().parents[2]
# A first call of a method may cache something that holds None (a signature, an enum); the
# probe calls everything once before it starts counting, and tolerates this many references of
# one-off caching after that. A leak is one per call: hundreds in the first chunk.
TOLERANCE = 4
CALLS = 100_000  # void calls per kind
CALL_CHUNK = 250  # at most this many references lost before the probe stops (None has ~5,000)
PAINTS = 2_000  # paint events of the live video widget (80 s of camera at 25 fps)
PAINT_CHUNK = 4  # ~70 void calls per paint with three faces


def count_references(step, total: int, chunk: int) -> dict:
    """Call `step` `total` times; None's reference count relative to before, checked after every
    chunk. Stops at the first chunk that moves it by more than TOLERANCE."""
    step()  # one-off caching happens here, before the count starts
    start = sys.getrefcount(None)
    done, drift = 0, 0
    while done < total:
        for _ in range(chunk):
            step()
        done += chunk
        drift = sys.getrefcount(None) - start
        if abs(drift) > TOLERANCE:
            break
    return {"calls": done, "drift": drift, "none_refs_at_start": start}


def probe_void_calls() -> dict:
    """Void methods of the kinds the live screen calls per frame, each CALLS times."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter, QPen
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication([])
    label = QLabel("probe")
    label.show()
    app.processEvents()
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    tile = QImage(16, 16, QImage.Format.Format_RGB32)
    tile.fill(QColor("#22c55e"))
    painter = QPainter(image)
    rect, pen = QRectF(2, 2, 20, 20), QPen(QColor("#3b82f6"), 3)
    kinds = {
        "QWidget.update": label.update,
        "QLabel.setText": lambda: label.setText("Dana Lee - Present"),
        "QPainter.drawRect": lambda: painter.drawRect(rect),
        "QPainter.setPen": lambda: painter.setPen(pen),
        "QPainter.drawImage": lambda: painter.drawImage(rect, tile),
        "QPainter.setRenderHint": lambda: painter.setRenderHint(QPainter.RenderHint.Antialiasing),
        "QPainter.drawText": lambda: painter.drawText(rect, Qt.AlignmentFlag.AlignLeft, "Dana"),
    }
    try:
        return {name: count_references(step, CALLS, CALL_CHUNK) for name, step in kinds.items()}
    finally:
        painter.end()


def probe_video_paints() -> dict:
    """Real paint events of the live screen's VideoView on the X server: a new camera frame (real
    held-out photos) and three faces (named with a mask, still voting, unknown) every time."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from kiosk.ui import theme
    from kiosk.ui.widgets.imaging import FaceBox
    from kiosk.ui.widgets.video_view import VideoView
    from kiosk.vision.image_io import load_image
    from tests.ui.conftest import HELD_OUT, letterbox, photo

    app = QApplication.instance() or QApplication([])
    view = VideoView()
    view.resize(960, 720)
    view.show()
    assert QTest.qWaitForWindowExposed(view, 10_000), "the video window was never shown on the X server"
    frames = [letterbox(load_image(photo(name))) for name in HELD_OUT[:2]]
    faces = [FaceBox([250, 120, 140, 170], "Dana Lee", "similarity 0.81", theme.SUCCESS, True),
             FaceBox([40, 10, 90, 110], "Ngozi Okonjo?", "similarity 0.66", theme.PRIMARY),
             FaceBox([470, 260, 100, 120], "Unknown", "", theme.UNKNOWN)]
    serial = [0]

    def paint():
        serial[0] += 1
        view.show_result(frames[serial[0] % 2], serial[0], faces, float(serial[0]))  # a recognised frame
        app.processEvents()  # the queued update request becomes a paint event, as in the kiosk

    result = count_references(paint, PAINTS, PAINT_CHUNK)
    return {"VideoView.paintEvent": {**result, "paint_events": view.paints, "frames_drawn": view.frames_drawn}}


def run_probe(kind: str, env: dict) -> dict:
    """This file as a script in a child process; its JSON report (and how it ended)."""
    done = subprocess.run([sys.executable, __file__, kind], capture_output=True, text=True, timeout=600,
                          env={**os.environ, **env, "PYTHONPATH": str(REPO)})
    lines = done.stdout.strip().splitlines()
    assert done.returncode == 0 and lines, (
        f"the probe ended with code {done.returncode}:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    return json.loads(lines[-1])


def leaks(report: dict) -> dict:
    return {name: r for name, r in report.items() if abs(r["drift"]) > TOLERANCE}


def test_none_keeps_its_references_over_100k_void_qt_calls_each(x_server):
    report = run_probe("calls", x_server.env)
    print("\n" + "\n".join(f"{name}: {r['drift']:+d} references of None after {r['calls']:,} calls"
                           for name, r in report.items()))
    assert not leaks(report), f"the Qt binding changes None's reference count: {leaks(report)}"
    assert all(r["calls"] >= CALLS for r in report.values())


def test_none_keeps_its_references_over_live_video_paint_events(x_server, faces_dir):
    report = run_probe("paint", x_server.env)
    r = report["VideoView.paintEvent"]
    print(f"\nVideoView: {r['drift']:+d} references of None after {r['paint_events']:,} paint events "
          f"({r['frames_drawn']:,} frames drawn)")
    assert not leaks(report), f"painting the live video changes None's reference count: {r}"
    assert r["frames_drawn"] >= PAINTS, f"paint events did not happen on the X server: {r}"


def test_installed_binding_is_in_the_range_pyproject_declares():
    """The range is the one soaked on a real screen (benchmarks/soak_gui.py): an upgrade past it
    must go through this file and the soak first."""
    import PySide6
    import shiboken6
    from packaging.requirements import Requirement

    declared = [Requirement(d) for d in tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]]
    pyside = next((r for r in declared if r.name.lower() == "pyside6"), None)
    assert pyside is not None, "pyproject.toml does not declare the full PySide6 package"
    assert pyside.specifier, "PySide6 must be declared with a tested range, not any release"
    installed = {"PySide6 (distribution)": metadata.version("PySide6"), "PySide6 (module)": PySide6.__version__,
                 "shiboken6 (module)": shiboken6.__version__}
    outside = {name: v for name, v in installed.items() if not pyside.specifier.contains(v, prereleases=True)}
    assert not outside, f"installed {outside}, but pyproject.toml declares PySide6{pyside.specifier}"


@pytest.fixture(scope="module")
def x_server():
    """A real X server of the probe's own (Debian's Xvfb), whatever the test session runs on."""
    from kiosk.ui.xserver import XServer

    with XServer(1024, 768) as server:
        yield server


if __name__ == "__main__":
    probes = {"calls": probe_void_calls, "paint": probe_video_paints}
    found = probes[sys.argv[1]]()
    print(json.dumps(found), flush=True)
    if leaks(found):
        # The binding took references that Python's finalisation would give back and free None
        # with: leave without it (the report is out).
        os._exit(0)
