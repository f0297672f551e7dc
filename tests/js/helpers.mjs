// Shared by the JS, Deno and edge tests: where the installed package is, how to load it and
// check its errors, and the lists the package must agree with, read from the Rust sources.
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

/** The JS names in `arrears::api::ENTRY_POINTS`. */
export function entryPoints() {
  const list = read("src", "api", "mod.rs").split("pub const ENTRY_POINTS")[1].split("];")[0];
  return [...list.matchAll(/\("(\w+)",/g)].map((m) => m[1]);
}

/** The strings of `ErrorCode::as_str` in src/error.rs. */
export function rustErrorCodes() {
  const body = read("src", "error.rs").split("pub const fn as_str")[1].split("\n    }\n")[0];
  return [...body.matchAll(/ErrorCode::\w+ => "(\w+)"/g)].map((m) => m[1]);
}

/** The members of the `ArrearsErrorCode` union in the package's index.d.ts. */
export function typeScriptErrorCodes() {
  const union = read("pkg", "index.d.ts").split("export type ArrearsErrorCode =")[1].split(";")[0];
  return [...union.matchAll(/"(\w+)"/g)].map((m) => m[1]);
}

/** `arrears::limits::MAX_DEPTH` from src/limits.rs. */
export function rustMaxDepth() {
  return Number(read("src", "limits.rs").match(/pub const MAX_DEPTH: usize = (\d+);/)[1]);
}
