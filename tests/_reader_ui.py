"""Teks antarmuka berbahasa Inggris yang tidak boleh tampil di buku (dipakai beberapa tes).

Dibandingkan dengan teks yang *dilihat* pembaca (bukan kode): node teks di luar
``<script>``, ``<style>``, ``<pre>``, ``<code>``, dan nilai atribut yang dibaca atau
diucapkan peramban (``title``, ``aria-label``, ``placeholder``, ``alt``).
"""

from __future__ import annotations

import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

CHROMIUM_ENV = "CHAPTER11_CHROMIUM"
#: Bendera Chromium tanpa layar yang berjalan di mesin ini dan di CI (root, tanpa jaringan).
CHROMIUM_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage")


def chromium_executable() -> str | None:
    """Chromium untuk tes peramban: ``CHAPTER11_CHROMIUM`` atau Chromium Debian di PATH."""
    explicit = os.environ.get(CHROMIUM_ENV)
    if explicit:
        return explicit if Path(explicit).is_file() else None
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None

#: Frasa khas antarmuka: dilarang muncul di mana pun dalam teks atau atribut.
ENGLISH_PHRASES = (
    "Skip to main content", "Back to top", "Search...", "Search the docs", "System Settings",
    "© Copyright", "Copyright ", "Toggle primary sidebar", "Toggle secondary sidebar",
    "Color mode", "previous page", "next page", "On this page", "Link to this",
    "Please activate JavaScript", "Return type", "Site navigation", "Version warning",
    "Keyword-only parameters", "Positional-only parameter", "Download this page",
    "Download source file", "Download notebook file", "Fullscreen mode", "Print to PDF",
    "Launch on", "Source repository", "Edit this page", "Open an issue", "Search Results",
    "Preparing search", "Hide Search Matches", "Created using", "Built with the",
    "Theme by the", "Section Navigation", "et al.", "Run Time (s)", "Search finished",
    "Your search did not match", "Click to show", "Click to hide", "Toggle navigation",
)

#: Kata antarmuka pendek: dilarang sebagai *seluruh* isi sebuah node teks atau atribut.
ENGLISH_WORDS = (
    "Light", "Dark", "Main", "Page", "Home", "Contents", "Type", "Returns", "Raises",
    "Kembali", "Searching", "Launch", "Search", "By", "Document", "Modified", "Method",
    "Breadcrumb", "Announcement", "Error", "Attributes", "Methods", "Index", "next",
    "previous", "Parameters", "Yields", "Examples", "Example", "Note", "Warning", "See also",
)

_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt", "data-bs-title",
               "data-bs-original-title"}
_SKIP = {"script", "style", "pre", "code", "kbd", "math"}


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.attributes: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self._skip += 1
        for name, value in attrs:
            if name in _ATTRIBUTES and value:
                self.attributes.append(value.strip())
        classes = dict(attrs).get("class") or ""
        if tag == "span" and "math" in classes.split():
            self._skip += 1
            self._math_spans.append(True)
        elif tag == "span":
            self._math_spans.append(False)

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self._skip -= 1
        if tag == "span" and self._math_spans and self._math_spans.pop():
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.texts.append(" ".join(data.split()))

    def reset(self):
        super().reset()
        self._math_spans: list[bool] = []


def visible_strings(html: str) -> tuple[list[str], list[str]]:
    """(node teks terlihat, nilai atribut yang dibaca peramban) sebuah halaman HTML."""
    collector = _Collector()
    collector.feed(html)
    return collector.texts, collector.attributes


def english_ui(texts, attributes) -> list[str]:
    """Frasa atau kata antarmuka bahasa Inggris yang ditemukan (kosong = lulus)."""
    found = []
    for value in [*texts, *attributes]:
        for phrase in ENGLISH_PHRASES:
            if phrase in value:
                found.append(f"{phrase!r} dalam {value[:80]!r}")
        stripped = value.strip(" :.")
        if stripped in ENGLISH_WORDS:
            found.append(repr(value))
    return sorted(set(found))
