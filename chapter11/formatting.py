"""Angka untuk prosa berbahasa Indonesia: koma desimal, titik ribuan, notasi ilmiah.

Modul ini hanya memakai pustaka standar (tanpa TensorFlow), sehingga doctest-nya instan.
Halaman buku menempelkan (*glue*) string hasil fungsi-fungsi ini, bukan skalar NumPy.

>>> format_number(0.25)
'0,25'
>>> format_int(55000)
'55.000'
>>> format_sci(3.2e-12)
'3,2 × 10⁻¹²'
>>> format_percent(0.8766)
'87,7%'
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable

from ._validation import check_int, check_limit, check_positive_int, check_str

__all__ = ["format_number", "format_signed", "format_int", "format_sci", "format_percent",
           "format_seconds", "format_auto", "format_range", "format_images", "markdown_table"]

#: Tanda minus (U+2212) untuk bilangan negatif di prosa, sama dengan gambar.
MINUS = "−"

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def _check_real(value, name: str = "value") -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(
            f"Argumen `{name}`: hanya bilangan real yang dapat diformat. "
            f"Diterima: {name}={value!r} (tipe {type(value).__name__})."
        )
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"Argumen `{name}`: hanya bilangan berhingga yang dapat diformat. "
                         f"Diterima: {name}={value!r}.")
    return value


def _group_thousands(digits: str) -> str:
    sign = MINUS if digits.startswith("-") else ""
    digits = digits.lstrip("-")
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return sign + ".".join(groups)


def format_number(value, digits: int = 2) -> str:
    """Format bilangan dengan ``digits`` angka di belakang koma desimal.

    Args:
        value: bilangan real (Python atau NumPy).
        digits: banyak angka desimal (>= 0).

    Returns:
        String dengan koma desimal dan titik pemisah ribuan.

    Example:
        >>> format_number(1234.5678)
        '1.234,57'
        >>> format_number(-0.5, digits=1)
        '−0,5'
        >>> format_number(3, digits=0)
        '3'
    """
    value = _check_real(value)
    digits = check_int("digits", digits, minimum=0)
    text = f"{value:.{digits}f}"
    if text.startswith("-") and float(text) == 0:
        text = text[1:]
    whole, _, frac = text.partition(".")
    whole = _group_thousands(whole)
    return f"{whole},{frac}" if frac else whole


def format_signed(value, digits: int = 2) -> str:
    """Format bilangan seperti :func:`format_number`, dengan tanda ``+`` bila positif.

    Untuk selisih dan perolehan di prosa ("+1,20 poin", "−0,50 poin"). Bilangan yang menjadi
    nol sesudah dibulatkan ditulis tanpa tanda.

    Example:
        >>> format_signed(1.234)
        '+1,23'
        >>> format_signed(-0.5, digits=1)
        '−0,5'
        >>> format_signed(-0.001)
        '0,00'
    """
    text = format_number(value, digits)
    if text.startswith(MINUS) or not text.strip("0,."):
        return text
    return "+" + text


def format_int(value) -> str:
    """Format bilangan bulat dengan titik pemisah ribuan.

    Example:
        >>> format_int(10000)
        '10.000'
        >>> format_int(7)
        '7'
    """
    value = _check_real(value)
    if value != int(value):
        raise ValueError(f"Argumen `value`: format_int hanya menerima bilangan bulat. "
                         f"Diterima: value={value!r}.")
    return _group_thousands(str(int(value)))


def format_sci(value, digits: int = 1) -> str:
    """Format bilangan dalam notasi ilmiah gaya buku: ``a × 10ⁿ``.

    Args:
        value: bilangan real, tidak nol.
        digits: banyak angka desimal pada mantisa.

    Example:
        >>> format_sci(0.000123)
        '1,2 × 10⁻⁴'
        >>> format_sci(2.5e7, digits=0)
        '2 × 10⁷'
        >>> format_sci(1e-12)
        '10⁻¹²'
        >>> format_sci(3.0)
        '3,0'
    """
    value = _check_real(value)
    digits = check_int("digits", digits, minimum=0)
    if value == 0:
        return "0"
    exponent = math.floor(math.log10(abs(value)))
    mantissa = value / 10**exponent
    rounded = round(mantissa, digits)
    if abs(rounded) >= 10:
        exponent += 1
        rounded = round(value / 10**exponent, digits)
    if exponent == 0:
        return format_number(rounded, digits)
    power = "10" + str(exponent).translate(_SUPERSCRIPT)  # pangkat negatif: ⁻ (superskrip)
    if rounded == 1:
        return power
    if rounded == -1:
        return MINUS + power
    return f"{format_number(rounded, digits)} × {power}"


def format_auto(value, digits: int = 2) -> str:
    """Pilih notasi biasa atau ilmiah menurut besarnya bilangan.

    Bilangan antara 0,01 dan 100.000 (nilai mutlak) ditulis biasa; di luar itu ilmiah.

    Example:
        >>> format_auto(0.1234)
        '0,12'
        >>> format_auto(4.2e-9)
        '4,2 × 10⁻⁹'
    """
    value = _check_real(value)
    if value == 0 or 0.01 <= abs(value) < 100_000:
        return format_number(value, digits)
    return format_sci(value, max(digits - 1, 0))


def format_percent(fraction, digits: int = 1) -> str:
    """Format pecahan (0–1) sebagai persen.

    Example:
        >>> format_percent(0.5)
        '50,0%'
        >>> format_percent(0.123456, digits=2)
        '12,35%'
    """
    return format_number(100 * _check_real(fraction, "fraction"), digits) + "%"


def format_seconds(seconds, digits: int = 1) -> str:
    """Format durasi dalam detik.

    Example:
        >>> format_seconds(12.345)
        '12,3 detik'
    """
    return format_number(_check_real(seconds, "seconds"), digits) + " detik"


def _flatten(values):
    """Bilangan-bilangan dalam urutan bersarang (mis. array NumPy 2-D), tanpa mengimpor NumPy."""
    if isinstance(values, numbers.Real):
        yield values
        return
    if isinstance(values, (str, bytes)):
        raise TypeError(f"Argumen `values`: hanya bilangan real yang dapat diformat. "
                        f"Diterima: values={values!r}.")
    try:
        iterator = iter(values)
    except TypeError:
        yield values  # mis. array 0-D: _check_real memeriksanya
        return
    for value in iterator:
        yield from _flatten(value)


def format_range(values, digits: int = 2) -> str:
    """Rentang sekumpulan nilai untuk prosa: ``"a sampai b"`` (satu nilai: ``"a"``).

    Satu bentuk untuk setiap rentang di buku: yang kecil lebih dahulu, dipisah "sampai".
    Notasi biasa bila kedua ujung di antara 0,01 dan 100.000, selain itu notasi ilmiah
    (keduanya dengan notasi yang sama agar mudah dibandingkan).

    Example:
        >>> format_range([0.31, 0.19, 0.25])
        '0,19 sampai 0,31'
        >>> format_range([2.1e-12, 3.4e-12])
        '2,1 × 10⁻¹² sampai 3,4 × 10⁻¹²'
        >>> format_range([0.5, 0.5])
        '0,50'
        >>> format_range([[0.2, 0.4], [0.3, 0.1]])   # urutan bersarang (array 2-D) diratakan
        '0,10 sampai 0,40'
    """
    values = [_check_real(v, "values") for v in _flatten(values)]
    if not values:
        raise ValueError("Argumen `values` tidak boleh kosong. Diterima: values=[].")
    lo, hi = min(values), max(values)
    plain = all(v == 0 or 0.01 <= abs(v) < 100_000 for v in (lo, hi))
    fmt = (lambda v: format_number(v, digits)) if plain else (
        lambda v: format_sci(v, max(digits - 1, 0)))
    return fmt(lo) if fmt(lo) == fmt(hi) else f"{fmt(lo)} sampai {fmt(hi)}"


def format_images(n, total: int) -> str:
    """Banyak gambar yang dipakai sebuah eksperimen: ``n``, atau ``total`` bila ``n`` ``None``.

    Example:
        >>> format_images(None, 55_000), format_images(5_000, 55_000)
        ('55.000', '5.000')
    """
    total = check_limit("total", check_positive_int("total", total), "images")
    if n is not None:
        n = check_int("n", n, minimum=1)
        if n > total:
            raise ValueError(f"Argumen `n` paling besar `total` ({total}). Diterima: n={n!r}.")
    return format_int(total if n is None else n)


def markdown_table(header, rows, *, caption: str | None = None, name: str | None = None) -> str:
    """Tabel Markdown; dengan ``caption`` menjadi direktif MyST ``table`` bernomor.

    Args:
        header: judul kolom.
        rows: baris-baris sel (string), masing-masing sepanjang ``header``.
        caption: keterangan tabel (``None``: tabel biasa tanpa nomor).
        name: label untuk ``{numref}`` (hanya bersama ``caption``).

    Raises:
        ValueError: baris yang panjangnya berbeda dari ``header``.

    Example:
        >>> print(markdown_table(["a", "b"], [["1", "2"]]))
        | a | b |
        | --- | --- |
        | 1 | 2 |
    """
    for arg, value in (("header", header), ("rows", rows)):
        if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
            raise TypeError(f"Argumen `{arg}` harus daftar (list/tuple). "
                            f"Diterima: {arg}={value!r} (tipe {type(value).__name__}).")
    header = [str(cell) for cell in header]
    if not header:
        raise ValueError("Argumen `header` harus berisi paling sedikit satu judul kolom. "
                         "Diterima: header=[].")
    if any(isinstance(row, (str, bytes)) or not isinstance(row, Iterable) for row in rows):
        raise TypeError(f"Setiap anggota `rows` harus daftar sel. Diterima: rows={rows!r}.")
    rows = [[str(cell) for cell in row] for row in rows]
    for row in rows:
        if len(row) != len(header):
            raise ValueError(f"Setiap baris `rows` harus punya {len(header)} sel. "
                             f"Diterima: {row!r}.")
    for arg, value in (("caption", caption), ("name", name)):
        if value is not None:
            check_str(arg, value)
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    if caption is None:
        return "\n".join(lines)
    head = [f"~~~{{table}} {caption}"] + ([f":name: {name}"] if name else []) + [""]
    return "\n".join(head + lines + ["~~~"])
