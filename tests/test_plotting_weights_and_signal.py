"""Uji gambar halaman inisialisasi pada hasil yang dibangun dengan tangan (tanpa TensorFlow)."""

import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from chapter11.plotting import _style  # noqa: E402
from chapter11.plotting.layers import plot_signal_depth  # noqa: E402
from chapter11.plotting.weights import (  # noqa: E402
    plot_variance_errors,
    plot_weight_histogram,
    series_style,
)
from chapter11.propagation import SignalPropagationReport  # noqa: E402
from chapter11.weight_variance import WeightVarianceReport  # noqa: E402

FACTOR = 0.87962566103423978


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _weight_report(distribution, *, n=20_000, label="uji", shapes=((200, 100),), errors=None):
    rng = np.random.default_rng(0)
    sigma = 0.05
    if distribution == "uniform":
        limit, s = math.sqrt(3) * sigma, math.nan
        w = rng.uniform(-limit, limit, n)
    else:
        s = sigma / FACTOR
        limit = 2 * s
        w = rng.normal(0, s, 3 * n)
        w = w[np.abs(w) < limit][:n]
    k = len(shapes)
    expected = np.full(k, sigma**2)
    measured = expected * (1 + (np.zeros(k) if errors is None else np.asarray(errors)))
    return WeightVarianceReport(
        label, "x", distribution, tuple(a for a, _ in shapes), tuple(b for _, b in shapes),
        expected, measured, np.zeros(k), np.full(k, np.abs(w).max()), np.full(k, limit),
        np.full(k, s), tuple(w.astype(np.float32) for _ in shapes))


@pytest.mark.parametrize("distribution", ["uniform", "truncated_normal"])
def test_histogram_density_integrates_to_one_and_limits_are_drawn(distribution):
    report = _weight_report(distribution)
    ax = plot_weight_histogram(report)
    lines = {line.get_label(): line for line in ax.get_lines()}
    density = lines["kepadatan teoretis"]
    x, y = density.get_xdata(), density.get_ydata()
    assert np.trapezoid(y, x) == pytest.approx(1.0, abs=0.01)
    limit = report.limits[0]
    vertical = [line.get_xdata()[0] for line in ax.get_lines()
                if line.get_xdata()[0] == line.get_xdata()[-1]]
    assert sorted(vertical) == pytest.approx([-limit, limit])
    heights = np.array([patch.get_height() for patch in ax.patches])
    widths = np.array([patch.get_width() for patch in ax.patches])
    assert np.sum(heights * widths) == pytest.approx(1.0, rel=1e-6)  # histogram kepadatan
    assert ax.get_xlabel() == _style.LABELS["weight"]
    assert "200 → 100" in ax.get_title()


def test_histogram_without_finite_limit_draws_no_bounds():
    report = _weight_report("truncated_normal")
    report = WeightVarianceReport(*[getattr(report, f) for f in (
        "label", "initializer")], "untruncated_normal", report.fan_in, report.fan_out,
        report.expected, report.measured, report.means, report.max_abs,
        np.array([np.inf]), np.array([0.05]), report.kernels)
    ax = plot_weight_histogram(report)
    assert "batas rumus" not in [line.get_label() for line in ax.get_lines()]


def test_histogram_layer_validation():
    with pytest.raises(ValueError, match="layer"):
        plot_weight_histogram(_weight_report("uniform"), layer=1)


def test_variance_errors_points_and_bars():
    shapes = ((784, 300), (100, 10))
    a = _weight_report("uniform", shapes=shapes, errors=[0.01, -0.03], label="A")
    b = _weight_report("truncated_normal", shapes=shapes, errors=[0.0, 0.02], label="B")
    ax = plot_variance_errors([a, b], n_sigma=2.0)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["784 → 300", "100 → 10"]
    containers = ax.containers
    assert len(containers) == 2
    np.testing.assert_allclose(containers[0].lines[0].get_ydata(), [1.0, -3.0])
    # Batang galat: ±2 kali derau relatif, dalam persen.
    segments = containers[0].lines[2][0].get_segments()
    half_lengths = [abs(seg[1][1] - seg[0][1]) / 2 for seg in segments]
    np.testing.assert_allclose(half_lengths, 200 * a.relative_noise)
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["A", "B"]


def test_variance_errors_validation():
    with pytest.raises(ValueError, match="kosong"):
        plot_variance_errors([])
    a = _weight_report("uniform", shapes=((10, 5),))
    b = _weight_report("uniform", shapes=((20, 5),))
    with pytest.raises(ValueError, match="bentuk lapisan"):
        plot_variance_errors([a, b])


def _signal_report(values, label="uji"):
    values = np.asarray(values, dtype=float)
    return SignalPropagationReport(label, "relu", tuple(range(len(values))), values,
                                   np.zeros_like(values), np.zeros_like(values), values,
                                   np.ones(len(values)))


def test_signal_depth_draws_median_and_band():
    report = _signal_report([[1.0, 0.1, 0.01], [3.0, 0.3, 0.03], [2.0, 0.2, 0.02]])
    ax = plot_signal_depth(report, quantity="grad_norm")
    np.testing.assert_allclose(ax.get_lines()[0].get_ydata(), [2.0, 0.2, 0.02])
    assert ax.get_yscale() == "log"
    assert ax.get_ylabel() == _style.LABELS["grad_norm_log"]
    band = ax.collections[0].get_paths()[0].vertices[:, 1]
    assert band.min() == pytest.approx(0.01) and band.max() == pytest.approx(3.0)


def test_signal_depth_masks_zeros_on_log_scale_only():
    report = _signal_report([[0.0, 1.0], [0.0, 2.0]])
    y = plot_signal_depth(report).get_lines()[0].get_ydata()
    assert np.isnan(y[0]) and y[1] == pytest.approx(1.5)
    y_linear = plot_signal_depth(report, log_scale=False).get_lines()[0].get_ydata()
    np.testing.assert_allclose(y_linear, [0.0, 1.5])


def test_signal_depth_overlay_and_style_override():
    ax = plot_signal_depth(_signal_report([[1.0, 2.0]], label="A"))
    plot_signal_depth(_signal_report([[2.0, 4.0]], label="B"), ax=ax, **series_style(4))
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == ["A", "B"]
    assert lines[1].get_color() == _style.COLORS[4]
    assert lines[0].get_color() != lines[1].get_color()
    assert len(ax.collections) == 0  # satu benih: tanpa pita


def test_signal_depth_validation():
    with pytest.raises(ValueError, match="quantity"):
        plot_signal_depth(_signal_report([[1.0]]), quantity="mean")


def test_signal_depth_percent_quantities_are_linear():
    report = _signal_report([[1.0, 1.0], [1.0, 1.0]])
    report = SignalPropagationReport("A", "relu", (0, 1), report.stds,
                                     np.array([[0.1, 0.3], [0.3, 0.5]]), np.zeros((2, 2)),
                                     report.grad_norms, np.ones(2))
    ax = plot_signal_depth(report, quantity="saturated")
    assert ax.get_yscale() == "linear" and ax.get_ylabel() == _style.LABELS["saturated_pct"]
    np.testing.assert_allclose(ax.get_lines()[0].get_ydata(), [20.0, 40.0])


def test_series_style_cycles_palette():
    assert series_style(0) == {"color": _style.COLORS[0], "linestyle": _style.LINESTYLES[0],
                               "marker": _style.MARKERS[0]}
    assert series_style(len(_style.COLORS))["color"] == _style.COLORS[0]
    with pytest.raises(ValueError, match="index"):
        series_style(-1)
