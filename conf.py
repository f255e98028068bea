"""Konfigurasi Sphinx untuk buku *Bab 11 — Melatih Jaringan Saraf Dalam*.

Halaman ada di ``book/``; bangun dengan ``sphinx-build -c . book _build/html``
(atau ``bash tools/build.sh``, yang juga menyiapkan lingkungannya).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent

# --- Lingkungan kernel -----------------------------------------------------------------
# Variabel yang disetel di sini diwarisi kernel yang mengeksekusi halaman.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("PYTHONHASHSEED", "0")
os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
CACHE_ROOT = Path(os.environ.get("CHAPTER11_CACHE_ROOT", ROOT / "_build")).resolve()
os.environ.setdefault("CHAPTER11_CACHE_DIR", str(CACHE_ROOT / ".chapter11-cache"))
# Profil IPython tersendiri untuk kernel halaman: skrip startup pengguna tidak ikut mengubah
# hasil, dan peringatan log kernel ("running over TCP without encryption") tidak mengotori
# log build.
_IPYTHONDIR = CACHE_ROOT / ".ipython"
(_IPYTHONDIR / "profile_default").mkdir(parents=True, exist_ok=True)
(_IPYTHONDIR / "profile_default" / "ipython_kernel_config.py").write_text(
    'c.IPKernelApp.log_level = "ERROR"\n', encoding="utf-8"
)
os.environ["IPYTHONDIR"] = str(_IPYTHONDIR)

from chapter11 import _deps  # noqa: E402  (ringan: tidak mengimpor TensorFlow)
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
]
exclude_patterns = ["_build", "**.ipynb_checkpoints", "README.md"]
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
nb_execution_mode = "cache"
nb_execution_cache_path = str(CACHE_ROOT / ".jupyter_cache")
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


# --- Sidik jari dependensi per halaman ----------------------------------------------------
_CELL_RE = re.compile(r"^```\{code-cell\}[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _cell_code(body: str) -> str:
    """Sumber Python sel kode MyST tanpa opsinya (blok YAML ``---`` atau baris ``:kunci:``)."""
    lines = body.splitlines()
    if lines and lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), 0)
        lines = lines[end + 1:]
    while lines and lines[0].startswith(":"):
        lines = lines[1:]
    return "\n".join(lines)
_FINGERPRINT_CELL = """

```{{code-cell}} ipython3
:tags: [remove-cell]

# Sidik jari dependensi halaman ini (disisipkan oleh conf.py): anggaran={budget},
# chapter11={fingerprint}. Bila modul chapter11 yang dipakai halaman ini berubah,
# sidik jari berubah dan jupyter-cache mengeksekusi ulang halaman ini.
```
"""


def _inject_fingerprint(app, docname, source):
    """Tambahkan sel tersembunyi berisi sidik jari modul ``chapter11`` yang dipakai halaman.

    jupyter-cache mengenali halaman hanya dari sumber sel kodenya; sel ini membuat
    perubahan pada modul yang diimpor halaman (dan pada anggaran atau versi pustaka)
    ikut menjadi bagian kunci cache.
    """
    text = source[0]
    if "file_format: mystnb" not in text.split("\n---", 1)[0]:
        return
    code = "\n".join(_cell_code(body) for body in _CELL_RE.findall(text))
    modules = _deps.modules_in_source(code)
    if not modules:
        return
    source[0] = text.rstrip("\n") + _FINGERPRINT_CELL.format(
        budget=BUDGET.name, fingerprint=_deps.fingerprint(modules, extra=BUDGET.name)
    )


def _prepare_jupyter_cache(app):
    """Buat basis data jupyter-cache sebelum fase paralel dan beri SQLite waktu tunggu.

    Di bawah ``-j`` beberapa proses menulis ke basis data yang sama: pembuatan tabel
    bersamaan gagal ("table … already exists") dan tulisan bersamaan bisa gagal dengan
    "database is locked". Basis data dibuat di sini (proses utama, sebelum fork), dan
    koneksi SQLite memakai waktu tunggu 120 detik alih-alih 5 detik.
    """
    from jupyter_cache import get_cache
    from jupyter_cache.cache import db as cache_db

    original = cache_db.create_engine
    if not getattr(original, "_chapter11_patched", False):

        def create_engine(url, *args, **kwargs):
            if str(url).startswith("sqlite"):
                kwargs.setdefault("connect_args", {}).setdefault("timeout", 120)
            return original(url, *args, **kwargs)

        create_engine._chapter11_patched = True
        cache_db.create_engine = create_engine
    path = Path(app.config.nb_execution_cache_path)
    path.mkdir(parents=True, exist_ok=True)
    get_cache(path).db  # noqa: B018  (membuat tabel sekarang)


def setup(app):
    app.connect("source-read", _inject_fingerprint)
    app.connect("builder-inited", _prepare_jupyter_cache)
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
