"""Uji chapter11.activations terhadap beda hingga, Keras/TensorFlow, dan sifat yang diketahui."""

import math
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import tensorflow as tf  # noqa: E402

from chapter11 import activations as act  # noqa: E402

KINKED = {"relu", "leaky_relu", "elu", "selu"}
GRID = np.linspace(-6.0, 6.0, 1201)

# (fungsi, turunan, kwargs): semua varian berparameter juga diuji.
VARIANTS = [(a.function, a.derivative, {}) for a in act.ACTIVATIONS.values()] + [
    (act.leaky_relu, act.leaky_relu_derivative, {"negative_slope": 0.01}),
    (act.leaky_relu, act.leaky_relu_derivative, {"negative_slope": 0.3}),
    (act.elu, act.elu_derivative, {"alpha": 0.5}),
    (act.elu, act.elu_derivative, {"alpha": 2.0}),
    (act.gelu, act.gelu_derivative, {"approximate": True}),
    (act.swish, act.swish_derivative, {"beta": 0.5}),
    (act.swish, act.swish_derivative, {"beta": 2.0}),
]


def _ids(variant):
    fn, _, kwargs = variant
    return fn.__name__ + "".join(f"-{k}={v}" for k, v in kwargs.items())


def _keras_numpy(fn, x, **kwargs):
    return keras.ops.convert_to_numpy(fn(keras.ops.convert_to_tensor(x, dtype="float64"),
                                         **kwargs))


@pytest.mark.parametrize("variant", VARIANTS, ids=_ids)
def test_derivative_matches_central_differences(variant):
    fn, d_fn, kwargs = variant
    x = GRID[np.abs(GRID) > 1e-3] if fn.__name__ in KINKED else GRID
    h = 1e-5
    numeric = (fn(x + h, **kwargs) - fn(x - h, **kwargs)) / (2 * h)
    np.testing.assert_allclose(d_fn(x, **kwargs), numeric, rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize("name", list(act.ACTIVATIONS))
def test_function_matches_keras(name):
    entry = act.ACTIVATIONS[name]
    x = np.linspace(-8.0, 8.0, 321)
    expected = _keras_numpy(getattr(keras.activations, entry.keras_name), x)
    np.testing.assert_allclose(entry.function(x), expected, rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize(
    ("fn", "keras_fn", "kwargs"),
    [
        (act.gelu, keras.activations.gelu, {"approximate": True}),
        (act.elu, keras.activations.elu, {"alpha": 0.5}),
        (act.leaky_relu, keras.activations.leaky_relu, {"negative_slope": 0.01}),
    ],
)
def test_parametrised_function_matches_keras(fn, keras_fn, kwargs):
    x = np.linspace(-8.0, 8.0, 321)
    np.testing.assert_allclose(fn(x, **kwargs), _keras_numpy(keras_fn, x, **kwargs),
                               rtol=1e-6, atol=1e-6)


def test_leaky_relu_defaults_follow_keras_activation_not_layer():
    x = np.linspace(-5.0, 5.0, 101)
    np.testing.assert_allclose(act.leaky_relu(x), _keras_numpy(keras.activations.leaky_relu, x))
    layer_out = keras.ops.convert_to_numpy(keras.layers.LeakyReLU()(x.astype("float32")))
    np.testing.assert_allclose(act.leaky_relu(x, negative_slope=0.3), layer_out, rtol=1e-6)


@pytest.mark.parametrize("name", list(act.ACTIVATIONS))
def test_derivative_matches_tensorflow_gradient_including_kink(name):
    entry = act.ACTIVATIONS[name]
    x = tf.constant(np.concatenate([np.linspace(-6.0, 6.0, 121), [0.0]]), dtype=tf.float64)
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = getattr(keras.activations, entry.keras_name)(x)
    grad = tape.gradient(y, x).numpy()
    np.testing.assert_allclose(entry.derivative(x.numpy()), grad, rtol=1e-6, atol=1e-7)


def test_selu_fixed_point_of_standard_normal():
    z = np.random.default_rng(11).standard_normal(4_000_000)
    y = act.selu(z)
    assert abs(y.mean()) < 3e-3
    assert abs(y.var() - 1.0) < 3e-3


def test_selu_constants_solve_fixed_point_equations():
    # E[selu(z)] = 0 and E[selu(z)^2] = 1 for z ~ N(0, 1), by numerical integration.
    z = np.linspace(-12.0, 12.0, 480_001)
    pdf = np.exp(-0.5 * z * z) / math.sqrt(2 * math.pi)
    y = act.selu(z)
    assert abs(np.trapezoid(y * pdf, z)) < 1e-9
    assert abs(np.trapezoid(y * y * pdf, z) - 1.0) < 1e-9


def test_known_values():
    assert float(act.sigmoid_derivative(0.0)) == 0.25
    assert float(act.tanh_derivative(0.0)) == 1.0
    assert np.all(act.relu_derivative(np.array([-3.0, -1e-9, 0.0])) == 0.0)
    assert np.all(act.relu_derivative(np.array([1e-9, 5.0])) == 1.0)
    assert np.all(act.leaky_relu_derivative(np.array([-2.0, -0.1])) == 0.2)
    assert float(act.elu(-50.0, alpha=2.0)) == pytest.approx(-2.0)
    assert float(act.selu(-50.0)) == pytest.approx(-act.SELU_SCALE * act.SELU_ALPHA)
    # GELU(x) = x·Φ(x); Φ(1) = 0.8413447460685429 (normal CDF table).
    assert float(act.gelu(1.0)) == pytest.approx(0.8413447460685429, abs=1e-12)
    assert float(act.silu(1.0)) == pytest.approx(1 / (1 + math.exp(-1)))
    assert float(act.mish(1.0)) == pytest.approx(math.tanh(math.log1p(math.e)))


def test_numerically_stable_for_large_inputs():
    x = np.array([-1e4, -800.0, 800.0, 1e4])
    with np.errstate(over="raise", divide="raise", invalid="raise"):
        for entry in act.ACTIVATIONS.values():
            assert np.all(np.isfinite(entry.function(x)))
            assert np.all(np.isfinite(entry.derivative(x)))
        np.testing.assert_allclose(act.sigmoid(x), [0.0, 0.0, 1.0, 1.0])
        np.testing.assert_allclose(act.softplus(x), [0.0, 0.0, 800.0, 1e4])


def test_scalar_in_scalar_out_and_shape_kept():
    assert np.ndim(act.relu(2.0)) == 0
    assert act.gelu(np.zeros((3, 4))).shape == (3, 4)
    assert act.gelu_derivative([[0.0, 1.0]]).shape == (1, 2)


@pytest.mark.parametrize("name", list(act.ACTIVATIONS))
def test_max_derivative_is_supremum_on_dense_grid(name):
    entry = act.ACTIVATIONS[name]
    x = np.concatenate([np.linspace(-40.0, 40.0, 800_001), [-1e-12, 1e-12, 60.0]])
    d = np.abs(entry.derivative(x))
    assert d.max() <= entry.max_derivative * (1 + 1e-12)
    assert d.max() >= entry.max_derivative * (1 - 1e-9)


@pytest.mark.parametrize("name", list(act.ACTIVATIONS))
def test_saturation_flags(name):
    entry = act.ACTIVATIONS[name]
    left, right = np.abs(entry.derivative(np.array([-30.0, 30.0])))
    assert (left < 1e-6) == entry.saturates_left
    assert (right < 1e-6) == entry.saturates_right


def test_saturation_fraction_sigmoid_matches_normal_tail():
    # σ'(z) < 0.1·0.25 ⇔ |z| > z*, with σ(z*) = (1 + √0.9) / 2; z ~ N(0, 4²).
    s = (1 + math.sqrt(0.9)) / 2
    z_star = math.log(s / (1 - s))
    expected = 1 - math.erf(z_star / 4 / math.sqrt(2))
    z = np.random.default_rng(3).normal(0.0, 4.0, size=1_000_000)
    assert act.saturation_fraction(z, "sigmoid") == pytest.approx(expected, abs=3e-3)


def test_relu_zeros_are_inactive_not_saturated_and_leaky_is_neither():
    z = np.array([-3.0, -1.0, 0.0, 0.5, 2.0])
    assert act.saturation_fraction(z, "relu") == 0.0
    assert act.inactive_fraction(z, "relu") == 3 / 5
    assert act.saturation_fraction(z, "leaky_relu") == 0.0
    assert act.inactive_fraction(z, "leaky_relu") == 0.0
    assert act.saturation_fraction(z, act.ACTIVATIONS["relu"], threshold=1.0) == 0.0
    # Leaky ReLU: kemiringan 0,2 (juga di z = 0) jenuh hanya bila ambangnya di atas 0,2.
    assert act.saturation_fraction(z, "leaky_relu", threshold=0.5) == 3 / 5


@pytest.mark.parametrize("name, left_saturated, right_saturated", [
    ("sigmoid", True, True), ("tanh", True, True), ("elu", True, False), ("selu", True, False),
    ("relu", False, False), ("leaky_relu", False, False), ("swish", True, False),
])
def test_one_definition_of_saturation_far_from_zero(name, left_saturated, right_saturated):
    assert (act.saturation_fraction(np.array([-30.0]), name) == 1.0) == left_saturated
    assert (act.saturation_fraction(np.array([30.0]), name) == 1.0) == right_saturated


def test_activity_masks_validation():
    with pytest.raises(ValueError, match="berbentuk sama"):
        act.activity_masks(np.zeros(2), np.zeros(3), 1.0)
    with pytest.raises(ValueError, match="`peak_derivative` harus positif"):
        act.activity_masks(np.zeros(2), np.zeros(2), 0.0)


def test_gaussian_moments_match_closed_forms():
    # ReLU dari N(0, 1): E = φ(0) = 1/√(2π), E[x²] = 1/2.
    mean, std = act.gaussian_output_moments("relu")
    assert mean == pytest.approx(1 / math.sqrt(2 * math.pi), abs=1e-7)
    assert std == pytest.approx(math.sqrt(0.5 - 1 / (2 * math.pi)), abs=1e-7)
    # Leaky ReLU = relu(z) − α·relu(−z): E = (1 − α)/√(2π).
    assert act.gaussian_output_moments("leaky_relu")[0] == pytest.approx(
        0.8 / math.sqrt(2 * math.pi))
    # ReLU dari N(m, s²): E = m·Φ(m/s) + s·φ(m/s).
    m, s = 0.5, 2.0
    phi = math.exp(-0.5 * (m / s) ** 2) / math.sqrt(2 * math.pi)
    cdf = 0.5 * (1 + math.erf(m / s / math.sqrt(2)))
    assert act.gaussian_output_moments("relu", mean=m, std=s)[0] == pytest.approx(m * cdf + s * phi)
    with pytest.raises(ValueError, match="`std` harus positif"):
        act.gaussian_output_moments("relu", std=0.0)
    with pytest.raises(TypeError, match="`mean`"):
        act.gaussian_output_moments("relu", mean="0")


def test_derivative_chain_is_the_product_of_mean_sigmoid_derivatives():
    chain = act.derivative_chain(depth=6, units=64, seed=0)
    assert np.all(chain <= 0.25 ** np.arange(1, 7) + 1e-12)
    rng = np.random.default_rng(0)  # hitung ulang secara independen
    factors = []
    for _ in range(6):
        w, a = rng.normal(0, 1, (64, 64)), rng.normal(0, 1, 64)
        s = 1 / (1 + np.exp(-(w @ a)))
        factors.append(np.mean(s * (1 - s)))
    np.testing.assert_allclose(chain, np.cumprod(factors), rtol=1e-12)


def test_get_activation_aliases_and_registry_is_read_only():
    assert act.get_activation("silu") is act.ACTIVATIONS["swish"]
    assert act.get_activation("logistic") is act.ACTIVATIONS["sigmoid"]
    with pytest.raises(TypeError):
        act.ACTIVATIONS["foo"] = act.ACTIVATIONS["relu"]  # type: ignore[index]
    with pytest.raises(AttributeError):
        act.ACTIVATIONS["relu"].label = "x"  # type: ignore[misc]


def test_module_does_not_import_tensorflow():
    code = "import sys, chapter11.activations; print('tensorflow' in sys.modules)"
    import subprocess

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: act.get_activation("swishy"), ValueError, r"Argumen `name`.*'sigmoid'.*'silu'"),
        (lambda: act.get_activation(3), TypeError, r"Argumen `name` harus string"),
        (lambda: act.leaky_relu(1.0, negative_slope=-0.1), ValueError, r"negative_slope.*-0.1"),
        (lambda: act.leaky_relu_derivative(1.0, negative_slope=1.5), ValueError,
         r"negative_slope.*paling besar 1"),
        (lambda: act.elu(1.0, alpha=0.0), ValueError, r"Argumen `alpha` harus positif"),
        (lambda: act.elu_derivative(1.0, alpha="1"), TypeError, r"Argumen `alpha` harus bilangan"),
        (lambda: act.swish(1.0, beta=0.0), ValueError, r"Argumen `beta` harus positif"),
        (lambda: act.gelu(1.0, approximate="tanh"), TypeError, r"Argumen `approximate` harus bool"),
        (lambda: act.relu("abc"), TypeError, r"Argumen `x` harus bilangan real"),
        (lambda: act.saturation_fraction([], "relu"), ValueError, r"`z` tidak boleh kosong"),
        (lambda: act.saturation_fraction([0.0, np.nan], "relu"), ValueError, r"berhingga.*1 NaN"),
        (lambda: act.saturation_fraction([0.0], "relu", threshold=0.0), ValueError, r"threshold"),
        (lambda: act.saturation_fraction([0.0], "relu", threshold=1.5), ValueError, r"threshold"),
        (lambda: act.saturation_fraction([0.0], "prelu"), ValueError, r"'mish'"),
    ],
)
def test_validation(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_keras_leaky_relu_and_prelu_facts_quoted_by_the_page():
    # Halaman aktivasi: argumen lama `alpha=` memicu peringatan, PReLU punya satu α per unit
    # yang dimulai dari 0, dan Keras tidak punya RReLU.
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        keras.layers.LeakyReLU(**{"alpha": 0.2})
    assert any("negative_slope" in str(w.message) for w in caught)
    prelu = keras.layers.PReLU()
    prelu.build((None, 100))
    assert tuple(prelu.alpha.shape) == (100,)
    assert float(np.max(np.abs(prelu.alpha.numpy()))) == 0.0
    assert not hasattr(keras.layers, "RReLU")
