"""Uji pengukuran halaman inisialisasi (weight_variance, propagation, derau sampel di
initializers) terhadap rumus, simulasi dan sifat yang diketahui."""

import math
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import tensorflow as tf  # noqa: E402

from chapter11 import initializers as init  # noqa: E402
from chapter11 import propagation as signal  # noqa: E402
from chapter11 import weight_variance as wv  # noqa: E402
from chapter11.models import build_deep_mlp  # noqa: E402


@pytest.fixture(scope="module")
def batch():
    rng = np.random.default_rng(0)
    return rng.random((32, 28, 28), dtype=np.float32), rng.integers(0, 10, size=32)


# --- kurtosis dan derau variansi sampel ---------------------------------------------------

@pytest.mark.parametrize("distribution", ["uniform", "truncated_normal", "untruncated_normal"])
def test_kurtosis_matches_simulation(distribution):
    rng = np.random.default_rng(1)
    if distribution == "uniform":
        w = rng.uniform(-1, 1, 2_000_000)
    else:
        w = rng.normal(size=3_000_000)
        if distribution == "truncated_normal":
            w = w[np.abs(w) < 2]
    kurtosis = np.mean(w**4) / np.mean(w**2) ** 2
    assert init.distribution_kurtosis(distribution) == pytest.approx(kurtosis, rel=0.01)


def test_normal_is_read_as_truncated_normal():
    assert init.distribution_kurtosis("normal") == init.distribution_kurtosis(
        "truncated_normal")


def test_sample_variance_noise_matches_repeated_sampling():
    rng = np.random.default_rng(2)
    n = 500
    variances = rng.uniform(-1, 1, size=(4000, n)).var(axis=1)
    observed = variances.std() / variances.mean()
    assert init.sample_variance_noise("uniform", n) == pytest.approx(observed, rel=0.05)
    assert init.sample_variance_noise("uniform", n) == pytest.approx(math.sqrt(0.8 / n))


def test_noise_validation():
    with pytest.raises(ValueError, match="distribution"):
        init.distribution_kurtosis("laplace")
    with pytest.raises(ValueError, match="positif"):
        init.sample_variance_noise("uniform", 0)
    with pytest.raises(TypeError, match="bilangan bulat"):
        init.sample_variance_noise("uniform", 10.5)


# --- variansi bobot -------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(init.PRESETS))
def test_measured_variance_follows_formula(name):
    report = wv.measure_weight_variance(name, shapes=((400, 300), (50, 40)), seed=3)
    spec = init.PRESETS[name]
    fan = {"fan_in": np.array([400, 50]), "fan_out": np.array([300, 40]),
           "fan_avg": np.array([350, 45])}[spec.mode]
    np.testing.assert_allclose(report.expected, spec.scale / fan)
    assert np.all(np.abs(report.relative_errors) < 4 * report.relative_noise)
    assert np.all(report.max_abs <= report.limits * (1 + 1e-6))
    assert report.fan_in == (400, 50) and report.fan_out == (300, 40)
    assert [k.size for k in report.kernels] == [120_000, 2_000]
    assert report.distribution == spec.distribution


def test_notebook_variance_scaling_spec_builds_a_keras_variance_scaling():
    spec = init.VarianceScalingSpec(2.0, "fan_avg", "uniform")
    report = wv.measure_weight_variance(spec, shapes=((300, 100),), seed=0, label="VS")
    assert report.initializer == "variance_scaling" and report.label == "VS"
    limit = math.sqrt(3 * 2.0 / 200)
    assert report.limits[0] == pytest.approx(limit)
    assert 0.99 * limit < report.max_abs[0] <= limit * (1 + 1e-6)


def test_weight_variance_is_seeded():
    a = wv.measure_weight_variance("he_normal", shapes=((30, 20),), seed=5)
    b = wv.measure_weight_variance("he_normal", shapes=((30, 20),), seed=5)
    c = wv.measure_weight_variance("he_normal", shapes=((30, 20),), seed=6)
    np.testing.assert_array_equal(a.kernels[0], b.kernels[0])
    assert not np.array_equal(a.kernels[0], c.kernels[0])


def test_weight_variance_validation():
    with pytest.raises(ValueError, match="initializer"):
        wv.measure_weight_variance("xavier")
    with pytest.raises(ValueError, match="shapes"):
        wv.measure_weight_variance("he_normal", shapes=((10, 20, 30),))
    with pytest.raises(ValueError, match="shapes"):
        wv.measure_weight_variance("he_normal", shapes=())
    with pytest.raises(ValueError, match="fan_in"):
        wv.measure_weight_variance("he_normal", shapes=((0, 20),))


# --- perambatan sinyal ----------------------------------------------------------------------

def test_signal_propagation_shapes_and_ratios(batch):
    x, y = batch
    report = signal.measure_signal_propagation("tanh", "glorot_normal", x, y, depth=4, units=16,
                                               seeds=(0, 3), label="tanh")
    assert report.depth == 4 and report.seeds == (0, 3) and report.label == "tanh"
    assert report.stds.shape == report.grad_norms.shape == report.saturated.shape == (2, 4)
    assert report.output_grad_norms.shape == (2,)
    np.testing.assert_allclose(report.forward_ratios, report.stds[:, -1] / report.stds[:, 0])
    np.testing.assert_allclose(report.backward_ratios,
                               report.grad_norms[:, 0] / report.grad_norms[:, -1])


def test_gradient_norms_match_a_float64_reference(batch):
    x, y = batch
    report = signal.measure_signal_propagation("relu", "he_normal", x, y, depth=3, units=8,
                                               seeds=(2,))
    model = build_deep_mlp(3, 8, "relu", "he_normal", seed=2)
    kernels = [layer.kernel for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    with tf.GradientTape() as tape:
        loss = keras.losses.SparseCategoricalCrossentropy()(y, model(x, training=False))
    grads = [np.linalg.norm(g.numpy().astype(np.float64)) for g in tape.gradient(loss, kernels)]
    np.testing.assert_allclose(report.grad_norms[0], grads[:-1], rtol=1e-6)
    assert report.output_grad_norms[0] == pytest.approx(grads[-1], rel=1e-6)


def test_tiny_gradients_are_not_read_as_zero(batch):
    # Sigmoid + Glorot: gradien lapisan bawah ~10⁻²⁰ per elemen; kuadratnya di bawah float32.
    x, y = batch
    report = signal.measure_signal_propagation("sigmoid", "glorot_normal", x, y, depth=30,
                                               units=32, seeds=(0,))
    assert np.all(report.grad_norms > 0)
    assert report.backward_ratios[0] < 1e-10


def test_relu_glorot_shrinks_by_sqrt_two_per_layer_relative_to_he(batch):
    # Bilangan acak sama, skala berbeda, ReLU homogen positif: rasionya tepat (1/√2)^(depth−1).
    x, y = batch
    depth = 10
    he = signal.measure_signal_propagation("relu", "he_normal", x, y, depth=depth, units=20,
                                           seeds=(1,))
    glorot = signal.measure_signal_propagation("relu", "glorot_normal", x, y, depth=depth,
                                               units=20, seeds=(1,))
    ratio = glorot.forward_ratios / he.forward_ratios
    assert ratio[0] == pytest.approx(2 ** (-(depth - 1) / 2), rel=1e-3)


def test_seeds_do_not_share_layers(batch):
    # Benih 0 dan 1 tidak boleh menghasilkan model yang lapisannya bergeser satu.
    x, y = batch
    report = signal.measure_signal_propagation("relu", "he_normal", x, y, depth=3, units=8,
                                               seeds=(0, 1))
    assert not np.allclose(report.stds[0, 1:], report.stds[1, :-1])


def test_signal_propagation_validation(batch):
    x, y = batch
    with pytest.raises(ValueError, match="seeds"):
        signal.measure_signal_propagation("relu", "he_normal", x, y, depth=2, seeds=(1, 1))
    with pytest.raises(ValueError, match="seeds"):
        signal.measure_signal_propagation("relu", "he_normal", x, y, depth=2, seeds=())
    with pytest.raises(ValueError, match="depth"):
        signal.measure_signal_propagation("relu", "he_normal", x, y, depth=0)
    with pytest.raises(ValueError, match="paling kecil 0"):
        signal.measure_signal_propagation("relu", "he_normal", x, y, depth=2, seeds=(-1,))
    with pytest.raises(ValueError, match="`x`"):
        signal.measure_signal_propagation("relu", "he_normal", x[:, :10], y, depth=2)


def test_signal_table_takes_any_collection_of_reports_as_the_page_does():
    # Halaman inisialisasi memberikan sweep.values() (dict_values), bukan list.
    r = signal.SignalPropagationReport("He", "relu", (0,), np.array([[1.0, 2.0]]),
                                       np.zeros((1, 2)), np.full((1, 2), 0.5),
                                       np.array([[0.5, 1.0]]), np.ones(1))
    sweep = {("relu", "He"): r}
    table = signal.format_signal_table(sweep.values(), row_names=list(sweep), caption="C",
                                       name="t")
    assert table == signal.format_signal_table([r], row_names=[("relu", "He")], caption="C",
                                               name="t")
    with pytest.raises(TypeError, match="`reports`.*Diterima"):
        signal.format_signal_table(sweep, row_names=list(sweep), caption="C", name="t")
