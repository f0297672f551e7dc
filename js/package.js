// The package's module, bundled into its browser.js by scripts/build.sh: the browser entry
// (browser.js here), which instantiates the wasm on load in Node, so that Node loads one ES
// module (bench/README.md, "Cold start").
import { initSync } from "./browser.js";
import { nodeWasmBytes } from "./node.js";

export * from "./browser.js";

const bytes = nodeWasmBytes();
if (bytes) initSync({ module: bytes });
