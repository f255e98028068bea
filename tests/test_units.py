"""Tes chapter11.units: unit mati, profil kedalaman, dan momen keluaran untuk masukan normal.

Harapan dihitung secara independen: bobot yang disetel tangan (unit mana yang pasti mati),
lintasan maju NumPy dengan rumus acuan ``chapter11.activations``, dan rumus tertutup
momen ReLU untuk masukan normal.
"""

import math

import numpy as np
import pytest

from chapter11.activations import leaky_relu, relu, selu
from chapter11.data import load_fashion_mnist
from chapter11.models import build_deep_mlp, build_mixed_activation_model, build_mlp, dense_layers
from chapter11.runtime import quiet_tensorflow
from chapter11.units import (DeadUnitsReport, DepthProfileReport, gaussian_output_moments,
                             measure_dead_units, measure_depth_profile)

keras = quiet_tensorflow()


@pytest.fixture(scope="module")
def images():
    return np.random.default_rng(0).random((200, 28, 28), dtype=np.float32)


def _set_first_layer(model, bias):
    """Kernel lapisan pertama nol dan bias tertentu: z lapisan 1 = bias untuk setiap contoh."""
    first = dense_layers(model)[0]
    first.kernel.assign(np.zeros(first.kernel.shape, dtype="float32"))
    first.bias.assign(np.asarray(bias, dtype="float32"))


def _numpy_forward(model, x, activation):
    """Keluaran tiap lapisan tersembunyi dengan NumPy (float64), dari bobot model."""
    h = x.reshape(len(x), -1).astype(np.float64)
    outputs = []
    for layer in dense_layers(model)[:-1]:
        h = activation(h @ layer.kernel.numpy().astype(np.float64)
                       + layer.bias.numpy().astype(np.float64))
        outputs.append(h)
    return outputs


def test_dead_units_match_hand_set_biases(images):
    model = build_mlp((4, 3), "relu", "he_normal", seed=0)
    _set_first_layer(model, [-1.0, 0.5, -2.0, 3.0])  # unit 0 dan 2 selalu z < 0
    report = measure_dead_units(model, images, label="uji")
    assert report.layer_names == ("dense_1", "dense_2")
    assert report.n_units.tolist() == [4, 3]
    assert report.dead[0] == 0.5 and report.inactive[0] == 0.5
    assert report.n_examples == 200 and report.label == "uji"
    # Lapisan 2 menerima masukan konstan, jadi setiap unitnya mati atau hidup untuk semua contoh.
    h1 = relu(np.array([-1.0, 0.5, -2.0, 3.0]))
    second = dense_layers(model)[1]
    z2 = h1 @ second.kernel.numpy() + second.bias.numpy()
    assert report.dead[1] == pytest.approx(np.mean(z2 <= 0))


def test_leaky_relu_can_be_inactive_but_never_dead(images):
    model = build_mlp((4, 3), "leaky_relu", "he_normal", seed=0)
    _set_first_layer(model, [-1.0, 0.5, -2.0, 3.0])
    report = measure_dead_units(model, images)
    assert report.inactive[0] == 0.5
    assert np.all(report.dead == 0)


def test_dead_fraction_is_weighted_by_units():
    report = DeadUnitsReport(("a", "b"), np.array([300, 100]), np.array([0.0, 0.0]),
                             np.array([0.1, 0.6]), 10)
    assert report.dead_fraction == pytest.approx((30 + 60) / 400)
    assert report.inactive_fraction == 0.0


def test_dead_units_on_untrained_he_relu_net_are_rare():
    # Klaim halaman: sebelum pelatihan (He, masukan terstandardisasi) hampir tidak ada unit mati.
    data = load_fashion_mnist()
    mean, std = data.x_train.mean(axis=0), data.x_train.std(axis=0) + 1e-7
    x = (data.x_valid[:1000] - mean) / std
    for seed in (0, 1):
        report = measure_dead_units(build_mlp((300, 100), "relu", "he_normal", seed=seed), x)
        assert report.dead_fraction < 0.02


def test_dead_units_with_activation_layers_after_batch_norm(images):
    model = build_mlp((8, 8), "relu", "he_normal", seed=0, batch_norm="before")
    report = measure_dead_units(model, images)
    assert report.layer_names == ("dense_1", "dense_2")


def test_mixed_model_reports_three_hidden_layers(images):
    report = measure_dead_units(build_mixed_activation_model(seed=0), images)
    assert report.n_units.tolist() == [300, 100, 100]
    assert report.dead[1] == 0  # LeakyReLU tidak bisa mati


def test_depth_profile_matches_numpy_forward(images):
    model = build_deep_mlp(5, 16, "selu", "lecun_normal", seed=3)
    profile = measure_depth_profile(model, images, label="SELU")
    expected = _numpy_forward(model, images, selu)
    np.testing.assert_allclose(profile.means, [h.mean() for h in expected], rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(profile.stds, [h.std() for h in expected], rtol=1e-4, atol=1e-5)
    assert profile.depth == 5 and profile.label == "SELU"


def test_depth_profile_for_separate_leaky_relu_layers(images):
    model = build_deep_mlp(3, 8, "leaky_relu", "he_normal", seed=0)
    profile = measure_depth_profile(model, images)
    expected = _numpy_forward(model, images, leaky_relu)
    np.testing.assert_allclose(profile.stds, [h.std() for h in expected], rtol=1e-4, atol=1e-5)


def test_selu_self_normalises_and_he_breaks_it():
    x = np.random.default_rng(1).standard_normal((500, 28, 28)).astype("float32")
    lecun = measure_depth_profile(build_deep_mlp(30, 100, "selu", "lecun_normal", seed=0), x)
    he = measure_depth_profile(build_deep_mlp(30, 100, "selu", "he_normal", seed=0), x)
    assert np.all(np.abs(lecun.means) < 0.15) and np.all(np.abs(lecun.stds - 1) < 0.15)
    assert he.stds[-1] > 3 * he.stds[0]


def test_gaussian_moments_match_closed_forms():
    # ReLU dari N(0, 1): E = φ(0) = 1/√(2π), E[x²] = 1/2.
    mean, std = gaussian_output_moments("relu")
    assert mean == pytest.approx(1 / math.sqrt(2 * math.pi), abs=1e-7)
    assert std == pytest.approx(math.sqrt(0.5 - 1 / (2 * math.pi)), abs=1e-7)
    # Leaky ReLU = relu(z) − α·relu(−z): E = (1 − α)/√(2π).
    assert gaussian_output_moments("leaky_relu")[0] == pytest.approx(0.8 / math.sqrt(2 * math.pi))
    # ReLU dari N(m, s²): E = m·Φ(m/s) + s·φ(m/s).
    m, s = 0.5, 2.0
    phi = math.exp(-0.5 * (m / s) ** 2) / math.sqrt(2 * math.pi)
    cdf = 0.5 * (1 + math.erf(m / s / math.sqrt(2)))
    assert gaussian_output_moments("relu", mean=m, std=s)[0] == pytest.approx(m * cdf + s * phi)
    # SELU: titik tetap (0, 1).
    mean, std = gaussian_output_moments("selu")
    assert abs(mean) < 1e-6 and abs(std - 1) < 1e-6


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda m: measure_dead_units(m, np.zeros((4, 784))), ValueError, r"\(n, 28, 28\)"),
        (lambda m: measure_dead_units(m, np.zeros((0, 28, 28))), ValueError, "kosong"),
        (lambda m: measure_depth_profile(m, np.full((2, 28, 28), np.nan)), ValueError,
         "berhingga"),
        (lambda m: gaussian_output_moments("relu", std=0.0), ValueError, "`std` harus positif"),
        (lambda m: gaussian_output_moments("reluu"), ValueError, "Argumen `name`"),
        (lambda m: gaussian_output_moments("relu", mean="0"), TypeError, "`mean`"),
    ],
)
def test_validation(call, error, match):
    model = build_mlp((4,), "relu", "he_normal", seed=0)
    with pytest.raises(error, match=match):
        call(model)


def test_model_without_hidden_activation_is_rejected(images):
    model = keras.Sequential([keras.Input(shape=(28, 28)), keras.layers.Flatten(),
                              keras.layers.Dense(10, activation="softmax")])
    with pytest.raises(ValueError, match="lapisan Dense tersembunyi"):
        measure_dead_units(model, images)
    with pytest.raises(ValueError, match="lapisan Dense tersembunyi"):
        measure_depth_profile(model, images)


def test_reports_are_frozen():
    report = DepthProfileReport(("a",), np.zeros(1), np.ones(1))
    with pytest.raises(AttributeError):
        report.label = "x"  # type: ignore[misc]
