"""Memuat Fashion-MNIST: pencarian sumber, pemeriksaan integritas, cache terdekode.

:func:`load_fashion_mnist` memakai sumber pertama yang memuat keempat berkas IDX ``.gz``
(``{train,t10k}-{images-idx3,labels-idx1}-ubyte.gz``):

1. argumen ``data_dir``, atau variabel lingkungan ``CHAPTER11_DATA_DIR`` (string kosong = tidak
   disetel). Sumber eksplisit yang salah selalu galat, tidak pernah diganti diam-diam;
2. ``/usr/share/datasets/fashion-mnist`` — paket Debian/Ubuntu ``dataset-fashion-mnist``;
3. cache Keras ``$KERAS_HOME/datasets/fashion-mnist`` (bawaan ``~/.keras/...``);
4. unduhan lewat ``keras.utils.get_file`` bila ``allow_download=True`` — satu-satunya langkah
   yang mengimpor TensorFlow.

**Integritas** diperiksa pada bita IDX *setelah dekompresi* (paket Debian mengompresi ulang
berkasnya; isinya tetap sama): angka ajaib (2049 label, 2051 citra), dimensi, panjang tepat, dan
SHA-256 seluruh isi. Gzip rusak atau terpotong, isi terpotong, satu bita label yang berubah:
semuanya :class:`DataIntegrityError` yang menyebut berkas dan cara memperbaikinya. Sumber yang
ditemukan tetapi rusak tidak dilompati ke sumber berikutnya.

**Cache.** Isi yang lolos pemeriksaan disimpan mentah (uint8) di ``runtime.cache_dir()``, dalam
*satu* berkas ``fashion-mnist.idx`` (≈ 55 MB) apa pun sumbernya — isi yang sah selalu sama —
ditulis ke berkas sementara lalu ``os.replace`` (proses paralel tak pernah melihat berkas setengah
jadi). Sumber yang sudah diperiksa dicatat sebagai berkas penanda kecil di
``fashion-mnist.verified/``, dinamai menurut (path, ukuran, mtime, ctime, inode) berkas sumbernya:
sumber baru atau yang berubah berarti pemeriksaan penuh ulang, tetapi tidak menambah salinan
55 MB lagi. Salinan format lama (satu berkas per sumber) dan berkas sementara yang tertinggal
dihapus. Setiap pembacaan cache menghitung ulang SHA-256 tiap bagiannya (≈ 0,03 detik); cache
yang rusak diabaikan dan dibangun ulang. Yang dihemat hanya dekompresi gzip (≈ 0,2 detik): tak ada
jalur yang mengembalikan larik yang belum diverifikasi. Dalam satu proses, panggilan berikutnya
dengan sumber yang sama mengembalikan objek yang sama (tak dapat diubah).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import re
import tempfile
import time
import zlib
from pathlib import Path
from typing import NamedTuple

import numpy as np

from . import runtime
from ._validation import check_int, check_str

__all__ = ["FashionMNIST", "DataIntegrityError", "DataDirError", "load_fashion_mnist",
           "CLASS_NAMES", "CLASS_NAMES_EN", "DATA_ENV", "SYSTEM_DATA_DIR", "N_VALID"]

DATA_ENV = "CHAPTER11_DATA_DIR"
SYSTEM_DATA_DIR = Path("/usr/share/datasets/fashion-mnist")
DOWNLOAD_URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/"
N_VALID = 5_000
CLASS_NAMES_EN = ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                  "Sneaker", "Bag", "Ankle boot")
CLASS_NAMES = ("Kaus/atasan", "Celana panjang", "Pulover", "Gaun", "Mantel", "Sandal", "Kemeja",
               "Sepatu kets", "Tas", "Sepatu bot")
_INSTALL = (f"pasang paket Debian (`sudo apt-get install dataset-fashion-mnist`) atau setel "
            f"{DATA_ENV} ke folder berisi keempat berkas IDX .gz yang utuh")


class _Spec(NamedTuple):
    name: str
    magic: int
    dims: tuple
    sha256: str
    size: int  # panjang isi terdekompresi: header 4 + 4·ndim bita, lalu piksel/label


# Urutan pemeriksaan: berkas kecil dulu, agar label yang rusak ketahuan tanpa membuka citra.
_FILES = (
    _Spec("t10k-labels-idx1-ubyte", 2049, (10_000,),
          "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34", 10_008),
    _Spec("train-labels-idx1-ubyte", 2049, (60_000,),
          "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9", 60_008),
    _Spec("t10k-images-idx3-ubyte", 2051, (10_000, 28, 28),
          "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b", 7_840_016),
    _Spec("train-images-idx3-ubyte", 2051, (60_000, 28, 28),
          "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888", 47_040_016),
)
_CACHE_FORMAT = 2
_CACHE_NAME = "fashion-mnist.idx"
_VERIFIED_DIR = "fashion-mnist.verified"
_MAX_STAMPS = 64  # penanda sumber terbaru yang disimpan (masing-masing berkas kosong)
_STALE_TMP_SECONDS = 3600  # berkas sementara lebih tua dari ini sisa proses yang terhenti
_LEGACY_RE = re.compile(r"^fashion-mnist-[0-9a-f]{32}\.idx$")  # format 1: satu salinan per sumber
_MEMO: dict = {}


class DataIntegrityError(ValueError):
    """Berkas Fashion-MNIST ada, tetapi isinya rusak, terpotong, atau bukan yang diharapkan."""


class DataDirError(FileNotFoundError, ValueError):
    """Argumen ``data_dir`` menunjuk folder yang tidak ada atau tidak lengkap.

    Turunan ``FileNotFoundError`` (berkasnya tidak ada) sekaligus ``ValueError`` (nilai argumen
    yang salah), sehingga kedua cara menangkapnya berlaku.
    """


@dataclasses.dataclass(frozen=True, eq=False)
class FashionMNIST:
    """Fashion-MNIST terbagi seperti di buku Géron: latih 55.000, validasi 5.000, uji 10.000.

    Semua larik hanya-baca; untuk mengubahnya, salin dulu (``data.x_train.copy()``).
    Dua objek dibandingkan dengan ``is``, bukan dengan isi lariknya.

    Attributes:
        x_train, x_valid, x_test: citra ``float32`` ``(n, 28, 28)`` dalam [0, 1] (piksel / 255).
            ``x_valid`` adalah 5.000 citra *terakhir* berkas latih asli.
        y_train, y_valid, y_test: label kelas ``uint8`` 0–9, seperti ``keras.datasets``.
        class_names, class_names_en: nama kelas (Indonesia; Inggris asli), urut sesuai label.
        source: folder tempat keempat berkas IDX ditemukan.
    """

    x_train: np.ndarray
    y_train: np.ndarray
    x_valid: np.ndarray
    y_valid: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    class_names: tuple = CLASS_NAMES
    class_names_en: tuple = CLASS_NAMES_EN
    source: Path | None = None

    def __post_init__(self):
        for name in ("x_train", "y_train", "x_valid", "y_valid", "x_test", "y_test"):
            array = np.asarray(getattr(self, name))
            if array.flags.writeable:  # view hanya-baca; larik milik pemanggil tidak diubah
                array = array.view()
                array.setflags(write=False)
            object.__setattr__(self, name, array)
            if name[0] == "y" and len(array) != len(getattr(self, "x" + name[1:])):
                raise ValueError(f"Banyak citra dan label `{name[2:]}` harus sama. Diterima: "
                                 f"len(x{name[1:]})={len(getattr(self, 'x' + name[1:]))}, "
                                 f"len({name})={len(array)}.")
        object.__setattr__(self, "class_names", tuple(self.class_names))
        object.__setattr__(self, "class_names_en", tuple(self.class_names_en))

    def __repr__(self) -> str:
        return (f"FashionMNIST(train={len(self.x_train)}, valid={len(self.x_valid)}, "
                f"test={len(self.x_test)}, source={str(self.source)!r})")

    def subset(self, n_train: int, n_valid: int | None = None,
               n_test: int | None = None) -> FashionMNIST:
        """Ambil ``n`` contoh *pertama* tiap bagian (deterministik; view hanya-baca, tanpa salinan).

        Fashion-MNIST sudah teracak, jadi 10.000 citra latih pertama hampir seimbang antarkelas.

        Args:
            n_train: banyak contoh latih (1 sampai ``len(x_train)``).
            n_valid, n_test: banyak contoh validasi/uji; ``None`` berarti semuanya.

        Returns:
            :class:`FashionMNIST` baru dengan ``source`` yang sama.

        Raises:
            TypeError: bila ``n`` bukan bilangan bulat.
            ValueError: bila ``n`` < 1 atau melebihi banyak contoh yang ada.

        Example:
            >>> small = load_fashion_mnist().subset(10_000, n_valid=1_000)
            >>> len(small.x_train), len(small.x_valid), len(small.x_test)
            (10000, 1000, 10000)
        """
        changes = {}
        for split, n in (("train", n_train), ("valid", n_valid), ("test", n_test)):
            available = len(getattr(self, f"x_{split}"))
            if n is None and split != "train":
                continue
            n = check_int(f"n_{split}", n, minimum=1)
            if n > available:
                raise ValueError(f"Argumen `n_{split}` harus paling besar {available}. "
                                 f"Diterima: n_{split}={n}.")
            changes.update({f"{xy}_{split}": getattr(self, f"{xy}_{split}")[:n] for xy in "xy"})
        return dataclasses.replace(self, **changes)


class _Source(NamedTuple):
    folder: Path
    kind: str  # "explicit", "system" atau "keras"


def _keras_dir() -> Path:
    home = os.environ.get("KERAS_HOME") or os.path.join("~", ".keras")
    return Path(home).expanduser() / "datasets" / "fashion-mnist"


def _missing(folder: Path) -> str | None:
    if not folder.is_dir():
        return f"folder {folder} tidak ada"
    absent = [s.name + ".gz" for s in _FILES if not (folder / (s.name + ".gz")).is_file()]
    return f"di {folder} tidak ada berkas {', '.join(absent)}" if absent else None


def _download() -> Path:
    keras = runtime.quiet_tensorflow()  # impor TensorFlow hanya di sini
    paths = [keras.utils.get_file(s.name + ".gz", origin=DOWNLOAD_URL + s.name + ".gz",
                                  cache_dir=str(_keras_dir().parents[1]),
                                  cache_subdir=os.path.join("datasets", "fashion-mnist"))
             for s in _FILES]
    return Path(paths[0]).parent


def _find_source(data_dir: str | None, allow_download: bool) -> _Source:
    explicit, origin = data_dir, "argumen `data_dir`"
    if explicit is None:
        explicit, origin = os.environ.get(DATA_ENV) or None, f"variabel lingkungan {DATA_ENV}"
    if explicit is not None:
        folder = Path(explicit).expanduser().absolute()
        problem = _missing(folder)
        if problem:
            message = (f"Fashion-MNIST dari {origin} tidak lengkap: {problem}. "
                       f"Arahkan {origin} ke folder berisi keempat berkas IDX .gz "
                       f"yang utuh, atau jangan disetel agar sumber bawaan dipakai "
                       f"(lalu {_INSTALL}).")
            if data_dir is not None:
                raise DataDirError(f"{message} Diterima: data_dir={data_dir!r}.")
            raise FileNotFoundError(message)
        return _Source(folder, "explicit")
    searched = []
    for folder, kind in ((SYSTEM_DATA_DIR, "system"), (_keras_dir(), "keras")):
        problem = _missing(folder)
        if problem is None:
            return _Source(folder, kind)
        searched.append(problem)
    message = f"Fashion-MNIST tidak ditemukan ({DATA_ENV} tidak disetel; {'; '.join(searched)})."
    if not allow_download:
        raise FileNotFoundError(f"{message} Unduhan tidak diizinkan (allow_download=False). "
                                f"Perbaikan: {_INSTALL}.")
    try:
        return _Source(_download(), "keras")
    except Exception as exc:  # jaringan, izin, TensorFlow tak terpasang: sama bagi pembaca
        raise FileNotFoundError(f"{message} Unduhan lewat Keras gagal ({exc}). "
                                f"Perbaikan: {_INSTALL}.") from exc


def _gunzip(data: bytes, limit: int) -> bytes:
    """Dekompresi gzip (boleh beberapa anggota); berhenti setelah ``limit + 1`` bita."""
    if not data:
        raise EOFError("berkas kosong")
    parts, total = [], 0
    while data:
        stream = zlib.decompressobj(wbits=31)  # format gzip; memeriksa CRC-32 dan panjang
        parts.append(stream.decompress(data, limit + 1 - total))
        total += len(parts[-1])
        if total > limit:  # terlalu panjang; sisanya tetap didekode (dibuang) agar gzip
            while stream.unconsumed_tail:  # yang rusak dilaporkan sebagai gzip rusak
                stream.decompress(stream.unconsumed_tail, 1 << 20)
            break
        if not stream.eof:
            raise EOFError("aliran gzip terpotong sebelum penanda akhirnya")
        data = stream.unused_data.lstrip(b"\0")
    return b"".join(parts)


def _problem(content, spec: _Spec) -> str | None:
    """Uraian masalah isi IDX ``content`` (bytes atau memoryview), atau ``None`` bila benar."""
    magic = int.from_bytes(content[:4], "big")
    if magic != spec.magic:
        return f"angka ajaib (magic number) {magic}, seharusnya {spec.magic}"
    dims = tuple(int.from_bytes(content[4 + 4 * i:8 + 4 * i], "big") for i in range(len(spec.dims)))
    if dims != spec.dims:
        return f"dimensi {dims}, seharusnya {spec.dims}"
    if len(content) != spec.size:
        size = f"lebih dari {spec.size}" if len(content) > spec.size else str(len(content))
        return f"isi terdekompresi {size} bita, seharusnya tepat {spec.size} bita"
    digest = hashlib.sha256(content).hexdigest()
    if digest != spec.sha256:
        return f"SHA-256 isi {digest[:16]}…, seharusnya {spec.sha256[:16]}… (isinya berubah)"
    return None


def _read_verified(path: Path, spec: _Spec, kind: str) -> bytes:
    try:
        content = _gunzip(path.read_bytes(), spec.size)
        problem = _problem(content, spec)
    except (zlib.error, EOFError) as exc:
        problem = f"gzip rusak atau terpotong ({exc})"
    if problem is None:
        return content
    remedy = {"explicit": "Ganti berkas itu dengan salinan yang utuh",
              "system": "Pasang ulang: `sudo apt-get install --reinstall dataset-fashion-mnist`",
              "keras": f"Hapus berkas {path} dari cache Keras agar diunduh ulang"}[kind]
    raise DataIntegrityError(f"Berkas Fashion-MNIST {path} rusak: {problem}. {remedy}; "
                             f"atau {_INSTALL}.")


def _load_cache(path: Path) -> list | None:
    """Baca cache terdekode; ``None`` bila tidak ada atau tidak lolos pemeriksaan ulang."""
    try:
        raw = memoryview(path.read_bytes())
    except OSError:
        return None
    if len(raw) != sum(s.size for s in _FILES):
        return None
    starts = np.cumsum([0] + [s.size for s in _FILES]).tolist()
    parts = [raw[a:b] for a, b in zip(starts, starts[1:])]
    return None if any(_problem(c, s) for c, s in zip(parts, _FILES)) else parts


def _write_cache(path: Path, contents) -> None:
    """Tulis cache secara atomik; kegagalan (disk penuh, tanpa izin) diabaikan."""
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.writelines(contents)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _mark_verified(folder: Path, key: str) -> None:
    """Catat bahwa sumber ``key`` sudah diperiksa penuh; simpan hanya penanda terbaru."""
    stamps = folder / _VERIFIED_DIR
    try:
        stamps.mkdir(exist_ok=True)
        (stamps / key).touch()
        existing = sorted(stamps.iterdir(), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in existing[_MAX_STAMPS:]:
            old.unlink(missing_ok=True)
    except OSError:  # penanda hanya penghemat waktu; tanpa penanda sumber diperiksa ulang
        pass


def _remove_leftovers(folder: Path) -> None:
    """Hapus salinan terdekode format lama dan berkas sementara yang ditinggal proses terhenti."""
    now = time.time()
    try:
        for path in folder.iterdir():
            name = path.name
            stale_tmp = (name.startswith("fashion-mnist") and name.endswith(".tmp")
                         and now - path.stat().st_mtime > _STALE_TMP_SECONDS)
            if _LEGACY_RE.match(name) or stale_tmp:
                path.unlink(missing_ok=True)
    except OSError:
        pass


def _assemble(contents, source: Path) -> FashionMNIST:
    """Larik hanya-baca dari isi IDX yang sudah diverifikasi."""
    test_y, train_y, test_x, train_x = contents  # urutan _FILES
    x_full, x_test = (  # np.divide float32 = float32(x / 255.0), tanpa larik float64 antara
        np.divide(np.frombuffer(c, np.uint8, offset=16).reshape(-1, 28, 28), np.float32(255),
                  dtype=np.float32) for c in (train_x, test_x))
    y_full, y_test = (np.frombuffer(c, np.uint8, offset=8).copy() for c in (train_y, test_y))
    for array in (x_full, x_test, y_full, y_test):  # pemiliknya juga: view tak bisa dibuka
        array.setflags(write=False)
    return FashionMNIST(x_train=x_full[:-N_VALID], y_train=y_full[:-N_VALID],
                        x_valid=x_full[-N_VALID:], y_valid=y_full[-N_VALID:],
                        x_test=x_test, y_test=y_test, source=source)


def load_fashion_mnist(data_dir=None, allow_download: bool = True) -> FashionMNIST:
    """Muat Fashion-MNIST yang sudah diverifikasi, dibagi seperti di buku Géron.

    Latih ``X_train_full[:-5000]``, validasi ``X_train_full[-5000:]``, uji berkas ``t10k``.
    Urutan sumber, pemeriksaan, dan cache: lihat dokumentasi modul. Dalam satu proses,
    panggilan kedua dengan sumber yang sama mengembalikan objek yang sama.

    Args:
        data_dir: folder berisi keempat berkas IDX ``.gz`` (``str`` atau ``os.PathLike``);
            ``None`` berarti ``CHAPTER11_DATA_DIR``, lalu sumber bawaan.
        allow_download: bila ``True`` dan tidak ada sumber lokal, unduh lewat Keras.

    Returns:
        :class:`FashionMNIST` dengan larik hanya-baca.

    Raises:
        TypeError: bila ``data_dir`` bukan path atau ``allow_download`` bukan ``bool``.
        ValueError: bila ``data_dir`` string kosong.
        FileNotFoundError: bila folder atau berkas tidak ada (dan unduhan tak diizinkan/gagal).
        DataIntegrityError: bila gzip rusak, isi terpotong, atau isinya berbeda dari aslinya.

    Example:
        >>> data = load_fashion_mnist()
        >>> data.x_train.shape, data.x_valid.shape, data.x_test.shape
        ((55000, 28, 28), (5000, 28, 28), (10000, 28, 28))
        >>> data.x_train.dtype, float(data.x_train.min()), float(data.x_train.max())
        (dtype('float32'), 0.0, 1.0)
        >>> data.class_names[data.y_train[0]], data.class_names_en[data.y_train[0]]
        ('Sepatu bot', 'Ankle boot')
        >>> load_fashion_mnist() is data
        True
    """
    if data_dir is not None:
        if not isinstance(data_dir, (str, os.PathLike)):
            raise TypeError(f"Argumen `data_dir` harus None, str, atau os.PathLike. "
                            f"Diterima: data_dir={data_dir!r} (tipe {type(data_dir).__name__}).")
        data_dir = check_str("data_dir", os.fspath(data_dir))
    if not isinstance(allow_download, bool):
        raise TypeError(f"Argumen `allow_download` harus bool (True/False). Diterima: "
                        f"allow_download={allow_download!r} (tipe {type(allow_download).__name__}).")
    source = _find_source(data_dir, allow_download)
    paths = [(source.folder / (s.name + ".gz")).absolute() for s in _FILES]
    fingerprint = [[str(p), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
                   for p, st in ((p, p.stat()) for p in paths)]
    key = hashlib.sha256(json.dumps([_CACHE_FORMAT, [s.sha256 for s in _FILES], fingerprint])
                         .encode()).hexdigest()[:32]
    if key in _MEMO:
        return _MEMO[key]
    try:
        folder = runtime.cache_dir()
    except OSError:  # termasuk CacheDirError: muat tanpa cache, hasilnya tetap benar
        folder = None
    contents = None
    if folder is not None and (folder / _VERIFIED_DIR / key).exists():
        contents = _load_cache(folder / _CACHE_NAME)
    if contents is None:
        contents = [_read_verified(p, s, source.kind) for p, s in zip(paths, _FILES)]
        if folder is not None:
            _write_cache(folder / _CACHE_NAME, contents)
            _mark_verified(folder, key)
            _remove_leftovers(folder)
    result = _assemble(contents, source.folder)
    _MEMO.clear()  # nilai satu sumber saja (≈ 250 MB) yang disimpan
    _MEMO[key] = result
    return result
