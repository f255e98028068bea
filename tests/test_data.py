"""Tes chapter11.data: bentuk, pembagian, sumber, integritas, dan cache Fashion-MNIST.

Harapan dihitung sendiri dari berkas IDX mentah (gzip + NumPy), bukan dari keluaran modul.
Tidak ada akses jaringan: ``_download`` selalu diganti tiruan.
"""

import dataclasses
import gzip
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from chapter11 import data as fm
from chapter11.data import DataIntegrityError, FashionMNIST, load_fashion_mnist

RAW_DIR = Path(os.environ.get("CHAPTER11_DATA_DIR") or fm.SYSTEM_DATA_DIR)
NAMES = ("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
         "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")
EXPECTED_EN = ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
               "Sneaker", "Bag", "Ankle boot")
CACHE_SIZE = 47_040_016 + 60_008 + 7_840_016 + 10_008


@pytest.fixture(scope="session")
def raw():
    """Isi IDX terdekompresi dan larik uint8 yang didekode langsung di sini."""
    contents = {name: gzip.decompress((RAW_DIR / f"{name}.gz").read_bytes()) for name in NAMES}
    arrays = {
        "x_full": np.frombuffer(contents[NAMES[0]], np.uint8, offset=16).reshape(-1, 28, 28),
        "y_full": np.frombuffer(contents[NAMES[1]], np.uint8, offset=8),
        "x_test": np.frombuffer(contents[NAMES[2]], np.uint8, offset=16).reshape(-1, 28, 28),
        "y_test": np.frombuffer(contents[NAMES[3]], np.uint8, offset=8),
    }
    return contents, arrays


@pytest.fixture(scope="session")
def cache_root(tmp_path_factory):
    return tmp_path_factory.mktemp("chapter11-cache")


def _no_network():
    raise AssertionError("tes tidak boleh mengunduh")


@pytest.fixture(autouse=True)
def isolated(monkeypatch, tmp_path, cache_root):
    monkeypatch.setenv("CHAPTER11_CACHE_DIR", str(cache_root))
    monkeypatch.delenv(fm.DATA_ENV, raising=False)
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras-home"))
    monkeypatch.setattr(fm, "_download", _no_network)
    fm._MEMO.clear()
    yield
    fm._MEMO.clear()


@pytest.fixture(scope="module")
def dataset(cache_root):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CHAPTER11_CACHE_DIR", str(cache_root))
        return load_fashion_mnist(RAW_DIR, allow_download=False)


def make_dir(folder: Path, **replaced: bytes) -> Path:
    """Folder berisi tautan ke berkas asli, kecuali berkas ``.gz`` yang diganti ``replaced``."""
    folder.mkdir(parents=True)
    for name in NAMES:
        key = name.replace("-", "_")
        if key in replaced:
            (folder / f"{name}.gz").write_bytes(replaced[key])
        else:
            (folder / f"{name}.gz").symlink_to(RAW_DIR / f"{name}.gz")
    return folder


def point(monkeypatch, how, folder):
    """Tunjuk ``folder`` lewat argumen atau variabel lingkungan; kembalikan kwargs-nya."""
    if how == "env":
        monkeypatch.setenv(fm.DATA_ENV, str(folder))
        return {"allow_download": False}
    return {"data_dir": folder, "allow_download": False}


def _scaled(pixels):
    return (np.arange(256) / 255.0).astype(np.float32)[pixels]  # float32(x / 255.0)


# --- isi dan pembagian -------------------------------------------------------------------

def test_shapes_dtypes_and_range(dataset):
    assert dataset.x_train.shape == (55_000, 28, 28)
    assert dataset.x_valid.shape == (5_000, 28, 28)
    assert dataset.x_test.shape == (10_000, 28, 28)
    for split in ("train", "valid", "test"):
        x, y = getattr(dataset, f"x_{split}"), getattr(dataset, f"y_{split}")
        assert x.dtype == np.float32 and y.dtype == np.uint8 and len(x) == len(y)
        assert x.min() == 0.0 and x.max() == 1.0
        assert set(np.unique(y).tolist()) == set(range(10))


def test_split_matches_raw_idx(dataset, raw):
    _, a = raw
    assert np.array_equal(dataset.x_valid, _scaled(a["x_full"][-5000:]))
    assert np.array_equal(dataset.x_train, _scaled(a["x_full"][:-5000]))
    assert np.array_equal(dataset.x_test, _scaled(a["x_test"]))
    assert np.array_equal(dataset.y_train, a["y_full"][:-5000])
    assert np.array_equal(dataset.y_valid, a["y_full"][-5000:])
    assert np.array_equal(dataset.y_test, a["y_test"])


def test_class_names_and_source(dataset):
    assert dataset.class_names_en == EXPECTED_EN
    assert len(dataset.class_names) == 10 == len(set(dataset.class_names))
    assert dataset.class_names[9] == "Sepatu bot" and dataset.class_names[0] == "Kaus/atasan"
    assert dataset.source == RAW_DIR
    assert repr(dataset) == f"FashionMNIST(train=55000, valid=5000, test=10000, source='{RAW_DIR}')"


def test_object_and_arrays_are_immutable(dataset):
    with pytest.raises(dataclasses.FrozenInstanceError):
        dataset.x_train = None
    for field in ("x_train", "x_valid", "x_test", "y_train", "y_valid", "y_test"):
        array = getattr(dataset, field)
        assert not array.flags.writeable
        with pytest.raises(ValueError):
            array[0] = 0
    with pytest.raises(ValueError):
        dataset.x_valid.setflags(write=True)
    copy = dataset.x_train[:3].copy()
    copy[0] = 0.5  # salinan boleh diubah


def test_hand_built_object_is_read_only_without_touching_caller_arrays():
    x, y = np.zeros((3, 28, 28), np.float32), np.zeros(3, np.uint8)
    built = FashionMNIST(x, y, x[:1], y[:1], x[:2], y[:2])
    assert not built.x_train.flags.writeable and x.flags.writeable
    with pytest.raises(ValueError, match=r"Diterima: len\(x_valid\)=3, len\(y_valid\)=1"):
        FashionMNIST(x, y, x, y[:1], x, y)


def test_subset_takes_first_examples(dataset):
    small = dataset.subset(10_000, n_valid=1_000)
    assert (len(small.x_train), len(small.x_valid), len(small.x_test)) == (10_000, 1_000, 10_000)
    assert np.array_equal(small.x_train, dataset.x_train[:10_000])
    assert np.array_equal(small.y_valid, dataset.y_valid[:1_000])
    assert small.y_test is dataset.y_test and small.source == dataset.source
    assert not small.x_train.flags.writeable
    assert len(dataset.subset(5, n_test=7).x_test) == 7


@pytest.mark.parametrize("kwargs, error, pattern", [
    ({"n_train": 0}, ValueError, "n_train=0"),
    ({"n_train": 55_001}, ValueError, "paling besar 55000. Diterima: n_train=55001"),
    ({"n_train": 10, "n_valid": 5_001}, ValueError, "n_valid=5001"),
    ({"n_train": 1.5}, TypeError, "bilangan bulat"),
    ({"n_train": True}, TypeError, "n_train=True"),
    ({"n_train": 10, "n_test": "7"}, TypeError, "n_test='7'"),
])
def test_subset_validation(dataset, kwargs, error, pattern):
    with pytest.raises(error, match=pattern):
        dataset.subset(**kwargs)


# --- argumen dan urutan sumber -----------------------------------------------------------

@pytest.mark.parametrize("kwargs, error, pattern", [
    ({"data_dir": 123}, TypeError, "Diterima: data_dir=123"),
    ({"data_dir": b"/tmp"}, TypeError, "os.PathLike"),
    ({"data_dir": ""}, ValueError, "string kosong"),
    ({"allow_download": "no"}, TypeError, "Diterima: allow_download='no'"),
    ({"allow_download": 1}, TypeError, "bool"),
])
def test_argument_validation(kwargs, error, pattern):
    with pytest.raises(error, match=pattern):
        load_fashion_mnist(**kwargs)


@pytest.mark.parametrize("how", ["arg", "env"])
def test_explicit_folder_is_used(monkeypatch, tmp_path, how):
    folder = make_dir(tmp_path / "good")
    loaded = load_fashion_mnist(**point(monkeypatch, how, str(folder)))
    assert loaded.source == folder and loaded.x_test.shape == (10_000, 28, 28)


def test_argument_wins_over_env_and_memo_returns_same_object(monkeypatch, tmp_path):
    monkeypatch.setenv(fm.DATA_ENV, str(tmp_path / "missing"))
    first = load_fashion_mnist(RAW_DIR)
    assert load_fashion_mnist(data_dir=str(RAW_DIR)) is first


def test_keras_cache_is_second_default(monkeypatch, tmp_path):
    monkeypatch.setattr(fm, "SYSTEM_DATA_DIR", tmp_path / "no-debian")
    keras_dir = make_dir(tmp_path / "keras-home" / "datasets" / "fashion-mnist")
    assert load_fashion_mnist(allow_download=False).source == keras_dir
    fm._MEMO.clear()
    monkeypatch.setattr(fm, "SYSTEM_DATA_DIR", RAW_DIR)
    assert load_fashion_mnist(allow_download=False).source == RAW_DIR


def test_nothing_found_without_download(monkeypatch, tmp_path):
    monkeypatch.setattr(fm, "SYSTEM_DATA_DIR", tmp_path / "no-debian")
    (tmp_path / "keras-home" / "datasets" / "fashion-mnist").mkdir(parents=True)
    with pytest.raises(FileNotFoundError) as info:
        load_fashion_mnist(allow_download=False)
    message = str(info.value)
    for part in ("sudo apt-get install dataset-fashion-mnist", "CHAPTER11_DATA_DIR",
                 "allow_download=False", str(tmp_path / "no-debian"), "keras-home"):
        assert part in message


def test_download_is_last_and_failure_is_explained(monkeypatch, tmp_path):
    monkeypatch.setattr(fm, "SYSTEM_DATA_DIR", tmp_path / "no-debian")

    def fake_download():
        return make_dir(tmp_path / "keras-home" / "datasets" / "fashion-mnist")

    monkeypatch.setattr(fm, "_download", fake_download)
    assert load_fashion_mnist().source == tmp_path / "keras-home" / "datasets" / "fashion-mnist"

    def failing_download():
        raise OSError("jaringan tidak ada")

    monkeypatch.setattr(fm, "_download", failing_download)
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "other-home"))
    with pytest.raises(FileNotFoundError, match="gagal \\(jaringan tidak ada\\).*apt-get") as info:
        load_fashion_mnist()
    assert isinstance(info.value.__cause__, OSError)


# --- integritas --------------------------------------------------------------------------

@pytest.mark.parametrize("how", ["arg", "env"])
def test_missing_folder_and_file_do_not_fall_back(monkeypatch, tmp_path, how):
    origin = "data_dir" if how == "arg" else "CHAPTER11_DATA_DIR"
    with pytest.raises(FileNotFoundError, match=f"{origin}.*tidak ada"):
        load_fashion_mnist(**point(monkeypatch, how, tmp_path / "nowhere"))
    folder = make_dir(tmp_path / "partial")
    (folder / "train-labels-idx1-ubyte.gz").unlink()
    with pytest.raises(FileNotFoundError, match="tidak ada berkas train-labels-idx1-ubyte.gz"):
        load_fashion_mnist(**point(monkeypatch, how, folder))


def _gz(data: bytes) -> bytes:
    """gzip cepat (tingkat 1): tes memeriksa isi, bukan rasio kompresi."""
    return gzip.compress(data, compresslevel=1)


def _corruptions(contents):
    labels, images = contents["t10k-labels-idx1-ubyte"], contents["t10k-images-idx3-ubyte"]
    gz_labels = _gz(labels)
    flipped = bytearray(gz_labels)
    flipped[len(flipped) // 2] ^= 0xFF
    one_label = bytearray(labels)
    one_label[8 + 1234] = (one_label[8 + 1234] + 1) % 10  # masih label yang sah
    return {
        "truncated gzip": ("t10k_labels_idx1_ubyte", gz_labels[: len(gz_labels) // 2], "gzip"),
        "corrupted gzip": ("t10k_labels_idx1_ubyte", bytes(flipped), "gzip"),
        "not gzip": ("t10k_labels_idx1_ubyte", labels, "gzip"),
        "empty file": ("t10k_labels_idx1_ubyte", b"", "gzip.*berkas kosong"),
        "truncated content": ("t10k_images_idx3_ubyte",
                              _gz(images[:-100]), "7839916 bita"),
        "extra content": ("t10k_labels_idx1_ubyte", _gz(labels + b"\0"), "lebih dari"),
        "wrong magic": ("t10k_labels_idx1_ubyte",
                        _gz((2051).to_bytes(4, "big") + labels[4:]), "angka ajaib"),
        "wrong count": ("t10k_labels_idx1_ubyte",
                        _gz(labels[:4] + (9_999).to_bytes(4, "big") + labels[8:]),
                        "dimensi"),
        "one label changed": ("t10k_labels_idx1_ubyte", _gz(bytes(one_label)),
                              "SHA-256"),
        "train labels changed": ("train_labels_idx1_ubyte",
                                 _gz(contents["train-labels-idx1-ubyte"][:-1] + b"\x03"),
                                 "SHA-256|ajaib|bita"),
    }


@pytest.fixture(scope="module")
def corruptions(raw):
    """Semua kerusakan, dikompresi sekali untuk ke-20 kasus tes."""
    return _corruptions(raw[0])


@pytest.mark.parametrize("case", ["truncated gzip", "corrupted gzip", "not gzip", "empty file",
                                  "truncated content", "extra content", "wrong magic",
                                  "wrong count", "one label changed", "train labels changed"])
@pytest.mark.parametrize("how", ["arg", "env"])
def test_corrupted_files_raise(monkeypatch, tmp_path, corruptions, case, how):
    key, payload, pattern = corruptions[case]
    folder = make_dir(tmp_path / "bad", **{key: payload})
    with pytest.raises(DataIntegrityError, match=pattern) as info:
        load_fashion_mnist(**point(monkeypatch, how, folder))
    message = str(info.value)
    assert str(folder / (key.replace("_", "-") + ".gz")) in message
    assert "CHAPTER11_DATA_DIR" in message and "apt-get install dataset-fashion-mnist" in message
    assert isinstance(info.value, ValueError)


def test_remedy_depends_on_source(monkeypatch, tmp_path, raw):
    bad = _gz(raw[0]["t10k-labels-idx1-ubyte"][:-1] + b"\x07")
    debian = make_dir(tmp_path / "debian", t10k_labels_idx1_ubyte=bad)
    monkeypatch.setattr(fm, "SYSTEM_DATA_DIR", debian)
    make_dir(tmp_path / "keras-home" / "datasets" / "fashion-mnist")  # tidak dipakai diam-diam
    with pytest.raises(DataIntegrityError, match="--reinstall dataset-fashion-mnist"):
        load_fashion_mnist(allow_download=False)
    monkeypatch.setattr(fm, "SYSTEM_DATA_DIR", tmp_path / "no-debian")
    keras_dir = make_dir(tmp_path / "k2" / "datasets" / "fashion-mnist", t10k_labels_idx1_ubyte=bad)
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "k2"))
    with pytest.raises(DataIntegrityError, match="Hapus berkas .*cache Keras") as info:
        load_fashion_mnist(allow_download=False)
    assert str(keras_dir / "t10k-labels-idx1-ubyte.gz") in str(info.value)


# --- cache terdekode ---------------------------------------------------------------------

def _cache_files(folder):
    """Berkas data di folder cache (bukan penanda sumber): salinan terdekode dan sisa .tmp."""
    return sorted(p for p in folder.glob("fashion-mnist*") if p.is_file())


def test_decoded_cache_is_written_and_used(monkeypatch, tmp_path, raw):
    monkeypatch.setenv("CHAPTER11_CACHE_DIR", str(tmp_path / "cache"))
    source = make_dir(tmp_path / "src")
    first = load_fashion_mnist(source)
    (cache,) = _cache_files(tmp_path / "cache")  # tidak ada berkas .tmp yang tertinggal
    assert cache.suffix == ".idx" and cache.stat().st_size == CACHE_SIZE
    fm._MEMO.clear()
    monkeypatch.setattr(fm, "_read_verified", lambda *a: pytest.fail("sumber dibaca ulang"))
    second = load_fashion_mnist(source)
    assert second is not first
    assert np.array_equal(second.x_train, first.x_train)
    assert np.array_equal(second.y_test, raw[1]["y_test"])


@pytest.mark.parametrize("damage", ["flip label byte", "flip pixel byte", "truncate"])
def test_tampered_cache_is_not_trusted(monkeypatch, tmp_path, raw, damage):
    monkeypatch.setenv("CHAPTER11_CACHE_DIR", str(tmp_path / "cache"))
    source = make_dir(tmp_path / "src")
    load_fashion_mnist(source)
    (cache,) = _cache_files(tmp_path / "cache")
    blob = bytearray(cache.read_bytes())
    if damage == "truncate":
        blob = blob[:-10]
    else:  # bagian pertama: label uji (10.008 bita); lalu label latih, citra uji, citra latih
        offset = 8 + 17 if damage == "flip label byte" else CACHE_SIZE - 1000
        blob[offset] = (blob[offset] + 1) % 10
    cache.write_bytes(bytes(blob))
    fm._MEMO.clear()
    reloaded = load_fashion_mnist(source)
    assert np.array_equal(reloaded.y_test, raw[1]["y_test"])
    assert np.array_equal(reloaded.x_train[-1], _scaled(raw[1]["x_full"][-5001]))
    order = ("t10k-labels-idx1-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
             "train-images-idx3-ubyte")
    assert cache.read_bytes() == b"".join(raw[0][n] for n in order)  # dibangun ulang


def test_changed_source_is_checked_again_despite_cache(monkeypatch, tmp_path, raw):
    monkeypatch.setenv("CHAPTER11_CACHE_DIR", str(tmp_path / "cache"))
    source = make_dir(tmp_path / "src")
    load_fashion_mnist(source)
    fm._MEMO.clear()
    labels = bytearray(raw[0]["t10k-labels-idx1-ubyte"])
    labels[-1] = (labels[-1] + 1) % 10
    target = source / "t10k-labels-idx1-ubyte.gz"
    target.unlink()
    target.write_bytes(_gz(bytes(labels)))
    with pytest.raises(DataIntegrityError, match="SHA-256"):
        load_fashion_mnist(source)


def test_one_decoded_copy_whatever_the_number_of_sources(monkeypatch, tmp_path, raw):
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("CHAPTER11_CACHE_DIR", str(cache_dir))
    cache_dir.mkdir()
    legacy = cache_dir / ("fashion-mnist-" + "ab" * 16 + ".idx")  # format lama: satu per sumber
    legacy.write_bytes(b"\0" * 1000)
    stale = cache_dir / "fashion-mnist.idx.x1y2.tmp"  # ditinggal proses yang dibunuh
    stale.write_bytes(b"\0" * 1000)
    os.utime(stale, (1, 1))
    fresh = cache_dir / "fashion-mnist.idx.z3.tmp"  # mungkin sedang ditulis proses lain
    fresh.write_bytes(b"")
    for name in ("one", "two", "three"):
        fm._MEMO.clear()
        load_fashion_mnist(make_dir(tmp_path / name))
    files = _cache_files(cache_dir)
    assert [p.name for p in files] == ["fashion-mnist.idx", fresh.name]
    assert files[0].stat().st_size == CACHE_SIZE
    # Sumber yang sudah diperiksa dipakai lagi tanpa membaca gzip-nya ulang.
    fm._MEMO.clear()
    monkeypatch.setattr(fm, "_read_verified", lambda *a: pytest.fail("sumber dibaca ulang"))
    assert load_fashion_mnist(tmp_path / "two").x_test.shape == (10_000, 28, 28)


@pytest.mark.parametrize("where", ["file itself", "file as parent"])
def test_cache_dir_that_is_a_file_gets_a_clear_error(monkeypatch, tmp_path, where):
    from chapter11 import runtime

    blocker = tmp_path / "a-file"
    blocker.write_text("bukan folder")
    target = blocker if where == "file itself" else blocker / "cache"
    monkeypatch.setenv("CHAPTER11_CACHE_DIR", str(target))
    with pytest.raises(runtime.CacheDirError) as info:
        runtime.cache_dir()
    message = str(info.value)
    assert "berkas" in message and "CHAPTER11_CACHE_DIR" in message and str(target) in message
    assert isinstance(info.value, ValueError) and isinstance(info.value, OSError)
    assert not isinstance(info.value, FileExistsError)
    # Data tetap dimuat (tanpa cache): hasilnya benar, hanya sedikit lebih lambat.
    assert load_fashion_mnist(make_dir(tmp_path / "src")).x_valid.shape == (5_000, 28, 28)


def test_unusable_cache_dir_still_loads(monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("bukan folder")
    monkeypatch.setenv("CHAPTER11_CACHE_DIR", str(blocker / "cache"))
    assert load_fashion_mnist(make_dir(tmp_path / "src")).x_valid.shape == (5_000, 28, 28)


def test_loading_from_disk_does_not_import_tensorflow(cache_root):
    code = ("import sys, chapter11.data as d; d.load_fashion_mnist(allow_download=False); "
            "assert not {'tensorflow', 'keras'} & set(sys.modules), sorted(sys.modules)")
    env = dict(os.environ, CHAPTER11_CACHE_DIR=str(cache_root), CHAPTER11_DATA_DIR=str(RAW_DIR))
    subprocess.run([sys.executable, "-c", code], check=True, env=env, timeout=60)
