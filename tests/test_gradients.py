"""Tes pengukuran norma gradien, terhadap propagasi balik NumPy dan data sungguhan."""

import numpy as np
import pytest

from chapter11.activations import sigmoid, sigmoid_derivative
from chapter11.data import load_fashion_mnist
from chapter11.gradients import measure_gradient_norms
from chapter11.models import build_deep_mlp, dense_layers


@pytest.fixture(scope="module")
def batch():
    data = load_fashion_mnist()
    return data.x_train[:128], data.y_train[:128].astype(np.int64)


def numpy_gradient_norms(model, x, y):
    """Propagasi balik manual dengan NumPy untuk MLP sigmoid (perhitungan independen)."""
    weights = [(layer.kernel.numpy().astype(np.float64), layer.bias.numpy().astype(np.float64))
               for layer in dense_layers(model)]
    h = x.reshape(len(x), -1).astype(np.float64)
    inputs, zs = [], []
    for i, (w, b) in enumerate(weights):
        inputs.append(h)
        z = h @ w + b
        zs.append(z)
        if i < len(weights) - 1:
            h = sigmoid(z)
        else:
            z = z - z.max(axis=1, keepdims=True)
            h = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    onehot = np.eye(10)[y]
    delta = (h - onehot) / len(x)  # ∂L/∂z untuk softmax + entropi silang rata-rata
    norms = [0.0] * len(weights)
    for i in reversed(range(len(weights))):
        norms[i] = np.linalg.norm(inputs[i].T @ delta)
        if i > 0:
            delta = (delta @ weights[i][0].T) * sigmoid_derivative(zs[i - 1])
    return np.array(norms)


def test_norms_agree_with_numpy_backprop(batch):
    x, y = batch
    model = build_deep_mlp(5, 32, "sigmoid", "glorot_uniform", seed=3)
    report = measure_gradient_norms(model, x, y)
    np.testing.assert_allclose(report.norms, numpy_gradient_norms(model, x, y), rtol=2e-3)
    assert report.layer_names[-1] == "output" and len(report.norms) == 6


def test_measurement_does_not_update_weights(batch):
    x, y = batch
    model = build_deep_mlp(3, 16, seed=0)
    before = [w.copy() for w in model.get_weights()]
    measure_gradient_norms(model, x, y)
    assert all(np.array_equal(a, b) for a, b in zip(before, model.get_weights()))


def test_sigmoid_glorot_vanishes_while_relu_he_stays_within_an_order(batch):
    x, y = batch
    glorot = measure_gradient_norms(build_deep_mlp(20, 100, "sigmoid", "glorot_uniform", seed=1),
                                    x, y)
    relu = measure_gradient_norms(build_deep_mlp(20, 100, "relu", "he_normal", seed=1), x, y)
    assert glorot.first_to_last_ratio < 1e-6
    assert 0.1 < relu.first_to_last_ratio < 10


@pytest.mark.parametrize(
    "x, y, match",
    [
        (np.zeros((4, 28)), np.zeros(4, int), "bentuk \\(n, 28, 28\\)"),
        (np.zeros((0, 28, 28)), np.zeros(0, int), "tidak boleh kosong"),
        (np.zeros((4, 28, 28)), np.zeros(3, int), "sepanjang batch"),
        (np.zeros((4, 28, 28)), np.full(4, 12), "label bilangan bulat 0–9"),
        (np.zeros((4, 28, 28)), np.zeros(4), "label bilangan bulat 0–9"),
    ],
)
def test_validation(x, y, match):
    model = build_deep_mlp(1, 4, seed=0)
    with pytest.raises(ValueError, match=match):
        measure_gradient_norms(model, x, y)


def test_tiny_gradients_are_not_read_as_zero(batch):
    # Sigmoid + Glorot, 40 lapisan: elemen gradien lapisan bawah jauh di bawah 1e-19, sehingga
    # kuadratnya di bawah float32 terkecil; norma harus tetap positif (dihitung dalam float64).
    x, y = batch
    report = measure_gradient_norms(build_deep_mlp(40, 32, "sigmoid", "glorot_uniform", seed=0),
                                    x, y)
    assert np.all(report.norms > 0) and report.norms[0] < 1e-19
