"""Tes deskripsi eksperimen halaman *gradient clipping* dan ringkasan penyimpangannya."""

import math
from types import SimpleNamespace

import pytest

from chapter11.baselines import base_model
from chapter11.clipping_experiments import (
    CLIPPING_SEEDS, LARGE_RATE, divergence_experiment, diverged, smoothed_loss,
    summarize_divergence,
)
from chapter11.runtime import Budget

NAN = float("nan")


def test_descriptions_differ_only_where_they_should():
    fast, full = Budget("fast"), Budget("full")
    plain = divergence_experiment(fast, seed=1)
    clipped = divergence_experiment(fast, clipnorm=1.0, seed=1)
    assert plain.model == clipped.model and plain.data == clipped.data
    assert "clipnorm" not in plain.phases[0].optimizer_config or \
        plain.phases[0].optimizer_config["clipnorm"] is None
    assert clipped.phases[0].optimizer_config["clipnorm"] == 1.0
    assert plain.phases[0].optimizer_config["momentum"] == 0.9
    assert plain.model == base_model() and plain.phases[0].learning_rate == LARGE_RATE == 0.3
    assert divergence_experiment(full).data.n_train is None
    assert divergence_experiment(full).phases[0].epochs == plain.phases[0].epochs
    assert len(CLIPPING_SEEDS) >= 4
    with pytest.raises(ValueError, match="positif"):
        divergence_experiment(fast, clipnorm=0.0)
    with pytest.raises(TypeError, match="Budget"):
        divergence_experiment("fast")


def fake(seed, step_losses, epoch_losses, val=0.5, test=0.5):
    return SimpleNamespace(label="uji", experiment=SimpleNamespace(seed=seed),
                           steps={"loss": tuple(step_losses)},
                           history={"loss": tuple(epoch_losses), "val_accuracy": (val,)},
                           test={"accuracy": test})


def test_divergence_means_nonfinite_or_no_better_than_guessing():
    assert diverged(fake(0, [2.3, NAN], [NAN]))
    assert diverged(fake(0, [2.3, math.inf], [5.0]))
    assert diverged(fake(0, [2.3, 2.31], [math.log(10) + 0.01]))
    assert not diverged(fake(0, [2.3, 1.0], [1.2]))
    assert diverged(fake(0, [0.8], [0.75]), n_classes=2)   # ln 2 ≈ 0,69


def test_summary_counts():
    runs = [fake(0, [2.3, NAN, NAN], [NAN], 0.1), fake(1, [2.3, 2.0, 1.5], [1.7], 0.6),
            fake(2, [2.3, 9.0, 2.4], [2.4], 0.1)]
    summary = summarize_divergence(runs, label="x")
    assert (summary.n_runs, summary.n_diverged, summary.n_nonfinite) == (3, 2, 1)
    assert summary.first_bad_step == (2, 0, 0)
    assert summary.seeds == (0, 1, 2) and summary.final_val_accuracies == (0.1, 0.6, 0.1)
    assert summary.max_losses == (2.3, 2.3, 9.0)
    assert math.isnan(summary.best_losses[0])
    assert summary.best_losses[1] == pytest.approx(1.5) and summary.final_losses[2] == 2.4


def test_smoothed_loss_is_a_moving_average():
    r = fake(0, [float(i) for i in range(20)], [1.0])
    assert smoothed_loss(r).tolist() == [0.5 + i for i in range(19)]      # jendela 2 = 20 // 10
    assert smoothed_loss(r, window=5)[0] == pytest.approx(2.0)
    with pytest.raises(ValueError, match="berhingga"):
        smoothed_loss(fake(0, [1.0, NAN], [1.0]))
    with pytest.raises(ValueError, match="paling sedikit satu"):
        summarize_divergence([])
