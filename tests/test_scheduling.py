"""Tes deskripsi eksperimen halaman penjadwalan learning rate (chapter11.scheduling)."""

import math
from types import SimpleNamespace

import keras
import numpy as np
import pytest

from chapter11 import schedules, scheduling
from chapter11.baselines import constant_baseline
from chapter11.keras_schedules import OneCycle
from chapter11.runtime import Budget

FAST, FULL = Budget("fast"), Budget("full")


def rates_of(schedule, steps):
    return keras.ops.convert_to_numpy(schedule(np.asarray(steps))).astype(float)


def schedule_of(exp):
    return keras.optimizers.schedules.deserialize(exp.phases[0].learning_rate.to_dict())


@pytest.mark.parametrize("budget, n, per_epoch", [(FAST, 10_000, 313), (FULL, 55_000, 1_719)])
def test_steps_follow_the_comparison_data(budget, n, per_epoch):
    assert scheduling.train_size(budget) == n
    assert scheduling.steps_per_epoch(budget) == per_epoch == math.ceil(n / 32)
    assert scheduling.total_steps(budget) == 10 * per_epoch


@pytest.mark.parametrize("budget", [FAST, FULL])
def test_fixed_schedules_have_the_same_shape_under_both_budgets(budget):
    T = scheduling.total_steps(budget)
    E = 10
    S = scheduling.steps_per_epoch(budget)
    power = rates_of(scheduling.power_schedule(budget), [0, T // 2, 2 * (T // 2)])
    np.testing.assert_allclose(power, [0.01, 0.005, 0.01 / 3], rtol=1e-5)
    exponential = rates_of(scheduling.exponential_schedule(budget), [0, T // 2, T])
    np.testing.assert_allclose(exponential, [0.01, 0.01 * 0.1 ** 0.5, 0.001], rtol=1e-5)
    stairs = rates_of(scheduling.staircase_schedule(budget), np.arange(T))
    per_epoch = stairs.reshape(E, S)
    np.testing.assert_allclose(per_epoch, np.repeat(per_epoch[:, :1], S, axis=1),
                               rtol=2.5e-7)  # tetap di dalam setiap epoch (sampai 1 ulp)
    np.testing.assert_allclose(per_epoch[:, 0], 0.01 * 0.1 ** (np.arange(E) / E), rtol=1e-5)
    piecewise = rates_of(scheduling.piecewise_schedule(budget), np.arange(T))
    values, first = np.unique(np.round(piecewise, 8), return_index=True)
    assert sorted(values) == [0.001, 0.005, 0.01]  # kedua batas tercapai sebelum langkah T
    assert sorted(first)[1] / T == pytest.approx(0.5, abs=1e-3)
    assert sorted(first)[2] / T == pytest.approx(0.8, abs=1e-3)


def test_every_experiment_shares_model_data_and_optimizer_with_the_constant_baseline():
    exps = scheduling.schedule_experiments(FAST, max_rate=0.02)
    baseline = constant_baseline(FAST)
    assert tuple(exps) == scheduling.SCHEDULE_LABELS
    assert exps["laju tetap"] == baseline
    assert len(set(exps.values())) == len(exps)  # tujuh pelatihan berbeda
    for label, exp in exps.items():
        assert exp.label == label
        assert (exp.model, exp.data, exp.seed) == (baseline.model, baseline.data, baseline.seed)
        phase = exp.phases[0]
        assert (phase.optimizer, phase.batch_size, phase.epochs) == ("SGD", 32, 10)
        assert phase.optimizer_config == baseline.phases[0].optimizer_config  # momentum 0,9
        # Laju setiap langkah tercatat dari jadwalnya; loss per langkah tidak diperlukan, jadi
        # pelatihan ini boleh menjalankan banyak langkah per panggilan.
        assert not phase.record_steps
    assert scheduling.schedule_experiments(FAST, seed=3, max_rate=0.02)["1cycle"] == \
        exps["1cycle"].with_seed(3)


def test_plateau_experiment_cuts_the_rate_on_the_validation_loss():
    exp = scheduling.plateau_experiment(FAST)
    (cb,) = exp.phases[0].callbacks
    assert cb["class_name"] == "ReduceLROnPlateau"
    assert cb["config"] == {"monitor": "val_loss", "factor": 0.5, "patience": 1}
    assert exp.phases[0].learning_rate == 0.01


def test_one_cycle_experiment_spans_the_whole_training():
    exp = scheduling.one_cycle_experiment(FAST, max_rate=0.02)
    schedule = schedule_of(exp)
    assert isinstance(schedule, OneCycle)
    T = scheduling.total_steps(FAST)
    np.testing.assert_allclose(rates_of(schedule, np.arange(T)),
                               schedules.one_cycle_rate(np.arange(T), total_steps=T,
                                                        max_rate=0.02), rtol=1e-5, atol=1e-9)


def test_finder_grows_the_rate_exponentially_over_one_epoch():
    exp = scheduling.lr_finder_experiment(FULL, min_rate=1e-5, max_rate=10.0)
    S = scheduling.steps_per_epoch(FULL)
    assert exp.phases[0].epochs == 1 and exp.phases[0].record_steps
    np.testing.assert_allclose(rates_of(schedule_of(exp), np.arange(S)),
                               schedules.exponential_rates(1e-5, 10.0, S), rtol=1e-5)
    with pytest.raises(ValueError, match="max_rate"):
        scheduling.lr_finder_experiment(FAST, min_rate=1.0, max_rate=0.5)
    plain = scheduling.lr_finder_experiment(FAST, momentum=0.0)
    assert plain.phases[0].optimizer_config["momentum"] == 0.0
    assert plain != scheduling.lr_finder_experiment(FAST)
    with pytest.raises(ValueError, match="momentum"):
        scheduling.lr_finder_experiment(FAST, momentum=1.5)


def test_functions_reject_something_that_is_not_a_budget():
    with pytest.raises(TypeError, match="Budget"):
        scheduling.total_steps("fast")
    with pytest.raises(TypeError, match="Budget"):
        scheduling.schedule_experiments(None, max_rate=0.02)


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CHAPTER11_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_one_cycle_peak_comes_from_the_finder_run_by_the_written_rule(cache):
    from chapter11.experiments import run

    suggestion = scheduling.suggest_one_cycle_rate(FAST)
    finder = run(scheduling.lr_finder_experiment(FAST))
    S = scheduling.steps_per_epoch(FAST)
    assert len(finder.steps["loss"]) == len(finder.steps["learning_rate"]) == S
    np.testing.assert_allclose(finder.steps["learning_rate"],
                               schedules.exponential_rates(1e-4, 1.0, S), rtol=1e-5)
    # Aturan: jendela seperempat dekade (313 langkah / 4 dekade ⇒ 19 langkah), titik naik,
    # dibagi ONE_CYCLE_DIVISOR, dibulatkan ke bawah.
    assert suggestion.window == 19
    smoothed = schedules.smooth_losses(finder.steps["loss"][:suggestion.rates.size], 19)
    low = int(np.argmin(smoothed))
    threshold = smoothed[low] + 0.1 * (smoothed[0] - smoothed[low])
    rise = low + int(np.argmax(smoothed[low:] > threshold))
    assert (suggestion.min_index, suggestion.climb_index) == (low, rise)
    exact = suggestion.rates[rise] / scheduling.ONE_CYCLE_DIVISOR
    assert suggestion.max_rate <= exact < 2 * suggestion.max_rate
    assert scheduling.one_cycle_experiment(FAST) == \
        scheduling.one_cycle_experiment(FAST, max_rate=suggestion.max_rate)


def test_rate_drops_and_formatting_helpers():
    r = SimpleNamespace(history={"learning_rate": (0.01, 0.01, 0.005, 0.005, 0.0025),
                                 "val_accuracy": (0.8, 0.82, 0.81, 0.83, 0.84)},
                        steps={})
    assert scheduling.rate_drops(r) == [3, 5]
    table = scheduling.format_schedule_table({"kinerja": r}).splitlines()
    assert table[2] == "| kinerja | 0,01 | 0,0025 | 0,8400 | 0,8400 (5) |"
    assert scheduling.format_epoch_list([7]) == "7"
    assert scheduling.format_epoch_list([3, 7, 9]) == "3, 7, dan 9"
    with pytest.raises(ValueError, match="kosong"):
        scheduling.format_epoch_list([])
