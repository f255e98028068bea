"""Pengukuran untuk halaman inisialisasi: variansi bobot awal dan perambatan sinyal per kedalaman.

Dua pertanyaan, keduanya tanpa pelatihan:

* Apakah bobot yang baru diinisialisasi lapisan ``Dense`` sungguhan punya variansi yang
  dijanjikan rumusnya (:func:`measure_weight_variance`)? Selisih yang wajar dibandingkan
  dengan derau pengambilan sampel (:func:`sample_variance_noise`).
* Bagaimana simpangan baku aktivasi (sinyal maju) dan norma gradien (sinyal mundur) berubah
  dari lapisan ke lapisan untuk satu pasangan aktivasi × inisialisasi, atas beberapa benih
  (:func:`measure_signal_propagation`)?

Example:
    >>> report = measure_weight_variance("he_uniform", shapes=((50, 20),), seed=0)
    >>> report.expected.tolist() == [2 / 50]
    True
    >>> bool(abs(report.relative_errors[0]) < 4 * report.relative_noise[0])
    True
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ._validation import check_choice, check_int, check_positive_int
from .gradients import _check_batch, measure_activation_stats, measure_gradient_norms
from .initializers import DISTRIBUTIONS, describe, get_spec
from .models import build_deep_mlp, layer_seed, make_initializer
from .runtime import quiet_tensorflow

keras = quiet_tensorflow()

__all__ = ["WeightVarianceReport", "SignalPropagationReport", "distribution_kurtosis",
           "sample_variance_noise", "measure_weight_variance", "measure_signal_propagation"]

#: Bentuk kernel MLP Géron untuk Fashion-MNIST: 784 → 300 → 100 → 10.
DEFAULT_SHAPES = ((784, 300), (300, 100), (100, 10))


def distribution_kurtosis(distribution: str) -> float:
    """Kurtosis (momen keempat dibagi kuadrat variansi) distribusi bobot sebuah inisialisasi.

    ``"uniform"``: 9/5; ``"untruncated_normal"``: 3; ``"truncated_normal"`` (normal yang
    dipotong di ±2 simpangan baku, seperti Keras): dihitung dari momen normal terpotong.

    Args:
        distribution: salah satu dari ``chapter11.initializers.DISTRIBUTIONS`` (``"normal"``
            dibaca sebagai ``"truncated_normal"``).

    Raises:
        ValueError: bila distribusi tidak dikenal.

    Example:
        >>> distribution_kurtosis("uniform")
        1.8
        >>> round(distribution_kurtosis("truncated_normal"), 3)
        2.366
    """
    if distribution == "normal":
        distribution = "truncated_normal"
    check_choice("distribution", distribution, DISTRIBUTIONS)
    if distribution == "uniform":
        return 1.8
    if distribution == "untruncated_normal":
        return 3.0
    a = 2.0
    mass = math.erf(a / math.sqrt(2.0))  # P(|Z| < 2)
    pdf = math.exp(-a * a / 2.0) / math.sqrt(2.0 * math.pi)
    m2 = 1.0 - 2.0 * a * pdf / mass
    m4 = 3.0 - 2.0 * (a**3 + 3.0 * a) * pdf / mass
    return m4 / m2**2


def sample_variance_noise(distribution: str, n) -> float:
    """Simpangan baku relatif variansi sampel dari ``n`` bobot bebas: ``√((κ − 1) / n)``.

    Inilah selisih relatif yang wajar antara variansi terukur dan variansi rumus, murni karena
    jumlah bobot yang terbatas (κ: :func:`distribution_kurtosis`).

    Args:
        distribution: distribusi bobot (lihat :func:`distribution_kurtosis`).
        n: banyak bobot (bilangan bulat positif).

    Example:
        >>> round(sample_variance_noise("untruncated_normal", 200), 3)
        0.1
    """
    n = check_positive_int("n", n)
    return math.sqrt((distribution_kurtosis(distribution) - 1.0) / n)


@dataclass(frozen=True)
class WeightVarianceReport:
    """Variansi kernel lapisan ``Dense`` yang baru diinisialisasi, dibandingkan dengan rumusnya.

    Attributes:
        label: nama untuk legenda.
        initializer: kunci ``chapter11.initializers.PRESETS`` atau ``"variance_scaling"``.
        distribution: ``"uniform"``, ``"truncated_normal"`` atau ``"untruncated_normal"``.
        fan_in: fan-in setiap lapisan.
        fan_out: fan-out setiap lapisan.
        expected: variansi menurut rumus ``scale / fan`` per lapisan.
        measured: variansi sampel bobot per lapisan.
        means: rata-rata bobot per lapisan.
        max_abs: ``max |w|`` per lapisan.
        limits: batas ``|w|`` menurut rumus (``inf`` untuk normal tak terpotong).
        sampling_stddevs: parameter stddev pengambil sampel (``nan`` untuk uniform).
        kernels: bobot setiap lapisan, diratakan (``float32``), untuk histogram.
    """

    label: str
    initializer: str
    distribution: str
    fan_in: tuple[int, ...]
    fan_out: tuple[int, ...]
    expected: np.ndarray
    measured: np.ndarray
    means: np.ndarray
    max_abs: np.ndarray
    limits: np.ndarray
    sampling_stddevs: np.ndarray
    kernels: tuple[np.ndarray, ...]

    @property
    def relative_errors(self) -> np.ndarray:
        """``measured / expected − 1`` per lapisan."""
        return self.measured / self.expected - 1.0

    @property
    def relative_noise(self) -> np.ndarray:
        """Derau relatif yang wajar per lapisan (:func:`sample_variance_noise`)."""
        return np.array([sample_variance_noise(self.distribution, a * b)
                         for a, b in zip(self.fan_in, self.fan_out)])


def _keras_initializer(initializer, spec):
    """Nama Keras bila Keras mengenalnya, selain itu ``VarianceScaling`` dari spesifikasinya."""
    if isinstance(initializer, str):
        try:
            keras.initializers.get(initializer)
            return initializer
        except ValueError:
            pass
    return keras.initializers.VarianceScaling(**spec.keras_kwargs())


def measure_weight_variance(
    initializer, shapes=DEFAULT_SHAPES, *, seed: int = 42, label: str = ""
) -> WeightVarianceReport:
    """Bangun lapisan ``Dense`` sungguhan dan ukur variansi kernel awalnya.

    Untuk setiap ``(fan_in, fan_out)`` dibuat ``keras.layers.Dense(fan_out)`` dengan
    inisialisasi itu (benih ``seed + i``), lalu ``build((None, fan_in))``; bobotnya dibandingkan
    dengan ``chapter11.initializers.describe``.

    Args:
        initializer: kunci ``chapter11.initializers.PRESETS`` (nama Keras seperti
            ``"he_normal"``, atau ``"he_avg_uniform"``) atau ``VarianceScalingSpec``.
        shapes: urutan pasangan ``(fan_in, fan_out)``; bawaan 784→300, 300→100, 100→10.
        seed: benih lapisan pertama.
        label: nama untuk legenda (bawaan: nama inisialisasi).

    Returns:
        :class:`WeightVarianceReport`.

    Raises:
        ValueError, TypeError: inisialisasi yang tidak dikenal atau bentuk yang tidak sah.
    """
    spec = get_spec(initializer)
    seed = check_int("seed", seed, minimum=0)
    shapes = tuple(tuple(shape) for shape in shapes)
    if not shapes or any(len(shape) != 2 for shape in shapes):
        raise ValueError("Argumen `shapes` harus urutan pasangan (fan_in, fan_out) yang tidak "
                         f"kosong. Diterima: shapes={shapes!r}.")
    template = _keras_initializer(initializer, spec)
    rows = []
    for i, (fan_in, fan_out) in enumerate(shapes):
        desc = describe(spec, fan_in, fan_out)
        layer = keras.layers.Dense(fan_out, kernel_initializer=make_initializer(template, layer_seed(seed, i)))
        layer.build((None, fan_in))
        kernel = np.asarray(layer.kernel.numpy()).ravel()
        w = kernel.astype(np.float64)
        rows.append((desc, float(w.var()), float(w.mean()), float(np.abs(w).max()), kernel))
    name = initializer if isinstance(initializer, str) else "variance_scaling"
    descs = [r[0] for r in rows]
    return WeightVarianceReport(
        label=label or name, initializer=name, distribution=spec.distribution,
        fan_in=tuple(d.fan_in for d in descs), fan_out=tuple(d.fan_out for d in descs),
        expected=np.array([d.variance for d in descs]), measured=np.array([r[1] for r in rows]),
        means=np.array([r[2] for r in rows]), max_abs=np.array([r[3] for r in rows]),
        limits=np.array([d.limit for d in descs]),
        sampling_stddevs=np.array([d.sampling_stddev for d in descs]),
        kernels=tuple(r[4] for r in rows),
    )


@dataclass(frozen=True)
class SignalPropagationReport:
    """Sinyal maju dan mundur per lapisan tersembunyi, untuk beberapa benih satu konfigurasi.

    Attributes:
        label: nama konfigurasi untuk legenda.
        activation: nama aktivasi Keras.
        seeds: benih yang diberikan (satu baris per benih).
        stds: ``(n_benih, depth)``: simpangan baku keluaran setiap lapisan tersembunyi.
        saturated: ``(n_benih, depth)``: pecahan unit jenuh setiap lapisan tersembunyi.
        grad_norms: ``(n_benih, depth)``: norma gradien kernel setiap lapisan tersembunyi.
        output_grad_norms: ``(n_benih,)``: norma gradien kernel lapisan output.
    """

    label: str
    activation: str
    seeds: tuple[int, ...]
    stds: np.ndarray
    saturated: np.ndarray
    grad_norms: np.ndarray
    output_grad_norms: np.ndarray

    @property
    def depth(self) -> int:
        """Banyak lapisan tersembunyi."""
        return int(self.stds.shape[1])

    @property
    def forward_ratios(self) -> np.ndarray:
        """Simpangan baku lapisan terakhir dibagi lapisan pertama, satu nilai per benih."""
        return self.stds[:, -1] / self.stds[:, 0]

    @property
    def backward_ratios(self) -> np.ndarray:
        """Norma gradien lapisan tersembunyi pertama dibagi yang terakhir, satu nilai per benih."""
        return self.grad_norms[:, 0] / self.grad_norms[:, -1]


def measure_signal_propagation(
    activation: str, kernel_initializer, x, y, *, depth: int = 50, units: int = 100,
    seeds=(0, 1, 2), label: str = "",
) -> SignalPropagationReport:
    """Ukur sinyal maju dan mundur sebuah MLP dalam yang belum dilatih, untuk beberapa benih.

    Untuk setiap benih dibangun ``build_deep_mlp(depth, units, activation, kernel_initializer)``,
    lalu diukur pada batch ``(x, y)``: ``measure_activation_stats`` (maju) dan
    ``measure_gradient_norms`` (mundur).

    Args:
        activation: nama aktivasi Keras (``"sigmoid"``, ``"tanh"``, ``"relu"``, ``"selu"``, …).
        kernel_initializer: nama Keras, dict konfigurasi, atau objek inisialisasi.
        x: batch gambar ``(n, 28, 28)``.
        y: label 0–9, panjang ``n``.
        depth: banyak lapisan tersembunyi.
        units: lebar setiap lapisan tersembunyi.
        seeds: urutan benih bilangan bulat >= 0 yang tidak kembar.
        label: nama konfigurasi untuk legenda.

    Returns:
        :class:`SignalPropagationReport`.

    Raises:
        ValueError, TypeError: argumen yang tidak sah.

    Example:
        >>> rng = np.random.default_rng(0)
        >>> x = rng.random((16, 28, 28), dtype=np.float32)
        >>> y = rng.integers(0, 10, size=16)
        >>> r = measure_signal_propagation("relu", "he_normal", x, y, depth=3, units=8,
        ...                                seeds=(0, 1))
        >>> r.stds.shape, r.grad_norms.shape, r.forward_ratios.shape
        ((2, 3), (2, 3), (2,))
    """
    x, y = _check_batch(x, y)
    depth = check_positive_int("depth", depth)
    units = check_positive_int("units", units)
    seeds = tuple(check_int("seeds[i]", s, minimum=0) for s in seeds)
    if not seeds or len(set(seeds)) != len(seeds):
        raise ValueError("Argumen `seeds` harus berisi minimal satu benih, tanpa kembar. "
                         f"Diterima: seeds={seeds!r}.")
    stds, saturated, grads, output = [], [], [], []
    for seed in seeds:
        model = build_deep_mlp(depth, units, activation, kernel_initializer, seed=seed)
        stats = measure_activation_stats(model, x)
        norms = measure_gradient_norms(model, x, y).norms
        stds.append(stats.stds)
        saturated.append(stats.saturated)
        grads.append(norms[:-1])
        output.append(norms[-1])
    return SignalPropagationReport(
        label=label, activation=activation, seeds=seeds, stds=np.array(stds),
        saturated=np.array(saturated), grad_norms=np.array(grads),
        output_grad_norms=np.array(output),
    )
