#!/usr/bin/env bash
# make bench: sitegen against Hugo and the raw cmark-gfm limit on generated
# corpora (../shared/bench/compare), then sitegen's own rebuild cases on the
# largest corpus. Prints one table; numbers go to BENCHMARKS.md by hand.
#   SIZES="1000 10000" RUNS=3 bash scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 10000"}
COMPARE=${COMPARE:-../shared/bench/compare}
GEN=${GEN_CORPUS:-../shared/bench/gen-corpus}
[ -x "$COMPARE" ] || { echo "bench: $COMPARE not found (expected ../shared beside the checkout)"; exit 1; }
bash scripts/install-deps.sh
swift build -c release --product sitegen >/dev/null
SITEGEN=$PWD/.build/release/sitegen
summary=()
for n in $SIZES; do
  echo "== compare $n"
  out=$(SITEGEN=$SITEGEN SITEGEN_TEMPLATES=$PWD/templates "$COMPARE" "$n" | tee /dev/stderr)
  summary+=("$n: $(grep -E '^(sitegen/hugo|sitegen/cmark-limit)' <<<"$out" | tr -s ' ' | paste -sd ';' -)")
done

# Rebuilds into an existing output (what an editor's `make site` does).
n=${SIZES##* }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$GEN" "$work/site" --kommunen "$n" >/dev/null
t() { python3 -c 'import subprocess,sys,time; s=time.monotonic(); subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); print("%.3f" % (time.monotonic()-s))' \
        "$SITEGEN" build --content "$work/site/content" --output "$work/out"; }
ratio() { python3 -c 'import sys; print("%.2f" % (float(sys.argv[1]) / float(sys.argv[2])))' "$1" "$2"; }
full=$(t)
noop=$(t)
profiles=("$work/site/content/kommunen/"*.md)
profile=${profiles[0]}
sed -i 's/^einwohner: \([0-9]*\)/einwohner: 1\1/' "$profile"
one=$(t)
echo
echo "== rebuilds at $n Kommunen (wall seconds)"
printf "full build into an empty folder  %6.2f\n" "$full"
printf "rebuild, nothing changed         %6.2f  (%sx)\n" "$noop" "$(ratio "$noop" "$full")"
printf "rebuild, one profile changed     %6.2f  (%sx)\n" "$one" "$(ratio "$one" "$full")"
echo
printf '%s\n' "${summary[@]}"
