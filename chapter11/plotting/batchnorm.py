"""Gambar halaman *Batch Normalization*: mode pelatihan/inferensi, rata-rata bergerak, batch."""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import FixedLocator, NullLocator

from .._validation import (check_bins, check_bool, check_choice, check_float, check_limit,
                           check_positive_int, check_report, check_value_range)
from ._style import COLORS, MARKERS, get_ax, next_style
from .labels import LABELS, comma_number, set_axis_labels

__all__ = ["plot_bn_mode_histograms", "plot_moving_statistics", "plot_batch_size_effect",
           "plot_moving_average_lag"]

# Label halaman ini ada di tabel bersama (chapter11.plotting.labels); nama lama tetap tersedia.
BN_LABELS = {key: LABELS[key] for key in ("bn_output", "density_log", "step", "mean_error",
                                          "variance_error", "gap", "batch_size", "lag_step")}


def _comma(value) -> str:
    return comma_number(f"{value:g}")


def _check_chance(chance):
    """``None`` atau akurasi tebakan acak di [0, 1]."""
    if chance is not None:
        check_float("chance", chance, minimum=0.0, maximum=1.0)


def plot_bn_mode_histograms(report, ax=None, *, bins=80, value_range=(-3.0, 6.0)):
    """Histogram keluaran satu lapisan BN pada batch penguji dalam tiga keadaan.

    Mode pelatihan (statistik batch), mode inferensi sebelum langkah pertama (rata-rata bergerak
    masih 0 dan 1) dan mode inferensi sesudah langkah terakhir.

    Args:
        report: ``BNModesReport`` dari ``chapter11.normalization.measure_bn_modes``.
        ax: Axes tujuan atau ``None``.
        bins: banyak kelas histogram.
        value_range: rentang nilai yang digambar; nilai di luarnya dijepit ke tepinya.

    Returns:
        Axes yang digambari.

    Example:
        >>> from types import SimpleNamespace
        >>> r = SimpleNamespace(train_output=np.zeros(4), inference_initial=np.ones(4),
        ...                     inference_final=np.zeros(4), steps=np.arange(1, 11))
        >>> [t.get_text() for t in plot_bn_mode_histograms(r).get_legend().get_texts()][2]
        'mode inferensi, sesudah 10 langkah'
    """
    check_report("report", report, ("train_output", "inference_initial", "inference_final"),
                 "BNModesReport (hasil measure_bn_modes)")
    check_bins("bins", bins)
    check_value_range("value_range", value_range, optional=False)
    ax = get_ax(ax)
    series = (
        (report.train_output, "mode pelatihan (statistik batch)"),
        (report.inference_initial, "mode inferensi, sebelum langkah pertama"),
        (report.inference_final, f"mode inferensi, sesudah {len(report.steps)} langkah"),
    )
    for i, (values, label) in enumerate(series):
        ax.hist(np.clip(values, *value_range), bins=bins, range=value_range, density=True,
                histtype="step", linewidth=1.8, color=COLORS[i],
                linestyle=("-", "--", ":")[i], label=label)
    ax.set_yscale("log")
    set_axis_labels(ax, x="bn_output", y="density_log")
    ax.legend()
    return ax


_STATS = {"mean": ("mean_error", "mean_error"), "variance": ("variance_error", "variance_error"),
          "gap": ("output_gap", "gap")}


def plot_moving_statistics(report, ax=None, *, stat="mean", theory=True, **line_kwargs):
    """Gambar seberapa cepat statistik bergerak sebuah lapisan BN mendekati statistik populasi.

    Args:
        report: ``BNModesReport``.
        ax: Axes tujuan atau ``None``; panggil lagi untuk menumpuk momentum lain.
        stat: ``"mean"`` (rata-rata), ``"variance"`` (variansi) atau ``"gap"`` (selisih keluaran).
        theory: tambahkan garis tipis ``momentum^t`` (nilai harapan galat relatif tanpa derau).
        **line_kwargs: diteruskan ke ``ax.plot``.

    Returns:
        Axes yang digambari.

    Example:
        >>> from types import SimpleNamespace
        >>> r = SimpleNamespace(momentum=0.9, steps=np.arange(1, 4), label="",
        ...                     mean_error=np.array([0.9, 0.81, 0.73]))
        >>> ax = plot_moving_statistics(r)
        >>> [line.get_label() for line in ax.get_lines()]
        ['momentum = 0,9', 'teori: 0,9ᵗ']
    """
    check_report("report", report, ("momentum", "steps"),
                 "BNModesReport (hasil measure_bn_modes)")
    check_choice("stat", stat, tuple(_STATS))
    check_bool("theory", theory)
    attribute, label_key = _STATS[stat]
    ax = get_ax(ax)
    style = {**next_style(ax), "marker": None,
             "label": report.label or f"momentum = {_comma(report.momentum)}", **line_kwargs}
    values = getattr(report, attribute)
    (line,) = ax.plot(report.steps, values, **style)
    if theory and stat != "gap":
        expected = report.momentum ** report.steps.astype(float)
        shown = expected >= 0.5 * np.min(values)  # garis teori berhenti di lantai derau
        ax.plot(report.steps[shown], expected[shown], color=line.get_color(), linewidth=0.9,
                linestyle=(0, (1, 1)), label=f"teori: {_comma(report.momentum)}ᵗ")
    ax.set_yscale("log")
    set_axis_labels(ax, x="step", y=label_key)
    ax.legend()
    return ax


def plot_batch_size_effect(report, ax=None, *, chance=0.1):
    """Akurasi model BN terlatih dengan statistik batch, per ukuran batch, vs mode inferensi.

    Args:
        report: ``BatchSizeReport`` dari ``measure_batch_size_effect``.
        ax: Axes tujuan atau ``None``.
        chance: akurasi tebakan acak (garis bantu); ``None`` untuk tidak menggambarnya.

    Returns:
        Axes yang digambari.

    Example:
        >>> from chapter11.normalization import BatchSizeReport
        >>> ax = plot_batch_size_effect(BatchSizeReport((1, 4, 16), (0.1, 0.5, 0.8), 0.82, 64))
        >>> ax.get_lines()[0].get_ydata().tolist()
        [0.1, 0.5, 0.8]
    """
    check_report("report", report, ("batch_sizes", "training_mode_accuracy", "inference_accuracy"),
                 "BatchSizeReport (hasil measure_batch_size_effect)")
    _check_chance(chance)
    ax = get_ax(ax)
    sizes = np.asarray(report.batch_sizes)
    ax.plot(sizes, report.training_mode_accuracy, color=COLORS[0], marker=MARKERS[0],
            label="mode pelatihan (statistik batch itu sendiri)")
    ax.axhline(report.inference_accuracy, color=COLORS[1], linestyle="--",
               label="mode inferensi (rata-rata bergerak)")
    if chance is not None:
        ax.axhline(chance, color=COLORS[6], linestyle=":", linewidth=1.2, label="tebakan acak")
    ax.set_xscale("log", base=2)
    ax.xaxis.set_major_locator(FixedLocator(sizes))
    ax.xaxis.set_minor_locator(NullLocator())
    ax.set_xticklabels([str(s) for s in sizes])
    ax.set_ylim(0, 1)
    set_axis_labels(ax, x="batch_size", y="val_accuracy")
    ax.legend(loc="center right", bbox_to_anchor=(1.0, 0.42))
    return ax


def plot_moving_average_lag(report, ax=None, *, steps_per_epoch=None, chance=0.1):
    """Akurasi mode inferensi per umur rata-rata bergerak (kasus ideal) vs statistik batch.

    Args:
        report: ``MovingAverageLagReport`` dari ``measure_moving_average_lag``.
        ax: Axes tujuan atau ``None``.
        steps_per_epoch: bila diberikan, garis tegak penanda akhir epoch pertama.
        chance: akurasi tebakan acak (garis bantu); ``None`` untuk tidak menggambarnya.

    Returns:
        Axes yang digambari.

    Example:
        >>> from chapter11.normalization import MovingAverageLagReport
        >>> r = MovingAverageLagReport((0, 100, 400), (0.1, 0.1, 0.8), 0.82, 0.99)
        >>> plot_moving_average_lag(r, steps_per_epoch=125).get_lines()[0].get_ydata().tolist()
        [0.1, 0.1, 0.8]
    """
    check_report("report", report, ("steps", "inference_accuracy", "batch_accuracy", "momentum"),
                 "MovingAverageLagReport (hasil measure_moving_average_lag)")
    _check_chance(chance)
    if steps_per_epoch is not None:
        check_limit("steps_per_epoch", check_positive_int("steps_per_epoch", steps_per_epoch),
                    "steps")
    ax = get_ax(ax)
    ax.plot(report.steps, report.inference_accuracy, color=COLORS[0], marker=MARKERS[0],
            label=f"mode inferensi (momentum {_comma(report.momentum)})")
    ax.axhline(report.batch_accuracy, color=COLORS[1], linestyle="--",
               label="mode pelatihan (statistik batch)")
    if chance is not None:
        ax.axhline(chance, color=COLORS[6], linestyle=":", linewidth=1.2, label="tebakan acak")
    if steps_per_epoch is not None:
        ax.axvline(steps_per_epoch, color=COLORS[2], linestyle="-.", linewidth=1.2,
                   label="akhir epoch pertama")
    ax.set_ylim(0, 1)
    set_axis_labels(ax, x="lag_step", y="val_accuracy")
    ax.legend(loc="center right", bbox_to_anchor=(1.0, 0.42))
    return ax


def _samples():
    """Masukan contoh untuk tes label gambar: ``{nama fungsi: [(args, kwargs), …]}``."""
    from ..normalization import BatchSizeReport, BNModesReport, MovingAverageLagReport

    rng = np.random.default_rng(0)
    steps = np.arange(1, 201)
    modes = BNModesReport(0.9, 32, steps, 0.9 ** steps + 0.01, 0.9 ** steps + 0.02,
                          0.5 * 0.9 ** steps + 0.01, rng.normal(size=500),
                          rng.uniform(0, 1, 500), rng.normal(size=500), "")
    return {
        "plot_bn_mode_histograms": [((modes,), {})],
        "plot_moving_statistics": [((modes,), {"stat": s}) for s in _STATS],
        "plot_batch_size_effect": [((BatchSizeReport((1, 4, 16, 64), (0.1, 0.45, 0.8, 0.83),
                                                     0.84, 512),), {})],
        "plot_moving_average_lag": [((MovingAverageLagReport((0, 100, 300, 1000),
                                                             (0.1, 0.12, 0.7, 0.83), 0.84,
                                                             0.99),), {"steps_per_epoch": 94})],
    }
