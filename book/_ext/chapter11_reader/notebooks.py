"""Notebook unduhan yang berjalan sendiri, dan tombol "buka di Colab".

Setiap halaman yang dieksekusi (MyST text notebook) dapat diunduh sebagai ``.ipynb``:
notebook halaman dari myst-nb (``<outdir>/../jupyter_execute/<halaman>.ipynb``) dengan
keluarannya dari jupyter-cache, ditambah satu sel pertama yang

1. memasang paket ``chapter11`` dari repositori buku bila belum terpasang,
2. menyediakan ``myst_nb.glue`` pengganti bila myst-nb tidak terpasang (di luar build
   buku, ``glue`` cukup menampilkan nilainya), dan
3. memuat Fashion-MNIST lewat ``chapter11.data`` (``CHAPTER11_DATA_DIR``, paket Debian,
   cache Keras, atau sekali unduh lewat Keras) sehingga kesalahan data muncul di awal.

Halaman bukunya sendiri tidak berubah. Berkas ditulis ke ``<outdir>/_sources/<halaman>.ipynb``
dan muncul di menu unduh sphinx-book-theme. Tombol Colab menunjuk salinan notebook yang
sama di cabang ``notebooks`` repositori (diterbitkan oleh workflow GitHub Pages).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

#: Cabang repositori tempat workflow menerbitkan notebook unduhan (untuk Colab).
NOTEBOOK_BRANCH = "notebooks"
COLAB = "https://colab.research.google.com"

SETUP_CELL = '''\
# Sel persiapan — hanya ada di notebook unduhan, tidak di halaman buku.
# Memasang paket chapter11 dari repositori buku bila belum terpasang (di Google Colab
# sekitar satu menit), lalu memastikan data Fashion-MNIST dapat ditemukan.
import importlib
import importlib.util
import subprocess
import sys

REPOSITORI = "{repository}"
if importlib.util.find_spec("chapter11") is None:
    print(f"Memasang chapter11 dari {{REPOSITORI}} ...")
    subprocess.run([sys.executable, "-m", "pip", "install", "-q",
                    f"chapter11 @ git+{{REPOSITORI}}"], check=True)
    importlib.invalidate_caches()

if importlib.util.find_spec("myst_nb") is None:
    # Di luar build buku, glue() cukup menampilkan nilainya (bila display=True).
    import types
    from IPython.display import display as _tampilkan

    def glue(name, variable, display=True):
        if display:
            _tampilkan(variable)

    sys.modules["myst_nb"] = types.ModuleType("myst_nb")
    sys.modules["myst_nb"].glue = glue

# Data dicari di CHAPTER11_DATA_DIR, /usr/share/datasets/fashion-mnist (paket Debian
# dataset-fashion-mnist), cache Keras (~/.keras/datasets/fashion-mnist), lalu diunduh
# sekali lewat Keras bila ada jaringan.
from chapter11.data import load_fashion_mnist

print(load_fashion_mnist())
'''

_CODE_RE = re.compile(r"^\s*(#.*)?$")


def setup_cell_source(repository: str) -> str:
    return SETUP_CELL.format(repository=repository.rstrip("/"))


def _is_comment_only_hidden(cell: dict) -> bool:
    """Sel tersembunyi yang isinya hanya komentar (mis. sidik jari yang disisipkan build)."""
    if cell.get("cell_type") != "code":
        return False
    tags = cell.get("metadata", {}).get("tags", [])
    source = cell.get("source", "")
    source = "".join(source) if isinstance(source, list) else source
    return "remove-cell" in tags and all(_CODE_RE.match(line) for line in source.splitlines())


def downloadable_notebook(executed: dict, repository: str) -> dict:
    """Notebook unduhan dari notebook yang sudah dieksekusi: sel persiapan + sel halaman."""
    nb = json.loads(json.dumps(executed))  # salinan dalam
    cells = [c for c in nb.get("cells", []) if not _is_comment_only_hidden(c)]
    setup = {
        "cell_type": "code",
        "execution_count": None,
        "id": "chapter11-persiapan",
        "metadata": {"tags": ["chapter11-setup"]},
        "outputs": [],
        "source": setup_cell_source(repository),
    }
    nb["cells"] = [setup, *cells]
    metadata = nb.setdefault("metadata", {})
    for key in ("source_map", "file_format"):
        metadata.pop(key, None)
    metadata.setdefault("kernelspec", {"display_name": "Python 3", "language": "python",
                                       "name": "python3"})
    nb["nbformat"], nb["nbformat_minor"] = 4, max(5, int(nb.get("nbformat_minor", 5)))
    for i, cell in enumerate(nb["cells"]):
        cell.setdefault("id", f"sel-{i}")
    return nb


def executed_notebook_path(app, docname: str) -> Path:
    return Path(app.outdir).resolve().parent / "jupyter_execute" / f"{docname}.ipynb"


def is_executed_notebook(app, docname: str) -> bool:
    return executed_notebook_path(app, docname).is_file()


def with_cached_outputs(app, executed: dict) -> dict:
    """Notebook halaman lengkap dengan keluarannya, diambil dari jupyter-cache bila ada.

    myst-nb menulis ``jupyter_execute/<halaman>.ipynb`` tanpa keluaran bila halaman diambil
    dari cache; keluaran yang sama ada di jupyter-cache (kunci: sumber sel kode).
    """
    config = getattr(app.env, "mystnb_config", None)
    cache_path = getattr(config, "execution_cache_path", None)
    if not cache_path:
        return executed
    try:
        import nbformat
        from jupyter_cache import get_cache

        _, merged = get_cache(cache_path).merge_match_into_notebook(nbformat.from_dict(executed))
    except (KeyError, OSError, ImportError):
        return executed
    return json.loads(nbformat.writes(merged))


def write_downloads(app, exception) -> None:
    """``build-finished``: tulis notebook unduhan untuk setiap halaman yang dieksekusi."""
    if exception is not None or app.builder.format != "html":
        return
    sources = Path(app.outdir) / "_sources"
    for docname in sorted(app.env.found_docs):
        executed = executed_notebook_path(app, docname)
        if not executed.is_file():
            continue
        page = with_cached_outputs(app, json.loads(executed.read_text(encoding="utf-8")))
        nb = downloadable_notebook(page, app.config.chapter11_repository)
        target = sources / f"{docname}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def github_parts(repository: str) -> tuple[str, str] | None:
    parsed = urlparse(repository)
    parts = [p for p in parsed.path.strip("/").split("/") if p]
    if parsed.netloc.lower() != "github.com" or len(parts) < 2:
        return None
    return parts[0], parts[1].removesuffix(".git")


def colab_url(repository: str, docname: str) -> str | None:
    parts = github_parts(repository)
    if parts is None:
        return None
    owner, repo = parts
    return f"{COLAB}/github/{owner}/{repo}/blob/{NOTEBOOK_BRANCH}/{docname}.ipynb"


def mark_notebook_source(app, pagename, templatename, context, doctree):
    """``html-page-context`` (sebelum tombol tema): tawarkan ``.ipynb`` di menu unduh."""
    if doctree is not None and is_executed_notebook(app, pagename):
        context["ipynb_source"] = f"{pagename}.ipynb"


def add_colab_button(app, pagename, templatename, context, doctree):
    """``html-page-context`` (sesudah tombol tema): tombol "Buka di Colab"."""
    if doctree is None or not is_executed_notebook(app, pagename):
        return
    url = colab_url(app.config.chapter11_repository, pagename)
    buttons = context.get("header_buttons")
    if url is None or buttons is None:
        return
    buttons.insert(0, {
        "type": "group",
        "tooltip": "Jalankan halaman ini",
        "icon": "fas fa-rocket",
        "label": "launch-buttons",
        "buttons": [{
            "type": "link",
            "text": "Colab",
            "tooltip": "Buka notebook halaman ini di Google Colab",
            "icon": "_static/images/logo_colab.png",
            "url": url,
            "label": "colab-button",
        }],
    })
