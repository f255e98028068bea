"""Sidik jari (*fingerprint*) kode sumber: apa yang menentukan sebuah hasil.

jupyter-cache hanya mengenali sebuah halaman dari sumber sel kodenya, dan cache
eksperimen mengenali sebuah pelatihan dari spesifikasinya. Keduanya buta terhadap
perubahan di dalam paket ``chapter11``. Modul ini menghitung sidik jari dari

* *makna* modul ``chapter11`` yang diimpor, beserta semua modul ``chapter11`` yang
  diimpornya (penutupan transitif, dibaca dengan ``ast`` tanpa mengimpor apa pun),
* versi pustaka yang menentukan angka (TensorFlow, Keras, NumPy, Matplotlib).

Sidik jari bersifat **semantik**: yang di-hash adalah pohon sintaks (AST) setiap modul
tanpa *docstring* modul, kelas, dan fungsi. Komentar tidak pernah masuk AST dan nomor
baris tidak ikut di-hash. Menyunting komentar, docstring, atau tata letak kode tidak
mengubah sidik jari (tidak ada halaman yang dieksekusi ulang, tidak ada model yang
dilatih ulang); perubahan kode apa pun mengubahnya.

Ekstensi build buku (``book/_ext/chapter11_build.py``) menyisipkan sidik jari ini ke
setiap halaman dan memeriksanya lagi pada setiap build: halaman dibaca dan dieksekusi
ulang hanya bila modul yang *dipakainya* berubah makna. ``experiments`` memasukkannya
ke kunci cache hasil pelatihan.

>>> "chapter11.formatting" in module_closure(["chapter11.formatting"])
True
>>> "chapter11._validation" in module_closure(["chapter11.formatting"])
True
>>> len(fingerprint(["chapter11.formatting"]))
16
>>> semantic_digest("x = 1  # komentar") == semantic_digest("'Docstring.'\\nx = (1)")
True
>>> semantic_digest("x = 1") == semantic_digest("x = 2")
False
"""

from __future__ import annotations

import ast
import hashlib
import re
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path

PACKAGE = "chapter11"
PACKAGE_DIR = Path(__file__).resolve().parent
VERSIONED_DISTRIBUTIONS = ("tensorflow", "keras", "numpy", "matplotlib")

_LINE_IMPORT_RE = re.compile(
    r"^\s*(?:from\s+(chapter11(?:\.\w+)*)\s+import\s+(.+)|import\s+(chapter11(?:\.\w+)*))"
)


def _module_path(module: str) -> Path | None:
    parts = module.split(".")[1:]
    base = PACKAGE_DIR.joinpath(*parts)
    if base.with_suffix(".py").is_file():
        return base.with_suffix(".py")
    if (base / "__init__.py").is_file():
        return base / "__init__.py"
    return None


def _resolve(module: str, names: Iterable[str]) -> set[str]:
    """Modul yang dimaksud oleh ``from module import names`` (submodul bila ada)."""
    found = {module} if _module_path(module) else set()
    for name in names:
        name = name.strip()
        if name and name != "*" and _module_path(f"{module}.{name}"):
            found.add(f"{module}.{name}")
    return found


def _imports_in_tree(tree: ast.AST, base_parts: list[str]) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base_parts[: len(base_parts) - (node.level - 1)]
                target = ".".join(anchor + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] == PACKAGE:
                found |= _resolve(target, [a.name for a in node.names])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == PACKAGE:
                    found |= _resolve(alias.name, [])
    return found


def modules_in_source(source: str) -> set[str]:
    """Modul ``chapter11`` yang diimpor oleh teks kode (misalnya sel-sel sebuah halaman).

    Kode dibaca dengan ``ast``; bila bukan Python yang sah (mis. berisi *magic* IPython),
    setiap baris impor dibaca satu per satu.

    Example:
        >>> sorted(modules_in_source("from chapter11 import formatting, runtime"))
        ['chapter11', 'chapter11.formatting', 'chapter11.runtime']
    """
    try:
        found = _imports_in_tree(ast.parse(source), [PACKAGE])
    except SyntaxError:
        found = set()
        for line in source.splitlines():
            match = _LINE_IMPORT_RE.match(line)
            if not match:
                continue
            if match.group(1):
                names = match.group(2).replace("(", " ").replace(")", " ").split(",")
                found |= _resolve(match.group(1), [n.split(" as ")[0] for n in names])
            else:
                found |= _resolve(match.group(3), [])
    if found:
        found.add(PACKAGE)
    return found


def _without_docstrings(tree: ast.AST) -> ast.AST:
    """Buang docstring modul, kelas, dan fungsi dari ``tree`` (di tempat), lalu kembalikan."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if (body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
                    and isinstance(body[0].value.value, str)):
                node.body = body[1:]
    return tree


def semantic_digest(source: str) -> str:
    """SHA-256 dari AST ``source`` tanpa docstring, komentar, dan nomor baris.

    Dua sumber yang hanya berbeda di komentar, docstring, spasi, atau tanda kurung yang
    berlebih memberi digest yang sama; perubahan kode apa pun memberi digest lain.

    Raises:
        SyntaxError: bila ``source`` bukan Python yang sah.

    Example:
        >>> old = "def f(x):\\n    'Kuadrat.'\\n    return x * x"
        >>> new = "def f(x):\\n    'Kuadrat dari x (docstring baru).'\\n    return x * x  # !"
        >>> semantic_digest(old) == semantic_digest(new)
        True
        >>> semantic_digest(old) == semantic_digest(old.replace("x * x", "x ** 2"))
        False
    """
    tree = _without_docstrings(ast.parse(source))
    return hashlib.sha256(ast.dump(tree).encode()).hexdigest()


# Hasil analisis per berkas, dikunci dengan keadaan berkasnya (path, ukuran, mtime): proses
# yang berumur panjang (Sphinx, pytest) melihat suntingan tanpa perlu mengosongkan cache.
_ANALYSIS: dict[tuple[str, int, int], tuple[str, ast.AST]] = {}


def _analysis(path: Path) -> tuple[str, ast.AST]:
    """(digest semantik, AST) berkas ``path``."""
    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    found = _ANALYSIS.get(key)
    if found is None:
        source = path.read_text(encoding="utf-8")
        found = (semantic_digest(source), ast.parse(source))
        if len(_ANALYSIS) > 512:
            _ANALYSIS.clear()
        _ANALYSIS[key] = found
    return found


# Impor langsung per modul, dikunci dengan keadaan berkasnya seperti _ANALYSIS: menelusuri
# AST modul besar setiap kali sebuah run meminta kunci cache-nya memakan ~0,2 detik per run.
_IMPORTS: dict[tuple[str, str, int, int], frozenset[str]] = {}


def _direct_imports(module: str) -> frozenset[str]:
    path = _module_path(module)
    if path is None:
        return frozenset()
    stat = path.stat()
    key = (module, str(path), stat.st_size, stat.st_mtime_ns)
    found = _IMPORTS.get(key)
    if found is None:
        tree = _analysis(path)[1]
        is_package = path.name == "__init__.py"
        base_parts = module.split(".") if is_package else module.split(".")[:-1]
        found = frozenset(_imports_in_tree(tree, base_parts))
        if len(_IMPORTS) > 512:
            _IMPORTS.clear()
        _IMPORTS[key] = found
    return found


def module_closure(modules: Iterable[str]) -> set[str]:
    """Semua modul ``chapter11`` yang dicapai dari ``modules`` lewat impor (termasuk dirinya)."""
    seen: set[str] = set()
    todo = [m for m in modules if _module_path(m)]
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        todo.extend(_direct_imports(module) - seen)
    # Mengimpor submodul apa pun juga menjalankan __init__ paket.
    if seen:
        seen.add(PACKAGE)
    return seen


def module_files(modules: Iterable[str]) -> list[Path]:
    """Berkas sumber setiap modul di ``module_closure(modules)``, urut menurut nama modul."""
    return [_module_path(module) for module in sorted(module_closure(modules))]


@cache
def _installed_version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "-"


def library_versions() -> dict[str, str]:
    """Versi pustaka yang ikut menentukan angka; ``"-"`` bila tidak terpasang."""
    return {dist: _installed_version(dist) for dist in VERSIONED_DISTRIBUTIONS}


def module_digests(modules: Iterable[str]) -> dict[str, str]:
    """Digest semantik (:func:`semantic_digest`) setiap modul di ``module_closure(modules)``."""
    return {module: _analysis(_module_path(module))[0]
            for module in sorted(module_closure(modules))}


def fingerprint(modules: Iterable[str], *, extra: str = "") -> str:
    """Sidik jari 16 heksadesimal dari makna ``module_closure(modules)``, versi pustaka, ``extra``.

    Yang masuk: nama dan :func:`semantic_digest` setiap modul di penutupan impornya (bukan
    bita berkasnya: komentar dan docstring tidak ikut), :func:`library_versions`, dan
    ``extra`` (misalnya nama anggaran).

    Example:
        >>> fingerprint(["chapter11.formatting"]) == fingerprint(["chapter11.formatting"])
        True
        >>> fingerprint(["chapter11.formatting"], extra="full") == fingerprint(
        ...     ["chapter11.formatting"])
        False
    """
    digest = hashlib.sha256(b"chapter11-semantic-fingerprint\n")
    for module, module_digest in module_digests(modules).items():
        digest.update(f"{module}={module_digest}\n".encode())
    for dist, version in sorted(library_versions().items()):
        digest.update(f"{dist}=={version}\n".encode())
    digest.update(extra.encode())
    return digest.hexdigest()[:16]
