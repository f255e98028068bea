"""Pemeriksaan argumen bersama untuk semua titik masuk publik.

Setiap pesan galat menyebut aturannya, lalu nilai yang diterima, misalnya
``Argumen `depth` harus bilangan bulat positif. Diterima: depth=0``.
"""

from __future__ import annotations

import numbers
from collections.abc import Collection, Iterable
from typing import Any


def _received(name: str, value: Any) -> str:
    return f"Diterima: {name}={value!r}"


def check_int(name: str, value: Any, *, minimum: int | None = None) -> int:
    """Pastikan ``value`` bilangan bulat (bukan bool) dan, bila diminta, >= ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(
            f"Argumen `{name}` harus bilangan bulat. {_received(name, value)} "
            f"(tipe {type(value).__name__})."
        )
    value = int(value)
    if minimum is not None and value < minimum:
        rule = "positif" if minimum == 1 else f"paling kecil {minimum}"
        raise ValueError(f"Argumen `{name}` harus bilangan bulat {rule}. {_received(name, value)}.")
    return value


def check_positive_int(name: str, value: Any) -> int:
    """Pastikan ``value`` bilangan bulat >= 1."""
    return check_int(name, value, minimum=1)


def check_float(
    name: str,
    value: Any,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    strict_minimum: bool = False,
) -> float:
    """Pastikan ``value`` bilangan real berhingga dalam rentang yang diminta."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(
            f"Argumen `{name}` harus bilangan real. {_received(name, value)} "
            f"(tipe {type(value).__name__})."
        )
    value = float(value)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"Argumen `{name}` harus bilangan berhingga. {_received(name, value)}.")
    if minimum is not None:
        if strict_minimum and value <= minimum:
            rule = "positif" if minimum == 0 else f"lebih besar dari {minimum}"
            raise ValueError(f"Argumen `{name}` harus {rule}. {_received(name, value)}.")
        if not strict_minimum and value < minimum:
            raise ValueError(
                f"Argumen `{name}` harus paling kecil {minimum}. {_received(name, value)}."
            )
    if maximum is not None and value > maximum:
        raise ValueError(f"Argumen `{name}` harus paling besar {maximum}. {_received(name, value)}.")
    return value


def check_positive(name: str, value: Any) -> float:
    """Pastikan ``value`` bilangan real > 0."""
    return check_float(name, value, minimum=0.0, strict_minimum=True)


def check_choice(name: str, value: Any, choices: Iterable[Any]) -> Any:
    """Pastikan ``value`` salah satu dari ``choices``; pesan galat mendaftar pilihannya."""
    choices = tuple(choices)
    if value not in choices:
        listed = ", ".join(repr(c) for c in choices)
        raise ValueError(
            f"Argumen `{name}` harus salah satu dari: {listed}. {_received(name, value)}."
        )
    return value


def check_str(name: str, value: Any) -> str:
    """Pastikan ``value`` berupa string yang tidak kosong."""
    if not isinstance(value, str):
        raise TypeError(
            f"Argumen `{name}` harus berupa string. {_received(name, value)} "
            f"(tipe {type(value).__name__})."
        )
    if not value:
        raise ValueError(f"Argumen `{name}` tidak boleh string kosong. {_received(name, value)}.")
    return value


def check_bool(name: str, value: Any) -> bool:
    """Pastikan ``value`` bertipe ``bool`` (bukan 0/1 atau string)."""
    if not isinstance(value, bool):
        raise TypeError(
            f"Argumen `{name}` harus True atau False. {_received(name, value)} "
            f"(tipe {type(value).__name__})."
        )
    return value


#: Batas atas ukuran, di satu tempat: cukup longgar untuk anggaran ``full`` dan GPU, tetapi
#: mencegah argumen yang membuat pekerjaan menggantung (mis. ``depth=10**6``).
LIMITS = {
    "n_train": (55_000, "ukuran set latih Fashion-MNIST"),
    "n_valid": (5_000, "ukuran set validasi Fashion-MNIST"),
    "epochs": (1_000, "banyak epoch per fase"),
    "batch_size": (65_536, "ukuran batch"),
    "depth": (1_000, "banyak lapisan tersembunyi"),
    "units": (65_536, "lebar lapisan"),
    "steps": (10_000_000, "banyak langkah"),
    "seeds": (1_000, "banyak benih"),
}


def check_limit(name: str, value: Any, key: str | None = None) -> Any:
    """Pastikan ``value`` tidak melewati batas ``LIMITS[key or name]``; pesan menyebut batasnya."""
    cap, what = LIMITS[key or name]
    if value > cap:
        raise ValueError(
            f"Argumen `{name}` paling besar {cap} ({what}). {_received(name, value)}."
        )
    return value


def _short_repr(value: Any, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


def check_budget(name: str, value: Any):
    """Pastikan ``value`` sebuah :class:`chapter11.runtime.Budget` (bukan nama string)."""
    from .runtime import Budget

    if not isinstance(value, Budget):
        raise TypeError(
            f"Argumen `{name}` harus chapter11.runtime.Budget, mis. Budget('fast') atau "
            f"chapter11.setup(). Diterima: {name}={_short_repr(value)} "
            f"(tipe {type(value).__name__})."
        )
    return value


def check_report(name: str, value: Any, attributes: Iterable[str], what: str) -> Any:
    """Pastikan ``value`` punya atribut yang digambar/dibaca (``what`` menamai tipe yang diminta).

    Pemeriksaan menurut atribut, bukan kelas, agar objek setara (mis. ``SimpleNamespace`` di
    contoh dokumentasi) tetap diterima.
    """
    missing = [a for a in attributes if not hasattr(value, a)]
    if missing:
        raise TypeError(
            f"Argumen `{name}` harus {what} (tanpa atribut {', '.join(missing)}). "
            f"Diterima: {name}={_short_repr(value)} (tipe {type(value).__name__})."
        )
    return value


def check_axes(name: str, value: Any) -> Any:
    """Pastikan ``value`` ``None`` atau sebuah ``matplotlib.axes.Axes``."""
    if value is None:
        return value
    from matplotlib.axes import Axes

    if not isinstance(value, Axes):
        raise TypeError(
            f"Argumen `{name}` harus matplotlib Axes atau None. "
            f"Diterima: {name}={_short_repr(value)} (tipe {type(value).__name__})."
        )
    return value


def check_report_list(name: str, value: Any, attributes: Iterable[str], what: str) -> Any:
    """Pastikan ``value`` satu objek :func:`check_report`, atau daftar/dict tak kosong berisinya.

    Nilai dict boleh berupa satu objek atau daftar objek (mis. beberapa benih per nama).
    """
    attributes = tuple(attributes)
    if all(hasattr(value, a) for a in attributes):
        return value
    items = list(value.values()) if isinstance(value, dict) else value
    if isinstance(items, Collection) and not isinstance(items, (str, bytes)):
        items = list(items)  # mis. dict.values(); generator tidak (akan habis terbaca di sini)
    if isinstance(items, (list, tuple)) and not items:
        raise ValueError(
            f"Argumen `{name}` tidak boleh kosong; berikan paling sedikit satu {what}. "
            f"Diterima: {name}={_short_repr(value)}."
        )
    if not isinstance(items, (list, tuple)):
        raise TypeError(
            f"Argumen `{name}` harus {what}, atau daftar/dict tak kosong berisi {what}. "
            f"Diterima: {name}={_short_repr(value)} (tipe {type(value).__name__})."
        )
    for item in items:
        for element in (item if isinstance(item, (list, tuple)) else [item]):
            missing = [a for a in attributes if not hasattr(element, a)]
            if missing:
                raise TypeError(
                    f"Setiap anggota `{name}` harus {what} (tanpa atribut "
                    f"{', '.join(missing)}). Diterima: anggota {_short_repr(element)} "
                    f"(tipe {type(element).__name__})."
                )
    return value


# --- Tambahan gaps-a (optimizer dan jadwal learning rate) -----------------------------------

LIMITS.update({
    "ncols": (100, "banyak kolom panel"),
    "levels": (1_000, "banyak garis kontur"),
    "digits": (15, "angka penting yang bermakna pada float64"),
})


def check_real_array(name: str, value: Any, *, ndim: int | tuple[int, ...] | None = None,
                     finite: bool = True, nonempty: bool = True):
    """Pastikan ``value`` larik bilangan real (bukan teks/objek/bool/bergerigi); kembalikan
    ``np.asarray(value)`` **tanpa mengubah dtype-nya** (hasil perhitungan tetap sama).

    Satu ``np.asarray`` dan satu ``np.isfinite(...).all()``: cukup murah untuk titik masuk yang
    dipanggil di dalam perulangan.

    Args:
        ndim: banyak dimensi yang diizinkan (satu bilangan atau tuple), atau ``None``.
        finite: tolak NaN/inf.
        nonempty: tolak larik tanpa elemen.
    """
    import numpy as np

    try:
        array = np.asarray(value)
    except (TypeError, ValueError):   # mis. daftar bertingkat yang panjangnya tidak sama
        raise ValueError(
            f"Argumen `{name}` harus larik bilangan real berbentuk teratur. "
            f"Diterima: {name}={_short_repr(value)}."
        ) from None
    if array.dtype.kind not in "iuf":
        raise TypeError(
            f"Argumen `{name}` harus larik bilangan real. Diterima: {name}={_short_repr(value)} "
            f"(tipe {type(value).__name__}, dtype {array.dtype})."
        )
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, int) else tuple(ndim)
        if array.ndim not in allowed:
            rule = " atau ".join(str(d) for d in allowed)
            raise ValueError(
                f"Argumen `{name}` harus larik {rule} dimensi. "
                f"Diterima: {name}={_short_repr(value)} (bentuk {array.shape})."
            )
    if nonempty and array.size == 0:
        raise ValueError(
            f"Argumen `{name}` tidak boleh kosong. Diterima: {name}={_short_repr(value)} "
            f"(bentuk {array.shape})."
        )
    if finite and array.dtype.kind == "f" and not np.isfinite(array).all():
        bad = int(array.size - np.count_nonzero(np.isfinite(array)))
        raise ValueError(
            f"Argumen `{name}` harus berisi bilangan berhingga (tanpa NaN/inf). "
            f"Diterima: {bad} nilai NaN/inf di {name}={_short_repr(value)}."
        )
    return array


def check_optional_text(name: str, value: Any) -> str | None:
    """Pastikan ``value`` ``None`` atau string (boleh kosong), mis. judul atau label legenda."""
    if value is not None and not isinstance(value, str):
        raise TypeError(
            f"Argumen `{name}` harus string atau None. Diterima: {name}={_short_repr(value)} "
            f"(tipe {type(value).__name__})."
        )
    return value


def check_axes_array(name: str, value: Any, n: int):
    """Pastikan ``value`` berisi sedikitnya ``n`` Axes matplotlib; kembalikan larik datarnya."""
    import numpy as np
    from matplotlib.axes import Axes

    try:
        axes = np.ravel(np.array(value if not isinstance(value, Axes) else [value], dtype=object))
    except (TypeError, ValueError):
        axes = None
    if axes is None or isinstance(value, (str, bytes)) \
            or not all(isinstance(ax, Axes) for ax in axes):
        raise TypeError(
            f"Argumen `{name}` harus larik matplotlib Axes atau None. "
            f"Diterima: {name}={_short_repr(value)} (tipe {type(value).__name__})."
        )
    if len(axes) < n:
        raise ValueError(
            f"Argumen `{name}` harus berisi sedikitnya satu Axes per panel ({n}). "
            f"Diterima: {len(axes)} Axes."
        )
    return axes


# --------------------------------------------------------------------------------------------
# Larik, label, model, teks opsional dan gaya gambar (normalization, regularization, clipping,
# calibration dan gambarnya; boleh dipakai modul lain).
# --------------------------------------------------------------------------------------------

LIMITS.update({
    "n_bins": (100_000, "banyak kelompok atau kelas histogram"),
    "mc_samples": (100_000, "banyak lintasan MC dropout"),
    "n_classes": (100_000, "banyak kelas"),
})


def check_labels(name: str, value: Any, n: int, *, n_classes: int | None = None):
    """Pastikan ``value`` vektor label bilangan bulat ``>= 0`` sepanjang ``n`` (dan
    ``< n_classes`` bila diberikan); kembalikan ``np.asarray(value)``."""
    import numpy as np

    try:
        labels = np.asarray(value)
    except (TypeError, ValueError):
        labels = None
    if labels is None or labels.dtype.kind not in "iu":
        raise TypeError(
            f"Argumen `{name}` harus vektor label bilangan bulat. Diterima: "
            f"{name}={_short_repr(value)} (tipe {type(value).__name__})."
        )
    if labels.shape != (n,):
        raise ValueError(
            f"Argumen `{name}` harus vektor label sepanjang {n} (satu per contoh). "
            f"Diterima: {name} berbentuk {labels.shape}."
        )
    if n and (labels.min() < 0 or (n_classes is not None and labels.max() >= n_classes)):
        upper = "" if n_classes is None else f" … {n_classes - 1}"
        raise ValueError(
            f"Label `{name}` harus di 0{upper}. Diterima: rentang "
            f"[{labels.min()}, {labels.max()}]."
        )
    return labels


def check_model(name: str, value: Any) -> Any:
    """Pastikan ``value`` sebuah ``keras.Model`` (mis. hasil ``build_mlp``)."""
    import keras

    if not isinstance(value, keras.Model):
        raise TypeError(
            f"Argumen `{name}` harus model Keras (keras.Model), mis. hasil "
            f"chapter11.models.build_mlp. Diterima: {name}={_short_repr(value)} "
            f"(tipe {type(value).__name__})."
        )
    return value


def check_text(name: str, value: Any, *, allow_none: bool = False) -> Any:
    """Pastikan ``value`` string (boleh kosong; ``None`` bila ``allow_none``), mis. label legenda."""
    if value is None and allow_none:
        return value
    if not isinstance(value, str):
        rule = "string atau None" if allow_none else "string"
        raise TypeError(
            f"Argumen `{name}` harus {rule}. Diterima: {name}={_short_repr(value)} "
            f"(tipe {type(value).__name__})."
        )
    return value


def check_color(name: str, value: Any, *, allow_none: bool = True) -> Any:
    """Pastikan ``value`` warna matplotlib (atau ``None`` bila ``allow_none``)."""
    if value is None and allow_none:
        return value
    from matplotlib.colors import is_color_like

    if isinstance(value, (bool, int, float)) or not is_color_like(value):
        raise ValueError(
            f"Argumen `{name}` harus warna matplotlib, mis. '#0072B2' atau 'C1'. "
            f"Diterima: {name}={_short_repr(value)}."
        )
    return value


def check_linestyle(name: str, value: Any) -> Any:
    """Pastikan ``value`` gaya garis matplotlib (mis. ``"-"``, ``"--"``, ``(0, (1, 1))``)."""
    from matplotlib.lines import Line2D

    try:
        Line2D([], [], linestyle=value)
    except (TypeError, ValueError):
        raise ValueError(
            f"Argumen `{name}` harus gaya garis matplotlib (mis. '-', '--', ':', '-.'). "
            f"Diterima: {name}={_short_repr(value)}."
        ) from None
    return value


def check_value_range(name: str, value: Any, *, optional: bool = True) -> Any:
    """Pastikan ``value`` pasangan ``(bawah, atas)`` berhingga dengan bawah < atas (atau ``None``
    bila ``optional``)."""
    if value is None and optional:
        return value
    import math

    if (isinstance(value, (str, bytes)) or not isinstance(value, Collection) or len(value) != 2
            or not all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in value)):
        raise TypeError(
            f"Argumen `{name}` harus pasangan (bawah, atas) bilangan real"
            f"{' atau None' if optional else ''}. "
            f"Diterima: {name}={_short_repr(value)} (tipe {type(value).__name__})."
        )
    low, high = (float(v) for v in value)
    if not (math.isfinite(low) and math.isfinite(high) and low < high):
        raise ValueError(
            f"Argumen `{name}` harus pasangan berhingga dengan bawah < atas. "
            f"Diterima: {name}={_short_repr(value)}."
        )
    return value


def check_bins(name: str, value: Any) -> Any:
    """Pastikan ``value`` banyak kelas histogram (bilangan bulat, dibatasi ``LIMITS["n_bins"]``)
    atau urutan batas kelas yang naik (paling sedikit dua batas), seperti ``ax.hist``."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return check_limit(name, check_int(name, value, minimum=1), "n_bins")
    if isinstance(value, (str, bytes)) or not isinstance(value, Collection):
        check_int(name, value)  # TypeError dengan pesan gaya proyek
    edges = check_real_array(name, value, ndim=1)
    import numpy as np

    if edges.size < 2 or not np.all(np.diff(edges) > 0):
        raise ValueError(
            f"Argumen `{name}` sebagai batas kelas harus naik dan paling sedikit dua nilai. "
            f"Diterima: {name}={_short_repr(value)}."
        )
    return value


# --- tambahan gaps-c: batas dan pemeriksaan bersama modul pengukuran ---
LIMITS.update({
    "images": (70_000, "banyak gambar satu set data, mis. Fashion-MNIST seluruhnya"),
    "ncols": (100, "banyak kolom panel"),
    "bins": (10_000, "banyak kelas histogram"),
    "fan": (10**9, "fan-in/fan-out satu lapisan"),
    "weights": (100_000_000, "banyak bobot satu kernel"),
})


def check_seeds(name: str, value: Any) -> tuple[int, ...]:
    """Pastikan ``value`` urutan tak kosong benih bilangan bulat >= 0 tanpa kembar (dibatasi)."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise TypeError(f"Argumen `{name}` harus urutan benih bilangan bulat, mis. (0, 1, 2). "
                        f"Diterima: {name}={_short_repr(value)} (tipe {type(value).__name__}).")
    seeds = tuple(value)
    check_limit(f"len({name})", len(seeds), "seeds")
    seeds = tuple(check_int(f"{name}[i]", s, minimum=0) for s in seeds)
    if not seeds or len(set(seeds)) != len(seeds):
        raise ValueError(f"Argumen `{name}` harus berisi paling sedikit satu benih, tanpa kembar. "
                         f"Diterima: {name}={_short_repr(seeds)}.")
    return seeds
