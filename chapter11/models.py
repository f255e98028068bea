"""Pembangun model buku, gaya Keras 3 (``keras.Input``, ``negative_slope``, tanpa argumen usang).

Setiap pembangun mengembalikan model baru yang **berbenih**: argumen yang sama memberi bobot
awal yang sama, tanpa mengubah keadaan acak global. Setiap lapisan mendapat benih turunan
sendiri, :func:`layer_seed` ``(seed, indeks lapisan)``, sebab di Keras 3 satu objek inisialisasi
berbenih menghasilkan nilai yang sama di setiap pemanggilan. Benih turunan itu dicampur dengan
``numpy.random.SeedSequence``, jadi model dengan benih 0 dan benih 1 tidak berbagi satu pun
matriks bobot (dengan ``seed + i`` sederhana, lapisan ke-2 benih 0 akan sama dengan lapisan
ke-1 benih 1).

Example:
    >>> model = build_deep_mlp(depth=3, units=16, activation="relu",
    ...                        kernel_initializer="he_normal", seed=1)
    >>> [layer.units for layer in dense_layers(model)]
    [16, 16, 16, 10]
"""

from __future__ import annotations

import numpy as np

from ._validation import check_choice, check_int, check_positive_int, check_str
from .runtime import quiet_tensorflow

keras = quiet_tensorflow()

__all__ = [
    "INPUT_SHAPE",
    "N_CLASSES",
    "layer_seed",
    "make_initializer",
    "build_mlp",
    "build_deep_mlp",
    "build_mixed_activation_model",
    "dense_layers",
]

INPUT_SHAPE = (28, 28)
N_CLASSES = 10
BATCH_NORM_PLACEMENTS = (None, "before", "after")


def layer_seed(seed: int, index: int) -> int:
    """Benih lapisan ke-``index`` sebuah model berbenih ``seed`` (bebas antar-model dan lapisan).

    Example:
        >>> layer_seed(0, 1) == layer_seed(0, 1), layer_seed(0, 1) == layer_seed(1, 0)
        (True, False)
    """
    seed = check_int("seed", seed, minimum=0)
    index = check_int("index", index, minimum=0)
    return int(np.random.SeedSequence([seed, index]).generate_state(1)[0] >> 1)


def make_initializer(kernel_initializer, seed: int):
    """Buat objek inisialisasi Keras berbenih dari nama atau dari objek contoh.

    Args:
        kernel_initializer: nama Keras (``"he_normal"``, ``"glorot_uniform"``, …), konfigurasi
            terserialisasi (``{"class_name": "RandomNormal", "config": {"stddev": 1.0}}``, bentuk
            yang dapat disimpan di spesifikasi eksperimen) atau objek
            ``keras.initializers.Initializer``; konfigurasinya disalin dengan benih baru.
        seed: benih bilangan bulat >= 0.

    Returns:
        Objek inisialisasi baru dengan ``seed`` itu.

    Raises:
        ValueError: nama yang tidak dikenal Keras.
        TypeError: tipe argumen yang bukan string atau inisialisasi Keras.

    Example:
        >>> make_initializer("he_normal", seed=3).get_config()["seed"]
        3
        >>> init = make_initializer({"class_name": "RandomNormal", "config": {"stddev": 1.0}}, 5)
        >>> type(init).__name__, init.get_config()["stddev"]
        ('RandomNormal', 1.0)
    """
    seed = check_int("seed", seed, minimum=0)
    if isinstance(kernel_initializer, (str, dict)):
        try:
            template = keras.initializers.get(kernel_initializer)
        except (ValueError, TypeError) as err:
            raise ValueError(
                "Argumen `kernel_initializer` harus nama (atau konfigurasi) inisialisasi Keras, "
                "misalnya 'glorot_uniform', 'he_normal', 'lecun_normal'. "
                f"Diterima: kernel_initializer={kernel_initializer!r}."
            ) from err
    elif isinstance(kernel_initializer, keras.initializers.Initializer):
        template = kernel_initializer
    else:
        raise TypeError(
            "Argumen `kernel_initializer` harus string nama Keras, dict konfigurasi, atau objek "
            "keras.initializers.Initializer. "
            f"Diterima: kernel_initializer={kernel_initializer!r} "
            f"(tipe {type(kernel_initializer).__name__})."
        )
    config = template.get_config()
    if "seed" not in config:  # mis. Zeros/Ones: tidak acak
        return template.__class__.from_config(config)
    config["seed"] = seed
    return template.__class__.from_config(config)


def _activation_layer(activation: str, name: str):
    if activation == "leaky_relu":
        return keras.layers.LeakyReLU(negative_slope=0.2, name=name)
    return keras.layers.Activation(activation, name=name)


def build_mlp(
    hidden_units=(300, 100),
    activation: str = "relu",
    kernel_initializer="he_normal",
    seed: int = 42,
    *,
    batch_norm: str | None = None,
    input_batch_norm: bool = False,
    name: str | None = None,
):
    """Bangun MLP untuk gambar 28 × 28: Flatten, lapisan Dense tersembunyi, softmax 10 kelas.

    Args:
        hidden_units: lebar tiap lapisan tersembunyi, dari input ke output (mis. ``(300, 100)``).
        activation: nama aktivasi Keras (``"sigmoid"``, ``"relu"``, ``"elu"``, ``"selu"``, …), atau
            ``"leaky_relu"`` (lapisan ``LeakyReLU(negative_slope=0.2)`` sesudah Dense).
        kernel_initializer: nama inisialisasi Keras, dict konfigurasinya, atau objeknya (lihat
            :func:`make_initializer`); dipakai di semua lapisan tersembunyi.
        seed: benih bobot awal; lapisan ke-``i`` memakai ``layer_seed(seed, i)``.
        batch_norm: ``None`` (tanpa BN), ``"after"`` (BN sesudah aktivasi) atau ``"before"``
            (BN sebelum aktivasi; Dense tanpa bias, karena β milik BN menggantikannya).
        input_batch_norm: tambahkan BN tepat sesudah Flatten (seperti model BN Géron).
        name: nama model.

    Returns:
        ``keras.Sequential`` yang belum dikompilasi.

    Raises:
        ValueError, TypeError: argumen yang tidak sah.

    Example:
        >>> m = build_mlp((300, 100), "elu", "he_normal", batch_norm="after", input_batch_norm=True)
        >>> [type(layer).__name__ for layer in m.layers]
        ['Flatten', 'BatchNormalization', 'Dense', 'BatchNormalization', 'Dense', 'BatchNormalization', 'Dense']
    """
    if isinstance(hidden_units, (str, bytes)) or not hasattr(hidden_units, "__iter__"):
        raise TypeError(
            "Argumen `hidden_units` harus urutan bilangan bulat, mis. (300, 100). "
            f"Diterima: hidden_units={hidden_units!r}."
        )
    hidden_units = tuple(hidden_units)
    if not hidden_units:
        raise ValueError("Argumen `hidden_units` tidak boleh kosong. Diterima: hidden_units=().")
    for units in hidden_units:
        check_positive_int("hidden_units[i]", units)
    activation = check_str("activation", activation)
    seed = check_int("seed", seed, minimum=0)
    check_choice("batch_norm", batch_norm, BATCH_NORM_PLACEMENTS)
    if activation != "leaky_relu":
        try:
            keras.activations.get(activation)
        except ValueError as err:
            raise ValueError(
                "Argumen `activation` harus nama aktivasi Keras, misalnya 'sigmoid', 'tanh', "
                f"'relu', 'leaky_relu', 'elu', 'selu', 'gelu', 'silu', 'mish'. "
                f"Diterima: activation={activation!r}."
            ) from err
    make_initializer(kernel_initializer, seed)  # periksa lebih awal, pesan galat yang jelas

    layers = [keras.Input(shape=INPUT_SHAPE), keras.layers.Flatten(name="flatten")]
    if input_batch_norm:
        layers.append(keras.layers.BatchNormalization(name="bn_input"))
    for i, units in enumerate(hidden_units):
        init = make_initializer(kernel_initializer, layer_seed(seed, i))
        dense_name = f"dense_{i + 1}"
        if batch_norm == "before":
            layers += [
                keras.layers.Dense(units, kernel_initializer=init, use_bias=False, name=dense_name),
                keras.layers.BatchNormalization(name=f"bn_{i + 1}"),
                _activation_layer(activation, f"act_{i + 1}"),
            ]
        elif activation == "leaky_relu":
            layers += [
                keras.layers.Dense(units, kernel_initializer=init, name=dense_name),
                _activation_layer(activation, f"act_{i + 1}"),
            ]
        else:
            layers.append(
                keras.layers.Dense(
                    units, activation=activation, kernel_initializer=init, name=dense_name
                )
            )
        if batch_norm == "after":
            layers.append(keras.layers.BatchNormalization(name=f"bn_{i + 1}"))
    layers.append(
        keras.layers.Dense(
            N_CLASSES,
            activation="softmax",
            kernel_initializer=make_initializer("glorot_uniform",
                                                layer_seed(seed, len(hidden_units))),
            name="output",
        )
    )
    default_name = f"mlp_{'_'.join(map(str, hidden_units[:3]))}_{activation}"
    if len(hidden_units) > 3:
        default_name = f"mlp_{len(hidden_units)}x{hidden_units[0]}_{activation}"
    return keras.Sequential(layers, name=name or default_name)


def build_deep_mlp(
    depth: int,
    units: int = 100,
    activation: str = "relu",
    kernel_initializer="he_normal",
    seed: int = 42,
    *,
    batch_norm: str | None = None,
    input_batch_norm: bool = False,
    name: str | None = None,
):
    """MLP dalam dengan ``depth`` lapisan tersembunyi yang sama lebarnya (``units``).

    Sama dengan ``build_mlp((units,) * depth, …)``; lihat :func:`build_mlp` untuk argumen
    lainnya.

    Example:
        >>> m = build_deep_mlp(2, 8, "selu", "lecun_normal", seed=0, batch_norm="before")
        >>> [type(layer).__name__ for layer in m.layers][:4]
        ['Flatten', 'Dense', 'BatchNormalization', 'Activation']
        >>> dense_layers(m)[0].use_bias
        False
    """
    depth = check_positive_int("depth", depth)
    units = check_positive_int("units", units)
    return build_mlp(
        (units,) * depth,
        activation,
        kernel_initializer,
        seed,
        batch_norm=batch_norm,
        input_batch_norm=input_batch_norm,
        name=name or f"mlp_{depth}x{units}_{activation}",
    )


def build_mixed_activation_model(seed: int = 42, *, name: str = "aktivasi_campuran"):
    """Model aktivasi campuran dari notebook kuliah, dalam Keras 3.

    Dense 300 (He) + ReLU → Dense 100 (He) + LeakyReLU(``negative_slope=0.2``) →
    Dense 100 SELU (LeCun) → softmax 10 kelas. Setiap inisialisasi mendapat benihnya sendiri
    (:func:`layer_seed`), jadi argumen yang sama memberi bobot awal yang sama.

    Example:
        >>> m = build_mixed_activation_model(seed=0)
        >>> [type(layer).__name__ for layer in m.layers]
        ['Flatten', 'Dense', 'Activation', 'Dense', 'LeakyReLU', 'Dense', 'Dense']
    """
    seeds = [layer_seed(check_int("seed", seed, minimum=0), i) for i in range(4)]
    # [model-keras-awal]
    model = keras.Sequential([
        keras.Input(shape=(28, 28)),
        keras.layers.Flatten(),
        keras.layers.Dense(300, kernel_initializer=keras.initializers.HeNormal(seed=seeds[0])),
        keras.layers.Activation("relu"),
        keras.layers.Dense(100, kernel_initializer=keras.initializers.HeNormal(seed=seeds[1])),
        keras.layers.LeakyReLU(negative_slope=0.2),
        keras.layers.Dense(100, activation="selu",
                           kernel_initializer=keras.initializers.LecunNormal(seed=seeds[2])),
        keras.layers.Dense(10, activation="softmax",
                           kernel_initializer=keras.initializers.GlorotUniform(seed=seeds[3])),
    ], name=name)
    # [model-keras-akhir]
    return model


def dense_layers(model) -> list:
    """Lapisan ``Dense`` sebuah model, urut dari input ke output."""
    return [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
