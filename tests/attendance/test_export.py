"""CSV exports, read back with the csv module: exact rows, ranges, odd names, failures."""
from __future__ import annotations

import csv
import os
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.attendance import AttendanceDB, export_attendance_csv, export_daily_summary_csv

T0 = datetime(2024, 3, 4, 9, 0, 0)
DAY = T0.date()
# The original header, then "method" (issue 12) and "direction" (issue 23): new columns at the end only.
HEADER = ["date", "time", "employee_id", "name", "status", "score", "masked", "kiosk_id", "method", "direction"]


@pytest.fixture
def db(tmp_path: Path):
    with AttendanceDB(tmp_path / "attendance.db", kiosk_id="entrance") as store:
        store.upsert_employee("E1", "Ada Lovelace", "1")
        store.upsert_employee("E2", "Émile Zola", "2")
        yield store


def read_csv(path: Path) -> list[list[str]]:
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM, for Excel
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def defused(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def test_export_rows_match_the_database(db: AttendanceDB, tmp_path: Path) -> None:
    db.record_recognition("E1", "Ada", 0.91234, masked=True, now=T0)
    db.record_recognition("E2", "Zola", 0.7, masked=False, now=T0 + timedelta(minutes=1))
    db.record_recognition("E1", "Ada", 0.99, now=T0 + timedelta(hours=8))
    db.record_recognition(None, "Unknown", 0.3, now=T0)  # not an attendance event
    out = tmp_path / "out.csv"
    assert export_attendance_csv(db, out, DAY, DAY) == 3
    rows = read_csv(out)
    assert rows[0] == HEADER
    assert rows[1:] == [
        [r["timestamp"][:10], r["timestamp"][11:], r["employee_id"], r["name"], r["status"],
         f"{r['score']:.3f}", {1: "yes", 0: "no", None: ""}[r["masked"]], r["kiosk_id"], r["method"], r["direction"]]
        for r in db.attendance(DAY, DAY)]
    assert rows[1] == ["2024-03-04", "09:00:00", "E1", "Ada Lovelace", "Present", "0.912",
                       "yes", "entrance", "face", "in"]
    assert [r[-1] for r in rows[1:]] == ["in", "in", "out"]
    db.void_punch(db.attendance(DAY, DAY)[0]["id"], "recorded by mistake", "hr")
    assert export_attendance_csv(db, out, DAY, DAY) == 2  # a voided punch is not exported


def test_range_is_inclusive_and_employee_filter_works(db: AttendanceDB, tmp_path: Path) -> None:
    db.cooldown_seconds = 0  # events one second apart must all count
    for moment in ["2024-03-01T23:59:59", "2024-03-02T00:00:00", "2024-03-03T23:59:59",
                   "2024-03-04T00:00:00"]:
        for emp in ("E1", "E2"):
            db.record_recognition(emp, "", 0.9, now=datetime.fromisoformat(moment))
    out = tmp_path / "range.csv"
    assert export_attendance_csv(db, out, date(2024, 3, 2), date(2024, 3, 3), "E2") == 2
    assert [(r[0], r[1], r[2]) for r in read_csv(out)[1:]] == [
        ("2024-03-02", "00:00:00", "E2"), ("2024-03-03", "23:59:59", "E2")]
    assert export_attendance_csv(db, out, date(2024, 3, 2), date(2024, 3, 3)) == 4


def test_empty_range_writes_only_the_header(db: AttendanceDB, tmp_path: Path) -> None:
    out = tmp_path / "empty.csv"
    assert export_attendance_csv(db, out, DAY, DAY) == 0
    assert read_csv(out) == [HEADER]


def test_daily_summary_export(db: AttendanceDB, tmp_path: Path) -> None:
    for emp, moment in [("E1", T0), ("E1", T0 + timedelta(hours=9, seconds=5)),
                        ("E2", T0 + timedelta(hours=1)), ("E1", T0 + timedelta(days=1))]:
        db.record_recognition(emp, "", 0.9, now=moment)
    out = tmp_path / "summary.csv"
    assert export_daily_summary_csv(db, out, DAY, DAY + timedelta(days=1)) == 3
    assert read_csv(out) == [
        ["date", "employee_id", "name", "first_in", "last_out", "check_ins"],
        ["2024-03-04", "E1", "Ada Lovelace", "09:00:00", "18:00:05", "2"],
        ["2024-03-04", "E2", "Émile Zola", "10:00:00", "10:00:00", "1"],
        ["2024-03-05", "E1", "Ada Lovelace", "09:00:00", "09:00:00", "1"],
    ]
    assert export_daily_summary_csv(db, out, DAY, DAY, employee_id="E2") == 1


@pytest.mark.parametrize("name", [
    "Zoë Ñúñez-Çelik", "Smith, John", 'Dwayne "The Rock" Johnson', "two\nlines",
    "carriage\r\nreturn", "=cmd()", "+SUM(A1)", "-2+3", "@import", "李小龍", "  spaced  ", "",
])
def test_odd_names_round_trip(db: AttendanceDB, tmp_path: Path, name: str) -> None:
    db.upsert_employee("X1", name, "")
    db.record_recognition("X1", name, 0.8, now=T0)
    out = tmp_path / "odd.csv"
    export_attendance_csv(db, out, DAY, DAY)
    export_daily_summary_csv(db, tmp_path / "odd_summary.csv", DAY, DAY)
    assert read_csv(out)[1][3] == defused(name)
    assert read_csv(tmp_path / "odd_summary.csv")[1][2] == defused(name)


def test_formula_is_defused(db: AttendanceDB, tmp_path: Path) -> None:
    db.upsert_employee("X1", '=HYPERLINK("http://evil","x")', "")
    db.record_recognition("X1", "", 0.8, now=T0)
    export_attendance_csv(db, tmp_path / "f.csv", DAY, DAY)
    assert read_csv(tmp_path / "f.csv")[1][3] == '\'=HYPERLINK("http://evil","x")'


ids = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12).filter(
    str.strip)
names = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(people=st.dictionaries(ids, names, min_size=1, max_size=5))
def test_fuzzed_ids_and_names_survive_upsert_export_and_read_back(
        people: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as folder, AttendanceDB(Path(folder) / "a.db") as db:
        for n, (emp, name) in enumerate(people.items()):
            db.upsert_employee(emp, name, "")
            assert db.get_employee(emp)["name"] == name
            db.record_recognition(emp, name, 0.5, now=T0 + timedelta(seconds=n))
        out = Path(folder) / "out.csv"
        assert export_attendance_csv(db, out, DAY, DAY) == len(people)
        assert [(r[2], r[3]) for r in read_csv(out)[1:]] == [
            (defused(emp), defused(name)) for emp, name in people.items()]


# -- errors -----------------------------------------------------------------------------------

def test_reversed_range_is_refused_before_writing(db: AttendanceDB, tmp_path: Path) -> None:
    out = tmp_path / "never.csv"
    for export in (export_attendance_csv, export_daily_summary_csv):
        with pytest.raises(ValueError, match="--to is before --from"):
            export(db, out, DAY, DAY - timedelta(days=1))
    assert not out.exists()


def test_unwritable_target_names_the_path_and_leaves_nothing(db: AttendanceDB,
                                                             tmp_path: Path) -> None:
    db.record_recognition("E1", "Ada", 0.9, now=T0)
    target = tmp_path / "exports"
    target.mkdir()  # a folder where the file should go: the final rename fails
    with pytest.raises(OSError, match="exports") as err:
        export_attendance_csv(db, target, DAY, DAY)
    assert err.value.filename == str(target)
    assert os.listdir(target) == []
    assert sorted(os.listdir(tmp_path)) == ["attendance.db", "attendance.db-shm",
                                            "attendance.db-wal", "exports"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="needs POSIX permissions that root ignores")
def test_read_only_folder_raises_permission_error(db: AttendanceDB, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(PermissionError, match="ro"):
            export_attendance_csv(db, folder / "out.csv", DAY, DAY)
        assert os.listdir(folder) == []
    finally:
        folder.chmod(0o755)


def test_export_replaces_an_old_file_whole(db: AttendanceDB, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    out.write_text("old content that is much longer than the new export\n" * 100)
    export_attendance_csv(db, out, DAY, DAY)
    assert read_csv(out) == [HEADER]
