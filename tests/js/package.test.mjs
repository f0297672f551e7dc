// The npm package as a user installs it (npm pack, then npm install of the tarball into a
// scratch project): import and require, values, errors, recovery after an error and a trap.
// Expected values come from outside arrears; each says where.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  app,
  assertError,
  entryPoints,
  installedPackage,
  registry,
  rustLimit,
  root,
  thrown,
  trapModules,
  trapPkg,
  typeScriptErrorCodes,
} from "./helpers.mjs";

const { esm, cjs } = await installedPackage();
const installed = join(app, "node_modules", "arrears");
// The package's own constants, which its entry files do not export (bundled into browser.js).
const shared = await import(pathToFileURL(join(root, "js", "shared.js")).href);
const assertArrearsError = (e, code, path) => assertError(e, code, path, esm.ArrearsError);

/** A Temporal.PlainDate where the runtime has one, else an object with the same toJSON. */
function plainDate(text) {
  if (globalThis.Temporal) return globalThis.Temporal.PlainDate.from(text);
  const [year, month, day] = text.split("-").map(Number);
  return { year, month, day, toJSON: () => text };
}

for (const [style, api] of [
  ["import", esm],
  ["require", cjs],
]) {
  test(`${style}: every entry point of the registry is exported`, () => {
    for (const name of entryPoints()) {
      assert.equal(typeof api[name], "function", name);
    }
    assert.equal(typeof api.init, "function");
    assert.equal(typeof api.ArrearsError, "function");
  });

  test(`${style}: dueDate Net 30 from 2024-01-31 is 2024-03-01`, () => {
    // Calendar arithmetic: 31 January + 30 days = 29 days of February (2024 is a leap year) + 1.
    const out = api.dueDate({ issueDate: "2024-01-31", terms: "Net 30" });
    assert.equal(out.dueDate, "2024-03-01");
    assert.equal(api.dueDate({ issueDate: plainDate("2024-01-31"), terms: "Net 30" }).dueDate, "2024-03-01");
  });

  test(`${style}: holidays from the authorities are not business days`, () => {
    // Federal Reserve holiday schedule: Independence Day, Thursday 4 July 2024.
    assert.equal(api.isBusinessDay({ date: "2024-07-04", calendar: "US" }).businessDay, false);
    assert.equal(api.isBusinessDay({ date: "2024-07-05", calendar: "US" }).businessDay, true);
    // gov.uk bank holidays, England and Wales: summer bank holiday, Monday 26 August 2024.
    assert.equal(api.isBusinessDay({ date: "2024-08-26", calendar: "GB" }).businessDay, false);
    const gb = api.holidays({ calendar: "GB", from: "2024-08-01", to: "2024-08-31" }).holidays;
    assert.deepEqual(
      gb.map((h) => h.date),
      ["2024-08-26"],
    );
  });

  test(`${style}: yearFraction ACT/360 from 2024-01-01 to 2024-07-01 is 182/360`, () => {
    // Days: 31 Jan + 29 Feb + 31 Mar + 30 Apr + 31 May + 30 Jun = 182; ACT/360 divides by 360.
    const { fraction } = api.yearFraction({ start: "2024-01-01", end: "2024-07-01", dayCount: "ACT/360" });
    assert.equal(typeof fraction, "string");
    assert.ok(Math.abs(Number(fraction) - 182 / 360) < 1e-12, fraction);
  });

  test(`${style}: 2/10 Net 30 on 1000.00 paid on day 10 is 980.00`, () => {
    // The terms: 2 % off when paid within 10 days; 1000.00 × 0.98 = 980.00.
    const input = { amount: "1000.00", terms: "2/10 Net 30", issueDate: "2024-01-01", paidOn: "2024-01-11" };
    const out = api.discountedAmount(input);
    assert.equal(out.amount, "980.00");
    assert.equal(out.discount, "20.00");
    // A JS number is read as written, then rounded to two places without a currency:
    // 2 % of 12.5 is 0.25 exactly, so 12.25 is paid.
    assert.deepEqual(api.discountedAmount({ ...input, amount: 12.5 }), { amount: "12.25", discount: "0.25" });
    assert.deepEqual(api.discountedAmount({ ...input, amount: 1000 }), { amount: "980.00", discount: "20.00" });
  });

  test(`${style}: bad input throws ArrearsError with code and path`, () => {
    const due = (input) => thrown(() => api.dueDate(input));
    assertArrearsError(due({ issueDate: "2024-02-30", terms: "Net 30" }), "invalid_date", "issueDate");
    assertArrearsError(due({ terms: "Net 30" }), "missing_field", "issueDate");
    assertArrearsError(due({ issueDate: "2024-01-31", terms: "Net 30", isueDate: 1 }), "unknown_field", "isueDate");
    assertArrearsError(due({ issueDate: "2024-01-31", terms: "Net thirty" }), "invalid_terms", "terms");
    assertArrearsError(due({ issueDate: "2024-01-31", terms: "Net 30", calendar: "XX" }), "unknown_calendar", "calendar");
    const fraction = thrown(() => api.yearFraction({ start: "2024-01-01", end: "2024-07-01", dayCount: "ACT/999" }));
    assertArrearsError(fraction, "unknown_day_count", "dayCount");
  });

  test(`${style}: anything but one plain object is invalid_input`, () => {
    for (const input of ["Net 30", 30, null, undefined, [], [{ issueDate: "2024-01-31" }]]) {
      assertArrearsError(thrown(() => api.dueDate(input)), "invalid_input", "");
    }
    assertArrearsError(thrown(() => api.dueDate({ issueDate: 1n })), "invalid_input", "");
    const cyclic = { terms: "Net 30" };
    cyclic.self = cyclic;
    assertArrearsError(thrown(() => api.dueDate(cyclic)), "invalid_input", "");
  });

  test(`${style}: 5,000-deep nesting is limit_exceeded, and the module keeps working`, () => {
    let deep = [];
    for (let i = 0; i < 5000; i++) deep = [deep];
    const e = thrown(() => api.holidays({ calendar: deep, from: "2024-01-01", to: "2024-12-31" }));
    assertArrearsError(e, "limit_exceeded", "");
    assert.match(e.message, new RegExp(`\\b${rustLimit("MAX_DEPTH")}\\b`), "the message names the limit");
    assert.equal(api.dueDate({ issueDate: "2024-01-31", terms: "Net 30" }).dueDate, "2024-03-01");
  });
}

test("import and require share one instance", () => {
  assert.equal(esm.ArrearsError, cjs.ArrearsError);
  assert.equal(esm.dueDate, cjs.dueDate);
});

test("the error-code union in index.d.ts is the registry's, Rust's ErrorCode list", () => {
  const codes = registry().errorCodes.map((e) => e.code);
  assert.ok(codes.includes("not_initialised") && codes.includes("invalid_number"), codes.join());
  assert.deepEqual(typeScriptErrorCodes(), codes);
});

test("the JS limits equal those of src/limits.rs", () => {
  assert.equal(shared.MAX_DEPTH, rustLimit("MAX_DEPTH"));
  assert.equal(shared.MAX_INPUT_BYTES, rustLimit("MAX_INPUT_BYTES"));
  assert.equal(shared.MAX_INPUT_BYTES, 2 ** 30);
});

test("a text over MAX_INPUT_BYTES in UTF-8 is limit_exceeded, refused in JS", () => {
  // A JS string holds at most 2^29 - 24 UTF-16 units, so only text that is not ASCII can pass
  // 1 GiB in UTF-8: "€" takes 3 bytes, so 2^30 / 3 + 1 of them are over the limit.
  const csv = "€".repeat(Math.floor(shared.MAX_INPUT_BYTES / 3) + 1);
  const e = thrown(() => esm.agingBatch({ asOf: "2024-03-01", invoicesCsv: csv }));
  assertArrearsError(e, "limit_exceeded", "invoicesCsv");
  assert.match(e.message, new RegExp(`${shared.MAX_INPUT_BYTES}`));
  assert.equal(esm.dueDate({ issueDate: "2024-01-31", terms: "Net 30" }).dueDate, "2024-03-01");
});

test("in Node the package's one module instantiates the wasm on load: no init() needed, and init() is harmless", () => {
  // A fresh process, importing browser.js as a file (what the `node` condition resolves to).
  const script = `
    import * as arrears from ${JSON.stringify(pathToFileURL(join(installed, "browser.js")).href)};
    const first = arrears.dueDate({ issueDate: "2024-01-31", terms: "Net 30" }).dueDate;
    await arrears.init();
    arrears.initSync();
    console.log(JSON.stringify({ first, after: arrears.dueDate({ issueDate: "2024-02-29", terms: "Net 30" }).dueDate }));`;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  assert.deepEqual(JSON.parse(out), { first: "2024-03-01", after: "2024-03-30" });
});

test("the browser entry before init() throws not_initialised, then works after initSync (in Deno, which it leaves alone)", () => {
  // Deno has `process` with getBuiltinModule and versions.node, as Node does; browser.js must
  // not instantiate itself there (deno.js does, without read permission), so this is the
  // browser entry as a browser sees it.
  const script = join(app, "deno-before-init.js");
  const url = (file) => JSON.stringify(pathToFileURL(join(installed, file)).href);
  writeFileSync(
    script,
    `import source wasm from ${url("arrears_bg.wasm")};
    import * as arrears from ${url("browser.js")};
    let before;
    try { arrears.dueDate({ issueDate: "2024-01-31", terms: "Net 30" }); } catch (e) {
      before = { arrears: e instanceof arrears.ArrearsError, error: e instanceof Error, code: e.code, path: e.path };
    }
    arrears.initSync({ module: wasm });
    console.log(JSON.stringify({ before, after: arrears.dueDate({ issueDate: "2024-01-31", terms: "Net 30" }).dueDate }));\n`,
  );
  const deno = join(root, "node_modules", ".bin", "deno");
  // --no-prompt: a read of the wasm file by browser.js would fail instead of prompting.
  const out = execFileSync(deno, ["run", "--no-prompt", "--no-lock", script], {
    cwd: app,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
    timeout: 60_000,
  });
  assert.deepEqual(JSON.parse(out), {
    before: { arrears: true, error: true, code: "not_initialised", path: "" },
    after: "2024-03-01",
  });
});

test("a trap throws ArrearsError internal and the next call works", async () => {
  // The test build's modules before bundling (its browser entry, glue and wrappers), with its
  // extra export testTrap wrapped as the package wraps every export.
  const url = (file) => pathToFileURL(join(trapModules, file)).href;
  const api = await import(url("browser.js"));
  const glue = await import(url("glue/web.js"));
  const { wrap } = await import(url("shared.js"));
  api.initSync({ module: readFileSync(join(trapPkg, "arrears_bg.wasm")) });
  const trap = wrap(glue, "testTrap");
  for (let round = 0; round < 3; round++) {
    const e = thrown(() => trap({}));
    assert.ok(e instanceof api.ArrearsError && e instanceof Error);
    assert.equal(e.code, "internal");
    assert.ok(e.cause instanceof WebAssembly.RuntimeError, String(e.cause));
    assert.equal(api.dueDate({ issueDate: "2024-01-31", terms: "Net 30" }).dueDate, "2024-03-01");
  }
});
