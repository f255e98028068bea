"""Gambar hasil pelatihan: kurva belajar dan sebaran hasil antarbenih."""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import MaxNLocator

from .._validation import check_choice, check_int, check_report, check_report_list, check_text
from ._style import COLORS, MARKERS, get_ax, next_style
from .labels import _lookup as _label_text
from .labels import set_axis_labels

__all__ = ["plot_learning_curves", "plot_seed_spread", "plot_step_losses"]

_METRICS = ("loss", "accuracy", "val_loss", "val_accuracy")


def plot_learning_curves(results, ax=None, *, metric: str = "val_accuracy", label=None,
                         mark_epoch: int | None = None, **line_kwargs):
    """Gambar satu metrik per epoch untuk satu hasil, atau rata-rata beberapa benih.

    Bila ``results`` berisi beberapa ``RunResult`` (benih berbeda dari satu konfigurasi),
    garisnya adalah rata-rata dan pita tipis di sekitarnya rentang min–maks antarbenih.
    ``mark_epoch`` melingkari satu titik kurva dengan penanda berongga berwarna sama, mis.
    epoch yang bobotnya dipulihkan ``EarlyStopping`` (:func:`chapter11.exercises.best_epoch`),
    agar pembaca tahu titik mana yang dilaporkan tabel, walaupun kurvanya memuncak di epoch
    lain (halaman :ref:`sec-latihan`).

    Args:
        results: satu ``RunResult`` atau urutan ``RunResult`` dengan jumlah epoch sama.
        ax: Axes tujuan atau ``None``; panggil lagi dengan ``ax`` yang sama untuk menumpuk.
        metric: ``"loss"``, ``"accuracy"``, ``"val_loss"`` atau ``"val_accuracy"``.
        label: label legenda (bawaan: label spesifikasi hasil pertama).
        mark_epoch: epoch (mulai 1) yang ditandai lingkaran berongga, atau ``None``.
        **line_kwargs: diteruskan ke ``ax.plot``.

    Returns:
        Axes yang digambari.

    Raises:
        TypeError: ``mark_epoch`` bukan bilangan bulat.
        ValueError: ``mark_epoch`` di luar 1 … banyak epoch hasil.

    Example:
        >>> from types import SimpleNamespace
        >>> r = SimpleNamespace(label="uji", history={"val_accuracy": (0.5, 0.7, 0.8)})
        >>> ax = plot_learning_curves([r, r])
        >>> ax.get_lines()[0].get_ydata().tolist()
        [0.5, 0.7, 0.8]
        >>> ax = plot_learning_curves(r, mark_epoch=2)
        >>> ax.collections[-1].get_offsets().tolist()  # lingkaran di epoch 2
        [[2.0, 0.7]]
        >>> len(ax.get_lines())  # bukan garis: kurva berikutnya tetap mendapat gaya berikutnya
        1
    """
    check_report_list("results", results, ("history",), "RunResult (hasil run)")
    check_choice("metric", metric, _METRICS)
    check_text("label", label, allow_none=True)
    if not isinstance(results, (list, tuple)):
        results = [results]
    if not results:
        raise ValueError("Argumen `results` tidak boleh kosong.")
    curves = np.array([r.history[metric] for r in results], dtype=float)
    if mark_epoch is not None:
        mark_epoch = check_int("mark_epoch", mark_epoch, minimum=1)
        if mark_epoch > curves.shape[1]:
            raise ValueError(f"Argumen `mark_epoch` harus di antara 1 dan {curves.shape[1]} "
                             f"(banyak epoch hasil). Diterima: mark_epoch={mark_epoch}.")
    ax = get_ax(ax)
    style = {**next_style(ax), "label": label if label is not None else results[0].label,
             **line_kwargs}
    epochs = np.arange(1, curves.shape[1] + 1)
    (line,) = ax.plot(epochs, curves.mean(axis=0), **style)
    if len(results) > 1:
        ax.fill_between(epochs, curves.min(axis=0), curves.max(axis=0),
                        color=line.get_color(), alpha=0.15, linewidth=0)
    if mark_epoch is not None:
        # scatter, bukan plot: next_style menghitung garis, dan lingkaran bukan kurva baru.
        ax.scatter([mark_epoch], [curves.mean(axis=0)[mark_epoch - 1]], s=13 ** 2,
                   facecolors="none", edgecolors=line.get_color(), linewidths=1.8,
                   label="_nolegend_", zorder=line.get_zorder() + 1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    set_axis_labels(ax, x="epoch", y=metric)
    if style["label"]:
        ax.legend()
    return ax


def plot_seed_spread(summaries, ax=None, *, ylabel: str = "val_accuracy"):
    """Gambar akurasi validasi akhir per benih (titik) dan rata-ratanya (garis) per konfigurasi.

    Args:
        summaries: urutan ``SeedSummary`` (dari ``experiments.summarize_seeds``).
        ax: Axes tujuan atau ``None``.
        ylabel: kunci label sumbu y di ``chapter11.plotting.LABELS`` (bawaan:
            ``"val_accuracy"``, akurasi validasi).

    Returns:
        Axes yang digambari.

    Example:
        >>> from chapter11.experiments import SeedSummary
        >>> ax = plot_seed_spread([SeedSummary("A", (0.8, 0.82)), SeedSummary("B", (0.7, 0.75))])
        >>> [t.get_text() for t in ax.get_xticklabels()]
        ['A', 'B']
    """
    check_report_list("summaries", summaries, ("label", "final_val_accuracies"),
                      "SeedSummary (hasil summarize_seeds)")
    summaries = list(summaries)
    if not summaries:
        raise ValueError("Argumen `summaries` tidak boleh kosong.")
    _label_text("ylabel", ylabel)
    ax = get_ax(ax)
    for i, summary in enumerate(summaries):
        values = np.asarray(summary.final_val_accuracies)
        offsets = np.linspace(-0.12, 0.12, len(values)) if len(values) > 1 else np.zeros(1)
        color = COLORS[i % len(COLORS)]
        ax.scatter(i + offsets, values, color=color, marker=MARKERS[i % len(MARKERS)], zorder=3)
        ax.hlines(values.mean(), i - 0.25, i + 0.25, color=color, linewidth=2.2)
    ax.set_xticks(range(len(summaries)))
    ax.set_xticklabels([s.label for s in summaries])
    ax.set_xlim(-0.6, len(summaries) - 0.4)
    set_axis_labels(ax, x="config", y=ylabel)
    return ax


def plot_step_losses(report, ax=None, *, smooth: int = 1, **line_kwargs):
    """Gambar *loss* latih per langkah dari laporan yang punya ``steps`` dan ``losses``.

    Args:
        report: mis. ``SymmetryReport`` dari :func:`chapter11.symmetry.measure_symmetry`.
        ax: Axes tujuan atau ``None``; panggil lagi dengan ``ax`` yang sama untuk menumpuk.
        smooth: lebar rata-rata bergerak (langkah) untuk meredam derau antarbatch; 1 = mentah.
        **line_kwargs: diteruskan ke ``ax.plot``.

    Returns:
        Axes yang digambari.

    Example:
        >>> from types import SimpleNamespace
        >>> r = SimpleNamespace(label="uji", steps=np.arange(1, 5), losses=np.array([4, 2, 2, 0]))
        >>> plot_step_losses(r, smooth=2).get_lines()[0].get_ydata().tolist()
        [3.0, 2.0, 1.0]
    """
    check_report("report", report, ("steps", "losses", "label"),
                 "laporan loss per langkah (atribut steps, losses, label)")
    from .._validation import check_limit, check_positive_int

    smooth = check_limit("smooth", check_positive_int("smooth", smooth), "steps")
    losses = np.asarray(report.losses, dtype=float)
    steps = np.asarray(report.steps)
    if smooth > 1:
        losses = np.convolve(losses, np.ones(smooth) / smooth, mode="valid")
        steps = steps[smooth - 1:]
    ax = get_ax(ax)
    style = {**next_style(ax), "label": report.label, "markevery": max(1, len(steps) // 8),
             **line_kwargs}
    ax.plot(steps, losses, **style)
    set_axis_labels(ax, x="step", y="loss")
    if report.label:
        ax.legend()
    return ax


def _samples():
    """Masukan contoh untuk tes label gambar: ``{nama fungsi: [(args, kwargs), …]}``."""
    from types import SimpleNamespace

    from ..experiments import SeedSummary

    def result(label, shift):
        return SimpleNamespace(label=label, history={
            "loss": (0.9 - shift, 0.6 - shift, 0.5 - shift),
            "accuracy": (0.7 + shift, 0.8 + shift, 0.84 + shift),
            "val_loss": (0.8, 0.65, 0.6), "val_accuracy": (0.72, 0.8, 0.83)})

    runs = [result("ReLU", 0.0), result("ReLU", 0.02)]
    return {
        "plot_learning_curves": [((runs,), {"metric": m}) for m in _METRICS]
        + [((runs[0],), {"mark_epoch": 2})],
        "plot_seed_spread": [(([SeedSummary("A", (0.81, 0.83)), SeedSummary("B", (0.7, 0.74))],),
                              {})],
        "plot_step_losses": [((SimpleNamespace(label="nol", steps=np.arange(1, 101),
                                               losses=np.linspace(2.3, 0.5, 100)),),
                              {"smooth": 10})],
    }
