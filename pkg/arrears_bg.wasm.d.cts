// The package subpath `arrears/arrears_bg.wasm` through require(): as arrears_bg.wasm.d.ts says,
// the wasm file's URL from a bundler's file loader, which is then the whole module.
declare const wasmUrl: string;
export = wasmUrl;
