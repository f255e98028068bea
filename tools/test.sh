#!/usr/bin/env bash
# Perintah tes README: siapkan semuanya (data, .venv, Chromium untuk tes peramban), lalu
# jalankan pytest — unit, doctest, build buku dengan -W, dan tes peramban atas build itu.
# Argumen tambahan diteruskan ke pytest, misalnya: bash tools/test.sh -k search
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
bash tools/setup.sh --browser
exec "$VENV/bin/python" -m pytest "$@"
