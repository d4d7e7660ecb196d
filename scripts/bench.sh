#!/usr/bin/env bash
# make bench: sitegen against Hugo and the raw cmark-gfm limit on generated
# corpora (../shared/bench/compare), then sitegen's own rebuild cases and the
# preview server on the largest corpus. Prints one table; numbers go to
# BENCHMARKS.md by hand.
#   SIZES="1000 10000" RUNS=3 bash scripts/bench.sh
#   SKIP_COMPARE=1 SIZES=10000 bash scripts/bench.sh   (rebuilds and serve only)
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
perpage=()
[ -n "${SKIP_COMPARE:-}" ] && SIZES_COMPARE="" || SIZES_COMPARE=$SIZES
for n in $SIZES_COMPARE; do
  echo "== compare $n"
  out=$(SITEGEN=$SITEGEN SITEGEN_TEMPLATES=$PWD/templates "$COMPARE" "$n" | tee -a /dev/stderr)
  summary+=("$n: $(grep -E '^(sitegen/hugo|sitegen/cmark-limit)' <<<"$out" | tr -s ' ' | paste -sd ';' -)")
  perpage+=("$(awk -v n="$n" '$1 == "sitegen" && $3 == "s" { for (i = 1; i <= NF; i++) if ($(i+1) == "html") p = $i;
                printf "%6d Kommunen: %.3f ms per page (%s s for %s pages)", n, $2 * 1000 / p, $2, p }' <<<"$out")")
done

# The same on a RAM disk: this machine's disk makes creating 13,000 files
# right after deleting as many (what compare does between tools) cost
# seconds of system time, for every tool; tmpfs shows the tools themselves.
if [ -d /dev/shm ] && [ "$(df --output=avail -k /dev/shm | tail -1)" -gt 6000000 ]; then
  for n in $SIZES_COMPARE; do
    echo "== compare $n on tmpfs"
    out=$(TMPDIR=/dev/shm SITEGEN=$SITEGEN SITEGEN_TEMPLATES=$PWD/templates "$COMPARE" "$n" | tee -a /dev/stderr)
    summary+=("$n on tmpfs: $(grep -E '^(sitegen/hugo|sitegen/cmark-limit)' <<<"$out" | tr -s ' ' | paste -sd ';' -)")
  done
  rm -rf /dev/shm/sitegen-bench
fi

# Rebuilds into an existing output (what an editor's `make site` does), on
# the disk and on tmpfs: a full build, nothing changed, one profile's
# Einwohner (its page, its Kreis, the lists and its Handlungsfelder change),
# one profile's text (its page changes).
n=${SIZES##* }
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work" /dev/shm/sitegen-bench-rebuild' EXIT
python3 "$GEN" "$work/site" --kommunen "$n" >/dev/null
# A document written in the two seconds before a build read it is read again
# by the next build (its time cannot prove it unchanged); an editor's files
# are older than that, freshly generated ones are not.
sleep 3
ratio() { python3 -c 'import sys; print("%.2f" % (float(sys.argv[1]) / float(sys.argv[2])))' "$1" "$2"; }
profiles=("$work/site/content/kommunen/"*.md)
profile=${profiles[0]}
rebuilds=()
for place in disk tmpfs; do
  out="$work/out"
  [ "$place" = tmpfs ] && { [ -d /dev/shm ] || continue; out=/dev/shm/sitegen-bench-rebuild/out; }
  t() { python3 -c 'import subprocess,sys,time; s=time.monotonic(); subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); print("%.3f" % (time.monotonic()-s))' \
          "$SITEGEN" build --content "$work/site/content" --output "$out"; }
  full=$(t)
  noop=$(t)
  sed -i 's/^einwohner: \([0-9]*\)/einwohner: 1\1/' "$profile"
  one=$(t)
  printf '\nEin Satz mehr.\n' >> "$profile"
  text=$(t)
  rebuilds+=("$(printf "%-6s full %6.2f   nothing changed %5.2f (%sx)   one profile's Einwohner %5.2f (%sx)   one profile's text %5.2f (%sx)" \
    "$place" "$full" "$noop" "$(ratio "$noop" "$full")" "$one" "$(ratio "$one" "$full")" "$text" "$(ratio "$text" "$full")")")
done

# Photos: PHOTOS phone photos (4000 x 3000, about 5 MB, EXIF with a GPS
# position) as `bild` of as many profiles of a corpus of PHOTO_KOMMUNEN, and
# the same corpus without them: a cold build (no output, no cache), and a
# rebuild after one profile's text changed (which encodes nothing).
photos=${PHOTOS:-200}
pn=${PHOTO_KOMMUNEN:-1000}
python3 "$GEN" "$work/plain" --kommunen "$pn" >/dev/null
cp -r "$work/plain" "$work/photos"
python3 scripts/bench-photos.py "$work/photos/content" "$photos" >/dev/null
sleep 3
tb() { python3 -c 'import subprocess,sys,time; s=time.monotonic(); subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); print("%.3f" % (time.monotonic()-s))' \
         "$SITEGEN" build --content "$1/content" --output "$1/out"; }
declare -A cold warm
for site in plain photos; do
  cold[$site]=$(tb "$work/$site")
  edited=$(ls "$work/$site/content/kommunen/"*.md | head -1)
  printf '\nEin Satz mehr.\n' >> "$edited"
  warm[$site]=$(tb "$work/$site")
done
photo_line=$(python3 -c 'import sys; c, p, wc, wp, n = map(float, sys.argv[1:]); print("cold %.2f s (without photos %.2f s: %.2f s per photo)   text edit %.2f s (without photos %.2f s: %.2fx)" % (c, p, (c - p) / n, wc, wp, wc / wp))' \
  "${cold[photos]}" "${cold[plain]}" "${warm[photos]}" "${warm[plain]}" "$photos")
photo_bytes=$(du -sb "$work/photos/out/medien" | cut -f1)

# Navigation at this size: every profile within three clicks of the home
# page, and the largest page (the limit is 300 KB).
navigation=$(python3 scripts/navigation-check.py "$work/out" | tail -1 || true)

# The preview server: edit one profile ten times; the server reports how long
# each rebuild took, and the page is fetched until it shows the edit.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$SITEGEN" serve --content "$work/site/content" --port "$port" >"$work/serve.log" 2>&1 &
server=$!
serve=$(python3 - "$profile" "$port" "$work/serve.log" <<'PY'
import re, statistics, sys, time, urllib.request
profile, port, log = sys.argv[1], sys.argv[2], sys.argv[3]
slug = profile.rsplit("/", 1)[1][:-3]
url = f"http://127.0.0.1:{port}/kommunen/{slug}/"
for _ in range(600):
    if "built" in open(log).read(): break
    time.sleep(0.1)
seen = []
for i in range(10):
    time.sleep(1.0)
    marker = f"Messpunkt{i}x{int(time.time())}"
    text = open(profile).read()
    text = re.sub(r"^name: .*$", f"name: {marker}", text, count=1, flags=re.M)
    start = time.monotonic()
    open(profile, "w").write(text)
    while marker not in urllib.request.urlopen(url).read().decode():
        time.sleep(0.002)
    seen.append(time.monotonic() - start)
rebuilds = [float(x) for x in re.findall(r"in ([0-9.]+) s after a change", open(log).read())]
print("%.3f %.3f" % (statistics.median(rebuilds), statistics.median(seen)))
PY
)
kill "$server" 2>/dev/null || true
server=

# The site search: sitegen's index and Pagefind's on the same site.
search=$(bash scripts/search-bench.sh "$work/site/content" "$SITEGEN" 2>&1 || true)

echo
echo "== rebuilds at $n Kommunen (wall seconds; the ratio is to the full build in the same place)"
printf '%s\n' "${rebuilds[@]}"
printf "serve, edited profile rebuilt    %6.3f  (median of 10)\n" "${serve% *}"
printf "serve, save to page showing it   %6.3f  (median of 10)\n" "${serve#* }"
echo
echo "== $photos photos (4000 x 3000) on $pn Kommunen"
echo "$photo_line"
echo "published images: $((photo_bytes / 1000000)) MB"
echo
echo "== $navigation"
echo
echo "== search at $n Kommunen (sitegen's index vs Pagefind's; bytes uncompressed)"
printf '%s\n' "$search"
echo
echo "== cost per page (compare, wall)"
printf '%s\n' "${perpage[@]}"
echo
printf '%s\n' "${summary[@]}"
