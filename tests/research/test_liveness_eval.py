"""`kiosk evaluate-liveness`: ISO 30107-3 counts, the leave-one-set-out threshold, tracks from
still images, and the report on real attack sets."""
from __future__ import annotations

import json
from pathlib import Path

from kiosk.research import liveness_eval as ev
from kiosk.research.liveness_data import Sample, _capture_keys, attack_category, tracks
from tests.conftest import FACES, require


def item(score, live, s="a", attack="none", masked=False):
    return ev.Item(score, live, attack if not live else "none", masked, s)


def test_counts_per_attack_type_and_mask_state():
    items = [item(0.9, True), item(0.2, True, masked=True), item(0.8, True, masked=True),
             item(0.6, False, attack="print"), item(0.1, False, attack="print"), item(0.7, False, attack="tv")]
    c = ev.error_counts(items, 0.5)
    assert c["APCER print"] == [1, 2] and c["APCER tv"] == [1, 1] and c["APCER all"] == [2, 3]
    assert c["BPCER masked"] == [1, 2] and c["BPCER unmasked"] == [0, 1] and c["BPCER all"] == [1, 3]


def test_threshold_rule_and_leave_one_set_out():
    # 50 live faces in set a, scores 0.30..0.79; at most 2% (1 of 50) may be refused -> 0.31.
    live = [item(0.30 + i / 100, True, "a") for i in range(50)]
    assert ev.choose_threshold(live) == 0.31
    # Set b's live faces score low: held out, b is judged at a's threshold and refused.
    b = [item(0.1, True, "b"), item(0.05, False, "b", attack="print")]
    result = ev.leave_one_set_out(live + b, live + b)
    assert result["thresholds"]["b"] == 0.31 and result["track"]["BPCER all"][0] >= 1
    assert result["thresholds"]["a"] == 0.1  # chosen on b alone: its live face (0.1) just accepted


def test_tracks_are_windows_of_one_capture(tmp_path):
    names = ["001_0004_01_00_01_261", "002_0004_01_00_01_300", "003_0004_01_06_03_245",
             "001_1708138850988", "002_1708138855000", "003_1708138899000"]
    assert _capture_keys([Path(n + ".jpg") for n in names]) == [
        "subject 0004 session 01", "subject 0004 session 01", "subject 0004 session 03",
        "capture 0", "capture 0", "capture 1"]
    samples = [Sample(Path(f"{i}.jpg"), "s", True, "none", False, "c1" if i < 5 else "c2", {"m": 0.1 * i})
               for i in range(7)]
    windows = tracks(samples, 3)
    assert [[s.path.stem for s in w] for w in windows] == [["0", "1", "2"], ["1", "2", "3"], ["2", "3", "4"],
                                                           ["5", "6"]]
    assert attack_category("TV/monitor screen (close-up)") == "TV/monitor replay"
    assert attack_category("printed photo held up") == "printed photo"
    assert attack_category("phone screen (photo)") == "phone/screen replay"


def test_evaluate_liveness_writes_the_report(tmp_path, capsys, monkeypatch):
    from kiosk.commands.main import main

    monkeypatch.delenv("KIOSK_LIVENESS")
    spoof = require(FACES / "spoof")
    out = tmp_path / "liveness.md"
    assert main(["--data-dir", str(tmp_path), "evaluate-liveness", str(spoof / "vietmoney"),
                 str(spoof / "codersworld23"), "--out", str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    frame = data["at_threshold"]["frame"]
    assert frame["APCER all"]["total"] == 11 and frame["BPCER all"]["total"] == 11
    assert set(data["loso_thresholds"]) == {"vietmoney", "codersworld23"}
    assert 0 < data["threshold"] < 1
    text = out.read_text()
    assert "APCER phone/screen replay" in text and "BPCER unmasked" in text and "leave-one-set-out" in text.lower()
    assert (tmp_path / "liveness_det.png").stat().st_size > 10_000
