"""Setiap fungsi ``plot_*`` yang diekspor: label sumbu dari satu tabel, koma desimal, kosakata.

Fungsi ditemukan dari ``chapter11.plotting.__all__``; masukan contohnya dari fungsi
``_samples()`` di modul tempat fungsi itu didefinisikan. Fungsi ``plot_*`` baru tanpa masukan
contoh membuat tes ini gagal.
"""

import importlib
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import chapter11.plotting as plotting  # noqa: E402
from chapter11.plotting.labels import LABELS, register_labels, set_axis_labels  # noqa: E402
from chapter11.vocabulary import find_rejected_in_text, parse_vocabulary  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
VOCABULARY = parse_vocabulary((ROOT / "book" / "glosarium.md").read_text(encoding="utf-8"))
PLOT_FUNCTIONS = sorted(name for name in plotting.__all__ if name.startswith("plot_"))
DECIMAL_POINT = re.compile(r"\d\.\d")


@pytest.fixture(autouse=True)
def _close_figures():
    plt.close("all")
    yield
    plt.close("all")


def _samples_for(name):
    function = getattr(plotting, name)
    module = importlib.import_module(function.__module__)
    samples = getattr(module, "_samples", lambda: {})().get(name, [])
    return function, samples


def test_there_are_plot_functions():
    assert len(PLOT_FUNCTIONS) >= 10


@pytest.mark.parametrize("name", PLOT_FUNCTIONS)
def test_every_plot_function_has_sample_inputs(name):
    function, samples = _samples_for(name)
    assert samples, (f"{function.__module__}._samples() tidak memuat masukan contoh untuk {name}: "
                     "tambahkan {'" + name + "': [(args, kwargs)]}.")


def _texts(fig):
    """Semua teks yang tampak di gambar: label, judul, legenda, tik, anotasi."""
    found = []
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        found += [ax.get_xlabel(), ax.get_ylabel(), ax.get_title()]
        found += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
        found += [ax.xaxis.get_offset_text().get_text(), ax.yaxis.get_offset_text().get_text()]
        legend = ax.get_legend()
        if legend is not None:
            found += [t.get_text() for t in legend.get_texts()]
        found += [t.get_text() for t in ax.texts]
    found += [t.get_text() for t in fig.texts]
    return [t for t in found if t]


@pytest.mark.parametrize("name", PLOT_FUNCTIONS)
def test_axis_labels_come_from_the_table_and_numbers_use_decimal_commas(name):
    function, samples = _samples_for(name)
    labels = set(LABELS.values())
    for args, kwargs in samples:
        plt.close("all")
        function(*args, **kwargs)
        for number in plt.get_fignums():
            fig = plt.figure(number)
            fig.draw_without_rendering()  # tata letak dan label tik, tanpa rasterisasi
            for ax in fig.axes:
                if not ax.get_visible():
                    continue
                for axis, text in (("x", ax.get_xlabel()), ("y", ax.get_ylabel())):
                    ticks = getattr(ax, f"get_{axis}ticklabels")()
                    shown = [t for t in ticks if t.get_visible() and t.get_text()]
                    if shown:  # sumbu dengan angka harus berlabel
                        assert text, f"{name}{kwargs}: sumbu {axis} tanpa label"
                    if text:
                        assert text in labels, (f"{name}{kwargs}: label sumbu {axis} {text!r} "
                                                "bukan entri chapter11.plotting.LABELS")
            for text in _texts(fig):
                assert not DECIMAL_POINT.search(text), f"{name}{kwargs}: titik desimal di {text!r}"
                assert not re.search(r"(?<![\w^{])-\d", text), f"{name}{kwargs}: '-' di {text!r}"
                rejected = find_rejected_in_text(text, VOCABULARY)
                assert not rejected, f"{name}{kwargs}: bentuk yang ditolak {rejected} di {text!r}"


def test_every_label_in_the_table_uses_the_vocabulary():
    for key, text in LABELS.items():
        assert not find_rejected_in_text(text, VOCABULARY), (key, text)
        assert not DECIMAL_POINT.search(text), (key, text)


def test_register_labels_guards_the_single_table():
    register_labels({"_uji_label": "Label uji"})
    register_labels({"_uji_label": "Label uji"})  # sama persis: boleh
    with pytest.raises(ValueError, match="sudah terdaftar"):
        register_labels({"_uji_label": "Label lain"})
    with pytest.raises(ValueError, match="tidak boleh kosong"):
        register_labels({"_uji_kosong": " "})
    with pytest.raises(TypeError, match="harus dict"):
        register_labels([("a", "b")])
    with pytest.raises(TypeError, match="harus string"):
        register_labels({"a": 1})
    _, ax = plt.subplots()
    with pytest.raises(ValueError, match="kunci tabel chapter11.plotting.LABELS"):
        set_axis_labels(ax, x="tidak_ada")
    with pytest.raises(TypeError):
        LABELS["x"] = "y"  # tabel baca-saja


def test_linear_axes_get_comma_formatter_but_log_axes_keep_theirs():
    _, ax = plt.subplots()
    ax.plot([1, 2, 3], [0.001, 0.5, -1.5])
    set_axis_labels(ax, x="epoch", y="loss")
    ax.figure.canvas.draw()
    texts = [t.get_text() for t in ax.get_yticklabels()]
    assert "0,50" in texts and any(t.startswith("−") for t in texts)
    ax.set_yscale("log")
    ax.figure.canvas.draw()
    assert all("," not in t.get_text() for t in ax.get_yticklabels())
