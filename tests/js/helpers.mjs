// Shared by the JS, Deno and edge tests: where the installed package is, and the lists the
// package must agree with, read from the Rust sources.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const scratch = join(root, "tests", "js", "scratch");
/** The scratch project the packed tarball is installed into (scripts/scratch.sh). */
export const app = join(scratch, "app");
/** The package built with the feature test-trap. */
export const trapPkg = join(scratch, "trap-pkg");

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
