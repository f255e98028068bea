"""Gambar halaman optimizer: lintasan di permukaan dua dimensi dan kurva belajar per optimizer.

Setiap optimizer mendapat satu gaya tetap (warna, gaya garis, penanda) di semua gambar halaman
itu, lewat :func:`optimizer_style`, sehingga "Adam" selalu garis yang sama.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import MaxNLocator

from .._validation import (check_axes_array, check_bool, check_choice, check_int, check_limit,
                           check_optional_text, check_positive_int, check_report,
                           check_report_list, check_str)
from ._style import get_ax
from .labels import register_labels, set_axis_labels

__all__ = ["optimizer_style", "plot_trajectory_grid", "plot_trajectory_losses",
           "plot_optimizer_curves", "plot_loss_gap_grid"]

register_labels({
    "theta_1": "Parameter θ₁",
    "theta_2": "Parameter θ₂",
    "surface_loss_log": r"$\mathit{Loss}$ J(θ) (skala log)",
    "optimizer_step": "Langkah optimizer",
    "train_val_loss": r"$\mathit{Loss}$ (latih dan validasi)",
})

# Okabe–Ito + abu-abu dan cokelat; keluarga SGD biru/hitam, keluarga Adam jingga/merah.
_STYLES = {
    "SGD": ("#000000", "-", "o"),
    "Momentum": ("#0072B2", "--", "s"),
    "Nesterov": ("#56B4E9", "-.", "^"),
    "AdaGrad": ("#999999", ":", "v"),
    "RMSProp": ("#009E73", "-", "D"),
    "Adam": ("#D55E00", "-", "P"),
    "AdaMax": ("#CC79A7", "--", "X"),
    "Nadam": ("#E69F00", "-.", "*"),
    "AdamW": ("#8C510A", ":", "h"),
}
_EXTRA = (("#0072B2", "-", "o"), ("#D55E00", "--", "s"), ("#009E73", "-.", "^"),
          ("#CC79A7", ":", "D"), ("#E69F00", (0, (5, 1)), "v"), ("#000000", (0, (3, 1, 1, 1)), "P"))
_METRICS = ("loss", "val_loss", "accuracy", "val_accuracy")


def optimizer_style(label: str, index: int = 0) -> dict:
    """Gaya garis tetap untuk optimizer berlabel ``label`` (label lain: gaya cadangan ke-``index``).

    Example:
        >>> optimizer_style("Adam")["color"], optimizer_style("Lain", 1)["marker"]
        ('#D55E00', 's')
    """
    if not isinstance(label, str):
        check_str("label", label)
    index = check_int("index", index, minimum=0)
    color, linestyle, marker = _STYLES.get(label, _EXTRA[index % len(_EXTRA)])
    return {"color": color, "linestyle": linestyle, "marker": marker}


def _grid(n: int, axes, ncols: int, panel: tuple[float, float]):
    ncols = check_limit("ncols", check_positive_int("ncols", ncols))
    if axes is not None:
        return check_axes_array("axes", axes, n), ncols
    ncols = min(ncols, n)
    nrows = -(-n // ncols)
    _, axes = plt.subplots(nrows, ncols, figsize=(panel[0] * ncols, panel[1] * nrows),
                           sharex=True, sharey=True, squeeze=False)
    for extra in np.ravel(axes)[n:]:
        extra.set_visible(False)
    return np.ravel(axes), ncols


def _label_grid(axes, n: int, ncols: int, x: str, y: str) -> None:
    for i, ax in enumerate(axes[:n]):
        spec = ax.get_subplotspec()
        set_axis_labels(ax, y=y if spec is None or spec.is_first_col() else None)
        if spec is None or spec.is_last_row() or i + ncols >= n:
            set_axis_labels(ax, x=x)
            ax.tick_params(labelbottom=True)
        else:
            set_axis_labels(ax)


def plot_trajectory_grid(trajectories, surface, axes=None, *, ncols: int = 3,
                         levels: int = 18, show_steps: int | None = None):
    """Lintasan beberapa optimizer di satu permukaan, satu panel per optimizer (*small multiples*).

    Setiap panel memuat kontur *loss* (jarak logaritmik), lintasannya (titik = satu langkah),
    titik awal (lingkaran kosong) dan minimum (bintang).

    Args:
        trajectories: urutan :class:`chapter11.optimizers.Trajectory`.
        surface: :class:`chapter11.optimizers.Surface` tempat lintasan dihitung.
        axes: array Axes (sedikitnya satu per lintasan) atau ``None``.
        ncols: banyak kolom bila ``axes`` ``None``.
        levels: banyak garis kontur.
        show_steps: gambar hanya langkah-langkah pertama ini (bawaan: semuanya).

    Returns:
        Array datar Axes (sepanjang ``trajectories``).

    Example:
        >>> from chapter11.optimizers import elongated_bowl, trace
        >>> bowl = elongated_bowl()
        >>> axes = plot_trajectory_grid([trace(n, bowl, steps=20, learning_rate=0.01)
        ...                              for n in ("sgd", "momentum")], bowl)
        >>> [ax.get_title() for ax in axes]
        ['SGD', 'Momentum']
    """
    check_report_list("trajectories", trajectories, ("points", "losses", "label"),
                      "Trajectory (hasil trace)")
    trajectories = list(trajectories)
    if not trajectories:
        raise ValueError("Argumen `trajectories` tidak boleh kosong. Diterima: [].")
    check_report("surface", surface, ("extent", "loss", "start", "minimum"),
                 "Surface (mis. elongated_bowl())")
    levels = check_limit("levels", check_positive_int("levels", levels))
    if show_steps is not None:
        show_steps = check_limit("show_steps", check_positive_int("show_steps", show_steps),
                                 "steps")
    axes, ncols = _grid(len(trajectories), axes, ncols, (3.2, 2.3))
    x0, x1, y0, y1 = surface.extent
    xx, yy = np.meshgrid(np.linspace(x0, x1, 241), np.linspace(y0, y1, 241))
    zz = surface.loss(xx, yy)
    contour_levels = np.geomspace(max(float(zz.min()), 1e-3), float(zz.max()), levels)
    for i, (ax, path) in enumerate(zip(axes, trajectories)):
        style = optimizer_style(path.label, i)
        ax.contour(xx, yy, zz, levels=contour_levels, colors="0.75", linewidths=0.6, zorder=0)
        points = path.points if show_steps is None else path.points[: show_steps + 1]
        finite = np.all(np.isfinite(points), axis=1)
        points = points[finite]
        inside = ((points[:, 0] >= x0) & (points[:, 0] <= x1)
                  & (points[:, 1] >= y0) & (points[:, 1] <= y1))
        ax.plot(points[:, 0], points[:, 1], color=style["color"], linewidth=1.0,
                marker=".", markersize=3.5, label=path.label)
        ax.plot(*surface.start, marker="o", markerfacecolor="white", color="black",
                markersize=5.5, linestyle="none", zorder=4)
        ax.plot(*surface.minimum, marker="*", color="black", markersize=9, linestyle="none",
                zorder=4)
        if not inside.all():   # lintasan yang meninggalkan gambar (divergen): tandai di tepi
            ax.annotate("keluar dari gambar", xy=(0.5, 0.92), xycoords="axes fraction",
                        ha="center", fontsize=8)
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_title(path.label)
        ax.grid(False)
    _label_grid(axes, len(trajectories), ncols, "theta_1", "theta_2")
    return axes[: len(trajectories)]


def plot_trajectory_losses(trajectories, ax=None, *, legend: bool = True, name=None):
    """*Loss* setiap lintasan per langkah (skala log), satu garis per optimizer.

    Args:
        trajectories: urutan :class:`chapter11.optimizers.Trajectory`.
        ax: Axes atau ``None``.
        legend: tampilkan legenda.
        name: judul panel (mis. nama permukaan), atau ``None``.

    Returns:
        Axes yang digambari.
    """
    check_report_list("trajectories", trajectories, ("points", "losses", "label"),
                      "Trajectory (hasil trace)")
    trajectories = list(trajectories)
    if not trajectories:
        raise ValueError("Argumen `trajectories` tidak boleh kosong. Diterima: [].")
    check_bool("legend", legend)
    check_optional_text("name", name)
    ax = get_ax(ax)
    for i, path in enumerate(trajectories):
        style = optimizer_style(path.label, i)
        steps = np.arange(len(path.losses))
        losses = np.where(np.isfinite(path.losses), path.losses, np.nan)
        ax.plot(steps, np.maximum(losses, 1e-12), label=path.label, markevery=10,
                markersize=4, **style)
    ax.set_yscale("log")
    ax.set_ylim(bottom=max(1e-8, ax.get_ylim()[0]))
    if name:
        ax.set_title(name)
    set_axis_labels(ax, x="optimizer_step", y="surface_loss_log")
    if legend:
        ax.legend(ncols=3, fontsize=8)
    return ax


def plot_optimizer_curves(results, ax=None, *, metric: str = "val_accuracy",
                          legend: bool = True, name=None):
    """Satu metrik per *epoch* untuk beberapa optimizer, satu garis per optimizer.

    Args:
        results: ``{label: RunResult}`` atau ``{label: [RunResult, …]}`` (beberapa benih:
            garis = rata-rata, pita = rentang min–maks).
        ax: Axes atau ``None``.
        metric: ``"loss"``, ``"val_loss"``, ``"accuracy"`` atau ``"val_accuracy"``.
        legend: tampilkan legenda.
        name: judul panel, atau ``None``.

    Returns:
        Axes yang digambari.

    Example:
        >>> from types import SimpleNamespace
        >>> r = SimpleNamespace(history={"val_accuracy": (0.7, 0.8)})
        >>> ax = plot_optimizer_curves({"Adam": r})
        >>> ax.get_lines()[0].get_ydata().tolist(), ax.get_lines()[0].get_color()
        ([0.7, 0.8], '#D55E00')
    """
    check_report_list("results", results, ("history",), "RunResult (hasil run)")
    check_choice("metric", metric, _METRICS)
    check_bool("legend", legend)
    check_optional_text("name", name)
    if not results:
        raise ValueError("Argumen `results` tidak boleh kosong.")
    ax = get_ax(ax)
    for i, (label, runs) in enumerate(results.items()):
        runs = list(runs) if isinstance(runs, (list, tuple)) else [runs]
        curves = np.array([r.history[metric] for r in runs], dtype=float)
        epochs = np.arange(1, curves.shape[1] + 1)
        style = optimizer_style(str(label), i)     # kunci dict boleh bukan string
        (line,) = ax.plot(epochs, curves.mean(axis=0), label=label, markersize=4, **style)
        if len(runs) > 1:
            ax.fill_between(epochs, curves.min(axis=0), curves.max(axis=0),
                            color=line.get_color(), alpha=0.15, linewidth=0)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    if name:
        ax.set_title(name)
    set_axis_labels(ax, x="epoch", y=metric)
    if legend:
        ax.legend(ncols=3, fontsize=8)
    return ax


def plot_loss_gap_grid(results, axes=None, *, ncols: int = 3):
    """*Loss* latih (garis utuh) dan *loss* validasi (putus-putus) per optimizer, satu panel
    per optimizer, sumbu y bersama: celah di antara keduanya adalah tanda *overfitting*.

    Args:
        results: ``{label: RunResult}`` (satu benih per optimizer).
        axes: array Axes atau ``None``.
        ncols: banyak kolom bila ``axes`` ``None``.

    Returns:
        Array datar Axes.
    """
    check_report_list("results", results, ("history",), "RunResult (hasil run)")
    if not results:
        raise ValueError("Argumen `results` tidak boleh kosong.")
    axes, ncols = _grid(len(results), axes, ncols, (3.2, 2.2))
    for i, (ax, (label, run)) in enumerate(zip(axes, results.items())):
        style = optimizer_style(str(label), i)     # kunci dict boleh bukan string
        loss = np.asarray(run.history["loss"], dtype=float)
        val = np.asarray(run.history["val_loss"], dtype=float)
        epochs = np.arange(1, len(loss) + 1)
        ax.plot(epochs, loss, color=style["color"], linestyle="-", marker=style["marker"],
                markersize=3.5, label="latih")
        ax.plot(epochs, val, color=style["color"], linestyle="--", marker=style["marker"],
                markersize=3.5, markerfacecolor="white", label="validasi")
        ax.fill_between(epochs, loss, val, where=val >= loss, color=style["color"], alpha=0.12,
                        linewidth=0)
        ax.set_title(label)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        if i == 0:
            ax.legend(loc="upper right", fontsize=8)
    _label_grid(axes, len(results), ncols, "epoch", "train_val_loss")
    return axes[: len(results)]


def _samples():
    """Masukan contoh untuk tes label gambar: ``{nama fungsi: [(args, kwargs), …]}``."""
    from types import SimpleNamespace

    from ..optimizers import OPTIMIZER_NAMES, curved_valley, elongated_bowl, trace

    bowl, valley = elongated_bowl(), curved_valley()
    paths = [trace(n, bowl, steps=30, learning_rate=0.01 if n in ("sgd", "momentum",
                                                                    "nesterov") else 0.1)
             for n in OPTIMIZER_NAMES]
    diverged = [trace("sgd", bowl, steps=30, learning_rate=0.05)]

    def run(shift):
        return SimpleNamespace(history={
            "loss": (0.9 - shift, 0.6 - shift, 0.45 - shift),
            "val_loss": (0.8, 0.62, 0.6), "accuracy": (0.7, 0.8, 0.85 + shift),
            "val_accuracy": (0.72, 0.8, 0.83)})

    results = {"SGD": run(0.0), "Adam": run(0.1), "Lain": [run(0.02), run(0.05)]}
    return {
        "plot_trajectory_grid": [((paths, bowl), {}),
                                 ((paths[:4], valley), {"ncols": 2, "show_steps": 10}),
                                 ((diverged, bowl), {})],
        "plot_trajectory_losses": [((paths,), {}), ((paths[:2],), {"legend": False,
                                                                    "name": "Mangkuk"})],
        "plot_optimizer_curves": [((results,), {"metric": m}) for m in _METRICS],
        "plot_loss_gap_grid": [(({k: v for k, v in results.items() if k != "Lain"},), {})],
    }
