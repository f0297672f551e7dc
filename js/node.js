// Node (and Bun): the wasm file, read on load so that no init() is needed. Every other runtime
// is left alone: browsers and bundlers call init(), and Deno and workerd have entries of their
// own (deno.js, workerd.js) that instantiate the wasm without reading files.

/**
 * The bytes of `arrears_bg.wasm` in Node or Bun, else undefined: the file beside this module
 * (the package's browser.js, or a bundle it was copied next to), else the installed
 * package's, found by its own resolution. Node's modules are reached through
 * `process.getBuiltinModule`, not imported, so browsers and bundlers see no `node:` import.
 */
export function nodeWasmBytes() {
  const process = globalThis.process;
  if (!isNode(process)) return undefined;
  // A CommonJS bundle has no import.meta, but a __filename.
  const here =
    import.meta.url ??
    (typeof __filename === "string" ? process.getBuiltinModule("node:url").pathToFileURL(__filename).href : undefined);
  if (here === undefined) return undefined;
  const { readFileSync } = process.getBuiltinModule("node:fs");
  try {
    return readFileSync(new URL("./arrears_bg.wasm", here));
  } catch (error) {
    if (error?.code !== "ENOENT") throw error;
  }
  const { createRequire } = process.getBuiltinModule("node:module");
  return readFileSync(createRequire(here).resolve("arrears/arrears_bg.wasm"));
}

/**
 * Node or Bun, by who they say they are (Node 20 has no `navigator`): not Deno or workerd with
 * `nodejs_compat`, whose `process` has `getBuiltinModule` and `versions.node` too, nor any
 * runtime not known to read files and compile wasm from bytes.
 */
function isNode(process) {
  if (typeof process?.getBuiltinModule !== "function") return false;
  const agent = globalThis.navigator?.userAgent;
  return agent === undefined ? Boolean(process.versions?.node) : /^(Node\.js|Bun)\//.test(agent);
}
