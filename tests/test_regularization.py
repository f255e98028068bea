"""Tes chapter11.regularization: deskripsi eksperimen, celah, MC dropout, max-norm."""

import numpy as np
import pytest

from chapter11.baselines import comparison_data, constant_baseline
from chapter11.experiments import load_task, run
from chapter11.models import build_mlp
from chapter11.regularization import (DROPOUT_RATE, L2_STRONG, L2_WEAK, MAX_NORM, MCDropout,
                                      l1_config, l2_config, max_norm_config, mc_dropout_predict,
                                      mc_samples, measure_dropout_profile, measure_fit_gap,
                                      measure_kernel_norms, measure_run_gap,
                                      regularization_experiments, regularized_experiment,
                                      with_mc_dropout)
from chapter11.runtime import Budget, quiet_tensorflow
from chapter11.layer_stats import measure_layer_stats

keras = quiet_tensorflow()


@pytest.fixture()
def batch():
    rng = np.random.default_rng(0)
    return rng.uniform(size=(64, 28, 28)).astype("float32"), np.arange(64) % 10


# --- Deskripsi eksperimen ------------------------------------------------------------------------


@pytest.mark.parametrize("budget", [Budget("fast"), Budget("full")])
def test_experiments_share_data_optimizer_and_seed_with_the_baseline(budget):
    exps = regularization_experiments(budget, seed=3)
    baseline = constant_baseline(budget, seed=3)
    assert list(exps)[0] == "Tanpa regularisasi" and exps["Tanpa regularisasi"] == baseline
    assert len(exps) == 5 and len(set(exps.values())) == 5
    for exp in exps.values():
        assert exp.data == comparison_data(budget) and exp.seed == 3
        assert exp.phases == baseline.phases
        assert exp.label in exps
    kwargs = [dict(exp.model.kwargs) for exp in exps.values()]
    assert kwargs[1]["kernel_regularizer"] == l2_config(L2_WEAK)
    assert kwargs[2]["kernel_regularizer"] == l2_config(L2_STRONG)
    assert kwargs[3]["dropout"] == DROPOUT_RATE
    assert kwargs[4]["kernel_constraint"] == max_norm_config(MAX_NORM)
    for extra in kwargs[1:]:   # setiap varian = model pembanding + satu argumen
        assert {k: v for k, v in extra.items() if k in kwargs[0]} == kwargs[0]
        assert len(set(extra) - set(kwargs[0])) == 1


def test_regularized_experiment_without_regularizer_is_the_baseline():
    assert regularized_experiment(Budget("fast")) == constant_baseline(Budget("fast"))


def test_mc_samples_follow_the_budget():
    assert mc_samples(Budget("fast")) < mc_samples(Budget("full")) == 100


def test_configs_build_keras_objects_that_compute_the_penalty():
    w = np.array([[1.0, -2.0], [0.5, 0.0]], dtype="float32")
    l2 = keras.regularizers.get(l2_config(0.1))
    l1 = keras.regularizers.get(l1_config(0.1))
    assert float(l2(w)) == pytest.approx(0.1 * np.sum(w ** 2))
    assert float(l1(w)) == pytest.approx(0.1 * np.sum(np.abs(w)))
    capped = keras.constraints.get(max_norm_config(1.0))(w).numpy()
    assert np.linalg.norm(capped, axis=0).max() <= 1.0 + 1e-6


@pytest.mark.parametrize("call, error, match", [
    (lambda: l2_config(-1.0), ValueError, "paling kecil 0"),
    (lambda: l1_config("a"), TypeError, "bilangan real"),
    (lambda: max_norm_config(0.0), ValueError, "positif"),
    (lambda: max_norm_config(1.0, axis=0.5), TypeError, "bilangan bulat"),
])
def test_configs_reject_bad_values(call, error, match):
    with pytest.raises(error, match=match):
        call()


# --- Celah latih–validasi ---


def test_fit_gap_excludes_the_penalty_and_matches_keras_evaluate(batch):
    x, y = batch
    model = build_mlp((16,), seed=0, kernel_regularizer=l2_config(0.05))
    model.compile(loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    loss, accuracy = model.evaluate(x, y, verbose=0)
    penalty = float(sum(model.losses))
    gap = measure_fit_gap(model, x, y, x[:32], y[:32], label="uji", fit_accuracy=0.5)
    assert gap.train_accuracy == pytest.approx(accuracy)
    assert gap.train_loss == pytest.approx(loss - penalty, rel=1e-4)
    assert gap.label == "uji" and gap.fit_accuracy == 0.5
    assert gap.accuracy_gap == pytest.approx(gap.train_accuracy - gap.valid_accuracy)


def test_fit_gap_runs_in_inference_mode(batch):
    x, y = batch
    model = build_mlp((16,), seed=0, dropout=0.5)
    first, second = (measure_fit_gap(model, x, y, x, y) for _ in range(2))
    assert first == second   # dropout tidak aktif: hasil tetap


def test_run_gap_uses_the_run_model_and_rejects_other_data(tmp_path, monkeypatch):
    monkeypatch.setenv("CHAPTER11_CACHE_DIR", str(tmp_path))
    from chapter11.experiments import DataSpec, Experiment, ModelSpec, Phase

    exp = Experiment(model=ModelSpec("build_mlp", {"hidden_units": [16], "dropout": 0.2}),
                     phases=Phase(epochs=1, batch_size=64), data=DataSpec(n_train=256,
                                                                          n_valid=128),
                     seed=0, label="mini")
    result = run(exp)
    task = load_task(exp.data)
    gap = measure_run_gap(result, task)
    assert gap.fit_accuracy == result.history["accuracy"][-1]
    assert gap.valid_accuracy == pytest.approx(result.history["val_accuracy"][-1], abs=1e-6)
    assert measure_run_gap(result) == gap
    with pytest.raises(ValueError, match="data eksperimen"):
        measure_run_gap(result, load_task(DataSpec(n_train=128, n_valid=128)))


# --- Monte Carlo dropout -------------------------------------------------------------------------


def test_mc_dropout_layer_is_active_in_inference(batch):
    x, _ = batch
    layer = MCDropout(0.5, seed=0)
    a, b = layer(x[:4], training=False).numpy(), layer(x[:4]).numpy()
    assert not np.allclose(a, b) and set(np.unique(a[a != 0] / x[:4][a != 0]).round(4)) == {2.0}


def test_mc_predict_is_stochastic_normalized_and_reproducible_after_loading(batch, tmp_path):
    x, _ = batch
    model = build_mlp((32,), seed=0, dropout=0.3)
    from chapter11.experiments.training import load_model, save_model

    path = tmp_path / "m.keras"
    save_model(model, path)
    first = mc_dropout_predict(load_model(path), x, n_samples=8)
    again = mc_dropout_predict(load_model(path), x, n_samples=8)
    np.testing.assert_array_equal(first.mean, again.mean)
    np.testing.assert_allclose(first.mean.sum(axis=1), 1.0, atol=1e-5)
    assert first.std.min() >= 0 and first.std.max() > 0 and first.n_samples == 8
    single = mc_dropout_predict(model, x, n_samples=1)
    assert single.std.max() == 0


def test_mc_predict_with_vanishing_rate_equals_inference(batch):
    x, _ = batch
    model = build_mlp((32,), seed=0, dropout=1e-7)
    report = mc_dropout_predict(model, x, n_samples=3)
    np.testing.assert_allclose(report.mean, model.predict(x, verbose=0), atol=1e-5)
    assert report.predicted.shape == (64,) and report.entropy.shape == (64,)
    np.testing.assert_allclose(report.predicted_std, 0, atol=1e-5)


def test_bn_models_need_mc_layers_and_then_keep_bn_in_inference_mode(batch):
    x, _ = batch
    model = build_mlp((32,), seed=0, batch_norm="after", dropout=1e-7)
    with pytest.raises(ValueError, match="BatchNormalization"):
        mc_dropout_predict(model, x, n_samples=2)
    converted = with_mc_dropout(model)
    assert sum(isinstance(layer, MCDropout) for layer in converted.layers) == 2
    report = mc_dropout_predict(converted, x[:1], n_samples=2)
    np.testing.assert_allclose(report.mean, model.predict(x[:1], verbose=0), atol=1e-5)
    batch_of_one = model(x[:1], training=True).numpy()          # BN dengan statistik 1 gambar
    np.testing.assert_allclose(batch_of_one, model(x[1:2], training=True).numpy(), atol=1e-6)


def test_mc_predict_and_conversion_reject_models_without_dropout(batch):
    x, _ = batch
    plain = build_mlp((8,), seed=0)
    with pytest.raises(ValueError, match="Dropout atau AlphaDropout"):
        mc_dropout_predict(plain, x, n_samples=2)
    with pytest.raises(ValueError, match="Dropout atau AlphaDropout"):
        with_mc_dropout(plain)
    with pytest.raises(TypeError, match="keras.Sequential"):
        with_mc_dropout("model")
    with pytest.raises(ValueError, match="positif"):
        mc_dropout_predict(build_mlp((8,), seed=0, dropout=0.2), x, n_samples=0)


def test_alpha_dropout_is_converted_too():
    model = build_mlp((8,), "selu", "lecun_normal", seed=0, dropout=0.1, dropout_kind="alpha")
    names = [type(layer).__name__ for layer in with_mc_dropout(model).layers]
    assert names.count("MCAlphaDropout") == 2


# --- Max-norm dan dropout alfa -------------------------------------------------------------------


def test_kernel_norms_are_column_norms_of_hidden_kernels():
    model = build_mlp((12, 7), seed=0)
    report = measure_kernel_norms(model, label="x")
    kernels = [layer.kernel.numpy() for layer in model.layers
               if isinstance(layer, keras.layers.Dense)][:-1]
    assert report.layer_names == ("dense_1", "dense_2") and report.max_value is None
    for norms, kernel in zip(report.norms, kernels):
        np.testing.assert_allclose(norms, np.sqrt((kernel.astype(float) ** 2).sum(axis=0)),
                                   rtol=1e-6)
    assert report.all_norms.shape == (19,)


def test_max_norm_caps_every_unit_after_training(batch):
    x, y = batch
    model = build_mlp((32, 32), seed=0, kernel_constraint=max_norm_config(0.5))
    assert measure_kernel_norms(model).all_norms.min() > 0.5   # He: ≈ √2 sebelum pelatihan
    model.compile(loss="sparse_categorical_crossentropy", optimizer="sgd")
    model.fit(x, y, epochs=1, batch_size=16, verbose=0)
    report = measure_kernel_norms(model)
    assert report.max_value == 0.5 and report.all_norms.max() <= 0.5 + 1e-5


def test_profile_in_inference_mode_matches_the_depth_profile(batch):
    x, _ = batch
    model = build_mlp((32,) * 4, "selu", "lecun_normal", seed=0, dropout=0.3,
                      dropout_layers="hidden")
    ours = measure_dropout_profile(model, x, training=False)
    reference = measure_layer_stats(model, x)
    np.testing.assert_allclose(ours.stds, reference.stds, rtol=1e-5)
    np.testing.assert_allclose(ours.means, reference.means, atol=1e-6)


def test_alpha_dropout_keeps_selu_normalized_and_plain_dropout_does_not():
    x = np.random.default_rng(0).standard_normal((1000, 28, 28)).astype("float32")

    def last_std(kind):
        model = build_mlp((100,) * 10, "selu", "lecun_normal", seed=0, dropout=0.2,
                          dropout_kind=kind, dropout_layers="hidden")
        return measure_dropout_profile(model, x).stds[-1]

    assert abs(last_std("alpha") - 1) < 0.1 and last_std("dropout") > 1.2


def test_profile_rejects_models_without_hidden_layers(batch):
    x, _ = batch
    single = keras.Sequential([keras.Input((28, 28)), keras.layers.Flatten(),
                               keras.layers.Dense(10)])
    with pytest.raises(ValueError, match="tersembunyi"):
        measure_dropout_profile(single, x)
    with pytest.raises(ValueError, match="tersembunyi"):
        measure_kernel_norms(single)
    with pytest.raises(TypeError, match="True atau False|bool"):
        measure_dropout_profile(build_mlp((8,), seed=0), x, training="ya")


def test_dropout_profile_is_drawn_like_layer_stats(batch):
    import matplotlib.pyplot as plt

    from chapter11.plotting import plot_layer_stats

    x, _ = batch
    model = build_mlp((32,) * 3, "selu", "lecun_normal", seed=0, dropout=0.2,
                      dropout_kind="alpha", dropout_layers="hidden")
    profile = measure_dropout_profile(model, x, label="alfa")
    for stat, values in (("std", profile.stds), ("mean", profile.means)):
        ax = plot_layer_stats(profile, stat=stat)
        np.testing.assert_allclose(ax.get_lines()[0].get_ydata(), values)
        plt.close(ax.figure)
    with pytest.raises(TypeError, match="saturated"):
        plot_layer_stats(profile, stat="saturated")


def test_mc_dropout_arguments_are_checked_and_config_round_trips():
    layer = MCDropout(0.3, noise_shape=[None, 1], seed=7)
    again = MCDropout.from_config(layer.get_config())
    assert (again.rate, again.seed) == (0.3, 7)
    for kwargs, error in (({"rate": 1.0}, ValueError), ({"rate": float("nan")}, ValueError),
                          ({"rate": 0.2, "seed": -1}, ValueError),
                          ({"rate": 0.2, "noise_shape": (0,)}, TypeError)):
        with pytest.raises(error, match="Diterima"):
            MCDropout(**kwargs)


def test_fit_gap_names_the_bad_labels():
    x = np.random.default_rng(0).uniform(size=(16, 28, 28)).astype("float32")
    y = np.arange(16) % 10
    model = build_mlp((8,), seed=0)
    with pytest.raises(ValueError, match="`y_valid`.*Diterima"):
        measure_fit_gap(model, x, y, x, y + 10)             # label 10–19 untuk 10 kelas
    with pytest.raises(ValueError, match="`x_train`.*Diterima"):
        measure_fit_gap(model, np.full_like(x, np.nan), y, x, y)
