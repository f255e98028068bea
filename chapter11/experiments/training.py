"""Menjalankan sebuah :class:`~chapter11.experiments.Experiment`: model, fase, pencatatan.

Modul ini melatih; penyimpanan dan cache ada di ``chapter11.experiments.cache``.
"""

from __future__ import annotations

import contextlib
import inspect
import math
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .. import models
from .._validation import check_bool, check_model
from ..runtime import quiet_tensorflow
from .spec import Experiment
from .tasks import TaskData, load_task

keras = quiet_tensorflow()

__all__ = ["StepRecorder", "Trained", "train"]


class StepRecorder(keras.callbacks.Callback):
    """Catat *learning rate* yang benar-benar dipakai, per epoch dan (opsional) per langkah.

    *Learning rate* dibaca di ``on_train_batch_begin``: saat itu penghitung langkah optimizer
    sama dengan indeks langkah yang **akan** dijalankan, jadi nilainya adalah laju yang dipakai
    langkah itu (nilai yang dibaca di ``on_train_batch_end`` milik langkah berikutnya). Bila
    lajunya jadwal, yang dicatat hanya penghitung langkah di awal dan akhir setiap panggilan
    (yang dapat menjalankan banyak langkah, lihat ``STEPS_PER_EXECUTION``) — jadi laju setiap
    langkah tercatat juga tanpa ``per_step``; jadwalnya dievaluasi sekali di akhir setiap epoch
    pada larik semua penghitung — jauh lebih murah daripada belasan operasi eager per langkah.
    Nilainya sama dengan evaluasi per langkah sampai pembulatan float32 (``pow`` yang
    divektorkan dapat berbeda paling banyak 1 ulp). *Loss* per langkah (hanya ``per_step``,
    satu langkah per panggilan) dipulihkan dari rata-rata berjalan yang dilaporkan Keras:
    ``loss_b = m_b·(b+1) − m_{b−1}·b``.
    """

    def __init__(self, per_step: bool, rates_per_step: bool = False):
        super().__init__()
        self.per_step = check_bool("per_step", per_step)
        self.rates_per_step = check_bool("rates_per_step", rates_per_step) or self.per_step
        self.epoch_rates: list[float] = []
        self.step_rates: list[float] = []
        self.step_losses: list[float] = []
        self._previous_mean = 0.0
        self._schedule = None
        self._iterations: list[int] = []
        self._begin = 0
        self._constant_rate = math.nan

    def _rate(self) -> float:
        return float(self.model.optimizer.learning_rate.numpy())

    def on_train_begin(self, logs=None):
        # Jadwal dievaluasi sekali per epoch untuk semua langkahnya (larik penghitung langkah).
        rate = getattr(self.model.optimizer, "_learning_rate", None)
        schedule = keras.optimizers.schedules.LearningRateSchedule
        self._schedule = rate if isinstance(rate, schedule) else None

    def on_epoch_begin(self, epoch, logs=None):
        self.epoch_rates.append(self._rate())
        self._previous_mean = 0.0

    def _iteration(self) -> int:
        return int(self.model.optimizer.iterations.numpy())

    def on_train_batch_begin(self, batch, logs=None):
        if self._schedule is not None or self.rates_per_step:
            self._begin = self._iteration()
        if self._schedule is None and self.rates_per_step:
            # Laju angka hanya berubah di antara epoch (ReduceLROnPlateau), jadi laju yang
            # dibaca di awal panggilan berlaku untuk semua langkahnya.
            self._constant_rate = self._rate()

    def _flush_schedule(self):
        if self._schedule is not None and self._iterations:
            try:
                rates = np.ravel(keras.ops.convert_to_numpy(
                    self._schedule(np.asarray(self._iterations))))
            except (ValueError, TypeError):  # jadwal yang tidak bekerja per larik (CosineDecay)
                rates = [keras.ops.convert_to_numpy(self._schedule(i)) for i in self._iterations]
            self.step_rates += [float(r) for r in rates]
            self._iterations = []

    def on_epoch_end(self, epoch, logs=None):
        self._flush_schedule()

    def on_train_end(self, logs=None):
        self._flush_schedule()

    def on_train_batch_end(self, batch, logs=None):
        if self._schedule is not None:  # semua langkah panggilan ini, juga bila lebih dari satu
            self._iterations += range(self._begin, self._iteration())
        elif self.rates_per_step:
            self.step_rates += [self._constant_rate] * (self._iteration() - self._begin)
        if self.per_step:
            mean = float(logs["loss"])
            self.step_losses.append(mean * (batch + 1) - self._previous_mean * batch)
            self._previous_mean = mean


def _accepts(params, name: str) -> bool:
    """``True`` bila pembangun menerima argumen ``name`` (bernama, atau lewat ``**kwargs`` yang
    diteruskan ke ``build_mlp``, seperti ``build_deep_mlp``)."""
    if name in params:
        return True
    forwards = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
    return forwards and name in models._MLP_KEYWORDS


def _builder_call(fn: Callable, kwargs: dict, task: TaskData, seed: int):
    params = inspect.signature(fn).parameters
    filled = {"seed": seed}
    shape = task.x_train.shape[1:]
    if _accepts(params, "input_shape"):
        filled["input_shape"] = tuple(int(d) for d in shape)
    elif shape != models.INPUT_SHAPE:
        raise ValueError(f"Pembangun {fn.__name__} hanya menerima masukan {models.INPUT_SHAPE}.")
    if task.spec.target == "labels":
        if _accepts(params, "n_outputs"):
            filled["n_outputs"] = task.spec.n_outputs
        elif task.spec.n_outputs != models.N_CLASSES:
            raise ValueError(f"Pembangun {fn.__name__} hanya membangun output 10 kelas; tugas ini "
                             f"memerlukan {task.spec.n_outputs} unit output.")
    return fn(**kwargs, **filled)


def _reuse_model(exp: Experiment, task: TaskData, source_model):
    """Model baru: lapisan terpilih ``source_model`` + lapisan output baru yang cocok."""
    reuse = exp.model.reuse
    layers = list(source_model.layers)
    if isinstance(reuse.layers, tuple):
        by_name = {layer.name: layer for layer in layers}
        missing = [n for n in reuse.layers if n not in by_name]
        if missing:
            raise ValueError(f"Lapisan {', '.join(missing)} tidak ada di model sumber; lapisan yang "
                             f"ada: {', '.join(by_name)}.")
        chosen = [by_name[n] for n in reuse.layers]
    else:
        k = reuse.layers
        if (k > 0 and k > len(layers)) or (k < 0 and -k >= len(layers)):
            raise ValueError(f"Argumen `layers={reuse.layers}` tidak cocok dengan model sumber "
                             f"yang punya {len(layers)} lapisan.")
        chosen = layers[:k]
    for layer in chosen:
        layer.trainable = not reuse.freeze
    n_outputs = task.spec.n_outputs
    head = keras.layers.Dense(
        n_outputs, activation="sigmoid" if n_outputs == 1 else "softmax",
        kernel_initializer=models.make_initializer("glorot_uniform",
                                                   models.layer_seed(exp.seed, 10_000)),
        name="output_baru")
    return keras.Sequential([keras.Input(shape=task.x_train.shape[1:]), *chosen, head],
                            name="model_pakai_ulang")


@dataclass
class Trained:
    """Hasil mentah :func:`train` (sebelum disimpan): model dan catatannya."""

    model: object
    history: dict
    steps: dict
    phase_epochs: tuple[int, ...]
    test: dict
    seconds: float


#: Banyak langkah pelatihan per panggilan fungsi terkompilasi bila tidak ada yang perlu dicatat
#: per langkah. Urutan *batch* dan angka acaknya sama dengan satu langkah per panggilan; untuk
#: MLP dengan SGD/Adam (dan *dropout*) hasilnya identik bit demi bit (diuji), tetapi pada model
#: lain (mis. BN atau jadwal di dalam loop) pembulatan float dapat berbeda sedikit — tetap
#: deterministik, karena pilihan ini hanya bergantung pada deskripsi pelatihan. Yang dihemat:
#: ongkos Python per langkah (≈ 40 % waktu pelatihan MLP kecil di CPU,
#: ``benchmarks/steps_per_execution.py``).
STEPS_PER_EXECUTION = 64

#: Ukuran *batch* validasi (dan uji). Validasi tidak melatih apa pun: *batch* besar hanya
#: menghemat ongkos per langkah (≈ 15–25 % waktu CPU MLP pembanding). Akurasi validasi tetap
#: sama persis dengan *batch* latih; *loss*-nya hanya berbeda pada digit float terakhir (urutan
#: penjumlahan), diuji.
VALIDATION_BATCH_SIZE = 1000


def _in_order(x, y):
    """*Batch* ``VALIDATION_BATCH_SIZE`` dari ``x, y`` berurutan, sebagai ``tf.data.Dataset``.

    Isinya sama persis dengan yang dibuat Keras dari larik tanpa pengacakan (jadi hasil
    validasi dan uji identik bit demi bit, diuji), tetapi tanpa tiga fungsi ``map`` yang
    ditelusuri Keras untuk setiap larik: ≈ 0,1 detik per pelatihan kecil.
    """
    import tensorflow as tf

    return tf.data.Dataset.from_tensor_slices((x, y)).batch(VALIDATION_BATCH_SIZE)


#: *Callback* yang mengubah *learning rate* angka: dengan mereka laju setiap langkah dicatat.
_RATE_CALLBACKS = ("ReduceLROnPlateau",)

#: *Callback* yang bekerja per langkah: dengan mereka satu langkah per panggilan dipertahankan.
_PER_STEP_CALLBACKS = ("TerminateOnNaN",)


def _steps_per_execution(phase, callbacks, steps_per_epoch: int | None = None) -> int:
    """``STEPS_PER_EXECUTION``, atau 1 bila fase mencatat per langkah atau punya *callback*
    per langkah (keduanya dipanggil Keras hanya sekali per eksekusi), atau bila satu epoch
    kurang dari dua eksekusi penuh: pada data kecil ongkos menelusuri (*tracing*) fungsi
    banyak-langkah lebih besar daripada yang dihemat."""
    if phase.record_steps or any(type(c).__name__ in _PER_STEP_CALLBACKS for c in callbacks):
        return 1
    if steps_per_epoch is not None and steps_per_epoch < 2 * STEPS_PER_EXECUTION:
        return 1
    return STEPS_PER_EXECUTION


def _build_state(model, x, y) -> None:
    """Buat variabel pengoptimal, metrik, dan *loss* sebelum ``fit``, dengan satu *batch* ``x, y``.

    Keras 3 di backend TensorFlow (tanpa strategi distribusi) menunda pembuatannya sampai langkah
    pelatihan pertama ditelusuri (*traced*). ``tf.function`` yang membuat variabel saat ditelusuri
    ditelusuri **dua kali** — untuk jaringan dalam dengan Nadam itu beberapa detik per pelatihan.
    Dibuat di sini, fungsi langkah ditelusuri sekali; variabelnya sama (nol, tanpa angka acak),
    jadi pelatihan identik bit demi bit (diuji). Keras yang tidak punya ``_symbolic_build`` (yang
    dipakai Keras sendiri di backend JAX dan PyTorch) tetap benar, hanya lebih lambat.
    """
    build = getattr(model, "_symbolic_build", None)
    if build is not None:
        build(data_batch=(x, y, None))


def train(exp: Experiment, source_model=None) -> Trained:
    """Latih ``exp`` dari awal (tanpa cache). ``source_model``: model sumber bila ``exp`` memakai
    ulang lapisan (sudah dimuat oleh pemanggil)."""
    if not isinstance(exp, Experiment):
        raise TypeError("Argumen `exp` harus chapter11.experiments.Experiment. "
                        f"Diterima: exp={exp!r} (tipe {type(exp).__name__}).")
    if source_model is not None:
        check_model("source_model", source_model)
    task = load_task(exp.data)
    keras.utils.set_random_seed(exp.seed)
    if exp.model.reuse is not None:
        model = _reuse_model(exp, task, source_model)
    else:
        fn = getattr(models, exp.model.builder)
        model = _builder_call(fn, exp.model.kwargs.to_dict(), task, exp.seed)
    metrics = list(exp.data.metrics)
    keys = ("loss", *metrics, "val_loss", *(f"val_{m}" for m in metrics))
    history = {k: [] for k in (*keys, "learning_rate", "phase")}
    steps = {"loss": [], "learning_rate": [], "phase": []}
    phase_epochs = []
    start = time.perf_counter()
    validation = _in_order(task.x_valid, task.y_valid)
    for index, phase in enumerate(exp.phases):
        if phase.unfreeze:
            for layer in model.layers:
                layer.trainable = True
        callbacks = phase.make_callbacks()
        model.compile(loss=exp.data.loss, optimizer=phase.make_optimizer(), metrics=metrics,
                      steps_per_execution=_steps_per_execution(
                          phase, callbacks, math.ceil(len(task.x_train) / phase.batch_size)))
        _build_state(model, task.x_train[:phase.batch_size], task.y_train[:phase.batch_size])
        recorder = StepRecorder(per_step=phase.record_steps, rates_per_step=any(
            type(c).__name__ in _RATE_CALLBACKS for c in callbacks))
        with _keras_numpy_warning_silenced():
            fit = model.fit(task.x_train, task.y_train, epochs=phase.epochs,
                            batch_size=phase.batch_size,
                            validation_data=validation, shuffle=True,
                            validation_freq=1 if phase.validate_every_epoch else phase.epochs,
                            verbose=0, callbacks=[recorder, *callbacks])
        n = len(fit.history["loss"])
        phase_epochs.append(n)
        for k in keys:
            values = [float(v) for v in fit.history[k]]
            if len(values) < n:  # validasi hanya di epoch terakhir fase: epoch lain NaN
                values = [math.nan] * (n - len(values)) + values
            history[k] += values
        history["learning_rate"] += recorder.epoch_rates[:n]
        history["phase"] += [index] * n
        steps["loss"] += recorder.step_losses
        steps["learning_rate"] += recorder.step_rates
        steps["phase"] += [index] * len(recorder.step_rates)
    seconds = time.perf_counter() - start
    values = model.evaluate(_in_order(task.x_test, task.y_test), verbose=0, return_dict=True)
    test = {k: float(v) for k, v in values.items() if k in ("loss", *metrics)}
    return Trained(model=model, history={k: tuple(v) for k, v in history.items()},
                   steps={k: tuple(v) for k, v in steps.items()},
                   phase_epochs=tuple(phase_epochs), test=test, seconds=seconds)


@contextlib.contextmanager
def _keras_numpy_warning_silenced():
    """Bungkam satu ``DeprecationWarning`` internal Keras 3.15 + NumPy 2.

    ``backend.convert_to_numpy`` Keras memanggil ``np.array`` pada variabel TensorFlow dan memicu
    "__array__ implementation doesn't accept a copy keyword" — saat menyimpan bobot, dan di
    ``ReduceLROnPlateau`` setiap epoch. Peringatan itu bukan dari kode kita dan tidak mengubah
    angka apa pun; hanya pesan itu yang dibungkam.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message=r"__array__ implementation doesn't accept a copy keyword",
            category=DeprecationWarning,
        )
        yield


def save_model(model, path) -> None:
    """Simpan model ``.keras``."""
    with _keras_numpy_warning_silenced():
        model.save(path)


def load_model(path):
    """Muat model ``.keras`` (termasuk jadwal dan lapisan kustom paket)."""
    from .. import keras_schedules  # noqa: F401  (mendaftarkan OneCycle)

    with _keras_numpy_warning_silenced():
        return keras.models.load_model(path)

