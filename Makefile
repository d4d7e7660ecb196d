# sitegen — the two set-up commands: `make site` and `make test`.
# Both install what is missing on a fresh Debian machine (as root, or with sudo).

SWIFT ?= swift
CONFIG ?= debug
SITEGEN = .build/$(CONFIG)/sitegen

.PHONY: site test deps build release bench audit fuzz clean

site: deps build
	$(SITEGEN) build --content content --templates templates --output public

build: deps
	$(SWIFT) build -c $(CONFIG) --product sitegen

release:
	$(MAKE) build CONFIG=release

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	bash scripts/acceptance.sh
	bash scripts/audit.sh

# Only the end-to-end audit (Nu HTML checker, axe-core, links) of the example site.
audit: build
	bash scripts/audit.sh

# Benchmark against Hugo and the cmark-gfm limit; see BENCHMARKS.md.
bench: deps
	bash scripts/bench.sh

# Coverage-guided fuzzing of front matter, body and links with libFuzzer, for
# FUZZ_SECONDS (default 300); not part of `make test`. See scripts/fuzz.sh.
fuzz: deps
	bash scripts/fuzz.sh

# cmark-gfm's headers and libraries come from Debian's packages; the
# end-to-end checks of `serve` use curl.
deps:
	@bash scripts/install-deps.sh curl

clean:
	rm -rf .build .build-fuzz public
