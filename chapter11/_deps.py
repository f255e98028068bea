"""Sidik jari (*fingerprint*) kode sumber: apa yang menentukan sebuah hasil.

jupyter-cache hanya mengenali sebuah halaman dari sumber sel kodenya, dan cache
eksperimen mengenali sebuah pelatihan dari spesifikasinya. Keduanya buta terhadap
perubahan di dalam paket ``chapter11``. Modul ini menghitung sidik jari dari

* sumber modul ``chapter11`` yang diimpor, beserta semua modul ``chapter11`` yang
  diimpornya (penutupan transitif, dibaca dengan ``ast`` tanpa mengimpor apa pun),
* versi pustaka yang menentukan angka (TensorFlow, Keras, NumPy, Matplotlib).

``conf.py`` menyisipkan sidik jari ini ke setiap halaman (halaman hanya dieksekusi
ulang bila modul yang *dipakainya* berubah), dan ``experiments`` memasukkannya ke
kunci cache hasil pelatihan.

>>> "chapter11.formatting" in module_closure(["chapter11.formatting"])
True
>>> "chapter11._validation" in module_closure(["chapter11.formatting"])
True
>>> len(fingerprint(["chapter11.formatting"]))
16
"""

from __future__ import annotations

import ast
import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache
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


@lru_cache(maxsize=None)
def _direct_imports(module: str) -> frozenset[str]:
    path = _module_path(module)
    if path is None:
        return frozenset()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    base_parts = module.split(".") if is_package else module.split(".")[:-1]
    return frozenset(_imports_in_tree(tree, base_parts))


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


def library_versions() -> dict[str, str]:
    """Versi pustaka yang ikut menentukan angka; ``"-"`` bila tidak terpasang."""
    versions = {}
    for dist in VERSIONED_DISTRIBUTIONS:
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = "-"
    return versions


def fingerprint(modules: Iterable[str], *, extra: str = "") -> str:
    """Sidik jari 16 heksadesimal dari sumber ``module_closure(modules)``, versi pustaka, dan ``extra``."""
    digest = hashlib.sha256()
    for module in sorted(module_closure(modules)):
        digest.update(module.encode())
        digest.update(_module_path(module).read_bytes())
    for dist, version in sorted(library_versions().items()):
        digest.update(f"{dist}=={version}".encode())
    digest.update(extra.encode())
    return digest.hexdigest()[:16]
