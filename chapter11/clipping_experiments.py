"""Pelatihan halaman *gradient clipping*: jaringan yang menyimpang tanpa pemotongan gradien.

MLP pembanding bab ini (:func:`chapter11.baselines.base_model`: 3 × Dense(100, ReLU, He)) dilatih
dengan SGD bermomentum 0,9 dan *learning rate* 0,3 — tiga puluh kali laju garis dasar bab ini —
dengan dan tanpa ``clipnorm``, dan sebagai pembanding dengan *learning rate* 0,01 tanpa pemotongan.
Deskripsinya ditulis di sini sebagai fungsi anggaran dan benih agar halaman lain dapat meminta
pelatihan yang sama dari cache. Halaman: :ref:`sec-gradient-clipping`.

Example:
    >>> from chapter11.runtime import Budget
    >>> exp = divergence_experiment(Budget("fast"), clipnorm=1.0, seed=2)
    >>> exp.phases[0].optimizer_config["clipnorm"], exp.phases[0].learning_rate, exp.seed
    (1.0, 0.3, 2)
    >>> exp.data.n_train, exp.phases[0].epochs, exp.phases[0].record_steps
    (2000, 3, True)
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from ._validation import check_int, check_limit, check_positive, check_report, check_text
from .baselines import base_model
from .clipping import reliable_step_losses
from .experiments import DataSpec, Experiment, Phase, RunResult
from .runtime import Budget

__all__ = ["CLIPPING_SEEDS", "LARGE_RATE", "divergence_experiment", "diverged", "step_losses",
           "smoothed_loss", "DivergenceSummary", "summarize_divergence"]

#: *Learning rate* yang terlalu besar, tiga puluh kali laju garis dasar bab ini (0,01).
LARGE_RATE = 0.3
#: Benih setiap pengaturan.
CLIPPING_SEEDS = (0, 1, 2, 3)


def _check_budget(budget) -> Budget:
    if not isinstance(budget, Budget):
        raise TypeError("Argumen `budget` harus chapter11.runtime.Budget (mis. hasil "
                        f"runtime.setup()). Diterima: {budget!r}.")
    return budget


def divergence_experiment(budget: Budget, *, learning_rate: float = LARGE_RATE,
                          clipnorm: float | None = None, seed: int = 0,
                          label: str = "") -> Experiment:
    """SGD (momentum 0,9) pada MLP pembanding bab ini, dengan atau tanpa ``clipnorm``.

    Anggaran cepat: 2.000 gambar latih, 3 *epoch*; penuh: 55.000 gambar, 3 *epoch*; *batch* 32,
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
    phase = Phase(epochs=3, optimizer="sgd",
                  learning_rate=check_positive("learning_rate", learning_rate),
                  optimizer_kwargs=kwargs, batch_size=32, record_steps=True,
                  validate_every_epoch=False)
    data = DataSpec(n_train=budget.pick(fast=2_000, full=None),
                    n_valid=budget.pick(fast=1_000, full=None))
    return Experiment(model=base_model(), phases=phase, data=data,
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
    n_classes = check_limit("n_classes", check_int("n_classes", n_classes, minimum=2))
    check_report("result", result, ("steps", "history"), "RunResult (hasil run)")
    steps = np.asarray(result.steps.get("loss", ()), dtype=float)
    history = np.asarray(result.history["loss"], dtype=float)
    if not np.all(np.isfinite(steps)) or not np.all(np.isfinite(history)):
        return True
    return bool(history[-1] >= math.log(n_classes))


def step_losses(result) -> np.ndarray:
    """*Loss* per langkah yang dapat dipercaya (:func:`chapter11.clipping.reliable_step_losses`).

    Banyak langkah per *epoch* dihitung dari banyak langkah tercatat dibagi banyak *epoch*
    (``phase_epochs``; satu *epoch* bila tidak ada).
    """
    check_report("result", result, ("steps",), "RunResult (hasil run)")
    loss = np.asarray(result.steps.get("loss", ()), dtype=float)
    epochs = sum(getattr(result, "phase_epochs", (1,))) or 1
    return reliable_step_losses(loss, max(1, loss.size // epochs)) if loss.size else loss


def smoothed_loss(result, window: int | None = None) -> np.ndarray:
    """Rata-rata bergerak *loss* per langkah (jendela bawaan: sepersepuluh banyak langkah).

    Hanya untuk pelatihan yang *loss*-nya berhingga (dan dapat dipercaya) di setiap langkah.

    Example:
        >>> from types import SimpleNamespace
        >>> smoothed_loss(SimpleNamespace(steps={"loss": (4.0, 2.0, 2.0, 4.0)}), window=2).tolist()
        [3.0, 2.0, 3.0]
    """
    check_report("result", result, ("steps",), "RunResult (hasil run)")
    loss = step_losses(result)
    if loss.size == 0 or not np.all(np.isfinite(loss)):
        raise ValueError("Rata-rata bergerak hanya untuk loss per langkah yang berhingga. "
                         f"Diterima: {loss.size} langkah, {int(np.sum(~np.isfinite(loss)))} "
                         "tidak berhingga.")
    window = (max(1, loss.size // 10) if window is None
              else check_limit("window", check_int("window", window, minimum=1), "steps"))
    window = min(window, loss.size)
    return np.convolve(loss, np.ones(window) / window, mode="valid")


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
        max_losses: *loss* langkah terbesar yang berhingga dan dapat dipercaya
            (:func:`step_losses`), per benih.
        best_losses: nilai terkecil rata-rata bergerak *loss* (:func:`smoothed_loss`) per benih
            (NaN bila *loss*-nya pernah tak berhingga).
        final_losses: nilai terakhir rata-rata bergerak itu per benih (NaN idem).
    """

    label: str
    seeds: tuple[int, ...]
    diverged: tuple[bool, ...]
    first_bad_step: tuple[int, ...]
    final_val_accuracies: tuple[float, ...]
    test_accuracies: tuple[float, ...]
    max_losses: tuple[float, ...] = ()
    best_losses: tuple[float, ...] = ()
    final_losses: tuple[float, ...] = ()

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
    if isinstance(results, (str, bytes)) or not hasattr(results, "__iter__"):
        raise TypeError("Argumen `results` harus urutan RunResult (satu per benih). "
                        f"Diterima: results={results!r:.80} (tipe {type(results).__name__}).")
    results = tuple(results)
    if not results:
        raise ValueError("Argumen `results` harus berisi paling sedikit satu RunResult. "
                         "Diterima: 0 hasil.")
    for r in results:
        check_report("results[i]", r, ("steps", "history", "experiment", "test", "label"),
                     "RunResult (hasil run)")
    if label is not None:
        check_text("label", label)
    first_bad, max_losses, best, final = [], [], [], []
    for r in results:
        loss = np.asarray(r.steps.get("loss", ()), dtype=float)
        bad = ~np.isfinite(loss)
        first_bad.append(int(np.argmax(bad)) + 1 if bad.any() else 0)
        reliable = step_losses(r)
        ok = np.isfinite(reliable)
        max_losses.append(float(np.max(reliable[ok])) if ok.any() else math.nan)
        smooth = smoothed_loss(r) if loss.size and ok.all() else np.array([math.nan])
        best.append(float(np.min(smooth)))
        final.append(float(smooth[-1]))
    return DivergenceSummary(
        label=results[0].label if label is None else label,
        seeds=tuple(r.experiment.seed for r in results),
        diverged=tuple(diverged(r) for r in results),
        first_bad_step=tuple(first_bad),
        final_val_accuracies=tuple(float(r.history["val_accuracy"][-1]) for r in results),
        test_accuracies=tuple(float(r.test["accuracy"]) for r in results),
        max_losses=tuple(max_losses),
        best_losses=tuple(best),
        final_losses=tuple(final),
    )
