#!/usr/bin/env bash
# Bangun satu halaman saja (ditambah index dan rujukan) ke folder sementara, untuk penulis
# halaman. Contoh: bash tools/try-page.sh aktivasi
# Peringatan yang menyangkut halaman lain (toctree ke halaman yang dikecualikan) disaring.
set -euo pipefail
cd "$(dirname "$0")/.."
page=${1:?nama halaman, mis. gradien}
out=${TRY_OUT:-/tmp/try-$page}
excludes="_build,README.md"
for f in book/*.md; do
  name=$(basename "$f" .md)
  case "$name" in index|glosarium|pustaka|api|"$page") ;; *) excludes="$excludes,$name.md" ;; esac
done
export CHAPTER11_CACHE_ROOT=${CHAPTER11_CACHE_ROOT:-$out/cache}
start=$(date +%s)
.venv/bin/sphinx-build -b html book "$out/html" -c . -n -q -D "exclude_patterns=$excludes" \
  2> >(grep -v "toctree contains reference to excluded document" >&2)
echo "[try-page] $page selesai dalam $(( $(date +%s) - start )) detik -> $out/html/$page.html"
