"""Pemeriksaan statis halaman buku dan mekanisme sidik jari di conf.py (cepat, tanpa build)."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
NOTEBOOKS = sorted(p for p in BOOK.glob("*.md") if "file_format: mystnb" in p.read_text()[:300])


@pytest.fixture(scope="module")
def conf():
    import importlib.util

    spec = importlib.util.spec_from_file_location("book_conf", ROOT / "conf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
    # `decay=` lama (diabaikan Keras 3) dilarang; `weight_decay=` AdamW sah.
    assert not re.search(r"(?<!weight_)\bdecay=", text), f"{page.name} memuat 'decay='"
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


def test_fingerprint_cell_is_injected_and_follows_budget(conf, monkeypatch):
    text = (BOOK / "gradien.md").read_text(encoding="utf-8")
    source = [text]
    conf._inject_fingerprint(None, "gradien", source)
    assert source[0].startswith(text.rstrip("\n"))
    match = re.search(r"anggaran=fast,\n# chapter11=([0-9a-f]{16})", source[0])
    assert match
    monkeypatch.setattr(conf, "BUDGET", conf.current_budget().__class__("full"))
    other = [text]
    conf._inject_fingerprint(None, "gradien", other)
    assert "anggaran=full" in other[0] and match.group(1) not in other[0]


def test_pages_without_package_imports_get_no_cell(conf):
    source = ["---\nfile_format: mystnb\n---\n# Judul\n\n```{code-cell} ipython3\n1 + 1\n```\n"]
    before = source[0]
    conf._inject_fingerprint(None, "x", source)
    assert source[0] == before
    plain = ["# Bukan notebook\n"]
    conf._inject_fingerprint(None, "y", plain)
    assert plain == ["# Bukan notebook\n"]


def test_cell_options_are_not_parsed_as_code(conf):
    body = "---\nmystnb:\n  figure:\n    name: fig-x\n---\nfrom chapter11 import data\n"
    assert conf._cell_code(body).strip() == "from chapter11 import data"
    assert conf._cell_code(":tags: [remove-cell]\n\nimport chapter11.models\n").strip() == (
        "import chapter11.models")
