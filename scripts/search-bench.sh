#!/usr/bin/env bash
# The search row of `make bench`: sitegen's index against Pagefind's on the
# same generated site.
#   bash scripts/search-bench.sh CONTENT_DIR [SITEGEN]
# Builds CONTENT_DIR into a fresh folder (SITEGEN_TIMING shows the index's
# share of the build), measures the index on disk and the bytes a browser
# fetches per query (scripts/search-bytes.py, in the venv of browser.sh),
# then indexes the same HTML with Pagefind (PyPI pagefind-bin, in a venv
# under the bench's cache folder: only for the bench, never for the build)
# and measures its time, peak memory and size (not yet its bytes per query).
set -euo pipefail
cd "$(dirname "$0")/.."
content=$1
SITEGEN=${2:-$PWD/.build/release/sitegen}
CACHE=${SITEGEN_BENCH_CACHE:-$HOME/.cache/sitegen-bench}
BROWSER_VENV=${SITEGEN_BROWSER_VENV:-$HOME/.cache/sitegen-browser}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A clean build on tmpfs when there is room (the disk's file creation cost
# would hide both tools), else on the disk.
out="$work/out"
if [ -d /dev/shm ] && [ "$(df --output=avail -k /dev/shm | tail -1)" -gt 4000000 ]; then
  out=/dev/shm/sitegen-search-bench-$$
  trap 'rm -rf "$work" "$out"' EXIT
fi
# Timed (SITEGEN_TIMING), the build makes the index alone before the pages,
# so its line is its own cost; the share is of the build's processor time
# (the index otherwise runs beside the pages on the other core).
/usr/bin/time -f "%e %U %S" -o "$work/time" env SITEGEN_TIMING=1 "$SITEGEN" build --quiet --content "$content" --output "$out" 2>"$work/timing"
read -r full user sys < "$work/time"
index=$(sed -n 's/^timing: search index .* \([0-9.]*\) s (cpu \([0-9.]*\) s)$/\1 \2/p' "$work/timing")
index_wall=${index%% *}
size=$(find "$out/suche" -name '*.json' -printf '%s\n' | awk '{ s += $1 } END { print s }')
files=$(find "$out/suche" -name '*.json' | wc -l)
python3 - "$full" "$user" "$sys" $index "$size" "$files" <<'PY'
import sys
full, user, sys_, wall, cpu, size, files = sys.argv[1:8]
total = float(user) + float(sys_)
print(f"sitegen   build {float(full):6.2f} s ({total:.2f} s processor), of it the index {float(wall):5.3f} s "
      f"({float(cpu):.2f} s processor, {100 * float(cpu) / total:4.1f} % of the build's), "
      f"index {int(size) / 1048576:6.1f} MB in {files} files")
PY
# Its parts (documents made from the model, words counted and stemmed, files written).
sed -n 's/^timing:   search: \(.*\) \([0-9.]*\) s (cpu \([0-9.]*\) s)$/sitegen     \1: \3 s processor/p' "$work/timing"
if [ -x "$BROWSER_VENV/bin/python" ]; then
  "$BROWSER_VENV/bin/python" scripts/search-bytes.py "$out" | sed 's/^/sitegen   /'
else
  echo "sitegen   bytes per query: run scripts/browser.sh once to install Selenium"
fi

# Pagefind on the same pages.
if [ -z "${SKIP_PAGEFIND:-}" ]; then
  if [ ! -x "$CACHE/pagefind/bin/python" ] || ! "$CACHE/pagefind/bin/python" -c "import pagefind_bin" 2>/dev/null; then
    python3 -m venv "$CACHE/pagefind"
    "$CACHE/pagefind/bin/python" -m pip install -q pagefind-bin
  fi
  rm -rf "$out/pagefind"
  /usr/bin/time -f "%e %M" -o "$work/pf-time" "$CACHE/pagefind/bin/python" -m pagefind_bin --site "$out" >"$work/pf-log" 2>&1
  read -r pf_time pf_kb <"$work/pf-time"
  pf_size=$(du -sb "$out/pagefind" | cut -f1)
  pf_files=$(find "$out/pagefind" -type f | wc -l)
  printf "pagefind  index %6.2f s (%.0fx sitegen's index), %5.0f MB peak, index %6.1f MB in %d files\n" \
    "$pf_time" "$(python3 -c "import sys; print(float(sys.argv[1]) / max(float(sys.argv[2]), 0.001))" "$pf_time" "$index_wall")" \
    "$(python3 -c "import sys; print(int(sys.argv[1]) / 1024)" "$pf_kb")" \
    "$(python3 -c "import sys; print(int(sys.argv[1]) / 1048576)" "$pf_size")" "$pf_files"
fi
