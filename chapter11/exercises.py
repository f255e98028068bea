"""Latihan bab 11: deskripsi eksperimen latihan 8 Géron dan alat kecil untuk jawabannya.

Latihan 8 Géron melatih MLP 20 lapisan tersembunyi × 100 unit pada CIFAR-10 dalam lima langkah:
(b) Swish + He dengan Nadam dan *early stopping*, (c) ditambah *Batch Normalization*, (d) SELU +
LeCun dengan masukan yang distandardisasi, (e) ditambah *alpha dropout* — lalu *MC dropout* tanpa
melatih ulang — dan (f) model (e) dilatih dengan jadwal 1cycle. :func:`deep_experiment`
mendeskripsikan setiap langkah sebagai :class:`~chapter11.experiments.Experiment`; halaman
:ref:`sec-latihan` menjalankannya pada Fashion-MNIST (CIFAR-10 tidak dapat diunduh saat buku
dibangun), dan pembaca yang memiliki CIFAR-10 menjalankan deskripsi yang sama dengan
``dataset="cifar10"``.

Example:
    >>> from chapter11.runtime import Budget
    >>> exp = deep_experiment("c", Budget("fast"))
    >>> exp.model.kwargs["depth"], exp.model.kwargs["batch_norm"], exp.phases[0].optimizer
    (20, 'before', 'Nadam')
    >>> deep_experiment("d", Budget("fast"), dataset="cifar10").data.dataset
    'cifar10'
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from ._validation import (check_budget, check_choice, check_float, check_int, check_limit,
                          check_report, check_str)
from .experiments import DataSpec, Experiment, ModelSpec, Phase, RunResult, callback, load_task
from .experiments.spec import DATASETS
from .formatting import format_int, format_number, format_sci
from .keras_schedules import OneCycle
from .runtime import Budget, quiet_tensorflow
from .schedules import RateSuggestion, suggest_max_rate

keras = quiet_tensorflow()

__all__ = [
    "PARTS", "PART_TITLES", "GERON_CIFAR10_ACCURACY", "ExerciseSettings", "exercise_settings",
    "deep_model", "deep_experiment", "lr_finder_experiment", "choose_max_rate",
    "mc_dropout_accuracy", "best_epoch", "ExerciseRow", "exercise_row", "format_exercise_table",
    "symmetric_init_spread", "momentum_trajectory", "GeronClaim", "check_geron_claims",
    "format_geron_claims", "compare_words",
]

#: Langkah latihan 8 yang melatih model, berurutan.
PARTS = ("b", "c", "d", "e", "f")
PART_TITLES = {
    "b": "Swish + He, Nadam",
    "c": "+ Batch Normalization",
    "d": "SELU + LeCun, masukan distandardisasi",
    "e": "+ alpha dropout",
    "e_mc": "+ MC dropout (tanpa melatih ulang)",
    "f": "model (e) dengan 1cycle",
}
#: Akurasi validasi model-model solusi Géron pada CIFAR-10 (notebook ``handson-ml3``, nilai yang
#: tersimpan di notebook itu), untuk dibandingkan; bukan hasil buku ini.
GERON_CIFAR10_ACCURACY = {"b": 0.4676, "c": 0.5074, "d": 0.5026, "e": 0.4982, "e_mc": 0.4984,
                          "f": 0.5242}

DEPTH, UNITS = 20, 100
NADAM_RATE = 1e-3
ALPHA_DROPOUT = 0.1


@dataclass(frozen=True)
class ExerciseSettings:
    """Ukuran latihan 8 untuk satu anggaran.

    Attributes:
        n_train, n_valid: banyak gambar latih dan validasi (``None``: semuanya).
        max_epochs: batas epoch bagian b–e (*early stopping* bisa berhenti lebih awal).
        patience: kesabaran ``EarlyStopping`` (epoch tanpa perbaikan *loss* validasi).
        batch_size: ukuran batch bagian b–e.
        one_cycle_epochs: epoch bagian f (1cycle, tanpa *early stopping*).
        one_cycle_batch_size: ukuran batch bagian f dan pencari *learning rate*.
        mc_samples: banyak lintasan maju *MC dropout*.
        finder_epochs: epoch pencari *learning rate* (laju tumbuh dari 10⁻⁴ sampai 1).
        batch_norm_momentum: momentum rata-rata bergerak BN bagian c.
    """

    n_train: int | None
    n_valid: int | None
    max_epochs: int
    patience: int
    batch_size: int
    one_cycle_epochs: int
    one_cycle_batch_size: int
    mc_samples: int
    finder_epochs: int
    batch_norm_momentum: float


def exercise_settings(budget: Budget) -> ExerciseSettings:
    """Ukuran latihan 8: subset kecil (cepat) atau pengaturan solusi Géron (penuh).

    Anggaran penuh mengikuti Géron: semua data, sampai 100 epoch dengan ``patience=20``, batch 32;
    1cycle 15 epoch dengan batch 128; BN dengan momentum bawaan Keras 0,99. Anggaran cepat memakai
    4.000 gambar latih dan 2.000 gambar validasi dengan batch 128, paling banyak 8 epoch (256
    langkah) per model. Dengan langkah sesedikit itu rata-rata bergerak BN bermomentum 0,99 belum
    sempat mengejar statistik sesungguhnya (halaman :ref:`sec-batch-norm`), sehingga akurasi
    validasi model BN akan tampak buruk hanya karena anggarannya; anggaran cepat memakai momentum
    0,9.
    """
    check_budget("budget", budget)
    if not isinstance(budget, Budget):
        raise TypeError("Argumen `budget` harus chapter11.runtime.Budget (hasil runtime.setup()). "
                        f"Diterima: {budget!r}.")
    if budget.is_full:
        return ExerciseSettings(n_train=None, n_valid=None, max_epochs=100, patience=20,
                                batch_size=32, one_cycle_epochs=15, one_cycle_batch_size=128,
                                mc_samples=10, finder_epochs=1, batch_norm_momentum=0.99)
    return ExerciseSettings(n_train=6_000, n_valid=2_000, max_epochs=6, patience=3,
                            batch_size=256, one_cycle_epochs=6, one_cycle_batch_size=256,
                            mc_samples=10, finder_epochs=2, batch_norm_momentum=0.9)


def deep_model(part: str, *, batch_norm_momentum: float = 0.99) -> ModelSpec:
    """Model bagian ``part``: 20 × Dense(100) dengan aktivasi, inisialisasi dan lapisan tambahannya.

    Args:
        part: ``"b"`` (Swish, He), ``"c"`` (Swish, He, BN sebelum aktivasi), ``"d"`` (SELU,
            LeCun), ``"e"`` dan ``"f"`` (SELU, LeCun, *alpha dropout* 0,1 sebelum lapisan
            keluaran).
        batch_norm_momentum: momentum BN bagian c (bawaan Keras 0,99; tidak ditulis di
            deskripsi bila sama dengan bawaan).
    """
    check_choice("part", part, PARTS)
    batch_norm_momentum = check_float("batch_norm_momentum", batch_norm_momentum, minimum=0.0)
    kwargs = {"depth": DEPTH, "units": UNITS}
    if part in ("b", "c"):
        kwargs.update(activation="swish", kernel_initializer="he_normal")
        if part == "c":
            kwargs["batch_norm"] = "before"
            if batch_norm_momentum != 0.99:
                kwargs["batch_norm_momentum"] = batch_norm_momentum
    else:
        kwargs.update(activation="selu", kernel_initializer="lecun_normal")
        if part in ("e", "f"):
            kwargs.update(dropout=ALPHA_DROPOUT, dropout_kind="alpha", dropout_layers="last")
    return ModelSpec("build_deep_mlp", kwargs)


def _data(part: str, budget: Budget, dataset: str) -> DataSpec:
    s = exercise_settings(budget)
    check_choice("dataset", dataset, DATASETS)
    scaling = "unit" if part in ("b", "c") else "standardize"
    return DataSpec(n_train=s.n_train, n_valid=s.n_valid, scaling=scaling, dataset=dataset)


def _train_size(data: DataSpec) -> int:
    if data.n_train is not None:
        return data.n_train
    return 45_000 if data.dataset == "cifar10" else 55_000


def deep_experiment(part: str, budget: Budget, *, dataset: str = "fashion_mnist", seed: int = 0,
                    max_rate: float | None = None) -> Experiment:
    """Deskripsi pelatihan satu bagian latihan 8.

    Bagian b–e: Nadam dengan *learning rate* 10⁻³, ``EarlyStopping`` pada *loss* validasi dengan
    ``restore_best_weights=True``. Bagian f: model (e) dengan SGD dan jadwal
    ``chapter11.keras_schedules.OneCycle`` berpuncak ``max_rate`` (``.max_rate`` dari
    :func:`choose_max_rate`), tanpa *early stopping*.

    Args:
        part: salah satu dari :data:`PARTS`.
        budget: anggaran (lihat :func:`exercise_settings`).
        dataset: ``"fashion_mnist"`` (bawaan, seperti di buku) atau ``"cifar10"`` (hanya bila
            CIFAR-10 ada di cache Keras atau dapat diunduh).
        seed: benih.
        max_rate: puncak 1cycle; wajib untuk bagian f, tidak dipakai bagian lain.

    Raises:
        ValueError: ``part``/``dataset`` tidak dikenal, atau ``max_rate`` tidak cocok dengan
            bagiannya.
    """
    check_budget("budget", budget)
    check_choice("part", part, PARTS)
    settings = exercise_settings(budget)
    data = _data(part, budget, dataset)
    if part == "f":
        if max_rate is None:
            raise ValueError("Bagian f memerlukan `max_rate` (choose_max_rate(...).max_rate). "
                             "Diterima: max_rate=None.")
        max_rate = check_float("max_rate", max_rate, minimum=0.0, strict_minimum=True)
        steps = settings.one_cycle_epochs * math.ceil(_train_size(data)
                                                      / settings.one_cycle_batch_size)
        phase = Phase(epochs=settings.one_cycle_epochs, optimizer="sgd",
                      learning_rate=OneCycle(total_steps=steps, max_rate=max_rate),
                      batch_size=settings.one_cycle_batch_size)
    else:
        if max_rate is not None:
            raise ValueError(f"Argumen `max_rate` hanya untuk bagian f. Diterima: part={part!r}, "
                             f"max_rate={max_rate!r}.")
        phase = Phase(epochs=settings.max_epochs, optimizer="nadam", learning_rate=NADAM_RATE,
                      batch_size=settings.batch_size,
                      callbacks=[callback("EarlyStopping", patience=settings.patience,
                                          restore_best_weights=True)])
    model = deep_model(part, batch_norm_momentum=settings.batch_norm_momentum)
    return Experiment(model=model, phases=phase, data=data, seed=seed,
                      label=f"({part}) {PART_TITLES[part]}")


def lr_finder_experiment(budget: Budget, *, dataset: str = "fashion_mnist", seed: int = 0,
                         min_rate: float = 1e-4, max_rate: float = 1.0) -> Experiment:
    """Pencari *learning rate* untuk bagian f: SGD dengan laju yang tumbuh eksponensial.

    Model (e), batch 128, *learning rate* dari ``min_rate`` sampai ``max_rate`` dengan
    ``ExponentialDecay(decay_rate=max_rate/min_rate)`` selama ``finder_epochs`` epoch (satu epoch
    seperti Géron pada anggaran penuh; dua pada anggaran cepat agar kurvanya punya cukup titik);
    ``result.steps`` berisi *loss* dan laju setiap langkah.
    """
    check_budget("budget", budget)
    min_rate = check_float("min_rate", min_rate, minimum=0.0, strict_minimum=True)
    max_rate = check_float("max_rate", max_rate, minimum=min_rate, strict_minimum=True)
    settings = exercise_settings(budget)
    data = _data("e", budget, dataset)
    steps = settings.finder_epochs * math.ceil(_train_size(data) / settings.one_cycle_batch_size)
    schedule = keras.optimizers.schedules.ExponentialDecay(
        initial_learning_rate=min_rate, decay_steps=steps, decay_rate=max_rate / min_rate)
    return Experiment(model=deep_model("e"),
                      phases=Phase(epochs=settings.finder_epochs, optimizer="sgd",
                                   learning_rate=schedule,
                                   batch_size=settings.one_cycle_batch_size,
                                   record_steps=True),
                      data=data, seed=seed, label="pencari learning rate")


_RESULT = "RunResult (hasil chapter11.experiments.run)"


def _check_rows(rows) -> tuple:
    if isinstance(rows, (str, bytes)) or not isinstance(rows, (list, tuple)):
        raise TypeError("Argumen `rows` harus daftar ExerciseRow (hasil exercise_row). "
                        f"Diterima: rows={rows!r} (tipe {type(rows).__name__}).")
    for row in rows:
        if not isinstance(row, ExerciseRow):
            raise TypeError("Setiap anggota `rows` harus ExerciseRow. "
                            f"Diterima: anggota {row!r} (tipe {type(row).__name__}).")
    return tuple(rows)


def _check_geron(geron, *, complete: bool = False) -> dict:
    if not isinstance(geron, Mapping):
        raise TypeError("Argumen `geron` harus dict bagian → akurasi, mis. "
                        f"GERON_CIFAR10_ACCURACY. Diterima: geron={geron!r} "
                        f"(tipe {type(geron).__name__}).")
    for part, accuracy in geron.items():
        check_choice("geron (kunci)", part, (*PARTS, "e_mc"))
        check_float(f"geron[{part!r}]", accuracy, minimum=0.0, maximum=1.0)
    missing = [p for p in (*PARTS, "e_mc") if p not in geron] if complete else []
    if missing:
        raise ValueError(f"Argumen `geron` harus memuat akurasi setiap bagian; belum ada: "
                         f"{', '.join(missing)}. Diterima: geron={dict(geron)!r}.")
    return dict(geron)


def choose_max_rate(result: RunResult, *, decades: float = 0.25, climb: float = 0.1,
                    divisor: float = 2.0) -> RateSuggestion:
    """Puncak 1cycle dari hasil pencari *learning rate*, dengan aturan halaman *learning rate*.

    Menerapkan :func:`chapter11.schedules.suggest_max_rate` pada *loss* dan laju yang tercatat
    setiap langkah: *loss* dihaluskan dengan rata-rata bergerak terpusat selebar ``decades``
    dekade laju; **dasar lembah** adalah *loss* halus terkecil; **titik naik** adalah langkah
    pertama sesudahnya yang *loss* halusnya melewati dasar + ``climb`` × (*loss* awal − dasar);
    puncaknya laju titik naik dibagi ``divisor``, dibulatkan ke bawah ke satu angka penting.
    Untuk 1cycle, Smith (2018) memilih puncak di dekat laju terbesar yang masih menurunkan
    *loss*; separuh laju titik naik (bawaan) masih aman di dalam lembah. (Untuk *learning rate*
    **tetap**, Géron menyarankan kira-kira sepersepuluh laju tempat *loss* mulai naik:
    ``divisor=10``.) Gambarnya: :func:`chapter11.plotting.plot_lr_finder`.

    Args:
        result: hasil :func:`lr_finder_experiment` (atau pelatihan lain yang mencatat langkah).
        decades: lebar jendela penghalus dalam dekade *learning rate*, > 0.
        climb: bagian penurunan total yang menandai titik naik, di (0, 1].
        divisor: pembagi, > 0.

    Returns:
        ``RateSuggestion``; puncak 1cycle ada di ``.max_rate``.

    Raises:
        ValueError: hasil tanpa catatan per langkah, *loss* yang tidak pernah naik lagi, atau
            argumen di luar rentang.

    Example:
        >>> from types import SimpleNamespace
        >>> rates = np.geomspace(1e-4, 1, 81)                    # 20 langkah per dekade
        >>> loss = 1 + 0.25 * (np.log10(rates) + 2) ** 2         # dasar lembah di 10⁻²
        >>> r = SimpleNamespace(steps={"learning_rate": tuple(rates), "loss": tuple(loss)})
        >>> s = choose_max_rate(r)  # batas 1,1: grid pertama di atas 10^(√0,4 − 2) ≈ 0,043
        >>> round(s.min_rate, 6), round(s.climb_rate, 4), s.max_rate
        (0.01, 0.0447, 0.02)
    """
    decades = check_float("decades", decades, minimum=0.0, strict_minimum=True)
    climb = check_float("climb", climb, minimum=0.0, maximum=1.0, strict_minimum=True)
    divisor = check_float("divisor", divisor, minimum=0.0, strict_minimum=True)
    check_report("result", result, ("steps",), _RESULT)
    rates = np.asarray(result.steps.get("learning_rate", ()), dtype=float)
    losses = np.asarray(result.steps.get("loss", ()), dtype=float)
    if rates.size < 2 or rates.size != losses.size:
        raise ValueError("Hasil harus mencatat loss dan learning rate setiap langkah (jadwal "
                         f"atau record_steps=True). Diterima: {rates.size} laju, "
                         f"{losses.size} loss.")
    return suggest_max_rate(rates, losses, decades=decades, climb=climb, divisor=divisor)


def best_epoch(result: RunResult) -> int:
    """Epoch (mulai 1) yang bobotnya dipulihkan ``EarlyStopping``: *loss* validasi terendah.

    Untuk pelatihan tanpa *early stopping* (bagian f), epoch terakhir.
    """
    check_report("result", result, ("experiment", "history"), _RESULT)
    callbacks = [c["class_name"] for p in result.experiment.phases for c in p.callbacks]
    if "EarlyStopping" not in callbacks:
        return len(result.history["val_loss"])
    return int(np.nanargmin(result.history["val_loss"])) + 1


def mc_dropout_accuracy(result: RunResult, *, n_samples: int = 10, seed: int = 0) -> float:
    """Akurasi validasi *MC dropout*: rata-rata ``n_samples`` prediksi dengan *dropout* aktif.

    Model terlatih dimuat dari cache; setiap lintasan memanggil ``model(x, training=True)``
    sehingga *alpha dropout* tetap aktif, dan peluang kelasnya dirata-rata sebelum dipilih kelas
    terbesarnya (Gal & Ghahramani, 2016). Tanpa melatih ulang.

    Args:
        result: hasil pelatihan model yang memakai *dropout* (bagian e).
        n_samples: banyak lintasan maju (Géron memakai 10).
        seed: benih untuk pola *dropout*.
    """
    check_report("result", result, ("experiment", "load_model"), _RESULT)
    n_samples = check_limit("n_samples", check_int("n_samples", n_samples, minimum=1), "mc_samples")
    seed = check_int("seed", seed, minimum=0)
    task = load_task(result.experiment.data)
    model = result.load_model()
    keras.utils.set_random_seed(seed)
    probs = np.mean([keras.ops.convert_to_numpy(model(task.x_valid, training=True))
                     for _ in range(n_samples)], axis=0)
    return float(np.mean(np.argmax(probs, axis=1) == task.y_valid))


@dataclass(frozen=True)
class ExerciseRow:
    """Satu baris tabel perbandingan latihan 8.

    Attributes:
        part: kunci bagian (``"b"`` … ``"f"`` atau ``"e_mc"``).
        val_accuracy: akurasi validasi model akhir (bobot yang dipulihkan *early stopping*).
        epochs_run: epoch yang dijalankan.
        best_epoch: epoch model akhir.
        optimizer: keterangan optimizer untuk tabel.
    """

    part: str
    val_accuracy: float
    epochs_run: int
    best_epoch: int
    optimizer: str


def exercise_row(part: str, result: RunResult, *, val_accuracy: float | None = None) -> ExerciseRow:
    """Baris tabel dari hasil pelatihan.

    ``val_accuracy`` menggantikan akurasi dari riwayat (untuk baris *MC dropout*).
    """
    check_choice("part", part, (*PARTS, "e_mc"))
    check_report("result", result, ("experiment", "history"), _RESULT)
    if val_accuracy is not None:
        check_float("val_accuracy", val_accuracy, minimum=0.0, maximum=1.0)
    epoch = best_epoch(result)
    phase = result.experiment.phases[0]
    if phase.schedule:
        peak = phase.learning_rate.to_dict()["config"].get("max_rate")
        optimizer = f"SGD, 1cycle (puncak {format_sci(peak)})" if peak else phase.optimizer
    else:
        optimizer = f"{phase.optimizer} ({format_sci(phase.learning_rate)})"
    accuracy = result.history["val_accuracy"][epoch - 1] if val_accuracy is None else val_accuracy
    return ExerciseRow(part=part, val_accuracy=float(accuracy),
                       epochs_run=len(result.history["val_loss"]), best_epoch=epoch,
                       optimizer=optimizer)


def format_exercise_table(rows, *, geron: Mapping[str, float] = GERON_CIFAR10_ACCURACY,
                          dataset_name: str = "Fashion-MNIST") -> str:
    """Tabel Markdown perbandingan latihan 8, dengan kolom akurasi Géron pada CIFAR-10.

    Example:
        >>> rows = [ExerciseRow("b", 0.8512, 8, 6, "Nadam (10⁻³)")]
        >>> print(format_exercise_table(rows).splitlines()[2])
        | (b) | Swish + He, Nadam | Nadam (10⁻³) | 6 / 8 | 0,8512 | 0,4676 |
    """
    rows = _check_rows(rows)
    geron = _check_geron(geron)
    check_str("dataset_name", dataset_name)
    lines = [f"| Bagian | Model | Optimizer | Epoch (model akhir / dijalankan) | Akurasi validasi, "
             f"{dataset_name} | Géron, CIFAR-10 |", "|---|---|---|---|---|---|"]
    for row in rows:
        label = "(e) + MC" if row.part == "e_mc" else f"({row.part})"
        epochs = "—" if row.part == "e_mc" else (f"{format_int(row.best_epoch)} / "
                                                 f"{format_int(row.epochs_run)}")
        reference = geron.get(row.part)
        lines.append(f"| {label} | {PART_TITLES[row.part]} | {row.optimizer} | {epochs} | "
                     f"{format_number(row.val_accuracy, 4)} | "
                     f"{'—' if reference is None else format_number(reference, 4)} |")
    return "\n".join(lines)


@dataclass(frozen=True)
class GeronClaim:
    """Satu kesimpulan Géron dari latihan 8 (CIFAR-10) dan apakah ia berlaku di data ini.

    Attributes:
        text: kesimpulannya, dalam bahasa Indonesia.
        geron: selisih akurasi validasi di CIFAR-10 yang mendasarinya (angka notebook Géron).
        here: selisih yang sama dari hasil halaman ini.
        holds: ``True`` bila kesimpulan itu juga berlaku di sini.
    """

    text: str
    geron: float
    here: float
    holds: bool


#: Selisih di bawah ini (satu poin persentase) dianggap "setara" untuk kesimpulan "tidak
#: membantu" dan "hampir sama".
TIE = 0.01


def check_geron_claims(rows, *, geron: Mapping[str, float] = GERON_CIFAR10_ACCURACY,
                       tie: float = TIE) -> tuple[GeronClaim, ...]:
    """Periksa lima kesimpulan Géron pada hasil halaman ini (baris dari :func:`exercise_row`).

    Kesimpulan dan kriterianya (selisih akurasi validasi):

    1. BN memperbaiki model dasar: ``c − b > 0``.
    2. SELU hampir menyamai BN: ``|d − c| < tie``.
    3. *Alpha dropout* tidak membantu model SELU: ``e − d < tie``.
    4. *MC dropout* hampir tidak mengubah akurasi: ``|e_mc − e| < tie``.
    5. 1cycle memberi akurasi terbaik: ``f − max(b, c, d, e, e_mc) > 0``.

    Raises:
        ValueError: baris untuk salah satu bagian tidak ada.

    Example:
        >>> acc = {"b": 0.78, "c": 0.80, "d": 0.805, "e": 0.80, "e_mc": 0.805, "f": 0.82}
        >>> rows = [ExerciseRow(p, a, 6, 6, "") for p, a in acc.items()]
        >>> [c.holds for c in check_geron_claims(rows)]
        [True, True, True, True, True]
    """
    rows = _check_rows(rows)
    geron = _check_geron(geron, complete=True)
    tie = check_float("tie", tie, minimum=0.0)
    acc = {}
    for row in rows:
        acc[row.part] = row.val_accuracy
    missing = [p for p in (*PARTS, "e_mc") if p not in acc]
    if missing:
        raise ValueError(f"Baris untuk bagian {', '.join(missing)} belum ada. "
                         f"Diterima: {', '.join(acc)}.")

    def claims(a):
        best_other = max(a[p] for p in ("b", "c", "d", "e", "e_mc"))
        return (
            ("BN memperbaiki model dasar (c lebih tinggi dari b)", a["c"] - a["b"],
             lambda d: d > 0),
            ("SELU hampir menyamai BN (d dan c berselisih kurang dari 1 poin)", a["d"] - a["c"],
             lambda d: abs(d) < tie),
            ("alpha dropout tidak membantu (e tidak lebih dari 1 poin di atas d)",
             a["e"] - a["d"], lambda d: d < tie),
            ("MC dropout hampir tidak mengubah akurasi (kurang dari 1 poin)",
             a["e_mc"] - a["e"], lambda d: abs(d) < tie),
            ("1cycle memberi akurasi tertinggi (f di atas semua yang lain)",
             a["f"] - best_other, lambda d: d > 0),
        )

    ours, theirs = claims(acc), claims(dict(geron))
    return tuple(GeronClaim(text=text, geron=float(g), here=float(h), holds=bool(rule(h)))
                 for (text, h, rule), (_, g, _) in zip(ours, theirs))


def compare_words(a: float, b: float) -> str:
    """Kata pembanding untuk prosa: ``a`` "lebih tinggi daripada", "lebih rendah daripada" atau
    "sama dengan" ``b`` (dibandingkan pada empat angka desimal, seperti yang ditampilkan).

    Example:
        >>> compare_words(0.8125, 0.7955), compare_words(0.70001, 0.70004)
        ('lebih tinggi daripada', 'sama dengan')
    """
    a, b = round(check_float("a", a), 4), round(check_float("b", b), 4)
    if a > b:
        return "lebih tinggi daripada"
    return "lebih rendah daripada" if a < b else "sama dengan"


def format_geron_claims(claims) -> str:
    """Tabel Markdown kesimpulan Géron: selisih di CIFAR-10, selisih di sini, berlaku atau tidak.

    Example:
        >>> print(format_geron_claims([GeronClaim("BN membantu", 0.04, -0.01, False)]))
        | Kesimpulan Géron (CIFAR-10) | Selisih Géron | Selisih di sini | Berlaku di sini? |
        |---|---|---|---|
        | BN membantu | +0,0400 | −0,0100 | tidak |
    """
    def signed(v):
        return ("+" if v >= 0 else "−") + format_number(abs(v), 4)

    if isinstance(claims, (str, bytes)) or not isinstance(claims, (list, tuple)):
        raise TypeError("Argumen `claims` harus tuple GeronClaim (hasil check_geron_claims). "
                        f"Diterima: claims={claims!r} (tipe {type(claims).__name__}).")
    lines = ["| Kesimpulan Géron (CIFAR-10) | Selisih Géron | Selisih di sini | Berlaku di sini? |",
             "|---|---|---|---|"]
    for c in claims:
        if not isinstance(c, GeronClaim):
            raise TypeError("Setiap anggota `claims` harus GeronClaim. "
                            f"Diterima: anggota {c!r} (tipe {type(c).__name__}).")
        lines.append(f"| {c.text} | {signed(c.geron)} | {signed(c.here)} | "
                     f"{'ya' if c.holds else 'tidak'} |")
    return "\n".join(lines)


# --- Pertanyaan konsep: dua percobaan kecil -----------------------------------------------------


def symmetric_init_spread(*, value: float | None = None, steps: int = 20, seed: int = 0,
                          n_images: int = 256) -> tuple[float, float]:
    """Apakah bobot awal yang sama semua tetap sama setelah pelatihan? (Pertanyaan 2.)

    MLP dengan satu lapisan tersembunyi Dense(16, ReLU) dilatih ``steps`` langkah SGD pada gambar
    Fashion-MNIST, dua kali: sekali dengan semua bobot setiap lapisan bernilai sama (lapisan
    tersembunyi ``value``, bawaan satu angka yang diambil dari inisialisasi He; lapisan keluaran
    juga satu angka), sekali dengan inisialisasi biasa. Mengembalikan simpangan baku antar-unit
    bobot masuk lapisan tersembunyi sesudah pelatihan, ``(sama, biasa)``: nol berarti keenam
    belas unit masih kembar.

    Bobot lapisan keluaran juga harus sama: bila bobot keluar setiap unit berbeda, gradien yang
    sampai ke unit-unit itu berbeda dan simetrinya pecah di langkah pertama.
    """
    if value is not None:
        value = check_float("value", value)
    steps = check_limit("steps", check_int("steps", steps, minimum=1))
    seed = check_int("seed", seed, minimum=0)
    n_images = check_limit("n_images", check_int("n_images", n_images, minimum=1), "n_train")
    from .data import load_fashion_mnist
    from .models import build_mlp

    data = load_fashion_mnist()
    x, y = data.x_train[:n_images], data.y_train[:n_images]
    spreads = []
    for symmetric in (True, False):
        keras.utils.set_random_seed(seed)
        model = build_mlp((16,), "relu", "he_normal", seed=seed)
        dense = model.get_layer("dense_1")
        if symmetric:
            kernel = dense.kernel.numpy()
            fill = abs(float(kernel.flat[0])) if value is None else float(value)
            dense.kernel.assign(np.full_like(kernel, fill))
            out = model.get_layer("output")
            out_kernel = out.kernel.numpy()
            out.kernel.assign(np.full_like(out_kernel, float(out_kernel.flat[0])))
        model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05),
                      loss="sparse_categorical_crossentropy")
        model.fit(x, y, batch_size=32, epochs=math.ceil(steps * 32 / n_images), verbose=0,
                  shuffle=False)
        kernel = dense.kernel.numpy()
        spreads.append(float(np.max(np.std(kernel, axis=1))))
    return spreads[0], spreads[1]


def momentum_trajectory(momentum: float, *, learning_rate: float = 0.1, steps: int = 300,
                        start: float = 1.0) -> np.ndarray:
    """Posisi SGD dengan momentum pada *loss* ½θ² (minimum di 0), langkah demi langkah.

    Aturan Keras: ``v ← β v − η ∇``, ``θ ← θ + v``. (Pertanyaan 6: momentum terlalu dekat 1.)

    Example:
        >>> damped = momentum_trajectory(0.9, steps=200)
        >>> undamped = momentum_trajectory(0.99999, steps=200)
        >>> bool(np.max(np.abs(damped[-50:])) < 1e-3), bool(np.max(np.abs(undamped[-50:])) > 0.9)
        (True, True)
    """
    momentum = check_float("momentum", momentum, minimum=0.0)
    if momentum >= 1:
        raise ValueError(f"Argumen `momentum` harus di [0, 1). Diterima: momentum={momentum}.")
    learning_rate = check_float("learning_rate", learning_rate, minimum=0.0, strict_minimum=True)
    steps = check_limit("steps", check_int("steps", steps, minimum=1))
    start = check_float("start", start)
    theta, velocity, path = float(start), 0.0, []
    for _ in range(steps):
        velocity = momentum * velocity - learning_rate * theta
        theta += velocity
        path.append(theta)
    return np.array(path)
