// The size of the package's wasm memory, for the benches that report it: the package keeps its
// instance to itself (its glue is bundled into browser.js), so the next `new
// WebAssembly.Instance` of the process is watched for its exported memory.
//
//   const wasmBytes = watchWasmMemory();   // before the package is imported
//   await import('arrears'); ... wasmBytes()

/** Watches the next wasm instance; returns a function giving its memory's size in bytes. */
export function watchWasmMemory() {
  const Instance = WebAssembly.Instance;
  let memory;
  WebAssembly.Instance = class extends Instance {
    constructor(module, imports) {
      super(module, imports);
      memory = this.exports.memory;
      WebAssembly.Instance = Instance;
    }
  };
  return () => {
    if (!(memory instanceof WebAssembly.Memory)) throw new Error('no wasm instance with a memory was created');
    return memory.buffer.byteLength;
  };
}
