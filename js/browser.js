// arrears for browsers and bundlers: call `await init()` once before any other function (a call
// before it throws ArrearsError `not_initialised`). Deno, workerd and Node use this entry too,
// each instantiating the wasm its own way on load (Node in package.js, which the package's
// browser.js is bundled from).
import * as glue from "./glue/web.js";
import { markInitialised } from "./shared.js";

export { ArrearsError } from "./shared.js";
// One wrapper per entry point, generated from the registry (scripts/generate.mjs).
export * from "./glue/api.js";

/**
 * Loads and instantiates the wasm. With no argument it fetches `arrears_bg.wasm` next to the
 * package's browser.js; a bundler that does not follow `new URL(..., import.meta.url)` can
 * pass `{ module_or_path: url }` (the file is the package subpath `arrears/arrears_bg.wasm`).
 */
export async function init(options) {
  await glue.default(options);
  markInitialised(glue);
}

/** Instantiates synchronously from `{ module }`: a `WebAssembly.Module` or the wasm bytes. */
export function initSync(options) {
  glue.initSync(options);
  markInitialised(glue);
}

// Named here: the bundle is minified (shared.js names the entry points and ArrearsError).
Object.defineProperty(init, "name", { value: "init" });
Object.defineProperty(initSync, "name", { value: "initSync" });
