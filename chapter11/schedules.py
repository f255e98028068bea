"""Rumus penjadwalan *learning rate* dalam NumPy murni (tanpa TensorFlow).

Rumus di sini adalah acuan: gambar jadwal digambar darinya, dan tes memeriksa implementasi Keras
(:class:`chapter11.keras_schedules.OneCycle`) terhadapnya.

* :func:`one_cycle_rate` — jadwal *1cycle* (Smith 2018) dalam bentuk yang dipakai Géron: naik
  linear dari ``start_rate`` ke ``max_rate`` selama paruh pertama, turun linear kembali ke
  ``start_rate`` selama paruh kedua, lalu turun linear ke ``end_rate`` pada langkah-langkah
  terakhir.
* :func:`exponential_rates` — *learning rate* yang tumbuh eksponensial dari ``min_rate`` ke
  ``max_rate`` dalam ``steps`` langkah (pencari *learning rate*).

Example:
    >>> shape = one_cycle_shape(total_steps=100, max_rate=0.1)
    >>> shape.half_steps, shape.final_steps
    (44, 11)
    >>> rates = one_cycle_rate(np.arange(100), total_steps=100, max_rate=0.1)
    >>> int(np.argmax(rates)), float(rates[0]), float(rates[44]), float(rates[88])
    (44, 0.01, 0.1, 0.01)
"""

from __future__ import annotations

import numpy as np

from ._validation import check_float, check_int, check_positive

__all__ = ["OneCycleShape", "one_cycle_shape", "one_cycle_rate", "exponential_rates"]


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
