"""Regularisasi: eksperimen halaman, celah latih–validasi, MC *dropout*, max-norm, *dropout* alfa.

Halaman :ref:`sec-regularisasi` membandingkan model pembanding tanpa regularisasi
(``chapter11.baselines.constant_baseline``) dengan varian ber-ℓ2, ber-*dropout* dan
ber-max-norm yang model, data dan optimizernya sama (:func:`regularization_experiments`), lalu
mengukur di sini apa yang tidak dicatat ``fit``: akurasi dan entropi silang pada data latih
**dalam mode inferensi** (tanpa *dropout*, tanpa penalti), prediksi Monte Carlo *dropout*, norma
bobot masuk setiap unit, dan rata-rata serta simpangan baku sinyal dalam mode pelatihan.
Ukuran kalibrasinya ada di :mod:`chapter11.calibration` (hanya NumPy).

Example:
    >>> from chapter11.runtime import Budget
    >>> from chapter11.baselines import constant_baseline
    >>> exps = regularization_experiments(Budget("fast"))
    >>> list(exps)[0], exps["Tanpa regularisasi"] == constant_baseline(Budget("fast"))
    ('Tanpa regularisasi', True)
    >>> dict(exps["Dropout 0,2"].model.kwargs)["dropout"]
    0.2
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ._validation import (check_bool, check_budget, check_float, check_int, check_labels,
                          check_limit, check_model, check_real_array, check_report, check_text)
from .baselines import base_model, comparison_experiment, constant_baseline
from .calibration import negative_log_likelihood, predictive_accuracy, predictive_entropy
from .formatting import format_number, format_sci
from .runtime import Budget, quiet_tensorflow

keras = quiet_tensorflow()
import tensorflow as tf  # noqa: E402  (sesudah quiet_tensorflow: tanpa log)

__all__ = ["BASELINE_OPTIMIZER", "L2_WEAK", "L2_STRONG", "DROPOUT_RATE", "MAX_NORM",
           "l1_config", "l2_config", "max_norm_config", "regularized_experiment",
           "regularization_experiments", "mc_samples", "FitGapReport", "measure_fit_gap",
           "measure_run_gap", "MCDropout", "MCAlphaDropout", "with_mc_dropout",
           "MCDropoutReport", "mc_dropout_predict", "KernelNormReport", "measure_kernel_norms",
           "measure_dropout_profile"]

#: Optimizer model pembanding bersama (SGD dengan momentum 0,9, *learning rate* 0,01).
BASELINE_OPTIMIZER = {"optimizer": "sgd", "learning_rate": 0.01,
                      "optimizer_kwargs": {"momentum": 0.9}}
L2_WEAK = 1e-4       #: ℓ2 lemah
L2_STRONG = 1e-2     #: ℓ2 kuat (nilai Géron)
DROPOUT_RATE = 0.2   #: laju *dropout* model Géron
MAX_NORM = 1.0       #: batas norma bobot masuk setiap unit, seperti ``max_norm(1.)`` Géron


def l1_config(l1: float) -> dict:
    """Konfigurasi Keras regularisasi ℓ1: penalti ``l1 · Σ|w|``.

    Example:
        >>> l1_config(1e-4)
        {'class_name': 'L1', 'config': {'l1': 0.0001}}
    """
    return {"class_name": "L1", "config": {"l1": check_float("l1", l1, minimum=0.0)}}


def l2_config(l2: float) -> dict:
    """Konfigurasi Keras regularisasi ℓ2: penalti ``l2 · Σw²`` (tanpa faktor ½).

    Example:
        >>> l2_config(0.01)
        {'class_name': 'L2', 'config': {'l2': 0.01}}
    """
    return {"class_name": "L2", "config": {"l2": check_float("l2", l2, minimum=0.0)}}


def max_norm_config(max_value: float = MAX_NORM, axis: int = 0) -> dict:
    """Konfigurasi Keras ``MaxNorm``: norma bobot masuk setiap unit (``axis=0``) ≤ ``max_value``.

    Example:
        >>> max_norm_config(1.0)
        {'class_name': 'MaxNorm', 'config': {'max_value': 1.0, 'axis': 0}}
    """
    max_value = check_float("max_value", max_value, minimum=0.0, strict_minimum=True)
    axis = check_int("axis", axis)
    if not -2 <= axis <= 1:
        raise ValueError("Argumen `axis` harus sumbu kernel Dense 2-D: 0 (bobot masuk setiap "
                         f"unit), 1, -1 atau -2. Diterima: axis={axis}.")
    return {"class_name": "MaxNorm", "config": {"max_value": max_value, "axis": axis}}


def regularized_experiment(budget: Budget, *, kernel_regularizer=None, kernel_constraint=None,
                           dropout: float = 0.0, seed: int = 42, label: str = ""):
    """Model pembanding (``chapter11.baselines.base_model``) dengan satu regularisasi.

    Data, *epoch*, batch dan optimizer (:data:`BASELINE_OPTIMIZER`) sama dengan
    ``chapter11.baselines.constant_baseline``; tanpa argumen regularisasi, deskripsinya
    identik dengan model pembanding itu (satu pelatihan di cache).

    Args:
        budget: anggaran halaman.
        kernel_regularizer: konfigurasi regularisasi kernel (mis. :func:`l2_config`).
        kernel_constraint: konfigurasi batasan kernel (mis. :func:`max_norm_config`).
        dropout: laju *dropout* sesudah Flatten dan sesudah setiap lapisan tersembunyi.
        seed: benih.
        label: nama untuk legenda.
    """
    check_budget("budget", budget)
    _check_keras_config("kernel_regularizer", kernel_regularizer, "regularizers", "l2_config(0.01)")
    _check_keras_config("kernel_constraint", kernel_constraint, "constraints",
                        "max_norm_config(1.0)")
    overrides = {}
    if kernel_regularizer is not None:
        overrides["kernel_regularizer"] = kernel_regularizer
    if kernel_constraint is not None:
        overrides["kernel_constraint"] = kernel_constraint
    if dropout:
        overrides["dropout"] = check_float("dropout", dropout, minimum=0.0)
    return comparison_experiment(budget, **BASELINE_OPTIMIZER, model=base_model(**overrides),
                                 seed=seed, label=label)


def _check_keras_config(name, value, kind, example):
    """``None``, atau nama/konfigurasi ``keras.<kind>`` yang dapat dibuat (dicoba di sini)."""
    if value is None:
        return None
    if not isinstance(value, (str, dict)):
        raise TypeError(f"Argumen `{name}` harus nama atau konfigurasi keras.{kind} (dict), mis. "
                        f"{example}. Diterima: {name}={value!r:.80} (tipe {type(value).__name__}).")
    try:
        getattr(keras, kind).get(value.copy() if isinstance(value, dict) else value)
    except (TypeError, ValueError):
        raise ValueError(f"Argumen `{name}` harus nama atau konfigurasi keras.{kind} yang sah, "
                         f"mis. {example}. Diterima: {name}={value!r:.80}.") from None
    return value


def regularization_experiments(budget: Budget, *, seed: int = 42) -> dict:
    """Lima pelatihan halaman regularisasi, ``{label: Experiment}``.

    Tanpa regularisasi (model pembanding bersama), ℓ2 lemah (:data:`L2_WEAK`),
    ℓ2 kuat (:data:`L2_STRONG`), *dropout* (:data:`DROPOUT_RATE`) dan max-norm
    (:data:`MAX_NORM`), urut seperti di gambar halaman.
    """
    check_budget("budget", budget)
    variants = {
        f"ℓ2, λ = {format_sci(L2_WEAK)}":
            {"kernel_regularizer": l2_config(L2_WEAK)},      # L2(l2=1e-4)
        f"ℓ2, λ = {format_sci(L2_STRONG)}":
            {"kernel_regularizer": l2_config(L2_STRONG)},    # L2(l2=1e-2)
        f"Dropout {format_number(DROPOUT_RATE, 1)}":
            {"dropout": DROPOUT_RATE},                       # Dropout(0.2)
        f"Max-norm, r = {format_number(MAX_NORM, 0)}":
            {"kernel_constraint": max_norm_config(MAX_NORM)},  # MaxNorm(1.0)
    }
    label = "Tanpa regularisasi"
    experiments = {label: constant_baseline(budget, seed=seed, label=label)}
    for label, kwargs in variants.items():
        experiments[label] = regularized_experiment(
            budget, seed=seed, label=label, **kwargs)
    return experiments


def mc_samples(budget: Budget) -> int:
    """Banyak lintasan MC *dropout* per gambar: 20 (anggaran cepat) atau 100 (penuh, Géron)."""
    check_budget("budget", budget)
    return budget.pick(fast=20, full=100)


# --- Celah latih–validasi ----------------------------------------------------------------------


@dataclass(frozen=True)
class FitGapReport:
    """Akurasi dan entropi silang pada data latih dan validasi, dalam mode inferensi.

    Attributes:
        label: nama konfigurasi.
        train_accuracy, valid_accuracy: akurasi (tanpa *dropout*).
        train_loss, valid_loss: entropi silang rata-rata **tanpa** penalti regularisasi.
        fit_accuracy: akurasi latih epoch terakhir seperti dicatat ``fit`` (rata-rata selama
            epoch, *dropout* aktif), atau NaN bila tidak diketahui.
    """

    label: str
    train_accuracy: float
    valid_accuracy: float
    train_loss: float
    valid_loss: float
    fit_accuracy: float = math.nan

    @property
    def accuracy_gap(self) -> float:
        """Akurasi latih − akurasi validasi."""
        return self.train_accuracy - self.valid_accuracy

    @property
    def loss_gap(self) -> float:
        """Entropi silang validasi − entropi silang latih."""
        return self.valid_loss - self.train_loss


def _predict(model, x) -> np.ndarray:
    return model.predict(x, batch_size=1000, verbose=0)


def measure_fit_gap(model, x_train, y_train, x_valid, y_valid, *, label: str = "",
                    fit_accuracy: float = math.nan) -> FitGapReport:
    """Nilai ``model`` pada data latih dan validasi dalam mode inferensi (:class:`FitGapReport`).

    Example:
        >>> import numpy as np
        >>> from chapter11.models import build_mlp
        >>> x = np.random.default_rng(0).uniform(size=(64, 28, 28)).astype("float32")
        >>> y = np.arange(64) % 10
        >>> r = measure_fit_gap(build_mlp((8,), seed=0), x, y, x, y)
        >>> r.accuracy_gap, round(r.loss_gap, 6)
        (0.0, 0.0)
    """
    check_model("model", model)
    check_text("label", label)
    if not (isinstance(fit_accuracy, float) and math.isnan(fit_accuracy)):  # NaN: tidak diketahui
        check_float("fit_accuracy", fit_accuracy, minimum=0.0, maximum=1.0)
    data = {}
    for x_name, y_name, x, y in (("x_train", "y_train", x_train, y_train),
                                 ("x_valid", "y_valid", x_valid, y_valid)):
        x = check_real_array(x_name, x, ndim=(2, 3, 4))
        data[x_name], data[y_name] = x, check_labels(y_name, y, len(x))
    p_train, p_valid = _predict(model, x_train), _predict(model, x_valid)
    for y_name, p in (("y_train", p_train), ("y_valid", p_valid)):
        check_labels(y_name, data[y_name], len(p), n_classes=p.shape[-1])
    return FitGapReport(label=label, train_accuracy=predictive_accuracy(p_train, y_train),
                        valid_accuracy=predictive_accuracy(p_valid, y_valid),
                        train_loss=negative_log_likelihood(p_train, y_train),
                        valid_loss=negative_log_likelihood(p_valid, y_valid),
                        fit_accuracy=float(fit_accuracy))


def measure_run_gap(result, task=None) -> FitGapReport:
    """:func:`measure_fit_gap` untuk hasil :func:`chapter11.experiments.run` (model dari cache).

    Args:
        result: ``RunResult`` tugas klasifikasi.
        task: ``TaskData`` tugas itu bila sudah dimuat (dimuat dari deskripsinya bila ``None``).

    Raises:
        ValueError: ``task`` milik data yang lain.
    """
    from .experiments import load_task

    check_report("result", result, ("experiment", "history", "label", "load_model"),
                 "RunResult (hasil run)")
    if task is not None:
        check_report("task", task, ("spec", "x_train", "y_train", "x_valid", "y_valid"),
                     "TaskData (hasil load_task)")
    if task is None:
        task = load_task(result.experiment.data)
    elif task.spec != result.experiment.data:
        raise ValueError("Argumen `task` harus data eksperimen hasil ini. "
                         f"Diterima: {task.spec!r} untuk {result.experiment.data!r}.")
    return measure_fit_gap(result.load_model(), task.x_train, task.y_train, task.x_valid,
                           task.y_valid, label=result.label,
                           fit_accuracy=result.history["accuracy"][-1])


# --- Monte Carlo dropout -----------------------------------------------------------------------


@keras.saving.register_keras_serializable(package="chapter11")
class MCDropout(keras.layers.Dropout):
    """``Dropout`` yang selalu aktif, juga saat inferensi (``predict``).

    Lapisan lain (mis. BatchNormalization) tetap dalam mode inferensi, tidak
    seperti ``model(x, training=True)`` yang mengalihkan **semua** lapisan ke
    mode pelatihan.

    Reference:
        Gal dan Ghahramani (2016), *Dropout as a Bayesian Approximation*.
    """

    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(*_check_dropout_args(rate, noise_shape, seed), **kwargs)

    def call(self, inputs, training=None):
        return super().call(inputs, training=True)


def _check_dropout_args(rate, noise_shape, seed):
    """Periksa argumen lapisan MC *dropout* sebelum Keras (pesannya menyebut argumennya)."""
    rate = check_float("rate", rate, minimum=0.0)
    if rate >= 1:
        raise ValueError(f"Argumen `rate` harus kurang dari 1 (pecahan unit yang dimatikan). "
                         f"Diterima: rate={rate!r}.")
    if noise_shape is not None:
        if isinstance(noise_shape, (str, bytes)) or not isinstance(noise_shape, (tuple, list)) \
                or not all(d is None or (isinstance(d, int) and not isinstance(d, bool) and d > 0)
                           for d in noise_shape):
            raise TypeError("Argumen `noise_shape` harus None atau tuple ukuran positif (atau "
                            f"None per sumbu). Diterima: noise_shape={noise_shape!r:.80}.")
    if seed is not None:
        check_int("seed", seed, minimum=0)
    return rate, noise_shape, seed


@keras.saving.register_keras_serializable(package="chapter11")
class MCAlphaDropout(keras.layers.AlphaDropout):
    """``AlphaDropout`` yang selalu aktif (MC *dropout* untuk jaringan SELU)."""

    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(*_check_dropout_args(rate, noise_shape, seed), **kwargs)

    def call(self, inputs, training=None):
        return super().call(inputs, training=True)


def with_mc_dropout(model):
    """Salinan ``keras.Sequential`` dengan setiap Dropout/AlphaDropout diganti versi MC-nya.

    Lapisan lain dipakai bersama (bobotnya sama, tidak disalin).

    Raises:
        TypeError: ``model`` bukan ``keras.Sequential``.
        ValueError: model tanpa lapisan *dropout*.

    Example:
        >>> from chapter11.models import build_mlp
        >>> mc = with_mc_dropout(build_mlp((8,), dropout=0.5, seed=0))
        >>> [type(layer).__name__ for layer in mc.layers]
        ['Flatten', 'MCDropout', 'Dense', 'MCDropout', 'Dense']
    """
    if not isinstance(model, keras.Sequential):
        raise TypeError("Argumen `model` harus keras.Sequential. "
                        f"Diterima: tipe {type(model).__name__}.")
    swap = {keras.layers.Dropout: MCDropout, keras.layers.AlphaDropout: MCAlphaDropout}
    layers = [swap[type(layer)].from_config(layer.get_config()) if type(layer) in swap else layer
              for layer in model.layers]
    if not any(isinstance(layer, (MCDropout, MCAlphaDropout)) for layer in layers):
        raise ValueError("Model harus memiliki lapisan Dropout atau AlphaDropout. "
                         f"Diterima: {[type(layer).__name__ for layer in model.layers]}.")
    return keras.Sequential([keras.Input(shape=model.input_shape[1:]), *layers],
                            name=f"{model.name}_mc")


@dataclass(frozen=True)
class MCDropoutReport:
    """Rata-rata dan simpangan baku peluang kelas atas ``n_samples`` lintasan MC *dropout*.

    Attributes:
        mean, std: larik ``(n, k)``.
        n_samples: banyak lintasan.
    """

    mean: np.ndarray
    std: np.ndarray
    n_samples: int

    @property
    def predicted(self) -> np.ndarray:
        """Kelas tebakan (peluang rata-rata terbesar)."""
        return self.mean.argmax(axis=1)

    @property
    def predicted_std(self) -> np.ndarray:
        """Simpangan baku peluang kelas tebakan antarlintasan."""
        return self.std[np.arange(len(self.std)), self.predicted]

    @property
    def entropy(self) -> np.ndarray:
        """Entropi peluang rata-rata (nat)."""
        return predictive_entropy(self.mean)


def mc_dropout_predict(model, x, *, n_samples: int = 100) -> MCDropoutReport:
    """Monte Carlo *dropout*: rata-rata ``n_samples`` lintasan maju dengan *dropout* aktif.

    Model dengan lapisan :class:`MCDropout` dipanggil dalam mode inferensi (hanya dropout yang
    acak). Model dengan Dropout biasa dipanggil dengan ``training=True``; karena itu juga
    mengalihkan BatchNormalization ke statistik batch, model ber-BN ditolak — ubah dulu dengan
    :func:`with_mc_dropout`. Topeng *dropout* diambil dari generator benih lapisan-lapisannya,
    jadi model yang baru dimuat dari disk selalu memberi hasil yang sama.

    Args:
        model: model Keras dengan lapisan *dropout*.
        x: masukan (satu batch).
        n_samples: banyak lintasan.

    Raises:
        ValueError: model tanpa *dropout*, atau model ber-BN tanpa :class:`MCDropout`.

    Example:
        >>> import numpy as np
        >>> from chapter11.models import build_mlp
        >>> x = np.random.default_rng(0).uniform(size=(5, 28, 28)).astype("float32")
        >>> r = mc_dropout_predict(build_mlp((16,), dropout=0.5, seed=0), x, n_samples=10)
        >>> r.mean.shape, bool(np.allclose(r.mean.sum(axis=1), 1)), bool(r.std.max() > 0)
        ((5, 10), True, True)
    """
    n_samples = check_limit("n_samples", check_int("n_samples", n_samples, minimum=1),
                            "mc_samples")
    x = check_real_array("x", x)
    layers = list(getattr(model, "layers", ()))
    if not any(isinstance(layer, (keras.layers.Dropout, keras.layers.AlphaDropout))
               for layer in layers):
        raise ValueError("MC dropout memerlukan model dengan lapisan Dropout atau AlphaDropout. "
                         f"Diterima: {[type(layer).__name__ for layer in layers]}.")
    has_mc = any(isinstance(layer, (MCDropout, MCAlphaDropout)) for layer in layers)
    if not has_mc and any(isinstance(layer, keras.layers.BatchNormalization) for layer in layers):
        raise ValueError(
            "Model ini memiliki BatchNormalization: model(x, training=True) juga akan membuat BN "
            "memakai statistik batch. Ubah dulu dengan with_mc_dropout(model). "
            f"Diterima: {[type(layer).__name__ for layer in layers]}.")
    forward = tf.function(lambda v: model(v, training=not has_mc))
    x = tf.convert_to_tensor(np.asarray(x, dtype=np.float32))
    total = total_sq = 0.0
    for _ in range(n_samples):
        p = forward(x).numpy().astype(np.float64)
        total, total_sq = total + p, total_sq + p * p
    mean = total / n_samples
    std = np.sqrt(np.maximum(total_sq / n_samples - mean * mean, 0.0))
    return MCDropoutReport(mean=mean, std=std, n_samples=n_samples)


# --- Max-norm dan dropout alfa ------------------------------------------------------------------


@dataclass(frozen=True)
class KernelNormReport:
    """Norma ℓ2 bobot masuk setiap unit tersembunyi, per lapisan Dense.

    Attributes:
        label: nama konfigurasi.
        layer_names: nama lapisan Dense tersembunyi.
        norms: satu larik per lapisan, satu norma per unit.
        max_value: batas ``MaxNorm`` lapisan-lapisan itu, atau ``None``.
    """

    label: str
    layer_names: tuple[str, ...]
    norms: tuple[np.ndarray, ...]
    max_value: float | None

    @property
    def all_norms(self) -> np.ndarray:
        """Norma semua unit tersembunyi dalam satu larik."""
        return np.concatenate(self.norms)


def measure_kernel_norms(model, *, label: str = "") -> KernelNormReport:
    """Norma kolom kernel (bobot masuk tiap unit) setiap lapisan Dense selain lapisan output.

    Example:
        >>> from chapter11.models import build_mlp
        >>> m = build_mlp((20, 20), seed=0,
        ...               kernel_constraint={"class_name": "MaxNorm", "config": {"max_value": 2.0}})
        >>> r = measure_kernel_norms(m)
        >>> r.layer_names, [len(n) for n in r.norms], r.max_value
        (('dense_1', 'dense_2'), [20, 20], 2.0)
    """
    check_model("model", model)
    check_text("label", label)
    dense = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)][:-1]
    if not dense:
        raise ValueError("Model harus memiliki lapisan Dense tersembunyi. "
                         f"Diterima: {[type(layer).__name__ for layer in model.layers]}.")
    limits = {getattr(layer.kernel_constraint, "max_value", None) for layer in dense}
    return KernelNormReport(
        label=label, layer_names=tuple(layer.name for layer in dense),
        norms=tuple(np.linalg.norm(layer.kernel.numpy().astype(np.float64), axis=0)
                    for layer in dense),
        max_value=float(limits.pop()) if len(limits) == 1 and None not in limits else None)


@dataclass(frozen=True)
class DropoutProfileReport:
    """Rata-rata dan simpangan baku sinyal sesudah setiap lapisan tersembunyi dan *dropout*-nya.

    Bentuknya mengikuti :class:`chapter11.layer_stats.LayerStatsReport` untuk statistik
    ``"mean"`` dan ``"std"``, jadi :func:`chapter11.plotting.plot_layer_stats` dapat
    menggambarnya.

    Attributes:
        layer_names: nama lapisan Dense tersembunyi.
        means: rata-rata sinyal per lapisan.
        stds: simpangan baku sinyal per lapisan.
        label: nama konfigurasi untuk legenda.
    """

    layer_names: tuple[str, ...]
    means: np.ndarray
    stds: np.ndarray
    label: str = ""

    @property
    def depth(self) -> int:
        """Banyak lapisan tersembunyi."""
        return len(self.layer_names)


def measure_dropout_profile(model, x, *, training: bool = True,
                            label: str = "") -> DropoutProfileReport:
    """Rata-rata dan simpangan baku sinyal sesudah setiap lapisan tersembunyi **dan dropout-nya**.

    Tidak seperti :func:`chapter11.layer_stats.measure_layer_stats` (mode inferensi), lintasan maju
    ini memakai ``training=True`` secara bawaan, jadi *dropout* aktif: yang diukur adalah masukan
    lapisan Dense berikutnya selama pelatihan.

    Reference:
        Klambauer dkk. (2017), *Self-Normalizing Neural Networks*.

    Example:
        >>> import numpy as np
        >>> from chapter11.models import build_mlp
        >>> x = np.random.default_rng(0).standard_normal((500, 28, 28)).astype("float32")
        >>> m = build_mlp((64,) * 3, "selu", "lecun_normal", seed=0, dropout=0.2,
        ...               dropout_kind="alpha", dropout_layers="hidden")
        >>> r = measure_dropout_profile(m, x)
        >>> r.depth, bool(np.all(np.abs(r.stds - 1) < 0.2))
        (3, True)
    """
    check_bool("training", training)
    check_model("model", model)
    check_text("label", label)
    x = check_real_array("x", x)
    layers = list(model.layers)
    dense = [layer for layer in layers if isinstance(layer, keras.layers.Dense)]
    if len(dense) < 2:
        raise ValueError("Model harus memiliki lapisan Dense tersembunyi dan lapisan output. "
                         f"Diterima: {[type(layer).__name__ for layer in layers]}.")
    h = tf.convert_to_tensor(np.asarray(x, dtype=np.float32))
    names, means, stds, current = [], [], [], None
    for layer in layers:
        if isinstance(layer, keras.layers.Dense):
            if current is not None:
                values = h.numpy().astype(np.float64)
                names.append(current)
                means.append(float(values.mean()))
                stds.append(float(values.std()))
            if layer is dense[-1]:
                break
            current = layer.name
        h = layer(h, training=training)
    return DropoutProfileReport(layer_names=tuple(names), means=np.array(means),
                              stds=np.array(stds), label=label)
