// Bun (from the npm package `bun`) imports and requires the installed package: its `node`
// condition, browser.js, which instantiates the wasm on load in Bun as in Node (js/node.js).
// The scripts are Deno's (tests/deno/), which use nothing of either runtime.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { app, root } from "../js/helpers.mjs";

const bun = (script) =>
  execFileSync(join(root, "node_modules", ".bin", "bun"), [script], {
    cwd: app,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    timeout: 60_000,
  });
const lastJson = (out) => JSON.parse(out.trim().split("\n").pop());

test("Bun: a value, an error and agingBatch through import", () => {
  copyFileSync(join(root, "tests", "deno", "smoke.js"), join(app, "bun-smoke.mjs"));
  const { value, error, total, buckets } = lastJson(bun("bun-smoke.mjs"));
  // Calendar arithmetic: 31 January 2024 + 30 days = 1 March (29 days in February 2024).
  assert.equal(value, "2024-03-01");
  assert.deepEqual(error, { instance: true, name: "ArrearsError", code: "invalid_date", path: "issueDate" });
  // 100.00 due 2024-01-31 less 30.00 paid on 2024-02-01: 70.00 open, 30 days past due on
  // 2024-03-01, in 1-30.
  assert.equal(total, "70.00");
  assert.deepEqual(buckets, ["0.00", "70.00", "0.00", "0.00", "0.00", "0.00"]);
});

test("Bun: require gives the same instance as import", () => {
  writeFileSync(
    join(app, "bun-require.mjs"),
    `import { createRequire } from "node:module";
import * as esm from "arrears";
const cjs = createRequire(import.meta.url)("arrears");
let same;
try { cjs.dueDate({}); } catch (e) { same = e instanceof esm.ArrearsError; }
console.log(JSON.stringify({ same, value: cjs.dueDate({ issueDate: "2024-02-29", terms: "Net 30" }).dueDate }));\n`,
  );
  // 29 February 2024 + 30 days = 30 March.
  assert.deepEqual(lastJson(bun("bun-require.mjs")), { same: true, value: "2024-03-30" });
});

test("Bun reads time zones through Intl as the native build reads the IANA database", () => {
  copyFileSync(join(root, "tests", "deno", "zones.js"), join(app, "bun-zones.mjs"));
  copyFileSync(join(root, "tests", "fixtures", "strategy", "zones.json"), join(app, "deno-zones.json"));
  const { calls, differing } = lastJson(bun("bun-zones.mjs"));
  assert.ok(calls > 100, `${calls} calls`);
  assert.deepEqual(differing, []);
});
