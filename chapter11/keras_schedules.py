"""Jadwal *learning rate* milik paket sebagai ``keras.optimizers.schedules.LearningRateSchedule``.

Keras tidak punya jadwal 1cycle. :class:`OneCycle` mengisinya: sebuah jadwal Keras biasa yang
bisa diberikan ke optimizer mana pun (``SGD(learning_rate=OneCycle(...))``), dapat diserialkan
(terdaftar sebagai ``"chapter11>OneCycle"``), sehingga juga bisa ditulis sebagai konfigurasi di
deskripsi eksperimen (:class:`chapter11.experiments.Phase`). Rumusnya sama dengan acuan NumPy
:func:`chapter11.schedules.one_cycle_rate`; tes membandingkan keduanya langkah demi langkah.

Karena jadwal dihitung dari penghitung langkah optimizer di dalam langkah pelatihan yang sudah
dikompilasi, nilainya benar-benar berubah setiap langkah — berbeda dengan mengganti atribut Python
dari *callback*.

Example:
    >>> schedule = OneCycle(total_steps=100, max_rate=0.1)
    >>> [round(float(schedule(step)), 4) for step in (0, 44, 88)]
    [0.01, 0.1, 0.01]
    >>> keras.optimizers.schedules.deserialize(
    ...     keras.optimizers.schedules.serialize(schedule)).get_config() == schedule.get_config()
    True
"""

from __future__ import annotations

from ._validation import check_str
from .runtime import quiet_tensorflow
from .schedules import one_cycle_shape

keras = quiet_tensorflow()

__all__ = ["OneCycle"]


@keras.saving.register_keras_serializable(package="chapter11")
class OneCycle(keras.optimizers.schedules.LearningRateSchedule):
    """Jadwal 1cycle (Smith 2018) dalam bentuk Géron, sebagai jadwal Keras.

    Args:
        total_steps: banyak langkah seluruh pelatihan (epoch × langkah per epoch).
        max_rate: *learning rate* puncak.
        start_rate: *learning rate* awal; bawaan ``max_rate / 10``.
        end_rate: *learning rate* akhir; bawaan ``start_rate / 1000``.
        final_steps: panjang fase penurunan terakhir; bawaan ``total_steps // 10 + 1``.

    Raises:
        ValueError, TypeError: argumen di luar rentangnya (lihat
            :func:`chapter11.schedules.one_cycle_shape`).

    Reference:
        Smith (2018), *A disciplined approach to neural network hyper-parameters: Part 1*.
    """

    def __init__(self, total_steps, max_rate, start_rate=None, end_rate=None,
                 final_steps=None, name="OneCycle"):
        super().__init__()
        check_str("name", name)
        shape = one_cycle_shape(total_steps, max_rate, start_rate, end_rate, final_steps)
        self.total_steps = shape.total_steps
        self.max_rate = shape.max_rate
        self.start_rate = shape.start_rate
        self.end_rate = shape.end_rate
        self.final_steps = shape.final_steps
        self.half_steps = shape.half_steps
        self.name = name

    def __call__(self, step):
        ops = keras.ops
        step = ops.cast(step, "float32")
        h = float(self.half_steps)
        total = float(self.total_steps)
        up = self.start_rate + (self.max_rate - self.start_rate) * step / h
        down = self.max_rate + (self.start_rate - self.max_rate) * (step - h) / h
        tail = self.start_rate + (self.end_rate - self.start_rate) * (
            ops.minimum(step, total) - 2.0 * h) / (total - 2.0 * h)
        return ops.where(step < h, up,
                         ops.where(step < 2.0 * h, down, tail))

    def get_config(self):
        return {"total_steps": self.total_steps, "max_rate": self.max_rate,
                "start_rate": self.start_rate, "end_rate": self.end_rate,
                "final_steps": self.final_steps, "name": self.name}
