// workerd reads time zones through Intl, as the wasm build does everywhere: every call of
// tests/fixtures/strategy/zones.json answers in workerd what the native build (jiff's IANA
// database) answered.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "../js/helpers.mjs";
import { startWorkerd } from "./workerd.mjs";

const fixture = JSON.parse(readFileSync(join(root, "tests", "fixtures", "strategy", "zones.json"), "utf8"));

test("workerd gives the native answers of every time-zone call", async (t) => {
  const workerd = await startWorkerd(t, join(root, "tests", "edge", "call.worker.js"));
  for (const { entry, input, output } of fixture.calls) {
    const response = await workerd.request(`/${entry}`, { method: "POST", body: JSON.stringify(input) });
    assert.equal(response.status, 200, JSON.stringify(input));
    assert.deepEqual(await response.json(), output, JSON.stringify(input));
  }
  const bad = await workerd.request("/contactAllowed", {
    method: "POST",
    body: JSON.stringify({ channel: "phone", at: "2026-03-02T12:00:00Z", timeZone: "Mars/Olympus" }),
  });
  assert.equal(bad.status, 400);
  assert.deepEqual((({ code, path }) => ({ code, path }))((await bad.json()).error), { code: "unknown_time_zone", path: "timeZone" });
  await workerd.stop();
});
