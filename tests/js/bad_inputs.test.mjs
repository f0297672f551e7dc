// The bad-input table shared with the Rust tests (tests/fixtures/bad_inputs.json) through the
// installed package: each row's input throws an ArrearsError with the row's code and path, and
// the good call of its entry point still works after it. Rows given as raw `text` hold what a JS
// caller cannot send (text that is not JSON, a number written `1e3`), so they are Rust's only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { installedPackage, root } from "./helpers.mjs";

const { esm } = await installedPackage();
const table = JSON.parse(readFileSync(join(root, "tests", "fixtures", "bad_inputs.json"), "utf8"));

test("every bad input of the table gives its code and path, and the good call still works", () => {
  const rows = table.bad.filter((row) => "input" in row);
  assert.ok(rows.length >= 100, `only ${rows.length} rows with an input`);
  for (const row of rows) {
    const what = `${row.entry} ${JSON.stringify(row.input)}${row.note ? ` (${row.note})` : ""}`;
    assert.throws(
      () => esm[row.entry](row.input),
      (e) => e instanceof esm.ArrearsError && e.code === row.code && e.path === row.path,
      what,
    );
    assert.doesNotThrow(() => esm[row.entry](table.good[row.entry]), `the good call after ${what}`);
  }
});
