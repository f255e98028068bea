"""Gambar halaman penjadwalan *learning rate*: laju tercatat per langkah, pencari *learning rate*.

Fungsi-fungsi ini hanya menggambar hasil yang sudah ada: ``RunResult`` dari
:func:`chapter11.experiments.run` (laju per langkah di ``result.steps["learning_rate"]``, per
*epoch* di ``result.history["learning_rate"]``) dan ``RateSuggestion`` dari
:func:`chapter11.schedules.suggest_max_rate`.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from .._validation import (check_axes_array, check_bool, check_limit, check_optional_text,
                           check_positive_int, check_report, check_report_list)
from ._style import COLORS, LINESTYLES, get_ax, next_style
from .labels import comma_number, register_labels, set_axis_labels

__all__ = ["plot_lr_finder", "plot_rate_panels", "plot_recorded_rate", "recorded_rates"]

# "lr_log" dan "batch_loss" juga dipakai halaman pedoman, dengan teks yang sama persis.
register_labels({
    "learning_rate": r"$\mathit{Learning\ rate}$",
    "lr_log": r"$\mathit{Learning\ rate}$ (skala log)",
    "batch_loss": r"$\mathit{Loss}$ $\mathit{batch}$",
})


def _check_steps_per_epoch(steps_per_epoch):
    if steps_per_epoch is not None:
        check_limit("steps_per_epoch",
                    check_positive_int("steps_per_epoch", steps_per_epoch), "steps")


def recorded_rates(result, steps_per_epoch: int | None = None) -> np.ndarray:
    """*Learning rate* tiap langkah seperti tercatat selama pelatihan.

    Bila pelatihan mencatat per langkah (``result.steps["learning_rate"]``), itulah yang
    dikembalikan. Bila tidak, laju per *epoch* (``result.history["learning_rate"]``, laju
    langkah pertama tiap *epoch*) diulang ``steps_per_epoch`` kali — benar untuk laju yang
    hanya berubah di batas *epoch* (laju tetap, ``ReduceLROnPlateau``).

    Raises:
        ValueError: tidak ada catatan per langkah dan ``steps_per_epoch`` tidak diberikan.

    Example:
        >>> from types import SimpleNamespace
        >>> r = SimpleNamespace(steps={"learning_rate": ()},
        ...                     history={"learning_rate": (0.01, 0.005)})
        >>> recorded_rates(r, steps_per_epoch=2).tolist()
        [0.01, 0.01, 0.005, 0.005]
    """
    check_report("result", result, ("steps", "history"), "RunResult (hasil run)")
    _check_steps_per_epoch(steps_per_epoch)
    steps = np.asarray(result.steps.get("learning_rate", ()), dtype=float)
    if steps.size:
        return steps
    if steps_per_epoch is None:
        raise ValueError("Hasil ini tidak mencatat learning rate per langkah; berikan "
                         "`steps_per_epoch` untuk mengulang laju per epoch. "
                         f"Diterima: steps_per_epoch={steps_per_epoch!r}.")
    return np.repeat(np.asarray(result.history["learning_rate"], dtype=float),
                     int(steps_per_epoch))


def plot_recorded_rate(result, ax=None, *, name=None, legend=True, steps_per_epoch=None,
                       log=False, **line_kwargs):
    """Gambar *learning rate* yang dipakai setiap langkah sebuah pelatihan.

    Args:
        result: ``RunResult`` (atau objek dengan ``steps``, ``history``, ``label``).
        ax: Axes tujuan atau ``None``; panggil lagi dengan ``ax`` yang sama untuk menumpuk.
        name: label legenda (bawaan: ``result.label``).
        legend: tampilkan legenda.
        steps_per_epoch: untuk hasil tanpa catatan per langkah (lihat :func:`recorded_rates`).
        log: sumbu y logaritmik.
        **line_kwargs: diteruskan ke ``ax.plot``.

    Returns:
        Axes yang digambari.

    Example:
        >>> from types import SimpleNamespace
        >>> r = SimpleNamespace(label="uji", steps={"learning_rate": (0.01, 0.02, 0.03)},
        ...                     history={})
        >>> plot_recorded_rate(r).get_lines()[0].get_ydata().tolist()
        [0.01, 0.02, 0.03]
    """
    check_report("result", result, ("steps", "history", "label"), "RunResult (hasil run)")
    check_optional_text("name", name)
    check_bool("legend", legend)
    check_bool("log", log)
    rates = recorded_rates(result, steps_per_epoch)
    ax = get_ax(ax)
    style = {**next_style(ax), "marker": None,
             "label": result.label if name is None else name, **line_kwargs}
    ax.plot(np.arange(rates.size), rates, **style)
    if log:
        ax.set_yscale("log")
    else:
        ax.set_ylim(bottom=0)
    set_axis_labels(ax, x="step", y="lr_log" if log else "learning_rate")
    if legend and style["label"]:
        ax.legend()
    return ax


def plot_rate_panels(results, *, reference=None, steps_per_epoch=None, ncols: int = 3,
                     axes=None):
    """Gambar kecil berjajar: satu panel per pelatihan, laju tercatat per langkah.

    Setiap panel berjudul label pelatihannya; ``reference`` (mis. laju tetap) digambar tipis
    di setiap panel sebagai pembanding. Sumbu x dan y sama di semua panel.

    Args:
        results: urutan ``RunResult``.
        reference: ``RunResult`` pembanding atau ``None``.
        steps_per_epoch: untuk hasil tanpa catatan per langkah.
        ncols: banyak kolom panel.
        axes: larik Axes yang sudah ada (paling sedikit sebanyak ``results``) atau ``None``.

    Returns:
        Larik Axes (panel yang tidak terpakai disembunyikan).

    Example:
        >>> from types import SimpleNamespace
        >>> r = SimpleNamespace(label="a", steps={"learning_rate": (0.01, 0.005)}, history={})
        >>> axes = plot_rate_panels([r, r], ncols=2)
        >>> [ax.get_title() for ax in axes], [float(v) for v in axes[1].get_ylim()]
        (['a', 'a'], [0.0, 0.0105])
    """
    check_report_list("results", results, ("steps", "history", "label"), "RunResult (hasil run)")
    results = list(results)
    if not results:
        raise ValueError("Argumen `results` tidak boleh kosong.")
    if reference is not None:
        check_report("reference", reference, ("steps", "history", "label"),
                     "RunResult (hasil run) atau None")
    _check_steps_per_epoch(steps_per_epoch)
    ncols = check_limit("ncols", check_positive_int("ncols", ncols))
    if axes is not None:
        axes = check_axes_array("axes", axes, len(results))
    if axes is None:
        nrows = -(-len(results) // ncols)
        _, axes = plt.subplots(nrows, ncols, sharex=True, sharey=True,
                               figsize=(3.0 * ncols, 2.3 * nrows + 0.4), squeeze=False)
    axes = np.asarray(axes).ravel()
    top = 0.0
    for i, (ax, result) in enumerate(zip(axes, results)):
        if reference is not None:
            ref = recorded_rates(reference, steps_per_epoch)
            ax.plot(np.arange(ref.size), ref, color=COLORS[6], linewidth=0.9,
                    linestyle=LINESTYLES[1], label=reference.label)
            top = max(top, float(np.max(ref)))
        rates = recorded_rates(result, steps_per_epoch)
        ax.plot(np.arange(rates.size), rates, color=COLORS[i % len(COLORS)], linewidth=2.0,
                label=result.label)
        top = max(top, float(np.max(rates)))
        ax.set_title(result.label)
        set_axis_labels(ax, x="step", y="learning_rate")
    for ax in axes[:len(results)]:  # satu skala untuk semua panel, mulai dari nol
        ax.set_ylim(0, 1.05 * top)
    for ax in axes[len(results):]:
        ax.set_visible(False)
    for ax in axes[:len(results)]:
        ax.label_outer()
    for index, ax in enumerate(axes[:len(results)]):
        below = index + ncols
        if below >= len(results):  # tidak ada panel terlihat di bawahnya: tampilkan sumbu x
            ax.xaxis.set_tick_params(labelbottom=True)
            set_axis_labels(ax, x="step")
    return axes[:len(results)]


def plot_lr_finder(suggestion, ax=None, *, name=None, legend=True):
    """Gambar *loss* batch terhadap *learning rate* dari pencari *learning rate*, dengan aturannya.

    Garis tipis: *loss* tiap langkah; garis tebal: *loss* yang dihaluskan; titik: dasar lembah;
    garis mendatar tipis: batas titik naik; garis tegak putus-putus: titik naik; garis tegak
    titik-titik: puncak 1cycle yang dipilih. Sumbu y dipotong di atas *loss* awal agar ledakan
    di ujung kanan tidak menenggelamkan kurva.

    Args:
        suggestion: ``RateSuggestion`` dari :func:`chapter11.schedules.suggest_max_rate`.
        ax: Axes tujuan atau ``None``.
        name: label legenda kurva halus (bawaan: "*loss* dihaluskan").
        legend: tampilkan legenda.

    Returns:
        Axes yang digambari.

    Example:
        >>> from chapter11.schedules import suggest_max_rate
        >>> r = np.logspace(-4, 0, 401)
        >>> s = suggest_max_rate(r, 1 + 0.25 * (np.log10(r) + 2) ** 2)
        >>> [line.get_label() for line in plot_lr_finder(s).get_lines()][-2:]
        ['titik naik (0,044)', 'puncak 1cycle (0,02)']
    """
    check_report("suggestion", suggestion, ("rates", "losses", "smoothed", "max_rate"),
                 "RateSuggestion (hasil suggest_max_rate)")
    check_optional_text("name", name)
    check_bool("legend", legend)
    ax = get_ax(ax)
    ax.plot(suggestion.rates, suggestion.losses, color=COLORS[5], linewidth=0.8, alpha=0.8,
            label=r"$\mathit{loss}$ tiap langkah")
    ax.plot(suggestion.rates, suggestion.smoothed, color=COLORS[0], linewidth=2.2,
            label=r"$\mathit{loss}$ dihaluskan" if name is None else name)
    ax.plot([suggestion.min_rate], [suggestion.min_loss], linestyle="none", marker="o",
            markersize=7, color=COLORS[6], label="dasar lembah")
    ax.axhline(suggestion.threshold, color=COLORS[6], linewidth=0.9, linestyle=(0, (1, 2)),
               label="batas titik naik")
    ax.axvline(suggestion.climb_rate, color=COLORS[1], linestyle="--", linewidth=1.4,
               label=f"titik naik ({comma_number(f'{suggestion.climb_rate:.2g}')})")
    ax.axvline(suggestion.max_rate, color=COLORS[2], linestyle=":", linewidth=2.0,
               label=f"puncak 1cycle ({comma_number(f'{suggestion.max_rate:g}')})")
    ax.set_xscale("log")
    low, start = suggestion.min_loss, suggestion.start_loss
    ax.set_ylim(max(0.0, low - 0.25 * (start - low)), start + 0.3 * (start - low))
    set_axis_labels(ax, x="lr_log", y="batch_loss")
    if legend:
        ax.legend(loc="lower left", frameon=True, framealpha=0.92, edgecolor="none")
    return ax


def _samples():
    """Masukan contoh untuk tes label gambar: ``{nama fungsi: [(args, kwargs), …]}``."""
    from types import SimpleNamespace

    from ..schedules import suggest_max_rate

    t = np.arange(40)
    decay = SimpleNamespace(label="eksponensial", history={"learning_rate": (0.01, 0.005)},
                            steps={"learning_rate": tuple(0.01 * 0.1 ** (t / 40))})
    constant = SimpleNamespace(label="laju tetap", history={"learning_rate": (0.01, 0.01)},
                               steps={})
    rates = np.logspace(-4, 0, 120)
    rng = np.random.default_rng(0)
    losses = 2.3 - 1.5 / (1 + np.exp(-3 * (np.log10(rates) + 2.5))) \
        + 4 * np.clip(np.log10(rates) + 0.7, 0, None) + rng.normal(0, 0.05, rates.size)
    finder = suggest_max_rate(rates, losses)
    return {
        "plot_recorded_rate": [((decay,), {}), ((constant,), {"steps_per_epoch": 20}),
                               ((decay,), {"log": True})],
        "plot_rate_panels": [(([decay, decay, constant],),
                              {"reference": constant, "steps_per_epoch": 20, "ncols": 2})],
        "plot_lr_finder": [((finder,), {})],
    }
