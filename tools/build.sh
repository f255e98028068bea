#!/usr/bin/env bash
# Siapkan lingkungan (tools/setup.sh) lalu bangun buku ke _build/html/index.html.
# Argumen tambahan diteruskan ke sphinx-build, misalnya: bash tools/build.sh -E
# Anggaran pelatihan: CHAPTER11_BUDGET=fast (bawaan) atau full.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
if [ "${CHAPTER11_SKIP_SETUP:-0}" != "1" ]; then
  bash tools/setup.sh
fi
exec "$VENV/bin/sphinx-build" -M html book _build -c . -j auto -W --keep-going -n -q "$@"
