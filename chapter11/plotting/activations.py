"""Gambar fungsi aktivasi dan turunannya, unit ReLU yang mati, dan profil sinyal per kedalaman."""

from __future__ import annotations

import numpy as np
from matplotlib import pyplot as plt
from matplotlib.ticker import MaxNLocator

from .._validation import check_choice, check_positive_int
from ..activations import get_activation
from ._style import COLORS, MARKERS, get_ax, next_style
from .labels import set_axis_labels

__all__ = ["plot_activation", "plot_activation_grid", "plot_dead_units", "plot_depth_profile"]

_DEAD_STATS = {"dead": "dead_pct", "inactive": "always_negative_pct"}
_PROFILE_LABELS = {("std", False): "act_std", ("std", True): "act_std_log",
                   ("mean", False): "act_mean", ("mean", True): "act_mean_symlog"}
_HATCHES = ("", "//", "..", "xx", "\\\\", "oo")


def plot_activation(name, ax=None, *, derivative: bool = True, z=None, **line_kwargs):
    """Gambar sebuah fungsi aktivasi (garis utuh) dan, bila diminta, turunannya (putus-putus).

    Args:
        name: nama di ``chapter11.activations.ACTIVATIONS`` (mis. ``"sigmoid"``).
        ax: Axes tujuan atau ``None``.
        derivative: gambar juga turunannya.
        z: titik-titik masukan; bawaan 601 titik di [−6, 6].
        **line_kwargs: diteruskan ke ``ax.plot`` untuk kedua garis.

    Returns:
        Axes yang digambari.

    Example:
        >>> ax = plot_activation("sigmoid")
        >>> [line.get_label() for line in ax.get_lines() if not line.get_label().startswith("_")]
        ['Sigmoid (logistik)', 'turunan Sigmoid (logistik)']
    """
    entry = get_activation(name)
    ax = get_ax(ax)
    z = np.linspace(-6, 6, 601) if z is None else np.asarray(z, dtype=float)
    labelled = [line for line in ax.get_lines() if not line.get_label().startswith("_")]
    n = len(labelled) // (2 if derivative else 1)
    color = COLORS[n % len(COLORS)]
    kwargs = {"color": color, **line_kwargs}
    ax.plot(z, entry.function(z), label=entry.label, **kwargs)
    if derivative:
        ax.plot(z, entry.derivative(z), linestyle="--", label=f"turunan {entry.label}", **kwargs)
    ax.axhline(0, color="0.6", linewidth=0.8, zorder=0)
    ax.axvline(0, color="0.6", linewidth=0.8, zorder=0)
    set_axis_labels(ax, x="z", y="f_and_df" if derivative else "f")
    ax.legend()
    return ax


def plot_activation_grid(names, axes=None, *, ncols: int = 3, z=None, ylim=(-2.0, 4.0)):
    """Gambar beberapa aktivasi sebagai *small multiples*: satu panel per fungsi.

    Setiap panel memuat ``f(z)`` (garis utuh) dan ``f′(z)`` (putus-putus) dengan sumbu yang
    sama di semua panel, sehingga bentuknya dapat dibandingkan langsung. Judul panel adalah
    nama fungsinya; legenda hanya di panel pertama.

    Args:
        names: urutan nama di ``chapter11.activations.ACTIVATIONS``.
        axes: array Axes dengan sedikitnya ``len(names)`` elemen, atau ``None`` (dibuat kisi
            ``ncols`` kolom dengan sumbu bersama).
        ncols: banyak kolom kisi bila ``axes`` ``None``.
        z: titik-titik masukan; bawaan 401 titik di [−4, 4].
        ylim: batas sumbu y yang sama untuk semua panel, atau ``None``.

    Returns:
        Array datar Axes yang digambari (sepanjang ``names``).

    Raises:
        ValueError: ``names`` kosong, nama tak dikenal, atau ``axes`` terlalu sedikit.

    Example:
        >>> axes = plot_activation_grid(["relu", "elu"], ncols=2)
        >>> [ax.get_title() for ax in axes]
        ['ReLU', 'ELU']
        >>> [ln.get_label() for ln in axes[0].get_lines() if not ln.get_label().startswith("_")]
        ['f(z)', 'f′(z)']
    """
    entries = [get_activation(name) for name in names]
    if not entries:
        raise ValueError("Argumen `names` tidak boleh kosong. Diterima: names=[].")
    ncols = check_positive_int("ncols", ncols)
    if axes is None:
        ncols = min(ncols, len(entries))
        nrows = -(-len(entries) // ncols)
        _, axes = plt.subplots(nrows, ncols, figsize=(3.1 * ncols, 2.5 * nrows),
                               sharex=True, sharey=True, squeeze=False)
        for extra in np.ravel(axes)[len(entries):]:
            extra.set_visible(False)
    axes = np.ravel(axes)
    if len(axes) < len(entries):
        raise ValueError(
            "Argumen `axes` harus berisi sedikitnya satu Axes per fungsi. "
            f"Diterima: {len(axes)} Axes untuk {len(entries)} fungsi."
        )
    z = np.linspace(-4, 4, 401) if z is None else np.asarray(z, dtype=float)
    for i, (ax, entry) in enumerate(zip(axes, entries)):
        ax.axhline(0, color="0.6", linewidth=0.8, zorder=0)
        ax.axvline(0, color="0.6", linewidth=0.8, zorder=0)
        ax.plot(z, entry.function(z), color=COLORS[0], label="f(z)")
        ax.plot(z, entry.derivative(z), color=COLORS[1], linestyle="--", label="f′(z)")
        ax.set_title(entry.label)
        if ylim is not None:
            ax.set_ylim(*ylim)
        spec = ax.get_subplotspec()
        set_axis_labels(ax, y="f_and_df" if spec is None or spec.is_first_col() else None)
        if spec is None or spec.is_last_row() or i + ncols >= len(entries):
            set_axis_labels(ax, x="z")
            ax.tick_params(labelbottom=True)
        if i == 0:
            ax.legend(loc="upper left")
    return axes[: len(entries)]


def _group_by_label(reports):
    groups: dict[str, list] = {}
    for report in reports:
        groups.setdefault(report.label, []).append(report)
    return groups


def plot_dead_units(reports, ax=None, *, stat: str = "dead"):
    """Gambar persentase unit mati (atau tak pernah aktif) per lapisan, per konfigurasi.

    Laporan berlabel sama dianggap benih-benih dari satu konfigurasi: batangnya rata-rata
    antarbenih, titik-titiknya nilai tiap benih. Konfigurasi dibedakan warna, arsiran, dan
    penanda.

    Args:
        reports: urutan ``DeadUnitsReport`` (dari ``chapter11.units.measure_dead_units``)
            dengan lapisan yang sama.
        ax: Axes tujuan atau ``None``.
        stat: ``"dead"`` (turunan nol untuk semua contoh) atau ``"inactive"`` (``z <= 0``
            untuk semua contoh).

    Returns:
        Axes yang digambari.

    Raises:
        ValueError: ``reports`` kosong, ``stat`` tak dikenal, atau lapisan yang berbeda.

    Example:
        >>> import numpy as np
        >>> from chapter11.units import DeadUnitsReport
        >>> def rep(label, dead):
        ...     return DeadUnitsReport(("dense_1", "dense_2"), np.array([300, 100]),
        ...                            np.array(dead), np.array(dead), 100, label)
        >>> ax = plot_dead_units([rep("A", [0.1, 0.0]), rep("A", [0.3, 0.0]), rep("B", [0, 0])])
        >>> [round(float(p.get_height()), 1) for p in ax.patches]
        [20.0, 0.0, 0.0, 0.0]
        >>> [t.get_text() for t in ax.get_legend().get_texts()]
        ['A', 'B']
    """
    check_choice("stat", stat, tuple(_DEAD_STATS))
    reports = list(reports)
    if not reports:
        raise ValueError("Argumen `reports` tidak boleh kosong.")
    layer_names = reports[0].layer_names
    if any(r.layer_names != layer_names for r in reports):
        raise ValueError("Semua laporan harus berasal dari model dengan lapisan yang sama.")
    groups = _group_by_label(reports)
    ax = get_ax(ax)
    n_groups = len(groups)
    width = 0.8 / n_groups
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
    units = reports[0].n_units
    ax.set_xticks(positions)
    ax.set_xticklabels([f"lapisan {i + 1}\n({int(n)} unit)" for i, n in enumerate(units)])
    set_axis_labels(ax, x="hidden_layer", y=_DEAD_STATS[stat])
    top = max(ax.get_ylim()[1], 1.0)
    ax.set_ylim(-0.03 * top, top)  # titik bernilai 0 tetap terlihat utuh
    if any(groups):
        ax.legend()
    return ax


def plot_depth_profile(report, ax=None, *, stat: str = "std", log_scale: bool = False,
                       **line_kwargs):
    """Gambar rata-rata atau simpangan baku keluaran tiap lapisan tersembunyi terhadap kedalaman.

    Args:
        report: ``DepthProfileReport`` (dari ``chapter11.units.measure_depth_profile``).
        ax: Axes tujuan atau ``None``; panggil lagi dengan ``ax`` yang sama untuk menumpuk.
        stat: ``"std"`` (simpangan baku) atau ``"mean"`` (rata-rata).
        log_scale: sumbu y logaritmik; untuk rata-rata (yang bisa negatif) dipakai skala
            ``symlog``: linear di [−1, 1], logaritmik di luarnya.
        **line_kwargs: diteruskan ke ``ax.plot``.

    Returns:
        Axes yang digambari.

    Raises:
        ValueError: ``stat`` tak dikenal.

    Example:
        >>> import numpy as np
        >>> from chapter11.units import DepthProfileReport
        >>> r = DepthProfileReport(("d1", "d2", "d3"), np.zeros(3), np.ones(3), "SELU")
        >>> ax = plot_depth_profile(r)
        >>> ax.get_lines()[0].get_ydata().tolist(), ax.get_ylabel()
        ([1.0, 1.0, 1.0], 'Simpangan baku keluaran')
    """
    check_choice("stat", stat, ("std", "mean"))
    ax = get_ax(ax)
    values = report.stds if stat == "std" else report.means
    depth = np.arange(1, len(values) + 1)
    style = {**next_style(ax), "label": report.label,
             "markevery": max(1, len(values) // 10), **line_kwargs}
    ax.plot(depth, values, **style)
    if log_scale:
        if stat == "std":
            ax.set_yscale("log")
        else:
            ax.set_yscale("symlog", linthresh=1.0)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    set_axis_labels(ax, x="hidden_layer", y=_PROFILE_LABELS[(stat, bool(log_scale))])
    if report.label:
        ax.legend()
    return ax


def _samples():
    """Masukan contoh untuk tes label gambar: ``{nama fungsi: [(args, kwargs), …]}``."""
    from ..units import DeadUnitsReport, DepthProfileReport

    def dead(label, values):
        values = np.array(values)
        return DeadUnitsReport(("dense_1", "dense_2"), np.array([300, 100]), values, values,
                               500, label)

    profile = DepthProfileReport(tuple(f"d{i}" for i in range(30)), np.linspace(-0.4, 3.0, 30),
                                 np.geomspace(0.5, 40.0, 30), "SELU")
    return {
        "plot_activation": [(("sigmoid",), {}), (("elu",), {"derivative": False})],
        "plot_activation_grid": [((["sigmoid", "relu", "selu", "mish"],), {"ncols": 3})],
        "plot_dead_units": [(([dead("A", [0.01, 0.45]), dead("A", [0.0, 0.6]),
                               dead("B", [0.0, 0.0])],), {"stat": s}) for s in _DEAD_STATS],
        "plot_depth_profile": [((profile,), {"stat": stat, "log_scale": log})
                               for stat, log in _PROFILE_LABELS],
    }
