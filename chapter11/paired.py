"""Perbandingan berpasangan antarbenih: perolehan per benih, sebarannya, dan uji tanda-balik eksak.

Dua konfigurasi yang dilatih dengan benih yang sama membentuk pasangan; yang dibandingkan adalah
**selisih per benih** (perolehan), bukan dua rata-rata yang masing-masing berderau. Modul ini hanya
memakai NumPy (tanpa TensorFlow), sehingga doctest-nya instan. Halaman yang memakainya:
:ref:`sec-transfer`; gambarnya: :func:`chapter11.plotting.plot_paired_accuracies`.

Example:
    >>> gain = PairedGain(seeds=(0, 1, 2, 3), baseline=(0.90, 0.91, 0.92, 0.90),
    ...                   treated=(0.92, 0.90, 0.93, 0.90), label="B di atas A",
    ...                   baseline_label="B sendiri")
    >>> [round(g, 2) for g in gain.gains.tolist()], gain.n_better, gain.n_worse, gain.n_tied
    ([0.02, -0.01, 0.01, 0.0], 2, 1, 1)
    >>> round(gain.mean_gain, 4), gain.p_value
    (0.005, 0.75)
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ._validation import check_float, check_int, check_real_array, check_str

__all__ = ["PairedGain", "sign_flip_p_value", "EXACT_LIMIT"]

#: Sampai sebanyak ini pasangan, uji tanda-balik menghitung semua 2ⁿ kombinasi tanda (eksak);
#: di atasnya memakai 100.000 kombinasi acak berbenih.
EXACT_LIMIT = 16


def sign_flip_p_value(differences, *, seed: int = 0) -> float:
    """Nilai-p dua sisi uji tanda-balik (*sign-flip*) untuk rata-rata selisih berpasangan.

    Bila kedua konfigurasi sebenarnya setara, tanda setiap selisih sama mungkinnya positif atau
    negatif. Nilai-p adalah pecahan dari semua pembalikan tanda yang memberi rata-rata selisih
    paling sedikit sejauh yang teramati dari nol. Tidak mengandaikan sebaran normal.

    Args:
        differences: selisih per pasangan (paling sedikit satu).
        seed: benih untuk kombinasi acak bila pasangan lebih dari :data:`EXACT_LIMIT`.

    Returns:
        Nilai-p di (0, 1]; 1 bila semua selisih nol.

    Example:
        >>> sign_flip_p_value([0.01] * 5)      # 5 dari 5 positif: 2 dari 32 kombinasi
        0.0625
        >>> sign_flip_p_value([0.02, -0.02])
        1.0
    """
    d = np.asarray(check_real_array("differences", differences, nonempty=False),
                   dtype=np.float64).ravel()
    if d.size == 0:
        raise ValueError("Argumen `differences` tidak boleh kosong. Diterima: 0 selisih.")
    if not np.all(np.isfinite(d)):
        raise ValueError("Argumen `differences` harus berisi bilangan berhingga. "
                         f"Diterima: {d.tolist()!r}.")
    check_int("seed", seed, minimum=0)
    observed = abs(d.mean())
    if d.size <= EXACT_LIMIT:
        signs = np.array(list(itertools.product((1.0, -1.0), repeat=d.size)))
    else:
        signs = np.random.default_rng(seed).choice((1.0, -1.0), size=(100_000, d.size))
    means = np.abs(signs @ d) / d.size
    # toleransi kecil: kombinasi yang sama persis dengan yang teramati ikut terhitung
    return float(np.mean(means >= observed - 1e-12))


def _as_vector(name: str, values, n: int | None = None) -> np.ndarray:
    if isinstance(values, (str, bytes)) or not isinstance(values, (Sequence, np.ndarray)):
        raise TypeError(f"Argumen `{name}` harus urutan angka. Diterima: {values!r}.")
    array = np.asarray(values, dtype=np.float64).ravel()
    if array.size == 0:
        raise ValueError(f"Argumen `{name}` tidak boleh kosong. Diterima: {name}=().")
    for v in array:
        check_float(f"{name}[i]", float(v), minimum=0.0, maximum=1.0)
    if n is not None and array.size != n:
        raise ValueError(f"Argumen `{name}` harus sepanjang `seeds` ({n}). "
                         f"Diterima: {array.size} nilai.")
    return array


@dataclass(frozen=True)
class PairedGain:
    """Akurasi dua konfigurasi pada benih yang sama, dan perolehan per benih.

    Attributes:
        seeds: benih, satu per pasangan.
        baseline: akurasi konfigurasi pembanding per benih (mis. model B dilatih dari nol).
        treated: akurasi konfigurasi yang diuji per benih (mis. model B di atas lapisan A).
        label: nama konfigurasi yang diuji.
        baseline_label: nama konfigurasi pembanding.
        metric: nama metrik (untuk keterangan), mis. ``"akurasi uji"``.
    """

    seeds: tuple[int, ...]
    baseline: np.ndarray
    treated: np.ndarray
    label: str = ""
    baseline_label: str = ""
    metric: str = field(default="akurasi uji")

    def __post_init__(self):
        if isinstance(self.seeds, (str, bytes)) or not isinstance(self.seeds, Sequence):
            raise TypeError(f"Argumen `seeds` harus urutan bilangan bulat. Diterima: {self.seeds!r}.")
        seeds = tuple(check_int("seeds[i]", s, minimum=0) for s in self.seeds)
        if not seeds or len(set(seeds)) != len(seeds):
            raise ValueError("Argumen `seeds` harus berisi paling sedikit satu benih, tanpa kembar. "
                             f"Diterima: seeds={self.seeds!r}.")
        object.__setattr__(self, "seeds", seeds)
        object.__setattr__(self, "baseline", _as_vector("baseline", self.baseline, len(seeds)))
        object.__setattr__(self, "treated", _as_vector("treated", self.treated, len(seeds)))
        for name in ("label", "baseline_label", "metric"):
            if not isinstance(getattr(self, name), str):
                raise TypeError(f"Argumen `{name}` harus string. "
                                f"Diterima: {name}={getattr(self, name)!r}.")
        check_str("metric", self.metric)

    @property
    def n(self) -> int:
        """Banyak pasangan."""
        return len(self.seeds)

    @property
    def gains(self) -> np.ndarray:
        """Perolehan per benih, ``treated − baseline`` (pecahan; × 100 = poin persentase)."""
        return self.treated - self.baseline

    @property
    def mean_gain(self) -> float:
        return float(self.gains.mean())

    @property
    def median_gain(self) -> float:
        return float(np.median(self.gains))

    @property
    def std_gain(self) -> float:
        """Simpangan baku perolehan antarbenih (``ddof=1``; 0 untuk satu pasangan)."""
        return float(self.gains.std(ddof=1)) if self.n > 1 else 0.0

    @property
    def min_gain(self) -> float:
        return float(self.gains.min())

    @property
    def max_gain(self) -> float:
        return float(self.gains.max())

    @property
    def n_better(self) -> int:
        """Banyak benih yang konfigurasi ujinya lebih tinggi (selisih lebih dari 10⁻⁹)."""
        return int(np.sum(self.gains > 1e-9))

    @property
    def n_worse(self) -> int:
        return int(np.sum(self.gains < -1e-9))

    @property
    def n_tied(self) -> int:
        return self.n - self.n_better - self.n_worse

    @property
    def p_value(self) -> float:
        """Nilai-p dua sisi uji tanda-balik untuk rata-rata perolehan (:func:`sign_flip_p_value`)."""
        return sign_flip_p_value(self.gains)

    def significant(self, alpha: float = 0.05) -> bool:
        """``True`` bila rata-rata perolehan berbeda nyata dari nol pada taraf ``alpha``."""
        alpha = check_float("alpha", alpha, minimum=0.0, maximum=1.0, strict_minimum=True)
        return self.p_value < alpha

    @property
    def error_reduction(self) -> np.ndarray:
        """Penurunan galat relatif per benih (ukuran Géron), ``1 − (1 − treated)/(1 − baseline)``.

        Positif bila galat konfigurasi uji lebih kecil. Tidak terdefinisi (NaN) bila galat
        pembanding nol.
        """
        base_error = 1.0 - self.baseline
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(base_error > 0, 1.0 - (1.0 - self.treated) / base_error, np.nan)

    def verdict(self, alpha: float = 0.05) -> str:
        """Kesimpulan singkat berbahasa Indonesia tentang rata-rata perolehan (untuk prosa).

        Example:
            >>> PairedGain((0, 1), (0.9, 0.9), (0.91, 0.89)).verdict()
            'tidak dapat dibedakan dari nol'
            >>> PairedGain(tuple(range(6)), (0.9,) * 6, (0.92,) * 6).verdict()
            'positif, dan berbeda nyata dari nol'
        """
        if not self.significant(alpha):
            return "tidak dapat dibedakan dari nol"
        sign = "positif" if self.mean_gain > 0 else "negatif"
        return f"{sign}, dan berbeda nyata dari nol"
