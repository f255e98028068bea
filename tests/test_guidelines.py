"""Pedoman praktis: tabel Géron sebagai data, tautan halaman, bukti, dan konfigurasi rekomendasi."""

import math
import re
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from chapter11 import guidelines as g
from chapter11.experiments import Experiment
from chapter11.runtime import Budget

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"


# --- Tabel --------------------------------------------------------------------------------------

def test_default_table_follows_geron_table_11_3():
    rows = {r.concept: r for r in g.DEFAULT_CONFIGURATION}
    assert list(rows) == ["Inisialisasi kernel", "Fungsi aktivasi", "Normalisasi",
                          "Regularisasi", "Optimizer", "Jadwal *learning rate*"]
    assert rows["Inisialisasi kernel"].setting == "He"
    assert "ReLU" in rows["Fungsi aktivasi"].setting and "Swish" in rows["Fungsi aktivasi"].setting
    assert "Batch Normalization" in rows["Normalisasi"].setting
    assert "AdamW" in rows["Optimizer"].setting and "Nesterov" in rows["Optimizer"].setting
    assert "1cycle" in rows["Jadwal *learning rate*"].setting


def test_self_normalizing_table_follows_geron_table_11_4():
    rows = {r.concept: r.setting for r in g.SELF_NORMALIZING_CONFIGURATION}
    assert rows["Inisialisasi kernel"] == "LeCun" and rows["Fungsi aktivasi"] == "SELU"
    assert "alpha dropout" in rows["Regularisasi"]
    assert "Nesterov" in rows["Optimizer"] and "AdamW" not in rows["Optimizer"]


def test_every_row_points_to_a_page_of_the_chapter():
    chapter = {"gradien", "inisialisasi", "aktivasi", "batch-norm", "gradient-clipping",
               "transfer", "optimizer", "learning-rate", "regularisasi"}
    for row in (*g.DEFAULT_CONFIGURATION, *g.SELF_NORMALIZING_CONFIGURATION):
        assert row.page in chapter and row.page in g.PAGE_NAMES


@pytest.mark.parametrize("page", sorted(g.LINKED_PAGES))
def test_linked_pages_exist_with_their_label(page):
    path = BOOK / f"{page}.md"
    assert path.is_file(), f"{page} ditautkan tetapi book/{page}.md tidak ada"
    assert f"(sec-{page})=" in path.read_text(encoding="utf-8")


def test_table_links_existing_pages_and_names_the_others():
    evidence = {"Inisialisasi kernel": g.Evidence(2.0, "rasio 2,00", True, "gradien")}
    table = g.format_configuration_table(g.DEFAULT_CONFIGURATION, evidence)
    lines = table.splitlines()
    assert len(lines) == 2 + len(g.DEFAULT_CONFIGURATION)
    assert "| Inisialisasi kernel | He | {ref}`sec-inisialisasi` | rasio 2,00 |" in lines
    optimizer = next(line for line in lines if line.startswith("| Optimizer"))
    assert "{ref}`sec-optimizer`" in optimizer and optimizer.endswith("| — |")
    # Setiap baris tabel bawaan menaut ke halamannya.
    assert all("{ref}`sec-" in line for line in lines[2:])
    unlinked = g.format_configuration_table(g.DEFAULT_CONFIGURATION, linked_pages=())
    optimizer = next(line for line in unlinked.splitlines() if line.startswith("| Optimizer"))
    assert "| Optimizer yang lebih cepat |" in optimizer and "{ref}" not in unlinked


def test_captioned_table_is_a_numbered_myst_table():
    table = g.format_configuration_table(g.SELF_NORMALIZING_CONFIGURATION, caption="Judul.",
                                         name="tab-x")
    assert table.startswith("~~~{table} Judul.\n:name: tab-x\n\n| Aspek")
    assert table.endswith("~~~")
    with pytest.raises(ValueError, match="tab-"):
        g.format_configuration_table(g.SELF_NORMALIZING_CONFIGURATION, caption="Judul.")


def test_bad_table_arguments_are_clear_errors():
    with pytest.raises(ValueError, match="Bukti harus milik aspek"):
        g.format_configuration_table(g.DEFAULT_CONFIGURATION[:1],
                                     {"Optimizer": g.Evidence(1.0, "x", True, "optimizer")})
    with pytest.raises(TypeError, match="Guideline"):
        g.format_configuration_table(["He"])
    with pytest.raises(TypeError, match="Budget"):
        g.measure_evidence(g.DEFAULT_CONFIGURATION, "fast")


def test_measure_evidence_calls_only_rows_with_evidence():
    calls = []

    def fake(budget):
        calls.append(budget.name)
        return g.Evidence(1.0, "satu", True, "gradien")

    rows = (g.Guideline("A", "a", "gradien", fake), g.Guideline("B", "b", "optimizer"))
    assert g.measure_evidence(rows, Budget("full")) == {"A": fake(Budget("full"))}
    assert calls == ["full", "full"]


# --- Bukti yang murah: pengukuran sungguhan -------------------------------------------------------

def test_he_evidence_separates_relu_he_from_sigmoid_glorot():
    evidence = g.he_gradient_evidence(Budget("fast"))
    assert evidence.holds and 0.1 < evidence.value < 10
    assert "ReLU + He" in evidence.text and "," in evidence.text and evidence.page == "gradien"


def test_selu_evidence_shows_self_normalization_and_its_conditions():
    budget = Budget("fast")
    lecun, selu, raw = (g.lecun_evidence(budget), g.selu_evidence(budget),
                        g.standardized_input_evidence(budget))
    assert lecun.holds and selu.holds and raw.holds
    assert abs(lecun.value - 1) < 0.2 and selu.value < 0.2 and raw.value < 0.75


def test_batch_norm_evidence_uses_the_batch_norm_page_description():
    """Deskripsi harus tetap sama dengan sel pelatihan halaman batch-norm (satu pelatihan)."""
    text = (BOOK / "batch-norm.md").read_text(encoding="utf-8")
    compact = re.sub(r"\s+", "", text)
    for fragment in ('DEPTH=10', 'optimizer="sgd",learning_rate=0.01,batch_size=32',
                     'n_train=budget.pick(fast=3_000,full=None)',
                     'n_valid=budget.pick(fast=2_000,full=None)',
                     'epochs=budget.pick(fast=5,full=10)', 'SEEDS=budget.pick(fast=(0,1)',
                     '"activation":"sigmoid"', '"kernel_initializer":"glorot_uniform"',
                     '"input_batch_norm":placementisnotNone', '"units":100'):
        assert fragment in compact, fragment
    exp = g.batch_norm_page_experiment(Budget("fast"), "before")
    assert exp.model.kwargs["depth"] == 10 and exp.data.n_train == 3000
    assert exp.phases[0].epochs == 5 and exp.seed == 0
    full = g.batch_norm_page_experiment(Budget("full"), None)
    assert full.data.n_train is None and full.phases[0].epochs == 10
    assert "batch_norm" in full.model.kwargs and full.model.kwargs["batch_norm"] is None


# --- Konfigurasi rekomendasi ---------------------------------------------------------------------

def test_recommended_experiment_is_the_same_for_both_budgets_and_uses_all_images():
    exp = g.recommended_experiment(seed=1)
    assert isinstance(exp, Experiment) and exp.seed == 1
    assert exp.data.n_train is None and exp.data.n_valid is None  # 55.000 latih, 5.000 validasi
    assert exp.total_epochs <= 12 == g.MAX_EPOCHS
    phase = exp.phases[0]
    assert phase.optimizer == "AdamW" and phase.batch_size == 512
    assert phase.optimizer_config["weight_decay"] == pytest.approx(0.004)
    kwargs = exp.model.kwargs
    assert (kwargs["activation"], kwargs["kernel_initializer"], kwargs["batch_norm"]) == (
        "swish", "he_normal", "before")
    assert len(set(g.RECOMMENDED_SEEDS)) >= 2
    assert g.recommended_experiment(0) == g.recommended_experiment(0).with_seed(0)


def test_recommended_schedule_warms_up_for_one_epoch_then_decays_to_zero():
    steps_per_epoch = math.ceil(55_000 / 512)  # 108
    total = 12 * steps_per_epoch
    schedule = g.recommended_schedule()
    peak = 6e-3

    def expected(t):  # pemanasan linear dari peak/10, lalu setengah gelombang kosinus
        if t < steps_per_epoch:
            return peak / 10 + (peak - peak / 10) * t / steps_per_epoch
        return peak / 2 * (1 + math.cos(math.pi * (t - steps_per_epoch)
                                        / (total - steps_per_epoch)))

    for t in (0, 1, 54, 107, 108, 500, 1000, total - 1, total):
        assert float(schedule(t)) == pytest.approx(expected(t), rel=1e-4, abs=1e-9)
    config = g.recommended_experiment().phases[0].learning_rate
    assert config["class_name"] == "CosineDecay"


def fake_result(seed, val, test, epochs=12):
    return SimpleNamespace(experiment=SimpleNamespace(seed=seed),
                           history={"val_accuracy": (0.5,) * (epochs - 1) + (val,)},
                           test={"accuracy": test})


def test_summary_compares_the_mean_of_the_seeds_with_the_target():
    s = g.summarize_recommended([fake_result(0, 0.886, 0.88), fake_result(1, 0.896, 0.89)])
    assert s.mean_val_accuracy == pytest.approx(0.891) and s.reached
    assert s.margin == pytest.approx(0.891 - 0.8898)
    assert s.mean_test_accuracy == pytest.approx(0.885) and s.epochs == 12
    below = g.summarize_recommended([fake_result(0, 0.88, 0.88), fake_result(1, 0.899, 0.9)])
    assert not below.reached  # rata-rata 0,8895 < 0,8898, meskipun satu benih di atasnya
    assert g.summarize_recommended([fake_result(0, 0.85, 0.8)], target=0.8).reached


def test_summary_refuses_mixed_results():
    with pytest.raises(ValueError, match="benih berbeda"):
        g.summarize_recommended([fake_result(0, 0.9, 0.9), fake_result(0, 0.9, 0.9)])
    with pytest.raises(ValueError, match="benih berbeda"):
        g.summarize_recommended([fake_result(0, 0.9, 0.9), fake_result(1, 0.9, 0.9, epochs=10)])
    with pytest.raises(ValueError, match="paling sedikit satu"):
        g.summarize_recommended([])
    assert np.isclose(g.GERON_BEST_VAL_ACCURACY, 0.8898)
