"""Ukur waktu build buku di mesin ini (median beberapa ulangan) dan periksa targetnya.

Skenario (setiap build memakai -j auto -W, seperti tools/build.sh, di folder sementara):

1. bersih — cache kosong: semua halaman dieksekusi;
2. ``-E`` hangat — baca ulang semua halaman, tidak ada yang berubah;
3. ``-E`` tanpa eksekusi (``nb_execution_mode=off``) — batas bawah;
4. suntingan prosa — satu kalimat ditambahkan pada satu halaman;
5. suntingan sel kode — satu komentar ditambahkan pada sel kode satu halaman;
6. suntingan modul — satu komentar ditambahkan pada sebuah modul ``chapter11`` (dipulihkan
   sesudahnya), halaman yang memakainya saja yang harus dieksekusi ulang.

Pemakaian: ``.venv/bin/python benchmarks/build_times.py [--repeat 3] [--clean-repeat 2]``
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, Workspace, median  # noqa: E402

sys.path.insert(0, str(ROOT))
from chapter11 import _deps  # noqa: E402


def pages_using(module: str, src: Path) -> list[str]:
    """Halaman yang (secara transitif) bergantung pada ``module`` menurut sidik jari conf.py."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("book_conf", ROOT / "conf.py")
    conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conf)
    users = []
    for page in sorted(src.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        if "file_format: mystnb" not in text[:300]:
            continue
        code = "\n".join(conf._cell_code(b) for b in conf._CELL_RE.findall(text))
        if module in _deps.module_closure(_deps.modules_in_source(code)):
            users.append(page.stem)
    return users


def edit(path: Path, transform) -> str:
    original = path.read_text(encoding="utf-8")
    path.write_text(transform(original), encoding="utf-8")
    return original


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="ulangan skenario murah")
    parser.add_argument("--clean-repeat", type=int, default=2, help="ulangan build bersih")
    parser.add_argument("--page", default="gradien", help="halaman yang disunting")
    parser.add_argument("--module", default="chapter11/formatting.py",
                        help="modul yang disunting (relatif ke akar repositori)")
    args = parser.parse_args(argv)

    ws = Workspace.create(Path(tempfile.mkdtemp(prefix="bench-build-")))
    times: dict[str, list[float]] = {}
    executed: dict[str, list[str]] = {}

    def measure(name, *extra, prepare=None, repeat=args.repeat, check=True):
        for _ in range(repeat):
            if prepare:
                prepare()
            since = time.time()
            times.setdefault(name, []).append(ws.build(*extra, check=check))
            executed[name] = ws.executed_since(since)
            print(f"  {name}: {times[name][-1]:.1f} s, dieksekusi: {executed[name] or '-'}",
                  flush=True)

    print(f"Ruang kerja: {ws.base}")
    measure("bersih", prepare=ws.clean, repeat=args.clean_repeat)
    per_page = {p: s for p, (_, s) in ws.execution_records().items()}
    measure("-E hangat", "-E")
    # Tanpa eksekusi halaman tidak punya keluaran, jadi glue dan numref memberi peringatan:
    # build-nya tetap lengkap, hanya status keluarnya yang tidak diperiksa.
    measure("-E tanpa eksekusi", "-E", "-D", "nb_execution_mode=off", check=False)

    page = ws.src / f"{args.page}.md"
    counter = iter(range(10**6))

    def prose_edit():
        edit(page, lambda t: t.replace("## Ringkasan",
                                       f"Kalimat tambahan {next(counter)}.\n\n## Ringkasan", 1))

    def code_edit():
        edit(page, lambda t: re.sub(r"(```\{code-cell\} ipython3\n)",
                                    rf"\g<1># suntingan {next(counter)}\n", t, count=1))

    measure("suntingan prosa", prepare=prose_edit)
    measure("suntingan sel kode", prepare=code_edit)

    module = ROOT / args.module
    original = module.read_text(encoding="utf-8")
    try:
        measure("suntingan modul",
                prepare=lambda: module.write_text(original + f"\n# bench {next(counter)}\n",
                                                  encoding="utf-8"))
    finally:
        module.write_text(original, encoding="utf-8")
    module_name = args.module.removesuffix(".py").replace("/", ".")
    expected_module_pages = pages_using(module_name, ws.src)

    med = {name: median(values) for name, values in times.items()}
    print("\nSkenario                 median (s)   ulangan   halaman dieksekusi")
    for name, values in times.items():
        print(f"{name:<24} {med[name]:>9.1f}   {len(values):>7}   {', '.join(executed[name]) or '-'}")
    ratio = med["-E hangat"] / med["-E tanpa eksekusi"]
    print(f"\nRasio -E hangat / -E tanpa eksekusi: {ratio:.2f}")
    print("\nWaktu eksekusi per halaman (build bersih terakhir):")
    for name, seconds in sorted(per_page.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<20} {seconds:6.1f} s")

    checks = [
        ("build bersih ≤ 300 s", med["bersih"] <= 300),
        ("-E hangat ≤ 1,3 × tanpa eksekusi", ratio <= 1.3),
        ("suntingan prosa tidak mengeksekusi apa pun", executed["suntingan prosa"] == []),
        ("suntingan sel kode mengeksekusi halaman itu saja",
         executed["suntingan sel kode"] == [args.page]),
        (f"suntingan {args.module} mengeksekusi tepat halaman pemakainya "
         f"({', '.join(expected_module_pages) or '-'})",
         executed["suntingan modul"] == expected_module_pages),
    ]
    print("\nTarget:")
    for text, ok in checks:
        print(f"  [{'OK' if ok else 'GAGAL'}] {text}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
