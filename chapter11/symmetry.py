"""Pemecahan simetri: mengapa bobot awal harus acak dan bebas satu sama lain.

Bila semua bobot sebuah lapisan (dan lapisan di atasnya) dimulai dengan nilai yang sama, semua
unit lapisan itu menghitung hal yang sama, menerima gradien yang sama, dan diperbarui dengan cara
yang sama: selamanya kembar. :func:`measure_symmetry` melatih MLP kecil dengan satu inisialisasi
untuk **semua** lapisan Dense (termasuk lapisan keluaran) dan menghitung berapa banyak unit yang
benar-benar berbeda di setiap lapisan tersembunyi sesudah pelatihan.

Pelatihan memakai urutan batch tetap dan SGD biasa, tanpa mengubah keadaan acak global.

Example:
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> x = rng.random((256, 28, 28), dtype=np.float32)
    >>> y = rng.integers(0, 10, size=256)
    >>> same = measure_symmetry({"class_name": "Constant", "config": {"value": 0.05}}, x, y,
    ...                         hidden_units=(8,), steps=20)
    >>> same.distinct_units
    (1,)
    >>> measure_symmetry("he_normal", x, y, hidden_units=(8,), steps=20).distinct_units
    (8,)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validation import (check_float, check_int, check_limit, check_positive, check_positive_int,
                          check_real_array, check_text)
from .layer_stats import _check_labelled_batch
from .models import (INPUT_SHAPE, N_CLASSES, _check_activation, _check_units, layer_seed,
                     make_initializer)
from .runtime import quiet_tensorflow

keras = quiet_tensorflow()
import tensorflow as tf  # noqa: E402  (sesudah impor senyap)

__all__ = ["SymmetryReport", "measure_symmetry", "count_distinct_units"]


def count_distinct_units(kernel, *, tolerance: float = 1e-6) -> int:
    """Banyak kolom kernel (bobot masuk tiap unit) yang berbeda satu sama lain.

    Dua kolom dianggap sama bila selisih mutlak terbesarnya di bawah
    ``tolerance · (1 + max |kernel|)``.

    Example:
        >>> count_distinct_units(np.array([[1.0, 1.0, 2.0], [0.5, 0.5, 0.5]]))
        2
    """
    kernel = np.asarray(check_real_array("kernel", kernel, nonempty=False), dtype=np.float64)
    if kernel.ndim != 2:
        raise ValueError(f"Argumen `kernel` harus matriks 2-D. Diterima: bentuk {kernel.shape}.")
    tolerance = check_float("tolerance", tolerance, minimum=0.0)
    scale = tolerance * (1.0 + float(np.max(np.abs(kernel), initial=0.0)))
    representatives: list[np.ndarray] = []
    for column in kernel.T:
        if not any(np.max(np.abs(column - r)) < scale for r in representatives):
            representatives.append(column)
    return len(representatives)


@dataclass(frozen=True)
class SymmetryReport:
    """Hasil pelatihan singkat satu inisialisasi untuk semua lapisan.

    Attributes:
        label: nama untuk legenda.
        n_units: banyak unit setiap lapisan tersembunyi.
        distinct_units: banyak unit yang berbeda di setiap lapisan tersembunyi sesudah pelatihan.
        losses: *loss* latih per langkah (``float``).
        accuracy: akurasi pada seluruh data latih sesudah pelatihan.
    """

    label: str
    n_units: tuple[int, ...]
    distinct_units: tuple[int, ...]
    losses: np.ndarray
    accuracy: float

    @property
    def steps(self) -> np.ndarray:
        """Nomor langkah ``1, 2, …``."""
        return np.arange(1, len(self.losses) + 1)


def measure_symmetry(kernel_initializer, x, y, *, hidden_units=(32, 32), activation="relu",
                     steps: int = 200, learning_rate: float = 0.05, batch_size: int = 64,
                     seed: int = 0, label: str = "") -> SymmetryReport:
    """Latih MLP kecil yang **semua** lapisan Dense-nya memakai satu inisialisasi, lalu hitung
    unit yang masih kembar.

    Args:
        kernel_initializer: nama, konfigurasi, atau objek inisialisasi Keras (mis.
            ``"zeros"``, ``{"class_name": "Constant", "config": {"value": 0.1}}``,
            ``"he_normal"``); bias selalu nol.
        x, y: gambar ``(n, 28, 28)`` dan label 0–9; batch diambil berurutan (tanpa acak).
        hidden_units: lebar lapisan tersembunyi.
        activation: aktivasi lapisan tersembunyi.
        steps: banyak langkah SGD.
        learning_rate: *learning rate* SGD (> 0).
        batch_size: ukuran batch.
        seed: benih inisialisasi acak (tidak berpengaruh pada inisialisasi konstan).
        label: nama untuk legenda.

    Returns:
        :class:`SymmetryReport`, digambar oleh :func:`chapter11.plotting.plot_step_losses`.

    Raises:
        ValueError, TypeError: argumen yang tidak sah.
    """
    x, y = _check_labelled_batch(x, y)
    hidden_units = _check_units(hidden_units)
    activation = _check_activation(activation)
    steps = check_limit("steps", check_positive_int("steps", steps))
    batch_size = check_limit("batch_size", check_positive_int("batch_size", batch_size))
    learning_rate = check_positive("learning_rate", learning_rate)
    seed = check_int("seed", seed, minimum=0)
    check_text("label", label)
    make_initializer(kernel_initializer, seed)  # periksa sebelum membangun model
    layers = [keras.Input(shape=INPUT_SHAPE), keras.layers.Flatten()]
    for i, units in enumerate(hidden_units + (N_CLASSES,)):
        last = i == len(hidden_units)
        layers.append(keras.layers.Dense(
            units, activation="softmax" if last else activation,
            kernel_initializer=make_initializer(kernel_initializer, layer_seed(seed, i))))
    model = keras.Sequential(layers)
    optimizer = keras.optimizers.SGD(learning_rate=learning_rate)
    loss_fn = keras.losses.SparseCategoricalCrossentropy()
    variables = model.trainable_variables

    @tf.function
    def train_step(x_batch, y_batch):
        with tf.GradientTape() as tape:
            loss = loss_fn(y_batch, model(x_batch, training=True))
        optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
        return loss

    losses = []
    n = len(x)
    for step in range(steps):
        index = (np.arange(batch_size) + step * batch_size) % n
        losses.append(float(train_step(tf.constant(x[index]), tf.constant(y[index]))))
    dense = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)][:-1]
    probabilities = model(x, training=False).numpy()
    return SymmetryReport(
        label=label, n_units=hidden_units,
        distinct_units=tuple(count_distinct_units(layer.kernel.numpy()) for layer in dense),
        losses=np.array(losses), accuracy=float(np.mean(probabilities.argmax(axis=1) == y)),
    )
