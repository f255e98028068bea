"""Gambar fungsi aktivasi dan turunannya (rumus NumPy dari :mod:`chapter11.activations`)."""

from __future__ import annotations

import numpy as np
from matplotlib import pyplot as plt

from .._validation import (check_bool, check_float, check_limit, check_positive_int,
                           check_real_array)
from ..activations import _lookup, get_activation
from ._style import COLORS, get_ax
from .labels import set_axis_labels

__all__ = ["plot_activation", "plot_activation_grid"]


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
    check_bool("derivative", derivative)
    z = (np.linspace(-6, 6, 601) if z is None
         else np.asarray(check_real_array("z", z, ndim=1), dtype=float))
    ax = get_ax(ax)
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
    if isinstance(names, (str, bytes)) or not isinstance(names, (list, tuple)):
        raise TypeError("Argumen `names` harus daftar nama fungsi aktivasi, mis. "
                        f"[\"relu\", \"elu\"]. Diterima: names={names!r} "
                        f"(tipe {type(names).__name__}).")
    entries = [_lookup(name, "names") for name in names]
    if not entries:
        raise ValueError("Argumen `names` tidak boleh kosong. Diterima: names=[].")
    ncols = check_limit("ncols", check_positive_int("ncols", ncols))
    z = (np.linspace(-4, 4, 401) if z is None
         else np.asarray(check_real_array("z", z, ndim=1), dtype=float))
    if ylim is not None:
        if isinstance(ylim, (str, bytes)) or not isinstance(ylim, (list, tuple)) or len(ylim) != 2:
            raise TypeError("Argumen `ylim` harus pasangan (bawah, atas) atau None. "
                            f"Diterima: ylim={ylim!r}.")
        low, high = (check_float("ylim", v) for v in ylim)
        if not low < high:
            raise ValueError(f"Argumen `ylim` harus (bawah, atas) dengan bawah < atas. "
                             f"Diterima: ylim={ylim!r}.")
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


def _samples():
    """Masukan contoh untuk tes label gambar: ``{nama fungsi: [(args, kwargs), …]}``."""
    return {
        "plot_activation": [(("sigmoid",), {}), (("elu",), {"derivative": False})],
        "plot_activation_grid": [((["sigmoid", "relu", "selu", "mish"],), {"ncols": 3})],
    }
