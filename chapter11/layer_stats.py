"""Inti pengukuran per lapisan: satu lintasan maju, satu definisi setiap statistik.

Semua pengukuran sinyal maju di buku memakai modul ini — halaman gradien, inisialisasi,
aktivasi, dan :mod:`chapter11.propagation`. Untuk setiap lapisan tersembunyi (setiap aktivasi
sesudah sebuah Dense, di dalam Dense atau sebagai lapisan sendiri) dicatat:

* **rata-rata** dan **simpangan baku** keluarannya;
* pecahan keluaran yang **jenuh** dan yang **tidak aktif**, menurut definisi satu-satunya di
  :func:`chapter11.activations.activity_masks` (keluaran nol ReLU bukan kejenuhan);
* pecahan unit yang **mati** (tidak aktif untuk setiap contoh batch: gradien tidak pernah
  sampai ke bobot masuknya) dan unit yang pra-aktivasinya ``z <= 0`` untuk setiap contoh (unit
  Leaky ReLU seperti itu "koma" tetapi tidak mati).

Tidak ada pelatihan: satu lintasan maju mode inferensi pada satu *batch*.

Example:
    >>> import numpy as np
    >>> from chapter11.models import build_deep_mlp
    >>> x = np.random.default_rng(0).random((64, 28, 28), dtype=np.float32)
    >>> stats = measure_layer_stats(build_deep_mlp(3, 16, "relu", "he_normal", seed=0), x)
    >>> stats.layer_names, stats.n_units.tolist()
    (('dense_1', 'dense_2', 'dense_3'), [16, 16, 16])
    >>> float(stats.saturated.max())          # ReLU tidak pernah jenuh
    0.0
    >>> bool(0.2 < stats.inactive.mean() < 0.8)  # tetapi kira-kira separuh keluarannya nol
    True
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

from ._validation import check_float, check_model, check_real_array, check_text
from .activations import SATURATION_THRESHOLD, activity_masks
from .runtime import quiet_tensorflow

keras = quiet_tensorflow()
import tensorflow as tf  # noqa: E402  (sesudah impor senyap)

__all__ = ["check_image_batch", "HiddenActivation", "hidden_activations", "LayerStatsReport",
           "measure_layer_stats"]


def check_image_batch(x, y=None):
    """Periksa batch gambar ``(n, 28, 28)`` berhingga (dan label 0–9 sepanjang ``n``).

    Returns:
        ``x`` sebagai ``float32``, atau ``(x, y)`` bila ``y`` diberikan.

    Raises:
        ValueError: bentuk, isi, atau label yang tidak sah.

    Example:
        >>> check_image_batch(np.zeros((2, 28, 28))).dtype
        dtype('float32')
    """
    x = _as_array("x", x)
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
    y = _as_array("y", y)
    if y.shape != (x.shape[0],):
        raise ValueError(
            "Argumen `y` harus vektor label sepanjang batch `x`. "
            f"Diterima: y dengan bentuk {y.shape} untuk x dengan {x.shape[0]} gambar."
        )
    if not np.issubdtype(y.dtype, np.integer):
        raise ValueError("Argumen `y` harus label bilangan bulat 0–9. "
                         f"Diterima: y bertipe {y.dtype}.")
    if y.min() < 0 or y.max() > 9:
        raise ValueError(
            "Argumen `y` harus label bilangan bulat 0–9. "
            f"Diterima: y bertipe {y.dtype} dengan rentang [{y.min()}, {y.max()}]."
        )
    return x, y


def _as_array(name, value):
    """``np.asarray`` dengan galat bergaya proyek untuk ``None``, teks, atau larik tak rata."""
    if value is None or isinstance(value, (str, bytes)):
        raise TypeError(f"Argumen `{name}` harus array NumPy. Diterima: {name}={value!r} "
                        f"(tipe {type(value).__name__}).")
    try:
        return np.asarray(value)
    except (TypeError, ValueError):
        raise TypeError(f"Argumen `{name}` harus array NumPy (bukan larik tak rata). "
                        f"Diterima: {name} bertipe {type(value).__name__}.") from None


def _check_labelled_batch(x, y):
    """:func:`check_image_batch` untuk fungsi yang butuh label: ``y=None`` juga ditolak."""
    if y is None:
        raise TypeError("Argumen `y` harus vektor label 0–9 sepanjang batch `x`. "
                        "Diterima: y=None.")
    return check_image_batch(x, y)


class HiddenActivation(NamedTuple):
    """Satu aktivasi tersembunyi dalam lintasan maju.

    Isinya ``(name, z, activation, output)``: nama lapisan Dense pemilik unit-unit itu,
    pra-aktivasi ``z`` berbentuk ``(n, unit)``, fungsi atau lapisan aktivasinya (dapat dipanggil
    pada tensor), dan keluarannya ``f(z)``.
    """

    name: str
    z: Any
    activation: Any
    output: Any


_ACTIVATION_LAYERS = (keras.layers.Activation, keras.layers.LeakyReLU, keras.layers.ReLU,
                      keras.layers.ELU, keras.layers.PReLU)


def hidden_activations(model, x) -> Iterator[HiddenActivation]:
    """Lintasan maju mode inferensi, satu :class:`HiddenActivation` per lapisan tersembunyi.

    Aktivasi dapat berada di dalam Dense (``Dense(…, activation="selu")``) atau berupa lapisan
    sendiri sesudahnya (``Activation``, ``LeakyReLU``, …; mis. sesudah BN). Lapisan Dense bernama
    ``"output"`` atau lapisan Dense terakhir model tidak dihitung.

    Args:
        model: model ``Sequential`` Keras.
        x: batch masukan (mis. diperiksa dengan :func:`check_image_batch`); array bilangan
            berhingga.

    Raises:
        TypeError, ValueError: ``model`` bukan model Keras, atau ``x`` bukan array berhingga
            (diperiksa saat dipanggil, sebelum iterasi pertama).
    """
    check_model("model", model)
    check_real_array("x", x)
    return _hidden_activations(model, x)


def _hidden_activations(model, x) -> Iterator[HiddenActivation]:
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
        yield HiddenActivation(owner or layer.name, z, act, h)


@dataclass(frozen=True)
class LayerStatsReport:
    """Statistik keluaran setiap lapisan tersembunyi pada satu batch, dari masukan ke keluaran.

    Attributes:
        layer_names: nama lapisan Dense pemilik unit-unit tersembunyi.
        n_units: banyak unit per lapisan (``int``).
        means: rata-rata keluaran per lapisan (atas semua contoh dan unit).
        stds: simpangan baku keluaran per lapisan.
        saturated: pecahan keluaran (contoh × unit) yang jenuh.
        inactive: pecahan keluaran (contoh × unit) yang tidak aktif (nol, turunan nol).
        dead: pecahan unit yang tidak aktif untuk **setiap** contoh (unit mati).
        never_positive: pecahan unit dengan ``z <= 0`` untuk setiap contoh.
        n_examples: banyak contoh dalam batch.
        label: nama konfigurasi untuk legenda.
    """

    layer_names: tuple[str, ...]
    n_units: np.ndarray
    means: np.ndarray
    stds: np.ndarray
    saturated: np.ndarray
    inactive: np.ndarray
    dead: np.ndarray
    never_positive: np.ndarray
    n_examples: int
    label: str = ""

    @property
    def depth(self) -> int:
        """Banyak lapisan tersembunyi."""
        return len(self.layer_names)

    def _weighted(self, values) -> float:
        return float(np.sum(np.asarray(values) * self.n_units) / np.sum(self.n_units))

    @property
    def dead_fraction(self) -> float:
        """Pecahan unit mati di seluruh lapisan tersembunyi (ditimbang banyak unit)."""
        return self._weighted(self.dead)

    @property
    def saturated_fraction(self) -> float:
        """Pecahan keluaran jenuh di seluruh lapisan tersembunyi."""
        return self._weighted(self.saturated)

    @property
    def inactive_fraction(self) -> float:
        """Pecahan keluaran tidak aktif di seluruh lapisan tersembunyi."""
        return self._weighted(self.inactive)


_PEAK_PROBE = None


def _peak_derivative(activation, observed) -> float:
    """Supremum turunan sebuah aktivasi Keras, dicari pada grid rapat di [−10, 10].

    Lapisan yang bergantung pada bentuk masukannya (mis. ``PReLU`` dengan α per unit) tidak
    dapat dipanggil pada grid satu dimensi; untuknya dipakai turunan terbesar yang teramati.
    """
    global _PEAK_PROBE
    if _PEAK_PROBE is None:
        _PEAK_PROBE = tf.linspace(-10.0, 10.0, 20001)
    try:
        with tf.GradientTape() as tape:
            tape.watch(_PEAK_PROBE)
            out = activation(_PEAK_PROBE)
        return float(tf.reduce_max(tf.abs(tape.gradient(out, _PEAK_PROBE))))
    except (ValueError, TypeError, tf.errors.InvalidArgumentError):
        return float(max(np.max(np.abs(observed)), 1e-12))


def measure_layer_stats(model, x, *, label: str = "",
                        threshold: float = SATURATION_THRESHOLD) -> LayerStatsReport:
    """Ukur statistik keluaran setiap lapisan tersembunyi pada satu batch (tanpa pelatihan).

    Turunan aktivasi dihitung dengan ``tf.GradientTape`` di setiap titik, jadi definisinya
    berlaku untuk aktivasi apa pun, termasuk lapisan ``LeakyReLU`` dan ``PReLU``.

    Args:
        model: model ``Sequential`` berlapis Dense (mis. dari ``build_deep_mlp``), terlatih atau
            belum.
        x: batch gambar ``(n, 28, 28)``.
        label: nama konfigurasi untuk legenda.
        threshold: ambang relatif "jenuh", di (0, 1] (lihat
            :func:`chapter11.activations.activity_masks`).

    Returns:
        :class:`LayerStatsReport`.

    Raises:
        ValueError: ``x`` yang tidak sah, ambang di luar (0, 1], atau model tanpa lapisan
            tersembunyi beraktivasi.

    Laporan ini digambar oleh :func:`chapter11.plotting.plot_layer_stats` dan
    :func:`chapter11.plotting.plot_dead_units`; halaman :ref:`sec-gradien`,
    :ref:`sec-inisialisasi` dan :ref:`sec-aktivasi` memakainya.

    Example:
        >>> from chapter11.models import build_deep_mlp
        >>> x = np.random.default_rng(0).random((64, 28, 28), dtype=np.float32)
        >>> r = measure_layer_stats(build_deep_mlp(3, 32, "sigmoid", "glorot_uniform", seed=0), x)
        >>> r.means.shape, bool(np.all((r.means > 0) & (r.means < 1))), float(r.inactive.max())
        ((3,), True, 0.0)
    """
    check_model("model", model)
    x = check_image_batch(x)
    threshold = check_float("threshold", threshold, minimum=0.0, maximum=1.0,
                            strict_minimum=True)
    check_text("label", label)
    rows = []
    for hidden in _hidden_activations(model, x):
        z = tf.convert_to_tensor(hidden.z)
        with tf.GradientTape() as tape:
            tape.watch(z)
            total = tf.reduce_sum(hidden.activation(z))
        # Aktivasi bekerja per elemen: gradien jumlahnya adalah turunan tiap elemen.
        derivative = tape.gradient(total, z).numpy()
        output, z = hidden.output.numpy(), z.numpy()
        saturated, inactive = activity_masks(output, derivative,
                                             _peak_derivative(hidden.activation, derivative),
                                             threshold=threshold)
        rows.append((hidden.name, z.shape[-1], float(output.mean()), float(output.std()),
                     float(saturated.mean()), float(inactive.mean()),
                     float(np.mean(np.all(inactive, axis=0))),
                     float(np.mean(np.all(z <= 0, axis=0)))))
    if not rows:
        raise ValueError("Model harus memiliki lapisan Dense tersembunyi dengan aktivasi. "
                         "Diterima: model tanpa lapisan seperti itu.")
    columns = list(zip(*rows))
    return LayerStatsReport(
        layer_names=tuple(columns[0]), n_units=np.array(columns[1], dtype=int),
        means=np.array(columns[2]), stds=np.array(columns[3]), saturated=np.array(columns[4]),
        inactive=np.array(columns[5]), dead=np.array(columns[6]),
        never_positive=np.array(columns[7]), n_examples=int(x.shape[0]), label=label,
    )
