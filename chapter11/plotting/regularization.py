"""Gambar halaman regularisasi: celah latih–validasi, norma bobot, kalibrasi, gambar teragu."""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import MaxNLocator

from .._validation import (check_bins, check_bool, check_choice, check_int, check_labels,
                           check_limit, check_positive_int, check_real_array, check_report,
                           check_report_list, check_text, check_value_range)
from ..data import CLASS_NAMES
from ..formatting import format_number
from ._style import COLORS, LINESTYLES, MARKERS, get_ax, next_style
from .labels import register_labels, set_axis_labels

__all__ = ["plot_fit_gap", "plot_gap_summary", "plot_kernel_norms", "plot_reliability",
           "plot_uncertain_images"]

register_labels({
    "accuracy_any": "Akurasi",
    "loss_any": r"$\mathit{Loss}$",
    "cross_entropy": "Entropi silang tanpa penalti",
    "unit_norm": "Norma bobot masuk per unit ‖w‖₂",
    "unit_count": "Banyak unit",
    "confidence": "Keyakinan (peluang kelas tebakan)",
    "bin_accuracy": "Akurasi per kelompok keyakinan",
    "mc_probability": "Peluang kelas (rata-rata MC ± simpangan baku)",
})

_GAP_METRICS = {"accuracy": ("accuracy", "val_accuracy", "train_accuracy", "accuracy_any"),
                "loss": ("loss", "val_loss", "train_loss", "loss_any")}


def plot_fit_gap(result, ax=None, *, metric: str = "accuracy", gap=None, name=None,
                 legend: bool = True):
    """Kurva latih (putus-putus) dan validasi (utuh) satu pelatihan, celahnya diarsir.

    Args:
        result: ``RunResult`` (atau objek dengan ``label`` dan ``history``).
        ax: Axes tujuan atau ``None``.
        metric: ``"accuracy"`` atau ``"loss"`` (*loss* seperti dicatat ``fit``, termasuk penalti
            regularisasi).
        gap: ``FitGapReport`` (opsional): nilai latih yang dinilai ulang dalam mode inferensi
            sesudah epoch terakhir, digambar sebagai bintang.
        name: judul panel (bawaan: label hasil).
        legend: tampilkan legenda.

    Returns:
        Axes yang digambari.

    Example:
        >>> from types import SimpleNamespace
        >>> r = SimpleNamespace(label="A", history={"accuracy": (0.7, 0.9),
        ...                                         "val_accuracy": (0.7, 0.8)})
        >>> ax = plot_fit_gap(r)
        >>> ax.get_title(), [t.get_text() for t in ax.get_legend().get_texts()]
        ('A', ['Latih (selama epoch)', 'Validasi'])
    """
    check_report("result", result, ("history", "label"), "RunResult (hasil run)")
    train_key, valid_key, gap_key, label_key = _GAP_METRICS[check_choice("metric", metric,
                                                                         tuple(_GAP_METRICS))]
    if gap is not None:
        check_report("gap", gap, (gap_key,), "FitGapReport (hasil measure_fit_gap) atau None")
    _check_name(name)
    check_bool("legend", legend)
    ax = get_ax(ax)
    train = np.asarray(result.history[train_key], dtype=float)
    valid = np.asarray(result.history[valid_key], dtype=float)
    epochs = np.arange(1, len(train) + 1)
    ax.plot(epochs, train, color=COLORS[0], linestyle="--", marker="o",
            label="Latih (selama epoch)")
    ax.plot(epochs, valid, color=COLORS[1], linestyle="-", marker="s", label="Validasi")
    ax.fill_between(epochs, train, valid, color=COLORS[0], alpha=0.12, linewidth=0)
    if gap is not None:
        ax.plot([epochs[-1]], [getattr(gap, gap_key)], linestyle="none", marker="*",
                markersize=11, color=COLORS[2], label="Latih (dinilai ulang, mode inferensi)")
    ax.set_title(result.label if name is None else name)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    set_axis_labels(ax, x="epoch", y=label_key)
    if legend:
        ax.legend()
    return ax


def plot_gap_summary(reports, ax=None, *, metric: str = "accuracy", legend: bool = True):
    """Nilai latih (mode inferensi) dan validasi setiap konfigurasi, dihubungkan garis celah.

    Args:
        reports: urutan ``FitGapReport``; urutannya dari atas ke bawah.
        ax: Axes tujuan atau ``None``.
        metric: ``"accuracy"`` atau ``"loss"`` (entropi silang tanpa penalti).
        legend: tampilkan legenda.

    Returns:
        Axes yang digambari.

    Example:
        >>> from chapter11.regularization import FitGapReport
        >>> ax = plot_gap_summary([FitGapReport("A", 0.9, 0.8, 0.3, 0.5)], metric="loss")
        >>> ax.get_xlabel(), [t.get_text() for t in ax.get_yticklabels()]
        ('Entropi silang tanpa penalti', ['A'])
    """
    check_report_list("reports", reports,
                      ("train_accuracy", "valid_accuracy", "train_loss", "valid_loss", "label"),
                      "FitGapReport (hasil measure_fit_gap)")
    check_choice("metric", metric, tuple(_GAP_METRICS))
    check_bool("legend", legend)
    reports = list(reports)
    if not reports:
        raise ValueError("Argumen `reports` tidak boleh kosong. Diterima: [].")
    ax = get_ax(ax)
    key = "accuracy" if metric == "accuracy" else "loss"
    train = [getattr(r, f"train_{key}") for r in reports]
    valid = [getattr(r, f"valid_{key}") for r in reports]
    rows = np.arange(len(reports))
    ax.hlines(rows, np.minimum(train, valid), np.maximum(train, valid), color="0.6", linewidth=3)
    ax.plot(train, rows, linestyle="none", marker="o", color=COLORS[0], markersize=8,
            label="Latih (mode inferensi)")
    ax.plot(valid, rows, linestyle="none", marker="s", color=COLORS[1], markersize=8,
            label="Validasi")
    ax.set_yticks(rows)
    ax.set_yticklabels([r.label for r in reports])
    ax.set_ylim(len(reports) - 0.5, -0.5)
    set_axis_labels(ax, x="accuracy_any" if metric == "accuracy" else "cross_entropy",
                    y="config")
    if legend:
        ax.legend()
    return ax


def plot_kernel_norms(report, ax=None, *, bins=40, value_range=None, name=None,
                      legend: bool = True, **hist_kwargs):
    """Histogram norma bobot masuk semua unit tersembunyi; garis tegak di batas max-norm.

    Args:
        report: ``KernelNormReport``.
        ax: Axes tujuan atau ``None``; panggil lagi untuk menumpuk.
        bins, value_range: kelas histogram.
        name: label legenda (bawaan: label laporan).
        legend: tampilkan legenda.
        **hist_kwargs: diteruskan ke ``ax.hist``.

    Returns:
        Axes yang digambari.

    Example:
        >>> from chapter11.regularization import KernelNormReport
        >>> r = KernelNormReport("A", ("d1",), (np.array([0.5, 1.0, 1.0]),), 1.0)
        >>> ax = plot_kernel_norms(r)
        >>> [t.get_text() for t in ax.get_legend().get_texts()]
        ['A', 'batas max-norm r = 1']
    """
    check_report("report", report, ("all_norms", "max_value", "label"),
                 "KernelNormReport (hasil measure_kernel_norms)")
    check_bins("bins", bins)
    check_value_range("value_range", value_range)
    _check_name(name)
    check_bool("legend", legend)
    ax = get_ax(ax)
    n = len(ax.patches)
    style = {"color": COLORS[n % len(COLORS)], "linestyle": LINESTYLES[n % len(LINESTYLES)]}
    ax.hist(report.all_norms, bins=bins, range=value_range, histtype="step", linewidth=1.8,
            label=report.label if name is None else name, **{**style, **hist_kwargs})
    if report.max_value is not None:
        ax.axvline(report.max_value, color="0.3", linestyle=":", linewidth=1.5,
                   label=f"batas max-norm r = {format_number(report.max_value, 0)}"
                   if float(report.max_value).is_integer()
                   else f"batas max-norm r = {format_number(report.max_value, 2)}")
    set_axis_labels(ax, x="unit_norm", y="unit_count")
    if legend:
        ax.legend()
    return ax


def plot_reliability(report, ax=None, *, name=None, legend: bool = True, **line_kwargs):
    """Diagram reliabilitas: akurasi per kelompok keyakinan terhadap keyakinan rata-ratanya.

    Titik di bawah diagonal: model terlalu yakin; di atasnya: kurang yakin. Label legenda
    menyebut ECE-nya.

    Args:
        report: ``CalibrationReport`` (dari ``chapter11.calibration.measure_calibration``).
        ax: Axes tujuan atau ``None``; panggil lagi untuk menumpuk.
        name: nama di legenda (bawaan: label laporan).
        legend: tampilkan legenda.
        **line_kwargs: diteruskan ke ``ax.plot``.

    Returns:
        Axes yang digambari.

    Example:
        >>> from chapter11.calibration import measure_calibration
        >>> r = measure_calibration([[0.8, 0.2], [0.6, 0.4]], [0, 1], n_bins=5, label="A")
        >>> ax = plot_reliability(r)
        >>> [t.get_text() for t in ax.get_legend().get_texts()]
        ['terkalibrasi sempurna', 'A (ECE 0,40)']
    """
    check_report("report", report, ("bin_accuracy", "bin_confidence", "bin_count", "ece", "label"),
                 "CalibrationReport (hasil measure_calibration)")
    _check_name(name)
    check_bool("legend", legend)
    ax = get_ax(ax)
    if not any(line.get_label() == "terkalibrasi sempurna" for line in ax.get_lines()):
        ax.plot([0, 1], [0, 1], color="0.5", linestyle=":", linewidth=1.2,
                label="terkalibrasi sempurna")
    filled = report.bin_count > 0
    label = report.label if name is None else name
    style = {**next_style(ax), "label": f"{label} (ECE {format_number(report.ece, 2)})",
             **line_kwargs}
    ax.plot(report.bin_confidence[filled], report.bin_accuracy[filled], **style)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.set_aspect("equal")
    set_axis_labels(ax, x="confidence", y="bin_accuracy")
    if legend:
        ax.legend(loc="upper left")
    return ax


def plot_uncertain_images(report, images, labels, indices, *, class_names=CLASS_NAMES,
                          axes=None, top: int = 3, ncols: int = 2):
    """Gambar-gambar uji beserta peluang kelas MC-nya (rata-rata ± simpangan baku).

    Setiap contoh mendapat dua panel: gambarnya (judul: label sebenarnya) dan batang peluang
    ``top`` kelas terbesar (kelas sebenarnya selalu ikut, batangnya diarsir).

    Args:
        report: ``MCDropoutReport`` (``mean`` dan ``std`` berbentuk ``(n, k)``).
        images: gambar ``(n, 28, 28)``; labels: label ``(n,)``.
        indices: indeks contoh yang digambar (mis. dari ``rank_by_uncertainty``).
        class_names: nama kelas.
        axes: array Axes ``(baris, 2·ncols)`` atau ``None`` (dibuat).
        top: banyak kelas per contoh.
        ncols: banyak contoh per baris.

    Returns:
        Array Axes ``(baris, 2·ncols)``.

    Example:
        >>> from chapter11.regularization import MCDropoutReport
        >>> mean = np.array([[0.5, 0.3, 0.2]]); r = MCDropoutReport(mean, mean / 4, 10)
        >>> axes = plot_uncertain_images(r, np.zeros((1, 28, 28)), [1], [0],
        ...                              class_names=("a", "b", "c"), ncols=1)
        >>> axes[0, 0].get_title(), [t.get_text() for t in axes[0, 1].texts]
        ('Label: b', ['a  0,50 ± 0,12', 'b  0,30 ± 0,07', 'c  0,20 ± 0,05'])
    """
    check_report("report", report, ("mean", "std"), "MCDropoutReport (hasil mc_dropout_predict)")
    import matplotlib.pyplot as plt

    n, k = np.shape(report.mean)
    images = check_real_array("images", images, ndim=(3, 4))
    if len(images) != n:
        raise ValueError(f"Argumen `images` harus satu gambar per baris `report` ({n}). "
                         f"Diterima: images berbentuk {images.shape}.")
    if isinstance(class_names, (str, bytes)) or not isinstance(class_names, (list, tuple)) \
            or not all(isinstance(c, str) for c in class_names):
        raise TypeError("Argumen `class_names` harus daftar nama kelas (string). "
                        f"Diterima: class_names={class_names!r:.80}.")
    if len(class_names) < k:
        raise ValueError(f"Argumen `class_names` harus memuat satu nama per kelas ({k}). "
                         f"Diterima: {len(class_names)} nama.")
    labels = check_labels("labels", labels, n, n_classes=k)
    if isinstance(indices, (str, bytes)) or not hasattr(indices, "__iter__"):
        raise TypeError("Argumen `indices` harus daftar indeks contoh. "
                        f"Diterima: indices={indices!r:.80} (tipe {type(indices).__name__}).")
    indices = [check_int("indices[i]", i, minimum=0) for i in indices]
    if not indices:
        raise ValueError("Argumen `indices` tidak boleh kosong. Diterima: [].")
    if max(indices) >= n:
        raise ValueError(f"Argumen `indices` harus di 0 … {n - 1}. Diterima: indeks {max(indices)}.")
    top = check_positive_int("top", top)
    ncols = check_limit("ncols", check_positive_int("ncols", ncols))
    if top > k:
        raise ValueError(f"Argumen `top` paling besar {k} (banyak kelas). Diterima: top={top}.")
    ncols = min(ncols, len(indices))
    nrows = -(-len(indices) // ncols)
    if axes is None:
        _, axes = plt.subplots(nrows, 2 * ncols, figsize=(4.6 * ncols, 1.9 * nrows),
                               gridspec_kw={"width_ratios": [1, 2.2] * ncols}, squeeze=False)
    else:
        from matplotlib.axes import Axes

        cells = np.asarray(axes, dtype=object)
        if cells.size != nrows * 2 * ncols or not all(isinstance(a, Axes) for a in cells.flat):
            raise TypeError(f"Argumen `axes` harus None atau larik {nrows * 2 * ncols} Axes "
                            f"({nrows} baris × {2 * ncols}). Diterima: axes={axes!r:.80}.")
    axes = np.asarray(axes).reshape(nrows, 2 * ncols)
    for ax in axes.ravel():
        ax.set_visible(False)
    for k, index in enumerate(indices):
        row, col = divmod(k, ncols)
        ax_img, ax_bar = axes[row, 2 * col], axes[row, 2 * col + 1]
        ax_img.set_visible(True)
        ax_bar.set_visible(True)
        truth = int(labels[index])
        ax_img.imshow(images[index], cmap="gray_r")
        ax_img.set_title(f"Label: {class_names[truth]}", fontsize=9)
        ax_img.set_xticks([])
        ax_img.set_yticks([])
        ax_img.set_axis_off()
        order = list(np.argsort(-report.mean[index], kind="stable")[:top])
        if truth not in order:
            order[-1] = truth
        rows = np.arange(len(order))
        for r, c in zip(rows, order):
            is_true = c == truth
            mean, std = report.mean[index, c], report.std[index, c]
            ax_bar.barh(r, mean, xerr=std, color=COLORS[2] if is_true else COLORS[0],
                        alpha=0.8, hatch="//" if is_true else None, edgecolor="white",
                        height=0.7, capsize=2, error_kw={"elinewidth": 1, "ecolor": "0.2"})
            ax_bar.text(min(mean + std, 1.0) + 0.03, r,
                        f"{class_names[c]}  {format_number(mean, 2)} ± {format_number(std, 2)}",
                        va="center", fontsize=8)
        ax_bar.set_xlim(0, 1)
        ax_bar.set_ylim(len(order) - 0.5, -0.5)
        ax_bar.set_yticks([])
        if k + ncols >= len(indices):  # tidak ada contoh di bawahnya
            set_axis_labels(ax_bar, x="mc_probability")
        else:
            ax_bar.tick_params(labelbottom=False)
            set_axis_labels(ax_bar)
    return axes


def _check_name(name):
    """``None`` (label laporan) atau string (boleh kosong)."""
    if name is not None:
        check_text("name", name)


def _samples():
    """Masukan contoh untuk tes label gambar: ``{nama fungsi: [(args, kwargs), …]}``."""
    from types import SimpleNamespace

    from ..calibration import measure_calibration
    from ..regularization import FitGapReport, KernelNormReport, MCDropoutReport

    history = {"loss": (0.8, 0.5, 0.3), "val_loss": (0.7, 0.55, 0.6),
               "accuracy": (0.7, 0.82, 0.9), "val_accuracy": (0.75, 0.8, 0.79)}
    run = SimpleNamespace(label="Tanpa regularisasi", history=history)
    gap = FitGapReport("Tanpa regularisasi", 0.91, 0.79, 0.28, 0.6, 0.9)
    other = FitGapReport("Dropout 0,2", 0.86, 0.8, 0.38, 0.45, 0.82)
    rng = np.random.default_rng(0)
    norms = KernelNormReport("Max-norm", ("d1", "d2"), (rng.uniform(0.5, 1, 50),
                                                        rng.uniform(0.4, 1, 50)), 1.0)
    probs = rng.dirichlet(np.ones(10) * 0.5, size=200)
    calibration = measure_calibration(probs, rng.integers(0, 10, 200), label="MC dropout")
    mc = MCDropoutReport(probs[:5], probs[:5] / 5, 20)
    return {
        "plot_fit_gap": [((run,), {"metric": m, "gap": gap}) for m in _GAP_METRICS],
        "plot_gap_summary": [(([gap, other],), {"metric": m}) for m in _GAP_METRICS],
        "plot_kernel_norms": [((norms,), {})],
        "plot_reliability": [((calibration,), {})],
        "plot_uncertain_images": [((mc, rng.uniform(size=(5, 28, 28)), [0, 1, 2, 3, 4],
                                    [4, 3, 2, 1, 0]), {})],
    }
