// examples/edge-reminders past one machine, in miniflare (which runs the worker in workerd and
// simulates R2 and Queues) with the buckets, queue and vars of its wrangler.jsonc: a seeded
// portfolio of 10,000 accounts in two parts goes through the nightly cron, the producer's split
// into batches by customer and the consumer's decisions. Every account must be decided exactly
// once, a batch whose write fails once must be retried and still counted once, and the results
// must equal one `nextActions` call over the whole portfolio in Node. Also the reminders cron
// on the fixture batch with R2 simulated.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Miniflare } from "miniflare";
import { installedPackage, root } from "../js/helpers.mjs";
import { jsonc, workerModules } from "./workerd.mjs";
import { NOW, portfolio } from "../../examples/edge-reminders/fixtures/portfolio.mjs";

const example = join(root, "examples", "edge-reminders");
const wrangler = jsonc(readFileSync(join(example, "wrangler.jsonc"), "utf8"));
const { esm } = await installedPackage();
const ACCOUNTS = 10_000;
/** The batch whose results write fails once (the second of part 2). */
const FLAKY_BATCH = "part-0002.b1";

/** The worker's modules for miniflare: the flaky wrapper first, then the example's, by name. */
function modules() {
  const list = [
    { name: "reminders.flaky.worker.js", type: "esModule", file: join(root, "tests", "edge", "reminders.flaky.worker.js") },
    ...workerModules(join(example, "worker.js"), { base: example }),
  ];
  return list.map(({ name, type, file }) => {
    const path = join(example, name); // miniflare names a module by its path under modulesRoot
    if (type === "wasm") return { type: "CompiledWasm", path, contents: readFileSync(file) };
    // miniflare has no JSON modules: a module whose default export is the value does the same.
    if (type === "json") return { type: "ESModule", path, contents: `export default ${readFileSync(file, "utf8")};\n` };
    return { type: "ESModule", path, contents: readFileSync(file, "utf8") };
  });
}

test("10,000 accounts through Cloudflare Queues in miniflare: each decided once, as one nextActions call", { timeout: 180_000 }, async (t) => {
  const consumer = wrangler.queues.consumers[0];
  const mf = new Miniflare({
    modulesRoot: example,
    modules: modules(),
    compatibilityDate: wrangler.compatibility_date,
    bindings: { ...wrangler.vars, FLAKY_BATCH },
    r2Buckets: Object.fromEntries(wrangler.r2_buckets.map((b) => [b.binding, b.bucket_name])),
    queueProducers: Object.fromEntries(wrangler.queues.producers.map((p) => [p.binding, { queueName: p.queue }])),
    queueConsumers: {
      [consumer.queue]: {
        maxBatchSize: consumer.max_batch_size,
        // wrangler.jsonc waits up to 5 s to fill a batch of messages; here 50 ms, so the test
        // does not wait on partial batches.
        maxBatchTimeout: 0.05,
        maxRetries: consumer.max_retries,
        deadLetterQueue: consumer.dead_letter_queue,
      },
    },
  });
  t.after(() => mf.dispose());
  const worker = await mf.getWorker();
  const accountsBucket = await mf.getR2Bucket("ACCOUNTS");
  const decisions = await mf.getR2Bucket("DECISIONS");
  const read = async (key) => (await decisions.get(key))?.json();
  const keys = async (prefix) => {
    const found = [];
    let cursor;
    do {
      const page = await decisions.list({ prefix, cursor });
      found.push(...page.objects.map((o) => o.key));
      cursor = page.truncated ? page.cursor : undefined;
    } while (cursor);
    return found.sort();
  };

  // The portfolio, seeded, in two parts of 5,000 accounts, each with its accounts' history.
  const whole = portfolio({ accounts: ACCOUNTS, seed: 1 });
  const zones = new Set(whole.accounts.map((a) => a.timeZone));
  assert.ok(zones.size >= 8, `${zones.size} time zones`);
  const half = ACCOUNTS / 2;
  for (const [i, accounts] of [whole.accounts.slice(0, half), whole.accounts.slice(half)].entries()) {
    const ids = new Set(accounts.map((a) => a.id));
    const history = whole.history.filter((item) => ids.has(item.accountId));
    await accountsBucket.put(`portfolio/part-000${i + 1}.json`, JSON.stringify({ accounts, history }));
  }

  // The nightly cron at NOW: the run is named after its scheduled time.
  const started = performance.now();
  const cron = await worker.scheduled({ cron: wrangler.vars.PORTFOLIO_CRON, scheduledTime: new Date(NOW) });
  assert.equal(cron.outcome, "ok");
  const run = `runs/${NOW}`;
  assert.deepEqual(await read(`${run}/run.json`), { run: NOW, now: NOW, parts: ["portfolio/part-0001.json", "portfolio/part-0002.json"] });

  // Let the consumer drain the queue: every batch of both parts' manifests has its results,
  // and the flaky batch its retry. At most 120 s, polled every 250 ms.
  let batches;
  for (;;) {
    const parts = await Promise.all((await keys(`${run}/parts/`)).map(read));
    batches = parts.flatMap((part) => part.batches);
    const results = await keys(`${run}/results/`);
    const flaky = results.includes(`${run}/results/${FLAKY_BATCH}.json`) ? await read(`${run}/results/${FLAKY_BATCH}.json`) : undefined;
    if (parts.length === 2 && results.length === batches.length && flaky?.attempts === 2) break;
    assert.ok(performance.now() - started < 120_000, `the queue did not drain: ${results.length} of ${batches.length} batches`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const drained = performance.now() - started;

  // The split: several batches, none over BATCH_SIZE, 10,000 accounts in all, no errors.
  const batchSize = Number(wrangler.vars.BATCH_SIZE);
  assert.ok(batches.length >= 6, `${batches.length} batches`);
  assert.ok(batches.every((b) => b.accounts > 0 && b.accounts <= batchSize));
  assert.equal(batches.reduce((sum, b) => sum + b.accounts, 0), ACCOUNTS);
  assert.ok(batches.some((b) => b.id === FLAKY_BATCH));
  assert.deepEqual(await keys(`${run}/errors/`), []);

  // Each account decided exactly once: in one results object, under its id.
  const decidedIn = new Map();
  const decided = {};
  for (const key of await keys(`${run}/results/`)) {
    const object = await read(key);
    assert.equal(object.now, NOW);
    assert.deepEqual(object.errors, {});
    assert.equal(object.decided, object.accounts);
    assert.equal(Object.keys(object.results).length, object.accounts);
    assert.equal(object.attempts, object.batch === FLAKY_BATCH ? 2 : 1, object.batch);
    for (const [id, result] of Object.entries(object.results)) {
      assert.ok(!decidedIn.has(id), `${id} decided in ${decidedIn.get(id)} and ${object.batch}`);
      decidedIn.set(id, object.batch);
      decided[id] = result;
    }
  }
  assert.equal(decidedIn.size, ACCOUNTS);

  // Every batch delivered once, but the flaky one: delivered twice (attempts 1 and 2), its
  // results overwritten, not added.
  const deliveries = await (await worker.fetch("http://reminders/__deliveries")).json();
  assert.deepEqual(
    Object.fromEntries(Object.entries(deliveries).sort()),
    Object.fromEntries(batches.map((b) => [b.id, b.id === FLAKY_BATCH ? [1, 2] : [1]]).sort()),
  );

  // The results equal one nextActions call over the whole portfolio, in Node.
  const one = esm.nextActions({ ...whole, now: NOW });
  assert.equal(one.results.length, ACCOUNTS);
  for (const result of one.results) assert.deepEqual(decided[result.accountId], result, result.accountId);
  const standings = {};
  for (const r of one.results) standings[r.standing] = (standings[r.standing] ?? 0) + 1;
  assert.ok(standings.active && standings.held && standings.stopped, JSON.stringify(standings));
  t.diagnostic(`${batches.length} batches, drained in ${(drained / 1000).toFixed(1)} s; ${JSON.stringify(standings)}`);
});

test("the reminders cron on the fixture batch with R2 simulated", { timeout: 60_000 }, async (t) => {
  const batch = readFileSync(join(example, "fixtures", "batch.json"), "utf8");
  const mf = new Miniflare({
    modulesRoot: example,
    modules: modules(),
    compatibilityDate: wrangler.compatibility_date,
    bindings: { ...wrangler.vars, FLAKY_BATCH: "none" },
    r2Buckets: Object.fromEntries(wrangler.r2_buckets.map((b) => [b.binding, b.bucket_name])),
    queueProducers: Object.fromEntries(wrangler.queues.producers.map((p) => [p.binding, { queueName: p.queue }])),
  });
  t.after(() => mf.dispose());
  await (await mf.getR2Bucket("ACCOUNTS")).put(wrangler.vars.REMINDERS_KEY, batch);
  const worker = await mf.getWorker();
  assert.equal((await worker.scheduled({ cron: "*/15 * * * *", scheduledTime: new Date(NOW) })).outcome, "ok");
  const written = await (await (await mf.getR2Bucket("DECISIONS")).get(`reminders/${NOW}.json`)).json();
  const { results } = esm.nextActions({ ...JSON.parse(batch), now: NOW });
  const due = results.filter((r) => r.standing === "active" && r.action && Date.parse(r.at) <= Date.parse(NOW));
  const count = (standing) => results.filter((r) => r.standing === standing).length;
  assert.deepEqual(written.counts, {
    accounts: 24,
    due: due.length,
    later: results.filter((r) => r.standing === "active" && r.action && Date.parse(r.at) > Date.parse(NOW)).length,
    nothingToDo: results.filter((r) => r.standing === "active" && !r.action).length,
    held: count("held"),
    stopped: count("stopped"),
    errors: 0,
  });
  assert.deepEqual(written.reminders.map((r) => [r.accountId, r.action, r.at, r.audit.inputHash]), due.map((r) => [r.accountId, r.action, r.at, r.audit.inputHash]));
  // A cron with no batch to read fails, and says why.
  await (await mf.getR2Bucket("ACCOUNTS")).delete(wrangler.vars.REMINDERS_KEY);
  const later = new Date(Date.parse(NOW) + 15 * 60_000);
  assert.equal((await worker.scheduled({ cron: "*/15 * * * *", scheduledTime: later })).outcome, "exception");
  const failed = await (await (await mf.getR2Bucket("DECISIONS")).get(`reminders/${later.toISOString().replace(".000Z", "Z")}.json`)).json();
  assert.deepEqual(failed.error, { code: "invalid_portfolio", path: "", message: "no object 'batch.json'" });
});
