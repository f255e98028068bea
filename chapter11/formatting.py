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

from ._validation import check_int

__all__ = ["format_number", "format_int", "format_sci", "format_percent", "format_seconds",
           "format_auto", "format_range"]

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def _check_real(value) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(
            f"Hanya bilangan real yang dapat diformat. Diterima: {value!r} "
            f"(tipe {type(value).__name__})."
        )
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"Hanya bilangan berhingga yang dapat diformat. Diterima: {value!r}.")
    return value


def _group_thousands(digits: str) -> str:
    sign = "-" if digits.startswith("-") else ""
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
        '-0,5'
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
        raise ValueError(f"format_int hanya menerima bilangan bulat. Diterima: {value!r}.")
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
    power = "10" + str(exponent).translate(_SUPERSCRIPT)
    if rounded == 1:
        return power
    if rounded == -1:
        return "-" + power
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
    return format_number(100 * _check_real(fraction), digits) + "%"


def format_seconds(seconds, digits: int = 1) -> str:
    """Format durasi dalam detik.

    Example:
        >>> format_seconds(12.345)
        '12,3 detik'
    """
    return format_number(seconds, digits) + " detik"


def format_range(values, digits: int = 2) -> str:
    """Rentang sekumpulan nilai untuk prosa: ``"a sampai b"`` (satu nilai: ``"a"``).

    Notasi biasa bila kedua ujung di antara 0,01 dan 100.000, selain itu notasi ilmiah
    (keduanya dengan notasi yang sama agar mudah dibandingkan).

    Example:
        >>> format_range([0.31, 0.19, 0.25])
        '0,19 sampai 0,31'
        >>> format_range([2.1e-12, 3.4e-12])
        '2,1 × 10⁻¹² sampai 3,4 × 10⁻¹²'
        >>> format_range([0.5, 0.5])
        '0,50'
    """
    values = [_check_real(v) for v in values]
    if not values:
        raise ValueError("Argumen `values` tidak boleh kosong.")
    lo, hi = min(values), max(values)
    plain = all(v == 0 or 0.01 <= abs(v) < 100_000 for v in (lo, hi))
    fmt = (lambda v: format_number(v, digits)) if plain else (
        lambda v: format_sci(v, max(digits - 1, 0)))
    return fmt(lo) if fmt(lo) == fmt(hi) else f"{fmt(lo)} sampai {fmt(hi)}"
