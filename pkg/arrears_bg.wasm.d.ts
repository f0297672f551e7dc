// The package subpath `arrears/arrears_bg.wasm`: the wasm file, for a bundler to copy and hand
// to `init`. With esbuild's `file` loader the import is the file's URL; with Vite, import
// `arrears/arrears_bg.wasm?url` (or let Vite follow the glue's `new URL(..., import.meta.url)`).
//
//   import wasmUrl from "arrears/arrears_bg.wasm";
//   await init({ module_or_path: wasmUrl });

/** The URL of the wasm file, as the bundler's file loader gives it. */
declare const wasmUrl: string;
export default wasmUrl;
