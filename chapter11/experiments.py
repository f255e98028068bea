"""Eksperimen pelatihan: spesifikasi kecil yang beku → hasil per epoch, di-cache di disk.

Sebuah pelatihan dijelaskan sepenuhnya oleh :class:`RunSpec` (pembangun model dan argumennya,
optimizer dan *learning rate*, epoch, ukuran batch, subset data, benih). :func:`run` melatih
sekali lalu menyimpan hasilnya (dan model terlatihnya) di ``runtime.cache_dir()/runs``, dengan
kunci dari spesifikasi **dan** dari apa yang menentukan hasilnya: sumber modul ``chapter11``
yang terlibat serta versi TensorFlow/Keras/NumPy. Build ulang, atau halaman lain yang meminta
pelatihan yang sama, memakai hasil cache tanpa melatih lagi; perubahan kode membatalkannya.

Example:
    >>> spec = RunSpec(builder="build_deep_mlp",
    ...                builder_kwargs={"depth": 2, "units": 32, "activation": "relu",
    ...                                "kernel_initializer": "he_normal"},
    ...                optimizer="sgd", learning_rate=0.01, epochs=2, batch_size=64,
    ...                n_train=2000, n_valid=500, seed=0, label="ReLU kecil")
    >>> result = run(spec)
    >>> len(result.history["val_accuracy"])
    2
    >>> run(spec).history == result.history   # kedua kalinya dari cache
    True
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
import time
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from . import _deps, models
from ._validation import check_choice, check_int, check_positive, check_positive_int, check_str
from .data import load_fashion_mnist
from .runtime import cache_dir, quiet_tensorflow

keras = quiet_tensorflow()

__all__ = ["RunSpec", "RunResult", "run", "run_seeds", "summarize_seeds", "SeedSummary"]

OPTIMIZERS = ("sgd", "adam", "nadam", "rmsprop", "adagrad", "adamw", "adamax")
INPUT_SCALINGS = ("unit", "standardize")
METRICS = ("loss", "accuracy", "val_loss", "val_accuracy")
_CACHE_VERSION = 1


def _freeze(name: str, value: Any) -> tuple:
    """Ubah dict argumen menjadi tuple terurut (agar spesifikasi beku dan dapat di-hash)."""
    if value is None:
        return ()
    if isinstance(value, Mapping):
        items = tuple(sorted(value.items()))
    elif isinstance(value, tuple):
        items = value
    else:
        raise TypeError(
            f"Argumen `{name}` harus dict. Diterima: {name}={value!r} (tipe {type(value).__name__})."
        )
    try:
        json.dumps(items)
    except TypeError as err:
        raise TypeError(
            f"Argumen `{name}` hanya boleh berisi nilai JSON (angka, string, bool, list, dict); "
            "tulis inisialisasi sebagai nama atau dict konfigurasi Keras, mis. "
            '{"class_name": "RandomNormal", "config": {"stddev": 1.0}}. '
            f"Diterima: {name}={value!r}."
        ) from err
    return items


@dataclass(frozen=True)
class RunSpec:
    """Spesifikasi lengkap satu pelatihan (beku; dua spesifikasi sama ⇒ hasil sama).

    Attributes:
        builder: nama fungsi pembangun di :mod:`chapter11.models` (mis. ``"build_deep_mlp"``);
            fungsi itu menerima argumen ``seed``.
        builder_kwargs: argumen pembangun (dict nilai JSON), tanpa ``seed``.
        optimizer: nama optimizer Keras (``"sgd"``, ``"adam"``, …).
        learning_rate: *learning rate* (> 0).
        optimizer_kwargs: argumen optimizer lain (mis. ``{"momentum": 0.9}``).
        epochs: banyak epoch.
        batch_size: ukuran batch.
        n_train: pakai ``n_train`` gambar latih pertama (``None``: semua 55.000).
        n_valid: pakai ``n_valid`` gambar validasi pertama (``None``: semua 5.000).
        input_scaling: ``"unit"`` (piksel di [0, 1]) atau ``"standardize"`` (rata-rata 0 dan
            simpangan baku 1 per piksel, dihitung dari data latih; perlu untuk SELU).
        seed: benih bobot awal, urutan batch, dan dropout.
        label: nama untuk legenda (tidak ikut menentukan hasil maupun kunci cache).
    """

    builder: str
    builder_kwargs: tuple = ()
    optimizer: str = "sgd"
    learning_rate: float = 0.01
    optimizer_kwargs: tuple = ()
    epochs: int = 10
    batch_size: int = 32
    n_train: int | None = None
    n_valid: int | None = None
    input_scaling: str = "unit"
    seed: int = 42
    label: str = field(default="", compare=False)

    def __post_init__(self):
        check_str("builder", self.builder)
        if not callable(getattr(models, self.builder, None)) or self.builder.startswith("_"):
            public = sorted(n for n in models.__all__ if n.startswith("build_"))
            raise ValueError(
                "Argumen `builder` harus nama pembangun di chapter11.models, salah satu dari: "
                f"{', '.join(public)}. Diterima: builder={self.builder!r}."
            )
        object.__setattr__(self, "builder_kwargs", _freeze("builder_kwargs", self.builder_kwargs))
        if "seed" in dict(self.builder_kwargs):
            raise ValueError(
                "Argumen `builder_kwargs` tidak boleh memuat `seed`; pakai RunSpec(seed=…). "
                f"Diterima: builder_kwargs={dict(self.builder_kwargs)!r}."
            )
        object.__setattr__(
            self, "optimizer_kwargs", _freeze("optimizer_kwargs", self.optimizer_kwargs)
        )
        check_choice("optimizer", self.optimizer, OPTIMIZERS)
        object.__setattr__(self, "learning_rate", check_positive("learning_rate", self.learning_rate))
        check_positive_int("epochs", self.epochs)
        check_positive_int("batch_size", self.batch_size)
        if self.n_train is not None:
            check_int("n_train", self.n_train, minimum=1)
            if self.n_train > 55_000:
                raise ValueError(
                    "Argumen `n_train` paling besar 55000 (ukuran set latih). "
                    f"Diterima: n_train={self.n_train}."
                )
        if self.n_valid is not None:
            check_int("n_valid", self.n_valid, minimum=1)
            if self.n_valid > 5_000:
                raise ValueError(
                    "Argumen `n_valid` paling besar 5000 (ukuran set validasi). "
                    f"Diterima: n_valid={self.n_valid}."
                )
        check_choice("input_scaling", self.input_scaling, INPUT_SCALINGS)
        check_int("seed", self.seed, minimum=0)

    def __hash__(self):  # argumen bisa berisi list/dict: hash dari bentuk JSON-nya
        return hash(json.dumps(self.as_dict(), sort_keys=True))

    def with_seed(self, seed: int) -> RunSpec:
        """Salinan spesifikasi dengan benih lain."""
        return dataclasses.replace(self, seed=seed)

    def as_dict(self) -> dict:
        """Isi spesifikasi yang menentukan hasil (tanpa ``label``), siap di-JSON-kan."""
        d = dataclasses.asdict(self)
        d.pop("label")
        d["builder_kwargs"] = dict(self.builder_kwargs)
        d["optimizer_kwargs"] = dict(self.optimizer_kwargs)
        return d

    def cache_key(self) -> str:
        """Kunci cache: spesifikasi + sidik jari kode ``chapter11`` dan versi pustaka."""
        code = _deps.fingerprint(["chapter11.experiments"])
        payload = json.dumps({"spec": self.as_dict(), "code": code, "v": _CACHE_VERSION},
                             sort_keys=True)
        return hashlib.sha256(payload.encode()).hexdigest()[:24]


@dataclass(frozen=True)
class RunResult:
    """Hasil satu pelatihan.

    Attributes:
        spec: spesifikasinya.
        history: metrik per epoch: ``loss``, ``accuracy``, ``val_loss``, ``val_accuracy``
            (tuple ``float``).
        seconds: lama pelatihan (detik dinding; berubah dari mesin ke mesin, jangan ditempel
            sebagai hasil).
        n_params: banyak parameter model.
        model_path: berkas ``.keras`` model terlatih di cache.
    """

    spec: RunSpec
    history: dict
    seconds: float = field(compare=False)
    n_params: int
    model_path: Path = field(compare=False, repr=False)

    @property
    def label(self) -> str:
        return self.spec.label

    @property
    def final_val_accuracy(self) -> float:
        return self.history["val_accuracy"][-1]

    @property
    def best_val_accuracy(self) -> float:
        return max(self.history["val_accuracy"])

    @property
    def final_val_loss(self) -> float:
        return self.history["val_loss"][-1]

    def load_model(self):
        """Muat model terlatih dari cache (model Keras baru)."""
        return keras.models.load_model(self.model_path)


def prepare_data(spec: RunSpec):
    """Data latih dan validasi untuk ``spec``: ``(x_train, y_train, x_valid, y_valid)``."""
    data = load_fashion_mnist()
    n_train = spec.n_train or len(data.x_train)
    n_valid = spec.n_valid or len(data.x_valid)
    x_train, y_train = data.x_train[:n_train], data.y_train[:n_train]
    x_valid, y_valid = data.x_valid[:n_valid], data.y_valid[:n_valid]
    if spec.input_scaling == "standardize":
        mean = x_train.mean(axis=0, keepdims=True)
        std = x_train.std(axis=0, keepdims=True) + 1e-7
        x_train = (x_train - mean) / std
        x_valid = (x_valid - mean) / std
    return (np.asarray(x_train, np.float32), np.asarray(y_train),
            np.asarray(x_valid, np.float32), np.asarray(y_valid))


def _save_model(model, path: Path) -> None:
    """Simpan model ``.keras``.

    Keras 3.15 dengan NumPy 2 memicu ``DeprecationWarning`` internal ("__array__ implementation
    doesn't accept a copy keyword") saat menyimpan bobot; peringatan itu bukan dari kode kita
    dan tidak memengaruhi isi berkas, jadi hanya pesan itu yang dibungkam di sini.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message=r"__array__ implementation doesn't accept a copy keyword",
            category=DeprecationWarning,
        )
        model.save(path)


def _train(spec: RunSpec, model_path: Path) -> RunResult:
    x_train, y_train, x_valid, y_valid = prepare_data(spec)
    keras.utils.set_random_seed(spec.seed)
    model = getattr(models, spec.builder)(**dict(spec.builder_kwargs), seed=spec.seed)
    optimizer = keras.optimizers.get(
        {"class_name": spec.optimizer,
         "config": {"learning_rate": spec.learning_rate, **dict(spec.optimizer_kwargs)}}
    )
    model.compile(loss="sparse_categorical_crossentropy", optimizer=optimizer,
                  metrics=["accuracy"])
    start = time.perf_counter()
    fit = model.fit(x_train, y_train, epochs=spec.epochs, batch_size=spec.batch_size,
                    validation_data=(x_valid, y_valid), shuffle=True, verbose=0)
    seconds = time.perf_counter() - start
    history = {name: tuple(float(v) for v in fit.history[name]) for name in METRICS}
    _save_model(model, model_path)
    return RunResult(spec=spec, history=history, seconds=seconds,
                     n_params=int(model.count_params()), model_path=model_path)


def _write_json_atomic(path: Path, payload: dict) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(payload, handle, indent=1, sort_keys=True)
    os.replace(tmp, path)


def run(spec: RunSpec, *, use_cache: bool = True) -> RunResult:
    """Latih model sesuai ``spec`` (atau ambil hasilnya dari cache).

    Args:
        spec: spesifikasi pelatihan.
        use_cache: ``False`` memaksa pelatihan ulang (hasil baru tetap disimpan).

    Returns:
        :class:`RunResult`.

    Raises:
        TypeError: ``spec`` bukan ``RunSpec``.
    """
    if not isinstance(spec, RunSpec):
        raise TypeError(f"Argumen `spec` harus RunSpec. Diterima: tipe {type(spec).__name__}.")
    folder = cache_dir() / "runs"
    folder.mkdir(parents=True, exist_ok=True)
    key = spec.cache_key()
    json_path, model_path = folder / f"{key}.json", folder / f"{key}.keras"
    if use_cache and json_path.is_file() and model_path.is_file():
        try:
            stored = json.loads(json_path.read_text(encoding="utf-8"))
            if stored["spec"] == json.loads(json.dumps(spec.as_dict())):
                return RunResult(
                    spec=spec,
                    history={k: tuple(v) for k, v in stored["history"].items()},
                    seconds=float(stored["seconds"]),
                    n_params=int(stored["n_params"]),
                    model_path=model_path,
                )
        except (ValueError, KeyError, TypeError):
            pass  # berkas cache rusak: latih ulang dan timpa
    tmp_model = model_path.with_name(f"{key}.{os.getpid()}.tmp.keras")
    result = _train(spec, tmp_model)
    os.replace(tmp_model, model_path)
    result = dataclasses.replace(result, model_path=model_path)
    _write_json_atomic(json_path, {"spec": spec.as_dict(), "history": result.history,
                                   "seconds": result.seconds, "n_params": result.n_params})
    return result


def run_seeds(spec: RunSpec, seeds: Iterable[int] = (0, 1, 2)) -> tuple[RunResult, ...]:
    """Latih ``spec`` dengan beberapa benih (masing-masing di-cache sendiri)."""
    seeds = tuple(seeds)
    if not seeds:
        raise ValueError("Argumen `seeds` tidak boleh kosong. Diterima: seeds=().")
    return tuple(run(spec.with_seed(check_int("seed", s, minimum=0))) for s in seeds)


@dataclass(frozen=True)
class SeedSummary:
    """Ringkasan beberapa benih dari satu konfigurasi: akurasi validasi akhir."""

    label: str
    final_val_accuracies: tuple[float, ...]

    @property
    def mean(self) -> float:
        return float(np.mean(self.final_val_accuracies))

    @property
    def std(self) -> float:
        return float(np.std(self.final_val_accuracies))

    @property
    def min(self) -> float:
        return float(np.min(self.final_val_accuracies))

    @property
    def max(self) -> float:
        return float(np.max(self.final_val_accuracies))


def summarize_seeds(results: Iterable[RunResult]) -> SeedSummary:
    """Ringkas hasil beberapa benih (akurasi validasi akhir: rata-rata, sebaran, min, maks)."""
    results = tuple(results)
    if not results:
        raise ValueError("Argumen `results` tidak boleh kosong.")
    return SeedSummary(results[0].label, tuple(r.final_val_accuracy for r in results))
