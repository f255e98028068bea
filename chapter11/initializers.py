"""Aritmetika *variance scaling*: fan, variansi target, batas seragam, simpangan baku.

Meniru ``keras.initializers.VarianceScaling(scale, mode, distribution)`` dengan NumPy
saja (tanpa TensorFlow), sehingga doctest-nya instan. Aturannya: variansi target bobot
``σ² = scale / fan``, dengan ``fan`` = ``fan_in``, ``fan_out`` atau
``fan_avg = (fan_in + fan_out) / 2`` menurut ``mode``. Distribusi seragam (``"uniform"``) mengambil
bobot dari ``[−limit, limit]`` dengan ``limit = √(3·σ²)``; ``"untruncated_normal"`` dari
``N(0, σ²)``; ``"truncated_normal"`` dari normal terpotong di ±2 simpangan baku, dengan
simpangan baku ``σ / 0,87962566103423978`` agar variansi setelah pemotongan tetap ``σ²``.

>>> describe("he_normal", fan_in=784, fan_out=300).variance == 2 / 784
True
>>> round(describe("glorot_uniform", fan_in=300, fan_out=100).limit, 4)
0.1225
>>> [rule.initialization for rule in INITIALIZATION_TABLE]
['Glorot', 'He', 'LeCun']
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ._validation import check_choice, check_limit, check_positive, check_positive_int, check_str

__all__ = [
    "MODES", "DISTRIBUTIONS", "TRUNCATED_NORMAL_STDDEV_FACTOR", "VarianceScalingSpec",
    "PRESETS", "InitializationRule", "INITIALIZATION_TABLE", "InitializerDescription",
    "get_spec", "compute_fans", "expected_variance", "describe", "recommended_initializer",
    "distribution_kurtosis", "sample_variance_noise", "variance_gains", "format_gain_table",
    "format_initialization_table",
]

#: Nilai ``mode`` yang diterima VarianceScaling.
MODES = ("fan_in", "fan_out", "fan_avg")
#: Nilai ``distribution`` yang diterima (``"normal"`` dibaca sebagai ``"truncated_normal"``).
DISTRIBUTIONS = ("truncated_normal", "untruncated_normal", "uniform")

#: Simpangan baku N(0, 1) yang dipotong di ±2; Keras membagi stddev dengan angka ini.
TRUNCATED_NORMAL_STDDEV_FACTOR = 0.87962566103423978


@dataclass(frozen=True)
class VarianceScalingSpec:
    """Argumen ``keras.initializers.VarianceScaling`` sebagai nilai yang dapat diperiksa.

    Seperti Keras, ``distribution="normal"`` dibaca sebagai ``"truncated_normal"``.

    Attributes:
        scale: faktor skala (positif): 1 untuk Glorot dan LeCun, 2 untuk He.
        mode: salah satu dari :data:`MODES`.
        distribution: salah satu dari :data:`DISTRIBUTIONS`.

    Raises:
        ValueError: bila ``scale <= 0`` atau ``mode``/``distribution`` tidak dikenal.

    Example:
        >>> VarianceScalingSpec(2.0, "fan_avg", "uniform").keras_kwargs()
        {'scale': 2.0, 'mode': 'fan_avg', 'distribution': 'uniform'}
    """

    scale: float = 1.0
    mode: str = "fan_in"
    distribution: str = "truncated_normal"

    def __post_init__(self) -> None:
        object.__setattr__(self, "scale", check_positive("scale", self.scale))
        check_choice("mode", self.mode, MODES)
        if self.distribution == "normal":
            object.__setattr__(self, "distribution", "truncated_normal")
        check_choice("distribution", self.distribution, DISTRIBUTIONS)

    def keras_kwargs(self) -> dict:
        """Kamus argumen untuk ``keras.initializers.VarianceScaling(**...)``."""
        return {"scale": self.scale, "mode": self.mode, "distribution": self.distribution}


#: Inisialisasi bawaan Keras sebagai spesifikasi variance scaling, ditambah
#: ``"he_avg_uniform"``: ``VarianceScaling(scale=2.0, mode="fan_avg", distribution="uniform")``
#: dari notebook asli (He berbasis ``fan_avg``; Géron menyebutnya ``he_avg_init``).
PRESETS: Mapping[str, VarianceScalingSpec] = MappingProxyType({
    "glorot_uniform": VarianceScalingSpec(1.0, "fan_avg", "uniform"),
    "glorot_normal": VarianceScalingSpec(1.0, "fan_avg", "truncated_normal"),
    "he_uniform": VarianceScalingSpec(2.0, "fan_in", "uniform"),
    "he_normal": VarianceScalingSpec(2.0, "fan_in", "truncated_normal"),
    "lecun_uniform": VarianceScalingSpec(1.0, "fan_in", "uniform"),
    "lecun_normal": VarianceScalingSpec(1.0, "fan_in", "truncated_normal"),
    "he_avg_uniform": VarianceScalingSpec(2.0, "fan_avg", "uniform"),
})


@dataclass(frozen=True)
class InitializationRule:
    """Satu baris Tabel 11-1 Géron: inisialisasi mana untuk aktivasi mana.

    Attributes:
        initialization: nama inisialisasi (``"Glorot"``, ``"He"``, ``"LeCun"``).
        activations: nama tampilan fungsi aktivasinya, urut seperti di buku Géron.
        keras_activations: nama Keras yang cocok (``"linear"`` untuk "tanpa aktivasi").
        variance_formula: rumus variansi σ² sebagai string tampilan, mis. ``"1 / fan_avg"``.
        scale: argumen ``scale`` VarianceScaling.
        mode: argumen ``mode`` VarianceScaling.
        keras_initializers: nama inisialisasi Keras (seragam, normal).
    """

    initialization: str
    activations: tuple[str, ...]
    keras_activations: tuple[str, ...]
    variance_formula: str
    scale: float
    mode: str
    keras_initializers: tuple[str, str]


#: Tabel 11-1 Géron (edisi ke-3), yakni parameter inisialisasi untuk tiap jenis aktivasi.
INITIALIZATION_TABLE: tuple[InitializationRule, ...] = (
    InitializationRule("Glorot", ("tanpa aktivasi", "tanh", "sigmoid", "softmax"),
                       ("linear", "tanh", "sigmoid", "softmax"), "1 / fan_avg", 1.0, "fan_avg",
                       ("glorot_uniform", "glorot_normal")),
    InitializationRule("He", ("ReLU", "Leaky ReLU", "ELU", "GELU", "Swish", "Mish"),
                       ("relu", "leaky_relu", "elu", "gelu", "silu", "mish"), "2 / fan_in",
                       2.0, "fan_in", ("he_uniform", "he_normal")),
    InitializationRule("LeCun", ("SELU",), ("selu",), "1 / fan_in", 1.0, "fan_in",
                       ("lecun_uniform", "lecun_normal")),
)


@dataclass(frozen=True)
class InitializerDescription:
    """Besaran yang dihasilkan satu inisialisasi untuk satu kernel Dense.

    Attributes:
        name: kunci :data:`PRESETS`, atau ``"variance_scaling"`` untuk spesifikasi sendiri.
        scale: argumen ``scale`` VarianceScaling.
        mode: argumen ``mode`` VarianceScaling.
        distribution: argumen ``distribution`` VarianceScaling.
        fan_in: banyak unit masukan kernel.
        fan_out: banyak unit keluaran kernel.
        fan: penyebut yang dipakai (``fan_in``, ``fan_out`` atau rerata keduanya).
        variance: variansi target ``scale / fan`` (juga variansi bobot yang diambil).
        stddev: simpangan baku target ``√variance``.
        sampling_stddev: parameter stddev yang diberikan ke pengambil sampel: ``stddev`` dibagi
            :data:`TRUNCATED_NORMAL_STDDEV_FACTOR` untuk ``"truncated_normal"``, ``stddev``
            untuk ``"untruncated_normal"``, ``nan`` untuk ``"uniform"``.
        limit: batas ``|w|``: ``√(3·variance)`` untuk seragam, ``2·sampling_stddev`` untuk
            normal terpotong, ``inf`` untuk normal tak terpotong.
    """

    name: str
    scale: float
    mode: str
    distribution: str
    fan_in: int
    fan_out: int
    fan: float
    variance: float
    stddev: float
    sampling_stddev: float
    limit: float


def get_spec(initializer) -> VarianceScalingSpec:
    """Ubah nama preset (atau spesifikasi) menjadi :class:`VarianceScalingSpec`.

    Args:
        initializer: kunci :data:`PRESETS` atau :class:`VarianceScalingSpec`.

    Raises:
        ValueError: bila nama tidak dikenal; pesannya mendaftar nama yang diterima.
        TypeError: bila ``initializer`` bukan string maupun spesifikasi.

    Example:
        >>> get_spec("lecun_normal")
        VarianceScalingSpec(scale=1.0, mode='fan_in', distribution='truncated_normal')
    """
    if isinstance(initializer, VarianceScalingSpec):
        return initializer
    if not isinstance(initializer, str):
        raise TypeError(
            "Argumen `initializer` harus nama preset atau VarianceScalingSpec. "
            f"Diterima: initializer={initializer!r} (tipe {type(initializer).__name__})."
        )
    return PRESETS[check_choice("initializer", initializer, PRESETS)]


def compute_fans(shape) -> tuple[int, int]:
    """Hitung ``(fan_in, fan_out)`` sebuah bentuk kernel dengan aturan Keras.

    Kernel Dense ``(n_in, n_out)`` memberi ``(n_in, n_out)``; bentuk 1-D ``(n,)`` memberi
    ``(n, n)``; kernel konvolusi ``(..., c_in, c_out)`` mengalikan keduanya dengan luas
    bidang reseptif (perkalian dimensi di depan).

    Args:
        shape: tuple bilangan bulat positif, minimal satu dimensi.

    Raises:
        ValueError: bila ``shape`` kosong atau memuat dimensi yang tidak positif.

    Example:
        >>> compute_fans((784, 300))
        (784, 300)
        >>> compute_fans((3, 3, 32, 64))
        (288, 576)
    """
    if not isinstance(shape, (tuple, list)):
        raise TypeError("Argumen `shape` harus tuple bilangan bulat positif, mis. (784, 300). "
                        f"Diterima: shape={shape!r} (tipe {type(shape).__name__}).")
    dims = tuple(shape)
    if not dims:
        raise ValueError(f"Argumen `shape` harus memiliki minimal satu dimensi. "
                         f"Diterima: shape={shape!r}.")
    dims = tuple(check_positive_int(f"shape[{i}]", d) for i, d in enumerate(dims))
    if len(dims) == 1:
        return dims[0], dims[0]
    receptive_field = math.prod(dims[:-2])
    return dims[-2] * receptive_field, dims[-1] * receptive_field


def _fan(spec: VarianceScalingSpec, fan_in: int, fan_out: int) -> float:
    return {"fan_in": float(fan_in), "fan_out": float(fan_out),
            "fan_avg": (fan_in + fan_out) / 2.0}[spec.mode]


def expected_variance(initializer, fan_in, fan_out) -> float:
    """Varians bobot yang dihasilkan inisialisasi itu: ``scale / fan``.

    Args:
        initializer: kunci :data:`PRESETS` atau :class:`VarianceScalingSpec`.
        fan_in: banyak unit masukan (bilangan bulat positif).
        fan_out: banyak unit keluaran (bilangan bulat positif).

    Raises:
        ValueError: bila nama tidak dikenal atau fan tidak positif.

    Example:
        >>> expected_variance("glorot_normal", 300, 100)
        0.005
        >>> expected_variance(VarianceScalingSpec(2.0, "fan_avg", "uniform"), 300, 100)
        0.01
    """
    return describe(initializer, fan_in, fan_out).variance


def describe(initializer, fan_in, fan_out) -> InitializerDescription:
    """Semua besaran sebuah inisialisasi untuk kernel Dense ``(fan_in, fan_out)``.

    Args:
        initializer: kunci :data:`PRESETS` atau :class:`VarianceScalingSpec`.
        fan_in: banyak unit masukan (bilangan bulat positif).
        fan_out: banyak unit keluaran (bilangan bulat positif).

    Returns:
        :class:`InitializerDescription` dengan skalar ``float``/``int`` Python.

    Raises:
        ValueError: bila nama tidak dikenal atau fan tidak positif.
        TypeError: bila fan bukan bilangan bulat.

    Example:
        >>> d = describe("he_avg_uniform", fan_in=784, fan_out=300)
        >>> d.fan, round(d.limit, 4)
        (542.0, 0.1052)
    """
    spec = get_spec(initializer)
    fan_in = check_limit("fan_in", check_positive_int("fan_in", fan_in), "fan")
    fan_out = check_limit("fan_out", check_positive_int("fan_out", fan_out), "fan")
    fan = _fan(spec, fan_in, fan_out)
    variance = spec.scale / fan
    stddev = math.sqrt(variance)
    if spec.distribution == "uniform":
        sampling_stddev, limit = math.nan, math.sqrt(3.0 * variance)
    elif spec.distribution == "truncated_normal":
        sampling_stddev = stddev / TRUNCATED_NORMAL_STDDEV_FACTOR
        limit = 2.0 * sampling_stddev
    else:
        sampling_stddev, limit = stddev, math.inf
    name = initializer if isinstance(initializer, str) else "variance_scaling"
    return InitializerDescription(name, spec.scale, spec.mode, spec.distribution, fan_in,
                                  fan_out, fan, variance, stddev, sampling_stddev, limit)


_ACTIVATION_ALIASES = {"swish": "silu", "none": "linear", "logistic": "sigmoid"}


def recommended_initializer(activation, *, distribution="normal") -> str:
    """Nama inisialisasi Keras yang Tabel 11-1 pasangkan dengan sebuah aktivasi.

    Args:
        activation: nama Keras aktivasi (mis. ``"relu"``, ``"selu"``, ``"silu"``; juga
            ``"swish"``, ``"none"``, ``"logistic"``).
        distribution: ``"normal"`` atau ``"uniform"``.

    Raises:
        ValueError: bila aktivasi tidak ada di tabel atau distribusi tidak dikenal.

    Example:
        >>> recommended_initializer("relu")
        'he_normal'
        >>> recommended_initializer("tanh", distribution="uniform")
        'glorot_uniform'
    """
    check_choice("distribution", distribution, ("normal", "uniform"))
    known = [a for rule in INITIALIZATION_TABLE for a in rule.keras_activations]
    key = _ACTIVATION_ALIASES.get(activation, activation) if isinstance(activation, str) else None
    if key not in known:
        check_choice("activation", activation, [*known, *_ACTIVATION_ALIASES])
    rule = next(r for r in INITIALIZATION_TABLE if key in r.keras_activations)
    return rule.keras_initializers[0 if distribution == "uniform" else 1]


def distribution_kurtosis(distribution: str) -> float:
    """Kurtosis (momen keempat dibagi kuadrat variansi) distribusi bobot sebuah inisialisasi.

    Seragam (``"uniform"``): 9/5; ``"untruncated_normal"``: 3; ``"truncated_normal"`` (normal
    yang dipotong di ±2 simpangan baku, seperti Keras): dihitung dari momen normal terpotong.

    Args:
        distribution: salah satu dari :data:`DISTRIBUTIONS` (``"normal"`` dibaca sebagai
            ``"truncated_normal"``).

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
    n = check_limit("n", check_positive_int("n", n), "weights")
    return math.sqrt((distribution_kurtosis(distribution) - 1.0) / n)


def _check_shapes(name: str, shapes) -> list[tuple[int, int]]:
    """Urutan tak kosong pasangan ``(fan_in, fan_out)`` bilangan bulat positif (dibatasi)."""
    if isinstance(shapes, (str, bytes)) or not isinstance(shapes, (list, tuple)):
        raise TypeError(f"Argumen `{name}` harus daftar pasangan (fan_in, fan_out), mis. "
                        f"[(784, 300)]. Diterima: {name}={shapes!r} "
                        f"(tipe {type(shapes).__name__}).")
    if not shapes:
        raise ValueError(f"Argumen `{name}` tidak boleh kosong. Diterima: {name}={shapes!r}.")
    checked = []
    for i, pair in enumerate(shapes):
        if not isinstance(pair, (list, tuple)):
            raise TypeError(f"Setiap anggota `{name}` harus pasangan (fan_in, fan_out). "
                            f"Diterima: {name}[{i}]={pair!r} (tipe {type(pair).__name__}).")
        if len(pair) != 2:
            raise ValueError(f"Setiap anggota `{name}` harus pasangan (fan_in, fan_out). "
                             f"Diterima: {name}[{i}]={pair!r}.")
        checked.append(tuple(
            check_limit(f"{name}[{i}].{part}", check_positive_int(f"{name}[{i}].{part}", d), "fan")
            for part, d in zip(("fan_in", "fan_out"), pair)))
    return checked


def variance_gains(shapes, scale: float = 1.0, mode: str = "fan_avg") -> list[tuple[float, float]]:
    """Penguatan variansi per lapisan untuk ``σ² = scale / fan``.

    Maju ``n_in·σ²`` dan mundur ``n_out·σ²``.

    Args:
        shapes: urutan ``(fan_in, fan_out)``.
        scale: faktor skala (> 0).
        mode: salah satu dari :data:`MODES`.

    Returns:
        Daftar ``(maju, mundur)`` per lapisan.

    Example:
        >>> variance_gains([(784, 300)], mode="fan_in")
        [(1.0, 0.3826530612244898)]
    """
    spec = VarianceScalingSpec(scale, mode, "truncated_normal")
    shapes = _check_shapes("shapes", shapes)
    gains = []
    for fan_in, fan_out in shapes:
        variance = describe(spec, fan_in, fan_out).variance
        gains.append((fan_in * variance, fan_out * variance))
    return gains


def format_gain_table(shapes, *, caption: str, name: str) -> str:
    """Tabel MyST penguatan maju / mundur per lapisan untuk ketiga pilihan penyebut (mode).

    Example:
        >>> print(format_gain_table([(300, 100)], caption="C", name="tab-x").splitlines()[5])
        | 300 → 100 | 1,00 / 0,33 | 3,00 / 1,00 | 1,50 / 0,50 |
    """
    from .formatting import format_number, markdown_table

    shapes = _check_shapes("shapes", shapes)
    check_str("caption", caption)
    check_str("name", name)
    rows = [[f"{n_in} → {n_out}"] for n_in, n_out in shapes]
    for mode in MODES:
        for row, (forward, backward) in zip(rows, variance_gains(shapes, mode=mode)):
            row.append(f"{format_number(forward)} / {format_number(backward)}")
    return markdown_table(["Lapisan", *(f"`{mode}`: maju / mundur" for mode in MODES)], rows,
                          caption=caption, name=name)


def format_initialization_table(*, caption: str, name: str) -> str:
    """Tabel MyST :data:`INITIALIZATION_TABLE` (Tabel 11-1 Géron) dengan rumus variansinya.

    Example:
        >>> row = format_initialization_table(caption="C", name="t").splitlines()[6]
        >>> row.split(" | ")[:3]
        ['| He', 'ReLU, Leaky ReLU, ELU, GELU, Swish, Mish', '$2/\\\\text{fan}_\\\\text{in}$']
    """
    from .formatting import markdown_table

    check_str("caption", caption)
    check_str("name", name)
    short = {"fan_in": "in", "fan_out": "out", "fan_avg": "avg"}
    rows = [[rule.initialization, ", ".join(rule.activations),
             f"${rule.scale:g}/\\text{{fan}}_\\text{{{short[rule.mode]}}}$",
             ", ".join(f"`{name}`" for name in rule.keras_initializers)]
            for rule in INITIALIZATION_TABLE]
    return markdown_table(["Inisialisasi", "Fungsi aktivasi", "$\\sigma^2$ (normal)",
                           "Nama Keras (seragam, normal)"], rows, caption=caption, name=name)
