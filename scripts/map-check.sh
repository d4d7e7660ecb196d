#!/usr/bin/env bash
# The map and the figures recounted from the content (scripts/map-check.py):
# on the example site, and on the real corpus of ../shared/bench/gen-corpus
# (every Kreis and Gemeinde of Germany with its real AGS and coordinates),
# so that every profile falls in a real Kreis of the map. The synthetic
# corpus (invented AGS) must still build, placing what it can by coordinates.
# Ends with one "map-check: …" line per site.
set -uo pipefail
cd "$(dirname "$0")/.."
SITEGEN=${SITEGEN:-.build/debug/sitegen}
GEN=${GEN_CORPUS:-../shared/bench/gen-corpus}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

"$SITEGEN" build --quiet --no-cache --output "$work/example" || exit 1
python3 scripts/map-check.py content "$work/example" || status=1

# MAP_CHECK_REAL=0 leaves out the two generated corpora (the real one takes a minute or more in a debug build).
if [ -x "$GEN" ] && [ "${MAP_CHECK_REAL:-1}" != 0 ]; then
  python3 "$GEN" "$work/real" --real >/dev/null 2>&1 || exit 1
  "$SITEGEN" build --quiet --no-cache --content "$work/real/content" --output "$work/real-out" || exit 1
  python3 scripts/map-check.py "$work/real/content" "$work/real-out" || status=1
  # Invented AGS: nothing is guessed, the build succeeds and the map still has every Kreis.
  python3 "$GEN" "$work/synthetic" --kommunen 300 >/dev/null 2>&1 || exit 1
  if "$SITEGEN" build --quiet --no-cache --content "$work/synthetic/content" --output "$work/synthetic-out" \
    && [ "$(grep -o '"><path d="' "$work/synthetic-out/index.html" | wc -l)" -eq 401 ]; then
    echo "ok   the synthetic corpus builds with the map of all 401 Kreise"
  else
    echo "FAIL the synthetic corpus builds with the map of all 401 Kreise"
    status=1
  fi
fi
exit $status
