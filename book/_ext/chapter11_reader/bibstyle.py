"""Gaya daftar pustaka berbahasa Indonesia untuk sphinxcontrib-bibtex (plugin pybtex).

Dua plugin didaftarkan:

* gaya format ``indonesia`` (``pybtex.style.formatting``) untuk entri daftar pustaka:
  "A, B, dan C", "dkk." untuk ``and others``, "Dalam", "halaman 249–256", "edisi ke-3",
  "penyunting", "jilid", "nomor", "Tesis magister", "Laporan teknis", "diakses". Judul
  ditulis persis seperti di ``references.bib`` sehingga huruf kapital nama diri (ELUs,
  ImageNet, Fashion-MNIST) tidak hilang — gaya ``plain`` bawaan mengecilkan semuanya;
* gaya rujukan ``penulis_tahun`` (``sphinxcontrib.bibtex.style.referencing``) untuk
  kutipan dalam teks: "(Glorot dan Bengio, 2010)", "(He dkk., 2015)".

Di ``conf.py``: ``bibtex_default_style = "indonesia"`` dan
``bibtex_reference_style = "penulis_tahun"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pybtex.plugin
from pybtex.richtext import Symbol, Text
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.template import (
    FieldIsMissing,
    field as bib_field,
    first_of,
    href,
    join,
    node,
    optional,
    optional_field,
    sentence,
    tag,
    together,
    words,
)
from sphinxcontrib.bibtex.plugin import register_plugin
from sphinxcontrib.bibtex.style.referencing import BracketStyle, PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

FORMAT_STYLE = "indonesia"
REFERENCE_STYLE = "penulis_tahun"

AND = " dan "
LAST_AND = ", dan "
ET_AL = "dkk."


def _dashify(text):
    return Text(Symbol("ndash")).join(text.split(re.compile(r"-+")))


_pages = bib_field("pages", apply_func=_dashify)
_date = words[optional_field("month"), bib_field("year")]


def _is_others(person) -> bool:
    return [str(p) for p in person.rich_last_names] == ["others"] and not person.first_names


@node
def indonesian_names(children, context, role):
    """Nama orang: "A", "A dan B", "A, B, dan C"; ``and others`` menjadi "dkk."."""
    if children:
        raise ValueError(children)
    try:
        persons = context["entry"].persons[role]
    except KeyError:
        raise FieldIsMissing(role, context["entry"]) from None
    style = context["style"]
    others = any(_is_others(p) for p in persons)
    formatted = [style.format_name(p, style.abbreviate_names) for p in persons if not _is_others(p)]
    if others:
        return Text(join(sep=", ")[formatted].format_data(context), " ", ET_AL)
    return join(sep=", ", sep2=AND, last_sep=LAST_AND)[formatted].format_data(context)


def _edition_words(value: str) -> str:
    value = str(value).strip()
    return f"edisi ke-{value}" if value.isdigit() else f"edisi {value.lower()}"


class IndonesianStyle(UnsrtStyle):
    """Gaya ``unsrt``/``plain`` pybtex dengan kata-kata bahasa Indonesia.

    Diurutkan menurut penulis, tahun, judul (seperti ``plain``).
    """

    default_sorting_style = "author_year_title"

    def format_names(self, role, as_sentence=True):
        formatted = indonesian_names(role)
        return sentence[formatted] if as_sentence else formatted

    def format_editor(self, e, as_sentence=True):
        editors = self.format_names("editor", as_sentence=False)
        if "editor" not in e.persons:
            return editors
        result = join(sep=" ")[editors, "(penyunting)"]
        return sentence[result] if as_sentence else result

    def format_title(self, e, which_field, as_sentence=True):
        # Judul apa adanya: tanpa .capitalize() yang mengecilkan ELUs, ImageNet, Fashion-MNIST.
        formatted = bib_field(which_field)
        return sentence[formatted] if as_sentence else formatted

    def format_volume_and_series(self, e, as_sentence=True):
        volume_and_series = optional[
            words[
                together["Jilid" if as_sentence else "jilid", bib_field("volume")],
                optional[words["dari", bib_field("series")]],
            ]
        ]
        number_and_series = optional[
            words[
                join(sep=Symbol("nbsp"))["Nomor" if as_sentence else "nomor", bib_field("number")],
                optional[words["dalam", bib_field("series")]],
            ]
        ]
        result = first_of[volume_and_series, number_and_series, optional_field("series")]
        return sentence(capfirst=True)[result] if as_sentence else result

    def format_chapter_and_pages(self, e):
        return join(sep=", ")[
            optional[together["bab", bib_field("chapter")]],
            optional[together["halaman", _pages]],
        ]

    def format_edition(self, e):
        return optional[bib_field("edition", apply_func=_edition_words)]

    def get_article_template(self, e):
        volume_and_pages = first_of[
            optional[join[bib_field("volume"), optional["(", bib_field("number"), ")"], ":",
                          _pages]],
            words["halaman", _pages],
        ]
        return self._toplevel(
            self.format_names("author"),
            self.format_title(e, "title"),
            sentence[tag("em")[bib_field("journal")], optional[volume_and_pages], _date],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        )

    def get_book_template(self, e):
        return self._toplevel(
            self.format_author_or_editor(e),
            self.format_btitle(e, "title"),
            self.format_volume_and_series(e),
            sentence[bib_field("publisher"), optional_field("address"), self.format_edition(e),
                     _date],
            optional[sentence[self.format_isbn(e)]],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        )

    def get_inbook_template(self, e):
        return self._toplevel(
            self.format_author_or_editor(e),
            sentence[self.format_btitle(e, "title", as_sentence=False),
                     self.format_chapter_and_pages(e)],
            self.format_volume_and_series(e),
            sentence[bib_field("publisher"), optional_field("address"), self.format_edition(e),
                     _date, optional_field("note")],
            self.format_web_refs(e),
        )

    def get_incollection_template(self, e):
        return self._toplevel(
            sentence[self.format_names("author")],
            self.format_title(e, "title"),
            words[
                "Dalam",
                sentence[
                    optional[self.format_editor(e, as_sentence=False)],
                    self.format_btitle(e, "booktitle", as_sentence=False),
                    self.format_volume_and_series(e, as_sentence=False),
                    self.format_chapter_and_pages(e),
                ],
            ],
            sentence[optional_field("publisher"), optional_field("address"),
                     self.format_edition(e), _date],
            self.format_web_refs(e),
        )

    def get_inproceedings_template(self, e):
        return self._toplevel(
            sentence[self.format_names("author")],
            self.format_title(e, "title"),
            words[
                "Dalam",
                sentence[
                    optional[self.format_editor(e, as_sentence=False)],
                    self.format_btitle(e, "booktitle", as_sentence=False),
                    self.format_volume_and_series(e, as_sentence=False),
                    optional[together["halaman", _pages]],
                ],
                self.format_address_organization_publisher_date(e),
            ],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        )

    def get_mastersthesis_template(self, e):
        return self._thesis(e, "Tesis magister")

    def get_phdthesis_template(self, e):
        return self._thesis(e, "Disertasi doktor")

    def _thesis(self, e, kind):
        return self._toplevel(
            sentence[self.format_names("author")],
            self.format_btitle(e, "title"),
            sentence[first_of[optional_field("type"), kind], bib_field("school"),
                     optional_field("address"), _date],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        )

    def get_techreport_template(self, e):
        return self._toplevel(
            sentence[self.format_names("author")],
            self.format_title(e, "title"),
            sentence[
                words[first_of[optional_field("type"), "Laporan teknis"], optional_field("number")],
                bib_field("institution"), optional_field("address"), _date,
            ],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        )

    def format_web_refs(self, e):
        return sentence[
            optional[self.format_url(e), optional[" (diakses ", bib_field("urldate"), ")"]],
            optional[self.format_eprint(e)],
            optional[self.format_pubmed(e)],
            optional[self.format_doi(e)],
        ]

    @staticmethod
    def _toplevel(*parts):
        from pybtex.style.formatting import toplevel

        return toplevel[list(parts)]


def _brackets() -> BracketStyle:
    return BracketStyle(left="(", right=")")


def _persons() -> PersonStyle:
    return PersonStyle(sep2=AND, last_sep=LAST_AND, other=Text(" ", ET_AL))


@dataclass
class IndonesianAuthorYearStyle(AuthorYearReferenceStyle):
    """Kutipan penulis–tahun: "(Glorot dan Bengio, 2010)", "Ioffe dan Szegedy (2015)"."""

    bracket_parenthetical: BracketStyle = field(default_factory=_brackets)
    bracket_textual: BracketStyle = field(default_factory=_brackets)
    bracket_author: BracketStyle = field(default_factory=_brackets)
    bracket_label: BracketStyle = field(default_factory=_brackets)
    bracket_year: BracketStyle = field(default_factory=_brackets)
    person: PersonStyle = field(default_factory=_persons)


def register() -> None:
    """Daftarkan kedua plugin (aman dipanggil berulang kali)."""
    pybtex.plugin.register_plugin("pybtex.style.formatting", FORMAT_STYLE, IndonesianStyle)
    register_plugin("sphinxcontrib.bibtex.style.referencing", REFERENCE_STYLE,
                    IndonesianAuthorYearStyle, force=True)
