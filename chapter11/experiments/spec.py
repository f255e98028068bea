"""Deskripsi eksperimen: data, model, dan fase-fase pelatihan sebagai data beku.

Sebuah pelatihan dijelaskan oleh :class:`Experiment` yang tersusun dari bagian kecil:

* :class:`DataSpec` — tugas (sepuluh kelas, subset kelas dengan label dipetakan ulang, biner,
  atau autoencoder yang targetnya gambar itu sendiri), ukuran set latih/validasi, penskalaan;
* :class:`ModelSpec` — nama pembangun di :mod:`chapter11.models` dan argumennya (inisialisasi,
  regularisasi, batasan dan aktivasi sebagai konfigurasi Keras terserialisasi), **atau**
  :class:`Reuse`: lapisan-lapisan model terlatih dari eksperimen lain, dipakai ulang dan
  (opsional) dibekukan, ditambah lapisan output baru;
* satu atau lebih :class:`Phase` — epoch, optimizer (nama + argumen, atau objek optimizer Keras),
  *learning rate* (angka, konfigurasi ``LearningRateSchedule`` Keras, atau
  :class:`chapter11.keras_schedules.OneCycle`), ukuran batch, *callback* (lewat
  :func:`~chapter11.experiments.callback`), dan ``unfreeze`` untuk mencairkan lapisan yang dibekukan.

Semua bagian beku, dapat di-hash, dan dapat diserialkan ke JSON (:meth:`~chapter11.experiments.Experiment.as_dict`,
:meth:`~chapter11.experiments.Experiment.from_dict`). Dua deskripsi yang sama berarti pelatihan yang sama — itulah
kunci cache :func:`chapter11.experiments.run`.

Example:
    >>> exp = Experiment(
    ...     model=ModelSpec("build_mlp", {"hidden_units": [32], "activation": "relu"}),
    ...     phases=Phase(epochs=2, optimizer="sgd", learning_rate=0.01,
    ...                  optimizer_kwargs={"momentum": 0.9}),
    ...     data=DataSpec(n_train=1000, n_valid=200), seed=0, label="contoh")
    >>> Experiment.from_dict(exp.as_dict()) == exp
    True
    >>> exp.with_seed(1) == exp, exp.with_seed(1).seed
    (False, 1)
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from .. import models
from .._validation import check_bool, check_choice, check_int, check_str, check_limit
from ..runtime import quiet_tensorflow

keras = quiet_tensorflow()

__all__ = ["Config", "DataSpec", "ModelSpec", "Reuse", "Phase", "Experiment", "callback",
           "CALLBACKS", "TARGETS", "SCALINGS", "DATASETS"]

TARGETS = ("labels", "inputs")
SCALINGS = ("unit", "standardize")
DATASETS = ("fashion_mnist", "cifar10")
#: Bentuk satu gambar setiap set data.
INPUT_SHAPES = {"fashion_mnist": (28, 28), "cifar10": (32, 32, 3)}
#: Callback Keras yang boleh dipakai lewat konfigurasi (semuanya deterministik dan tidak
#: menulis berkas).
CALLBACKS = {name: getattr(keras.callbacks, name)
             for name in ("EarlyStopping", "ReduceLROnPlateau", "TerminateOnNaN")}


def _non_string_key(value):
    """Kunci bukan string pertama di dict bersarang (JSON mengubahnya diam-diam), atau None."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                return key
            found = _non_string_key(item)
            if found is not None:
                return found
    elif isinstance(value, (list, tuple)):
        for item in value:
            found = _non_string_key(item)
            if found is not None:
                return found
    return None


class Config(Mapping):
    """Pemetaan JSON yang tidak dapat diubah (bisa di-hash; setara bila JSON kanoniknya sama).

    Example:
        >>> a = Config({"b": [1, 2], "a": {"x": 1.5}})
        >>> a == Config({"a": {"x": 1.5}, "b": [1, 2]}), a["b"]
        (True, [1, 2])
    """

    __slots__ = ("_data", "_json")

    def __init__(self, data: Mapping | None = None, *, name: str = "data"):
        check_str("name", name)
        data = {} if data is None else data
        if isinstance(data, Config):
            data = data.to_dict()
        if not isinstance(data, Mapping):
            raise TypeError(f"Argumen `{name}` harus dict. Diterima: {name}={data!r} "
                            f"(tipe {type(data).__name__}).")
        bad_key = _non_string_key(data)
        if bad_key is not None:
            raise TypeError(f"Kunci dict `{name}` harus string (kunci JSON). "
                            f"Diterima: kunci {bad_key!r} di {name}={data!r}.")
        try:
            text = json.dumps(data, sort_keys=True, allow_nan=False)
        except (TypeError, ValueError) as err:
            raise TypeError(
                f"Argumen `{name}` hanya boleh berisi nilai JSON berhingga (angka, string, bool, "
                "None, list, dict); tulis objek Keras sebagai nama atau konfigurasinya, mis. "
                '{"class_name": "L2", "config": {"l2": 0.01}}. '
                f"Diterima: {name}={data!r}."
            ) from err
        self._json = text
        self._data = json.loads(text)

    def __getitem__(self, key):
        return copy.deepcopy(self._data[key])

    def __iter__(self):
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        return hash(self._json)

    def __eq__(self, other) -> bool:
        if isinstance(other, Config):
            return self._json == other._json
        if isinstance(other, Mapping):
            try:
                return self._json == json.dumps(other, sort_keys=True, allow_nan=False)
            except (TypeError, ValueError):
                return False
        return NotImplemented

    def __repr__(self) -> str:
        return f"Config({self._data!r})"

    def to_dict(self) -> dict:
        """Salinan dict biasa."""
        return copy.deepcopy(self._data)


def _short_config(obj) -> dict:
    """``{"class_name", "config"}`` sebuah objek Keras (nama terdaftar bila kelasnya kustom)."""
    return {"class_name": keras.saving.get_registered_name(type(obj)), "config": obj.get_config()}


# --- Data ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DataSpec:
    """Data sebuah eksperimen.

    Attributes:
        classes: ``None`` (sepuluh kelas Fashion-MNIST) atau label asli yang dipakai, dipetakan
            ulang ke ``0, 1, …`` **menurut urutan di tuple ini**.
        binary: tugas biner (dua kelas; label 0/1, satu unit output sigmoid, entropi silang
            biner). Memerlukan ``classes`` berisi tepat dua label.
        target: ``"labels"`` (klasifikasi) atau ``"inputs"`` (autoencoder: targetnya gambar
            masukan itu sendiri, *loss* MSE; label diabaikan).
        n_train: pakai ``n_train`` contoh latih pertama (sesudah penyaringan kelas); ``None``:
            semuanya.
        n_valid: pakai ``n_valid`` contoh validasi pertama; ``None``: semuanya.
        scaling: ``"unit"`` (piksel di [0, 1]) atau ``"standardize"`` (rata-rata 0, simpangan baku
            1 per piksel, dihitung dari data latih yang dipakai).
        dataset: ``"fashion_mnist"`` (bawaan) atau ``"cifar10"`` — CIFAR-10 hanya dimuat bila
            diminta dengan argumen ini (lihat :func:`chapter11.cifar10.load_cifar10`); build buku
            tidak pernah memakainya.
    """

    classes: tuple[int, ...] | None = None
    binary: bool = False
    target: str = "labels"
    n_train: int | None = None
    n_valid: int | None = None
    scaling: str = "unit"
    dataset: str = "fashion_mnist"

    def __post_init__(self):
        if self.classes is not None:
            if isinstance(self.classes, (str, bytes)) or not isinstance(self.classes, Iterable):
                raise TypeError("Argumen `classes` harus urutan label 0–9, mis. (0, 2). "
                                f"Diterima: classes={self.classes!r}.")
            classes = tuple(check_int("classes[i]", c, minimum=0) for c in self.classes)
            if any(c > 9 for c in classes) or len(set(classes)) != len(classes) or len(classes) < 2:
                raise ValueError(
                    "Argumen `classes` harus berisi paling sedikit dua label berbeda di 0–9. "
                    f"Diterima: classes={self.classes!r}."
                )
            object.__setattr__(self, "classes", classes)
        check_bool("binary", self.binary)
        check_choice("target", self.target, TARGETS)
        if self.binary and (self.classes is None or len(self.classes) != 2):
            raise ValueError("Tugas biner (`binary=True`) memerlukan `classes` berisi tepat dua "
                             f"label. Diterima: classes={self.classes!r}.")
        if self.binary and self.target != "labels":
            raise ValueError("Argumen `binary=True` hanya berlaku untuk target='labels'. "
                             f"Diterima: target={self.target!r}.")
        for name in ("n_train", "n_valid"):
            value = getattr(self, name)
            if value is not None:
                check_limit(name, check_int(name, value, minimum=1))
        check_choice("scaling", self.scaling, SCALINGS)
        check_choice("dataset", self.dataset, DATASETS)

    @classmethod
    def task_a(cls, **kwargs) -> DataSpec:
        """Tugas A Géron: delapan kelas selain Kaus/atasan (0) dan Pulover (2)."""
        return cls(classes=(1, 3, 4, 5, 6, 7, 8, 9), **kwargs)

    @classmethod
    def task_b(cls, n_train: int = 200, **kwargs) -> DataSpec:
        """Tugas B Géron: Pulover (1) lawan Kaus/atasan (0), biner, dari ``n_train`` gambar."""
        return cls(classes=(0, 2), binary=True, n_train=n_train, **kwargs)

    @property
    def n_classes(self) -> int:
        """Banyak kelas tugas ini (10 bila ``classes`` tidak disetel)."""
        return 10 if self.classes is None else len(self.classes)

    @property
    def n_outputs(self) -> int:
        """Banyak unit output yang dibutuhkan — 1 (biner), banyak kelas, atau 784 (autoencoder)."""
        if self.target == "inputs":
            return int(np.prod(self.input_shape))
        return 1 if self.binary else self.n_classes

    @property
    def input_shape(self) -> tuple[int, ...]:
        """Bentuk satu gambar set data ini (``(28, 28)`` atau ``(32, 32, 3)``)."""
        return INPUT_SHAPES[self.dataset]

    @property
    def loss(self) -> str:
        """Nama *loss* Keras yang cocok dengan tugasnya."""
        if self.target == "inputs":
            return "mse"
        return "binary_crossentropy" if self.binary else "sparse_categorical_crossentropy"

    @property
    def metrics(self) -> tuple[str, ...]:
        """Metrik yang dicatat selain *loss* (akurasi untuk klasifikasi)."""
        return () if self.target == "inputs" else ("accuracy",)

    def as_dict(self) -> dict:
        d = dataclasses.asdict(self)
        d["classes"] = None if self.classes is None else list(self.classes)
        return d


# --- Model -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reuse:
    """Pakai ulang lapisan model terlatih dari eksperimen lain.

    Model baru = salinan lapisan-lapisan terpilih model sumber (bobot terlatihnya, dimuat dari
    cache) + satu lapisan output Dense baru yang cocok dengan tugasnya.

    Attributes:
        source: eksperimen sumber (dilatih dulu bila belum ada di cache).
        layers: bilangan bulat ``k`` — ``k > 0`` memakai ``k`` lapisan pertama, ``k < 0`` semua
            kecuali ``|k|`` lapisan terakhir (bawaan ``-1``: semua kecuali output) — atau tuple
            nama lapisan, berurutan.
        freeze: bekukan lapisan yang dipakai ulang (``trainable=False``) sampai sebuah fase
            dengan ``unfreeze=True``.
    """

    source: Experiment
    layers: int | tuple[str, ...] = -1
    freeze: bool = True

    def __post_init__(self):
        if not isinstance(self.source, Experiment):
            raise TypeError("Argumen `source` harus Experiment. "
                            f"Diterima: tipe {type(self.source).__name__}.")
        if isinstance(self.layers, (list, tuple)):
            names = tuple(check_str("layers[i]", n) for n in self.layers)
            if not names or len(set(names)) != len(names):
                raise ValueError("Argumen `layers` harus berisi nama lapisan yang berbeda, "
                                 f"paling sedikit satu. Diterima: layers={self.layers!r}.")
            object.__setattr__(self, "layers", names)
        else:
            k = check_int("layers", self.layers)
            if k == 0:
                raise ValueError("Argumen `layers` tidak boleh 0 (tidak ada yang dipakai ulang). "
                                 "Diterima: layers=0.")
        check_bool("freeze", self.freeze)

    def as_dict(self) -> dict:
        layers = list(self.layers) if isinstance(self.layers, tuple) else self.layers
        return {"source": self.source.as_dict(), "layers": layers, "freeze": self.freeze}


def _builder(name: str):
    check_str("builder", name)
    fn = getattr(models, name, None)
    if name.startswith("_") or name not in models.__all__ or not callable(fn) \
            or not name.startswith("build_"):
        public = sorted(n for n in models.__all__ if n.startswith("build_"))
        raise ValueError("Argumen `builder` harus nama pembangun di chapter11.models, salah satu "
                         f"dari: {', '.join(public)}. Diterima: builder={name!r}.")
    return fn


@dataclass(frozen=True)
class ModelSpec:
    """Model sebuah eksperimen: pembangun + argumennya, atau lapisan yang dipakai ulang.

    Attributes:
        builder: nama fungsi di :mod:`chapter11.models` (``"build_mlp"``, ``"build_deep_mlp"``,
            …) atau ``None`` bila ``reuse`` disetel. Pembangun menerima ``seed``,
            ``input_shape`` dan ``n_outputs``; ketiganya diisi oleh eksperimen.
        kwargs: argumen pembangun lainnya (dict nilai JSON; objek Keras seperti regularisasi
            ditulis sebagai konfigurasinya).
        reuse: :class:`Reuse`, atau ``None``.
    """

    builder: str | None = "build_mlp"
    kwargs: Config = field(default_factory=Config)
    reuse: Reuse | None = None

    def __post_init__(self):
        object.__setattr__(self, "kwargs", Config(self.kwargs, name="kwargs"))
        if self.reuse is not None:
            if not isinstance(self.reuse, Reuse):
                raise TypeError("Argumen `reuse` harus Reuse atau None. "
                                f"Diterima: tipe {type(self.reuse).__name__}.")
            if self.builder is not None or len(self.kwargs):
                raise ValueError("ModelSpec dengan `reuse` tidak memakai `builder`/`kwargs`; "
                                 "pakai ModelSpec.reusing(...). "
                                 f"Diterima: builder={self.builder!r}, kwargs={dict(self.kwargs)!r}.")
            return
        fn = _builder(self.builder)
        models.check_builder_kwargs(fn, self.kwargs.to_dict())

    @classmethod
    def reusing(cls, source: Experiment, layers: int | tuple[str, ...] = -1,
                freeze: bool = True) -> ModelSpec:
        """Model dari lapisan eksperimen ``source`` (lihat :class:`Reuse`)."""
        return cls(builder=None, reuse=Reuse(source, layers, freeze))

    def as_dict(self) -> dict:
        return {"builder": self.builder, "kwargs": self.kwargs.to_dict(),
                "reuse": None if self.reuse is None else self.reuse.as_dict()}


# --- Pelatihan ---------------------------------------------------------------------------------


def callback(name: str, **kwargs) -> Config:
    """Konfigurasi *callback* Keras untuk :class:`Phase` (diperiksa sekarang, dibuat saat latih).

    Args:
        name: salah satu dari ``CALLBACKS`` (``"EarlyStopping"``, ``"ReduceLROnPlateau"``,
            ``"TerminateOnNaN"``).
        **kwargs: argumen konstruktornya (nilai JSON).

    Example:
        >>> callback("ReduceLROnPlateau", factor=0.5, patience=2)["class_name"]
        'ReduceLROnPlateau'
    """
    check_choice("name", name, tuple(CALLBACKS))
    config = Config({"class_name": name, "config": kwargs}, name="callback")
    try:
        CALLBACKS[name](**kwargs)
    except (TypeError, ValueError) as err:
        raise ValueError(f"Argumen callback {name} tidak sah: {err}. Diterima: {kwargs!r}.") from err
    return config


def _callback_config(value) -> Config:
    if isinstance(value, Config) or isinstance(value, Mapping):
        value = Config(value, name="callbacks[i]")
        if set(value) != {"class_name", "config"} or not isinstance(value["config"], dict):
            raise ValueError('Setiap anggota `callbacks` harus {"class_name": …, '
                             '"config": {…}} '
                             f"(buat dengan chapter11.experiments.callback). Diterima: {value!r}.")
        return callback(value["class_name"], **value["config"])
    raise TypeError("Setiap anggota `callbacks` harus dibuat dengan "
                    "chapter11.experiments.callback(nama, ...). "
                    f"Diterima: {value!r} (tipe {type(value).__name__}).")


def _learning_rate(value):
    """Angka positif, atau konfigurasi pendek ``LearningRateSchedule`` yang sah."""
    if isinstance(value, keras.optimizers.schedules.LearningRateSchedule):
        value = _short_config(value)
    if isinstance(value, Mapping):
        config = Config(value, name="learning_rate")
        try:
            schedule = keras.optimizers.schedules.deserialize(config.to_dict())
            if not isinstance(schedule, keras.optimizers.schedules.LearningRateSchedule):
                raise ValueError("bukan LearningRateSchedule")
            first = float(schedule(0))
            if not math.isfinite(first) or first <= 0:
                raise ValueError(f"laju di langkah 0 adalah {first}")
        except (TypeError, ValueError, KeyError) as err:
            raise ValueError(
                "Argumen `learning_rate` harus angka positif atau konfigurasi jadwal Keras, mis. "
                '{"class_name": "ExponentialDecay", "config": {...}} atau objek '
                f"LearningRateSchedule. Diterima: learning_rate={value!r} ({err})."
            ) from err
        return config
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
            or value <= 0:
        raise ValueError("Argumen `learning_rate` harus angka positif berhingga atau jadwal "
                         f"Keras. Diterima: learning_rate={value!r}.")
    # Keras menyimpan learning rate sebagai float32: bentuk kanoniknya desimal terpendek dari
    # nilai float32 itu, sehingga 0.01 dan objek SGD(learning_rate=0.01) setara.
    return float(np.format_float_positional(np.float32(value), unique=True, trim="0"))


def _optimizer_parts(optimizer, learning_rate, optimizer_kwargs):
    """Bentuk kanonik optimizer: ``(nama kelas, konfigurasi lengkap tanpa lr/nama, lr)``."""
    if isinstance(optimizer, keras.optimizers.Optimizer):
        if optimizer_kwargs:
            raise ValueError("Dengan objek optimizer, tulis argumennya di objek itu, bukan di "
                             f"`optimizer_kwargs`. Diterima: optimizer_kwargs={optimizer_kwargs!r}.")
        config = optimizer.get_config()
        cls = type(optimizer)
        lr = optimizer._learning_rate  # jadwal atau variabel
        if isinstance(lr, keras.optimizers.schedules.LearningRateSchedule):
            learning_rate = lr
        else:
            learning_rate = config["learning_rate"]
    else:
        cls = None
        check_str("optimizer", optimizer)
        kwargs = Config(optimizer_kwargs, name="optimizer_kwargs").to_dict()
        if "learning_rate" in kwargs or "lr" in kwargs:
            raise ValueError("Tulis learning rate di argumen `learning_rate`, bukan di "
                             f"`optimizer_kwargs`. Diterima: optimizer_kwargs={kwargs!r}.")
        try:
            cls_name, config = _named_optimizer_config(optimizer, json.dumps(kwargs,
                                                                             sort_keys=True))
        except (TypeError, ValueError) as err:
            raise ValueError(
                f"Argumen `optimizer` dan `optimizer_kwargs` harus nama optimizer Keras dan "
                f"argumennya; yang ini tidak dikenal Keras: {err}. "
                "Contoh yang sah: optimizer='sgd', optimizer_kwargs={'momentum': 0.9, "
                "'nesterov': True, 'clipnorm': 1.0}. "
                f"Diterima: optimizer={optimizer!r}, optimizer_kwargs={kwargs!r}."
            ) from err
        config = json.loads(config)
    if cls is not None:
        cls_name = cls.__name__
    learning_rate = _learning_rate(learning_rate)
    config = {k: v for k, v in config.items() if k not in ("name", "learning_rate")}
    return cls_name, Config(config, name="optimizer"), learning_rate


@functools.lru_cache(maxsize=256)
def _named_optimizer_config(optimizer: str, kwargs_json: str) -> tuple[str, str]:
    """(nama kelas, konfigurasi JSON) optimizer Keras ``optimizer`` dengan argumen itu.

    Membuat optimizer Keras (dengan variabelnya) memakan beberapa milidetik; satu halaman
    membuat ratusan :class:`Phase` dengan optimizer yang sama, jadi hasilnya diingat.
    """
    built = keras.optimizers.get({"class_name": optimizer, "config": json.loads(kwargs_json)})
    return type(built).__name__, json.dumps(built.get_config())


@dataclass(frozen=True, init=False)
class Phase:
    """Satu fase pelatihan: optimizer baru, ``model.compile``, lalu ``model.fit``.

    Args:
        epochs: banyak epoch (paling banyak; ``EarlyStopping`` dapat menghentikannya lebih awal).
        optimizer: nama optimizer Keras (``"sgd"``, ``"adam"``, …) atau objek optimizer Keras
            (``keras.optimizers.SGD(learning_rate=0.01, momentum=0.9, clipnorm=1.0)``).
        learning_rate: angka, objek/konfigurasi ``LearningRateSchedule`` (termasuk
            :class:`chapter11.keras_schedules.OneCycle`). Diabaikan bila ``optimizer`` objek.
        optimizer_kwargs: argumen optimizer lain bila ``optimizer`` berupa nama (``momentum``,
            ``nesterov``, ``clipnorm``, ``clipvalue``, ``global_clipnorm``, ``weight_decay``, …).
        batch_size: ukuran batch.
        callbacks: konfigurasi dari :func:`~chapter11.experiments.callback`.
        unfreeze: cairkan semua lapisan (``trainable=True``) sebelum fase ini.
        record_steps: catat *loss* dan *learning rate* setiap langkah (pelatihan satu langkah
            per panggilan, lebih lambat). Bila *learning rate*-nya jadwal, laju setiap langkah
            selalu dicatat, juga tanpa ``record_steps``; *loss* per langkah hanya dengan
            ``record_steps=True``.
        validate_every_epoch: ``True`` (bawaan): nilai data validasi di akhir setiap epoch.
            ``False``: hanya di akhir epoch terakhir fase ini (``val_*`` epoch lainnya NaN) —
            lebih murah untuk pelatihan pendek pada data kecil yang hasilnya dinilai di set uji;
            tidak boleh digabung dengan *callback* (yang memantau metrik validasi).

    Kedua cara menulis optimizer menghasilkan deskripsi yang sama (konfigurasi lengkap Keras),
    sehingga halaman yang menulisnya berbeda tetap berbagi satu pelatihan.
    """

    epochs: int
    optimizer: str
    optimizer_config: Config
    learning_rate: float | Config
    batch_size: int
    callbacks: tuple[Config, ...]
    unfreeze: bool
    record_steps: bool
    validate_every_epoch: bool

    def __init__(self, epochs: int, optimizer="sgd", learning_rate=0.01, optimizer_kwargs=None,
                 batch_size: int = 32, callbacks=(), unfreeze: bool = False,
                 record_steps: bool = False, validate_every_epoch: bool = True):
        name, config, lr = _optimizer_parts(optimizer, learning_rate, optimizer_kwargs)
        check_limit("epochs", check_int("epochs", epochs, minimum=1))
        check_limit("batch_size", check_int("batch_size", batch_size, minimum=1))
        if isinstance(callbacks, (str, bytes, Mapping)) or not isinstance(callbacks, Iterable):
            raise TypeError("Argumen `callbacks` harus urutan konfigurasi dari callback(...). "
                            f"Diterima: callbacks={callbacks!r}.")
        callbacks = tuple(_callback_config(c) for c in callbacks)
        check_bool("unfreeze", unfreeze)
        check_bool("record_steps", record_steps)
        check_bool("validate_every_epoch", validate_every_epoch)
        if not validate_every_epoch and callbacks:
            raise ValueError("Fase dengan `validate_every_epoch=False` tidak boleh memakai callback "
                             "(callback memantau metrik validasi setiap epoch). Diterima: "
                             f"callbacks={[c['class_name'] for c in callbacks]!r}.")
        for key, value in (("epochs", int(epochs)), ("optimizer", name),
                           ("optimizer_config", config), ("learning_rate", lr),
                           ("batch_size", int(batch_size)), ("callbacks", callbacks),
                           ("unfreeze", unfreeze),
                           ("record_steps", bool(record_steps)),
                           ("validate_every_epoch", validate_every_epoch)):
            object.__setattr__(self, key, value)

    @property
    def schedule(self) -> bool:
        """``True`` bila *learning rate* fase ini berupa jadwal."""
        return isinstance(self.learning_rate, Config)

    def make_optimizer(self):
        """Objek optimizer Keras baru untuk fase ini."""
        lr = self.learning_rate
        if isinstance(lr, Config):
            lr = keras.optimizers.schedules.deserialize(lr.to_dict())
        return keras.optimizers.get({"class_name": self.optimizer,
                                     "config": {**self.optimizer_config.to_dict(),
                                                "learning_rate": lr}})

    def make_callbacks(self) -> list:
        """Objek *callback* Keras baru untuk fase ini."""
        return [CALLBACKS[c["class_name"]](**c["config"]) for c in self.callbacks]

    def as_dict(self) -> dict:
        lr = self.learning_rate.to_dict() if isinstance(self.learning_rate, Config) \
            else self.learning_rate
        return {"epochs": self.epochs, "optimizer": self.optimizer,
                "optimizer_config": self.optimizer_config.to_dict(), "learning_rate": lr,
                "batch_size": self.batch_size, "callbacks": [c.to_dict() for c in self.callbacks],
                "unfreeze": self.unfreeze, "record_steps": self.record_steps,
                # hanya bila bukan bawaan: deskripsi lama (dan kunci cache-nya) tidak berubah
                **({} if self.validate_every_epoch else {"validate_every_epoch": False})}

    @classmethod
    def from_dict(cls, d: Mapping) -> Phase:
        return cls(epochs=d["epochs"], optimizer=d["optimizer"],
                   learning_rate=d["learning_rate"], optimizer_kwargs=d["optimizer_config"],
                   batch_size=d["batch_size"], callbacks=d["callbacks"],
                   unfreeze=d["unfreeze"], record_steps=d["record_steps"],
                   validate_every_epoch=d.get("validate_every_epoch", True))


# --- Eksperimen ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Experiment:
    """Deskripsi lengkap satu pelatihan (beku; dua deskripsi sama ⇒ hasil sama).

    Attributes:
        model: :class:`ModelSpec`.
        phases: satu :class:`Phase` atau urutan fase, dijalankan berurutan pada model yang sama.
        data: :class:`DataSpec` (bawaan: sepuluh kelas, semua data, piksel di [0, 1]).
        seed: benih bobot awal, urutan batch dan *dropout*.
        label: nama untuk legenda (tidak ikut menentukan hasil maupun kunci cache).
    """

    model: ModelSpec
    phases: tuple[Phase, ...]
    data: DataSpec = field(default_factory=DataSpec)
    seed: int = 42
    label: str = field(default="", compare=False)

    def __post_init__(self):
        if not isinstance(self.model, ModelSpec):
            raise TypeError(f"Argumen `model` harus ModelSpec. Diterima: tipe "
                            f"{type(self.model).__name__}.")
        phases = (self.phases,) if isinstance(self.phases, Phase) else self.phases
        if isinstance(phases, (str, bytes, Mapping)) or not isinstance(phases, Iterable):
            raise TypeError(f"Argumen `phases` harus Phase atau urutan Phase. Diterima: "
                            f"{self.phases!r}.")
        phases = tuple(phases)
        if not phases or not all(isinstance(p, Phase) for p in phases):
            raise ValueError("Argumen `phases` harus berisi paling sedikit satu Phase, dan hanya "
                             f"Phase. Diterima: phases={self.phases!r}.")
        object.__setattr__(self, "phases", phases)
        if not isinstance(self.data, DataSpec):
            raise TypeError(f"Argumen `data` harus DataSpec. Diterima: tipe "
                            f"{type(self.data).__name__}.")
        autoencoder = self.model.builder == "build_autoencoder"
        if (self.data.target == "inputs") != autoencoder:
            raise ValueError(
                "Target 'inputs' (autoencoder) berpasangan dengan builder='build_autoencoder', dan "
                "sebaliknya. Diterima: "
                f"target={self.data.target!r}, builder={self.model.builder!r}."
            )
        check_int("seed", self.seed, minimum=0)
        if not isinstance(self.label, str):
            raise TypeError(f"Argumen `label` harus string. Diterima: label={self.label!r}.")

    @classmethod
    def simple(cls, builder: str, builder_kwargs: Mapping | None = None, *, optimizer="sgd",
               learning_rate=0.01, optimizer_kwargs=None, epochs: int = 10,
               batch_size: int = 32, n_train: int | None = None, n_valid: int | None = None,
               input_scaling: str = "unit", seed: int = 42, label: str = "") -> Experiment:
        """Konstruktor singkat untuk kasus paling umum: satu model, satu fase, sepuluh kelas.

        Example:
            >>> e = Experiment.simple("build_mlp", {"hidden_units": [64]}, epochs=3, n_train=500)
            >>> len(e.phases), e.phases[0].epochs, e.data.n_train
            (1, 3, 500)
        """
        _builder(builder)
        try:
            model = ModelSpec(builder, {} if builder_kwargs is None else builder_kwargs)
        except (TypeError, ValueError) as err:
            raise type(err)(f"Argumen `builder_kwargs` tidak sah: {err}") from err
        return cls(model=model,
                   phases=(Phase(epochs=epochs, optimizer=optimizer, learning_rate=learning_rate,
                                 optimizer_kwargs=optimizer_kwargs, batch_size=batch_size),),
                   data=DataSpec(n_train=n_train, n_valid=n_valid, scaling=input_scaling),
                   seed=seed, label=label)

    def with_seed(self, seed: int) -> Experiment:
        """Salinan dengan benih lain (eksperimen sumber ``Reuse`` tidak ikut berubah)."""
        return dataclasses.replace(self, seed=check_int("seed", seed, minimum=0))

    def with_label(self, label: str) -> Experiment:
        """Salinan dengan label lain (kunci cache tetap sama)."""
        return dataclasses.replace(self, label=label)

    @property
    def total_epochs(self) -> int:
        """Jumlah epoch semua fase (batas atas; ``EarlyStopping`` bisa berhenti lebih awal)."""
        return sum(p.epochs for p in self.phases)

    def as_dict(self) -> dict:
        """Isi yang menentukan hasil (tanpa ``label``), siap di-JSON-kan."""
        return {"data": self.data.as_dict(), "model": self.model.as_dict(),
                "phases": [p.as_dict() for p in self.phases], "seed": self.seed}

    def to_json(self) -> str:
        """JSON kanonik (kunci terurut) dari ``as_dict()``."""
        return json.dumps(self.as_dict(), sort_keys=True, allow_nan=False)

    @classmethod
    def from_dict(cls, d: Mapping, *, label: str = "") -> Experiment:
        """Kebalikan ``as_dict()``."""
        model = d["model"]
        if model["reuse"] is not None:
            r = model["reuse"]
            layers = tuple(r["layers"]) if isinstance(r["layers"], list) else r["layers"]
            model_spec = ModelSpec.reusing(cls.from_dict(r["source"]), layers, r["freeze"])
        else:
            model_spec = ModelSpec(model["builder"], model["kwargs"])
        data = dict(d["data"])
        if data["classes"] is not None:
            data["classes"] = tuple(data["classes"])
        return cls(model=model_spec, phases=tuple(Phase.from_dict(p) for p in d["phases"]),
                   data=DataSpec(**data), seed=d["seed"], label=label)

    def __hash__(self) -> int:
        return hash(self.to_json())

