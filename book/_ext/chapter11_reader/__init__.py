"""Ekstensi Sphinx ``chapter11_reader``: buku sebagaimana dipakai pembaca.

Menyatukan bagian-bagian yang membuat HTML buku menjadi buku Indonesia yang lengkap:

* :mod:`.i18n` — antarmuka berbahasa Indonesia lewat katalog pesan proyek
  (``book/_locale``), dikompilasi ke folder cache di samping keluaran;
* ``templates/`` — komponen tema yang label ARIA/tooltip-nya tertulis mati dalam bahasa
  Inggris di sphinx-book-theme;
* :mod:`.search_id` — bahasa pencarian Indonesia (stemmer Snowball, kata henti);
* :mod:`.bibstyle` — gaya daftar pustaka dan kutipan berbahasa Indonesia;
* :mod:`.numbering` — satu skema nomor halaman/gambar/persamaan (11.x, 11.x.y);
* :mod:`.notebooks` — notebook unduhan yang berjalan sendiri dan tombol Colab;
* :mod:`.offline` — MathJax dari folder build (tanpa CDN);
* :mod:`.exectable` — tabel waktu eksekusi myst-nb dalam bahasa Indonesia.

Konfigurasi (``conf.py``): ``chapter11_repository`` (alamat repositori GitHub, satu-satunya
tempat alamat itu ditulis) dan ``chapter11_chapter_number`` (nomor bab, 11).
"""

from __future__ import annotations

from pathlib import Path

from . import bibstyle, exectable, i18n, notebooks, numbering, offline, search_id

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _page_context(app, pagename, templatename, context, doctree):
    """Mode tema bawaan yang sah (tanpa itu pydata-sphinx-theme menulis galat di konsol)."""
    context.setdefault("default_mode", "auto")


def _config_inited(app, config):
    if str(TEMPLATES) not in config.templates_path:
        config.templates_path = [*config.templates_path, str(TEMPLATES)]
    config.mathjax_path = offline.MATHJAX_PATH
    if config.language == "id":
        search_id.check_js_stemmer()


def setup(app):
    app.add_config_value("chapter11_repository", "", "html", types=frozenset({str}))
    app.add_config_value("chapter11_chapter_number", 0, "env", types=frozenset({int}))
    # Sidik jari katalog: bila terjemahan berubah, semua halaman dibaca ulang (teks seperti
    # "Nilai kembalian" dari napoleon tersimpan di doctree).
    app.add_config_value("chapter11_locale_digest", "", "env", types=frozenset({str}))
    if app.config.language:
        app.config.chapter11_locale_digest = i18n.catalogs_digest(app.config.language)
    i18n.install(app)

    app.add_search_language(search_id.SearchIndonesian)
    bibstyle.register()

    app.connect("config-inited", _config_inited)
    app.connect("env-get-updated", numbering.strip_chapter, priority=400)
    app.connect("env-get-updated", numbering.add_chapter, priority=600)
    app.connect("html-page-context", _page_context, priority=400)
    app.connect("html-page-context", notebooks.mark_notebook_source, priority=400)
    app.connect("html-page-context", notebooks.add_colab_button, priority=600)
    app.connect("build-finished", notebooks.write_downloads)
    app.connect("build-finished", offline.copy_mathjax)
    app.connect("doctree-read", i18n.translate_field_names)
    app.add_js_file("chapter11-offline.js")  # book/_static: pencarian tanpa galat di file://
    app.add_post_transform(exectable.TranslateExecTable)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True,
            "env_version": 1}
