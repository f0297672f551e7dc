// examples/edge-reminders in a real workerd on loopback, run from its own workerd.capnp (the
// module list checked against the installed package): every route with good and bad input,
// 50 requests at once against one at a time, and the scheduled handler on the fixture batch
// (through local.js, which stands in for R2 and Queues). The answers are compared with the
// installed package called in Node.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join, relative } from "node:path";
import { app, installedPackage, root } from "../js/helpers.mjs";
import { jsonc, serveWorkerd, workerModules } from "./workerd.mjs";
import { NOW } from "../../examples/edge-reminders/fixtures/portfolio.mjs";

const example = join(root, "examples", "edge-reminders");
const installed = join(app, "node_modules", "arrears");
const { esm } = await installedPackage();
const table = JSON.parse(readFileSync(join(root, "tests", "fixtures", "bad_inputs.json"), "utf8"));
const batch = JSON.parse(readFileSync(join(example, "fixtures", "batch.json"), "utf8"));
const capnp = readFileSync(join(example, "workerd.capnp"), "utf8");

const wrangler = jsonc(readFileSync(join(example, "wrangler.jsonc"), "utf8"));
/** The body limit of wrangler.jsonc (and workerd.capnp). */
const MAX_BODY_BYTES = Number(wrangler.vars.MAX_BODY_BYTES);
const ROUTES = {
  "/next-action": "nextAction",
  "/timeline": "timeline",
  "/quote": "quote",
  "/charges": "charges",
  "/contact-allowed": "contactAllowed",
};

test("workerd.capnp lists the modules the worker imports, the package's as its workerd condition resolves them, and wrangler.jsonc's vars", () => {
  const listed = [...capnp.matchAll(/\(name = "([^"]+)", (\w+) = embed "([^"]+)"\)/g)].map(([, name, type, path]) => ({ name, type, path }));
  const expected = workerModules(join(example, "local.js"), { base: example }).map(({ name, type, file }) => ({
    name,
    type,
    path: file.startsWith(installed) ? `node_modules/arrears/${relative(installed, file)}` : relative(example, file),
  }));
  const byName = (a, b) => a.name.localeCompare(b.name);
  assert.deepEqual([...listed].sort(byName), [...expected].sort(byName));
  assert.equal(listed[0].name, "local.js", "the main module comes first");
  const texts = Object.fromEntries([...capnp.matchAll(/\(name = "(\w+)", text = "([^"]*)"\)/g)].map(([, k, v]) => [k, v]));
  assert.deepEqual(texts, wrangler.vars);
  assert.equal(capnp.match(/compatibilityDate = "([^"]+)"/)[1], wrangler.compatibility_date);
  assert.ok(wrangler.triggers.crons.includes(wrangler.vars.PORTFOLIO_CRON));
});

test("the reminders worker in workerd: routes, bad input, concurrency, the scheduled handler", { timeout: 120_000 }, async (t) => {
  // The example's own config, its embed paths made relative to the scratch app (where the
  // package is installed as node_modules/arrears) and its socket moved to a free port.
  const config = join(app, "edge-reminders.capnp");
  writeFileSync(
    config,
    capnp.replace(/embed "([^"]+)"/g, (_, path) =>
      path.startsWith("node_modules/") ? `embed "${path}"` : `embed "${relative(app, join(example, path))}"`,
    ),
  );
  const workerd = await serveWorkerd(t, config);
  const post = (path, body, init = {}) => workerd.request(path, { method: "POST", body, ...init });
  const json = async (response) => ({ status: response.status, body: await response.json() });

  await t.test("the worker's warm-up decision at startup succeeded", async () => {
    // worker.js decides one account at module scope and logs "warm-up: <error>" if it fails.
    await workerd.request("/health");
    assert.doesNotMatch(workerd.log(), /warm-up/);
  });

  await t.test("GET /health and /policy/schema", async () => {
    const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
    assert.deepEqual(await json(await workerd.request("/health")), { status: 200, body: { status: "ok", version: manifest.version } });
    const schema = await workerd.request("/policy/schema");
    assert.equal(schema.status, 200);
    assert.equal(schema.headers.get("content-type"), "application/schema+json");
    assert.deepEqual(await schema.json(), JSON.parse(readFileSync(join(installed, manifest.exports["./policy.schema.json"]), "utf8")));
  });

  await t.test("each POST route answers what the package answers in Node", async () => {
    const inputs = Object.fromEntries(Object.values(ROUTES).map((entry) => [entry, table.good[entry]]));
    // One account of the fixture batch with its history, too.
    const account = batch.accounts[2];
    const history = batch.history.filter((item) => item.accountId === account.id).map(({ accountId, ...item }) => item);
    for (const [path, entry, input] of [
      ...Object.entries(ROUTES).map(([path, entry]) => [path, entry, inputs[entry]]),
      ["/next-action", "nextAction", { account, history, now: NOW }],
      ["/timeline", "timeline", { account, history, now: NOW, until: "2026-12-31T00:00:00Z" }],
    ]) {
      const response = await post(path, JSON.stringify(input), { headers: { "content-type": "application/json" } });
      assert.deepEqual(await json(response), { status: 200, body: esm[entry](input) }, `${path} ${JSON.stringify(input).slice(0, 200)}`);
      assert.equal(response.headers.get("content-type"), "application/json");
    }
  });

  await t.test("every bad input of the table for the five entry points is 400 with the package's code and path", async () => {
    const entries = new Set(Object.values(ROUTES));
    const path = Object.fromEntries(Object.entries(ROUTES).map(([p, entry]) => [entry, p]));
    const rows = table.bad.filter((row) => entries.has(row.entry));
    let sent = 0;
    for (const row of rows) {
      // A raw text that is JSON (a number written 1e3) reaches the package as the number
      // JSON.parse made of it: those rows are the Rust API's only.
      if ("text" in row && isJson(row.text)) continue;
      const body = "text" in row ? row.text : JSON.stringify(row.input);
      const answer = await json(await post(path[row.entry], body));
      // What the installed package throws in Node for the same input (the table's code and
      // path, unless the table is ahead of the build); text that is no JSON is invalid_input.
      const e = "text" in row ? { code: "invalid_input", path: "" } : thrown(() => esm[row.entry](row.input));
      assert.deepEqual(
        { status: answer.status, code: answer.body.code, path: answer.body.path },
        { status: 400, code: e.code, path: e.path },
        `${row.entry} ${body.slice(0, 200)}`,
      );
      assert.ok(answer.body.message.length > 0);
      sent++;
    }
    assert.ok(sent >= 60, `only ${sent} rows`);
  });

  await t.test("bodies that are not JSON objects are 400 with the package's code and path, never 500", async () => {
    for (const body of [
      "",
      "not json",
      "{",
      "[]",
      "null",
      '"text"',
      "42",
      "true",
      "{}",
      new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), // not UTF-8
      JSON.stringify({ account: 5, now: NOW }),
      JSON.stringify({ asOf: [], invoices: {}, history: "x" }),
      "[".repeat(100) + "]".repeat(100),
      `{"a":${"[".repeat(50)}${"]".repeat(50)}}`,
    ]) {
      for (const [path, entry] of Object.entries(ROUTES)) {
        const answer = await json(await post(path, body));
        const text = typeof body === "string" ? body : "(bytes)";
        // What the package throws for the parsed body; a body that is no JSON text is invalid_input.
        const e = typeof body === "string" && isJson(body) ? thrown(() => esm[entry](JSON.parse(body))) : { code: "invalid_input", path: "" };
        assert.deepEqual(
          { status: answer.status, code: answer.body.code, path: answer.body.path },
          { status: 400, code: e.code, path: e.path },
          `${path} ${text.slice(0, 40)}`,
        );
        assert.ok(answer.body.message.length > 0);
      }
    }
    const { body } = await json(await post("/next-action", JSON.stringify({ now: NOW })));
    assert.deepEqual([body.code, body.path], ["missing_field", "account"]);
  });

  await t.test("a wrong method is 405 with Allow; another path is 404", async () => {
    for (const [method, path, allow] of [
      ["GET", "/next-action", "POST"],
      ["PUT", "/quote", "POST"],
      ["DELETE", "/charges", "POST"],
      ["GET", "/timeline", "POST"],
      ["PATCH", "/contact-allowed", "POST"],
      ["POST", "/health", "GET"],
      ["POST", "/policy/schema", "GET"],
    ]) {
      const response = await workerd.request(path, { method, body: method === "GET" ? undefined : "{}" });
      assert.equal(response.status, 405, `${method} ${path}`);
      assert.equal(response.headers.get("allow"), allow);
      assert.equal((await response.json()).code, "method_not_allowed");
    }
    for (const [method, path] of [
      ["GET", "/"],
      ["POST", "/nextAction"],
      ["POST", "/next-action/"],
      ["GET", "/health/more"],
      ["GET", "/policy"],
      ["POST", "/__objects"],
    ]) {
      const response = await workerd.request(path, { method, body: method === "GET" ? undefined : "{}" });
      assert.equal(response.status, 404, `${method} ${path}`);
      assert.equal((await response.json()).code, "not_found");
    }
  });

  await t.test("a body over MAX_BODY_BYTES is 413, by Content-Length or by the bytes read", async () => {
    const input = JSON.stringify({ channel: "email", at: "2026-03-09T12:00:00-04:00", timeZone: "America/New_York" });
    const padded = (size) => input + " ".repeat(size - input.length);
    // Exactly the limit is read and answered.
    const atLimit = await json(await post("/contact-allowed", padded(MAX_BODY_BYTES)));
    assert.deepEqual(atLimit, { status: 200, body: esm.contactAllowed(JSON.parse(input)) });
    // One byte more, with its Content-Length: refused before it is read.
    const over = await json(await post("/contact-allowed", padded(MAX_BODY_BYTES + 1)));
    assert.deepEqual(over.status, 413);
    assert.deepEqual([over.body.code, over.body.path], ["limit_exceeded", ""]);
    assert.match(over.body.message, new RegExp(`over ${MAX_BODY_BYTES} bytes`));
    // Streamed without a Content-Length: refused once the bytes read pass the limit. The
    // worker stops reading, so a client still sending may see its write fail after the
    // answer: node:http gives the answer as it arrives (fetch would reject the whole request).
    const streamed = await new Promise((resolve, reject) => {
      const request = httpRequest({ host: "127.0.0.1", port: workerd.port, path: "/contact-allowed", method: "POST" });
      request.on("response", (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (part) => (text += part));
        response.on("end", () => resolve({ status: response.statusCode, body: JSON.parse(text) }));
        response.on("error", reject);
      });
      // A write cut short by the worker: the answer, when it came, decides.
      request.on("error", (e) => setTimeout(() => reject(e), 2000));
      request.write(input);
      const chunk = " ".repeat(64 * 1024);
      for (let i = 0; i * chunk.length <= MAX_BODY_BYTES; i++) request.write(chunk);
      request.end();
    });
    assert.deepEqual([streamed.status, streamed.body.code], [413, "limit_exceeded"]);
  });

  await t.test("50 requests at once answer as one at a time", async () => {
    const requests = batch.accounts.slice(0, 20).flatMap((account) => {
      const history = batch.history.filter((item) => item.accountId === account.id).map(({ accountId, ...item }) => item);
      return [
        ["/next-action", { account, history, now: NOW }],
        ["/timeline", { account, history, now: NOW, until: "2026-09-01T00:00:00Z" }],
      ];
    });
    requests.push(
      ...Object.entries(ROUTES).map(([path, entry]) => [path, table.good[entry]]),
      ["/next-action", { account: { id: "x", timeZone: "Mars/Olympus", invoices: [] }, now: NOW }],
      ["/quote", { asOf: "2024-02-30" }],
      ["/charges", "not json"],
      ["/health"],
      ["/policy/schema"],
    );
    assert.equal(requests.length, 50);
    const send = ([path, input]) =>
      input === undefined
        ? workerd.request(path).then(json)
        : post(path, typeof input === "string" ? input : JSON.stringify(input)).then(json);
    const sequential = [];
    for (const request of requests) sequential.push(await send(request));
    const concurrent = await Promise.all(requests.map(send));
    assert.deepEqual(concurrent, sequential);
    assert.deepEqual(
      sequential.map((a) => a.status),
      [...Array(45).fill(200), 400, 400, 400, 200, 200],
    );
  });

  await t.test("the scheduled handler decides the fixture batch and writes the reminders due now", async () => {
    const { results } = esm.nextActions({ ...batch, now: NOW });
    for (const time of [NOW, "2026-03-10T22:00:00Z"]) {
      const run = await (await workerd.request(`/__scheduled?cron=${encodeURIComponent("*/15 * * * *")}&time=${time}`)).json();
      assert.deepEqual(run, { outcome: "ok", written: [`reminders/${time}.json`] });
      const written = await (await workerd.request(`/__objects/DECISIONS/reminders/${time}.json`)).json();
      // Decided at the scheduled time, not at `NOW`: the later run sees later actions due.
      const decided = time === NOW ? results : esm.nextActions({ ...batch, now: time }).results;
      const due = decided.filter((r) => r.standing === "active" && r.action && Date.parse(r.at) <= Date.parse(time));
      const count = (standing) => decided.filter((r) => r.standing === standing).length;
      assert.deepEqual(written.counts, {
        accounts: batch.accounts.length,
        due: due.length,
        later: decided.filter((r) => r.standing === "active" && r.action && Date.parse(r.at) > Date.parse(time)).length,
        nothingToDo: decided.filter((r) => r.standing === "active" && !r.action).length,
        held: count("held"),
        stopped: count("stopped"),
        errors: 0,
      });
      assert.deepEqual(
        written.reminders,
        due.map(({ accountId, action, channel, template, at, segment, audit }) => ({ accountId, action, channel, template, at, segment, audit })),
      );
      assert.deepEqual(written.errors, {});
      assert.equal(written.now, time);
    }
    // The fixture has accounts of every kind: due now, due later, held and stopped.
    const { counts } = await (await workerd.request(`/__objects/DECISIONS/reminders/${NOW}.json`)).json();
    assert.ok(counts.due > 0 && counts.later > 0 && counts.held > 0 && counts.stopped > 0, JSON.stringify(counts));
  });

  await t.test("the nightly cron decides the portfolio through the queue, as one nextActions call does", async () => {
    const run = await (await workerd.request(`/__scheduled?cron=${encodeURIComponent("0 2 * * *")}&time=${NOW}`)).json();
    assert.equal(run.outcome, "ok");
    const results = run.written.filter((key) => key.includes("/results/"));
    assert.equal(results.length, 1); // 24 accounts: one batch
    const decided = await (await workerd.request(`/__objects/DECISIONS/${results[0]}`)).json();
    const expected = Object.fromEntries(esm.nextActions({ ...batch, now: NOW }).results.map((r) => [r.accountId, r]));
    assert.deepEqual(decided.results, expected);
    assert.equal(decided.attempts, 1);
  });

  await t.test("the README's curl examples give the outputs it shows", async () => {
    const readme = readFileSync(join(example, "README.md"), "utf8");
    const examples = [...readme.matchAll(/```sh\n([^`]*?)```\s*```json\n([^`]*?)```/g)];
    assert.ok(examples.length >= 6, `${examples.length} examples`);
    for (const [, command, output] of examples) {
      assert.deepEqual(await runCurl(command.trim(), workerd.request), JSON.parse(output), command);
    }
  });

  await t.test("a bad account is set aside with its error; a batch that is not JSON fails the cron", async () => {
    const put = (key, body) => workerd.request(`/__objects/ACCOUNTS/${key}`, { method: "PUT", body });
    const four = batch.accounts.slice(0, 4);
    const bad = {
      ...batch,
      accounts: [...four.slice(0, 3), { ...four[3], timeZone: "Mars/Olympus" }],
      // nextActions refuses history of an account not in the call.
      history: batch.history.filter((item) => four.some((account) => account.id === item.accountId)),
    };
    assert.equal((await put("batch.json", JSON.stringify(bad))).status, 204);
    const time = "2026-03-11T14:00:00Z";
    assert.equal((await (await workerd.request(`/__scheduled?time=${time}`)).json()).outcome, "ok");
    const written = await (await workerd.request(`/__objects/DECISIONS/reminders/${time}.json`)).json();
    const e = thrown(() => esm.nextActions({ ...bad, now: time }));
    assert.equal(e.path, "accounts[3].timeZone");
    assert.deepEqual(written.errors, { [batch.accounts[3].id]: { code: "unknown_time_zone", path: "timeZone", message: e.message } });
    assert.deepEqual([written.counts.accounts, written.counts.errors], [4, 1]);
    const history = bad.history.filter((item) => item.accountId !== four[3].id);
    const rest = esm.nextActions({ ...bad, accounts: bad.accounts.slice(0, 3), history, now: time }).results;
    assert.equal(written.reminders.length, rest.filter((r) => r.action && Date.parse(r.at) <= Date.parse(time)).length);
    assert.equal((await put("batch.json", "not json")).status, 204);
    const failed = await (await workerd.request(`/__scheduled?time=2026-03-11T14:15:00Z`)).json();
    assert.equal(failed.outcome, "exception");
    const record = await (await workerd.request(`/__objects/DECISIONS/reminders/2026-03-11T14:15:00Z.json`)).json();
    assert.equal(record.error.code, "invalid_input");
  });

  await workerd.stop();
});

/**
 * Runs a README example: `curl -s [-X METHOD] [-d DATA] URL` on localhost:8787, optionally
 * piped into `jq -c FILTER` with FILTER `.a.b` or `{a, b}`: the only forms the README uses.
 */
async function runCurl(command, request) {
  const [curl, jq] = command.split(/ \| (?=jq )/).map(words);
  assert.equal(curl[0], "curl", command);
  let method;
  let body;
  let url;
  for (let i = 1; i < curl.length; i++) {
    if (curl[i] === "-s") continue;
    if (curl[i] === "-X") method = curl[++i];
    else if (curl[i] === "-d") body = curl[++i];
    else if (!curl[i].startsWith("-") && url === undefined) url = curl[i];
    else assert.fail(`${command}: the test does not know ${curl[i]}`);
  }
  const { pathname, search } = new URL(url.startsWith("http") ? url : `http://${url}`);
  const response = await request(`${pathname}${search}`, { method: method ?? (body === undefined ? "GET" : "POST"), body });
  let value = await response.json();
  if (jq) {
    assert.deepEqual(jq.slice(0, 2), ["jq", "-c"], command);
    const filter = jq[2];
    const fields = /^\{([\w, ]+)\}$/.exec(filter);
    if (fields) value = Object.fromEntries(fields[1].split(",").map((f) => f.trim()).map((f) => [f, value[f]]));
    else if (/^(\.\w+)+$/.test(filter)) for (const key of filter.slice(1).split(".")) value = value[key];
    else assert.fail(`${command}: the test does not know the jq filter ${filter}`);
  }
  return value;
}

/** Shell words: spaces separate, single and double quotes group (no escapes inside). */
function words(text) {
  return [...text.trim().matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

function thrown(call) {
  try {
    call();
  } catch (e) {
    return e;
  }
  assert.fail("expected an ArrearsError");
}

function isJson(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
