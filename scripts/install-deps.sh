#!/usr/bin/env bash
# Installs the system packages sitegen builds against, only when missing:
# cmark-gfm with its extensions, libyaml, gumbo, mimalloc, Snowball's stemmers, libvips.
set -euo pipefail
need=()
[ -f /usr/include/cmark-gfm.h ] || need+=(libcmark-gfm-dev)
[ -f /usr/include/cmark-gfm-core-extensions.h ] || need+=(libcmark-gfm-extensions-dev)
[ -f /usr/include/yaml.h ] || need+=(libyaml-dev)
[ -f /usr/include/gumbo.h ] || need+=(libgumbo-dev)
[ -f /usr/include/mimalloc.h ] || need+=(libmimalloc-dev)
[ -f /usr/include/libstemmer.h ] || need+=(libstemmer-dev)
[ -f /usr/include/vips/vips.h ] || need+=(libvips-dev)
for tool in "$@"; do command -v "$tool" >/dev/null || need+=("$tool"); done
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
echo "installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q >/dev/null
$sudo apt-get install -y -q "${need[@]}" >/dev/null
