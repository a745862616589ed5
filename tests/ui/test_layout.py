"""Every window, page and dialog at every screen size the kiosk is made for (kiosk.ui.screenshots
SCREENS: 1024x768, 1280x800, 1366x768, 1920x1080, and 800x1280 and 1080x1920 in portrait), each
size on a real X server of that size and pixel density (Xvfb), walked on real data: people
enrolled from real photos with the real models, two weeks of check-ins in a real SQLite
database, a real enrollment through the wizard (kiosk.ui.tour).

Qt cannot move a process to another screen, so each size runs in a child process of its own
(`python -m kiosk.ui.screenshots --here`), sharing one data folder built once here; the child
audits every stop (kiosk.ui.layout_audit: every visible button, field and tab reachable on the
screen, no smaller than 9 mm, no text cut) and writes JSON, which these tests read: one test per
size and stop, failing with one line per problem."""
from __future__ import annotations

import json
import math
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from kiosk.ui import tour
from kiosk.ui.screenshots import SCREENS, run_size, size_name

SIZES = [size_name(size) for size in SCREENS]
PARALLEL = 2  # children at a time (each loads the models; the machine has two cores)


@pytest.fixture(scope="session")
def walks(shared_pipeline, tmp_path_factory):
    """Every size's walk, started in the background once (PARALLEL at a time): {size: Future}."""
    from kiosk.ui import demo_data

    folder = tmp_path_factory.mktemp("layout")
    data = folder / "data"
    demo_data.build(data, masks=False, pipeline=shared_pipeline)

    def walk(size: tuple[int, int]) -> dict:
        report = folder / f"audit_{size_name(size)}.json"
        done = run_size(size, data, out=None, shots=None, audit_file=report, masks=False)
        if not report.is_file():
            raise AssertionError(f"the walk at {size_name(size)} wrote no audit (exit {done.returncode}):\n"
                                 f"{done.stderr[-3000:]}")
        result = json.loads(report.read_text())
        result["stderr"] = done.stderr
        return result

    pool = ThreadPoolExecutor(max_workers=PARALLEL)
    futures: dict[str, Future] = {size_name(size): pool.submit(walk, size) for size in SCREENS}
    yield futures
    pool.shutdown(wait=True)


def result(walks, size: str) -> dict:
    return walks[size].result()


@pytest.mark.parametrize("size", SIZES)
def test_the_walk_visits_every_stop(walks, size):
    """Nothing failed on the way (a screen that raised is named with its traceback)."""
    found = result(walks, size)
    assert not found["errors"], "\n\n".join(f"{stop}:\n{error}" for stop, error in found["errors"].items())
    assert found["screen"] == [int(v) for v in size.split("x")], "the child ran on another screen"
    assert set(found["scenes"]) == set(tour.STOPS), (f"missing {sorted(set(tour.STOPS) - set(found['scenes']))}, "
                                                     f"unexpected {sorted(set(found['scenes']) - set(tour.STOPS))}")


@pytest.mark.parametrize("size", SIZES)
def test_touch_size_is_9_mm_of_this_panel(walks, size):
    """The touch size comes from the screen's physical DPI (Xvfb's -dpi stands for the panel)."""
    found = result(walks, size)
    dpi = SCREENS[tuple(int(v) for v in size.split("x"))][0]
    assert abs(found["dpi"] - dpi) < 1.5, f"Qt reads {found['dpi']} dpi, the panel has {dpi}"
    assert found["touch"] == max(40, math.ceil(9 / 25.4 * found["dpi"])), found["touch"]
    assert found["touch"] >= 9 / 25.4 * dpi


@pytest.mark.parametrize("stop", tour.STOPS)
@pytest.mark.parametrize("size", SIZES)
def test_every_control_fits(walks, size, stop):
    found = result(walks, size)
    report = found["scenes"].get(stop)
    if report is None:
        pytest.fail(f"{stop} was not reached at {size} (see test_the_walk_visits_every_stop)")
    assert report["controls"] > 0, f"{stop} at {size}: no control found to audit"
    problems = [f"[{p['rule']}] {p['widget']}: {p['detail']}" for p in report["problems"]]
    assert not problems, (f"{stop} at {size} ({report['window']}, window {report['window_rect']}, "
                          f"touch {report['touch']} px):\n  " + "\n  ".join(problems))


def test_screenshots_keep_the_readme_pictures():
    """The README shows the 1280x800 pictures by their path under docs/screenshots/."""
    from kiosk.ui.screenshots import OUT, README_SHOTS, README_SIZE

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    folder = OUT / size_name(README_SIZE)
    for name in README_SHOTS:
        assert f"docs/screenshots/{size_name(README_SIZE)}/{name}.png" in readme, name
        assert (folder / f"{name}.png").is_file(), f"{folder / name}.png is missing: run python -m kiosk.ui.screenshots"
