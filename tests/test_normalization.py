"""Uji chapter11.normalization terhadap keras.layers.BatchNormalization, rumus, dan sifat BN."""

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from chapter11 import normalization as bn  # noqa: E402
from chapter11.models import build_deep_mlp, build_mlp  # noqa: E402
from chapter11.runtime import quiet_tensorflow  # noqa: E402

keras = quiet_tensorflow()


def _random_state(rng, n):
    return (rng.normal(1.0, 0.3, n), rng.normal(0.0, 0.5, n),      # γ, β
            rng.normal(0.0, 1.0, n), rng.uniform(0.2, 3.0, n))     # μ̂, σ̂²


def _keras_layer(state, *, momentum=0.99, epsilon=1e-3):
    layer = keras.layers.BatchNormalization(momentum=momentum, epsilon=epsilon)
    layer.build((None, len(state[0])))
    layer.set_weights([np.asarray(s, np.float32) for s in state])
    return layer


def test_defaults_match_keras_3():
    layer = keras.layers.BatchNormalization()
    assert layer.momentum == 0.99 and layer.epsilon == 1e-3
    import inspect

    params = inspect.signature(bn.batch_norm_train).parameters
    assert params["momentum"].default == layer.momentum
    assert params["epsilon"].default == layer.epsilon
    assert inspect.signature(bn.batch_norm_inference).parameters["epsilon"].default == 1e-3


@pytest.mark.parametrize("momentum,epsilon", [(0.99, 1e-3), (0.9, 1e-5), (0.5, 0.1)])
@pytest.mark.parametrize("batch", [2, 7, 64])
def test_training_mode_matches_keras_including_moving_average(momentum, epsilon, batch):
    rng = np.random.default_rng(batch)
    x = rng.normal(3.0, 2.0, (batch, 5)).astype(np.float32)
    state = _random_state(rng, 5)
    layer = _keras_layer(state, momentum=momentum, epsilon=epsilon)
    keras_out = layer(x, training=True).numpy()
    out, mean, var = bn.batch_norm_train(x.astype(np.float64), *state, momentum=momentum,
                                         epsilon=epsilon)
    np.testing.assert_allclose(keras_out, out, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(layer.moving_mean.numpy(), mean, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(layer.moving_variance.numpy(), var, rtol=1e-5, atol=1e-6)


def test_inference_mode_matches_keras_and_ignores_batch_statistics():
    rng = np.random.default_rng(1)
    x = rng.normal(-1.0, 4.0, (16, 6)).astype(np.float32)
    state = _random_state(rng, 6)
    layer = _keras_layer(state)
    expected = bn.batch_norm_inference(x.astype(np.float64), *state)
    np.testing.assert_allclose(layer(x, training=False).numpy(), expected, rtol=1e-4, atol=1e-5)
    # Satu contoh sendirian memberi keluaran yang sama seperti di dalam batch.
    np.testing.assert_allclose(bn.batch_norm_inference(x[:1], *state), expected[:1], rtol=1e-6)
    # Tidak ada yang berubah di rata-rata bergerak.
    np.testing.assert_allclose(layer.moving_mean.numpy(), state[2], rtol=1e-6)


def test_moving_average_after_several_training_calls_matches_recursion():
    rng = np.random.default_rng(2)
    layer = keras.layers.BatchNormalization()
    mean, var = np.zeros(3), np.ones(3)
    for _ in range(5):
        x = rng.normal(5.0, 2.0, (32, 3)).astype(np.float32)
        layer(x, training=True)
        _, mean, var = bn.batch_norm_train(x.astype(np.float64), np.ones(3), np.zeros(3),
                                           mean, var)
    np.testing.assert_allclose(layer.moving_mean.numpy(), mean, rtol=1e-5)
    np.testing.assert_allclose(layer.moving_variance.numpy(), var, rtol=1e-5)
    # Rumus tertutup: μ̂_5 = (1 − 0,99) Σ 0,99^(5−k) μ_k, jadi jauh di bawah rata-rata data.
    assert np.all(mean < 0.06 * 5.0 + 0.1)


def test_training_output_is_standardized_then_scaled_and_shifted():
    rng = np.random.default_rng(3)
    x = rng.normal(10.0, 3.0, (500, 4))
    gamma, beta = np.array([1.0, 2.0, 0.5, 3.0]), np.array([0.0, -1.0, 4.0, 2.0])
    out, _, _ = bn.batch_norm_train(x, gamma, beta, np.zeros(4), np.ones(4), epsilon=0.0)
    np.testing.assert_allclose(out.mean(axis=0), beta, atol=1e-10)
    np.testing.assert_allclose(out.std(axis=0), gamma, rtol=1e-10)


def test_batch_of_one_loses_all_information():
    x = np.array([[0.3, 7.0, -2.0]])
    out, _, var_state = bn.batch_norm_train(x, np.full(3, 2.0), np.array([1.0, 2.0, 3.0]),
                                            np.zeros(3), np.ones(3))
    np.testing.assert_allclose(out, [[1.0, 2.0, 3.0]])   # x̂ = 0, keluaran = β
    np.testing.assert_allclose(var_state, 0.99)          # variansi batch 0


@pytest.mark.parametrize("with_bias", [True, False])
def test_fold_batch_norm_equals_dense_followed_by_bn(with_bias):
    rng = np.random.default_rng(4)
    x = rng.normal(size=(20, 8)).astype(np.float32)
    dense = keras.layers.Dense(5, use_bias=with_bias)
    dense.build((None, 8))
    if with_bias:
        dense.bias.assign(rng.normal(size=5).astype(np.float32))
    state = _random_state(rng, 5)
    layer = _keras_layer(state)
    kernel, bias = bn.fold_batch_norm(dense.kernel.numpy(),
                                      dense.bias.numpy() if with_bias else None, *state)
    expected = layer(dense(x), training=False).numpy()
    np.testing.assert_allclose(x @ kernel + bias, expected, rtol=1e-4, atol=1e-5)


def test_compare_with_keras_reports_rounding_level_differences():
    rng = np.random.default_rng(5)
    layer = _keras_layer(_random_state(rng, 10))
    report = bn.compare_with_keras(layer, rng.random((64, 10)))
    assert report.max < 1e-4
    assert report.max == max(report.train_output, report.moving_mean, report.moving_variance,
                             report.inference_output)


@pytest.mark.parametrize("placement", ["after", "before"])
def test_parameter_counts_follow_four_times_units_per_bn_layer(placement):
    units = (300, 100)
    model = build_mlp(units, "elu", "he_normal", batch_norm=placement, input_batch_norm=True)
    p = bn.count_parameters(model, label=placement)
    for name, width in zip(("bn_input", "bn_1", "bn_2"), (784, *units)):
        i = p.layer_names.index(name)
        assert (p.trainable[i], p.non_trainable[i]) == (2 * width, 2 * width)   # γ, β | μ̂, σ̂²
        assert p.trainable[i] + p.non_trainable[i] == 4 * width
    bias = placement == "after"
    dense = 784 * 300 + 300 * 100 + (300 + 100 if bias else 0) + 100 * 10 + 10
    assert p.of_type("Dense") == (dense, 0)
    assert p.total == model.count_params() == dense + 4 * (784 + 300 + 100)
    assert p.total_non_trainable == 2 * (784 + 300 + 100)
    assert ("Activation" in p.layer_types) == (placement == "before")
    assert p.of_type("Activation") == (0, 0)


def test_parameter_counts_for_geron_model_and_table():
    model = build_mlp((300, 100), "elu", "he_normal", batch_norm="after", input_batch_norm=True)
    p = bn.count_parameters(model)
    assert (p.total, p.total_trainable, p.total_non_trainable) == (271_346, 268_978, 2_368)
    table = bn.format_parameter_table(p).splitlines()
    assert len(table) == 2 + len(model.layers) + 1
    assert table[-1] == "| **Jumlah** | | **268.978** | **2.368** |"
    assert "| `bn_input` | `BatchNormalization` | 1.568 | 1.568 |" in table


def test_measure_bn_modes_follows_momentum_power_when_every_batch_equals_population():
    # Semua baris sama: statistik setiap batch = statistik populasi (variansi 0), tanpa derau.
    row = np.linspace(0.1, 0.9, 12, dtype=np.float32)
    x = np.tile(row, (64, 1))
    report = bn.measure_bn_modes(x, momentum=0.9, batch_size=8, steps=20, probe_size=16, seed=0)
    expected = 0.9 ** np.arange(1, 21)
    np.testing.assert_allclose(report.mean_error, expected, rtol=1e-4)
    np.testing.assert_allclose(report.variance_error, expected, rtol=1e-4)
    np.testing.assert_allclose(report.inference_initial, np.tile(row, 16) / np.sqrt(1.001),
                               rtol=1e-5)
    assert np.all(np.diff(report.output_gap) < 0)
    assert report.train_output.shape == report.inference_final.shape == (16 * 12,)


def test_measure_bn_modes_validates_arguments():
    x = np.zeros((10, 4), np.float32)
    with pytest.raises(ValueError, match="Argumen `x` harus memuat"):
        bn.measure_bn_modes(x, batch_size=32, probe_size=4)
    with pytest.raises(ValueError, match="momentum"):
        bn.measure_bn_modes(x, momentum=1.5, batch_size=2, probe_size=2)
    with pytest.raises(ValueError, match="steps"):
        bn.measure_bn_modes(x, steps=0, batch_size=2, probe_size=2)


def _small_bn_model(seed=0):
    model = build_deep_mlp(2, 16, "relu", "he_normal", seed=seed, batch_norm="after",
                           input_batch_norm=True)
    rng = np.random.default_rng(seed)
    for layer in model.layers:  # rata-rata bergerak yang tidak sepele
        if isinstance(layer, keras.layers.BatchNormalization):
            n = layer.moving_mean.shape[0]
            layer.moving_mean.assign(rng.normal(0, 0.3, n).astype(np.float32))
            layer.moving_variance.assign(rng.uniform(0.5, 2, n).astype(np.float32))
    return model


def test_grouped_forward_equals_keras_training_mode_per_group():
    model = _small_bn_model()
    x = np.random.default_rng(6).random((24, 28, 28), dtype=np.float32)
    saved = model.get_weights()
    expected = np.concatenate([model(x[i:i + 8], training=True).numpy() for i in range(0, 24, 8)])
    model.set_weights(saved)
    np.testing.assert_allclose(bn._forward_grouped(model, x, 8), expected, rtol=1e-4, atol=1e-6)


def test_batch_size_effect_leaves_model_unchanged_and_batch_of_one_is_constant():
    model = _small_bn_model(1)
    rng = np.random.default_rng(7)
    x, y = rng.random((32, 28, 28), dtype=np.float32), rng.integers(0, 10, 32)
    before = [w.copy() for w in model.get_weights()]
    report = bn.measure_batch_size_effect(model, x, y, batch_sizes=(1, 4, 32))
    for old, new in zip(before, model.get_weights()):
        np.testing.assert_array_equal(old, new)
    inference = np.mean(np.argmax(model(x, training=False).numpy(), 1) == y)
    assert report.inference_accuracy == pytest.approx(inference)
    # Batch 1: semua keluaran sama, jadi akurasinya frekuensi satu kelas.
    probs = bn._forward_grouped(model, x, 1)
    np.testing.assert_allclose(probs, np.broadcast_to(probs[0], probs.shape), atol=1e-6)
    assert report.training_mode_accuracy[0] == pytest.approx(np.mean(y == np.argmax(probs[0])))
    with pytest.raises(ValueError, match="tidak lebih pendek"):
        bn.measure_batch_size_effect(model, x, y, batch_sizes=(64,))
    with pytest.raises(ValueError, match="positif"):
        bn.measure_batch_size_effect(model, x, y, batch_sizes=(0,))


def test_moving_average_lag_uses_closed_form_and_restores_statistics():
    model = _small_bn_model(2)
    rng = np.random.default_rng(8)
    x, y = rng.random((64, 28, 28), dtype=np.float32), rng.integers(0, 10, 64)
    before = [w.copy() for w in model.get_weights()]
    report = bn.measure_moving_average_lag(model, x, y, steps=(0, 5, 100_000))
    for old, new in zip(before, model.get_weights()):
        np.testing.assert_array_equal(old, new)
    final = np.mean(np.argmax(model(x, training=False).numpy(), 1) == y)
    assert report.inference_accuracy[2] == pytest.approx(final)   # 0,99^100000 = 0
    # t = 0: rata-rata bergerak kembali ke nilai awal Keras (0 dan 1).
    fresh = keras.models.clone_model(model)
    fresh.set_weights(model.get_weights())
    for layer in fresh.layers:
        if isinstance(layer, keras.layers.BatchNormalization):
            n = layer.moving_mean.shape[0]
            layer.moving_mean.assign(np.zeros(n, np.float32))
            layer.moving_variance.assign(np.ones(n, np.float32))
    initial = np.mean(np.argmax(fresh(x, training=False).numpy(), 1) == y)
    assert report.inference_accuracy[0] == pytest.approx(initial)
    assert report.momentum == 0.99
    with pytest.raises(ValueError, match="BatchNormalization"):
        bn.measure_moving_average_lag(build_mlp((4,)), x, y)


def test_axis_argument_chooses_which_statistics_are_shared():
    # Halaman BN: pada masukan (28, 28), axis=-1 (bawaan) menormalkan per indeks sumbu terakhir
    # (28 kolom gambar, statistik dibagi bersama oleh semua baris); axis=1 per baris. Untuk
    # statistik per piksel, Flatten dulu. Keras 3 hanya menerima satu sumbu (Keras 2: daftar).
    x = np.random.default_rng(0).random((64, 28, 28)).astype("float32")
    x[:, :, 3] += np.linspace(0, 5, 28)  # di kolom 3, rata-rata berbeda per baris
    columns = keras.layers.BatchNormalization()
    rows = keras.layers.BatchNormalization(axis=1)
    out_columns = np.asarray(columns(x, training=True))
    out_rows = np.asarray(rows(x, training=True))
    assert tuple(columns.gamma.shape) == (28,) and tuple(rows.gamma.shape) == (28,)
    assert np.abs(out_columns.mean(axis=(0, 1))).max() < 1e-4    # setiap kolom rata-rata 0…
    assert np.abs(out_columns.mean(axis=0)).max() > 1.0          # …tetapi tidak setiap piksel
    assert np.abs(out_rows.mean(axis=(0, 2))).max() < 1e-4       # setiap baris rata-rata 0
    flat = keras.layers.BatchNormalization()
    out_flat = np.asarray(flat(x.reshape(64, -1), training=True))
    assert tuple(flat.gamma.shape) == (784,)
    assert np.abs(out_flat.mean(axis=0)).max() < 1e-4            # setiap piksel rata-rata 0
    with pytest.raises(TypeError):
        keras.layers.BatchNormalization(axis=[1, 2])


def test_input_bn_moving_statistics_become_pixel_statistics():
    from chapter11.normalization import compare_input_bn_with_standardization

    x = np.random.default_rng(1).random((512, 28, 28)).astype("float32")
    model = build_mlp((8,), "relu", "he_normal", seed=0, batch_norm="after",
                      input_batch_norm=True)
    first = model.get_layer("bn_input")
    flat = x.reshape(512, -1).astype(np.float64)
    first.moving_mean.assign((flat.mean(axis=0) + 0.02).astype("float32"))
    first.moving_variance.assign((flat.var(axis=0) * 1.1).astype("float32"))
    report = compare_input_bn_with_standardization(model, x, min_variance=0.01)
    assert report.n_pixels == 784 and report.n_compared == 784
    assert report.mean_gap == pytest.approx(0.02, abs=1e-6)
    np.testing.assert_allclose(report.variance_errors, 0.1, atol=1e-5)
    fresh = compare_input_bn_with_standardization(
        build_mlp((8,), "relu", "he_normal", seed=0, input_batch_norm=True), x)
    assert fresh.mean_gap > 0.4  # belum dilatih: rata-rata bergerak masih 0
    with pytest.raises(ValueError, match="BatchNormalization"):
        compare_input_bn_with_standardization(build_mlp((8,), seed=0), x)


def test_lag_report_median_variance_and_steps_to_reach():
    model = build_mlp((6, 5), "sigmoid", "glorot_uniform", seed=0, batch_norm="after",
                      input_batch_norm=True)
    variances = {"bn_1": np.full(6, 0.04), "bn_2": np.full(5, 0.09)}
    for name, value in variances.items():
        model.get_layer(name).moving_variance.assign(value.astype("float32"))
    x = np.random.default_rng(0).random((64, 28, 28)).astype("float32")
    y = np.zeros(64, dtype=int)
    report = bn.measure_moving_average_lag(model, x, y, steps=(0, 10))
    # Median atas lapisan BN sesudah BN pertama: 6 × 0,04 dan 5 × 0,09 → 0,04.
    assert report.median_variance == pytest.approx(0.04)
    lag = bn.MovingAverageLagReport((0, 50, 100, 200), (0.1, 0.7, 0.78, 0.8), 0.8, 0.99)
    assert lag.steps_to_reach(0.05) == 100 and lag.steps_to_reach(0.0) == 200


def test_reference_rejects_inputs_numpy_would_broadcast_or_accept():
    """Masukan yang dulu disiarkan (broadcast) atau diterima NumPy kini ditolak dengan jelas."""
    x = np.array([[1.0, 2.0], [3.0, 5.0]])
    ok = (np.ones(2), np.zeros(2), np.zeros(2), np.ones(2))
    with pytest.raises(ValueError, match="`gamma`.*Diterima"):
        bn.batch_norm_train(x, np.ones((2, 2)), *ok[1:])        # (2, 2) akan disiarkan diam-diam
    with pytest.raises(ValueError, match="`momentum`.*Diterima"):
        bn.batch_norm_train(x, *ok, momentum=5)
    with pytest.raises(ValueError, match="`epsilon`.*Diterima"):
        bn.batch_norm_inference(x, *ok, epsilon=-1e-3)
    with pytest.raises(ValueError, match="`moving_variance`.*Diterima"):
        bn.batch_norm_inference(x, *ok[:3], -np.ones(2))
    # ε = 0 sah selama tidak ada pembagian dengan nol ...
    out, _, _ = bn.batch_norm_train(x, *ok, epsilon=0.0)
    np.testing.assert_allclose(out, [[-1.0, -1.0], [1.0, 1.0]])
    # ... dan ditolak bila variansi batch sebuah fitur 0 (hasilnya akan NaN).
    with pytest.raises(ValueError, match="`epsilon`.*Diterima"):
        bn.batch_norm_train(np.array([[1.0, 2.0], [1.0, 3.0]]), *ok, epsilon=0.0)
    with pytest.raises(ValueError, match="`bias`.*Diterima"):
        bn.fold_batch_norm(np.eye(2), np.zeros(3), *ok)
