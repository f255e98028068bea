"""Latihan bab 11: deskripsi latihan 8, pencari learning rate, MC dropout, dua percobaan konsep."""

import functools
import math
from types import SimpleNamespace

import keras
import numpy as np
import pytest

from chapter11 import exercises as ex
from chapter11.experiments import DataSpec, Experiment, ModelSpec, Phase, callback, run
from chapter11.models import build_deep_mlp
from chapter11.runtime import Budget

FAST, FULL = Budget("fast"), Budget("full")


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CHAPTER11_CACHE_DIR", str(tmp_path))
    return tmp_path


@functools.lru_cache(maxsize=None)
def built(part):
    """Model 20 × 100 satu bagian latihan (dibangun sekali; tes hanya membacanya)."""
    kwargs = ex.deep_model(part).kwargs.to_dict()
    return build_deep_mlp(**kwargs, seed=0)


@pytest.mark.parametrize("part", ex.PARTS)
def test_every_part_is_twenty_hidden_layers_of_100_units(part):
    dense = [layer for layer in built(part).layers if isinstance(layer, keras.layers.Dense)]
    assert [layer.units for layer in dense] == [100] * 20 + [10]


def test_parts_change_one_thing_at_a_time_as_in_geron():
    kinds = {part: [type(layer).__name__ for layer in built(part).layers] for part in ex.PARTS}
    assert kinds["b"].count("BatchNormalization") == 0
    assert kinds["c"].count("BatchNormalization") == 20          # BN sebelum setiap aktivasi
    assert "AlphaDropout" not in kinds["d"]
    assert kinds["e"].count("AlphaDropout") == 1 and kinds["e"][-2] == "AlphaDropout"
    assert kinds["f"] == kinds["e"]                               # f = model e, jadwal lain
    config = {p: ex.deep_model(p).kwargs for p in ex.PARTS}
    assert config["b"]["activation"] == "swish" and config["b"]["kernel_initializer"] == "he_normal"
    assert "batch_norm_momentum" not in config["c"]   # bawaan Keras 0,99, seperti Géron
    assert config["d"]["activation"] == "selu"
    assert config["d"]["kernel_initializer"] == "lecun_normal"


def test_selu_parts_standardize_the_inputs_and_the_others_do_not():
    scaling = {p: ex.deep_experiment(p, FAST, max_rate=0.05 if p == "f" else None).data.scaling
               for p in ex.PARTS}
    assert scaling == {"b": "unit", "c": "unit", "d": "standardize", "e": "standardize",
                       "f": "standardize"}


def test_parts_b_to_e_use_nadam_with_early_stopping_and_f_uses_one_cycle():
    settings = ex.exercise_settings(FAST)
    for part in "bcde":
        phase = ex.deep_experiment(part, FAST).phases[0]
        assert phase.optimizer == "Nadam" and phase.learning_rate == pytest.approx(1e-3)
        assert phase.callbacks == (callback("EarlyStopping", patience=settings.patience,
                                            restore_best_weights=True),)
    phase = ex.deep_experiment("f", FAST, max_rate=0.05).phases[0]
    config = phase.learning_rate.to_dict()
    steps = settings.one_cycle_epochs * math.ceil(settings.n_train / settings.one_cycle_batch_size)
    assert phase.optimizer == "SGD" and not phase.callbacks
    assert config["config"]["total_steps"] == steps and config["config"]["max_rate"] == 0.05


def test_fast_budget_lets_bn_moving_averages_catch_up():
    fast, full = ex.exercise_settings(FAST), ex.exercise_settings(FULL)
    steps = fast.max_epochs * math.ceil(fast.n_train / fast.batch_size)
    # Galat relatif rata-rata bergerak ≈ momentum^langkah: 0,99 belum mengejar, 0,9 sudah.
    assert 0.99 ** steps > 0.05 and fast.batch_norm_momentum ** steps < 1e-6
    c = ex.deep_experiment("c", FAST).model.kwargs
    assert c["batch_norm_momentum"] == fast.batch_norm_momentum == 0.9
    assert "batch_norm_momentum" not in ex.deep_experiment("c", FULL).model.kwargs
    assert full.batch_norm_momentum == 0.99
    assert "batch_norm_momentum" not in ex.deep_experiment("b", FAST).model.kwargs


def test_full_budget_follows_geron_solution():
    s = ex.exercise_settings(FULL)
    assert (s.n_train, s.max_epochs, s.patience, s.batch_size) == (None, 100, 20, 32)
    assert (s.one_cycle_epochs, s.one_cycle_batch_size, s.mc_samples) == (15, 128, 10)
    assert s.finder_epochs == 1
    f = ex.deep_experiment("f", FULL, max_rate=0.05, dataset="cifar10")
    assert f.data.dataset == "cifar10"
    assert f.phases[0].learning_rate["config"]["total_steps"] == 15 * math.ceil(45_000 / 128)


def test_bad_arguments_are_clear_errors():
    with pytest.raises(ValueError, match="max_rate"):
        ex.deep_experiment("f", FAST)
    with pytest.raises(ValueError, match="hanya untuk bagian f"):
        ex.deep_experiment("b", FAST, max_rate=0.1)
    with pytest.raises(ValueError, match="part"):
        ex.deep_experiment("a", FAST)
    with pytest.raises(ValueError, match="dataset"):
        ex.deep_experiment("b", FAST, dataset="mnist")
    with pytest.raises(TypeError, match="Budget"):
        ex.exercise_settings("fast")


def test_lr_finder_grows_the_rate_exponentially_over_one_epoch():
    exp = ex.lr_finder_experiment(FAST, min_rate=1e-4, max_rate=1.0)
    phase = exp.phases[0]
    schedule = keras.optimizers.schedules.deserialize(phase.learning_rate.to_dict())
    settings = ex.exercise_settings(FAST)
    steps = settings.finder_epochs * math.ceil(settings.n_train / phase.batch_size)
    assert phase.epochs == settings.finder_epochs and phase.record_steps
    assert float(schedule(0)) == pytest.approx(1e-4)
    assert float(schedule(steps)) == pytest.approx(1.0, rel=1e-4)
    assert float(schedule(steps // 2)) == pytest.approx(1e-4 * 1e4 ** ((steps // 2) / steps),
                                                        rel=1e-4)


def finder(rates, losses):
    return SimpleNamespace(steps={"learning_rate": tuple(rates), "loss": tuple(losses)})


def test_max_rate_is_half_the_rate_where_the_loss_climbs_back():
    rates = np.geomspace(1e-4, 1, 81)  # 20 titik per dekade
    losses = 1 + (np.log10(rates) + 2) ** 2  # dasar lembah di 10⁻², loss awal 5
    # Tanpa penghalusan (jendela 1): batas = 1 + 0,1 · (5 − 1) = 1,4, dilewati pertama kali
    # sesudah log10 r = −2 + √0,4; puncak = separuh laju itu, dibulatkan ke bawah (1 angka).
    climb = rates[np.flatnonzero((np.log10(rates) > -2 + math.sqrt(0.4)))[0]]
    s = ex.choose_max_rate(finder(rates, losses), decades=0.01)
    assert s.window == 1 and s.min_rate == pytest.approx(1e-2)
    assert s.climb_rate == pytest.approx(climb)
    assert s.max_rate == pytest.approx(0.02)  # 0,0447 / 2 = 0,022… → 0,02
    assert ex.choose_max_rate(finder(rates, losses), decades=0.01, divisor=10).max_rate == (
        pytest.approx(0.004))


def test_divergence_after_the_climb_is_cut_off():
    rates = np.geomspace(1e-3, 1, 31)
    losses = np.concatenate([np.linspace(2.0, 1.0, 20), np.linspace(1.2, 3.0, 5), [np.nan] * 6])
    s = ex.choose_max_rate(finder(rates, losses), decades=0.01)
    assert s.n_dropped == 6 and s.climb_rate == pytest.approx(rates[20])


def test_smoothing_resists_a_single_noisy_step():
    rates = np.geomspace(1e-4, 1, 81)
    losses = np.linspace(2.0, 1.0, 81) + np.where(np.arange(81) > 60, 0.2 * (np.arange(81) - 60), 0)
    noisy = losses.copy()
    noisy[10] = 0.5  # satu batch kebetulan sangat mudah (loss di sekitarnya ≈ 1,9)
    assert ex.choose_max_rate(finder(rates, noisy), decades=0.01).min_rate == rates[10]
    smoothed = ex.choose_max_rate(finder(rates, noisy))  # jendela seperempat dekade: 5 langkah
    assert smoothed.window == 5 and smoothed.min_index > 50


def test_max_rate_needs_recorded_steps_and_a_climb():
    with pytest.raises(ValueError, match="setiap langkah"):
        ex.choose_max_rate(finder([], []))
    with pytest.raises(ValueError, match="climb"):
        ex.choose_max_rate(finder([1e-3, 1e-2], [1.0, 0.5]), climb=0.0)
    with pytest.raises(ValueError, match="decades"):
        ex.choose_max_rate(finder([1e-3, 1e-2], [1.0, 0.5]), decades=0)
    with pytest.raises(ValueError, match="tidak pernah naik"):
        ex.choose_max_rate(finder(np.geomspace(1e-3, 1, 20), np.linspace(2, 1, 20)))


def test_best_epoch_is_the_lowest_validation_loss_with_early_stopping():
    phases = (SimpleNamespace(callbacks=(callback("EarlyStopping", patience=2),)),)
    result = SimpleNamespace(experiment=SimpleNamespace(phases=phases),
                             history={"val_loss": (0.9, 0.5, 0.6, 0.7)})
    assert ex.best_epoch(result) == 2
    result.experiment.phases = (SimpleNamespace(callbacks=()),)
    assert ex.best_epoch(result) == 4


def test_exercise_table_has_one_line_per_row_and_geron_reference():
    rows = [ex.ExerciseRow("c", 0.81234, 8, 5, "Nadam (10⁻³)"),
            ex.ExerciseRow("e_mc", 0.8, 7, 7, "Nadam (10⁻³)")]
    lines = ex.format_exercise_table(rows).splitlines()
    assert len(lines) == 4
    assert lines[2] == ("| (c) | + Batch Normalization | Nadam (10⁻³) | 5 / 8 | 0,8123 | "
                        "0,5074 |")
    assert lines[3].startswith("| (e) + MC |") and "| — |" in lines[3]
    with pytest.raises(TypeError, match="ExerciseRow"):
        ex.format_exercise_table([("b", 0.8)])


def tiny_dropout_experiment(kind="alpha", rate=0.2):
    return Experiment(
        model=ModelSpec("build_deep_mlp", {"depth": 2, "units": 16, "activation": "selu",
                                           "kernel_initializer": "lecun_normal",
                                           "dropout": rate, "dropout_kind": kind,
                                           "dropout_layers": "last"}),
        phases=Phase(epochs=1, optimizer="nadam", learning_rate=1e-3, batch_size=64),
        data=DataSpec(n_train=256, n_valid=128, scaling="standardize"), seed=0)


@pytest.fixture(scope="module")
def dropout_run(tmp_path_factory):
    """Satu pelatihan ``tiny_dropout_experiment()`` di cache-nya sendiri, dibaca dua tes."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CHAPTER11_CACHE_DIR", str(tmp_path_factory.mktemp("dropout-cache")))
        return run(tiny_dropout_experiment())


def test_mc_dropout_is_reproducible_and_equals_plain_accuracy_without_dropout(cache, dropout_run):
    result = dropout_run
    a = ex.mc_dropout_accuracy(result, n_samples=5, seed=3)
    assert a == ex.mc_dropout_accuracy(result, n_samples=5, seed=3)
    assert 0.0 <= a <= 1.0
    # Tanpa dropout setiap lintasan sama, jadi MC dropout = akurasi validasi biasa.
    plain = run(tiny_dropout_experiment(rate=0.0))
    assert ex.mc_dropout_accuracy(plain, n_samples=3) == pytest.approx(
        plain.history["val_accuracy"][-1], abs=1e-6)


def test_exercise_row_reads_the_restored_epoch(dropout_run):
    result = dropout_run
    row = ex.exercise_row("e", result)
    assert row.best_epoch == 1 and row.epochs_run == 1
    assert row.val_accuracy == result.history["val_accuracy"][0]
    assert row.optimizer == "Nadam (10⁻³)"
    assert ex.exercise_row("e_mc", result, val_accuracy=0.5).val_accuracy == 0.5


def test_identical_initial_weights_stay_identical():
    symmetric, he = ex.symmetric_init_spread(steps=16)
    assert symmetric == 0.0   # semua unit tetap kembar: simetri tidak pecah
    assert he > 1e-3


def test_momentum_trajectory_matches_plain_gradient_descent_and_damping():
    # Tanpa momentum: θ_t = (1 − η)^t θ_0.
    path = ex.momentum_trajectory(0.0, learning_rate=0.1, steps=5, start=2.0)
    np.testing.assert_allclose(path, 2.0 * 0.9 ** np.arange(1, 6))
    # Faktor redaman per langkah |λ| = √β: momentum 0,99999 hampir tidak meredam.
    near_one = ex.momentum_trajectory(0.99999, steps=300)
    assert np.max(np.abs(near_one[-60:])) > 0.9
    assert np.max(np.abs(ex.momentum_trajectory(0.9, steps=300)[-60:])) < 1e-5
    with pytest.raises(ValueError, match="momentum"):
        ex.momentum_trajectory(1.0)


def rows_from(acc):
    return [ex.ExerciseRow(p, a, 6, 6, "") for p, a in acc.items()]


def test_geron_conclusions_hold_on_his_own_numbers():
    claims = ex.check_geron_claims(rows_from(ex.GERON_CIFAR10_ACCURACY))
    assert len(claims) == 5 and all(c.holds for c in claims)
    assert all(c.here == pytest.approx(c.geron) for c in claims)
    assert claims[0].geron == pytest.approx(0.5074 - 0.4676)


def test_geron_conclusions_can_fail_here():
    acc = {"b": 0.80, "c": 0.79, "d": 0.83, "e": 0.85, "e_mc": 0.87, "f": 0.86}
    holds = [c.holds for c in ex.check_geron_claims(rows_from(acc))]
    # BN lebih buruk; SELU 4 poin di atas BN; alpha dropout +2 poin; MC +2 poin; f bukan terbaik
    assert holds == [False, False, False, False, False]
    table = ex.format_geron_claims(ex.check_geron_claims(rows_from(acc))).splitlines()
    assert table[2].endswith("| −0,0100 | tidak |")
    with pytest.raises(ValueError, match="e_mc"):
        ex.check_geron_claims(rows_from({k: v for k, v in acc.items() if k != "e_mc"}))


def test_compare_words_follow_the_displayed_digits():
    assert ex.compare_words(0.81, 0.80) == "lebih tinggi daripada"
    assert ex.compare_words(0.80, 0.81) == "lebih rendah daripada"
    assert ex.compare_words(0.80004, 0.79996) == "sama dengan"


def curve(values):
    return SimpleNamespace(label="uji", history={"val_accuracy": tuple(values)})


def test_learning_curve_rings_the_marked_epoch_on_its_own_curve():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from chapter11.plotting import plot_learning_curves

    ax = plot_learning_curves(curve([0.5, 0.8, 0.7]), mark_epoch=3)
    (line,) = ax.get_lines()  # cincinnya bukan garis, jadi tidak menggeser gaya kurva berikutnya
    ring = ax.collections[-1]
    assert ring.get_offsets().tolist() == [[3.0, 0.7]]
    assert ring.get_facecolors().size == 0  # berongga
    assert matplotlib.colors.same_color(ring.get_edgecolors()[0], line.get_color())
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["uji"]  # cincin tanpa legenda
    plot_learning_curves(curve([0.5, 0.6, 0.9]), ax=ax)
    assert ax.get_lines()[1].get_color() != line.get_color()  # kurva kedua: warna berikutnya
    # Beberapa benih: cincin di rata-rata, seperti garisnya.
    ax = plot_learning_curves([curve([0.5, 0.6]), curve([0.7, 0.8])], mark_epoch=1)
    assert ax.collections[-1].get_offsets().tolist() == [[1.0, pytest.approx(0.6)]]
    assert not plot_learning_curves(curve([0.5, 0.6])).collections  # bawaan: tanpa cincin
    plt.close("all")


@pytest.mark.parametrize("bad, error, message", [
    (0, ValueError, "positif"), (4, ValueError, "antara 1 dan 3"), (1.5, TypeError, "bulat"),
    (True, TypeError, "bulat"), ("2", TypeError, "bulat")])
def test_marked_epoch_must_be_an_epoch_of_the_curve(bad, error, message):
    from chapter11.plotting import plot_learning_curves

    with pytest.raises(error, match=f"mark_epoch.*{message}|{message}.*mark_epoch"):
        plot_learning_curves(curve([0.5, 0.8, 0.7]), mark_epoch=bad)
