#!/usr/bin/env bash
# Bangun satu halaman saja (ditambah index dan rujukan) ke folder sementara, untuk penulis
# halaman. Contoh: bash tools/try-page.sh aktivasi
# Argumen sesudah nama halaman diteruskan ke sphinx-build, mis. untuk anggaran penuh di CPU:
#   CHAPTER11_BUDGET=full bash tools/try-page.sh latihan -D nb_execution_timeout=3600
# Peringatan yang hanya menyangkut halaman yang dikecualikan (toctree, {doc} dan label ke
# halaman lain) disaring; kemajuan eksekusi tampil (CHAPTER11_PROGRESS=1).
set -euo pipefail
cd "$(dirname "$0")/.."
page=${1:?nama halaman, mis. gradien}
shift
out=${TRY_OUT:-/tmp/try-$page}
excludes="_build,README.md,_ext"
others=""
for f in book/*.md; do
  name=$(basename "$f" .md)
  case "$name" in index|glosarium|pustaka|api|"$page") ;;
    *) excludes="$excludes,$name.md"; others="$others|$name" ;;
  esac
done
others=${others#|}
export CHAPTER11_CACHE_ROOT=${CHAPTER11_CACHE_ROOT:-$out/cache}
export CHAPTER11_PROGRESS=${CHAPTER11_PROGRESS:-1}
noise="toctree contains reference to (excluded|nonexisting) document"
if [ -n "$others" ]; then
  noise="$noise|unknown document: '($others)'|undefined label: '[a-z0-9-]*($others)[a-z0-9-]*'"
fi
start=$(date +%s)
status=0
.venv/bin/sphinx-build -b html book "$out/html" -c . -n -q -D "exclude_patterns=$excludes" "$@" \
  2> >(grep -Ev "$noise" >&2) || status=$?
echo "[try-page] $page selesai dalam $(( $(date +%s) - start )) detik (status $status) -> $out/html/$page.html"
exit $status
