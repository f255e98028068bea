"""Tes pembangun model: struktur, benih, validasi."""

import numpy as np
import pytest

from chapter11.models import (build_deep_mlp, build_mixed_activation_model, build_mlp,
                              dense_layers, make_initializer)
from chapter11.runtime import quiet_tensorflow

keras = quiet_tensorflow()


def weights_of(model):
    return [w.copy() for w in model.get_weights()]


def test_same_arguments_give_same_weights():
    a = weights_of(build_deep_mlp(3, 16, "relu", "he_normal", seed=7))
    b = weights_of(build_deep_mlp(3, 16, "relu", "he_normal", seed=7))
    assert all(np.array_equal(x, y) for x, y in zip(a, b))


def test_different_seed_gives_different_weights():
    a = build_deep_mlp(2, 16, seed=1).get_weights()[0]
    b = build_deep_mlp(2, 16, seed=2).get_weights()[0]
    assert not np.array_equal(a, b)


def test_layers_get_different_weights_with_one_seed():
    kernels = [layer.kernel.numpy() for layer in dense_layers(build_deep_mlp(3, 16, seed=0))]
    assert not np.array_equal(kernels[1], kernels[2])


def test_builder_does_not_touch_global_random_state():
    keras.utils.set_random_seed(123)
    expected = np.random.random()
    keras.utils.set_random_seed(123)
    build_deep_mlp(2, 8, seed=5)
    assert np.random.random() == expected


def test_deep_mlp_shape_and_output():
    model = build_deep_mlp(20, 100, "sigmoid", "glorot_uniform")
    units = [layer.units for layer in dense_layers(model)]
    assert units == [100] * 20 + [10]
    probs = model(np.zeros((4, 28, 28), np.float32)).numpy()
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-5)


def test_initializer_variance_follows_he_formula():
    model = build_mlp((400,), "relu", "he_normal", seed=0)
    kernel = dense_layers(model)[0].kernel.numpy()
    assert kernel.var() == pytest.approx(2 / 784, rel=0.03)


def test_initializer_from_dict_and_object_are_equivalent():
    as_dict = make_initializer({"class_name": "RandomNormal", "config": {"stddev": 1.0}}, 3)
    as_obj = make_initializer(keras.initializers.RandomNormal(stddev=1.0, seed=99), 3)
    np.testing.assert_array_equal(as_dict((5, 5)), as_obj((5, 5)))


def test_batch_norm_before_drops_dense_bias():
    model = build_mlp((300, 100), "elu", "he_normal", batch_norm="before", input_batch_norm=True)
    kinds = [type(layer).__name__ for layer in model.layers]
    assert kinds == ["Flatten", "BatchNormalization", "Dense", "BatchNormalization", "Activation",
                     "Dense", "BatchNormalization", "Activation", "Dense"]
    assert [layer.use_bias for layer in dense_layers(model)] == [False, False, True]


def test_leaky_relu_uses_keras3_negative_slope():
    model = build_mlp((8,), "leaky_relu", "he_normal")
    leaky = [layer for layer in model.layers if isinstance(layer, keras.layers.LeakyReLU)]
    assert len(leaky) == 1 and leaky[0].negative_slope == pytest.approx(0.2)


def test_mixed_activation_model_matches_course_notebook():
    model = build_mixed_activation_model(seed=0)
    dense = dense_layers(model)
    assert [layer.units for layer in dense] == [300, 100, 100, 10]
    assert dense[2].activation is keras.activations.selu
    # 784·300+300 + 300·100+100 + 100·100+100 + 100·10+10
    assert model.count_params() == 235500 + 30100 + 10100 + 1010


@pytest.mark.parametrize(
    "kwargs, error, match",
    [
        ({"depth": 0}, ValueError, "`depth` harus bilangan bulat positif"),
        ({"depth": 2.5}, TypeError, "`depth` harus bilangan bulat"),
        ({"depth": 2, "activation": "nope"}, ValueError, "`activation` harus nama aktivasi"),
        ({"depth": 2, "kernel_initializer": "nope"}, ValueError, "`kernel_initializer`"),
        ({"depth": 2, "kernel_initializer": 3}, TypeError, "`kernel_initializer`"),
        ({"depth": 2, "batch_norm": "middle"}, ValueError, "`batch_norm` harus salah satu"),
        ({"depth": 2, "seed": -1}, ValueError, "`seed`"),
    ],
)
def test_validation(kwargs, error, match):
    with pytest.raises(error, match=match):
        build_deep_mlp(**kwargs)


def test_hidden_units_validation():
    with pytest.raises(TypeError, match="hidden_units"):
        build_mlp(300)
    with pytest.raises(ValueError, match="tidak boleh kosong"):
        build_mlp(())


def test_consecutive_seeds_share_no_weight_matrix():
    a = [layer.kernel.numpy() for layer in dense_layers(build_deep_mlp(4, 16, seed=0))]
    b = [layer.kernel.numpy() for layer in dense_layers(build_deep_mlp(4, 16, seed=1))]
    for i in range(1, 4):
        for j in range(1, 4):
            assert not np.array_equal(a[i], b[j])


def test_batch_norm_momentum_reaches_every_bn_layer_and_is_checked():
    keras = quiet_tensorflow()
    model = build_mlp((8, 4), "relu", "he_normal", seed=0, batch_norm="before",
                      input_batch_norm=True, batch_norm_momentum=0.9)
    bns = [layer for layer in model.layers
           if isinstance(layer, keras.layers.BatchNormalization)]
    assert len(bns) == 3 and all(layer.momentum == 0.9 for layer in bns)
    default = build_deep_mlp(2, 4, "relu", "he_normal", seed=0, batch_norm="after")
    assert all(layer.momentum == 0.99 for layer in default.layers
               if isinstance(layer, keras.layers.BatchNormalization))
    with pytest.raises(ValueError, match="batch_norm_momentum"):
        build_mlp((8,), batch_norm="before", batch_norm_momentum=1.0)
