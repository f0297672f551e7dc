// arrears for Node (import, and require through node.cjs: one instance for both): the web glue,
// instantiated synchronously on load from the wasm file. No init() needed.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { initSync as instantiate } from "./browser.js";

instantiate({ module: wasmBytes() });

export * from "./browser.js";

/** Nothing to do in Node: the wasm is instantiated on load. Kept so code runs everywhere. */
export async function init() {}
/** Nothing to do in Node: the wasm is instantiated on load. */
export function initSync() {}

/**
 * The wasm file: in the package, next to this module. In a bundle: arrears_bg.wasm beside the
 * bundle if it was copied there, else the installed package's, found by its own resolution.
 */
function wasmBytes() {
  // A CommonJS bundle has no import.meta, but a __filename.
  const here =
    import.meta.url ??
    (typeof __filename === "string" ? pathToFileURL(__filename).href : pathToFileURL(`${process.cwd()}/`).href);
  try {
    return readFileSync(new URL("./arrears_bg.wasm", here));
  } catch (error) {
    if (error?.code !== "ENOENT") throw error;
  }
  return readFileSync(createRequire(here).resolve("arrears/arrears_bg.wasm"));
}
