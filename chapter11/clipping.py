"""*Gradient clipping* dalam NumPy: ketiga cara Keras 3 memotong gradien, dan sudut yang diubahnya.

Optimizer Keras 3 memotong daftar gradien (satu larik per variabel model: kernel dan bias setiap
lapisan) sebelum langkah pembaruan, dengan **salah satu** dari tiga argumen
(``keras/src/optimizers/base_optimizer.py``, ``_clip_gradients``):

* ``clipvalue=c`` — setiap elemen dipotong ke ``[-c, c]`` (:func:`clip_by_value`);
* ``clipnorm=c`` — gradien **setiap variabel** diskalakan sendiri-sendiri sehingga normanya paling
  besar ``c`` (:func:`clip_by_norm`; di TensorFlow lewat ``tf.clip_by_norm``);
* ``global_clipnorm=c`` — semua gradien diskalakan **bersama** dengan satu faktor sehingga norma
  gabungannya paling besar ``c`` (:func:`clip_by_global_norm`).

Hanya cara ketiga yang selalu mempertahankan arah gradien utuh; :func:`compare_clipping` mengukur
sudut antara gradien asli dan gradien terpotong untuk ketiganya. Modul ini tidak mengimpor
TensorFlow kecuali di :func:`measure_variable_gradients` dan :func:`keras_clipped_gradients`
(keduanya mengimpornya saat dipanggil). Halaman yang memakainya: :ref:`sec-gradient-clipping`;
gambarnya: :func:`chapter11.plotting.plot_clipping_norms`.

Example:
    >>> g = [np.array([0.9, 100.0])]              # contoh Géron: satu variabel, dua elemen
    >>> clip_by_value(g, 1.0)[0].tolist()
    [0.9, 1.0]
    >>> np.round(clip_by_norm(g, 1.0)[0], 4).tolist()
    [0.009, 1.0]
    >>> round(angle_between(g, clip_by_value(g, 1.0)), 1), round(angle_between(g, clip_by_norm(g, 1.0)), 1)
    (41.5, 0.0)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ._validation import check_model, check_positive, check_real_array, check_str, check_text

__all__ = [
    "METHODS",
    "clip_by_value",
    "clip_by_norm",
    "clip_by_global_norm",
    "clip_gradients",
    "global_norm",
    "angle_between",
    "ClippingReport",
    "compare_clipping",
    "measure_variable_gradients",
    "keras_clipped_gradients",
    "ClippingActivity",
    "measure_clipping_activity",
    "reliable_step_losses",
]

#: Nama argumen optimizer Keras untuk ketiga cara, dalam urutan buku.
METHODS = ("clipvalue", "clipnorm", "global_clipnorm")


def _as_gradients(grads, name: str = "grads") -> list[np.ndarray]:
    """Daftar larik ``float64`` berhingga dari satu larik atau urutan larik; galat yang jelas
    bila tidak (``name``: nama argumennya di pesan)."""
    if isinstance(grads, np.ndarray):
        grads = [grads]
    if isinstance(grads, (str, bytes)) or not isinstance(grads, Sequence):
        raise TypeError(f"Argumen `{name}` harus daftar larik gradien (satu per variabel). "
                        f"Diterima: tipe {type(grads).__name__}.")
    if not grads:
        raise ValueError(f"Argumen `{name}` tidak boleh kosong. Diterima: {name}=[].")
    arrays = []
    for i, g in enumerate(grads):
        try:
            a = np.asarray(g)
            if a.dtype.kind not in "biuf":
                raise TypeError(a.dtype)
            a = a.astype(np.float64, copy=False)
        except (TypeError, ValueError) as err:
            raise TypeError(f"Setiap gradien harus larik angka. Diterima: {name}[{i}]={g!r:.80}.") \
                from err
        if a.size == 0:
            raise ValueError(f"Setiap gradien harus berisi paling sedikit satu elemen. "
                             f"Diterima: {name}[{i}] berbentuk {a.shape}.")
        if not np.isfinite(a).all():
            raise ValueError(f"Setiap gradien harus berisi bilangan berhingga (gradien NaN/inf "
                             f"tidak dapat dipotong). Diterima: NaN/inf di {name}[{i}].")
        arrays.append(a)
    return arrays


def clip_by_value(grads, clipvalue: float) -> list[np.ndarray]:
    """Potong setiap elemen gradien ke ``[-clipvalue, clipvalue]`` (``SGD(clipvalue=…)``).

    Args:
        grads: larik gradien, satu per variabel (atau satu larik).
        clipvalue: batas positif.

    Returns:
        Daftar larik baru; elemen yang sudah di dalam batas tidak berubah.

    Example:
        >>> clip_by_value([np.array([-3.0, 0.5]), np.array([2.0])], 1.0)
        [array([-1. ,  0.5]), array([1.])]
    """
    c = check_positive("clipvalue", clipvalue)
    return _clip_value(_as_gradients(grads), c)


# Inti perhitungan tanpa pemeriksaan: larik sudah diperiksa oleh fungsi publik pemanggilnya
# (compare_clipping memeriksa sekali lalu memanggil inti ini berkali-kali).
def _clip_value(arrays, c):
    return [np.clip(g, -c, c) for g in arrays]


def _clip_norm(arrays, c):
    return [g * (c / max(float(np.linalg.norm(g)), c)) for g in arrays]


def _global_norm(arrays) -> float:
    return float(math.sqrt(sum(float(np.sum(g * g)) for g in arrays)))


def _clip_global_norm(arrays, c):
    scale = c / max(_global_norm(arrays), c)
    return [g * scale for g in arrays]


def clip_by_norm(grads, clipnorm: float) -> list[np.ndarray]:
    """Skalakan gradien **setiap variabel sendiri-sendiri** agar normanya ≤ ``clipnorm``.

    Rumus Keras: ``g · c / max(‖g‖, c)`` per variabel; gradien yang normanya sudah ≤ ``c``
    (termasuk gradien nol) tidak berubah. Arah gradien setiap variabel tetap, tetapi karena
    setiap variabel mendapat faktor sendiri, arah gradien utuh dapat berubah.

    Example:
        >>> [np.round(g, 3).tolist() for g in clip_by_norm([np.array([3.0, 4.0]), np.array([0.6])], 1.0)]
        [[0.6, 0.8], [0.6]]
    """
    c = check_positive("clipnorm", clipnorm)
    return _clip_norm(_as_gradients(grads), c)


def global_norm(grads) -> float:
    """Norma L2 semua gradien bersama-sama: ``sqrt(Σ_i ‖g_i‖²)``.

    Example:
        >>> global_norm([np.array([3.0]), np.array([4.0])])
        5.0
    """
    return _global_norm(_as_gradients(grads))


def clip_by_global_norm(grads, global_clipnorm: float) -> list[np.ndarray]:
    """Skalakan **semua** gradien dengan satu faktor agar norma gabungannya ≤ ``global_clipnorm``.

    Rumus Keras: faktor ``c / max(‖g‖_global, c)`` untuk setiap variabel; arah gradien utuh
    tidak berubah.

    Example:
        >>> [g.tolist() for g in clip_by_global_norm([np.array([3.0]), np.array([4.0])], 1.0)]
        [[0.6], [0.8]]
    """
    c = check_positive("global_clipnorm", global_clipnorm)
    return _clip_global_norm(_as_gradients(grads), c)


_CLIPPERS = {"clipvalue": clip_by_value, "clipnorm": clip_by_norm,
             "global_clipnorm": clip_by_global_norm}


def clip_gradients(grads, method: str, threshold: float) -> list[np.ndarray]:
    """Potong ``grads`` dengan cara ``method`` (salah satu :data:`METHODS`) dan batas ``threshold``.

    Example:
        >>> clip_gradients([np.array([2.0])], "clipvalue", 0.5)
        [array([0.5])]
    """
    check_str("method", method)
    if method not in _CLIPPERS:
        raise ValueError(f"Argumen `method` harus salah satu dari: {', '.join(METHODS)}. "
                         f"Diterima: method={method!r}.")
    check_positive("threshold", threshold)
    return _CLIPPERS[method](grads, threshold)


def angle_between(a, b) -> float:
    """Sudut (derajat) antara dua gradien utuh: semua variabel diratakan dan disambung.

    Example:
        >>> round(angle_between([np.array([1.0, 0.0])], [np.array([1.0, 1.0])]), 6)
        45.0
    """
    return _angle(_as_gradients(a, "a"), _as_gradients(b, "b"))


def _angle(a, b) -> float:
    """Inti :func:`angle_between` (larik sudah diperiksa)."""
    if [g.shape for g in a] != [g.shape for g in b]:
        raise ValueError("Kedua gradien harus punya variabel dengan bentuk yang sama. Diterima: "
                         f"{[g.shape for g in a]} dan {[g.shape for g in b]}.")
    u = np.concatenate([g.ravel() for g in a])
    v = np.concatenate([g.ravel() for g in b])
    nu, nv = float(np.linalg.norm(u)), float(np.linalg.norm(v))
    if nu == 0 or nv == 0:
        raise ValueError("Sudut tidak terdefinisi untuk gradien nol. Diterima: gradien dengan "
                         "norma 0.")
    cosine = float(np.clip(np.dot(u, v) / (nu * nv), -1.0, 1.0))
    return math.degrees(math.acos(cosine))


@dataclass(frozen=True)
class ClippingReport:
    """Satu set gradien sebelum dan sesudah ketiga cara pemotongan.

    Attributes:
        variable_names: nama variabel (mis. ``"dense_1/kernel"``), urut dari masukan ke keluaran.
        thresholds: batas tiap cara, ``{"clipvalue": …, "clipnorm": …, "global_clipnorm": …}``.
        original_norms: norma gradien asli per variabel.
        clipped_norms: ``{cara: norma per variabel sesudah dipotong}``.
        angles: ``{cara: sudut (derajat) antara gradien utuh asli dan terpotong}``.
        variable_angles: ``{cara: sudut per variabel}`` (0 untuk variabel yang arahnya tetap).
        global_norms: ``{"original" atau cara: norma gabungan}``.
        label: nama untuk legenda.
    """

    variable_names: tuple[str, ...]
    thresholds: dict
    original_norms: np.ndarray
    clipped_norms: dict
    angles: dict
    variable_angles: dict
    global_norms: dict
    label: str = field(default="")

    @property
    def norm_spread(self) -> float:
        """Norma variabel terbesar dibagi norma variabel terkecil (gradien asli)."""
        return float(self.original_norms.max() / self.original_norms.min())

    def share(self, method: str | None = None) -> np.ndarray:
        """Bagian tiap variabel dari norma kuadrat gradien utuh (asli bila ``method=None``).

        Pecahan ini menentukan arah gradien utuh pada tingkat variabel: ``global_clipnorm``
        tidak mengubahnya, ``clipnorm`` meratakannya.
        """
        norms = self.original_norms if method is None else self.clipped_norms[method]
        squared = norms ** 2
        return squared / squared.sum()


def compare_clipping(grads, variable_names=None, *, clipvalue: float = 1.0, clipnorm: float = 1.0,
                     global_clipnorm: float = 1.0, label: str = "") -> ClippingReport:
    """Potong satu set gradien dengan ketiga cara Keras dan ukur norma serta sudutnya.

    Args:
        grads: larik gradien, satu per variabel (mis. dari :func:`measure_variable_gradients`).
        variable_names: nama tiap variabel (bawaan ``"var_1"``, ``"var_2"``, …).
        clipvalue, clipnorm, global_clipnorm: batas tiap cara.
        label: nama untuk legenda gambar.

    Returns:
        :class:`ClippingReport`.

    Example:
        >>> r = compare_clipping([np.array([0.9]), np.array([100.0])], ["a", "b"])
        >>> {m: round(a, 1) for m, a in r.angles.items()}
        {'clipvalue': 41.5, 'clipnorm': 41.5, 'global_clipnorm': 0.0}
    """
    arrays = _as_gradients(grads)
    check_text("label", label)
    if variable_names is None:
        variable_names = tuple(f"var_{i + 1}" for i in range(len(arrays)))
    else:
        if isinstance(variable_names, (str, bytes)) or not hasattr(variable_names, "__iter__"):
            raise TypeError("Argumen `variable_names` harus daftar nama (satu per gradien). "
                            f"Diterima: variable_names={variable_names!r:.80} "
                            f"(tipe {type(variable_names).__name__}).")
        variable_names = tuple(check_str("variable_names[i]", n) for n in variable_names)
        if len(variable_names) != len(arrays):
            raise ValueError("Argumen `variable_names` harus satu nama per gradien. Diterima: "
                             f"{len(variable_names)} nama untuk {len(arrays)} gradien.")
    thresholds = {"clipvalue": check_positive("clipvalue", clipvalue),
                  "clipnorm": check_positive("clipnorm", clipnorm),
                  "global_clipnorm": check_positive("global_clipnorm", global_clipnorm)}
    original = np.array([np.linalg.norm(g) for g in arrays])
    if np.any(original == 0):
        raise ValueError("Setiap gradien harus punya norma positif agar sudutnya terdefinisi. "
                         f"Diterima: gradien nol pada {[n for n, v in zip(variable_names, original) if v == 0]}.")
    kernels = {"clipvalue": _clip_value, "clipnorm": _clip_norm,
               "global_clipnorm": _clip_global_norm}
    clipped = {m: kernels[m](arrays, t) for m, t in thresholds.items()}
    return ClippingReport(
        variable_names=variable_names,
        thresholds=thresholds,
        original_norms=original,
        clipped_norms={m: np.array([np.linalg.norm(g) for g in c]) for m, c in clipped.items()},
        angles={m: _angle(arrays, c) for m, c in clipped.items()},
        variable_angles={m: np.array([_angle([a], [b]) for a, b in zip(arrays, c)])
                         for m, c in clipped.items()},
        global_norms={"original": _global_norm(arrays),
                      **{m: _global_norm(c) for m, c in clipped.items()}},
        label=label,
    )


def measure_variable_gradients(model, x, y, *, loss=None):
    """Gradien *loss* terhadap setiap variabel terlatih ``model`` pada satu batch (tanpa pembaruan).

    Args:
        model: model Keras.
        x, y: satu batch masukan dan label.
        loss: fungsi *loss* Keras; bawaan entropi silang kategoris jarang (rata-rata atas batch),
            seperti :func:`chapter11.gradients.measure_gradient_norms`.

    Returns:
        ``(names, grads)``: nama variabel (``"dense_1/kernel"``, …) dan daftar larik ``float64``.
    """
    from .runtime import quiet_tensorflow

    check_model("model", model)
    x = check_real_array("x", x)
    y = check_real_array("y", y)
    if x.ndim == 0 or y.ndim == 0 or len(x) != len(y):
        raise ValueError("Argumen `x` dan `y` harus satu batch yang sama panjang. "
                         f"Diterima: x berbentuk {x.shape}, y berbentuk {y.shape}.")
    if loss is not None and not callable(loss):
        raise TypeError("Argumen `loss` harus fungsi loss Keras (mis. "
                        "keras.losses.SparseCategoricalCrossentropy()) atau None. "
                        f"Diterima: loss={loss!r:.80} (tipe {type(loss).__name__}).")
    keras = quiet_tensorflow()
    import tensorflow as tf

    loss = loss or keras.losses.SparseCategoricalCrossentropy()
    variables = list(model.trainable_variables)
    with tf.GradientTape() as tape:
        value = loss(y, model(np.asarray(x, dtype=np.float32), training=False))
    grads = tape.gradient(value, variables)
    # "model/dense_1/kernel" → "dense_1/kernel": nama model tidak menambah informasi
    return (tuple("/".join(v.path.split("/")[-2:]) for v in variables),
            [np.asarray(g.numpy(), dtype=np.float64) for g in grads])


def keras_clipped_gradients(grads, **clip_kwargs) -> list[np.ndarray]:
    """Gradien sesudah dipotong oleh optimizer Keras sendiri (untuk mencocokkan rujukan NumPy).

    Caranya hanya memakai API publik: ``keras.optimizers.SGD(learning_rate=1.0, **clip_kwargs)``
    menerapkan ``grads`` pada variabel bernilai nol, sehingga nilai variabel sesudahnya adalah
    minus gradien terpotong.

    Args:
        grads: larik gradien, satu per variabel.
        **clip_kwargs: tepat satu dari ``clipvalue``, ``clipnorm``, ``global_clipnorm``.

    Returns:
        Daftar larik ``float64`` (nilai ``float32`` hasil Keras).
    """
    if len(clip_kwargs) != 1 or next(iter(clip_kwargs)) not in METHODS:
        raise ValueError("Berikan tepat satu dari clipvalue, clipnorm, global_clipnorm. "
                         f"Diterima: {clip_kwargs!r}.")
    arrays = _as_gradients(grads)
    from .runtime import quiet_tensorflow

    keras = quiet_tensorflow()
    variables = [keras.Variable(np.zeros(g.shape, dtype=np.float32)) for g in arrays]
    optimizer = keras.optimizers.SGD(learning_rate=1.0, **clip_kwargs)
    optimizer.apply_gradients([(g.astype(np.float32), v) for g, v in zip(arrays, variables)])
    return [-np.asarray(v.numpy(), dtype=np.float64) for v in variables]


@dataclass(frozen=True)
class ClippingActivity:
    """Seberapa sering sebuah batas ``clipnorm`` akan aktif pada bobot model tertentu.

    Attributes:
        threshold: batas ``clipnorm``.
        max_norms: norma gradien variabel terbesar, per *batch*.
        clipped_fraction: pecahan *batch* yang paling sedikit satu variabelnya melewati batas.
        variable_fraction: rata-rata pecahan variabel yang melewati batas per *batch*.
    """

    threshold: float
    max_norms: np.ndarray
    clipped_fraction: float
    variable_fraction: float


def measure_clipping_activity(model, x, y, *, threshold: float = 1.0, batch_size: int = 32,
                              n_batches: int = 20, seed: int = 0) -> ClippingActivity:
    """Ukur, pada bobot ``model`` sekarang, berapa *batch* yang gradiennya akan dipotong ``clipnorm``.

    Mengambil ``n_batches`` *batch* acak (berbenih) berukuran ``batch_size`` dari ``(x, y)``,
    menghitung gradien setiap variabel dengan :func:`measure_variable_gradients` (tanpa
    memperbarui bobot), dan mencatat apakah norma salah satu variabel melewati ``threshold``.

    Returns:
        :class:`ClippingActivity`.
    """
    from ._validation import check_int, check_labels, check_limit

    threshold = check_positive("threshold", threshold)
    batch_size = check_limit("batch_size", check_int("batch_size", batch_size, minimum=1))
    n_batches = check_limit("n_batches", check_int("n_batches", n_batches, minimum=1), "steps")
    check_model("model", model)
    x = check_real_array("x", x, ndim=(2, 3, 4))
    y = check_labels("y", y, len(x))
    if len(x) != len(y) or len(x) < batch_size:
        raise ValueError("Argumen `x` dan `y` harus sama panjang dan paling sedikit sepanjang "
                         f"`batch_size`. Diterima: {len(x)} dan {len(y)} contoh, "
                         f"batch_size={batch_size}.")
    rng = np.random.default_rng(check_int("seed", seed, minimum=0))
    max_norms, fractions = [], []
    for _ in range(n_batches):
        index = rng.choice(len(x), size=batch_size, replace=False)
        _, grads = measure_variable_gradients(model, x[index], y[index])
        norms = np.array([np.linalg.norm(g) for g in grads])
        max_norms.append(float(norms.max()))
        fractions.append(float(np.mean(norms > threshold)))
    max_norms = np.array(max_norms)
    return ClippingActivity(threshold=threshold, max_norms=max_norms,
                            clipped_fraction=float(np.mean(max_norms > threshold)),
                            variable_fraction=float(np.mean(fractions)))


def reliable_step_losses(losses, steps_per_epoch: int) -> np.ndarray:
    """*Loss* per langkah, dengan NaN di langkah yang nilainya tidak dapat dipercaya.

    Keras hanya melaporkan rata-rata berjalan *loss* sejak awal *epoch* (``float32``), dan *loss*
    setiap langkah dipulihkan dari selisih dua rata-rata berurutan,
    ``ℓ_b = m_b (b+1) − m_{b−1} b`` (lihat
    :class:`chapter11.experiments.training.StepRecorder`). Setelah satu langkah dengan *loss*
    sangat besar, ``m_b`` sangat besar dan selisih itu hanya sisa pembulatan ``float32``: nilainya
    bisa ribuan, bahkan negatif. Fungsi ini menandai langkah yang batas galat pembulatannya,
    ``4 (b+1) max(|m_b|, |m_{b−1}|) 2⁻²⁴``, lebih dari 5% nilainya (atau dari 0,1), serta langkah
    yang *loss*-nya memang NaN/tak berhingga, sebagai NaN. Rata-rata berjalan dihitung ulang dari
    ``losses`` per *epoch*.

    Args:
        losses: *loss* per langkah seperti tercatat (``RunResult.steps["loss"]``).
        steps_per_epoch: banyak langkah per *epoch*.

    Returns:
        Larik ``float64`` sepanjang ``losses``.

    Example:
        >>> reliable_step_losses([2.0, 1.0e12, -5.0e4, 3.0e4, 2.3, 2.2], steps_per_epoch=4).tolist()
        [2.0, 1000000000000.0, nan, nan, 2.3, 2.2]
    """
    from ._validation import check_int, check_limit

    steps_per_epoch = check_limit("steps_per_epoch",
                                  check_int("steps_per_epoch", steps_per_epoch, minimum=1), "steps")
    # NaN/inf sah: menandai langkah yang menyimpang (fungsi ini memang menanganinya).
    loss = np.asarray(check_real_array("losses", losses, finite=False), dtype=np.float64).ravel()
    clean = loss.copy()
    for start in range(0, loss.size, steps_per_epoch):
        part = loss[start:start + steps_per_epoch]
        finite = np.isfinite(part)
        if not finite.all():  # sesudah NaN/inf, rata-rata berjalan Keras juga NaN
            part = np.where(np.cumsum(~finite) > 0, np.nan, part)
        count = np.arange(1, part.size + 1)
        means = np.cumsum(part) / count
        previous = np.concatenate([[0.0], means[:-1]])
        bound = 4 * count * np.maximum(np.abs(means), np.abs(previous)) * 2.0 ** -24
        bad = ~np.isfinite(part) | (bound > 0.05 * np.maximum(np.abs(part), 0.1))
        clean[start:start + part.size] = np.where(bad, np.nan, part)
    return clean
