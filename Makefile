# sitegen — the two set-up commands: `make site` and `make test`.
# Both install what is missing on a fresh Debian machine (as root, or with sudo).

SWIFT ?= swift
CONFIG ?= debug
SITEGEN = .build/$(CONFIG)/sitegen

.PHONY: site test deps build release install bench audit fuzz clean commit-info format lint

site: deps build
	$(SITEGEN) build --content content --templates templates --output public

build: deps commit-info
	$(SWIFT) build -c $(CONFIG) --product sitegen

release:
	$(MAKE) build CONFIG=release

# Puts a release `sitegen` on the PATH (PREFIX/bin) and the default theme
# beside it (PREFIX/share/sitegen/templates), which `sitegen` uses when a
# site has no templates/ of its own. The tests install the debug build
# they made (INSTALL_CONFIG=debug INSTALL_BUILD=--build-tests: a build
# with other flags would compile everything again).
PREFIX ?= /usr/local
INSTALL_CONFIG ?= release
INSTALL_BUILD ?= --product sitegen
install: deps commit-info
	$(SWIFT) build -c $(INSTALL_CONFIG) $(INSTALL_BUILD)
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/sitegen"
	install -m 755 .build/$(INSTALL_CONFIG)/sitegen "$(DESTDIR)$(PREFIX)/bin/sitegen"
	rm -rf "$(DESTDIR)$(PREFIX)/share/sitegen/templates"
	cp -R templates "$(DESTDIR)$(PREFIX)/share/sitegen/templates"

test: deps commit-info lint
	$(SWIFT) build --build-tests
	# All suites use Swift Testing; without XCTest the run prints no
	# "Executed 0 tests" line before them.
	$(SWIFT) test --skip-build --disable-xctest
	bash scripts/acceptance.sh
	bash scripts/opendata-check.sh
	bash scripts/map-check.sh
	bash scripts/browser.sh
	bash scripts/audit.sh

# The code's layout, by the swift-format of the toolchain and `.swift-format`
# (4 spaces, formatting rules only): `make format` rewrites, `make lint`
# (part of `make test`) fails on any difference.
FORMATTED = Sources Tests Fuzz Package.swift
format:
	$(SWIFT) format format --in-place --recursive $(FORMATTED)

lint:
	$(SWIFT) format lint --strict --recursive $(FORMATTED)

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

# cmark-gfm's and gumbo's headers and libraries come from Debian's packages; the
# end-to-end checks of `serve` use curl.
deps:
	@bash scripts/install-deps.sh curl

# `sitegen --version` names the commit: the header is rewritten only when
# the commit changes, so that an unchanged tree does not rebuild.
COMMIT_HEADER = Sources/CSystemExtras/generated/commit.h
commit-info:
	@mkdir -p $(dir $(COMMIT_HEADER))
	@commit=$$(git describe --always --dirty --abbrev=12 2>/dev/null || echo ""); \
	line="#define SITEGEN_COMMIT \"$$commit\""; \
	[ "$$(cat $(COMMIT_HEADER) 2>/dev/null)" = "$$line" ] || echo "$$line" > $(COMMIT_HEADER)

clean:
	rm -rf .build .build-fuzz public
