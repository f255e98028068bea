"""Tes modul kecil: runtime (anggaran, cache), formatting, sidik jari dependensi."""

import os
import subprocess
import sys

import pytest

from chapter11 import _deps, formatting, runtime


def test_budget_default_and_choice(monkeypatch):
    monkeypatch.delenv("CHAPTER11_BUDGET", raising=False)
    assert runtime.current_budget().name == "fast"
    monkeypatch.setenv("CHAPTER11_BUDGET", "FULL")
    budget = runtime.current_budget()
    assert budget.is_full and budget.pick(fast=1, full=2) == 2
    assert "penuh" in budget.description


def test_bad_budget_names_the_variable(monkeypatch):
    monkeypatch.setenv("CHAPTER11_BUDGET", "turbo")
    with pytest.raises(ValueError, match="CHAPTER11_BUDGET harus 'fast' atau 'full'"):
        runtime.current_budget()
    with pytest.raises(ValueError, match="`name`"):
        runtime.Budget("turbo")


def test_cache_dir_respects_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("CHAPTER11_CACHE_DIR", str(tmp_path / "c"))
    assert runtime.cache_dir() == tmp_path / "c" and (tmp_path / "c").is_dir()


def test_quiet_import_prints_nothing_to_stderr_and_pins_threads():
    code = ("from chapter11 import runtime; runtime.setup(seed=1); import keras\n"
            "import tensorflow as tf\n"
            "print(tf.config.threading.get_intra_op_parallelism_threads(),"
            " tf.config.threading.get_inter_op_parallelism_threads())")
    env = {k: v for k, v in os.environ.items() if k != "TF_CPP_MIN_LOG_LEVEL"}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert proc.stdout.split() == [str(runtime.TF_THREADS)] * 2 == ["1", "1"]


def test_tensorflow_stderr_is_captured_not_discarded(capfd):
    noise = (
        "WARNING: All log messages before absl::InitializeLog() is called are written to STDERR\n"
        "I0000 00:00:1796065356.716267   11121 port.cc:153] oneDNN custom operations are on. "
        "You may see slightly different numerical results.\n"
        "I0000 00:00:1796065356.716652   11121 cudart_stub.cc:31] Could not find cuda drivers "
        "on your machine, GPU will not be used.\n"
    )
    real = ("E0000 00:00:1796065364.378567   11121 dso_loader.cc:77] Could not load dynamic "
            "library 'libcudart.so.12'; dlerror: libcudart.so.12: cannot open shared object\n")

    def fake_import():
        os.write(2, (noise + real).encode())
        return "modul"

    result, captured = runtime._call_capturing_stderr(fake_import)
    assert result == "modul" and captured == noise + real  # tertangkap utuh
    assert capfd.readouterr().err == ""  # belum ada yang sampai ke pengguna
    runtime._forward_unexpected(captured)
    assert capfd.readouterr().err == real  # derau dibuang, baris sungguhan diteruskan


def test_threads_cannot_be_changed_after_tensorflow_ran(monkeypatch):
    # Di proses tes ini TensorFlow sudah berjalan dengan TF_THREADS thread. Bila paket meminta
    # jumlah lain, TensorFlow menolak dan pesan paket menyebut runtime.setup(); hal yang sama
    # dengan proses baru yang lebih dulu menjalankan TensorFlow dengan 2 thread, tanpa
    # mengimpor TensorFlow sekali lagi di subproses.
    keras = runtime.quiet_tensorflow()
    import tensorflow as tf

    keras.ops.add(tf.constant(1.0), 1.0)          # konteks eager sudah dipakai
    before = tf.config.threading.get_intra_op_parallelism_threads()
    monkeypatch.setattr(runtime, "TF_THREADS", runtime.TF_THREADS + 1)
    with pytest.raises(RuntimeError, match=r"runtime\.setup\(\)") as info:
        runtime.quiet_tensorflow()
    assert "thread" in str(info.value)
    assert tf.config.threading.get_intra_op_parallelism_threads() == before


def test_importing_package_does_not_import_tensorflow():
    code = ("import sys, chapter11, chapter11.formatting, chapter11.activations, "
            "chapter11.initializers, chapter11._deps; print('tensorflow' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    "func, value, expected",
    [
        (formatting.format_number, 0.125, "0,12"),  # pembulatan ke genap seperti Python
        (formatting.format_number, -0.001, "0,00"),
        (formatting.format_number, 1234567.891, "1.234.567,89"),
        (formatting.format_int, 1000000, "1.000.000"),
        (formatting.format_sci, 9.96e-5, "10⁻⁴"),
        (formatting.format_sci, -3.2e8, "−3,2 × 10⁸"),  # tanda minus U+2212, bukan "-"
        (formatting.format_percent, 1.0, "100,0%"),
        (formatting.format_signed, 2.5, "+2,50"),
        (formatting.format_signed, -9.2, "−9,20"),  # satu tanda: bukan "+−9,20"
        (formatting.format_signed, 0.004, "0,00"),
        (formatting.format_signed, -1234.5, "−1.234,50"),
    ],
)
def test_formatting(func, value, expected):
    assert func(value) == expected


def test_formatting_rejects_bad_values():
    with pytest.raises(TypeError, match="bilangan real"):
        formatting.format_number("0,5")
    with pytest.raises(ValueError, match="berhingga"):
        formatting.format_sci(float("nan"))
    with pytest.raises(ValueError, match="bilangan bulat"):
        formatting.format_int(2.5)
    with pytest.raises(TypeError, match="bilangan real"):
        formatting.format_signed(None)


def test_modules_in_source_and_closure():
    found = _deps.modules_in_source(
        "from chapter11.gradients import measure_gradient_norms\nimport chapter11.data\n"
        "from chapter11 import (formatting,\n    runtime)\nimport numpy"
    )
    assert {"chapter11.gradients", "chapter11.data", "chapter11.formatting",
            "chapter11.runtime"} <= found
    closure = _deps.module_closure(["chapter11.gradients"])
    assert {"chapter11.models", "chapter11.runtime", "chapter11._validation"} <= closure
    assert "chapter11.experiments" not in closure
    assert _deps.modules_in_source("import numpy as np") == set()


def _package(tmp_path, **modules):
    package = tmp_path / "chapter11"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for name, source in modules.items():
        (package / f"{name}.py").write_text(source)
    return package


def test_fingerprint_follows_the_meaning_of_used_modules(tmp_path, monkeypatch):
    package = _package(tmp_path, a="from . import b\n", b="X = 1\n", c="Y = 1\n")
    monkeypatch.setattr(_deps, "PACKAGE_DIR", package)
    before = _deps.fingerprint(["chapter11.a"])
    (package / "c.py").write_text("Y = 2\n")  # tidak dipakai a: sidik jari tetap
    assert _deps.fingerprint(["chapter11.a"]) == before
    (package / "b.py").write_text("X = 2\n")  # dipakai a lewat impor: sidik jari berubah
    assert _deps.fingerprint(["chapter11.a"]) != before
    assert _deps.fingerprint(["chapter11.a"], extra="full") != _deps.fingerprint(["chapter11.a"])


def test_fingerprint_ignores_comments_and_docstrings_of_the_real_modules(tmp_path, monkeypatch):
    """Salinan modul sungguhan: suntingan docstring/komentar/tata letak tidak mengubah apa pun."""
    real = _deps.PACKAGE_DIR
    source = (real / "formatting.py").read_text(encoding="utf-8")
    package = _package(tmp_path, formatting=source,
                       _validation=(real / "_validation.py").read_text(encoding="utf-8"))
    monkeypatch.setattr(_deps, "PACKAGE_DIR", package)
    before = _deps.fingerprint(["chapter11.formatting"])
    target = package / "formatting.py"

    edited = source.replace('"""', '"""Kalimat baru di docstring modul.\n\n', 1)
    edited = edited.replace("def format_number(", "# komentar baru\n\n\ndef format_number(", 1)
    first_function_doc = edited.index('"""', edited.index("def format_number("))
    edited = edited[:first_function_doc + 3] + "Docstring fungsi yang ditulis ulang. " + \
        edited[first_function_doc + 3:]
    assert edited != source
    target.write_text(edited, encoding="utf-8")
    assert _deps.fingerprint(["chapter11.formatting"]) == before

    target.write_text(edited + "\n_TAMBAHAN = 1\n", encoding="utf-8")  # kode baru
    changed = _deps.fingerprint(["chapter11.formatting"])
    assert changed != before
    target.write_text(edited.replace("return", "return  ", 1), encoding="utf-8")  # spasi saja
    assert _deps.fingerprint(["chapter11.formatting"]) == before
    # Konstanta dalam kode (bukan docstring) adalah makna: string lain, sidik jari lain.
    target.write_text(edited.replace("\"-\"", "\"−\"", 1) if "\"-\"" in edited
                      else edited + "\nSIGN = '-'\n", encoding="utf-8")
    assert _deps.fingerprint(["chapter11.formatting"]) != before
