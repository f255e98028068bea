"""Tes gambar halaman aktivasi: yang digambar diperiksa terhadap data masukannya."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from chapter11.activations import elu, relu, relu_derivative  # noqa: E402
from chapter11.layer_stats import LayerStatsReport  # noqa: E402
from chapter11.plotting.activations import plot_activation, plot_activation_grid  # noqa: E402
from chapter11.plotting.layers import plot_dead_units, plot_layer_stats  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _labelled(ax):
    return [line for line in ax.get_lines() if not line.get_label().startswith("_")]


def _dead(label, dead, layers=("dense_1", "dense_2"), units=(300, 100)):
    dead = np.asarray(dead, dtype=float)
    z = np.zeros_like(dead)
    return LayerStatsReport(tuple(layers), np.array(units), z, z, z, z, dead, dead, 100, label)


def _profile(label, means, stds):
    n = len(means)
    z = np.zeros(n)
    return LayerStatsReport(tuple(f"d{i}" for i in range(n)), np.full(n, 100), np.asarray(means),
                            np.asarray(stds), z, z, z, z, 256, label)


def test_plot_activation_draws_function_and_derivative():
    z = np.linspace(-3, 3, 61)
    ax = plot_activation("relu", z=z)
    function, derivative = _labelled(ax)
    np.testing.assert_allclose(function.get_ydata(), relu(z))
    np.testing.assert_allclose(derivative.get_ydata(), relu_derivative(z))
    assert derivative.get_linestyle() == "--"
    assert ax.get_ylabel() == "f(z) dan f′(z)"


def test_plot_activation_without_derivative_and_overlay_colours():
    ax = plot_activation("relu", derivative=False)
    plot_activation("elu", ax=ax, derivative=False)
    lines = _labelled(ax)
    assert [line.get_label() for line in lines] == ["ReLU", "ELU"]
    assert lines[0].get_color() != lines[1].get_color()
    assert ax.get_ylabel() == "Keluaran f(z)"


def test_grid_one_panel_per_function_with_shared_limits():
    names = ["relu", "elu", "selu", "gelu"]
    axes = plot_activation_grid(names, ncols=3)
    assert len(axes) == 4
    assert [ax.get_title() for ax in axes] == ["ReLU", "ELU", "SELU", "GELU"]
    assert all(ax.get_ylim() == (-2.0, 4.0) for ax in axes)
    z = _labelled(axes[1])[0].get_xdata()
    np.testing.assert_allclose(_labelled(axes[1])[0].get_ydata(), elu(z))
    # Legenda hanya di panel pertama; panel keenam (tak terpakai) disembunyikan.
    assert axes[0].get_legend() is not None
    assert all(ax.get_legend() is None for ax in axes[1:])
    hidden = [ax for ax in axes[0].figure.axes if not ax.get_visible()]
    assert len(hidden) == 2


def test_grid_accepts_given_axes_and_checks_count():
    _, given = plt.subplots(1, 2)
    axes = plot_activation_grid(["relu", "tanh"], axes=given, ylim=None)
    assert list(axes) == list(given)
    with pytest.raises(ValueError, match="sedikitnya satu Axes"):
        plot_activation_grid(["relu", "tanh", "elu"], axes=given)
    with pytest.raises(ValueError, match="tidak boleh kosong"):
        plot_activation_grid([])
    with pytest.raises(ValueError, match="Argumen `names`"):
        plot_activation_grid(["relux"])


def test_dead_units_bars_are_seed_means_and_points_are_seeds():
    reports = [_dead("A", [0.1, 0.5]), _dead("A", [0.3, 0.7]), _dead("B", [0.0, 0.2])]
    ax = plot_dead_units(reports)
    heights = [round(float(p.get_height()), 6) for p in ax.patches]
    assert heights == [20.0, 60.0, 0.0, 20.0]
    points = np.concatenate([c.get_offsets()[:, 1] for c in ax.collections])
    assert sorted(np.round(points, 6)) == sorted([10.0, 50.0, 30.0, 70.0, 0.0, 20.0])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["A", "B"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1\n(300 unit)", "2\n(100 unit)"]
    assert ax.get_ylim()[0] < 0  # titik bernilai nol tidak terpotong


def test_dead_units_never_positive_stat_and_validation():
    z = np.zeros(1)
    report = LayerStatsReport(("d",), np.array([10]), z, z, z, z, np.array([0.0]),
                              np.array([0.4]), 5, "L")
    ax = plot_dead_units([report], stat="never_positive")
    assert round(float(ax.patches[0].get_height()), 6) == 40.0
    assert "z ≤ 0 untuk semua contoh" in ax.get_ylabel()
    with pytest.raises(ValueError, match="Argumen `stat`"):
        plot_dead_units([report], stat="mati")
    with pytest.raises(ValueError, match="tidak boleh kosong"):
        plot_dead_units([])
    with pytest.raises(ValueError, match="lapisan yang sama"):
        plot_dead_units([report, _dead("X", [0.1, 0.2])])


def test_layer_stats_lines_and_scales():
    report = _profile("SELU", np.linspace(-0.5, 3, 20), np.geomspace(1, 100, 20))
    ax = plot_layer_stats(report, stat="std", log_scale=True)
    np.testing.assert_allclose(ax.get_lines()[0].get_ydata(), report.stds)
    np.testing.assert_allclose(ax.get_lines()[0].get_xdata(), np.arange(1, 21))
    assert ax.get_yscale() == "log" and "skala log" in ax.get_ylabel()
    ax = plot_layer_stats(report, stat="mean", log_scale=True)
    assert ax.get_yscale() == "symlog"
    ax = plot_layer_stats(report, stat="mean")
    np.testing.assert_allclose(ax.get_lines()[0].get_ydata(), report.means)
    assert ax.get_ylabel() == "Rata-rata keluaran"
    assert ax.get_legend().get_texts()[0].get_text() == "SELU"
    with pytest.raises(ValueError, match="Argumen `stat`"):
        plot_layer_stats(report, stat="var")
    with pytest.raises(ValueError, match="Skala log hanya"):
        plot_layer_stats(report, stat="saturated", log_scale=True)


def test_layer_stats_overlay_uses_distinct_styles():
    a = _profile("A", np.zeros(2), np.ones(2))
    b = _profile("B", np.zeros(2), np.ones(2))
    ax = plot_layer_stats(a)
    plot_layer_stats(b, ax=ax)
    first, second = ax.get_lines()
    assert first.get_color() != second.get_color()
    assert first.get_linestyle() != second.get_linestyle()
