#!/usr/bin/env bash
# End-to-end stage of `make test`: builds the example site and a generated
# corpus with the default theme and checks both in real tools — the W3C Nu
# HTML checker, axe-core (WCAG 2.1 A and AA) in headless Chromium, internal
# links and fragments, and page basics (one h1, lang, nothing from another
# host) — through ../shared/tools/site-audit, which installs Chromium (apt)
# and its Python tools (PyPI) on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
SITEGEN=${SITEGEN:-.build/debug/sitegen}
AUDIT=${SITE_AUDIT:-../shared/tools/site-audit}
GEN=${GEN_CORPUS:-../shared/bench/gen-corpus}
N=${AUDIT_KOMMUNEN:-1000}
[ -x "$AUDIT" ] || { echo "audit: $AUDIT not found (expected ../shared beside the checkout)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$SITEGEN" build --output "$work/example" --quiet 2>/dev/null || "$SITEGEN" build --output "$work/example"
echo "audit: example site"
"$AUDIT" "$work/example" --show 20

python3 "$GEN" "$work/corpus" --kommunen "$N" >/dev/null
"$SITEGEN" build --content "$work/corpus/content" --output "$work/corpus-out" >/dev/null
echo "audit: generated site with $N Kommunen"
"$AUDIT" "$work/corpus-out" --show 20 --max-pages 60
