"""`kiosk bench --quick`: runs on the real photos and returns every figure."""
from __future__ import annotations

import json

from kiosk.commands.main import main
from tests.conftest import FACES, require


def test_bench_quick_returns_all_keys(tmp_path, capsys):
    require(FACES)
    assert main(["--data-dir", str(tmp_path), "bench", "--quick", "--json"]) == 0
    r = json.loads(capsys.readouterr().out)
    stages = {"decode_ms", "detect_ms", "align_ms", "embed_ms", "match_ms", "total_ms", "total_p90_ms"}
    for count in (1, 4):
        frame = r[f"frame_{count}_face"]
        assert stages <= set(frame)
        assert frame["faces_found"] == count
        assert all(frame[k] >= 0 for k in stages)
    assert r["enroll"]["embeddings"] == 21 and r["enroll"]["build_s"] > 0
    phone = r["enroll"]["phone_12mp"]
    w, h = (int(v) for v in phone["size"].split("x"))
    assert phone["total_s"] > 0 and w * h >= 11.5e6
    assert r["bulk_enroll"]["people"] >= 1 and r["bulk_enroll"]["people_per_minute"] > 0
    combos = {(m["people"], m["dtype"]) for m in r["match"]}
    assert combos == {(1000, "float32"), (1000, "float16"), (10000, "float32"), (10000, "float16")}
    for m in r["match"]:
        assert m["query_ms"] > 0 and m["matrix_mb"] > 0 and m["templates"] == m["people"] * 21
    assert {"frame_1_face_p50_ms", "enroll_s", "enroll_12mp_s"} <= set(r["verdict"])


def test_bench_without_photos_says_so(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path), "bench", "--quick", "--faces", str(tmp_path / "none")]) == 1
    assert "absent" in capsys.readouterr().err


def test_gallery_load_bench_loads_every_person_plain_and_sealed():
    from kiosk.research.bench_gallery import bench_gallery_load

    result = bench_gallery_load(20)
    assert result["people"] == 20 and result["plain_load_s"] >= 0 and result["sealed_load_s"] >= 0
    assert result["extra_s"] == round(result["sealed_load_s"] - result["plain_load_s"], 2)
