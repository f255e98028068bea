"""Gambar bobot awal: histogram dengan kepadatan teoretis, dan galat variansi terhadap rumus."""

from __future__ import annotations

import math

import numpy as np
from matplotlib.ticker import MaxNLocator

from .._validation import (check_color, check_int, check_limit, check_positive,
                           check_positive_int, check_report, check_report_list)
from ._style import COLORS, LINESTYLES, MARKERS, get_ax
from .labels import set_axis_labels

__all__ = ["series_style", "plot_weight_histogram", "plot_variance_errors"]

_DISTRIBUTION_NAMES = {
    "uniform": "seragam",
    "truncated_normal": "normal terpotong",
    "untruncated_normal": "normal",
}


def series_style(index: int) -> dict:
    """Warna, gaya garis, dan penanda deret ke-``index`` dari palet buku.

    Berguna agar satu konfigurasi (mis. satu inisialisasi) berpenampilan sama di beberapa
    panel, apa pun urutan penggambarannya.

    Example:
        >>> series_style(1)["color"] == COLORS[1]
        True
        >>> sorted(series_style(2))
        ['color', 'linestyle', 'marker']
    """
    index = check_int("index", index, minimum=0)
    return {"color": COLORS[index % len(COLORS)],
            "linestyle": LINESTYLES[index % len(LINESTYLES)],
            "marker": MARKERS[index % len(MARKERS)]}


def _density(distribution, w, variance, sampling_stddev, limit):
    """Kepadatan teoretis bobot di titik-titik ``w``."""
    if distribution == "uniform":
        return np.where(np.abs(w) <= limit, 1.0 / (2.0 * limit), 0.0)
    s = sampling_stddev
    pdf = np.exp(-0.5 * (w / s) ** 2) / (s * math.sqrt(2.0 * math.pi))
    if distribution == "untruncated_normal":
        return pdf
    mass = math.erf(2.0 / math.sqrt(2.0))  # P(|Z| < 2)
    return np.where(np.abs(w) <= limit, pdf / mass, 0.0)


def plot_weight_histogram(report, ax=None, *, layer: int = 0, bins: int = 60, color=None):
    """Histogram bobot satu lapisan, dengan kepadatan teoretis dan batas ``±r`` rumusnya.

    Args:
        report: ``WeightVarianceReport`` (dari
            ``chapter11.weight_variance.measure_weight_variance``).
        ax: Axes tujuan atau ``None``.
        layer: indeks lapisan di laporan itu.
        bins: banyak kelas histogram.
        color: warna histogram (bawaan: warna pertama palet buku).

    Returns:
        Axes yang digambari.

    Example:
        >>> import numpy as np
        >>> from chapter11.weight_variance import WeightVarianceReport
        >>> w = np.random.default_rng(0).uniform(-0.1, 0.1, 2000).astype("float32")
        >>> r = WeightVarianceReport("uji", "x", "uniform", (100,), (20,), np.array([0.01 / 3]),
        ...     np.array([w.var()]), np.array([w.mean()]), np.array([0.1]), np.array([0.1]),
        ...     np.array([np.nan]), (w,))
        >>> ax = plot_weight_histogram(r)
        >>> [line.get_label() for line in ax.get_lines()][:2]
        ['kepadatan teoretis', 'batas rumus']
    """
    check_report("report", report, ("kernels", "expected", "distribution", "label"),
                 "WeightVarianceReport (hasil measure_weight_variance)")
    layer = check_int("layer", layer, minimum=0)
    if layer >= len(report.kernels):
        raise ValueError(f"Argumen `layer` harus lebih kecil dari {len(report.kernels)}. "
                         f"Diterima: layer={layer}.")
    check_limit("bins", check_positive_int("bins", bins))
    check_color("color", color)
    ax = get_ax(ax)
    w = np.asarray(report.kernels[layer], dtype=np.float64)
    limit = float(report.limits[layer])
    edge = limit if math.isfinite(limit) else float(np.abs(w).max())
    ax.hist(w, bins=bins, range=(-1.08 * edge, 1.08 * edge), density=True,
            color=color or COLORS[0], alpha=0.45, label="bobot terukur")
    grid = np.linspace(-1.08 * edge, 1.08 * edge, 801)
    ax.plot(grid, _density(report.distribution, grid, report.expected[layer],
                           report.sampling_stddevs[layer], limit),
            color="0.15", linewidth=1.6, label="kepadatan teoretis")
    if math.isfinite(limit):
        for sign in (-1, 1):
            ax.axvline(sign * limit, color=COLORS[1], linestyle=":", linewidth=1.6,
                       label="batas rumus" if sign < 0 else None)
    set_axis_labels(ax, x="weight", y="density")
    ax.set_title(f"{report.label}: {_DISTRIBUTION_NAMES[report.distribution]}, "
                 f"{report.fan_in[layer]} → {report.fan_out[layer]}")
    ax.xaxis.set_major_locator(MaxNLocator(5))
    return ax


def plot_variance_errors(reports, ax=None, *, n_sigma: float = 2.0):
    """Galat relatif variansi (%) setiap lapisan untuk beberapa inisialisasi, dengan derau wajar.

    Setiap titik adalah ``100 · (variansi terukur / variansi rumus − 1)``; batang galatnya
    ``± n_sigma`` kali derau pengambilan sampel (``WeightVarianceReport.relative_noise``).
    Semua laporan harus memakai bentuk lapisan yang sama.

    Args:
        reports: urutan ``WeightVarianceReport``.
        ax: Axes tujuan atau ``None``.
        n_sigma: lebar batang galat dalam satuan derau.

    Returns:
        Axes yang digambari.

    Example:
        >>> import numpy as np
        >>> from chapter11.weight_variance import WeightVarianceReport
        >>> r = WeightVarianceReport("uji", "x", "uniform", (100, 50), (50, 10),
        ...     np.array([1.0, 1.0]), np.array([1.01, 0.97]), np.zeros(2), np.ones(2),
        ...     np.ones(2), np.full(2, np.nan), (np.zeros(1), np.zeros(1)))
        >>> ax = plot_variance_errors([r])
        >>> [t.get_text() for t in ax.get_xticklabels()]
        ['100 → 50', '50 → 10']
    """
    check_report_list("reports", reports, ("expected", "measured", "label"),
                      "WeightVarianceReport (hasil measure_weight_variance)")
    reports = list(reports)
    if not reports:
        raise ValueError("Argumen `reports` tidak boleh kosong.")
    shapes = list(zip(reports[0].fan_in, reports[0].fan_out))
    if any(list(zip(r.fan_in, r.fan_out)) != shapes for r in reports):
        raise ValueError("Semua laporan di `reports` harus memakai bentuk lapisan yang sama.")
    check_positive("n_sigma", n_sigma)
    ax = get_ax(ax)
    x = np.arange(len(shapes), dtype=float)
    width = 0.7
    offsets = (np.arange(len(reports)) - (len(reports) - 1) / 2) * width / max(len(reports), 1)
    for i, (report, offset) in enumerate(zip(reports, offsets)):
        ax.errorbar(x + offset, 100 * report.relative_errors,
                    yerr=100 * n_sigma * report.relative_noise, color=COLORS[i % len(COLORS)],
                    marker=MARKERS[i % len(MARKERS)], linestyle="none", capsize=2.5,
                    elinewidth=1.0, label=report.label)
    ax.axhline(0, color="0.4", linewidth=0.9, zorder=0)
    ax.set_xticks(x)
    ax.set_xticklabels([f"{a} → {b}" for a, b in shapes])
    set_axis_labels(ax, x="dense_shape", y="variance_error_pct")
    ax.legend(ncols=2, fontsize="small")
    return ax


def _samples():
    """Masukan contoh untuk tes label gambar: ``{nama fungsi: [(args, kwargs), …]}``."""
    from ..weight_variance import WeightVarianceReport

    rng = np.random.default_rng(0)
    w = rng.uniform(-0.1, 0.1, 5000).astype("float32")
    uniform = WeightVarianceReport(
        "he_uniform", "he_uniform", "uniform", (100, 50), (50, 10), np.array([0.01 / 3] * 2),
        np.array([0.0034, 0.0031]), np.zeros(2), np.array([0.1, 0.1]), np.array([0.1, 0.1]),
        np.full(2, np.nan), (w, w))
    return {
        "plot_weight_histogram": [((uniform,), {})],
        "plot_variance_errors": [(([uniform, uniform],), {})],
    }
