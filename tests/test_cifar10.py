"""CIFAR-10 sebagai pilihan eksplisit ``DataSpec(dataset="cifar10")`` — tanpa data sungguhan.

Keras tidak dipanggil untuk mengunduh apa pun: pemuat Keras diganti larik buatan tangan, sehingga
tes ini berjalan di mesin tanpa CIFAR-10 dan tanpa jaringan.
"""

import numpy as np
import pytest

from chapter11 import cifar10
from chapter11.experiments import DataSpec, Experiment, ModelSpec, Phase, load_task, run
from chapter11.experiments import tasks

N_TRAIN_FILE, N_TEST = cifar10.CIFAR10_N_VALID + 40, 30


def fake_keras_loader():
    """Seperti ``keras.datasets.cifar10.load_data``: uint8 0–255, label berbentuk (n, 1)."""
    rng = np.random.default_rng(7)
    x = rng.integers(0, 256, (N_TRAIN_FILE + N_TEST, 32, 32, 3), dtype=np.uint8)
    y = (np.arange(N_TRAIN_FILE + N_TEST) % 10).astype(np.uint8).reshape(-1, 1)
    # Penanda: gambar latih ke-i berisi nilai i % 251 di piksel pertama, untuk memeriksa urutan.
    x[:, 0, 0, 0] = np.arange(len(x)) % 251
    return (x[:N_TRAIN_FILE], y[:N_TRAIN_FILE]), (x[N_TRAIN_FILE:], y[N_TRAIN_FILE:])


@pytest.fixture()
def fake_cifar(monkeypatch):
    calls = []

    def loader():
        calls.append(1)
        return fake_keras_loader()

    monkeypatch.setattr(cifar10, "_keras_loader", loader)
    return calls


def test_split_follows_geron_first_images_are_validation():
    data = cifar10.load_cifar10(loader=fake_keras_loader)
    assert len(data.x_valid) == cifar10.CIFAR10_N_VALID and len(data.x_train) == 40
    assert len(data.x_test) == N_TEST
    (x_file, y_file), _ = fake_keras_loader()
    # validasi = gambar pertama berkas latih, latih = sisanya, urutan dipertahankan
    np.testing.assert_allclose(data.x_valid[:, 0, 0, 0] * 255, x_file[:5000, 0, 0, 0], atol=1e-3)
    np.testing.assert_allclose(data.x_train[:, 0, 0, 0] * 255, x_file[5000:, 0, 0, 0], atol=1e-3)
    assert data.y_train.ndim == 1 and data.y_train.tolist() == y_file[5000:, 0].tolist()
    assert data.x_train.dtype == np.float32
    assert 0.0 <= float(data.x_train.min()) and float(data.x_train.max()) <= 1.0
    assert data.class_names[3] == "Kucing" and data.class_names_en[3] == "cat"


def test_missing_archive_is_a_clear_indonesian_error():
    def offline():
        raise OSError("URL fetch failure")

    with pytest.raises(RuntimeError, match="CIFAR-10 tidak dapat dimuat.*URL fetch failure"):
        cifar10.load_cifar10(loader=offline)


def test_wrong_arrays_are_refused():
    def mnist_like():
        x = np.zeros((10, 28, 28), np.uint8)
        return (x, np.zeros(10)), (x, np.zeros(10))

    with pytest.raises(ValueError, match=r"\(n, 32, 32, 3\)"):
        cifar10.load_cifar10(loader=mnist_like)
    with pytest.raises(ValueError, match="n_valid"):
        cifar10.load_cifar10(loader=fake_keras_loader, n_valid=N_TRAIN_FILE)


def test_dataspec_accepts_cifar10_and_knows_its_shape():
    spec = DataSpec(dataset="cifar10", n_train=20)
    assert spec.input_shape == (32, 32, 3) and DataSpec().input_shape == (28, 28)
    assert spec != DataSpec(n_train=20)  # set data ikut menentukan hasil (dan kunci cache)
    assert DataSpec(dataset="cifar10", target="inputs").n_outputs == 32 * 32 * 3
    with pytest.raises(ValueError, match="fashion_mnist.*cifar10"):
        DataSpec(dataset="mnist")


def test_fashion_mnist_never_touches_the_cifar_loader(fake_cifar):
    task = load_task(DataSpec(n_train=10, n_valid=10))
    assert task.x_train.shape == (10, 28, 28) and fake_cifar == []


def test_cifar_task_is_loaded_only_when_asked(fake_cifar):
    task = load_task(DataSpec(dataset="cifar10", classes=(3, 5), n_train=8, n_valid=6))
    assert fake_cifar == [1]
    assert task.x_train.shape == (8, 32, 32, 3) and task.x_valid.shape == (6, 32, 32, 3)
    assert task.class_names == ("Kucing", "Anjing")
    assert set(task.y_train.tolist()) <= {0, 1}


def test_deep_mlp_trains_on_cifar_shaped_images(fake_cifar, tmp_path, monkeypatch):
    monkeypatch.setenv("CHAPTER11_CACHE_DIR", str(tmp_path))
    exp = Experiment(
        model=ModelSpec("build_deep_mlp", {"depth": 2, "units": 8, "activation": "swish"}),
        phases=Phase(epochs=1, optimizer="nadam", learning_rate=1e-3, batch_size=16),
        data=DataSpec(dataset="cifar10", n_train=32, n_valid=16), seed=0)
    result = run(exp)
    model = result.load_model()
    assert model.input_shape == (None, 32, 32, 3) and model.output_shape == (None, 10)
    assert len(result.history["val_accuracy"]) == 1 and 0 <= result.test["accuracy"] <= 1
    assert tasks._load_dataset("fashion_mnist").x_train.shape[1:] == (28, 28)
