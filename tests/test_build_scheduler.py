"""Tes ekstensi build pada buku mini: jadwal, tepat-sekali, dependensi, galat, Ctrl-C, cache.

Setiap buku mini adalah salinan ``conf.py``, ``chapter11`` dan ekstensi build yang sebenarnya
(lihat ``build_project.py``) dengan halaman kecil yang mencatat setiap eksekusinya ke berkas
log. Harapan dihitung dari log itu dan dari jam dinding, bukan dari laporan ekstensi sendiri.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from build_project import Project, page_text

pytestmark = pytest.mark.build

# panjang > sedang > pendek menurut waktu yang diharapkan (berkas waktu halaman proyek);
# polos tidak tercantum (waktu bawaan 60 dtk, jadi dijadwalkan paling awal).
PAGES = {
    "panjang": page_text("panjang", "time.sleep(5)"),
    "sedang": page_text("sedang", "from chapter11 import formatting\n"
                                  "print(formatting.format_number(0.5))\ntime.sleep(2)"),
    "pendek": page_text("pendek", "from chapter11 import activations\ntime.sleep(0.5)"),
    "polos": page_text("polos", "print(os.environ['CHAPTER11_CACHE_DIR'])\n"
                                "print(os.environ['IPYTHONDIR'])\ntime.sleep(3)"),
}
TIMES = {"panjang": 30.0, "sedang": 20.0, "pendek": 10.0}


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Setiap berkas di bawah ``folder``: (ukuran, mtime)."""
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*"))}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """Buku mini yang sudah dibangun sekali dari nol; ``.first`` adalah build itu."""
    project = Project.create(tmp_path_factory.mktemp("mini"), PAGES, TIMES)
    before = snapshot(project.repo)
    project.first = project.build()
    project.source_before, project.source_after = before, snapshot(project.repo)
    assert project.first.returncode == 0, project.first.stderr[-4000:]
    return project


def test_clean_build_runs_each_page_once_longest_first_in_parallel(project):
    build = project.first
    assert build.stderr == ""  # -W: juga tidak ada peringatan "dieksekusi dua kali"
    assert sorted(project.started_pages()) == sorted(PAGES)  # tepat sekali per halaman
    rows = project.executions()
    start = {page: t for event, page, t in rows if event == "mulai"}
    end = {page: t for event, page, t in rows if event == "selesai"}
    order = sorted(start, key=start.get)
    # -j 2: tiga kernel sekaligus (-j + 1), terpanjang dulu: polos (60 dtk bawaan), panjang dan
    # sedang mulai dulu, pendek paling akhir dan baru sesudah salah satu halaman selesai.
    assert set(order[:3]) == {"polos", "panjang", "sedang"} and order[3] == "pendek", order
    # Paralel: ketiga halaman pertama berjalan bersamaan (rentang waktunya bertumpang tindih).
    first, second, third = order[:3]
    for a, b in ((first, second), (first, third), (second, third)):
        assert start[b] < end[a] and start[a] < end[b], rows
    assert start["pendek"] >= min(end.values())
    # Kemajuan dan ringkasan dalam bahasa Indonesia (log non-terminal: baris biasa).
    out = build.stdout
    assert "[eksekusi] 4 halaman dieksekusi, 3 sekaligus, terpanjang dulu" in out
    assert "[eksekusi] mulai panjang (perkiraan 30 dtk)" in out
    assert "[eksekusi] 4/4 " in out and "\r" not in out
    summary = out[out.index("Waktu eksekusi per halaman"):]
    for page in PAGES:
        assert f"\n  {page} " in summary


def test_rebuilds_execute_nothing_and_myst_nb_never_executes(project):
    before = len(project.executions())
    plain = project.build()
    assert plain.returncode == 0 and plain.stderr == "", plain.stderr[-3000:]
    assert "0 added, 0 changed, 0 removed" in plain.stdout
    full = project.build("-E")  # semua halaman dibaca ulang: semuanya dari jupyter-cache
    assert full.returncode == 0 and full.stderr == "", full.stderr[-3000:]
    assert "4 halaman diambil dari jupyter-cache" in full.stdout
    assert "Executing notebook" not in full.stdout
    assert len(project.executions()) == before


def test_code_edit_reexecutes_exactly_its_pages_docstring_edit_nothing(project):
    module = project.repo / "chapter11" / "formatting.py"
    original = module.read_text(encoding="utf-8")
    before = len(project.started_pages())

    # Docstring modul, docstring fungsi dan komentar berubah: makna kode sama.
    edited = original.replace('"""', '"""Catatan baru untuk pembaca. ', 1)
    edited = edited.replace("def format_number(", "# komentar baru\ndef format_number(", 1)
    assert edited != original
    module.write_text(edited, encoding="utf-8")
    build = project.build()
    assert build.returncode == 0 and build.stderr == "", build.stderr[-3000:]
    assert project.started_pages()[before:] == []
    assert "0 added, 0 changed, 0 removed" in build.stdout  # tidak dibaca ulang pun

    # Perubahan kode: hanya halaman yang (transitif) mengimpor formatting dieksekusi ulang.
    module.write_text(edited + "\n_TAMBAHAN = 1\n", encoding="utf-8")
    build = project.build()
    assert build.returncode == 0 and build.stderr == "", build.stderr[-3000:]
    assert project.started_pages()[before:] == ["sedang"]
    assert "dibaca ulang: sedang" in build.stdout


def test_source_tree_untouched_and_caches_follow_the_output(project):
    assert project.source_after == project.source_before  # checkout hanya-baca pun bisa
    root = project.out  # induk folder keluaran HTML
    assert (root / ".jupyter_cache").is_dir()
    config = root / ".ipython" / "profile_default" / "ipython_kernel_config.py"
    assert 'log_level = "ERROR"' in config.read_text(encoding="utf-8")
    notebook = json.loads((root / "jupyter_execute" / "polos.ipynb").read_text("utf-8"))
    printed = "".join("".join(o.get("text", "")) for c in notebook["cells"]
                      for o in c.get("outputs", []))
    assert str(root / ".chapter11-cache") in printed and str(root / ".ipython") in printed


def test_unwritable_cache_root_names_the_variable(project, tmp_path):
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder")
    build = project.build(CHAPTER11_CACHE_ROOT=str(blocker / "cache"))
    assert build.returncode != 0
    assert "CHAPTER11_CACHE_ROOT" in build.stderr and str(blocker / "cache") in build.stderr
    assert "Traceback" not in build.stderr


def test_sqlite_waits_through_public_connect_event(project, tmp_path):
    code = f"""
import sqlalchemy
from sphinx.application import Sphinx
app = Sphinx({str(project.repo / 'book')!r}, {str(project.repo)!r},
             {str(tmp_path / 'o' / 'html')!r}, {str(tmp_path / 'o' / 'doctrees')!r}, "html",
             status=None, warning=None)
from jupyter_cache import get_cache
from jupyter_cache.cache import db
assert db.create_engine is sqlalchemy.engine.create_engine, "create_engine ditambal"
engine = get_cache(app.env.mystnb_config.execution_cache_path).db
with engine.connect() as connection:
    print(connection.exec_driver_sql("PRAGMA busy_timeout").scalar())
print(app.env.mystnb_config.execution_cache_path)
"""
    out = subprocess.run([sys.executable, "-c", code], env=project.env(), cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    timeout, cache_path = out.stdout.split()
    assert int(timeout) == 120_000  # bawaan sqlite3 Python: 5000
    assert Path(cache_path) == tmp_path / "o" / ".jupyter_cache"


def test_importing_conf_writes_nothing(project, tmp_path):
    before = snapshot(project.repo)
    code = f"import runpy; runpy.run_path({str(project.repo / 'conf.py')!r})"
    out = subprocess.run([sys.executable, "-c", code], env=project.env(), cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    assert snapshot(project.repo) == before
    assert list(tmp_path.iterdir()) == []


def test_failing_page_reports_page_cell_and_message(tmp_path):
    failing = page_text("gagal", "x = 1",
                        "def muat():\n    raise ValueError('Pesan galat khusus: setel X_DIR')\n\n"
                        "muat()")
    project = Project.create(tmp_path, {"gagal": failing, "baik": page_text("baik", "y = 2")})
    build = project.build("-q")  # -j 2 seperti build bawaan
    assert build.returncode != 0
    err = build.stderr
    source = project.repo / "book" / "gagal.md"
    line = source.read_text(encoding="utf-8").splitlines().index("def muat():") + 1
    assert f"{source}:{line}: GALAT: halaman 'gagal' gagal dieksekusi di sel kode ke-3" in err
    assert "    | muat()" in err
    assert "ValueError: Pesan galat khusus: setel X_DIR" in err
    assert "Build dihentikan: 1 halaman gagal dieksekusi (gagal)." in err
    assert "SphinxParallelError" not in err and "Traceback (most recent" not in err
    report = project.out / "html" / "reports" / "gagal.err.log"
    assert "Pesan galat khusus" in report.read_text(encoding="utf-8")
    assert f"Traceback lengkap: {report}" in err
    assert sorted(project.started_pages()) == ["baik", "gagal"]  # masing-masing sekali


def test_kernel_stderr_goes_to_its_log_and_a_crash_shows_it(tmp_path):
    """Keluaran tingkat C kernel tidak sampai ke terminal build; kernel yang crash terjelaskan.

    ``derau`` menulis ke deskriptor 2 saat kernelnya berhenti, seperti libzmq yang kadang
    mencetak "Assertion failed … signaler.cpp" sesudah halaman selesai; ``crash`` membuat
    kernelnya *segfault* di tengah halaman.
    """
    noisy = page_text("derau", "import atexit\n"
                               "atexit.register(os.write, 2, b'derau C saat kernel berhenti\\n')")
    crash = page_text("crash", "import ctypes\n\nctypes.string_at(0)")
    project = Project.create(tmp_path, {"derau": noisy, "crash": crash})
    build = project.build("-q")
    assert build.returncode != 0
    assert "derau C" not in build.stderr + build.stdout
    assert "halaman 'crash' gagal dieksekusi" in build.stderr
    assert "kernel Python berhenti mendadak" in build.stderr
    # faulthandler kernel: sebabnya dan baris sel yang sedang berjalan
    assert "Segmentation fault" in build.stderr and "line 3" in build.stderr, build.stderr
    first = [line.split() for line in project.log.read_text().splitlines()
             if line.startswith("mulai")]
    logs = project.out / ".ipython" / "kernel-logs"
    quiet = logs / f"kernel-{dict((row[1], row[3]) for row in first)['derau']}.log"
    assert "derau C saat kernel berhenti\n" in quiet.read_text(encoding="utf-8")
    # Build berikutnya membuang log kernel build pertama (prosesnya sudah tidak ada); yang
    # tersisa hanya log kernel build kedua (mis. bila libzmq sempat menulis saat kernel berhenti).
    (project.repo / "book" / "crash.md").write_text(page_text("crash", "z = 1"), "utf-8")
    again = project.build("-q")
    assert again.returncode == 0 and again.stderr == "", again.stderr[-3000:]
    second = {row[3] for row in (line.split() for line in project.log.read_text().splitlines()
                                 if line.startswith("mulai"))} - {row[3] for row in first}
    assert not quiet.exists()
    assert {p.name for p in logs.iterdir()} <= {f"kernel-{pid}.log" for pid in second}


def test_ctrl_c_ends_with_one_line_and_stops_kernels(tmp_path):
    project = Project.create(tmp_path, {"lama": page_text("lama", "time.sleep(120)"),
                                        "lama2": page_text("lama2", "time.sleep(120)")})
    proc = subprocess.Popen(project.command(), env=project.env(), cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)  # grup proses sendiri, seperti di terminal
    deadline = time.monotonic() + 120
    while len(project.started_pages()) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert len(project.started_pages()) == 2, "kedua halaman tidak pernah mulai"
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C di terminal: SIGINT ke grup proses
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.strip().splitlines() == [
        "Build dihentikan (Ctrl-C); halaman yang sudah selesai tersimpan di cache."]
    kernels = [int(line.split()[3]) for line in project.log.read_text().splitlines()
               if line.startswith("mulai")]
    deadline = time.monotonic() + 10
    alive = kernels
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [pid for pid in kernels if _alive(pid)]
    assert alive == [], "kernel halaman masih berjalan sesudah Ctrl-C"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # proses zombie sudah berhenti
        with open(f"/proc/{pid}/stat", encoding="utf-8") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _on_source_read(project, body: str) -> None:
    """Tambahkan ke conf.py proyek uji sebuah penangan ``source-read(app, docname, source)``
    dengan isi ``body`` (sudah berindentasi empat spasi)."""
    conf = project.repo / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + f'''

def _penangan_uji(app, docname, source):
{body.strip(chr(10))}


_setup_asli = setup


def setup(app):
    app.connect("source-read", _penangan_uji)
    return _setup_asli(app)
''', encoding="utf-8")


def test_double_execution_is_detected(tmp_path):
    """Bila kunci pra-eksekusi berbeda dari kunci myst-nb, build gagal di bawah -W.

    Ekstensi uji mengubah sel kode secara acak pada setiap ``source-read``, sehingga notebook
    yang dieksekusi terjadwal tidak pernah cocok dengan yang dibaca myst-nb.
    """
    project = Project.create(tmp_path, {"satu": page_text("satu", "z = 3")})
    _on_source_read(project, '''
    import uuid
    source[0] = source[0].replace("z = 3", f"z = 3  # {uuid.uuid4()}")
''')
    build = project.build("-q")
    assert build.returncode != 0
    assert "halaman 'satu' dieksekusi dua kali" in build.stderr
    assert "Laporkan ini sebagai bug" in build.stderr  # sumbernya sendiri tidak berubah
    assert project.started_pages() == ["satu", "satu"]


def test_page_edited_during_build_is_reported_as_an_edit(tmp_path):
    """Halaman yang disunting sesudah eksekusi terjadwal dieksekusi lagi oleh myst-nb; peringatannya
    menyebut suntingan itu, bukan bug ekstensi.

    Ekstensi uji menyunting berkas sumber sekali, pada ``source-read`` saat ekstensi build
    menyusun kunci notebook: yang dijadwalkan ``z = 3``, yang dibaca Sphinx ``z = 4``.
    """
    project = Project.create(tmp_path, {"satu": page_text("satu", "z = 3")})
    _on_source_read(project, '''
    from pathlib import Path
    path = Path(app.env.doc2path(docname))
    text = path.read_text(encoding="utf-8")
    if "z = 3" in text:
        path.write_text(text.replace("z = 3", "z = 4"), encoding="utf-8")
''')
    build = project.build("-q")
    assert build.returncode != 0
    assert "halaman 'satu' dieksekusi dua kali" in build.stderr
    assert "sumbernya berubah selama build" in build.stderr
    assert "Laporkan" not in build.stderr
    assert project.started_pages() == ["satu", "satu"]
