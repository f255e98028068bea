"""Gambar halaman pemakaian ulang lapisan pralatih: akurasi berpasangan dan perolehan per benih."""

from __future__ import annotations

import numpy as np
from matplotlib.lines import Line2D

from .._validation import check_bool, check_float, check_report, check_report_list, check_text
from ._style import COLORS, LINESTYLES, MARKERS, get_ax
from .labels import comma_number, register_labels, set_axis_labels

__all__ = ["plot_paired_accuracies", "plot_gains"]

register_labels({
    "test_accuracy": "Akurasi uji",
    "gain_points": "Perolehan akurasi uji (poin persentase)",
})


def _gains(gain):
    for name in ("seeds", "baseline", "treated", "label", "baseline_label"):
        if not hasattr(gain, name):
            raise TypeError("Argumen `gain` harus PairedGain (chapter11.paired). "
                            f"Diterima: tipe {type(gain).__name__} tanpa atribut `{name}`.")
    return gain


def plot_paired_accuracies(gain, ax=None, *, legend: bool = True):
    """Akurasi kedua konfigurasi per benih, dihubungkan garis (satu garis per benih).

    Garis yang naik (konfigurasi uji lebih baik pada benih itu) digambar utuh, yang turun
    putus-putus, dengan warna berbeda; rata-rata setiap kolom ditandai garis mendatar tebal.

    Args:
        gain: :class:`chapter11.paired.PairedGain`.
        ax: Axes tujuan atau ``None``.
        legend: tampilkan legenda.

    Returns:
        Axes yang digambari.

    Example:
        >>> from chapter11.paired import PairedGain
        >>> g = PairedGain((0, 1), (0.90, 0.92), (0.93, 0.91), label="B di atas A",
        ...                baseline_label="B dari nol")
        >>> ax = plot_paired_accuracies(g)
        >>> [t.get_text() for t in ax.get_xticklabels()]
        ['B dari nol', 'B di atas A']
    """
    check_report("gain", gain, ("baseline", "treated", "label", "baseline_label"),
                 "PairedGain (hasil run_paired)")
    gain = _gains(gain)
    check_bool("legend", legend)
    ax = get_ax(ax)
    base, treated = np.asarray(gain.baseline), np.asarray(gain.treated)
    up = treated > base
    styles = {True: (COLORS[0], "-", f"{gain.label or 'uji'} lebih tinggi"),
              False: (COLORS[1], "--", f"{gain.label or 'uji'} tidak lebih tinggi")}
    drawn = set()
    for b, t, better in zip(base, treated, up):
        color, linestyle, label = styles[bool(better)]
        ax.plot([0, 1], [b, t], color=color, linestyle=linestyle, marker=MARKERS[0 if better else 1],
                alpha=0.8, label=None if better in drawn else label)
        drawn.add(better)
    for x, values in ((0, base), (1, treated)):
        ax.hlines(values.mean(), x - 0.18, x + 0.18, color=COLORS[6], linewidth=3,
                  label="rata-rata" if x == 0 else None, zorder=4)
    ax.set_xticks([0, 1])
    ax.set_xticklabels([gain.baseline_label or "pembanding", gain.label or "uji"])
    ax.set_xlim(-0.4, 1.4)
    set_axis_labels(ax, x="config", y="test_accuracy")
    if legend:
        ax.legend(loc="lower center", fontsize=9)
    return ax


def plot_gains(gains, ax=None, *, reference: float | None = None,
               reference_label: str | None = None, legend: bool = True):
    """Perolehan per benih (poin persentase) untuk satu atau beberapa perbandingan berpasangan.

    Setiap perbandingan satu kolom titik (satu titik per benih), rata-ratanya garis mendatar;
    garis nol dan, bila diberikan, garis acuan (mis. perolehan yang dilaporkan Géron).

    Args:
        gains: satu :class:`chapter11.paired.PairedGain` atau urutannya.
        ax: Axes tujuan atau ``None``.
        reference: perolehan acuan dalam poin persentase (``None``: tanpa garis acuan).
        reference_label: teks legenda garis acuan.
        legend: tampilkan legenda.

    Returns:
        Axes yang digambari.

    Example:
        >>> from chapter11.paired import PairedGain
        >>> g = PairedGain((0, 1, 2), (0.90, 0.92, 0.91), (0.93, 0.91, 0.91), label="B di atas A")
        >>> ax = plot_gains(g, reference=2.0, reference_label="Géron")
        >>> sorted(np.round(ax.collections[0].get_offsets()[:, 1], 6).tolist())
        [-1.0, 0.0, 3.0]
    """
    check_report_list("gains", gains, ("baseline", "treated", "label"),
                      "PairedGain (hasil run_paired)")
    if not isinstance(gains, (list, tuple)):
        gains = [gains]
    gains = [_gains(g) for g in gains]
    if not gains:
        raise ValueError("Argumen `gains` tidak boleh kosong. Diterima: gains=[].")
    if reference is not None:
        check_float("reference", reference)
    check_text("reference_label", reference_label, allow_none=True)
    check_bool("legend", legend)
    ax = get_ax(ax)
    ax.axhline(0.0, color=COLORS[6], linewidth=1.0)
    for i, gain in enumerate(gains):
        points = 100 * (np.asarray(gain.treated) - np.asarray(gain.baseline))
        offsets = np.linspace(-0.15, 0.15, len(points)) if len(points) > 1 else np.zeros(1)
        order = np.argsort(np.argsort(points))  # sebar titik menurut peringkat agar tak bertumpuk
        ax.scatter(i + offsets[order], points, color=COLORS[i % len(COLORS)],
                   marker=MARKERS[i % len(MARKERS)], zorder=3)
        ax.hlines(points.mean(), i - 0.28, i + 0.28, color=COLORS[i % len(COLORS)], linewidth=2.5,
                  linestyle=LINESTYLES[0])
    handles = [Line2D([], [], color="0.35", linewidth=2.5, label="rata-rata (garis pendek)")]
    if reference is not None:
        text = reference_label or f"acuan {comma_number(f'{reference:+g}')} poin"
        ax.axhline(reference, color=COLORS[4], linestyle="--", linewidth=1.5)
        handles.append(Line2D([], [], color=COLORS[4], linestyle="--", linewidth=1.5, label=text))
    ax.set_xticks(range(len(gains)))
    ax.set_xticklabels([g.label or f"perbandingan {i + 1}" for i, g in enumerate(gains)])
    ax.set_xlim(-0.6, len(gains) - 0.4)
    set_axis_labels(ax, x="config", y="gain_points")
    if legend:
        ax.legend(handles=handles, fontsize=9)
    return ax


def _samples():
    """Masukan contoh untuk tes label gambar: ``{nama fungsi: [(args, kwargs), …]}``."""
    from ..paired import PairedGain

    a = PairedGain((0, 1, 2, 3), (0.921, 0.905, 0.93, 0.88), (0.925, 0.89, 0.94, 0.9),
                   label="B di atas A", baseline_label="B dari nol")
    b = PairedGain((0, 1, 2, 3), (0.921, 0.905, 0.93, 0.88), (0.91, 0.91, 0.93, 0.87),
                   label="B di atas encoder", baseline_label="B dari nol")
    return {
        "plot_paired_accuracies": [((a,), {}), ((b,), {"legend": False})],
        "plot_gains": [((a,), {}), (([a, b],), {"reference": 2.0,
                                               "reference_label": "Géron: +2 poin"})],
    }
