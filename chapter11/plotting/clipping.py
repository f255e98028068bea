"""Gambar halaman *gradient clipping*: norma per variabel, sudut, dan *loss* per langkah."""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import MaxNLocator

from .._validation import (check_bool, check_color, check_int, check_limit, check_linestyle,
                           check_report, check_report_list, check_text)
from ._style import COLORS, LINESTYLES, MARKERS, get_ax
from .labels import comma_number, register_labels, set_axis_labels

__all__ = ["plot_clipping_norms", "plot_clipping_angles", "plot_run_step_losses"]

register_labels({
    "clip_variable": "Variabel (kernel dan bias, dari masukan ke keluaran)",
    "clip_norm_log": "Norma gradien variabel (skala log)",
    "clip_angle": "Sudut terhadap gradien asli (derajat)",
    "clip_method": "Argumen optimizer",
    "batch_loss": r"$\mathit{Loss}$ $\mathit{batch}$",
    "batch_loss_log": r"$\mathit{Loss}$ $\mathit{batch}$ (skala log)",
})

_SERIES = (("asli (tanpa pemotongan)", None), ("clipvalue", "clipvalue"),
           ("clipnorm", "clipnorm"), ("global_clipnorm", "global_clipnorm"))


def _comma(value) -> str:
    return comma_number(f"{value:g}")


def plot_clipping_norms(report, ax=None, *, legend: bool = True):
    """Norma gradien setiap variabel sebelum dan sesudah ketiga cara pemotongan (skala log).

    Args:
        report: :class:`chapter11.clipping.ClippingReport`.
        ax: Axes tujuan atau ``None``.
        legend: tampilkan legenda.

    Returns:
        Axes yang digambari.

    Example:
        >>> from chapter11.clipping import compare_clipping
        >>> r = compare_clipping([np.array([3.0, 4.0]), np.array([0.5])], ["w", "b"])
        >>> ax = plot_clipping_norms(r)
        >>> ax.get_lines()[2].get_ydata().tolist()       # clipnorm=1: [min(5, 1), min(0,5, 1)]
        [1.0, 0.5]
    """
    check_report("report", report,
                 ("variable_names", "original_norms", "clipped_norms", "thresholds"),
                 "ClippingReport (hasil compare_clipping)")
    check_bool("legend", legend)
    ax = get_ax(ax)
    x = np.arange(1, len(report.variable_names) + 1)
    for i, (label, method) in enumerate(_SERIES):
        norms = report.original_norms if method is None else report.clipped_norms[method]
        if method is not None:
            label = f"{label}={_comma(report.thresholds[method])}"
        ax.plot(x, norms, color=COLORS[i], linestyle=LINESTYLES[i], marker=MARKERS[i],
                markersize=4 if i else 5, label=label)
    ax.set_yscale("log")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    set_axis_labels(ax, x="clip_variable", y="clip_norm_log")
    if legend:
        ax.legend(fontsize=9)
    return ax


def plot_clipping_angles(report, ax=None):
    """Sudut antara gradien utuh asli dan gradien sesudah dipotong, satu batang per cara.

    Example:
        >>> from chapter11.clipping import compare_clipping
        >>> r = compare_clipping([np.array([0.9]), np.array([100.0])])
        >>> ax = plot_clipping_angles(r)
        >>> [round(float(p.get_width()), 1) for p in ax.patches]
        [41.5, 41.5, 0.0]
    """
    check_report("report", report, ("angles", "variable_angles"),
                 "ClippingReport (hasil compare_clipping)")
    ax = get_ax(ax)
    methods = [m for _, m in _SERIES if m is not None]
    angles = [report.angles[m] for m in methods]
    y = np.arange(len(methods))[::-1]
    ax.barh(y, angles, color=[COLORS[i + 1] for i in range(len(methods))], height=0.6)
    for yi, angle in zip(y, angles):
        ax.text(angle + 1, yi, f"{_comma(round(angle, 1))}°", va="center", fontsize=9)
    ax.set_yticks(y)
    ax.set_yticklabels(methods)
    ax.set_xlim(0, max(90.0, max(angles) * 1.15))
    ax.grid(axis="y", visible=False)
    set_axis_labels(ax, x="clip_angle", y="clip_method")
    return ax


def plot_run_step_losses(results, ax=None, *, label: str | None = None, color=None,
                     linestyle="-", log: bool = True, smooth: int | None = None,
                     legend: bool = True):
    """*Loss* setiap langkah pelatihan, satu garis tipis per hasil (per benih).

    Nilai yang tidak dapat dipercaya (:func:`chapter11.clipping.reliable_step_losses`) tidak
    digambar (garisnya terputus). Bila *loss* sebuah pelatihan menjadi NaN atau tak berhingga,
    garisnya berhenti di langkah itu dan nilai terakhirnya ditandai ``×``.

    Args:
        results: satu ``RunResult`` atau urutannya (dengan ``steps["loss"]``, mis. dari
            ``Phase(record_steps=True)``).
        ax: Axes tujuan atau ``None``; panggil lagi untuk menumpuk konfigurasi lain.
        label: label legenda (bawaan: label hasil pertama).
        color: warna garis (bawaan: warna berikutnya di Axes ini).
        linestyle: gaya garis.
        log: sumbu *loss* berskala log (``False``: linear, mis. untuk memperbesar bagian bawah
            dengan ``ax.set_ylim``).
        smooth: bila diberikan, garis per langkah digambar pudar dan rata-rata bergeraknya
            (jendela ``smooth`` langkah) digambar tebal di atasnya.
        legend: tampilkan legenda.

    Returns:
        Axes yang digambari.

    Example:
        >>> from types import SimpleNamespace
        >>> r = SimpleNamespace(label="uji", steps={"loss": (2.3, 5.0, float("nan"), float("nan"))})
        >>> ax = plot_run_step_losses([r])
        >>> ax.get_lines()[0].get_ydata().tolist(), ax.get_lines()[1].get_xdata().tolist()
        ([2.3, 5.0], [2])
    """
    check_report_list("results", results, ("steps",), "RunResult (hasil run)")
    if label is not None:
        check_text("label", label)
    check_color("color", color)
    check_linestyle("linestyle", linestyle)
    check_bool("log", log)
    if smooth is not None:
        check_limit("smooth", check_int("smooth", smooth, minimum=1), "steps")
    check_bool("legend", legend)
    from ..clipping import reliable_step_losses

    if not isinstance(results, (list, tuple)):
        results = [results]
    if not results:
        raise ValueError("Argumen `results` tidak boleh kosong.")
    ax = get_ax(ax)
    if color is None:  # warna pertama yang belum dipakai di Axes ini
        used = {line.get_color() for line in ax.get_lines()}
        color = next((c for c in COLORS if c not in used), COLORS[0])
    label = results[0].label if label is None else label
    for i, result in enumerate(results):
        raw = np.asarray(result.steps["loss"], dtype=float)
        if raw.size == 0:
            raise ValueError("Hasil tanpa catatan per langkah: latih dengan "
                             "Phase(record_steps=True).")
        epochs = sum(getattr(result, "phase_epochs", (1,))) or 1
        loss = reliable_step_losses(raw, max(1, raw.size // epochs))
        bad = ~np.isfinite(raw)
        end = int(np.argmax(bad)) if bad.any() else raw.size
        steps = np.arange(1, end + 1)
        faded = smooth is not None and np.all(np.isfinite(loss))
        ax.plot(steps, loss[:end], color=color, linestyle=linestyle, linewidth=1.0,
                alpha=0.3 if faded else 0.85,
                label=label if i == 0 and not faded else None)
        if faded:
            window = min(int(smooth), loss.size)
            mean = np.convolve(loss, np.ones(window) / window, mode="valid")
            ax.plot(np.arange(window, loss.size + 1), mean, color=color, linestyle=linestyle,
                    linewidth=2.0, label=label if i == 0 else None)
        if bad.any() and end > 0:
            ax.plot([end], [loss[end - 1]], color=color, marker="x", markersize=9,
                    markeredgewidth=2, linestyle="none")
    if log:
        ax.set_yscale("log")
    set_axis_labels(ax, x="step", y="batch_loss_log" if log else "batch_loss")
    if legend and label:
        ax.legend(fontsize=9)
    return ax


def _samples():
    """Masukan contoh untuk tes label gambar: ``{nama fungsi: [(args, kwargs), …]}``."""
    from types import SimpleNamespace

    from ..clipping import compare_clipping

    rng = np.random.default_rng(0)
    grads = [rng.normal(0, s, size=(8, 4)) for s in (50.0, 5.0, 0.5)] + [rng.normal(0, 0.1, 4)]
    report = compare_clipping(grads, ["d1/kernel", "d2/kernel", "d3/kernel", "d3/bias"])
    nan = float("nan")
    diverged = SimpleNamespace(label="tanpa pemotongan", steps={"loss": (2.3, 4.0, 80.0, nan, nan)})
    clipped = SimpleNamespace(label="clipnorm=1", steps={"loss": (2.3, 1.9, 1.5, 1.2, 1.0)})
    return {
        "plot_clipping_norms": [((report,), {})],
        "plot_clipping_angles": [((report,), {})],
        "plot_run_step_losses": [(([diverged, diverged],), {}), ((clipped,), {"linestyle": "--"}),
                             ((clipped,), {"log": False, "smooth": 2})],
    }
