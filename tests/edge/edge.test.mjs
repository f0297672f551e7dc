// The installed package in workerd (from the npm package `workerd`): the example worker imports
// it, workerd serves it on a loopback port, the test sends requests and stops workerd.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { root } from "../js/helpers.mjs";
import { startWorkerd } from "./workerd.mjs";

test("workerd serves POST /due-date and /aging-batch with the package", async (t) => {
  const workerd = await startWorkerd(t, join(root, "examples", "edge", "worker.js"));
  const post = (body, path = "/due-date", type = "application/json") =>
    workerd.request(path, { method: "POST", headers: { "content-type": type }, body });
  const postCsv = (body, asOf) => post(body, `/aging-batch?asOf=${asOf}`, "text/csv");

  // Calendar arithmetic: 31 January 2024 + 30 days = 1 March (29 days in February 2024).
  const ok = await post(JSON.stringify({ issueDate: "2024-01-31", terms: "Net 30" }));
  assert.equal(ok.status, 200);
  assert.equal((await ok.json()).dueDate, "2024-03-01");

  const bad = await post(JSON.stringify({ issueDate: "2024-02-30", terms: "Net 30" }));
  assert.equal(bad.status, 400);
  const { error } = await bad.json();
  assert.equal(error.code, "invalid_date");
  assert.equal(error.path, "issueDate");

  const again = await post(JSON.stringify({ issueDate: "2024-01-31", terms: "Net 30" }));
  assert.equal((await again.json()).dueDate, "2024-03-01");

  // Two invoices of acme in EUR as of 2024-03-01: A (due 2024-01-31) is 30 days past due,
  // 29 days of February + 1 -> 1-30; B (due 2024-03-31) is not yet due -> Current.
  const invoicesCsv =
    "id,customerId,issueDate,dueDate,amount,currency\n" +
    "A,acme,2024-01-01,2024-01-31,100.00,EUR\n" +
    "B,acme,2024-03-01,2024-03-31,25.50,EUR\n";
  const aged = await postCsv(invoicesCsv, "2024-03-01");
  assert.equal(aged.status, 200);
  const report = await aged.json();
  assert.equal(report.total, "125.50");
  assert.deepEqual(
    report.buckets.slice(0, 2).map((b) => [b.label, b.amount, b.count]),
    [
      ["Current", "25.50", 1],
      ["1-30", "100.00", 1],
    ],
  );
  const badRow = await postCsv(invoicesCsv.replace("2024-03-31", "2024-02-30"), "2024-03-01");
  assert.equal(badRow.status, 400);
  assert.deepEqual(
    (({ code, path }) => ({ code, path }))((await badRow.json()).error),
    { code: "invalid_date", path: "invoicesCsv:3:dueDate" },
  );

  await workerd.stop();
});
