"""Ekstensi Sphinx yang menjalankan build buku *Bab 11*: jadwal, dependensi, galat, kemajuan.

Satu modul, didaftarkan di ``conf.py``, sehingga perintah build README
(``bash tools/build.sh``), build buku di tes, dan CI berperilaku sama. Isinya, sesuai urutan
sebuah build:

1. **Akar cache** (:func:`cache_root`). Semua cache build mengikuti folder keluaran — folder
   induk keluaran HTML, tempat myst-nb juga menaruh ``jupyter_execute`` (``_build`` untuk
   ``sphinx-build -M html book _build``) — atau ``CHAPTER11_CACHE_ROOT`` bila disetel: profil
   IPython kernel (``.ipython``), jupyter-cache (``.jupyter_cache``), cache paket
   (``.chapter11-cache``, bila ``CHAPTER11_CACHE_DIR`` tidak disetel), dan folder untuk
   ekstensi lain (:func:`cache_dir`, mis. katalog pesan terkompilasi). Checkout yang hanya
   bisa dibaca tetap dapat dibangun; tanpa tempat yang dapat ditulis, galatnya menyebut
   variabel yang harus disetel. Mengimpor ``conf.py`` tidak menulis apa pun.
2. **SQLite menunggu, bukan gagal.** Setiap koneksi SQLite yang dibuka lewat SQLAlchemy
   (jupyter-cache) mendapat ``PRAGMA busy_timeout`` lewat *event* ``connect`` publik
   SQLAlchemy — tanpa menambal pustaka mana pun.
3. **Sidik jari halaman.** Setiap halaman notebook mendapat sel tersembunyi berisi sidik jari
   semantik modul ``chapter11`` yang dipakainya (``chapter11._deps.fingerprint``), sehingga
   kunci jupyter-cache berubah tepat ketika makna kode itu berubah. Pada setiap build,
   *event* ``env-get-outdated`` menghitung ulang sidik jari itu: halaman yang modulnya
   berubah dibaca (dan dieksekusi) ulang; suntingan komentar atau docstring tidak
   mengeksekusi apa pun.
4. **Jadwal eksekusi.** Sebelum Sphinx membaca halaman (``env-before-read-docs``), halaman
   yang belum ada di jupyter-cache dieksekusi di sini, yang terpanjang dulu, sebanyak
   ``-j`` kernel sekaligus — bukan dalam potongan alfabetis Sphinx. Notebook dan
   konfigurasinya dibuat dengan fungsi myst-nb sendiri, dan eksekusinya lewat klien cache
   myst-nb, jadi kuncinya identik: saat Sphinx membaca halaman, myst-nb menemukannya di
   cache. Setiap halaman dieksekusi tepat sekali per build; bila myst-nb ternyata
   mengeksekusinya lagi, build memberi peringatan (gagal di bawah ``-W``).
5. **Kemajuan.** Halaman yang sedang dieksekusi, berapa yang tersisa, dan perkiraan waktu
   dari waktu halaman yang diharapkan (berkas kecil ``benchmarks/page_times.json`` yang
   diperbarui benchmark; halaman yang belum dikenal mendapat waktu bawaan). Satu baris yang
   diperbarui di terminal, baris biasa di log CI; di akhir build, waktu setiap halaman.
   Tampil di aliran status Sphinx; dengan ``-q`` hanya bila ``CHAPTER11_PROGRESS=1``
   (``tools/build.sh`` menyetelnya), sehingga build ``-q`` di tes tetap diam.
6. **Galat yang dapat ditindaklanjuti.** Halaman yang gagal dilaporkan di terminal dengan
   halaman, sel (nomor dan baris), kodenya, dan pesan pengecualian itu sendiri; traceback
   lengkap ada di ``<keluaran>/reports/<halaman>.err.log``. Keluaran tingkat C kernel
   (deskriptor 2) masuk ke ``.ipython/kernel-logs/kernel-<pid>.log``, bukan ke terminal:
   derau libzmq saat kernel berhenti tidak mengotori build, dan bila kernel crash, traceback
   *faulthandler*-nya dikutip dalam laporan galat. Ctrl-C mengakhiri build dengan satu baris
   dan menghentikan kernel yang sedang berjalan.
7. **Notebook hasil eksekusi.** myst-nb 1.4 menulis ``jupyter_execute/<halaman>.ipynb`` tanpa
   keluaran bila halaman diambil dari cache; notebook itu ditulis ulang lengkap dengan
   keluarannya.

Nilai konfigurasi (semuanya opsional):

``chapter11_page_times``
    Berkas JSON waktu halaman yang diharapkan, relatif terhadap folder ``conf.py``
    (bawaan ``"benchmarks/page_times.json"``).
``chapter11_default_page_seconds``
    Perkiraan untuk halaman yang belum pernah diukur (bawaan 60 detik).
``chapter11_execution_jobs``
    Banyak kernel sekaligus; ``0`` (bawaan) berarti satu lebih banyak daripada ``-j`` Sphinx
    bila ``-j`` lebih dari 1 (:func:`default_execution_jobs`), dan 1 bila tidak.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import shutil
import signal
import sqlite3
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from queue import Empty, Queue
from typing import Any

from sphinx.util import logging

from chapter11 import _deps
from chapter11.runtime import current_budget

__all__ = ["CACHE_ROOT_ENV", "SQLITE_BUSY_TIMEOUT_MS", "cache_root", "cache_dir",
           "install_sqlite_wait", "page_modules", "expected_page_times", "ideal_seconds",
           "default_execution_jobs",
           "schedule_longest_first", "setup"]

logger = logging.getLogger(__name__)

CACHE_ROOT_ENV = "CHAPTER11_CACHE_ROOT"
#: Dengan ``-q``, ``CHAPTER11_PROGRESS=1`` tetap menampilkan kemajuan eksekusi di stdout.
PROGRESS_ENV = "CHAPTER11_PROGRESS"
#: Berapa lama (milidetik) koneksi SQLite menunggu kunci basis data sebelum menyerah.
SQLITE_BUSY_TIMEOUT_MS = 120_000
_KERNEL_CONFIG = '''\
# Dibuat oleh book/_ext/chapter11_build.py untuk kernel halaman buku.
import errno as _errno
import logging as _logging

# Tanpa log kernel ("running over TCP without encryption") dan tanpa riwayat (dua kernel
# sekaligus tidak berebut berkas history.sqlite).
c.IPKernelApp.log_level = "ERROR"
c.HistoryManager.enabled = False


class _ShutdownRace(_logging.Filter):
    # Satu derau yang dikenal: saat kernel berhenti, thread kontrol ipykernel kadang masih
    # menyentuh soket yang baru saja ditutup (ZMQError ENOTSOCK). Galat lain tetap tampil.
    def filter(self, record):
        exc = record.exc_info[1] if record.exc_info else None
        return not (getattr(exc, "errno", None) == _errno.ENOTSOCK
                    and "ZMQStream callback" in record.getMessage())


_logging.getLogger("tornado.general").addFilter(_ShutdownRace())


def _stderr_to_log():
    # Keluaran tingkat C kernel (deskriptor 2) ke berkas log per kernel, bukan ke terminal
    # build. Saat kernel berhenti, libzmq kadang menulis "Assertion failed: pfd.revents &
    # POLLIN (src/signaler.cpp)" (balapan penutupan soket yang sama); hasil halaman sudah
    # tersimpan saat itu. Bila kernel mati di tengah halaman, build menampilkan log ini;
    # faulthandler menulis ke sana juga (ipykernel mengalihkan deskriptor 2 ke pipa yang tidak
    # lagi dibaca saat proses mati), jadi traceback kernel yang crash ikut terbaca.
    import atexit
    import faulthandler
    import os

    folder = os.path.join(os.path.dirname(os.path.dirname(__file__)), "kernel-logs")
    try:
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, f"kernel-{os.getpid()}.log")
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND, 0o644)
    except OSError:
        return  # tanpa tempat menulis: stderr tetap ke terminal
    os.dup2(fd, 2)
    os.close(fd)
    faulthandler.enable(file=open(path, "a", encoding="utf-8"), all_threads=True)

    def _remove_if_empty():
        try:
            if os.path.getsize(path) == 0:
                os.remove(path)
        except OSError:
            pass

    atexit.register(_remove_if_empty)


_stderr_to_log()
'''
#: Folder (di bawah profil IPython kernel) berisi ``kernel-<pid>.log``: stderr tingkat C kernel.
KERNEL_LOGS = "kernel-logs"


# =========================================================================================
# 1. Akar cache
# =========================================================================================

def _writable(folder: Path) -> OSError | None:
    """``None`` bila ``folder`` dapat dibuat dan ditulisi, selain itu galatnya."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".tulis-", suffix=".tmp")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        return exc
    return None


def cache_root(app) -> Path:
    """Folder akar semua cache build, dibuat bila belum ada.

    ``CHAPTER11_CACHE_ROOT`` bila disetel; selain itu folder induk keluaran HTML (``_build``
    untuk ``sphinx-build -M html book _build``; ``X`` untuk ``-b html book X/html``), tempat
    myst-nb juga menaruh ``jupyter_execute``. Dapat dipanggil sejak ``setup(app)`` ekstensi
    mana pun (``app.outdir`` sudah diketahui); hasilnya sama sepanjang build.

    Raises:
        sphinx.errors.ConfigError: bila folder itu tidak dapat dibuat atau ditulisi; pesannya
            menyebut ``CHAPTER11_CACHE_ROOT``.
    """
    from sphinx.errors import ConfigError

    known = getattr(app, "_chapter11_cache_root", None)
    if known is not None:
        return known
    value = os.environ.get(CACHE_ROOT_ENV, "").strip()
    if value:
        root = Path(value).expanduser().absolute()
        origin = f"{CACHE_ROOT_ENV}={value!r}"
    else:
        root = Path(app.outdir).resolve().parent
        origin = (f"folder induk keluaran HTML {str(app.outdir)!r} ({CACHE_ROOT_ENV} tidak "
                  f"disetel)")
    problem = _writable(root)
    if problem is not None:
        raise ConfigError(
            f"Folder cache build {str(root)!r} tidak dapat ditulis "
            f"({problem.strerror or problem}). "
            f"Setel variabel lingkungan {CACHE_ROOT_ENV} ke folder yang dapat ditulis, "
            f"misalnya {CACHE_ROOT_ENV}=/tmp/bab11-cache. Diterima: {origin}."
        )
    app._chapter11_cache_root = root
    return root


def cache_dir(app, name: str) -> Path:
    """Subfolder ``name`` di :func:`cache_root` (dibuat bila belum ada), untuk ekstensi lain.

    Contoh: katalog pesan terkompilasi ``cache_dir(app, "locale")``.
    """
    if not name or Path(name).is_absolute() or ".." in Path(name).parts:
        raise ValueError(f"Argumen `name` harus nama subfolder relatif tanpa '..'. "
                         f"Diterima: name={name!r}.")
    folder = cache_root(app) / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _write_if_changed(path: Path, text: str) -> None:
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _prepare_environment(app, config) -> None:
    """``config-inited``: arahkan cache kernel, paket, dan jupyter-cache ke akar cache.

    Variabel lingkungan yang disetel di sini diwarisi kernel yang mengeksekusi halaman.
    """
    from sphinx.errors import ConfigError

    try:
        root = cache_root(app)
    except ConfigError as exc:  # pesan yang jelas, tanpa laporan crash Sphinx
        _abort(str(exc), status=2)
    os.environ.setdefault("CHAPTER11_CACHE_DIR", str(root / ".chapter11-cache"))
    # Profil IPython tersendiri: skrip startup pengguna tidak ikut mengubah hasil, dan log
    # kernel ("running over TCP without encryption") tidak mengotori log build.
    ipython_dir = root / ".ipython"
    _write_if_changed(ipython_dir / "profile_default" / "ipython_kernel_config.py",
                      _KERNEL_CONFIG)
    os.environ["IPYTHONDIR"] = str(ipython_dir)
    if not config.nb_execution_cache_path:
        config.nb_execution_cache_path = str(root / ".jupyter_cache")


# =========================================================================================
# 2. SQLite menunggu kunci (jupyter-cache di bawah -j)
# =========================================================================================

def _sqlite_busy_timeout(dbapi_connection, connection_record) -> None:
    """Pendengar *event* ``connect`` SQLAlchemy: koneksi SQLite menunggu kunci, tidak gagal."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        finally:
            cursor.close()


def install_sqlite_wait() -> None:
    """Pasang :func:`_sqlite_busy_timeout` untuk semua *engine* SQLAlchemy (sekali per proses).

    Proses pekerja ``-j`` Sphinx (hasil *fork*) mewarisinya.
    """
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    if not event.contains(Engine, "connect", _sqlite_busy_timeout):
        event.listen(Engine, "connect", _sqlite_busy_timeout)


def _prepare_jupyter_cache(app) -> None:
    """``builder-inited``: buat basis data jupyter-cache sebelum fase paralel.

    Di bawah ``-j`` beberapa proses yang membuat tabel bersamaan gagal ("table … already
    exists"); di sini tabel dibuat sekali, di proses utama.
    """
    if not _executes_with_cache(app):
        return
    from jupyter_cache import get_cache

    path = Path(app.env.mystnb_config.execution_cache_path)
    path.mkdir(parents=True, exist_ok=True)
    get_cache(path).db  # noqa: B018  (membuat tabel sekarang)


def _executes_with_cache(app) -> bool:
    config = getattr(app.env, "mystnb_config", None)
    return config is not None and config.execution_mode == "cache"


# =========================================================================================
# 3. Sidik jari halaman dan dependensi pada chapter11
# =========================================================================================

_CELL_RE = re.compile(r"^```\{code-cell\}[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
_FINGERPRINT_CELL = """

```{{code-cell}} ipython3
:tags: [remove-cell]

# Sidik jari dependensi halaman ini (disisipkan oleh book/_ext/chapter11_build.py):
# anggaran={budget}, chapter11={fingerprint}. Bila makna modul chapter11 yang dipakai
# halaman ini berubah, sidik jari berubah dan halaman ini dieksekusi ulang.
```
"""


def _is_text_notebook(text: str) -> bool:
    """Apakah ``text`` halaman MyST yang dieksekusi (``file_format: mystnb`` di front matter)."""
    if not text.startswith("---"):
        return False
    return "file_format: mystnb" in text.split("\n---", 1)[0]


def _cell_code(body: str) -> str:
    """Sumber Python sel kode MyST tanpa opsinya (blok YAML ``---`` atau baris ``:kunci:``)."""
    lines = body.splitlines()
    if lines and lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), 0)
        lines = lines[end + 1:]
    while lines and lines[0].startswith(":"):
        lines = lines[1:]
    return "\n".join(lines)


def page_modules(text: str) -> set[str]:
    """Modul ``chapter11`` yang diimpor sel-sel kode halaman MyST ``text`` (kosong bila tidak ada).

    Example:
        >>> page = "---\\nfile_format: mystnb\\n---\\n```{code-cell} ipython3\\n" \\
        ...        ":tags: [remove-cell]\\nfrom chapter11 import formatting\\n```\\n"
        >>> sorted(page_modules(page))
        ['chapter11', 'chapter11.formatting']
    """
    if not _is_text_notebook(text):
        return set()
    code = "\n".join(_cell_code(body) for body in _CELL_RE.findall(text))
    return _deps.modules_in_source(code)


def _page_deps(env) -> dict[str, tuple[tuple[str, ...], str]]:
    """``docname → (modul yang diimpor halaman, sidik jari)``, disimpan di lingkungan Sphinx."""
    if not hasattr(env, "chapter11_page_deps"):
        env.chapter11_page_deps = {}
    return env.chapter11_page_deps


def _budget_name() -> str:
    return current_budget().name


def _inject_fingerprint(app, docname: str, source: list[str]) -> None:
    """``source-read``: tambahkan sel tersembunyi berisi sidik jari modul yang dipakai halaman.

    jupyter-cache mengenali halaman hanya dari sumber sel kodenya; sel ini membuat makna
    modul yang diimpor halaman (dan anggaran serta versi pustaka) ikut menjadi kunci cache.
    """
    modules = page_modules(source[0])
    deps = _page_deps(app.env)
    if not modules:
        deps.pop(docname, None)
        return
    budget = _budget_name()
    fingerprint = _deps.fingerprint(modules, extra=budget)
    deps[docname] = (tuple(sorted(modules)), fingerprint)
    source[0] = source[0].rstrip("\n") + _FINGERPRINT_CELL.format(budget=budget,
                                                                 fingerprint=fingerprint)


def _outdated_by_code(app, env, added, changed, removed) -> list[str]:
    """``env-get-outdated``: halaman yang modul ``chapter11``-nya berubah makna sejak dibaca."""
    budget = _budget_name()
    stale = []
    for docname, (modules, fingerprint) in sorted(_page_deps(env).items()):
        if docname in added or docname in changed or docname in removed:
            continue
        if _deps.fingerprint(modules, extra=budget) != fingerprint:
            stale.append(docname)
    if stale:
        _say(app, f"[chapter11] kode yang dipakai halaman berikut berubah; dibaca ulang: "
                  f"{', '.join(stale)}")
    return stale


def _purge_page_deps(app, env, docname: str) -> None:
    _page_deps(env).pop(docname, None)


def _merge_page_deps(app, env, docnames: Iterable[str], other) -> None:
    theirs = _page_deps(other)
    mine = _page_deps(env)
    for docname in docnames:
        if docname in theirs:
            mine[docname] = theirs[docname]


# =========================================================================================
# 4. Waktu halaman yang diharapkan dan jadwal terpanjang-dulu
# =========================================================================================

def expected_page_times(path: Path, budget: str) -> dict[str, float]:
    """Waktu eksekusi yang diharapkan (detik) per halaman dari berkas JSON ``path``.

    Format berkas: ``{"fast": {"halaman": detik, ...}, "full": {...}}`` (kunci yang diawali
    ``_`` adalah keterangan). Berkas yang tidak ada atau rusak memberi ``{}``.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        times = data.get(budget, {})
        return {str(k): float(v) for k, v in times.items()
                if not str(k).startswith("_") and float(v) > 0}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}


def _previous_times(cache) -> dict[str, float]:
    """Waktu eksekusi terakhir per halaman yang tercatat di jupyter-cache mesin ini."""
    latest: dict[str, tuple[Any, float]] = {}
    try:
        records = cache.list_cache_records()
    except Exception:  # basis data lama atau rusak: hanya perkiraan yang hilang
        return {}
    for record in records:
        seconds = (record.data or {}).get("execution_seconds")
        if seconds is None:
            continue
        page = Path(record.uri).stem
        if page not in latest or record.created > latest[page][0]:
            latest[page] = (record.created, float(seconds))
    return {page: seconds for page, (_, seconds) in latest.items()}


def schedule_longest_first(times: dict[str, float], workers: int) -> dict[str, Any]:
    """Simulasikan jadwal terpanjang-dulu (LPT) ``times`` di ``workers`` pekerja.

    Returns:
        ``{"makespan": detik, "order": [halaman...], "lanes": [[halaman...], ...]}``.

    Example:
        >>> plan = schedule_longest_first({"a": 57, "b": 38, "c": 25, "d": 11}, 2)
        >>> plan["order"], plan["makespan"]
        (['a', 'b', 'c', 'd'], 68.0)
    """
    order = sorted(times, key=lambda page: (-times[page], page))
    lanes: list[list[str]] = [[] for _ in range(max(1, workers))]
    loads = [0.0] * len(lanes)
    for page in order:
        lane = loads.index(min(loads))
        lanes[lane].append(page)
        loads[lane] += times[page]
    return {"makespan": max(loads) if order else 0.0, "order": order, "lanes": lanes}


def ideal_seconds(times: Iterable[float], lanes: int) -> float:
    """Batas bawah waktu eksekusi: ``max(halaman terpanjang, jumlah waktu / banyak kernel)``.

    ``times`` diukur dengan ``lanes`` kernel sekaligus (jadi sudah memuat perebutan CPU bila
    kernelnya lebih banyak daripada inti); jadwal apa pun dengan ``lanes`` kernel tidak dapat
    selesai lebih cepat.

    Example:
        >>> ideal_seconds([57, 38, 25, 11], 2)
        65.5
    """
    times = list(times)
    return max(max(times, default=0.0), sum(times) / max(1, lanes))


def default_execution_jobs(parallel: int) -> int:
    """Banyak kernel sekaligus bila ``chapter11_execution_jobs`` tidak disetel: ``-j`` + 1.

    Setiap kernel memakai satu thread TensorFlow, tetapi tidak menyibukkan satu inti penuh
    (ia juga menunggu: thread lain, pesan kernel; penyebab pastinya tidak diukur). Di CPU dua
    inti dengan dua kernel, ``vmstat`` mencatat rata-rata ≈ 14 % waktu CPU menganggur selama
    eksekusi; dengan tiga kernel ≈ 2 %, dan build bersih ≈ 9 % lebih singkat (median dua build
    masing-masing, ``benchmarks/results/README.md``). Angkanya tidak berubah: satu thread per
    kernel, berapa pun kernelnya. ``-j 1`` tetap satu kernel (build berurutan untuk mencari
    galat).

    Example:
        >>> default_execution_jobs(2), default_execution_jobs(1)
        (3, 1)
    """
    return parallel + 1 if parallel > 1 else 1


# =========================================================================================
# 5. Tampilan waktu dan kemajuan (bahasa Indonesia)
# =========================================================================================

def _duration(seconds: float) -> str:
    """``42 dtk`` atau ``3 mnt 05 dtk``."""
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return f"{seconds} dtk"
    return f"{seconds // 60} mnt {seconds % 60:02d} dtk"


def _seconds(value: float) -> str:
    """``61,2 dtk`` (koma desimal)."""
    return f"{value:.1f}".replace(".", ",") + " dtk"


def _progress_stream(app):
    """Aliran keluaran kemajuan: aliran status Sphinx, atau stdout bila ``-q`` dan
    ``CHAPTER11_PROGRESS=1`` (``tools/build.sh``); ``None`` bila kemajuan tidak ditampilkan."""
    if not app.quiet:
        return getattr(app, "_status", None) or sys.stdout
    if os.environ.get(PROGRESS_ENV, "").strip() not in ("", "0"):
        return sys.stdout
    return None


def _say(app, text: str, *, nonl: bool = False) -> None:
    """Tulis ``text`` sebagai informasi build (lihat :func:`_progress_stream`)."""
    if not app.quiet:
        logger.info(text, nonl=nonl)
    elif _progress_stream(app) is not None:
        sys.stdout.write(text if nonl else text + "\n")
        sys.stdout.flush()


class _Progress:
    """Laporan kemajuan eksekusi: satu baris yang diperbarui di terminal, baris biasa di log."""

    HEARTBEAT = 60.0  # detik antarbaris "masih berjalan" di log non-terminal

    def __init__(self, app, total: int, jobs: int):
        stream = _progress_stream(app)
        self.app = app
        self.total = total
        self.jobs = jobs
        self.done = 0
        self.interactive = (stream is not None and hasattr(stream, "isatty") and stream.isatty()
                            and os.environ.get("TERM", "") != "dumb")
        self.last_heartbeat = time.monotonic()
        self.line_shown = False
        self.completed: list[_Page] = []

    def _width(self) -> int:
        return max(40, shutil.get_terminal_size((100, 20)).columns - 1)

    def pace(self) -> float:
        """Seberapa lambat mesin ini dibanding waktu yang diharapkan: jumlah waktu nyata dibagi
        jumlah waktu harapan halaman yang sudah selesai (1 bila belum ada)."""
        expected = sum(page.expected for page in self.completed)
        actual = sum(page.seconds for page in self.completed)
        return actual / expected if expected > 0 and actual > 0 else 1.0

    def remaining(self, running: list[_Page], queued: list[_Page]) -> float:
        """Perkiraan sisa waktu: jadwal LPT atas sisa waktu halaman berjalan dan yang antre,
        dengan waktu harapan dikalikan :meth:`pace`."""
        now, pace = time.monotonic(), self.pace()
        lanes = sorted(max(pace * page.expected - (now - page.started),
                           0.05 * pace * page.expected) for page in running)
        lanes += [0.0] * (self.jobs - len(lanes))
        for page in sorted(queued, key=lambda p: -p.expected):
            lanes.sort()
            lanes[0] += pace * page.expected
        return max(lanes, default=0.0)

    def update(self, running: list[_Page], queued: list[_Page]) -> None:
        """Perbarui baris kemajuan (terminal) atau tulis detak "masih berjalan" (log)."""
        now = time.monotonic()
        if self.interactive:
            parts = [f"{page.docname} {_duration(now - page.started)}/≈{_duration(page.expected)}"
                     for page in running]
            text = (f"[eksekusi] {self.done}/{self.total} selesai · berjalan: "
                    f"{', '.join(parts) or '-'} · {len(queued)} antre · sisa ≈ "
                    f"{_duration(self.remaining(running, queued))}")
            _say(self.app, "\r" + text[: self._width()].ljust(self._width()), nonl=True)
            self.line_shown = True
        elif now - self.last_heartbeat >= self.HEARTBEAT and running:
            self.last_heartbeat = now
            parts = [f"{page.docname} ({_duration(now - page.started)})" for page in running]
            _say(self.app, f"[eksekusi] masih berjalan: {', '.join(parts)}; {len(queued)} antre")

    def _clear(self) -> None:
        if self.line_shown:
            _say(self.app, "\r" + " " * self._width() + "\r", nonl=True)
            self.line_shown = False

    def started(self, page: _Page, running, queued) -> None:
        if self.interactive:
            self.update(running, queued)
        else:
            _say(self.app, f"[eksekusi] mulai {page.docname} (perkiraan "
                           f"{_duration(page.expected)})")

    def finished(self, page: _Page, running, queued) -> None:
        self.done += 1
        if page.error is None:
            self.completed.append(page)
        verdict = "gagal setelah" if page.error is not None else "selesai dalam"
        text = (f"[eksekusi] {self.done}/{self.total} {page.docname} {verdict} "
                f"{_seconds(page.seconds)}")
        if queued or running:
            text += f" — sisa ≈ {_duration(self.remaining(running, queued))}"
        self._clear()
        _say(self.app, text)
        if self.interactive and (running or queued):
            self.update(running, queued)

    def close(self) -> None:
        self._clear()


# =========================================================================================
# 6. Eksekusi halaman (sebelum Sphinx membacanya)
# =========================================================================================

@dataclass(eq=False)
class _Page:
    """Satu halaman yang dieksekusi (atau diambil dari cache) pada build ini."""

    docname: str
    path: Path
    notebook: Any  # nbformat.NotebookNode, dieksekusi di tempat oleh myst-nb
    key_notebook: Any  # salinan sebelum eksekusi: kunci jupyter-cache
    nb_config: Any
    read_fmt: dict | None
    expected: float = 0.0
    started: float = 0.0
    seconds: float = 0.0
    error: BaseException | None = None
    messages: list[str] = field(default_factory=list)
    source_digest: str = ""  # sidik berkas sumber saat dijadwalkan (untuk _check_executed_once)


class _ClientLogger:
    """Logger untuk klien myst-nb di thread pekerja: menyimpan pesan, tidak mencetaknya."""

    def __init__(self, page: _Page):
        self.page = page

    def _keep(self, msg, *args, **kwargs):
        self.page.messages.append(str(msg) % args if args else str(msg))

    warning = error = critical = _keep

    def debug(self, msg, *args, **kwargs):
        pass

    info = debug


def _notebook_for(app, env, docname: str):
    """Notebook dan konfigurasi myst-nb untuk ``docname``, dibuat persis seperti parser myst-nb.

    Mengembalikan ``None`` bila halaman tidak dieksekusi dengan mode ``cache``.
    """
    from myst_nb.core.nb_to_tokens import nb_node_to_dict
    from myst_nb.core.read import create_nb_reader

    path = Path(env.doc2path(docname))
    if not path.is_file():
        return None
    raw = path.read_bytes()
    content = raw.decode(env.settings["input_encoding"])
    # Event source-read dijalankan seperti saat Sphinx membaca halaman (sel sidik jari ikut).
    saved = env.current_document
    env.prepare_settings(docname)
    try:
        arg = [content]
        app.events.emit("source-read", docname, arg)
        content = arg[0]
    finally:
        env.current_document = saved
    nb_config = env.mystnb_config
    reader = create_nb_reader(str(path), env.myst_config, nb_config, content)
    if reader is None:
        return None
    notebook = reader.read(content)
    kernel_name = notebook.metadata.get("kernelspec", {}).get("name", None)
    if kernel_name is not None and nb_config.kernel_rgx_aliases:
        for pattern, alias in nb_config.kernel_rgx_aliases.items():
            if re.fullmatch(pattern, kernel_name):
                notebook.metadata["kernelspec"]["name"] = alias
                break
    if nb_config.metadata_key in notebook.metadata:
        overrides = nb_node_to_dict(notebook.metadata[nb_config.metadata_key])
        overrides.pop("output_folder", None)
        try:
            nb_config = nb_config.copy(**overrides)
        except Exception:  # myst-nb sendiri akan melaporkannya saat membaca halaman
            return None
    if nb_config.execution_mode != "cache":
        return None
    if any(Path(path.as_posix()).match(p) for p in nb_config.execution_excludepatterns):
        return None
    return _Page(docname=docname, path=path, notebook=notebook,
                 key_notebook=copy.deepcopy(notebook), nb_config=nb_config,
                 read_fmt=reader.read_fmt, source_digest=hashlib.sha256(raw).hexdigest())


def _execute(page: _Page, done: Queue) -> None:
    """Thread pekerja: eksekusi ``page`` lewat klien cache myst-nb (kunci dan simpan identik)."""
    from myst_nb.core.execute import create_client

    try:
        client = create_client(page.notebook, str(page.path), page.nb_config,
                               _ClientLogger(page), page.read_fmt)
        with client:
            pass
        metadata = client.exec_metadata or {}
        if not metadata.get("succeeded", True):
            page.error = RuntimeError(metadata.get("error") or "eksekusi gagal")
    except BaseException as exc:  # noqa: BLE001  (dilaporkan di thread utama)
        page.error = exc
    finally:
        page.seconds = time.monotonic() - page.started
        done.put(page)


def _kernel_children() -> list[int]:
    """PID proses kernel (ipykernel) yang merupakan anak langsung proses ini (Linux)."""
    me, found = os.getpid(), []
    try:
        entries = os.listdir("/proc")
    except OSError:
        return found
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as handle:
                stat = handle.read()
            with open(f"/proc/{entry}/cmdline", "rb") as handle:
                cmdline = handle.read()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == me and b"ipykernel" in cmdline:
            found.append(int(entry))
    return found


def _interrupted(progress: _Progress | None) -> None:
    """Ctrl-C saat eksekusi: hentikan kernel, cetak satu baris, keluar (status 130).

    Kernel berjalan di sesi prosesnya sendiri (jupyter-client), jadi Ctrl-C di terminal tidak
    sampai kepadanya; di sini kernel dihentikan dengan SIGTERM. Proses keluar dengan
    ``os._exit``: thread klien yang kernelnya baru dihentikan tidak sempat mencetak traceback
    ZMQ. Hasil jupyter-cache yang sudah tersimpan utuh (transaksi SQLite).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C kedua tidak memotong pesan ini
    for pid in _kernel_children():
        try:
            os.kill(pid, signal.SIGTERM)
        except OSError:
            pass
    if progress is not None:
        progress.close()
    sys.stdout.flush()
    sys.stderr.write("\nBuild dihentikan (Ctrl-C); halaman yang sudah selesai tersimpan di "
                     "cache.\n")
    sys.stderr.flush()
    os._exit(130)


def _abort(message: str, status: int = 1) -> None:
    """Hentikan build dengan ``message`` saja (tanpa laporan crash Sphinx)."""
    sys.stdout.flush()
    sys.stderr.write(f"\n{message}\n")
    sys.stderr.flush()
    raise SystemExit(status)


_ANSI_RE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def _failure(page: _Page) -> tuple[int | None, str]:
    """(baris sumber, uraian Indonesia) kegagalan ``page``: sel, kodenya, pesan pengecualian."""
    exc = page.error
    cause = exc.__cause__ if exc is not None and exc.__cause__ is not None else exc
    name = type(cause).__name__ if cause is not None else "Error"
    message = _ANSI_RE.sub("", str(cause)).strip() if cause is not None else ""
    if name == "CellTimeoutError":
        # Sel yang dihentikan karena waktunya habis menyimpan KeyboardInterrupt sebagai
        # keluaran galat; yang perlu dibaca pengguna adalah batas waktunya.
        message = (f"sebuah sel tidak selesai dalam {page.nb_config.execution_timeout} detik "
                   f"(nb_execution_timeout). {message.splitlines()[0] if message else ''}")
    elif name == "DeadKernelError":
        message = f"kernel Python berhenti mendadak (kehabisan memori?). {message}"
    source_map = page.notebook.metadata.get("source_map") or []
    for index, cell in enumerate(page.notebook.cells):
        if cell.get("cell_type") != "code":
            continue
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if not errors:
            continue
        line = source_map[index] + 1 if index < len(source_map) else None
        number = sum(1 for c in page.notebook.cells[: index + 1] if c.get("cell_type") == "code")
        code = cell.get("source", "")
        code_lines = code.splitlines()
        shown = code_lines[:12] + (["..."] if len(code_lines) > 12 else [])
        where = f"sel kode ke-{number}" + (f" (baris {line})" if line else "")
        reason = (f"{name}: {message}" if name in ("CellTimeoutError", "DeadKernelError")
                  else f"{errors[0].get('ename', 'Error')}: {errors[0].get('evalue', '')}")
        text = (f"halaman '{page.docname}' gagal dieksekusi di {where}:\n"
                + "\n".join(f"    | {row}" for row in shown) + f"\n  {reason}")
        return line, text
    return None, f"halaman '{page.docname}' gagal dieksekusi:\n  {name}: {message}"


def _kernel_logs() -> Path | None:
    """Folder log stderr kernel (lihat ``_KERNEL_CONFIG``), atau ``None`` tanpa profil kita."""
    ipython_dir = os.environ.get("IPYTHONDIR")
    return Path(ipython_dir) / KERNEL_LOGS if ipython_dir else None


def _prune_kernel_logs(*, empty_only: bool = False) -> None:
    """Hapus log kernel yang prosesnya sudah tidak ada (``empty_only``: hanya yang kosong).

    Kernel menghapus log kosongnya sendiri saat keluar, tetapi kernel yang dihentikan
    jupyter-client tanpa sempat menjalankan ``atexit`` meninggalkannya.
    """
    folder = _kernel_logs()
    if folder is None or not folder.is_dir():
        return
    for path in folder.glob("kernel-*.log"):
        try:
            os.kill(int(path.stem.split("-", 1)[1]), 0)
        except ValueError:
            continue
        except ProcessLookupError:
            try:
                if not empty_only or path.stat().st_size == 0:
                    path.unlink(missing_ok=True)
            except OSError:
                continue
        except OSError:
            continue


def _fatal_summary(text: str, lines: int) -> list[str]:
    """Baris "Fatal Python error" dan tumpukan thread yang crash sampai sel notebook-nya."""
    rows = text[text.index("Fatal Python error"):].splitlines()
    summary = rows[:1]
    start = next((i for i, r in enumerate(rows) if r.startswith("Current thread")), None)
    if start is not None:
        block = []
        for row in rows[start:start + lines]:
            if not row.strip():
                break
            block.append(row)
            if "/ipykernel_" in row:  # bingkai sel halaman: yang sesudahnya mesin ipykernel
                break
        summary += block
    return summary


def _kernel_log_excerpt(page: _Page, lines: int = 12) -> str:
    """Traceback *faulthandler* kernel yang crash selama ``page`` berjalan, bila ada.

    Log kernel tidak menyebut halamannya; log yang berisi "Fatal Python error" pasti milik
    kernel yang mati, jadi hanya log itu yang dikutip. Selain itu folder log disebut saja.
    """
    folder = _kernel_logs()
    if folder is None or not folder.is_dir() or not page.started:
        return ""
    since = time.time() - (time.monotonic() - page.started) - 1.0
    parts, others = [], False
    for path in sorted(folder.glob("kernel-*.log")):
        try:
            if path.stat().st_mtime < since:
                continue
            text = path.read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            continue
        if "Fatal Python error" in text:
            rows = _fatal_summary(text, lines)
            parts.append(f"  stderr kernel ({path}):\n" + "\n".join(f"    | {r}" for r in rows))
        elif text:
            others = True
    if others and not parts:
        parts.append(f"  Keluaran stderr kernel: {folder}/kernel-<pid>.log")
    return "\n".join(parts)


def _report_failure(app, page: _Page, *, fatal: bool) -> str:
    """Uraikan kegagalan ``page`` dan simpan traceback lengkapnya di ``<keluaran>/reports``.

    Bila ``fatal`` (``nb_execution_raise_on_error``), uraiannya dikembalikan untuk dicetak
    saat build dihentikan; selain itu dilaporkan sebagai peringatan Sphinx.
    """
    import traceback

    line, text = _failure(page)
    if line is None:  # tanpa keluaran galat di sel (kernel mati, batas waktu): lihat stderr
        excerpt = _kernel_log_excerpt(page)
        if excerpt:
            text += "\n" + excerpt
    reports = Path(app.outdir) / "reports" / (page.docname + ".err.log")
    try:
        reports.parent.mkdir(parents=True, exist_ok=True)
        details = "".join(traceback.format_exception(page.error))
        reports.write_text(_ANSI_RE.sub("", details + "\n".join(page.messages)),
                           encoding="utf-8")
        text += f"\n  Traceback lengkap: {reports}"
    except OSError:
        pass
    if not fatal:
        location = (page.docname, line) if line else page.docname
        logger.warning(text, location=location, type="chapter11", subtype="execution")
    where = f"{page.path}:{line}" if line else str(page.path)
    return f"{where}: GALAT: {text}"


def _execute_pages(app, env, docnames: list[str]) -> None:
    """``env-before-read-docs``: eksekusi halaman yang belum ada di cache, terpanjang dulu."""
    state = _build_state(app)
    if not _executes_with_cache(app) or not docnames:
        return
    from jupyter_cache import get_cache

    cache = get_cache(env.mystnb_config.execution_cache_path)
    pages = [page for page in (_notebook_for(app, env, d) for d in docnames) if page]
    state["sources"].update({page.docname: (page.path, page.source_digest) for page in pages})
    pending: list[_Page] = []
    for page in pages:
        try:
            record = cache.match_cache_notebook(page.key_notebook)
        except KeyError:
            pending.append(page)
        else:
            state["from_cache"][page.docname] = record.created.timestamp()
            state["notebooks"][page.docname] = page.key_notebook
    if not pending:
        if pages:
            _say(app, f"[eksekusi] {len(pages)} halaman diambil dari jupyter-cache; tidak ada "
                      f"yang perlu dieksekusi.")
        return

    budget = _budget_name()
    committed = expected_page_times(Path(app.confdir) / app.config.chapter11_page_times, budget)
    previous = _previous_times(cache)
    default = float(app.config.chapter11_default_page_seconds)
    for page in pending:
        page.expected = previous.get(page.docname) or committed.get(page.docname) or default
    jobs = (int(app.config.chapter11_execution_jobs or 0)
            or default_execution_jobs(max(1, int(app.parallel or 1))))
    jobs = max(1, min(jobs, len(pending)))
    queued = sorted(pending, key=lambda p: (-p.expected, p.docname))
    plan = schedule_longest_first({p.docname: p.expected for p in queued}, jobs)
    _say(app, f"[eksekusi] {len(queued)} halaman dieksekusi, {jobs} sekaligus, terpanjang dulu "
              f"(perkiraan ≈ {_duration(plan['makespan'])}): "
              f"{', '.join(p.docname for p in queued)}")
    if len(pages) > len(pending):
        _say(app, f"[eksekusi] {len(pages) - len(pending)} halaman lain diambil dari "
                  f"jupyter-cache.")

    _prune_kernel_logs()
    progress = _Progress(app, len(queued), jobs)
    done: Queue = Queue()
    running: list[_Page] = []
    finished: list[_Page] = []
    wall_start = time.monotonic()
    try:
        while queued or running:
            while queued and len(running) < jobs:
                page = queued.pop(0)
                page.started = time.monotonic()
                thread = threading.Thread(target=_execute, args=(page, done), daemon=True,
                                          name=f"chapter11-eksekusi-{page.docname}")
                running.append(page)
                thread.start()
                progress.started(page, running, queued)
            try:
                page = done.get(timeout=1.0)
            except Empty:
                progress.update(running, queued)
                continue
            running.remove(page)
            finished.append(page)
            progress.finished(page, running, queued)
    except KeyboardInterrupt:
        _interrupted(progress)
    progress.close()
    _prune_kernel_logs(empty_only=True)
    wall = time.monotonic() - wall_start

    failed = [page for page in finished if page.error is not None]
    for page in finished:
        if page.error is None:
            try:
                record = cache.match_cache_notebook(page.key_notebook)
            except KeyError:
                continue
            state["executed"][page.docname] = record.created.timestamp()
            state["notebooks"][page.docname] = page.key_notebook
        state["seconds"][page.docname] = page.seconds
    state["wall"] = wall
    state["jobs"] = jobs
    _write_report(app, state, [p for p in finished if p.error is None])
    fatal = bool(env.mystnb_config.execution_raise_on_error)
    reports = [_report_failure(app, page, fatal=fatal) for page in failed]
    if failed and fatal:
        _abort("\n\n".join(reports) + f"\n\nBuild dihentikan: {len(failed)} halaman gagal "
               f"dieksekusi ({', '.join(p.docname for p in failed)}).")


def _build_state(app) -> dict[str, Any]:
    if not hasattr(app, "_chapter11_state"):
        app._chapter11_state = {"executed": {}, "from_cache": {}, "notebooks": {},
                                "sources": {}, "seconds": {}, "wall": 0.0, "jobs": 1}
    return app._chapter11_state


def _write_report(app, state, succeeded: list[_Page]) -> None:
    """Tulis ``<akar cache>/chapter11-build/execution.json`` untuk benchmark."""
    seconds = {p.docname: round(p.seconds, 3) for p in succeeded}
    report = {
        "budget": _budget_name(),
        "jobs": state["jobs"],
        "cores": os.cpu_count() or 1,
        "wall_seconds": round(state["wall"], 3),
        "page_seconds": seconds,
        "ideal_seconds": round(ideal_seconds(seconds.values(), state["jobs"]), 3),
    }
    try:
        path = cache_dir(app, "chapter11-build") / "execution.json"
        path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    except (OSError, ValueError):
        pass


# =========================================================================================
# 7. Pemeriksaan akhir: tepat sekali, dan ringkasan waktu
# =========================================================================================

def _check_executed_once(app, env) -> None:
    """``env-updated``: myst-nb tidak boleh mengeksekusi lagi halaman yang sudah ditangani."""
    from myst_nb.sphinx_ import NbMetadataCollector

    state = _build_state(app)
    expected = {**state["from_cache"], **state["executed"]}
    for docname, mtime in sorted(expected.items()):
        data = NbMetadataCollector.get_exec_data(env, docname) or {}
        if data.get("mtime") is None or abs(data["mtime"] - mtime) <= 1e-3:
            continue
        if _source_changed(state, docname):
            reason = ("sumbernya berubah selama build, sesudah eksekusi terjadwal (disunting "
                      "saat build berjalan?). Halaman ini memuat hasil eksekusi kedua; build "
                      "sekali lagi bila halaman lain memakai hasilnya.")
        else:
            reason = ("myst-nb tidak menemukan hasil eksekusi terjadwal di jupyter-cache "
                      "(kunci cache berbeda). Laporkan ini sebagai bug di "
                      "book/_ext/chapter11_build.py.")
        logger.warning("halaman '%s' dieksekusi dua kali pada build ini: %s", docname, reason,
                       location=docname, type="chapter11", subtype="double-execution")


def _source_changed(state, docname: str) -> bool:
    """Apakah berkas sumber ``docname`` berbeda dari saat eksekusinya dijadwalkan."""
    path, digest = state["sources"].get(docname, (None, ""))
    try:
        return path is not None and hashlib.sha256(path.read_bytes()).hexdigest() != digest
    except OSError:
        return True


def _write_executed_notebooks(app, env) -> None:
    """``env-updated``: tulis notebook *beserta keluarannya* ke ``jupyter_execute``.

    myst-nb 1.4 menulis ``jupyter_execute/<halaman>.ipynb`` dari notebook sebelum hasil cache
    digabungkan, sehingga halaman yang diambil dari jupyter-cache — di build ini, semua
    halaman — mendapat notebook tanpa keluaran. Di sini notebook yang sama ditulis ulang
    dengan keluaran dari cache (unduhan ``.ipynb`` dan benchmark reprodusibilitas
    membacanya).
    """
    import nbformat
    from jupyter_cache import get_cache

    state = _build_state(app)
    if not state["notebooks"]:
        return
    cache = get_cache(env.mystnb_config.execution_cache_path)
    folder = Path(env.mystnb_config.output_folder)
    for docname, notebook in sorted(state["notebooks"].items()):
        try:
            _, merged = cache.merge_match_into_notebook(copy.deepcopy(notebook))
        except KeyError:
            continue
        target = folder.joinpath(*(docname + ".ipynb").split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(nbformat.writes(merged), encoding="utf-8")


def _summary(app, exception) -> None:
    """``build-finished``: daftar waktu setiap halaman yang dieksekusi pada build ini."""
    if exception is not None:
        return
    state = _build_state(app)
    seconds = state["seconds"]
    if not seconds:
        return
    width = max(len(name) for name in seconds)
    lines = ["Waktu eksekusi per halaman (build ini):"]
    for name, value in sorted(seconds.items(), key=lambda kv: -kv[1]):
        lines.append(f"  {name:<{width}}  {_seconds(value):>10}")
    lines.append(f"  total dinding {_seconds(state['wall'])} dengan {state['jobs']} kernel "
                 f"sekaligus; ideal max(terpanjang, jumlah/{state['jobs']}) = "
                 f"{_seconds(ideal_seconds(seconds.values(), state['jobs']))}")
    if state["from_cache"]:
        lines.append(f"  {len(state['from_cache'])} halaman lain diambil dari jupyter-cache")
    _say(app, "\n".join(lines))


# =========================================================================================
# 8. Pendaftaran
# =========================================================================================

def setup(app):
    """Daftarkan ekstensi build buku (lihat dokumentasi modul)."""
    app.add_config_value("chapter11_page_times", "benchmarks/page_times.json", "",
                         types=(str,))
    app.add_config_value("chapter11_default_page_seconds", 60.0, "", types=(int, float))
    app.add_config_value("chapter11_execution_jobs", 0, "", types=(int,))
    install_sqlite_wait()
    app.connect("config-inited", _prepare_environment)
    app.connect("builder-inited", _prepare_jupyter_cache, priority=600)  # sesudah myst-nb
    app.connect("source-read", _inject_fingerprint)
    app.connect("env-get-outdated", _outdated_by_code)
    app.connect("env-purge-doc", _purge_page_deps)
    app.connect("env-merge-info", _merge_page_deps)
    app.connect("env-before-read-docs", _execute_pages)
    app.connect("env-updated", _check_executed_once)
    app.connect("env-updated", _write_executed_notebooks)
    app.connect("build-finished", _summary)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True,
            "env_version": 1}
