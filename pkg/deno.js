// arrears for Deno: the wasm is imported as a module source, which needs no permissions, and
// instantiated synchronously. No init() needed.
import source module from "./arrears_bg.wasm";
import { initSync } from "./browser.js";

initSync({ module });

export * from "./browser.js";
