"""Tes ukuran ketepatan dan kalibrasi (chapter11.calibration) terhadap rumus dan kasus buatan."""

import math

import numpy as np
import pytest

from chapter11.calibration import (accuracy_by_uncertainty, accuracy_standard_error,
                                   check_probabilities, expected_calibration_error,
                                   measure_calibration, negative_log_likelihood,
                                   predictive_accuracy, predictive_entropy, rank_by_uncertainty)


def _softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


@pytest.fixture()
def random_probs():
    rng = np.random.default_rng(0)
    probs = _softmax(rng.normal(scale=2.0, size=(500, 10)))
    return probs, rng.integers(0, 10, 500)


@pytest.mark.parametrize("probs, y, match", [
    (np.ones(3) / 3, None, r"larik \(n, k\)"),
    (np.ones((2, 1)), None, r"k >= 2"),
    ([[0.5, 0.6]], None, "berjumlah 1"),
    ([[1.2, -0.2]], None, "berjumlah 1"),
    ([[np.nan, 1.0]], None, "berjumlah 1"),
    ([[0.5, 0.5]], [0, 1], "sepanjang baris"),
    ([[0.5, 0.5]], [0.0], "bilangan bulat"),
    ([[0.5, 0.5]], [2], r"0 … 1"),
])
def test_bad_probabilities_and_labels_are_rejected(probs, y, match):
    with pytest.raises(ValueError, match=match):
        check_probabilities(probs, y)


def test_accuracy_counts_the_argmax(random_probs):
    probs, y = random_probs
    expected = sum(int(np.argmax(p) == t) for p, t in zip(probs, y)) / len(y)
    assert predictive_accuracy(probs, y) == pytest.approx(expected)


def test_nll_matches_keras_crossentropy(random_probs):
    import keras

    probs, y = random_probs
    keras_ce = keras.losses.SparseCategoricalCrossentropy()(y, probs.astype("float32"))
    assert negative_log_likelihood(probs, y) == pytest.approx(float(keras_ce), rel=1e-5)


def test_nll_of_a_certain_wrong_prediction_is_clipped():
    assert negative_log_likelihood([[1.0, 0.0]], [1]) == pytest.approx(-math.log(1e-7))


def test_ece_by_hand_on_two_bins():
    # Dua prediksi berkeyakinan 0,95 (satu benar) dan dua berkeyakinan 0,55 (keduanya benar).
    probs = np.array([[0.95, 0.05], [0.05, 0.95], [0.55, 0.45], [0.45, 0.55]])
    y = np.array([0, 0, 0, 1])
    expected = 0.5 * abs(0.5 - 0.95) + 0.5 * abs(1.0 - 0.55)
    report = measure_calibration(probs, y, n_bins=10)
    assert report.ece == pytest.approx(expected)
    assert report.bin_count.sum() == 4 and report.bin_count[9] == 2 and report.bin_count[5] == 2
    assert report.mean_confidence == pytest.approx(0.75) and report.accuracy == 0.75
    assert np.isnan(report.bin_accuracy[0])


def test_ece_is_small_for_calibrated_predictions_and_one_for_certain_mistakes():
    rng = np.random.default_rng(1)
    confidence = rng.uniform(0.5, 1.0, 40_000)
    correct = rng.uniform(size=confidence.size) < confidence   # benar dengan peluang = keyakinan
    probs = np.column_stack([confidence, 1 - confidence])
    y = np.where(correct, 0, 1)
    assert expected_calibration_error(probs, y) < 0.01
    assert expected_calibration_error([[1.0, 0.0]] * 3, [1, 1, 1]) == pytest.approx(1.0)


def test_overconfidence_flag_follows_mean_confidence():
    sure = measure_calibration([[0.99, 0.01], [0.99, 0.01]], [0, 1])
    unsure = measure_calibration([[0.6, 0.4], [0.6, 0.4]], [0, 0])
    assert sure.overconfident and not unsure.overconfident


def test_entropy_is_zero_for_certainty_and_log_k_for_uniform():
    entropy = predictive_entropy([[1.0, 0.0, 0.0], [1 / 3] * 3, [0.5, 0.5, 0.0]])
    np.testing.assert_allclose(entropy, [0.0, math.log(3), math.log(2)])


def test_standard_error_formula_and_validation():
    assert accuracy_standard_error(0.5, 100) == pytest.approx(0.05)
    assert accuracy_standard_error(1.0, 10) == 0.0
    with pytest.raises(ValueError, match="paling besar 1"):
        accuracy_standard_error(1.5, 10)
    with pytest.raises(ValueError, match="positif"):
        accuracy_standard_error(0.5, 0)


def test_standard_error_matches_binomial_spread():
    rng = np.random.default_rng(2)
    samples = rng.binomial(5000, 0.85, size=4000) / 5000
    assert np.std(samples) == pytest.approx(accuracy_standard_error(0.85, 5000), rel=0.05)


def test_ranking_is_a_permutation_by_decreasing_entropy(random_probs):
    probs, _ = random_probs
    order = rank_by_uncertainty(probs)
    assert sorted(order.tolist()) == list(range(len(probs)))
    assert np.all(np.diff(predictive_entropy(probs)[order]) <= 1e-12)


def test_accuracy_by_uncertainty_groups_average_to_the_accuracy(random_probs):
    probs, y = random_probs
    groups = accuracy_by_uncertainty(probs, y, n_groups=5)   # 5 × 100 contoh
    assert groups.shape == (5,)
    assert groups.mean() == pytest.approx(predictive_accuracy(probs, y))
    with pytest.raises(ValueError, match="n_groups"):
        accuracy_by_uncertainty(probs[:3], y[:3], n_groups=4)


def test_confident_predictions_are_more_accurate_when_confidence_means_something():
    rng = np.random.default_rng(3)
    confidence = rng.uniform(0.5, 1.0, 5000)
    y = np.where(rng.uniform(size=5000) < confidence, 0, 1)
    groups = accuracy_by_uncertainty(np.column_stack([confidence, 1 - confidence]), y,
                                     n_groups=4)
    assert np.all(np.diff(groups) < 0)   # dari paling pasti ke paling ragu
