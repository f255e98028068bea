"""Uji gambar halaman Batch Normalization pada laporan yang dibangun dengan tangan."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from chapter11.normalization import (  # noqa: E402
    BatchSizeReport,
    BNModesReport,
    MovingAverageLagReport,
)
from chapter11.plotting.batchnorm import (  # noqa: E402
    BN_LABELS,
    plot_batch_size_effect,
    plot_bn_mode_histograms,
    plot_moving_average_lag,
    plot_moving_statistics,
)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _modes(momentum=0.9, steps=50, floor=1e-2):
    t = np.arange(1, steps + 1)
    error = np.maximum(momentum ** t, floor)
    rng = np.random.default_rng(0)
    return BNModesReport(
        momentum=momentum, batch_size=32, steps=t, mean_error=error, variance_error=error / 2,
        output_gap=error / 3, train_output=rng.normal(size=1000),
        inference_initial=rng.random(1000), inference_final=rng.normal(size=1000) + 0.01,
        label="",
    )


def test_mode_histograms_draw_three_labelled_series_on_log_scale():
    ax = plot_bn_mode_histograms(_modes(steps=40))
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["mode pelatihan (statistik batch)",
                      "mode inferensi, sebelum langkah pertama",
                      "mode inferensi, sesudah 40 langkah"]
    assert len(ax.patches) == 3
    assert ax.get_yscale() == "log"
    assert ax.get_xlabel() == BN_LABELS["bn_output"]
    # Garis dibedakan warna dan gaya.
    assert len({p.get_edgecolor() for p in ax.patches}) == 3
    assert len({p.get_linestyle() for p in ax.patches}) == 3


def test_mode_histograms_clip_values_outside_the_range():
    report = _modes()
    report = BNModesReport(**{**report.__dict__, "train_output": np.full(10, 100.0)})
    ax = plot_bn_mode_histograms(report, value_range=(-1.0, 1.0), bins=4)
    xy = ax.patches[0].get_xy()
    assert xy[:, 0].max() == pytest.approx(1.0)  # nilai 100 dijepit ke tepi kanan


@pytest.mark.parametrize("stat,key", [("mean", "mean_error"), ("variance", "variance_error"),
                                      ("gap", "gap")])
def test_moving_statistics_labels_and_data(stat, key):
    report = _modes()
    ax = plot_moving_statistics(report, stat=stat)
    line = ax.get_lines()[0]
    attribute = {"mean": "mean_error", "variance": "variance_error", "gap": "output_gap"}[stat]
    np.testing.assert_allclose(line.get_ydata(), getattr(report, attribute))
    assert line.get_label() == "momentum = 0,9"
    assert ax.get_ylabel() == BN_LABELS[key]
    assert ax.get_yscale() == "log"
    assert len(ax.get_lines()) == (1 if stat == "gap" else 2)


def test_theory_line_is_momentum_power_and_stops_at_the_noise_floor():
    report = _modes(momentum=0.9, steps=100, floor=1e-2)
    ax = plot_moving_statistics(report, stat="mean")
    theory = ax.get_lines()[1]
    assert theory.get_label() == "teori: 0,9ᵗ"
    np.testing.assert_allclose(theory.get_ydata(), 0.9 ** theory.get_xdata())
    assert theory.get_ydata().min() >= 0.5 * report.mean_error.min()
    assert theory.get_color() == ax.get_lines()[0].get_color()


def test_moving_statistics_overlay_gets_distinct_styles():
    ax = plot_moving_statistics(_modes(0.99))
    plot_moving_statistics(_modes(0.9), ax=ax)
    main = [line for line in ax.get_lines() if line.get_label().startswith("momentum")]
    assert len(main) == 2
    assert main[0].get_color() != main[1].get_color()
    assert main[0].get_linestyle() != main[1].get_linestyle()


def test_moving_statistics_rejects_unknown_stat():
    with pytest.raises(ValueError, match="Argumen `stat`"):
        plot_moving_statistics(_modes(), stat="median")


def test_batch_size_effect_plot():
    report = BatchSizeReport((1, 2, 8, 32), (0.1, 0.3, 0.7, 0.8), 0.81, 64)
    ax = plot_batch_size_effect(report)
    lines = ax.get_lines()
    np.testing.assert_allclose(lines[0].get_xdata(), [1, 2, 8, 32])
    np.testing.assert_allclose(lines[1].get_ydata(), [0.81, 0.81])
    np.testing.assert_allclose(lines[2].get_ydata(), [0.1, 0.1])
    assert ax.get_xscale() == "log"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1", "2", "8", "32"]
    assert ax.get_xlabel() == BN_LABELS["batch_size"]
    assert len(plot_batch_size_effect(report, chance=None).get_lines()) == 2


def test_moving_average_lag_plot():
    report = MovingAverageLagReport((0, 100, 300, 1000), (0.1, 0.1, 0.6, 0.8), 0.82, 0.99)
    ax = plot_moving_average_lag(report, steps_per_epoch=125)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["mode inferensi (momentum 0,99)", "mode pelatihan (statistik batch)",
                      "tebakan acak", "akhir epoch pertama"]
    np.testing.assert_allclose(ax.get_lines()[-1].get_xdata(), [125, 125])
    assert ax.get_ylim() == (0, 1)
    assert len(plot_moving_average_lag(report, chance=None).get_lines()) == 2
