"""Rumus penjadwalan *learning rate* dalam NumPy murni (tanpa TensorFlow).

Rumus di sini adalah acuan: gambar jadwal digambar darinya, dan tes memeriksa implementasi Keras
(:class:`chapter11.keras_schedules.OneCycle`) terhadapnya.

* :func:`one_cycle_rate` — jadwal *1cycle* (Smith 2018) dalam bentuk yang dipakai Géron: naik
  linear dari ``start_rate`` ke ``max_rate`` selama paruh pertama, turun linear kembali ke
  ``start_rate`` selama paruh kedua, lalu turun linear ke ``end_rate`` pada langkah-langkah
  terakhir.
* :func:`exponential_rates` — *learning rate* yang tumbuh eksponensial dari ``min_rate`` ke
  ``max_rate`` dalam ``steps`` langkah (pencari *learning rate*).
* :func:`power_rate`, :func:`exponential_rate`, :func:`piecewise_rate` — rumus jadwal Keras
  ``InverseTimeDecay``, ``ExponentialDecay`` dan ``PiecewiseConstantDecay``, sebagai acuan tes.
* :func:`smooth_losses` dan :func:`suggest_max_rate` — aturan tertulis yang memilih
  *learning rate* puncak 1cycle dari kurva pencari *learning rate*.

Example:
    >>> shape = one_cycle_shape(total_steps=100, max_rate=0.1)
    >>> shape.half_steps, shape.final_steps
    (44, 11)
    >>> rates = one_cycle_rate(np.arange(100), total_steps=100, max_rate=0.1)
    >>> int(np.argmax(rates)), float(rates[0]), float(rates[44]), float(rates[88])
    (44, 0.01, 0.1, 0.01)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ._validation import check_float, check_int, check_positive

__all__ = ["OneCycleShape", "one_cycle_shape", "one_cycle_rate", "exponential_rates",
           "power_rate", "exponential_rate", "piecewise_rate", "smooth_losses",
           "RateSuggestion", "suggest_max_rate"]


class OneCycleShape:
    """Titik-titik patah jadwal 1cycle (semua dalam satuan langkah pelatihan).

    Attributes:
        total_steps: banyak langkah seluruh jadwal.
        max_rate: *learning rate* puncak.
        start_rate: *learning rate* awal (bawaan ``max_rate / 10``).
        end_rate: *learning rate* akhir (bawaan ``start_rate / 1000``).
        final_steps: banyak langkah fase penurunan terakhir (bawaan ``total_steps // 10 + 1``).
        half_steps: panjang fase naik (= panjang fase turun pertama).
    """

    __slots__ = ("total_steps", "max_rate", "start_rate", "end_rate", "final_steps", "half_steps")

    def __init__(self, total_steps, max_rate, start_rate=None, end_rate=None, final_steps=None):
        self.total_steps = check_int("total_steps", total_steps, minimum=3)
        self.max_rate = check_positive("max_rate", max_rate)
        self.start_rate = (self.max_rate / 10 if start_rate is None
                           else check_positive("start_rate", start_rate))
        if self.start_rate > self.max_rate:
            raise ValueError(
                "Argumen `start_rate` tidak boleh lebih besar dari `max_rate`. "
                f"Diterima: start_rate={self.start_rate!r}, max_rate={self.max_rate!r}."
            )
        self.end_rate = (self.start_rate / 1000 if end_rate is None
                         else check_positive("end_rate", end_rate))
        self.final_steps = (self.total_steps // 10 + 1 if final_steps is None
                            else check_int("final_steps", final_steps, minimum=1))
        if self.final_steps > self.total_steps - 2:
            raise ValueError(
                "Argumen `final_steps` harus lebih kecil dari `total_steps` − 1 (fase naik dan "
                "turun perlu paling sedikit satu langkah masing-masing). "
                f"Diterima: final_steps={self.final_steps}, total_steps={self.total_steps}."
            )
        self.half_steps = (self.total_steps - self.final_steps) // 2

    def __repr__(self) -> str:
        return (f"OneCycleShape(total_steps={self.total_steps}, max_rate={self.max_rate}, "
                f"start_rate={self.start_rate}, end_rate={self.end_rate}, "
                f"final_steps={self.final_steps}, half_steps={self.half_steps})")


def one_cycle_shape(total_steps, max_rate, start_rate=None, end_rate=None,
                    final_steps=None) -> OneCycleShape:
    """Periksa argumen 1cycle dan kembalikan titik-titik patahnya (:class:`OneCycleShape`).

    Example:
        >>> s = one_cycle_shape(10_750, 0.1)   # angka-angka Géron
        >>> s.final_steps, s.half_steps, s.start_rate, s.end_rate
        (1076, 4837, 0.01, 1e-05)
    """
    return OneCycleShape(total_steps, max_rate, start_rate, end_rate, final_steps)


def one_cycle_rate(step, *, total_steps, max_rate, start_rate=None, end_rate=None,
                   final_steps=None) -> np.ndarray:
    """*Learning rate* 1cycle di langkah ``step`` (0, 1, …; skalar atau array).

    Tiga potongan linear: ``start_rate → max_rate`` pada langkah ``[0, h)``,
    ``max_rate → start_rate`` pada ``[h, 2h)``, lalu ``start_rate → end_rate`` pada
    ``[2h, total_steps)``, dengan ``h = (total_steps − final_steps) // 2``. Sesudah
    ``total_steps`` nilainya tetap ``end_rate``.

    Args:
        step: indeks langkah (bilangan bulat >= 0, skalar atau array).
        total_steps: banyak langkah seluruh pelatihan (>= 3).
        max_rate: *learning rate* puncak (> 0).
        start_rate: *learning rate* awal; bawaan ``max_rate / 10``.
        end_rate: *learning rate* akhir; bawaan ``start_rate / 1000``.
        final_steps: panjang fase akhir; bawaan ``total_steps // 10 + 1``.

    Returns:
        Array ``float64`` berbentuk sama dengan ``step``.

    Raises:
        ValueError: argumen di luar rentangnya, atau ``step`` negatif.

    Reference:
        Smith (2018), *A disciplined approach to neural network hyper-parameters: Part 1*.

    Example:
        >>> r = one_cycle_rate([0, 22, 44, 66, 88, 100], total_steps=100, max_rate=1.0)
        >>> [round(float(v), 4) for v in r]   # h = (100 − 11) // 2 = 44
        [0.1, 0.55, 1.0, 0.55, 0.1, 0.0001]
    """
    shape = one_cycle_shape(total_steps, max_rate, start_rate, end_rate, final_steps)
    steps = np.asarray(step, dtype=np.float64)
    if steps.size and (not np.all(np.isfinite(steps)) or np.any(steps < 0)):
        raise ValueError(f"Argumen `step` harus bilangan >= 0. Diterima: step={step!r}.")
    h, total = shape.half_steps, shape.total_steps
    up = shape.start_rate + (shape.max_rate - shape.start_rate) * steps / h
    down = shape.max_rate + (shape.start_rate - shape.max_rate) * (steps - h) / h
    tail = shape.start_rate + (shape.end_rate - shape.start_rate) * (
        np.minimum(steps, total) - 2 * h) / (total - 2 * h)
    return np.where(steps < h, up, np.where(steps < 2 * h, down, tail))


def exponential_rates(min_rate, max_rate, steps) -> np.ndarray:
    """``steps`` *learning rate* yang tumbuh eksponensial dari ``min_rate`` ke ``max_rate``.

    Langkah ke-``i`` memakai ``min_rate · (max_rate / min_rate) ** (i / steps)`` — bentuk yang
    sama dengan ``keras.optimizers.schedules.ExponentialDecay(min_rate, steps,
    max_rate / min_rate)``.

    Example:
        >>> [float(v) for v in exponential_rates(1e-4, 1.0, 4)]
        [0.0001, 0.001, 0.01, 0.1]
    """
    min_rate = check_positive("min_rate", min_rate)
    max_rate = check_float("max_rate", max_rate, minimum=min_rate, strict_minimum=True)
    steps = check_int("steps", steps, minimum=1)
    return min_rate * (max_rate / min_rate) ** (np.arange(steps) / steps)


def _steps(step) -> np.ndarray:
    steps = np.asarray(step, dtype=np.float64)
    if steps.size and (not np.all(np.isfinite(steps)) or np.any(steps < 0)):
        raise ValueError(f"Argumen `step` harus bilangan >= 0. Diterima: step={step!r}.")
    return steps


def power_rate(step, *, initial_rate, decay_steps, decay_rate=1.0, staircase=False) -> np.ndarray:
    """*Power scheduling* (``InverseTimeDecay`` Keras): ``η₀ / (1 + r · t / s)``.

    Dengan ``staircase=True``, ``t / s`` diganti ``⌊t / s⌋``.

    Example:
        >>> [float(v) for v in power_rate([0, 100, 300], initial_rate=0.01, decay_steps=100)]
        [0.01, 0.005, 0.0025]
    """
    initial_rate = check_positive("initial_rate", initial_rate)
    decay_steps = check_positive("decay_steps", decay_steps)
    decay_rate = check_float("decay_rate", decay_rate, minimum=0.0)
    ratio = _steps(step) / decay_steps
    return initial_rate / (1 + decay_rate * (np.floor(ratio) if staircase else ratio))


def exponential_rate(step, *, initial_rate, decay_steps, decay_rate,
                     staircase=False) -> np.ndarray:
    """*Exponential scheduling* (``ExponentialDecay`` Keras): ``η₀ · r^(t / s)``.

    Dengan ``staircase=True``, ``t / s`` diganti ``⌊t / s⌋``: laju turun sekaligus setiap
    ``s`` langkah.

    Example:
        >>> [round(float(v), 6) for v in exponential_rate([0, 50, 100], initial_rate=0.01,
        ...                                               decay_steps=100, decay_rate=0.1)]
        [0.01, 0.003162, 0.001]
        >>> [float(v) for v in exponential_rate([0, 50, 100], initial_rate=0.01,
        ...                                     decay_steps=100, decay_rate=0.1, staircase=True)]
        [0.01, 0.01, 0.001]
    """
    initial_rate = check_positive("initial_rate", initial_rate)
    decay_steps = check_positive("decay_steps", decay_steps)
    decay_rate = check_positive("decay_rate", decay_rate)
    ratio = _steps(step) / decay_steps
    return initial_rate * decay_rate ** (np.floor(ratio) if staircase else ratio)


def piecewise_rate(step, *, boundaries, values) -> np.ndarray:
    """*Piecewise constant scheduling* (``PiecewiseConstantDecay`` Keras).

    ``values[0]`` selama ``t <= boundaries[0]``, ``values[1]`` selama
    ``boundaries[0] < t <= boundaries[1]``, dan seterusnya.

    Example:
        >>> [float(v) for v in piecewise_rate([0, 10, 11, 20, 21], boundaries=[10, 20],
        ...                                   values=[0.01, 0.005, 0.001])]
        [0.01, 0.01, 0.005, 0.005, 0.001]
    """
    bounds = np.asarray(boundaries, dtype=np.float64)
    vals = np.asarray(values, dtype=np.float64)
    if bounds.ndim != 1 or vals.ndim != 1 or len(vals) != len(bounds) + 1 \
            or np.any(np.diff(bounds) <= 0):
        raise ValueError("Argumen `boundaries` harus naik tegas dan `values` harus satu lebih "
                         f"panjang darinya. Diterima: boundaries={boundaries!r}, values={values!r}.")
    return vals[np.searchsorted(bounds, _steps(step), side="left")]


def smooth_losses(losses, window: int = 21) -> np.ndarray:
    """Rata-rata bergerak terpusat: setiap nilai diganti rata-rata ``window`` nilai di sekitarnya.

    Jendela terpusat tidak menggeser kurva (rata-rata bergerak eksponensial menggesernya ke
    kanan sejauh kira-kira panjang jendelanya). Di kedua ujung jendelanya dipendekkan secara
    simetris, sehingga nilai pertama dan terakhir tidak dihaluskan.

    Args:
        losses: *loss* per langkah (semuanya berhingga).
        window: panjang jendela, bilangan ganjil >= 1.

    Example:
        >>> [float(v) for v in smooth_losses([1.0, 2.0, 6.0, 4.0, 5.0], window=3)]
        [1.0, 3.0, 4.0, 5.0, 5.0]
    """
    window = check_int("window", window, minimum=1)
    if window % 2 == 0:
        raise ValueError(f"Argumen `window` harus bilangan ganjil. Diterima: window={window}.")
    values = np.asarray(losses, dtype=np.float64)
    if values.ndim != 1 or values.size == 0 or not np.all(np.isfinite(values)):
        raise ValueError("Argumen `losses` harus larik satu dimensi berisi bilangan berhingga. "
                         f"Diterima: {np.asarray(losses)!r}.")
    cumulative = np.concatenate([[0.0], np.cumsum(values)])
    index = np.arange(values.size)
    half = np.minimum(np.minimum(index, values.size - 1 - index), window // 2)
    return (cumulative[index + half + 1] - cumulative[index - half]) / (2 * half + 1)


@dataclass(frozen=True)
class RateSuggestion:
    """Hasil :func:`suggest_max_rate`: kurva pencari *learning rate* dan laju yang dipilih.

    Attributes:
        rates: *learning rate* tiap langkah (yang dipakai sampai kurva dipotong).
        losses: *loss* batch tiap langkah.
        smoothed: *loss* yang dihaluskan (:func:`smooth_losses`).
        turning_index: indeks langkah dengan *loss* halus terkecil (titik balik).
        turning_rate: *learning rate* di titik balik.
        divisor: pembagi aturan (``max_rate = turning_rate / divisor``, dibulatkan).
        max_rate: *learning rate* puncak yang disarankan.
        n_dropped: banyak langkah terakhir yang dibuang karena *loss*-nya tidak berhingga.
    """

    rates: np.ndarray
    losses: np.ndarray
    smoothed: np.ndarray
    turning_index: int
    turning_rate: float
    divisor: float
    max_rate: float
    n_dropped: int = 0

    @property
    def turning_loss(self) -> float:
        """*Loss* halus di titik balik."""
        return float(self.smoothed[self.turning_index])

    @property
    def blowup_rate(self) -> float | None:
        """Laju pertama sesudah titik balik yang *loss* halusnya melampaui *loss* halus awal
        (pelatihan lebih buruk daripada sebelum mulai); ``None`` bila tidak pernah.

        Example:
            >>> s = RateSuggestion(np.array([0.1, 0.2, 0.4, 0.8]), np.array([2.0, 1.0, 1.5, 3.0]),
            ...                    np.array([2.0, 1.0, 1.5, 3.0]), 1, 0.2, 1.0, 0.2)
            >>> s.blowup_rate
            0.8
        """
        after = np.flatnonzero(self.smoothed[self.turning_index:] > self.smoothed[0])
        return None if after.size == 0 else float(self.rates[self.turning_index + after[0]])


def _round_down_significant(value: float, digits: int) -> float:
    exponent = math.floor(math.log10(value)) - digits + 1
    scaled = math.floor(round(value / 10**exponent, 9))
    return float(f"{scaled}e{exponent}")


def suggest_max_rate(rates, losses, *, window: int = 21, divisor: float = 10.0,
                     digits: int = 1) -> RateSuggestion:
    """Pilih *learning rate* puncak 1cycle dari kurva pencari *learning rate*, dengan aturan.

    Aturannya (Géron, Bab 10 dan 11; Smith 2018):

    1. buang langkah-langkah sesudah *loss* pertama yang tidak berhingga (pelatihan meledak);
    2. haluskan *loss* dengan rata-rata bergerak terpusat selebar ``window`` langkah;
    3. titik balik = langkah dengan *loss* halus terkecil — sesudahnya *loss* naik lagi;
    4. ``max_rate`` = *learning rate* di titik balik dibagi ``divisor``, dibulatkan ke bawah ke
       ``digits`` angka penting (angka bulat yang tidak melebihi hasil bagi itu).

    Args:
        rates: *learning rate* tiap langkah, naik tegas.
        losses: *loss* batch tiap langkah (panjang sama).
        window: lebar jendela penghalus (ganjil).
        divisor: pembagi, > 0 (bawaan 10: "sekitar sepuluh kali lebih kecil dari titik balik").
        digits: angka penting hasil akhir (>= 1).

    Returns:
        :class:`RateSuggestion`.

    Raises:
        ValueError: panjang berbeda, laju tidak naik, atau kurang dari ``window`` langkah
            berhingga.

    Reference:
        Smith (2018), *A disciplined approach to neural network hyper-parameters: Part 1*.

    Example:
        >>> r = np.logspace(-4, 0, 101)                   # 10⁻⁴ … 1
        >>> loss = (np.log10(r) + 1) ** 2                   # minimum di r = 0,1
        >>> s = suggest_max_rate(r, loss, window=5)
        >>> round(s.turning_rate, 6), s.max_rate
        (0.1, 0.01)
    """
    rates = np.asarray(rates, dtype=np.float64)
    losses = np.asarray(losses, dtype=np.float64)
    if rates.ndim != 1 or rates.shape != losses.shape:
        raise ValueError("Argumen `rates` dan `losses` harus larik satu dimensi yang sama panjang. "
                         f"Diterima: {rates.shape} dan {losses.shape}.")
    if not np.all(np.isfinite(rates)) or np.any(rates <= 0) or np.any(np.diff(rates) <= 0):
        raise ValueError("Argumen `rates` harus positif dan naik tegas (pencari learning rate). "
                         f"Diterima: rates={rates!r}.")
    divisor = check_positive("divisor", divisor)
    digits = check_int("digits", digits, minimum=1)
    bad = np.flatnonzero(~np.isfinite(losses))
    keep = int(bad[0]) if bad.size else losses.size
    window = check_int("window", window, minimum=1)
    if keep < window:
        raise ValueError(f"Perlu paling sedikit window={window} langkah dengan loss berhingga "
                         f"sebelum pelatihan meledak. Diterima: {keep} langkah.")
    smoothed = smooth_losses(losses[:keep], window)
    turning = int(np.argmin(smoothed))
    turning_rate = float(rates[turning])
    return RateSuggestion(rates=rates[:keep], losses=losses[:keep], smoothed=smoothed,
                          turning_index=turning, turning_rate=turning_rate, divisor=divisor,
                          max_rate=_round_down_significant(turning_rate / divisor, digits),
                          n_dropped=losses.size - keep)
