"""Eksperimen halaman penjadwalan *learning rate*, sebagai fungsi anggaran dan benih.

Setiap jadwal dilatih pada model dan data pembanding bersama
(``chapter11.baselines.comparison_experiment``: MLP 3 × 100 ReLU/He, SGD dengan momentum
0,9 tetap, batch 32), sehingga satu-satunya perbedaan antarpelatihan adalah *learning rate*
tiap langkah. Bentuk jadwal dinyatakan dalam pecahan total langkah pelatihan ``T``, jadi
bentuknya sama di anggaran cepat maupun penuh:

* laju tetap 0,01 (``chapter11.baselines.constant_baseline``);
* *power*: ``InverseTimeDecay(0.01, decay_steps=T/2, decay_rate=1)`` — sepertiganya di akhir;
* eksponensial: ``ExponentialDecay(0.01, decay_steps=T, decay_rate=0.1)`` — sepersepuluhnya;
* eksponensial bertangga: amplop yang sama, turun sekali tiap *epoch* (``staircase=True``);
* konstan per bagian: 0,01 → 0,005 sesudah 50 % langkah → 0,001 sesudah 80 %;
* kinerja: ``ReduceLROnPlateau(factor=0.5, patience=1)`` pada *loss* validasi;
* 1cycle: :class:`chapter11.keras_schedules.OneCycle` dengan puncak yang dipilih aturan
  :func:`chapter11.schedules.suggest_max_rate` (separuh titik naik *loss*) dari pencari
  *learning rate* (:func:`lr_finder_experiment`).

Halaman lain dapat meminta hasil yang sama lewat deskripsi yang sama, mis.
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
from collections.abc import Iterable, Mapping

from . import schedules
from ._validation import (check_bool, check_budget, check_float, check_int, check_positive,
                          check_report, check_report_list)
from .baselines import comparison_data, comparison_epochs, comparison_experiment, constant_baseline
from .experiments import Experiment, Phase, callback, run
from .keras_schedules import OneCycle
from .runtime import Budget, quiet_tensorflow

keras = quiet_tensorflow()

__all__ = [
    "BATCH_SIZE",
    "FINDER_MAX_RATE",
    "FINDER_MIN_RATE",
    "INITIAL_RATE",
    "MOMENTUM",
    "ONE_CYCLE_DIVISOR",
    "SCHEDULE_LABELS",
    "exponential_schedule",
    "format_epoch_list",
    "format_rate",
    "format_schedule_table",
    "lr_finder_experiment",
    "one_cycle_experiment",
    "piecewise_schedule",
    "plateau_experiment",
    "power_schedule",
    "rate_drops",
    "schedule_experiments",
    "scheduled_experiment",
    "staircase_schedule",
    "steps_per_epoch",
    "suggest_one_cycle_rate",
    "total_steps",
    "train_size",
]

#: *Learning rate* awal setiap jadwal, sama dengan laju tetap garis dasar.
INITIAL_RATE = 0.01
#: Momentum SGD, tetap di setiap pelatihan halaman ini (juga 1cycle).
MOMENTUM = 0.9
#: Ukuran batch garis dasar bersama.
BATCH_SIZE = 32
#: Rentang pencari *learning rate*, dari 10⁻⁴ sampai 1 dalam satu *epoch*.
FINDER_MIN_RATE = 1e-4
FINDER_MAX_RATE = 1.0
#: Pembagi dalam aturan puncak 1cycle, yaitu puncak = titik naik pencari / pembagi,
#: dibulatkan ke bawah (:func:`chapter11.schedules.suggest_max_rate`). Smith memakai tempat
#: *loss* mulai naik sebagai batas atas siklus; separuhnya memberi batas aman.
ONE_CYCLE_DIVISOR = 2.0
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
    check_budget("budget", budget)
    n = comparison_data(_budget(budget)).n_train
    return 55_000 if n is None else n


def steps_per_epoch(budget: Budget) -> int:
    """Langkah per *epoch* pada batch 32 (313 cepat, 1 719 penuh)."""
    check_budget("budget", budget)
    return math.ceil(train_size(budget) / BATCH_SIZE)


def total_steps(budget: Budget) -> int:
    """Total langkah pelatihan pembanding ``T`` (*epoch* × langkah per *epoch*)."""
    check_budget("budget", budget)
    return comparison_epochs(_budget(budget)) * steps_per_epoch(budget)


def power_schedule(budget: Budget):
    """*Power*: ``η = 0,01 / (1 + t / (T/2))``, sepertiganya di akhir."""
    check_budget("budget", budget)
    return keras.optimizers.schedules.InverseTimeDecay(
        initial_learning_rate=INITIAL_RATE,
        decay_steps=total_steps(budget) // 2,
        decay_rate=1.0)


def exponential_schedule(budget: Budget):
    """Eksponensial: ``η = 0,01 · 0,1^(t / T)``, sepersepuluhnya di akhir."""
    check_budget("budget", budget)
    return keras.optimizers.schedules.ExponentialDecay(
        initial_learning_rate=INITIAL_RATE,
        decay_steps=total_steps(budget),
        decay_rate=0.1)


def staircase_schedule(budget: Budget):
    """Eksponensial bertangga: amplop yang sama, turun sekali tiap *epoch*.

    Dengan ``staircase=True`` dan ``decay_steps = T`` laju tidak turun
    sebelum akhir pelatihan; karena itu satu anak tangga = satu *epoch*
    dan faktornya ``0,1^(1/epoch)``.
    """
    check_budget("budget", budget)
    epochs = comparison_epochs(_budget(budget))
    return keras.optimizers.schedules.ExponentialDecay(
        initial_learning_rate=INITIAL_RATE,
        decay_steps=steps_per_epoch(budget),
        decay_rate=0.1 ** (1 / epochs),
        staircase=True)


def piecewise_schedule(budget: Budget):
    """Konstan per bagian: 0,01; 0,005 sesudah 50 % langkah; 0,001 sesudah 80 %.

    Batasnya dihitung dari total langkah pelatihan ini, jadi keduanya tercapai.
    """
    check_budget("budget", budget)
    total = total_steps(budget)
    return keras.optimizers.schedules.PiecewiseConstantDecay(
        boundaries=[total // 2, total * 8 // 10],
        values=[INITIAL_RATE, 0.005, 0.001])


def scheduled_experiment(budget: Budget, learning_rate, *, seed: int = 42, label: str = "",
                         callbacks=(), momentum: float = MOMENTUM,
                         record_steps: bool = False) -> Experiment:
    """Pelatihan pembanding (SGD, momentum 0,9, batch 32) dengan *learning rate* ``learning_rate``.

    *Learning rate* setiap langkah dicatat (``result.steps["learning_rate"]``) bila lajunya
    jadwal atau diubah *callback* ``ReduceLROnPlateau``; *loss* per langkah hanya dengan
    ``record_steps=True`` (pencari *learning rate*), yang melatih satu langkah per panggilan.
    ``momentum`` hanya untuk percobaan (latihan halaman); semua pelatihan halaman memakai 0,9.
    """
    check_budget("budget", budget)
    momentum = check_float("momentum", momentum, minimum=0.0, maximum=1.0)
    callbacks = _check_callbacks(callbacks)
    exp = comparison_experiment(budget, optimizer="sgd", learning_rate=learning_rate,
                                optimizer_kwargs={"momentum": momentum}, batch_size=BATCH_SIZE,
                                callbacks=callbacks, seed=seed, label=label)
    phase = Phase.from_dict({**exp.phases[0].as_dict(),
                             "record_steps": check_bool("record_steps", record_steps)})
    return Experiment(model=exp.model, phases=phase, data=exp.data, seed=exp.seed,
                      label=exp.label)


def _check_callbacks(callbacks) -> tuple:
    """Setiap anggota ``callbacks`` konfigurasi dari ``chapter11.experiments.callback``."""
    if isinstance(callbacks, (str, bytes, Mapping)) or not isinstance(callbacks, Iterable):
        raise TypeError("Argumen `callbacks` harus urutan konfigurasi dari "
                        f"chapter11.experiments.callback(...). Diterima: callbacks={callbacks!r}.")
    callbacks = tuple(callbacks)     # generator: dibaca sekali di sini
    for item in callbacks:
        if not isinstance(item, Mapping):
            raise TypeError("Setiap anggota `callbacks` harus dibuat dengan "
                            "chapter11.experiments.callback(nama, ...). "
                            f"Diterima: anggota {item!r} (tipe {type(item).__name__}).")
    return callbacks


def plateau_experiment(budget: Budget, *, seed: int = 42, label: str = "kinerja") -> Experiment:
    """*Performance scheduling*: laju 0,01 dipotong separuh bila *loss* validasi tidak membaik
    satu *epoch* (``ReduceLROnPlateau(factor=0.5, patience=1)``)."""
    check_budget("budget", budget)
    return scheduled_experiment(budget, INITIAL_RATE, seed=seed, label=label, callbacks=[
        callback("ReduceLROnPlateau", monitor="val_loss", factor=0.5, patience=1)])


def lr_finder_experiment(budget: Budget, *, seed: int = 42, min_rate: float = FINDER_MIN_RATE,
                         max_rate: float = FINDER_MAX_RATE,
                         momentum: float = MOMENTUM) -> Experiment:
    """Pencari *learning rate*: satu *epoch* dengan laju yang tumbuh eksponensial.

    ``ExponentialDecay(min_rate, decay_steps=S, decay_rate=max_rate/min_rate)`` dengan ``S``
    langkah per *epoch*: langkah ke-``i`` memakai ``min_rate · (max_rate/min_rate)^(i/S)``.
    Model, data, optimizer dan batch sama dengan pelatihan yang akan memakai hasilnya
    (``momentum`` lain hanya untuk percobaan).
    """
    check_budget("budget", budget)
    min_rate = check_positive("min_rate", min_rate)
    max_rate = check_float("max_rate", max_rate, minimum=min_rate, strict_minimum=True)
    steps = steps_per_epoch(budget)
    schedule = keras.optimizers.schedules.ExponentialDecay(
        initial_learning_rate=min_rate, decay_steps=steps, decay_rate=max_rate / min_rate)
    exp = scheduled_experiment(budget, schedule, seed=seed, label="pencari learning rate",
                               momentum=momentum, record_steps=True)
    phase = Phase.from_dict({**exp.phases[0].as_dict(), "epochs": 1})
    return Experiment(model=exp.model, phases=phase, data=exp.data, seed=exp.seed,
                      label=exp.label)


def suggest_one_cycle_rate(budget: Budget, *, seed: int = 42) -> schedules.RateSuggestion:
    """Jalankan (atau ambil dari cache) pencari *learning rate* dan terapkan aturan
    :func:`chapter11.schedules.suggest_max_rate`."""
    check_budget("budget", budget)
    result = run(lr_finder_experiment(budget, seed=seed))
    return schedules.suggest_max_rate(result.steps["learning_rate"], result.steps["loss"],
                                      decades=0.25, climb=0.1, divisor=ONE_CYCLE_DIVISOR)


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
    check_budget("budget", budget)
    check_int("seed", seed, minimum=0)          # sebelum pencari dijalankan
    if not isinstance(label, str):
        raise TypeError(f"Argumen `label` harus string. Diterima: label={label!r}.")
    if max_rate is not None:
        check_positive("max_rate", max_rate)
    if max_rate is None:
        max_rate = suggest_one_cycle_rate(budget).max_rate
    return scheduled_experiment(budget, OneCycle(total_steps(budget), max_rate), seed=seed,
                                label=label)


def schedule_experiments(budget: Budget, *, seed: int = 42,
                         max_rate: float | None = None) -> dict[str, Experiment]:
    """Semua pelatihan halaman, urut seperti :data:`SCHEDULE_LABELS`.

    ``"laju tetap"`` adalah garis dasar bersama ``chapter11.baselines.constant_baseline``
    (tanpa catatan per langkah; lajunya per *epoch* ada di ``history``).
    """
    check_budget("budget", budget)
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


def rate_drops(result) -> list[int]:
    """*Epoch* (mulai 1) yang lajunya lebih kecil daripada *epoch* sebelumnya.

    Dibaca dari ``result.history["learning_rate"]`` (laju langkah pertama tiap *epoch*); untuk
    ``ReduceLROnPlateau`` inilah *epoch* sesudah laju dipotong.

    Example:
        >>> from types import SimpleNamespace
        >>> rate_drops(SimpleNamespace(history={"learning_rate": (0.01, 0.01, 0.005, 0.0025)}))
        [3, 4]
    """
    check_report("result", result, ("history",), "RunResult (hasil run)")
    if not isinstance(result.history, Mapping) or "learning_rate" not in result.history:
        keys = list(result.history) if isinstance(result.history, Mapping) else result.history
        raise ValueError("Argumen `result` harus mencatat learning rate per epoch "
                         f"(history['learning_rate']). Diterima: history dengan kunci {keys!r}.")
    rates = result.history["learning_rate"]
    return [i + 1 for i in range(1, len(rates)) if rates[i] < rates[i - 1] * (1 - 1e-6)]


def format_schedule_table(results) -> str:
    """Tabel Markdown hasil perbandingan: laju awal dan akhir, akurasi validasi akhir dan terbaik.

    Args:
        results: ``{label: RunResult}`` (urutan dipertahankan).

    Example:
        >>> from types import SimpleNamespace
        >>> r = SimpleNamespace(history={"learning_rate": (0.01, 0.005),
        ...                              "val_accuracy": (0.8312, 0.8456)},
        ...                     steps={"learning_rate": (0.01, 0.0075, 0.005, 0.001)})
        >>> print(format_schedule_table({"contoh": r}).splitlines()[2])
        | contoh | 0,01 | 0,001 | 0,8456 | 0,8456 (2) |
    """
    from .formatting import format_number

    if not isinstance(results, Mapping):
        raise TypeError("Argumen `results` harus dict {label: RunResult}. "
                        f"Diterima: results={results!r} (tipe {type(results).__name__}).")
    if results:
        check_report_list("results", results, ("history", "steps"), "RunResult (hasil run)")
    header = ("| Jadwal | *Learning rate* awal | *Learning rate* akhir | Akurasi validasi akhir "
              "| Akurasi validasi terbaik (*epoch*) |\n|---|---|---|---|---|")
    rows = []
    for label, result in results.items():
        rates = result.steps.get("learning_rate") or result.history["learning_rate"]
        accuracy = result.history["val_accuracy"]
        best = max(range(len(accuracy)), key=lambda i: accuracy[i])
        rows.append(f"| {label} | {format_rate(rates[0])} "
                    f"| {format_rate(rates[-1])} | {format_number(accuracy[-1], 4)} "
                    f"| {format_number(accuracy[best], 4)} ({best + 1}) |")
    return "\n".join([header, *rows])


def format_rate(rate: float) -> str:
    """*Learning rate* untuk tabel: dua angka penting, koma desimal.

    Example:
        >>> format_rate(0.0035714), format_rate(0.01), format_rate(1.3e-05)
        ('0,0036', '0,01', '1,3 × 10⁻⁵')
    """
    from .formatting import format_sci

    check_positive("rate", rate)
    if rate >= 1e-3:
        text = f"{float(f'{rate:.2g}'):.6f}".rstrip("0").rstrip(".")
        return text.replace(".", ",")
    return format_sci(rate, 1)


def format_epoch_list(epochs) -> str:
    """Daftar nomor *epoch* untuk prosa: ``"5"``, ``"9 dan 10"``, ``"3, 7, dan 9"``.

    Example:
        >>> format_epoch_list([9, 10]), format_epoch_list([3, 7, 9])
        ('9 dan 10', '3, 7, dan 9')
    """
    from .formatting import format_int

    if isinstance(epochs, (str, bytes, Mapping)) or not isinstance(epochs, Iterable):
        raise TypeError("Argumen `epochs` harus urutan nomor epoch. "
                        f"Diterima: epochs={epochs!r} (tipe {type(epochs).__name__}).")
    epochs = list(epochs)
    if not epochs:
        raise ValueError("Argumen `epochs` tidak boleh kosong. Diterima: epochs=[].")
    for e in epochs:
        check_int("epochs", e, minimum=1)
    items = [format_int(e) for e in epochs]
    if len(items) <= 2:
        return " dan ".join(items)
    return ", ".join(items[:-1]) + ", dan " + items[-1]
