"""Sisi Keras halaman optimizer: optimizer Keras yang padan, pemeriksaannya, dan eksperimennya.

* :func:`make_keras_optimizer` — optimizer Keras dengan hiperparameter yang sama persis dengan
  aturan NumPy :mod:`chapter11.optimizers` yang bernama sama;
* :func:`check_against_keras` — jalankan keduanya pada barisan gradien yang sama dan ukur
  selisihnya;
* :func:`optimizer_experiment` / :func:`optimizer_experiments` — perbandingan sembilan optimizer
  Géron di Fashion-MNIST sebagai deskripsi eksperimen (lewat
  :func:`chapter11.baselines.comparison_experiment`), sehingga halaman lain yang meminta
  deskripsi yang sama mendapat pelatihan yang sama dari cache.

Halaman yang memakainya: :ref:`sec-optimizer`.

Example:
    >>> import numpy as np
    >>> check = check_against_keras("adam", np.ones(3), np.full((5, 3), 0.5))
    >>> check.max_abs_diff < 1e-6
    True
    >>> from chapter11.runtime import Budget
    >>> exp = optimizer_experiment(Budget("fast"), "nadam")
    >>> exp.phases[0].optimizer, exp.phases[0].learning_rate, exp.data.n_train
    ('Nadam', 0.001, 10000)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ._validation import check_budget, check_real_array, check_report
from .baselines import comparison_experiment
from .data import N_VALID
from .optimizers import OPTIMIZER_NAMES, apply_rule, keras_config, rule
from .runtime import Budget, quiet_tensorflow

keras = quiet_tensorflow()

__all__ = ["make_keras_optimizer", "KerasCheck", "check_against_keras", "GERON_SETTINGS",
           "optimizer_experiment", "optimizer_experiments", "comparison_threshold",
           "comparison_seeds", "training_steps"]

#: Hiperparameter perbandingan Géron (*learning rate* 0,001 untuk kesembilannya).
GERON_SETTINGS: dict[str, dict] = {
    "sgd": {"learning_rate": 0.001},
    "momentum": {"learning_rate": 0.001, "momentum": 0.9},
    "nesterov": {"learning_rate": 0.001, "momentum": 0.9},
    "adagrad": {"learning_rate": 0.001},
    "rmsprop": {"learning_rate": 0.001, "rho": 0.9},
    "adam": {"learning_rate": 0.001, "beta_1": 0.9, "beta_2": 0.999},
    "adamax": {"learning_rate": 0.001, "beta_1": 0.9, "beta_2": 0.999},
    "nadam": {"learning_rate": 0.001, "beta_1": 0.9, "beta_2": 0.999},
    "adamw": {"learning_rate": 0.001, "weight_decay": 1e-5, "beta_1": 0.9, "beta_2": 0.999},
}


def make_keras_optimizer(name: str, **overrides):
    """Optimizer Keras padanan aturan NumPy ``name`` (hiperparameter sama, lihat
    :func:`chapter11.optimizers.keras_config`).

    Example:
        >>> opt = make_keras_optimizer("nesterov", learning_rate=0.001)
        >>> type(opt).__name__, opt.nesterov, round(float(opt.momentum), 2)
        ('SGD', True, 0.9)
    """
    class_name, kwargs = keras_config(name, **overrides)
    return keras.optimizers.get({"class_name": class_name, "config": kwargs})


@dataclass(frozen=True)
class KerasCheck:
    """Lintasan parameter aturan NumPy dan optimizer Keras pada gradien yang sama.

    Attributes:
        name: nama pendek optimizer.
        label: nama tampilan.
        numpy_path: larik ``(langkah + 1, n)`` dari :func:`chapter11.optimizers.apply_rule`.
        keras_path: larik yang sama dari optimizer Keras (``float32``).
    """

    name: str
    label: str
    numpy_path: np.ndarray
    keras_path: np.ndarray

    @property
    def max_abs_diff(self) -> float:
        """Selisih mutlak terbesar di semua langkah dan koordinat."""
        return float(np.max(np.abs(self.numpy_path - self.keras_path)))

    @property
    def max_movement(self) -> float:
        """Perpindahan terbesar parameter dari titik awalnya (rujukan NumPy)."""
        return float(np.max(np.abs(self.numpy_path - self.numpy_path[0])))

    @property
    def relative_diff(self) -> float:
        """Selisih terbesar dibagi perpindahan terbesar (galat relatif terhadap gerak optimizer)."""
        return self.max_abs_diff / self.max_movement if self.max_movement > 0 else 0.0


def check_against_keras(name: str, theta, grads, **overrides) -> KerasCheck:
    """Terapkan barisan gradien yang sama lewat aturan NumPy dan lewat optimizer Keras.

    Args:
        name: salah satu :data:`chapter11.optimizers.OPTIMIZER_NAMES`.
        theta: parameter awal, larik 1-D (diubah ke ``float32`` untuk Keras).
        grads: larik ``(langkah, n)``.
        **overrides: hiperparameter.

    Returns:
        :class:`KerasCheck`.
    """
    theta = np.asarray(check_real_array("theta", theta), dtype=np.float32)
    grads = np.asarray(check_real_array("grads", grads), dtype=np.float32)
    if theta.ndim != 1 or grads.ndim != 2 or grads.shape[1] != theta.shape[0]:
        raise ValueError("Argumen `theta` harus larik 1-D dan `grads` berbentuk (langkah, "
                         f"len(theta)). Diterima: theta.shape={theta.shape}, "
                         f"grads.shape={grads.shape}.")
    numpy_path = apply_rule(name, theta.astype(float), grads.astype(float), **overrides)
    variable = keras.Variable(theta, dtype="float32", name="theta")
    optimizer = make_keras_optimizer(name, **overrides)
    path = [variable.numpy().copy()]
    for grad in grads:
        optimizer.apply([keras.ops.convert_to_tensor(grad)], [variable])
        path.append(variable.numpy().copy())
    return KerasCheck(name, rule(name).label, numpy_path, np.array(path, dtype=float))


def _check_budget(budget) -> Budget:
    if not isinstance(budget, Budget):
        raise TypeError("Argumen `budget` harus chapter11.runtime.Budget (mis. hasil "
                        f"runtime.setup()). Diterima: {budget!r}.")
    return budget


def optimizer_experiment(budget: Budget, name: str, *, seed: int = 42):
    """Satu pelatihan perbandingan Géron dengan optimizer ``name`` (*learning rate* 0,001).

    Model, data dan *epoch* dari :func:`chapter11.baselines.comparison_experiment`; benih yang
    sama memberi bobot awal dan urutan batch yang sama untuk kesembilan optimizer.

    Args:
        budget: anggaran halaman.
        name: salah satu :data:`chapter11.optimizers.OPTIMIZER_NAMES`.
        seed: benih.

    Returns:
        :class:`chapter11.experiments.Experiment` berlabel nama tampilan optimizer.
    """
    _check_budget(budget)
    label = rule(name).label
    class_name, kwargs = keras_config(name, **GERON_SETTINGS[name])
    learning_rate = kwargs.pop("learning_rate")
    return comparison_experiment(budget, optimizer=class_name, learning_rate=learning_rate,
                                 optimizer_kwargs=kwargs, seed=seed, label=label)


def optimizer_experiments(budget: Budget, *, seed: int = 42) -> dict:
    """Kesembilan pelatihan perbandingan, ``{nama pendek: Experiment}``, urutan Géron."""
    check_budget("budget", budget)
    return {name: optimizer_experiment(budget, name, seed=seed) for name in OPTIMIZER_NAMES}


def training_steps(experiment) -> int:
    """Banyak langkah optimizer seluruh pelatihan sepuluh kelas (semua fase, tanpa henti dini).

    Example:
        >>> training_steps(optimizer_experiment(Budget("fast"), "adamw"))   # 313 × 10
        3130
    """
    check_report("experiment", experiment, ("data", "phases"),
                 "Experiment (mis. hasil optimizer_experiment)")
    data = experiment.data
    if data.classes is not None:
        raise ValueError("training_steps hanya untuk tugas sepuluh kelas (classes=None). "
                         f"Diterima: classes={data.classes!r}.")
    n_train = data.n_train if data.n_train is not None else 60_000 - N_VALID
    return sum(p.epochs * math.ceil(n_train / p.batch_size) for p in experiment.phases)


def comparison_threshold(budget: Budget) -> float:
    """Ambang akurasi validasi untuk kolom "*epoch* sampai ambang" tabel perbandingan.

    Lebih rendah di anggaran cepat (10.000 gambar latih, akurasi akhir lebih rendah).
    """
    return _check_budget(budget).pick(fast=0.82, full=0.85)


def comparison_seeds(budget: Budget) -> tuple[int, ...]:
    """Benih tambahan untuk mengukur sebaran antarbenih (benih 42 selalu dipakai)."""
    return _check_budget(budget).pick(fast=(0, 1), full=(0, 1, 2))
