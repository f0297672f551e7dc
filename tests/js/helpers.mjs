// Shared by the JS, Deno, edge and bundler tests: where the installed package is, how to load it
// and check its errors, and what the package must agree with: the registry arrears-describe
// wrote (target/describe/registry.json) and the limits in the Rust sources.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const scratch = join(root, "tests", "js", "scratch");
/** The scratch project the packed tarball is installed into (scripts/scratch.sh). */
export const app = join(scratch, "app");
/** The package built with the feature test-trap. */
export const trapPkg = join(scratch, "trap-pkg");
/**
 * The JS modules of that build before bundling (scripts/build.sh): its browser.js, shared.js
 * and glue/web.js, for the tests that wrap one of its wasm exports the package does not.
 */
export const trapModules = join(root, "target", "test-trap", "modules");

/**
 * The installed package as `import "arrears"` (resolved from inside the scratch project, with
 * Node's import conditions) and as `require("arrears")`.
 */
export async function installedPackage() {
  // One file per process: test files run in parallel processes.
  const file = join(app, `esm-${process.pid}.mjs`);
  writeFileSync(file, 'export * from "arrears";\n');
  const esm = await import(pathToFileURL(file).href);
  const cjs = createRequire(join(app, "package.json"))("arrears");
  return { esm, cjs };
}

/** Runs `call` and returns what it throws. */
export function thrown(call) {
  try {
    call();
  } catch (e) {
    return e;
  }
  assert.fail("expected an ArrearsError");
}

/** `e` is an `ArrearsError` (the package's class `ArrearsError`) with `code` and `path`, its stack starting in a test file. */
export function assertError(e, code, path, ArrearsError) {
  assert.ok(e instanceof Error, "instanceof Error");
  assert.ok(e instanceof ArrearsError, "instanceof ArrearsError");
  assert.equal(e.name, "ArrearsError");
  assert.equal(e.code, code, e.message);
  assert.equal(e.path, path, e.message);
  assert.ok(e.message.length > 0);
  assert.doesNotMatch(e.message, /Error:/, "no doubled 'Error:' prefix");
  assert.match(String(e.stack), /ArrearsError/);
  const firstFrame = e.stack.split("\n").find((line) => line.trimStart().startsWith("at "));
  assert.match(firstFrame, /\.test\.mjs/, "the stack starts at the caller");
}

const read = (...path) => readFileSync(join(root, ...path), "utf8");

/** What arrears-describe wrote for the last `make build`: the entry points and error codes. */
export function registry() {
  return JSON.parse(read("target", "describe", "registry.json"));
}

/** The JS names of the registry's entry points. */
export function entryPoints() {
  return registry().entryPoints.map((entry) => entry.name);
}

/** The members of the `ArrearsErrorCode` union in the installed package's index.d.ts. */
export function typeScriptErrorCodes() {
  const types = readFileSync(join(app, "node_modules", "arrears", "index.d.ts"), "utf8");
  const union = types.split("export type ArrearsErrorCode =")[1].split(/;\n/)[0];
  return [...union.matchAll(/^\s*\| "(\w+)"/gm)].map((m) => m[1]);
}

/** A `pub const NAME: usize = ...;` of src/limits.rs: digits (with `_`) or `A << B`. */
export function rustLimit(name) {
  const value = read("src", "limits.rs").match(new RegExp(`pub const ${name}: usize = ([^;]+);`))[1];
  const shift = value.match(/^(\d+) << (\d+)$/);
  return shift ? Number(shift[1]) * 2 ** Number(shift[2]) : Number(value.replaceAll("_", ""));
}
