"""Gambar buku: satu fungsi ``plot_*`` per jenis gambar.

Setiap ``plot_*(hasil, ax=None, **kwargs)`` hanya menggambar hasil yang sudah dihitung,
mengembalikan Axes, tidak memanggil ``plt.show()`` dan tidak mengubah ``rcParams``.
Gaya buku dipasang sekali per halaman dengan :func:`use_book_style`.
"""

from ._style import COLORS, LABELS, use_book_style
from .activations import plot_activation
from .gradients import plot_activation_stats, plot_gradient_norms
from .training import plot_learning_curves, plot_seed_spread

__all__ = [
    "COLORS",
    "LABELS",
    "use_book_style",
    "plot_activation",
    "plot_gradient_norms",
    "plot_activation_stats",
    "plot_learning_curves",
    "plot_seed_spread",
]
