"""Persiapan lingkungan eksekusi: anggaran pelatihan, benih acak, TensorFlow yang senyap.

Setiap halaman buku memanggil :func:`setup` di sel pertamanya. Fungsi itu

* mengimpor TensorFlow lewat :func:`quiet_tensorflow`: log C++ yang sudah dikenal sebagai
  derau (banner ``absl``, oneDNN, CUDA yang tidak ada) tidak masuk halaman, tetapi baris
  stderr lain — pustaka yang hilang, galat CUDA sungguhan — tetap sampai ke pengguna;
* menyetel TensorFlow ke :data:`TF_THREADS` *thread* (intra-op dan inter-op), di satu
  tempat ini saja, agar angka sama di mesin mana pun dan dua kernel yang berbagi CPU dua
  inti tidak saling berebut;
* menyetel benih lewat ``keras.utils.set_random_seed``;
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

import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ._validation import check_choice, check_int

__all__ = ["Budget", "BUDGET_NAMES", "CacheDirError", "TF_THREADS", "current_budget", "setup",
           "cache_dir", "quiet_tensorflow"]

BUDGET_ENV = "CHAPTER11_BUDGET"
CACHE_ENV = "CHAPTER11_CACHE_DIR"
BUDGET_NAMES = ("fast", "full")
#: Banyak *thread* TensorFlow (intra-op dan inter-op) untuk semua komputasi paket. Satu
#: thread per kernel tidak pernah lebih lambat di CPU dua inti dan 20–30 % lebih cepat bila
#: dua halaman dieksekusi bersamaan; angka yang dihasilkan juga tidak bergantung pada
#: banyak inti mesin.
TF_THREADS = 1
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


class CacheDirError(OSError, ValueError):
    """Folder cache paket tidak dapat dipakai (bukan folder, atau tidak dapat ditulis)."""


def cache_dir() -> Path:
    """Folder cache paket (data terdekode, hasil eksperimen).

    Urutan: ``CHAPTER11_CACHE_DIR``, lalu ``$XDG_CACHE_HOME/chapter11``, lalu
    ``~/.cache/chapter11``. Folder dibuat bila belum ada.

    Raises:
        CacheDirError: (turunan ``OSError`` dan ``ValueError``) bila path itu, atau salah
            satu induknya, adalah berkas, atau folder tidak dapat dibuat. Pesannya menyebut
            variabel lingkungan yang harus disetel.
    """
    base = os.environ.get(CACHE_ENV)
    if base:
        path, origin = Path(base).expanduser(), f"{CACHE_ENV}={base!r}"
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        path = (Path(xdg) if xdg else Path.home() / ".cache") / "chapter11"
        origin = f"folder cache bawaan {str(path)!r} ({CACHE_ENV} tidak disetel)"
    blocker = next((p for p in (path, *path.parents) if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        what = "itu sendiri" if blocker == path else f"induknya {str(blocker)!r}"
        raise CacheDirError(
            f"Folder cache paket chapter11 harus berupa folder (atau path yang belum ada), "
            f"tetapi {what} adalah berkas. Setel {CACHE_ENV} ke sebuah folder yang dapat "
            f"ditulis. Diterima: {origin}."
        )
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CacheDirError(
            f"Folder cache paket chapter11 tidak dapat dibuat ({exc.strerror or exc}). Setel "
            f"{CACHE_ENV} ke sebuah folder yang dapat ditulis. Diterima: {origin}."
        ) from exc
    return path


# --- TensorFlow yang senyap, tetapi tidak bisu ---------------------------------------------

#: Baris stderr yang sudah dikenal sebagai derau saat TensorFlow diimpor. Baris lain
#: diteruskan ke stderr pengguna.
KNOWN_NOISE = tuple(re.compile(p) for p in (
    r"^WARNING: All log messages before absl::InitializeLog\(\) is called are written to "
    r"STDERR$",
    r"\] oneDNN custom operations are on\.",
    r"\] Could not find cuda drivers on your machine, GPU will not be used\.",
    r"\] This TensorFlow binary is optimized to use available CPU instructions",
    r"^To enable the following instructions: .* rebuild TensorFlow with the appropriate "
    r"compiler flags\.$",
    r"\] Unable to register cu(DNN|FFT|BLAS) factory",
    r"\] computation placer already registered",
))


def _is_noise(line: str) -> bool:
    return not line.strip() or any(p.search(line) for p in KNOWN_NOISE)


def _call_capturing_stderr(func):
    """Panggil ``func()`` dengan deskriptor berkas 2 ditangkap; kembalikan (hasil, teks stderr).

    Log C++ TensorFlow ditulis langsung ke deskriptor 2, melewati ``sys.stderr``. Yang
    tertangkap dikembalikan utuh (tidak dibuang) agar pemanggil dapat menyaringnya.
    """
    try:
        fd = sys.__stderr__.fileno() if sys.__stderr__ is not None else 2
        saved = os.dup(fd)
    except (AttributeError, OSError, ValueError):  # tidak ada fd 2: tidak ada yang ditangkap
        return func(), ""
    with tempfile.TemporaryFile() as capture:
        try:
            sys.__stderr__.flush()
        except (AttributeError, OSError, ValueError):
            pass
        os.dup2(capture.fileno(), fd)
        try:
            result = func()
        finally:
            try:
                sys.__stderr__.flush()
            except (AttributeError, OSError, ValueError):
                pass
            os.dup2(saved, fd)
            os.close(saved)
        capture.seek(0)
        text = capture.read().decode("utf-8", errors="replace")
    return result, text


def _forward_unexpected(text: str) -> None:
    """Teruskan baris ``text`` yang bukan derau ke ``sys.stderr``."""
    kept = [line for line in text.splitlines() if not _is_noise(line)]
    if kept:
        sys.stderr.write("\n".join(kept) + "\n")
        sys.stderr.flush()


def _pin_threads(tf) -> None:
    """Setel TensorFlow ke :data:`TF_THREADS` thread intra-op dan inter-op (sekali, di sini)."""
    threading = tf.config.threading
    for getter, setter in ((threading.get_intra_op_parallelism_threads,
                            threading.set_intra_op_parallelism_threads),
                           (threading.get_inter_op_parallelism_threads,
                            threading.set_inter_op_parallelism_threads)):
        if getter() == TF_THREADS:
            continue
        try:
            setter(TF_THREADS)
        except RuntimeError as exc:  # TensorFlow sudah menjalankan operasi sebelum ini
            raise RuntimeError(
                f"TensorFlow sudah dipakai sebelum chapter11 sempat menyetel {TF_THREADS} "
                f"thread intra-op dan inter-op ({exc}). Panggil chapter11.runtime.setup() "
                f"sebelum operasi TensorFlow apa pun, agar angka buku dapat direproduksi."
            ) from exc


def quiet_tensorflow():
    """Impor TensorFlow dan Keras tanpa derau log dan kembalikan modul ``keras``.

    Stderr tingkat deskriptor berkas ditangkap selama impor; baris yang cocok dengan
    ``KNOWN_NOISE`` dibuang, baris lain diteruskan ke ``sys.stderr`` (di halaman buku,
    baris itu menggagalkan build: pesan pemuatan yang sungguhan tidak pernah hilang).
    TensorFlow disetel ke :data:`TF_THREADS` thread. Aman dipanggil berkali-kali.

    Raises:
        RuntimeError: bila TensorFlow sudah menjalankan operasi dengan banyak thread lain
            sebelum fungsi ini dipanggil (jumlah thread tidak dapat diubah lagi).
    """
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    if "tensorflow" not in sys.modules:
        def _import():
            import tensorflow as tf

            tf.get_logger().setLevel("ERROR")
            return tf

        tf, captured = _call_capturing_stderr(_import)
        _forward_unexpected(captured)
    else:
        import tensorflow as tf
    _pin_threads(tf)
    import keras

    return keras


def setup(seed: int = 42) -> Budget:
    """Siapkan halaman: TensorFlow senyap dengan :data:`TF_THREADS` thread, benih, anggaran.

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
