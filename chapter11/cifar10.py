"""CIFAR-10 untuk pembaca yang memilikinya: dimuat **hanya bila diminta secara eksplisit**.

Latihan 8 Géron (jaringan 20 lapisan) memakai CIFAR-10 (Krizhevsky, 2009). Buku ini
tidak dapat mengunduhnya saat dibangun, sehingga halaman latihan menjalankan solusi yang sama pada
Fashion-MNIST. Pembaca yang punya CIFAR-10 (di cache Keras, ``~/.keras/datasets``, atau dengan
koneksi internet) menjalankan solusi yang sama dengan ``dataset="cifar10"`` — build buku sendiri
tidak pernah memanggil modul ini, jadi hasilnya tidak bergantung pada isi cache sebuah mesin.

Pembagiannya seperti di solusi Géron: 5.000 gambar latih **pertama** menjadi set validasi,
45.000 sisanya set latih, dan 10.000 gambar uji. Piksel diskalakan ke [0, 1] (Géron memberi
piksel mentah 0–255 pada bagian b dan c; di sini semua bagian memakai skala yang sama).

Example:
    >>> import numpy as np
    >>> def fake_loader():  # pengganti keras.datasets.cifar10.load_data untuk contoh ini
    ...     rng = np.random.default_rng(0)
    ...     x = rng.integers(0, 256, (60, 32, 32, 3), dtype=np.uint8)
    ...     y = rng.integers(0, 10, (60, 1), dtype=np.uint8)
    ...     return (x[:50], y[:50]), (x[50:], y[50:])
    >>> data = load_cifar10(loader=fake_loader, n_valid=5)
    >>> data.x_train.shape, data.x_valid.shape, data.x_test.shape, data.y_train.shape
    ((45, 32, 32, 3), (5, 32, 32, 3), (10, 32, 32, 3), (45,))
    >>> data.class_names[:3]
    ('Pesawat', 'Mobil', 'Burung')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ._validation import check_int, check_limit

__all__ = ["CIFAR10", "CIFAR10_CLASS_NAMES", "CIFAR10_CLASS_NAMES_EN", "CIFAR10_N_VALID",
           "CIFAR10_SHAPE", "load_cifar10"]

CIFAR10_CLASS_NAMES_EN = ("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
                          "horse", "ship", "truck")
CIFAR10_CLASS_NAMES = ("Pesawat", "Mobil", "Burung", "Kucing", "Rusa", "Anjing", "Katak",
                       "Kuda", "Kapal", "Truk")
#: Banyak gambar latih pertama yang dijadikan set validasi (seperti solusi Géron).
CIFAR10_N_VALID = 5_000
#: Bentuk satu gambar CIFAR-10.
CIFAR10_SHAPE = (32, 32, 3)


@dataclass(frozen=True)
class CIFAR10:
    """CIFAR-10 terbagi seperti solusi latihan 8 Géron: latih 45.000, validasi 5.000, uji 10.000.

    Attributes:
        x_train, x_valid, x_test: gambar ``float32`` ``(n, 32, 32, 3)`` di [0, 1].
        y_train, y_valid, y_test: label ``uint8`` 0–9 (vektor satu dimensi).
        class_names, class_names_en: nama kelas (Indonesia; Inggris asli), urut sesuai label.
    """

    x_train: np.ndarray
    y_train: np.ndarray
    x_valid: np.ndarray
    y_valid: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    class_names: tuple = CIFAR10_CLASS_NAMES
    class_names_en: tuple = CIFAR10_CLASS_NAMES_EN

    def __repr__(self) -> str:
        return (f"CIFAR10(train={len(self.x_train)}, valid={len(self.x_valid)}, "
                f"test={len(self.x_test)})")


def _keras_loader():
    from .runtime import quiet_tensorflow

    keras = quiet_tensorflow()
    return keras.datasets.cifar10.load_data()


def _check_images(name: str, x, y) -> tuple[np.ndarray, np.ndarray]:
    x, y = np.asarray(x), np.asarray(y).reshape(-1)
    if x.ndim != 4 or x.shape[1:] != CIFAR10_SHAPE or len(x) != len(y):
        raise ValueError(
            f"Data CIFAR-10 `{name}` harus berbentuk (n, 32, 32, 3) dengan n label. "
            f"Diterima: gambar {x.shape}, label {y.shape}."
        )
    if y.size and (y.min() < 0 or y.max() > 9):
        raise ValueError(f"Label CIFAR-10 `{name}` harus di 0–9. Diterima: {y.min()}–{y.max()}.")
    return x, y.astype(np.uint8)


def load_cifar10(*, loader: Callable | None = None, n_valid: int = CIFAR10_N_VALID) -> CIFAR10:
    """Muat CIFAR-10 lewat ``keras.datasets.cifar10.load_data()`` dan bagi seperti Géron.

    Keras membaca arsipnya dari ``~/.keras/datasets`` bila sudah ada, dan mengunduhnya bila belum
    (perlu internet, sekitar 170 MB). Fungsi ini tidak pernah dipanggil saat buku dibangun; ia
    dipanggil oleh :func:`chapter11.experiments.load_task` hanya untuk
    ``DataSpec(dataset="cifar10")``.

    Args:
        loader: fungsi tanpa argumen yang mengembalikan ``((x_train, y_train), (x_test,
            y_test))`` seperti ``keras.datasets.cifar10.load_data`` (bawaan: fungsi Keras itu).
        n_valid: banyak gambar latih pertama yang menjadi set validasi.

    Returns:
        :class:`CIFAR10`.

    Raises:
        RuntimeError: CIFAR-10 tidak ada di cache Keras dan tidak dapat diunduh.
        ValueError: bentuk larik yang bukan CIFAR-10, atau ``n_valid`` di luar rentang.
    """
    n_valid = check_limit("n_valid", check_int("n_valid", n_valid, minimum=1), "images")
    if loader is not None and not callable(loader):
        raise TypeError("Argumen `loader` harus fungsi tanpa argumen seperti "
                        "keras.datasets.cifar10.load_data, atau None. "
                        f"Diterima: loader={loader!r} (tipe {type(loader).__name__}).")
    loader = _keras_loader if loader is None else loader
    try:
        (x_train, y_train), (x_test, y_test) = loader()
    except (OSError, ValueError, RuntimeError, EOFError) as err:  # tanpa jaringan, arsip rusak
        raise RuntimeError(
            "CIFAR-10 tidak dapat dimuat: arsipnya tidak ada di cache Keras (~/.keras/datasets, "
            "atau folder KERAS_HOME) dan tidak dapat diunduh. Unduh sekali dengan "
            "keras.datasets.cifar10.load_data() di mesin yang terhubung ke internet, lalu salin "
            f"folder cache itu. Galat asli: {type(err).__name__}: {err}"
        ) from err
    x_train, y_train = _check_images("train", x_train, y_train)
    x_test, y_test = _check_images("test", x_test, y_test)
    if n_valid >= len(x_train):
        raise ValueError(f"Argumen `n_valid` harus lebih kecil dari banyak gambar latih "
                         f"({len(x_train)}). Diterima: n_valid={n_valid}.")

    def scaled(x):
        return (np.asarray(x, np.float32) / np.float32(255.0)).astype(np.float32)

    return CIFAR10(x_train=scaled(x_train[n_valid:]), y_train=y_train[n_valid:],
                   x_valid=scaled(x_train[:n_valid]), y_valid=y_train[:n_valid],
                   x_test=scaled(x_test), y_test=y_test)
