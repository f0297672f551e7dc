// Deno (from the npm package `deno`) imports the installed package with no permissions at all
// and gets a value and an ArrearsError.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { app, root } from "../js/helpers.mjs";

test("Deno with no permissions: a value, an error and agingBatch", () => {
  copyFileSync(join(root, "tests", "deno", "smoke.js"), join(app, "deno-smoke.js"));
  const deno = join(root, "node_modules", ".bin", "deno");
  // --no-prompt: any permission the package asked for would fail instead of prompting.
  const out = execFileSync(deno, ["run", "--no-prompt", "--no-lock", "deno-smoke.js"], {
    cwd: app,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
    timeout: 60_000,
  });
  const { value, error, total, buckets } = JSON.parse(out.trim().split("\n").pop());
  // Calendar arithmetic: 31 January 2024 + 30 days = 1 March (29 days in February 2024).
  assert.equal(value, "2024-03-01");
  assert.deepEqual(error, { instance: true, name: "ArrearsError", code: "invalid_date", path: "issueDate" });
  // 100.00 due 2024-01-31 less 30.00 paid on 2024-02-01: 70.00 open, 30 days past due on
  // 2024-03-01 (29 days of February + 1), in 1-30.
  assert.equal(total, "70.00");
  assert.deepEqual(buckets, ["0.00", "70.00", "0.00", "0.00", "0.00", "0.00"]);
});

test("Deno reads time zones through Intl as the native build reads the IANA database", () => {
  copyFileSync(join(root, "tests", "deno", "zones.js"), join(app, "deno-zones.js"));
  copyFileSync(join(root, "tests", "fixtures", "strategy", "zones.json"), join(app, "deno-zones.json"));
  const deno = join(root, "node_modules", ".bin", "deno");
  const out = execFileSync(deno, ["run", "--no-prompt", "--no-lock", "deno-zones.js"], {
    cwd: app,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
    timeout: 60_000,
  });
  const { calls, differing } = JSON.parse(out.trim().split("\n").pop());
  assert.ok(calls > 100, `${calls} calls`);
  assert.deepEqual(differing, []);
});
