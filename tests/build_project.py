"""Proyek buku mini untuk tes ekstensi build (``book/_ext/chapter11_build.py``).

Salinan bagian repositori yang dibutuhkan build — ``conf.py`` yang sebenarnya, paket
``chapter11``, ekstensi, berkas statis dan pustaka — ditambah halaman-halaman kecil yang
ditulis tes. Build berjalan di subproses dengan ``PYTHONPATH`` menunjuk ke salinan itu,
sehingga kernel dan Sphinx memakai salinan paket: tes boleh menyunting modul ``chapter11``
tanpa menyentuh berkas asli yang mungkin sedang dipakai tes lain.

Setiap halaman mencatat eksekusinya ke berkas log (``CHAPTER11_TEST_LOG``): satu baris
``mulai <halaman> <waktu> <pid>`` dan ``selesai <halaman> <waktu>``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PAGE_TEMPLATE = """\
---
file_format: mystnb
kernelspec:
  name: python3
  display_name: Python 3
---

# Halaman {name}

Teks halaman {name}.

```{{code-cell}} ipython3
import os
import time

with open(os.environ["CHAPTER11_TEST_LOG"], "a", encoding="utf-8") as _log:
    _log.write(f"mulai {name} {{time.time():.3f}} {{os.getpid()}}\\n")
```
{cells}
```{{code-cell}} ipython3
with open(os.environ["CHAPTER11_TEST_LOG"], "a", encoding="utf-8") as _log:
    _log.write(f"selesai {name} {{time.time():.3f}}\\n")
```
"""


def page_text(name: str, *cells: str) -> str:
    """Sumber halaman MyST ``name`` dengan sel kode ``cells`` di antara sel pencatat."""
    body = "".join(f"\n```{{code-cell}} ipython3\n{textwrap.dedent(c).strip()}\n```\n"
                   for c in cells)
    return PAGE_TEMPLATE.format(name=name, cells=body)


@dataclass
class Build:
    returncode: int
    stdout: str
    stderr: str
    seconds: float


@dataclass
class Project:
    base: Path

    @property
    def repo(self) -> Path:
        return self.base / "repo"

    @property
    def out(self) -> Path:
        return self.base / "out"

    @property
    def log(self) -> Path:
        return self.base / "executions.log"

    @classmethod
    def create(cls, base: Path, pages: dict[str, str], times: dict[str, float] | None = None):
        """Salin repositori minimal ke ``base/repo`` dan tulis ``pages`` (nama → sumber)."""
        project = cls(base)
        repo = project.repo
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
        shutil.copytree(ROOT / "chapter11", repo / "chapter11", ignore=ignore)
        shutil.copytree(ROOT / "book" / "_ext", repo / "book" / "_ext", ignore=ignore)
        shutil.copytree(ROOT / "book" / "_static", repo / "book" / "_static", ignore=ignore)
        shutil.copy2(ROOT / "book" / "references.bib", repo / "book" / "references.bib")
        shutil.copy2(ROOT / "conf.py", repo / "conf.py")
        (repo / "benchmarks").mkdir()
        if times is not None:
            import json

            (repo / "benchmarks" / "page_times.json").write_text(
                json.dumps({"fast": times}), encoding="utf-8")
        toctree = "\n".join(pages)
        (repo / "book" / "index.md").write_text(
            f"# Buku mini\n\n```{{toctree}}\n{toctree}\n```\n", encoding="utf-8")
        for name, text in pages.items():
            (repo / "book" / f"{name}.md").write_text(text, encoding="utf-8")
        return project

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items()
               if k not in ("CHAPTER11_CACHE_DIR", "CHAPTER11_CACHE_ROOT", "IPYTHONDIR",
                            "CHAPTER11_BUDGET")}
        env.update(PYTHONPATH=str(self.repo), PYTHONDONTWRITEBYTECODE="1",
                   CHAPTER11_TEST_LOG=str(self.log))
        env.update(extra)
        return env

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "sphinx", "-b", "html", str(self.repo / "book"),
                str(self.out / "html"), "-c", str(self.repo), "-d", str(self.out / "doctrees"),
                "-j", "2", "-W", "--keep-going", "-n", *args]

    def build(self, *args: str, timeout: float = 300, **env: str) -> Build:
        start = time.monotonic()
        proc = subprocess.run(self.command(*args), env=self.env(**env), capture_output=True,
                              text=True, timeout=timeout, cwd=self.base)
        return Build(proc.returncode, proc.stdout, proc.stderr, time.monotonic() - start)

    def executions(self) -> list[tuple[str, str, float]]:
        """Baris log eksekusi: (``mulai``/``selesai``, halaman, waktu)."""
        if not self.log.exists():
            return []
        rows = []
        for line in self.log.read_text(encoding="utf-8").splitlines():
            event, page, stamp, *_ = line.split()
            rows.append((event, page, float(stamp)))
        return rows

    def started_pages(self) -> list[str]:
        return [page for event, page, _ in self.executions() if event == "mulai"]
