"""Gambar untuk halaman inisialisasi: histogram bobot, galat variansi, sinyal per kedalaman."""

from __future__ import annotations

import math
import warnings

import numpy as np
from matplotlib.ticker import MaxNLocator

from .._validation import check_choice, check_int
from ._style import COLORS, LINESTYLES, MARKERS, get_ax, next_style
from .labels import set_axis_labels

__all__ = ["series_style", "plot_weight_histogram", "plot_variance_errors", "plot_signal_depth"]

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
        report: ``WeightVarianceReport`` (dari ``chapter11.propagation.measure_weight_variance``).
        ax: Axes tujuan atau ``None``.
        layer: indeks lapisan di laporan itu.
        bins: banyak kelas histogram.
        color: warna histogram (bawaan: warna pertama palet buku).

    Returns:
        Axes yang digambari.

    Example:
        >>> import numpy as np
        >>> from chapter11.propagation import WeightVarianceReport
        >>> w = np.random.default_rng(0).uniform(-0.1, 0.1, 2000).astype("float32")
        >>> r = WeightVarianceReport("uji", "x", "uniform", (100,), (20,), np.array([0.01 / 3]),
        ...     np.array([w.var()]), np.array([w.mean()]), np.array([0.1]), np.array([0.1]),
        ...     np.array([np.nan]), (w,))
        >>> ax = plot_weight_histogram(r)
        >>> [line.get_label() for line in ax.get_lines()][:2]
        ['kepadatan teoretis', 'batas rumus']
    """
    layer = check_int("layer", layer, minimum=0)
    if layer >= len(report.kernels):
        raise ValueError(f"Argumen `layer` harus lebih kecil dari {len(report.kernels)}. "
                         f"Diterima: layer={layer}.")
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
        >>> from chapter11.propagation import WeightVarianceReport
        >>> r = WeightVarianceReport("uji", "x", "uniform", (100, 50), (50, 10),
        ...     np.array([1.0, 1.0]), np.array([1.01, 0.97]), np.zeros(2), np.ones(2),
        ...     np.ones(2), np.full(2, np.nan), (np.zeros(1), np.zeros(1)))
        >>> ax = plot_variance_errors([r])
        >>> [t.get_text() for t in ax.get_xticklabels()]
        ['100 → 50', '50 → 10']
    """
    reports = list(reports)
    if not reports:
        raise ValueError("Argumen `reports` tidak boleh kosong.")
    shapes = list(zip(reports[0].fan_in, reports[0].fan_out))
    if any(list(zip(r.fan_in, r.fan_out)) != shapes for r in reports):
        raise ValueError("Semua laporan di `reports` harus memakai bentuk lapisan yang sama.")
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


_QUANTITIES = {"std": ("stds", "act_std"), "grad_norm": ("grad_norms", "grad_norm")}
_LOG_LABELS = {"act_std": "act_std_log", "grad_norm": "grad_norm_log"}


def plot_signal_depth(report, ax=None, *, quantity: str = "std", log_scale: bool = True,
                      **line_kwargs):
    """Median antarbenih satu besaran per lapisan, dengan pita rentang min–maks.

    Nilai nol (mis. gradien yang jatuh di bawah batas ``float32``) tidak dapat digambar pada
    skala log: garisnya terputus di sana.

    Args:
        report: ``SignalPropagationReport``.
        ax: Axes tujuan atau ``None``; panggil lagi dengan ``ax`` yang sama untuk menumpuk.
        quantity: ``"std"`` (simpangan baku aktivasi, sinyal maju) atau ``"grad_norm"``
            (norma gradien kernel, sinyal mundur).
        log_scale: sumbu y logaritmik.
        **line_kwargs: diteruskan ke ``ax.plot``.

    Returns:
        Axes yang digambari.

    Example:
        >>> import numpy as np
        >>> from chapter11.propagation import SignalPropagationReport
        >>> stds = np.array([[1.0, 0.5, 0.25], [1.0, 0.6, 0.3]])
        >>> r = SignalPropagationReport("uji", "relu", (0, 1), stds, np.zeros((2, 3)), stds,
        ...                             np.ones(2))
        >>> ax = plot_signal_depth(r)
        >>> ax.get_lines()[0].get_ydata().tolist(), ax.get_yscale()
        ([1.0, 0.55, 0.275], 'log')
    """
    check_choice("quantity", quantity, tuple(_QUANTITIES))
    attribute, label_key = _QUANTITIES[quantity]
    values = np.asarray(getattr(report, attribute), dtype=np.float64)
    values = np.where(values > 0, values, np.nan) if log_scale else values
    ax = get_ax(ax)
    layers = np.arange(1, values.shape[1] + 1)
    style = {**next_style(ax), "label": report.label,
             "markevery": max(1, len(layers) // 10), **line_kwargs}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # kolom yang seluruhnya nol
        median = np.nanmedian(values, axis=0)
        low, high = np.nanmin(values, axis=0), np.nanmax(values, axis=0)
    (line,) = ax.plot(layers, median, **style)
    if values.shape[0] > 1:
        ax.fill_between(layers, low, high, color=line.get_color(), alpha=0.15, linewidth=0)
    if log_scale:
        ax.set_yscale("log")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    set_axis_labels(ax, x="hidden_layer", y=_LOG_LABELS[label_key] if log_scale else label_key)
    if report.label:
        ax.legend()
    return ax


def _samples():
    """Masukan contoh untuk tes label gambar: ``{nama fungsi: [(args, kwargs), …]}``."""
    from ..propagation import SignalPropagationReport, WeightVarianceReport

    rng = np.random.default_rng(0)
    w = rng.uniform(-0.1, 0.1, 5000).astype("float32")
    uniform = WeightVarianceReport(
        "he_uniform", "he_uniform", "uniform", (100, 50), (50, 10), np.array([0.01 / 3] * 2),
        np.array([0.0034, 0.0031]), np.zeros(2), np.array([0.1, 0.1]), np.array([0.1, 0.1]),
        np.full(2, np.nan), (w, w))
    stds = np.geomspace(1.0, 1e-3, 12)[None, :] * np.array([[1.0], [1.3]])
    signal = SignalPropagationReport("Glorot", "relu", (0, 1), stds, np.zeros((2, 12)), stds,
                                     np.ones(2))
    return {
        "plot_weight_histogram": [((uniform,), {})],
        "plot_variance_errors": [(([uniform, uniform],), {})],
        "plot_signal_depth": [((signal,), {"quantity": q, "log_scale": log})
                              for q in _QUANTITIES for log in (True, False)],
    }
