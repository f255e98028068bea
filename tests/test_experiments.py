"""Tes deskripsi eksperimen, pelatihan, dan cache pelatihan (versi mini setiap eksperimen bab ini)."""

import json
import math
import shutil
import threading

import keras
import numpy as np
import pytest

from chapter11 import schedules
from chapter11.experiments import (
    DataSpec, Experiment, ModelSpec, Phase, Reuse, RunSpec, callback, load_task, prepare_data,
    run, run_seeds, summarize_seeds,
)
from chapter11.experiments import cache as cache_module
from chapter11.experiments import training
from chapter11.experiments.training import StepRecorder
from chapter11.keras_schedules import OneCycle

TINY = DataSpec(n_train=256, n_valid=128)


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CHAPTER11_CACHE_DIR", str(tmp_path))
    return tmp_path


@pytest.fixture()
def count_training(monkeypatch):
    calls = []
    original = cache_module.train

    def counting(exp, *args, **kwargs):
        calls.append(exp.label)
        return original(exp, *args, **kwargs)

    monkeypatch.setattr(cache_module, "train", counting)
    return calls


@pytest.fixture(scope="module")
def trained_tiny(tmp_path_factory):
    """Satu pelatihan ``tiny()`` untuk modul ini, di folder cache-nya sendiri."""
    folder = tmp_path_factory.mktemp("tiny-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CHAPTER11_CACHE_DIR", str(folder))
        result = run(tiny())
    return folder, result


@pytest.fixture()
def warm_cache(cache, trained_tiny):
    """Cache tes ini, sudah berisi hasil ``tiny()`` (salinan berkas, tanpa melatih lagi)."""
    folder, result = trained_tiny
    shutil.copytree(folder / "runs", cache / "runs", dirs_exist_ok=True)
    return result


def mlp(units=(16,), **kwargs):
    return ModelSpec("build_mlp", {"hidden_units": list(units), **kwargs})


def tiny(phases=None, *, data=TINY, model=None, seed=0, label="mini"):
    phases = phases or Phase(epochs=1, optimizer="sgd", learning_rate=0.05, batch_size=64)
    return Experiment(model=model or mlp(), phases=phases, data=data, seed=seed, label=label)


# --- Deskripsi --------------------------------------------------------------------------------

def test_short_constructor_matches_full_description():
    short = RunSpec("build_mlp", {"hidden_units": [16]}, epochs=1, learning_rate=0.05,
                    batch_size=64, n_train=256, n_valid=128, seed=0)
    assert short == tiny()
    assert hash(short) == hash(tiny())


def test_label_is_not_part_of_the_description():
    assert tiny(label="a") == tiny(label="b")
    assert cache_module.cache_key(tiny(label="a")) == cache_module.cache_key(tiny(label="b"))


def test_optimizer_object_and_name_give_the_same_description():
    by_name = Phase(epochs=2, optimizer="sgd", learning_rate=0.01,
                    optimizer_kwargs={"momentum": 0.9, "nesterov": True, "clipnorm": 1.0})
    by_object = Phase(epochs=2, optimizer=keras.optimizers.SGD(
        learning_rate=0.01, momentum=0.9, nesterov=True, clipnorm=1.0))
    assert by_name == by_object
    optimizer = by_name.make_optimizer()
    assert (optimizer.momentum, optimizer.nesterov, optimizer.clipnorm) == (0.9, True, 1.0)


def test_schedule_object_and_config_give_the_same_description():
    schedule = keras.optimizers.schedules.ExponentialDecay(0.01, 100, 0.1)
    as_object = Phase(epochs=1, learning_rate=schedule)
    as_config = Phase(epochs=1, learning_rate={
        "class_name": "ExponentialDecay",
        "config": schedule.get_config()})
    assert as_object == as_config and as_object.schedule and not as_object.record_steps


def test_full_description_round_trips_through_json():
    source = tiny(model=mlp((16, 8)), data=DataSpec.task_a(n_train=256, n_valid=128))
    exp = Experiment(
        model=ModelSpec.reusing(source, layers=-1, freeze=True),
        phases=(Phase(epochs=1, optimizer="sgd", learning_rate=OneCycle(50, 0.1), batch_size=32,
                      callbacks=[callback("EarlyStopping", patience=2)]),
                Phase(epochs=2, optimizer="adamw", learning_rate=1e-3, unfreeze=True,
                      optimizer_kwargs={"weight_decay": 1e-4, "global_clipnorm": 1.0})),
        data=DataSpec.task_b(), seed=3)
    text = exp.to_json()
    again = Experiment.from_dict(json.loads(text))
    assert again == exp and again.to_json() == text and hash(again) == hash(exp)


def test_keras_configs_are_accepted_in_builder_kwargs():
    spec = mlp(kernel_regularizer={"class_name": "L2", "config": {"l2": 0.01}},
               kernel_constraint={"class_name": "MaxNorm", "config": {"max_value": 1.0}},
               kernel_initializer={"class_name": "HeNormal", "config": {}})
    assert spec.kwargs["kernel_regularizer"]["config"]["l2"] == 0.01


@pytest.mark.parametrize("make, error, match", [
    (lambda: ModelSpec("build_nothing"), ValueError, "pembangun di chapter11.models"),
    (lambda: mlp(activaton="relu"), ValueError, "tidak dikenal: activaton"),
    (lambda: mlp(activation="relux"), ValueError, "aktivasi Keras"),
    (lambda: mlp(kernel_regularizer="l7"), ValueError, "keras.regularizers"),
    (lambda: mlp(seed=1), ValueError, "diisi oleh eksperimen"),
    (lambda: mlp(units=(10**7,)), ValueError, "paling besar"),
    (lambda: ModelSpec("build_deep_mlp", {"depth": 10**6}), ValueError, "paling besar 1000"),
    (lambda: ModelSpec("build_mlp", {"kernel_initializer": object()}), TypeError, "nilai JSON"),
    (lambda: Phase(epochs=0), ValueError, "positif"),
    (lambda: Phase(epochs=10**9), ValueError, "paling besar"),
    (lambda: Phase(epochs=1, learning_rate=-1.0), ValueError, "angka positif"),
    (lambda: Phase(epochs=1, learning_rate=float("nan")), ValueError, "angka positif"),
    (lambda: Phase(epochs=1, learning_rate={"class_name": "Nope", "config": {}}), ValueError,
     "jadwal Keras"),
    (lambda: Phase(epochs=1, optimizer="sgd", optimizer_kwargs={"momentum": 0.9, "lr": 1}),
     ValueError, "learning rate"),
    (lambda: Phase(epochs=1, optimizer="sgd", optimizer_kwargs={"momentun": 0.9}), ValueError,
     "tidak dikenal Keras"),
    (lambda: Phase(epochs=1, optimizer="sgdx"), ValueError, "tidak dikenal Keras"),
    (lambda: Phase(epochs=1, callbacks=[keras.callbacks.EarlyStopping()]), TypeError, "callback"),
    (lambda: callback("ModelCheckpoint", filepath="x.keras"), ValueError, "salah satu dari"),
    (lambda: callback("EarlyStopping", patience="lama", foo=1), ValueError, "tidak sah"),
    (lambda: DataSpec(classes=(0,), binary=False), ValueError, "dua label"),
    (lambda: DataSpec(classes=(0, 1, 2), binary=True), ValueError, "tepat dua"),
    (lambda: DataSpec(classes=(0, 11)), ValueError, "0–9"),
    (lambda: DataSpec(n_train=60_000), ValueError, "paling besar 55000"),
    (lambda: DataSpec(binary=1), TypeError, "True atau False"),
    (lambda: Experiment(model=mlp(), phases=()), ValueError, "paling sedikit satu Phase"),
    (lambda: Experiment(model=mlp(), phases=[Phase(epochs=1)], data=DataSpec(target="inputs")),
     ValueError, "build_autoencoder"),
    (lambda: Reuse(source="A"), TypeError, "Experiment"),
    (lambda: Reuse(source=tiny(), layers=0), ValueError, "tidak boleh 0"),
])
def test_bad_descriptions_fail_early_with_a_clear_message(make, error, match):
    with pytest.raises(error, match=match):
        make()


# --- Data tugas ------------------------------------------------------------------------------

def test_task_a_and_b_follow_geron():
    a = load_task(DataSpec.task_a())
    assert sorted(set(a.y_train.tolist())) == list(range(8))
    assert "Kaus/atasan" not in a.class_names and "Pulover" not in a.class_names
    b = load_task(DataSpec.task_b())
    assert b.x_train.shape == (200, 28, 28) and b.class_names == ("Kaus/atasan", "Pulover")
    full = load_task(DataSpec())
    expected = {0: 0, 2: 1}
    mask = np.isin(full.y_test, (0, 2))
    assert np.array_equal(b.y_test, [expected[y] for y in full.y_test[mask]])
    assert np.array_equal(b.x_test, full.x_test[mask])
    assert len(a.x_train) + len(load_task(DataSpec(classes=(0, 2))).x_train) == 55_000


def test_too_many_examples_for_a_subset_is_a_clear_error():
    with pytest.raises(ValueError, match="melebihi banyak contoh"):
        load_task(DataSpec(classes=(0, 2), n_train=20_000))


def test_standardized_training_inputs_have_unit_scale():
    x = load_task(DataSpec(n_train=2000, scaling="standardize")).x_train
    assert abs(float(x.mean())) < 1e-3
    assert abs(float(x.reshape(len(x), -1).std(axis=0).mean()) - 1) < 0.05


def test_autoencoder_targets_are_the_inputs():
    task = load_task(DataSpec(target="inputs", n_train=100))
    assert task.y_train is task.x_train or np.array_equal(task.y_train, task.x_train)


# --- Pelatihan: versi mini setiap eksperimen bab ini --------------------------------------------

def test_result_has_one_value_per_epoch_and_the_test_accuracy(cache):
    result = run(tiny(Phase(epochs=2, learning_rate=0.05, batch_size=64)))
    assert {"loss", "accuracy", "val_loss", "val_accuracy", "learning_rate", "phase"} \
        <= set(result.history)
    assert all(len(v) == 2 for v in result.history.values())
    assert 0 <= result.test_accuracy <= 1 and result.phase_epochs == (2,)
    assert result.n_params == 784 * 16 + 16 + 16 * 10 + 10


def test_recorded_rate_is_the_rate_each_step_applied():
    """Satu bobot, MSE, SGD tanpa momentum: Δw = −η·2(w − 1), jadi η terbaca dari bobot."""
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input((1,)),
                              keras.layers.Dense(1, use_bias=False, kernel_initializer="zeros")])
    schedule = keras.optimizers.schedules.PiecewiseConstantDecay([2], [0.1, 0.01])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=schedule), loss="mse")
    recorder = StepRecorder(per_step=True)
    weights = []

    class Weights(keras.callbacks.Callback):
        def on_train_batch_begin(self, batch, logs=None):
            weights.append(float(model.layers[0].kernel.numpy()[0, 0]))

    model.fit(np.ones((5, 1)), np.ones((5, 1)), batch_size=1, epochs=1, shuffle=False,
              verbose=0, callbacks=[recorder, Weights()])
    weights.append(float(model.layers[0].kernel.numpy()[0, 0]))
    applied = [-(w1 - w0) / (2 * (w0 - 1)) for w0, w1 in zip(weights, weights[1:])]
    np.testing.assert_allclose(recorder.step_rates, applied, rtol=1e-5)
    assert recorder.step_rates[:3] == pytest.approx([0.1] * 3) and \
        recorder.step_rates[3:] == pytest.approx([0.01] * 2)
    # loss per langkah dipulihkan dari rata-rata berjalan: (w − 1)² sebelum tiap langkah
    np.testing.assert_allclose(recorder.step_losses, [(w - 1) ** 2 for w in weights[:-1]],
                               rtol=1e-4)


def test_exponential_schedule_is_recorded_per_step(cache):
    schedule = keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=4, decay_rate=0.5)
    result = run(tiny(Phase(epochs=2, learning_rate=schedule, batch_size=64)))
    steps = np.arange(2 * 4)  # 256 gambar / batch 64 = 4 langkah per epoch
    np.testing.assert_allclose(result.steps["learning_rate"], 0.1 * 0.5 ** (steps / 4), rtol=1e-6)
    assert result.history["learning_rate"] == pytest.approx(result.steps["learning_rate"][::4])


def test_one_cycle_schedule_follows_the_numpy_formula(cache):
    total = 3 * 4
    result = run(tiny(Phase(epochs=3, learning_rate=OneCycle(total, max_rate=0.2),
                            batch_size=64)))
    expected = schedules.one_cycle_rate(np.arange(total), total_steps=total, max_rate=0.2)
    np.testing.assert_allclose(result.steps["learning_rate"], expected, rtol=1e-6)


def test_learning_rate_finder_is_one_phase_with_growing_rate(cache):
    steps = 8
    finder = Phase(epochs=1, optimizer="sgd", batch_size=32, record_steps=True, learning_rate={
        "class_name": "ExponentialDecay",
        "config": {"initial_learning_rate": 1e-4, "decay_steps": steps, "decay_rate": 1e4}})
    result = run(tiny(finder))
    np.testing.assert_allclose(result.steps["learning_rate"],
                               schedules.exponential_rates(1e-4, 1.0, steps), rtol=1e-5)
    assert len(result.steps["loss"]) == steps
    assert abs(result.steps["loss"][0] - math.log(10)) < 0.5  # loss awal ≈ ln 10


def test_reduce_on_plateau_and_early_stopping_act_on_the_history(cache):
    plateau = Phase(epochs=4, learning_rate=1e-9, batch_size=64, callbacks=[
        callback("ReduceLROnPlateau", factor=0.5, patience=0, min_delta=1.0)])
    rates = run(tiny(plateau)).history["learning_rate"]
    # epoch 0 menetapkan nilai terbaik; sesudah itu setiap epoch tanpa perbaikan memotong laju
    np.testing.assert_allclose(rates, [1e-9, 1e-9, 5e-10, 2.5e-10], rtol=1e-5)
    stop = Phase(epochs=10, learning_rate=1e-9, batch_size=64,
                 callbacks=[callback("EarlyStopping", patience=1, min_delta=1.0)])
    result = run(tiny(stop))
    assert result.phase_epochs == (2,) and len(result.history["loss"]) == 2


def test_transfer_freezes_then_unfreezes_the_reused_layers(cache, count_training):
    source = tiny(model=mlp((16, 8)), data=DataSpec.task_a(n_train=256, n_valid=128),
                  label="A")
    frozen = Phase(epochs=1, learning_rate=0.05, batch_size=32)
    only_frozen = Experiment(model=ModelSpec.reusing(source), phases=frozen,
                             data=DataSpec.task_b(), seed=1, label="B-beku")
    both = Experiment(model=ModelSpec.reusing(source),
                      phases=(frozen, Phase(epochs=1, learning_rate=0.01, batch_size=32,
                                            unfreeze=True)),
                      data=DataSpec.task_b(), seed=1, label="B-dua-fase")
    a_kernel = run(source).load_model().get_layer("dense_1").kernel.numpy()
    b_frozen = run(only_frozen).load_model()
    b_both = run(both)
    assert count_training == ["A", "B-beku", "B-dua-fase"]  # A sekali saja, dari cache
    assert np.array_equal(b_frozen.get_layer("dense_1").kernel.numpy(), a_kernel)
    assert not np.array_equal(b_both.load_model().get_layer("dense_1").kernel.numpy(), a_kernel)
    assert b_both.history["phase"] == (0, 1) and b_both.phase_epochs == (1, 1)
    assert b_frozen.get_layer("output_baru").units == 1  # tugas biner: satu unit sigmoid
    assert b_frozen.layers[0].trainable is False


def test_autoencoder_encoder_is_reused_for_the_small_task(cache):
    ae = Experiment(model=ModelSpec("build_autoencoder", {"encoder_units": [32, 8]}),
                    phases=Phase(epochs=1, optimizer="adam", learning_rate=1e-3, batch_size=64),
                    data=DataSpec(target="inputs", n_train=512, n_valid=128), seed=0)
    ae_result = run(ae)
    assert set(ae_result.history) >= {"loss", "val_loss"} and "accuracy" not in ae_result.history
    encoder = Experiment(model=ModelSpec.reusing(ae, layers=("flatten", "enc_1", "enc_2")),
                         phases=Phase(epochs=1, learning_rate=0.05, batch_size=32),
                         data=DataSpec.task_b(), seed=0)
    model = run(encoder).load_model()
    assert [layer.name for layer in model.layers] == ["flatten", "enc_1", "enc_2", "output_baru"]
    np.testing.assert_array_equal(model.get_layer("enc_1").kernel.numpy(),
                                  ae_result.load_model().get_layer("enc_1").kernel.numpy())


def test_l2_and_max_norm_act_on_the_weights(warm_cache):
    plain = run(tiny())
    l2 = run(tiny(model=mlp(kernel_regularizer={"class_name": "L2", "config": {"l2": 0.1}})))
    assert l2.history["loss"][0] > plain.history["loss"][0] + 0.5  # suku penalti ikut di loss
    capped = run(tiny(Phase(epochs=2, learning_rate=0.5, batch_size=64), model=mlp(
        kernel_constraint={"class_name": "MaxNorm", "config": {"max_value": 0.5, "axis": 0}})))
    kernel = capped.load_model().get_layer("dense_1").kernel.numpy()
    assert np.linalg.norm(kernel, axis=0).max() <= 0.5 + 1e-5


def test_clipping_reaches_the_optimizer_and_prevents_divergence(cache):
    wild = dict(epochs=2, optimizer="sgd", learning_rate=5.0, batch_size=64)
    unclipped = run(tiny(Phase(**wild), model=mlp((64, 64))))
    clipped = run(tiny(Phase(**wild, optimizer_kwargs={"global_clipnorm": 0.01}),
                       model=mlp((64, 64))))
    assert clipped.experiment.phases[0].make_optimizer().global_clipnorm == 0.01
    assert not clipped.diverged
    assert unclipped.diverged or unclipped.history["loss"][-1] > clipped.history["loss"][-1]


def test_dropout_model_samples_identically_fresh_or_from_cache(cache):
    exp = tiny(model=mlp((32,), dropout=0.5))
    x = load_task(exp.data).x_valid[:16]

    def mc_samples(result):
        model = result.load_model()
        samples = np.stack([model(x, training=True).numpy() for _ in range(3)])
        return samples, np.random.rand(), keras.random.uniform((2,)).numpy()

    fresh = run(exp, use_cache=False)
    fresh_samples, fresh_np, fresh_keras = mc_samples(fresh)
    cached = run(exp)
    cached_samples, cached_np, cached_keras = mc_samples(cached)
    assert cached == fresh
    np.testing.assert_array_equal(cached_samples, fresh_samples)
    assert not np.allclose(fresh_samples[0], fresh_samples[1])  # dropout benar-benar aktif
    assert cached_np == fresh_np
    np.testing.assert_array_equal(cached_keras, fresh_keras)


# --- Cache --------------------------------------------------------------------------------------

def test_same_description_trains_once_also_when_requested_concurrently(cache, count_training):
    # Dua halaman meminta deskripsi yang sama bersamaan (label berbeda): satu pelatihan.
    results = {}

    def request(label):
        results[label] = run(tiny(label=label))

    threads = [threading.Thread(target=request, args=(f"halaman {i}",)) for i in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(count_training) == 1
    third = run(tiny(label="halaman 3"))            # sesudahnya: langsung dari cache
    assert len(count_training) == 1
    assert results["halaman 1"] == results["halaman 2"] == third
    assert [results[k].label for k in sorted(results)] + [third.label] == [
        "halaman 1", "halaman 2", "halaman 3"]


def test_code_change_invalidates_the_cache(warm_cache, count_training, monkeypatch):
    assert run(tiny()) == warm_cache and count_training == []    # kode sama: dari cache
    monkeypatch.setattr(cache_module._deps, "fingerprint", lambda *a, **k: "kode-berubah")
    run(tiny())
    assert len(count_training) == 1


def _damage(kind, model_path, json_path):
    if kind == "model terpotong":
        model_path.write_bytes(model_path.read_bytes()[:100])
    elif kind == "satu bita model berubah":
        data = bytearray(model_path.read_bytes())
        data[len(data) // 2] ^= 0xFF
        model_path.write_bytes(bytes(data))
    elif kind == "satu angka riwayat berubah":
        stored = json.loads(json_path.read_text())
        stored["result"]["history"]["val_accuracy"][0] += 0.001
        json_path.write_text(json.dumps(stored))
    else:
        json_path.write_text(json_path.read_text()[:50])


def test_damaged_cache_entries_are_retrained(warm_cache, count_training):
    first = run(tiny())
    assert first == warm_cache and count_training == []
    model_path, json_path = first.model_path, first.model_path.with_suffix(".json")
    kinds = ("model terpotong", "satu bita model berubah", "satu angka riwayat berubah",
             "JSON terpotong")
    for n, kind in enumerate(kinds, start=1):
        _damage(kind, model_path, json_path)
        again = run(tiny())
        assert len(count_training) == n, kind
        assert again == first, kind
        again.load_model()  # model yang ditulis ulang dapat dimuat


def test_training_is_deterministic(warm_cache):
    again = run(tiny(), use_cache=False)   # dilatih ulang; yang pertama dilatih lebih awal
    assert again.history == warm_cache.history and again.test == warm_cache.test


def test_seeds_give_different_runs_and_summaries(warm_cache):
    results = run_seeds(tiny(), seeds=(0, 1))
    assert results[0].history != results[1].history
    summary = summarize_seeds(results)
    assert summary.min <= summary.mean <= summary.max
    with pytest.raises(ValueError, match="tanpa kembar"):
        run_seeds(tiny(), seeds=(1, 1))
    with pytest.raises(TypeError, match="Experiment"):
        run("bukan eksperimen")


def test_prepare_data_matches_the_training_inputs():
    exp = tiny(data=DataSpec(n_train=300, n_valid=100, scaling="standardize"))
    x_train, y_train, x_valid, y_valid = prepare_data(exp)
    assert x_train.shape == (300, 28, 28) and x_valid.shape == (100, 28, 28)
    assert abs(float(x_train.mean())) < 1e-3


def test_training_module_refuses_builders_that_cannot_fit_the_task():
    task = load_task(DataSpec.task_b())
    from chapter11 import models
    with pytest.raises(ValueError, match="output 10 kelas"):
        training._builder_call(models.build_mixed_activation_model, {}, task, 0)


# --- Banyak langkah per eksekusi --------------------------------------------------------------

@pytest.mark.parametrize("optimizer, lr_kwargs", [
    ("sgd", {"learning_rate": 0.05, "optimizer_kwargs": {"momentum": 0.9}}),
    ("adam", {"learning_rate": 0.01}),
])
def test_many_steps_per_execution_train_exactly_like_one(monkeypatch, optimizer, lr_kwargs):
    # 256 contoh / batch 16 = 16 langkah per epoch; 5 langkah per eksekusi menyisakan sisa 1,
    # jadi potongan terakhir yang pendek juga diuji.
    phases = Phase(epochs=2, optimizer=optimizer, batch_size=16, **lr_kwargs)
    exp = tiny(phases, model=mlp((16, 16), dropout=0.2), seed=3)
    monkeypatch.setattr(training, "STEPS_PER_EXECUTION", 5)
    assert training._steps_per_execution(exp.phases[0], []) == 5
    many = training.train(exp)
    monkeypatch.setattr(training, "STEPS_PER_EXECUTION", 1)
    one = training.train(exp)
    assert many.history == one.history
    for a, b in zip(many.model.get_weights(), one.model.get_weights()):
        np.testing.assert_array_equal(a, b)


def test_phases_that_record_each_step_run_one_step_per_execution():
    recorded = Phase(epochs=1, optimizer="sgd", learning_rate=0.01, record_steps=True)
    plain = Phase(epochs=1, optimizer="sgd", learning_rate=0.01)
    nan_guard = Phase(epochs=1, optimizer="sgd", learning_rate=0.01,
                      callbacks=[callback("TerminateOnNaN")])
    assert training._steps_per_execution(recorded, recorded.make_callbacks()) == 1
    assert training._steps_per_execution(nan_guard, nan_guard.make_callbacks()) == 1
    assert training._steps_per_execution(plain, plain.make_callbacks()) \
        == training.STEPS_PER_EXECUTION > 1
    # Data kecil: kurang dari dua eksekusi penuh per epoch, satu langkah per panggilan.
    spe = training.STEPS_PER_EXECUTION
    assert training._steps_per_execution(plain, [], steps_per_epoch=2 * spe - 1) == 1
    assert training._steps_per_execution(plain, [], steps_per_epoch=2 * spe) == spe


def test_schedules_that_need_scalar_steps_are_recorded_per_step():
    # CosineDecay memakai tf.cond, yang tidak menerima larik penghitung langkah sekaligus.
    schedule = keras.optimizers.schedules.CosineDecay(0.05, decay_steps=8, warmup_target=None)
    result = training.train(tiny(Phase(epochs=2, optimizer="sgd", learning_rate=schedule,
                                       batch_size=64)))
    expected = [float(schedule(i)) for i in range(8)]
    np.testing.assert_allclose(result.steps["learning_rate"], expected, rtol=1e-6)


def test_schedule_rates_are_recorded_for_every_step_also_with_many_steps_per_execution(
        monkeypatch):
    schedule = keras.optimizers.schedules.ExponentialDecay(0.05, decay_steps=3, decay_rate=0.5)
    exp = tiny(Phase(epochs=2, optimizer="sgd", learning_rate=schedule, batch_size=16))
    assert training._steps_per_execution(exp.phases[0], []) == training.STEPS_PER_EXECUTION
    monkeypatch.setattr(training, "STEPS_PER_EXECUTION", 5)   # 16 langkah per epoch: sisa 1
    result = training.train(exp)
    expected = [float(schedule(i)) for i in range(32)]
    np.testing.assert_allclose(result.steps["learning_rate"], expected, rtol=1e-6)
    assert list(result.steps["phase"]) == [0] * 32 and list(result.steps["loss"]) == []
    assert result.history["learning_rate"] == pytest.approx([expected[0], expected[16]])


def test_plateau_rates_are_recorded_for_every_step_with_many_steps_per_execution(monkeypatch):
    # Laju awal yang terlalu besar membuat loss validasi naik: ReduceLROnPlateau memotongnya.
    plateau = callback("ReduceLROnPlateau", monitor="val_loss", factor=0.5, patience=0,
                       min_delta=10.0)   # setiap epoch dianggap "tidak membaik"
    exp = tiny(Phase(epochs=3, optimizer="sgd", learning_rate=0.04, batch_size=16,
                     callbacks=[plateau]))
    monkeypatch.setattr(training, "STEPS_PER_EXECUTION", 5)
    result = training.train(exp)
    # Epoch pertama selalu "membaik" (terbaik sebelumnya tak hingga); sesudah epoch kedua laju
    # dipotong separuh.
    np.testing.assert_allclose(result.history["learning_rate"], [0.04, 0.04, 0.02], rtol=1e-6)
    np.testing.assert_allclose(result.steps["learning_rate"],
                               [0.04] * 32 + [0.02] * 16, rtol=1e-6)


# --- Satu penelusuran per fase ----------------------------------------------------------------

def test_building_state_first_traces_each_phase_once_and_changes_nothing(monkeypatch):
    # Tanpa _build_state, variabel pengoptimal dibuat saat penelusuran pertama dan tf.function
    # menelusuri langkah pelatihan dua kali per fase; hasilnya harus tetap sama persis.
    from keras.src.backend.tensorflow.trainer import TensorFlowTrainer
    traces = []
    original = TensorFlowTrainer.train_step

    def counting(self, data):
        traces.append(1)          # badan Python hanya dijalankan saat ditelusuri
        return original(self, data)

    monkeypatch.setattr(TensorFlowTrainer, "train_step", counting)
    phases = (Phase(epochs=1, optimizer="nadam", learning_rate=0.01, batch_size=16),
              Phase(epochs=1, optimizer="sgd", learning_rate=0.01, batch_size=16))
    exp = tiny(phases, model=mlp((16, 16), dropout=0.2), seed=4)
    built = training.train(exp)
    assert len(traces) == 2                        # satu penelusuran per fase
    traces.clear()
    monkeypatch.setattr(training, "_build_state", lambda *args: None)
    lazy = training.train(exp)
    assert len(traces) > 2                         # yang dihindari _build_state
    assert built.history == lazy.history and built.test == lazy.test
    for a, b in zip(built.model.get_weights(), lazy.model.get_weights()):
        np.testing.assert_array_equal(a, b)


def validation_experiment():
    # 1500 contoh validasi: satu batch validasi penuh dan satu sisa.
    return tiny(Phase(epochs=2, optimizer="sgd", learning_rate=0.05, batch_size=16),
                data=DataSpec(n_train=256, n_valid=1500), model=mlp((16,), dropout=0.2), seed=5)


@pytest.fixture(scope="module")
def validation_run():
    """Satu pelatihan dengan batch validasi bawaan, dibaca dua tes berikut."""
    return training.train(validation_experiment())


def test_large_validation_batches_give_the_same_validation_results(validation_run, monkeypatch):
    large = validation_run
    monkeypatch.setattr(training, "VALIDATION_BATCH_SIZE", 16)
    small = training.train(validation_experiment())
    assert large.history["val_accuracy"] == small.history["val_accuracy"]
    assert large.history["loss"] == small.history["loss"]        # pelatihan tidak tersentuh
    np.testing.assert_allclose(large.history["val_loss"], small.history["val_loss"], rtol=1e-6)


def test_ordered_validation_batches_equal_keras_on_the_arrays(validation_run):
    # Validasi dan uji lewat tf.data berurutan (tanpa fungsi map Keras) harus sama persis
    # dengan evaluate Keras pada larik yang sama dengan ukuran batch yang sama.
    result = validation_run
    task = load_task(validation_experiment().data)

    def on_arrays(x, y):
        return result.model.evaluate(x, y, batch_size=training.VALIDATION_BATCH_SIZE,
                                     verbose=0, return_dict=True)

    valid = on_arrays(task.x_valid, task.y_valid)   # 1500: satu batch penuh dan satu sisa
    assert result.history["val_loss"][-1] == float(valid["loss"])
    assert result.history["val_accuracy"][-1] == float(valid["accuracy"])
    test = on_arrays(task.x_test, task.y_test)
    assert result.test == {"loss": float(test["loss"]), "accuracy": float(test["accuracy"])}
