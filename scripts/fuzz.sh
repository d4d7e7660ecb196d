#!/usr/bin/env bash
# Coverage-guided fuzzing of SiteKit with libFuzzer (`make fuzz`).
#
# Builds the fuzz target (Fuzz/FuzzSiteKit, only present with SITEGEN_FUZZ
# set) in its own build folder .build-fuzz/, seeds a corpus from the example
# content, and runs for FUZZ_SECONDS (default 300). Each input is one
# content file with a leading byte that chooses its kind (see
# Sources/SiteKit/FuzzSite.swift); it is built with a small site in memory.
#
# A crash, or an input slower than FUZZ_TIMEOUT seconds (default 5) or using
# more than FUZZ_RSS_MB (default 2048), is saved in .build-fuzz/findings/.
# Copy each one to Tests/SiteKitTests/FuzzRegressions/ (any name), fix it,
# and `swift test --filter FuzzRegressionTests` replays it from then on.
#
#   FUZZ_SECONDS=900 bash scripts/fuzz.sh       # longer
#   FUZZ_JOBS=2 bash scripts/fuzz.sh            # two processes
#   bash scripts/fuzz.sh INPUT...               # replay single inputs
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_TO_RUN=${FUZZ_SECONDS:-300}
TIMEOUT=${FUZZ_TIMEOUT:-5}
RSS_MB=${FUZZ_RSS_MB:-2048}
JOBS=${FUZZ_JOBS:-1}
SCRATCH=.build-fuzz

echo "fuzz: building the fuzz target into $SCRATCH/ (release, -sanitize=fuzzer)"
SITEGEN_FUZZ=1 swift build -c release --scratch-path "$SCRATCH" --product FuzzSiteKit -Xswiftc -sanitize=fuzzer 2>&1 \
    | grep -E 'error|warning: unre|Build' || true
binary="$SCRATCH/release/FuzzSiteKit"
[ -x "$binary" ] || { echo "fuzz: the build failed" >&2; exit 2; }

if [ $# -gt 0 ]; then
    exec "$binary" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB" "$@"
fi

corpus="$SCRATCH/corpus"
findings="$SCRATCH/findings"
seeds="$SCRATCH/seeds"
mkdir -p "$corpus" "$findings" "$seeds"

# Seeds: every Markdown file of the example content with its kind's byte,
# and the inputs found so far.
for folder in kommunen meldungen kaffeerunden seiten; do
    case $folder in kommunen) byte=0 ;; meldungen) byte=1 ;; kaffeerunden) byte=2 ;; seiten) byte=3 ;; esac
    for file in content/$folder/*.md; do
        { printf "\\$(printf '%03o' "$byte")"; cat "$file"; } > "$seeds/$folder-$(basename "$file")"
    done
done
cp Tests/SiteKitTests/FuzzRegressions/* "$seeds/" 2>/dev/null || true

echo "fuzz: running for $SECONDS_TO_RUN s (timeout ${TIMEOUT} s per input, ${RSS_MB} MB)"
parallel=()
[ "$JOBS" -le 1 ] || parallel=(-jobs="$JOBS" -workers="$JOBS")
status=0
"$binary" "$corpus" "$seeds" \
    -max_total_time="$SECONDS_TO_RUN" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB" \
    -max_len=65536 -dict=Fuzz/markdown.dict -artifact_prefix="$findings/" \
    -print_final_stats=1 ${parallel[@]+"${parallel[@]}"} || status=$?

found=$(find "$findings" -type f | wc -l)
echo "fuzz: corpus $(find "$corpus" -type f | wc -l) inputs; findings in $findings/: $found"
[ "$found" -eq 0 ] || exit 1
exit $status
