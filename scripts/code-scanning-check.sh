#!/usr/bin/env bash
# The reports CI systems read, checked with the tools they are meant for:
# `sitegen check --format sarif` against the OASIS JSON schema of SARIF
# 2.1.0 (../shared/data/sarif/) and `--format gitlab` against the fields of
# GitLab's Code Quality report, both on gen-corpus's broken corpus, where
# each must list every expected location. Then the language of the text
# output: German with LANG=de_DE.UTF-8 or --lang de, English with
# LANG=C.UTF-8. Installs python3-venv (apt) and jsonschema (PyPI, into a
# venv under ~/.cache) when missing. One line per check, each starting
# "code-scanning: ok" or "code-scanning: FAIL"; exits non-zero on a failure.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
SITEGEN=$(realpath "${SITEGEN:-.build/debug/sitegen}")
GEN=${GEN_CORPUS:-../shared/bench/gen-corpus}
SCHEMA=${SARIF_SCHEMA:-../shared/data/sarif/sarif-schema-2.1.0.json}
VENV=${SITEGEN_REPORTS_VENV:-$HOME/.cache/sitegen-reports}
[ -x "$SITEGEN" ] || { echo "code-scanning: FAIL $SITEGEN not found (run make build)"; exit 1; }
[ -f "$GEN" ] || { echo "code-scanning: FAIL gen-corpus not found at $GEN (expected ../shared beside the checkout)"; exit 1; }
[ -f "$SCHEMA" ] || { echo "code-scanning: FAIL the SARIF schema is not at $SCHEMA"; exit 1; }
SCHEMA=$(realpath "$SCHEMA")

if ! python3 -c "import ensurepip" 2>/dev/null; then
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq python3-venv >/dev/null
fi
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import jsonschema" 2>/dev/null; then
  python3 -m venv "$VENV" && "$VENV/bin/python" -m pip install -q jsonschema || { echo "code-scanning: FAIL cannot install jsonschema"; exit 1; }
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
ok()   { echo "code-scanning: ok   $1"; }
fail() { failed=1; echo "code-scanning: FAIL $1"; [ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/       /' | head -20; }

python3 "$GEN" "$work/broken" --broken >/dev/null 2>&1 || { echo "code-scanning: FAIL gen-corpus --broken"; exit 1; }
# From the corpus's folder, so that the reports name paths as a repository would: content/…
cd "$work/broken"
"$SITEGEN" check --templates "$repo/templates" --format gitlab >"$work/gitlab.json" 2>"$work/gitlab.log"
gitlab_status=$?
"$SITEGEN" check --templates "$repo/templates" --format sarif >"$work/sarif.json" 2>"$work/sarif.log"
sarif_status=$?
if [ $gitlab_status -eq 1 ] && [ $sarif_status -eq 1 ]; then ok "check --format gitlab and sarif exit 1 on the broken corpus"
else fail "check --format gitlab/sarif exit (got $gitlab_status, $sarif_status)" "$(cat "$work/gitlab.log" "$work/sarif.log")"; fi
"$VENV/bin/python" "$repo/scripts/code-scanning-check.py" "$SCHEMA" EXPECTED-ERRORS.txt content "$work/gitlab.json" "$work/sarif.json" || failed=1
"$SITEGEN" check --templates "$repo/templates" --format sarif >"$work/sarif2.json" 2>/dev/null
if cmp -s "$work/sarif.json" "$work/sarif2.json"; then ok "the SARIF log is the same bytes on a second run"; else fail "the SARIF log differs between runs"; fi

# The language: the locale decides (LC_ALL and LC_MESSAGES left out so that LANG counts), --lang overrides.
check() { env -u LC_ALL -u LC_MESSAGES "$@" "$SITEGEN" check --templates "$repo/templates" 2>&1; }
german=$(check LANG=de_DE.UTF-8)
english=$(check LANG=C.UTF-8)
unknown_de="content/kommunen/fehler-unbekannter-schluessel.md:5:1: Fehler: Unbekannter Schlüssel \`einwohnerzahl\` im Kopf eines Profils (meinten Sie \`einwohner\`?)"
unknown_en="content/kommunen/fehler-unbekannter-schluessel.md:5:1: error: unknown key \`einwohnerzahl\` in the front matter of a Kommune (did you mean \`einwohner\`?)"
if grep -qxF "$unknown_de" <<<"$german" && grep -q "^sitegen: [0-9]* Dateien geprüft in [0-9]*,[0-9]* s: 8 Fehler$" <<<"$german" \
   && ! grep -q ": error: " <<<"$german"; then
  ok "LANG=de_DE.UTF-8 sitegen check prints German"; else fail "LANG=de_DE.UTF-8 sitegen check prints German" "$german"; fi
if grep -qxF "$unknown_en" <<<"$english" && grep -q "^sitegen: checked [0-9]* files in [0-9]*\.[0-9]* s: 8 errors$" <<<"$english" \
   && ! grep -q ": Fehler: " <<<"$english"; then
  ok "LANG=C.UTF-8 sitegen check prints English"; else fail "LANG=C.UTF-8 sitegen check prints English" "$english"; fi
forced=$(env -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 "$SITEGEN" check --templates "$repo/templates" --lang de 2>&1)
if grep -qxF "$unknown_de" <<<"$forced"; then ok "--lang de wins over LANG=C.UTF-8"; else fail "--lang de wins over LANG=C.UTF-8" "$forced"; fi
german_sarif=$(env -u LC_ALL -u LC_MESSAGES LANG=de_DE.UTF-8 "$SITEGEN" check --templates "$repo/templates" --format sarif 2>/dev/null)
if grep -qF "Unbekannter Schlüssel" <<<"$german_sarif" && grep -qF '"ruleId": "unknown-key"' <<<"$german_sarif"; then
  ok "the SARIF log carries the same German text, with the same codes"; else fail "German SARIF" "$(head -30 <<<"$german_sarif")"; fi
exit $failed
