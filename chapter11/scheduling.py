"""Eksperimen halaman penjadwalan *learning rate*, sebagai fungsi anggaran dan benih.

Setiap jadwal dilatih pada model dan data pembanding bersama
(:func:`chapter11.baselines.comparison_experiment`: MLP 3 × 100 ReLU/He, SGD dengan momentum
0,9 tetap, batch 32), sehingga satu-satunya perbedaan antarpelatihan adalah *learning rate*
tiap langkah. Bentuk jadwal dinyatakan dalam pecahan total langkah pelatihan ``T``, jadi
bentuknya sama di anggaran cepat maupun penuh:

* laju tetap 0,01 (:func:`chapter11.baselines.constant_baseline`);
* *power*: ``InverseTimeDecay(0.01, decay_steps=T/2, decay_rate=1)`` — sepertiganya di akhir;
* eksponensial: ``ExponentialDecay(0.01, decay_steps=T, decay_rate=0.1)`` — sepersepuluhnya;
* eksponensial bertangga: amplop yang sama, turun sekali tiap *epoch* (``staircase=True``);
* konstan per bagian: 0,01 → 0,005 sesudah 50 % langkah → 0,001 sesudah 80 %;
* kinerja: ``ReduceLROnPlateau(factor=0.5, patience=1)`` pada *loss* validasi;
* 1cycle: :class:`chapter11.keras_schedules.OneCycle` dengan puncak yang dipilih aturan
  :func:`chapter11.schedules.suggest_max_rate` dari pencari *learning rate*
  (:func:`lr_finder_experiment`).

Halaman lain (pedoman) meminta hasil yang sama lewat deskripsi yang sama, mis.
``run(one_cycle_experiment(budget))``.

Example:
    >>> from chapter11.runtime import Budget
    >>> fast = Budget("fast")
    >>> steps_per_epoch(fast), total_steps(fast)
    (313, 3130)
    >>> exps = schedule_experiments(fast, max_rate=0.02)
    >>> list(exps)[:3]
    ['laju tetap', 'power', 'eksponensial']
    >>> exps["laju tetap"] == constant_baseline(fast)
    True
"""

from __future__ import annotations

import math

from . import schedules
from ._validation import check_float, check_positive
from .baselines import comparison_data, comparison_epochs, comparison_experiment, constant_baseline
from .experiments import Experiment, Phase, callback, run
from .keras_schedules import OneCycle
from .runtime import Budget, quiet_tensorflow

keras = quiet_tensorflow()

__all__ = ["INITIAL_RATE", "MOMENTUM", "BATCH_SIZE", "FINDER_MIN_RATE", "FINDER_MAX_RATE",
           "SCHEDULE_LABELS", "train_size", "steps_per_epoch", "total_steps",
           "power_schedule", "exponential_schedule", "staircase_schedule", "piecewise_schedule",
           "scheduled_experiment", "plateau_experiment", "lr_finder_experiment",
           "suggest_one_cycle_rate", "one_cycle_experiment", "schedule_experiments"]

#: *Learning rate* awal setiap jadwal, sama dengan laju tetap garis dasar.
INITIAL_RATE = 0.01
#: Momentum SGD, tetap di setiap pelatihan halaman ini (juga 1cycle).
MOMENTUM = 0.9
#: Ukuran batch garis dasar bersama.
BATCH_SIZE = 32
#: Rentang pencari *learning rate*: dari 10⁻⁴ sampai 1 dalam satu *epoch*.
FINDER_MIN_RATE = 1e-4
FINDER_MAX_RATE = 1.0
#: Urutan dan label legenda jadwal di halaman.
SCHEDULE_LABELS = ("laju tetap", "power", "eksponensial", "eksponensial bertangga",
                   "konstan per bagian", "kinerja", "1cycle")


def _budget(budget) -> Budget:
    if not isinstance(budget, Budget):
        raise TypeError("Argumen `budget` harus chapter11.runtime.Budget (mis. hasil "
                        f"runtime.setup()). Diterima: {budget!r}.")
    return budget


def train_size(budget: Budget) -> int:
    """Banyak gambar latih data pembanding (10 000 cepat, 55 000 penuh)."""
    n = comparison_data(_budget(budget)).n_train
    return 55_000 if n is None else n


def steps_per_epoch(budget: Budget) -> int:
    """Langkah per *epoch* pada batch 32 (313 cepat, 1 719 penuh)."""
    return math.ceil(train_size(budget) / BATCH_SIZE)


def total_steps(budget: Budget) -> int:
    """Total langkah pelatihan pembanding ``T`` (*epoch* × langkah per *epoch*)."""
    return comparison_epochs(_budget(budget)) * steps_per_epoch(budget)


def power_schedule(budget: Budget):
    """``InverseTimeDecay``: ``η = 0,01 / (1 + t / (T/2))`` — turun ke sepertiganya di akhir."""
    return keras.optimizers.schedules.InverseTimeDecay(
        initial_learning_rate=INITIAL_RATE, decay_steps=total_steps(budget) // 2,
        decay_rate=1.0)


def exponential_schedule(budget: Budget):
    """``ExponentialDecay``: ``η = 0,01 · 0,1^(t / T)`` — turun ke sepersepuluhnya di akhir."""
    return keras.optimizers.schedules.ExponentialDecay(
        initial_learning_rate=INITIAL_RATE, decay_steps=total_steps(budget), decay_rate=0.1)


def staircase_schedule(budget: Budget):
    """``ExponentialDecay(staircase=True)`` dengan amplop yang sama, turun sekali tiap *epoch*.

    ``staircase=True`` dengan ``decay_steps = T`` tidak akan turun sama sekali sebelum akhir
    pelatihan; karena itu satu "anak tangga" dibuat sepanjang satu *epoch* dan faktornya
    ``0,1^(1/epoch)``.
    """
    epochs = comparison_epochs(_budget(budget))
    return keras.optimizers.schedules.ExponentialDecay(
        initial_learning_rate=INITIAL_RATE, decay_steps=steps_per_epoch(budget),
        decay_rate=0.1 ** (1 / epochs), staircase=True)


def piecewise_schedule(budget: Budget):
    """``PiecewiseConstantDecay``: 0,01, lalu 0,005 sesudah 50 % langkah, 0,001 sesudah 80 %.

    Batasnya dihitung dari total langkah pelatihan ini, sehingga keduanya benar-benar tercapai.
    """
    total = total_steps(budget)
    return keras.optimizers.schedules.PiecewiseConstantDecay(
        boundaries=[total // 2, total * 8 // 10], values=[INITIAL_RATE, 0.005, 0.001])


def scheduled_experiment(budget: Budget, learning_rate, *, seed: int = 42, label: str = "",
                         callbacks=()) -> Experiment:
    """Pelatihan pembanding (SGD, momentum 0,9, batch 32) dengan *learning rate* ``learning_rate``.

    *Learning rate* setiap langkah selalu dicatat (``result.steps``), juga bila lajunya angka.
    """
    exp = comparison_experiment(budget, optimizer="sgd", learning_rate=learning_rate,
                                optimizer_kwargs={"momentum": MOMENTUM}, batch_size=BATCH_SIZE,
                                callbacks=callbacks, seed=seed, label=label)
    phase = Phase.from_dict({**exp.phases[0].as_dict(), "record_steps": True})
    return Experiment(model=exp.model, phases=phase, data=exp.data, seed=exp.seed,
                      label=exp.label)


def plateau_experiment(budget: Budget, *, seed: int = 42, label: str = "kinerja") -> Experiment:
    """*Performance scheduling*: laju 0,01 dipotong separuh bila *loss* validasi tidak membaik
    satu *epoch* (``ReduceLROnPlateau(factor=0.5, patience=1)``)."""
    return scheduled_experiment(budget, INITIAL_RATE, seed=seed, label=label, callbacks=[
        callback("ReduceLROnPlateau", monitor="val_loss", factor=0.5, patience=1)])


def lr_finder_experiment(budget: Budget, *, seed: int = 42, min_rate: float = FINDER_MIN_RATE,
                         max_rate: float = FINDER_MAX_RATE) -> Experiment:
    """Pencari *learning rate*: satu *epoch* dengan laju yang tumbuh eksponensial.

    ``ExponentialDecay(min_rate, decay_steps=S, decay_rate=max_rate/min_rate)`` dengan ``S``
    langkah per *epoch*: langkah ke-``i`` memakai ``min_rate · (max_rate/min_rate)^(i/S)``.
    Model, data, optimizer dan batch sama dengan pelatihan yang akan memakai hasilnya.
    """
    min_rate = check_positive("min_rate", min_rate)
    max_rate = check_float("max_rate", max_rate, minimum=min_rate, strict_minimum=True)
    steps = steps_per_epoch(budget)
    schedule = keras.optimizers.schedules.ExponentialDecay(
        initial_learning_rate=min_rate, decay_steps=steps, decay_rate=max_rate / min_rate)
    exp = scheduled_experiment(budget, schedule, seed=seed, label="pencari learning rate")
    phase = Phase.from_dict({**exp.phases[0].as_dict(), "epochs": 1})
    return Experiment(model=exp.model, phases=phase, data=exp.data, seed=exp.seed,
                      label=exp.label)


def suggest_one_cycle_rate(budget: Budget, *, seed: int = 42) -> schedules.RateSuggestion:
    """Jalankan (atau ambil dari cache) pencari *learning rate* dan terapkan aturan
    :func:`chapter11.schedules.suggest_max_rate`."""
    result = run(lr_finder_experiment(budget, seed=seed))
    return schedules.suggest_max_rate(result.steps["learning_rate"], result.steps["loss"])


def one_cycle_experiment(budget: Budget, *, seed: int = 42, max_rate: float | None = None,
                         label: str = "1cycle") -> Experiment:
    """1cycle sepanjang ``T`` langkah, momentum tetap 0,9.

    Args:
        budget: anggaran.
        seed: benih pelatihan (pencari *learning rate* selalu memakai benih 42, sehingga semua
            benih memakai puncak yang sama).
        max_rate: puncak; ``None`` memakai aturan :func:`suggest_one_cycle_rate` (menjalankan
            pencari bila belum ada di cache).
        label: nama legenda.
    """
    if max_rate is None:
        max_rate = suggest_one_cycle_rate(budget).max_rate
    return scheduled_experiment(budget, OneCycle(total_steps(budget), max_rate), seed=seed,
                                label=label)


def schedule_experiments(budget: Budget, *, seed: int = 42,
                         max_rate: float | None = None) -> dict[str, Experiment]:
    """Semua pelatihan halaman, urut seperti :data:`SCHEDULE_LABELS`.

    ``"laju tetap"`` adalah garis dasar bersama :func:`chapter11.baselines.constant_baseline`
    (tanpa catatan per langkah; lajunya per *epoch* ada di ``history``).
    """
    return {
        "laju tetap": constant_baseline(budget, seed=seed, label="laju tetap"),
        "power": scheduled_experiment(budget, power_schedule(budget), seed=seed, label="power"),
        "eksponensial": scheduled_experiment(budget, exponential_schedule(budget), seed=seed,
                                             label="eksponensial"),
        "eksponensial bertangga": scheduled_experiment(
            budget, staircase_schedule(budget), seed=seed, label="eksponensial bertangga"),
        "konstan per bagian": scheduled_experiment(budget, piecewise_schedule(budget), seed=seed,
                                                   label="konstan per bagian"),
        "kinerja": plateau_experiment(budget, seed=seed),
        "1cycle": one_cycle_experiment(budget, seed=seed, max_rate=max_rate),
    }
