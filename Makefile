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

# The demo page in real headless Chromium.
test-browser: build
	scripts/setup.sh chromium
	node tests/browser/run.mjs

# A short run of every cargo-fuzz target (fuzz/run.sh SECONDS_EACH); `make fuzz` runs longer.
test-fuzz:
	fuzz/run.sh 20

fuzz:
	fuzz/run.sh 300

bench: build
	bench/run.sh
