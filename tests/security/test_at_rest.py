"""AES-256-GCM sealing of templates and photos, and where the key lives (never in the data folder)."""
import json

import numpy as np
import pytest

from kiosk.security.at_rest import (
    MAGIC,
    Cipher,
    GalleryKeyError,
    KeyStore,
    array_bytes,
    bytes_array,
    gallery_cipher,
    read_sealed,
    write_sealed,
)


@pytest.fixture
def keys(tmp_path):
    return KeyStore(key_dir=tmp_path / "keys", use_keyring=False)


def test_a_sealed_template_opens_only_with_its_key_and_label(tmp_path, keys):
    cipher = gallery_cipher(tmp_path / "data" / "embeddings", tmp_path / "data", key_store=keys)
    vector = np.random.default_rng(0).standard_normal(128).astype(np.float32)
    path = tmp_path / "original_1.npy"
    write_sealed(path, array_bytes(vector), cipher, "originals/original_1.npy")
    raw = path.read_bytes()
    assert raw.startswith(MAGIC) and array_bytes(vector)[16:64] not in raw
    with pytest.raises(ValueError):
        np.load(path)  # numpy sees no array: the file reveals nothing by itself
    assert np.array_equal(bytes_array(read_sealed(path, cipher, "originals/original_1.npy")), vector)
    with pytest.raises(GalleryKeyError, match="cannot be decrypted"):
        read_sealed(path, cipher, "originals/original_2.npy")  # moved to another role
    with pytest.raises(GalleryKeyError, match="cannot be decrypted"):
        read_sealed(path, Cipher(b"\x01" * 32), "originals/original_1.npy")
    with pytest.raises(GalleryKeyError, match="no gallery key"):
        read_sealed(path, None, "originals/original_1.npy")


def test_plain_seed_files_still_open(tmp_path, keys):
    cipher = gallery_cipher(tmp_path / "data" / "embeddings", tmp_path / "data", key_store=keys)
    path = tmp_path / "centroid.npy"
    np.save(path, np.ones(4, np.float32))
    assert bytes_array(read_sealed(path, cipher, "centroid.npy")).tolist() == [1, 1, 1, 1]


def test_the_key_file_is_0600_outside_the_data_folder_and_named_in_the_marker(tmp_path, keys):
    embeddings = tmp_path / "data" / "embeddings"
    cipher = gallery_cipher(embeddings, tmp_path / "data", key_store=keys)
    key_file = keys.key_dir / f"{cipher.key_id}.key"
    assert (key_file.stat().st_mode & 0o777) == 0o600 and (keys.key_dir.stat().st_mode & 0o777) == 0o700
    assert json.loads((embeddings / ".encryption.json").read_text())["key_id"] == cipher.key_id
    assert cipher.key.hex() not in (embeddings / ".encryption.json").read_text()
    # The same key is found again, by its fingerprint; a lost key is a clear error, not an empty gallery.
    assert gallery_cipher(embeddings, tmp_path / "data", key_store=keys).key == cipher.key
    elsewhere = KeyStore(key_dir=tmp_path / "other-machine", use_keyring=False)
    with pytest.raises(GalleryKeyError, match=f"encrypted with key {cipher.key_id}, which is not in"):
        gallery_cipher(embeddings, tmp_path / "data", key_store=elsewhere)
    key_file.write_text((b"\x02" * 32).hex())  # another key under this name is not this key
    with pytest.raises(GalleryKeyError, match="which is not in"):
        gallery_cipher(embeddings, tmp_path / "data", key_store=keys)


def test_a_key_file_inside_the_data_folder_is_refused(tmp_path):
    store = KeyStore(key_file=tmp_path / "data" / "kiosk.key", use_keyring=False)
    with pytest.raises(GalleryKeyError, match="must not be inside the data folder"):
        store.create(tmp_path / "data")


@pytest.mark.parametrize("array", [np.arange(128, dtype=np.float32), np.arange(7, dtype=np.float64),
                                   np.zeros((3, 4), np.float32), np.arange(5, dtype=">i4")])
def test_arrays_read_back_exactly_fast_path_or_not(array):
    import io

    buffer = io.BytesIO()
    np.save(buffer, array)
    back = bytes_array(buffer.getvalue())
    assert back.dtype == array.dtype and np.array_equal(back, array) and back.flags.writeable
    with pytest.raises(ValueError):
        bytes_array(buffer.getvalue()[:-4])  # a truncated file is an error, never a short vector
