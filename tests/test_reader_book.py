"""Buku yang sudah dibangun, sebagaimana dibaca: bahasa, pencarian, rujukan, nomor, unduhan.

Semua tes di sini memakai satu build sesi (fixture ``built_book`` di ``conftest.py``) dan
membaca HTML, ``searchindex.js``, dan doctree hasil build — tanpa peramban (lihat
``test_browser.py`` untuk pemeriksaan di Chromium).
"""

from __future__ import annotations

import html as html_module
import json
import os
import pickle
import re
from pathlib import Path

import pytest

from _reader_ui import english_ui, visible_strings

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
pytestmark = pytest.mark.book


def _text(path: Path, article_only: bool = False) -> str:
    raw = path.read_text(encoding="utf-8")
    if article_only:  # isi halaman saja (tanpa navigasi, yang tidak diindeks)
        match = re.search(r'<article class="bd-article"[^>]*>(.*)</article>', raw, re.DOTALL)
        raw = match.group(1) if match else ""
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.DOTALL)
    return html_module.unescape(re.sub(r"<[^>]+>", " ", raw))


def _numbered_pages() -> list[str]:
    """Halaman di toctree ``:numbered:`` index.md, berurutan (harapan independen)."""
    index = (BOOK / "index.md").read_text(encoding="utf-8")
    block = re.search(r"```\{toctree\}\n((?::[^\n]*\n)*)(.*?)```", index, re.DOTALL)
    assert block and ":numbered:" in block.group(1), "toctree pertama index.md harus :numbered:"
    return [line.strip() for line in block.group(2).splitlines() if line.strip()]


# --- 1. Bahasa Indonesia di mana pun pembaca melihat --------------------------------------------
def test_no_english_interface_text_on_any_built_page(built_book):
    pages = sorted(built_book.rglob("*.html"))
    assert len(pages) >= len(list(BOOK.glob("*.md"))) + 3  # + search, genindex, py-modindex
    problems = {}
    for page in pages:
        found = english_ui(*visible_strings(page.read_text(encoding="utf-8")))
        if found:
            problems[str(page.relative_to(built_book))] = found
    assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)


def test_window_title_names_the_book_once(built_book):
    title = re.search(r"<title>(.*?)</title>", (built_book / "index.html").read_text(), re.DOTALL)
    text = html_module.unescape(title.group(1)).strip()
    assert text.count("Melatih Jaringan Saraf Dalam") == 1, text
    other = re.search(r"<title>(.*?)</title>", (built_book / "glosarium.html").read_text()).group(1)
    assert html_module.unescape(other).startswith("Glosarium — ")


def test_api_fields_read_in_indonesian(built_book):
    html = (built_book / "api.html").read_text(encoding="utf-8")
    labels = set(re.findall(r'<dt class="field-(?:odd|even)">([^<]+)<span class="colon">', html))
    assert {"Nilai kembalian", "Memunculkan", "Parameter"} <= labels, labels
    assert not labels & {"Returns", "Kembali", "Raises", "Return type", "Type", "Parameters"}


def test_compiled_catalogues_are_outside_the_source_tree(built_book):
    assert not list(BOOK.rglob("*.mo")), "berkas .mo tidak boleh ada di pohon sumber"
    # Akar cache build: CHAPTER11_CACHE_ROOT (conftest.py di akar repositori menyetelnya ke
    # _build agar tes berbagi cache dengan tools/build.sh), selain itu induk keluaran HTML.
    root = Path(os.environ.get("CHAPTER11_CACHE_ROOT") or built_book.parent)
    compiled = root / ".chapter11-locale" / "id" / "LC_MESSAGES"
    assert (compiled / "sphinx.mo").is_file() and (compiled / "booktheme.mo").is_file()


def test_bibliography_reads_in_indonesian(built_book):
    text = " ".join(_text(built_book / "pustaka.html").split())
    assert "Xavier Glorot dan Yoshua Bengio" in text
    assert "edisi ke-3" in text and "halaman 249–256" in text
    assert "ImageNet" in text and "(ELUs)" in text and "Fashion-MNIST" in text
    for english in (" et al.", "3 edition", " pages ", ". In "):
        assert english not in text, english


# --- 2. Pencarian yang memahami bahasa Indonesia ------------------------------------------------
@pytest.fixture(scope="module")
def search_index(built_book):
    raw = (built_book / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(raw[raw.index("(") + 1: raw.rindex(")")])


def _docs(index, term):
    hits = index["terms"].get(term, [])
    hits = [hits] if isinstance(hits, int) else hits
    titles = index["titleterms"].get(term, [])
    titles = [titles] if isinstance(titles, int) else titles
    return {index["docnames"][i] for i in [*hits, *titles]}


@pytest.mark.parametrize("root, affixed", [
    ("latih", r"(?:me|pe|di|ber)latih(?:an|kan|nya)?"),
    ("hilang", r"(?:meng|ke)hilang(?:an|kan|nya)?"),
    ("ukur", r"(?:meng|peng|di|ter)ukur(?:an|kan|nya)?"),
])
def test_root_word_indexes_pages_with_affixed_forms(built_book, search_index, root, affixed):
    pages = {p.stem for p in built_book.glob("*.html")
             if re.search(rf"\b{affixed}\b", _text(p, article_only=True), re.IGNORECASE)}
    assert pages, f"tidak ada halaman berbentuk {affixed}: harapan tes tidak bermakna"
    assert pages <= _docs(search_index, root), sorted(pages - _docs(search_index, root))


def test_stop_words_are_not_indexed(search_index):
    for word in ("yang", "dan", "dengan", "adalah", "untuk"):
        assert word not in search_index["terms"], word


# --- 3. Perangkat ilmiah ----------------------------------------------------------------------
def _cited_keys(doctrees: Path) -> set[str]:
    from sphinx import addnodes

    keys = set()
    for path in doctrees.glob("**/*.doctree"):
        with path.open("rb") as f:
            tree = pickle.load(f)
        for ref in tree.findall(addnodes.pending_xref):
            if ref.get("refdomain") == "cite":
                keys.update(k.strip() for k in ref["reftarget"].split(","))
    return keys


def test_every_bibliography_entry_is_cited_somewhere(built_book):
    bib = (BOOK / "references.bib").read_text(encoding="utf-8")
    entries = set(re.findall(r"@\w+\s*\{\s*([^,\s]+)\s*,", bib))
    cited = _cited_keys(built_book.parent / "doctrees")
    assert cited, "tidak ada kutipan yang terbaca dari doctree"
    assert not entries - cited, (
        f"entri pustaka tanpa kutipan: {sorted(entries - cited)} — kutip di halaman yang "
        "membahasnya, atau pindahkan ke book/_bib_pending.bib")


def test_pages_figures_and_equations_share_one_numbering(built_book):
    chapter = 11
    for i, page in enumerate(_numbered_pages(), start=1):
        html = (built_book / f"{page}.html").read_text(encoding="utf-8")
        h1 = re.search(r"<h1>(.*?)</h1>", html[html.index('<article'):], re.DOTALL).group(1)
        assert _text_of(h1).startswith(f"{chapter}.{i} "), (page, _text_of(h1))
        figures = re.findall(r'<span class="caption-number">Gambar ([\d.]+) </span>', html)
        expected = [f"{chapter}.{i}.{k}" for k in range(1, len(figures) + 1)]
        assert figures == expected, (page, figures)
        equations = re.findall(r'<span class="eqno">\(([\d.]+)\)', html)
        expected = [f"{chapter}.{i}.{k}" for k in range(1, len(equations) + 1)]
        assert equations == expected, (page, equations)


def _text_of(fragment: str) -> str:
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def test_equation_references_resolve_to_numbers(built_book):
    sources = {p.stem: p.read_text(encoding="utf-8") for p in BOOK.glob("*.md")}
    pages = [name for name, text in sources.items() if "{eq}`" in text]
    for page in pages:
        html = (built_book / f"{page}.html").read_text(encoding="utf-8")
        defined = set(re.findall(r'<span class="eqno">\(([\d.]+)\)', html))
        refs = re.findall(r'<a class="reference internal" href="[^"]*#equation-[^"]+">'
                          r'\(([\d.]+)\)</a>', html)
        assert refs, f"{page}: rujukan {{eq}} tidak tampil sebagai nomor persamaan"
        assert set(refs) <= defined, (page, set(refs) - defined)


def test_glossary_terms_are_linkable(built_book):
    glossary = (built_book / "glosarium.html").read_text(encoding="utf-8")
    anchors = set(re.findall(r'<dt id="(term-[^"]+)"', glossary))
    assert anchors
    for page in BOOK.glob("*.md"):
        if "{term}`" not in page.read_text(encoding="utf-8"):
            continue
        html = (built_book / f"{page.stem}.html").read_text(encoding="utf-8")
        # Di halaman glosarium sendiri tautannya relatif ke halaman itu ("#term-…").
        prefix = "" if page.stem == "glosarium" else r"glosarium\.html"
        links = set(re.findall(rf'href="{prefix}#(term-[^"]+)"', html))
        assert links and links <= anchors, (page.stem, links - anchors)


# --- 4. Dibawa pulang -------------------------------------------------------------------------
@pytest.mark.parametrize("page", sorted(p.stem for p in BOOK.glob("*.md")
                                        if "file_format: mystnb" in p.read_text()[:300]))
def test_every_executed_page_downloads_as_a_runnable_notebook(built_book, page):
    import nbformat

    html = (built_book / f"{page}.html").read_text(encoding="utf-8")
    assert f'href="_sources/{page}.ipynb"' in html, "menu unduh menawarkan .ipynb"
    assert "colab.research.google.com/github/" in html, "tombol Colab"
    nb = nbformat.read(built_book / "_sources" / f"{page}.ipynb", as_version=4)
    nbformat.validate(nb)
    first = nb.cells[0]
    assert first.cell_type == "code" and 'find_spec("chapter11") is None' in first.source
    assert "load_fashion_mnist" in first.source
    source = (BOOK / f"{page}.md").read_text(encoding="utf-8")
    assert "runtime.setup(" in source and any("runtime.setup(" in c.source for c in nb.cells[1:])
    assert sum(1 for c in nb.cells if c.cell_type == "code" and c.get("outputs")) > 0


def test_a_downloaded_notebook_runs_on_its_own(built_book, tmp_path):
    """Notebook unduhan halaman tercepat dieksekusi ulang dari awal di kernel baru."""
    import nbformat
    from nbclient import NotebookClient

    pages = [p for p in BOOK.glob("*.md") if "file_format: mystnb" in p.read_text()[:300]]
    if not pages:
        pytest.fail("tidak ada halaman yang dieksekusi")
    page = "gradien" if (BOOK / "gradien.md").is_file() else pages[0].stem
    nb = nbformat.read(built_book / "_sources" / f"{page}.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    assert any(o.get("output_type") == "display_data" and "image/png" in o.get("data", {})
               for c in nb.cells for o in c.get("outputs", [])), "gambar dibuat ulang"


def test_execution_statistics_page_lists_every_executed_page(built_book):
    html = (built_book / "statistik.html").read_text(encoding="utf-8")
    text = _text(built_book / "statistik.html")
    for header in ("Halaman", "Waktu (detik)", "Status"):
        assert header in text
    for page in BOOK.glob("*.md"):
        if "file_format: mystnb" in page.read_text()[:300]:
            assert f'href="{page.stem}.html"' in html, page.stem
    assert re.search(r"<p>\d+,\d+</p>", html), "detik dengan koma desimal"


# --- 6. Terbaca tanpa jaringan ----------------------------------------------------------------
def test_no_page_loads_assets_from_another_site(built_book):
    for page in built_book.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        remote = re.findall(r'<(?:script|img|iframe)[^>]+src="(?:https?:)?//[^"]+"', html)
        remote += re.findall(
            r'<link[^>]+rel="(?:stylesheet|preload|icon)"[^>]+href="(?:https?:)?//[^"]+"', html)
        assert not remote, (page.name, remote)


def test_mathjax_is_served_from_the_build(built_book):
    html = (built_book / "gradien.html").read_text(encoding="utf-8")
    src = re.search(r'<script[^>]+src="([^"]*mathjax[^"]*)"', html).group(1)
    assert not src.startswith(("http", "//"))
    assert (built_book / src.split("?")[0]).is_file()
    fonts_dir = built_book / "_static" / "mathjax" / "output" / "chtml" / "fonts"
    fonts = list(fonts_dir.rglob("*.woff"))
    assert fonts, "font MathJax ikut disalin"
