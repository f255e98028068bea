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


def test_quiet_import_prints_nothing_to_stderr():
    code = "from chapter11 import runtime; runtime.setup(seed=1); import keras"
    env = {k: v for k, v in os.environ.items() if k != "TF_CPP_MIN_LOG_LEVEL"}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == "" and proc.stdout == ""


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


def test_fingerprint_follows_the_source_of_used_modules(tmp_path, monkeypatch):
    package = tmp_path / "chapter11"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from . import b\n")
    (package / "b.py").write_text("X = 1\n")
    (package / "c.py").write_text("Y = 1\n")
    monkeypatch.setattr(_deps, "PACKAGE_DIR", package)
    _deps._direct_imports.cache_clear()
    before = _deps.fingerprint(["chapter11.a"])
    (package / "c.py").write_text("Y = 2\n")  # tidak dipakai a: sidik jari tetap
    assert _deps.fingerprint(["chapter11.a"]) == before
    (package / "b.py").write_text("X = 2\n")  # dipakai a lewat impor: sidik jari berubah
    assert _deps.fingerprint(["chapter11.a"]) != before
    assert _deps.fingerprint(["chapter11.a"], extra="full") != _deps.fingerprint(["chapter11.a"])
    _deps._direct_imports.cache_clear()
