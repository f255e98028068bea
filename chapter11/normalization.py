"""*Batch Normalization*: rujukan NumPy lintasan maju dan pengukuran untuk halaman BN.

Dua fungsi rujukan menuliskan algoritmenya apa adanya, dengan konvensi Keras 3
(``momentum=0.99``, ``epsilon=1e-3``, variansi batch tanpa koreksi Bessel):
:func:`batch_norm_train` (statistik batch, sekaligus memperbarui rata-rata bergerak) dan
:func:`batch_norm_inference` (statistik bergerak). Modul ini tidak mengimpor TensorFlow;
fungsi ``measure_*`` menerima (atau membangun) lapisan Keras dan mengembalikan laporan beku.

Reference:
    Ioffe, S. & Szegedy, C. (2015). Batch Normalization: Accelerating Deep Network Training by
    Reducing Internal Covariate Shift. ICML.

Example:
    >>> import numpy as np
    >>> x = np.array([[1.0, 10.0], [3.0, 30.0]])
    >>> out, mean, var = batch_norm_train(x, np.ones(2), np.zeros(2), np.zeros(2), np.ones(2))
    >>> np.round(out, 4)     # (x − μ_B) / √(σ²_B + 0,001): ±1/√1,001 dan ±10/√100,001
    array([[-0.9995, -1.    ],
           [ 0.9995,  1.    ]])
    >>> mean, var            # 0,99 · nilai lama + 0,01 · statistik batch
    (array([0.02, 0.2 ]), array([1.  , 1.99]))
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validation import (check_float, check_int, check_labels, check_limit, check_model,
                          check_positive_int, check_real_array, check_text)

__all__ = [
    "batch_norm_train", "batch_norm_inference", "fold_batch_norm",
    "ParameterBreakdown", "count_parameters", "format_parameter_table",
    "ReferenceCheckReport", "compare_with_keras",
    "BNModesReport", "measure_bn_modes",
    "BatchSizeReport", "measure_batch_size_effect",
    "MovingAverageLagReport", "measure_moving_average_lag",
    "InputStandardizationReport", "compare_input_bn_with_standardization",
]


def batch_norm_train(x, gamma, beta, moving_mean, moving_variance, *, momentum=0.99, epsilon=1e-3):
    """Lintasan maju BN dalam mode pelatihan: normalkan dengan statistik mini-batch.

    Args:
        x: array ``(m, n)``: ``m`` contoh dalam mini-batch, ``n`` fitur.
        gamma, beta: skala dan geser, masing-masing ``(n,)``.
        moving_mean, moving_variance: rata-rata bergerak sebelum langkah ini, ``(n,)``.
        momentum: bobot nilai lama pada rata-rata bergerak (Keras: 0,99).
        epsilon: konstanta kecil di bawah akar agar tidak membagi dengan nol (Keras 3: 0,001).

    Returns:
        Tuple ``(z, moving_mean_baru, moving_variance_baru)``.
    """
    x, params = _check_bn_arrays(x, gamma=gamma, beta=beta, moving_mean=moving_mean,
                                 moving_variance=moving_variance)
    check_float("momentum", momentum, minimum=0.0, maximum=1.0)
    check_float("epsilon", epsilon, minimum=0.0)
    if epsilon == 0 and np.any(((x - x.mean(axis=0)) ** 2).mean(axis=0) == 0):
        raise ValueError("Argumen `epsilon` harus positif bila variansi batch sebuah fitur 0 "
                         "(pembagian dengan nol). Diterima: epsilon=0.")
    return _bn_train(x, *params, momentum, epsilon)


def _bn_train(x, gamma, beta, moving_mean, moving_variance, momentum, epsilon):
    """Inti :func:`batch_norm_train` tanpa pemeriksaan (masukan sudah diperiksa)."""
    mu = x.mean(axis=0)                                   # rata-rata mini-batch, per fitur
    var = ((x - mu) ** 2).mean(axis=0)                    # variansi mini-batch (dibagi m)
    x_hat = (x - mu) / np.sqrt(var + epsilon)             # dinormalkan: rata-rata 0, variansi ≈ 1
    z = gamma * x_hat + beta                              # diskalakan dan digeser
    new_mean = momentum * moving_mean + (1 - momentum) * mu
    new_variance = momentum * moving_variance + (1 - momentum) * var
    return z, new_mean, new_variance


def batch_norm_inference(x, gamma, beta, moving_mean, moving_variance, *, epsilon=1e-3):
    """Lintasan maju BN dalam mode inferensi: normalkan dengan rata-rata bergerak.

    Keluaran satu contoh tidak bergantung pada contoh lain di batch yang sama.

    Example:
        >>> batch_norm_inference(np.array([[3.0]]), 2.0, 1.0, np.array([1.0]), np.array([4.0]),
        ...                      epsilon=0.0)
        array([[3.]])
    """
    x, params = _check_bn_arrays(x, gamma=gamma, beta=beta, moving_mean=moving_mean,
                                 moving_variance=moving_variance)
    check_float("epsilon", epsilon, minimum=0.0)
    _check_variance_epsilon(params[3], epsilon)
    return _bn_inference(x, *params, epsilon)


def _bn_inference(x, gamma, beta, moving_mean, moving_variance, epsilon):
    """Inti :func:`batch_norm_inference` tanpa pemeriksaan (dipakai di loop pengukuran)."""
    return gamma * (x - moving_mean) / np.sqrt(moving_variance + epsilon) + beta


def fold_batch_norm(kernel, bias, gamma, beta, moving_mean, moving_variance, *, epsilon=1e-3):
    """Lebur BN (mode inferensi) ke lapisan Dense sebelumnya: ``BN(xW + b) = xW' + b'``.

    Args:
        kernel: bobot Dense ``(n_in, n)``; bias: ``(n,)`` atau ``None`` (``use_bias=False``).
        gamma, beta, moving_mean, moving_variance: parameter BN, masing-masing ``(n,)``.
        epsilon: epsilon BN.

    Returns:
        Tuple ``(kernel_baru, bias_baru)`` untuk satu Dense pengganti.

    Example:
        >>> w, b = fold_batch_norm(np.eye(2), None, np.ones(2), np.zeros(2), np.ones(2),
        ...                        np.full(2, 4.0), epsilon=0.0)
        >>> w.tolist(), b.tolist()
        ([[0.5, 0.0], [0.0, 0.5]], [-0.5, -0.5])
    """
    kernel = check_real_array("kernel", kernel, ndim=2)
    n = kernel.shape[1]
    if bias is not None:
        bias = _check_feature_vector("bias", bias, n, "kolom `kernel`")
    gamma, beta, moving_mean, moving_variance = (
        _check_feature_vector(k, v, n, "kolom `kernel`")
        for k, v in (("gamma", gamma), ("beta", beta), ("moving_mean", moving_mean),
                     ("moving_variance", moving_variance)))
    _check_nonnegative_variance(moving_variance)
    check_float("epsilon", epsilon, minimum=0.0)
    _check_variance_epsilon(moving_variance, epsilon)
    scale = gamma / np.sqrt(moving_variance + epsilon)
    bias = np.zeros_like(moving_mean) if bias is None else bias
    return kernel * scale, (bias - moving_mean) * scale + beta


def _check_feature_vector(name, value, n, what):
    """Parameter BN per fitur: skalar atau vektor ``(n,)`` berhingga (dtype tidak diubah)."""
    array = check_real_array(name, value, ndim=(0, 1))
    if array.ndim == 1 and array.shape != (n,):
        raise ValueError(f"Argumen `{name}` harus skalar atau vektor ({n},), satu nilai per "
                         f"{what}. Diterima: {name} berbentuk {array.shape}.")
    return array


def _check_nonnegative_variance(moving_variance):
    if np.any(moving_variance < 0):
        raise ValueError("Argumen `moving_variance` tidak boleh negatif (variansi). Diterima: "
                         f"nilai terkecil {float(np.min(moving_variance))!r}.")


def _check_variance_epsilon(moving_variance, epsilon):
    if epsilon == 0 and np.any(moving_variance == 0):
        raise ValueError("Argumen `epsilon` harus positif bila `moving_variance` memuat 0 "
                         "(pembagian dengan nol). Diterima: epsilon=0.")


def _check_bn_arrays(x, **params):
    """Periksa ``x`` ``(m, n)`` dan parameter BN per fitur; kembalikan ``(x, [param…])``."""
    x = check_real_array("x", x, ndim=2)
    checked = [_check_feature_vector(k, v, x.shape[1], "fitur `x`") for k, v in params.items()]
    _check_nonnegative_variance(checked[-1])
    return x, checked


def _to_numpy(value) -> np.ndarray:
    """Tensor/variabel Keras atau array → ``np.ndarray`` (tanpa ``__array__`` yang usang)."""
    return np.array(value.numpy() if hasattr(value, "numpy") else value)


@dataclass(frozen=True)
class ParameterBreakdown:
    """Banyak parameter per lapisan sebuah model, terlatih dan tidak terlatih.

    Attributes:
        layer_names, layer_types: nama dan kelas Keras tiap lapisan, dari input ke output.
        trainable, non_trainable: banyak parameter per lapisan (``int``).
        label: nama model untuk tabel.
    """

    layer_names: tuple[str, ...]
    layer_types: tuple[str, ...]
    trainable: tuple[int, ...]
    non_trainable: tuple[int, ...]
    label: str = ""

    @property
    def total_trainable(self) -> int:
        return sum(self.trainable)

    @property
    def total_non_trainable(self) -> int:
        return sum(self.non_trainable)

    @property
    def total(self) -> int:
        return self.total_trainable + self.total_non_trainable

    def of_type(self, layer_type: str) -> tuple[int, int]:
        """Jumlah ``(terlatih, tidak terlatih)`` untuk lapisan berkelas ``layer_type``."""
        rows = [i for i, t in enumerate(self.layer_types) if t == layer_type]
        return sum(self.trainable[i] for i in rows), sum(self.non_trainable[i] for i in rows)


def count_parameters(model, *, label: str = "") -> ParameterBreakdown:
    """Hitung parameter terlatih dan tidak terlatih setiap lapisan model Keras yang sudah dibangun.

    Example:
        >>> from chapter11.models import build_mlp
        >>> p = count_parameters(build_mlp((8,), batch_norm="after"))
        >>> p.of_type("BatchNormalization"), p.total_non_trainable
        ((16, 16), 16)
    """
    check_model("model", model)
    check_text("label", label)

    def size(variables):
        return int(sum(int(np.prod(v.shape)) for v in variables))

    layers = list(model.layers)
    return ParameterBreakdown(
        layer_names=tuple(layer.name for layer in layers),
        layer_types=tuple(type(layer).__name__ for layer in layers),
        trainable=tuple(size(layer.trainable_weights) for layer in layers),
        non_trainable=tuple(size(layer.non_trainable_weights) for layer in layers),
        label=label,
    )


def format_parameter_table(breakdown: ParameterBreakdown) -> str:
    """Tabel Markdown parameter per lapisan (angka gaya buku), diakhiri baris jumlah.

    Example:
        >>> p = ParameterBreakdown(("d",), ("Dense",), (1200,), (0,))
        >>> print(format_parameter_table(p).splitlines()[2])
        | `d` | `Dense` | 1.200 | 0 |
    """
    from ._validation import check_report
    from .formatting import format_int

    check_report("breakdown", breakdown, ("layer_names", "layer_types", "trainable",
                                          "non_trainable", "total_trainable",
                                          "total_non_trainable"),
                 "ParameterBreakdown (hasil count_parameters)")
    lines = ["| Lapisan | Kelas | Terlatih | Tidak terlatih |", "|---|---|--:|--:|"]
    for row in zip(breakdown.layer_names, breakdown.layer_types, breakdown.trainable,
                   breakdown.non_trainable):
        lines.append(f"| `{row[0]}` | `{row[1]}` | {format_int(row[2])} | {format_int(row[3])} |")
    lines.append(f"| **Jumlah** | | **{format_int(breakdown.total_trainable)}** | "
                 f"**{format_int(breakdown.total_non_trainable)}** |")
    return "\n".join(lines)


@dataclass(frozen=True)
class ReferenceCheckReport:
    """Selisih mutlak terbesar antara rujukan NumPy dan ``keras.layers.BatchNormalization``."""

    train_output: float
    moving_mean: float
    moving_variance: float
    inference_output: float

    @property
    def max(self) -> float:
        return max(self.train_output, self.moving_mean, self.moving_variance,
                   self.inference_output)


def compare_with_keras(layer, x) -> ReferenceCheckReport:
    """Bandingkan satu langkah pelatihan lalu satu lintasan inferensi Keras dengan rujukan NumPy.

    Lapisan dipanggil sekali dengan ``training=True`` (rata-rata bergeraknya ikut berubah),
    lalu dengan ``training=False`` memakai statistik baru itu.

    Args:
        layer: ``keras.layers.BatchNormalization`` (akan dibangun bila belum).
        x: array ``(m, n)`` (mis. gambar yang diratakan).
    """
    keras = _keras()
    if not isinstance(layer, keras.layers.BatchNormalization):
        raise TypeError("Argumen `layer` harus keras.layers.BatchNormalization. "
                        f"Diterima: layer={layer!r:.80} (tipe {type(layer).__name__}).")
    x = np.asarray(check_real_array("x", x, ndim=2), dtype=np.float32)
    if not layer.built:
        layer.build(x.shape)
    state = [_to_numpy(v) for v in (layer.gamma, layer.beta, layer.moving_mean,
                                     layer.moving_variance)]
    if state[2].shape != (x.shape[1],):
        raise ValueError(f"Argumen `x` harus punya {state[2].shape[0]} fitur seperti `layer`. "
                         f"Diterima: x berbentuk {x.shape}.")
    ref_z, ref_mean, ref_var = _bn_train(x.astype(np.float64), *state, layer.momentum,
                                         layer.epsilon)
    keras_z = _to_numpy(layer(x, training=True))
    ref_inf = _bn_inference(x.astype(np.float64), state[0], state[1], ref_mean, ref_var,
                            layer.epsilon)
    keras_inf = _to_numpy(layer(x, training=False))
    gap = lambda a, b: float(np.max(np.abs(a - b)))  # noqa: E731
    return ReferenceCheckReport(
        train_output=gap(keras_z, ref_z),
        moving_mean=gap(_to_numpy(layer.moving_mean), ref_mean),
        moving_variance=gap(_to_numpy(layer.moving_variance), ref_var),
        inference_output=gap(keras_inf, ref_inf),
    )


def _keras():
    from .runtime import quiet_tensorflow

    return quiet_tensorflow()


def _bn_layers(model, keras) -> list:
    """Lapisan ``BatchNormalization`` model; galat bila tidak ada."""
    layers = [layer for layer in model.layers
              if isinstance(layer, keras.layers.BatchNormalization)]
    if not layers:
        raise ValueError("Argumen `model` harus memiliki lapisan BatchNormalization. Diterima: "
                         f"lapisan {[type(layer).__name__ for layer in model.layers]}.")
    return layers


def _check_int_sequence(name, values, minimum, limit_key) -> tuple[int, ...]:
    """Urutan tak kosong bilangan bulat ``>= minimum`` yang tidak melewati ``LIMITS[limit_key]``."""
    if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
        raise TypeError(f"Argumen `{name}` harus urutan bilangan bulat. Diterima: "
                        f"{name}={values!r:.80} (tipe {type(values).__name__}).")
    values = tuple(check_limit(f"{name}[i]", check_int(f"{name}[i]", v, minimum=minimum),
                               limit_key) for v in values)
    if not values:
        raise ValueError(f"Argumen `{name}` tidak boleh kosong. Diterima: {name}=().")
    return values


@dataclass(frozen=True)
class BNModesReport:
    """Satu lapisan BN pada piksel: mode pelatihan vs inferensi selagi rata-rata bergerak belajar.

    Attributes:
        momentum, batch_size: pengaturan simulasinya.
        steps: nomor langkah pelatihan ``1, 2, …``.
        mean_error: ``‖μ_bergerak − μ‖ / ‖μ‖`` sesudah setiap langkah (μ: rata-rata populasi).
        variance_error: ``‖v_bergerak − σ²‖ / ‖1 − σ²‖`` (nilai awal variansi bergerak 1).
        output_gap: rata-rata ``|keluaran inferensi − keluaran pelatihan|`` pada batch penguji.
        train_output: keluaran mode pelatihan untuk batch penguji (diratakan).
        inference_initial, inference_final: keluaran mode inferensi sebelum langkah pertama dan
            sesudah langkah terakhir (diratakan).
        label: nama untuk legenda.
    """

    momentum: float
    batch_size: int
    steps: np.ndarray
    mean_error: np.ndarray
    variance_error: np.ndarray
    output_gap: np.ndarray
    train_output: np.ndarray
    inference_initial: np.ndarray
    inference_final: np.ndarray
    label: str = ""

    def steps_until(self, level: float = 0.05) -> int:
        """Langkah pertama ketika galat relatif rata-rata bergerak di bawah ``level``.

        Raises:
            ValueError: bila galat tidak pernah turun di bawah ``level``.

        Example:
            >>> r = BNModesReport(0.9, 32, np.arange(1, 4), np.array([0.5, 0.04, 0.03]),
            ...                   np.zeros(3), np.zeros(3), np.zeros(1), np.zeros(1), np.zeros(1))
            >>> r.steps_until(0.05)
            2
        """
        level = check_float("level", level, minimum=0.0, strict_minimum=True)
        below = np.flatnonzero(self.mean_error < level)
        if below.size == 0:
            raise ValueError(f"Galat rata-rata bergerak tidak pernah di bawah {level}. "
                             f"Diterima: galat terkecil {float(self.mean_error.min())}.")
        return int(self.steps[below[0]])

    def noise_floor(self, last: int = 100) -> float:
        """Rata-rata galat relatif rata-rata bergerak pada ``last`` langkah terakhir."""
        last = check_positive_int("last", last)
        return float(np.mean(self.mean_error[-last:]))


def measure_bn_modes(x, *, momentum=0.99, batch_size=32, steps=500, probe_size=256, seed=0,
                     label="") -> BNModesReport:
    """Latih hanya statistik bergerak sebuah ``BatchNormalization`` baru pada piksel gambar nyata.

    Setiap langkah memanggil lapisan dengan ``training=True`` pada mini-batch acak (seperti
    di dalam ``fit``); γ dan β tidak dilatih. Sesudah setiap langkah dicatat seberapa jauh rata-rata
    dan variansi bergerak dari statistik populasi ``x`` dan seberapa jauh keluaran mode inferensi
    dari keluaran mode pelatihan pada satu batch penguji tetap.

    Args:
        x: gambar ``(n, 28, 28)`` (atau array ``(n, fitur)``), populasinya.
        momentum: momentum BN (Keras: 0,99).
        batch_size: ukuran mini-batch.
        steps: banyak langkah.
        probe_size: ukuran batch penguji.
        seed: benih pemilihan batch.
        label: nama untuk legenda.

    Returns:
        :class:`BNModesReport`.
    """
    momentum = check_float("momentum", momentum, minimum=0.0, maximum=1.0)
    batch_size = check_positive_int("batch_size", batch_size)
    check_limit("batch_size", batch_size)
    steps = check_limit("steps", check_positive_int("steps", steps))
    probe_size = check_positive_int("probe_size", probe_size)
    rng = np.random.default_rng(check_int("seed", seed, minimum=0))
    check_text("label", label)
    x = np.asarray(check_real_array("x", x, ndim=(2, 3)), dtype=np.float32).reshape(len(x), -1)
    if len(x) < max(batch_size, probe_size):
        raise ValueError("Argumen `x` harus memuat paling sedikit `batch_size` dan `probe_size` "
                         f"contoh. Diterima: x dengan {len(x)} contoh.")
    keras = _keras()
    mean, var = x.mean(axis=0), x.var(axis=0)
    probe = x[rng.choice(len(x), probe_size, replace=False)]
    layer = keras.layers.BatchNormalization(momentum=momentum)
    train_out = _to_numpy(layer(probe, training=True))   # statistik batch penguji sendiri
    for variable, value in ((layer.moving_mean, 0.0), (layer.moving_variance, 1.0)):
        variable.assign(np.full(x.shape[1], value, np.float32))   # kembali ke nilai awal
    gamma, beta = _to_numpy(layer.gamma), _to_numpy(layer.beta)

    def inference(moving_mean, moving_var):  # sama dengan layer(probe, training=False)
        return _bn_inference(probe, gamma, beta, moving_mean, moving_var, layer.epsilon)

    initial = inference(_to_numpy(layer.moving_mean), _to_numpy(layer.moving_variance))
    mean_err, var_err, gap = [], [], []
    for _ in range(steps):
        layer(x[rng.choice(len(x), batch_size, replace=False)], training=True)
        moving_mean, moving_var = _to_numpy(layer.moving_mean), _to_numpy(layer.moving_variance)
        mean_err.append(np.linalg.norm(moving_mean - mean) / np.linalg.norm(mean))
        var_err.append(np.linalg.norm(moving_var - var) / np.linalg.norm(1.0 - var))
        gap.append(float(np.mean(np.abs(inference(moving_mean, moving_var) - train_out))))
    final = inference(moving_mean, moving_var)
    return BNModesReport(
        momentum=momentum, batch_size=batch_size, steps=np.arange(1, steps + 1),
        mean_error=np.array(mean_err), variance_error=np.array(var_err), output_gap=np.array(gap),
        train_output=train_out.ravel(), inference_initial=initial.ravel(),
        inference_final=final.ravel(), label=label,
    )


@dataclass(frozen=True)
class BatchSizeReport:
    """Akurasi model BN terlatih dalam mode pelatihan, per ukuran batch, vs mode inferensi.

    Attributes:
        batch_sizes: ukuran batch yang diuji.
        training_mode_accuracy: akurasi per ukuran batch, dengan statistik batch itu sendiri.
        inference_accuracy: akurasi mode inferensi (rata-rata bergerak; tidak bergantung batch).
        n_images: banyak gambar yang dinilai.
        label: nama untuk legenda.
    """

    batch_sizes: tuple[int, ...]
    training_mode_accuracy: tuple[float, ...]
    inference_accuracy: float
    n_images: int
    label: str = ""


def _forward_grouped(model, x, batch_size):
    """Lintasan maju mode pelatihan dengan statistik BN per kelompok ``batch_size`` contoh.

    Semua kelompok dihitung sekaligus (tensor ``(kelompok, batch_size, fitur)``), tanpa
    mengubah rata-rata bergerak; untuk satu kelompok sama dengan ``model(x, training=True)``.
    """
    keras = _keras()
    ops = keras.ops
    n = len(x) // batch_size * batch_size
    h = ops.convert_to_tensor(x[:n].reshape(n // batch_size, batch_size, -1))
    for layer in model.layers:
        if isinstance(layer, keras.layers.Flatten):
            continue  # sudah diratakan di atas
        if isinstance(layer, keras.layers.BatchNormalization):
            mu = ops.mean(h, axis=1, keepdims=True)
            var = ops.var(h, axis=1, keepdims=True)
            h = layer.gamma * (h - mu) / ops.sqrt(var + layer.epsilon) + layer.beta
        else:
            h = layer(h, training=False)
    return _to_numpy(h).reshape(n, -1)


def measure_batch_size_effect(model, x, y, batch_sizes=(1, 2, 4, 8, 16, 32, 128), *,
                              label="") -> BatchSizeReport:
    """Nilai model BN terlatih dengan statistik batch (mode pelatihan) vs mode inferensi.

    Untuk setiap ukuran batch ``b``, gambar dibagi menjadi kelompok ``b`` gambar dan setiap
    lapisan BN menormalkan dengan rata-rata dan variansi kelompoknya sendiri — seperti
    ``model(kelompok, training=True)`` — tetapi tanpa mengubah rata-rata bergerak model.

    Args:
        model: model ``Sequential`` terlatih (Flatten, Dense, BatchNormalization, aktivasi).
        x, y: gambar dan label; hanya kelipatan terbesar tiap ukuran batch yang dinilai.
        batch_sizes: ukuran batch yang diuji (bilangan bulat positif).
        label: nama untuk legenda.

    Returns:
        :class:`BatchSizeReport`.
    """
    batch_sizes = _check_int_sequence("batch_sizes", batch_sizes, 1, "batch_size")
    check_text("label", label)
    check_model("model", model)
    x = np.asarray(check_real_array("x", x, ndim=(2, 3, 4)), dtype=np.float32)
    y = check_labels("y", y, len(x))
    if len(x) < max(batch_sizes):
        raise ValueError("Argumen `x` harus tidak lebih pendek dari batch terbesar di "
                         f"`batch_sizes`. Diterima: {len(x)} gambar untuk batch "
                         f"{max(batch_sizes)}.")
    inference = float(np.mean(np.argmax(_to_numpy(model(x, training=False)), 1) == y))
    accuracies = []
    for b in batch_sizes:
        probs = _forward_grouped(model, x, b)
        accuracies.append(float(np.mean(np.argmax(probs, 1) == y[:len(probs)])))
    return BatchSizeReport(batch_sizes, tuple(accuracies), inference, len(x), label)


@dataclass(frozen=True)
class MovingAverageLagReport:
    """Akurasi mode inferensi model terlatih bila rata-rata bergeraknya baru berumur ``t`` langkah.

    Attributes:
        steps: nilai ``t`` yang diuji.
        inference_accuracy: akurasi mode inferensi per ``t``.
        batch_accuracy: akurasi dengan statistik seluruh ``x`` sebagai satu batch (mode pelatihan).
        momentum: momentum BN model.
        label: nama untuk legenda.
        median_variance: median variansi bergerak akhir lapisan-lapisan BN sesudah lapisan BN
            pertama (yang menerima keluaran aktivasi, bukan piksel).
    """

    steps: tuple[int, ...]
    inference_accuracy: tuple[float, ...]
    batch_accuracy: float
    momentum: float
    label: str = ""
    median_variance: float = float("nan")

    def steps_to_reach(self, tolerance: float = 0.05) -> int:
        """Umur ``t`` terkecil yang akurasinya dalam ``tolerance`` dari akurasi ``t`` terbesar.

        Example:
            >>> MovingAverageLagReport((0, 100, 400), (0.1, 0.5, 0.8), 0.82, 0.99).steps_to_reach()
            400
        """
        tolerance = check_float("tolerance", tolerance, minimum=0.0)
        final = self.inference_accuracy[-1]
        return min(t for t, a in zip(self.steps, self.inference_accuracy)
                   if a >= final - tolerance)


def measure_moving_average_lag(model, x, y, steps=(0, 25, 50, 100, 200, 300, 500, 1000), *,
                               label="") -> MovingAverageLagReport:
    """Kasus ideal keterlambatan rata-rata bergerak, tanpa melatih ulang.

    Statistik akhir setiap lapisan BN (μ̂, σ̂²) dianggap tetap sepanjang pelatihan; sesudah
    ``t`` langkah dari nilai awal Keras (0 dan 1), rumus rata-rata bergerak memberi
    ``(1 − α^t) μ̂`` dan ``α^t + (1 − α^t) σ̂²``. Nilai itu dipasang sementara, model dinilai
    dalam mode inferensi, lalu rata-rata bergerak aslinya dikembalikan.

    Args:
        model: model ``Sequential`` terlatih dengan lapisan BN.
        x, y: gambar dan label.
        steps: umur rata-rata bergerak yang diuji (bilangan bulat >= 0).
        label: nama untuk legenda.

    Returns:
        :class:`MovingAverageLagReport`.
    """
    steps = _check_int_sequence("steps", steps, 0, "steps")
    check_text("label", label)
    check_model("model", model)
    x = np.asarray(check_real_array("x", x, ndim=(2, 3, 4)), dtype=np.float32)
    y = check_labels("y", y, len(x))
    keras = _keras()
    layers = _bn_layers(model, keras)
    saved = [(_to_numpy(layer.moving_mean), _to_numpy(layer.moving_variance)) for layer in layers]
    accuracies = []
    try:
        for t in steps:
            for layer, (mean, var) in zip(layers, saved):
                weight = layer.momentum ** t
                layer.moving_mean.assign((1 - weight) * mean)
                layer.moving_variance.assign(weight + (1 - weight) * var)
            probs = _to_numpy(model(x, training=False))
            accuracies.append(float(np.mean(np.argmax(probs, 1) == y)))
    finally:
        for layer, (mean, var) in zip(layers, saved):
            layer.moving_mean.assign(mean)
            layer.moving_variance.assign(var)
    batch = float(np.mean(np.argmax(_forward_grouped(model, x, len(x)), 1) == y))
    hidden = [variance for _, variance in saved[1:]] or [variance for _, variance in saved]
    median_variance = float(np.median(np.concatenate(hidden)))
    return MovingAverageLagReport(steps, tuple(accuracies), batch, float(layers[0].momentum), label,
                                  median_variance)


@dataclass(frozen=True)
class InputStandardizationReport:
    """BN pertama sebuah model terlatih dibandingkan dengan standardisasi piksel data latih.

    Attributes:
        mean_gap: selisih mutlak terbesar antara rata-rata bergerak BN dan rata-rata piksel.
        variance_errors: ``variansi bergerak / variansi piksel − 1`` untuk piksel yang tidak
            hampir konstan (variansi > ``min_variance``).
        n_pixels: banyak piksel (fitur) BN itu.
        n_compared: banyak piksel yang variansinya dibandingkan.
    """

    mean_gap: float
    variance_errors: np.ndarray
    n_pixels: int
    n_compared: int


def compare_input_bn_with_standardization(model, x, *, min_variance: float = 0.01
                                          ) -> InputStandardizationReport:
    """Bandingkan rata-rata/variansi bergerak lapisan BN pertama dengan statistik piksel ``x``.

    Bila BN dipasang tepat sesudah ``Flatten``, mode inferensinya menghitung
    ``γ·(x − μ̂)/√(σ̂² + ε) + β``: standardisasi setiap piksel dengan statistik yang dipelajari
    selama pelatihan, lalu skala dan geser. Fungsi ini memeriksa seberapa dekat ``μ̂`` dan ``σ̂²``
    dengan rata-rata dan variansi piksel data latih.

    Args:
        model: model ``Sequential`` terlatih yang lapisan BN pertamanya menerima piksel.
        x: gambar data latih yang dipakai pelatihan, ``(n, 28, 28)``.
        min_variance: variansi piksel terkecil yang ikut dibandingkan (piksel tepi hampir selalu
            0, dan di sana ε mendominasi).

    Returns:
        :class:`InputStandardizationReport`.
    """
    keras = _keras()
    min_variance = check_float("min_variance", min_variance, minimum=0.0, strict_minimum=True)
    check_model("model", model)
    x = np.asarray(check_real_array("x", x, ndim=(2, 3, 4)), dtype=np.float64).reshape(len(x), -1)
    layers = _bn_layers(model, keras)
    first = layers[0]
    mean, variance = x.mean(axis=0), x.var(axis=0)
    moving_mean = _to_numpy(first.moving_mean).astype(np.float64)
    moving_variance = _to_numpy(first.moving_variance).astype(np.float64)
    if moving_mean.shape != mean.shape:
        raise ValueError("Lapisan BN pertama harus menerima piksel yang diratakan. "
                         f"Diterima: {moving_mean.shape[0]} fitur untuk {mean.shape[0]} piksel.")
    keep = variance > min_variance
    return InputStandardizationReport(
        mean_gap=float(np.max(np.abs(moving_mean - mean))),
        variance_errors=moving_variance[keep] / variance[keep] - 1.0,
        n_pixels=int(mean.size), n_compared=int(keep.sum()),
    )
