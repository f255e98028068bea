"""Pemeriksaan statis halaman buku (cepat, tanpa build).

Mekanisme sidik jari halaman diuji di ``tests/test_build_extension.py``.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
NOTEBOOKS = sorted(p for p in BOOK.glob("*.md") if "file_format: mystnb" in p.read_text()[:300])


def test_there_are_executable_pages():
    assert {p.stem for p in NOTEBOOKS} >= {"gradien"}


@pytest.mark.parametrize("page", NOTEBOOKS, ids=lambda p: p.stem)
def test_page_shape(page):
    text = page.read_text(encoding="utf-8")
    assert re.search(r"^\(sec-[\w-]+\)=\n# ", text, re.MULTILINE), "label (sec-…)= lalu H1"
    assert "## Ringkasan" in text
    assert "runtime.setup(" in text, "sel persiapan memanggil runtime.setup()"
    for banned in ("!pip", "%pip", "urlretrieve", "get_file(", "input_shape=", "verbose=1",
                   "lr="):
        assert banned not in text, f"{page.name} memuat {banned!r}"
    # `decay=` usang (diabaikan Keras 3); `weight_decay=` (AdamW) adalah argumen Keras 3 yang sah.
    assert not re.search(r"(?<!\w)decay=", text), f"{page.name} memuat 'decay='"
    assert not re.search(r"LeakyReLU\([^)]*alpha=", text)


@pytest.mark.parametrize("page", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_figure_is_named_captioned_and_described(page):
    text = page.read_text(encoding="utf-8")
    figures = re.findall(r"mystnb:\n  figure:\n(.*?)\n---", text, re.DOTALL)
    assert figures, f"{page.name} tidak punya gambar"
    for block in figures:
        assert re.search(r"name: fig-[\w-]+", block), block
        assert "caption:" in block and "alt:" in block, block


@pytest.mark.parametrize("page", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_glued_key_is_defined_on_the_page(page):
    text = page.read_text(encoding="utf-8")
    used = set(re.findall(r"\{glue:(?:text)?\}`([\w-]+)`", text))
    defined = set(re.findall(r"glue\(\s*[\"']([\w-]+)[\"']", text))
    assert used <= defined, f"kunci glue tanpa definisi: {sorted(used - defined)}"


@pytest.mark.parametrize("page", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_referenced_figure_exists(page):
    text = page.read_text(encoding="utf-8")
    names = set(re.findall(r"name: (fig-[\w-]+)", text))
    refs = set(re.findall(r"\{numref\}`(fig-[\w-]+)`", text))
    assert refs <= names, sorted(refs - names)
