"""Gambar untuk halaman gradien: norma gradien dan statistik aktivasi per lapisan."""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import MaxNLocator

from .._validation import check_choice
from ._style import get_ax, next_style
from .labels import set_axis_labels

__all__ = ["plot_gradient_norms", "plot_activation_stats"]


def plot_gradient_norms(report, ax=None, *, log_scale: bool = True, include_output: bool = False,
                        **line_kwargs):
    """Gambar norma gradien per lapisan Dense dari sebuah ``GradientNormReport``.

    Args:
        report: hasil ``measure_gradient_norms``.
        ax: Axes tujuan; bila ``None`` dibuat yang baru. Panggil lagi dengan ``ax`` yang sama
            untuk menumpuk beberapa konfigurasi.
        log_scale: sumbu y logaritmik (bawaan), perlu bila norma berbeda banyak orde.
        include_output: gambar juga lapisan keluaran (tik terakhirnya berlabel "kel.");
            bawaannya hanya lapisan tersembunyi.
        **line_kwargs: diteruskan ke ``ax.plot`` (mengganti warna/gaya otomatis).

    Returns:
        Axes yang digambari.

    Example:
        >>> import numpy as np
        >>> from chapter11.gradients import GradientNormReport
        >>> r = GradientNormReport(("d1", "d2", "out"), np.array([1e-6, 1e-3, 1.0]), 2.3, "uji")
        >>> ax = plot_gradient_norms(r)
        >>> ax.get_lines()[0].get_label(), ax.get_yscale()
        ('uji', 'log')
    """
    ax = get_ax(ax)
    style = {**next_style(ax), "label": report.label, **line_kwargs}
    norms = report.norms if include_output else report.hidden_norms
    x = np.arange(1, len(norms) + 1)
    ax.plot(x, norms, **style)
    if log_scale:
        ax.set_yscale("log")
    set_axis_labels(ax, x="layer" if include_output else "hidden_layer",
                    y="grad_norm_log" if log_scale else "grad_norm")
    ticks = x if len(x) <= 12 else np.unique(np.r_[1, x[4::5], x[-1]])
    ax.set_xticks(ticks)
    n_hidden = len(report.hidden_norms)
    ax.set_xticklabels([str(t) if t <= n_hidden else "kel." for t in ticks])
    if report.label:
        ax.legend()
    return ax


_STATS = {"std": ("stds", "act_std", 1), "mean": ("means", "act_mean", 1),
          "saturated": ("saturated", "saturated_pct", 100)}


def plot_activation_stats(report, ax=None, *, stat: str = "std", **line_kwargs):
    """Gambar satu statistik aktivasi per lapisan dari ``ActivationStatsReport``.

    Args:
        report: hasil ``measure_activation_stats``.
        ax: Axes tujuan atau ``None``.
        stat: ``"std"`` (simpangan baku), ``"mean"`` (rata-rata) atau ``"saturated"``
            (pecahan unit jenuh).
        **line_kwargs: diteruskan ke ``ax.plot``.

    Returns:
        Axes yang digambari.

    Example:
        >>> import numpy as np
        >>> from chapter11.gradients import ActivationStatsReport
        >>> r = ActivationStatsReport(("a", "b"), np.zeros(2), np.ones(2), np.zeros(2), "uji")
        >>> plot_activation_stats(r, stat="saturated").get_ylabel()
        'Keluaran jenuh (%)'
    """
    check_choice("stat", stat, tuple(_STATS))
    attribute, label_key, scale = _STATS[stat]
    ax = get_ax(ax)
    values = scale * np.asarray(getattr(report, attribute))
    style = {**next_style(ax), "label": report.label, **line_kwargs}
    ax.plot(np.arange(1, len(values) + 1), values, **style)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    set_axis_labels(ax, x="hidden_layer", y=label_key)
    if report.label:
        ax.legend()
    return ax


def _samples():
    """Masukan contoh untuk tes label gambar: ``{nama fungsi: [(args, kwargs), …]}``."""
    from ..gradients import ActivationStatsReport, GradientNormReport

    norms = GradientNormReport(tuple(f"d{i}" for i in range(21)), np.geomspace(1e-9, 1.0, 21),
                               2.3, "sigmoid + Glorot")
    stats = ActivationStatsReport(("d1", "d2", "d3"), np.array([0.5, 0.52, 0.49]),
                                  np.array([0.2, 0.11, 0.05]), np.array([0.0, 0.25, 0.5]), "A")
    return {
        "plot_gradient_norms": [((norms,), {}), ((norms,), {"log_scale": False}),
                                ((norms,), {"include_output": True})],
        "plot_activation_stats": [((stats,), {"stat": s}) for s in _STATS],
    }
