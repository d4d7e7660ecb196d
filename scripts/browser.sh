#!/usr/bin/env bash
# Browser stage of `make test`: a reader's clicks through the example site in
# headless Chromium (Selenium), served from a sub-path by a server that
# answers missing paths with 404.html, as web hosts do. Installs chromium and
# chromium-driver (apt) and Selenium with axe-core (PyPI, into a venv under
# ~/.cache) when missing; `make site` needs none of it.
set -euo pipefail
cd "$(dirname "$0")/.."
SITEGEN=${SITEGEN:-.build/debug/sitegen}
VENV=${SITEGEN_BROWSER_VENV:-$HOME/.cache/sitegen-browser}

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
python3 -c "import ensurepip" 2>/dev/null || need+=(python3-venv)
if [ ${#need[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi
# axe-core (bundled by selenium-axe-python, the version site-audit uses) checks
# the search page with its results shown.
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import selenium, selenium_axe_python" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q selenium "selenium-axe-python==2.2.0"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The 404 page anchors its links at base_url, so the site is built for the
# address it is served from.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$SITEGEN" build --quiet --output "$work/netzwerk" --base-url "http://127.0.0.1:$port/netzwerk/"
# A generated site of 1,000 Kommunen for the search's filters.
python3 ../shared/bench/gen-corpus "$work/gross-quelle" --kommunen 1000 >/dev/null
"$SITEGEN" build --quiet --content "$work/gross-quelle/content" --output "$work/gross" --base-url "http://127.0.0.1:$port/gross/"
"$VENV/bin/python" scripts/browser-test.py "$work" "$port"
