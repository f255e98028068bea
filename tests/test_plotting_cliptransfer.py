"""Gambar halaman gradient clipping dan transfer menggambar data yang diberikan, apa adanya."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from chapter11.clipping import compare_clipping  # noqa: E402
from chapter11.paired import PairedGain  # noqa: E402
from chapter11.plotting import (plot_clipping_angles, plot_clipping_norms, plot_gains,  # noqa: E402
                                plot_paired_accuracies, plot_run_step_losses)


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_clipping_norms_and_angles_show_the_report():
    grads = [np.array([30.0, 40.0]), np.array([0.3]), np.array([2.0, 0.0])]
    report = compare_clipping(grads, ["a", "b", "c"], clipvalue=1.0, clipnorm=1.0,
                              global_clipnorm=1.0)
    ax = plot_clipping_norms(report)
    lines = ax.get_lines()
    assert len(lines) == 4 and ax.get_yscale() == "log"
    np.testing.assert_allclose(lines[0].get_ydata(), [50.0, 0.3, 2.0])
    np.testing.assert_allclose(lines[2].get_ydata(), [1.0, 0.3, 1.0])
    ax = plot_clipping_angles(report)
    widths = [p.get_width() for p in ax.patches]
    np.testing.assert_allclose(widths, [report.angles[m] for m in
                                        ("clipvalue", "clipnorm", "global_clipnorm")])


def test_step_losses_stop_at_the_first_nonfinite_step():
    from types import SimpleNamespace
    runs = [SimpleNamespace(label="a", steps={"loss": (2.0, 3.0, 1e9, float("inf"), 1.0)}),
            SimpleNamespace(label="a", steps={"loss": (2.0, 1.5, 1.0)})]
    ax = plot_run_step_losses(runs, log=False)
    first, marker, second = ax.get_lines()
    assert first.get_ydata().tolist() == [2.0, 3.0, 1e9]
    assert marker.get_marker() == "x" and marker.get_xdata().tolist() == [3]
    assert second.get_ydata().tolist() == [2.0, 1.5, 1.0] and ax.get_yscale() == "linear"
    with pytest.raises(ValueError, match="record_steps"):
        plot_run_step_losses([SimpleNamespace(label="b", steps={"loss": ()})])


def test_paired_accuracies_one_line_per_seed_styled_by_direction():
    gain = PairedGain((0, 1, 2), (0.90, 0.92, 0.91), (0.93, 0.90, 0.91), label="B di atas A",
                      baseline_label="B dari nol")
    ax = plot_paired_accuracies(gain)
    pairs = [line for line in ax.get_lines() if len(line.get_xdata()) == 2]
    assert len(pairs) == 3
    styles = [line.get_linestyle() for line in pairs]
    assert styles == ["-", "--", "--"]          # naik, turun, sama
    assert [line.get_ydata().tolist() for line in pairs][0] == [0.90, 0.93]


def test_gains_are_drawn_in_percentage_points_with_reference():
    a = PairedGain((0, 1), (0.90, 0.92), (0.93, 0.90), label="A")
    b = PairedGain((0, 1), (0.90, 0.92), (0.91, 0.92), label="E")
    ax = plot_gains([a, b], reference=2.0, reference_label="Géron")
    from matplotlib.collections import PathCollection
    first, second = [c for c in ax.collections if isinstance(c, PathCollection)]
    np.testing.assert_allclose(sorted(first.get_offsets()[:, 1]), [-2.0, 3.0], atol=1e-9)
    np.testing.assert_allclose(sorted(second.get_offsets()[:, 1]), [0.0, 1.0], atol=1e-9)
    horizontal = [line.get_ydata()[0] for line in ax.get_lines()]
    assert 0.0 in horizontal and 2.0 in horizontal
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["rata-rata (garis pendek)",
                                                                   "Géron"]
    with pytest.raises(TypeError, match="PairedGain"):
        plot_gains([object()])


def test_step_losses_hide_values_lost_to_float32_rounding():
    from types import SimpleNamespace
    # Satu lonjakan 10¹² di epoch pertama; nilai sesudahnya di epoch itu hanya sisa pembulatan.
    run = SimpleNamespace(label="a", phase_epochs=(2,),
                          steps={"loss": (2.0, 1e12, -5e4, 3e4, 2.3, 2.2, 2.3, 2.2)})
    ax = plot_run_step_losses(run)
    (line,) = ax.get_lines()
    y = line.get_ydata()
    assert y[1] == 1e12 and np.isnan(y[2]) and np.isnan(y[3]) and y[4] == 2.3
    ax = plot_run_step_losses(SimpleNamespace(label="b", steps={"loss": (3.0, 2.0, 1.0, 1.0)}),
                          smooth=2, log=False)
    faded, mean = ax.get_lines()
    assert faded.get_alpha() < 0.5 and mean.get_ydata().tolist() == [2.5, 1.5, 1.0]


def test_kernel_norm_bins_accept_edges_and_reject_bad_values():
    from chapter11.plotting import plot_kernel_norms
    from chapter11.regularization import KernelNormReport

    report = KernelNormReport("A", ("d1",), (np.array([0.5, 1.0, 1.5]),), None)
    ax = plot_kernel_norms(report, bins=np.linspace(0, 2, 5))      # batas kelas, seperti halaman
    assert len(ax.patches) == 1
    for bins in ([1.0], [2.0, 1.0], True, 10**12):
        with pytest.raises((TypeError, ValueError), match="`bins`.*Diterima"):
            plot_kernel_norms(report, bins=bins)
    plt.close("all")
