"""Tes ``Phase(validate_every_epoch=False)``: validasi hanya di akhir fase, pelatihan tidak berubah."""

import math

import pytest

from chapter11.experiments import DataSpec, Experiment, ModelSpec, Phase, callback, run

TINY = DataSpec(n_train=256, n_valid=128)


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CHAPTER11_CACHE_DIR", str(tmp_path))
    return tmp_path


def experiment(validate_every_epoch, *, phases=None):
    phases = phases or (Phase(epochs=3, optimizer="sgd", learning_rate=0.05, batch_size=64,
                              validate_every_epoch=validate_every_epoch),)
    return Experiment(model=ModelSpec("build_mlp", {"hidden_units": [16]}), phases=phases,
                      data=TINY, seed=0, label="mini")


def test_default_description_is_unchanged():
    phase = Phase(epochs=2)
    assert "validate_every_epoch" not in phase.as_dict()
    assert phase.validate_every_epoch is True
    assert Phase.from_dict(phase.as_dict()) == phase


def test_end_only_validation_is_part_of_the_description():
    every, end = experiment(True), experiment(False)
    assert every != end and every.to_json() != end.to_json()
    assert end.phases[0].as_dict()["validate_every_epoch"] is False
    assert Experiment.from_dict(end.as_dict()) == end


def test_end_only_validation_rejects_callbacks():
    with pytest.raises(ValueError, match="validate_every_epoch=False.*callback"):
        Phase(epochs=2, validate_every_epoch=False, callbacks=[callback("TerminateOnNaN")])
    with pytest.raises(TypeError, match="validate_every_epoch"):
        Phase(epochs=2, validate_every_epoch=1)


def test_end_only_validation_trains_the_same_model(cache):
    every, end = run(experiment(True)), run(experiment(False))
    # Validasi tidak menyentuh bobot maupun urutan acak: pelatihannya identik.
    assert end.history["loss"] == every.history["loss"]
    assert end.test == every.test
    assert math.isclose(end.final_val_accuracy, every.final_val_accuracy)
    assert math.isclose(end.history["val_loss"][-1], every.history["val_loss"][-1], rel_tol=1e-6)
    assert all(math.isnan(v) for v in end.history["val_accuracy"][:-1])
    assert len(end.history["val_accuracy"]) == len(end.history["loss"]) == 3
    assert run(experiment(False)) == end  # NaN dalam riwayat tetap setara sesudah dibaca ulang


def test_end_only_validation_per_phase(cache):
    phases = (Phase(epochs=2, optimizer="sgd", learning_rate=0.05, batch_size=64,
                    validate_every_epoch=False),
              Phase(epochs=2, optimizer="sgd", learning_rate=0.01, batch_size=64))
    result = run(experiment(None, phases=phases))
    val = result.history["val_accuracy"]
    assert math.isnan(val[0]) and not any(math.isnan(v) for v in val[1:])
    assert result.history["phase"] == (0, 0, 1, 1)
