#!/usr/bin/env bash
# Siapkan lingkungan (tools/setup.sh) lalu bangun buku ke _build/html/index.html.
# Argumen tambahan diteruskan ke sphinx-build, misalnya: bash tools/build.sh -E
# Anggaran pelatihan: CHAPTER11_BUDGET=fast (bawaan) atau full.
# Sphinx berjalan dengan -q: yang tampil hanya peringatan, galat, dan kemajuan eksekusi halaman
# dari ekstensi build (CHAPTER11_PROGRESS=1) — halaman mana yang sedang dieksekusi, berapa yang
# tersisa, perkiraan sisa waktu, dan di akhir waktu setiap halaman. CHAPTER11_PROGRESS=0
# membuatnya diam; tanpa -q (mis. bash tools/build.sh -v) keluaran Sphinx lengkap tampil.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
if [ "${CHAPTER11_SKIP_SETUP:-0}" != "1" ]; then
  bash tools/setup.sh
fi
export CHAPTER11_PROGRESS=${CHAPTER11_PROGRESS:-1}
exec "$VENV/bin/sphinx-build" -M html book _build -c . -j auto -W --keep-going -n -q "$@"
