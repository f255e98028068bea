"""Uji chapter11.initializers terhadap inisialisasi Keras sungguhan dan rumus tertutup."""

import math
import os
import subprocess
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from chapter11 import activations  # noqa: E402
from chapter11 import initializers as init  # noqa: E402

FAN_IN, FAN_OUT = 1000, 500
KERAS_NAMES = ["glorot_uniform", "glorot_normal", "he_uniform", "he_normal", "lecun_uniform",
               "lecun_normal"]


def _sample(initializer, shape=(FAN_IN, FAN_OUT)):
    return keras.ops.convert_to_numpy(initializer(shape)).astype(np.float64)


@pytest.mark.parametrize("name", KERAS_NAMES)
def test_preset_matches_keras_configuration(name):
    keras_init = keras.initializers.get(name)
    spec = init.PRESETS[name]
    assert (keras_init.scale, keras_init.mode, keras_init.distribution) == (
        spec.scale, spec.mode, spec.distribution)


@pytest.mark.parametrize("name", KERAS_NAMES)
def test_sample_variance_of_keras_initializer(name):
    keras.utils.set_random_seed(42)
    w = _sample(keras.initializers.get(name))
    d = init.describe(name, FAN_IN, FAN_OUT)
    assert w.var() == pytest.approx(init.expected_variance(name, FAN_IN, FAN_OUT), rel=0.02)
    assert abs(w.mean()) < 0.01 * d.stddev
    assert np.abs(w).max() <= d.limit * (1 + 1e-6)
    assert np.abs(w).max() >= 0.99 * d.limit  # 500 000 samples reach the bound


@pytest.mark.parametrize("name", KERAS_NAMES)
def test_closed_form_formulas_from_keras_docs(name):
    d = init.describe(name, FAN_IN, FAN_OUT)
    family, distribution = name.split("_")
    variance = {"glorot": 2 / (FAN_IN + FAN_OUT), "he": 2 / FAN_IN, "lecun": 1 / FAN_IN}[family]
    assert d.variance == pytest.approx(variance, rel=1e-12)
    assert d.stddev == pytest.approx(math.sqrt(variance), rel=1e-12)
    if distribution == "uniform":
        assert d.limit == pytest.approx(math.sqrt(3 * variance), rel=1e-12)
        assert math.isnan(d.sampling_stddev)
    else:
        assert d.distribution == "truncated_normal"
        assert d.limit == pytest.approx(2 * d.sampling_stddev, rel=1e-12)


def test_truncation_factor_is_std_of_standard_normal_cut_at_two():
    phi2 = math.exp(-2.0) / math.sqrt(2 * math.pi)
    mass = math.erf(2 / math.sqrt(2))  # P(|Z| < 2)
    assert math.sqrt(1 - 2 * 2 * phi2 / mass) == pytest.approx(
        init.TRUNCATED_NORMAL_STDDEV_FACTOR, abs=1e-12)


def test_notebook_custom_variance_scaling():
    custom = keras.initializers.VarianceScaling(scale=2.0, mode="fan_avg",
                                                distribution="uniform", seed=7)
    w = _sample(custom)
    d = init.describe("he_avg_uniform", FAN_IN, FAN_OUT)
    assert d.variance == pytest.approx(2.0 / ((FAN_IN + FAN_OUT) / 2))
    assert w.var() == pytest.approx(d.variance, rel=0.02)
    assert np.abs(w).max() <= d.limit * (1 + 1e-6)
    assert np.abs(w).max() >= 0.999 * d.limit
    assert init.PRESETS["he_avg_uniform"].keras_kwargs() == {
        "scale": 2.0, "mode": "fan_avg", "distribution": "uniform"}


@pytest.mark.parametrize(
    "spec",
    [
        init.VarianceScalingSpec(0.5, "fan_out", "untruncated_normal"),
        init.VarianceScalingSpec(3.0, "fan_out", "truncated_normal"),
        init.VarianceScalingSpec(1.0, "fan_avg", "untruncated_normal"),
    ],
    ids=repr,
)
def test_custom_spec_against_keras_variance_scaling(spec):
    w = _sample(keras.initializers.VarianceScaling(**spec.keras_kwargs(), seed=3))
    d = init.describe(spec, FAN_IN, FAN_OUT)
    assert d.name == "variance_scaling"
    assert w.var() == pytest.approx(init.expected_variance(spec, FAN_IN, FAN_OUT), rel=0.02)
    assert np.abs(w).max() <= d.limit


def test_normal_is_read_as_truncated_normal_like_keras():
    spec = init.VarianceScalingSpec(2.0, "fan_in", "normal")
    assert spec.distribution == "truncated_normal"
    assert keras.initializers.VarianceScaling(distribution="normal").distribution == (
        spec.distribution)


@pytest.mark.parametrize(
    ("shape", "fans"),
    [((784, 300), (784, 300)), ((10,), (10, 10)), ((3, 3, 32, 64), (9 * 32, 9 * 64)),
     ([5, 2, 4], (10, 20))],
)
def test_compute_fans(shape, fans):
    assert init.compute_fans(shape) == fans


def test_table_11_1_is_consistent_with_presets_and_keras():
    names = [r.initialization for r in init.INITIALIZATION_TABLE]
    assert names == ["Glorot", "He", "LeCun"]
    for rule in init.INITIALIZATION_TABLE:
        numerator, _, mode = rule.variance_formula.partition(" / ")
        assert (float(numerator), mode) == (rule.scale, rule.mode)
        assert len(rule.activations) == len(rule.keras_activations)
        for name in rule.keras_initializers:
            assert (init.PRESETS[name].scale, init.PRESETS[name].mode) == (rule.scale, rule.mode)
            keras.initializers.get(name)
        for name in rule.keras_activations:
            keras.activations.get(name)


def test_table_covers_every_activation_of_the_book_but_softplus():
    in_table = {a for r in init.INITIALIZATION_TABLE for a in r.keras_activations}
    book = {a.keras_name for a in activations.ACTIVATIONS.values()} - {"softplus"}
    assert book <= in_table


@pytest.mark.parametrize(
    ("activation", "distribution", "expected"),
    [("relu", "normal", "he_normal"), ("selu", "normal", "lecun_normal"),
     ("swish", "uniform", "he_uniform"), ("none", "normal", "glorot_normal"),
     ("softmax", "uniform", "glorot_uniform"), ("mish", "normal", "he_normal")],
)
def test_recommended_initializer(activation, distribution, expected):
    assert init.recommended_initializer(activation, distribution=distribution) == expected


def test_describe_returns_python_scalars():
    d = init.describe("glorot_uniform", fan_in=np.int64(300), fan_out=100)
    assert type(d.fan_in) is int and type(d.variance) is float and d.fan == 200.0


def test_module_does_not_import_tensorflow():
    code = "import sys, chapter11.initializers; print('tensorflow' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: init.describe("xavier", 10, 10), ValueError,
         r"Argumen `initializer` harus salah satu dari: 'glorot_uniform'.*'he_avg_uniform'"),
        (lambda: init.describe(3, 10, 10), TypeError, r"`initializer` harus nama preset"),
        (lambda: init.describe("he_normal", 0, 10), ValueError,
         r"`fan_in` harus bilangan bulat positif. Diterima: fan_in=0"),
        (lambda: init.expected_variance("he_normal", 10, -5), ValueError, r"fan_out=-5"),
        (lambda: init.expected_variance("he_normal", 1.5, 10), TypeError, r"`fan_in`.*bulat"),
        (lambda: init.VarianceScalingSpec(0.0), ValueError, r"`scale` harus positif"),
        (lambda: init.VarianceScalingSpec(1.0, "fan_sum"), ValueError, r"'fan_avg'.*fan_sum"),
        (lambda: init.VarianceScalingSpec(1.0, "fan_in", "laplace"), ValueError,
         r"`distribution`.*'uniform'.*laplace"),
        (lambda: init.compute_fans(()), ValueError, r"minimal satu dimensi"),
        (lambda: init.compute_fans((784, 0)), ValueError, r"shape\[1\]"),
        (lambda: init.recommended_initializer("prelu"), ValueError, r"'selu'.*prelu"),
        (lambda: init.recommended_initializer("relu", distribution="truncated"), ValueError,
         r"`distribution`.*'normal'"),
    ],
)
def test_validation(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_variance_gains_follow_their_definition():
    shapes = [(784, 300), (300, 100), (100, 10)]
    for mode, fan in (("fan_in", lambda a, b: a), ("fan_out", lambda a, b: b),
                      ("fan_avg", lambda a, b: (a + b) / 2)):
        for (n_in, n_out), (forward, backward) in zip(shapes, init.variance_gains(shapes,
                                                                                  mode=mode)):
            assert forward == pytest.approx(n_in / fan(n_in, n_out))
            assert backward == pytest.approx(n_out / fan(n_in, n_out))
    # fan_in menjaga arah maju tepat, fan_out arah mundur; fan_avg: hasil kali ≤ 1 (AM ≥ GM).
    assert all(f == pytest.approx(1) for f, _ in init.variance_gains(shapes, mode="fan_in"))
    assert all(f * b <= 1 + 1e-12 for f, b in init.variance_gains(shapes, mode="fan_avg"))


def test_tables_render_every_row():
    table = init.format_gain_table([(784, 300), (300, 100)], caption="C", name="t")
    assert table.startswith("~~~{table} C\n:name: t") and table.count("\n| 784 → 300 |") == 1
    rows = init.format_initialization_table(caption="C", name="t").splitlines()
    assert [r.split("|")[1].strip() for r in rows[5:-1]] == ["Glorot", "He", "LeCun"]


def test_dense_default_initializer_is_glorot_uniform():
    # Prosa halaman inisialisasi: tanpa argumen, Dense memakai "glorot_uniform" dan bias nol.
    config = keras.layers.Dense(1).get_config()
    assert config["kernel_initializer"]["class_name"] == "GlorotUniform"
    assert config["bias_initializer"]["class_name"] == "Zeros"
