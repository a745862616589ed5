"""The smaller cases of issue 11, item 7 (all but EXIF and symlinks): a long valid name, --top-k 0,
a mistyped --data-dir, a config value of the wrong type, a full disk while enrolling."""
import json

import numpy as np
import pytest

from kiosk.commands.main import main
from kiosk.common.fsutil import describe_os_error
from kiosk.enrollment.templates import validate_details
from kiosk.gallery.folders import FOLDER_NAME_BYTES
from kiosk.gallery.store import GalleryStore, PersonRecord
from tests.commands.conftest import as_admin
from tests.robustness.conftest import fill


def record(user_id="E1", name="Ada"):
    v = np.random.default_rng(1).normal(size=(3, 16)).astype(np.float32)
    return PersonRecord(user_id, name, "test", v / np.linalg.norm(v, axis=1, keepdims=True), {}, "07700900000")


def test_79_emoji_are_a_valid_name_kept_whole_in_metadata(tmp_path):
    name = "\U0001F600" * 79  # 316 bytes in UTF-8: over the 255 a file name may have
    assert validate_details("E1", name, "07700900000") == []
    store = GalleryStore(tmp_path)
    folder = store.save(record(name=name), [b"jpeg"])
    assert len(folder.name.encode()) <= FOLDER_NAME_BYTES and folder.name.startswith("E1_")
    (loaded,), warnings = store.load_all()
    assert loaded.name == name and not warnings
    assert json.loads((folder / "metadata.json").read_text())["name"] == name


def run(capsys, *argv):
    code = main(as_admin(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_top_k_0_is_refused_with_a_line(capsys, tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        main(["--data-dir", str(tmp_path), "recognize", "x.jpg", "--top-k", "0"])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2 and "--top-k" in err and "at least 1" in err and "Traceback" not in err


def test_a_mistyped_data_dir_is_said_not_taken_for_an_empty_kiosk(capsys, tmp_path):
    for command in (["users"], ["stats"], ["doctor", "--no-models"]):
        code, out, err = run(capsys, "--data-dir", str(tmp_path / "dat"), *command)
        assert code == 1 and "does not exist" in err and str(tmp_path / "dat") in err, (command, out, err)
        assert not (tmp_path / "dat").exists()  # nothing was made there either


@pytest.mark.parametrize("line", ['cooldown_seconds = "soon"', "threshold = [0.5]", 'confirm_frames = "3x"'])
def test_a_config_value_of_the_wrong_type_names_the_key(capsys, tmp_path, line):
    (tmp_path / "kiosk.toml").write_text(line + "\n")
    code, _, err = run(capsys, "--data-dir", str(tmp_path), "users")
    key = line.split(" =")[0]
    assert code == 1 and key in err and "kiosk.toml" in err and "Traceback" not in err, err


def test_a_full_disk_while_enrolling_names_the_file_and_leaves_nothing(tiny_disk):
    store = GalleryStore(tiny_disk / "embeddings")
    store.save(record("E0"), [b"x" * 1000])
    fill(tiny_disk / "filler")
    with pytest.raises(OSError) as info:
        store.save(record("E1"), [b"x" * 200_000])
    message = describe_os_error(info.value)
    assert str(tiny_disk / "embeddings") in message and "free some space" in message, message
    assert [p.name for p in store.root.iterdir()] == [store.folder_of("E0").name]  # no half person


def test_a_person_is_fsynced_file_by_file_and_folder_by_folder_around_the_rename(tmp_path, monkeypatch):
    """Power-cut durability (item 2): the files and folders of the new person, and the gallery
    folder before and after the rename, reach fsync (spied on: the real fsync still runs)."""
    import os

    synced = []
    real = os.fsync

    def spy(fd):
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        return real(fd)

    monkeypatch.setattr(os, "fsync", spy)
    store = GalleryStore(tmp_path / "embeddings")
    folder = store.save(record(), [b"jpeg"])
    root = str(store.root)
    tmp_files = [p for p in synced if "/.tmp-" in p]
    assert any(p.endswith("original_1.npy") for p in tmp_files) and any(p.endswith("photo_1.jpg") for p in tmp_files)
    assert any(p.endswith("/originals") for p in tmp_files)  # the sub-folders too
    last_tmp = max(i for i, p in enumerate(synced) if "/.tmp-" in p)
    assert root in synced[last_tmp + 1:], synced  # the gallery folder after the files...
    assert synced[-1] == root and folder.is_dir()  # ...and after the rename
