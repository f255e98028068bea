"""Konfigurasi Sphinx untuk buku *Bab 11 — Melatih Jaringan Saraf Dalam*.

Halaman ada di ``book/``; bangun dengan ``sphinx-build -c . book _build/html``
(atau ``bash tools/build.sh``, yang juga menyiapkan lingkungannya).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent

# --- Lingkungan kernel -----------------------------------------------------------------
# Variabel yang disetel di sini diwarisi kernel yang mengeksekusi halaman.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("PYTHONHASHSEED", "0")
os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
# Ekstensi build buku (book/_ext/chapter11_build.py): akar cache (mengikuti folder keluaran
# atau CHAPTER11_CACHE_ROOT), profil IPython kernel, jupyter-cache, sidik jari halaman,
# jadwal eksekusi terpanjang-dulu, kemajuan, dan laporan galat. Mengimpor conf.py tidak
# menulis apa pun.
sys.path.insert(0, str(ROOT / "book" / "_ext"))

from chapter11.runtime import current_budget  # noqa: E402

BUDGET = current_budget()  # galat yang jelas bila CHAPTER11_BUDGET tidak sah

# --- Proyek ----------------------------------------------------------------------------
project = "Bab 11 — Melatih Jaringan Saraf Dalam"
author = "Kontributor chapter11"
copyright = "2026, Kontributor chapter11"
language = "id"
extensions = [
    "myst_nb",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.mathjax",
    "sphinx.ext.viewcode",
    "sphinx_exercise",
    "sphinx_togglebutton",
    "sphinxcontrib.bibtex",
    "chapter11_build",
]
exclude_patterns = ["_build", "**.ipynb_checkpoints", "README.md", "_ext"]
nitpicky = True
nitpick_ignore_regex = [(r"py:.*", r"(keras|tf|np|numpy|matplotlib|pathlib|collections|typing)\..*")]

# --- Penomoran gambar -------------------------------------------------------------------
numfig = True
numfig_secnum_depth = 0
numfig_format = {
    "figure": "Gambar 11.%s",
    "table": "Tabel 11.%s",
    "code-block": "Kode 11.%s",
    "section": "Bagian %s",
}

# --- MyST / myst-nb ---------------------------------------------------------------------
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence", "deflist", "substitution"]
myst_heading_anchors = 3
nb_execution_mode = "cache"  # jupyter-cache di <akar cache>/.jupyter_cache (chapter11_build)
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_execution_timeout = 600
nb_output_stderr = "warn"  # keluaran stderr apa pun (peringatan, log TF) menggagalkan build -W
nb_merge_streams = True
nb_render_image_options = {"width": "100%"}

# --- Pustaka ----------------------------------------------------------------------------
bibtex_bibfiles = ["book/references.bib"]
bibtex_default_style = "plain"
bibtex_reference_style = "author_year"

# --- autodoc ----------------------------------------------------------------------------
autodoc_typehints = "none"
autodoc_member_order = "bysource"
napoleon_google_docstring = True
napoleon_numpy_docstring = False

# --- HTML -------------------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_title = "Bab 11 — Melatih Jaringan Saraf Dalam"
html_static_path = ["book/_static"]
html_last_updated_fmt = None
html_theme_options = {
    "show_toc_level": 2,
    "use_download_button": True,
    "home_page_in_toc": True,
}


def setup(app):
    app.add_css_file("custom.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}


# === Buku bagi pembaca (ekstensi chapter11_reader, book/_ext/chapter11_reader) =============
# Antarmuka berbahasa Indonesia, pencarian Indonesia, pustaka, nomor, notebook unduhan,
# MathJax lokal. Blok ini menggantikan beberapa nilai yang disetel di atas (numfig_*, bibtex_*).
import sys  # noqa: E402

sys.path.insert(0, str(ROOT / "book" / "_ext"))
extensions.append("chapter11_reader")

#: Alamat repositori GitHub buku — satu-satunya tempat alamat ini ditulis (tombol repositori,
#: tombol Colab, dan sel pemasangan notebook unduhan memakainya). Workflow GitHub Pages
#: menyetel CHAPTER11_REPOSITORY ke repositori yang menjalankannya.
chapter11_repository = (os.environ.get("CHAPTER11_REPOSITORY")
                        or "https://github.com/PEMILIK/REPOSITORI")
chapter11_chapter_number = 11  # halaman 11.1, 11.2, …; Gambar 11.2.3 = gambar ke-3 halaman 11.2

numfig_secnum_depth = 1
numfig_format = {
    "figure": "Gambar %s",
    "table": "Tabel %s",
    "code-block": "Kode %s",
    "section": "Bagian %s",
}
math_numfig = True
math_eqref_format = "({number})"
html_secnumber_suffix = " "

bibtex_default_style = "indonesia"          # book/_ext/chapter11_reader/bibstyle.py
bibtex_reference_style = "penulis_tahun"    # "(Glorot dan Bengio, 2010)", "(He dkk., 2015)"

html_theme_options.update({
    "search_bar_text": "Cari di buku ini…",
    "repository_url": chapter11_repository,
    "use_repository_button": True,
})
# === akhir blok chapter11_reader ==============================================================
