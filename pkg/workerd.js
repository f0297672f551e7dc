// arrears for Cloudflare Workers (workerd): the wasm is imported as a module, since workerd
// refuses to compile wasm from bytes, and instantiated synchronously. No init() needed.
import module from "./arrears_bg.wasm";
import { initSync } from "./browser.js";

initSync({ module });

export * from "./browser.js";
