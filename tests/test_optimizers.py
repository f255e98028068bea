"""Uji chapter11.optimizers terhadap optimizer Keras 3, rumus buku, dan sifat-sifat yang dikenal."""

import ast
import inspect
import os
from pathlib import Path
from types import SimpleNamespace

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from chapter11 import optimizers as opt  # noqa: E402
from chapter11.optimizer_experiments import (GERON_SETTINGS, check_against_keras,  # noqa: E402
                                             comparison_seeds, comparison_threshold,
                                             make_keras_optimizer, optimizer_experiment,
                                             optimizer_experiments)
from chapter11.formatting import format_sci  # noqa: E402
from chapter11.runtime import Budget, quiet_tensorflow  # noqa: E402

keras = quiet_tensorflow()
ROOT = Path(__file__).resolve().parents[1]


def _gradients(seed=0, steps=25, n=6):
    """Gradien acak dengan skala berbeda per koordinat (10⁻³ sampai 10) dan tanda berganti."""
    rng = np.random.default_rng(seed)
    scales = np.logspace(-3, 1, n)
    return (rng.normal(0.3, 1.0, (steps, n)) * scales).astype(np.float32)


def _theta(seed=0, n=6):
    return np.random.default_rng(seed + 100).normal(0.0, 1.0, n).astype(np.float32)


# --- Modul NumPy murni -----------------------------------------------------------------------


def test_numpy_module_does_not_import_tensorflow_or_keras():
    tree = ast.parse((ROOT / "chapter11" / "optimizers.py").read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            imported.add(node.module.split(".")[0])
    assert imported <= {"__future__", "contextvars", "functools", "inspect", "math", "numbers",
                        "collections", "dataclasses", "numpy"}


def test_nine_optimizers_in_geron_order():
    assert [opt.RULES[n].label for n in opt.OPTIMIZER_NAMES] == [
        "SGD", "Momentum", "Nesterov", "AdaGrad", "RMSProp", "Adam", "AdaMax", "Nadam", "AdamW"]


@pytest.mark.parametrize("name", opt.OPTIMIZER_NAMES)
def test_defaults_are_keras_defaults_except_momentum(name):
    keras_defaults = getattr(keras.optimizers, opt.RULES[name].keras_class)().get_config()
    for key, value in opt.hyperparameters(name).items():
        if name in ("momentum", "nesterov") and key == "momentum":
            assert value == 0.9 and keras_defaults[key] == 0.0   # Géron: 0,9; Keras: 0
        else:
            assert value == pytest.approx(keras_defaults[key]), (key, value, keras_defaults[key])


# --- Sama dengan Keras --------------------------------------------------------------------------

KERAS_CASES = [(name, {}) for name in opt.OPTIMIZER_NAMES] + [
    ("sgd", {"learning_rate": 0.05}),
    ("momentum", {"learning_rate": 0.02, "momentum": 0.5}),
    ("nesterov", {"learning_rate": 0.02, "momentum": 0.99}),
    ("adagrad", {"learning_rate": 0.1, "initial_accumulator_value": 0.0, "epsilon": 1e-3}),
    ("rmsprop", {"learning_rate": 0.05, "rho": 0.5, "epsilon": 1e-4}),
    ("adam", {"learning_rate": 0.05, "beta_1": 0.5, "beta_2": 0.9, "epsilon": 1e-3}),
    ("adamax", {"learning_rate": 0.05, "beta_1": 0.8, "beta_2": 0.95}),
    ("nadam", {"learning_rate": 0.05, "beta_1": 0.95, "beta_2": 0.99, "epsilon": 1e-3}),
    ("adamw", {"learning_rate": 0.05, "weight_decay": 0.5}),
]


@pytest.mark.parametrize("name,hyper", KERAS_CASES)
def test_numpy_rule_matches_keras_over_many_steps(name, hyper):
    check = check_against_keras(name, _theta(), _gradients(), **hyper)
    assert check.max_movement > 5e-3              # parameternya benar-benar berpindah
    # Galat pembulatan float32 (mis. 1 − β₂ᵗ), kecil dibanding gerak optimizer.
    np.testing.assert_allclose(check.keras_path, check.numpy_path, rtol=1e-5,
                               atol=1e-4 * check.max_movement)
    assert check.relative_diff < 1e-4


@pytest.mark.parametrize("name", ["momentum", "adam", "nadam", "rmsprop"])
def test_matches_keras_on_a_feedback_loop(name):
    """Gradien dihitung dari parameter saat ini (mangkuk), bukan barisan tetap."""
    bowl = opt.elongated_bowl(10.0)
    variable = keras.Variable(np.array([-2.0, 1.0], np.float32))
    keras_opt = make_keras_optimizer(name, learning_rate=0.05)
    path = opt.trace(name, bowl, steps=30, start=(-2.0, 1.0), learning_rate=0.05).points
    for expected in path[1:]:
        g = bowl.grad(variable.numpy().astype(float)).astype(np.float32)
        keras_opt.apply([g], [variable])
        np.testing.assert_allclose(variable.numpy(), expected, rtol=1e-4, atol=1e-5)


def test_the_comparison_detects_a_different_rule():
    """Kontrol negatif: AdaGrad tanpa akumulator awal 0,1 (rumus Géron) tidak sama dengan Keras."""
    theta, grads = _theta(), _gradients()
    numpy_path = opt.apply_rule("adagrad", theta, grads, learning_rate=0.1,
                                initial_accumulator_value=0.0)
    check = check_against_keras("adagrad", theta, grads, learning_rate=0.1)
    assert check.relative_diff < 1e-4
    assert np.max(np.abs(numpy_path - check.keras_path)) > 0.1 * check.max_movement


def test_keras_adam_with_weight_decay_is_adamw():
    theta, grads = _theta(), _gradients()
    adamw = check_against_keras("adamw", theta, grads, learning_rate=0.05, weight_decay=0.3)
    variable = keras.Variable(theta)
    adam = keras.optimizers.Adam(learning_rate=0.05, weight_decay=0.3)
    for g in grads:
        adam.apply([g], [variable])
    np.testing.assert_allclose(variable.numpy(), adamw.keras_path[-1], rtol=1e-6)


# --- Sama dengan rumus buku (harapan yang bebas dari kode Keras) ------------------------------


def test_momentum_is_polyak_heavy_ball():
    """θₜ₊₁ = θₜ − η∇J(θₜ) + β(θₜ − θₜ₋₁)."""
    bowl = opt.elongated_bowl(20.0)
    p = opt.trace("momentum", bowl, steps=40, learning_rate=0.03, momentum=0.8).points
    for t in range(1, 40):
        expected = p[t] - 0.03 * bowl.grad(p[t]) + 0.8 * (p[t] - p[t - 1])
        np.testing.assert_allclose(p[t + 1], expected, rtol=1e-12, atol=1e-12)


def test_keras_nesterov_tracks_geron_lookahead_point():
    """Persamaan Géron: m ← βm − η∇J(θ + βm); θ ← θ + m. Keras menyimpan θ̃ = θ + βm."""
    bowl, eta, beta = opt.curved_valley(), 0.01, 0.9
    theta, m = np.array(bowl.start), np.zeros(2)
    keras_form = opt.trace("nesterov", bowl, steps=60, learning_rate=eta, momentum=beta).points
    for t in range(60):
        m = beta * m - eta * bowl.grad(theta + beta * m)
        theta = theta + m
        np.testing.assert_allclose(keras_form[t + 1], theta + beta * m, rtol=1e-10, atol=1e-12)


def test_adagrad_without_initial_accumulator_is_geron_equation():
    grads = _gradients().astype(float)
    theta, s = _theta().astype(float), np.zeros(6)
    path = opt.apply_rule("adagrad", theta, grads, learning_rate=0.1,
                          initial_accumulator_value=0.0, epsilon=1e-10)
    for g in grads:
        s = s + g * g
        theta = theta - 0.1 * g / np.sqrt(s + 1e-10)
    np.testing.assert_allclose(path[-1], theta, rtol=1e-12)


def test_keras_adam_is_kingma_ba_with_epsilon_hat():
    """Kingma & Ba, Algoritme 1, dengan ε' = ε/√(1 − β₂ᵗ) di luar akar v̂."""
    grads, eps = _gradients().astype(float), 1e-3
    theta, m, v = _theta().astype(float), 0.0, 0.0
    path = opt.apply_rule("adam", theta, grads, learning_rate=0.05, epsilon=eps)
    for t, g in enumerate(grads, start=1):
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        m_hat, v_hat = m / (1 - 0.9**t), v / (1 - 0.999**t)
        theta = theta - 0.05 * m_hat / (np.sqrt(v_hat) + eps / np.sqrt(1 - 0.999**t))
        np.testing.assert_allclose(path[t], theta, rtol=1e-12)


def test_adam_first_step_moves_each_coordinate_by_the_learning_rate():
    """Langkah pertama Adam ≈ η·tanda(g) pada setiap koordinat, berapa pun skala gradiennya."""
    g = np.array([[1e-3, -5.0, 300.0]])
    path = opt.apply_rule("adam", np.zeros(3), g, learning_rate=0.01, epsilon=1e-12)
    np.testing.assert_allclose(path[1], -0.01 * np.sign(g[0]), rtol=1e-6)


def test_adamax_divides_by_the_largest_recent_gradient():
    g = np.array([[2.0], [-0.5], [0.1]])
    path = opt.apply_rule("adamax", np.zeros(1), g, learning_rate=0.1, beta_2=1.0 - 1e-12,
                          epsilon=0.0)
    m = 0.9 * (0.9 * 0.1 * 2.0 + 0.1 * -0.5) + 0.1 * 0.1
    assert path[3][0] - path[2][0] == pytest.approx(-0.1 * m / (1 - 0.9**3) / 2.0)


def test_nadam_schedule_rises_to_beta_1():
    mu = opt.nadam_momentum(np.arange(1, 300))
    assert mu[0] == pytest.approx(0.9 * (1 - 0.5 * 0.96))
    assert np.all(np.diff(mu) > 0) and mu[-1] == pytest.approx(0.9, abs=1e-5)


def test_adamw_shrinks_weights_by_eta_lambda_before_the_adam_step():
    theta, g = np.array([2.0, -1.0]), np.zeros((1, 2))
    path = opt.apply_rule("adamw", theta, g, learning_rate=0.1, weight_decay=0.5)
    np.testing.assert_allclose(path[1], theta * (1 - 0.1 * 0.5))   # gradien nol: hanya peluruhan
    plain = opt.apply_rule("adam", theta, _gradients(n=2).astype(float), learning_rate=0.1)
    no_decay = opt.apply_rule("adamw", theta, _gradients(n=2).astype(float), learning_rate=0.1,
                              weight_decay=0.0)
    np.testing.assert_allclose(plain, no_decay)


# --- Validasi -------------------------------------------------------------------------------------


def test_errors_state_the_rule_and_the_received_value():
    with pytest.raises(ValueError, match="salah satu dari.*Diterima: name='adadelta'"):
        opt.rule("adadelta")
    with pytest.raises(ValueError, match="tidak mengenal hiperparameter.*beta_1"):
        opt.hyperparameters("sgd", beta_1=0.9)
    with pytest.raises(ValueError, match="positif. Diterima: learning_rate=0"):
        opt.hyperparameters("adam", learning_rate=0)
    with pytest.raises(ValueError, match="kurang dari 1. Diterima: beta_2=1.0"):
        opt.hyperparameters("adam", beta_2=1.0)
    with pytest.raises(TypeError, match="bilangan real"):
        opt.hyperparameters("rmsprop", rho="0.9")
    with pytest.raises(ValueError, match="berbentuk sama dengan `theta`"):
        opt.apply_rule("sgd", np.zeros(2), np.zeros((3, 4)))
    with pytest.raises(TypeError, match="harus Surface"):
        opt.trace("sgd", lambda t: t)
    with pytest.raises(ValueError, match="titik \\(x, y\\)"):
        opt.trace("sgd", opt.elongated_bowl(), start=(1, 2, 3))
    with pytest.raises(ValueError, match="paling besar"):
        opt.trace("sgd", opt.elongated_bowl(), steps=10**8)
    with pytest.raises(ValueError, match="1-D"):
        check_against_keras("sgd", np.zeros((2, 2)), np.zeros((3, 2)))
    with pytest.raises(TypeError, match="Budget"):
        optimizer_experiment("fast", "adam")


# --- Permukaan dan lintasan ------------------------------------------------------------------------


@pytest.mark.parametrize("surface", [opt.elongated_bowl(), opt.curved_valley()])
def test_surface_gradients_match_finite_differences(surface):
    rng = np.random.default_rng(0)
    x0, x1, y0, y1 = surface.extent
    for _ in range(5):
        p = np.array([rng.uniform(x0, x1), rng.uniform(y0, y1)])
        h = 1e-6
        numeric = [(surface(p + h * e) - surface(p - h * e)) / (2 * h) for e in np.eye(2)]
        np.testing.assert_allclose(surface.grad(p), numeric, rtol=1e-5, atol=1e-6)
    assert surface(surface.minimum) == pytest.approx(0.0)


def test_curved_valley_is_not_convex_and_bowl_is_ill_conditioned():
    valley = opt.curved_valley()
    x0, x1, y0, y1 = valley.extent
    h, eigs = 1e-5, []
    for x in np.linspace(x0, x1, 15):
        for y in np.linspace(y0, y1, 15):
            p = np.array([x, y])
            hess = np.array([(valley.grad(p + h * e) - valley.grad(p - h * e)) / (2 * h)
                             for e in np.eye(2)])
            eigs.append(np.linalg.eigvalsh((hess + hess.T) / 2).min())
    assert min(eigs) < 0
    assert opt.elongated_bowl(100.0).condition_number == pytest.approx(100.0, rel=1e-6)


def test_sgd_on_the_bowl_contracts_each_direction_by_one_minus_eta_lambda():
    path = opt.trace("sgd", opt.elongated_bowl(100.0), steps=20, learning_rate=0.012).points
    x0, y0 = opt.elongated_bowl(100.0).start
    np.testing.assert_allclose(path[20], [x0 * 0.988**20, y0 * (1 - 1.2) ** 20], rtol=1e-10)


def test_adagrad_steps_shrink_while_rmsprop_steps_do_not():
    bowl = opt.elongated_bowl()
    ada = opt.trace("adagrad", bowl, steps=100, learning_rate=0.1)
    rms = opt.trace("rmsprop", bowl, steps=100, learning_rate=0.1)
    assert ada.step_lengths[-1] < 0.2 * ada.step_lengths[:5].max()
    assert ada.final_loss > 1.0 and rms.final_loss < 0.1


def test_trajectory_steps_to_tolerance_and_divergence():
    t = opt.Trajectory("x", "X", np.zeros((4, 2)), np.array([1.0, 0.05, 0.2, 0.01]), {})
    assert t.steps_to(0.1) == 3 and t.steps_to(2.0) == 0 and t.steps_to(0.001) is None
    bad = opt.trace("sgd", opt.elongated_bowl(), steps=200, learning_rate=0.05)
    assert not np.isfinite(bad.final_loss) or bad.final_loss > 1e6
    assert bad.steps_to(1e-3) is None


# --- Tabel perbandingan dan eksperimen ---------------------------------------------------------


def _run(val_acc, loss=(0.5, 0.4, 0.3), val_loss=(0.55, 0.45, 0.5)):
    return SimpleNamespace(history={"val_accuracy": val_acc, "loss": loss, "val_loss": val_loss})


def test_comparison_table_summarizes_each_optimizer_over_seeds():
    rows = opt.comparison_table({
        "A": [_run((0.80, 0.86, 0.87)), _run((0.84, 0.85, 0.88))],
        "B": _run((0.70, 0.75, 0.79)),
    }, threshold=0.85)
    a, b = rows
    assert (a.label, a.n_seeds, a.epochs_to_threshold) == ("A", 2, (2, 2))
    assert a.mean_val_accuracy == pytest.approx(0.875) and a.val_accuracy_range == (0.87, 0.88)
    assert a.loss_gap == pytest.approx(0.2) and a.val_loss_rise == pytest.approx(0.05)
    assert b.epochs_to_threshold == (None,) and b.mean_epochs_to_threshold == float("inf")
    with pytest.raises(ValueError, match="tidak kosong"):
        opt.comparison_table({})


def test_experiments_share_data_model_and_seed_and_follow_geron_settings():
    budget = Budget("fast")
    exps = optimizer_experiments(budget)
    assert list(exps) == list(opt.OPTIMIZER_NAMES) == list(GERON_SETTINGS)
    assert len({(e.model, e.data, e.seed) for e in exps.values()}) == 1
    assert all(e.phases[0].learning_rate == 0.001 for e in exps.values())
    assert exps["nesterov"].phases[0].optimizer_config["nesterov"] is True
    assert exps["adamw"].phases[0].optimizer_config["weight_decay"] == pytest.approx(1e-5)
    # Deskripsi yang sama ditulis dengan objek Keras (cara Géron) = pelatihan yang sama.
    from chapter11.baselines import comparison_experiment

    geron = comparison_experiment(budget, optimizer=keras.optimizers.Nadam(learning_rate=0.001),
                                  label="Nadam")
    assert geron == exps["nadam"]
    assert optimizer_experiment(budget, "adam", seed=3).seed == 3
    assert 0.5 < comparison_threshold(budget) < comparison_threshold(Budget("full")) < 0.9
    assert 42 not in comparison_seeds(budget)


def test_keras_optimizer_signature_matches_step_keywords():
    for name in opt.OPTIMIZER_NAMES:
        step = opt.RULES[name].step
        params = list(inspect.signature(step).parameters)
        assert params[:3] == ["theta", "grad", "state"]


def test_weight_decay_shrink_matches_repeated_multiplication():
    theta = 1.0
    for _ in range(500):
        theta *= 1 - 0.01 * 0.3
    assert opt.weight_decay_shrink(0.01, 0.3, 500) == pytest.approx(1 - theta, rel=1e-12)
    assert opt.weight_decay_shrink(0.001, 1e-5, 3130) == pytest.approx(3130 * 1e-8, rel=1e-4)
    with pytest.raises(ValueError, match="kurang dari 1"):
        opt.weight_decay_shrink(0.5, 2.0, 1)


def test_nadam_schedule_of_keras_2_warms_up_250_times_slower():
    t = np.arange(1, 50)
    np.testing.assert_allclose(opt.nadam_momentum(250 * t, schedule_decay=0.004),
                               opt.nadam_momentum(t), rtol=1e-12)


def test_training_steps_counts_batches_per_epoch():
    from chapter11.optimizer_experiments import training_steps

    assert training_steps(optimizer_experiment(Budget("fast"), "sgd")) == 10 * 313
    assert training_steps(optimizer_experiment(Budget("full"), "sgd")) == 10 * 1719
    from chapter11.experiments import DataSpec

    exp = optimizer_experiment(Budget("fast"), "sgd")
    import dataclasses

    with pytest.raises(ValueError, match="sepuluh kelas"):
        training_steps(dataclasses.replace(exp, data=DataSpec.task_a(n_train=100)))


def test_trajectory_table_lists_each_optimizer_per_surface():
    bowl, valley = opt.elongated_bowl(), opt.curved_valley()
    a = [opt.trace(n, bowl, steps=40, learning_rate=0.012) for n in ("sgd", "nesterov")]
    b = [opt.trace(n, valley, steps=40, learning_rate=0.012) for n in ("sgd", "nesterov")]
    lines = opt.format_trajectory_table({"M": a, "L": b}).splitlines()
    assert lines[0].count("|") == 7 and len(lines) == 4
    assert lines[2].startswith("| SGD | 0,012 |") and lines[2].endswith("| — |")
    losses = b[1].losses
    first_inside = next(i for i in range(len(losses)) if np.all(losses[i:] < 0.01))
    assert a[1].losses[-1] > 0.01 and 0 < first_inside < 40
    assert lines[3].endswith(f"| — | {format_sci(losses[-1])} | {first_inside} |")
    with pytest.raises(ValueError, match="optimizer yang sama"):
        opt.format_trajectory_table({"M": a, "L": b[::-1]})
    diverged = opt.trace("sgd", bowl, steps=300, learning_rate=0.05)
    assert "divergen" in opt.format_trajectory_table({"M": [diverged]})


def test_comparison_table_text_marks_unreached_threshold_and_seed_ranges():
    rows = opt.comparison_table({
        "A": [_run((0.80, 0.86, 0.87)), _run((0.84, 0.84, 0.84))],
        "B": _run((0.70, 0.75, 0.79)),
    }, threshold=0.85)
    text = opt.format_comparison_table(rows, threshold=0.85).splitlines()
    assert "≥ 0,85" in text[0]
    assert text[2].startswith("| A | 2 | 1 dari 2 benih | 0,855 (0,840–0,870) |")
    assert text[3].startswith("| B | 1 | — | 0,790 |")


# --- Pemeriksaan argumen fungsi langkah ------------------------------------------------------


@pytest.mark.parametrize("name", opt.OPTIMIZER_NAMES)
def test_checked_step_returns_exactly_what_the_unchecked_rule_returns(name):
    """Pembungkus pemeriksa tidak mengubah angka: tiga langkah sama bit demi bit."""
    step = opt.RULES[name].step
    raw = step.__wrapped__
    hyper = {"learning_rate": 0.05}
    theta_a = theta_b = np.array([1.0, -2.0, 0.5])
    state_a, state_b = {}, {}
    for g in _gradients(n=3, steps=3).astype(float):
        theta_a, state_a = step(theta_a, g, state_a, **hyper)
        theta_b, state_b = raw(theta_b, g, state_b, **hyper)
        assert theta_a.tobytes() == theta_b.tobytes()
    assert inspect.signature(step) == inspect.signature(raw)


@pytest.mark.parametrize("kwargs, match", [
    ({"theta": np.array([np.nan, 1.0])}, "`theta`.*berhingga"),
    ({"grad": np.array([1.0])}, "`grad` harus berbentuk sama"),
    ({"grad": "ab"}, "`grad` harus larik bilangan real"),
    ({"state": {"velocity": np.zeros(2)}}, "kunci 'velocity'"),
    ({"state": None}, "`state` harus dict"),
    ({"learning_rate": -0.1}, "`learning_rate` harus positif"),
    ({"beta_2": 1.0}, "`beta_2` harus kurang dari 1"),
    ({"learning_rat": 0.1}, "tidak mengenal hiperparameter `learning_rat`"),
])
def test_step_functions_reject_bad_arguments_with_the_rule_and_the_value(kwargs, match):
    args = {"theta": np.array([1.0, -2.0]), "grad": np.array([0.5, 0.1]), "state": {}, **kwargs}
    with pytest.raises((TypeError, ValueError), match=match) as info:
        opt.adam_step(**args)
    assert "Diterima" in str(info.value)


def test_steps_accept_scalars_and_epsilon_zero():
    theta, state = opt.sgd_step(1.0, 2.0, {}, learning_rate=0.1)
    assert theta == pytest.approx(0.8) and state == {}
    theta, _ = opt.adamax_step(np.zeros(1), np.ones(1), {}, epsilon=0.0)
    assert theta[0] == pytest.approx(-0.001)


def test_trace_keeps_diverging_paths_instead_of_rejecting_them():
    """Di dalam trace argumen sudah diperiksa: lintasan divergen (inf/NaN) tetap digambar."""
    sgd = opt.trace("sgd", opt.elongated_bowl(), steps=300, learning_rate=10.0)
    # AdamW: θ ← (1 − ηλ)θ = −2θ, lalu adam_step (dibungkus) dipanggil dengan θ tak berhingga
    adamw = opt.trace("adamw", opt.elongated_bowl(), steps=1100, learning_rate=1.0,
                      weight_decay=3.0)
    assert not np.isfinite(sgd.final_loss) and not np.isfinite(adamw.final_loss)
    assert opt._TRUSTED.get() is False                   # konteks dipulihkan sesudahnya


def test_format_comparison_table_accepts_dict_values():
    h = {"loss": (0.6, 0.4), "val_loss": (0.5, 0.45), "val_accuracy": (0.83, 0.86)}
    rows = {r.label: r for r in opt.comparison_table({"Adam": [SimpleNamespace(history=h)]})}
    assert opt.format_comparison_table(rows.values(), threshold=0.85) == \
        opt.format_comparison_table(list(rows.values()), threshold=0.85)
