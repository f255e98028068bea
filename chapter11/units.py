"""Pengukuran unit tersembunyi: unit ReLU yang mati dan profil sinyal maju sepanjang kedalaman.

Dua pengukuran tanpa pelatihan (satu lintasan maju pada satu *batch*), untuk model yang sudah
dilatih maupun yang baru dibangun:

* :func:`measure_dead_units` — pecahan unit setiap lapisan tersembunyi yang **tidak pernah
  aktif** (pra-aktivasi ``z <= 0`` untuk semua contoh) dan yang **mati** (turunan aktivasinya
  nol untuk semua contoh, sehingga gradien tidak pernah lewat dan bobot masuknya tidak lagi
  berubah). Untuk ReLU keduanya sama; Leaky ReLU bisa tidak aktif tetapi tidak pernah mati.
* :func:`measure_depth_profile` — rata-rata dan simpangan baku keluaran setiap lapisan
  tersembunyi, untuk melihat normalisasi diri SELU sepanjang 100 lapisan.

Ditambah satu perhitungan NumPy, :func:`gaussian_output_moments`: rata-rata dan simpangan baku
keluaran sebuah aktivasi untuk masukan berdistribusi normal.

Example:
    >>> import numpy as np
    >>> from chapter11.models import build_deep_mlp
    >>> x = np.random.default_rng(0).random((64, 28, 28), dtype=np.float32)
    >>> model = build_deep_mlp(3, 16, "relu", "he_normal", seed=0)
    >>> report = measure_dead_units(model, x, label="ReLU")
    >>> report.layer_names, report.n_units.tolist()
    (('dense_1', 'dense_2', 'dense_3'), [16, 16, 16])
    >>> bool(np.all(report.dead == report.inactive))   # ReLU: tidak aktif = mati
    True
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validation import check_float, check_positive
from .activations import get_activation
from .gradients import _check_batch, _hidden_activations
from .runtime import quiet_tensorflow

keras = quiet_tensorflow()
import tensorflow as tf  # noqa: E402  (sesudah impor senyap)

__all__ = [
    "DeadUnitsReport",
    "DepthProfileReport",
    "measure_dead_units",
    "measure_depth_profile",
    "gaussian_output_moments",
]

@dataclass(frozen=True)
class DeadUnitsReport:
    """Unit yang tidak pernah aktif dan yang mati, per lapisan tersembunyi.

    Attributes:
        layer_names: nama lapisan Dense tersembunyi, dari input ke output.
        n_units: banyak unit per lapisan (``int``).
        inactive: pecahan unit dengan pra-aktivasi ``z <= 0`` untuk **semua** contoh.
        dead: pecahan unit dengan turunan aktivasi nol untuk **semua** contoh (gradien tidak
            pernah lewat; unit itu tidak bisa pulih lewat penurunan gradien).
        n_examples: banyak contoh dalam batch yang diukur.
        label: nama konfigurasi untuk legenda.
    """

    layer_names: tuple[str, ...]
    n_units: np.ndarray
    inactive: np.ndarray
    dead: np.ndarray
    n_examples: int
    label: str = ""

    @property
    def dead_fraction(self) -> float:
        """Pecahan unit mati di seluruh lapisan tersembunyi (ditimbang banyak unit)."""
        return float(np.sum(self.dead * self.n_units) / np.sum(self.n_units))

    @property
    def inactive_fraction(self) -> float:
        """Pecahan unit yang tidak pernah aktif di seluruh lapisan tersembunyi."""
        return float(np.sum(self.inactive * self.n_units) / np.sum(self.n_units))


def measure_dead_units(model, x, *, label: str = "") -> DeadUnitsReport:
    """Ukur pecahan unit tersembunyi yang tidak pernah aktif dan yang mati pada satu batch.

    Sebuah unit **tidak aktif** bila pra-aktivasinya ``z <= 0`` untuk setiap contoh batch, dan
    **mati** bila turunan aktivasinya di ``z`` itu nol untuk setiap contoh (dihitung dengan
    ``tf.GradientTape``, jadi berlaku untuk aktivasi apa pun). Unit ReLU yang tidak aktif
    selalu mati; unit Leaky ReLU yang tidak aktif tetap meneruskan gradien berkemiringan
    ``negative_slope`` sehingga tidak mati.

    Args:
        model: model Keras berlapis Dense (mis. dari ``build_mlp`` atau model terlatih dari
            ``RunResult.load_model()``).
        x: batch gambar ``(n, 28, 28)`` dengan penskalaan yang sama seperti saat pelatihan.
        label: nama konfigurasi untuk legenda.

    Returns:
        :class:`DeadUnitsReport`.

    Raises:
        ValueError: bentuk ``x`` yang salah, atau model tanpa lapisan tersembunyi beraktivasi.

    Reference:
        Maas, Hannun & Ng (2013), *Rectifier Nonlinearities Improve Neural Network Acoustic
        Models* (Leaky ReLU).
    """
    x = _check_batch(x)
    names, n_units, inactive, dead = [], [], [], []
    for name, z, act, _ in _hidden_activations(model, x):
        with tf.GradientTape() as tape:
            tape.watch(z)
            total = tf.reduce_sum(act(z))
        # Aktivasi bekerja per elemen: gradien jumlahnya adalah turunan tiap elemen.
        derivative = tape.gradient(total, z).numpy()
        z = z.numpy()
        names.append(name)
        n_units.append(z.shape[-1])
        inactive.append(float(np.mean(np.all(z <= 0, axis=0))))
        dead.append(float(np.mean(np.all(derivative == 0, axis=0))))
    if not names:
        raise ValueError("Model harus memiliki lapisan Dense tersembunyi dengan aktivasi.")
    return DeadUnitsReport(
        layer_names=tuple(names),
        n_units=np.array(n_units, dtype=int),
        inactive=np.array(inactive),
        dead=np.array(dead),
        n_examples=int(x.shape[0]),
        label=label,
    )


@dataclass(frozen=True)
class DepthProfileReport:
    """Rata-rata dan simpangan baku keluaran setiap lapisan tersembunyi, dari input ke output.

    Attributes:
        layer_names: nama lapisan Dense tersembunyi.
        means: rata-rata keluaran (atas semua contoh dan unit) per lapisan.
        stds: simpangan baku keluaran per lapisan.
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


def measure_depth_profile(model, x, *, label: str = "") -> DepthProfileReport:
    """Ukur rata-rata dan simpangan baku keluaran tiap lapisan tersembunyi (lintasan maju).

    Dipakai untuk memeriksa normalisasi diri SELU: dengan masukan terstandardisasi dan
    inisialisasi LeCun normal, keluaran setiap lapisan tetap berrerata ≈ 0 dan bersimpangan
    baku ≈ 1 sepanjang kedalaman.

    Args:
        model: model Keras berlapis Dense (mis. dari ``build_deep_mlp``).
        x: batch gambar ``(n, 28, 28)`` (terstandardisasi atau di [0, 1]).
        label: nama konfigurasi untuk legenda.

    Returns:
        :class:`DepthProfileReport`.

    Raises:
        ValueError: bentuk ``x`` yang salah, atau model tanpa lapisan tersembunyi beraktivasi.

    Reference:
        Klambauer dkk. (2017), *Self-Normalizing Neural Networks*.

    Example:
        >>> import numpy as np
        >>> from chapter11.models import build_deep_mlp
        >>> x = np.random.default_rng(0).standard_normal((256, 28, 28)).astype("float32")
        >>> model = build_deep_mlp(10, 64, "selu", "lecun_normal", seed=0)
        >>> profile = measure_depth_profile(model, x, label="SELU")
        >>> profile.depth, bool(np.all(np.abs(profile.stds - 1) < 0.3))
        (10, True)
    """
    x = _check_batch(x)
    names, means, stds = [], [], []
    for name, _, _, h in _hidden_activations(model, x):
        values = h.numpy()
        names.append(name)
        means.append(float(values.mean()))
        stds.append(float(values.std()))
    if not names:
        raise ValueError("Model harus memiliki lapisan Dense tersembunyi dengan aktivasi.")
    return DepthProfileReport(
        layer_names=tuple(names), means=np.array(means), stds=np.array(stds), label=label
    )


def gaussian_output_moments(activation, *, mean: float = 0.0,
                            std: float = 1.0) -> tuple[float, float]:
    """Rata-rata dan simpangan baku ``f(z)`` untuk ``z ~ N(mean, std²)`` (kuadratur numerik).

    Berguna untuk membandingkan aktivasi: misalnya ReLU memberi rata-rata keluaran
    ``1/√(2π) ≈ 0,40`` untuk masukan normal baku, ELU lebih dekat ke nol, dan SELU tepat
    mempertahankan rata-rata 0 dan simpangan baku 1 (titik tetapnya).

    Args:
        activation: nama di ``chapter11.activations.ACTIVATIONS`` (atau alias) atau entrinya.
        mean: rata-rata masukan.
        std: simpangan baku masukan (> 0).

    Returns:
        ``(rata_rata, simpangan_baku)`` keluaran sebagai ``float``.

    Example:
        >>> m, s = gaussian_output_moments("selu")
        >>> round(m, 6), round(s, 6)
        (0.0, 1.0)
    """
    entry = get_activation(activation)
    mean = check_float("mean", mean)
    std = check_positive("std", std)
    u = np.linspace(-12.0, 12.0, 240_001)  # dalam satuan simpangan baku
    weights = np.exp(-0.5 * u * u) / np.sqrt(2.0 * np.pi)
    values = entry.function(mean + std * u)
    first = float(np.trapezoid(values * weights, u))
    second = float(np.trapezoid(values * values * weights, u))
    return first, float(np.sqrt(max(second - first * first, 0.0)))
