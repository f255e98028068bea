"""Gaya gambar buku: palet ramah buta warna (Okabe–Ito), label sumbu berbahasa Indonesia.

Hanya paket ``plotting`` yang mengimpor pyplot. Fungsi ``plot_*`` tidak pernah memanggil
``plt.show()`` dan tidak mengubah ``rcParams``; hanya :func:`use_book_style` yang melakukannya,
sekali di sel persiapan halaman.
"""

from __future__ import annotations

import itertools

import matplotlib as mpl
import matplotlib.pyplot as plt

from .._validation import check_axes
from .labels import LABELS, decimal_comma_axis, set_axis_labels  # noqa: F401  (tabel bersama)

# Okabe & Ito (2008): dapat dibedakan oleh penyandang buta warna umum.
COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")
LINESTYLES = ("-", "--", "-.", ":", (0, (5, 1)), (0, (3, 1, 1, 1, 1, 1)))
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")

_BOOK_RC = {
    "figure.figsize": (7.0, 4.2),
    "figure.dpi": 110,
    "savefig.dpi": 110,
    "figure.constrained_layout.use": True,
    "font.size": 10.5,
    "axes.titlesize": 11,
    "axes.labelsize": 10.5,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": mpl.cycler(color=COLORS),
    "legend.frameon": False,
    "lines.linewidth": 1.8,
    "lines.markersize": 4.5,
    "axes.formatter.use_locale": False,
    # Berkas gambar yang sama byte demi byte dari build ke build.
    "svg.hashsalt": "chapter11",
    "pdf.compression": 6,
}


def use_book_style(*, figure_format: str = "retina") -> None:
    """Pasang gaya buku (dipanggil sekali di sel persiapan setiap halaman).

    Mengatur ``rcParams`` (ukuran, palet, kisi) dan, di dalam notebook, format gambar
    inline (``"retina"``: PNG dua kali resolusi, tajam di layar beresolusi tinggi).
    Tanda desimal sumbu memakai koma, sesuai prosa.
    """
    mpl.rcParams.update(_BOOK_RC)
    mpl.rcParams["axes.formatter.use_locale"] = False
    try:
        from IPython import get_ipython
    except ImportError:  # IPython tidak terpasang: tidak ada gambar inline
        return
    if get_ipython() is None:  # skrip biasa: tidak ada gambar inline yang perlu disetel
        return
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    # Tanpa metadata "Software": berkas PNG sama byte demi byte dari build ke build.
    set_matplotlib_formats(figure_format, metadata={"Software": None})


def style_cycle():
    """Iterator (warna, gaya garis, penanda) sehingga garis dibedakan warna *dan* gaya."""
    return itertools.cycle(zip(COLORS, LINESTYLES * 2, MARKERS))


def get_ax(ax=None, figsize=None):
    """Kembalikan ``ax`` atau buat Axes baru."""
    check_axes("ax", ax)
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=figsize)
    return ax


def next_style(ax):
    """Gaya berikutnya untuk Axes ini: garis ke-n mendapat warna, gaya, penanda ke-n."""
    n = len(ax.get_lines())
    return {
        "color": COLORS[n % len(COLORS)],
        "linestyle": LINESTYLES[n % len(LINESTYLES)],
        "marker": MARKERS[n % len(MARKERS)],
    }


def comma_formatter(ax, axis: str = "both"):
    """Tulis angka sumbu linear dengan koma desimal (0,5 alih-alih 0.5).

    Sama dengan :func:`chapter11.plotting.labels.decimal_comma_axis`; dipertahankan untuk modul
    gambar yang sudah memakainya.
    """
    decimal_comma_axis(ax, axis)
