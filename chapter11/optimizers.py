"""Aturan pembaruan optimizer dalam NumPy murni, persis seperti Keras 3 menghitungnya.

Setiap aturan adalah satu fungsi pendek ``*_step(theta, grad, state, **hiperparameter)`` yang
mengembalikan ``(theta_baru, state_baru)``: ``theta`` parameter (larik NumPy), ``grad``
gradien *loss* di ``theta``, ``state`` kamus keadaan optimizer (kosong pada langkah pertama).
Di mana rumus Keras berbeda dari persamaan di buku Géron (bentuk Nesterov, letak ε dan koreksi
bias Adam, akumulator awal AdaGrad, jadwal momentum Nadam, peluruhan bobot AdamW), fungsi di
sini mengikuti **Keras**; tes membandingkannya dengan optimizer Keras pada gradien yang sama
selama beberapa langkah. Hiperparameter bawaan sama dengan bawaan Keras, kecuali momentum
(bawaan Keras 0; di sini 0,9 seperti Géron).

Selain aturan-aturannya, modul ini berisi permukaan *loss* dua dimensi (:class:`Surface`),
lintasan optimizer di atasnya (:func:`trace`), dan tabel perbandingan hasil pelatihan
(:func:`comparison_table`). Modul ini tidak mengimpor TensorFlow; padanan Keras-nya ada di
:mod:`chapter11.optimizer_experiments`. Halaman yang memakainya: :ref:`sec-optimizer`.

Example:
    >>> theta, state = np.array([1.0, -2.0]), {}
    >>> for _ in range(3):
    ...     theta, state = adam_step(theta, 2 * theta, state, learning_rate=0.1)
    >>> np.round(theta, 3).tolist()     # Adam melangkah ≈ η per koordinat, apa pun skalanya
    [0.7, -1.7]
"""

from __future__ import annotations

import contextvars
import functools
import inspect
import math
import numbers
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ._validation import (check_choice, check_float, check_int, check_limit, check_real_array,
                          check_report, check_report_list)
from .formatting import format_int, format_number, format_sci

__all__ = [
    "sgd_step", "momentum_step", "nesterov_step", "adagrad_step", "rmsprop_step", "adam_step",
    "adamax_step", "nadam_step", "adamw_step", "nadam_momentum", "weight_decay_shrink",
    "Rule", "RULES", "OPTIMIZER_NAMES", "rule", "hyperparameters", "keras_config", "apply_rule",
    "Surface", "elongated_bowl", "curved_valley", "Trajectory", "trace",
    "ComparisonRow", "comparison_table", "epochs_to_reach", "format_trajectory_table",
    "format_comparison_table",
]


# --- Aturan pembaruan (baris ≤ 79 kolom: halaman menampilkannya apa adanya) -----


def sgd_step(theta, grad, state, *, learning_rate=0.01):
    """Penurunan gradien biasa: θ ← θ − η∇J(θ)."""
    return theta - learning_rate * grad, state


def momentum_step(theta, grad, state, *, learning_rate=0.01, momentum=0.9):
    """Momentum: m ← βm − η∇J(θ); θ ← θ + m (Keras: SGD(momentum=β))."""
    m = momentum * state.get("m", 0.0) - learning_rate * grad
    return theta + m, {"m": m}


def nesterov_step(theta, grad, state, *, learning_rate=0.01, momentum=0.9):
    """Nesterov bentuk Keras: θ menyimpan titik depan, langkah βm − η∇J(θ)."""
    m = momentum * state.get("m", 0.0) - learning_rate * grad
    return theta + momentum * m - learning_rate * grad, {"m": m}


def adagrad_step(theta, grad, state, *, learning_rate=0.001,
                 initial_accumulator_value=0.1, epsilon=1e-7):
    """AdaGrad: s ← s + g⊗g (Keras: s mulai 0,1); θ ← θ − ηg ⊘ √(s + ε)."""
    s = state.get("s", initial_accumulator_value) + grad**2
    return theta - learning_rate * grad / np.sqrt(s + epsilon), {"s": s}


def rmsprop_step(theta, grad, state, *, learning_rate=0.001, rho=0.9,
                 epsilon=1e-7):
    """RMSProp: s ← ρs + (1 − ρ)g⊗g; θ ← θ − ηg ⊘ √(s + ε)."""
    s = rho * state.get("s", 0.0) + (1 - rho) * grad**2
    return theta - learning_rate * grad / np.sqrt(s + epsilon), {"s": s}


def adam_step(theta, grad, state, *, learning_rate=0.001, beta_1=0.9,
              beta_2=0.999, epsilon=1e-7):
    """Adam bentuk Keras: koreksi bias di ηₜ, ε di luar akar s mentah."""
    t = state.get("t", 0) + 1
    m = beta_1 * state.get("m", 0.0) + (1 - beta_1) * grad
    s = beta_2 * state.get("s", 0.0) + (1 - beta_2) * grad**2
    eta_t = learning_rate * np.sqrt(1 - beta_2**t) / (1 - beta_1**t)
    new_state = {"t": t, "m": m, "s": s}
    return theta - eta_t * m / (np.sqrt(s) + epsilon), new_state


def adamax_step(theta, grad, state, *, learning_rate=0.001, beta_1=0.9,
                beta_2=0.999, epsilon=1e-7):
    """AdaMax: s ← max(β₂s, abs(g)); θ ← θ − η m̂ ⊘ (s + ε)."""
    t = state.get("t", 0) + 1
    m = beta_1 * state.get("m", 0.0) + (1 - beta_1) * grad
    s = np.maximum(beta_2 * state.get("s", 0.0), np.abs(grad))
    m_hat = m / (1 - beta_1**t)
    new_state = {"t": t, "m": m, "s": s}
    return theta - learning_rate * m_hat / (s + epsilon), new_state


def nadam_momentum(t, beta_1=0.9, schedule_decay=1.0):
    """Jadwal momentum Nadam: μₜ = β₁(1 − ½·0,96^(ψt)).

    Keras 3 memakai ψ = 1; Nadam Keras 2 memakai ``schedule_decay`` ψ = 0,004,
    sehingga pemanasannya 250 kali lebih lambat.

    Example:
        >>> [round(float(nadam_momentum(t)), 3) for t in (1, 10, 100)]
        [0.468, 0.601, 0.892]
        >>> round(float(nadam_momentum(100, schedule_decay=0.004)), 3)
        0.457
    """
    steps = check_real_array("t", t, finite=False, nonempty=False)   # per elemen: boleh kosong
    if steps.size and steps.dtype.kind not in "iu":
        raise TypeError("Argumen `t` harus bilangan bulat (nomor langkah, mulai 1). "
                        f"Diterima: t={t!r}.")
    if steps.size and steps.min() < 1:
        raise ValueError(f"Argumen `t` harus bilangan bulat positif (langkah mulai 1). "
                         f"Diterima: t={t!r}.")
    if steps.size:
        check_limit("t", int(steps.max()), "steps")
    beta_1 = _check_hyper("beta_1", beta_1)
    schedule_decay = check_float("schedule_decay", schedule_decay, minimum=0.0,
                                 strict_minimum=True)
    return _nadam_momentum(t, beta_1, schedule_decay)


def _nadam_momentum(t, beta_1=0.9, schedule_decay=1.0):
    decay = 0.96 ** (schedule_decay * np.asarray(t, dtype=float))
    return beta_1 * (1 - 0.5 * decay)


def nadam_step(theta, grad, state, *, learning_rate=0.001, beta_1=0.9,
               beta_2=0.999, epsilon=1e-7):
    """Nadam seperti Keras 3: Adam + langkah Nesterov + jadwal momentum μₜ."""
    t = state.get("t", 0) + 1
    mu_t = _nadam_momentum(t, beta_1)
    mu_next = _nadam_momentum(t + 1, beta_1)
    mu_product = state.get("mu_product", 1.0) * mu_t      # μ₁μ₂⋯μₜ
    m = beta_1 * state.get("m", 0.0) + (1 - beta_1) * grad
    s = beta_2 * state.get("s", 0.0) + (1 - beta_2) * grad**2
    m_hat = (mu_next * m / (1 - mu_product * mu_next)
             + (1 - mu_t) * grad / (1 - mu_product))
    s_hat = s / (1 - beta_2**t)
    new_state = {"t": t, "m": m, "s": s, "mu_product": mu_product}
    return theta - learning_rate * m_hat / (np.sqrt(s_hat) + epsilon), new_state


def adamw_step(theta, grad, state, *, learning_rate=0.001, weight_decay=0.004,
               beta_1=0.9, beta_2=0.999, epsilon=1e-7):
    """AdamW seperti Keras: θ ← θ − ηλθ lebih dulu, lalu satu langkah Adam."""
    theta = theta - learning_rate * weight_decay * theta
    return adam_step(theta, grad, state, learning_rate=learning_rate,
                     beta_1=beta_1, beta_2=beta_2, epsilon=epsilon)


# --- Pemeriksaan argumen fungsi langkah ---------------------------------------
# Fungsi-fungsi di atas ditampilkan apa adanya di halaman, jadi pemeriksaan argumennya dipasang
# di sini sebagai pembungkus: satu kali per panggilan dari luar. Di dalam trace/apply_rule (dan
# di adam_step yang dipanggil adamw_step) argumennya sudah diperiksa, sehingga pembungkus
# langsung meneruskan panggilan (_TRUSTED).

_TRUSTED = contextvars.ContextVar("chapter11_optimizers_trusted", default=False)
#: Rentang setiap hiperparameter: (batas bawah, batas atas, bawah tegas, atas tegas).
_HYPER_RANGES = {
    "learning_rate": (0.0, math.inf, True, True),            # η > 0
    "momentum": (0.0, 1.0, False, False),                     # β di [0, 1]
    "rho": (0.0, 1.0, False, True),                           # ρ, β₁, β₂ di [0, 1)
    "beta_1": (0.0, 1.0, False, True),
    "beta_2": (0.0, 1.0, False, True),
    "epsilon": (0.0, math.inf, False, True),                  # ε, λ, s₀ ≥ 0
    "weight_decay": (0.0, math.inf, False, True),
    "initial_accumulator_value": (0.0, math.inf, False, True),
}
_isfinite, _all, _sum = np.isfinite, np.logical_and.reduce, np.add.reduce


def _finite(array) -> bool:
    """Semua elemen berhingga? Satu jumlahan (cepat); pemeriksaan penuh hanya bila jumlahnya tidak
    berhingga (NaN/inf di dalamnya, atau jumlah bilangan raksasa yang meluap)."""
    return math.isfinite(_sum(array, axis=None)) or bool(_all(_isfinite(array), axis=None))


def _check_hyper(key, value):
    """Satu hiperparameter aturan, menurut :data:`_HYPER_RANGES`."""
    low, high, strict_low, strict_high = _HYPER_RANGES[key]
    if type(value) is float and (low < value if strict_low else low <= value) and (
            value < high if strict_high else value <= high):
        return value                                          # jalur cepat: float sah
    value = check_float(key, value, minimum=low, strict_minimum=strict_low,
                        maximum=None if high == math.inf else high)
    if strict_high and value >= high:
        raise ValueError(f"Argumen `{key}` harus kurang dari {high:g}. "
                         f"Diterima: {key}={value!r}.")
    return value


def _check_tensor(name, value):
    """``theta``/``grad``: bilangan real berhingga, atau larik NumPy bilangan real berhingga."""
    if type(value) is np.ndarray and value.dtype.kind in "iuf":
        if value.dtype.kind == "f" and not _finite(value):
            raise ValueError(f"Argumen `{name}` harus berisi bilangan berhingga (tanpa NaN/inf). "
                             f"Diterima: {name}={value!r}.")
        return value
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        if not math.isfinite(value):
            raise ValueError(f"Argumen `{name}` harus bilangan berhingga. "
                             f"Diterima: {name}={value!r}.")
        return value
    return check_real_array(name, value, nonempty=False)   # daftar → larik; selain itu galat


def _check_state(state, keys):
    if not isinstance(state, Mapping):
        raise TypeError("Argumen `state` harus dict keadaan optimizer ({} pada langkah pertama, "
                        f"lalu state dari langkah sebelumnya). Diterima: state={state!r} "
                        f"(tipe {type(state).__name__}).")
    for key, value in state.items():
        if key not in keys:
            known = ", ".join(keys) if keys else "tidak ada (aturan ini tanpa keadaan)"
            raise ValueError(f"Argumen `state` memuat kunci {key!r} yang tidak dikenal aturan "
                             f"ini; kunci yang dikenal: {known}. Diterima: state={state!r}.")
        if key == "t":
            if type(value) is not int or value < 0:
                check_int("state['t']", value, minimum=0)
        elif type(value) is not np.ndarray and type(value) is not float and (
                isinstance(value, bool) or not isinstance(value, numbers.Real)):
            raise TypeError(f"Argumen `state` harus berisi bilangan atau larik NumPy. "
                            f"Diterima: state[{key!r}]={value!r} (tipe {type(value).__name__}).")


def _guard(step, keys):
    """Bungkus fungsi langkah ``step`` dengan pemeriksaan argumen (tanda tangan tetap sama)."""
    allowed = tuple(p.name for p in inspect.signature(step).parameters.values()
                    if p.kind is p.KEYWORD_ONLY)

    @functools.wraps(step)
    def checked(theta, grad, state, **hyper):
        if _TRUSTED.get():
            return step(theta, grad, state, **hyper)
        if not (type(theta) is np.ndarray and type(grad) is np.ndarray   # jalur cepat
                and theta.dtype.kind == "f" and grad.dtype.kind == "f"
                and theta.shape == grad.shape and _finite(theta) and _finite(grad)):
            theta = _check_tensor("theta", theta)
            grad = _check_tensor("grad", grad)
            if np.shape(grad) != np.shape(theta):
                raise ValueError("Argumen `grad` harus berbentuk sama dengan `theta`. Diterima: "
                                 f"grad berbentuk {np.shape(grad)}, theta berbentuk "
                                 f"{np.shape(theta)}.")
        if type(state) is not dict or state:      # {} (langkah pertama) selalu sah
            _check_state(state, keys)
        for key, value in hyper.items():
            if key not in allowed:
                raise TypeError(f"{step.__name__} tidak mengenal hiperparameter `{key}`; yang "
                                f"dikenal: {', '.join(allowed)}. Diterima: {key}={value!r}.")
            _check_hyper(key, value)
        token = _TRUSTED.set(True)
        try:
            return step(theta, grad, state, **hyper)
        finally:
            _TRUSTED.reset(token)

    return checked


sgd_step = _guard(sgd_step, ())
momentum_step = _guard(momentum_step, ("m",))
nesterov_step = _guard(nesterov_step, ("m",))
adagrad_step = _guard(adagrad_step, ("s",))
rmsprop_step = _guard(rmsprop_step, ("s",))
adam_step = _guard(adam_step, ("t", "m", "s"))
adamax_step = _guard(adamax_step, ("t", "m", "s"))
nadam_step = _guard(nadam_step, ("t", "m", "s", "mu_product"))
adamw_step = _guard(adamw_step, ("t", "m", "s"))


def weight_decay_shrink(learning_rate: float, weight_decay: float, steps: int) -> float:
    """Bagian bobot yang hilang karena peluruhan AdamW Keras saja: 1 − (1 − ηλ)^langkah.

    Example:
        >>> f"{weight_decay_shrink(0.001, 1e-5, 3130):.2e}"
        '3.13e-05'
        >>> round(weight_decay_shrink(0.001, 10.0, 1), 3)    # faktor 0,99 per langkah
        0.01
    """
    eta = check_float("learning_rate", learning_rate, minimum=0.0, strict_minimum=True)
    lam = check_float("weight_decay", weight_decay, minimum=0.0)
    steps = check_limit("steps", check_int("steps", steps, minimum=0))
    if eta * lam >= 1:
        raise ValueError("Hasil kali `learning_rate` × `weight_decay` harus kurang dari 1. "
                         f"Diterima: {eta} × {lam}.")
    return float(-math.expm1(steps * math.log1p(-eta * lam)))


# --- Daftar aturan ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """Satu optimizer: nama tampilan, fungsi langkah NumPy, dan kelas Keras padanannya.

    Attributes:
        label: nama untuk legenda dan tabel (``"Nesterov"``).
        step: fungsi ``*_step`` di modul ini.
        keras_class: nama kelas di ``keras.optimizers`` (``"SGD"``).
        keras_fixed: argumen Keras yang menentukan varian ini (``{"nesterov": True}``).
    """

    label: str
    step: Callable
    keras_class: str
    keras_fixed: Mapping

    @property
    def defaults(self) -> dict:
        """Hiperparameter bawaan (dari tanda tangan fungsi langkahnya)."""
        params = inspect.signature(self.step).parameters.values()
        return {p.name: p.default for p in params if p.kind is p.KEYWORD_ONLY}


#: Sembilan optimizer halaman ini dalam urutan Géron, dengan nama pendek sebagai kunci.
RULES: dict[str, Rule] = {
    "sgd": Rule("SGD", sgd_step, "SGD", {"momentum": 0.0, "nesterov": False}),
    "momentum": Rule("Momentum", momentum_step, "SGD", {"nesterov": False}),
    "nesterov": Rule("Nesterov", nesterov_step, "SGD", {"nesterov": True}),
    "adagrad": Rule("AdaGrad", adagrad_step, "Adagrad", {}),
    "rmsprop": Rule("RMSProp", rmsprop_step, "RMSprop", {"momentum": 0.0, "centered": False}),
    "adam": Rule("Adam", adam_step, "Adam", {"amsgrad": False}),
    "adamax": Rule("AdaMax", adamax_step, "Adamax", {}),
    "nadam": Rule("Nadam", nadam_step, "Nadam", {}),
    "adamw": Rule("AdamW", adamw_step, "AdamW", {"amsgrad": False}),
}
#: Nama pendek kesembilan optimizer (``"sgd"``, ``"momentum"``, …, ``"adamw"``).
OPTIMIZER_NAMES = tuple(RULES)


def rule(name: str) -> Rule:
    """Aturan bernama ``name`` (salah satu :data:`OPTIMIZER_NAMES`)."""
    return RULES[check_choice("name", name, OPTIMIZER_NAMES)]


def hyperparameters(name: str, **overrides) -> dict:
    """Hiperparameter lengkap optimizer ``name``: bawaan, ditimpa ``overrides``.

    Raises:
        ValueError: nama hiperparameter yang tidak dikenal aturan itu, atau nilai yang tidak sah.

    Example:
        >>> hyperparameters("rmsprop", learning_rate=0.01)
        {'learning_rate': 0.01, 'rho': 0.9, 'epsilon': 1e-07}
    """
    chosen = rule(name)
    params = chosen.defaults
    unknown = sorted(set(overrides) - set(params))
    if unknown:
        raise ValueError(f"Optimizer {name!r} tidak mengenal hiperparameter {unknown}; yang "
                         f"dikenal: {', '.join(params)}. Diterima: {overrides!r}.")
    for key, value in overrides.items():
        _check_hyper(key, value)
    params.update(overrides)
    return params


def keras_config(name: str, **overrides) -> tuple[str, dict]:
    """Nama kelas Keras dan argumennya untuk optimizer ``name`` dengan hiperparameter yang sama.

    Dipakai untuk membuat optimizer Keras yang padan dengan aturan NumPy (di
    :mod:`chapter11.optimizer_experiments`) tanpa mengimpor TensorFlow di sini.

    Example:
        >>> keras_config("nesterov", learning_rate=0.001)
        ('SGD', {'learning_rate': 0.001, 'momentum': 0.9, 'nesterov': True})
    """
    chosen = rule(name)
    return chosen.keras_class, {**hyperparameters(name, **overrides), **chosen.keras_fixed}


def apply_rule(name: str, theta, grads, **overrides) -> np.ndarray:
    """Jalankan aturan ``name`` pada barisan gradien yang sudah diketahui.

    Args:
        name: salah satu :data:`OPTIMIZER_NAMES`.
        theta: parameter awal.
        grads: larik ``(langkah, *theta.shape)``: gradien yang dipakai di setiap langkah.
        **overrides: hiperparameter (lihat :func:`hyperparameters`).

    Returns:
        Larik ``(langkah + 1, *theta.shape)``: parameter sebelum langkah pertama dan sesudah
        setiap langkah.
    """
    step, params = rule(name).step, hyperparameters(name, **overrides)
    step = getattr(step, "__wrapped__", step)      # argumen diperiksa di sini, sekali
    theta = np.array(check_real_array("theta", theta), dtype=float)
    grads = np.asarray(check_real_array("grads", grads), dtype=float)
    if grads.shape[1:] != theta.shape:
        raise ValueError("Setiap gradien di `grads` harus berbentuk sama dengan `theta`. "
                         f"Diterima: grads.shape={grads.shape}, theta.shape={theta.shape}.")
    path, state = [theta], {}
    token = _TRUSTED.set(True)     # argumen sudah diperiksa di atas
    try:
        for grad in grads:
            theta, state = step(theta, grad, state, **params)
            path.append(theta)
    finally:
        _TRUSTED.reset(token)
    return np.array(path)


# --- Permukaan loss dua dimensi dan lintasan ----------------------------------------------


@dataclass(frozen=True)
class Surface:
    """Permukaan *loss* dua dimensi J(x, y) dengan gradien analitis.

    Attributes:
        name: nama pendek.
        loss: fungsi ``(x, y) -> J`` (menerima larik).
        grad: fungsi ``theta -> ∇J(theta)`` untuk ``theta`` berbentuk ``(2,)``.
        start: titik awal lintasan.
        minimum: titik minimum global.
        extent: ``(xmin, xmax, ymin, ymax)`` untuk gambar.
    """

    name: str
    loss: Callable
    grad: Callable
    start: tuple[float, float]
    minimum: tuple[float, float]
    extent: tuple[float, float, float, float]

    def __call__(self, theta) -> float:
        theta = np.asarray(theta, dtype=float)
        return float(self.loss(theta[..., 0], theta[..., 1]))

    @property
    def condition_number(self) -> float:
        """Rasio kelengkungan terbesar dan terkecil di titik minimum (beda hingga Hessian)."""
        h, x0 = 1e-4, np.asarray(self.minimum, dtype=float)
        hessian = np.array([(self.grad(x0 + h * e) - self.grad(x0 - h * e)) / (2 * h)
                            for e in np.eye(2)])
        eig = np.linalg.eigvalsh((hessian + hessian.T) / 2)
        return float(eig.max() / eig.min())


def elongated_bowl(steepness: float = 100.0) -> Surface:
    """Mangkuk kuadratik memanjang J = ½(x² + κy²): lembah datar di x, curam di y.

    Example:
        >>> bowl = elongated_bowl(100.0)
        >>> round(bowl.condition_number), bowl((0.0, 0.0)), bowl.grad(np.array([1.0, 1.0])).tolist()
        (100, 0.0, [1.0, 100.0])
    """
    k = check_float("steepness", steepness, minimum=1.0)
    return Surface(
        name="mangkuk memanjang",
        loss=lambda x, y: 0.5 * (x**2 + k * y**2),
        grad=lambda th: np.array([th[0], k * th[1]]),
        start=(-4.5, 1.0), minimum=(0.0, 0.0), extent=(-5.0, 1.5, -1.6, 1.6),
    )


def curved_valley(steepness: float = 10.0) -> Surface:
    """Lembah melengkung tak-konveks J = (y − x²/2)²·κ/2 + (x − 1)²/2 (mirip Rosenbrock).

    Dasar lembahnya parabola y = x²/2; minimumnya di (1, ½).

    Example:
        >>> valley = curved_valley()
        >>> valley((1.0, 0.5)), valley.grad(np.array([1.0, 0.5])).tolist()
        (0.0, [0.0, 0.0])
    """
    k = check_float("steepness", steepness, minimum=1.0)

    def grad(th):
        x, y = th
        r = y - 0.5 * x**2
        return np.array([-k * r * x + (x - 1.0), k * r])

    return Surface(
        name="lembah melengkung",
        loss=lambda x, y: 0.5 * k * (y - 0.5 * x**2) ** 2 + 0.5 * (x - 1.0) ** 2,
        grad=grad, start=(-2.0, 2.0), minimum=(1.0, 0.5), extent=(-2.6, 2.0, -0.9, 2.6),
    )


@dataclass(frozen=True)
class Trajectory:
    """Lintasan satu optimizer di permukaan dua dimensi.

    Attributes:
        name: nama pendek optimizer (kunci :data:`RULES`).
        label: nama tampilan.
        points: larik ``(langkah + 1, 2)``.
        losses: *loss* di setiap titik.
        hyperparameters: hiperparameter yang dipakai.
    """

    name: str
    label: str
    points: np.ndarray
    losses: np.ndarray
    hyperparameters: dict

    @property
    def final_loss(self) -> float:
        return float(self.losses[-1])

    def steps_to(self, tolerance: float) -> int | None:
        """Langkah pertama yang *loss*-nya di bawah ``tolerance`` dan tetap di bawahnya."""
        above = np.nonzero(~(self.losses < tolerance))[0]   # NaN dihitung "di atas"
        if len(above) == 0:
            return 0
        last = int(above[-1]) + 1
        return last if last < len(self.losses) else None

    @property
    def step_lengths(self) -> np.ndarray:
        """Panjang setiap langkah ‖θₜ − θₜ₋₁‖."""
        return np.linalg.norm(np.diff(self.points, axis=0), axis=1)


def trace(name: str, surface: Surface, *, steps: int = 100, start=None,
          **overrides) -> Trajectory:
    """Jalankan optimizer ``name`` di ``surface`` dengan gradien tepat (tanpa derau).

    Args:
        name: salah satu :data:`OPTIMIZER_NAMES`.
        surface: :class:`Surface`.
        steps: banyak langkah.
        start: titik awal (bawaan ``surface.start``).
        **overrides: hiperparameter (lihat :func:`hyperparameters`).

    Example:
        >>> path = trace("sgd", elongated_bowl(), steps=50, learning_rate=0.012)
        >>> path.points.shape, bool(path.final_loss < path.losses[0])
        ((51, 2), True)
    """
    if not isinstance(surface, Surface):
        raise TypeError(f"Argumen `surface` harus Surface. Diterima: tipe {type(surface).__name__}.")
    check_limit("steps", check_int("steps", steps, minimum=1))
    chosen, params = rule(name), hyperparameters(name, **overrides)
    if start is not None:
        check_real_array("start", start)
    theta = np.array(surface.start if start is None else start, dtype=float)
    if theta.shape != (2,):
        raise ValueError(f"Argumen `start` harus titik (x, y). Diterima: start={start!r}.")
    points, state = [theta], {}
    token = _TRUSTED.set(True)     # argumen sudah diperiksa; lintasan boleh divergen
    try:
        with np.errstate(over="ignore", invalid="ignore"):
            step = getattr(chosen.step, "__wrapped__", chosen.step)   # tanpa lapisan pemeriksa
            for _ in range(steps):
                theta, state = step(theta, surface.grad(theta), state, **params)
                points.append(theta)
            points = np.array(points)
            losses = np.array([surface(p) for p in points])
    finally:
        _TRUSTED.reset(token)
    return Trajectory(name, chosen.label, points, losses, params)


# --- Tabel perbandingan hasil pelatihan ------------------------------------------------------


def epochs_to_reach(values: Sequence[float], threshold: float) -> int | None:
    """*Epoch* pertama (mulai 1) yang nilainya ≥ ``threshold``; ``None`` bila tidak pernah.

    Example:
        >>> epochs_to_reach([0.70, 0.84, 0.86, 0.85], 0.85), epochs_to_reach([0.7], 0.85)
        (3, None)
    """
    threshold = check_float("threshold", threshold)
    values = np.asarray(check_real_array("values", values, ndim=1), dtype=float)
    hits = np.nonzero(values >= threshold)[0]
    return int(hits[0]) + 1 if len(hits) else None


@dataclass(frozen=True)
class ComparisonRow:
    """Satu baris tabel perbandingan optimizer (rata-rata atas benih).

    Attributes:
        label: nama optimizer.
        n_seeds: banyak benih.
        epochs_to_threshold: *epoch* pertama yang akurasi validasinya mencapai ambang, per benih
            (``None``: tidak tercapai).
        final_val_accuracy: akurasi validasi akhir per benih.
        final_loss: *loss* latih *epoch* terakhir per benih.
        final_val_loss: *loss* validasi akhir per benih.
        best_val_loss: *loss* validasi terkecil per benih.
    """

    label: str
    n_seeds: int
    epochs_to_threshold: tuple
    final_val_accuracy: tuple
    final_loss: tuple
    final_val_loss: tuple
    best_val_loss: tuple

    @property
    def mean_val_accuracy(self) -> float:
        return float(np.mean(self.final_val_accuracy))

    @property
    def val_accuracy_range(self) -> tuple[float, float]:
        return float(np.min(self.final_val_accuracy)), float(np.max(self.final_val_accuracy))

    @property
    def mean_epochs_to_threshold(self) -> float:
        """Rata-rata *epoch* mencapai ambang; ``inf`` bila ada benih yang tidak mencapainya."""
        if any(e is None for e in self.epochs_to_threshold):
            return math.inf
        return float(np.mean(self.epochs_to_threshold))

    @property
    def loss_gap(self) -> float:
        """Rata-rata (*loss* validasi akhir − *loss* latih akhir): ukuran kasar *overfitting*."""
        return float(np.mean(np.subtract(self.final_val_loss, self.final_loss)))

    @property
    def val_loss_rise(self) -> float:
        """Rata-rata kenaikan *loss* validasi dari titik terendahnya sampai *epoch* terakhir."""
        return float(np.mean(np.subtract(self.final_val_loss, self.best_val_loss)))


def comparison_table(results: Mapping[str, Sequence], *, threshold: float = 0.85
                     ) -> tuple[ComparisonRow, ...]:
    """Ringkas hasil pelatihan beberapa optimizer menjadi baris-baris tabel.

    Args:
        results: ``{label: [hasil benih 1, hasil benih 2, …]}``; setiap hasil punya ``history``
            berisi ``loss``, ``val_loss`` dan ``val_accuracy`` per *epoch* (mis.
            :class:`chapter11.experiments.RunResult`).
        threshold: ambang akurasi validasi untuk kolom "*epoch* sampai ambang".

    Returns:
        Baris per optimizer, dalam urutan ``results``.

    Example:
        >>> from types import SimpleNamespace as R
        >>> h = {"loss": (0.6, 0.4), "val_loss": (0.5, 0.45), "val_accuracy": (0.83, 0.86)}
        >>> row, = comparison_table({"Adam": [R(history=h)]})
        >>> row.epochs_to_threshold, row.mean_val_accuracy, round(row.loss_gap, 2)
        ((2,), 0.86, 0.05)
    """
    if not isinstance(results, Mapping) or not results:
        raise ValueError("Argumen `results` harus dict tidak kosong {label: [hasil, …]}. "
                         f"Diterima: {results!r}.")
    check_report_list("results", results, ("history",), "hasil pelatihan (RunResult)")
    threshold = check_float("threshold", threshold, minimum=0.0, maximum=1.0)
    rows = []
    for label, runs in results.items():
        runs = list(runs) if isinstance(runs, (list, tuple)) else [runs]
        if not runs:
            raise ValueError(f"Optimizer {label!r} di `results` tidak punya hasil. "
                             f"Diterima: {runs!r}.")
        histories = [r.history for r in runs]
        rows.append(ComparisonRow(
            label=str(label), n_seeds=len(runs),
            epochs_to_threshold=tuple(epochs_to_reach(h["val_accuracy"], threshold)
                                      for h in histories),
            final_val_accuracy=tuple(float(h["val_accuracy"][-1]) for h in histories),
            final_loss=tuple(float(h["loss"][-1]) for h in histories),
            final_val_loss=tuple(float(h["val_loss"][-1]) for h in histories),
            best_val_loss=tuple(float(np.min(h["val_loss"])) for h in histories),
        ))
    return tuple(rows)


# --- Tabel untuk halaman ---------------------------------------------------------------------


def _format_loss(value: float) -> str:
    if not math.isfinite(value):
        return "divergen"
    return format_sci(value, 1) if value < 0.01 or value >= 100 else format_number(value, 2)


def format_trajectory_table(paths: Mapping[str, Sequence[Trajectory]], *,
                            tolerance: float = 0.01) -> str:
    """Tabel Markdown: *loss* akhir dan langkah sampai *loss* < ``tolerance``, per permukaan.

    Kolom "langkah" berisi langkah pertama yang *loss*-nya di bawah ``tolerance`` dan tetap di
    bawahnya (:meth:`Trajectory.steps_to`); "—" bila belum.

    Args:
        paths: ``{nama pendek permukaan: [Trajectory, …]}``, optimizer dalam urutan yang sama
            di setiap permukaan.
        tolerance: ambang *loss* untuk kolom langkah.

    Example:
        >>> p = trace("sgd", elongated_bowl(), steps=5, learning_rate=0.01)
        >>> table = format_trajectory_table({"Mangkuk": [p]}).splitlines()
        >>> print(table[0]); print(table[2])
        | Optimizer | η | Mangkuk: *loss* akhir | Mangkuk: langkah |
        | SGD | 0,01 | 9,16 | — |
    """
    check_float("tolerance", tolerance, minimum=0.0, strict_minimum=True)
    if not isinstance(paths, Mapping) or not paths:
        raise ValueError("Argumen `paths` harus dict tidak kosong {permukaan: [Trajectory, …]}. "
                         f"Diterima: {paths!r}.")
    for surface_name, ps in paths.items():
        if isinstance(ps, (str, bytes)) or not isinstance(ps, Sequence) or not ps:
            raise TypeError("Setiap nilai `paths` harus daftar tak kosong berisi Trajectory. "
                            f"Diterima: paths[{surface_name!r}]={ps!r}.")
        for p in ps:
            check_report("paths", p, ("label", "losses", "steps_to", "final_loss",
                                      "hyperparameters"), "Trajectory (hasil trace)")
    columns = list(paths.items())
    labels = [[p.label for p in ps] for _, ps in columns]
    if any(lab != labels[0] for lab in labels):
        raise ValueError("Setiap permukaan harus memuat optimizer yang sama dalam urutan yang sama. "
                         f"Diterima: {labels!r}.")
    header = "| Optimizer | η |" + "".join(
        f" {name}: *loss* akhir | {name}: langkah |" for name, _ in columns)
    lines = [header, "|---|--:|" + "--:|--:|" * len(columns)]
    for i, first in enumerate(columns[0][1]):
        eta = first.hyperparameters["learning_rate"]
        cells = [first.label, format_number(eta, 3).rstrip("0").rstrip(",")]
        for _, ps in columns:
            steps = ps[i].steps_to(tolerance)
            cells += [_format_loss(ps[i].final_loss), "—" if steps is None else format_int(steps)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _span(values, digits: int, *, integers: bool = False) -> str:
    """Rata-rata, dan rentang min–maks dalam kurung bila nilainya tidak sama semua."""
    fmt = format_int if integers else (lambda v: format_number(v, digits))
    lo, hi = min(values), max(values)
    mean = float(np.mean(values))
    mean_text = format_int(mean) if integers and mean == int(mean) else format_number(mean, digits)
    if len(values) == 1 or fmt(lo) == fmt(hi):
        return mean_text
    return f"{mean_text} ({fmt(lo)}–{fmt(hi)})"


def format_comparison_table(rows: Sequence[ComparisonRow], *, threshold: float) -> str:
    """Tabel Markdown hasil :func:`comparison_table`.

    Baris dengan beberapa benih menulis rata-rata dan, dalam kurung, rentang min–maks.

    Example:
        >>> from types import SimpleNamespace as R
        >>> h = {"loss": (0.6, 0.4), "val_loss": (0.5, 0.45), "val_accuracy": (0.83, 0.86)}
        >>> h2 = {"loss": (0.6, 0.5), "val_loss": (0.5, 0.47), "val_accuracy": (0.86, 0.85)}
        >>> rows = comparison_table({"Adam": [R(history=h), R(history=h2)]})
        >>> print(format_comparison_table(rows, threshold=0.85).splitlines()[2])
        | Adam | 2 | 1,5 (1–2) | 0,855 (0,850–0,860) | 0,45 (0,40–0,50) | 0,46 (0,45–0,47) | 0,46 (0,45–0,47) |
    """
    threshold = check_float("threshold", threshold, minimum=0.0, maximum=1.0)
    if isinstance(rows, (str, bytes, Mapping)) or not isinstance(rows, Iterable):
        raise TypeError("Argumen `rows` harus urutan ComparisonRow (hasil comparison_table). "
                        f"Diterima: rows={rows!r} (tipe {type(rows).__name__}).")
    rows = list(rows)      # mis. dict.values() dari halaman
    for row in rows:
        check_report("rows", row, ("label", "n_seeds", "epochs_to_threshold",
                                   "final_val_accuracy", "final_loss", "final_val_loss",
                                   "best_val_loss"), "ComparisonRow (hasil comparison_table)")
    lines = [f"| Optimizer | Benih | *Epoch* sampai akurasi validasi ≥ "
             f"{format_number(threshold, 2)} | Akurasi validasi akhir | *Loss* latih akhir | "
             "*Loss* validasi akhir | *Loss* validasi terendah |",
             "|---|--:|--:|--:|--:|--:|--:|"]
    for row in rows:
        reached = [e for e in row.epochs_to_threshold if e is not None]
        if len(reached) == len(row.epochs_to_threshold):
            epochs = _span(reached, 1, integers=True)
        elif reached:
            epochs = f"{len(reached)} dari {row.n_seeds} benih"
        else:
            epochs = "—"
        lines.append(
            f"| {row.label} | {row.n_seeds} | {epochs} | {_span(row.final_val_accuracy, 3)} | "
            f"{_span(row.final_loss, 2)} | {_span(row.final_val_loss, 2)} | "
            f"{_span(row.best_val_loss, 2)} |")
    return "\n".join(lines)
