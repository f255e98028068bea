"""Gambar buku: satu fungsi ``plot_*`` per jenis gambar.

Setiap ``plot_*(hasil, ax=None, **kwargs)`` hanya menggambar hasil yang sudah dihitung,
mengembalikan Axes, tidak memanggil ``plt.show()`` dan tidak mengubah ``rcParams``.
Gaya buku dipasang sekali per halaman dengan :func:`use_book_style`. Fungsi-fungsi ini
dikelompokkan menurut apa yang digambar di submodul (``layers``: per lapisan; ``weights``: bobot
awal; ``activations``: fungsi aktivasi; ``batchnorm``; ``training``: kurva belajar) dan semuanya
tersedia langsung dari ``chapter11.plotting``.

Aturan bersama untuk setiap modul gambar (diperiksa ``tests/test_plot_labels.py`` untuk setiap
``plot_*`` yang diekspor di ``__all__`` ini):

* label sumbu hanya lewat :func:`set_axis_labels` dengan kunci dari tabel satu-satunya
  ``LABELS``; modul baru mendaftarkan labelnya dengan :func:`register_labels` saat diimpor;
* angka sumbu linear memakai koma desimal (``set_axis_labels`` memasangnya), dan teks di gambar
  (legenda, judul, label tik) tidak memakai titik desimal;
* setiap modul gambar punya fungsi ``_samples()`` yang mengembalikan
  ``{nama_fungsi: [(args, kwargs), …]}``: masukan contoh yang dibangun dengan tangan untuk
  setiap ``plot_*``-nya, dipakai tes untuk menggambar dan memeriksa semuanya.
"""

from ._style import COLORS, use_book_style
from .labels import LABELS, axis_label, register_labels, set_axis_labels
from .activations import plot_activation, plot_activation_grid
from .batchnorm import (plot_batch_size_effect, plot_bn_mode_histograms, plot_moving_average_lag,
                        plot_moving_statistics)
from .layers import plot_dead_units, plot_gradient_norms, plot_layer_stats, plot_signal_depth
from .weights import plot_variance_errors, plot_weight_histogram, series_style
from .training import plot_learning_curves, plot_seed_spread, plot_step_losses
from .optimizers import (optimizer_style, plot_loss_gap_grid, plot_optimizer_curves,
                         plot_trajectory_grid, plot_trajectory_losses)
from .clipping import plot_clipping_angles, plot_clipping_norms, plot_run_step_losses
from .transfer import plot_gains, plot_paired_accuracies
from .schedules import plot_lr_finder, plot_rate_panels, plot_recorded_rate, recorded_rates
from .regularization import (plot_fit_gap, plot_gap_summary, plot_kernel_norms,
                             plot_reliability, plot_uncertain_images)
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
    "plot_layer_stats",
    "plot_batch_size_effect",
    "plot_bn_mode_histograms",
    "plot_moving_average_lag",
    "plot_moving_statistics",
    "plot_gradient_norms",
    "plot_signal_depth",
    "plot_variance_errors",
    "plot_weight_histogram",
    "plot_learning_curves",
    "plot_seed_spread",
    "plot_step_losses",
    "series_style",
    "optimizer_style",
    "plot_trajectory_grid",
    "plot_trajectory_losses",
    "plot_optimizer_curves",
    "plot_loss_gap_grid",
    "plot_clipping_norms",
    "plot_clipping_angles",
    "plot_run_step_losses",
    "plot_paired_accuracies",
    "plot_gains",
    # penjadwalan learning rate
    "plot_recorded_rate",
    "plot_rate_panels",
    "plot_lr_finder",
    "recorded_rates",
    "plot_fit_gap",
    "plot_gap_summary",
    "plot_kernel_norms",
    "plot_reliability",
    "plot_uncertain_images",
    "plot_against_target",
    "plot_applied_learning_rate",
    "plot_loss_vs_rate",
]
