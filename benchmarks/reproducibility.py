"""Dua build bersih di mesin yang sama harus memberi angka glue dan gambar yang identik.

Setiap build memakai cache kosong tersendiri (semua halaman dan pelatihan dijalankan ulang).
Yang dibandingkan, per halaman: semua nilai ``glue`` dan hash SHA-256 setiap gambar keluaran
(byte demi byte). Keluar dengan status 1 dan daftar perbedaannya bila ada yang berbeda.

Pemakaian: ``.venv/bin/python benchmarks/reproducibility.py``
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Workspace  # noqa: E402


def main() -> int:
    base = Path(tempfile.mkdtemp(prefix="bench-repro-"))
    runs = []
    for name in ("a", "b"):
        ws = Workspace.create(base / name)
        seconds = ws.build()
        runs.append(ws.outputs())
        print(f"build {name}: {seconds:.1f} s, {len(runs[-1])} halaman", flush=True)
    first, second = runs
    problems = []
    for page in sorted(set(first) | set(second)):
        a, b = first.get(page), second.get(page)
        if a is None or b is None:
            problems.append(f"{page}: hanya ada di satu build")
            continue
        for key in sorted(set(a["glue"]) | set(b["glue"])):
            if a["glue"].get(key) != b["glue"].get(key):
                problems.append(f"{page}: glue {key}: {a['glue'].get(key)} ≠ {b['glue'].get(key)}")
        if a["images"] != b["images"]:
            problems.append(f"{page}: gambar berbeda: {a['images']} ≠ {b['images']}")
    n_glue = sum(len(v["glue"]) for v in first.values())
    n_images = sum(len(v["images"]) for v in first.values())
    if problems:
        print("TIDAK REPRODUSIBEL:")
        for problem in problems:
            print("  " + problem)
        return 1
    print(f"Reprodusibel: {n_glue} nilai glue dan {n_images} gambar identik di {len(first)} halaman.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
