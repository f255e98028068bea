"""Tes berbasis properti (Hypothesis): setiap titik masuk publik ``chapter11`` menolak masukan buruk.

Registri dan aturan cakupannya ada di ``tests/property_registry.py``. Untuk setiap callable dan
setiap parameternya, Hypothesis membangkitkan beberapa nilai buruk; parameter lain memakai nilai
dasar yang sah. Setiap panggilan harus

* memunculkan ``ValueError`` atau ``TypeError`` (tidak pernah kembali diam-diam),
* dengan pesan gaya proyek: memuat "Diterima" dan nama parameter yang salah,
* dalam :data:`TIME_LIMIT` detik (penjaga ``SIGALRM``), dan
* tanpa memulai pelatihan: ``keras.Model.fit``, ``apply_gradients`` pengoptimal, dan
  ``chapter11.experiments.cache.train`` / ``training.train`` diganti dengan fungsi yang gagal.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import signal

import pytest
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

import chapter11
import property_registry as reg

TIME_LIMIT = 3.0
EXAMPLES = 4


class TrainingStarted(BaseException):
    """Masukan buruk lolos sampai pelatihan (turunan BaseException: tidak tertangkap kode)."""


class TimeLimit(BaseException):
    """Panggilan melewati batas waktu."""


def public_callables() -> dict[str, object]:
    """Nama bertitik → objek, menurut aturan cakupan di ``property_registry``."""
    found = {}
    modules = ["chapter11"] + sorted(
        m.name for m in pkgutil.walk_packages(chapter11.__path__, "chapter11.")
        if not any(part.startswith("_") for part in m.name.split(".")[1:]))
    for name in modules:
        module = importlib.import_module(name)
        names = getattr(module, "__all__", None)
        if names is None:
            names = [k for k, v in vars(module).items() if not k.startswith("_") and callable(v)]
        for attr in names:
            obj = getattr(module, attr)
            if not callable(obj) or getattr(obj, "__module__", None) != name:
                continue
            if inspect.isclass(obj) and issubclass(obj, BaseException):
                continue
            found[f"{name}.{attr}"] = obj
    return found


CALLABLES = public_callables()


def parameters(obj):
    sig = inspect.signature(obj)
    return [p for p in sig.parameters.values()
            if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]


def bad_strategy(qualname, param):
    case = reg.CASES[qualname]
    if param.name in case.bad:
        strategy = case.bad[param.name]
    else:
        kind = reg.PARAM_KIND.get(param.name)
        if kind is None:
            return None
        strategy = reg.KIND_BAD[kind]
    default = param.default
    if default is not inspect.Parameter.empty:
        # Nilai bawaan selalu sah: jangan pernah mengujinya sebagai nilai buruk.
        strategy = strategy.filter(lambda v, d=default: not _same(v, d))
    return strategy


def _same(a, b):
    try:
        return type(a) is type(b) and bool(a == b)
    except Exception:
        return False


def targets():
    out = []
    for qualname, obj in CALLABLES.items():
        case = reg.CASES.get(qualname)
        if case is None:
            continue
        for param in parameters(obj):
            if param.name in case.skip:
                continue
            key = f"{qualname}:{param.name}"
            marks = ()
            if key in reg.KNOWN_GAPS:
                reason = reg.KNOWN_GAPS[key]
                # Celah yang menggantung atau melatih tidak dijalankan (bisa merusak proses tes);
                # yang lain dijalankan dan harus tetap gagal (strict): begitu diperbaiki, entri
                # registrinya harus dihapus.
                run = not reason.startswith(("menggantung", "memulai pelatihan"))
                marks = (pytest.mark.xfail(strict=True, run=run, reason=f"KNOWN_GAPS: {reason}"),)
            out.append(pytest.param(qualname, param.name, id=key, marks=marks))
    return out


def baseline(qualname):
    obj = CALLABLES[qualname]
    case = reg.CASES[qualname]
    args = case.baseline()
    for param in parameters(obj):
        if param.name in args or param.default is not inspect.Parameter.empty:
            continue
        factory = reg.BASELINE_BY_NAME.get(param.name)
        if factory is None:
            raise LookupError(f"{qualname}: parameter wajib {param.name!r} tanpa nilai dasar")
        args[param.name] = factory()
    return args


# --------------------------------------------------------------------------------------------
# Penjaga: tidak ada pelatihan, tidak ada panggilan yang menggantung.
# --------------------------------------------------------------------------------------------

def _refuse(*args, **kwargs):
    raise TrainingStarted("pelatihan dimulai oleh masukan buruk")


@pytest.fixture(scope="module", autouse=True)
def no_training():
    import keras

    import chapter11.experiments.cache as cache
    import chapter11.experiments.training as training

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(keras.Model, "fit", _refuse)
        mp.setattr(keras.Model, "train_on_batch", _refuse)
        mp.setattr(keras.optimizers.Optimizer, "apply_gradients", _refuse)
        mp.setattr(keras.optimizers.Optimizer, "apply", _refuse)
        mp.setattr(cache, "train", _refuse)
        mp.setattr(training, "train", _refuse)
        yield


@pytest.fixture(autouse=True)
def close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def call_with_limit(fn, kwargs, seconds=TIME_LIMIT):
    def on_alarm(signum, frame):
        raise TimeLimit(f"lebih dari {seconds} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return fn(**kwargs)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def short(value, n=80):
    text = repr(value)
    return text if len(text) <= n else text[:n] + "…"


# --------------------------------------------------------------------------------------------
# Tes
# --------------------------------------------------------------------------------------------

def test_every_public_callable_is_registered():
    entries = [set(reg.CASES), set(reg.RESULT_TYPES), set(reg.NOT_FUZZED)]
    missing = [q for q in CALLABLES if not any(q in e for e in entries)]
    assert not missing, ("Callable publik tanpa entri di tests/property_registry.py "
                         f"(CASES, RESULT_TYPES, atau NOT_FUZZED): {missing}")
    doubled = [q for q in CALLABLES if sum(q in e for e in entries) > 1]
    assert not doubled, f"Callable dengan lebih dari satu entri registri: {doubled}"
    stale = sorted(set().union(*entries) - set(CALLABLES))
    assert not stale, f"Entri registri untuk nama yang tidak (lagi) publik: {stale}"
    gaps = [k for k in reg.KNOWN_GAPS if k.rpartition(":")[0] not in reg.CASES]
    assert not gaps, f"KNOWN_GAPS untuk callable di luar CASES: {gaps}"


def test_every_parameter_has_a_strategy():
    problems = []
    for qualname, case in reg.CASES.items():
        obj = CALLABLES.get(qualname)
        if obj is None:
            continue
        for param in parameters(obj):
            if param.name in case.skip:
                if not case.skip[param.name]:
                    problems.append(f"{qualname}:{param.name} dilewati tanpa alasan")
                continue
            if bad_strategy(qualname, param) is None:
                problems.append(f"{qualname}:{param.name} tanpa strategi masukan buruk")
        try:
            baseline(qualname)
        except LookupError as exc:
            problems.append(str(exc))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("qualname", sorted(reg.CASES))
def test_baseline_is_accepted(qualname):
    """Nilai dasar sah: tanpa ini, galat untuk parameter lain bisa menyamarkan kelalaian."""
    if qualname not in CALLABLES:
        pytest.skip("bukan callable publik (diperiksa tes registri)")
    case = reg.CASES[qualname]
    if case.skip.get("*baseline*"):
        pytest.skip(case.skip["*baseline*"])
    try:
        call_with_limit(CALLABLES[qualname], baseline(qualname), seconds=3 * TIME_LIMIT)
    except TrainingStarted:
        pass  # nilai dasar boleh sampai ke pelatihan; masukan buruk tidak


@pytest.mark.parametrize("qualname, name", targets())
@settings(max_examples=EXAMPLES, deadline=None, database=None,
          phases=[Phase.explicit, Phase.generate], report_multiple_bugs=False,
          suppress_health_check=list(HealthCheck))
@seed(0)   # tetap seperti derandomize, tanpa membaca ulang sumber fungsi tes di setiap kasus
@given(data=st.data())
def test_bad_input_is_rejected(qualname, name, data):
    obj = CALLABLES[qualname]
    param = next(p for p in parameters(obj) if p.name == name)
    value = data.draw(bad_strategy(qualname, param), label=name)
    kwargs = baseline(qualname)
    kwargs[name] = value
    where = f"{qualname}({name}={short(value)})"
    try:
        call_with_limit(obj, kwargs)
    except TrainingStarted:
        pytest.fail(f"{where} memulai pelatihan")
    except TimeLimit:
        pytest.fail(f"{where} tidak selesai dalam {TIME_LIMIT} s")
    except (ValueError, TypeError) as exc:
        message = str(exc)
        assert "Diterima" in message, f"{where}: pesan tanpa 'Diterima': {type(exc).__name__}: {message}"
        names = (name,) + reg.CASES[qualname].aliases.get(name, ())
        assert any(n in message for n in names), (
            f"{where}: pesan tidak menyebut {names}: {message}")
    except Exception as exc:  # noqa: BLE001
        pytest.fail(f"{where} galat tidak jelas: {type(exc).__name__}: {short(str(exc), 300)}")
    else:
        pytest.fail(f"{where} diterima diam-diam")
