"""Tes rumus jadwal NumPy (chapter11.schedules) terhadap jadwal Keras, dan aturan pencari laju."""

import math

import keras
import numpy as np
import pytest

from chapter11 import schedules
from chapter11.keras_schedules import OneCycle

STEPS = np.arange(0, 1000, 7)


def keras_rates(schedule, steps=STEPS):
    """Jadwal Keras dievaluasi sekaligus pada larik langkah (sama dengan langkah skalar)."""
    return keras.ops.convert_to_numpy(schedule(np.asarray(steps))).astype(float)


@pytest.mark.parametrize("staircase", [False, True])
def test_power_rate_matches_inverse_time_decay(staircase):
    schedule = keras.optimizers.schedules.InverseTimeDecay(0.01, 150, 0.5, staircase=staircase)
    np.testing.assert_allclose(
        schedules.power_rate(STEPS, initial_rate=0.01, decay_steps=150, decay_rate=0.5,
                             staircase=staircase),
        keras_rates(schedule), rtol=1e-5)


@pytest.mark.parametrize("staircase", [False, True])
def test_exponential_rate_matches_exponential_decay(staircase):
    schedule = keras.optimizers.schedules.ExponentialDecay(0.01, 313, 0.1 ** 0.1,
                                                           staircase=staircase)
    np.testing.assert_allclose(
        schedules.exponential_rate(STEPS, initial_rate=0.01, decay_steps=313,
                                   decay_rate=0.1 ** 0.1, staircase=staircase),
        keras_rates(schedule), rtol=1e-5)


def test_piecewise_rate_matches_piecewise_constant_decay_at_and_around_boundaries():
    boundaries, values = [100, 400], [0.01, 0.005, 0.001]
    steps = np.array([0, 99, 100, 101, 399, 400, 401, 999])
    schedule = keras.optimizers.schedules.PiecewiseConstantDecay(boundaries, values)
    expected = schedules.piecewise_rate(steps, boundaries=boundaries, values=values)
    np.testing.assert_allclose(expected, keras_rates(schedule, steps), rtol=1e-6)
    np.testing.assert_allclose(expected, [float(schedule(int(t))) for t in steps], rtol=1e-6)
    # Aturan tertulis Keras: values[1] hanya untuk boundaries[0] < t <= boundaries[1].
    assert schedules.piecewise_rate([100, 101], boundaries=boundaries, values=values).tolist() \
        == [0.01, 0.005]


@pytest.mark.parametrize("total, max_rate, kwargs", [
    (3130, 0.02, {}), (100, 1.0, {}), (17_190, 0.03, {"start_rate": 0.001, "end_rate": 1e-6}),
    (50, 0.1, {"final_steps": 5}),
])
def test_keras_one_cycle_matches_numpy_reference(total, max_rate, kwargs):
    steps = np.arange(0, total + 20)
    schedule = OneCycle(total, max_rate, **kwargs)
    np.testing.assert_allclose(keras_rates(schedule, steps),
                               schedules.one_cycle_rate(steps, total_steps=total,
                                                        max_rate=max_rate, **kwargs),
                               rtol=1e-5, atol=1e-9)


def test_one_cycle_shape_rises_then_falls_linearly():
    total, peak = 1000, 0.05
    rates = schedules.one_cycle_rate(np.arange(total), total_steps=total, max_rate=peak)
    shape = schedules.one_cycle_shape(total, peak)
    h = shape.half_steps
    assert np.argmax(rates) == h and rates[h] == pytest.approx(peak)
    assert np.all(np.diff(rates[:h + 1]) > 0) and np.all(np.diff(rates[h:]) < 0)
    np.testing.assert_allclose(np.diff(rates[:h]), (peak - peak / 10) / h)  # linear naik
    assert rates[0] == pytest.approx(peak / 10) and rates[2 * h] == pytest.approx(peak / 10)
    assert rates[-1] < peak / 100  # langkah terakhir: di bawah 1 % puncak
    end = schedules.one_cycle_rate(total, total_steps=total, max_rate=peak)
    assert float(end) == pytest.approx(peak / 10 / 1000)  # sesudah T langkah: start_rate / 1000


def test_schedule_formulas_reject_bad_arguments():
    with pytest.raises(ValueError, match="step"):
        schedules.power_rate([-1], initial_rate=0.01, decay_steps=10)
    with pytest.raises(ValueError, match="decay_rate"):
        schedules.exponential_rate([1], initial_rate=0.01, decay_steps=10, decay_rate=0)
    with pytest.raises(ValueError, match="naik tegas"):
        schedules.piecewise_rate([1], boundaries=[5, 5], values=[1, 2, 3])
    with pytest.raises(ValueError, match="naik tegas"):
        schedules.piecewise_rate([1], boundaries=[5], values=[1, 2, 3])
    with pytest.raises(TypeError, match="initial_rate"):
        schedules.power_rate([1], initial_rate="0.01", decay_steps=10)


# --- Penghalus dan aturan pencari learning rate ----------------------------------------------

def test_smooth_losses_is_a_centered_mean_with_shrinking_edges():
    rng = np.random.default_rng(1)
    values = rng.normal(size=40)
    window = 7
    expected = []
    for i in range(values.size):
        half = min(i, values.size - 1 - i, window // 2)
        expected.append(values[i - half:i + half + 1].mean())
    np.testing.assert_allclose(schedules.smooth_losses(values, window), expected)


def test_smooth_losses_keeps_lines_in_place():
    line = 3.0 - 0.01 * np.arange(100)  # rata-rata terpusat tidak menggeser garis lurus
    np.testing.assert_allclose(schedules.smooth_losses(line, 21), line)


def test_smooth_losses_rejects_even_window_and_nan():
    with pytest.raises(ValueError, match="ganjil"):
        schedules.smooth_losses([1.0, 2.0], 2)
    with pytest.raises(ValueError, match="berhingga"):
        schedules.smooth_losses([1.0, np.nan], 1)


def finder_curve(bottom, n=400, noise=0.05, seed=0):
    """Kurva pencari sintetis: turun landai, dasar lembah di ``bottom``, lalu naik tajam.

    Dalam x = log10(r / bottom): loss = 1 + 0,5·x² (kiri) dan 1 + 4·x² (kanan).
    """
    rates = np.logspace(-4, 0, n)
    x = np.log10(rates) - np.log10(bottom)
    rng = np.random.default_rng(seed)
    return rates, 1.0 + np.where(x > 0, 4.0, 0.5) * x ** 2 + rng.normal(0, noise, n)


def expected_climb(bottom, climb=0.1):
    """Titik naik analitik kurva tanpa derau: 4·x² = climb·(loss awal − 1)."""
    start = 0.5 * (np.log10(1e-4) - np.log10(bottom)) ** 2
    return bottom * 10 ** np.sqrt(climb * start / 4.0)


@pytest.mark.parametrize("bottom", [0.003, 0.03, 0.1])
def test_suggest_max_rate_finds_where_a_noisy_loss_climbs_again(bottom):
    rates, losses = finder_curve(bottom)
    s = schedules.suggest_max_rate(rates, losses, divisor=1.0, digits=3)
    step = rates[1] / rates[0]  # satu langkah pencari
    assert expected_climb(bottom) / step ** 6 <= s.climb_rate <= expected_climb(bottom) * step ** 6
    assert bottom / step ** 15 <= s.min_rate <= bottom * step ** 15
    assert s.smoothed[s.climb_index] > s.threshold >= s.smoothed[s.climb_index - 1] - 0.02
    assert s.max_rate <= s.climb_rate


def test_suggested_rate_is_the_climb_rate_divided_and_rounded_down():
    rates, losses = finder_curve(0.02, noise=0.0)
    for divisor, digits in ((1.0, 1), (2.0, 1), (10.0, 1), (3.0, 2)):
        s = schedules.suggest_max_rate(rates, losses, divisor=divisor, digits=digits)
        exact = s.climb_rate / divisor
        assert s.max_rate <= exact < s.max_rate + 10 ** (math.floor(math.log10(exact))
                                                         - digits + 1)
        assert float(f"{s.max_rate:.{digits}g}") == s.max_rate  # angka bulat


def test_smoothing_window_spans_the_same_rate_range_for_any_finder_length():
    for n in (100, 313, 1719, 5000):
        rates = np.logspace(-4, 0, n)
        w = schedules.smoothing_window(rates, decades=0.25)
        assert w % 2 == 1
        assert abs(w - 0.25 * n / 4) <= 1.0  # n/4 langkah per dekade
    with pytest.raises(ValueError, match="naik"):
        schedules.smoothing_window([1.0, 0.5])


def test_suggest_max_rate_drops_the_steps_after_the_loss_blew_up():
    rates, losses = finder_curve(0.01)
    losses[380:] = np.nan
    s = schedules.suggest_max_rate(rates, losses)
    assert s.n_dropped == 20 and s.rates.size == s.losses.size == s.smoothed.size == 380
    assert s.climb_index < 380


def test_suggestion_reports_the_loss_at_a_rate_and_where_training_got_worse():
    rates, losses = finder_curve(0.01, noise=0.0)
    s = schedules.suggest_max_rate(rates, losses)
    assert s.loss_at(0.01) == pytest.approx(s.min_loss, abs=0.01)
    assert s.loss_at(s.climb_rate) > s.threshold
    # loss awal (x = −2) = 3; di kanan 1 + 4x² = 3 ⇒ x = √0,5
    assert s.blowup_rate == pytest.approx(0.01 * 10 ** np.sqrt(0.5), rel=0.05)


def test_suggest_max_rate_rejects_bad_curves():
    rates, losses = finder_curve(0.05, n=50)
    with pytest.raises(ValueError, match="sama panjang"):
        schedules.suggest_max_rate(rates, losses[:-1])
    with pytest.raises(ValueError, match="naik tegas"):
        schedules.suggest_max_rate(rates[::-1], losses)
    with pytest.raises(ValueError, match="window=21"):
        schedules.suggest_max_rate(rates[:10], losses[:10], window=21)
    with pytest.raises(ValueError, match="divisor"):
        schedules.suggest_max_rate(rates, losses, divisor=0)
    with pytest.raises(ValueError, match="tidak pernah naik"):
        schedules.suggest_max_rate(rates, -np.log(rates), window=5)  # terus turun


def test_schedule_formulas_are_elementwise_and_keep_empty_steps_empty():
    kwargs = {"initial_rate": 0.01, "decay_steps": 10}
    assert schedules.power_rate([], **kwargs).shape == (0,)
    assert schedules.exponential_rate(np.array([], dtype=int), decay_rate=0.5, **kwargs).size == 0
    assert schedules.one_cycle_rate([], total_steps=100, max_rate=0.1).shape == (0,)
    assert schedules.piecewise_rate([], boundaries=[5], values=[0.1, 0.01]).shape == (0,)
    # decay_rate = 0: power scheduling tanpa peluruhan (laju tetap), seperti InverseTimeDecay
    assert schedules.power_rate([0, 50], decay_rate=0.0, **kwargs).tolist() == [0.01, 0.01]


def test_piecewise_boundaries_must_be_whole_steps_like_keras():
    with pytest.raises(ValueError, match="langkah bulat.*Diterima"):
        schedules.piecewise_rate([1], boundaries=[1.5], values=[0.1, 0.01])
    assert schedules.piecewise_rate([1, 2], boundaries=[1.0], values=[0.1, 0.01]).tolist() \
        == [0.1, 0.01]
