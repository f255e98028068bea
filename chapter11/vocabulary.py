"""Satu kosakata untuk seluruh buku: membaca tabel keputusan dan memeriksa prosa halaman.

Keputusan kosakata (satu istilah per konsep) ditulis **sekali**, sebagai tabel di halaman
glosarium (``book/glosarium.md``), di antara dua penanda komentar::

    <!-- kosakata: awal -->
    | Konsep | Dipakai | Ditolak | Padanan (hanya di glosarium) |
    |---|---|---|---|
    | ... | masukan, keluaran | input, output | |
    <!-- kosakata: akhir -->

Tabel itu satu-satunya sumber: :func:`parse_vocabulary` membacanya, dan
:func:`find_rejected` mencari bentuk yang ditolak di **prosa** sebuah halaman MyST — teks biasa,
judul, keterangan gambar (``caption``) dan teks alternatif (``alt``) — tetapi tidak di sel kode,
kode sebaris, matematika, atau nama target peran seperti ``{term}`` (istilah Inggris dan
pengenal Keras seperti ``input`` atau ``uniform`` boleh muncul di sana). Bentuk di kolom
"Padanan" adalah padanan Indonesia sebuah istilah Inggris yang dipakai buku; padanan itu hanya
boleh muncul di halaman glosarium.

Modul ini hanya memakai pustaka standar (dan PyYAML untuk opsi sel), tanpa TensorFlow.

Example:
    >>> table = '''<!-- kosakata: awal -->
    ... | Konsep | Dipakai | Ditolak | Padanan (hanya di glosarium) |
    ... |---|---|---|---|
    ... | besaran statistik | variansi | varians | |
    ... <!-- kosakata: akhir -->'''
    >>> [term.rejected for term in parse_vocabulary(table)]
    [('varians',)]
    >>> page = "Variansi bobot. Varians ini `varians` $varians$.\\n"
    >>> [(f.line, f.form) for f in find_rejected(page, parse_vocabulary(table))]
    [(1, 'varians')]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ._validation import check_bool, check_text

__all__ = ["Term", "Finding", "START_MARKER", "END_MARKER", "parse_vocabulary", "prose_lines",
           "find_rejected", "find_rejected_in_text"]

START_MARKER = "<!-- kosakata: awal -->"
END_MARKER = "<!-- kosakata: akhir -->"
_HEADER = ("Konsep", "Dipakai", "Ditolak", "Padanan (hanya di glosarium)")


@dataclass(frozen=True)
class Term:
    """Satu keputusan kosakata.

    Attributes:
        concept: konsep yang dimaksud (keterangan bebas).
        chosen: bentuk yang dipakai buku.
        rejected: bentuk yang tidak boleh muncul di prosa halaman mana pun.
        glosses: padanan yang hanya boleh muncul di halaman glosarium.
    """

    concept: str
    chosen: tuple[str, ...]
    rejected: tuple[str, ...]
    glosses: tuple[str, ...] = ()


@dataclass(frozen=True)
class Finding:
    """Satu bentuk yang ditolak, ditemukan di prosa halaman.

    Attributes:
        line: nomor baris di berkas sumber (mulai dari 1).
        form: bentuk yang ditolak.
        chosen: bentuk yang seharusnya dipakai.
        text: potongan prosa tempat bentuk itu ditemukan.
    """

    line: int
    form: str
    chosen: tuple[str, ...]
    text: str

    def __str__(self) -> str:
        return (f"baris {self.line}: {self.form!r} (pakai {' / '.join(self.chosen)}): "
                f"{self.text.strip()[:100]}")


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def _forms(cell: str) -> tuple[str, ...]:
    cell = cell.replace("*", "").strip()
    if cell in ("", "—", "-"):
        return ()
    return tuple(form.strip() for form in cell.split(",") if form.strip())


def parse_vocabulary(markdown: str) -> tuple[Term, ...]:
    """Baca tabel keputusan kosakata dari teks halaman glosarium.

    Args:
        markdown: isi ``book/glosarium.md`` (atau teks lain yang memuat tabel di antara
            :data:`START_MARKER` dan :data:`END_MARKER`).

    Returns:
        Tuple :class:`Term`, satu per baris tabel.

    Raises:
        ValueError: penanda tidak ada, kepala tabel lain dari yang diharapkan, baris dengan
            banyak kolom yang salah, baris tanpa bentuk yang dipakai, atau bentuk yang sekaligus
            dipakai dan ditolak.
    """
    if not isinstance(markdown, str):
        raise TypeError("Argumen `markdown` harus string. "
                        f"Diterima: tipe {type(markdown).__name__}.")
    start, end = markdown.find(START_MARKER), markdown.find(END_MARKER)
    if start < 0 or end < start:
        raise ValueError(f"Tabel kosakata harus diapit {START_MARKER!r} dan {END_MARKER!r}. "
                         "Diterima: penanda tidak ditemukan.")
    rows = [line for line in markdown[start + len(START_MARKER):end].splitlines()
            if line.strip().startswith("|")]
    if len(rows) < 2 or tuple(_cells(rows[0])) != _HEADER:
        raise ValueError(f"Kepala tabel kosakata harus {' | '.join(_HEADER)}. "
                         f"Diterima: {rows[0].strip() if rows else 'tidak ada tabel'}.")
    terms = []
    for row in rows[2:]:
        cells = _cells(row)
        if len(cells) != len(_HEADER):
            raise ValueError(f"Setiap baris tabel kosakata harus punya {len(_HEADER)} kolom. "
                             f"Diterima: {row.strip()!r}.")
        term = Term(cells[0], _forms(cells[1]), _forms(cells[2]), _forms(cells[3]))
        if not term.chosen:
            raise ValueError(f"Kolom 'Dipakai' tidak boleh kosong. Diterima: {row.strip()!r}.")
        clash = {f.lower() for f in term.chosen} & {f.lower() for f in term.rejected + term.glosses}
        if clash:
            raise ValueError(f"Bentuk {sorted(clash)} sekaligus dipakai dan ditolak. "
                             f"Diterima: {row.strip()!r}.")
        terms.append(term)
    return tuple(terms)


_FENCE_RE = re.compile(r"^(\s*)(`{3,}|~{3,}|:{3,})\s*(\{[^}]*\})?\s*(.*)$")
# Direktif yang isinya prosa (teksnya diperiksa); fence lain dianggap kode.
_PROSE_DIRECTIVES = {
    "admonition", "note", "tip", "warning", "important", "attention", "caution", "hint",
    "seealso", "glossary", "exercise", "solution", "exercise-start", "solution-start",
    "figure", "table", "epigraph", "sidebar", "margin", "dropdown", "topic", "glue:figure",
}
_ROLE_RE = re.compile(r"\{([\w:.-]+)\}`([^`]*)`")
_INLINE_CODE_RE = re.compile(r"(`+)(.+?)\1")
_DISPLAY_MATH_RE = re.compile(r"\$\$.*?\$\$", re.DOTALL)
_INLINE_MATH_RE = re.compile(r"(?<![\\$])\$(?!\s)[^$\n]+?\$")
_LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def _role_text(match: re.Match) -> str:
    role, content = match.group(1), match.group(2)
    if role in ("term", "ref", "doc", "numref"):
        shown = re.match(r"^(.*?)\s*<[^>]*>$", content, re.DOTALL)
        if shown:
            return shown.group(1)  # teks tampilan `teks <target>` adalah prosa
        return content if role == "term" else " "
    return " "  # glue, cite, eq, py:func, ...: pengenal, bukan prosa


def _clean_inline(text: str) -> str:
    text = _ROLE_RE.sub(_role_text, text)
    text = _INLINE_CODE_RE.sub(" ", text)
    text = _INLINE_MATH_RE.sub(" ", text)
    text = _LINK_RE.sub(r"\1", text)
    text = re.sub(r"<!--.*?-->", " ", text)
    return text


def _yaml_prose(lines: list[str]) -> list[str]:
    """Keterangan gambar/tabel dan teks alt dari blok opsi YAML sebuah sel kode."""
    try:
        import yaml
    except ImportError:  # pragma: no cover - PyYAML ikut myst-parser
        return []
    try:
        options = yaml.safe_load("\n".join(lines)) or {}
    except yaml.YAMLError:
        return []
    found = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("caption", "alt") and isinstance(value, str):
                    found.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(options)
    return found


def prose_lines(page: str) -> list[tuple[int, str]]:
    """Baris-baris prosa sebuah halaman MyST, dengan nomor barisnya.

    Yang diambil: paragraf, judul, butir daftar, sel tabel Markdown, isi direktif prosa
    (catatan, latihan, glosarium — kecuali baris nama istilahnya), ``caption`` dan ``alt`` dari
    opsi sel kode, dan komentar ``#`` di sel kode yang terlihat pembaca. Yang dibuang: front
    matter, kode itu sendiri, sel tersembunyi (``remove-cell``, ``remove-input``), baris opsi
    direktif (``:name: …``), matematika, kode sebaris, peran selain teks tampilan ``{term}``,
    ``{ref}``, ``{doc}``, ``{numref}``, dan komentar HTML.

    Example:
        >>> page = "# Judul\\n\\n```{code-cell} ipython3\\n---\\nmystnb:\\n  figure:\\n" \\
        ...        "    caption: Keterangan\\n---\\nx = 1\\n```\\nTeks `kode` $m$.\\n"
        >>> [text.strip() for _, text in prose_lines(page)]
        ['# Judul', 'Keterangan', 'Teks     .']
    """
    check_text("page", page)
    lines = page.splitlines()
    out: list[tuple[int, str]] = []
    i = 0
    if lines and lines[0].strip() == "---":  # front matter
        i = next((k + 1 for k in range(1, len(lines)) if lines[k].strip() == "---"), len(lines))
    stack: list[tuple[str, str]] = []  # (fence, kind): kind "prose" | "code" | "glossary"
    in_math = False
    open_inline_math = False  # matematika sebaris yang melintasi akhir baris
    while i < len(lines):
        line = lines[i]
        number = i + 1
        i += 1
        match = _FENCE_RE.match(line)
        if match and not in_math:
            fence, directive = match.group(2), (match.group(3) or "").strip("{}")
            if stack and fence[0] == stack[-1][0][0] and len(fence) >= len(stack[-1][0]) \
                    and not match.group(3) and not match.group(4).strip():
                stack.pop()
                continue
            if stack and stack[-1][1] in ("code", "cell"):
                continue
            if directive in _PROSE_DIRECTIVES or (fence[0] == ":" and directive):
                stack.append((fence, "glossary" if directive == "glossary" else "prose"))
                if match.group(4).strip() and directive not in ("glossary",):
                    out.append((number, _clean_inline(match.group(4))))  # judul direktif
                continue
            kind = "code"
            if directive in ("code-cell",):
                kind = "cell"  # sel yang terlihat: komentar kodenya dibaca pembaca
                # Opsi YAML sel: ambil caption dan alt saja.
                if i < len(lines) and lines[i].strip() == "---":
                    end = next((k for k in range(i + 1, len(lines)) if lines[k].strip() == "---"),
                               None)
                    if end is not None:
                        block = lines[i + 1:end]
                        for text in _yaml_prose(block):
                            out.append((i + 2, _clean_inline(" ".join(text.split()))))
                        if any("remove-cell" in line or "remove-input" in line for line in block):
                            kind = "code"
                        i = end + 1
                elif i < len(lines) and lines[i].startswith(":tags:") and (
                        "remove-cell" in lines[i] or "remove-input" in lines[i]):
                    kind = "code"  # sel tersembunyi: tidak dibaca pembaca
            stack.append((fence, kind))
            continue
        if stack and stack[-1][1] == "cell":
            comment = _code_comment(line)
            if comment:
                out.append((number, _clean_inline(comment)))
            continue
        if stack and stack[-1][1] == "code":
            continue
        stripped = line.strip()
        if stripped.startswith("$$"):
            if not (len(stripped) > 2 and stripped.endswith("$$") and stripped != "$$"):
                in_math = not in_math
            continue
        if in_math:
            continue
        if re.match(r"^\s*:[\w-]+:", line) or re.match(r"^\(\S+\)=\s*$", line):
            continue  # opsi direktif atau label
        if stack and stack[-1][1] == "glossary" and stripped and not line.startswith((" ", "\t")):
            continue  # nama istilah glosarium (bahasa Inggris)
        if not stripped:
            open_inline_math = False  # paragraf baru
            continue
        if stripped.startswith("<!--"):
            continue
        if open_inline_math:
            if "$" not in line:
                continue
            line = " " + line.split("$", 1)[1]
            open_inline_math = False
        text = _clean_inline(line)
        # "$" tanpa pasangan: matematika sebaris berlanjut ke baris berikutnya.
        if re.search(r"(?<![\\$])\$(?!\$)", text):
            text = text[:text.rindex("$")]
            open_inline_math = True
        out.append((number, text))
    return out


def _code_comment(line: str) -> str:
    """Komentar ``# …`` sebuah baris kode Python (di luar string sederhana), atau ``""``.

    Example:
        >>> _code_comment('x = "a # b"  # bobot seragam')
        'bobot seragam'
    """
    quote = None
    for index, char in enumerate(line):
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char == "#":
            return line[index + 1:].strip()
    return ""


@functools.lru_cache(maxsize=4096)
def _pattern(form: str) -> re.Pattern:
    words = [re.escape(word) for word in form.split()]
    return re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def _check_terms(terms) -> tuple:
    if isinstance(terms, (str, bytes)) or not isinstance(terms, (list, tuple)):
        raise TypeError("Argumen `terms` harus tuple/list Term (hasil parse_vocabulary). "
                        f"Diterima: terms={terms!r} (tipe {type(terms).__name__}).")
    for term in terms:
        if not all(hasattr(term, a) for a in ("chosen", "rejected", "glosses")):
            raise TypeError("Setiap anggota `terms` harus Term (hasil parse_vocabulary). "
                            f"Diterima: anggota {term!r} (tipe {type(term).__name__}).")
    return tuple(terms)


def find_rejected_in_text(text: str, terms, *, allow_glosses: bool = False) -> list[str]:
    """Bentuk yang ditolak di sepotong teks biasa (mis. label sumbu atau legenda gambar).

    Example:
        >>> terms = (Term("x", ("masukan",), ("input",)),)
        >>> find_rejected_in_text("Lapisan (dari input ke keluaran)", terms)
        ['input']
    """
    check_text("text", text)
    terms = _check_terms(terms)
    check_bool("allow_glosses", allow_glosses)
    found = []
    for term in terms:
        forms = term.rejected + (() if allow_glosses else term.glosses)
        found += [form for form in forms if _pattern(form).search(text)]
    return found


def find_rejected(page: str, terms, *, is_glossary: bool = False) -> list[Finding]:
    """Cari bentuk yang ditolak di prosa, keterangan gambar dan teks alt sebuah halaman.

    Args:
        page: isi berkas MyST.
        terms: keputusan kosakata (dari :func:`parse_vocabulary`).
        is_glossary: halaman glosarium: padanan boleh muncul, dan tabel kosakata sendiri
            (di antara penanda) tidak diperiksa.

    Returns:
        Daftar :class:`Finding`, urut menurut baris.
    """
    check_text("page", page)
    terms = _check_terms(terms)
    check_bool("is_glossary", is_glossary)
    if is_glossary and START_MARKER in page and END_MARKER in page:
        start, end = page.index(START_MARKER), page.index(END_MARKER) + len(END_MARKER)
        blank = "\n" * page[start:end].count("\n")
        page = page[:start] + blank + page[end:]
    findings = []
    for number, text in prose_lines(page):
        for term in terms:
            forms = term.rejected + (() if is_glossary else term.glosses)
            for form in forms:
                if _pattern(form).search(text):
                    findings.append(Finding(number, form, term.chosen, text))
    return sorted(findings, key=lambda f: f.line)
