"""Satu tabel label sumbu berbahasa Indonesia, dan angka sumbu dengan koma desimal.

Setiap label sumbu di setiap gambar buku diambil dari ``LABELS`` lewat
:func:`set_axis_labels`; tidak ada fungsi ``plot_*`` yang menulis label sumbu sendiri. Modul
gambar baru mendaftarkan labelnya sekali, saat diimpor, dengan :func:`register_labels`
(kunci yang sudah ada boleh didaftarkan lagi hanya dengan teks yang sama), sehingga tabelnya
tetap satu tanpa satu berkas yang disunting banyak penulis.

Istilah Inggris yang dipertahankan buku (*epoch*, *loss*; lihat keputusan kosakata di glosarium)
dicetak miring lewat mathtext, seperti di prosa.

Example:
    >>> import matplotlib.pyplot as plt
    >>> _, ax = plt.subplots()
    >>> _ = ax.plot([0, 1], [0.25, 0.5])
    >>> set_axis_labels(ax, x="epoch", y="val_accuracy")
    >>> ax.get_ylabel()
    'Akurasi validasi'
    >>> ax.figure.canvas.draw()
    >>> [t.get_text() for t in ax.get_yticklabels()][:2]
    ['0,20', '0,25']
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import matplotlib.ticker as mticker

from .._validation import check_axes, check_choice

__all__ = ["LABELS", "register_labels", "axis_label", "set_axis_labels", "decimal_comma_axis",
           "CommaScalarFormatter", "comma_number"]

_TABLE: dict[str, str] = {}

#: Tabel baca-saja: kunci → label sumbu. Isinya didaftarkan oleh setiap modul gambar.
LABELS: Mapping[str, str] = MappingProxyType(_TABLE)


def register_labels(labels: Mapping[str, str]) -> None:
    """Daftarkan label sumbu sebuah modul gambar ke tabel bersama.

    Args:
        labels: ``{kunci: teks}``; kunci berupa pengenal pendek (``"grad_norm"``), teksnya
            bahasa Indonesia, dengan satuan atau "(skala log)" bila berlaku.

    Raises:
        TypeError: bukan pemetaan string ke string.
        ValueError: kunci yang sudah terdaftar dengan teks lain, atau teks kosong.

    Example:
        >>> register_labels({"weight": "Nilai bobot"})    # sudah ada, teks sama: tidak apa-apa
        >>> register_labels({"weight": "Bobot"})  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ValueError: Kunci label `weight` sudah terdaftar dengan teks 'Nilai bobot'. Diterima: ...
    """
    if not isinstance(labels, Mapping):
        raise TypeError(f"Argumen `labels` harus dict kunci → teks. Diterima: labels={labels!r} "
                        f"(tipe {type(labels).__name__}).")
    for key, text in labels.items():
        if not isinstance(key, str) or not isinstance(text, str):
            raise TypeError(f"Kunci dan teks `labels` harus string. "
                            f"Diterima: anggota labels {key!r}: {text!r}.")
        if not text.strip():
            raise ValueError(f"Teks label `{key}` di `labels` tidak boleh kosong. "
                             f"Diterima: {text!r}.")
        if key in _TABLE and _TABLE[key] != text:
            raise ValueError(f"Kunci label `{key}` sudah terdaftar dengan teks {_TABLE[key]!r}. "
                             f"Diterima: {text!r}.")
    _TABLE.update(labels)


def axis_label(key: str) -> str:
    """Teks label untuk ``key``; galat yang jelas bila kunci belum terdaftar.

    Example:
        >>> axis_label("z")
        'Masukan z'
    """
    return _lookup("key", key)


def _lookup(name: str, key) -> str:
    if not isinstance(key, str):
        raise TypeError(f"Argumen `{name}` harus string kunci tabel chapter11.plotting.LABELS. "
                        f"Diterima: {name}={key!r} (tipe {type(key).__name__}).")
    if key not in _TABLE:
        raise ValueError(f"Argumen `{name}` harus kunci tabel chapter11.plotting.LABELS "
                         f"(daftarkan yang baru dengan register_labels). Diterima: {name}={key!r}.")
    return _TABLE[key]


def comma_number(text: str) -> str:
    """Ganti titik desimal dengan koma dan tanda hubung dengan tanda minus.

    Example:
        >>> comma_number("-0.5")
        '−0,5'
    """
    if not isinstance(text, str):
        raise TypeError(f"Argumen `text` harus string. Diterima: text={text!r} "
                        f"(tipe {type(text).__name__}).")
    return text.replace(".", ",").replace("-", "−")


class CommaScalarFormatter(mticker.ScalarFormatter):
    """``ScalarFormatter`` matplotlib dengan koma desimal (juga pada teks *offset*-nya)."""

    def __call__(self, x, pos=None):
        return super().__call__(x, pos).replace(".", ",")

    def get_offset(self):
        return super().get_offset().replace(".", ",")


def decimal_comma_axis(ax, axis: str = "both") -> None:
    """Pakai koma desimal pada sumbu linear ``ax`` (sumbu log dan label tetap tidak diubah).

    Hanya pemformat bawaan (``ScalarFormatter``) yang diganti; label tik yang ditulis sendiri
    (``FixedFormatter``, ``FuncFormatter``) dan pemformat log dibiarkan.
    """
    if ax is None:
        raise TypeError("Argumen `ax` harus matplotlib Axes. Diterima: ax=None.")
    check_axes("ax", ax)
    check_choice("axis", axis, ("x", "y", "both"))
    targets = {"x": [ax.xaxis], "y": [ax.yaxis], "both": [ax.xaxis, ax.yaxis]}[axis]
    for target in targets:
        formatter = target.get_major_formatter()
        if type(formatter) is mticker.ScalarFormatter:
            target.set_major_formatter(CommaScalarFormatter())


def set_axis_labels(ax, *, x: str | None = None, y: str | None = None) -> None:
    """Pasang label sumbu dari tabel ``LABELS`` dan koma desimal pada sumbu linear.

    Args:
        ax: Axes matplotlib.
        x, y: kunci tabel untuk sumbu x dan y (``None``: label sumbu itu tidak diubah).

    Raises:
        ValueError: kunci yang tidak ada di tabel.
    """
    if ax is None:
        raise TypeError("Argumen `ax` harus matplotlib Axes. Diterima: ax=None.")
    check_axes("ax", ax)
    x_text = None if x is None else _lookup("x", x)
    y_text = None if y is None else _lookup("y", y)
    if x_text is not None:
        ax.set_xlabel(x_text)
    if y_text is not None:
        ax.set_ylabel(y_text)
    decimal_comma_axis(ax)


# --- Label bersama dan label halaman-halaman pertama -------------------------------------------
register_labels({
    # Lapisan dan kedalaman
    "layer": "Lapisan (dari masukan ke keluaran)",
    "hidden_layer": "Nomor lapisan tersembunyi",
    "dense_shape": "Lapisan Dense (fan-in → fan-out)",
    # Fungsi aktivasi
    "z": "Masukan z",
    "f": "Keluaran f(z)",
    "df": "Turunan f′(z)",
    "f_and_df": "f(z) dan f′(z)",
    # Sinyal maju dan mundur
    "grad_norm": "Norma gradien ‖∂L/∂W‖₂",
    "grad_norm_log": "Norma gradien ‖∂L/∂W‖₂ (skala log)",
    "act_std": "Simpangan baku keluaran",
    "act_std_log": "Simpangan baku keluaran (skala log)",
    "act_mean": "Rata-rata keluaran",
    "act_mean_symlog": "Rata-rata keluaran (skala log simetris)",
    "saturated_pct": "Keluaran jenuh (%)",
    "inactive_pct": "Keluaran tidak aktif (%)",
    "dead_pct": "Unit mati (% unit lapisan)",
    "never_positive_pct": "Unit dengan z ≤ 0 untuk semua contoh (%)",
    # Bobot awal
    "weight": "Nilai bobot",
    "density": "Kepadatan",
    "variance": "Variansi",
    "variance_error_pct": "Galat relatif variansi (%)",
    # Pelatihan
    "epoch": r"$\mathit{Epoch}$",
    "loss": r"$\mathit{Loss}$ latih",
    "val_loss": r"$\mathit{Loss}$ validasi",
    "accuracy": "Akurasi latih",
    "val_accuracy": "Akurasi validasi",
    "config": "Konfigurasi",
    # Batch Normalization
    "bn_output": "Keluaran lapisan BN",
    "density_log": "Kepadatan (skala log)",
    "step": "Langkah pelatihan",
    "mean_error": "Galat relatif rata-rata bergerak (skala log)",
    "variance_error": "Galat relatif variansi bergerak (skala log)",
    "gap": "Selisih keluaran inferensi − pelatihan (skala log)",
    "batch_size": r"Ukuran $\mathit{batch}$ (skala log)",
    "lag_step": "Umur rata-rata bergerak t (langkah)",
})
