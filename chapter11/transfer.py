"""Memakai ulang lapisan pralatih: eksperimen model A / model B Géron dan pralatih autoencoder.

Deskripsi setiap pelatihan halaman :ref:`sec-transfer` ditulis di sini sebagai fungsi anggaran dan
benih, sehingga halaman lain dapat meminta pelatihan yang persis sama dari cache
:func:`chapter11.experiments.run`:

* :func:`model_a_experiment` — model A: delapan kelas selain Kaus/atasan dan Pulover;
* :func:`model_b_experiment` — model B dari nol: Pulover lawan Kaus/atasan dari 200 gambar;
* :func:`model_b_on_a_experiment` — model B di atas lapisan tersembunyi A: dibekukan beberapa
  *epoch*, lalu dicairkan dan dilatih lagi;
* :func:`autoencoder_experiment` dan :func:`model_b_on_autoencoder_experiment` — pralatih tanpa
  label: encoder autoencoder yang dilatih pada gambar tanpa label, dipakai ulang untuk tugas B.

:func:`run_paired` melatih (atau mengambil dari cache) kedua konfigurasi untuk setiap benih dan
mengembalikan :class:`chapter11.paired.PairedGain` akurasi ujinya.

Example:
    >>> from chapter11.runtime import Budget
    >>> a = model_a_experiment(Budget("fast"))
    >>> a.data.classes, a.data.n_train, a.phases[0].epochs
    ((1, 3, 4, 5, 6, 7, 8, 9), 10000, 3)
    >>> b = model_b_on_a_experiment(Budget("fast"), seed=3)
    >>> b.model.reuse.source == a, [p.epochs for p in b.phases], [p.unfreeze for p in b.phases]
    (True, [4, 16], [False, True])
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ._validation import check_budget, check_int, check_seeds
from .experiments import DataSpec, Experiment, ModelSpec, Phase, run
from .paired import PairedGain
from .runtime import Budget

__all__ = [
    "GERON_RESULTS",
    "HIDDEN",
    "ENCODER_LAYERS",
    "B_TRAINING",
    "transfer_seeds",
    "model_a_experiment",
    "model_b_experiment",
    "model_b_on_a_experiment",
    "autoencoder_experiment",
    "model_b_on_autoencoder_experiment",
    "run_paired",
]

#: Hasil yang dilaporkan Géron (notebook bab 11, edisi ketiga) untuk satu benih pilihannya —
#: akurasi validasi model A, dan akurasi uji model B dari nol dan model B di atas A.
GERON_RESULTS = {"a_val_accuracy": 0.9027, "b_test_accuracy": 0.9185,
                 "b_on_a_test_accuracy": 0.9385}
#: Lapisan tersembunyi model A dan B Géron, 3 × Dense(100, ReLU, He normal).
HIDDEN = {"hidden_units": [100, 100, 100], "activation": "relu",
          "kernel_initializer": "he_normal"}
#: Lapisan autoencoder yang dipakai ulang (Flatten dan ketiga lapisan encoder).
ENCODER_LAYERS = ("flatten", "enc_1", "enc_2", "enc_3")
#: Pelatihan model B Géron, sama di kedua anggaran (200 gambar latih, murah) — SGD dengan
#: *learning rate* 0,001, *batch* 32; 20 *epoch* dari nol, atau 4 *epoch* dengan lapisan pakai
#: ulang dibekukan lalu 16 *epoch* sesudah dicairkan.
B_TRAINING = {"learning_rate": 0.001, "batch_size": 32, "epochs": 20, "frozen_epochs": 4}


def _check_budget(budget) -> Budget:
    if not isinstance(budget, Budget):
        raise TypeError("Argumen `budget` harus chapter11.runtime.Budget (mis. hasil "
                        f"runtime.setup()). Diterima: {budget!r}.")
    return budget


def transfer_seeds(budget: Budget) -> tuple[int, ...]:
    """Benih untuk pasangan model B: 10 (anggaran cepat) atau 20 (penuh).

    Example:
        >>> transfer_seeds(Budget("fast"))
        (0, 1, 2, 3, 4, 5, 6, 7, 8, 9)
    """
    return tuple(range(_check_budget(budget).pick(fast=10, full=20)))


def model_a_experiment(budget: Budget) -> Experiment:
    """Model A: delapan kelas selain Kaus/atasan dan Pulover, 3 × Dense(100, ReLU, He).

    Anggaran penuh mengikuti Géron: semua gambar latih tugas A, SGD dengan *learning rate* 0,001,
    20 *epoch*, *batch* 32. Anggaran cepat memakai 10.000 gambar dan 3 *epoch* dengan SGD 0,01 dan
    momentum 0,9 — sekitar seperdua puluh langkahnya, dengan akurasi validasi setara model A
    Géron (sekitar 0,90).
    """
    budget = _check_budget(budget)
    phase = budget.pick(
        fast=Phase(epochs=3, optimizer="sgd", learning_rate=0.01,
                   optimizer_kwargs={"momentum": 0.9}, batch_size=32,
                   validate_every_epoch=False),
        full=Phase(epochs=20, optimizer="sgd", learning_rate=0.001, batch_size=32,
                   validate_every_epoch=False))
    data = DataSpec.task_a(n_train=budget.pick(fast=10_000, full=None))
    return Experiment(model=ModelSpec("build_mlp", HIDDEN), phases=phase, data=data, seed=42,
                      label="Model A")


def _b_data() -> DataSpec:
    return DataSpec.task_b(n_train=200)


def _b_phase(epochs: int, unfreeze: bool = False) -> Phase:
    # Validasi hanya di akhir fase: tidak mengubah pelatihan (tanpa callback), dan model B
    # dinilai pada set uji (2.000 gambar).
    return Phase(epochs=epochs, optimizer="sgd", learning_rate=B_TRAINING["learning_rate"],
                 batch_size=B_TRAINING["batch_size"], unfreeze=unfreeze,
                 validate_every_epoch=False)


def _reuse_phases() -> tuple[Phase, Phase]:
    frozen = B_TRAINING["frozen_epochs"]
    return (_b_phase(frozen), _b_phase(B_TRAINING["epochs"] - frozen, unfreeze=True))


def model_b_experiment(seed: int = 0) -> Experiment:
    """Model B dari nol: 3 × Dense(100, ReLU, He) + satu unit sigmoid, 200 gambar, 20 *epoch*.

    Sama di kedua anggaran (lihat :data:`B_TRAINING`).
    """
    return Experiment(model=ModelSpec("build_mlp", HIDDEN), phases=_b_phase(B_TRAINING["epochs"]),
                      data=_b_data(), seed=check_int("seed", seed, minimum=0),
                      label="B dari nol")


def model_b_on_a_experiment(budget: Budget, seed: int = 0) -> Experiment:
    """Model B di atas lapisan tersembunyi model A (:func:`model_a_experiment`).

    Lapisan A (Flatten dan ketiga Dense) disalin beserta bobotnya dan diberi satu unit sigmoid
    baru; 4 *epoch* dengan lapisan salinan dibekukan, lalu 16 *epoch* sesudah dicairkan, dengan
    SGD 0,001 seperti kode Géron.
    """
    check_budget("budget", budget)
    return Experiment(model=ModelSpec.reusing(model_a_experiment(budget), layers=-1),
                      phases=_reuse_phases(), data=_b_data(),
                      seed=check_int("seed", seed, minimum=0), label="B di atas A")


def autoencoder_experiment(budget: Budget) -> Experiment:
    """Autoencoder pada gambar tanpa label (kesepuluh kelas): encoder 3 × Dense(100, ReLU, He).

    Targetnya gambar masukan itu sendiri (*loss* MSE); labelnya tidak dipakai. Anggaran cepat:
    10.000 gambar, 3 *epoch*; penuh: 55.000 gambar, 10 *epoch*; Adam 0,001, *batch* 32.
    """
    budget = _check_budget(budget)
    return Experiment(
        model=ModelSpec("build_autoencoder", {"encoder_units": [100, 100, 100],
                                              "activation": "relu",
                                              "kernel_initializer": "he_normal"}),
        phases=Phase(epochs=budget.pick(fast=3, full=10), optimizer="adam", learning_rate=0.001,
                     batch_size=32, validate_every_epoch=False),
        data=DataSpec(target="inputs", n_train=budget.pick(fast=10_000, full=None)),
        seed=42, label="Autoencoder")


def model_b_on_autoencoder_experiment(budget: Budget, seed: int = 0) -> Experiment:
    """Model B di atas encoder autoencoder (:data:`ENCODER_LAYERS`), dengan fase seperti B di atas A."""
    check_budget("budget", budget)
    return Experiment(model=ModelSpec.reusing(autoencoder_experiment(budget),
                                              layers=ENCODER_LAYERS),
                      phases=_reuse_phases(), data=_b_data(),
                      seed=check_int("seed", seed, minimum=0), label="B di atas encoder")


def run_paired(baseline: Callable[[int], Experiment], treated: Callable[[int], Experiment],
               seeds: Iterable[int]) -> PairedGain:
    """Latih (atau ambil dari cache) dua konfigurasi per benih; akurasi uji berpasangan.

    Args:
        baseline: fungsi ``seed → Experiment`` konfigurasi pembanding.
        treated: fungsi ``seed → Experiment`` konfigurasi yang diuji.
        seeds: benih.

    Returns:
        :class:`chapter11.paired.PairedGain` dengan akurasi uji (``RunResult.test``).
    """
    if not callable(baseline) or not callable(treated):
        raise TypeError("Argumen `baseline` dan `treated` harus fungsi benih → Experiment. "
                        f"Diterima: {baseline!r}, {treated!r}.")
    seeds = check_seeds("seeds", seeds)
    base_runs = [run(baseline(s)) for s in seeds]
    treated_runs = [run(treated(s)) for s in seeds]
    return PairedGain(seeds=seeds,
                      baseline=[r.test["accuracy"] for r in base_runs],
                      treated=[r.test["accuracy"] for r in treated_runs],
                      label=treated_runs[0].label, baseline_label=base_runs[0].label)
