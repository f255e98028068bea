"""Ketepatan dan kalibrasi prediksi peluang: akurasi, NLL, ECE, ketidakpastian per contoh.

Semua fungsi menerima larik peluang ``probs`` berbentuk ``(n, k)`` (setiap baris berjumlah 1,
misalnya keluaran softmax atau rata-rata beberapa lintasan MC *dropout*) dan label bilangan
bulat ``y`` berbentuk ``(n,)``. Modul ini hanya memakai NumPy, sehingga doctest-nya instan;
halaman :ref:`sec-regularisasi` memakainya untuk membandingkan model dengan dan tanpa MC dropout.

Example:
    >>> import numpy as np
    >>> probs = np.array([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]])
    >>> y = np.array([0, 1, 1])
    >>> round(predictive_accuracy(probs, y), 4)
    0.6667
    >>> report = measure_calibration(probs, y, n_bins=5)
    >>> round(report.ece, 4), report.bin_count.tolist()
    (0.3, [0, 0, 1, 1, 1])
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validation import check_float, check_int, check_limit, check_str

__all__ = ["check_probabilities", "predictive_accuracy", "negative_log_likelihood",
           "expected_calibration_error", "CalibrationReport", "measure_calibration",
           "predictive_entropy", "accuracy_standard_error", "rank_by_uncertainty",
           "accuracy_by_uncertainty"]

#: Batas bawah peluang sebelum logaritma (sama dengan epsilon bawaan Keras).
EPSILON = 1e-7


def _with_labels(probs, y):
    """:func:`check_probabilities` untuk fungsi yang mewajibkan label ``y``."""
    if y is None:
        raise TypeError("Argumen `y` wajib: vektor label bilangan bulat. Diterima: y=None.")
    return check_probabilities(probs, y)


def check_probabilities(probs, y=None):
    """Periksa ``probs`` (``(n, k)``, baris berjumlah 1) dan, bila ada, label ``y`` (``(n,)``).

    Returns:
        ``probs`` sebagai ``float64`` (dan ``y`` sebagai ``int64`` bila diberikan).

    Raises:
        ValueError: bentuk yang salah, nilai di luar [0, 1], baris yang tidak berjumlah 1, atau
            label di luar ``0 … k−1``.

    Example:
        >>> check_probabilities([[0.5, 0.6]])
        Traceback (most recent call last):
        ...
        ValueError: Setiap baris `probs` harus ... Diterima: jumlah baris di [1.1, 1.1].
    """
    try:
        p = np.asarray(probs, dtype=np.float64)
    except (TypeError, ValueError):
        raise TypeError("Argumen `probs` harus larik (n, k) bilangan real. "
                        f"Diterima: probs={probs!r:.80} (tipe {type(probs).__name__}).") from None
    if p.ndim != 2 or p.shape[0] == 0 or p.shape[1] < 2:
        raise ValueError("Argumen `probs` harus larik (n, k) dengan n >= 1 dan k >= 2 kelas. "
                         f"Diterima: bentuk {p.shape}.")
    sums = p.sum(axis=1)
    if not np.all(np.isfinite(p)) or p.min() < 0 or p.max() > 1 + 1e-6 \
            or np.max(np.abs(sums - 1)) > 1e-3:
        raise ValueError("Setiap baris `probs` harus berisi peluang di [0, 1] yang berjumlah 1. "
                         f"Diterima: jumlah baris di [{sums.min():.3g}, {sums.max():.3g}].")
    if y is None:
        return p
    try:
        labels = np.asarray(y)
    except ValueError:
        raise ValueError("Argumen `y` harus vektor label bilangan bulat. "
                         f"Diterima: y={y!r:.80}.") from None
    if labels.shape != (p.shape[0],) or not np.issubdtype(labels.dtype, np.integer):
        raise ValueError("Argumen `y` harus vektor label bilangan bulat sepanjang baris `probs`. "
                         f"Diterima: y berbentuk {labels.shape} bertipe {labels.dtype} untuk "
                         f"{p.shape[0]} baris.")
    if labels.min() < 0 or labels.max() >= p.shape[1]:
        raise ValueError(f"Label `y` harus di 0 … {p.shape[1] - 1}. "
                         f"Diterima: rentang [{labels.min()}, {labels.max()}].")
    return p, labels.astype(np.int64)


def predictive_accuracy(probs, y) -> float:
    """Bagian contoh yang kelas berpeluang terbesarnya sama dengan labelnya.

    Example:
        >>> predictive_accuracy([[0.3, 0.7], [0.6, 0.4]], [1, 1])
        0.5
    """
    p, y = _with_labels(probs, y)
    return float(np.mean(p.argmax(axis=1) == y))


def negative_log_likelihood(probs, y) -> float:
    """Rata-rata −log peluang kelas yang benar (*negative log-likelihood*, NLL).

    Sama dengan entropi silang kategorikal Keras tanpa penalti regularisasi; peluang dijepit
    di [1e-7, 1] sebelum logaritma.

    Example:
        >>> round(negative_log_likelihood([[0.5, 0.5], [0.9, 0.1]], [0, 0]), 4)
        0.3993
    """
    p, y = _with_labels(probs, y)
    return float(np.mean(-np.log(np.clip(p[np.arange(len(y)), y], EPSILON, 1.0))))


@dataclass(frozen=True)
class CalibrationReport:
    """Ketepatan dan kalibrasi sekumpulan prediksi.

    Attributes:
        label: nama untuk legenda.
        accuracy: akurasi (kelas berpeluang terbesar).
        nll: *negative log-likelihood* rata-rata.
        ece: *expected calibration error*: rata-rata berbobot ``|akurasi − keyakinan|`` per
            kelompok keyakinan.
        mean_confidence: rata-rata keyakinan (peluang kelas tebakan).
        bin_edges: batas ``n_bins`` kelompok keyakinan yang sama lebar di [0, 1].
        bin_confidence, bin_accuracy: rata-rata keyakinan dan akurasi per kelompok (NaN untuk
            kelompok kosong).
        bin_count: banyak contoh per kelompok.
    """

    label: str
    accuracy: float
    nll: float
    ece: float
    mean_confidence: float
    bin_edges: np.ndarray
    bin_confidence: np.ndarray
    bin_accuracy: np.ndarray
    bin_count: np.ndarray

    @property
    def overconfident(self) -> bool:
        """``True`` bila rata-rata keyakinan melebihi akurasi (model terlalu yakin)."""
        return self.mean_confidence > self.accuracy


def measure_calibration(probs, y, *, n_bins: int = 15, label: str = "") -> CalibrationReport:
    """Ukur akurasi, NLL dan ECE, beserta isi tiap kelompok keyakinan (diagram reliabilitas).

    Keyakinan sebuah prediksi adalah peluang kelas tebakannya. Contoh dikelompokkan ke
    ``n_bins`` selang ``(a, b]`` yang sama lebar; ECE =
    ``Σ (n_b / n) · |akurasi_b − keyakinan_b|``.
    Model yang terkalibrasi sempurna punya ECE 0: di antara prediksi berkeyakinan 0,8, tepat 80%
    benar.

    Args:
        probs: peluang ``(n, k)``.
        y: label ``(n,)``.
        n_bins: banyak kelompok (bawaan 15, seperti Guo dkk.).
        label: nama untuk legenda.

    Returns:
        :class:`CalibrationReport`.

    Raises:
        ValueError: masukan yang tidak sah (lihat :func:`check_probabilities`).

    Reference:
        Guo dkk. (2017), *On Calibration of Modern Neural Networks*.

    Example:
        >>> import numpy as np
        >>> probs = np.array([[0.8, 0.2]] * 5)          # keyakinan 0,8 ...
        >>> y = np.array([0, 0, 0, 0, 1])               # ... dan 80% benar
        >>> r = measure_calibration(probs, y, n_bins=10)
        >>> round(r.ece, 10), r.overconfident
        (0.0, False)
    """
    p, y = _with_labels(probs, y)
    n_bins = check_limit("n_bins", check_int("n_bins", n_bins, minimum=1))
    label = check_str("label", label) if label else ""
    confidence = p.max(axis=1)
    correct = (p.argmax(axis=1) == y).astype(np.float64)
    index = np.clip(np.ceil(confidence * n_bins).astype(int) - 1, 0, n_bins - 1)
    count = np.bincount(index, minlength=n_bins)
    with np.errstate(invalid="ignore", divide="ignore"):
        bin_conf = np.bincount(index, weights=confidence, minlength=n_bins) / count
        bin_acc = np.bincount(index, weights=correct, minlength=n_bins) / count
    filled = count > 0
    ece = float(np.sum(count[filled] / len(y) * np.abs(bin_acc[filled] - bin_conf[filled])))
    return CalibrationReport(
        label=label, accuracy=float(correct.mean()), nll=negative_log_likelihood(p, y), ece=ece,
        mean_confidence=float(confidence.mean()), bin_edges=np.linspace(0, 1, n_bins + 1),
        bin_confidence=bin_conf, bin_accuracy=bin_acc, bin_count=count)


def expected_calibration_error(probs, y, *, n_bins: int = 15) -> float:
    """ECE saja (lihat :func:`measure_calibration`).

    Example:
        >>> expected_calibration_error([[1.0, 0.0], [1.0, 0.0]], [1, 1])   # yakin penuh, salah
        1.0
    """
    return measure_calibration(probs, y, n_bins=n_bins).ece


def predictive_entropy(probs) -> np.ndarray:
    """Entropi (nat) setiap baris peluang: 0 bila yakin penuh, ``log k`` bila seragam.

    Example:
        >>> predictive_entropy([[1.0, 0.0], [0.5, 0.5]]).round(4).tolist()
        [0.0, 0.6931]
    """
    p = check_probabilities(probs)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(p > 0, -p * np.log(p), 0.0)
    return terms.sum(axis=1)


def accuracy_standard_error(accuracy, n) -> float:
    """Galat baku akurasi yang diukur pada ``n`` contoh: √(p(1 − p)/n).

    Selisih akurasi dua model yang jauh lebih kecil dari dua kali angka ini tidak dapat
    dibedakan dari kebetulan pemilihan set validasi (belum termasuk keragaman antarbenih).

    Example:
        >>> round(accuracy_standard_error(0.85, 5000), 4)
        0.005
    """
    accuracy = check_float("accuracy", accuracy, minimum=0.0, maximum=1.0)
    n = check_int("n", n, minimum=1)
    return float(np.sqrt(accuracy * (1 - accuracy) / n))


def rank_by_uncertainty(probs) -> np.ndarray:
    """Indeks contoh, urut dari yang paling tidak pasti (entropi terbesar) ke yang paling pasti.

    Contoh dengan entropi sama diurutkan menurut indeksnya (urutan stabil).

    Example:
        >>> rank_by_uncertainty([[0.9, 0.1], [0.5, 0.5], [0.7, 0.3]]).tolist()
        [1, 2, 0]
    """
    return np.argsort(-predictive_entropy(probs), kind="stable")


def accuracy_by_uncertainty(probs, y, *, n_groups: int = 5) -> np.ndarray:
    """Akurasi per kelompok ketidakpastian yang sama besar, dari paling pasti ke paling ragu.

    Contoh diurutkan menurut entropi prediksinya lalu dibagi menjadi ``n_groups`` kelompok
    (ukurannya berselisih paling banyak satu).

    Example:
        >>> probs = [[0.99, 0.01], [0.98, 0.02], [0.55, 0.45], [0.5, 0.5]]
        >>> accuracy_by_uncertainty(probs, [0, 0, 1, 1], n_groups=2).tolist()
        [1.0, 0.0]
    """
    p, y = _with_labels(probs, y)
    n_groups = check_int("n_groups", n_groups, minimum=1)
    if n_groups > len(y):
        raise ValueError("Argumen `n_groups` tidak boleh melebihi banyak contoh. "
                         f"Diterima: n_groups={n_groups} untuk {len(y)} contoh.")
    order = rank_by_uncertainty(p)[::-1]  # paling pasti lebih dulu
    correct = p.argmax(axis=1)[order] == y[order]
    return np.array([float(part.mean()) for part in np.array_split(correct, n_groups)])
