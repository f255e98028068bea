"""Pelatihan halaman *gradient clipping*: jaringan yang menyimpang tanpa pemotongan gradien.

Jaringan 10 lapisan tersembunyi × 100 unit (ReLU, inisialisasi He) dilatih dengan SGD bermomentum
0,9 dan *learning rate* 0,1 — sepuluh kali laju garis dasar bab ini — dengan dan tanpa
``clipnorm``, dan sebagai pembanding dengan *learning rate* 0,01 tanpa pemotongan. Deskripsinya
ditulis di sini sebagai fungsi anggaran dan benih agar halaman lain dapat meminta pelatihan yang
sama dari cache. Halaman: :ref:`sec-gradient-clipping`.

Example:
    >>> from chapter11.runtime import Budget
    >>> exp = divergence_experiment(Budget("fast"), clipnorm=1.0, seed=2)
    >>> exp.phases[0].optimizer_config["clipnorm"], exp.phases[0].learning_rate, exp.seed
    (1.0, 0.1, 2)
    >>> exp.data.n_train, exp.phases[0].epochs, exp.phases[0].record_steps
    (2000, 3, True)
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from ._validation import check_int, check_positive
from .experiments import DataSpec, Experiment, ModelSpec, Phase, RunResult
from .runtime import Budget

__all__ = ["DEEP_MLP", "CLIPPING_SEEDS", "divergence_experiment", "diverged",
           "DivergenceSummary", "summarize_divergence"]

#: MLP yang dilatih, 10 × Dense(100, ReLU, He normal) → softmax 10 kelas.
DEEP_MLP = {"hidden_units": [100] * 10, "activation": "relu", "kernel_initializer": "he_normal"}
#: Benih setiap pengaturan.
CLIPPING_SEEDS = (0, 1, 2, 3)


def _check_budget(budget) -> Budget:
    if not isinstance(budget, Budget):
        raise TypeError("Argumen `budget` harus chapter11.runtime.Budget (mis. hasil "
                        f"runtime.setup()). Diterima: {budget!r}.")
    return budget


def divergence_experiment(budget: Budget, *, learning_rate: float = 0.1,
                          clipnorm: float | None = None, seed: int = 0,
                          label: str = "") -> Experiment:
    """SGD (momentum 0,9) pada :data:`DEEP_MLP`, dengan atau tanpa ``clipnorm``.

    Anggaran cepat: 2.000 gambar latih, 3 *epoch*; penuh: 55.000 gambar, 5 *epoch*; *batch* 32,
    *loss* dicatat per langkah, validasi (1.000 atau 5.000 gambar) di akhir pelatihan.

    Args:
        budget: anggaran halaman.
        learning_rate: *learning rate* SGD.
        clipnorm: batas norma gradien per variabel (``None``: tanpa pemotongan).
        seed: benih.
        label: nama untuk legenda.
    """
    budget = _check_budget(budget)
    kwargs = {"momentum": 0.9}
    if clipnorm is not None:
        kwargs["clipnorm"] = check_positive("clipnorm", clipnorm)
    phase = Phase(epochs=budget.pick(fast=3, full=5), optimizer="sgd",
                  learning_rate=check_positive("learning_rate", learning_rate),
                  optimizer_kwargs=kwargs, batch_size=32, record_steps=True,
                  validate_every_epoch=False)
    data = DataSpec(n_train=budget.pick(fast=2_000, full=None),
                    n_valid=budget.pick(fast=1_000, full=None))
    return Experiment(model=ModelSpec("build_mlp", DEEP_MLP), phases=phase, data=data,
                      seed=check_int("seed", seed, minimum=0), label=label)


def diverged(result, n_classes: int = 10) -> bool:
    """``True`` bila pelatihan menyimpang: *loss* sebuah langkah NaN/tak berhingga, atau *loss*
    latih *epoch* terakhir tidak lebih baik daripada menebak rata (``ln n_classes``).

    Example:
        >>> from types import SimpleNamespace
        >>> nan = float("nan")
        >>> diverged(SimpleNamespace(steps={"loss": (2.3, nan)}, history={"loss": (nan,)}))
        True
        >>> diverged(SimpleNamespace(steps={"loss": (2.3, 1.0)}, history={"loss": (3.2,)}))
        True
        >>> diverged(SimpleNamespace(steps={"loss": (2.3, 1.0)}, history={"loss": (1.1,)}))
        False
    """
    n_classes = check_int("n_classes", n_classes, minimum=2)
    steps = np.asarray(result.steps.get("loss", ()), dtype=float)
    history = np.asarray(result.history["loss"], dtype=float)
    if not np.all(np.isfinite(steps)) or not np.all(np.isfinite(history)):
        return True
    return bool(history[-1] >= math.log(n_classes))


@dataclass(frozen=True)
class DivergenceSummary:
    """Berapa kali satu pengaturan menyimpang, dan akurasi akhirnya, atas beberapa benih.

    Attributes:
        label: nama pengaturan.
        seeds: benih.
        diverged: ``True``/``False`` per benih (lihat :func:`diverged`).
        first_bad_step: langkah pertama (mulai 1) dengan *loss* NaN/tak berhingga per benih,
            atau 0 bila tidak ada.
        final_val_accuracies: akurasi validasi akhir per benih.
        test_accuracies: akurasi uji per benih.
    """

    label: str
    seeds: tuple[int, ...]
    diverged: tuple[bool, ...]
    first_bad_step: tuple[int, ...]
    final_val_accuracies: tuple[float, ...]
    test_accuracies: tuple[float, ...]

    @property
    def n_runs(self) -> int:
        return len(self.seeds)

    @property
    def n_diverged(self) -> int:
        return int(sum(self.diverged))

    @property
    def n_nonfinite(self) -> int:
        """Banyak benih yang *loss*-nya menjadi NaN/tak berhingga."""
        return int(sum(s > 0 for s in self.first_bad_step))


def summarize_divergence(results: Iterable[RunResult], label: str | None = None) -> DivergenceSummary:
    """Ringkas hasil beberapa benih satu pengaturan (lihat :class:`DivergenceSummary`)."""
    results = tuple(results)
    if not results:
        raise ValueError("Argumen `results` harus berisi paling sedikit satu RunResult. "
                         "Diterima: 0 hasil.")
    first_bad = []
    for r in results:
        loss = np.asarray(r.steps.get("loss", ()), dtype=float)
        bad = ~np.isfinite(loss)
        first_bad.append(int(np.argmax(bad)) + 1 if bad.any() else 0)
    return DivergenceSummary(
        label=results[0].label if label is None else label,
        seeds=tuple(r.experiment.seed for r in results),
        diverged=tuple(diverged(r) for r in results),
        first_bad_step=tuple(first_bad),
        final_val_accuracies=tuple(float(r.history["val_accuracy"][-1]) for r in results),
        test_accuracies=tuple(float(r.test["accuracy"]) for r in results),
    )
