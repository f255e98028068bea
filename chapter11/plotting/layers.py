"""Gambar per lapisan: norma gradien, statistik keluaran, unit mati, sinyal lintas benih.

Semua gambar ini menggambar laporan dari inti pengukuran (:mod:`chapter11.gradients`,
:mod:`chapter11.layer_stats`, :mod:`chapter11.propagation`) dengan sumbu x yang sama: nomor
lapisan tersembunyi, 1 = paling dekat lapisan masukan.
"""

from __future__ import annotations

import warnings

import numpy as np

from .._validation import check_bool, check_choice, check_report, check_report_list
from ._style import COLORS, MARKERS, get_ax, next_style
from .labels import set_axis_labels

__all__ = ["plot_gradient_norms", "plot_layer_stats", "plot_dead_units", "plot_signal_depth"]

# stat → (atribut laporan, kunci label linear, kunci label log, skala, skala log yang dipakai)
_STATS = {
    "std": ("stds", "act_std", "act_std_log", 1.0, "log"),
    "mean": ("means", "act_mean", "act_mean_symlog", 1.0, "symlog"),
    "saturated": ("saturated", "saturated_pct", None, 100.0, None),
    "inactive": ("inactive", "inactive_pct", None, 100.0, None),
    "grad_norm": ("grad_norms", "grad_norm", "grad_norm_log", 1.0, "log"),
}
_DEAD_STATS = {"dead": "dead_pct", "never_positive": "never_positive_pct"}
_HATCHES = ("", "//", "..", "xx", "\\\\", "oo")


def _layer_ticks(n_layers: int) -> np.ndarray:
    """Tik nomor lapisan: semua bila sedikit, selain itu 1, kelipatan yang rapi, dan terakhir.

    Example:
        >>> _layer_ticks(20).tolist(), _layer_ticks(50).tolist()
        ([1, 5, 10, 15, 20], [1, 10, 20, 30, 40, 50])
    """
    if n_layers <= 12:
        return np.arange(1, n_layers + 1)
    step = next(s for s in (5, 10, 20, 25, 50, 100) if n_layers / s <= 6)
    return np.unique(np.r_[1, np.arange(step, n_layers + 1, step), n_layers])


def _layer_axis(ax, n_layers):
    ticks = _layer_ticks(n_layers)
    ax.set_xticks(ticks)
    ax.set_xticklabels([str(t) for t in ticks])


def plot_gradient_norms(report, ax=None, *, log_scale: bool = True, include_output: bool = False,
                        **line_kwargs):
    """Gambar norma gradien per lapisan Dense dari sebuah ``GradientNormReport``.

    Args:
        report: hasil :func:`chapter11.gradients.measure_gradient_norms`.
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
        >>> ax.get_lines()[0].get_ydata().tolist(), ax.get_yscale()
        ([1e-06, 0.001], 'log')
    """
    check_report("report", report, ("norms", "hidden_norms", "label"),
                 "GradientNormReport (hasil measure_gradient_norms)")
    check_bool("log_scale", log_scale)
    check_bool("include_output", include_output)
    ax = get_ax(ax)
    style = {**next_style(ax), "label": report.label, **line_kwargs}
    norms = report.norms if include_output else report.hidden_norms
    x = np.arange(1, len(norms) + 1)
    ax.plot(x, norms, **style)
    if log_scale:
        ax.set_yscale("log")
    set_axis_labels(ax, x="layer" if include_output else "hidden_layer",
                    y="grad_norm_log" if log_scale else "grad_norm")
    ticks = _layer_ticks(len(x))
    ax.set_xticks(ticks)
    n_hidden = len(report.hidden_norms)
    ax.set_xticklabels([str(t) if t <= n_hidden else "kel." for t in ticks])
    if report.label:
        ax.legend()
    return ax


def _scale_axis(ax, scale):
    if scale == "log":
        ax.set_yscale("log")
    elif scale == "symlog":
        ax.set_yscale("symlog", linthresh=1.0)


def plot_layer_stats(report, ax=None, *, stat: str = "std", log_scale: bool = False,
                     **line_kwargs):
    """Gambar satu statistik keluaran per lapisan tersembunyi dari ``LayerStatsReport``.

    Args:
        report: hasil :func:`chapter11.layer_stats.measure_layer_stats`.
        ax: Axes tujuan atau ``None``; panggil lagi dengan ``ax`` yang sama untuk menumpuk.
        stat: ``"std"`` (simpangan baku), ``"mean"`` (rata-rata), ``"saturated"`` (keluaran
            jenuh, %) atau ``"inactive"`` (keluaran tidak aktif, %).
        log_scale: sumbu y logaritmik (``"std"``) atau log simetris — linear di [−1, 1],
            logaritmik di luarnya (``"mean"``, yang bisa negatif); tidak untuk persen.
        **line_kwargs: diteruskan ke ``ax.plot``.

    Returns:
        Axes yang digambari.

    Raises:
        ValueError: ``stat`` tak dikenal, atau skala log untuk persen.

    Example:
        >>> import numpy as np
        >>> from chapter11.layer_stats import LayerStatsReport
        >>> r = LayerStatsReport(("a", "b"), np.array([4, 4]), np.zeros(2), np.ones(2),
        ...                      np.array([0.0, 0.5]), np.zeros(2), np.zeros(2), np.zeros(2),
        ...                      8, "uji")
        >>> ax = plot_layer_stats(r, stat="saturated")
        >>> ax.get_lines()[0].get_ydata().tolist(), ax.get_ylabel()
        ([0.0, 50.0], 'Keluaran jenuh (%)')
    """
    check_choice("stat", stat, ("std", "mean", "saturated", "inactive"))
    attribute, label_key, log_key, scale, log_axis = _STATS[stat]
    # Hanya atribut statistik yang digambar: laporan lain yang memuatnya (mis.
    # DropoutProfileReport untuk "std" dan "mean") juga dapat digambar.
    check_report("report", report, (attribute, "label"),
                 "LayerStatsReport (hasil measure_layer_stats)")
    check_bool("log_scale", log_scale)
    if log_scale and log_key is None:
        raise ValueError(f"Skala log hanya untuk stat 'std' dan 'mean'. Diterima: stat={stat!r}.")
    ax = get_ax(ax)
    values = scale * np.asarray(getattr(report, attribute), dtype=np.float64)
    depth = np.arange(1, len(values) + 1)
    style = {**next_style(ax), "label": report.label,
             "markevery": max(1, len(values) // 10), **line_kwargs}
    ax.plot(depth, values, **style)
    if log_scale:
        _scale_axis(ax, log_axis)
    _layer_axis(ax, len(values))
    set_axis_labels(ax, x="hidden_layer", y=log_key if log_scale else label_key)
    if report.label:
        ax.legend()
    return ax


def _group_by_label(reports):
    groups: dict[str, list] = {}
    for report in reports:
        groups.setdefault(report.label, []).append(report)
    return groups


def plot_dead_units(reports, ax=None, *, stat: str = "dead"):
    """Gambar persentase unit mati per lapisan tersembunyi, per konfigurasi, dengan benihnya.

    Laporan berlabel sama dianggap benih-benih dari satu konfigurasi: batangnya rata-rata
    antarbenih, titik-titiknya nilai tiap benih. Konfigurasi dibedakan warna, arsiran, dan
    penanda.

    Args:
        reports: urutan ``LayerStatsReport`` (dari
            :func:`chapter11.layer_stats.measure_layer_stats`) dengan lapisan yang sama.
        ax: Axes tujuan atau ``None``.
        stat: ``"dead"`` (tidak aktif untuk semua contoh) atau ``"never_positive"`` (``z <= 0``
            untuk semua contoh; untuk Leaky ReLU unit seperti itu tetap menerima gradien).

    Returns:
        Axes yang digambari.

    Raises:
        ValueError: ``reports`` kosong, ``stat`` tak dikenal, atau lapisan yang berbeda.

    Example:
        >>> import numpy as np
        >>> from chapter11.layer_stats import LayerStatsReport
        >>> def rep(label, dead):
        ...     z = np.zeros(2)
        ...     return LayerStatsReport(("dense_1", "dense_2"), np.array([300, 100]), z, z, z,
        ...                             z, np.array(dead), np.array(dead), 100, label)
        >>> ax = plot_dead_units([rep("A", [0.1, 0.0]), rep("A", [0.3, 0.0]), rep("B", [0, 0])])
        >>> [round(float(p.get_height()), 1) for p in ax.patches]
        [20.0, 0.0, 0.0, 0.0]
        >>> [t.get_text() for t in ax.get_legend().get_texts()]
        ['A', 'B']
    """
    check_report_list("reports", reports, ("dead", "never_positive", "label"),
                      "LayerStatsReport (hasil measure_layer_stats)")
    check_choice("stat", stat, tuple(_DEAD_STATS))
    reports = list(reports)
    if not reports:
        raise ValueError("Argumen `reports` tidak boleh kosong. Diterima: reports=[].")
    layer_names = reports[0].layer_names
    if any(r.layer_names != layer_names for r in reports):
        raise ValueError("Semua laporan harus berasal dari model dengan lapisan yang sama. "
                         f"Diterima: {sorted({r.layer_names for r in reports})}.")
    groups = _group_by_label(reports)
    ax = get_ax(ax)
    width = 0.8 / len(groups)
    positions = np.arange(len(layer_names))
    for g, (label, members) in enumerate(groups.items()):
        values = 100 * np.array([getattr(r, stat) for r in members])  # (benih, lapisan)
        x = positions - 0.4 + width * (g + 0.5)
        color = COLORS[g % len(COLORS)]
        ax.bar(x, values.mean(axis=0), width=width * 0.9, color=color, alpha=0.45,
               edgecolor=color, hatch=_HATCHES[g % len(_HATCHES)], label=label or None)
        offsets = np.linspace(-0.25, 0.25, len(members)) * width if len(members) > 1 else [0.0]
        for offset, seed_values in zip(offsets, values):
            ax.scatter(x + offset, seed_values, color=color, marker=MARKERS[g % len(MARKERS)],
                       s=30, edgecolor="0.15", linewidth=0.6, zorder=3)
    ax.set_xticks(positions)
    ax.set_xticklabels([f"{i + 1}\n({int(n)} unit)" for i, n in enumerate(reports[0].n_units)])
    set_axis_labels(ax, x="hidden_layer", y=_DEAD_STATS[stat])
    top = max(ax.get_ylim()[1], 1.0)
    ax.set_ylim(-0.03 * top, top)  # titik bernilai 0 tetap terlihat utuh
    if any(groups):
        ax.legend()
    return ax


def plot_signal_depth(report, ax=None, *, quantity: str = "std", log_scale: bool = True,
                      **line_kwargs):
    """Median antarbenih satu besaran per lapisan tersembunyi, dengan pita rentang min–maks.

    Nilai nol (mis. gradien yang jatuh di bawah batas ``float32``) tidak dapat digambar pada
    skala log: garisnya terputus di sana.

    Args:
        report: ``SignalPropagationReport`` (dari
            :func:`chapter11.propagation.measure_signal_propagation`).
        ax: Axes tujuan atau ``None``; panggil lagi dengan ``ax`` yang sama untuk menumpuk.
        quantity: ``"std"`` (simpangan baku keluaran, sinyal maju), ``"grad_norm"`` (norma
            gradien kernel, sinyal mundur), ``"saturated"`` atau ``"inactive"`` (% keluaran).
        log_scale: sumbu y logaritmik (hanya ``"std"`` dan ``"grad_norm"``).
        **line_kwargs: diteruskan ke ``ax.plot``.

    Returns:
        Axes yang digambari.

    Example:
        >>> import numpy as np
        >>> from chapter11.propagation import SignalPropagationReport
        >>> stds = np.array([[1.0, 0.5, 0.25], [1.0, 0.6, 0.3]])
        >>> z = np.zeros((2, 3))
        >>> r = SignalPropagationReport("uji", "relu", (0, 1), stds, z, z, stds, np.ones(2))
        >>> ax = plot_signal_depth(r)
        >>> ax.get_lines()[0].get_ydata().tolist(), ax.get_yscale()
        ([1.0, 0.55, 0.275], 'log')
    """
    check_report("report", report, ("stds", "grad_norms", "seeds", "label"),
                 "SignalPropagationReport (hasil measure_signal_propagation)")
    check_choice("quantity", quantity, ("std", "grad_norm", "saturated", "inactive"))
    check_bool("log_scale", log_scale)
    attribute, label_key, log_key, scale, _ = _STATS[quantity]
    if log_scale and log_key is None:
        log_scale = False  # persen: selalu linear
    values = scale * np.asarray(getattr(report, attribute), dtype=np.float64)
    values = np.where(values > 0, values, np.nan) if log_scale else values
    ax = get_ax(ax)
    layers = np.arange(1, values.shape[1] + 1)
    style = {**next_style(ax), "label": report.label,
             "markevery": max(1, len(layers) // 10), **line_kwargs}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # kolom yang seluruhnya nol
        median = np.nanmedian(values, axis=0)
        low, high = np.nanmin(values, axis=0), np.nanmax(values, axis=0)
    (line,) = ax.plot(layers, median, **style)
    if values.shape[0] > 1:
        ax.fill_between(layers, low, high, color=line.get_color(), alpha=0.15, linewidth=0)
    if log_scale:
        ax.set_yscale("log")
    _layer_axis(ax, len(layers))
    set_axis_labels(ax, x="hidden_layer", y=log_key if log_scale else label_key)
    if report.label:
        ax.legend()
    return ax


def _samples():
    """Masukan contoh untuk tes label gambar: ``{nama fungsi: [(args, kwargs), …]}``."""
    from ..gradients import GradientNormReport
    from ..layer_stats import LayerStatsReport
    from ..propagation import SignalPropagationReport

    norms = GradientNormReport(tuple(f"d{i}" for i in range(21)), np.geomspace(1e-9, 1.0, 21),
                               2.3, "sigmoid + Glorot")
    n = 30
    stats = LayerStatsReport(tuple(f"d{i}" for i in range(n)), np.full(n, 100),
                             np.linspace(-0.4, 3.0, n), np.geomspace(0.5, 40.0, n),
                             np.linspace(0, 0.6, n), np.linspace(0.5, 0.4, n), np.zeros(n),
                             np.zeros(n), 256, "SELU")

    def dead(label, values):
        z = np.zeros(2)
        return LayerStatsReport(("dense_1", "dense_2"), np.array([300, 100]), z, z, z, z,
                                np.array(values), np.array(values), 500, label)

    stds = np.geomspace(1.0, 1e-3, 12)[None, :] * np.array([[1.0], [1.3]])
    frac = np.linspace(0, 0.5, 12)[None, :] * np.array([[1.0], [0.8]])
    signal = SignalPropagationReport("Glorot", "relu", (0, 1), stds, frac, frac, stds,
                                     np.ones(2))
    return {
        "plot_gradient_norms": [((norms,), {}), ((norms,), {"log_scale": False}),
                                ((norms,), {"include_output": True})],
        "plot_layer_stats": [((stats,), {"stat": s, "log_scale": log})
                             for s in ("std", "mean", "saturated", "inactive")
                             for log in ((False, True) if s in ("std", "mean") else (False,))],
        "plot_dead_units": [(([dead("A", [0.01, 0.45]), dead("A", [0.0, 0.6]),
                               dead("B", [0.0, 0.0])],), {"stat": s}) for s in _DEAD_STATS],
        "plot_signal_depth": [((signal,), {"quantity": q, "log_scale": log})
                              for q in ("std", "grad_norm", "saturated", "inactive")
                              for log in (True, False)],
    }
