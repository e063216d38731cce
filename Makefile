# Altitude — every build and test step. `make test` is what CI runs; `make serve` is how to try it.
# Each tool is installed only when missing (or at the wrong version), so a second run pays nothing.
SHELL := /bin/bash
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

export PATH := $(CURDIR)/build/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
TRUNK_VERSION := 0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"/\1/p;}' Cargo.lock)
FUZZ_SECONDS ?= 60
WASM_TEST_ENV := CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner

.PHONY: help serve build test lint test-native test-wasm test-e2e size bench bench-core bench-web fuzz tools \
        tool-rust tool-trunk tool-wasm-bindgen tool-wasm-split tool-apt tool-node-build tool-node tool-node-bench

help:
	@echo "make serve   build the widget and serve it at http://127.0.0.1:8080"
	@echo "make build   write the release site to dist/ and the altitude tool to target/release/"
	@echo "make test    run every test: native, wasm in headless Chromium, end-to-end, size budget"
	@echo "make bench   core benchmark, then the widget's load/answer/memory benchmark"
	@echo "make fuzz    fuzz the loaders for FUZZ_SECONDS (default $(FUZZ_SECONDS))"

# ---- tools -------------------------------------------------------------------------------
tools: tool-rust tool-trunk tool-wasm-bindgen tool-wasm-split tool-apt tool-node-build tool-node

tool-rust:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy rustfmt
	@cargo fetch --locked

tool-trunk: tool-rust
	@trunk --version 2>/dev/null | grep -qF "$(TRUNK_VERSION)" || cargo install trunk@$(TRUNK_VERSION) --locked

# Not --locked: wasm-bindgen-cli's own lockfile names a crate version the registry no longer has.
tool-wasm-bindgen: tool-rust
	@wasm-bindgen --version 2>/dev/null | grep -qF "$(WASM_BINDGEN_VERSION)" || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)

# Splits the wasm at Leptos's #[lazy] functions (build/build-wasm.mjs), as cargo-leptos --split does.
# Unlike wasm-bindgen's, its version is in no crate of Cargo.lock (nothing depends on the CLI) and
# follows none: what must match is the section that wasm_split_helpers (Leptos's #[lazy], in
# Cargo.lock) writes into the wasm and the CLI reads, whose format the two crates share as one file
# (magic_constants.rs), not as a version number. wasm_split_cli_support 0.2.4's is the same as
# wasm_split_helpers 0.2.3's. So the pair is pinned here, and a Cargo.lock with other helpers stops
# the build until someone checks which CLI reads them and updates both versions.
WASM_SPLIT_VERSION := 0.2.4
WASM_SPLIT_HELPERS_VERSION := 0.2.3
WASM_SPLIT_HELPERS_LOCKED := $(shell sed -n '/^name = "wasm_split_helpers"$$/{n;s/^version = "\(.*\)"/\1/p;}' Cargo.lock)
tool-wasm-split: tool-rust
	@[ "$(WASM_SPLIT_HELPERS_LOCKED)" = "$(WASM_SPLIT_HELPERS_VERSION)" ] || { \
	  echo "Cargo.lock has wasm_split_helpers $(WASM_SPLIT_HELPERS_LOCKED), but wasm_split_cli_support" \
	    "$(WASM_SPLIT_VERSION) was checked against $(WASM_SPLIT_HELPERS_VERSION): update the pair in the Makefile." >&2; \
	  exit 1; }
	@cargo install --list | grep -qxF "wasm_split_cli_support v$(WASM_SPLIT_VERSION):" || \
	  cargo install wasm_split_cli_support@$(WASM_SPLIT_VERSION) --locked --features build-binary

# Debian's Chromium and ChromeDriver for the browser tests, poppler for PDF checks, Node for Playwright.
tool-apt:
	@missing=""; \
	for tool in chromium:chromium chromedriver:chromium-driver node:nodejs npm:npm pdftotext:poppler-utils; do \
	  command -v $${tool%%:*} >/dev/null || missing="$$missing $${tool##*:}"; \
	done; \
	if [ -n "$$missing" ]; then apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; fi

# What the build runs: wasm-opt (binaryen 132 from npm: Debian's binaryen 108 breaks the wasm) and
# esbuild, in build/, the build program's own folder.
tool-node-build: tool-apt build/node_modules/.installed
build/node_modules/.installed: build/package.json build/package-lock.json
	cd build && npm ci --no-audit --no-fund
	touch $@

# What the end-to-end tests drive the browser with: Playwright and axe-core.
tool-node: tool-apt e2e/node_modules/.installed
e2e/node_modules/.installed: e2e/package.json e2e/package-lock.json
	cd e2e && npm ci --no-audit --no-fund
	touch $@

# What `make bench` compares the widget with (Lighthouse, SurveyJS), in a package of its own that
# `make test` does not install: 132 MB of node_modules for the tests instead of 373 MB.
tool-node-bench: tool-apt e2e/bench-tools/node_modules/.installed
e2e/bench-tools/node_modules/.installed: e2e/bench-tools/package.json e2e/bench-tools/package-lock.json
	cd e2e/bench-tools && npm ci --no-audit --no-fund
	touch $@

# ---- build and serve ---------------------------------------------------------------------
# Trunk's hooks build and split the wasm (build/build-wasm.mjs) and add the author's workbench
# (build/build-author.mjs: a page and a bundle of its own); after Trunk, build/finish-build.mjs
# minifies the JS and CSS and writes .br and .gz beside each asset.
build: tool-trunk tool-wasm-bindgen tool-wasm-split tool-node-build
	trunk build --release
	node build/finish-build.mjs dist
	cargo build --release --locked --bin altitude

serve: tool-trunk tool-wasm-bindgen tool-wasm-split tool-node-build
	trunk serve --release

# ---- tests -------------------------------------------------------------------------------
test: lint test-native test-wasm test-e2e size

# Formatting and lints, for the native code and for the widget's wasm32 code (which native builds skip),
# in the widget and in crates/send_wrapper.
lint: tool-rust
	cargo fmt --all --check
	cargo clippy --locked --workspace --all-targets --all-features -- -D warnings
	cargo clippy --locked --target wasm32-unknown-unknown --lib --bins --test web -- -D warnings
	cargo clippy --locked --target wasm32-unknown-unknown -p send_wrapper --all-features -- -D warnings

test-native: tool-rust
	cargo test --locked --workspace --all-features

# Without the `split` feature: the test runner cannot provide the imports wasm-split resolves.
test-wasm: tool-rust tool-wasm-bindgen tool-apt
	$(WASM_TEST_ENV) cargo test --locked --target wasm32-unknown-unknown --test web --no-default-features

test-e2e: build tool-node
	cd e2e && node --test --test-concurrency=1 tests/

# The widget's first-load and total transfer (gzip -9, brotli -q 11) and where the wasm's bytes go;
# fails over the budgets in build/size.mjs. The attribution reads a copy of the main wasm optimised like
# the shipped one but with its names kept (wasm-opt -g), since the shipped wasm has none.
size: build
	@mkdir -p target/size
	@node build/build-wasm.mjs named target/size/altitude-web.named.wasm
	@node build/size.mjs dist --gate

# ---- measurement -------------------------------------------------------------------------
bench: bench-core bench-web

bench-core:
	cargo bench --locked --bench core

bench-web: build tool-node tool-node-bench
	node e2e/bench.mjs

# Seeded with the bundled sets and guided by a dictionary of the formats' tokens.
fuzz: tool-rust
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	mkdir -p fuzz/corpus/load_question_set
	cp assessments/*.json docs/example-set.json docs/example-set-2.json tests/fixtures/*.json fuzz/corpus/load_question_set/
	cd fuzz && cargo +nightly fuzz run load_question_set corpus/load_question_set -- \
	  -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -max_len=65536 -dict=json.dict -print_final_stats=1
