"""Gambar halaman pedoman dan latihan: kurva terhadap target, jadwal yang benar-benar dipakai."""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import MaxNLocator

from .._validation import (check_bool, check_float, check_positive, check_report,
                           check_report_list, check_text)
from ..formatting import format_auto, format_number
from ._style import COLORS, get_ax
from .labels import register_labels, set_axis_labels

__all__ = ["plot_against_target", "plot_applied_learning_rate", "plot_loss_vs_rate"]

register_labels({
    "accuracy_train_valid": "Akurasi (latih dan validasi)",
    "lr_applied": r"$\mathit{Learning\ rate}$ yang dipakai",
    "lr_log": r"$\mathit{Learning\ rate}$ (skala log)",
    "batch_loss": r"$\mathit{Loss}$ $\mathit{batch}$",
})


def _as_list(results):
    results = list(results) if isinstance(results, (list, tuple)) else [results]
    if not results:
        raise ValueError("Argumen `results` tidak boleh kosong. Diterima: [].")
    return results


def plot_against_target(results, ax=None, *, target: float, target_label: str,
                        name: str | None = None, legend: bool = True):
    """Akurasi latih dan validasi per epoch (rata-rata antarbenih) dan garis target mendatar.

    Garis utuh: akurasi validasi (rata-rata; pita tipis rentang min–maks antarbenih). Garis
    putus-putus: akurasi latih (rata-rata, dihitung ``fit`` dalam mode pelatihan). Garis
    titik-titik hitam: ``target``.

    Args:
        results: satu ``RunResult`` atau urutan ``RunResult`` (benih berbeda, epoch sama).
        ax: Axes tujuan atau ``None``.
        target: nilai target (mis. akurasi validasi terbaik notebook Géron).
        target_label: teks legenda garis target; angkanya ditambahkan dengan koma desimal.
        name: nama konfigurasi di legenda (bawaan: "validasi"/"latih" saja).
        legend: gambar legenda.

    Returns:
        Axes yang digambari.

    Example:
        >>> from types import SimpleNamespace
        >>> r = SimpleNamespace(history={"accuracy": (0.8, 0.9), "val_accuracy": (0.82, 0.88)})
        >>> ax = plot_against_target([r, r], target=0.85, target_label="Target")
        >>> [line.get_label() for line in ax.get_lines()]
        ['Validasi', 'Latih', 'Target: 0,8500']
    """
    check_report_list("results", results, ("history",), "RunResult (hasil run)")
    results = _as_list(results)
    check_float("target", target, minimum=0.0, maximum=1.0)
    check_text("target_label", target_label)
    check_text("name", name, allow_none=True)
    check_bool("legend", legend)
    ax = get_ax(ax)
    prefix = f"{name}, " if name else ""
    epochs = None
    for metric, text, style in (("val_accuracy", "validasi", "-"), ("accuracy", "latih", "--")):
        curves = np.array([r.history[metric] for r in results], dtype=float)
        epochs = np.arange(1, curves.shape[1] + 1)
        label = (prefix + text) if name else text.capitalize()
        (line,) = ax.plot(epochs, curves.mean(axis=0), linestyle=style, marker="o",
                          color=COLORS[0] if metric == "val_accuracy" else COLORS[1], label=label)
        if len(results) > 1:
            ax.fill_between(epochs, curves.min(axis=0), curves.max(axis=0),
                            color=line.get_color(), alpha=0.15, linewidth=0)
    ax.axhline(target, color="black", linestyle=":", linewidth=1.4,
               label=f"{target_label}: {format_number(target, 4)}")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    set_axis_labels(ax, x="epoch", y="accuracy_train_valid")
    if legend:
        ax.legend()
    return ax


def plot_applied_learning_rate(result, ax=None, *, name: str | None = None,
                               legend: bool = True, **line_kwargs):
    """*Learning rate* yang dipakai setiap langkah pelatihan (dari ``result.steps``).

    Args:
        result: ``RunResult`` yang mencatat langkahnya (jadwal *learning rate* selalu dicatat).
        ax: Axes tujuan atau ``None``.
        name: label legenda.
        legend: gambar legenda (bila ``name`` diisi).
        **line_kwargs: diteruskan ke ``ax.plot``.

    Returns:
        Axes yang digambari.

    Raises:
        ValueError: hasil tanpa catatan per langkah.

    Example:
        >>> from types import SimpleNamespace
        >>> r = SimpleNamespace(steps={"learning_rate": (0.1, 0.2, 0.15)})
        >>> plot_applied_learning_rate(r).get_lines()[0].get_ydata().tolist()
        [0.1, 0.2, 0.15]
    """
    check_report("result", result, ("steps",), "RunResult (hasil run)")
    check_text("name", name, allow_none=True)
    check_bool("legend", legend)
    rates = np.asarray(result.steps.get("learning_rate", ()), dtype=float)
    if rates.size == 0:
        raise ValueError("Hasil ini tidak mencatat learning rate per langkah; pakai jadwal atau "
                         "Phase(record_steps=True). Diterima: steps kosong.")
    ax = get_ax(ax)
    style = {"color": COLORS[2], "label": name, **line_kwargs}
    ax.plot(np.arange(1, rates.size + 1), rates, **style)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    set_axis_labels(ax, x="step", y="lr_applied")
    if legend and name:
        ax.legend()
    return ax


def plot_loss_vs_rate(result, ax=None, *, chosen: float | None = None, name: str | None = None,
                      legend: bool = True):
    """*Loss* setiap langkah terhadap *learning rate*-nya (pencari *learning rate*), sumbu x log.

    Sumbu y dipotong di antara *loss* terkecil dan *loss* langkah pertama (ditambah sedikit
    ruang), seperti gambar Géron, karena *loss* sesudah titik balik melonjak tak terbatas.

    Args:
        result: hasil pelatihan yang mencatat ``steps`` (``loss`` dan ``learning_rate``).
        ax: Axes tujuan atau ``None``.
        chosen: *learning rate* terpilih, ditandai garis tegak putus-putus.
        name: label legenda kurva.
        legend: gambar legenda.

    Returns:
        Axes yang digambari.

    Example:
        >>> from types import SimpleNamespace
        >>> r = SimpleNamespace(steps={"learning_rate": (1e-3, 1e-2, 1e-1),
        ...                            "loss": (2.3, 1.5, 9.0)})
        >>> ax = plot_loss_vs_rate(r, chosen=1e-3)
        >>> ax.get_xscale(), len(ax.get_lines())
        ('log', 2)
    """
    check_report("result", result, ("steps",), "RunResult (hasil run)")
    if chosen is not None:
        check_positive("chosen", chosen)
    check_text("name", name, allow_none=True)
    check_bool("legend", legend)
    rates = np.asarray(result.steps.get("learning_rate", ()), dtype=float)
    losses = np.asarray(result.steps.get("loss", ()), dtype=float)
    if rates.size == 0 or rates.size != losses.size:
        raise ValueError("Hasil harus mencatat loss dan learning rate setiap langkah. Diterima: "
                         f"{rates.size} laju, {losses.size} loss.")
    ax = get_ax(ax)
    ax.plot(rates, losses, color=COLORS[0], label=name or "loss per langkah")
    finite = losses[np.isfinite(losses)]
    if finite.size:
        low, high = float(finite.min()), float(losses[0]) if np.isfinite(losses[0]) else float(
            finite.max())
        ax.set_ylim(low - 0.05 * (high - low + 1e-9), high + 0.3 * (high - low + 1e-9))
    if chosen is not None:
        ax.axvline(chosen, color="black", linestyle="--", linewidth=1.3,
                   label=f"terpilih: {format_auto(chosen, 3)}")
    ax.set_xscale("log")
    set_axis_labels(ax, x="lr_log", y="batch_loss")
    if legend:
        ax.legend()
    return ax


def _samples():
    """Masukan contoh untuk tes label gambar."""
    from types import SimpleNamespace

    runs = [SimpleNamespace(history={"accuracy": (0.80, 0.88, 0.92),
                                     "val_accuracy": (0.82, 0.87, 0.89)}),
            SimpleNamespace(history={"accuracy": (0.79, 0.87, 0.91),
                                     "val_accuracy": (0.81, 0.88, 0.90)})]
    warm_up = np.linspace(6e-4, 6e-3, 10)
    decay = 3e-3 * (1 + np.cos(np.linspace(0, np.pi, 30)))
    schedule = SimpleNamespace(steps={"learning_rate": tuple(np.concatenate([warm_up, decay]))})
    rates = np.geomspace(1e-4, 1, 40)
    finder = SimpleNamespace(steps={"learning_rate": tuple(rates),
                                    "loss": tuple(2.3 - 0.3 * np.log10(rates / 1e-4) / 4
                                                  + np.where(rates > 0.2, 30 * rates, 0))})
    return {
        "plot_against_target": [((runs,), {"target": 0.8898, "target_label": "Target"}),
                                ((runs[0],), {"target": 0.85, "target_label": "Target",
                                              "name": "rekomendasi"})],
        "plot_applied_learning_rate": [((schedule,), {}), ((schedule,), {"name": "jadwal"})],
        "plot_loss_vs_rate": [((finder,), {}), ((finder,), {"chosen": 0.01, "name": "pencari"})],
    }
