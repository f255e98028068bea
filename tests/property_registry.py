"""Registri tes berbasis properti (``tests/test_properties.py``): masukan buruk per parameter.

Aturan cakupan (diperiksa oleh ``test_every_public_callable_is_registered``):

* Setiap modul ``chapter11.*`` yang namanya tidak diawali garis bawah.
* Di modul itu: setiap nama di ``__all__``; bila modul tidak punya ``__all__``, setiap fungsi
  atau kelas publik (tanpa garis bawah) yang *didefinisikan* di modul itu.
* Hanya objek yang didefinisikan di modul itu (``obj.__module__``); ekspor ulang diuji di
  modul asalnya. Kelas pengecualian (turunan ``BaseException``) tidak termasuk.
* Setiap callable harus punya tepat satu entri: di :data:`CASES` (diuji dengan masukan buruk)
  atau di :data:`RESULT_TYPES` (kelas hasil yang dibuat paket, bukan titik masuk; fungsi
  ``plot_*`` yang menerimanya memeriksa tipenya) atau di :data:`NOT_FUZZED` (alasan tertulis).
* Setiap parameter sebuah callable di :data:`CASES` harus punya strategi masukan buruk: per
  nama parameter (:data:`PARAM_KIND` → :data:`KIND_BAD`) atau khusus callable
  (``Case.bad``), atau dikecualikan dengan alasan (``Case.skip``). Parameter wajib butuh nilai
  dasar yang sah: per nama (:data:`BASELINE_BY_NAME`) atau ``Case.args``.

Setiap panggilan dengan satu parameter buruk (yang lain sah) harus memunculkan ``ValueError``
atau ``TypeError`` yang pesannya memuat "Diterima" dan nama parameternya, dalam batas waktu,
tanpa pernah memulai pelatihan.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, Callable

import numpy as np
from hypothesis import strategies as st

# --------------------------------------------------------------------------------------------
# Nilai buruk per jenis parameter.
# --------------------------------------------------------------------------------------------

NOT_A_NUMBER = ["3", [1], b"1", object()]
HUGE_INTS = st.integers(min_value=10**12, max_value=10**15)  # jauh di atas RAM: alokasi gagal cepat, bukan OOM


def _ints(*fixed, huge=True, nonpositive=True, negative=False):
    parts = [st.sampled_from(list(fixed) + [True, 1.5, None] + NOT_A_NUMBER[:2])]
    if nonpositive:
        parts.append(st.integers(max_value=0, min_value=-10**6))
    if negative:
        parts.append(st.integers(max_value=-1, min_value=-10**6))
    if huge:
        parts.append(HUGE_INTS)
    return st.one_of(*parts)


def _floats(*fixed, positive=True, unit=False):
    base = [math.nan, math.inf, -math.inf, None, "0.1", True, [0.1]]
    parts = [st.sampled_from(base + list(fixed))]
    if positive:
        parts.append(st.floats(max_value=0.0, allow_nan=False, allow_infinity=False))
    if unit:
        parts.append(st.floats(min_value=1.0001, max_value=1e6))
        parts.append(st.floats(max_value=-1e-9, min_value=-1e6))
    return st.one_of(*parts)


def _arrays():
    return st.sampled_from([
        None, "abc", np.array([np.nan, 1.0]), np.array([]), np.array(["a", "b"]),
        [[1.0, 2.0], [3.0]], object(),
    ])


KIND_BAD: dict[str, Any] = {
    # bilangan bulat ukuran (>= 1, dengan batas atas di chapter11._validation.LIMITS)
    "size": _ints(),
    # bilangan bulat >= 0 tanpa batas atas yang berarti (benih, indeks)
    "seed": _ints(-1, huge=False, nonpositive=False, negative=True),
    "index": _ints(-1, huge=False, nonpositive=False, negative=True),
    # bilangan real > 0
    "positive": _floats(),
    # bilangan real >= 0
    "nonnegative": _floats(-1.0, -1e-3, positive=False),
    # bilangan real dalam [0, 1)
    "unit": _floats(1.5, 5.0, -0.1, positive=False, unit=True),
    # bilangan real berhingga sembarang
    "real": st.sampled_from([math.nan, math.inf, None, "0.1", True, [0.1]]),
    "bool": st.sampled_from([None, "ya", 2, 1.5, [True]]),
    "text": st.sampled_from([3, 1.5, b"x", ["a"], object()]),
    "choice": st.sampled_from(["tidak_ada", "", 3, None, ["relu"], b"relu"]),
    "budget": st.sampled_from([None, "fast", "turbo", 3, object()]),
    "ax": st.sampled_from(["ax", 3, object(), [1, 2]]),
    "array": _arrays(),
    "object": st.sampled_from([None, "x", 3, object()]),
}

#: Jenis setiap nama parameter yang dipakai bersama oleh banyak fungsi.
PARAM_KIND: dict[str, str] = {}
for _kind, _names in {
    "size": "depth units steps epochs batch_size n_bins n_groups ncols levels window bins "
            "n_batches probe_size top n_samples total_steps n_images n_train n_valid "
            "steps_per_epoch n_classes max_epochs patience finder_epochs one_cycle_epochs "
            "one_cycle_batch_size mc_samples final_steps show_steps decay_steps smooth",
    "seed": "seed",
    "index": "index layer digits",
    "positive": "learning_rate epsilon clipnorm clipvalue global_clipnorm max_rate min_rate "
                "steepness tolerance n_sigma initial_rate start_rate end_rate divisor "
                "max_value weight_std decades factor std",
    "nonnegative": "threshold weight_decay l1 l2 climb tie initial_accumulator_value",
    "unit": "momentum beta_1 beta_2 rho batch_norm_momentum smoothing dropout",
    "real": "mean value start decay_rate schedule_decay chance reference target",
    "bool": "legend derivative log_scale staircase approximate use_cache training theory log "
            "include_output allow_download binary freeze unfreeze record_steps rates_per_step "
            "validate_every_epoch input_batch_norm is_glossary allow_glosses per_step",
    "text": "label caption name text target_label baseline_label reference_label ylabel "
            "dataset_name markdown page",
    "choice": "activation distribution mode metric stat part dataset optimizer method placement "
              "quantity initializer kernel_initializer scaling",
    "budget": "budget",
    "ax": "ax axes",
    "array": "x y z probs theta grad grads losses rates values differences kernel gamma beta "
             "moving_mean moving_variance bias a b outputs derivatives x_train y_train "
             "x_valid y_valid step t",
    "object": "model result results report reports experiment layer_model surface",
}.items():
    for _name in _names.split():
        PARAM_KIND[_name] = _kind


# --------------------------------------------------------------------------------------------
# Nilai dasar yang sah (dibuat malas; disimpan sekali per sesi).
# --------------------------------------------------------------------------------------------

_MEMO: dict[str, Any] = {}


def memo(key: str, factory: Callable[[], Any]) -> Any:
    if key not in _MEMO:
        _MEMO[key] = factory()
    return _MEMO[key]


def budget():
    from chapter11.runtime import Budget

    return Budget("fast")


def small_model():
    def make():
        from chapter11.models import build_mlp

        return build_mlp(hidden_units=(8, 4), seed=0)
    return memo("small_model", make)


def images(n=8):
    return np.random.default_rng(0).random((n, 28, 28), dtype=np.float32)


def labels(n=8):
    return np.arange(n) % 10


BASELINE_BY_NAME: dict[str, Callable[[], Any]] = {
    "budget": budget,
    "model": small_model,
    "label": lambda: "uji",
}


@dataclass
class Case:
    """Cara menguji satu callable.

    Attributes:
        args: nilai dasar yang sah (fungsi tanpa argumen → dict), selain bawaan tanda tangannya.
        bad: strategi masukan buruk khusus per parameter (mengganti strategi per nama).
        skip: parameter yang tidak diuji, dengan alasan.
        aliases: nama lain yang boleh disebut pesan untuk parameter itu.
    """

    args: Callable[[], dict] | dict = field(default_factory=dict)
    bad: dict[str, Any] = field(default_factory=dict)
    skip: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def baseline(self) -> dict:
        return dict(self.args() if callable(self.args) else self.args)


CASES: dict[str, Case] = {}
RESULT_TYPES: dict[str, str] = {}
NOT_FUZZED: dict[str, str] = {}
#: Celah yang DIKETAHUI dan belum diperbaiki: ``"callable:parameter" → alasan``. Tesnya ditandai
#: xfail(strict=True): bila celah diperbaiki, tes gagal sampai entri ini dihapus. Alasan yang
#: diawali "menggantung" atau "memulai pelatihan" tidak dijalankan sama sekali. Daftar lengkap
#: ada di akhir berkas ini (dibuat dari keluaran suite, satu alasan per entri).
KNOWN_GAPS: dict[str, str] = {}


# --------------------------------------------------------------------------------------------
# Kelas hasil: dibuat oleh paket dan dikembalikan ke pengguna, bukan titik masuk. Tidak diuji
# dengan masukan buruk saat dibuat; fungsi ``plot_*`` dan pembaca lain yang menerimanya
# memeriksa tipenya (diuji lewat parameter ``report``/``result`` mereka).
# --------------------------------------------------------------------------------------------

_RESULT = "kelas hasil yang dibuat paket (bukan titik masuk)"
for _q in """activations.Activation calibration.CalibrationReport cifar10.CIFAR10
clipping.ClippingReport clipping.ClippingActivity clipping_experiments.DivergenceSummary
data.FashionMNIST exercises.ExerciseSettings exercises.ExerciseRow exercises.GeronClaim
experiments.cache.RunResult experiments.cache.SeedSummary experiments.tasks.TaskData
experiments.training.Trained gradients.GradientNormReport guidelines.Evidence guidelines.Guideline
guidelines.RecommendedSummary initializers.InitializationRule initializers.InitializerDescription
layer_stats.HiddenActivation layer_stats.LayerStatsReport normalization.ParameterBreakdown
normalization.ReferenceCheckReport normalization.BNModesReport normalization.BatchSizeReport
normalization.MovingAverageLagReport normalization.InputStandardizationReport
optimizer_experiments.KerasCheck optimizers.Rule optimizers.Surface optimizers.Trajectory
optimizers.ComparisonRow paired.PairedGain propagation.SignalPropagationReport
regularization.FitGapReport regularization.MCDropoutReport regularization.KernelNormReport
schedules.RateSuggestion symmetry.SymmetryReport vocabulary.Term vocabulary.Finding
weight_variance.WeightVarianceReport""".split():
    RESULT_TYPES["chapter11." + _q] = _RESULT

NOT_FUZZED["chapter11.plotting.labels.CommaScalarFormatter"] = (
    "subkelas ScalarFormatter matplotlib; semua parameternya milik matplotlib dan diteruskan apa adanya")


# --------------------------------------------------------------------------------------------
# Nilai dasar bersama yang lebih berat (dibuat sekali).
# --------------------------------------------------------------------------------------------

def experiment():
    def make():
        from chapter11.baselines import comparison_experiment

        return comparison_experiment(budget(), epochs=2)
    return memo("experiment", make)


def run_result():
    """Sebuah ``RunResult`` sah tanpa pelatihan: model kecil tak terlatih disimpan ke /tmp."""
    def make():
        import tempfile
        from pathlib import Path

        from chapter11.experiments import RunResult
        from chapter11.experiments.training import save_model

        path = Path(tempfile.mkdtemp(prefix="chapter11-props-")) / "model.keras"
        save_model(small_model(), path)  # seperti cache: tanpa DeprecationWarning internal Keras
        history = {"loss": (2.0, 1.0, 0.8), "val_loss": (2.1, 1.2, 1.0),
                   "accuracy": (0.3, 0.6, 0.7), "val_accuracy": (0.3, 0.55, 0.65),
                   "learning_rate": (0.01, 0.01, 0.01), "phase": (0, 0, 0)}
        steps = {"loss": tuple(np.linspace(2.3, 0.5, 12)),
                 "learning_rate": tuple(np.geomspace(1e-4, 1.0, 12)), "phase": (0,) * 12}
        return RunResult(experiment(), history, steps, (3,), {"loss": 1.0, "accuracy": 0.7},
                         1000, 1.0, path, "uji")
    return memo("run_result", make)


def plot_sample(module: str, function: str, index: int = 0):
    """Argumen sah sebuah ``plot_*`` dari ``_samples()`` modul gambarnya (dipakai tes label)."""
    def make():
        import importlib
        import inspect as _inspect

        mod = importlib.import_module(f"chapter11.plotting.{module}")
        args, kwargs = mod._samples()[function][index]
        bound = _inspect.signature(getattr(mod, function)).bind_partial(*args, **kwargs)
        return dict(bound.arguments)
    return lambda: dict(memo(f"plot:{module}.{function}:{index}", make))


def grads():
    return [np.array([[3.0, 4.0]]), np.array([0.5, -0.5])]


def probs():
    return np.array([[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.3, 0.3, 0.4], [0.5, 0.25, 0.25]] * 2)


BASELINE_BY_NAME.update({
    "x": lambda: images(), "y": lambda: labels(), "probs": probs, "grads": grads,
    "result": run_result, "experiment": experiment, "theta": lambda: np.array([1.0, -2.0]),
    "grad": lambda: np.array([0.5, 0.1]), "state": dict, "caption": lambda: "Tabel uji",
    "name": lambda: "uji",
})

ARRAY_FN = Case(args=lambda: {"x": np.linspace(-3.0, 3.0, 7)})
ACTIVATION_NAMES = st.sampled_from(["tidak_ada", "", 3, None, ["relu"]])


def _case(names: str, case: Case | None = None) -> None:
    for q in names.split():
        CASES["chapter11." + q] = case if case is not None else Case()


# --- activations ---
# Fungsi elemen demi elemen: array kosong → array kosong (perilaku NumPy yang benar), jadi bukan
# masukan buruk di sini.
ELEMENTWISE_X = st.sampled_from([
    None, "abc", np.array([np.nan, 1.0]), np.array(["a", "b"]), [[1.0, 2.0], [3.0]], object(),
    [1.0, None]])
for _f in ("sigmoid tanh relu leaky_relu elu selu gelu swish silu mish softplus").split():
    _case(f"activations.{_f} activations.{_f}_derivative", Case(
        args=lambda: {"x": np.linspace(-3.0, 3.0, 7)},
        bad={"x": ELEMENTWISE_X, "negative_slope": KIND_BAD["real"], "alpha": KIND_BAD["positive"],
             "beta": KIND_BAD["real"], "approximate": KIND_BAD["bool"]}))
_case("activations.get_activation", Case(args={"name": "relu"}, bad={"name": ACTIVATION_NAMES}))
_case("activations.activity_masks", Case(
    args=lambda: {"outputs": np.linspace(0, 1, 5), "derivatives": np.linspace(0, 0.25, 5),
                  "peak_derivative": 0.25},
    bad={"peak_derivative": KIND_BAD["positive"], "threshold": KIND_BAD["unit"]}))
_case("activations.saturation_fraction activations.inactive_fraction", Case(
    args=lambda: {"z": np.linspace(-5, 5, 11)}, bad={"threshold": KIND_BAD["unit"]}))
_case("activations.gaussian_output_moments", Case(args={"activation": "relu"}))
_case("activations.derivative_chain")

# --- baselines ---
_case("baselines.base_model baselines.comparison_data baselines.comparison_epochs "
      "baselines.constant_baseline")
_case("baselines.comparison_experiment", Case(bad={
    "optimizer_kwargs": st.sampled_from([3, "x", {"tidak_ada": 1}, [("momentum", 0.9)]]),
    "callbacks": st.sampled_from([3, "x", [3], [object()]]),
    "model": st.sampled_from(["x", 3, object()])}))

# --- calibration ---
_case("calibration.check_probabilities calibration.predictive_entropy "
      "calibration.rank_by_uncertainty", Case(args=lambda: {"probs": probs()}))
_case("calibration.predictive_accuracy calibration.negative_log_likelihood "
      "calibration.expected_calibration_error calibration.measure_calibration "
      "calibration.accuracy_by_uncertainty",
      Case(args=lambda: {"probs": probs(), "y": np.array([0, 1, 2, 0] * 2)},
           bad={"y": st.sampled_from([None, "abc", np.array([0, 1, 2, 9]),
                                      np.array([0.5, 1, 2, 0]), np.array([0, 1]),
                                      np.array([-1, 0, 1, 2])])}))
_case("calibration.accuracy_standard_error", Case(
    args={"accuracy": 0.8, "n": 100},
    # n besar sekali bukan celah: rumus O(1) √(p(1−p)/n) tetap benar (tidak ada kerja sebesar n),
    # jadi tanpa batas atas; nilai buruknya bukan-bilangan-bulat dan n <= 0.
    bad={"accuracy": KIND_BAD["unit"], "n": _ints(huge=False)}))

# --- cifar10, data ---
_case("cifar10.load_cifar10", Case(
    bad={"loader": st.sampled_from([3, "x", object()])},
    skip={"*baseline*": "tanpa pemuat, CIFAR-10 diunduh lewat Keras (jaringan)"}))
_case("data.load_fashion_mnist", Case(
    bad={"data_dir": st.sampled_from([3, 1.5, object(), "", "/tidak/ada/folder-ini"])},
    skip={"*baseline*": "memuat 70 000 gambar; diuji di tests/test_data.py"}))

# --- clipping ---
# ``grads`` adalah DAFTAR larik (satu per variabel): [[1.0, 2.0], [3.0]] sah (dua variabel
# berbentuk (2,) dan (1,)), jadi tidak dipakai sebagai nilai buruk; penggantinya daftar yang
# anggotanya bukan angka, NaN atau inf.
GRADS_BAD = st.sampled_from([None, "abc", np.array([np.nan, 1.0]), np.array([]),
                             np.array(["a", "b"]), [np.array([1.0]), "x"], [None],
                             [np.array([np.inf])], [], object()])
_case("clipping.clip_by_value", Case(args=lambda: {"grads": grads(), "clipvalue": 1.0},
                                     bad={"grads": GRADS_BAD}))
_case("clipping.clip_by_norm", Case(args=lambda: {"grads": grads(), "clipnorm": 1.0},
                                    bad={"grads": GRADS_BAD}))
_case("clipping.clip_by_global_norm", Case(args=lambda: {"grads": grads(),
                                                         "global_clipnorm": 1.0},
                                           bad={"grads": GRADS_BAD}))
_case("clipping.clip_gradients", Case(
    args=lambda: {"grads": grads(), "method": "clipnorm", "threshold": 1.0},
    bad={"threshold": KIND_BAD["positive"], "grads": GRADS_BAD}))
_case("clipping.global_norm", Case(bad={"grads": GRADS_BAD}))
_case("clipping.keras_clipped_gradients", Case(args=lambda: {"grads": grads(), "clipnorm": 1.0},
                                               bad={"grads": GRADS_BAD}))
_case("clipping.angle_between", Case(args=lambda: {"a": grads(), "b": grads()},
                                     bad={"a": GRADS_BAD, "b": GRADS_BAD}))
_case("clipping.compare_clipping", Case(bad={"grads": GRADS_BAD,
    "variable_names": st.sampled_from([3, "ab", ["w"], [1, 2], ["w", "w", "b"]])}))
_case("clipping.measure_variable_gradients", Case(bad={
    "loss": st.sampled_from([3, "tidak_ada_loss", object()])}))
_case("clipping.measure_clipping_activity", Case(
    args=lambda: {"x": images(64), "y": labels(64), "n_batches": 2},
    bad={"threshold": KIND_BAD["positive"]},
    skip={"*baseline*": "baseline menjalankan apply_gradients (dilarang di suite ini)"}))
# NaN/inf sah di ``losses``: langkah yang menyimpang, yang memang ditandai fungsi ini.
_case("clipping.reliable_step_losses", Case(
    args=lambda: {"losses": np.linspace(2.3, 0.5, 12), "steps_per_epoch": 4},
    bad={"losses": st.sampled_from([None, "abc", np.array([]), np.array(["a", "b"]),
                                    [[1.0, 2.0], [3.0]], object()])}))

# --- clipping_experiments ---
_case("clipping_experiments.divergence_experiment", Case(bad={
    "clipnorm": KIND_BAD["positive"]}))
_case("clipping_experiments.diverged clipping_experiments.step_losses "
      "clipping_experiments.smoothed_loss", Case(bad={"n_classes": _ints(1)}))
_case("clipping_experiments.summarize_divergence",
      Case(args=lambda: {"results": [run_result()]},
           bad={"results": st.sampled_from([None, 3, "x", [], [3], [object()]])}))

# --- exercises ---
PART = st.sampled_from(["z", "", 3, None, "B"])
_case("exercises.exercise_settings exercises.lr_finder_experiment")
_case("exercises.deep_model", Case(args={"part": "b"}, bad={"part": PART}))
_case("exercises.deep_experiment", Case(args={"part": "b"}, bad={"part": PART}))
_case("exercises.best_epoch")


def _finder_with_valley():
    """Hasil pencari learning rate tiruan yang loss-nya punya lembah di 10⁻² (seperti doctest)."""
    rates = np.geomspace(1e-4, 1, 81)
    return SimpleNamespace(steps={"learning_rate": tuple(rates),
                                  "loss": tuple(1 + 0.25 * (np.log10(rates) + 2) ** 2)})


_case("exercises.choose_max_rate", Case(args=lambda: {"result": _finder_with_valley()},
                                        bad={"climb": KIND_BAD["positive"]}))
_case("exercises.mc_dropout_accuracy", Case(
    skip={"*baseline*": "memuat data uji dan menjalankan model (berat)"}))
_case("exercises.exercise_row", Case(args={"part": "b"}, bad={
    "part": PART, "val_accuracy": KIND_BAD["unit"]}))
ROWS = st.sampled_from([None, 3, "x", [3], [object()]])
GERON = st.sampled_from([None, 3, {"b": "x"}, {"b": math.nan}, ["b"]])
def exercise_rows():
    from chapter11.exercises import ExerciseRow

    return [ExerciseRow(p, 0.5 + 0.01 * i, 5, 3, "nadam")
            for i, p in enumerate(("b", "c", "d", "e", "f", "e_mc"))]


_case("exercises.format_exercise_table exercises.check_geron_claims", Case(
    args=lambda: {"rows": exercise_rows()}, bad={"rows": ROWS, "geron": GERON}))
_case("exercises.symmetric_init_spread", Case(
    skip={"*baseline*": "melatih jaringan kecil dengan model.fit (dilarang di suite ini)"}))
_case("exercises.momentum_trajectory", Case(args={"momentum": 0.9, "steps": 10}))
_case("exercises.format_geron_claims", Case(args={"claims": ()}, bad={"claims": ROWS}))
_case("exercises.compare_words", Case(args={"a": 0.5, "b": 0.4},
                                      bad={"a": KIND_BAD["real"], "b": KIND_BAD["real"]}))

# --- experiments ---
BUILDER = st.sampled_from([None, 3, "tidak_ada", object()])
CONFIG = st.sampled_from([3, "x", [1], {"tidak_ada": 1}, {3: 1}])
_case("experiments.RunSpec", Case(
    args={"builder": "build_mlp", "epochs": 1},
    bad={"builder": BUILDER, "builder_kwargs": CONFIG}))
_case("experiments.cache.run", Case(bad={"experiment": KIND_BAD["object"],
                                         "use_cache": KIND_BAD["bool"]}))
SEEDS = st.sampled_from([None, 3, "x", [-1], [1.5], [True], list(range(2000)), []])
_case("experiments.cache.run_seeds", Case(bad={"seeds": SEEDS}))
_case("experiments.cache.summarize_seeds", Case(
    args=lambda: {"results": [run_result()]},
    bad={"results": st.sampled_from([None, 3, "x", [], [3], [object()]])}))
_case("experiments.cache.runs_dir")
_case("experiments.spec.Config", Case(bad={"data": st.sampled_from([3, "x", [1], {3: 1},
                                                                    {"a": object()}])}))
_case("experiments.spec.DataSpec", Case(bad={
    "classes": st.sampled_from([3, "x", [], [1, 1], [-1, 2], [1, 10], [1.5, 2]]),
    "target": KIND_BAD["choice"]}))
_case("experiments.spec.ModelSpec", Case(bad={
    "builder": BUILDER, "kwargs": CONFIG, "reuse": KIND_BAD["object"]}))
_case("experiments.spec.Reuse", Case(
    args=lambda: {"source": experiment()},
    bad={"source": KIND_BAD["object"],
         # Bilangan negatif sah (semua kecuali |k| lapisan terakhir); apakah sumbernya cukup
         # dalam baru diketahui saat model sumber dibangun (pesan jelas di training.py).
         "layers": st.sampled_from([None, "x", 0, 1.5, (), (3,), ("a", "a")])}))
_case("experiments.spec.Phase", Case(
    args={"epochs": 1},
    bad={"optimizer_kwargs": st.sampled_from([3, "x", {"tidak_ada": 1}]),
         "callbacks": st.sampled_from([3, "x", [3], [object()]]),
         "optimizer": st.sampled_from(["tidak_ada", "", 3, ["sgd"]]),
         "learning_rate": _floats()}))
_case("experiments.spec.Experiment", Case(
    args=lambda: {"model": experiment().model, "phases": experiment().phases},
    bad={"phases": st.sampled_from([None, (), 3, "x", [3]]),
         "model": KIND_BAD["object"], "data": KIND_BAD["object"]}))
_case("experiments.spec.callback", Case(args={"name": "TerminateOnNaN"},
                                        bad={"name": KIND_BAD["choice"]}))
SPEC = st.sampled_from([None, 3, "x", object()])
_case("experiments.tasks.load_task", Case(
    args=lambda: {"spec": experiment().data}, bad={"spec": SPEC},
    skip={"*baseline*": "memuat Fashion-MNIST (berat; diuji di tests/test_experiments.py)"}))
_case("experiments.tasks.prepare_data", Case(
    skip={"*baseline*": "memuat Fashion-MNIST (berat; diuji di tests/test_experiments.py)"}))
_case("experiments.training.StepRecorder", Case(args={"per_step": True}))
_case("experiments.training.train", Case(
    args=lambda: {"exp": experiment()},
    bad={"exp": SPEC, "source_model": st.sampled_from([3, "x", object()])}))

# --- formatting ---
NUMBER = st.sampled_from([None, "0.5", [0.5], object(), True])
_case("formatting.format_number formatting.format_signed formatting.format_sci "
      "formatting.format_auto",
      Case(args={"value": 0.5}, bad={"value": NUMBER}))
_case("formatting.format_int", Case(args={"value": 5}, bad={"value": NUMBER}))
_case("formatting.format_percent", Case(args={"fraction": 0.5}, bad={"fraction": NUMBER}))
_case("formatting.format_seconds", Case(args={"seconds": 1.5}, bad={"seconds": NUMBER}))
# Urutan bersarang (juga tak rata) diratakan menurut dokumentasinya: rentang semua bilangannya
# terdefinisi, jadi bukan masukan buruk; sebagai gantinya anggota bersarang yang buruk.
_case("formatting.format_range", Case(args={"values": [0.1, 0.2]}, bad={"values": st.sampled_from([
    None, "abc", np.array([np.nan, 1.0]), np.array([]), np.array(["a", "b"]), object(),
    [[0.1, 0.2], [None]], [0.1, "0.2"], [[0.1], [math.inf]]])}))
_case("formatting.format_images", Case(args={"n": 10, "total": 100}, bad={
    "n": _ints(nonpositive=False, negative=True), "total": KIND_BAD["size"]}))
_case("formatting.markdown_table", Case(
    args={"header": ["a", "b"], "rows": [["1", "2"]]},
    bad={"header": st.sampled_from([None, 3, "ab", []]),
         "rows": st.sampled_from([None, 3, "ab", [["1"]], [3]])}))

# --- gradients, layer_stats ---
_case("gradients.measure_gradient_norms layer_stats.measure_layer_stats")
_case("layer_stats.check_image_batch layer_stats.hidden_activations")

# --- guidelines ---
_case("guidelines.recommended_model guidelines.recommended_schedule "
      "guidelines.recommended_optimizer guidelines.recommended_experiment")
def guideline_rows():
    from chapter11.guidelines import DEFAULT_CONFIGURATION

    return DEFAULT_CONFIGURATION


_case("guidelines.measure_evidence", Case(
    args=lambda: {"rows": guideline_rows()}, bad={"rows": ROWS},
    skip={"*baseline*": "mengukur bukti pada Fashion-MNIST (berat)"}))
_case("guidelines.format_configuration_table", Case(args=lambda: {"rows": guideline_rows()}, bad={
    "rows": ROWS, "evidence": st.sampled_from([3, "x", [1], {"a": 3}]),
    "linked_pages": st.sampled_from([None, 3, "gradien", [3]])}))
_case("guidelines.summarize_recommended", Case(
    args=lambda: {"results": [run_result()]},
    bad={"results": st.sampled_from([None, 3, "x", [], [3], [object()]])}))
_case("guidelines.run_recommended", Case(bad={"seeds": SEEDS}))
# placement=None (tanpa BN) sah menurut dokumentasinya; parameter wajib, jadi None tidak
# tersaring sebagai bawaan dan dikeluarkan dari nilai buruknya.
_case("guidelines.batch_norm_page_experiment", Case(args={"placement": "after"}, bad={
    "placement": st.sampled_from(["tidak_ada", "", 3, ["after"], b"after", "After"])}))
_HEAVY_EVIDENCE = Case(skip={"*baseline*": "mengukur pada Fashion-MNIST atau melatih (berat)"})
for _f in "he_gradient lecun selu standardized_input batch_norm".split():
    _case(f"guidelines.{_f}_evidence", _HEAVY_EVIDENCE)

# --- initializers ---
SHAPES = st.sampled_from([None, 3, "x", [], [(0, 3)], [(-1, 3)], [(10**12, 10**12)], [(1.5, 2)]])
FAN = _ints(nonpositive=True)
_case("initializers.VarianceScalingSpec", Case(bad={"scale": KIND_BAD["positive"]}))
_case("initializers.get_spec", Case(args={"initializer": "he_normal"},
                                    bad={"initializer": KIND_BAD["choice"]}))
_case("initializers.compute_fans", Case(args={"shape": (3, 4)}, bad={
    "shape": st.sampled_from([None, 3, "x", (), (0, 3), (-1, 3), (1.5, 2)])}))
_case("initializers.expected_variance initializers.describe", Case(
    args={"initializer": "he_normal", "fan_in": 10, "fan_out": 5},
    bad={"fan_in": FAN, "fan_out": FAN}))
_case("initializers.recommended_initializer", Case(args={"activation": "relu"}))
_case("initializers.distribution_kurtosis", Case(args={"distribution": "normal"}))
_case("initializers.sample_variance_noise", Case(args={"distribution": "normal", "n": 100},
                                                 bad={"n": KIND_BAD["size"]}))
_case("initializers.variance_gains", Case(args={"shapes": [(10, 5)]}, bad={
    "shapes": SHAPES, "scale": KIND_BAD["positive"]}))
_case("initializers.format_gain_table", Case(args={"shapes": [(10, 5)]}, bad={"shapes": SHAPES}))
_case("initializers.format_initialization_table")

# --- keras_schedules, schedules ---
_ONE_CYCLE = Case(args={"total_steps": 100, "max_rate": 0.1})
_case("keras_schedules.OneCycle schedules.OneCycleShape schedules.one_cycle_shape", _ONE_CYCLE)
_case("schedules.one_cycle_rate", Case(args={"step": np.arange(10), "total_steps": 100,
                                             "max_rate": 0.1}))
_case("schedules.exponential_rate", Case(args={"step": np.arange(10), "initial_rate": 0.1,
                                               "decay_steps": 10, "decay_rate": 0.5},
                                         bad={"decay_rate": KIND_BAD["positive"]}))
# decay_rate = 0 sah untuk power_rate: jadwal tetap η₀ (InverseTimeDecay Keras juga menerimanya).
_case("schedules.power_rate", Case(args={"step": np.arange(10), "initial_rate": 0.1,
                                         "decay_steps": 10},
                                   bad={"decay_rate": KIND_BAD["nonnegative"]}))
_case("schedules.exponential_rates", Case(args={"min_rate": 1e-4, "max_rate": 1.0,
                                                "steps": 10}))
_case("schedules.piecewise_rate", Case(
    args={"step": np.arange(10), "boundaries": [5], "values": [0.1, 0.01]},
    bad={"boundaries": st.sampled_from([None, 3, "x", [5, 2], [1.5], [5, 6, 7]]),
         "values": st.sampled_from([None, 3, "x", [0.1], [math.nan, 0.1]])}))
# Rumus jadwal bekerja per elemen: `step` kosong memberi larik kosong (perilaku NumPy yang benar),
# jadi larik kosong bukan nilai buruk untuk `step`.
STEP = st.sampled_from([None, "abc", np.array([np.nan, 1.0]), np.array([-1.0, 2.0]),
                        np.array(["a", "b"]), [[1.0, 2.0], [3.0]], object()])
for _f in "one_cycle_rate exponential_rate power_rate piecewise_rate".split():
    CASES[f"chapter11.schedules.{_f}"].bad["step"] = STEP
_case("schedules.smooth_losses", Case(args=lambda: {"losses": np.linspace(2, 1, 50)}))
_case("schedules.smoothing_window", Case(args=lambda: {"rates": np.geomspace(1e-4, 1, 50)}))
_case("schedules.suggest_max_rate", Case(args=lambda: {
    "rates": np.geomspace(1e-4, 1, 401),
    "losses": 1 + 0.25 * (np.log10(np.geomspace(1e-4, 1, 401)) + 2) ** 2},
    bad={"climb": KIND_BAD["positive"], "digits": _ints(nonpositive=True)}))

# --- models ---
UNITS = st.sampled_from([None, 3, "x", [], [0], [-1], [1.5], [10**12], [10] * 5000])
_case("models.layer_seed", Case(args={"seed": 1, "index": 2}))
_case("models.make_initializer", Case(args={"kernel_initializer": "he_normal", "seed": 1}))
_case("models.build_mlp", Case(bad={
    "hidden_units": UNITS, "batch_norm": KIND_BAD["choice"],
    "kernel_regularizer": st.sampled_from([3, "tidak_ada", object()]),
    "kernel_constraint": st.sampled_from([3, "tidak_ada", object()]),
    "dropout_kind": KIND_BAD["choice"], "dropout_layers": st.sampled_from([3, "x", [-1], [99]]),
    "input_shape": st.sampled_from([None, 3, "x", (), (0, 28), (-1,), (10**12, 10**12)]),
    "n_outputs": KIND_BAD["size"]}))
_case("models.build_deep_mlp", Case(args={"depth": 2, "units": 4}))
_case("models.build_mixed_activation_model")
_case("models.build_autoencoder", Case(bad={
    "encoder_units": UNITS,
    "input_shape": st.sampled_from([None, 3, "x", (), (0, 28), (-1,), (10**12, 10**12)])}))
_case("models.check_builder_kwargs", Case(
    args=lambda: {"builder": __import__("chapter11.models").models.build_mlp,
                  "kwargs": {"hidden_units": [10]}},
    bad={"builder": st.sampled_from([None, 3, "x"]), "kwargs": CONFIG}))
_case("models.dense_layers")

# --- normalization ---
def _bn_args():
    x = np.random.default_rng(0).normal(size=(8, 3))
    return {"x": x, "gamma": np.ones(3), "beta": np.zeros(3), "moving_mean": np.zeros(3),
            "moving_variance": np.ones(3)}


BN_ARRAY = st.sampled_from([None, "abc", np.ones(5), np.array([np.nan, 1.0, 1.0]),
                            np.array(["a", "b", "c"]), np.ones((2, 3))])
_BN_BAD = {k: BN_ARRAY for k in ("gamma", "beta", "moving_mean", "moving_variance")}
_BN_BAD["x"] = st.sampled_from([None, "abc", np.ones((8, 5)), np.array([[np.nan] * 3]),
                                np.ones(3), np.array([["a", "b", "c"]])])
# epsilon = 0 sah di rujukan NumPy (doctest dan tes memakainya; pembagian dengan nol ditolak):
# nilai buruknya NaN/inf/negatif/bukan angka, bukan 0.
_BN_BAD["epsilon"] = KIND_BAD["nonnegative"]
_case("normalization.batch_norm_train normalization.batch_norm_inference",
      Case(args=_bn_args, bad=_BN_BAD))
_case("normalization.fold_batch_norm", Case(
    args=lambda: {"kernel": np.ones((4, 3)), "bias": np.zeros(3), **{
        k: v for k, v in _bn_args().items() if k != "x"}},
    # bias=None sah (Dense dengan use_bias=False, didokumentasikan dan dipakai halaman BN).
    bad={**_BN_BAD, "kernel": st.sampled_from([None, "abc", np.ones((4, 5)), np.ones(3)]),
         "bias": st.sampled_from([v for v in BN_ARRAY.elements if v is not None])}))
_case("normalization.count_parameters")
_case("normalization.format_parameter_table", Case(
    args=lambda: {"breakdown": __import__("chapter11.normalization").normalization
                  .count_parameters(small_model())},
    bad={"breakdown": KIND_BAD["object"]}))
_case("normalization.compare_with_keras", Case(
    args=lambda: {"layer": __import__("keras").layers.BatchNormalization(),
                  "x": np.random.default_rng(0).normal(size=(8, 3)).astype("float32")},
    bad={"layer": KIND_BAD["object"],
         "x": st.sampled_from([None, "abc", np.array([[np.nan] * 3]), np.ones(3)])}))
_case("normalization.measure_bn_modes", Case(
    args=lambda: {"x": images(64), "steps": 3, "batch_size": 8, "probe_size": 16}))
_case("normalization.measure_batch_size_effect", Case(
    args=lambda: {"x": images(128), "y": labels(128)},
    bad={"batch_sizes": st.sampled_from([None, 3, "x", [], [0], [1.5], [10**12]])}))
_case("normalization.measure_moving_average_lag", Case(
    bad={"steps": st.sampled_from([None, 3, "x", [], [-1], [1.5], [10**12]])},
    skip={"*baseline*": "memakai model BN terlatih dengan model.fit (dilarang di suite ini)"}))
_case("normalization.compare_input_bn_with_standardization", Case(
    bad={"min_variance": KIND_BAD["positive"]},
    skip={"*baseline*": "butuh model dengan BN masukan"}))

# --- optimizer_experiments, optimizers ---
OPT_NAME = st.sampled_from(["tidak_ada", "", 3, None, "SGD"])
_case("optimizer_experiments.make_keras_optimizer", Case(args={"name": "adam"},
                                                         bad={"name": OPT_NAME}))
_case("optimizer_experiments.check_against_keras", Case(
    args=lambda: {"name": "adam", "theta": np.array([1.0, -2.0]),
                  "grads": [np.array([0.5, 0.1])] * 3},
    bad={"name": OPT_NAME}))
_case("optimizer_experiments.optimizer_experiment", Case(args={"name": "adam"},
                                                         bad={"name": OPT_NAME}))
_case("optimizer_experiments.optimizer_experiments optimizer_experiments.comparison_threshold "
      "optimizer_experiments.comparison_seeds optimizer_experiments.training_steps")
STATE = st.sampled_from([None, 3, "x", [1], {"velocity": "x"}])
# ε = 0 sah untuk fungsi langkah (seperti hyperparameters() dan Keras; tes memakainya).
for _f in "sgd momentum nesterov adagrad rmsprop adam adamax nadam adamw".split():
    _case(f"optimizers.{_f}_step", Case(bad={"state": STATE,
                                             "epsilon": KIND_BAD["nonnegative"]}))
# `t` boleh larik nomor langkah (mis. np.arange(1, 300)) dan rumusnya per elemen, jadi [1]
# dan larik kosong sah; larik buruk tetap diuji.
_case("optimizers.nadam_momentum", Case(args={"t": 3}, bad={
    "t": st.one_of(st.sampled_from([True, 1.5, None, "3", [0], [1.5], [True]]),
                   st.integers(max_value=0, min_value=-10**6), HUGE_INTS),
    "schedule_decay": KIND_BAD["positive"]}))
_case("optimizers.weight_decay_shrink", Case(args={"learning_rate": 0.1, "weight_decay": 0.01,
                                                   "steps": 10}))
_case("optimizers.rule optimizers.hyperparameters optimizers.keras_config",
      Case(args={"name": "adam"}, bad={"name": OPT_NAME}))
_case("optimizers.apply_rule", Case(
    args=lambda: {"name": "adam", "theta": np.array([1.0, -2.0]),
                  "grads": [np.array([0.5, 0.1])] * 3},
    bad={"name": OPT_NAME}))
_case("optimizers.elongated_bowl optimizers.curved_valley")
_case("optimizers.trace", Case(
    args=lambda: {"name": "adam", "surface": __import__("chapter11.optimizers").optimizers
                  .elongated_bowl(), "steps": 5},
    bad={"name": OPT_NAME, "surface": KIND_BAD["object"],
         "start": st.sampled_from([3, "x", (1.0,), (math.nan, 1.0)])}))
_case("optimizers.comparison_table", Case(
    args=lambda: {"results": {"SGD": [run_result()]}},
    bad={"results": st.sampled_from([None, 3, "x", [1], {}, {"a": 3}, {"a": [3]}]),
         "threshold": KIND_BAD["unit"]}))
_case("optimizers.epochs_to_reach", Case(args={"values": [0.5, 0.9], "threshold": 0.8},
                                         bad={"threshold": KIND_BAD["real"]}))
_case("optimizers.format_trajectory_table", Case(
    args=lambda: {"paths": {"mangkuk": [__import__("chapter11.optimizers").optimizers.trace(
        "adam", __import__("chapter11.optimizers").optimizers.elongated_bowl(), steps=5)]}},
    bad={"paths": st.sampled_from([None, 3, "x", [1], {"a": 3}, {"a": [3]}])}))
_case("optimizers.format_comparison_table", Case(
    args={"rows": [], "threshold": 0.85},
    bad={"rows": ROWS, "threshold": KIND_BAD["unit"]}))

# --- paired, propagation ---
_case("paired.sign_flip_p_value", Case(args=lambda: {"differences": np.array([0.1, -0.2, 0.3])}))
_case("propagation.measure_signal_propagation", Case(
    args=lambda: {"activation": "relu", "kernel_initializer": "he_normal", "x": images(16),
                  "y": labels(16), "depth": 3, "units": 4, "seeds": (0,)},
    bad={"seeds": SEEDS}))
_case("propagation.format_signal_table", Case(
    args={"reports": [], "row_names": [], "caption": "Tabel", "name": "uji"},
    bad={"reports": ROWS, "row_names": st.sampled_from([None, 3, "x", [3]])}))

# --- regularization ---
_case("regularization.l1_config", Case(args={"l1": 0.01}))
_case("regularization.l2_config", Case(args={"l2": 0.01}))
_case("regularization.max_norm_config", Case(bad={"axis": _ints(-5, 5, huge=False,
                                                                nonpositive=False)}))
_case("regularization.regularized_experiment", Case(bad={
    "kernel_regularizer": st.sampled_from([3, "tidak_ada", object()]),
    "kernel_constraint": st.sampled_from([3, "tidak_ada", object()])}))
_case("regularization.regularization_experiments regularization.mc_samples")
_case("regularization.measure_fit_gap", Case(
    args=lambda: {"x_train": images(), "y_train": labels(), "x_valid": images(),
                  "y_valid": labels()},
    # fit_accuracy=NaN (bawaannya) sah: "tidak diketahui"; nilai buruknya yang lain.
    bad={"fit_accuracy": st.one_of(
        st.sampled_from([math.inf, -math.inf, None, "0.1", True, [0.1], 1.5, 5.0, -0.1]),
        st.floats(min_value=1.0001, max_value=1e6), st.floats(max_value=-1e-9, min_value=-1e6))}))
_case("regularization.measure_run_gap", Case(
    bad={"task": KIND_BAD["object"]},
    skip={"*baseline*": "memuat data tugas (berat)"}))
DROP_RATE = _floats(1.0, 1.5, -0.1, positive=False)
_case("regularization.MCDropout regularization.MCAlphaDropout", Case(
    args={"rate": 0.2}, bad={"rate": DROP_RATE,
                             "noise_shape": st.sampled_from([3, "x", (0,), (-1, 2)])}))
def dropout_model():
    def make():
        from chapter11.models import build_mlp

        return build_mlp(hidden_units=(8,), dropout=0.2, seed=0)
    return memo("dropout_model", make)


_case("regularization.measure_kernel_norms")
_case("regularization.with_mc_dropout", Case(args=lambda: {"model": dropout_model()}))
_case("regularization.mc_dropout_predict", Case(
    args=lambda: {"model": dropout_model(), "x": images(), "n_samples": 2}))
_case("regularization.measure_dropout_profile")

# --- runtime ---
_case("runtime.Budget", Case(args={"name": "fast"}, bad={"name": KIND_BAD["choice"]}))
_case("runtime.current_budget runtime.cache_dir runtime.quiet_tensorflow")
_case("runtime.setup", Case(skip={"*baseline*": "mengubah benih global proses tes"}))

# --- scheduling ---
_case("scheduling.exponential_schedule scheduling.piecewise_schedule scheduling.power_schedule "
      "scheduling.staircase_schedule scheduling.steps_per_epoch scheduling.total_steps "
      "scheduling.train_size scheduling.lr_finder_experiment scheduling.one_cycle_experiment "
      "scheduling.plateau_experiment scheduling.schedule_experiments")
_case("scheduling.suggest_one_cycle_rate", Case(
    skip={"*baseline*": "menjalankan pencari learning rate (pelatihan)"}))
_case("scheduling.format_epoch_list", Case(args={"epochs": [1, 2]}, bad={
    "epochs": st.sampled_from([None, 3, "x", [-1], [1.5], [None]])}))
_case("scheduling.format_rate", Case(args={"rate": 0.01}, bad={"rate": KIND_BAD["positive"]}))
_case("scheduling.format_schedule_table", Case(
    args=lambda: {"results": {"konstan": run_result()}},
    bad={"results": st.sampled_from([None, 3, "x", [1], {"a": 3}])}))
_case("scheduling.rate_drops")
_case("scheduling.scheduled_experiment", Case(
    args={"learning_rate": 0.01},
    bad={"learning_rate": st.sampled_from([None, "x", -1.0, math.nan, object()]),
         "callbacks": st.sampled_from([3, "x", [3], [object()]])}))

# --- symmetry ---
_case("symmetry.measure_symmetry", Case(
    args=lambda: {"kernel_initializer": "zeros", "x": images(16), "y": labels(16), "steps": 2},
    bad={"hidden_units": UNITS},
    skip={"*baseline*": "melatih dengan apply_gradients (dilarang di suite ini)"}))
_case("symmetry.count_distinct_units", Case(args=lambda: {"kernel": np.ones((4, 3))},
                                            bad={"tolerance": KIND_BAD["nonnegative"]}))

# --- transfer ---
_case("transfer.transfer_seeds transfer.model_a_experiment transfer.model_b_experiment "
      "transfer.model_b_on_a_experiment transfer.autoencoder_experiment "
      "transfer.model_b_on_autoencoder_experiment")
_case("transfer.run_paired", Case(
    args=lambda: {"baseline": __import__("chapter11.transfer").transfer.model_b_experiment,
                  "treated": __import__("chapter11.transfer").transfer.model_b_experiment,
                  "seeds": (0,)},
    bad={"baseline": st.sampled_from([None, 3, "x"]), "treated": st.sampled_from([None, 3]),
         "seeds": SEEDS}))

# --- vocabulary ---
_case("vocabulary.parse_vocabulary", Case(args={
    "markdown": "<!-- kosakata: awal -->\n<!-- kosakata: akhir -->\n"},
    skip={"*baseline*": "tabel kosakata nyata diuji di tests/test_vocabulary.py"}))
_case("vocabulary.prose_lines", Case(args={"page": ""}))
TERMS = st.sampled_from([None, 3, "x", [3], [object()]])
_case("vocabulary.find_rejected", Case(args={"page": "", "terms": ()}, bad={"terms": TERMS}))
_case("vocabulary.find_rejected_in_text", Case(args={"text": "", "terms": ()},
                                               bad={"terms": TERMS}))

# --- weight_variance ---
_case("weight_variance.measure_weight_variance", Case(
    args={"initializer": "he_normal", "shapes": [(20, 10)]},
    bad={"shapes": SHAPES, "initializer": KIND_BAD["choice"]}))

# --- plotting ---
_PLOT_BAD = {"ax": KIND_BAD["ax"], "axes": KIND_BAD["ax"],
             "report": st.sampled_from([None, "laporan", 3, object(), [1, 2]]),
             "reports": st.sampled_from([None, "laporan", 3, [3], [object()], []]),
             "results": st.sampled_from([None, "hasil", 3, [3], [object()], []]),
             "result": st.sampled_from([None, "hasil", 3, object()]),
             "color": st.sampled_from([3, "bukan_warna", object()]),
             "linestyle": st.sampled_from([3, "bukan_gaya", object()]),
             "value_range": st.sampled_from([3, "x", (1.0,), (2.0, 1.0), (math.nan, 1.0)]),
             "ylim": st.sampled_from([3, "x", (1.0,), (2.0, 1.0), (math.nan, 1.0)]),
             "gap": KIND_BAD["object"], "chosen": KIND_BAD["positive"],
             "target": KIND_BAD["unit"]}
for _module, _functions in {
    "activations": "plot_activation plot_activation_grid",
    "batchnorm": "plot_bn_mode_histograms plot_moving_statistics plot_batch_size_effect "
                 "plot_moving_average_lag",
    "clipping": "plot_clipping_norms plot_clipping_angles plot_run_step_losses",
    "guidelines": "plot_against_target plot_applied_learning_rate plot_loss_vs_rate",
    "layers": "plot_gradient_norms plot_layer_stats plot_dead_units plot_signal_depth",
    "optimizers": "plot_trajectory_grid plot_trajectory_losses plot_optimizer_curves "
                  "plot_loss_gap_grid",
    "regularization": "plot_fit_gap plot_gap_summary plot_kernel_norms plot_reliability "
                      "plot_uncertain_images",
    "schedules": "plot_lr_finder plot_rate_panels plot_recorded_rate",
    "training": "plot_learning_curves plot_seed_spread plot_step_losses",
    "transfer": "plot_paired_accuracies plot_gains",
    "weights": "plot_weight_histogram plot_variance_errors",
}.items():
    for _f in _functions.split():
        # salinan sendiri: penyesuaian per fungsi di bawah tidak bocor ke gambar lain
        _case(f"plotting.{_module}.{_f}",
              Case(args=plot_sample(_module, _f), bad=dict(_PLOT_BAD)))

OBJ_LIST = st.sampled_from([None, "x", 3, [3], [object()], []])
CASES["chapter11.plotting.activations.plot_activation"].bad["name"] = ACTIVATION_NAMES
# epoch yang dilingkari, mulai 1 dan paling banyak banyak epoch contoh (3); None = tanpa cincin
CASES["chapter11.plotting.training.plot_learning_curves"].bad["mark_epoch"] = st.sampled_from(
    [0, -1, 4, 10**12, 1.5, True, "2", [1]])
CASES["chapter11.plotting.activations.plot_activation_grid"].bad.update(
    names=st.sampled_from([None, 3, "relu", [], ["tidak_ada"], [3]]))
for _q, _p in [("plotting.optimizers.plot_trajectory_grid", "trajectories"),
               ("plotting.optimizers.plot_trajectory_losses", "trajectories"),
               ("plotting.schedules.plot_lr_finder", "suggestion"),
               ("plotting.training.plot_seed_spread", "summaries"),
               ("plotting.transfer.plot_paired_accuracies", "gain"),
               ("plotting.transfer.plot_gains", "gains"),
               ("plotting.optimizers.plot_trajectory_grid", "surface")]:
    CASES["chapter11." + _q].bad[_p] = OBJ_LIST
CASES["chapter11.plotting.regularization.plot_uncertain_images"].bad.update(
    images=st.sampled_from([None, "x", np.ones((2, 3)), np.array([[[np.nan]]])]),
    labels=st.sampled_from([None, "x", [99], [-1], [1, 2, 3]]),
    indices=st.sampled_from([None, "x", [99], [-1], [1.5]]),
    class_names=st.sampled_from([None, 3, "x", ["a"]]))
_case("plotting.schedules.recorded_rates", Case(args=plot_sample("schedules", "plot_recorded_rate")
                                                 if False else (lambda: {"result": run_result()}),
                                                 bad=_PLOT_BAD))
_case("plotting.labels.register_labels", Case(
    args={"labels": {}}, bad={"labels": st.sampled_from([None, 3, "x", [1], {3: "a"},
                                                         {"a": 3}])}))
_case("plotting.labels.axis_label", Case(args={"key": "epoch"},
                                         bad={"key": st.sampled_from(["tidak_ada", 3, None])}))
_AX = lambda: {"ax": memo("ax", lambda: __import__("matplotlib.pyplot").pyplot.subplots()[1])}  # noqa: E731
_case("plotting.labels.set_axis_labels", Case(args=_AX, bad={
    "ax": KIND_BAD["ax"], "x": st.sampled_from(["tidak_ada", 3]),
    "y": st.sampled_from(["tidak_ada", 3])}))
_case("plotting.labels.decimal_comma_axis", Case(args=_AX, bad={
    "ax": KIND_BAD["ax"], "axis": st.sampled_from(["z", 3, None])}))
_case("plotting.labels.comma_number", Case(args={"text": "0.5"}))
_case("plotting.optimizers.optimizer_style", Case(args={"label": "Adam"}))
_case("plotting.weights.series_style", Case(args={"index": 0}))

# Gambar halaman BN, clipping dan regularisasi: salinan sendiri dari ``_PLOT_BAD``. Dict itu
# dipakai bersama oleh semua fungsi ``plot_*``, jadi penggantian untuk satu fungsi (mis.
# ``name = ACTIVATION_NAMES`` untuk plot_activation, yang menghasilkan 'tidak_ada' dan '' — nama
# legenda yang sah di sini) bocor ke fungsi lain. Di sini ``name`` adalah teks legenda/judul
# (None = label laporan): nilai buruknya yang bukan string.
for _q in ("batchnorm.plot_bn_mode_histograms batchnorm.plot_moving_statistics "
           "batchnorm.plot_batch_size_effect batchnorm.plot_moving_average_lag "
           "clipping.plot_clipping_norms clipping.plot_clipping_angles "
           "clipping.plot_run_step_losses regularization.plot_fit_gap "
           "regularization.plot_gap_summary regularization.plot_kernel_norms "
           "regularization.plot_reliability regularization.plot_uncertain_images").split():
    CASES[f"chapter11.plotting.{_q}"].bad = {**CASES[f"chapter11.plotting.{_q}"].bad,
                                             "name": KIND_BAD["text"]}
# chance=None sah (garis tebakan acak tidak digambar); nilai buruknya bukan angka, NaN/inf, di
# luar [0, 1].
for _f in ("plot_batch_size_effect", "plot_moving_average_lag"):
    CASES[f"chapter11.plotting.batchnorm.{_f}"].bad["chance"] = st.sampled_from(
        [math.nan, math.inf, "0.1", True, [0.1], -0.1, 1.5])


# Dibuat dari keluaran suite (lihat docstring KNOWN_GAPS di atas); hapus entri yang sudah diperbaiki.
KNOWN_GAPS.update({
})
