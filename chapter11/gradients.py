"""Sinyal mundur di jaringan dalam: norma gradien kernel setiap lapisan Dense.

Model diukur **tanpa dilatih**: satu lintasan maju dan mundur (``tf.GradientTape``) pada satu
*batch* gambar Fashion-MNIST sungguhan. Sinyal maju (rata-rata, simpangan baku, keluaran
jenuh dan tidak aktif) diukur oleh :mod:`chapter11.layer_stats`; keduanya untuk beberapa benih
sekaligus oleh :func:`chapter11.propagation.measure_signal_propagation`.

Example:
    >>> import numpy as np
    >>> from chapter11.models import build_deep_mlp
    >>> rng = np.random.default_rng(0)
    >>> x = rng.random((32, 28, 28), dtype=np.float32)
    >>> y = rng.integers(0, 10, size=32)
    >>> model = build_deep_mlp(4, 16, "relu", "he_normal", seed=0)
    >>> report = measure_gradient_norms(model, x, y, label="ReLU + He")
    >>> report.layer_names
    ('dense_1', 'dense_2', 'dense_3', 'dense_4', 'output')
    >>> bool(np.all(report.norms > 0))
    True
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validation import check_model, check_text
from .layer_stats import _check_labelled_batch
from .models import dense_layers
from .runtime import quiet_tensorflow

keras = quiet_tensorflow()
import tensorflow as tf  # noqa: E402  (sesudah impor senyap)

__all__ = ["GradientNormReport", "measure_gradient_norms"]


@dataclass(frozen=True)
class GradientNormReport:
    """Norma L2 gradien kernel tiap lapisan Dense, urut dari masukan ke keluaran.

    Attributes:
        layer_names: nama lapisan Dense (lapisan keluaran terakhir).
        norms: array ``float64`` berisi ‖∂L/∂W‖₂ per lapisan.
        loss: nilai *loss* (entropi silang kategoris) pada batch itu.
        label: nama konfigurasi untuk legenda.
    """

    layer_names: tuple[str, ...]
    norms: np.ndarray
    loss: float
    label: str = ""

    @property
    def hidden_norms(self) -> np.ndarray:
        """Norma lapisan tersembunyi saja (tanpa lapisan keluaran)."""
        return self.norms[:-1]

    @property
    def first_to_last_ratio(self) -> float:
        """Norma lapisan tersembunyi pertama dibagi norma lapisan tersembunyi terakhir.

        Gradien merambat dari lapisan terakhir ke lapisan pertama, jadi rasio ini adalah nilai di
        ujung perjalanan sinyal mundur dibagi nilai di awalnya: jauh di bawah 1 berarti gradien
        menghilang menuju lapisan masukan, jauh di atas 1 berarti meledak.
        """
        hidden = self.hidden_norms
        return float(hidden[0] / hidden[-1])


def measure_gradient_norms(model, x, y, *, label: str = "") -> GradientNormReport:
    """Ukur norma gradien kernel setiap lapisan Dense pada satu batch, tanpa memperbarui bobot.

    Satu lintasan ``tf.GradientTape`` atas *loss* entropi silang kategoris jarang
    (*sparse categorical cross-entropy*, rata-rata atas batch) dalam mode inferensi.

    Args:
        model: model Keras dengan lapisan Dense (mis. dari ``build_deep_mlp``).
        x: batch gambar ``(n, 28, 28)``, nilai di [0, 1].
        y: label bilangan bulat 0–9, panjang ``n``.
        label: nama konfigurasi untuk legenda gambar.

    Returns:
        :class:`GradientNormReport` dengan lapisan masukan lebih dahulu, lapisan keluaran
        terakhir. Digambar oleh :func:`chapter11.plotting.plot_gradient_norms`.

    Raises:
        ValueError: bentuk atau label yang tidak sah, atau model tanpa lapisan Dense.
    """
    check_model("model", model)
    x, y = _check_labelled_batch(x, y)
    check_text("label", label)
    layers = dense_layers(model)
    if not layers:
        raise ValueError("Model harus memiliki lapisan Dense. Diterima: model tanpa Dense.")
    kernels = [layer.kernel for layer in layers]
    loss_fn = keras.losses.SparseCategoricalCrossentropy()
    with tf.GradientTape() as tape:
        probs = model(x, training=False)
        loss = loss_fn(y, probs)
    grads = tape.gradient(loss, kernels)
    # Norma dalam float64: di float32 kuadrat elemen < ~1e-19 jatuh di bawah bilangan terkecil,
    # sehingga gradien yang sangat kecil (tetapi bukan nol) akan terbaca 0.
    norms = np.array([np.linalg.norm(g.numpy().astype(np.float64)) for g in grads])
    return GradientNormReport(
        layer_names=tuple(layer.name for layer in layers),
        norms=norms,
        loss=float(loss),
        label=label,
    )
