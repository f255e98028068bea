"""Tabel waktu eksekusi (``{nb-exec-table}`` myst-nb) dalam bahasa Indonesia.

myst-nb menulis judul kolom tabelnya dalam bahasa Inggris tanpa katalog pesan. Transformasi
ini berjalan sesudah myst-nb mengganti placeholder-nya (prioritas 8): menerjemahkan judul
kolom dan status, menulis detik dengan koma desimal, dan memakai judul halaman (bukan nama
berkasnya) sebagai teks tautan.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

HEADERS = {
    "Document": "Halaman",
    "Modified": "Dieksekusi",
    "Method": "Cara",
    "Run Time (s)": "Waktu (detik)",
    "Status": "Status",
}
METHODS = {"cache": "dari cache", "auto": "otomatis", "force": "dipaksa", "inline": "sebaris"}
STATUS = {"✅": "berhasil", "❌": "gagal"}  # teks, bukan emoji: tidak bergantung pada font emoji
_NUMBER = re.compile(r"^\d+\.\d+$")


class TranslateExecTable(SphinxPostTransform):
    default_priority = 9  # sesudah ExecutionStatsPostTransform myst-nb (8)

    def run(self, **kwargs) -> None:
        for table in self.document.findall(nodes.table):
            thead = next(iter(table.findall(nodes.thead)), None)
            if thead is None:
                continue
            texts = [p.astext() for p in thead.findall(nodes.paragraph)]
            if texts[:1] != ["Document"] or "Run Time (s)" not in texts:
                continue
            for para in thead.findall(nodes.paragraph):
                para.children = [nodes.Text(HEADERS.get(para.astext(), para.astext()))]
            runtime_col = texts.index("Run Time (s)")
            method_col = texts.index("Method")
            status_col = texts.index("Status")
            tbody = next(iter(table.findall(nodes.tbody)))
            for row in tbody.children:
                entries = list(row.children)
                for col, entry in enumerate(entries):
                    for para in entry.findall(nodes.paragraph):
                        text = para.astext()
                        if col == runtime_col and _NUMBER.match(text):
                            para.children = [nodes.Text(text.replace(".", ","))]
                        elif col == method_col and text in METHODS:
                            para.children = [nodes.Text(METHODS[text])]
                        elif col == status_col and text in STATUS:
                            para.children = [nodes.Text(STATUS[text])]
                for ref in entries[0].findall(addnodes.pending_xref) if entries else []:
                    title = self.env.titles.get(ref.get("reftarget", ""))
                    if title is not None:
                        ref.children = [nodes.inline("", title.astext())]
