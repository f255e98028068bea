"""Tes pelari eksperimen: cache, benih, invalidasi, validasi spesifikasi."""

import json

import numpy as np
import pytest

from chapter11 import experiments
from chapter11.experiments import RunSpec, run, run_seeds, summarize_seeds


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CHAPTER11_CACHE_DIR", str(tmp_path))
    return tmp_path


def small_spec(**overrides):
    base = dict(builder="build_deep_mlp",
                builder_kwargs={"depth": 2, "units": 16, "activation": "relu",
                                "kernel_initializer": "he_normal"},
                epochs=2, batch_size=64, n_train=600, n_valid=200, seed=0, label="kecil")
    base.update(overrides)
    return RunSpec(**base)


def test_result_has_one_value_per_epoch(cache):
    result = run(small_spec())
    assert set(result.history) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert all(len(v) == 2 for v in result.history.values())
    assert 0 <= result.final_val_accuracy <= 1
    assert result.n_params == 784 * 16 + 16 + 16 * 16 + 16 + 16 * 10 + 10


def test_second_run_comes_from_cache_without_training(cache, monkeypatch):
    first = run(small_spec())

    def no_training(*_args, **_kwargs):
        raise AssertionError("tidak boleh melatih lagi")

    monkeypatch.setattr(experiments, "_train", no_training)
    second = run(small_spec(label="label lain tidak mengubah kunci"))
    assert second.history == first.history


def test_code_change_invalidates_cache(cache, monkeypatch):
    run(small_spec())
    calls = []
    original = experiments._train
    monkeypatch.setattr(experiments._deps, "fingerprint", lambda *a, **k: "kode-berubah")
    monkeypatch.setattr(experiments, "_train", lambda *a: calls.append(1) or original(*a))
    run(small_spec())
    assert calls == [1]


def test_training_is_deterministic(cache):
    a = run(small_spec(), use_cache=False)
    b = run(small_spec(), use_cache=False)
    assert a.history == b.history


def test_seeds_differ_and_are_summarized(cache):
    results = run_seeds(small_spec(), seeds=(0, 1))
    assert [r.spec.seed for r in results] == [0, 1]
    assert results[0].history != results[1].history
    summary = summarize_seeds(results)
    assert summary.mean == pytest.approx(np.mean([r.final_val_accuracy for r in results]))
    assert summary.min <= summary.mean <= summary.max


def test_trained_model_is_reloadable(cache):
    result = run(small_spec())
    model = result.load_model()
    _, _, x_valid, y_valid = experiments.prepare_data(result.spec)
    accuracy = np.mean(model.predict(x_valid, verbose=0).argmax(axis=1) == y_valid)
    assert accuracy == pytest.approx(result.final_val_accuracy, abs=1e-6)


def test_corrupted_cache_file_is_retrained(cache):
    result = run(small_spec())
    json_path = result.model_path.with_suffix(".json")
    json_path.write_text("{ rusak", encoding="utf-8")
    again = run(small_spec())
    assert again.history == result.history
    json.loads(json_path.read_text(encoding="utf-8"))


def test_standardize_gives_zero_mean_inputs():
    x_train, _, _, _ = experiments.prepare_data(small_spec(input_scaling="standardize"))
    assert abs(float(x_train.mean())) < 1e-4


def test_spec_is_hashable_and_label_does_not_matter():
    assert hash(small_spec(label="a")) == hash(small_spec(label="b"))
    assert small_spec(label="a") == small_spec(label="b")
    assert small_spec().cache_key() != small_spec(learning_rate=0.02).cache_key()


@pytest.mark.parametrize(
    "overrides, error, match",
    [
        ({"builder": "build_nothing"}, ValueError, "pembangun di chapter11.models"),
        ({"builder_kwargs": {"depth": 2, "seed": 1}}, ValueError, "tidak boleh memuat `seed`"),
        ({"builder_kwargs": {"depth": 2, "kernel_initializer": object()}}, TypeError, "nilai JSON"),
        ({"optimizer": "adadelta"}, ValueError, "`optimizer` harus salah satu"),
        ({"learning_rate": 0}, ValueError, "`learning_rate` harus positif"),
        ({"epochs": 0}, ValueError, "`epochs`"),
        ({"n_train": 60_000}, ValueError, "paling besar 55000"),
        ({"n_valid": 6_000}, ValueError, "paling besar 5000"),
        ({"input_scaling": "minmax"}, ValueError, "`input_scaling`"),
    ],
)
def test_spec_validation(overrides, error, match):
    with pytest.raises(error, match=match):
        small_spec(**overrides)


def test_run_rejects_non_spec():
    with pytest.raises(TypeError, match="RunSpec"):
        run({"builder": "build_mlp"})
    with pytest.raises(ValueError, match="tidak boleh kosong"):
        run_seeds(small_spec(), seeds=())
