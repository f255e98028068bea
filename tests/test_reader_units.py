"""Tes unit bagian-bagian ekstensi ``chapter11_reader`` (tanpa build buku)."""

from __future__ import annotations

import gettext
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "book" / "_ext"))

from chapter11_reader import bibstyle, i18n, notebooks, search_id  # noqa: E402

LOCALE = ROOT / "book" / "_locale" / "id" / "LC_MESSAGES"


# --- Pencarian Indonesia ------------------------------------------------------------------
@pytest.mark.parametrize("root, forms", [
    ("latih", ["melatih", "pelatihan", "dilatih", "latihan", "berlatih"]),
    ("normalisasi", ["dinormalisasi", "normalisasinya"]),
    ("ajar", ["belajar", "pembelajaran", "mempelajari"]),
    ("hilang", ["menghilang", "kehilangan"]),
])
def test_affixed_forms_share_the_root_stem(root, forms):
    lang = search_id.SearchIndonesian({})
    assert lang.stem(root) == root
    for form in forms:
        assert lang.stem(form) == root, form
        assert lang.stem(form.capitalize()) == root  # indeks mengecilkan huruf dulu


def test_stop_words_are_function_words_and_never_content_stems():
    stem = search_id.SearchIndonesian({}).stem
    for word in ("yang", "dan", "di", "dengan", "untuk", "adalah", "tersebut"):
        assert word in search_id.STOPWORDS
    for content in ("latih", "gradien", "bobot", "lapis", "tetap", "sebut", "normalisasi"):
        assert content not in search_id.STOPWORDS, content
    # Setiap kata tugas tersaring di sisi indeks (stem-nya kata henti) kecuali stem isi.
    for word in search_id.FUNCTION_WORDS:
        assert stem(word) in search_id.STOPWORDS or stem(word) in search_id.CONTENT_STEMS, word


def test_js_stemmer_ships_with_sphinx():
    search_id.check_js_stemmer()  # Sphinx >= 9 membawa indonesian-stemmer.js


def test_index_side_keeps_root_words_and_drops_stop_words():
    lang = search_id.SearchIndonesian({})
    words = lang.split("Jaringan yang dilatih dengan pelatihan panjang")
    kept = {lang.stem(w).lower() for w in words if lang.word_filter(lang.stem(w).lower())}
    assert kept == {"jaring", "latih", "panjang"}


# --- Katalog pesan --------------------------------------------------------------------------
def _catalog(name):
    return i18n.read_messages(LOCALE / f"{name}.po", "id")


@pytest.mark.parametrize("msgid, expected", [
    ("Returns", "Nilai kembalian"),
    ("Raises", "Memunculkan"),
    ("Return type", "Tipe nilai kembalian"),
    ("Type", "Tipe"),
    ("Skip to main content", "Langsung ke isi utama"),
    ("Back to top", "Kembali ke atas"),
    ("Light", "Terang"),
    ("Dark", "Gelap"),
    ("On this page", "Di halaman ini"),
    ("Link to this heading", "Tautan ke judul ini"),
])
def test_sphinx_catalog_translates_ui_strings(msgid, expected):
    assert _catalog("sphinx")[msgid] == expected


def test_catalogs_compile_to_the_given_folder_and_load(tmp_path):
    for name in ("sphinx", "booktheme"):
        mo = tmp_path / "id" / "LC_MESSAGES" / f"{name}.mo"
        i18n.compile_catalog(LOCALE / f"{name}.po", mo, "id")
        translation = gettext.translation(name, str(tmp_path), languages=["id"])
        assert translation.gettext("Search") == "Cari"
    # Tidak ada .mo di pohon sumber.
    assert not list((ROOT / "book").rglob("*.mo"))


def test_compiled_folder_follows_the_output_folder(tmp_path):
    class App:
        outdir = tmp_path / "keluaran" / "html"

    assert i18n.compiled_locale_dir(App()) == (tmp_path / "keluaran" / ".chapter11-locale")


def test_js_catalog_has_the_search_summary_in_indonesian(tmp_path):
    messages = _catalog("sphinx")
    js = tmp_path / "sphinx.js"
    i18n.write_js_catalog(messages, js, "id")
    body = js.read_text(encoding="utf-8")
    data = json.loads(re.search(r"addTranslations\((.*)\);", body, re.DOTALL).group(1))
    summary = data["messages"]["Search finished, found one page matching the search query."]
    assert summary == ["Pencarian selesai: ${resultCount} halaman cocok dengan kata yang dicari."]
    assert data["messages"]["Search Results"] == "Hasil pencarian"


# --- Gaya pustaka -----------------------------------------------------------------------------
BIB = r"""
@inproceedings{dua, author={Glorot, Xavier and Bengio, Yoshua},
  title={Understanding the Difficulty of Training Deep Feedforward Neural Networks},
  booktitle={Proceedings of AISTATS}, pages={249--256}, year={2010}}
@book{buku, author={Géron, Aurélien}, title={Hands-On Machine Learning}, edition={3},
  publisher={O'Reilly Media}, year={2022}}
@article{banyak, author={Satu, A. and Dua, B. and Tiga, C.},
  title={Fast Learning with ELUs on ImageNet and Fashion-MNIST},
  journal={Jurnal}, volume={4}, number={5}, pages={1--17}, year={1964}}
@misc{dkk, author={Hinton, Geoffrey and others}, title={Dropout}, year={2012}}
"""


@pytest.fixture(scope="module")
def formatted():
    import pybtex.plugin
    from pybtex.database import parse_string

    bibstyle.register()
    style = pybtex.plugin.find_plugin("pybtex.style.formatting", bibstyle.FORMAT_STYLE)()
    entries = parse_string(BIB, "bibtex").entries
    return {e.key: e.text.render_as("text") for e in style.format_entries(entries.values())}


def test_bibliography_reads_in_indonesian(formatted):
    assert formatted["dua"].startswith("Xavier Glorot dan Yoshua Bengio.")
    assert "Dalam Proceedings of AISTATS, halaman 249–256." in formatted["dua"]
    assert "edisi ke-3" in formatted["buku"]
    assert formatted["banyak"].startswith("A. Satu, B. Dua, dan C. Tiga.")
    assert formatted["dkk"].startswith("Geoffrey Hinton dkk.")
    titles = re.findall(r"title=\{([^}]*)\}", BIB)
    for text in formatted.values():
        for title in titles:
            text = text.replace(title, "")
        assert not re.search(r"\b(and|et al|pages|edition|In|editors?)\b", text), text


def test_bibliography_keeps_capitals_of_proper_names(formatted):
    assert "Fast Learning with ELUs on ImageNet and Fashion-MNIST" in formatted["banyak"]


def test_citations_use_indonesian_connectives():
    style = bibstyle.IndonesianAuthorYearStyle()
    assert style.person.sep2 == " dan " and style.person.last_sep == ", dan "
    assert "dkk." in str(style.person.other)
    assert (style.bracket_parenthetical.left, style.bracket_parenthetical.right) == ("(", ")")


# --- Notebook unduhan ---------------------------------------------------------------------------
def _executed():
    return {
        "cells": [
            {"cell_type": "markdown", "id": "a", "metadata": {}, "source": "# Judul"},
            {"cell_type": "code", "id": "b", "metadata": {}, "execution_count": 1,
             "outputs": [], "source": "from chapter11 import runtime\nruntime.setup()"},
            {"cell_type": "code", "id": "c", "metadata": {"tags": ["remove-cell"]},
             "execution_count": 2, "outputs": [], "source": "# sidik jari: abc\n# lain\n"},
            {"cell_type": "code", "id": "d", "metadata": {"tags": ["remove-cell"]},
             "execution_count": 3, "outputs": [], "source": "assert 1 + 1 == 2"},
        ],
        "metadata": {"file_format": "mystnb", "source_map": [1, 2],
                     "kernelspec": {"name": "python3", "display_name": "Python 3"}},
        "nbformat": 4, "nbformat_minor": 4,
    }


def test_downloaded_notebook_starts_with_the_install_cell_and_is_valid():
    import nbformat

    nb = notebooks.downloadable_notebook(_executed(), "https://github.com/pemilik/buku")
    nbformat.validate(nbformat.from_dict(nb))
    first = nb["cells"][0]
    assert first["cell_type"] == "code"
    assert 'find_spec("chapter11") is None' in first["source"]
    assert 'REPOSITORI = "https://github.com/pemilik/buku"' in first["source"]
    assert 'f"chapter11 @ git+{REPOSITORI}"' in first["source"]
    assert "load_fashion_mnist" in first["source"]
    ids = [c["id"] for c in nb["cells"]]
    assert "c" not in ids, "sel tersembunyi yang hanya komentar dibuang"
    assert {"a", "b", "d"} <= set(ids), "sel halaman (termasuk assert tersembunyi) tetap ada"
    assert "file_format" not in nb["metadata"]


def test_install_cell_is_valid_python():
    compile(notebooks.setup_cell_source("https://github.com/a/b"), "<sel>", "exec")


def test_colab_url_points_to_the_notebook_branch():
    assert notebooks.colab_url("https://github.com/pemilik/buku", "gradien") == (
        "https://colab.research.google.com/github/pemilik/buku/blob/notebooks/gradien.ipynb")
    assert notebooks.colab_url("https://gitlab.com/a/b", "gradien") is None


def test_install_cell_provides_glue_when_myst_nb_is_missing(tmp_path):
    import subprocess

    script = ("import sys\nsys.modules['myst_nb'] = None  # seperti di Colab: myst-nb tidak ada\n"
              + notebooks.setup_cell_source("https://github.com/a/b")
              + "\nfrom myst_nb import glue\nglue('angka', 42)\nglue('diam', 7, display=False)\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = proc.stdout.strip().splitlines()
    assert lines[-1] == "42" and "7" not in lines[-1:]
    assert "FashionMNIST(train=55000" in proc.stdout  # data ditemukan dan dimuat


# --- Berkas pustaka ------------------------------------------------------------------------------
#: Makalah primer yang didaftar issue 12 (nama belakang penulis pertama, tahun).
ISSUE_PAPERS = [("Glorot", "2010"), ("He", "2015"), ("Maas", "2013"), ("Clevert", "2016"),
                ("Klambauer", "2017"), ("Hendrycks", "2016"), ("Ramachandran", "2017"),
                ("Misra", "2019"), ("Ioffe", "2015"), ("Pascanu", "2013"), ("Polyak", "1964"),
                ("Nesterov", "1983"), ("Duchi", "2011"), ("Tieleman", "2012"), ("Kingma", "2015"),
                ("Dozat", "2016"), ("Loshchilov", "2019"), ("Smith", "2018"),
                ("Srivastava", "2014"), ("Gal", "2016")]


def _bib(name):
    from pybtex.database import parse_file

    return parse_file(str(ROOT / "book" / name), bib_format="bibtex").entries


def test_pending_bibliography_is_complete_and_well_formed():
    pending, cited = _bib("_bib_pending.bib"), _bib("references.bib")
    assert not set(pending) & set(cited), "kunci yang sama di dua berkas"
    everything = {**cited, **pending}
    have = {(e.persons["author"][0].last_names[0], e.fields["year"]) for e in everything.values()}
    missing = [paper for paper in ISSUE_PAPERS if paper not in have]
    assert not missing, missing
    for key, entry in pending.items():
        assert {"title", "year"} <= set(entry.fields), key
        assert entry.persons.get("author"), key
        venue = {"journal", "booktitle", "eprint", "howpublished"} & set(entry.fields)
        assert venue, f"{key}: tanpa tempat terbit"
        if "pages" in entry.fields:
            assert re.fullmatch(r"\d+--\d+", entry.fields["pages"]), key
        if "eprint" in entry.fields:
            assert re.fullmatch(r"\d{4}\.\d{4,5}", entry.fields["eprint"]), key
        assert re.fullmatch(r"[a-z]+\d{4}[a-z]+", key), f"{key}: pola kunci penulisTahunKata"
