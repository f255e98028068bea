#!/usr/bin/env bash
# Siapkan semua yang dibutuhkan buku dan tes (aman dijalankan berulang kali):
#   1. data Fashion-MNIST dari paket Debian/Ubuntu `dataset-fashion-mnist` (bila apt tersedia);
#   2. lingkungan virtual .venv berisi paket chapter11 (editable) dengan ekstra docs dan test;
#   3. dengan --browser (dipakai tools/test.sh): Chromium untuk tes peramban, dari paket
#      Debian/Ubuntu `chromium` (dengan cara yang sama seperti data).
# Variabel: PYTHON (bawaan python3), VENV (bawaan .venv), CHAPTER11_CHROMIUM (Chromium sendiri).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}
DATA_DIR=/usr/share/datasets/fashion-mnist

say() { printf '[setup] %s\n' "$*"; }

# --- 1. Data --------------------------------------------------------------------------
if [ -n "${CHAPTER11_DATA_DIR:-}" ]; then
  say "CHAPTER11_DATA_DIR=$CHAPTER11_DATA_DIR dipakai; paket Debian tidak diperlukan."
elif [ -f "$DATA_DIR/train-images-idx3-ubyte.gz" ]; then
  say "Fashion-MNIST sudah terpasang di $DATA_DIR."
elif command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else SUDO="missing"; fi
  fi
  if [ "$SUDO" = "missing" ]; then
    say "PERHATIAN: bukan root dan sudo tidak ada; lewati 'apt-get install dataset-fashion-mnist'."
    say "Letakkan keempat berkas IDX .gz di sebuah folder dan setel CHAPTER11_DATA_DIR ke folder itu."
  else
    say "Memasang dataset-fashion-mnist dengan apt-get ..."
    if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
           $SUDO apt-get install -y -qq dataset-fashion-mnist >/dev/null; }; then
      say "PERHATIAN: paket dataset-fashion-mnist tidak bisa dipasang di sistem ini; data dicari di"
      say "CHAPTER11_DATA_DIR, lalu cache Keras, lalu diunduh sekali lewat Keras bila ada jaringan."
    fi
  fi
else
  say "apt-get tidak tersedia. Data dicari di CHAPTER11_DATA_DIR, lalu di cache Keras"
  say "(~/.keras/datasets/fashion-mnist), lalu diunduh sekali bila ada jaringan."
fi

# --- 2. Lingkungan Python ------------------------------------------------------------------
if [ ! -x "$VENV/bin/python" ]; then
  say "Membuat lingkungan virtual $VENV dengan $PYTHON ..."
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" - <<'PY'
import sys
if sys.version_info < (3, 10):
    sys.exit(f"[setup] Python 3.10 atau lebih baru diperlukan; {sys.version.split()[0]} ditemukan.")
PY
# Pasang ulang hanya bila pyproject.toml berubah: build berikutnya tidak butuh jaringan
# (pip memasang mode editable lewat lingkungan build terisolasi yang mengunduh setuptools).
stamp="$VENV/.chapter11-setup"
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" = "$want" ] && "$VENV/bin/python" -c "import chapter11" 2>/dev/null; then
  say "Lingkungan $VENV sudah mutakhir (pyproject.toml tidak berubah)."
else
  say "Memasang chapter11 beserta ekstra docs dan test ke $VENV ..."
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -e ".[docs,test]"
  echo "$want" > "$stamp"
fi
# --- 3. Chromium untuk tes peramban (hanya dengan --browser) ------------------------------------
if [ "${1:-}" = "--browser" ]; then
  if [ -n "${CHAPTER11_CHROMIUM:-}" ]; then
    say "CHAPTER11_CHROMIUM=$CHAPTER11_CHROMIUM dipakai untuk tes peramban."
  elif command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
    say "Chromium sudah terpasang."
  elif command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" -eq 0 ] || command -v sudo >/dev/null 2>&1; }; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    say "Memasang chromium (untuk tes peramban) dengan apt-get ..."
    if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
           $SUDO apt-get install -y -qq chromium >/dev/null; }; then
      say "PERHATIAN: paket chromium tidak bisa dipasang; tes peramban akan gagal sampai Anda"
      say "memasang Chromium/Chrome sendiri dan menyetel CHAPTER11_CHROMIUM=/path/ke/chromium."
    fi
  else
    say "PERHATIAN: Chromium tidak ada dan tidak bisa dipasang di sini (tanpa apt atau tanpa root)."
    say "Tes peramban (tests/test_browser.py) akan gagal sampai Anda memasang Chromium/Chrome"
    say "sendiri lalu menyetel CHAPTER11_CHROMIUM=/path/ke/chromium."
  fi
fi
say "Selesai."
