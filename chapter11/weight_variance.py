"""Variansi bobot awal lapisan ``Dense`` sungguhan, dibandingkan dengan rumusnya.

Apakah bobot yang baru diinisialisasi Keras punya variansi yang dijanjikan rumus
``σ² = scale / fan`` (:mod:`chapter11.initializers`)? Selisih yang wajar dibandingkan dengan
derau pengambilan sampel (:func:`chapter11.initializers.sample_variance_noise`).

Example:
    >>> report = measure_weight_variance("he_uniform", shapes=((50, 20),), seed=0)
    >>> report.expected.tolist() == [2 / 50]
    True
    >>> bool(abs(report.relative_errors[0]) < 4 * report.relative_noise[0])
    True
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validation import check_int, check_limit, check_text
from .initializers import _check_shapes, describe, get_spec, sample_variance_noise
from .models import layer_seed, make_initializer
from .runtime import quiet_tensorflow

keras = quiet_tensorflow()

__all__ = ["DEFAULT_SHAPES", "WeightVarianceReport", "measure_weight_variance"]

#: Bentuk kernel MLP Géron untuk Fashion-MNIST (784 → 300 → 100 → 10).
DEFAULT_SHAPES = ((784, 300), (300, 100), (100, 10))


@dataclass(frozen=True)
class WeightVarianceReport:
    """Variansi kernel lapisan ``Dense`` yang baru diinisialisasi, dibandingkan dengan rumusnya.

    Attributes:
        label: nama untuk legenda.
        initializer: kunci ``chapter11.initializers.PRESETS`` atau ``"variance_scaling"``.
        distribution: ``"uniform"`` (seragam), ``"truncated_normal"`` atau
            ``"untruncated_normal"``.
        fan_in: fan-in setiap lapisan.
        fan_out: fan-out setiap lapisan.
        expected: variansi menurut rumus ``scale / fan`` per lapisan.
        measured: variansi sampel bobot per lapisan.
        means: rata-rata bobot per lapisan.
        max_abs: ``max |w|`` per lapisan.
        limits: batas ``|w|`` menurut rumus (``inf`` untuk normal tak terpotong).
        sampling_stddevs: parameter stddev pengambil sampel (``nan`` untuk seragam).
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
        """Derau relatif yang wajar per lapisan.

        Lihat :func:`chapter11.initializers.sample_variance_noise`.
        """
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
        :class:`WeightVarianceReport`, digambar oleh
        :func:`chapter11.plotting.plot_weight_histogram` dan
        :func:`chapter11.plotting.plot_variance_errors`.

    Raises:
        ValueError, TypeError: inisialisasi yang tidak dikenal atau bentuk yang tidak sah.
    """
    spec = get_spec(initializer)
    seed = check_int("seed", seed, minimum=0)
    shapes = tuple(_check_shapes("shapes", shapes))
    for i, (fan_in, fan_out) in enumerate(shapes):
        check_limit(f"shapes[{i}] (fan_in·fan_out)", fan_in * fan_out, "weights")
    check_text("label", label)
    template = _keras_initializer(initializer, spec)
    rows = []
    for i, (fan_in, fan_out) in enumerate(shapes):
        desc = describe(spec, fan_in, fan_out)
        init = make_initializer(template, layer_seed(seed, i))
        layer = keras.layers.Dense(fan_out, kernel_initializer=init)
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
