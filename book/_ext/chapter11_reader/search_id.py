"""Bahasa pencarian Indonesia untuk indeks pencarian Sphinx.

Sphinx tidak punya bahasa pencarian Indonesia dan jatuh ke *stemming* Inggris, sehingga
mencari *latih* tidak menemukan halaman yang hanya memuat *melatih* atau *pelatihan*.
Kelas di sini memakai *stemmer* Snowball Indonesia di dua sisi yang harus sepakat:

* sisi indeks (Python): ``snowballstemmer.stemmer("indonesian")``;
* sisi peramban (JavaScript): ``indonesian-stemmer.js`` yang dikirim Sphinx ≥ 9
  (``sphinx/search/minified-js``), disisipkan ke ``language_data.js``.

Kata henti (*stop words*) adalah kata tugas bahasa Indonesia. Sphinx menyaring kata henti
*sesudah* stemming di sisi indeks dan *sebelum* stemming di sisi kueri, jadi daftar di sini
juga memuat hasil stem kata tugas yang bukan kata isi (mis. ``sebaga`` dari *sebagai*).
"""

from __future__ import annotations

import snowballstemmer
from sphinx.search import _MINIFIED_JS_PATH, SearchLanguage

#: Kata tugas bahasa Indonesia yang tidak diindeks dan diabaikan dalam kueri.
FUNCTION_WORDS = frozenset("""
ada adalah agar akan aku anda antara apa apabila atas atau bagai bagaimana bagi bahkan bahwa
baik banyak beberapa begitu belum berapa bila bisa boleh buat bukan dalam dan dapat dari
daripada demikian dengan di dia dulu hal hampir hanya harus hingga ia ialah ini itu jadi jika
juga justru kalau kami kamu karena ke kecuali kemudian kepada ketika kita lagi lain lalu lebih
maka masih meski mereka mungkin namun nanti oleh pada padahal para per perlu pula pun saat
saja sambil sampai sangat saya se seakan sebab sebagai sebelum sedang sedangkan sehingga sejak
sekali semua seperti serta sesudah setelah setiap sudah supaya tadi tanpa tapi telah tentang
tersebut tetapi tiap untuk walau walaupun yaitu yakni yang
""".split())

#: Kata tugas yang hasil stem-nya adalah kata isi: stem itu *tidak* dijadikan kata henti
#: (mis. *tetapi* → *tetap*, *tersebut* → *sebut*, *mereka* → *reka*).
CONTENT_STEMS = frozenset({"tetap", "sebut", "reka"})


def _stemmer():
    return snowballstemmer.stemmer("indonesian")


def _stopwords() -> frozenset[str]:
    stem = _stemmer().stemWord
    stems = {stem(w) for w in FUNCTION_WORDS} - CONTENT_STEMS
    return frozenset(FUNCTION_WORDS | stems)


STOPWORDS = _stopwords()


class SearchIndonesian(SearchLanguage):
    """Bahasa pencarian ``id``: stemmer Snowball Indonesia dan kata henti Indonesia."""

    lang = "id"
    language_name = "Indonesian"
    js_stemmer_rawcode = "indonesian-stemmer.js"
    stopwords = STOPWORDS

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)
        self.stemmer = _stemmer()

    def stem(self, word: str) -> str:
        return self.stemmer.stemWord(word.lower())


def check_js_stemmer() -> None:
    """Pastikan Sphinx yang terpasang membawa stemmer JavaScript Indonesia (Sphinx ≥ 9)."""
    path = _MINIFIED_JS_PATH / SearchIndonesian.js_stemmer_rawcode
    if not path.is_file():
        import sphinx

        raise RuntimeError(
            f"Sphinx {sphinx.__version__} tidak membawa {SearchIndonesian.js_stemmer_rawcode}; "
            "pencarian bahasa Indonesia butuh Sphinx 9 atau lebih baru "
            "(pip install 'sphinx>=9')."
        )
