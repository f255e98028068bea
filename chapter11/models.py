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

from ._validation import (check_bool, check_choice, check_float, check_int, check_limit,
                          check_model, check_positive_int, check_str)
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
    "build_autoencoder",
    "check_builder_kwargs",
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


def _check_activation(activation) -> str:
    activation = check_str("activation", activation)
    if activation != "leaky_relu":
        try:
            keras.activations.get(activation)
        except ValueError as err:
            raise ValueError(
                "Argumen `activation` harus nama aktivasi Keras, misalnya 'sigmoid', 'tanh', "
                f"'relu', 'leaky_relu', 'elu', 'selu', 'gelu', 'silu', 'mish'. "
                f"Diterima: activation={activation!r}."
            ) from err
    return activation


def _keras_object(kind: str, value, examples: str, param: str = "ini"):
    """Objek Keras baru dari nama/konfigurasi (``None`` tetap ``None``); galat yang jelas."""
    if value is None:
        return None
    getter = getattr(keras, kind).get
    where = f"`{param}`" if param != "ini" else param
    try:
        return getter(value.copy() if isinstance(value, dict) else value)
    except (TypeError, ValueError) as err:
        raise ValueError(
            f"Argumen {where} harus nama atau konfigurasi keras.{kind} yang sah, misalnya "
            f"{examples}. Diterima: {param if param != 'ini' else 'nilai'}={value!r}."
        ) from err


_REGULARIZER_EXAMPLE = '{"class_name": "L2", "config": {"l2": 0.01}}'
_CONSTRAINT_EXAMPLE = '{"class_name": "MaxNorm", "config": {"max_value": 1.0}}'


def _check_units(hidden_units, name: str = "hidden_units") -> tuple[int, ...]:
    if isinstance(hidden_units, (str, bytes)) or not hasattr(hidden_units, "__iter__"):
        raise TypeError(
            f"Argumen `{name}` harus urutan bilangan bulat, mis. (300, 100). "
            f"Diterima: {name}={hidden_units!r}."
        )
    hidden_units = tuple(hidden_units)
    if not hidden_units:
        raise ValueError(f"Argumen `{name}` tidak boleh kosong. Diterima: {name}=().")
    check_limit(f"len({name})", len(hidden_units), "depth")
    for units in hidden_units:
        check_limit(f"{name}[i]", check_positive_int(f"{name}[i]", units), "units")
    return hidden_units


def _check_input_shape(input_shape) -> tuple[int, ...]:
    if isinstance(input_shape, (str, bytes)) or not hasattr(input_shape, "__iter__"):
        raise TypeError("Argumen `input_shape` harus tuple bilangan bulat, mis. (28, 28). "
                        f"Diterima: input_shape={input_shape!r}.")
    shape = tuple(check_positive_int("input_shape[i]", d) for d in input_shape)
    if not shape or int(np.prod(shape)) > 1_000_000:
        raise ValueError("Argumen `input_shape` harus berisi 1–3 dimensi dengan paling banyak "
                         f"1.000.000 nilai. Diterima: input_shape={input_shape!r}.")
    return shape


DROPOUT_KINDS = ("dropout", "alpha")
DROPOUT_PLACES = ("all", "hidden", "last")


def build_mlp(
    hidden_units=(300, 100),
    activation: str = "relu",
    kernel_initializer="he_normal",
    seed: int = 42,
    *,
    batch_norm: str | None = None,
    input_batch_norm: bool = False,
    batch_norm_momentum: float = 0.99,
    kernel_regularizer=None,
    kernel_constraint=None,
    dropout: float = 0.0,
    dropout_kind: str = "dropout",
    dropout_layers: str = "all",
    input_shape=INPUT_SHAPE,
    n_outputs: int = N_CLASSES,
    name: str | None = None,
):
    """Bangun MLP: Flatten, lapisan Dense tersembunyi, lalu lapisan output.

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
        batch_norm_momentum: momentum rata-rata bergerak setiap lapisan BN (bawaan Keras 0,99;
            angka lebih kecil mengejar statistik lebih cepat, berguna bila langkahnya sedikit).
        kernel_regularizer: regularisasi kernel **semua** lapisan Dense, termasuk output (seperti
            ``RegularizedDense`` Géron): nama atau konfigurasi Keras, mis.
            ``{"class_name": "L2", "config": {"l2": 0.01}}``.
        kernel_constraint: batasan kernel lapisan tersembunyi, mis.
            ``{"class_name": "MaxNorm", "config": {"max_value": 1.0, "axis": 0}}``.
        dropout: laju *dropout* di [0, 1); 0 berarti tanpa lapisan dropout.
        dropout_kind: ``"dropout"`` (``keras.layers.Dropout``) atau ``"alpha"``
            (``keras.layers.AlphaDropout``, untuk SELU).
        dropout_layers: letak dropout — ``"all"`` (sesudah Flatten dan sesudah setiap lapisan
            tersembunyi, seperti model dropout Géron), ``"hidden"`` (sesudah setiap lapisan
            tersembunyi) atau ``"last"`` (hanya sebelum lapisan output).
        input_shape: bentuk satu contoh masukan (bawaan ``(28, 28)``).
        n_outputs: banyak unit output: 1 memberi satu unit sigmoid (tugas biner), lebih dari 1
            memberi softmax.
        name: nama model.

    Returns:
        ``keras.Sequential`` yang belum dikompilasi.

    Raises:
        ValueError, TypeError: argumen yang tidak sah.

    Example:
        >>> m = build_mlp((300, 100), "elu", "he_normal", batch_norm="after", input_batch_norm=True)
        >>> [type(layer).__name__ for layer in m.layers]
        ['Flatten', 'BatchNormalization', 'Dense', 'BatchNormalization', 'Dense', 'BatchNormalization', 'Dense']
        >>> m = build_mlp((32,), dropout=0.2, n_outputs=1)
        >>> [type(layer).__name__ for layer in m.layers], m.output_shape
        (['Flatten', 'Dropout', 'Dense', 'Dropout', 'Dense'], (None, 1))
    """
    hidden_units = _check_units(hidden_units)
    activation = _check_activation(activation)
    seed = check_int("seed", seed, minimum=0)
    check_choice("batch_norm", batch_norm, BATCH_NORM_PLACEMENTS)
    check_bool("input_batch_norm", input_batch_norm)
    batch_norm_momentum = check_float("batch_norm_momentum", batch_norm_momentum, minimum=0.0)
    if batch_norm_momentum >= 1.0:
        raise ValueError("Argumen `batch_norm_momentum` harus di [0, 1). "
                         f"Diterima: batch_norm_momentum={batch_norm_momentum!r}.")

    def bn_layer(name: str):
        return keras.layers.BatchNormalization(momentum=batch_norm_momentum, name=name)
    make_initializer(kernel_initializer, seed)  # periksa lebih awal, pesan galat yang jelas
    _keras_object("regularizers", kernel_regularizer, "'l2' atau " + _REGULARIZER_EXAMPLE,
                  "kernel_regularizer")
    _keras_object("constraints", kernel_constraint, _CONSTRAINT_EXAMPLE, "kernel_constraint")
    dropout = check_float("dropout", dropout, minimum=0.0)
    if dropout >= 1.0:
        raise ValueError(f"Argumen `dropout` harus di [0, 1). Diterima: dropout={dropout!r}.")
    check_choice("dropout_kind", dropout_kind, DROPOUT_KINDS)
    check_choice("dropout_layers", dropout_layers, DROPOUT_PLACES)
    input_shape = _check_input_shape(input_shape)
    n_outputs = check_limit("n_outputs", check_positive_int("n_outputs", n_outputs), "units")
    if name is not None:
        check_str("name", name)

    def dropout_layer(index: int):
        cls = keras.layers.AlphaDropout if dropout_kind == "alpha" else keras.layers.Dropout
        return cls(dropout, seed=layer_seed(seed, 1000 + index), name=f"dropout_{index}")

    def dense(units, index, **kwargs):
        return keras.layers.Dense(
            units, kernel_initializer=make_initializer(kernel_initializer, layer_seed(seed, index)),
            kernel_regularizer=_keras_object("regularizers", kernel_regularizer, ""),
            kernel_constraint=_keras_object("constraints", kernel_constraint, ""),
            name=f"dense_{index + 1}", **kwargs)

    layers = [keras.Input(shape=input_shape), keras.layers.Flatten(name="flatten")]
    if input_batch_norm:
        layers.append(bn_layer("bn_input"))
    if dropout and dropout_layers == "all":
        layers.append(dropout_layer(0))
    for i, units in enumerate(hidden_units):
        if batch_norm == "before":
            layers += [
                dense(units, i, use_bias=False),
                bn_layer(f"bn_{i + 1}"),
                _activation_layer(activation, f"act_{i + 1}"),
            ]
        elif activation == "leaky_relu":
            layers += [dense(units, i), _activation_layer(activation, f"act_{i + 1}")]
        else:
            layers.append(dense(units, i, activation=activation))
        if batch_norm == "after":
            layers.append(bn_layer(f"bn_{i + 1}"))
        is_last = i == len(hidden_units) - 1
        if dropout and (dropout_layers != "last" or is_last):
            layers.append(dropout_layer(i + 1))
    layers.append(
        keras.layers.Dense(
            n_outputs,
            activation="sigmoid" if n_outputs == 1 else "softmax",
            kernel_initializer=make_initializer("glorot_uniform",
                                                layer_seed(seed, len(hidden_units))),
            kernel_regularizer=_keras_object("regularizers", kernel_regularizer, ""),
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
    **kwargs,
):
    """MLP dalam dengan ``depth`` lapisan tersembunyi yang sama lebarnya (``units``).

    Sama dengan ``build_mlp((units,) * depth, …)``; argumen kata kunci lainnya (``batch_norm``,
    ``dropout``, ``kernel_regularizer``, ``name``, …) diteruskan ke :func:`build_mlp`.

    Example:
        >>> m = build_deep_mlp(2, 8, "selu", "lecun_normal", seed=0, batch_norm="before")
        >>> [type(layer).__name__ for layer in m.layers][:4]
        ['Flatten', 'Dense', 'BatchNormalization', 'Activation']
        >>> dense_layers(m)[0].use_bias
        False
    """
    depth = check_limit("depth", check_positive_int("depth", depth))
    units = check_limit("units", check_positive_int("units", units))
    unknown = set(kwargs) - set(_MLP_KEYWORDS)
    if unknown:
        raise TypeError(
            f"Argumen tidak dikenal: {', '.join(sorted(unknown))}. Argumen kata kunci yang "
            f"diterima: {', '.join(_MLP_KEYWORDS)}."
        )
    kwargs.setdefault("name", f"mlp_{depth}x{units}_{activation}")
    return build_mlp((units,) * depth, activation, kernel_initializer, seed, **kwargs)


def build_autoencoder(
    encoder_units=(300, 100),
    activation: str = "relu",
    kernel_initializer="he_normal",
    seed: int = 42,
    *,
    input_shape=INPUT_SHAPE,
    name: str | None = None,
):
    """Autoencoder bertumpuk: encoder Dense, decoder cerminannya, keluaran sigmoid seukuran masukan.

    Lapisan encoder bernama ``enc_1``, ``enc_2``, …; untuk memakai ulang encoder pada tugas lain,
    pakai ``Reuse(source, layers=("flatten", "enc_1", …))``. Keluarannya sigmoid, jadi targetnya
    piksel di [0, 1] (penskalaan ``"unit"``).

    Args:
        encoder_units: lebar lapisan encoder, dari input ke kode (mis. ``(300, 100)``); decoder
            memakai lebar yang sama dalam urutan terbalik (tanpa lapisan kode).
        activation: aktivasi lapisan tersembunyi.
        kernel_initializer: inisialisasi kernel lapisan tersembunyi.
        seed: benih bobot awal.
        input_shape: bentuk satu contoh masukan.
        name: nama model.

    Returns:
        ``keras.Sequential`` yang belum dikompilasi; keluarannya berbentuk ``input_shape``.

    Example:
        >>> ae = build_autoencoder((64, 16), seed=0)
        >>> [layer.name for layer in ae.layers]
        ['flatten', 'enc_1', 'enc_2', 'dec_1', 'reconstruction', 'output']
        >>> ae.output_shape
        (None, 28, 28)
    """
    encoder_units = _check_units(encoder_units, "encoder_units")
    activation = _check_activation(activation)
    seed = check_int("seed", seed, minimum=0)
    make_initializer(kernel_initializer, seed)
    input_shape = _check_input_shape(input_shape)
    if name is not None:
        check_str("name", name)
    size = int(np.prod(input_shape))
    layers = [keras.Input(shape=input_shape), keras.layers.Flatten(name="flatten")]
    index = 0
    for i, units in enumerate(encoder_units):
        layers.append(keras.layers.Dense(
            units, activation=activation, name=f"enc_{i + 1}",
            kernel_initializer=make_initializer(kernel_initializer, layer_seed(seed, index))))
        index += 1
    for i, units in enumerate(reversed(encoder_units[:-1])):
        layers.append(keras.layers.Dense(
            units, activation=activation, name=f"dec_{i + 1}",
            kernel_initializer=make_initializer(kernel_initializer, layer_seed(seed, index))))
        index += 1
    layers += [
        keras.layers.Dense(size, activation="sigmoid", name="reconstruction",
                           kernel_initializer=make_initializer("glorot_uniform",
                                                               layer_seed(seed, index))),
        keras.layers.Reshape(input_shape, name="output"),
    ]
    return keras.Sequential(layers, name=name or "autoencoder")


_MLP_KEYWORDS = ("batch_norm", "input_batch_norm", "batch_norm_momentum", "kernel_regularizer",
                 "kernel_constraint", "dropout", "dropout_kind", "dropout_layers", "input_shape",
                 "n_outputs", "name")
#: Argumen yang diisi oleh eksperimen (bukan bagian ``ModelSpec.kwargs``).
EXPERIMENT_FILLED = ("seed", "input_shape", "n_outputs")


def check_builder_kwargs(builder, kwargs: dict) -> None:
    """Periksa argumen sebuah pembangun **tanpa membangun model** (untuk deskripsi eksperimen).

    Nama argumen dicocokkan dengan tanda tangan pembangun; aktivasi, inisialisasi,
    regularisasi dan batasan diperiksa lewat Keras; ukuran dibatasi oleh ``_validation.LIMITS``.

    Raises:
        ValueError, TypeError: argumen yang tidak dikenal atau tidak sah, dengan pesan
            berbahasa Indonesia.

    Example:
        >>> check_builder_kwargs(build_mlp, {"hidden_units": [10], "activaton": "relu"})
        Traceback (most recent call last):
        ...
        ValueError: Argumen pembangun build_mlp tidak dikenal: activaton. ...
    """
    import inspect

    if not callable(builder):
        raise TypeError("Argumen `builder` harus fungsi pembangun model, mis. build_mlp. "
                        f"Diterima: builder={builder!r} (tipe {type(builder).__name__}).")
    if not isinstance(kwargs, dict) or not all(isinstance(k, str) for k in kwargs):
        raise TypeError("Argumen `kwargs` harus dict nama argumen (string) → nilai. "
                        f"Diterima: kwargs={kwargs!r} (tipe {type(kwargs).__name__}).")
    name = getattr(builder, "__name__", repr(builder))
    reserved = sorted(set(kwargs) & set(EXPERIMENT_FILLED))
    if reserved:
        raise ValueError(
            f"Argumen {', '.join(reserved)} diisi oleh eksperimen (benih dari Experiment.seed, "
            "bentuk masukan dan banyak output dari DataSpec); hapus dari kwargs. "
            f"Diterima: kwargs={kwargs!r}."
        )
    params = inspect.signature(builder).parameters
    accepts_any = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
    allowed = set(params) | (set(_MLP_KEYWORDS) if accepts_any else set())
    unknown = sorted(set(kwargs) - allowed)
    if unknown:
        accepted = sorted(allowed - set(EXPERIMENT_FILLED) - {"kwargs"})
        raise ValueError(
            f"Argumen pembangun {name} tidak dikenal: {', '.join(unknown)}. "
            f"Yang diterima: {', '.join(accepted)}. Diterima: kwargs={kwargs!r}."
        )
    required = [p for p, v in params.items() if v.default is inspect.Parameter.empty
                and v.kind in (v.POSITIONAL_OR_KEYWORD, v.KEYWORD_ONLY) and p not in kwargs
                and p not in EXPERIMENT_FILLED]
    if required:
        raise ValueError(f"Argumen pembangun {name} belum diisi: {', '.join(required)}. "
                         f"Diterima: kwargs={kwargs!r}.")
    if "activation" in kwargs:
        _check_activation(kwargs["activation"])
    for key, value in kwargs.items():
        if key.endswith("initializer"):
            make_initializer(value, 0)
        elif key.endswith("regularizer"):
            _keras_object("regularizers", value, _REGULARIZER_EXAMPLE, key)
        elif key.endswith("constraint"):
            _keras_object("constraints", value, _CONSTRAINT_EXAMPLE, key)
    if "hidden_units" in kwargs:
        _check_units(kwargs["hidden_units"])
    if "encoder_units" in kwargs:
        _check_units(kwargs["encoder_units"], "encoder_units")
    for key in ("depth", "units"):
        if key in kwargs:
            check_limit(key, check_positive_int(key, kwargs[key]))


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
    check_str("name", name)
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
    check_model("model", model)
    return [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
