// The installed package in workerd (from the npm package `workerd`): a module worker imports
// it, workerd serves it on a loopback port, the test sends requests and stops workerd.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, posix } from "node:path";
import { app, root } from "../js/helpers.mjs";

const installed = join(app, "node_modules", "arrears");

/** A free loopback port. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/**
 * The workerd modules for the worker and the package. workerd does not read package.json, so
 * the `workerd` export condition is resolved here as a bundler would, and every module the
 * entry imports is listed under the name its relative import resolves to.
 */
function modules() {
  const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
  const entry = manifest.exports["."].workerd.default;
  // capnp embeds paths relative to the config file, which is written into the scratch app.
  copyFileSync(join(root, "examples", "edge", "worker.js"), join(app, "edge-worker.js"));
  const list = ['(name = "worker.js", esModule = embed "edge-worker.js")'];
  const seen = new Set();
  const add = (file, name) => {
    if (seen.has(file)) return;
    seen.add(file);
    const path = posix.join("node_modules", "arrears", file);
    if (file.endsWith(".wasm")) {
      list.push(`(name = "${name}", wasm = embed "${path}")`);
      return;
    }
    list.push(`(name = "${name}", esModule = embed "${path}")`);
    const source = readFileSync(join(installed, file), "utf8");
    const specifiers = /^(?:import|export)\s(?:[^"';()]*?\sfrom\s*)?["'](\.[^"']+)["']/gm;
    for (const [, spec] of source.matchAll(specifiers)) {
      const target = posix.normalize(posix.join(posix.dirname(file), spec));
      add(target, target);
    }
  };
  add(posix.normalize(entry), "arrears");
  return list;
}

test("workerd serves POST /due-date and /aging-batch with the package", async (t) => {
  const port = await freePort();
  const config = join(app, "workerd.capnp");
  writeFileSync(
    config,
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [
    ${modules().join(",\n    ")}
  ],
  compatibilityDate = "2025-01-01",
);
`,
  );
  const workerd = spawn(join(root, "node_modules", ".bin", "workerd"), ["serve", config], {
    cwd: dirname(config),
    stdio: ["ignore", "inherit", "inherit"],
  });
  t.after(() => workerd.kill("SIGTERM"));
  let running = true;
  const exited = new Promise((resolve) => workerd.on("exit", resolve)).then(() => (running = false));

  const post = (body, path = "/due-date", type = "application/json") =>
    fetch(`http://127.0.0.1:${port}${path}`, { method: "POST", headers: { "content-type": type }, body });
  const postCsv = (body, asOf) => post(body, `/aging-batch?asOf=${asOf}`, "text/csv");
  // Wait for the socket: at most 30 s, every 200 ms.
  let ready = false;
  for (let i = 0; i < 150 && !ready && running; i++) {
    ready = await post("{}").then(
      () => true,
      () => new Promise((resolve) => setTimeout(() => resolve(false), 200)),
    );
  }
  assert.ok(ready, "workerd did not start listening");

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

  workerd.kill("SIGTERM");
  await exited;
});
