"""Gambar buku: satu fungsi ``plot_*`` per jenis gambar.

Setiap ``plot_*(hasil, ax=None, **kwargs)`` hanya menggambar hasil yang sudah dihitung,
mengembalikan Axes, tidak memanggil ``plt.show()`` dan tidak mengubah ``rcParams``.
Gaya buku dipasang sekali per halaman dengan :func:`use_book_style`. Fungsi-fungsi ini
dikelompokkan per halaman di submodul (``gradients``, ``initializers``, ``activations``,
``batchnorm``, ``training``) dan semuanya tersedia langsung dari ``chapter11.plotting``.
"""

from ._style import COLORS, LABELS, use_book_style
from .activations import (plot_activation, plot_activation_grid, plot_dead_units,
                          plot_depth_profile)
from .batchnorm import (plot_batch_size_effect, plot_bn_mode_histograms, plot_moving_average_lag,
                        plot_moving_statistics)
from .gradients import plot_activation_stats, plot_gradient_norms
from .initializers import (plot_signal_depth, plot_variance_errors, plot_weight_histogram,
                           series_style)
from .training import plot_learning_curves, plot_seed_spread

__all__ = [
    "COLORS",
    "LABELS",
    "use_book_style",
    "plot_activation",
    "plot_activation_grid",
    "plot_dead_units",
    "plot_depth_profile",
    "plot_batch_size_effect",
    "plot_bn_mode_histograms",
    "plot_moving_average_lag",
    "plot_moving_statistics",
    "plot_activation_stats",
    "plot_gradient_norms",
    "plot_signal_depth",
    "plot_variance_errors",
    "plot_weight_histogram",
    "plot_learning_curves",
    "plot_seed_spread",
    "series_style",
]
