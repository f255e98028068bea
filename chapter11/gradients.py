"""Pengukuran sinyal mundur dan maju di jaringan dalam: norma gradien dan statistik aktivasi.

Keduanya mengukur model **tanpa melatihnya**: satu lintasan maju (dan mundur, untuk gradien)
pada satu *batch* gambar Fashion-MNIST sungguhan.

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

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from ._validation import check_float
from .models import dense_layers
from .runtime import quiet_tensorflow

keras = quiet_tensorflow()
import tensorflow as tf  # noqa: E402  (sesudah impor senyap)

__all__ = [
    "GradientNormReport",
    "ActivationStatsReport",
    "measure_gradient_norms",
    "measure_activation_stats",
    "measure_derivative_chain",
]


def _check_batch(x, y=None):
    x = np.asarray(x)
    if x.ndim != 3 or x.shape[1:] != (28, 28):
        raise ValueError(
            "Argumen `x` harus batch gambar berbentuk (n, 28, 28). "
            f"Diterima: x dengan bentuk {x.shape}."
        )
    if x.shape[0] == 0:
        raise ValueError("Argumen `x` tidak boleh kosong. Diterima: x dengan 0 gambar.")
    x = x.astype("float32", copy=False)
    if not np.all(np.isfinite(x)):
        raise ValueError("Argumen `x` harus berisi bilangan berhingga. Diterima: NaN/inf di x.")
    if y is None:
        return x
    y = np.asarray(y)
    if y.shape != (x.shape[0],):
        raise ValueError(
            "Argumen `y` harus vektor label sepanjang batch `x`. "
            f"Diterima: y dengan bentuk {y.shape} untuk x dengan {x.shape[0]} gambar."
        )
    if not np.issubdtype(y.dtype, np.integer) or y.min() < 0 or y.max() > 9:
        raise ValueError(
            "Argumen `y` harus label bilangan bulat 0–9. "
            f"Diterima: y bertipe {y.dtype} dengan rentang [{y.min()}, {y.max()}]."
        )
    return x, y


_ACTIVATION_LAYERS = (keras.layers.Activation, keras.layers.LeakyReLU, keras.layers.ReLU,
                      keras.layers.ELU, keras.layers.PReLU)


def _hidden_activations(model, x) -> Iterator[tuple[str, tf.Tensor, object, tf.Tensor]]:
    """Lintasan maju mode inferensi: ``(nama, z, aktivasi, f(z))`` per aktivasi tersembunyi.

    Aktivasi dapat berada di dalam Dense (``Dense(…, activation="selu")``) atau berupa lapisan
    sendiri sesudahnya (``Activation``, ``LeakyReLU``, …; mis. sesudah BN). Nama yang dilaporkan
    adalah nama lapisan Dense pemilik unit-unit itu. Lapisan Dense bernama ``"output"`` atau
    lapisan terakhir model tidak dihitung.
    """
    h = tf.convert_to_tensor(x)
    layers = list(model.layers)
    owner = None
    for index, layer in enumerate(layers):
        is_last = index == len(layers) - 1
        if layer.name == "output" or (is_last and isinstance(layer, keras.layers.Dense)):
            break
        act = None
        if isinstance(layer, keras.layers.Dense):
            owner = layer.name
            z = tf.matmul(h, layer.kernel)
            if layer.use_bias:
                z = z + layer.bias
            if layer.activation is not keras.activations.linear:
                act = layer.activation
        elif isinstance(layer, _ACTIVATION_LAYERS):
            z, act = h, layer
        else:
            z = layer(h, training=False)
        if act is None:
            h = z
            continue
        h = act(z)
        yield owner or layer.name, z, act, h



@dataclass(frozen=True)
class GradientNormReport:
    """Norma L2 gradien kernel tiap lapisan Dense, urut dari input ke output.

    Attributes:
        layer_names: nama lapisan Dense (lapisan output terakhir).
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
        """Norma lapisan tersembunyi saja (tanpa lapisan output)."""
        return self.norms[:-1]

    @property
    def first_to_last_ratio(self) -> float:
        """Norma lapisan tersembunyi pertama dibagi norma lapisan tersembunyi terakhir.

        Jauh di bawah 1: gradien menghilang menuju input; jauh di atas 1: meledak.
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
        :class:`GradientNormReport` dengan lapisan input lebih dahulu, lapisan output terakhir.

    Raises:
        ValueError: bentuk atau label yang tidak sah, atau model tanpa lapisan Dense.
    """
    x, y = _check_batch(x, y)
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


@dataclass(frozen=True)
class ActivationStatsReport:
    """Statistik keluaran tiap lapisan tersembunyi Dense (sesudah aktivasi).

    Attributes:
        layer_names: nama lapisan Dense pemilik unit-unit tersembunyi, dari input ke output.
        means: rata-rata keluaran per lapisan.
        stds: simpangan baku keluaran per lapisan.
        saturated: pecahan pra-aktivasi ``z`` tempat turunan aktivasi kurang dari
            ``threshold`` × turunan maksimumnya (gradien nyaris tak lewat).
        label: nama konfigurasi untuk legenda.
    """

    layer_names: tuple[str, ...]
    means: np.ndarray
    stds: np.ndarray
    saturated: np.ndarray
    label: str = ""


def _derivative_fraction_small(layer, z, threshold):
    """Pecahan z tempat f'(z) < threshold · max f' (turunan dihitung dengan GradientTape)."""
    z = tf.convert_to_tensor(z)
    with tf.GradientTape() as tape:
        tape.watch(z)
        out = layer(z)
    grad = tape.gradient(out, z).numpy()
    probe = tf.linspace(-10.0, 10.0, 20001)
    with tf.GradientTape() as tape:
        tape.watch(probe)
        out = layer(probe)
    peak = float(tf.reduce_max(tape.gradient(out, probe)))
    return float(np.mean(grad < threshold * peak))


def measure_activation_stats(
    model, x, *, label: str = "", threshold: float = 0.1
) -> ActivationStatsReport:
    """Ukur rata-rata, simpangan baku, dan pecahan jenuh keluaran tiap lapisan tersembunyi.

    Lintasan maju lapis demi lapis dalam mode inferensi. Setiap aktivasi tersembunyi (di dalam
    Dense atau sebagai lapisan sendiri, mis. sesudah BN) dicatat: masukannya ``z`` dan
    keluarannya ``f(z)``.

    Args:
        model: model dari ``build_deep_mlp`` (Dense dengan aktivasi, atau Dense diikuti lapisan
            aktivasi).
        x: batch gambar ``(n, 28, 28)``.
        label: nama konfigurasi untuk legenda.
        threshold: ambang turunan relatif untuk "jenuh", di (0, 1).

    Returns:
        :class:`ActivationStatsReport`.

    Example:
        >>> import numpy as np
        >>> from chapter11.models import build_deep_mlp
        >>> x = np.random.default_rng(0).random((64, 28, 28), dtype=np.float32)
        >>> m = build_deep_mlp(3, 32, "sigmoid", "glorot_uniform", seed=0)
        >>> r = measure_activation_stats(m, x)
        >>> r.means.shape, bool(np.all((r.means > 0) & (r.means < 1)))
        ((3,), True)
    """
    x = _check_batch(x)
    threshold = check_float("threshold", threshold, minimum=0.0, maximum=1.0, strict_minimum=True)
    names, means, stds, saturated = [], [], [], []
    for name, z, act, h in _hidden_activations(model, x):
        values = h.numpy()
        names.append(name)
        means.append(float(values.mean()))
        stds.append(float(values.std()))
        saturated.append(_derivative_fraction_small(act, z, threshold))
    if not names:
        raise ValueError("Model harus memiliki lapisan Dense tersembunyi dengan aktivasi.")
    return ActivationStatsReport(
        layer_names=tuple(names),
        means=np.array(means),
        stds=np.array(stds),
        saturated=np.array(saturated),
        label=label,
    )


def measure_derivative_chain(
    depth: int = 10, units: int = 100, *, weight_std: float = 1.0, seed: int = 42
) -> np.ndarray:
    """Karikatur propagasi balik: hasil kali rata-rata turunan sigmoid lapis demi lapis.

    Meniru demonstrasi buku catatan kursus: di setiap lapisan, ``z = W a`` dengan
    ``W ~ N(0, weight_std²)`` dan masukan acak ``a ~ N(0, 1)``, lalu "gradien" dikalikan
    rata-rata ``σ'(z)``. Hanya faktor turunan yang dihitung; bobot yang ikut dikalikan pada
    propagasi balik sungguhan (``δ = Wᵀ(δ' ⊙ σ'(z))``) diabaikan. Karena itu hasilnya selalu
    menyusut — bandingkan dengan :func:`measure_gradient_norms` pada jaringan sungguhan.

    Args:
        depth: banyak lapisan.
        units: lebar lapisan.
        weight_std: simpangan baku bobot.
        seed: benih NumPy.

    Returns:
        Array ``(depth,)``: hasil kali kumulatif sesudah lapisan 1, 2, …

    Example:
        >>> chain = measure_derivative_chain(depth=3, units=50, seed=0)
        >>> chain.shape, bool(np.all(np.diff(chain) < 0)), bool(chain[0] <= 0.25)
        ((3,), True, True)
    """
    from ._validation import check_int, check_positive_int
    from .activations import sigmoid_derivative

    depth = check_positive_int("depth", depth)
    units = check_positive_int("units", units)
    weight_std = check_float("weight_std", weight_std, minimum=0.0, strict_minimum=True)
    rng = np.random.default_rng(check_int("seed", seed, minimum=0))
    factors = []
    for _ in range(depth):
        weights = rng.normal(0.0, weight_std, size=(units, units))
        inputs = rng.normal(0.0, 1.0, size=units)
        factors.append(sigmoid_derivative(weights @ inputs).mean())
    return np.cumprod(factors)
