"""Tes inti pengukuran per lapisan (chapter11.layer_stats) dan satu definisi "jenuh".

Harapan dihitung secara independen: lintasan maju NumPy dengan rumus acuan
``chapter11.activations`` (float64), bobot yang disetel tangan (unit mana yang pasti mati), dan
sifat fungsi yang diketahui (ReLU tidak jenuh; sigmoid jenuh di kedua sisi).
"""

import numpy as np
import pytest

from chapter11.activations import (elu, leaky_relu, relu, selu, sigmoid, sigmoid_derivative,
                                   tanh)
from chapter11.data import load_fashion_mnist
from chapter11.layer_stats import (LayerStatsReport, check_image_batch, hidden_activations,
                                   measure_layer_stats)
from chapter11.models import build_deep_mlp, build_mixed_activation_model, build_mlp, dense_layers
from chapter11.runtime import quiet_tensorflow

keras = quiet_tensorflow()


@pytest.fixture(scope="module")
def images():
    return np.random.default_rng(0).random((200, 28, 28), dtype=np.float32)


def _numpy_forward(model, x, activation):
    """Pra-aktivasi dan keluaran tiap lapisan tersembunyi dengan NumPy (float64)."""
    h = x.reshape(len(x), -1).astype(np.float64)
    layers = []
    for layer in dense_layers(model)[:-1]:
        z = h @ layer.kernel.numpy().astype(np.float64) + layer.bias.numpy().astype(np.float64)
        h = activation(z)
        layers.append((z, h))
    return layers


def _set_first_layer(model, bias, kernel_scale=0.0):
    first = dense_layers(model)[0]
    first.kernel.assign(kernel_scale * np.ones(first.kernel.shape, dtype="float32"))
    first.bias.assign(np.asarray(bias, dtype="float32"))


def test_means_stds_and_saturation_match_numpy_forward_pass(images):
    model = build_deep_mlp(3, 16, "sigmoid", "glorot_uniform", seed=2)
    report = measure_layer_stats(model, images, label="uji")
    for i, (z, h) in enumerate(_numpy_forward(model, images, sigmoid)):
        assert report.means[i] == pytest.approx(h.mean(), rel=1e-4)
        assert report.stds[i] == pytest.approx(h.std(), rel=1e-3)
        # jenuh: σ'(z) < 0,1 · 0,25 (sigmoid tidak pernah tepat nol di sini)
        assert report.saturated[i] == pytest.approx(np.mean(sigmoid_derivative(z) < 0.025),
                                                    abs=1e-6)
    assert np.all(report.inactive == 0) and np.all(report.dead == 0)
    assert report.label == "uji" and report.n_examples == 200 and report.depth == 3


def test_relu_zeros_are_inactive_not_saturated(images):
    model = build_deep_mlp(4, 32, "relu", "he_normal", seed=0)
    report = measure_layer_stats(model, images)
    assert np.all(report.saturated == 0)
    for i, (z, _) in enumerate(_numpy_forward(model, images, relu)):
        assert report.inactive[i] == pytest.approx(np.mean(z <= 0), abs=2e-3)
    assert 0.2 < report.inactive_fraction < 0.8


def test_tanh_with_huge_weights_saturates_even_where_float32_derivative_is_zero(images):
    normal = {"class_name": "RandomNormal", "config": {"stddev": 3.0}}
    model = build_deep_mlp(3, 64, "tanh", normal, seed=0)
    report = measure_layer_stats(model, images)
    expected = [np.mean(np.abs(z) > np.arctanh(np.sqrt(0.9)))  # tanh′ < 0,1
                for z, _ in _numpy_forward(model, images, tanh)]
    np.testing.assert_allclose(report.saturated, expected, atol=0.01)
    assert report.saturated.min() > 0.5 and np.all(report.inactive == 0)


def test_elu_and_selu_saturate_on_the_left_only(images):
    model = build_mlp((3,), "elu", "he_normal", seed=0)
    _set_first_layer(model, [-10.0, -1.0, 5.0])  # z tetap per unit
    report = measure_layer_stats(model, images)
    assert report.saturated[0] == pytest.approx(1 / 3)  # hanya z = −10: α·e⁻¹⁰ < 0,1
    assert report.dead[0] == 0 and report.never_positive[0] == pytest.approx(2 / 3)
    model = build_mlp((2,), "selu", "lecun_normal", seed=0)
    _set_first_layer(model, [-10.0, 10.0])
    assert measure_layer_stats(model, images).saturated[0] == pytest.approx(0.5)
    np.testing.assert_allclose(measure_layer_stats(model, images).means[0],
                               np.mean([selu(-10.0), selu(10.0)]), rtol=1e-5)


def test_dead_units_match_hand_set_biases(images):
    model = build_mlp((4, 3), "relu", "he_normal", seed=0)
    _set_first_layer(model, [-1.0, 0.5, -2.0, 3.0])  # unit 0 dan 2 selalu z < 0
    report = measure_layer_stats(model, images)
    assert report.layer_names == ("dense_1", "dense_2") and report.n_units.tolist() == [4, 3]
    assert report.dead[0] == 0.5 and report.never_positive[0] == 0.5
    assert report.inactive[0] == 0.5
    h1 = relu(np.array([-1.0, 0.5, -2.0, 3.0]))
    second = dense_layers(model)[1]
    z2 = h1 @ second.kernel.numpy() + second.bias.numpy()
    assert report.dead[1] == pytest.approx(np.mean(z2 <= 0))


def test_leaky_relu_can_stay_negative_but_never_dies(images):
    model = build_mlp((4, 3), "leaky_relu", "he_normal", seed=0)
    _set_first_layer(model, [-1.0, 0.5, -2.0, 3.0])
    report = measure_layer_stats(model, images)
    assert report.never_positive[0] == 0.5
    assert np.all(report.dead == 0) and np.all(report.inactive == 0)
    assert np.all(report.saturated == 0)  # kemiringan 0,2 = 20% turunan terbesar: tidak jenuh
    expected = _numpy_forward(model, images, leaky_relu)
    np.testing.assert_allclose(report.stds, [h.std() for _, h in expected], rtol=1e-4, atol=1e-5)


def test_weighted_fractions():
    z = np.zeros(2)
    report = LayerStatsReport(("a", "b"), np.array([300, 100]), z, z, np.array([0.0, 0.4]),
                              np.array([0.5, 0.1]), np.array([0.1, 0.6]), z, 10)
    assert report.dead_fraction == pytest.approx((30 + 60) / 400)
    assert report.saturated_fraction == pytest.approx(40 / 400)
    assert report.inactive_fraction == pytest.approx((150 + 10) / 400)
    with pytest.raises(AttributeError):
        report.label = "x"  # type: ignore[misc]


def test_activation_layers_after_batch_norm_and_mixed_model(images):
    model = build_deep_mlp(3, 16, "relu", "he_normal", seed=0, batch_norm="before")
    report = measure_layer_stats(model, images)
    assert report.layer_names == ("dense_1", "dense_2", "dense_3") and np.all(report.means >= 0)
    mixed = measure_layer_stats(build_mixed_activation_model(seed=0), images)
    assert mixed.n_units.tolist() == [300, 100, 100]
    assert mixed.dead[1] == 0  # LeakyReLU tidak bisa mati
    names = [h.name for h in hidden_activations(build_mixed_activation_model(seed=0), images)]
    assert len(names) == 3


def test_selu_self_normalises_and_he_breaks_it():
    x = np.random.default_rng(1).standard_normal((500, 28, 28)).astype("float32")
    lecun = measure_layer_stats(build_deep_mlp(30, 100, "selu", "lecun_normal", seed=0), x)
    he = measure_layer_stats(build_deep_mlp(30, 100, "selu", "he_normal", seed=0), x)
    assert np.all(np.abs(lecun.means) < 0.15) and np.all(np.abs(lecun.stds - 1) < 0.15)
    assert he.stds[-1] > 3 * he.stds[0]
    expected = _numpy_forward(build_deep_mlp(5, 16, "elu", "he_normal", seed=3), x[:50], elu)
    report = measure_layer_stats(build_deep_mlp(5, 16, "elu", "he_normal", seed=3), x[:50])
    np.testing.assert_allclose(report.means, [h.mean() for _, h in expected], rtol=1e-4,
                               atol=1e-5)


def test_untrained_he_relu_net_has_almost_no_dead_units():
    # Klaim halaman aktivasi: sebelum pelatihan hampir tidak ada unit mati.
    data = load_fashion_mnist()
    mean, std = data.x_train.mean(axis=0), data.x_train.std(axis=0) + 1e-7
    x = (data.x_valid[:1000] - mean) / std
    for seed in (0, 1):
        report = measure_layer_stats(build_mlp((300, 100), "relu", "he_normal", seed=seed), x)
        assert report.dead_fraction < 0.02


@pytest.mark.parametrize(("x", "match"), [
    (np.zeros((4, 784)), r"\(n, 28, 28\)"),
    (np.zeros((0, 28, 28)), "kosong"),
    (np.full((2, 28, 28), np.nan), "berhingga"),
])
def test_validation(x, match):
    with pytest.raises(ValueError, match=match):
        measure_layer_stats(build_mlp((4,), "relu", "he_normal", seed=0), x)
    with pytest.raises(ValueError, match=match):
        check_image_batch(x)


def test_threshold_and_model_validation(images):
    with pytest.raises(ValueError, match="`threshold`"):
        measure_layer_stats(build_deep_mlp(1, 4, seed=0), images, threshold=0)
    model = keras.Sequential([keras.Input(shape=(28, 28)), keras.layers.Flatten(),
                              keras.layers.Dense(10, activation="softmax")])
    with pytest.raises(ValueError, match="lapisan Dense tersembunyi"):
        measure_layer_stats(model, images)
    with pytest.raises(ValueError, match="label bilangan bulat 0–9"):
        check_image_batch(images, np.full(200, 11))
