// The registry of entry points (target/describe/registry.json, from arrears-describe) against
// what the installed package ships: every entry point is a real wasm export, is exported by
// every entry file (Node import and require, browser, Deno, workerd) and declared in the
// generated index.d.ts with its doc; the wasm exports nothing else but the internals listed
// here. Also: every registry example gives the output its `// →` line shows, and docs/api.md
// is what `make docs` writes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { inspect } from "node:util";
import { apiDocs } from "../../scripts/generate.mjs";
import { startWorkerd } from "../edge/workerd.mjs";
import { app, installedPackage, registry, root } from "./helpers.mjs";

const installed = join(app, "node_modules", "arrears");
const { entryPoints, errorCodes } = registry();
const names = entryPoints.map((entry) => entry.name);
/** What every entry file exports besides the entry points. */
const EXTRAS = ["ArrearsError", "init", "initSync"];
const expectedExports = [...names, ...EXTRAS].sort();

/**
 * Wasm exports that are not entry points: the input buffer and the memory the wrappers write
 * into, agingBatch's CSV and columns forms (shared.js `wrapBatch`), and wasm-bindgen 0.2.130's
 * own (the memory, its allocator (no realloc: no string comes back from JS since the time
 * zones answer a number, src/js/zones.rs), externref table, start function, and the globals of
 * `--experimental-reset-state-function`).
 */
const WASM_INTERNALS = [
  "inputBuffer",
  "wasmMemory",
  "agingBatchCsv",
  "agingBatchColumns",
  "memory",
  "__wbindgen_malloc",
  "__wbindgen_free",
  "__wbindgen_exn_store",
  "__wbindgen_externrefs",
  "__wbindgen_start",
  "__externref_table_alloc",
  "__externref_table_dealloc",
  "__abort_handler",
  "__instance_terminated",
];

test("every registry entry is a wasm export, and the wasm exports nothing else but its internals", () => {
  const wasm = new WebAssembly.Module(readFileSync(join(installed, "arrears_bg.wasm")));
  const exported = WebAssembly.Module.exports(wasm).map((e) => e.name);
  for (const name of names) assert.ok(exported.includes(name), `${name} is not a wasm export`);
  assert.deepEqual(exported.filter((name) => !names.includes(name)).sort(), [...WASM_INTERNALS].sort());
});

test("Node import and require, and the browser entry, export every entry point and nothing else", async () => {
  const { esm, cjs } = await installedPackage();
  const browser = await import(pathToFileURL(join(installed, "browser.js")).href);
  for (const [entry, api] of [
    ["import", esm],
    ["require", cjs],
    ["browser.js", browser],
  ]) {
    assert.deepEqual(Object.keys(api).sort(), expectedExports, entry);
    for (const name of names) assert.equal(typeof api[name], "function", `${entry}: ${name}`);
    // The bundle is minified; what a user sees in a log or a stack keeps the real names.
    for (const name of expectedExports) assert.equal(api[name].name, name, `${entry}: ${name}.name`);
  }
  const error = (() => {
    try {
      esm.dueDate({});
    } catch (e) {
      return e;
    }
  })();
  assert.match(inspect(error), /^ArrearsError: missing_field at issueDate/);
  assert.match(error.stack, /^ArrearsError: missing_field[^\n]*\n\s+at /);
});

test("Deno (the deno condition) exports every entry point and nothing else", () => {
  writeFileSync(join(app, "deno-exports.js"), 'import * as a from "arrears";\nconsole.log(JSON.stringify(Object.keys(a)));\n');
  const deno = join(root, "node_modules", ".bin", "deno");
  // --no-prompt: any permission the package asked for would fail instead of prompting.
  const out = execFileSync(deno, ["run", "--no-prompt", "--no-lock", "deno-exports.js"], {
    cwd: app,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
    timeout: 60_000,
  });
  assert.deepEqual(JSON.parse(out).sort(), expectedExports);
});

test("workerd (the workerd condition) exports every entry point and nothing else", async (t) => {
  const worker = join(app, "exports-worker.js");
  writeFileSync(
    worker,
    'import * as a from "arrears";\nexport default { fetch: () => Response.json(Object.keys(a)) };\n',
  );
  const workerd = await startWorkerd(t, worker);
  const keys = await (await workerd.request("/")).json();
  assert.deepEqual(keys.sort(), expectedExports);
  await workerd.stop();
});

test("workerd with nodejs_compat, whose process looks like Node's, instantiates through workerd.js", async (t) => {
  // At this date and flag workerd has process.getBuiltinModule, process.versions.node and a
  // node:fs, and refuses to compile wasm from bytes: browser.js must not take it for Node.
  const worker = join(app, "nodejs-compat-worker.js");
  writeFileSync(
    worker,
    `import { dueDate } from "arrears";
export default {
  fetch: () => Response.json({ node: globalThis.process?.versions?.node ?? null, dueDate: dueDate({ issueDate: "2024-01-31", terms: "Net 30" }).dueDate }),
};\n`,
  );
  const workerd = await startWorkerd(t, worker, { compatibilityDate: "2026-07-01", compatibilityFlags: ["nodejs_compat"] });
  const answer = await (await workerd.request("/")).json();
  assert.equal(typeof answer.node, "string", "this workerd's process has no versions.node: the test tests nothing");
  assert.equal(answer.dueDate, "2024-03-01");
  await workerd.stop();
});

test("index.d.ts declares every entry point with its doc and example, and index.d.cts is the same", () => {
  const types = readFileSync(join(installed, "index.d.ts"), "utf8");
  assert.equal(readFileSync(join(installed, "index.d.cts"), "utf8"), types);
  const declared = [...types.matchAll(/^export declare function (\w+)\(/gm)].map((m) => m[1]);
  assert.deepEqual(declared.sort(), [...names, "init", "initSync"].sort());
  for (const { name, doc } of entryPoints) {
    const at = types.indexOf(`export declare function ${name}(`);
    const comment = types.slice(types.lastIndexOf("/**", at), at);
    const lines = comment.split("\n").map((line) => line.replace(/^\s*\*\s?/, ""));
    for (const line of doc.split("\n").filter((l) => l.trim() !== "")) {
      assert.ok(lines.includes(line), `${name}: the doc line ${JSON.stringify(line)} is not in its JSDoc`);
    }
    assert.match(comment, /@example\n \* ```js\n/, `${name} has no example`);
  }
  for (const { code } of errorCodes) assert.ok(types.includes(`| "${code}"`), code);
});

test("every registry example gives the output its // → line shows", async () => {
  const { esm } = await installedPackage();
  for (const { name, doc } of entryPoints) {
    const example = doc.match(/```js\n([\s\S]*?)```/)?.[1];
    assert.ok(example, `${name} has a js example`);
    const [code, shown] = example.split(/^\/\/ → /m);
    assert.ok(shown, `${name}: the example shows its output on a // → line`);
    // Statements, then the expression whose value the // → line shows (statements start
    // their lines; continuation lines are indented).
    const statements = code.trim().replace(/;$/, "").split(/;\n(?=\S)/);
    const last = statements.pop();
    const body = statements.map((statement) => `${statement};\n`).join("") + `return ${last};`;
    const run = new Function(...Object.keys(esm), body);
    const expected = new Function(`return (${shown.trim()});`)();
    assert.deepEqual(run(...Object.values(esm)), expected, name);
  }
});

test("docs/api.md is what `make docs` writes from the registry", () => {
  const docs = readFileSync(join(root, "docs", "api.md"), "utf8");
  assert.ok(docs === apiDocs({ registry: registry() }), "docs/api.md is out of date: run make docs");
});
