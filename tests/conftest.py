"""Fixture bersama tes: satu build buku untuk seluruh sesi tes, dan pemeriksaan Chromium.

``built_book`` membangun buku sekali per sesi (``-W --keep-going -n``) ke folder sementara
dan dipakai ``test_book.py``, ``test_reader_book.py``, dan ``test_browser.py``. Eksekusi
halaman memakai cache proyek (``_build/.jupyter_cache``), jadi sesudah ``bash tools/build.sh``
hanya halaman yang berubah yang dieksekusi ulang.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from _reader_ui import CHROMIUM_ENV, chromium_executable

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
BROWSER_TESTS = "test_browser.py"


def book_pages() -> list[str]:
    """Nama halaman buku (``book/*.md``), apa pun yang ada saat ini."""
    return sorted(p.stem for p in BOOK.glob("*.md"))


def executed_pages() -> list[str]:
    """Halaman yang dieksekusi (MyST text notebook)."""
    return sorted(p.stem for p in BOOK.glob("*.md")
                  if "file_format: mystnb" in p.read_text(encoding="utf-8")[:300])


@pytest.fixture(scope="session")
def built_book(tmp_path_factory):
    """Folder HTML buku yang dibangun sekali untuk seluruh sesi tes.

    Hanya untuk mengembangkan tes: ``CHAPTER11_BUILT_BOOK=<folder html>`` memakai build yang
    sudah ada (dengan ``doctrees`` di sampingnya) alih-alih membangun ulang.
    """
    reuse = os.environ.get("CHAPTER11_BUILT_BOOK")
    if reuse:
        return Path(reuse).resolve()
    out = tmp_path_factory.mktemp("book")
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "book", str(out / "html"), "-c", ".",
           "-d", str(out / "doctrees"), "-j", "auto", "-W", "--keep-going", "-n", "-q"]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=3000)
    assert proc.returncode == 0, f"build gagal:\n{proc.stdout[-3000:]}\n{proc.stderr[-8000:]}"
    assert proc.stderr.strip() == "", proc.stderr[-8000:]
    return out / "html"


def browser_problem() -> str | None:
    """Alasan tes peramban tidak bisa berjalan, atau ``None`` bila semuanya siap."""
    try:
        import playwright  # noqa: F401
    except ImportError:
        return ("Paket Python 'playwright' belum terpasang. Jalankan 'bash tools/setup.sh' "
                "(memasang ekstra test) atau: .venv/bin/pip install -e '.[docs,test]'.")
    if chromium_executable() is None:
        where = os.environ.get(CHROMIUM_ENV)
        found = (f"{CHROMIUM_ENV}={where} tidak menunjuk berkas" if where
                 else "Chromium tidak ditemukan")
        return (f"{found}, padahal tes peramban (tests/test_browser.py) membutuhkannya. "
                "Di Debian/Ubuntu, 'bash tools/test.sh' memasangnya lewat apt (paket chromium, "
                "seperti paket data), atau sebagai root: apt-get install chromium. Tanpa apt atau "
                f"tanpa root: pasang Chromium/Chrome sendiri lalu setel {CHROMIUM_ENV}="
                "/path/ke/chromium. (Playwright tidak mengunduh peramban di proyek ini.)")
    return None


def pytest_collection_modifyitems(session, config, items):
    """Tanpa Chromium: satu tes peramban gagal dengan satu pesan jelas, sisanya tidak dijalankan."""
    browser_items = [item for item in items if item.path.name == BROWSER_TESTS]
    if not browser_items:
        return
    problem = browser_problem()
    if problem is None:
        return
    first, rest = browser_items[0], browser_items[1:]
    first.add_marker(pytest.mark.chromium_missing(problem))
    if rest:
        config.hook.pytest_deselected(items=rest)
        items[:] = [item for item in items if item not in rest]


def pytest_runtest_setup(item):
    marker = item.get_closest_marker("chromium_missing")
    if marker is not None:
        pytest.fail(marker.args[0], pytrace=False)
