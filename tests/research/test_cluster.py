"""`kiosk cluster`: three people, one of them partly masked, grouped by identity (real photos)."""
from __future__ import annotations

import csv
import json

import cv2
import numpy as np
import pytest

from kiosk.commands.main import main
from kiosk.research.cluster import cluster_labels, pairwise_precision_recall
from tests.conftest import FACES, photos_of, require


def test_pairwise_precision_recall_and_labels():
    assert pairwise_precision_recall(["a", "a", "b"], ["x", "x", "y"]) == (1.0, 1.0)
    p, r = pairwise_precision_recall(["a", "a", "b", "b"], ["x", "x", "x", None])
    assert p == pytest.approx(1 / 3) and r == pytest.approx(1 / 2)
    sims = np.array([[1, .9, .1], [.9, 1, .2], [.1, .2, 1]], np.float32)
    for method in ("average", "chinese-whispers"):
        labels = cluster_labels(sims, 0.5, method)
        assert labels[0] == labels[1] != labels[2]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """13 images, 3 people (the SPEC's example size): obama x5 (2 masked), df01 x5 (2 masked),
    kit_harington x3; masks are rendered by the project's renderer."""
    from kiosk.app.settings import load_settings
    from kiosk.vision.image_io import load_image
    from kiosk.vision.masks import MaskRenderer
    from kiosk.vision.pipeline import load_pipeline
    from kiosk.vision.types import best_face

    require(FACES)
    root = tmp_path_factory.mktemp("mixed")
    pipeline = load_pipeline(load_settings(root / "data"))
    renderer = MaskRenderer()
    truth = {}
    folder = root / "faces"
    folder.mkdir()
    for person, masked_idx in (("obama", (1, 3)), ("df01", (0, 2)), ("kit_harington", ())):
        for k, path in enumerate(photos_of(person)[:5]):
            image = load_image(path)
            name = f"{person}_{k}.png"
            if k in masked_idx:
                face = best_face(pipeline.detect(image))
                image = renderer.render(image, face.box, ("n95", "surgical_blue")[k % 2], seed=k,
                                        random_style=True).image
                name = f"{person}_{k}_masked.png"
            cv2.imwrite(str(folder / name), image)
            truth[name] = person
    return folder, truth


def test_cluster_groups_people_masked_or_not(mixed, tmp_path, capsys):
    folder, truth = mixed
    out = tmp_path / "clusters"
    assert main(["--data-dir", str(tmp_path / "data"), "cluster", "--input", str(folder), "--output", str(out),
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["images"] == 13
    with open(out / "clusters.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["image"] for r in rows} == set(truth)
    predicted = {r["image"]: (None if r["cluster"] == "unsorted" else r["cluster"]) for r in rows}
    precision, recall = pairwise_precision_recall([truth[k] for k in truth], [predicted[k] for k in truth])
    assert precision >= 0.9 and recall >= 0.7, (precision, recall, predicted)
    # Every masked photo sits with its own person's unmasked photos.
    for name, person in truth.items():
        if "_masked" in name:
            assert predicted[name] is not None
            assert any(predicted[o] == predicted[name] for o, p in truth.items() if p == person and "_masked" not in o)
    # Folders hold copies; counts.csv says how often each cluster was seen.
    for name, cluster in predicted.items():
        assert (out / (cluster or "unsorted") / name).is_file()
        assert (folder / name).is_file()
    with open(out / "counts.csv", encoding="utf-8") as fh:
        counts = {r["cluster"]: int(r["images"]) for r in csv.DictReader(fh)}
    assert sum(counts.values()) == 13
    assert counts.get("cluster_001", 0) >= counts.get("cluster_002", 0) >= 3
    assert data["clusters"] == {k: v for k, v in counts.items() if k != "unsorted"}


def test_cluster_bad_inputs(tmp_path, capsys):
    def run(*extra) -> str:
        assert main(["--data-dir", str(tmp_path / "d"), "cluster", *extra]) == 1
        return capsys.readouterr().err

    assert "no such folder" in run("--input", str(tmp_path / "nope"), "--output", str(tmp_path / "o"))
    (tmp_path / "in").mkdir()
    assert "holds no images" in run("--input", str(tmp_path / "in"), "--output", str(tmp_path / "o"))
    cv2.imwrite(str(tmp_path / "in" / "x.png"), np.zeros((60, 60, 3), np.uint8))
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("x")
    assert "not empty" in run("--input", str(tmp_path / "in"), "--output", str(tmp_path / "full"))
    assert "inside --input" in run("--input", str(tmp_path / "in"), "--output", str(tmp_path / "in" / "o"))
    assert "--min-size" in run("--input", str(tmp_path / "in"), "--output", str(tmp_path / "o"), "--min-size", "0")
