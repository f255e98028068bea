"""Eksperimen pelatihan sebagai data: deskripsi beku → hasil per epoch, di-cache dan dibagi.

Sebuah pelatihan ditulis sebagai :class:`Experiment` — :class:`DataSpec` (tugas dan data),
:class:`ModelSpec` (pembangun dan argumennya, atau :class:`Reuse` lapisan model lain), dan satu
atau lebih :class:`Phase` (optimizer, *learning rate* atau jadwal, batch, *callback*). :func:`run`
melatihnya sekali dan menyimpan hasilnya (riwayat, model terlatih) di cache bersama; halaman lain
yang meminta deskripsi yang sama mendapat hasil yang sama tanpa melatih lagi.

Example:
    >>> exp = Experiment(
    ...     model=ModelSpec("build_mlp", {"hidden_units": [32], "activation": "relu",
    ...                                   "kernel_initializer": "he_normal"}),
    ...     phases=Phase(epochs=2, optimizer="sgd", learning_rate=0.01, batch_size=64),
    ...     data=DataSpec(n_train=2000, n_valid=500), seed=0, label="ReLU kecil")
    >>> result = run(exp)
    >>> len(result.history["val_accuracy"]), [round(r, 6) for r in result.history["learning_rate"]]
    (2, [0.01, 0.01])
    >>> run(exp) == result   # kedua kalinya dari cache
    True
"""

from .. import keras_schedules  # noqa: F401  (mendaftarkan jadwal OneCycle untuk deserialisasi)
from .cache import RunResult, SeedSummary, run, run_seeds, summarize_seeds
from .spec import (CALLBACKS, Config, DataSpec, Experiment, ModelSpec, Phase, Reuse,
                   callback)
from .tasks import TaskData, load_task, prepare_data

__all__ = [
    "Experiment", "DataSpec", "ModelSpec", "Reuse", "Phase", "Config", "callback", "CALLBACKS",
    "RunResult", "run", "run_seeds", "SeedSummary", "summarize_seeds",
    "TaskData", "load_task", "prepare_data", "RunSpec",
]


def RunSpec(builder, builder_kwargs=None, **kwargs) -> Experiment:  # noqa: N802
    """Konstruktor singkat lama (satu model, satu fase); sama dengan :meth:`Experiment.simple`."""
    return Experiment.simple(builder, builder_kwargs, **kwargs)
