"""Tes pemecahan simetri: bobot yang sama membuat unit kembar; bobot acak tidak."""

import numpy as np
import pytest

from chapter11.symmetry import count_distinct_units, measure_symmetry


@pytest.fixture(scope="module")
def data():
    rng = np.random.default_rng(0)
    return rng.random((256, 28, 28), dtype=np.float32), rng.integers(0, 10, size=256)


def test_count_distinct_units_groups_equal_columns():
    kernel = np.array([[1.0, 1.0, 0.0, 1.0], [2.0, 2.0, 0.0, 2.0 + 1e-3]])
    assert count_distinct_units(kernel) == 3
    assert count_distinct_units(kernel, tolerance=1e-2) == 2
    with pytest.raises(ValueError, match="2-D"):
        count_distinct_units(np.zeros(3))


def test_equal_weights_stay_twins_and_random_weights_do_not(data):
    x, y = data
    constant = {"class_name": "Constant", "config": {"value": 0.01}}
    twins = measure_symmetry(constant, x, y, hidden_units=(6, 5), steps=30, label="k")
    assert twins.distinct_units == (1, 1) and twins.n_units == (6, 5) and twins.label == "k"
    zeros = measure_symmetry("zeros", x, y, hidden_units=(6,), steps=30)
    assert zeros.distinct_units == (1,)
    # Nol untuk ReLU: tidak ada gradien ke lapisan tersembunyi, jadi bobotnya tetap nol.
    random = measure_symmetry("he_normal", x, y, hidden_units=(6, 5), steps=30)
    assert random.distinct_units == (6, 5)
    assert len(random.losses) == 30 and np.all(np.isfinite(random.losses))
    assert random.steps.tolist() == list(range(1, 31))


def test_training_is_deterministic(data):
    x, y = data
    a = measure_symmetry("he_normal", x, y, hidden_units=(4,), steps=10, seed=3)
    b = measure_symmetry("he_normal", x, y, hidden_units=(4,), steps=10, seed=3)
    np.testing.assert_array_equal(a.losses, b.losses)


@pytest.mark.parametrize("kwargs, error, match", [
    ({"hidden_units": ()}, ValueError, "tidak boleh kosong"),
    ({"steps": 0}, ValueError, "`steps`"),
    ({"learning_rate": 0.0}, ValueError, "`learning_rate` harus positif"),
    ({"seed": -1}, ValueError, "`seed`"),
    ({"hidden_units": (4.5,)}, TypeError, "bilangan bulat"),
])
def test_validation(data, kwargs, error, match):
    x, y = data
    with pytest.raises(error, match=match):
        measure_symmetry("he_normal", x, y, **kwargs)
    with pytest.raises(ValueError, match="kernel_initializer"):
        measure_symmetry("tidak_ada", x, y, hidden_units=(2,), steps=1)
