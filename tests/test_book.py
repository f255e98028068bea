"""Bangun seluruh buku dengan peringatan sebagai galat (mengeksekusi setiap halaman).

Fixture ``built_book`` (sekali per sesi) ada di ``tests/conftest.py``. Memakai cache proyek
(``_build/.jupyter_cache`` dan ``_build/.chapter11-cache``): di klon baru (CI) semua halaman
dieksekusi; sesudah ``bash tools/build.sh`` hanya halaman yang kodenya atau modul
``chapter11``-nya berubah yang dieksekusi ulang — sidik jari di conf.py menjamin cache tidak
pernah basi.
"""

import html as html_module
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(p.stem for p in (ROOT / "book").glob("*.md")
                   if "file_format: mystnb" in p.read_text()[:300])


@pytest.mark.book
def test_book_builds_with_zero_warnings(built_book):
    assert (built_book / "index.html").is_file()


@pytest.mark.book
@pytest.mark.parametrize("page", NOTEBOOKS)
def test_page_has_live_figures_and_no_noise(built_book, page):
    html = (built_book / f"{page}.html").read_text(encoding="utf-8")
    assert re.search(r"<img[^>]+src=\"_images/[0-9a-f]+\.png\"", html), "tidak ada gambar"
    assert "Gambar 11." in html
    for noise in ("Traceback", "absl::", "oneDNN", "cuda", "DeprecationWarning", "UserWarning",
                  "Epoch 1/"):
        assert noise not in html, f"{page}: {noise!r} muncul di halaman"


@pytest.mark.book
def test_glued_numbers_are_rendered(built_book):
    html = (built_book / "gradien.html").read_text(encoding="utf-8")
    text = html_module.unescape(re.sub(r"<[^>]+>", "", html))
    assert re.search(r"hanya\s+[\d,]+ × 10⁻[⁰¹²³⁴⁵⁶⁷⁸⁹]+ sampai", text), "rasio sigmoid + Glorot tidak tampil"
