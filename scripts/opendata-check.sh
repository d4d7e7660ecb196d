#!/usr/bin/env bash
# Open-data stage of `make test`: builds the example site and a generated
# site of 1,000 Kommunen, then checks their `daten/` files with the tools a
# user of the data would use: Frictionless (every CSV against
# datapackage.json, foreign keys included) and a JSON Schema of RFC 7946
# for kommunen.geojson, every point inside Germany; pyshacl for catalog.ttl
# against the DCAT-AP.de 2.0 shapes in ../shared/data/dcat-ap-de (offline);
# icalendar for kaffeerunden.ics against the content's Kaffeerunden.
# Installs python3-venv (apt) and frictionless, jsonschema, pyshacl and
# icalendar (PyPI, into a venv under ~/.cache) when missing. One summary
# line per check; exits non-zero on a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
SITEGEN=${SITEGEN:-.build/debug/sitegen}
GEN=${GEN_CORPUS:-../shared/bench/gen-corpus}
N=${OPENDATA_KOMMUNEN:-1000}
DCAT=${DCAT_AP_DE:-../shared/data/dcat-ap-de}
VENV=${SITEGEN_OPENDATA_VENV:-$HOME/.cache/sitegen-opendata}
[ -x "$SITEGEN" ] || { echo "opendata: $SITEGEN not found (run make build)"; exit 1; }
[ -f "$GEN" ] || { echo "opendata: gen-corpus not found at $GEN (expected ../shared beside the checkout)"; exit 1; }
[ -d "$DCAT/shapes" ] || { echo "opendata: DCAT-AP.de shapes not found in $DCAT (expected ../shared beside the checkout)"; exit 1; }

if ! python3 -c "import ensurepip" 2>/dev/null; then
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq python3-venv >/dev/null
fi
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import frictionless, jsonschema, pyshacl, icalendar, yaml" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q frictionless jsonschema pyshacl icalendar pyyaml
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$SITEGEN" build --quiet --output "$work/example"
# The same input gives the same bytes: a second build into a new folder.
"$SITEGEN" build --quiet --output "$work/example-again"
if diff -r "$work/example/daten" "$work/example-again/daten" >/dev/null; then
  echo "opendata: ok   example: two builds give byte-identical daten/ files"
else
  echo "opendata: FAIL example: two builds differ in daten/"; exit 1
fi
python3 "$GEN" "$work/corpus" --kommunen "$N" >"$work/gen.log" 2>&1 || { cat "$work/gen.log"; exit 1; }
# GovData's conventions require a contributor ID; the generated site has none.
grep -q '^daten:' "$work/corpus/content/site.yaml" \
  || printf 'daten:\n  contributor_id: netzwerkDigitaleKommunenBeispiel\n' >>"$work/corpus/content/site.yaml"
"$SITEGEN" build --quiet --content "$work/corpus/content" --output "$work/corpus-out"
"$VENV/bin/python" scripts/opendata-check.py --dcat-ap-de "$DCAT" \
  "example=$work/example,content" "corpus-$N=$work/corpus-out,$work/corpus/content"
