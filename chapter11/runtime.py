"""Persiapan lingkungan eksekusi: anggaran pelatihan, benih acak, TensorFlow yang senyap.

Setiap halaman buku memanggil :func:`setup` di sel pertamanya. Fungsi itu

* mengimpor TensorFlow tanpa log C++ (baris ``absl``/CUDA/oneDNN tidak masuk halaman),
* menyetel benih lewat ``keras.utils.set_random_seed``,
* mengembalikan :class:`Budget` yang berlaku (variabel lingkungan ``CHAPTER11_BUDGET``).

Anggaran (*budget*) adalah satu-satunya kenop ukuran eksperimen: ``"fast"`` (bawaan)
memakai subset data dan epoch yang cukup untuk memperlihatkan efeknya di CPU dua inti;
``"full"`` memakai pengaturan Géron (data penuh, epoch aslinya) untuk mesin ber-GPU.

>>> current_budget().name in BUDGET_NAMES
True
>>> Budget("fast").pick(fast=10_000, full=55_000)
10000
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from ._validation import check_choice, check_int

__all__ = ["Budget", "BUDGET_NAMES", "current_budget", "setup", "cache_dir", "quiet_tensorflow"]

BUDGET_ENV = "CHAPTER11_BUDGET"
CACHE_ENV = "CHAPTER11_CACHE_DIR"
BUDGET_NAMES = ("fast", "full")
_DESCRIPTIONS = {
    "fast": "anggaran cepat (subset data dan epoch yang dipangkas agar muat di CPU dua inti)",
    "full": "anggaran penuh (data penuh dan jumlah epoch seperti buku Géron; cocok untuk GPU)",
}


@dataclass(frozen=True)
class Budget:
    """Anggaran pelatihan yang dipakai halaman.

    Attributes:
        name: ``"fast"`` atau ``"full"``.
    """

    name: str

    def __post_init__(self):
        check_choice("name", self.name, BUDGET_NAMES)

    @property
    def description(self) -> str:
        """Keterangan berbahasa Indonesia untuk ditempel di halaman."""
        return _DESCRIPTIONS[self.name]

    @property
    def is_full(self) -> bool:
        return self.name == "full"

    def pick(self, *, fast, full):
        """Kembalikan ``fast`` atau ``full`` sesuai anggaran.

        Example:
            >>> Budget("full").pick(fast=3, full=30)
            30
        """
        return full if self.is_full else fast


def current_budget() -> Budget:
    """Baca anggaran dari ``CHAPTER11_BUDGET`` (bawaan ``"fast"``).

    Raises:
        ValueError: bila variabel lingkungan berisi nilai selain ``fast``/``full``.
    """
    value = os.environ.get(BUDGET_ENV, "fast").strip().lower() or "fast"
    if value not in BUDGET_NAMES:
        raise ValueError(
            f"Variabel lingkungan {BUDGET_ENV} harus 'fast' atau 'full'. "
            f"Diterima: {BUDGET_ENV}={value!r}."
        )
    return Budget(value)


def cache_dir() -> Path:
    """Folder cache paket (data terdekode, hasil eksperimen).

    Urutan: ``CHAPTER11_CACHE_DIR``, lalu ``$XDG_CACHE_HOME/chapter11``, lalu
    ``~/.cache/chapter11``. Folder dibuat bila belum ada.
    """
    base = os.environ.get(CACHE_ENV)
    if base:
        path = Path(base).expanduser()
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        path = (Path(xdg) if xdg else Path.home() / ".cache") / "chapter11"
    path.mkdir(parents=True, exist_ok=True)
    return path


@contextlib.contextmanager
def _stderr_fd_silenced():
    """Alihkan deskriptor berkas 2 ke /dev/null (log C++ TensorFlow ditulis langsung ke sana)."""
    try:
        fd = sys.__stderr__.fileno() if sys.__stderr__ is not None else 2
    except (AttributeError, OSError, ValueError):
        fd = 2
    try:
        saved = os.dup(fd)
    except OSError:  # tidak ada fd 2 sama sekali: tidak ada yang perlu dibungkam
        yield
        return
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), fd)
            yield
    finally:
        os.dup2(saved, fd)
        os.close(saved)


def quiet_tensorflow():
    """Impor TensorFlow dan Keras tanpa log C++ dan kembalikan modul ``keras``.

    Aman dipanggil berkali-kali; impor kedua tidak mencetak apa pun.
    """
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    if "tensorflow" not in sys.modules:
        with _stderr_fd_silenced():
            import tensorflow as tf  # noqa: F401

            tf.get_logger().setLevel("ERROR")
    import keras

    return keras


def setup(seed: int = 42) -> Budget:
    """Siapkan halaman: TensorFlow senyap, benih acak, anggaran yang berlaku.

    Args:
        seed: benih untuk Python, NumPy dan TensorFlow (``keras.utils.set_random_seed``).

    Returns:
        :class:`Budget` yang berlaku.
    """
    seed = check_int("seed", seed, minimum=0)
    budget = current_budget()
    keras = quiet_tensorflow()
    keras.utils.set_random_seed(seed)
    return budget
