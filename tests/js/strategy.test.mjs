// The strategy through the installed package (issue 11): time zones read through Intl give
// the native build's answers, the audit's policy hash is the SHA-256 of the default policy
// as the package writes it, a batch answers as one call per account, and bad input throws
// with code and path and leaves the module usable.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { assertError, installedPackage, root, thrown } from "./helpers.mjs";

const { esm, cjs } = await installedPackage();
const fixture = JSON.parse(readFileSync(join(root, "tests", "fixtures", "strategy", "zones.json"), "utf8"));

const account = (id, timeZone, amount = "500.00") => ({
  id,
  timeZone,
  invoices: [{ id: "A", customerId: id, issueDate: "2025-01-01", dueDate: "2026-03-01", amount, currency: "USD" }],
});

test("Intl in Node gives the native answers of every time-zone call, ESM and CommonJS", () => {
  assert.ok(fixture.calls.length > 100);
  for (const { entry, input, output } of fixture.calls) {
    assert.deepEqual(esm[entry](input), output, JSON.stringify(input));
    assert.deepEqual(cjs[entry](input), output, JSON.stringify(input));
  }
});

test("the policy hash is the SHA-256 of the default policy's JSON", () => {
  const policy = esm.defaultPolicy({});
  const sha256 = createHash("sha256").update(JSON.stringify(policy)).digest("hex");
  const decision = esm.nextAction({ account: account("acme", "Europe/London"), now: "2026-03-02T12:00:00Z" });
  assert.equal(decision.audit.policyHash, sha256);
  // The same policy given explicitly, its keys in reverse order, decides and hashes the same.
  const reversed = Object.fromEntries(Object.entries(policy).reverse());
  const again = esm.nextAction({ policy: reversed, now: "2026-03-02T12:00:00Z", account: account("acme", "Europe/London") });
  assert.deepEqual(again, decision);
});

test("nextActions answers as one nextAction per account", () => {
  const accounts = [account("a", "America/New_York"), account("b", "Asia/Kolkata", "12000.00"), account("c", "Europe/Berlin")];
  const history = [{ accountId: "b", at: "2026-03-02T06:00:00Z", kind: "message", channel: "email", action: "dueDateReminder" }];
  const now = "2026-03-02T12:00:00Z";
  const batch = esm.nextActions({ accounts, history, now });
  accounts.forEach((one, i) => {
    const own = history.filter((h) => h.accountId === one.id).map(({ accountId, ...item }) => item);
    assert.deepEqual(batch.results[i], esm.nextAction({ account: one, history: own, now }));
  });
  // High risk (12,000 open) in Kolkata, the due-date reminder sent: the follow-up by email is
  // 3 days after the due date (1 March), on 4 March, from 08:00 local (UTC+05:30).
  assert.deepEqual([batch.results[1].segment, batch.results[1].action, batch.results[1].at], ["highRisk", "followUp", "2026-03-04T08:00:00+05:30"]);
});

test("bad time zones and instants throw with code and path, and the module stays usable", () => {
  const cases = [
    [{ account: account("a", "Mars/Olympus"), now: "2026-03-02T12:00:00Z" }, "unknown_time_zone", "account.timeZone"],
    [{ account: account("a", "+05:30"), now: "2026-03-02T12:00:00Z" }, "unknown_time_zone", "account.timeZone"],
    [{ account: account("a", "Europe/London"), now: "2026-03-02T12:00:00" }, "invalid_instant", "now"],
    [{ account: account("a", "Europe/London"), now: 1772452800 }, "invalid_type", "now"],
  ];
  for (const [input, code, path] of cases) {
    assertError(thrown(() => esm.nextAction(input)), code, path, esm.ArrearsError);
    assert.equal(esm.nextAction({ account: account("a", "Europe/London"), now: "2026-03-02T12:00:00Z" }).action, "dueDateReminder");
  }
});
