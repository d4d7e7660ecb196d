#!/usr/bin/env bash
# End-to-end checks of the sitegen binary, as CI and a new user meet it:
# the example site, the error corpus of ../shared/bench/gen-corpus, exit
# codes, an untouched output after a failed build, and determinism.
# Ends with the line "acceptance: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
SITEGEN=${SITEGEN:-.build/debug/sitegen}
GEN=${GEN_CORPUS:-../shared/bench/gen-corpus}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
ok()   { passed=$((passed + 1)); echo "ok   - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1"; [ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/       /' | head -20; }

[ -x "$SITEGEN" ] || swift build --product sitegen >/dev/null || { echo "acceptance: cannot build sitegen"; exit 1; }

# 1. The example site builds, twice to identical bytes, with a page per file.
if "$SITEGEN" build --output "$work/a" >"$work/log" 2>&1; then ok "example site builds"; else fail "example site builds" "$(cat "$work/log")"; fi
"$SITEGEN" build --output "$work/b" >/dev/null 2>&1
if diff -r "$work/a" "$work/b" >/dev/null; then ok "example site is byte-identical across builds"; else fail "example site is byte-identical across builds"; fi
missing=""
for f in content/kommunen/*.md content/kaffeerunden/*.md content/meldungen/*.md; do
  kind=$(basename "$(dirname "$f")"); slug=$(basename "$f" .md)
  [ -f "$work/a/$kind/$slug/index.html" ] || missing+="$kind/$slug "
done
if [ -z "$missing" ]; then ok "every profile, report and news item has its page"; else fail "pages missing" "$missing"; fi

# 2. The error corpus: every expected location reported, exit 1, output untouched.
if [ -x "$GEN" ]; then
  python3 "$GEN" "$work/broken" --broken >/dev/null
  cp -r "$work/a" "$work/out" && before=$(cd "$work/out" && find . -type f -exec sha1sum {} + | sort)
  "$SITEGEN" build --content "$work/broken/content" --output "$work/out" >"$work/broken.log" 2>&1
  status=$?
  if [ $status -eq 1 ]; then ok "broken corpus exits 1"; else fail "broken corpus exits 1 (got $status)"; fi
  notfound=""
  while IFS= read -r expected; do
    case "$expected" in ''|'#'*) continue ;; esac
    grep -q "^$work/broken/content/$expected:" "$work/broken.log" || notfound+="$expected "
  done < "$work/broken/EXPECTED-ERRORS.txt"
  if [ -z "$notfound" ]; then ok "broken corpus: every expected error location reported"; else fail "broken corpus: not reported: $notfound" "$(cat "$work/broken.log")"; fi
  after=$(cd "$work/out" && find . -type f -exec sha1sum {} + | sort)
  if [ "$before" = "$after" ]; then ok "failed build leaves the output untouched"; else fail "failed build changed the output"; fi

  # 3. A generated site of 200 Kommunen builds without diagnostics.
  python3 "$GEN" "$work/gen" --kommunen 500 >/dev/null
  if "$SITEGEN" build --content "$work/gen/content" --output "$work/gen-out" >"$work/gen.log" 2>&1 && ! grep -q "warning\|error" "$work/gen.log"; then
    ok "generated corpus builds cleanly"; else fail "generated corpus builds cleanly" "$(cat "$work/gen.log")"; fi
  "$SITEGEN" build --content "$work/gen/content" --output "$work/gen-out2" >/dev/null 2>&1
  if diff -r "$work/gen-out" "$work/gen-out2" >/dev/null; then ok "generated corpus is byte-identical across builds"; else fail "generated corpus differs between builds"; fi
else
  fail "gen-corpus not found at $GEN (expected ../shared beside the checkout)"
fi

# 4. Usage and I/O errors exit 2 and write nothing.
"$SITEGEN" build --content "$work/nowhere" --output "$work/c" >/dev/null 2>&1
status=$?
if [ $status -eq 2 ] && [ ! -e "$work/c" ]; then ok "missing content folder exits 2"; else fail "missing content folder exits 2 (got $status)"; fi
"$SITEGEN" build --base-url not-a-url --output "$work/d" >/dev/null 2>&1
status=$?
if [ $status -eq 2 ] && [ ! -e "$work/d" ]; then ok "bad option exits 2"; else fail "bad option exits 2 (got $status)"; fi
mkdir -p "$work/foreign" && echo keep > "$work/foreign/notes.txt"
"$SITEGEN" build --output "$work/foreign" >/dev/null 2>&1
status=$?
if [ $status -eq 2 ] && [ "$(cat "$work/foreign/notes.txt")" = keep ]; then ok "a folder sitegen did not write is not replaced"; else fail "foreign output folder (got $status)"; fi

echo "acceptance: $passed passed, $failed failed"
[ $failed -eq 0 ]
