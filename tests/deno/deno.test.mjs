// Deno (from the npm package `deno`) imports the installed package with no permissions at all
// and gets a value and an ArrearsError.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { app, root } from "../js/helpers.mjs";

test("Deno with no permissions: a value and an error", () => {
  copyFileSync(join(root, "tests", "deno", "smoke.js"), join(app, "deno-smoke.js"));
  const deno = join(root, "node_modules", ".bin", "deno");
  // --no-prompt: any permission the package asked for would fail instead of prompting.
  const out = execFileSync(deno, ["run", "--no-prompt", "--no-lock", "deno-smoke.js"], {
    cwd: app,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
    timeout: 60_000,
  });
  const { value, error } = JSON.parse(out.trim().split("\n").pop());
  // Calendar arithmetic: 31 January 2024 + 30 days = 1 March (29 days in February 2024).
  assert.equal(value, "2024-03-01");
  assert.deepEqual(error, { instance: true, name: "ArrearsError", code: "invalid_date", path: "issueDate" });
});
