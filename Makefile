# Altitude — every build and test step. `make test` is what CI runs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help test test-native bench fuzz

help:
	@echo "make test    run every test"
	@echo "make bench   core benchmark (load+validate and score a 1,000-question set)"
	@echo "make fuzz    fuzz the question-set loader for FUZZ_SECONDS (default 60)"

test: test-native

test-native:
	cargo test --locked

bench:
	cargo bench --locked --bench core

FUZZ_SECONDS ?= 60
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	cd fuzz && cargo +nightly fuzz run load_question_set -- -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048
