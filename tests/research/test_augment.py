"""The batch augmentation tool on a small real folder: outputs, logs.csv and the missed list agree."""
import csv
import shutil
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.commands.main import main
from tests.conftest import FACES, photos_of, require


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "in"
    (root / "team" / "night").mkdir(parents=True)
    shutil.copy(photos_of("obama")[1], root / "team" / "obama.jpg")
    shutil.copy(require(FACES / "scenes" / "two_people.jpg"), root / "team" / "night" / "pair.jpg")
    (root / "team" / "night" / "corrupt.jpg").write_bytes(b"\xff\xd8 not really a jpeg")
    cv2.imwrite(str(root / "wall.png"), np.full((240, 320, 3), 128, np.uint8))
    return root


def read_log(out):
    with open(out / "logs.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_masks_and_all_crops_mirror_the_tree(tree, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["augment", "--input", str(tree), "--output", str(out), "--n-augmentations", "2", "--seed", "7"]) == 0
    rows = read_log(out)
    written = [r for r in rows if not r["error"]]
    assert all(Path(r["output_path"]).is_file() for r in written)
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.jpg"))
    assert files == sorted(Path(r["output_path"]).relative_to(out).as_posix() for r in written)
    # One face x 2 augmentations x 3 crop styles, two faces likewise: 6 + 12 crops.
    assert len([f for f in files if f.startswith("team/obama_")]) == 6
    assert len([f for f in files if f.startswith("team/night/pair_")]) == 12
    assert {f.rsplit("_", 1)[-1] for f in files} >= {"buffalo.jpg", "shift.jpg", "cropping.jpg"}
    obama_types = {r["mask_type"] for r in written if r["image_path"].endswith("obama.jpg")}
    assert len(obama_types) == 2, "two augmentations use two different mask types"
    assert all(r["mask_colour"] for r in written)
    buffalo = cv2.imread(str(next(out.rglob("obama_*_buffalo.jpg"))))
    assert buffalo.shape == (112, 112, 3)
    missed = (out / "missed_images.txt").read_text().split()
    assert sorted(missed) == sorted([str(tree / "team" / "night" / "corrupt.jpg"), str(tree / "wall.png")])
    errors = {r["image_path"]: r["error"] for r in rows if r["error"]}
    assert "not an image" in errors[str(tree / "team" / "night" / "corrupt.jpg")]
    assert errors[str(tree / "wall.png")] == "no face found"


def test_full_size_masked_images_and_crop_only(tree, tmp_path):
    out = tmp_path / "full"
    assert main(["augment", "--input", str(tree / "team" / "obama.jpg"), "--output", str(out), "--no-crop",
                 "--mask-types", "gas", "kn95", "--n-augmentations", "2"]) == 0
    names = sorted(p.name for p in out.glob("*.png"))
    assert names == ["obama_gas_1_masked.png", "obama_kn95_2_masked.png", "obama_original.png"] or \
        names == ["obama_gas_2_masked.png", "obama_kn95_1_masked.png", "obama_original.png"]
    original = cv2.imread(str(out / "obama_original.png"))
    masked = cv2.imread(str(next(out.glob("*_masked.png"))))
    assert original.shape == masked.shape and np.abs(original.astype(int) - masked).sum() > 0
    crops = tmp_path / "crops"
    assert main(["augment", "--input", str(tree / "team"), "--output", str(crops), "--no-mask",
                 "--crop-style", "buffalo"]) == 0
    assert sorted(p.name for p in crops.rglob("*.jpg")) == ["obama_buffalo.jpg", "pair_face1_buffalo.jpg",
                                                           "pair_face2_buffalo.jpg"]


def test_bad_options_are_one_line_errors(tree, tmp_path, capsys):
    assert main(["augment", "--input", str(tree), "--output", str(tmp_path / "o"), "--mask-types", "balaclava"]) == 1
    assert "unknown mask type" in capsys.readouterr().err
    assert main(["augment", "--input", str(tmp_path / "nowhere"), "--output", str(tmp_path / "o")]) == 1
    assert "no such file" in capsys.readouterr().err
    assert main(["augment", "--input", str(tree), "--output", str(tmp_path / "o"), "--no-mask", "--no-crop"]) == 1
    assert "nothing to write" in capsys.readouterr().err


def test_contact_sheet(tmp_path, capsys):
    target = tmp_path / "sheet.png"
    assert main(["augment", "--contact-sheet", str(target), "--input", str(photos_of("obama")[1])]) == 0
    sheet = cv2.imread(str(target))
    assert sheet is not None and sheet.shape[1] == 7 * 176
    assert main(["augment", "--contact-sheet", str(target), "--input", str(tmp_path / "none.jpg")]) == 1
    assert "needs --input IMAGE" in capsys.readouterr().err
