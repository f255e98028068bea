"""Tes rujukan NumPy *gradient clipping* terhadap optimizer Keras 3 dan terhadap rumus tangan."""

import math

import keras
import numpy as np
import pytest

from chapter11.clipping import (
    METHODS, angle_between, clip_by_global_norm, clip_by_norm, clip_by_value, clip_gradients,
    compare_clipping, global_norm, keras_clipped_gradients, measure_clipping_activity,
    measure_variable_gradients, reliable_step_losses,
)
from chapter11.models import build_deep_mlp


@pytest.fixture(scope="module")
def real_gradients():
    """Gradien sungguhan jaringan tanh N(0, 1) kecil pada gambar acak berbenih."""
    rng = np.random.default_rng(0)
    x = rng.random((64, 28, 28), dtype=np.float32)
    y = rng.integers(0, 10, size=64)
    model = build_deep_mlp(4, 32, "tanh", {"class_name": "RandomNormal",
                                           "config": {"stddev": 1.0}}, seed=3)
    return measure_variable_gradients(model, x, y)


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("threshold", [0.01, 1.0, 1e9])
def test_numpy_reference_matches_keras_optimizer(real_gradients, method, threshold):
    _, grads = real_gradients
    ours = clip_gradients(grads, method, threshold)
    theirs = keras_clipped_gradients(grads, **{method: threshold})
    for a, b in zip(ours, theirs):
        scale = max(float(np.max(np.abs(b))), 1e-30)
        assert np.max(np.abs(a - b)) / scale < 1e-5


def test_geron_example_by_hand():
    g = [np.array([0.9, 100.0])]
    assert clip_by_value(g, 1.0)[0].tolist() == [0.9, 1.0]
    norm = math.hypot(0.9, 100.0)
    np.testing.assert_allclose(clip_by_norm(g, 1.0)[0], [0.9 / norm, 100.0 / norm])
    # satu variabel: clipnorm dan global_clipnorm sama
    np.testing.assert_allclose(clip_by_global_norm(g, 1.0)[0], clip_by_norm(g, 1.0)[0])
    # dua variabel: clipnorm per variabel = clipvalue di sini, global tetap searah
    two = [np.array([0.9]), np.array([100.0])]
    assert [v.tolist() for v in clip_by_norm(two, 1.0)] == [[0.9], [1.0]]
    assert angle_between(two, clip_by_global_norm(two, 1.0)) < 1e-6


def test_properties_of_the_three_clippings(real_gradients):
    names, grads = real_gradients
    report = compare_clipping(grads, names, clipvalue=0.01, clipnorm=0.5, global_clipnorm=0.5)
    assert report.angles["global_clipnorm"] < 1e-5
    np.testing.assert_allclose(report.share("global_clipnorm"), report.share(), rtol=1e-9)
    assert np.all(report.variable_angles["clipnorm"] < 1e-5)
    assert np.all(report.clipped_norms["clipnorm"] <= 0.5 + 1e-12)
    assert math.isclose(report.global_norms["global_clipnorm"], 0.5)
    for g in clip_by_value(grads, 0.01):
        assert np.max(np.abs(g)) <= 0.01
    assert math.isclose(report.share().sum(), 1.0)
    # variabel yang sudah di bawah batas tidak berubah
    untouched = report.original_norms <= 0.5
    np.testing.assert_allclose(report.clipped_norms["clipnorm"][untouched],
                               report.original_norms[untouched])


def test_angle_and_global_norm_are_plain_geometry():
    assert math.isclose(angle_between([np.array([1.0, 0.0])], [np.array([0.0, 2.0])]), 90.0)
    assert math.isclose(angle_between([np.array([1.0])], [np.array([-3.0])]), 180.0)
    assert global_norm([np.array([[3.0]]), np.array([4.0])]) == 5.0
    with pytest.raises(ValueError, match="gradien nol"):
        angle_between([np.zeros(2)], [np.ones(2)])
    with pytest.raises(ValueError, match="bentuk yang sama"):
        angle_between([np.ones(2)], [np.ones(3)])


def test_measure_variable_gradients_matches_closed_form():
    """Untuk satu lapisan softmax, ∂L/∂W = xᵀ(p − y)/n dan ∂L/∂b = Σ(p − y)/n."""
    rng = np.random.default_rng(1)
    x = rng.random((16, 28, 28), dtype=np.float32)
    y = rng.integers(0, 10, size=16)
    model = keras.Sequential([keras.Input((28, 28)), keras.layers.Flatten(),
                              keras.layers.Dense(10, activation="softmax", name="output",
                                                 kernel_initializer=keras.initializers
                                                 .RandomNormal(stddev=0.05, seed=2))])
    names, grads = measure_variable_gradients(model, x, y)
    assert names == ("output/kernel", "output/bias")
    flat = x.reshape(16, -1).astype(np.float64)
    w, b = (v.numpy().astype(np.float64) for v in model.layers[-1].weights)
    logits = flat @ w + b
    p = np.exp(logits - logits.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    delta = p - np.eye(10)[y]
    np.testing.assert_allclose(grads[0], flat.T @ delta / 16, rtol=1e-3, atol=1e-6)
    np.testing.assert_allclose(grads[1], delta.mean(axis=0), rtol=1e-3, atol=1e-6)


def test_clipping_activity_extremes():
    rng = np.random.default_rng(2)
    x = rng.random((100, 28, 28), dtype=np.float32)
    y = rng.integers(0, 10, size=100)
    model = build_deep_mlp(2, 16, "relu", "he_normal", seed=0)
    never = measure_clipping_activity(model, x, y, threshold=1e9, n_batches=3)
    always = measure_clipping_activity(model, x, y, threshold=1e-9, n_batches=3)
    assert never.clipped_fraction == 0.0 and never.variable_fraction == 0.0
    assert always.clipped_fraction == 1.0 and always.variable_fraction == 1.0
    assert never.max_norms.shape == (3,)
    np.testing.assert_allclose(never.max_norms, always.max_norms)  # batch acak yang sama
    with pytest.raises(ValueError, match="batch_size"):
        measure_clipping_activity(model, x[:10], y[:10], batch_size=32)


@pytest.mark.parametrize("call, error, message", [
    (lambda: clip_by_value([np.ones(2)], 0.0), ValueError, "positif"),
    (lambda: clip_by_norm([np.ones(2)], -1.0), ValueError, "positif"),
    (lambda: clip_by_global_norm([], 1.0), ValueError, "tidak boleh kosong"),
    (lambda: clip_by_value("abc", 1.0), TypeError, "daftar larik gradien"),
    (lambda: clip_gradients([np.ones(2)], "clip", 1.0), ValueError, "clipvalue, clipnorm"),
    (lambda: compare_clipping([np.ones(2)], ["a", "b"]), ValueError, "satu nama per gradien"),
    (lambda: compare_clipping([np.zeros(2)]), ValueError, "norma positif"),
    (lambda: keras_clipped_gradients([np.ones(2)], clipnorm=1.0, clipvalue=1.0), ValueError,
     "tepat satu"),
])
def test_bad_input_gets_a_clear_indonesian_error(call, error, message):
    with pytest.raises(error, match=message) as info:
        call()
    assert "Diterima" in str(info.value)


def test_reliable_step_losses_against_float32_running_means():
    """Bangun ulang apa yang dilaporkan Keras (rata-rata berjalan float32) dan pulihkan."""
    true = np.array([2.3, 2.1, 9e11, 2.4, 2.2, 2.0, 2.1, 2.05])
    means = np.cumsum(true) / np.arange(1, true.size + 1)
    reported = means.astype(np.float32).astype(np.float64)
    recovered = np.array([reported[b] * (b + 1) - (reported[b - 1] * b if b else 0.0)
                          for b in range(true.size)])
    assert np.abs(recovered[3:] - true[3:]).max() > 1.0          # sisa pembulatan, bukan loss
    clean = reliable_step_losses(recovered, steps_per_epoch=true.size)
    np.testing.assert_allclose(clean[:3], true[:3], rtol=1e-6)     # sebelum dan saat lonjakan
    assert np.all(np.isnan(clean[3:]))                             # sesudahnya: ditandai NaN
    ok = reliable_step_losses(true[[0, 1, 3, 4, 5, 6]], steps_per_epoch=3)
    np.testing.assert_allclose(ok, true[[0, 1, 3, 4, 5, 6]])      # loss biasa tidak disentuh
    assert np.isnan(reliable_step_losses([1.0, np.nan, 1.0], 3)).tolist() == [False, True, True]


def test_gradients_are_a_list_of_arrays_and_must_be_finite():
    # Daftar bergerigi = dua variabel dengan bentuk berbeda: sah.
    assert [g.tolist() for g in clip_by_value([[3.0, -0.5], [2.0]], 1.0)] == [[1.0, -0.5], [1.0]]
    for bad in ([np.array([np.nan, 1.0])], [np.array([np.inf])]):
        with pytest.raises(ValueError, match="berhingga.*Diterima.*grads"):
            clip_by_norm(bad, 1.0)
    with pytest.raises(TypeError, match="Diterima: grads\\[1\\]"):
        clip_by_norm([np.ones(2), "x"], 1.0)
