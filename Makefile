# arrears: `make demo` and `make test` install what they need on a fresh machine.
# Each test layer is its own target, so one can be run alone (`make test-js`).

.PHONY: setup build figures docs demo test test-rust test-wasm test-package test-js test-types test-lint \
	test-deno test-bun test-edge test-bundlers test-browser scratch test-size test-fuzz fuzz bench

# The rustup wasm target, the pinned wasm-bindgen CLI and the npm dev tools (skipped when there).
setup:
	scripts/setup.sh rust npm

build:
	scripts/build.sh
	@$(MAKE) --no-print-directory figures

# README.md's size and speed figures, from the built package and bench/README.md (scripts/figures.mjs).
figures:
	node scripts/figures.mjs

# docs/api.md, the function list, from the registry of entry points (a test checks it is current).
docs: build
	node scripts/generate.mjs --docs target/describe docs/api.md

demo: build
	scripts/demo.sh

test: test-rust test-wasm test-package test-browser test-size test-fuzz
	@echo "make test: every layer passed"

test-rust: setup
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	# On wasm32 the library and its tests: the criterion benches are native only.
	cargo clippy --target wasm32-unknown-unknown --lib --tests --features test-trap -- -D warnings
	# Every property test runs 10,000 cases (proptest reads PROPTEST_CASES).
	PROPTEST_CASES=10000 cargo test

test-wasm:
	scripts/test-wasm.sh

# The whole package (the wasm and its JS files, gzipped) within the budget set in scripts/size.sh.
test-size: build
	scripts/size.sh --check

# Packs pkg/ and installs the tarball into tests/js/scratch/app, as a user would, for the
# layers below; also builds the test-trap package for the trap-recovery test.
scratch: build
	scripts/scratch.sh

test-package: test-js test-types test-lint test-deno test-bun test-edge test-bundlers

test-js: scratch
	node --test tests/js/

test-types: scratch
	scripts/test-types.sh

test-lint: build
	node_modules/.bin/publint run pkg --strict
	node_modules/.bin/attw --pack pkg

test-deno: scratch
	node --test tests/deno/

test-bun: scratch
	node --test tests/bun/

test-edge: scratch
	node --test tests/edge/

# The installed package bundled by esbuild and Vite for Node (run) and the browser (Chromium).
test-bundlers: scratch
	scripts/setup.sh chromium
	node --test --test-timeout=300000 tests/bundlers/

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
