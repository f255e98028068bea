"""Alat bersama skrip benchmark: build buku di folder sementara dan baca hasilnya.

Ruang kerja berisi *salinan* ``book/`` dan ``chapter11/``; build berjalan dengan ``PYTHONPATH``
menunjuk ke salinan itu (Sphinx dan kernel halaman mengimpor paket dari sana), jadi skenario
yang menyunting modul ``chapter11`` tidak pernah menyentuh berkas repositori.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD_ARGS = ["-j", "auto", "-W", "--keep-going", "-n", "-q"]


@dataclass
class Workspace:
    """Salinan ``book/`` dan ``chapter11/`` dan folder cache tersendiri."""

    base: Path

    @property
    def src(self) -> Path:
        return self.base / "book"

    @property
    def package(self) -> Path:
        return self.base / "chapter11"

    @property
    def out(self) -> Path:
        return self.base / "out" / "html"

    @property
    def cache_root(self) -> Path:
        return self.base / "cache"

    @property
    def jupyter_execute(self) -> Path:
        return self.base / "out" / "jupyter_execute"

    @classmethod
    def create(cls, base: Path) -> Workspace:
        if base.exists():
            shutil.rmtree(base)
        base.mkdir(parents=True)
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
        shutil.copytree(ROOT / "book", base / "book", ignore=ignore)
        shutil.copytree(ROOT / "chapter11", base / "chapter11", ignore=ignore)
        return cls(base)

    def clean(self) -> None:
        for path in (self.base / "out", self.cache_root):
            if path.exists():
                shutil.rmtree(path)

    def env(self) -> dict[str, str]:
        env = {**os.environ, "CHAPTER11_CACHE_ROOT": str(self.cache_root),
               "PYTHONPATH": str(self.base)}
        env.pop("CHAPTER11_CACHE_DIR", None)
        return env

    def build(self, *extra: str, check: bool = True) -> float:
        """Jalankan sphinx-build; kembalikan detik dinding."""
        cmd = [sys.executable, "-m", "sphinx", "-b", "html", str(self.src), str(self.out),
               "-c", str(ROOT), "-d", str(self.base / "out" / "doctrees"), *BUILD_ARGS, *extra]
        start = time.perf_counter()
        proc = subprocess.run(cmd, env=self.env(), capture_output=True, text=True, cwd=self.base)
        seconds = time.perf_counter() - start
        if check and proc.returncode != 0:
            raise RuntimeError(f"build gagal ({' '.join(cmd)}):\n{proc.stderr[-4000:]}")
        return seconds

    def execution_report(self) -> dict:
        """Laporan eksekusi build terakhir dari ekstensi build (kosong bila tidak ada)."""
        path = self.cache_root / "chapter11-build" / "execution.json"
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def execution_records(self) -> dict[str, tuple[float, float]]:
        """Halaman → (waktu dibuat, detik eksekusi) dari basis data jupyter-cache."""
        from jupyter_cache import get_cache

        records = {}
        for record in get_cache(self.cache_root / ".jupyter_cache").list_cache_records():
            page = Path(record.uri).stem
            created = record.created
            if created.tzinfo is None:  # SQLite menyimpan UTC tanpa zona waktu
                created = created.replace(tzinfo=timezone.utc)
            created = created.timestamp()
            if page not in records or created > records[page][0]:
                records[page] = (created, float(record.data.get("execution_seconds", 0.0)))
        return records

    def executed_since(self, since: float) -> list[str]:
        """Halaman yang dieksekusi (dan di-cache) sesudah waktu ``since``."""
        return sorted(p for p, (created, _) in self.execution_records().items()
                      if created >= since)

    def outputs(self) -> dict[str, dict]:
        """Per halaman: nilai glue dan hash gambar keluaran, dari notebook yang dieksekusi."""
        import base64
        import hashlib

        result = {}
        for nb_path in sorted(self.jupyter_execute.glob("*.ipynb")):
            page = nb_path.stem
            nb = json.loads(nb_path.read_text(encoding="utf-8"))
            glue_path = nb_path.with_suffix(".glue.json")
            glue = {}
            if glue_path.exists():
                for key, value in json.loads(glue_path.read_text(encoding="utf-8")).items():
                    glue[key] = value.get("data", {}).get("text/plain")
            images = []
            for index, cell in enumerate(nb["cells"]):
                for output in cell.get("outputs", []):
                    for mime, data in output.get("data", {}).items():
                        if mime.startswith("image/"):
                            raw = data if isinstance(data, str) else "".join(data)
                            digest = hashlib.sha256(base64.b64decode(raw)).hexdigest()[:16]
                            images.append((index, mime, digest))
            result[page] = {"glue": glue, "images": images}
        return result


def median(values):
    values = sorted(values)
    n = len(values)
    return values[n // 2] if n % 2 else 0.5 * (values[n // 2 - 1] + values[n // 2])
