"""Buku yang terbaca tanpa jaringan: MathJax disajikan dari folder build, bukan CDN.

MathJax 3 diambil dari paket PyPI ``django-static-mathjax`` (berkas ``es5/`` MathJax 3.2.2
apa adanya, termasuk font CHTML; Django tidak dibutuhkan) dan disalin ke
``<outdir>/_static/mathjax/``. ``conf.py`` mengarahkan ``mathjax_path`` ke
``mathjax/tex-mml-chtml.js`` (relatif terhadap ``_static``).
"""

from __future__ import annotations

import shutil
from importlib import metadata
from pathlib import Path

MATHJAX_PATH = "mathjax/tex-mml-chtml.js"
DISTRIBUTION = "django-static-mathjax"
#: Berkas/folder es5 yang tidak dibutuhkan halaman (komponen gabungan lain, keluaran SVG).
_SKIP = ("tex-chtml-full-speech.js", "tex-chtml-full.js", "tex-svg-full.js", "tex-svg.js",
         "tex-mml-svg.js", "mml-svg.js", "mml-chtml.js", "tex-chtml.js", "node-main.js",
         "svg")


def mathjax_source() -> Path:
    """Folder ``es5`` MathJax 3 dari paket ``django-static-mathjax``."""
    try:
        dist = metadata.distribution(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        raise RuntimeError(
            f"Paket {DISTRIBUTION} (MathJax untuk membaca buku tanpa jaringan) belum "
            f"terpasang: pip install {DISTRIBUTION}, atau jalankan bash tools/setup.sh."
        ) from None
    path = Path(dist.locate_file("mathjax/static/mathjax/es5"))
    if not (path / "tex-mml-chtml.js").is_file():
        raise RuntimeError(f"{path}/tex-mml-chtml.js tidak ditemukan di paket {DISTRIBUTION}.")
    return path


def copy_mathjax(app, exception) -> None:
    """``build-finished``: salin MathJax ke ``_static/mathjax`` (sekali per versi paket)."""
    if exception is not None or app.builder.format != "html":
        return
    source = mathjax_source()
    target = Path(app.outdir) / "_static" / "mathjax"
    stamp = target / ".versi"
    version = metadata.version(DISTRIBUTION)
    if stamp.is_file() and stamp.read_text() == version:
        return
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(*_SKIP))
    stamp.write_text(version)
