"""Satu kosakata: tabel keputusan di glosarium dan prosa setiap halaman buku.

Sumber satu-satunya adalah tabel di ``book/glosarium.md`` (di antara penanda
``<!-- kosakata: awal -->`` dan ``<!-- kosakata: akhir -->``). Halaman baru di ``book/``
diperiksa otomatis.
"""

from pathlib import Path

import pytest

from chapter11.vocabulary import (Term, find_rejected, find_rejected_in_text, parse_vocabulary,
                                  prose_lines)

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
GLOSSARY = BOOK / "glosarium.md"
PAGES = sorted(BOOK.glob("*.md"))


@pytest.fixture(scope="module")
def vocabulary():
    return parse_vocabulary(GLOSSARY.read_text(encoding="utf-8"))


def test_vocabulary_table_holds_the_decisions(vocabulary):
    chosen = {form for term in vocabulary for form in term.chosen}
    rejected = {form for term in vocabulary for form in term.rejected}
    # Keputusan yang diminta isu kosakata ada di tabel.
    assert {"masukan", "keluaran", "tidak jenuh", "seragam", "distandardisasi", "variansi",
            "learning rate", "tidak aktif", "mati"} <= chosen
    assert {"input", "output", "non-saturasi", "uniform", "distandarkan", "varians"} <= rejected
    # Satu bentuk hanya dipakai untuk satu konsep, dan tidak pernah sekaligus ditolak.
    all_chosen = [form.lower() for term in vocabulary for form in term.chosen]
    assert len(all_chosen) == len(set(all_chosen))
    assert not {f.lower() for f in chosen} & {f.lower() for f in rejected}
    glosses = {g for term in vocabulary for g in term.glosses}
    assert "laju pembelajaran" in glosses


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_page_prose_uses_the_chosen_terms(page, vocabulary):
    findings = find_rejected(page.read_text(encoding="utf-8"), vocabulary,
                             is_glossary=page == GLOSSARY)
    assert not findings, (f"{page.name}: bentuk yang ditolak di tabel kosakata glosarium:\n"
                          + "\n".join(str(f) for f in findings))


def test_glosses_appear_in_the_glossary():
    text = GLOSSARY.read_text(encoding="utf-8")
    for term in parse_vocabulary(text):
        for gloss in term.glosses:
            assert gloss.lower() in text.lower().split("<!-- kosakata: akhir -->")[1]


# --- Pemeriksa prosa: apa yang dihitung prosa dan apa yang bukan ----------------------------

TERMS = (Term("x", ("masukan",), ("input",)), Term("y", ("seragam",), ("uniform",)),
         Term("z", ("learning rate",), ("laju belajar",), ("laju pembelajaran",)))


def _forms(page, **kwargs):
    return [f.form for f in find_rejected(page, TERMS, **kwargs)]


def test_code_inline_code_math_and_role_targets_are_not_prose():
    page = """---
file_format: mystnb
---
# Judul

```{code-cell} ipython3
layer = keras.layers.Dense(10, kernel_initializer="glorot_uniform")  # masukan
```

Pakai `"uniform"` atau {py:func}`chapter11.input` dan $x_\\text{input}$.

$$
\\text{output} = \\text{input}
$$

```python
uniform = 1
```
"""
    assert _forms(page) == []


def test_prose_captions_alt_text_and_term_display_text_are_checked():
    page = """# Judul

Bobot diambil dari distribusi uniform.

```{code-cell} ipython3
---
mystnb:
  figure:
    caption: Lapisan
      input di kiri.
  image:
    alt: Kurva uniform.
---
plt.show()
```

Lihat {term}`laju belajar <learning rate>` dan {term}`learning rate`.
"""
    findings = find_rejected(page, TERMS)
    assert [(f.form, f.line) for f in findings] == [("uniform", 3), ("input", 7),
                                                    ("uniform", 7), ("laju belajar", 17)]
    assert "pakai seragam" in str(findings[0])


def test_glossary_term_names_and_vocabulary_table_are_exempt_glosses_only_there():
    page = """<!-- kosakata: awal -->
| Konsep | Dipakai | Ditolak | Padanan (hanya di glosarium) |
|---|---|---|---|
| x | masukan | input | |
<!-- kosakata: akhir -->

```{glossary}
input layer
  Lapisan masukan; padanan *learning rate* adalah laju pembelajaran.
```
"""
    assert _forms(page, is_glossary=True) == []
    assert _forms(page) == ["input", "laju pembelajaran"]


def test_words_match_whole_and_across_line_breaks_case_insensitive():
    assert find_rejected_in_text("Input-nya", TERMS) == ["input"]
    assert find_rejected_in_text("inputan keluaran", TERMS) == []
    assert find_rejected_in_text("laju\n   pembelajaran", TERMS) == ["laju pembelajaran"]
    assert find_rejected_in_text("laju pembelajaran", TERMS, allow_glosses=True) == []


def test_exercise_and_admonition_text_is_prose_but_options_are_not():
    page = """```{exercise-start}
:label: ex-input
```
Bobot uniform.
```{exercise-end}
```

:::{admonition} Pendalaman: distribusi uniform
:class: tip
Teks.
:::
"""
    assert [line for line, _ in prose_lines(page)] == [4, 8, 10]
    assert _forms(page) == ["uniform", "uniform"]


@pytest.mark.parametrize("bad, message", [
    ("tanpa penanda", "diapit"),
    ("<!-- kosakata: awal -->\n| A | B |\n|---|---|\n<!-- kosakata: akhir -->", "Kepala tabel"),
    ("<!-- kosakata: awal -->\n| Konsep | Dipakai | Ditolak | Padanan (hanya di glosarium) |\n"
     "|---|---|---|---|\n| x | | a | |\n<!-- kosakata: akhir -->", "tidak boleh kosong"),
    ("<!-- kosakata: awal -->\n| Konsep | Dipakai | Ditolak | Padanan (hanya di glosarium) |\n"
     "|---|---|---|---|\n| x | a | a | |\n<!-- kosakata: akhir -->", "sekaligus dipakai"),
    ("<!-- kosakata: awal -->\n| Konsep | Dipakai | Ditolak | Padanan (hanya di glosarium) |\n"
     "|---|---|---|---|\n| x | a |\n<!-- kosakata: akhir -->", "4 kolom"),
])
def test_malformed_tables_are_rejected_with_a_clear_message(bad, message):
    with pytest.raises(ValueError, match=message):
        parse_vocabulary(bad)
    with pytest.raises(TypeError, match="harus string"):
        parse_vocabulary(None)


def test_comments_of_visible_cells_are_prose_but_hidden_cells_are_not():
    page = """```{code-cell} ipython3
x = "input"  # bobot uniform
```

```{code-cell} ipython3
:tags: [remove-cell]

y = 1  # uniform di sel tersembunyi
```

```{code-cell} ipython3
---
tags: [remove-input]
---
z = 2  # input tersembunyi
```
"""
    assert [(f.line, f.form) for f in find_rejected(page, TERMS)] == [(2, "uniform")]
