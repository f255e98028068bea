"""Tes unit ekstensi build (``book/_ext/chapter11_build.py``) tanpa menjalankan Sphinx."""

from __future__ import annotations

import doctest
import itertools
import json
import re
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "book" / "_ext"))

import chapter11_build as ext  # noqa: E402


def test_doctests_of_the_extension():
    result = doctest.testmod(ext, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 4 and result.failed == 0


def _best_makespan(times: list[float], workers: int) -> float:
    """Jadwal optimal dengan mencoba semua penempatan (pembanding independen)."""
    best = float("inf")
    for lanes in itertools.product(range(workers), repeat=len(times)):
        loads = [0.0] * workers
        for lane, t in zip(lanes, times):
            loads[lane] += t
        best = min(best, max(loads))
    return best


@pytest.mark.parametrize("times", [
    {"aktivasi": 57, "batch-norm": 38, "inisialisasi": 25, "gradien": 11},
    {"a": 10, "b": 10, "c": 10},
    {"a": 100, "b": 1, "c": 1, "d": 1},
    {"a": 5, "b": 4, "c": 3, "d": 3, "e": 3, "f": 2, "g": 2},
])
def test_longest_first_is_close_to_optimal_and_never_below_ideal(times):
    plan = ext.schedule_longest_first(times, 2)
    assert plan["order"] == sorted(times, key=lambda p: -times[p])
    assert sorted(sum(plan["lanes"], [])) == sorted(times)
    loads = [sum(times[p] for p in lane) for lane in plan["lanes"]]
    assert plan["makespan"] == max(loads)
    best = _best_makespan(list(times.values()), 2)
    ideal = ext.ideal_seconds(times.values(), 2)
    assert ideal <= best <= plan["makespan"] <= 7 / 6 * best  # batas Graham untuk LPT, m = 2
    assert ideal == max(max(times.values()), sum(times.values()) / 2)


def test_default_execution_jobs_is_one_more_than_sphinx_parallel():
    assert [ext.default_execution_jobs(j) for j in (1, 2, 4)] == [1, 3, 5]


def test_alphabetical_halves_versus_longest_first_for_todays_pages():
    # FACTS.md: potongan alfabetis -j 2 menaruh aktivasi dan batch-norm di satu pekerja.
    times = {"aktivasi": 78, "batch-norm": 42, "gradien": 14, "inisialisasi": 47}
    alphabetical = max(78 + 42, 14 + 47)
    assert ext.schedule_longest_first(times, 2)["makespan"] == 92 < alphabetical == 120


def test_expected_page_times_file(tmp_path):
    path = tmp_path / "times.json"
    path.write_text(json.dumps({"_keterangan": "x", "fast": {"a": 12.5, "_b": 3, "c": 0},
                                "full": {"a": 300}}))
    assert ext.expected_page_times(path, "fast") == {"a": 12.5}
    assert ext.expected_page_times(path, "full") == {"a": 300.0}
    assert ext.expected_page_times(tmp_path / "tidak-ada.json", "fast") == {}
    path.write_text("{bukan json")
    assert ext.expected_page_times(path, "fast") == {}
    committed = ext.expected_page_times(ROOT / "benchmarks" / "page_times.json", "fast")
    assert {"gradien", "aktivasi"} <= set(committed)


def test_cache_root_follows_output_or_variable(tmp_path, monkeypatch):
    from sphinx.errors import ConfigError

    monkeypatch.delenv(ext.CACHE_ROOT_ENV, raising=False)
    app = SimpleNamespace(outdir=tmp_path / "build" / "html")
    assert ext.cache_root(app) == (tmp_path / "build").resolve()
    assert ext.cache_root(app) is ext.cache_root(app)  # tetap sepanjang build
    assert ext.cache_dir(app, "locale") == (tmp_path / "build" / "locale").resolve()
    assert (tmp_path / "build" / "locale").is_dir()
    for bad in ("", "/abs", "../luar"):
        with pytest.raises(ValueError, match="subfolder relatif"):
            ext.cache_dir(app, bad)

    monkeypatch.setenv(ext.CACHE_ROOT_ENV, str(tmp_path / "di-sini"))
    assert ext.cache_root(SimpleNamespace(outdir=tmp_path / "x" / "html")) == tmp_path / "di-sini"

    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder")
    monkeypatch.setenv(ext.CACHE_ROOT_ENV, str(blocker / "cache"))
    with pytest.raises(ConfigError, match="CHAPTER11_CACHE_ROOT") as info:
        ext.cache_root(SimpleNamespace(outdir=tmp_path / "y" / "html"))
    assert str(blocker / "cache") in str(info.value) and "tidak dapat ditulis" in str(info.value)
    monkeypatch.delenv(ext.CACHE_ROOT_ENV)
    with pytest.raises(ConfigError, match="Setel variabel lingkungan CHAPTER11_CACHE_ROOT"):
        ext.cache_root(SimpleNamespace(outdir=blocker / "html"))


def test_page_modules_reads_only_code_cells_of_text_notebooks():
    page = ("---\nfile_format: mystnb\nkernelspec:\n  name: python3\n---\n# Judul\n\n"
            "Teks yang menyebut `from chapter11 import models` bukan kode.\n\n"
            "```{code-cell} ipython3\n---\ntags: [remove-input]\n---\n"
            "from chapter11.formatting import format_number\n```\n\n"
            "```python\nfrom chapter11 import experiments\n```\n")
    assert ext.page_modules(page) == {"chapter11", "chapter11.formatting"}
    assert ext.page_modules(page.replace("file_format: mystnb", "title: x")) == set()


def _page(notebook, error):
    return ext._Page(docname="contoh", path=Path("/buku/contoh.md"), notebook=notebook,
                     key_notebook=notebook, nb_config=SimpleNamespace(execution_timeout=600),
                     read_fmt=None, error=error)


def test_failure_names_the_cell_its_code_and_the_message():
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell("# Judul"),
                      nbformat.v4.new_code_cell("a = 1"),
                      nbformat.v4.new_code_cell("b = 2\nmuat_data()")]
    notebook.cells[2].outputs = [nbformat.v4.new_output(
        "error", ename="FileNotFoundError", evalue="Fashion-MNIST tidak ditemukan",
        traceback=["\x1b[31mTraceback\x1b[0m"])]
    notebook.metadata["source_map"] = [0, 4, 9]
    line, text = ext._failure(_page(notebook, RuntimeError("x")))
    assert line == 10
    assert text == ("halaman 'contoh' gagal dieksekusi di sel kode ke-2 (baris 10):\n"
                    "    | b = 2\n    | muat_data()\n"
                    "  FileNotFoundError: Fashion-MNIST tidak ditemukan")


def test_failure_without_error_output_explains_timeout_and_dead_kernel():
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("while True: pass")]
    line, text = ext._failure(_page(notebook, CellTimeoutError("A cell timed out")))
    assert line is None and "tidak selesai dalam 600 detik" in text
    assert "nb_execution_timeout" in text
    _, text = ext._failure(_page(notebook, DeadKernelError("Kernel died")))
    assert "kernel Python berhenti mendadak" in text and "Kernel died" in text


def test_timeout_is_named_even_when_the_interrupted_cell_holds_an_error():
    # nbclient menghentikan sel yang kehabisan waktu; selnya menyimpan KeyboardInterrupt.
    from nbclient.exceptions import CellTimeoutError

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("latih_lama()")]
    notebook.cells[0].outputs = [nbformat.v4.new_output(
        "error", ename="KeyboardInterrupt", evalue="", traceback=[])]
    notebook.metadata["source_map"] = [6]
    line, text = ext._failure(_page(notebook, CellTimeoutError("A cell timed out while it was "
                                                               "being executed, after 600 s.")))
    assert line == 7 and "sel kode ke-1 (baris 7)" in text and "| latih_lama()" in text
    assert "tidak selesai dalam 600 detik (nb_execution_timeout)" in text
    assert "KeyboardInterrupt" not in text


def test_remaining_time_estimate_schedules_the_rest():
    progress = ext._Progress(SimpleNamespace(quiet=True, _status=None), total=4, jobs=2)
    now = time.monotonic()
    running = [SimpleNamespace(expected=60.0, started=now - 20.0),
               SimpleNamespace(expected=30.0, started=now - 10.0)]
    queued = [SimpleNamespace(expected=25.0), SimpleNamespace(expected=10.0)]
    # Sisa 40 dan 20; antre 25 ke pekerja yang bebas lebih dulu (20 → 45), lalu 10 (40 → 50).
    assert progress.remaining(running, queued) == pytest.approx(50.0, abs=0.5)
    assert progress.remaining([], []) == 0.0
    # Mesin dua kali lebih lambat dari harapan (halaman 10 dtk selesai dalam 20 dtk): sisa
    # 120 - 20 = 100 dan 60 - 10 = 50; antre 50 (→ 100) lalu 20 (→ 120).
    progress.completed.append(SimpleNamespace(expected=10.0, seconds=20.0))
    assert progress.pace() == 2.0
    assert progress.remaining(running, queued) == pytest.approx(120.0, abs=0.5)


@pytest.mark.parametrize("seconds, text", [(0, "0 dtk"), (42.4, "42 dtk"), (65, "1 mnt 05 dtk"),
                                           (3600, "60 mnt 00 dtk")])
def test_durations_in_indonesian(seconds, text):
    assert ext._duration(seconds) == text


def test_sqlite_listener_sets_busy_timeout_on_any_sqlalchemy_sqlite(tmp_path):
    import sqlalchemy

    ext.install_sqlite_wait()
    ext.install_sqlite_wait()  # sekali saja walau dipanggil dua kali
    engine = sqlalchemy.create_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.connect() as connection:
        value = connection.exec_driver_sql("PRAGMA busy_timeout").scalar()
    assert value == ext.SQLITE_BUSY_TIMEOUT_MS == 120_000


def _fake_app():
    return SimpleNamespace(env=SimpleNamespace())


def test_fingerprint_cell_is_injected_and_follows_budget(monkeypatch):
    monkeypatch.delenv("CHAPTER11_BUDGET", raising=False)
    text = (ROOT / "book" / "gradien.md").read_text(encoding="utf-8")
    app = _fake_app()
    source = [text]
    ext._inject_fingerprint(app, "gradien", source)
    assert source[0].startswith(text.rstrip("\n"))
    match = re.search(r"anggaran=fast, chapter11=([0-9a-f]{16})", source[0])
    assert match
    modules, fingerprint = app.env.chapter11_page_deps["gradien"]
    assert fingerprint == match.group(1) and "chapter11.propagation" in modules
    monkeypatch.setenv("CHAPTER11_BUDGET", "full")
    other = [text]
    ext._inject_fingerprint(app, "gradien", other)
    assert "anggaran=full" in other[0] and match.group(1) not in other[0]
    # env-get-outdated: halaman yang dibaca dengan anggaran lain dibaca ulang.
    monkeypatch.setenv("CHAPTER11_BUDGET", "fast")
    assert ext._outdated_by_code(SimpleNamespace(quiet=True), app.env, set(), set(),
                                 set()) == ["gradien"]


def test_pages_without_package_imports_get_no_cell():
    app = _fake_app()
    source = ["---\nfile_format: mystnb\n---\n# Judul\n\n```{code-cell} ipython3\n1 + 1\n```\n"]
    before = source[0]
    ext._inject_fingerprint(app, "x", source)
    assert source[0] == before
    plain = ["# Bukan notebook\n"]
    ext._inject_fingerprint(app, "y", plain)
    assert plain == ["# Bukan notebook\n"] and app.env.chapter11_page_deps == {}


def test_cell_options_are_not_parsed_as_code():
    body = "---\nmystnb:\n  figure:\n    name: fig-x\n---\nfrom chapter11 import data\n"
    assert ext._cell_code(body).strip() == "from chapter11 import data"
    assert ext._cell_code(":tags: [remove-cell]\n\nimport chapter11.models\n").strip() == (
        "import chapter11.models")
