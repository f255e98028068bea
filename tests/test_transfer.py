"""Tes deskripsi eksperimen halaman transfer, pelatihan berpasangan, dan klaim tentang Keras."""

import keras
import numpy as np
import pytest

from chapter11.experiments import DataSpec, Experiment, ModelSpec, Phase, run
from chapter11.models import build_autoencoder
from chapter11.runtime import Budget
from chapter11.transfer import (
    B_TRAINING, ENCODER_LAYERS, GERON_RESULTS, HIDDEN, autoencoder_experiment,
    model_a_experiment, model_b_experiment, model_b_on_a_experiment,
    model_b_on_autoencoder_experiment, run_paired, transfer_seeds,
)

FAST, FULL = Budget("fast"), Budget("full")


def test_full_budget_model_a_is_gerons():
    a = model_a_experiment(FULL)
    phase = a.phases[0]
    assert a.data == DataSpec.task_a()                       # semua gambar tugas A
    assert (phase.optimizer, phase.learning_rate, phase.epochs, phase.batch_size) == \
        ("SGD", 0.001, 20, 32)
    assert phase.optimizer_config["momentum"] == 0.0
    assert a.model == ModelSpec("build_mlp", HIDDEN)
    fast = model_a_experiment(FAST)
    assert fast.data.n_train == 10_000 and fast.model == a.model and fast != a


def test_model_b_runs_are_the_same_in_both_budgets_and_follow_geron():
    assert model_b_experiment(3) == model_b_experiment(3)
    b = model_b_experiment(3)
    assert b.data.binary and b.data.n_train == 200 and b.data.classes == (0, 2)
    assert [p.epochs for p in b.phases] == [B_TRAINING["epochs"]] == [20]
    reuse_fast, reuse_full = (model_b_on_a_experiment(x, 3) for x in (FAST, FULL))
    assert reuse_fast.phases == reuse_full.phases and reuse_fast.data == reuse_full.data
    assert [p.epochs for p in reuse_fast.phases] == [4, 16]
    assert [p.unfreeze for p in reuse_fast.phases] == [False, True]
    assert reuse_fast.model.reuse.freeze and reuse_fast.model.reuse.layers == -1
    assert reuse_fast.model.reuse.source == model_a_experiment(FAST)
    assert all(p.learning_rate == 0.001 for p in (*b.phases, *reuse_fast.phases))
    assert len(transfer_seeds(FAST)) >= 10 and len(transfer_seeds(FULL)) >= 10


def test_encoder_layers_exist_in_the_autoencoder_and_match_model_b():
    ae = autoencoder_experiment(FAST)
    built = build_autoencoder(**ae.model.kwargs.to_dict(), seed=0)
    names = [layer.name for layer in built.layers]
    assert list(ENCODER_LAYERS) == names[:4]
    assert [built.get_layer(n).units for n in ENCODER_LAYERS[1:]] == HIDDEN["hidden_units"]
    assert ae.data.target == "inputs" and ae.data.classes is None   # tanpa label, sepuluh kelas
    reuse = model_b_on_autoencoder_experiment(FAST, 1).model.reuse
    assert reuse.layers == ENCODER_LAYERS and reuse.source == ae


def test_geron_numbers_give_his_error_reduction():
    reduction = 1 - (1 - GERON_RESULTS["b_on_a_test_accuracy"]) / (
        1 - GERON_RESULTS["b_test_accuracy"])
    assert reduction == pytest.approx(0.24539877300613477)   # angka yang dicetak notebooknya


def test_bad_budget():
    with pytest.raises(TypeError, match="Budget"):
        model_a_experiment("fast")
    with pytest.raises(TypeError, match="Budget"):
        transfer_seeds(None)


def test_run_paired_collects_test_accuracies(tmp_path, monkeypatch):
    monkeypatch.setenv("CHAPTER11_CACHE_DIR", str(tmp_path))
    data = DataSpec.task_b(n_train=64, n_valid=32)

    def make(lr):
        return lambda seed: Experiment(
            model=ModelSpec("build_mlp", {"hidden_units": [8]}),
            phases=Phase(epochs=1, optimizer="sgd", learning_rate=lr, batch_size=32,
                         validate_every_epoch=False),
            data=data, seed=seed, label=f"laju {lr}")

    gain = run_paired(make(0.01), make(0.1), (0, 1))
    assert gain.seeds == (0, 1) and gain.label == "laju 0.1" and gain.baseline_label == "laju 0.01"
    expected = [run(make(0.1)(s)).test["accuracy"] - run(make(0.01)(s)).test["accuracy"]
                for s in (0, 1)]
    np.testing.assert_allclose(gain.gains, expected)
    with pytest.raises(TypeError, match="fungsi benih"):
        run_paired(make(0.01), "bukan fungsi", (0,))


def test_unfreezing_needs_compile_again():
    """Klaim halaman: perubahan ``trainable`` baru berlaku sesudah ``compile`` ulang."""
    rng = np.random.default_rng(0)
    x, y = rng.random((64, 4), dtype=np.float32), rng.random((64, 1), dtype=np.float32)
    changed = {}
    for recompile in (False, True):
        keras.utils.set_random_seed(0)
        model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3), keras.layers.Dense(1)])
        model.layers[0].trainable = False
        model.compile(loss="mse", optimizer=keras.optimizers.SGD(learning_rate=0.1))
        model.fit(x, y, epochs=1, verbose=0)
        before = model.layers[0].kernel.numpy().copy()
        model.layers[0].trainable = True
        if recompile:
            model.compile(loss="mse", optimizer=keras.optimizers.SGD(learning_rate=0.1))
        model.fit(x, y, epochs=1, verbose=0)
        changed[recompile] = not np.allclose(before, model.layers[0].kernel.numpy())
    assert changed == {False: False, True: True}


def test_keras_default_sgd_rate_is_ten_times_gerons():
    """Klaim halaman: laju 0,001 adalah sepersepuluh laju bawaan SGD Keras."""
    default = keras.optimizers.SGD().get_config()["learning_rate"]
    assert default == pytest.approx(10 * B_TRAINING["learning_rate"])


def test_sequential_of_layers_without_clone_shares_weights():
    """Klaim halaman: tanpa salinan, melatih model B ikut mengubah lapisan model A."""
    keras.utils.set_random_seed(0)
    rng = np.random.default_rng(0)
    x, y = rng.random((32, 4), dtype=np.float32), rng.integers(0, 2, size=32)
    model_a = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, activation="relu"),
                                keras.layers.Dense(2, activation="softmax")])
    before = model_a.layers[0].kernel.numpy().copy()
    clone = keras.models.clone_model(model_a)
    clone.set_weights(model_a.get_weights())
    for layers, shared in ((clone.layers[:-1], False), (model_a.layers[:-1], True)):
        model_b = keras.Sequential([keras.Input((4,)), *layers,
                                    keras.layers.Dense(1, activation="sigmoid")])
        model_b.compile(loss="binary_crossentropy", optimizer=keras.optimizers.SGD(0.5))
        model_b.fit(x, y, epochs=2, verbose=0)
        assert (not np.allclose(before, model_a.layers[0].kernel.numpy())) == shared
