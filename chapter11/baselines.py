"""Deskripsi eksperimen yang dipakai bersama beberapa halaman (satu deskripsi, satu pelatihan).

Halaman :ref:`sec-optimizer`, :ref:`sec-learning-rate` dan :ref:`sec-regularisasi` membandingkan
teknik pada model dan data yang sama (halaman :ref:`sec-gradient-clipping` memakai modelnya):
MLP Géron (tiga lapisan tersembunyi Dense 100, ReLU, inisialisasi He) pada subset Fashion-MNIST
yang ditentukan anggaran. Deskripsinya ditulis sekali di sini; karena
:func:`chapter11.experiments.run` mengenali pelatihan dari deskripsinya, halaman yang meminta
eksperimen yang sama mendapat satu pelatihan yang sama dari cache.

Example:
    >>> from chapter11.runtime import Budget
    >>> exp = constant_baseline(Budget("fast"))
    >>> exp.data.n_train, exp.phases[0].epochs, exp.phases[0].optimizer
    (10000, 10, 'SGD')
    >>> exp == comparison_experiment(Budget("fast"), optimizer="sgd", learning_rate=0.01,
    ...                              optimizer_kwargs={"momentum": 0.9}, label="lain")
    True
"""

from __future__ import annotations

from ._validation import check_budget
from .experiments import DataSpec, Experiment, ModelSpec, Phase
from .runtime import Budget

__all__ = ["base_model", "comparison_data", "comparison_epochs", "comparison_experiment",
           "constant_baseline"]


def _check_budget(budget) -> Budget:
    if not isinstance(budget, Budget):
        raise TypeError("Argumen `budget` harus chapter11.runtime.Budget (mis. hasil "
                        f"runtime.setup()). Diterima: {budget!r}.")
    return budget


def base_model(**overrides) -> ModelSpec:
    """MLP pembanding Géron: Flatten → 3 × Dense(100, ReLU, He normal) → softmax 10 kelas.

    Args:
        **overrides: argumen ``build_mlp`` tambahan atau pengganti (mis. ``dropout=0.2`` atau
            ``kernel_regularizer=…``).
    """
    kwargs = {"hidden_units": [100, 100, 100], "activation": "relu",
              "kernel_initializer": "he_normal"}
    kwargs.update(overrides)
    return ModelSpec("build_mlp", kwargs)


def comparison_data(budget: Budget) -> DataSpec:
    """Data perbandingan: 10 000 gambar latih pertama (cepat) atau 55 000 (penuh); validasi 5 000."""
    return DataSpec(n_train=_check_budget(budget).pick(fast=10_000, full=None))


def comparison_epochs(budget: Budget) -> int:
    """Banyak epoch perbandingan (10, seperti perbandingan optimizer Géron, di kedua anggaran)."""
    return _check_budget(budget).pick(fast=10, full=10)


def comparison_experiment(budget: Budget, *, optimizer="sgd", learning_rate=0.01,
                          optimizer_kwargs=None, batch_size: int = 32, callbacks=(),
                          epochs: int | None = None, model: ModelSpec | None = None,
                          seed: int = 42, label: str = "") -> Experiment:
    """Satu pelatihan pembanding: model :func:`base_model`, data :func:`comparison_data`.

    Args:
        budget: anggaran halaman (dari ``runtime.setup()``).
        optimizer, learning_rate, optimizer_kwargs, batch_size, callbacks: lihat
            :class:`chapter11.experiments.Phase`.
        epochs: banyak epoch; bawaan :func:`comparison_epochs`.
        model: model lain (bawaan :func:`base_model`).
        seed: benih.
        label: nama untuk legenda.
    """
    check_budget("budget", budget)
    phase = Phase(epochs=comparison_epochs(budget) if epochs is None else epochs,
                  optimizer=optimizer, learning_rate=learning_rate,
                  optimizer_kwargs=optimizer_kwargs, batch_size=batch_size, callbacks=callbacks)
    return Experiment(model=model or base_model(), phases=phase, data=comparison_data(budget),
                      seed=seed, label=label)


def constant_baseline(budget: Budget, *, seed: int = 42, label: str = "SGD + momentum") -> Experiment:
    """Garis dasar bersama: SGD dengan momentum 0,9 dan *learning rate* tetap 0,01.

    Dipakai halaman optimizer (garis dasar momentum dengan η = 0,01), halaman penjadwalan
    *learning rate* (laju tetap) dan halaman regularisasi (tanpa regularisasi) — satu pelatihan
    untuk ketiganya.
    """
    check_budget("budget", budget)
    return comparison_experiment(budget, optimizer="sgd", learning_rate=0.01,
                                 optimizer_kwargs={"momentum": 0.9}, seed=seed, label=label)
