"""Every window, page and dialog at every screen size the kiosk is made for (kiosk.ui.screenshots
SCREENS: 1024x768, 1280x800, 1366x768, 1920x1080, and 800x1280 and 1080x1920 in portrait), each
size on a real X server of that size and pixel density (Xvfb), walked on real data: people
enrolled from real photos with the real models, two weeks of check-ins in a real SQLite
database, a real enrollment through the wizard (kiosk.ui.tour).

Qt cannot move a process to another screen, so each size runs in a child process of its own
(`python -m kiosk.ui.screenshots --here`), sharing one data folder built once here; the child
audits every stop (kiosk.ui.layout_audit: every visible button, field and tab reachable on the
screen, no smaller than 9 mm, no text cut; kiosk.ui.accessibility: every control named) and
writes JSON, which these tests read: one test per size and stop, failing with one line per problem.

The same walk runs again in the looks of the Accessibility page (issue 26): text at 150% at every
size, and the high-contrast theme (with 150% text, the hardest case) at the smallest landscape and
portrait sizes."""
from __future__ import annotations

import json
import math
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from kiosk.ui import tour
from kiosk.ui.screenshots import SCREENS, run_size, size_name

SIZES = [size_name(size) for size in SCREENS]
# The looks walked besides the normal one: name -> (display settings, the sizes walked).
LOOKS = {"text150": ({"text_scale": 1.5}, SIZES),
         "contrast": ({"high_contrast": True, "text_scale": 1.5}, ["1024x768", "800x1280"])}
# Walked in another language too: Arabic, right to left, at the portrait size (its HR pages are a top
# bar that scrolls sideways, and its rows wrap most).
LANGUAGE_WALKS = {"ar": ["800x1280"]}
WALKS = (SIZES + [f"{size}-{look}" for look, (_, sizes) in LOOKS.items() for size in sizes]
         + [f"{size}-{code}" for code, sizes in LANGUAGE_WALKS.items() for size in sizes])
PARALLEL = 2  # children at a time (each loads the models; the machine has two cores)


@pytest.fixture(scope="session")
def walks(shared_pipeline, tmp_path_factory):
    """Every size's walk, started in the background once (PARALLEL at a time): {size: Future}."""
    from kiosk.ui import demo_data

    folder = tmp_path_factory.mktemp("layout")
    data = folder / "data"
    demo_data.build(data, masks=False, pipeline=shared_pipeline)

    def walk(name: str) -> dict:
        size_text, _, look = name.partition("-")
        size = tuple(int(v) for v in size_text.split("x"))
        report = folder / f"audit_{name}.json"
        done = run_size(size, data, out=None, shots=None, audit_file=report, masks=False,
                        look=LOOKS[look][0] if look in LOOKS else None,
                        language=look if look in LANGUAGE_WALKS else "en")
        if not report.is_file():
            raise AssertionError(f"the walk at {name} wrote no audit (exit {done.returncode}):\n"
                                 f"{done.stderr[-3000:]}")
        result = json.loads(report.read_text())
        result["stderr"] = done.stderr
        return result

    pool = ThreadPoolExecutor(max_workers=PARALLEL)
    futures: dict[str, Future] = {name: pool.submit(walk, name) for name in WALKS}
    yield futures
    pool.shutdown(wait=True)


def result(walks, size: str) -> dict:
    return walks[size].result()


@pytest.mark.parametrize("size", WALKS)
def test_the_walk_visits_every_stop(walks, size):
    """Nothing failed on the way (a screen that raised is named with its traceback)."""
    found = result(walks, size)
    assert not found["errors"], "\n\n".join(f"{stop}:\n{error}" for stop, error in found["errors"].items())
    assert found["screen"] == [int(v) for v in size.split("-")[0].split("x")], "the child ran on another screen"
    variant = size.partition("-")[2]
    look = LOOKS[variant][0] if variant in LOOKS else {}
    assert found["look"] == {"high_contrast": look.get("high_contrast", False),
                             "text_scale": look.get("text_scale", 1.0)}, "the walk ran in another look"
    assert found["right_to_left"] == (variant == "ar"), "the walk ran in another direction"
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
@pytest.mark.parametrize("size", WALKS)
def test_every_control_fits(walks, size, stop):
    found = result(walks, size)
    report = found["scenes"].get(stop)
    if report is None:
        pytest.fail(f"{stop} was not reached at {size} (see test_the_walk_visits_every_stop)")
    assert report["controls"] > 0, f"{stop} at {size}: no control found to audit"
    problems = [f"[{p['rule']}] {p['widget']}: {p['detail']}" for p in report["problems"]]
    assert not problems, (f"{stop} at {size} ({report['window']}, window {report['window_rect']}, "
                          f"touch {report['touch']} px):\n  " + "\n  ".join(problems))


@pytest.mark.parametrize("stop", tour.STOPS)
@pytest.mark.parametrize("size", SIZES)
def test_every_control_has_an_accessible_name(walks, size, stop):
    """Every window, page and dialog of the walk: each visible button, field, list, tab, keypad,
    picture and chart has a name a screen reader can say (kiosk.ui.accessibility)."""
    found = result(walks, size)
    unnamed = found["unnamed"].get(stop)
    if unnamed is None:
        pytest.fail(f"{stop} was not reached at {size} (see test_the_walk_visits_every_stop)")
    assert not unnamed, f"{stop} at {size}:\n  " + "\n  ".join(unnamed)


def test_screenshots_keep_the_readme_pictures():
    """The README shows the 1280x800 pictures by their path under docs/screenshots/."""
    from kiosk.ui.screenshots import OUT, README_SHOTS, README_SIZE

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    folder = OUT / size_name(README_SIZE)
    for name in README_SHOTS:
        assert f"docs/screenshots/{size_name(README_SIZE)}/{name}.png" in readme, name
        assert (folder / f"{name}.png").is_file(), f"{folder / name}.png is missing: run python -m kiosk.ui.screenshots"
