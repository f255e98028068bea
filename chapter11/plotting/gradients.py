"""Gambar untuk halaman gradien: norma gradien dan statistik aktivasi per lapisan."""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import MaxNLocator

from .._validation import check_choice
from ._style import LABELS, comma_formatter, get_ax, next_style

__all__ = ["plot_gradient_norms", "plot_activation_stats"]


def plot_gradient_norms(report, ax=None, *, log_scale: bool = True, **line_kwargs):
    """Gambar norma gradien per lapisan Dense dari sebuah ``GradientNormReport``.

    Args:
        report: hasil ``measure_gradient_norms``.
        ax: Axes tujuan; bila ``None`` dibuat yang baru. Panggil lagi dengan ``ax`` yang sama
            untuk menumpuk beberapa konfigurasi.
        log_scale: sumbu y logaritmik (bawaan), perlu bila norma berbeda banyak orde.
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
    x = np.arange(1, len(report.norms) + 1)
    ax.plot(x, report.norms, **style)
    if log_scale:
        ax.set_yscale("log")
    ax.set_xlabel(LABELS["layer"])
    ax.set_ylabel(LABELS["grad_norm_log"] if log_scale else LABELS["grad_norm"])
    ticks = x if len(x) <= 12 else x[:: max(1, len(x) // 10)]
    ax.set_xticks(ticks)
    ax.set_xticklabels(
        [str(t) if t < len(x) else "out" for t in ticks]
    )
    if report.label:
        ax.legend()
    return ax


_STATS = {"std": ("stds", "act_std"), "mean": ("means", "act_mean"),
          "saturated": ("saturated", "saturated")}


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
        'Pecahan unit jenuh'
    """
    check_choice("stat", stat, tuple(_STATS))
    attribute, label_key = _STATS[stat]
    ax = get_ax(ax)
    values = getattr(report, attribute)
    style = {**next_style(ax), "label": report.label, **line_kwargs}
    ax.plot(np.arange(1, len(values) + 1), values, **style)
    ax.set_xlabel(LABELS["layer"])
    ax.set_ylabel(LABELS[label_key])
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    comma_formatter(ax, "y")
    if report.label:
        ax.legend()
    return ax
