"""Katalog pesan proyek: antarmuka buku sepenuhnya berbahasa Indonesia.

Sumber terjemahan ada di ``book/_locale/<bahasa>/LC_MESSAGES/<katalog>.po`` (teks, di-*commit*).
Saat build, katalog itu dikompilasi ke ``.mo`` di folder cache di samping folder keluaran
(:func:`compiled_locale_dir`) — tidak pernah ke pohon sumber — lalu dipasang sebagai
terjemahan *utama* untuk katalog ``sphinx`` (templat Sphinx dan pydata-sphinx-theme, autodoc,
napoleon) dan ``booktheme`` (sphinx-book-theme). Katalog bawaan Sphinx dan tema tetap menjadi
cadangan (*fallback*) untuk pesan yang tidak kita terjemahkan.

Folder hasil kompilasi juga dipasang sebagai ``locale_dirs`` sehingga Sphinx mengambil
terjemahan JavaScript (``sphinx.js``, dipakai halaman pencarian) dari sana.
"""

from __future__ import annotations

import gettext
import hashlib
import json
import os
import re
from pathlib import Path

from sphinx import locale as sphinx_locale
from sphinx.util import logging

logger = logging.getLogger(__name__)

SOURCE_DIR = Path(__file__).resolve().parents[2] / "_locale"
#: Katalog yang diterjemahkan proyek: nama katalog -> keterangan pemakainya.
CATALOGS = {
    "sphinx": "Sphinx, pydata-sphinx-theme, autodoc, napoleon",
    "booktheme": "sphinx-book-theme",
}


def compiled_locale_dir(app) -> Path:
    """Folder tempat katalog terkompilasi ditulis: ``<outdir>/../.chapter11-locale``.

    Satu-satunya tempat yang menentukan lokasi ini; arahkan ulang di sini bila cache build
    dipindahkan.
    """
    return Path(app.outdir).resolve().parent / ".chapter11-locale"


def source_catalogs(language: str) -> dict[str, Path]:
    """Berkas ``.po`` proyek untuk ``language``: nama katalog -> path."""
    folder = SOURCE_DIR / language / "LC_MESSAGES"
    return {p.stem: p for p in sorted(folder.glob("*.po"))}


def catalogs_digest(language: str) -> str:
    """Sidik jari semua ``.po`` proyek (berubah bila satu terjemahan berubah)."""
    h = hashlib.sha256()
    for name, path in source_catalogs(language).items():
        h.update(name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def read_messages(po_path: Path, language: str) -> dict[str, str | list[str]]:
    """Pesan terjemahan sebuah ``.po`` (tanpa entri kosong atau *fuzzy*)."""
    from babel.messages.pofile import read_po

    with po_path.open("rb") as f:
        catalog = read_po(f, locale=language)
    messages: dict[str, str | list[str]] = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        if message.pluralizable:
            if all(message.string):
                messages[message.id[0]] = list(message.string)
        elif message.string:
            messages[message.id] = message.string
    return messages


def _write_if_changed(path: Path, data: bytes) -> None:
    if path.is_file() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)  # atomik: proses build lain tidak pernah membaca setengah berkas


def compile_catalog(po_path: Path, mo_path: Path, language: str) -> None:
    """Kompilasi satu ``.po`` ke ``.mo`` (ditulis hanya bila isinya berubah)."""
    from io import BytesIO

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path.open("rb") as f:
        catalog = read_po(f, locale=language)
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    _write_if_changed(mo_path, buffer.getvalue())


def _sphinx_js_catalog(language: str) -> dict:
    """Katalog JavaScript bawaan Sphinx untuk ``language`` (``sphinx.js``), sebagai dict."""
    import sphinx

    path = Path(sphinx.__file__).parent / "locale" / language / "LC_MESSAGES" / "sphinx.js"
    base = {"locale": language, "messages": {}, "plural_expr": "0"}
    if not path.is_file():
        return base
    text = path.read_text(encoding="utf-8")
    match = re.search(r"Documentation\.addTranslations\((.*)\);?\s*$", text, re.DOTALL)
    if match:
        base.update(json.loads(match.group(1)))
    return base


def write_js_catalog(messages: dict, js_path: Path, language: str) -> None:
    """Tulis ``sphinx.js``: katalog JS bawaan Sphinx ditimpa terjemahan proyek."""
    data = _sphinx_js_catalog(language)
    merged = dict(data.get("messages", {}))
    for msgid in list(merged):
        if msgid in messages:
            merged[msgid] = messages[msgid]
    # Pesan JS yang tidak dikenal katalog bawaan (mis. karena kosong) tetap ditambahkan.
    merged.update({k: v for k, v in messages.items() if k not in merged})
    data["messages"] = dict(sorted(merged.items()))
    body = f"Documentation.addTranslations({json.dumps(data, ensure_ascii=False, indent=1)});\n"
    _write_if_changed(js_path, body.encode("utf-8"))


def _install_primary(app, catalog: str, mo_path: Path) -> None:
    """Jadikan ``mo_path`` terjemahan utama katalog; terjemahan lama menjadi cadangan."""
    with mo_path.open("rb") as f:
        translation = gettext.GNUTranslations(f)
    key = ("general", catalog)
    previous = sphinx_locale.translators.get(key)
    if previous is not None and previous.__class__ is not gettext.NullTranslations:
        translation.add_fallback(previous)
    sphinx_locale.translators[key] = translation
    if catalog == "sphinx":
        app.translator = translation  # dipakai templat Jinja (``_()``) lewat builder


def install(app) -> Path | None:
    """Kompilasi dan pasang katalog proyek untuk ``app.config.language``.

    Dipanggil dari ``setup()`` ekstensi: sesudah Sphinx memuat katalognya sendiri dan
    sebelum tema dimuat (tema menambahkan katalognya sebagai cadangan bagi katalog kita).
    """
    language = app.config.language
    catalogs = source_catalogs(language) if language else {}
    if not catalogs:
        return None
    target = compiled_locale_dir(app)
    messages_dir = target / language / "LC_MESSAGES"
    for name, po_path in catalogs.items():
        mo_path = messages_dir / f"{name}.mo"
        compile_catalog(po_path, mo_path, language)
        _install_primary(app, name, mo_path)
    if "sphinx" in catalogs:
        write_js_catalog(read_messages(catalogs["sphinx"], language),
                         messages_dir / "sphinx.js", language)
    # Sphinx mencari ``sphinx.js`` (terjemahan JavaScript) di locale_dirs.
    app.config.locale_dirs = [str(target)]
    return target


def _label_map(language: str) -> dict[str, str]:
    """Label lama -> label proyek, untuk label yang sudah terbentuk sebelum katalog dipasang.

    Label bidang domain Python ("Raises", "Returns", …) diterjemahkan Sphinx ketika modulnya
    diimpor — sebelum ekstensi ini memasang katalognya — dan nama bidang ``:type:`` dibentuk
    docfields tanpa gettext ("Type"). Peta ini memuat teks Inggris *dan* terjemahan bawaan
    Sphinx (mis. "Kembali") untuk setiap pesan proyek.
    """
    import sphinx

    catalogs = source_catalogs(language)
    if "sphinx" not in catalogs:
        return {}
    ours = read_messages(catalogs["sphinx"], language)
    try:
        builtin = gettext.translation("sphinx", str(Path(sphinx.__file__).parent / "locale"),
                                      languages=[language])
    except OSError:
        builtin = gettext.NullTranslations()
    mapping: dict[str, str] = {}
    for msgid, text in ours.items():
        if isinstance(text, str):
            mapping[msgid] = text
            mapping.setdefault(builtin.gettext(msgid), text)
    return mapping


def translate_field_names(app, doctree) -> None:
    """``doctree-read``: terjemahkan nama bidang deskripsi API (Raises, Returns, Type, …)."""
    from docutils import nodes
    from sphinx import addnodes

    mapping = getattr(app, "_chapter11_field_labels", None)
    if mapping is None:
        mapping = app._chapter11_field_labels = _label_map(app.config.language or "")
    if not mapping:
        return
    for content in doctree.findall(addnodes.desc_content):
        for name in content.findall(nodes.field_name):
            label = name.astext()
            if label in mapping and mapping[label] != label:
                name.children = [nodes.Text(mapping[label])]
