"""`kiosk clean`: a photo of another person planted in a person folder is found (real photos)."""
from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from kiosk.commands.clean import photo_outliers
from kiosk.commands.main import main
from tests.conftest import FACES, photos_of, require


def test_photo_outliers_math():
    a = np.array([1.0, 0.0, 0.0])
    b = np.array([0.96, 0.28, 0.0])
    odd = np.array([0.0, 0.0, 1.0])
    d = photo_outliers(np.stack([a, b, a, odd]) * 3.0)  # any scale: rows are normalised
    assert d.shape == (4,) and np.argmax(d) == 3
    assert d[3] == pytest.approx(1.0)
    assert photo_outliers(np.zeros((1, 3))).tolist() == [0.0]
    with pytest.raises(ValueError):
        photo_outliers(np.zeros(3))


@pytest.fixture
def planted(tmp_path):
    """obama's 5 photos plus one of biden; df01's first 4 photos (clean)."""
    require(FACES)
    root = tmp_path / "people"
    (root / "obama").mkdir(parents=True)
    (root / "df01").mkdir()
    for p in photos_of("obama"):
        shutil.copy(p, root / "obama" / p.name)
    shutil.copy(photos_of("biden")[0], root / "obama" / "planted_biden.jpg")
    for p in photos_of("df01")[:4]:
        shutil.copy(p, root / "df01" / p.name)
    return root


def test_clean_finds_planted_outlier_and_moves_it(planted, tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path / "data"), "clean", "--input", str(planted), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(o["person"], o["file"]) for o in data["outliers"]] == [("obama", "planted_biden.jpg")]
    assert data["threshold"] == pytest.approx(0.6, abs=0.3)
    obama = next(r for r in data["people"] if r["person"] == "obama")
    distances = {p["file"]: p["mean_distance"] for p in obama["photos"]}
    assert max(distances, key=distances.get) == "planted_biden.jpg"

    moved = tmp_path / "rejects"
    assert main(["--data-dir", str(tmp_path / "data"), "clean", "--input", str(planted),
                 "--move-to", str(moved)]) == 0
    out = capsys.readouterr().out
    assert "planted_biden.jpg" in out
    assert (moved / "obama" / "planted_biden.jpg").is_file()
    assert not (planted / "obama" / "planted_biden.jpg").exists()
    assert len(list((planted / "obama").iterdir())) == 5


def test_clean_bad_inputs(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path), "clean", "--input", str(tmp_path / "missing")]) == 1
    assert "no such folder" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert main(["--data-dir", str(tmp_path), "clean", "--input", str(tmp_path / "empty")]) == 1
    assert "holds no images" in capsys.readouterr().err
    assert main(["--data-dir", str(tmp_path), "clean", "--input", str(tmp_path), "--threshold", "5"]) == 1
    assert "--threshold" in capsys.readouterr().err
