"""Satu skema nomor untuk halaman, subbagian, gambar, tabel, dan persamaan.

Buku ini adalah satu bab (Bab 11); halaman-halamannya adalah bagian-bagiannya. Maka:

* halaman bernomor ``11.1``, ``11.2``, … (di sidebar, judul halaman, dan judul jendela),
  subbagian di dalamnya ``11.1.1``, ``11.1.2``, …;
* gambar, tabel, dan persamaan bernomor menurut halamannya: Gambar 11.2.3 adalah gambar
  ketiga halaman 11.2, persamaan (11.2.1) persamaan pertama halaman itu.

Nomor gambar langsung menunjukkan halaman tempat gambar itu berada — berguna di buku web,
tempat rujukan silang sering menunjuk halaman lain — dan menyisipkan halaman baru tidak
menggeser nomor gambar di halaman lain.

Sphinx sendiri memberi nomor ``1``, ``2``, … dari toctree ``:numbered:`` dan nomor gambar
``1.1``, ``1.2``, … (``numfig_secnum_depth = 1``). Modul ini menambahkan nomor bab di
depannya sesudah Sphinx menghitung nomor (event ``env-get-updated``), dan melepasnya lagi
sebelum Sphinx menghitung ulang pada build berikutnya, agar perbandingan "nomor mana yang
berubah" milik Sphinx tetap benar (halaman tidak ditulis ulang tanpa alasan).
"""

from __future__ import annotations

from docutils import nodes

_FLAG = "_chapter11_chapter_prefix"


def _prefixed(numbers, chapter: int):
    if not numbers:
        return numbers
    return (chapter, *numbers) if isinstance(numbers, tuple) else [chapter, *numbers]


def _unprefixed(numbers, chapter: int):
    if numbers and numbers[0] == chapter and len(numbers) > 1:
        return numbers[1:]
    return numbers


def _map_numbers(env, fn, chapter: int) -> None:
    env.toc_secnumbers = {
        doc: {anchor: fn(num, chapter) for anchor, num in secnums.items()}
        for doc, secnums in env.toc_secnumbers.items()
    }
    env.toc_fignumbers = {
        doc: {figtype: {fid: fn(num, chapter) for fid, num in ids.items()}
              for figtype, ids in types.items()}
        for doc, types in env.toc_fignumbers.items()
    }


def strip_chapter(app, env):
    """Sebelum TocTreeCollector (prioritas < 500): kembalikan nomor hasil Sphinx."""
    chapter = getattr(env, _FLAG, None)
    if chapter:
        _map_numbers(env, _unprefixed, chapter)
        setattr(env, _FLAG, None)
    return []


def add_chapter(app, env):
    """Sesudah TocTreeCollector (prioritas > 500): tambahkan nomor bab di depan."""
    chapter = app.config.chapter11_chapter_number
    if not chapter:
        return []
    _map_numbers(env, _prefixed, chapter)
    numbered = set(env.toc_secnumbers)
    for docname in numbered:
        title = env.titles.get(docname)
        if title is not None and title.get("secnumber"):
            title["secnumber"] = _prefixed(list(title["secnumber"]), chapter)
    for docname in numbered:
        toc = env.tocs.get(docname)
        if toc is None:
            continue
        for ref in toc.findall(nodes.reference):
            if ref.get("secnumber"):
                ref["secnumber"] = _prefixed(list(ref["secnumber"]), chapter)
    setattr(env, _FLAG, chapter)
    return []
