"""Buku di peramban sungguhan: Chromium tanpa layar, dibuka dari disk, tanpa jaringan.

Setiap halaman yang dibangun dibuka lewat ``file://`` di Chromium Debian (dikendalikan
Playwright; Playwright tidak mengunduh peramban). Semua permintaan ke luar ``file://``
dicatat lalu digagalkan — buku harus terbaca tanpa jaringan. Diperiksa: setiap gambar
termuat, matematika di-*typeset* MathJax (tidak ada TeX mentah), tidak ada galat konsol,
tidak ada permintaan keluar, tidak ada teks antarmuka Inggris (termasuk tooltip yang dibuat
JavaScript), mode gelap, pencarian Indonesia (stemmer JavaScript sepakat dengan stemmer
indeks), dropdown solusi terbuka, dan tautan unduh memberikan notebook yang sah.

Tanpa Chromium, ``conftest.py`` menggagalkan satu tes dengan satu pesan yang jelas.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from _reader_ui import CHROMIUM_FLAGS, chromium_executable, english_ui

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
SOURCES = sorted(p.stem for p in BOOK.glob("*.md"))
EXECUTED = sorted(p.stem for p in BOOK.glob("*.md")
                  if "file_format: mystnb" in p.read_text(encoding="utf-8")[:300])
PAGES = SOURCES + ["search", "genindex", "py-modindex"]

pytestmark = [pytest.mark.book, pytest.mark.browser]

# Teks yang dilihat pembaca (node teks di luar kode/MathJax) dan atribut yang dibaca peramban.
_COLLECT_JS = """() => {
  const skip = new Set(['SCRIPT', 'STYLE', 'PRE', 'CODE', 'KBD', 'MJX-CONTAINER', 'NOSCRIPT']);
  const texts = [], attrs = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      for (let el = node.parentElement; el; el = el.parentElement) {
        if (skip.has(el.tagName) || el.classList.contains('math')) return NodeFilter.FILTER_REJECT;
      }
      return node.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
    }});
  while (walker.nextNode()) texts.push(walker.currentNode.textContent.replace(/\\s+/g, ' ').trim());
  for (const el of document.querySelectorAll('*')) {
    for (const name of ['title', 'aria-label', 'placeholder', 'alt', 'data-bs-title',
                        'data-bs-original-title']) {
      const value = el.getAttribute(name);
      if (value && value.trim()) attrs.push(value.trim());
    }
  }
  attrs.push(document.title);
  return [texts, attrs];
}"""

_IMAGES_JS = """async () => {
  const images = [...document.images];
  for (const img of images) img.loading = 'eager';
  await Promise.all(images.map(img => img.decode().catch(() => null)));
  return images.map(img => [img.getAttribute('src'), img.complete && img.naturalWidth > 0]);
}"""

_MATH_JS = """async () => {
  const math = document.querySelectorAll('.math').length;
  if (typeof MathJax !== 'undefined' && MathJax.startup && MathJax.startup.promise) {
    await MathJax.startup.promise;
  }
  return [math, document.querySelectorAll('mjx-container').length];
}"""


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_executable(),
                                              args=list(CHROMIUM_FLAGS))
        yield instance
        instance.close()


class Visit:
    """Satu halaman yang dibuka, dengan catatan konsol dan permintaan keluarnya."""

    def __init__(self, browser, built_book: Path, color_scheme: str = "light"):
        self.root = built_book
        self.context = browser.new_context(color_scheme=color_scheme,
                                           viewport={"width": 1300, "height": 900},
                                           accept_downloads=True)
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route):
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def open(self, name: str, query: str = ""):
        self.page.goto((self.root / f"{name}.html").as_uri() + query, wait_until="load")
        return self.page

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser, built_book):
    visits = []

    def make(color_scheme="light"):
        v = Visit(browser, built_book, color_scheme)
        visits.append(v)
        return v

    yield make
    for v in visits:
        v.close()


@pytest.mark.parametrize("name", PAGES)
def test_page_reads_offline_in_indonesian(visit, name):
    v = visit()
    page = v.open(name)
    images = page.evaluate(_IMAGES_JS)
    broken = [src for src, ok in images if not ok]
    assert not broken, f"gambar tidak termuat: {broken}"
    math, typeset = page.evaluate(_MATH_JS)
    if math:
        assert typeset >= math, f"{math} rumus, hanya {typeset} yang di-typeset MathJax"
    texts, attrs = page.evaluate(_COLLECT_JS)
    raw_tex = [t for t in texts if re.search(r"\\\(|\\\[|\$\$", t)]
    assert not raw_tex, f"TeX mentah tampil: {raw_tex[:3]}"
    assert not english_ui(texts, attrs)
    page.wait_for_timeout(300)  # galat yang datang sesudah load (skrip tertunda)
    assert not v.outside, f"permintaan ke luar situs: {v.outside}"
    assert not v.errors, f"galat konsol: {v.errors}"


@pytest.mark.parametrize("name", ["index", EXECUTED[0] if EXECUTED else "index"])
def test_dark_mode_reads_in_indonesian(visit, name):
    v = visit("dark")
    page = v.open(name)
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    button = page.locator("button.theme-switch-button").first
    label = button.get_attribute("aria-label") or button.get_attribute("title") or ""
    assert label and not english_ui([], [label]), label
    button.click()  # berganti mode lewat tombol: tema ikut berubah
    assert page.evaluate("document.documentElement.dataset.mode") in {"light", "dark", "auto"}
    assert not v.errors and not v.outside


def _article_words(built_book: Path) -> dict[str, str]:
    texts = {}
    for name in SOURCES:
        raw = (built_book / f"{name}.html").read_text(encoding="utf-8")
        match = re.search(r'<article class="bd-article"[^>]*>(.*)</article>', raw, re.DOTALL)
        body = re.sub(r"<(script|style|pre)\b.*?</\1>", " ", match.group(1), flags=re.DOTALL)
        texts[name] = re.sub(r"<[^>]+>", " ", body).lower()
    return texts


def _search(page, built_book, query):
    page.goto((built_book / "search.html").as_uri() + "?q=" + query, wait_until="load")
    page.wait_for_function(
        "() => { const s = document.querySelector('#search-results .search-summary');"
        " return s && s.innerText.trim().length > 0; }", timeout=30000)
    hrefs = page.eval_on_selector_all("#search-results ul.search li a",
                                      "els => els.map(e => e.getAttribute('href'))")
    summary = page.inner_text("#search-results .search-summary")
    return {h.split("#")[0].split("?")[0].removesuffix(".html") for h in hrefs}, summary


@pytest.mark.parametrize("query, affixed", [
    ("latih", r"\b(?:me|pe|di|ber)latih(?:an|kan|nya)?\b"),
    ("melatih", r"\b(?:me|pe|di|ber)latih(?:an|kan|nya)?\b"),
    ("hilang", r"\b(?:meng|ke)hilang(?:an|kan|nya)?\b"),
    ("dinormalisasi", r"\bnormalisasi\b"),
])
def test_indonesian_search_finds_pages_by_root_word(visit, built_book, query, affixed):
    expected = {name for name, text in _article_words(built_book).items()
                if re.search(affixed, text)}
    assert expected, f"tidak ada halaman yang cocok dengan {affixed}: harapan tidak bermakna"
    v = visit()
    found, summary = _search(v.page, built_book, query)
    assert expected <= found, sorted(expected - found)
    assert summary.startswith("Pencarian selesai"), summary
    assert not v.errors and not v.outside


def test_js_stemmer_agrees_with_the_index_stemmer(visit, built_book):
    sys.path.insert(0, str(BOOK / "_ext"))
    from chapter11_reader.search_id import SearchIndonesian

    words = sorted({w for text in _article_words(built_book).values()
                    for w in re.findall(r"[a-z]{4,}", text)})
    assert len(words) > 300
    v = visit()
    v.open("search")
    js = v.page.evaluate(
        "words => { const s = new Stemmer(); return words.map(w => s.stemWord(w)); }", words)
    python = SearchIndonesian({})
    disagree = [(w, j, python.stem(w)) for w, j in zip(words, js) if j != python.stem(w)]
    assert not disagree, disagree[:20]
    assert v.page.evaluate("new Stemmer().stemWord('pelatihan')") == "latih"


def test_solution_dropdowns_open(visit):
    """Setiap solusi/dropdown tersembunyi di setiap halaman terbuka saat diklik."""
    v = visit()
    opened = 0
    for name in SOURCES:
        page = v.open(name)
        page.wait_for_timeout(300)  # sphinx-togglebutton memasang tombolnya saat DOM siap
        toggles = page.locator("button.toggle-button")
        for i in range(toggles.count()):
            button = toggles.nth(i)
            target = button.get_attribute("data-target") or ""
            button.scroll_into_view_if_needed()
            button.click()
            if target:
                assert page.evaluate(
                    # data-target sphinx-togglebutton adalah id elemen, bukan selektor CSS
                    "t => !document.getElementById(t).classList.contains('toggle-hidden')",
                    target), f"{name}: dropdown {target} tidak terbuka"
            opened += 1
        details = page.locator("details:not([open]) > summary")
        while details.count():
            details.first.scroll_into_view_if_needed()
            details.first.click()
            opened += 1
            assert opened < 10_000
    assert not v.errors, v.errors
    if opened == 0:
        pytest.skip("buku belum punya solusi atau dropdown tersembunyi (halaman latihan belum ada)")


@pytest.mark.parametrize("name", EXECUTED)
def test_download_link_gives_a_valid_notebook(visit, built_book, name):
    import nbformat

    v = visit()
    page = v.open(name)
    page.locator("button[aria-label='Unduh halaman ini']").first.click()
    link = page.locator(f"a[href$='_sources/{name}.ipynb']").first
    link.wait_for(state="visible")
    href = link.evaluate("a => a.href")
    path = Path(unquote(urlparse(href).path))
    assert path.is_file(), href
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert "chapter11" in nb.cells[0].source and nb.cells[0].cell_type == "code"
    assert json.loads(path.read_text(encoding="utf-8"))["nbformat"] == 4
    colab = page.locator("a[href^='https://colab.research.google.com/github/']")
    assert colab.count() == 1 and colab.first.get_attribute("href").endswith(f"/{name}.ipynb")
    assert not v.errors and not v.outside
