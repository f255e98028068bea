"""Ukur waktu build buku di mesin ini (median beberapa ulangan) dan periksa targetnya.

Skenario (setiap build memakai -j auto -W, seperti tools/build.sh, di ruang kerja sementara
berisi salinan ``book/`` dan ``chapter11/``):

1. bersih — cache kosong: semua halaman dieksekusi (terpanjang dulu, oleh ekstensi build);
2. tanpa perubahan — build biasa (tanpa ``-E``) sesudahnya: tidak ada yang dibaca ulang;
3. ``-E`` hangat — baca ulang semua halaman, tidak ada yang berubah;
4. ``-E`` tanpa eksekusi (``nb_execution_mode=off``) — batas bawah (*floor*);
5. suntingan prosa — satu kalimat ditambahkan pada satu halaman;
6. suntingan sel kode — satu komentar ditambahkan pada sel kode satu halaman;
7. suntingan docstring modul — docstring dan komentar sebuah modul ``chapter11`` berubah:
   tidak ada yang dieksekusi;
8. suntingan kode modul — satu baris kode ditambahkan pada modul itu: tepat halaman yang
   memakainya (menurut penutupan impor) yang dieksekusi ulang.

Untuk build bersih dicatat juga waktu eksekusi per halaman dan jadwal idealnya,
``max(halaman terpanjang, jumlah waktu halaman / banyak inti)``; targetnya
build bersih ≤ 1,15 × ideal + batas bawah.

Pemakaian::

    .venv/bin/python benchmarks/build_times.py [--clean-repeat 3] [--repeat 3]
        [--update-page-times] [--record benchmarks/results/build-times.json]

``--update-page-times`` menulis median waktu per halaman ke ``benchmarks/page_times.json``
(dipakai ekstensi build untuk menjadwalkan dan memperkirakan sisa waktu).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, Workspace, median  # noqa: E402

PAGE_TIMES = ROOT / "benchmarks" / "page_times.json"


def pages_using(module: str, ws: Workspace) -> list[str]:
    """Halaman yang (secara transitif) bergantung pada ``module`` menurut ekstensi build.

    Dihitung di subproses yang mengimpor salinan paket di ruang kerja.
    """
    code = (
        "import json, pathlib, sys\n"
        f"sys.path.insert(0, {str(ROOT / 'book' / '_ext')!r})\n"
        "import chapter11_build\n"
        "from chapter11 import _deps\n"
        "assert pathlib.Path(_deps.__file__).resolve().is_relative_to("
        f"{str(ws.package.resolve())!r})\n"
        f"pages = sorted(pathlib.Path({str(ws.src)!r}).glob('*.md'))\n"
        "users = [p.stem for p in pages if "
        f"{module!r} in _deps.module_closure(chapter11_build.page_modules(p.read_text('utf-8')))]\n"
        "print(json.dumps(users))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env=ws.env(), cwd=ws.base,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def edit(path: Path, transform) -> None:
    path.write_text(transform(path.read_text(encoding="utf-8")), encoding="utf-8")


def update_page_times(per_page: dict[str, list[float]], budget: str) -> None:
    data = json.loads(PAGE_TIMES.read_text(encoding="utf-8")) if PAGE_TIMES.exists() else {}
    data[budget] = {page: round(median(values), 1)
                    for page, values in sorted(per_page.items(), key=lambda kv: -median(kv[1]))}
    PAGE_TIMES.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Waktu halaman ({budget}) ditulis ke {PAGE_TIMES.relative_to(ROOT)}.")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="ulangan skenario murah")
    parser.add_argument("--clean-repeat", type=int, default=3, help="ulangan build bersih")
    parser.add_argument("--page", default="gradien", help="halaman yang disunting")
    parser.add_argument("--module", default="chapter11/formatting.py",
                        help="modul yang disunting (relatif ke akar repositori)")
    parser.add_argument("--update-page-times", action="store_true",
                        help="tulis median waktu per halaman ke benchmarks/page_times.json")
    parser.add_argument("--record", type=Path, help="simpan hasil sebagai JSON di path ini")
    parser.add_argument("--label", default="", help="keterangan bebas untuk --record")
    args = parser.parse_args(argv)

    budget = (os.environ.get("CHAPTER11_BUDGET") or "fast").strip().lower()
    ws = Workspace.create(Path(tempfile.mkdtemp(prefix="bench-build-")))
    times: dict[str, list[float]] = {}
    executed: dict[str, list[str]] = {}
    clean_runs: list[dict] = []

    def measure(name, *extra, prepare=None, repeat=args.repeat, check=True):
        for _ in range(repeat):
            if prepare:
                prepare()
            since = time.time()
            times.setdefault(name, []).append(ws.build(*extra, check=check))
            executed[name] = ws.executed_since(since)
            line = f"  {name}: {times[name][-1]:.1f} s, dieksekusi: {executed[name] or '-'}"
            if name == "bersih":
                report = ws.execution_report()
                clean_runs.append({"total_seconds": round(times[name][-1], 2), **report})
                line += (f"; fase eksekusi {report.get('wall_seconds', 0):.1f} s, ideal "
                         f"{report.get('ideal_seconds', 0):.1f} s")
            print(line, flush=True)

    print(f"Ruang kerja: {ws.base} (anggaran {budget}, {os.cpu_count()} inti)")
    measure("bersih", prepare=ws.clean, repeat=args.clean_repeat)
    measure("tanpa perubahan")
    measure("-E hangat", "-E")
    # Tanpa eksekusi halaman tidak punya keluaran, jadi glue dan numref memberi peringatan:
    # build-nya tetap lengkap, hanya status keluarnya yang tidak diperiksa.
    measure("-E tanpa eksekusi", "-E", "-D", "nb_execution_mode=off", check=False)
    ws.build()  # pulihkan lingkungan Sphinx yang lengkap sesudah build tanpa eksekusi

    page = ws.src / f"{args.page}.md"
    counter = iter(range(10**6))
    measure("suntingan prosa", prepare=lambda: edit(page, lambda t: t.replace(
        "## Ringkasan", f"Kalimat tambahan {next(counter)}.\n\n## Ringkasan", 1)))
    measure("suntingan sel kode", prepare=lambda: edit(page, lambda t: re.sub(
        r"(```\{code-cell\} ipython3\n)", rf"\g<1># suntingan {next(counter)}\n", t, count=1)))

    module = ws.base / args.module
    module_name = args.module.removesuffix(".py").replace("/", ".")

    def docstring_edit(text: str) -> str:
        n = next(counter)
        text = re.sub(r'"""', f'"""(Catatan suntingan {n}.) ', text, count=1)
        return text + f"\n# komentar suntingan {n}\n"

    measure("suntingan docstring modul", prepare=lambda: edit(module, docstring_edit))
    measure("suntingan kode modul",
            prepare=lambda: edit(module, lambda t: t + f"\n_BENCH_{next(counter)} = 1\n"))
    expected_module_pages = pages_using(module_name, ws)

    med = {name: median(values) for name, values in times.items()}
    print("\nSkenario                     median (s)   ulangan   halaman dieksekusi")
    for name, values in times.items():
        print(f"{name:<28} {med[name]:>9.1f}   {len(values):>7}   "
              f"{', '.join(executed[name]) or '-'}")

    per_page: dict[str, list[float]] = {}
    for run in clean_runs:
        for name, seconds in run.get("page_seconds", {}).items():
            per_page.setdefault(name, []).append(seconds)
    floor = med["-E tanpa eksekusi"]
    ideal = median([run.get("ideal_seconds", 0.0) for run in clean_runs])
    phase = median([run.get("wall_seconds", 0.0) for run in clean_runs])
    jobs = clean_runs[0].get("jobs", "?") if clean_runs else "?"
    print(f"\nWaktu eksekusi per halaman di build bersih (median, {jobs} kernel sekaligus):")
    for name, values in sorted(per_page.items(), key=lambda kv: -median(kv[1])):
        print(f"  {name:<20} {median(values):6.1f} s   ({', '.join(f'{v:.1f}' for v in values)})")
    print(f"\nFase eksekusi (median): {phase:.1f} s; ideal max(terpanjang, jumlah/kernel): "
          f"{ideal:.1f} s; rasio {phase / ideal if ideal else float('nan'):.2f}")
    target = 1.15 * ideal + floor
    print(f"Build bersih (median): {med['bersih']:.1f} s; ideal + batas bawah: "
          f"{ideal + floor:.1f} s; target 1,15 × ideal + batas bawah = {target:.1f} s")
    ratio = med["-E hangat"] / floor

    checks = [
        ("build bersih ≤ 300 s", med["bersih"] <= 300),
        (f"build bersih ≤ 1,15 × ideal + batas bawah ({target:.1f} s)", med["bersih"] <= target),
        ("-E hangat ≤ 1,3 × tanpa eksekusi", ratio <= 1.3),
        ("build tanpa perubahan tidak mengeksekusi apa pun", executed["tanpa perubahan"] == []),
        ("suntingan prosa tidak mengeksekusi apa pun", executed["suntingan prosa"] == []),
        ("suntingan sel kode mengeksekusi halaman itu saja",
         executed["suntingan sel kode"] == [args.page]),
        (f"suntingan docstring {args.module} tidak mengeksekusi apa pun",
         executed["suntingan docstring modul"] == []),
        (f"suntingan kode {args.module} mengeksekusi tepat halaman pemakainya "
         f"({', '.join(expected_module_pages) or '-'})",
         executed["suntingan kode modul"] == expected_module_pages),
    ]
    print("\nTarget:")
    for text, ok in checks:
        print(f"  [{'OK' if ok else 'GAGAL'}] {text}")

    if args.update_page_times and per_page:
        update_page_times(per_page, budget)
    if args.record:
        record = {
            "label": args.label,
            "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                        "note": "mesin dipakai bersama agen lain; waktu bisa membengkak"},
            "budget": budget,
            "medians": {name: round(value, 2) for name, value in med.items()},
            "runs": {name: [round(v, 2) for v in values] for name, values in times.items()},
            "executed": executed,
            "clean_builds": clean_runs,
            "page_seconds_median": {k: round(median(v), 2) for k, v in per_page.items()},
            "execution_phase_median": round(phase, 2),
            "ideal_median": round(ideal, 2),
            "floor_median": round(floor, 2),
            "target_seconds": round(target, 2),
            "checks": {text: ok for text, ok in checks},
        }
        args.record.parent.mkdir(parents=True, exist_ok=True)
        args.record.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n",
                               encoding="utf-8")
        print(f"Hasil disimpan di {args.record}.")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
