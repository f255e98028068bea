"""Tes perbandingan berpasangan: uji tanda-balik dan ringkasan perolehan."""

import itertools
import math

import numpy as np
import pytest

from chapter11.paired import EXACT_LIMIT, PairedGain, sign_flip_p_value


def brute_force_p(d):
    """Rujukan independen: hitung semua kombinasi tanda dengan loop Python biasa."""
    observed = abs(sum(d)) / len(d)
    hits = total = 0
    for signs in itertools.product((1, -1), repeat=len(d)):
        total += 1
        hits += abs(sum(s * v for s, v in zip(signs, d))) / len(d) >= observed - 1e-12
    return hits / total


@pytest.mark.parametrize("d", [[1.0, 2.0, 3.0], [0.5, -0.2, 0.1, 0.4, 0.3],
                               [0.02, -0.01, 0.01, 0.0], [-1.0, -1.0, -1.0]])
def test_exact_sign_flip_matches_brute_force(d):
    assert math.isclose(sign_flip_p_value(d), brute_force_p(d))


def test_sign_flip_hand_values():
    assert sign_flip_p_value([1.0, 2.0, 3.0]) == 0.25          # hanya ±(1+2+3)
    assert sign_flip_p_value([0.0, 0.0]) == 1.0
    assert sign_flip_p_value([0.3]) == 1.0                     # satu pasangan tak pernah nyata


def test_sign_flip_monte_carlo_beyond_exact_limit():
    n = EXACT_LIMIT + 4
    assert sign_flip_p_value([0.01] * n) < 1e-3                # semua searah: sangat kecil
    mixed = [0.01 * (-1) ** i for i in range(n)]
    assert sign_flip_p_value(mixed) == 1.0                      # rata-rata 0
    assert sign_flip_p_value(np.linspace(-1, 2, n), seed=3) == \
        sign_flip_p_value(np.linspace(-1, 2, n), seed=3)


def test_paired_gain_summary_against_numpy():
    base = [0.90, 0.91, 0.88, 0.93, 0.92]
    treated = [0.92, 0.90, 0.88, 0.95, 0.93]
    g = PairedGain(tuple(range(5)), base, treated, label="uji", baseline_label="dasar")
    d = np.array(treated) - np.array(base)
    np.testing.assert_allclose(g.gains, d)
    assert math.isclose(g.mean_gain, d.mean()) and math.isclose(g.std_gain, d.std(ddof=1))
    assert (g.n_better, g.n_worse, g.n_tied) == (3, 1, 1)
    assert (g.min_gain, g.max_gain) == (pytest.approx(d.min()), pytest.approx(d.max()))
    np.testing.assert_allclose(g.error_reduction,
                               [1 - (1 - t) / (1 - b) for b, t in zip(base, treated)])
    assert math.isclose(g.p_value, brute_force_p(d.tolist()))


def test_verdict_follows_the_test():
    up = PairedGain(tuple(range(8)), [0.9] * 8, [0.92] * 8)
    down = PairedGain(tuple(range(8)), [0.9] * 8, [0.85] * 8)
    noisy = PairedGain(tuple(range(4)), [0.9] * 4, [0.91, 0.89, 0.92, 0.88])
    assert up.significant() and up.verdict().startswith("positif")
    assert down.significant() and down.verdict().startswith("negatif")
    assert not noisy.significant() and noisy.verdict() == "tidak dapat dibedakan dari nol"
    assert not up.significant(alpha=up.p_value)


def test_error_reduction_undefined_for_perfect_baseline():
    g = PairedGain((0, 1), [1.0, 0.9], [0.99, 0.95])
    assert math.isnan(g.error_reduction[0]) and g.error_reduction[1] == pytest.approx(0.5)


@pytest.mark.parametrize("kwargs, error, message", [
    (dict(seeds=(0, 0), baseline=(0.9, 0.9), treated=(0.9, 0.9)), ValueError, "tanpa kembar"),
    (dict(seeds=(0, 1), baseline=(0.9,), treated=(0.9, 0.9)), ValueError, "sepanjang `seeds`"),
    (dict(seeds=(0,), baseline=(1.2,), treated=(0.9,)), ValueError, "paling besar 1"),
    (dict(seeds="01", baseline=(0.9,), treated=(0.9,)), TypeError, "bilangan bulat"),
    (dict(seeds=(0,), baseline=(0.9,), treated=(0.9,), label=3), TypeError, "string"),
])
def test_bad_input(kwargs, error, message):
    with pytest.raises(error, match=message) as info:
        PairedGain(**kwargs)
    assert "Diterima" in str(info.value)
    with pytest.raises(ValueError, match="tidak boleh kosong"):
        sign_flip_p_value([])
