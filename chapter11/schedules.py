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

from ._validation import (check_bool, check_float, check_int, check_limit, check_positive,
                          check_real_array)

__all__ = [
    "OneCycleShape",
    "RateSuggestion",
    "exponential_rate",
    "exponential_rates",
    "one_cycle_rate",
    "one_cycle_shape",
    "piecewise_rate",
    "power_rate",
    "smooth_losses",
    "smoothing_window",
    "suggest_max_rate",
]


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
        self.total_steps = check_limit(
            "total_steps", check_int("total_steps", total_steps, minimum=3), "steps")
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
    steps = _steps(step)
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
    steps = check_limit("steps", check_int("steps", steps, minimum=1))
    return min_rate * (max_rate / min_rate) ** (np.arange(steps) / steps)


def _steps(step) -> np.ndarray:
    """``step`` sebagai larik float64 (boleh kosong: rumusnya per elemen); tolak NaN/negatif."""
    steps = np.asarray(check_real_array("step", step, finite=False, nonempty=False),
                       dtype=np.float64)
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
    decay_steps = check_limit("decay_steps", check_positive("decay_steps", decay_steps), "steps")
    staircase = check_bool("staircase", staircase)
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
    decay_steps = check_limit("decay_steps", check_positive("decay_steps", decay_steps), "steps")
    staircase = check_bool("staircase", staircase)
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
    bounds = np.asarray(check_real_array("boundaries", boundaries, ndim=1), dtype=np.float64)
    vals = np.asarray(check_real_array("values", values, ndim=1), dtype=np.float64)
    if np.any(bounds != np.round(bounds)):   # Keras membulatkan batas ke tipe penghitung langkah
        raise ValueError("Argumen `boundaries` harus berisi nomor langkah bulat. "
                         f"Diterima: boundaries={boundaries!r}.")
    if bounds.ndim != 1 or vals.ndim != 1 or len(vals) != len(bounds) + 1 \
            or np.any(np.diff(bounds) <= 0):
        raise ValueError("Argumen `boundaries` harus naik tegas dan `values` harus satu lebih "
                         f"panjang darinya. Diterima: boundaries={boundaries!r}, "
                         f"values={values!r}.")
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
    window = check_limit("window", check_int("window", window, minimum=1), "steps")
    if window % 2 == 0:
        raise ValueError(f"Argumen `window` harus bilangan ganjil. Diterima: window={window}.")
    values = np.asarray(check_real_array("losses", losses, finite=False, nonempty=False),
                        dtype=np.float64)
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
        window: lebar jendela penghalus (langkah).
        min_index: langkah dengan *loss* halus terkecil (dasar lembah).
        climb_index: langkah pertama sesudah dasar lembah yang *loss* halusnya melewati
            :attr:`threshold` (titik naik).
        climb: bagian penurunan total yang menentukan :attr:`threshold`.
        divisor: pembagi aturan.
        max_rate: *learning rate* puncak yang disarankan.
        n_dropped: banyak langkah terakhir yang dibuang karena *loss*-nya tidak berhingga.
    """

    rates: np.ndarray
    losses: np.ndarray
    smoothed: np.ndarray
    window: int
    min_index: int
    climb_index: int
    climb: float
    divisor: float
    max_rate: float
    n_dropped: int = 0

    @property
    def min_rate(self) -> float:
        """*Learning rate* di dasar lembah."""
        return float(self.rates[self.min_index])

    @property
    def min_loss(self) -> float:
        """*Loss* halus di dasar lembah."""
        return float(self.smoothed[self.min_index])

    @property
    def start_loss(self) -> float:
        """*Loss* halus di langkah pertama."""
        return float(self.smoothed[0])

    @property
    def threshold(self) -> float:
        """Batas titik naik, yaitu dasar lembah + ``climb`` × (*loss* awal − dasar lembah)."""
        return self.min_loss + self.climb * (self.start_loss - self.min_loss)

    @property
    def climb_rate(self) -> float:
        """*Learning rate* di titik naik."""
        return float(self.rates[self.climb_index])

    def fall_rate(self, fraction: float = 0.5) -> float:
        """Laju pertama yang *loss* halusnya sudah turun ``fraction`` dari penurunan totalnya
        (``fraction=0.5``: separuh jalan dari *loss* awal ke dasar lembah).

        Example:
            >>> s = suggest_max_rate([0.1, 0.2, 0.4, 0.8], [2.0, 1.4, 1.0, 3.0], window=1)
            >>> s.fall_rate(0.5), s.fall_rate(1.0)
            (0.2, 0.4)
        """
        fraction = check_float("fraction", fraction, minimum=0.0, maximum=1.0)
        level = self.start_loss - fraction * (self.start_loss - self.min_loss)
        return float(self.rates[int(np.argmax(self.smoothed <= level + 1e-12))])

    def loss_at(self, rate: float) -> float:
        """*Loss* halus pada langkah yang lajunya paling dekat ``rate`` (skala log)."""
        rate = check_positive("rate", rate)
        return float(self.smoothed[int(np.argmin(np.abs(np.log(self.rates / rate))))])

    @property
    def blowup_rate(self) -> float | None:
        """Laju pertama sesudah dasar lembah yang *loss* halusnya melampaui *loss* halus awal
        (pelatihan lebih buruk daripada sebelum mulai); ``None`` bila tidak pernah.

        Example:
            >>> s = suggest_max_rate([0.1, 0.2, 0.4, 0.8], [2.0, 1.0, 1.5, 3.0], window=1)
            >>> s.climb_rate, s.blowup_rate
            (0.4, 0.8)
        """
        after = np.flatnonzero(self.smoothed[self.min_index:] > self.smoothed[0])
        return None if after.size == 0 else float(self.rates[self.min_index + after[0]])


def _round_down_significant(value: float, digits: int) -> float:
    exponent = math.floor(math.log10(value)) - digits + 1
    scaled = math.floor(round(value / 10**exponent, 9))
    return float(f"{scaled}e{exponent}")


def smoothing_window(rates, decades: float = 0.25) -> int:
    """Lebar jendela (ganjil) yang mencakup ``decades`` dekade *learning rate* pencari.

    Pencari menumbuhkan laju secara eksponensial, jadi banyak langkah per dekade tetap; jendela
    yang diukur dalam dekade memberi penghalusan yang sama, berapa pun panjang pencarinya.

    Example:
        >>> smoothing_window(np.logspace(-4, 0, 313)), smoothing_window(np.logspace(-4, 0, 1719))
        (19, 107)
    """
    rates = np.asarray(check_real_array("rates", rates, nonempty=False), dtype=np.float64)
    decades = check_positive("decades", decades)
    if rates.ndim != 1 or rates.size < 2 or np.any(rates <= 0) or rates[-1] <= rates[0]:
        raise ValueError("Argumen `rates` harus larik laju positif yang naik. "
                         f"Diterima: {rates!r}.")
    per_decade = rates.size / math.log10(rates[-1] / rates[0])
    return int(2 * round((decades * per_decade - 1) / 2) + 1)  # bilangan ganjil terdekat


def suggest_max_rate(rates, losses, *, window: int | None = None, decades: float = 0.25,
                     climb: float = 0.1, divisor: float = 2.0,
                     digits: int = 1) -> RateSuggestion:
    """Pilih *learning rate* puncak 1cycle dari kurva pencari *learning rate*, dengan aturan.

    Aturannya:

    1. buang langkah-langkah sesudah *loss* pertama yang tidak berhingga (pelatihan meledak);
    2. haluskan *loss* dengan rata-rata bergerak terpusat selebar ``decades`` dekade
       *learning rate* (bawaan seperempat dekade; :func:`smoothing_window`);
    3. **dasar lembah** = langkah dengan *loss* halus terkecil; **titik naik** = langkah pertama
       sesudahnya yang *loss* halusnya naik lagi melewati dasar + ``climb`` × (*loss* awal −
       dasar), yaitu (bawaan) 10 % dari seluruh penurunan — di sinilah *loss* mulai naik;
    4. ``max_rate`` = *learning rate* di titik naik dibagi ``divisor`` (bawaan 2, batas aman),
       dibulatkan ke bawah ke ``digits`` angka penting.

    Titik naik dipakai, bukan dasar lembah, karena dasar lembah yang datar berpindah-pindah
    mengikuti derau, sedangkan tepi kanan lembah stabil.

    Args:
        rates: *learning rate* tiap langkah, naik tegas.
        losses: *loss* batch tiap langkah (panjang sama).
        window: lebar jendela penghalus (ganjil); ``None``: dari ``decades``.
        decades: lebar jendela dalam dekade *learning rate* bila ``window`` tidak diberikan.
        climb: bagian penurunan total yang menandai titik naik, di (0, 1).
        divisor: pembagi, > 0.
        digits: angka penting hasil akhir (>= 1).

    Returns:
        :class:`RateSuggestion`.

    Raises:
        ValueError: panjang berbeda, laju tidak naik, kurang dari ``window`` langkah berhingga,
            atau *loss* tidak pernah naik lagi (perbesar laju akhir pencari).

    Reference:
        Smith (2017), *Cyclical learning rates for training neural networks*; Smith (2018),
        *A disciplined approach to neural network hyper-parameters: Part 1*.

    Example:
        >>> r = np.logspace(-4, 0, 401)                       # 10⁻⁴ … 1
        >>> loss = 1 + 0.25 * (np.log10(r) + 2) ** 2           # dasar lembah di 10⁻²
        >>> s = suggest_max_rate(r, loss)   # batas 1,1: 0,25·x² = 0,1 ⇒ r = 10^(√0,4 − 2)
        >>> round(s.min_rate, 6), round(s.climb_rate, 3), s.max_rate
        (0.01, 0.044, 0.02)
    """
    rates = np.asarray(check_real_array("rates", rates, finite=False), dtype=np.float64)
    losses = np.asarray(check_real_array("losses", losses, finite=False), dtype=np.float64)
    if rates.ndim != 1 or rates.shape != losses.shape:
        raise ValueError("Argumen `rates` dan `losses` harus larik satu dimensi yang sama panjang. "
                         f"Diterima: {rates.shape} dan {losses.shape}.")
    if not np.all(np.isfinite(rates)) or np.any(rates <= 0) or np.any(np.diff(rates) <= 0):
        raise ValueError("Argumen `rates` harus positif dan naik tegas (pencari learning rate). "
                         f"Diterima: rates={rates!r}.")
    climb = check_float("climb", climb, minimum=0.0, maximum=1.0, strict_minimum=True)
    divisor = check_positive("divisor", divisor)
    digits = check_limit("digits", check_int("digits", digits, minimum=1))
    window = smoothing_window(rates, decades) if window is None else \
        check_int("window", window, minimum=1)
    bad = np.flatnonzero(~np.isfinite(losses))
    keep = int(bad[0]) if bad.size else losses.size
    if keep < window:
        raise ValueError(f"Perlu paling sedikit window={window} langkah dengan loss berhingga "
                         f"sebelum pelatihan meledak. Diterima: {keep} langkah.")
    smoothed = smooth_losses(losses[:keep], window)
    low = int(np.argmin(smoothed))
    threshold = smoothed[low] + climb * (smoothed[0] - smoothed[low])
    above = np.flatnonzero(smoothed[low:] > threshold)
    if above.size == 0:
        raise ValueError("Loss yang dihaluskan tidak pernah naik lagi sesudah titik terendahnya; "
                         "perbesar laju akhir pencari (max_rate). "
                         f"Diterima: laju terakhir {rates[keep - 1]!r}.")
    rise = low + int(above[0])
    return RateSuggestion(rates=rates[:keep], losses=losses[:keep], smoothed=smoothed,
                          window=window, min_index=low, climb_index=rise, climb=climb,
                          divisor=divisor,
                          max_rate=_round_down_significant(float(rates[rise]) / divisor, digits),
                          n_dropped=losses.size - keep)
