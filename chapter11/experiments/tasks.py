"""Data sebuah :class:`~chapter11.experiments.DataSpec`: subset kelas, label dipetakan ulang,
penskalaan, dan target autoencoder.

Example:
    >>> task = load_task(DataSpec.task_b())
    >>> task.x_train.shape, sorted(set(task.y_train.tolist())), task.class_names
    ((200, 28, 28), [0, 1], ('Kaus/atasan', 'Pulover'))
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..data import load_fashion_mnist
from .spec import DataSpec, Experiment

__all__ = ["TaskData", "load_task", "prepare_data"]


@dataclass(frozen=True)
class TaskData:
    """Larik-larik sebuah tugas, siap untuk ``model.fit``.

    Attributes:
        spec: :class:`~chapter11.experiments.DataSpec` asalnya.
        x_train, y_train, x_valid, y_valid, x_test, y_test: larik ``float32`` (gambar) dan
            label ``int64`` yang sudah dipetakan ulang (untuk autoencoder: ``y = x``).
        class_names: nama kelas Indonesia, urut menurut label baru.
    """

    spec: DataSpec
    x_train: np.ndarray
    y_train: np.ndarray
    x_valid: np.ndarray
    y_valid: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    class_names: tuple[str, ...]


def _load_dataset(name: str):
    """Objek set data terbagi (``x_train`` … ``y_test``, ``class_names``) untuk ``name``."""
    if name == "cifar10":
        from ..cifar10 import load_cifar10

        return load_cifar10()
    return load_fashion_mnist()


def _select(x, y, classes):
    if classes is None:
        return x, y.astype(np.int64)
    mask = np.isin(y, classes)
    lookup = np.full(10, -1, dtype=np.int64)
    lookup[list(classes)] = np.arange(len(classes))
    return x[mask], lookup[y[mask]]


def _take(x, y, n, name, total_name):
    if n is None:
        return x, y
    if n > len(x):
        raise ValueError(
            f"Argumen `{name}` melebihi banyak contoh yang tersedia untuk tugas ini "
            f"({len(x)} di {total_name}). Diterima: {name}={n}."
        )
    return x[:n], y[:n]


def load_task(spec: DataSpec) -> TaskData:
    """Muat set data ``spec.dataset`` dan bentuk data tugas ``spec``.

    Urutan langkah: saring kelas dan petakan labelnya (``classes[i] → i``), ambil ``n_train`` /
    ``n_valid`` contoh pertama, lalu skalakan (rata-rata dan simpangan baku dihitung dari
    data latih yang dipakai). Set uji disaring dan diskalakan dengan cara yang sama.

    Fashion-MNIST dibaca dari sumber lokal buku (:func:`chapter11.data.load_fashion_mnist`);
    CIFAR-10 (``dataset="cifar10"``) dari cache Keras lewat
    :func:`chapter11.cifar10.load_cifar10`, hanya bila diminta.

    Raises:
        TypeError: ``spec`` bukan :class:`~chapter11.experiments.DataSpec`.
        ValueError: ``n_train``/``n_valid`` melebihi contoh yang tersedia untuk tugas itu.
        RuntimeError: CIFAR-10 diminta tetapi tidak ada di cache Keras dan tidak dapat diunduh.
    """
    if not isinstance(spec, DataSpec):
        raise TypeError(f"Argumen `spec` harus DataSpec. Diterima: tipe {type(spec).__name__}.")
    data = _load_dataset(spec.dataset)
    parts = {}
    for split in ("train", "valid", "test"):
        parts[split] = _select(getattr(data, f"x_{split}"), getattr(data, f"y_{split}"),
                               spec.classes)
    parts["train"] = _take(*parts["train"], spec.n_train, "n_train", "set latih")
    parts["valid"] = _take(*parts["valid"], spec.n_valid, "n_valid", "set validasi")
    xs = {k: np.asarray(v[0], np.float32) for k, v in parts.items()}
    if spec.scaling == "standardize":
        mean = xs["train"].mean(axis=0, keepdims=True)
        std = xs["train"].std(axis=0, keepdims=True) + 1e-7
        xs = {k: ((v - mean) / std).astype(np.float32) for k, v in xs.items()}
    ys = {k: (xs[k] if spec.target == "inputs" else np.asarray(v[1])) for k, v in parts.items()}
    names = tuple(data.class_names)
    names = names if spec.classes is None else tuple(names[c] for c in spec.classes)
    return TaskData(spec=spec, x_train=xs["train"], y_train=ys["train"], x_valid=xs["valid"],
                    y_valid=ys["valid"], x_test=xs["test"], y_test=ys["test"], class_names=names)


def prepare_data(experiment: Experiment):
    """Data latih dan validasi sebuah eksperimen: ``(x_train, y_train, x_valid, y_valid)``.

    Bentuk singkat untuk halaman yang perlu data dengan penskalaan yang sama seperti saat
    pelatihan (mis. untuk mengukur model terlatih pada set validasi).
    """
    if not isinstance(experiment, Experiment):
        raise TypeError("Argumen `experiment` harus Experiment. "
                        f"Diterima: tipe {type(experiment).__name__}.")
    task = load_task(experiment.data)
    return task.x_train, task.y_train, task.x_valid, task.y_valid
