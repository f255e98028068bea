"""Gambar fungsi aktivasi dan turunannya."""

from __future__ import annotations

import numpy as np

from ..activations import get_activation
from ._style import COLORS, LABELS, get_ax

__all__ = ["plot_activation"]


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
    ax.set_xlabel(LABELS["z"])
    ax.set_ylabel("f(z) dan f′(z)" if derivative else LABELS["f"])
    ax.legend()
    return ax
