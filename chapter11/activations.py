"""Rumus acuan fungsi aktivasi dan turunannya, dengan NumPy saja.

Dipakai untuk kurva, tabel, dan uji; modul ini tidak mengimpor TensorFlow, sehingga
doctest-nya instan. Setiap fungsi menerima skalar atau *array* apa pun yang dapat diubah
menjadi ``float64`` dan mengembalikan ``np.ndarray`` (skalar NumPy untuk masukan skalar).
Rumus ditulis stabil secara numerik: sigmoid tidak meluap untuk ``|x|`` besar dan
softplus dihitung lewat ``np.logaddexp``.

Turunan di titik patah ``x = 0`` mengikuti gradien TensorFlow: ReLU dan Leaky ReLU
memakai nilai sisi kiri (0 dan ``negative_slope``), ELU dan SELU nilai sisi kanan.

>>> import numpy as np
>>> relu(np.array([-2.0, 0.0, 3.0]))
array([0., 0., 3.])
>>> float(sigmoid_derivative(0.0))
0.25
>>> ACTIVATIONS["selu"].keras_name
'selu'
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from ._validation import check_choice, check_float

_FUNCTIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "elu", "selu", "gelu", "swish", "silu",
              "mish", "softplus")
__all__ = ["SELU_ALPHA", "SELU_SCALE", "SATURATION_THRESHOLD", "Activation", "ACTIVATIONS",
           "get_activation", "activity_masks", "saturation_fraction", "inactive_fraction",
           "gaussian_output_moments", "derivative_chain", *_FUNCTIONS,
           *(f"{n}_derivative" for n in _FUNCTIONS)]

#: Konstanta SELU dari Klambauer dkk. (2017), titik tetap rata-rata 0 dan variansi 1.
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946

_SQRT_2 = math.sqrt(2.0)
_SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)
_GELU_CUBIC = 0.044715
_erf = np.frompyfunc(math.erf, 1, 1)


def _as_array(x, name: str = "x") -> np.ndarray:
    if x is None or isinstance(x, (str, bytes)):
        raise TypeError(
            f"Argumen `{name}` harus bilangan real atau array bilangan real. "
            f"Diterima: {name}={x!r} (tipe {type(x).__name__})."
        )
    try:
        array = np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError):
        raise TypeError(
            f"Argumen `{name}` harus bilangan real atau array bilangan real. "
            f"Diterima: {name}={x!r} (tipe {type(x).__name__})."
        ) from None
    if np.isnan(array).any():
        raise ValueError(f"Argumen `{name}` tidak boleh berisi NaN (nilai berhingga atau ±inf). "
                         f"Diterima: {int(np.isnan(array).sum())} NaN di {name}.")
    return array


def _out(y) -> np.ndarray:
    return np.asarray(y, dtype=np.float64)[()]


def sigmoid(x):
    """Sigmoid (logistik) ``1 / (1 + exp(-x))``, stabil untuk ``|x|`` besar.

    Example:
        >>> sigmoid(np.array([-800.0, 0.0, 800.0]))
        array([0. , 0.5, 1. ])
    """
    x = _as_array(x)
    e = np.exp(-np.abs(x))  # <= 1, tidak pernah meluap
    return _out(np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e)))


def sigmoid_derivative(x):
    """Turunan sigmoid ``σ(x)·(1 − σ(x))``; maksimum 0,25 di ``x = 0``."""
    s = sigmoid(x)
    return _out(s * (1.0 - s))


def tanh(x):
    """Tangen hiperbolik ``tanh(x)``."""
    return _out(np.tanh(_as_array(x)))


def tanh_derivative(x):
    """Turunan tanh ``1 − tanh²(x)``; maksimum 1 di ``x = 0``."""
    t = np.tanh(_as_array(x))
    return _out(1.0 - t * t)


def softplus(x):
    """Softplus ``log(1 + exp(x))``, dihitung sebagai ``logaddexp(0, x)``.

    Example:
        >>> float(softplus(0.0)) == math.log(2.0)
        True
    """
    return _out(np.logaddexp(0.0, _as_array(x)))


def softplus_derivative(x):
    """Turunan softplus, yaitu sigmoid ``σ(x)``."""
    return sigmoid(x)


def relu(x):
    """ReLU ``max(0, x)``."""
    return _out(np.maximum(_as_array(x), 0.0))


def relu_derivative(x):
    """Turunan ReLU: 1 untuk ``x > 0``, 0 untuk ``x <= 0``."""
    return _out((_as_array(x) > 0).astype(np.float64))


def leaky_relu(x, negative_slope=0.2):
    """Leaky ReLU ``x`` untuk ``x > 0`` dan ``negative_slope·x`` selain itu.

    Bawaan 0,2 sama dengan ``keras.activations.leaky_relu`` dan kode Géron. Perhatikan:
    lapisan ``keras.layers.LeakyReLU`` memakai bawaan ``negative_slope=0.3``.

    Args:
        negative_slope: kemiringan sisi negatif, dalam ``[0, 1]``.

    Raises:
        ValueError: bila ``negative_slope`` di luar ``[0, 1]``.

    Example:
        >>> leaky_relu(np.array([-10.0, 5.0]))
        array([-2.,  5.])
    """
    x, a = _as_array(x), check_float("negative_slope", negative_slope, minimum=0.0, maximum=1.0)
    return _out(np.where(x > 0, x, a * x))


def leaky_relu_derivative(x, negative_slope=0.2):
    """Turunan Leaky ReLU: 1 untuk ``x > 0``, ``negative_slope`` selain itu."""
    x, a = _as_array(x), check_float("negative_slope", negative_slope, minimum=0.0, maximum=1.0)
    return _out(np.where(x > 0, 1.0, a))


def elu(x, alpha=1.0):
    """ELU ``x`` untuk ``x > 0`` dan ``alpha·(exp(x) − 1)`` selain itu.

    Args:
        alpha: nilai jenuh sisi negatif (keluaran menuju ``−alpha``); harus positif.

    Raises:
        ValueError: bila ``alpha <= 0``.

    Reference:
        Clevert, Unterthiner & Hochreiter (2016), *Fast and Accurate Deep Network
        Learning by Exponential Linear Units (ELUs)*.
    """
    x, a = _as_array(x), check_float("alpha", alpha, minimum=0.0, strict_minimum=True)
    return _out(np.where(x > 0, x, a * np.expm1(np.minimum(x, 0.0))))


def elu_derivative(x, alpha=1.0):
    """Turunan ELU: 1 untuk ``x >= 0``, ``alpha·exp(x)`` untuk ``x < 0``."""
    x, a = _as_array(x), check_float("alpha", alpha, minimum=0.0, strict_minimum=True)
    return _out(np.where(x >= 0, 1.0, a * np.exp(np.minimum(x, 0.0))))


def selu(x):
    """SELU ``SELU_SCALE · elu(x, SELU_ALPHA)``.

    Untuk ``z ~ N(0, 1)``, ``selu(z)`` kembali mempunyai rata-rata 0 dan variansi 1
    (normalisasi diri).

    Reference:
        Klambauer dkk. (2017), *Self-Normalizing Neural Networks*.
    """
    return _out(SELU_SCALE * elu(x, SELU_ALPHA))


def selu_derivative(x):
    """Turunan SELU: ``SELU_SCALE`` bila ``x >= 0``, ``SELU_SCALE·SELU_ALPHA·eˣ`` bila ``x < 0``."""
    return _out(SELU_SCALE * elu_derivative(x, SELU_ALPHA))


def gelu(x, approximate=False):
    """GELU ``x·Φ(x)``, dengan Φ fungsi distribusi kumulatif normal baku.

    Args:
        approximate: ``False`` (bawaan, sama dengan ``keras.activations.gelu``) memakai
            rumus eksak lewat ``erf``; ``True`` memakai hampiran tanh
            ``0,5·x·(1 + tanh(√(2/π)·(x + 0,044715·x³)))``.

    Reference:
        Hendrycks & Gimpel (2016), *Gaussian Error Linear Units (GELUs)*.

    Example:
        >>> round(float(gelu(1.0)), 6)
        0.841345
        >>> round(float(gelu(1.0, approximate=True)), 6)
        0.841192
    """
    x = _as_array(x)
    if _check_approximate(approximate):
        return _out(0.5 * x * (1.0 + np.tanh(_gelu_inner(x))))
    return _out(x * _normal_cdf(x))


def gelu_derivative(x, approximate=False):
    """Turunan GELU: ``Φ(x) + x·φ(x)`` (eksak) atau turunan hampiran tanh-nya."""
    x = _as_array(x)
    if _check_approximate(approximate):
        t = np.tanh(_gelu_inner(x))
        inner_prime = _SQRT_2_OVER_PI * (1.0 + 3.0 * _GELU_CUBIC * x * x)
        return _out(0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * inner_prime)
    pdf = np.exp(-0.5 * x * x) / math.sqrt(2.0 * math.pi)
    return _out(_normal_cdf(x) + x * pdf)


def _check_approximate(approximate) -> bool:
    if not isinstance(approximate, (bool, np.bool_)):
        raise TypeError(f"Argumen `approximate` harus bool. Diterima: approximate={approximate!r}.")
    return bool(approximate)


def _gelu_inner(x: np.ndarray) -> np.ndarray:
    return _SQRT_2_OVER_PI * (x + _GELU_CUBIC * x**3)


def _normal_cdf(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.asarray(_erf(x / _SQRT_2), dtype=np.float64))


def swish(x, beta=1.0):
    """Swish ``x·σ(beta·x)``; dengan ``beta = 1`` sama dengan SiLU (``keras.activations.silu``).

    Args:
        beta: parameter kemiringan, harus positif.

    Raises:
        ValueError: bila ``beta <= 0``.

    Reference:
        Ramachandran, Zoph & Le (2017), *Searching for Activation Functions*.
    """
    x, b = _as_array(x), check_float("beta", beta, minimum=0.0, strict_minimum=True)
    return _out(x * sigmoid(b * x))


def swish_derivative(x, beta=1.0):
    """Turunan Swish ``s + beta·x·s·(1 − s)`` dengan ``s = σ(beta·x)``."""
    x, b = _as_array(x), check_float("beta", beta, minimum=0.0, strict_minimum=True)
    s = sigmoid(b * x)
    return _out(s + b * x * s * (1.0 - s))


def silu(x):
    """SiLU ``x·σ(x)``, yaitu Swish dengan ``beta = 1``."""
    return swish(x, 1.0)


def silu_derivative(x):
    """Turunan SiLU, yaitu turunan Swish dengan ``beta = 1``."""
    return swish_derivative(x, 1.0)


def mish(x):
    """Mish ``x·tanh(softplus(x))``.

    Reference:
        Misra (2019), *Mish: A Self Regularized Non-Monotonic Activation Function*.
    """
    x = _as_array(x)
    return _out(x * np.tanh(np.logaddexp(0.0, x)))


def mish_derivative(x):
    """Turunan Mish ``tanh(sp) + x·(1 − tanh²(sp))·σ(x)`` dengan ``sp = softplus(x)``."""
    x = _as_array(x)
    t = np.tanh(np.logaddexp(0.0, x))
    return _out(t + x * (1.0 - t * t) * sigmoid(x))


@dataclass(frozen=True)
class Activation:
    """Satu fungsi aktivasi beserta turunannya (parameter bawaan) dan metadatanya.

    Attributes:
        name: kunci di :data:`ACTIVATIONS`.
        label: nama tampilan berbahasa Indonesia untuk legenda dan tabel.
        function: ``f(x)`` dengan parameter bawaan.
        derivative: ``f'(x)`` analitik dengan parameter bawaan.
        keras_name: nama yang sama di ``keras.activations`` (mis. ``"silu"`` untuk Swish).
        saturates_left: ``f'(x) → 0`` bila ``x → −∞``.
        saturates_right: ``f'(x) → 0`` bila ``x → +∞``.
        max_derivative: supremum ``|f'(x)|`` atas seluruh garis bilangan real.
    """

    name: str
    label: str
    function: Callable[..., np.ndarray]
    derivative: Callable[..., np.ndarray]
    keras_name: str
    saturates_left: bool
    saturates_right: bool
    max_derivative: float


# Maksimum turunan GELU ada di x = √2 (rumus tertutup); Swish dan Mish dicari numerik
# (di x ≈ 2,3994 dan x ≈ 1,4906). Uji memeriksa semuanya pada grid rapat.
#: Registri baca-saja yang memetakan nama ke :class:`Activation` (parameter bawaan).
ACTIVATIONS: Mapping[str, Activation] = MappingProxyType({
    a.name: a for a in (
        Activation("sigmoid", "Sigmoid (logistik)", sigmoid, sigmoid_derivative, "sigmoid",
                   True, True, 0.25),
        Activation("tanh", "Tanh", tanh, tanh_derivative, "tanh", True, True, 1.0),
        Activation("relu", "ReLU", relu, relu_derivative, "relu", True, False, 1.0),
        Activation("leaky_relu", "Leaky ReLU (kemiringan 0,2)", leaky_relu,
                   leaky_relu_derivative, "leaky_relu", False, False, 1.0),
        Activation("elu", "ELU", elu, elu_derivative, "elu", True, False, 1.0),
        Activation("selu", "SELU", selu, selu_derivative, "selu", True, False,
                   SELU_SCALE * SELU_ALPHA),
        Activation("gelu", "GELU", gelu, gelu_derivative, "gelu", True, False,
                   0.5 * (1.0 + math.erf(1.0)) + math.exp(-1.0) / math.sqrt(math.pi)),
        Activation("swish", "Swish (SiLU)", silu, silu_derivative, "silu", True, False,
                   1.099839320128867),
        Activation("mish", "Mish", mish, mish_derivative, "mish", True, False, 1.088498161251728),
        Activation("softplus", "Softplus", softplus, softplus_derivative, "softplus",
                   True, False, 1.0),
    )
})

_ALIASES = {"silu": "swish", "logistic": "sigmoid"}


def get_activation(name) -> Activation:
    """Ambil entri registri menurut nama (juga alias ``"silu"`` dan ``"logistic"``).

    Args:
        name: salah satu kunci :data:`ACTIVATIONS` atau alias di atas.

    Returns:
        :class:`Activation` yang cocok.

    Raises:
        ValueError: bila nama tidak dikenal; pesannya mendaftar nama yang diterima.
        TypeError: bila ``name`` bukan string.

    Example:
        >>> get_activation("silu").label
        'Swish (SiLU)'
    """
    return _lookup(name, "name")


def _lookup(name, param: str) -> Activation:
    """:func:`get_activation` dengan nama parameter pemanggil di pesan galat."""
    if isinstance(name, Activation):
        return name
    if not isinstance(name, str):
        raise TypeError(f"Argumen `{param}` harus string atau Activation. "
                        f"Diterima: {param}={name!r}.")
    check_choice(param, name, [*ACTIVATIONS, *_ALIASES])
    return ACTIVATIONS[_ALIASES.get(name, name)]


#: Ambang relatif definisi "jenuh" (turunan di bawah 10% turunan terbesar fungsinya).
SATURATION_THRESHOLD = 0.1


def activity_masks(outputs, derivatives, peak_derivative, *, threshold=SATURATION_THRESHOLD):
    """Definisi satu-satunya di buku ini untuk keluaran **jenuh** dan **tidak aktif**.

    * **tidak aktif**: keluaran tepat 0 **dan** turunan tepat 0 — sisi mati ReLU (``z <= 0``).
      Gradien tidak lewat sama sekali untuk contoh itu.
    * **jenuh**: turunan ``|f'(z)| < threshold · peak_derivative`` di titik yang tidak tidak
      aktif — fungsinya mendatar (sigmoid dan tanh di kedua sisi, ELU/SELU di sisi kiri), jadi
      gradien nyaris padam tetapi tidak tepat nol.

    Jadi keluaran nol ReLU **bukan** kejenuhan (ReLU tidak jenuh), dan kemiringan Leaky ReLU 0,2
    (20% turunan terbesarnya) tidak dihitung jenuh maupun tidak aktif. Dipakai oleh
    :func:`saturation_fraction` (rumus NumPy) dan oleh
    :func:`chapter11.layer_stats.measure_layer_stats` (keluaran lapisan Keras sungguhan).

    Args:
        outputs: keluaran ``f(z)``.
        derivatives: turunan ``f'(z)``, bentuknya sama.
        peak_derivative: supremum ``|f'|`` fungsi itu (> 0).
        threshold: ambang relatif dalam ``(0, 1]``.

    Returns:
        ``(jenuh, tidak_aktif)``: dua array boolean.

    Example:
        >>> z = np.array([-6.0, -1.0, 0.5, 6.0])
        >>> saturated, inactive = activity_masks(relu(z), relu_derivative(z), 1.0)
        >>> saturated.tolist(), inactive.tolist()
        ([False, False, False, False], [True, True, False, False])
        >>> activity_masks(sigmoid(z), sigmoid_derivative(z), 0.25)[0].tolist()
        [True, False, False, True]
    """
    outputs, derivatives = _as_array(outputs, "outputs"), _as_array(derivatives, "derivatives")
    if outputs.shape != derivatives.shape:
        raise ValueError("Argumen `outputs` dan `derivatives` harus berbentuk sama. "
                         f"Diterima: {outputs.shape} dan {derivatives.shape}.")
    peak = check_float("peak_derivative", peak_derivative, minimum=0.0, strict_minimum=True)
    threshold = check_float("threshold", threshold, minimum=0.0, maximum=1.0,
                            strict_minimum=True)
    inactive = (outputs == 0) & (derivatives == 0)
    saturated = (np.abs(derivatives) < threshold * peak) & ~inactive
    return saturated, inactive


def _checked_z(z) -> np.ndarray:
    z = _as_array(z, "z")
    if z.size == 0:
        raise ValueError(f"Argumen `z` tidak boleh kosong. Diterima: z.shape={z.shape}.")
    if not np.all(np.isfinite(z)):
        bad = int(np.sum(~np.isfinite(z)))
        raise ValueError(f"Argumen `z` harus berisi bilangan berhingga. Diterima: {bad} NaN/inf.")
    return z


def saturation_fraction(z, activation="sigmoid", *, threshold=SATURATION_THRESHOLD) -> float:
    """Pecahan pra-aktivasi ``z`` tempat fungsi aktivasi **jenuh** (lihat :func:`activity_masks`).

    Untuk sigmoid dan ambang bawaan 0,1, artinya ``σ'(z) < 0,025`` (kira-kira ``|z| > 3,6``).
    ReLU tidak pernah jenuh: keluaran nolnya dihitung :func:`inactive_fraction`.

    Args:
        z: array pra-aktivasi (tidak kosong, berhingga).
        activation: nama di :data:`ACTIVATIONS` (atau alias) atau :class:`Activation`.
        threshold: ambang relatif dalam ``(0, 1]``.

    Returns:
        Pecahan dalam ``[0, 1]`` sebagai ``float`` Python.

    Raises:
        ValueError: bila nama tidak dikenal, ``z`` kosong atau tidak berhingga, atau
            ``threshold`` di luar ``(0, 1]``.

    Example:
        >>> saturation_fraction(np.array([-5.0, -1.0, 0.0, 1.0, 5.0]), "sigmoid")
        0.4
        >>> saturation_fraction(np.array([-1.0, 0.0, 2.0]), "relu")
        0.0
    """
    entry = _lookup(activation, "activation")
    z = _checked_z(z)
    saturated, _ = activity_masks(entry.function(z), entry.derivative(z), entry.max_derivative,
                                  threshold=threshold)
    return float(np.mean(saturated))


def inactive_fraction(z, activation="relu") -> float:
    """Pecahan pra-aktivasi ``z`` tempat unit **tidak aktif**: keluaran dan turunan tepat nol.

    Example:
        >>> inactive_fraction(np.array([-1.0, 0.0, 2.0]), "relu")
        0.6666666666666666
        >>> inactive_fraction(np.array([-1.0, 0.0, 2.0]), "leaky_relu")
        0.0
    """
    entry = _lookup(activation, "activation")
    z = _checked_z(z)
    _, inactive = activity_masks(entry.function(z), entry.derivative(z), entry.max_derivative)
    return float(np.mean(inactive))


def gaussian_output_moments(activation, *, mean: float = 0.0,
                            std: float = 1.0) -> tuple[float, float]:
    """Rata-rata dan simpangan baku ``f(z)`` untuk ``z ~ N(mean, std²)`` (kuadratur numerik).

    Berguna untuk membandingkan aktivasi: misalnya ReLU memberi rata-rata keluaran
    ``1/√(2π) ≈ 0,40`` untuk masukan normal baku, ELU lebih dekat ke nol, dan SELU tepat
    mempertahankan rata-rata 0 dan simpangan baku 1 (titik tetapnya).

    Args:
        activation: nama di :data:`ACTIVATIONS` (atau alias) atau entrinya.
        mean: rata-rata masukan.
        std: simpangan baku masukan (> 0).

    Returns:
        ``(rata_rata, simpangan_baku)`` keluaran sebagai ``float``.

    Example:
        >>> m, s = gaussian_output_moments("selu")
        >>> round(m, 6), round(s, 6)
        (0.0, 1.0)
    """
    entry = _lookup(activation, "activation")
    mean = check_float("mean", mean)
    std = check_float("std", std, minimum=0.0, strict_minimum=True)
    u = np.linspace(-12.0, 12.0, 240_001)  # dalam satuan simpangan baku
    weights = np.exp(-0.5 * u * u) / np.sqrt(2.0 * np.pi)
    values = entry.function(mean + std * u)
    first = float(np.trapezoid(values * weights, u))
    second = float(np.trapezoid(values * values * weights, u))
    return first, float(np.sqrt(max(second - first * first, 0.0)))


def derivative_chain(depth: int = 10, units: int = 100, *, weight_std: float = 1.0,
                     seed: int = 42, activation="sigmoid") -> np.ndarray:
    """Karikatur propagasi balik: hasil kali rata-rata turunan aktivasi lapis demi lapis.

    Meniru peragaan notebook kuliah: di setiap lapisan, ``z = W a`` dengan
    ``W ~ N(0, weight_std²)`` dan masukan acak ``a ~ N(0, 1)``, lalu "gradien" dikalikan
    rata-rata ``f'(z)``. Hanya faktor turunan yang dihitung; bobot yang ikut dikalikan pada
    propagasi balik sungguhan (``δ = Wᵀ(δ' ⊙ f'(z))``) diabaikan. Karena itu hasilnya untuk
    sigmoid selalu menyusut — bandingkan dengan
    :func:`chapter11.gradients.measure_gradient_norms` pada jaringan sungguhan.

    Args:
        depth: banyak lapisan.
        units: lebar lapisan.
        weight_std: simpangan baku bobot (> 0).
        seed: benih NumPy (>= 0).
        activation: nama di :data:`ACTIVATIONS`.

    Returns:
        Array ``(depth,)``: hasil kali kumulatif sesudah lapisan 1, 2, …

    Example:
        >>> chain = derivative_chain(depth=3, units=50, seed=0)
        >>> chain.shape, bool(np.all(np.diff(chain) < 0)), bool(chain[0] <= 0.25)
        ((3,), True, True)
    """
    from ._validation import check_int, check_limit, check_positive_int

    entry = _lookup(activation, "activation")
    depth = check_limit("depth", check_positive_int("depth", depth))
    units = check_limit("units", check_positive_int("units", units))
    weight_std = check_float("weight_std", weight_std, minimum=0.0, strict_minimum=True)
    rng = np.random.default_rng(check_int("seed", seed, minimum=0))
    factors = []
    for _ in range(depth):
        weights = rng.normal(0.0, weight_std, size=(units, units))
        inputs = rng.normal(0.0, 1.0, size=units)
        factors.append(entry.derivative(weights @ inputs).mean())
    return np.cumprod(factors)
