"""Gambar buku: satu fungsi ``plot_*`` per jenis gambar.

Setiap ``plot_*(hasil, ax=None, **kwargs)`` hanya menggambar hasil yang sudah dihitung,
mengembalikan Axes, tidak memanggil ``plt.show()`` dan tidak mengubah ``rcParams``.
Gaya buku dipasang sekali per halaman dengan :func:`use_book_style`. Fungsi-fungsi ini
dikelompokkan per halaman di submodul (``gradients``, ``initializers``, ``activations``,
``batchnorm``, ``training``) dan semuanya tersedia langsung dari ``chapter11.plotting``.

Aturan bersama untuk setiap modul gambar (diperiksa ``tests/test_plot_labels.py`` untuk setiap
``plot_*`` yang diekspor di ``__all__`` ini):

* label sumbu hanya lewat :func:`set_axis_labels` dengan kunci dari tabel satu-satunya
  :data:`LABELS`; modul baru mendaftarkan labelnya dengan :func:`register_labels` saat diimpor;
* angka sumbu linear memakai koma desimal (``set_axis_labels`` memasangnya), dan teks di gambar
  (legenda, judul, label tik) tidak memakai titik desimal;
* setiap modul gambar punya fungsi ``_samples()`` yang mengembalikan
  ``{nama_fungsi: [(args, kwargs), …]}``: masukan contoh yang dibangun dengan tangan untuk
  setiap ``plot_*``-nya, dipakai tes untuk menggambar dan memeriksa semuanya.
"""

from ._style import COLORS, use_book_style
from .labels import LABELS, axis_label, register_labels, set_axis_labels
from .activations import (plot_activation, plot_activation_grid, plot_dead_units,
                          plot_depth_profile)
from .batchnorm import (plot_batch_size_effect, plot_bn_mode_histograms, plot_moving_average_lag,
                        plot_moving_statistics)
from .gradients import plot_activation_stats, plot_gradient_norms
from .initializers import (plot_signal_depth, plot_variance_errors, plot_weight_histogram,
                           series_style)
from .training import plot_learning_curves, plot_seed_spread
from .guidelines import plot_against_target, plot_applied_learning_rate, plot_loss_vs_rate

__all__ = [
    "COLORS",
    "LABELS",
    "register_labels",
    "axis_label",
    "set_axis_labels",
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
    "plot_against_target",
    "plot_applied_learning_rate",
    "plot_loss_vs_rate",
]
