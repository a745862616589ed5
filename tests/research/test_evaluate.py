"""`kiosk evaluate` on a small real subset of ../shared/faces: counts add up, plots are written,
rates are rates, a mislabelled gallery scores worse, bad input fails clearly."""
from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[2]
FACES = REPO.parent / "shared" / "faces"
MODELS = REPO.parent / "shared" / "models"
os.environ.setdefault("KIOSK_MODELS_DIR", str(MODELS))

PEOPLE = ("df05", "df06", "df07", "df08")  # 5, 5, 5 and 4 photos: 2 enrolled, the rest probes
LEFT_OUT = "df11"  # 2 photos: fewer than gallery size + 1, so an impostor


def _need_data():
    for path in (FACES / "identities", MODELS):
        if not path.is_dir():
            pytest.skip(f"{path} is not here (these tests need ../shared beside the repository)")


def _link_subset(root: Path, people=PEOPLE + (LEFT_OUT,), swap: tuple[str, str] | None = None) -> Path:
    """Person folders of symlinks to the shared photos (nothing is copied). With `swap`, the
    first (gallery) photo of two people trade places: a mislabelled gallery."""
    files = {p: sorted((FACES / "identities" / p).iterdir()) for p in people}
    if swap:
        a, b = swap
        files[a][0], files[b][0] = files[b][0], files[a][0]
    for person, paths in files.items():
        folder = root / person
        folder.mkdir(parents=True)
        for i, path in enumerate(paths):
            (folder / f"{i:03d}_{path.name}").symlink_to(path)
    return root


def _run(args: list[str], capsys) -> tuple[int, str, str]:
    from kiosk.commands.main import main

    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """One full run: 2 gallery photos, masked probes, both galleries, cosine and SVM."""
    _need_data()
    from kiosk.commands.main import main

    root = _link_subset(tmp_path_factory.mktemp("faces"))
    out = tmp_path_factory.mktemp("report")
    code = main(["--data-dir", str(out / "data"), "evaluate", "--gallery", str(root), "--probes", str(root),
                 "--gallery-size", "2", "--mask-probes", "--matcher", "svm", "--out", str(out / "ev")])
    assert code == 0
    return json.loads((out / "ev" / "report.json").read_text()), out / "ev"


def _blocks(report):
    for matcher, by_variant in report["results"].items():
        for variant, by_probe in by_variant.items():
            for probe, m in by_probe.items():
                yield f"{matcher}/{variant}/{probe}", m


def test_split_and_left_out_people(report):
    data, _ = report
    assert data["data"]["gallery_people"] == len(PEOPLE)
    assert data["data"]["left_out_of_gallery"] == [LEFT_OUT]
    assert data["data"]["probes"] == 3 + 3 + 3 + 2
    assert data["data"]["impostor_probes"] == 2
    assert set(data["results"]["cosine"]) == {"originals", "originals+masked"}
    assert set(data["results"]["cosine"]["originals"]) == {"unmasked", "masked"}


def test_counts_add_up_and_rates_are_rates(report):
    data, _ = report
    for name, m in _blocks(data):
        assert m["probes"] == 11, name
        for row in m["sweep"]:
            assert row["correct"] + row["wrong"] + row["unknown"] == row["probes"] == 11, (name, row)
            assert 0 <= row["false_accepts"] <= row["impostor_probes"]
            assert 0.0 <= row["tar"] <= 1.0 and 0.0 <= row["far"] <= 1.0
        for far, point in m["tar_at_far"].items():
            assert 0.0 <= point["tar"] <= 1.0, name
            assert 0.0 <= point["actual_far"] <= float(far) + 1e-9, name
        assert 0.0 <= m["rank1"] <= 1.0
        # Raising the threshold never adds acceptances.
        accepted = [r["correct"] + r["wrong"] for r in m["sweep"]]
        assert accepted == sorted(accepted, reverse=True), name


def test_quality_on_real_photos(report):
    data, _ = report
    cosine = data["results"]["cosine"]
    assert cosine["originals"]["unmasked"]["rank1"] >= 0.9
    assert cosine["originals+masked"]["unmasked"]["rank1"] >= 0.9
    # The masked templates exist to help masked probes.
    assert cosine["originals+masked"]["masked"]["rank1"] >= cosine["originals"]["masked"]["rank1"]
    point = data["operating_point"]
    assert point["threshold"] is not None and point["masked_threshold"] is not None


def test_svm_matcher_is_sane(report):
    data, _ = report
    svm = data["results"]["svm"]["originals+masked"]["unmasked"]
    assert svm["rank1"] >= 0.85
    thresholds = [r["threshold"] for r in svm["sweep"]]
    assert min(thresholds) >= 0.0 and max(thresholds) <= 1.0  # probabilities
    assert any(r["matcher"] == "svm" for r in data["summary"])


def test_plots_written(report):
    _, out = report
    for name in ("scores_cosine.png", "sweep_cosine.png", "roc_cosine.png", "scores_svm.png", "sweep_svm.png"):
        path = out / name
        assert path.is_file() and path.stat().st_size > 5000, name
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_mislabelled_gallery_scores_worse(tmp_path, capsys):
    _need_data()
    results = {}
    for label, swap in (("good", None), ("bad", ("df05", "df06"))):
        root = _link_subset(tmp_path / label, PEOPLE[:3], swap=swap)
        code, out, err = _run(["--data-dir", str(tmp_path / "data"), "evaluate", "--gallery", str(root),
                               "--probes", str(root), "--gallery-size", "2", "--templates", "originals",
                               "--no-plots", "--json"], capsys)
        assert code == 0, err
        results[label] = json.loads(out)["results"]["cosine"]["originals"]["unmasked"]
    good, bad = results["good"], results["bad"]
    assert bad["tar_at_far"]["0.01"]["tar"] < good["tar_at_far"]["0.01"]["tar"]
    assert bad["impostor_mean"] > good["impostor_mean"]
    assert bad["rank1"] <= good["rank1"]


def test_patterns_select_gallery_and_probes(tmp_path):
    from kiosk.research.eval_plan import plan_split

    for person, names in {"a": ["1_unmasked.jpg", "2_unmasked.jpg", "1_masked.jpg", "2_masked.jpg"],
                          "b": ["1_masked.jpg", "2_masked.jpg"]}.items():
        (tmp_path / person).mkdir()
        for name in names:
            (tmp_path / person / name).write_bytes(b"x")
    plan = plan_split([tmp_path], [tmp_path], gallery_size=2, gallery_pattern="*_unmasked*",
                      probe_pattern="*_masked*")
    assert {k: [p.name for p in v] for k, v in plan.gallery.items()} == {"a": ["1_unmasked.jpg", "2_unmasked.jpg"]}
    assert sorted(p.name for _, p in plan.probes) == ["1_masked.jpg", "2_masked.jpg"]
    assert plan.left_out == ["b"] and len(plan.impostors) == 2


def test_missing_folder_is_a_clear_error(tmp_path, capsys):
    code, _, err = _run(["--data-dir", str(tmp_path), "evaluate", "--gallery", str(tmp_path / "nope"),
                         "--probes", str(tmp_path / "nope")], capsys)
    assert code == 1
    assert "does not exist" in err and "nope" in err


def test_folder_without_person_folders_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "flat").mkdir()
    (tmp_path / "flat" / "photo.jpg").write_bytes(b"x")
    code, _, err = _run(["--data-dir", str(tmp_path), "evaluate", "--gallery", str(tmp_path / "flat"),
                         "--probes", str(tmp_path / "flat")], capsys)
    assert code == 1
    assert "no person folders" in err


def test_no_faces_is_a_clear_error(tmp_path, capsys):
    _need_data()
    import cv2

    rng = np.random.default_rng(0)
    for person in ("p1", "p2"):
        (tmp_path / "noise" / person).mkdir(parents=True)
        for i in range(3):
            cv2.imwrite(str(tmp_path / "noise" / person / f"{i}.png"),
                        rng.integers(0, 255, (120, 120, 3), dtype=np.uint8))
    code, _, err = _run(["--data-dir", str(tmp_path), "evaluate", "--gallery", str(tmp_path / "noise"),
                         "--probes", str(tmp_path / "noise"), "--gallery-size", "2", "--templates", "originals",
                         "--no-plots"], capsys)
    assert code == 1
    assert "no face found" in err


def test_tar_at_far_on_known_scores():
    from kiosk.research.eval_metrics import tar_at_far

    impostor = np.linspace(0.0, 0.5, 1000)  # top 1% are >= 0.495
    genuine = np.array([0.3, 0.49, 0.6, 0.9])
    point = tar_at_far(genuine, impostor, 0.01)
    assert point["actual_far"] <= 0.01
    assert 0.494 < point["threshold"] <= 0.4955
    assert point["tar"] == 0.5
