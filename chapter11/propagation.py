"""Sinyal maju dan mundur sepanjang kedalaman untuk satu pasangan aktivasi × inisialisasi.

Untuk beberapa benih dibangun MLP dalam yang **belum dilatih**, lalu diukur pada satu *batch*:
sinyal maju per lapisan tersembunyi (simpangan baku keluaran, keluaran jenuh dan tidak aktif —
:func:`chapter11.layer_stats.measure_layer_stats`) dan sinyal mundur (norma gradien kernel —
:func:`chapter11.gradients.measure_gradient_norms`).

Rasio dibaca dengan satu aturan di seluruh buku: **nilai di ujung perjalanan sinyal dibagi nilai
di awalnya**. Sinyal maju berjalan dari lapisan pertama ke terakhir (rasio maju = lapisan
terakhir ÷ pertama); sinyal mundur dari lapisan terakhir ke pertama (rasio mundur = lapisan
pertama ÷ terakhir). Di bawah 1 berarti sinyal menyusut, di atas 1 berarti membesar.

Example:
    >>> rng = np.random.default_rng(0)
    >>> x = rng.random((16, 28, 28), dtype=np.float32)
    >>> y = rng.integers(0, 10, size=16)
    >>> r = measure_signal_propagation("relu", "he_normal", x, y, depth=3, units=8, seeds=(0, 1))
    >>> r.stds.shape, r.grad_norms.shape, r.backward_ratios.shape
    ((2, 3), (2, 3), (2,))
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import numpy as np

from ._validation import check_positive_int, check_report, check_seeds, check_str, check_text
from .gradients import measure_gradient_norms
from .layer_stats import _check_labelled_batch, measure_layer_stats
from .models import build_deep_mlp

__all__ = ["SignalPropagationReport", "measure_signal_propagation", "format_signal_table"]


@dataclass(frozen=True)
class SignalPropagationReport:
    """Sinyal maju dan mundur per lapisan tersembunyi, untuk beberapa benih satu konfigurasi.

    Attributes:
        label: nama konfigurasi untuk legenda.
        activation: nama aktivasi Keras.
        seeds: benih yang diberikan (satu baris per benih).
        stds: ``(n_benih, depth)``: simpangan baku keluaran setiap lapisan tersembunyi.
        saturated: ``(n_benih, depth)``: pecahan keluaran jenuh setiap lapisan tersembunyi.
        inactive: ``(n_benih, depth)``: pecahan keluaran tidak aktif (nol ReLU).
        grad_norms: ``(n_benih, depth)``: norma gradien kernel setiap lapisan tersembunyi.
        output_grad_norms: ``(n_benih,)``: norma gradien kernel lapisan keluaran.
    """

    label: str
    activation: str
    seeds: tuple[int, ...]
    stds: np.ndarray
    saturated: np.ndarray
    inactive: np.ndarray
    grad_norms: np.ndarray
    output_grad_norms: np.ndarray

    @property
    def depth(self) -> int:
        """Banyak lapisan tersembunyi."""
        return int(self.stds.shape[1])

    @property
    def forward_ratios(self) -> np.ndarray:
        """Simpangan baku lapisan terakhir dibagi lapisan pertama, satu nilai per benih."""
        return self.stds[:, -1] / self.stds[:, 0]

    @property
    def backward_ratios(self) -> np.ndarray:
        """Norma gradien lapisan tersembunyi pertama dibagi yang terakhir, satu nilai per benih."""
        return self.grad_norms[:, 0] / self.grad_norms[:, -1]

    @property
    def forward_factors(self) -> np.ndarray:
        """Faktor maju rata-rata (geometrik) per lapisan, ``forward_ratios^(1/(depth − 1))``."""
        return self.forward_ratios ** (1.0 / max(self.depth - 1, 1))

    @property
    def backward_factors(self) -> np.ndarray:
        """Faktor mundur rata-rata (geometrik) per lapisan, ``backward_ratios^(1/(depth − 1))``.

        Example:
            >>> r = SignalPropagationReport("", "relu", (0,), np.ones((1, 3)), np.zeros((1, 3)),
            ...     np.zeros((1, 3)), np.array([[0.25, 0.5, 1.0]]), np.ones(1))
            >>> r.backward_factors.tolist()
            [0.5]
        """
        return self.backward_ratios ** (1.0 / max(self.depth - 1, 1))


def measure_signal_propagation(
    activation: str, kernel_initializer, x, y, *, depth: int = 50, units: int = 100,
    seeds=(0, 1, 2), label: str = "",
) -> SignalPropagationReport:
    """Ukur sinyal maju dan mundur sebuah MLP dalam yang belum dilatih, untuk beberapa benih.

    Untuk setiap benih dibangun ``build_deep_mlp(depth, units, activation, kernel_initializer)``,
    lalu diukur pada batch ``(x, y)``: :func:`chapter11.layer_stats.measure_layer_stats` (maju)
    dan :func:`chapter11.gradients.measure_gradient_norms` (mundur).

    Args:
        activation: nama aktivasi Keras (``"sigmoid"``, ``"tanh"``, ``"relu"``, ``"selu"``, …).
        kernel_initializer: nama Keras, dict konfigurasi, atau objek inisialisasi.
        x: batch gambar ``(n, 28, 28)``.
        y: label 0–9, panjang ``n``.
        depth: banyak lapisan tersembunyi.
        units: lebar setiap lapisan tersembunyi.
        seeds: urutan benih bilangan bulat >= 0 yang tidak kembar.
        label: nama konfigurasi untuk legenda.

    Returns:
        :class:`SignalPropagationReport`, digambar oleh
        :func:`chapter11.plotting.plot_signal_depth`.

    Raises:
        ValueError, TypeError: argumen yang tidak sah.
    """
    x, y = _check_labelled_batch(x, y)
    depth = check_positive_int("depth", depth)
    units = check_positive_int("units", units)
    seeds = check_seeds("seeds", seeds)
    check_text("label", label)
    stds, saturated, inactive, grads, output = [], [], [], [], []
    for seed in seeds:
        model = build_deep_mlp(depth, units, activation, kernel_initializer, seed=seed)
        stats = measure_layer_stats(model, x)
        norms = measure_gradient_norms(model, x, y).norms
        stds.append(stats.stds)
        saturated.append(stats.saturated)
        inactive.append(stats.inactive)
        grads.append(norms[:-1])
        output.append(norms[-1])
    return SignalPropagationReport(
        label=label, activation=activation, seeds=seeds, stds=np.array(stds),
        saturated=np.array(saturated), inactive=np.array(inactive), grad_norms=np.array(grads),
        output_grad_norms=np.array(output),
    )


def format_signal_table(reports, *, row_names, caption: str, name: str) -> str:
    """Tabel MyST ringkasan beberapa :class:`SignalPropagationReport` (rentang antarbenih).

    Kolom: rasio maju (terakhir ÷ pertama), rasio mundur (pertama ÷ terakhir), norma gradien
    terbesar, keluaran jenuh dan tidak aktif (rata-rata, %).

    Args:
        reports: urutan laporan.
        row_names: pasangan ``(aktivasi, inisialisasi)`` untuk setiap baris.
        caption, name: keterangan dan label tabel.

    Example:
        >>> r = SignalPropagationReport("He", "relu", (0,), np.array([[1.0, 2.0]]),
        ...     np.zeros((1, 2)), np.full((1, 2), 0.5), np.array([[0.5, 1.0]]), np.ones(1))
        >>> print(format_signal_table([r], row_names=[("ReLU", "He")], caption="C",
        ...                           name="t").splitlines()[5])
        | ReLU | He | 2,00 | 0,50 | 1,00 | 0% | 50% |
    """
    from .formatting import format_percent, format_range, markdown_table

    for arg, value in (("reports", reports), ("row_names", row_names)):
        # Koleksi apa pun yang berurutan tetap (list, tuple, dict.values() …), bukan teks/dict.
        if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Collection):
            raise TypeError(f"Argumen `{arg}` harus list, tuple, atau koleksi lain (mis. "
                            f"dict.values()). Diterima: {arg}={value!r} "
                            f"(tipe {type(value).__name__}).")
    for r in reports:
        check_report("reports", r, ("forward_ratios", "backward_ratios", "grad_norms",
                                    "saturated", "inactive"),
                     "SignalPropagationReport (hasil measure_signal_propagation)")
    for pair in row_names:
        if (not isinstance(pair, (list, tuple)) or len(pair) != 2
                or not all(isinstance(p, str) for p in pair)):
            raise TypeError("Setiap anggota `row_names` harus pasangan string (aktivasi, "
                            f"inisialisasi). Diterima: anggota {pair!r}.")
    check_str("caption", caption)
    check_str("name", name)
    reports, row_names = list(reports), list(row_names)
    if len(reports) != len(row_names):
        raise ValueError("Argumen `row_names` harus sepanjang `reports`. "
                         f"Diterima: {len(row_names)} nama untuk {len(reports)} laporan.")
    rows = [[activation, init, format_range(r.forward_ratios), format_range(r.backward_ratios),
             format_range(r.grad_norms.max(axis=1)), format_percent(r.saturated.mean(), 0),
             format_percent(r.inactive.mean(), 0)]
            for (activation, init), r in zip(row_names, reports)]
    header = ["Aktivasi", "Inisialisasi", "Maju: terakhir ÷ pertama",
              "Mundur: pertama ÷ terakhir", "Gradien terbesar", "Jenuh", "Tidak aktif"]
    return markdown_table(header, rows, caption=caption, name=name)
