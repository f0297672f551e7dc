# arrears: `make demo` and `make test` install what they need on a fresh machine.
# Each test layer is its own target, so one can be run alone (`make test-js`).

.PHONY: setup build demo test test-rust test-wasm test-package test-js test-types test-lint \
	test-deno test-edge test-browser scratch test-fuzz fuzz bench

# The rustup wasm target, the pinned wasm-bindgen CLI and the npm dev tools (skipped when there).
setup:
	scripts/setup.sh rust npm

build:
	scripts/build.sh

demo: build
	scripts/demo.sh

test: test-rust test-wasm test-package test-browser test-fuzz
	@echo "make test: every layer passed"

test-rust: setup
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	# On wasm32 the library and its tests: the criterion benches are native only.
	cargo clippy --target wasm32-unknown-unknown --lib --tests --features test-trap -- -D warnings
	cargo test

test-wasm:
	scripts/test-wasm.sh

# Packs pkg/ and installs the tarball into tests/js/scratch/app, as a user would, for the
# layers below; also builds the test-trap package for the trap-recovery test.
scratch: build
	scripts/scratch.sh

test-package: test-js test-types test-lint test-deno test-edge

test-js: scratch
	node --test tests/js/

test-types: scratch
	scripts/test-types.sh

test-lint: build
	node_modules/.bin/publint run pkg --strict
	# The .wasm subpath is a file to hand to init(), not a module with types.
	node_modules/.bin/attw --pack pkg --exclude-entrypoints arrears_bg.wasm

test-deno: scratch
	node --test tests/deno/

test-edge: scratch
	node --test tests/edge/

# The demo page in real headless Chromium (tests/browser/run.mjs, written with www/).
test-browser: build
	@if [ -f tests/browser/run.mjs ]; then scripts/setup.sh chromium && node tests/browser/run.mjs; \
	else echo "test-browser: skipped, tests/browser/run.mjs is not there yet"; fi

# A short run of every cargo-fuzz target (fuzz/run.sh SECONDS_EACH); `make fuzz` runs longer.
test-fuzz:
	@if [ -x fuzz/run.sh ]; then fuzz/run.sh 20; else echo "test-fuzz: skipped, no fuzz/run.sh"; fi

fuzz:
	@if [ -x fuzz/run.sh ]; then fuzz/run.sh 300; else echo "fuzz: no fuzz/run.sh"; fi

bench: build
	@if [ -x bench/run.sh ]; then bench/run.sh; else echo "bench: bench/run.sh is not there yet"; fi
