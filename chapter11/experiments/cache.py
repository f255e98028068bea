"""Cache pelatihan di disk: satu pelatihan per deskripsi, dibagi antarhalaman, diperiksa saat dibaca.

:func:`~chapter11.experiments.run` mencari hasil di ``runtime.cache_dir()/runs`` dengan kunci dari deskripsi eksperimen
(:meth:`~chapter11.experiments.Experiment.as_dict`), sidik jari makna kode ``chapter11`` yang terlibat, dan versi
TensorFlow/Keras/NumPy. Setiap hasil disimpan sebagai dua berkas, ``<kunci>.json`` (deskripsi,
riwayat, hash SHA-256 riwayat dan model) dan ``<kunci>.keras`` (model terlatih). Saat dibaca,
kedua hash dihitung ulang; berkas yang rusak, terpotong atau diubah dilatih ulang dan ditimpa —
cache tidak pernah menyajikan hasil yang salah.

Proses yang meminta deskripsi yang sama bersamaan (dua halaman di build paralel) menunggu lewat
kunci berkas (``fcntl.flock``): yang pertama melatih, yang lain membaca hasilnya.

Hasilnya selalu sama, entah baru dilatih atau dari cache: :class:`RunResult` selalu dibangun dari
berkas JSON yang tersimpan, :meth:`~chapter11.experiments.RunResult.load_model` selalu memuat model dari disk, dan
sesudah :func:`~chapter11.experiments.run` keadaan acak global selalu seperti sesudah
``keras.utils.set_random_seed(experiment.seed)``.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .. import _deps
from .._validation import check_int, check_limit
from ..runtime import cache_dir, quiet_tensorflow
from .spec import Experiment
from .training import load_model, save_model, train

keras = quiet_tensorflow()

__all__ = ["RunResult", "run", "run_seeds", "SeedSummary", "summarize_seeds", "runs_dir"]

_FORMAT = 2
_NAN = float("nan")  # satu objek: riwayat dengan NaN tetap setara setelah dimuat ulang


def runs_dir() -> Path:
    """Folder cache pelatihan (``runtime.cache_dir()/runs``)."""
    folder = cache_dir() / "runs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def cache_key(exp: Experiment) -> str:
    """Kunci cache: deskripsi + sidik jari makna kode ``chapter11.experiments`` + versi pustaka."""
    code = _deps.fingerprint(["chapter11.experiments"])
    payload = json.dumps({"experiment": exp.as_dict(), "code": code, "format": _FORMAT},
                         sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()[:24]


@dataclass(frozen=True)
class RunResult:
    """Hasil satu pelatihan.

    Attributes:
        experiment: deskripsinya.
        history: metrik per epoch (tuple ``float``): ``loss``, ``val_loss`` dan, untuk
            klasifikasi, ``accuracy``, ``val_accuracy``; ``learning_rate`` (laju yang dipakai
            langkah pertama epoch itu) dan ``phase`` (indeks fase).
        steps: catatan per langkah untuk fase dengan ``record_steps``: ``loss`` (*loss* batch
            itu), ``learning_rate`` (laju yang dipakai langkah itu) dan ``phase``.
        phase_epochs: banyak epoch yang benar-benar dijalankan tiap fase.
        test: metrik pada set uji tugasnya (``loss``, ``accuracy``) sesudah fase terakhir.
        n_params: banyak parameter model.
        seconds: lama pelatihan (detik dinding; berbeda dari mesin ke mesin, jangan ditempel
            sebagai hasil).
        model_path: berkas ``.keras`` model terlatih di cache.
        key: kunci cache.
    """

    experiment: Experiment
    history: dict
    steps: dict
    phase_epochs: tuple
    test: dict
    n_params: int
    seconds: float = field(compare=False)
    model_path: Path = field(compare=False, repr=False)
    key: str = field(compare=False, repr=False)

    @property
    def spec(self) -> Experiment:
        """Nama lama untuk ``experiment``."""
        return self.experiment

    @property
    def label(self) -> str:
        return self.experiment.label

    @property
    def final_val_accuracy(self) -> float:
        return self.history["val_accuracy"][-1]

    @property
    def best_val_accuracy(self) -> float:
        return float(np.nanmax(self.history["val_accuracy"]))

    @property
    def final_val_loss(self) -> float:
        return self.history["val_loss"][-1]

    @property
    def test_accuracy(self) -> float:
        return self.test["accuracy"]

    @property
    def diverged(self) -> bool:
        """``True`` bila *loss* latih menjadi NaN/inf di suatu epoch."""
        return not bool(np.all(np.isfinite(self.history["loss"])))

    def load_model(self):
        """Muat model terlatih dari cache (model Keras baru setiap kali)."""
        return load_model(self.model_path)


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _canonical(payload) -> str:
    return json.dumps(payload, sort_keys=True)


def _load_json(text: str):
    return json.loads(text, parse_constant=lambda c: {"NaN": _NAN}.get(c, float(c)))


def _read(exp: Experiment, key: str, json_path: Path, model_path: Path) -> RunResult | None:
    """Hasil tersimpan bila utuh dan cocok dengan ``exp``; ``None`` bila tidak ada atau rusak."""
    try:
        stored = _load_json(json_path.read_text(encoding="utf-8"))
        result = stored["result"]
        if stored["format"] != _FORMAT or stored["experiment"] != _load_json(exp.to_json()):
            return None
        if hashlib.sha256(_canonical(result).encode()).hexdigest() != stored["result_sha256"]:
            return None
        if not model_path.is_file() or _sha256_file(model_path) != stored["model_sha256"]:
            return None
        return RunResult(
            experiment=exp,
            history={k: tuple(v) for k, v in result["history"].items()},
            steps={k: tuple(v) for k, v in result["steps"].items()},
            phase_epochs=tuple(result["phase_epochs"]),
            test=dict(result["test"]),
            n_params=int(result["n_params"]),
            seconds=float(result["seconds"]),
            model_path=model_path,
            key=key,
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _write_json_atomic(path: Path, payload: dict) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(payload, handle, indent=1, sort_keys=True)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def _locked(path: Path):
    with open(path, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _train_and_store(exp: Experiment, key: str, json_path: Path, model_path: Path) -> None:
    source_model = None
    if exp.model.reuse is not None:
        source_model = run(exp.model.reuse.source).load_model()
    trained = train(exp, source_model=source_model)
    tmp_model = model_path.with_name(f"{key}.{os.getpid()}.tmp.keras")
    try:
        save_model(trained.model, tmp_model)
        os.replace(tmp_model, model_path)
    finally:
        with contextlib.suppress(OSError):
            tmp_model.unlink()
    result = {
        "history": {k: list(v) for k, v in trained.history.items()},
        "steps": {k: list(v) for k, v in trained.steps.items()},
        "phase_epochs": list(trained.phase_epochs),
        "test": trained.test,
        "n_params": int(trained.model.count_params()),
        "seconds": trained.seconds,
    }
    result = _load_json(_canonical(result))  # bentuk yang persis sama dengan saat dibaca ulang
    _write_json_atomic(json_path, {
        "format": _FORMAT, "key": key, "experiment": exp.as_dict(), "result": result,
        "result_sha256": hashlib.sha256(_canonical(result).encode()).hexdigest(),
        "model_sha256": _sha256_file(model_path),
    })


def run(experiment: Experiment, *, use_cache: bool = True) -> RunResult:
    """Latih ``experiment`` sekali, atau ambil hasilnya dari cache.

    Eksperimen yang memakai ulang lapisan (:class:`~chapter11.experiments.Reuse`) mengambil
    eksperimen sumbernya lewat :func:`~chapter11.experiments.run` juga (melatihnya dulu bila belum ada).

    Args:
        experiment: deskripsi pelatihan.
        use_cache: ``False`` memaksa pelatihan ulang (hasil baru tetap disimpan).

    Returns:
        :class:`RunResult`, dibangun dari berkas yang tersimpan.

    Raises:
        TypeError: ``experiment`` bukan :class:`~chapter11.experiments.Experiment`.
    """
    if not isinstance(experiment, Experiment):
        raise TypeError("Argumen `experiment` harus Experiment (lihat chapter11.experiments). "
                        f"Diterima: tipe {type(experiment).__name__}.")
    if not isinstance(use_cache, bool):
        raise TypeError(f"Argumen `use_cache` harus True atau False. Diterima: {use_cache!r}.")
    key = cache_key(experiment)
    folder = runs_dir()
    json_path, model_path = folder / f"{key}.json", folder / f"{key}.keras"
    with _locked(folder / f"{key}.lock"):
        result = _read(experiment, key, json_path, model_path) if use_cache else None
        if result is None:
            _train_and_store(experiment, key, json_path, model_path)
            result = _read(experiment, key, json_path, model_path)
            if result is None:  # pragma: no cover - disk penuh atau diubah proses lain
                raise OSError(f"Hasil pelatihan tidak dapat dibaca ulang dari {json_path}; "
                              "periksa ruang disk dan izin folder CHAPTER11_CACHE_DIR.")
    keras.utils.set_random_seed(experiment.seed)
    return result


def run_seeds(experiment: Experiment, seeds: Iterable[int] = (0, 1, 2)) -> tuple[RunResult, ...]:
    """Latih ``experiment`` dengan beberapa benih (masing-masing di-cache sendiri)."""
    if isinstance(seeds, (str, bytes)) or not isinstance(seeds, Iterable):
        raise TypeError(f"Argumen `seeds` harus urutan bilangan bulat. Diterima: seeds={seeds!r}.")
    seeds = tuple(check_int("seeds[i]", s, minimum=0) for s in seeds)
    if not seeds or len(set(seeds)) != len(seeds):
        raise ValueError("Argumen `seeds` harus berisi paling sedikit satu benih, tanpa kembar. "
                         f"Diterima: seeds={seeds!r}.")
    check_limit("len(seeds)", len(seeds), "seeds")
    if not isinstance(experiment, Experiment):
        raise TypeError("Argumen `experiment` harus Experiment. "
                        f"Diterima: tipe {type(experiment).__name__}.")
    return tuple(run(experiment.with_seed(s)) for s in seeds)


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
    if isinstance(results, (str, bytes)) or not isinstance(results, Iterable):
        raise TypeError("Argumen `results` harus urutan RunResult. "
                        f"Diterima: results={results!r} (tipe {type(results).__name__}).")
    results = tuple(results)
    if not results or not all(isinstance(r, RunResult) for r in results):
        raise ValueError("Argumen `results` harus berisi paling sedikit satu RunResult. "
                         f"Diterima: results={results!r}.")
    return SeedSummary(results[0].label, tuple(r.final_val_accuracy for r in results))
