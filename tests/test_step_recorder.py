"""StepRecorder mencatat laju jadwal per langkah dengan satu evaluasi per epoch.

Nilainya sama dengan evaluasi per langkah sampai pembulatan float32: ``pow`` yang divektorkan
(``ExponentialDecay``) dapat berbeda 1 ulp (≈ 1,2 × 10⁻⁷ relatif) pada larik yang panjang.
"""

import keras
import numpy as np
import pytest

from chapter11 import schedules
from chapter11.experiments.training import StepRecorder
from chapter11.keras_schedules import OneCycle


def fit_with_recorder(schedule, *, n=40, batch_size=4, epochs=3, momentum=0.0):
    """Latih model kecil ``epochs`` epoch × ``n / batch_size`` langkah dengan StepRecorder."""
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=schedule, momentum=momentum),
                  loss="mse")
    recorder = StepRecorder(per_step=True)
    x = np.random.default_rng(0).normal(size=(n, 3)).astype("float32")
    model.fit(x, x[:, :1], batch_size=batch_size, epochs=epochs, verbose=0,
              callbacks=[recorder])
    return recorder


@pytest.mark.parametrize("schedule", [
    OneCycle(30, 0.1),
    keras.optimizers.schedules.InverseTimeDecay(0.01, 7, 1.0),
    keras.optimizers.schedules.ExponentialDecay(0.01, 10, 0.5, staircase=True),
    keras.optimizers.schedules.PiecewiseConstantDecay([9, 19], [0.01, 0.005, 0.001]),
])
def test_schedule_rates_equal_step_by_step_evaluation(schedule):
    recorder = fit_with_recorder(schedule)
    assert len(recorder.step_rates) == 30 == len(recorder.step_losses)
    one_by_one = [float(keras.ops.convert_to_numpy(schedule(step))) for step in range(30)]
    np.testing.assert_allclose(recorder.step_rates, one_by_one, rtol=2.5e-7, atol=0)
    assert recorder.epoch_rates == [one_by_one[0], one_by_one[10], one_by_one[20]]


def test_long_epochs_stay_within_float32_rounding_of_the_applied_rate():
    schedule = keras.optimizers.schedules.ExponentialDecay(0.01, 600, 0.1)
    recorder = fit_with_recorder(schedule, n=1200, batch_size=4, epochs=2)
    one_by_one = [float(keras.ops.convert_to_numpy(schedule(step))) for step in range(600)]
    assert len(recorder.step_rates) == 600
    np.testing.assert_allclose(recorder.step_rates, one_by_one, rtol=2.5e-7, atol=0)


def test_one_cycle_recorded_rates_follow_the_numpy_formula():
    recorder = fit_with_recorder(OneCycle(30, 0.1))
    np.testing.assert_allclose(recorder.step_rates,
                               schedules.one_cycle_rate(np.arange(30), total_steps=30,
                                                        max_rate=0.1), rtol=1e-6)


def test_constant_rate_is_still_read_every_step():
    recorder = fit_with_recorder(0.05, epochs=2)
    assert recorder.step_rates == pytest.approx([0.05] * 20)
