"""Konfigurasi pytest bersama untuk tes dan doctest ``chapter11``.

Cache paket (data terdekode, hasil eksperimen) diarahkan ke ``_build/.chapter11-cache`` —
tempat yang sama dengan build buku — agar tes tidak menulis ke ``~/.cache`` pengguna.
"""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent
os.environ.setdefault("CHAPTER11_CACHE_DIR", str(ROOT / "_build" / ".chapter11-cache"))
# Build buku di tes memakai cache build yang sama dengan `bash tools/build.sh` (jupyter-cache,
# profil IPython), walau keluarannya di folder sementara: halaman yang sudah dieksekusi tidak
# dieksekusi ulang. Tes ekstensi build (tests/test_build_*.py) menyetel akarnya sendiri.
os.environ.setdefault("CHAPTER11_CACHE_ROOT", str(ROOT / "_build"))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def pytest_runtest_teardown(item, nextitem):
    """Tutup gambar matplotlib sesudah setiap tes dan doctest (contoh ``plot_*`` membuka gambar
    baru; tanpa ini pyplot memperingatkan "More than 20 figures have been opened")."""
    import sys

    plt = sys.modules.get("matplotlib.pyplot")
    if plt is not None:
        plt.close("all")
