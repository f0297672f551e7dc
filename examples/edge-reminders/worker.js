// The reminders service: a Cloudflare Workers module around arrears (README.md beside this
// directory has the routes, the bindings, the limits and how to deploy it).
//
// - fetch: POST /next-action, /timeline, /quote, /charges, /contact-allowed take the entry
//   point's input as JSON and answer its output; GET /policy/schema, GET /health.
// - scheduled, every 15 minutes: decides the accounts of one batch (ACCOUNTS/batch.json) and
//   writes the reminders due now, with their audit records, to DECISIONS/reminders/<now>.json.
// - scheduled, nightly (PORTFOLIO_CRON): queues every part of the portfolio
//   (ACCOUNTS/portfolio/...) on BATCHES; the queue consumer splits each part into batches by
//   customer, queues them, and decides each batch into DECISIONS/runs/<run>/results/<batch>.json.
import { ArrearsError, charges, contactAllowed, nextAction, quote, timeline } from "arrears";
import manifest from "arrears/package.json";
import policySchema from "arrears/policy.schema.json";
import { PortfolioError, decideBatch, dueReminders, splitPortfolio, stamp } from "./batches.js";

/** The vars of wrangler.jsonc, with the values used when a var is not set. */
const DEFAULTS = {
  REMINDERS_KEY: "batch.json",
  PORTFOLIO_PREFIX: "portfolio/",
  PORTFOLIO_CRON: "0 2 * * *",
  BATCH_SIZE: "1000",
  // The largest request body read, in bytes: larger is 413 (by Content-Length or as read).
  MAX_BODY_BYTES: "262144",
};
const setting = (env, name) => String(env[name] ?? DEFAULTS[name]);

/** POST routes: the path, and the entry point that answers it. */
const ENTRY_POINTS = {
  "/next-action": nextAction,
  "/timeline": timeline,
  "/quote": quote,
  "/charges": charges,
  "/contact-allowed": contactAllowed,
};

const SCHEMA_TEXT = JSON.stringify(policySchema);

/**
 * One decision at startup, which Cloudflare allows a second and bills to no request. The first
 * decision of an isolate loads Intl's time-zone data and compiles the wasm functions a decision
 * reaches: about 20 ms of CPU (bench/README.md, "Edge"), twice the free plan's 10 ms a request,
 * paid here once per isolate instead of by its first request.
 */
function warmUp() {
  const account = {
    id: "warm-up",
    timeZone: "America/New_York",
    invoices: [{ id: "warm-up", customerId: "warm-up", issueDate: "2026-01-01", dueDate: "2026-01-31", amount: "1.00", currency: "USD" }],
  };
  try {
    nextAction({ account, now: "2026-02-02T15:00:00Z" });
  } catch (e) {
    // Only slower: every request still decides on its own.
    console.error(`warm-up: ${e?.stack ?? e}`);
  }
}
warmUp();

/** GET routes. */
const PAGES = {
  "/policy/schema": () =>
    new Response(SCHEMA_TEXT, {
      headers: { "content-type": "application/schema+json", "cache-control": "public, max-age=3600" },
    }),
  "/health": () => Response.json({ status: "ok", version: manifest.version }),
};

export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);
    const entry = ENTRY_POINTS[pathname];
    const page = PAGES[pathname];
    if (!entry && !page) {
      return failure(404, "not_found", `no route ${pathname}: POST ${Object.keys(ENTRY_POINTS).join(", ")}; GET ${Object.keys(PAGES).join(", ")}`);
    }
    const method = entry ? "POST" : "GET";
    if (request.method !== method) {
      return failure(405, "method_not_allowed", `${pathname} takes ${method}`, { allow: method });
    }
    if (page) return page();
    try {
      const input = await readJson(request, Number(setting(env, "MAX_BODY_BYTES")));
      return Response.json(entry(input));
    } catch (e) {
      if (e instanceof BodyError) return failure(e.status, e.code, e.message);
      if (e instanceof ArrearsError && e.code !== "internal") return failure(400, e.code, e.message, {}, e.path);
      console.error(`${pathname}: ${e?.stack ?? e}`);
      return failure(500, "internal", "the service failed; the error is in the Worker's log");
    }
  },

  async scheduled(controller, env) {
    if (controller.cron === setting(env, "PORTFOLIO_CRON")) {
      await startRun(env, controller.scheduledTime);
    } else {
      await remind(env, controller.scheduledTime);
    }
  },

  async queue(batch, env) {
    for (const message of batch.messages) {
      const body = message.body ?? {};
      try {
        if (body.kind === "split") await split(env, body);
        else if (body.kind === "decide") await decide(env, body, message.attempts);
        else throw new PortfolioError(`a message of an unknown kind: ${JSON.stringify(body).slice(0, 200)}`);
        message.ack();
      } catch (e) {
        if (!permanent(e)) {
          // R2 or the queue failed: the same message again later decides the same batch at the
          // same `now`, and overwrites what this attempt may have written.
          console.error(`${body.kind} ${body.batch ?? body.key}, attempt ${message.attempts}: ${e?.stack ?? e}`);
          message.retry();
          continue;
        }
        // Bad input: retrying cannot help. Keep the error where the run's results are.
        const name = body.kind === "decide" ? body.batch : partName(env, String(body.key ?? "message"));
        await put(env.DECISIONS, `runs/${body.run ?? "unknown"}/errors/${name}.json`, { ...body, error: describe(e) });
        message.ack();
      }
    }
  },
};

/**
 * The reminders cron: decides every account of ACCOUNTS/<REMINDERS_KEY> ({ accounts, history?,
 * policy? }) at the scheduled time and writes DECISIONS/reminders/<time>.json:
 * `{ now, source, counts, reminders, errors }`. `counts` says how many accounts were due, due
 * later, had nothing to do, were held (dispute, promise, plan) or stopped (paid, bankruptcy).
 */
async function remind(env, scheduledTime) {
  const now = stamp(scheduledTime);
  const source = setting(env, "REMINDERS_KEY");
  let record;
  try {
    const batch = await readObject(env.ACCOUNTS, source);
    const { results, errors } = decideBatch(batch, now);
    const { reminders, counts } = dueReminders(results, scheduledTime);
    const decided = { accounts: batch.accounts?.length ?? 0, ...counts, errors: Object.keys(errors).length };
    record = { now, source, counts: decided, reminders, errors };
  } catch (e) {
    if (!permanent(e)) throw e;
    record = { now, source, error: describe(e) };
  }
  await put(env.DECISIONS, `reminders/${now}.json`, record);
  console.log(`reminders/${now}.json ${JSON.stringify(record.counts ?? record.error)}`);
  // A bad batch fails the cron, so it shows in the Worker's logs and metrics.
  if (record.error) throw new Error(`reminders at ${now}: ${record.error.message}`);
}

/**
 * The nightly cron: one `split` message per object under ACCOUNTS/<PORTFOLIO_PREFIX>, all
 * decided at the scheduled time (the run's id). DECISIONS/runs/<run>/run.json lists the parts.
 */
async function startRun(env, scheduledTime) {
  const now = stamp(scheduledTime);
  const prefix = setting(env, "PORTFOLIO_PREFIX");
  const keys = [];
  let cursor;
  do {
    const page = await env.ACCOUNTS.list({ prefix, cursor });
    keys.push(...page.objects.map((object) => object.key));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  await put(env.DECISIONS, `runs/${now}/run.json`, { run: now, now, parts: keys });
  await sendAll(env.BATCHES, keys.map((key) => ({ kind: "split", run: now, now, key })));
  console.log(`runs/${now}/run.json: ${keys.length} parts queued`);
}

/**
 * A `split` message: one part of the portfolio into batches by customer, each written to
 * DECISIONS/runs/<run>/batches/<part>.<batch>.json and queued as a `decide` message, and the
 * part's manifest (its batches and their sizes) to DECISIONS/runs/<run>/parts/<part>.json.
 * Run again, it writes the same batches and queues them again: their results are overwritten.
 */
async function split(env, { run, now, key }) {
  const part = partName(env, key);
  const { batches, orphanHistory } = splitPortfolio(await readObject(env.ACCOUNTS, key), batchSize(env));
  const ids = batches.map((b) => `${part}.${b.id}`);
  for (const [i, { accounts, history, policy }] of batches.entries()) {
    await put(env.DECISIONS, `runs/${run}/batches/${ids[i]}.json`, { accounts, history, policy });
  }
  await put(env.DECISIONS, `runs/${run}/parts/${part}.json`, {
    run,
    now,
    key,
    accounts: batches.reduce((sum, b) => sum + b.accounts.length, 0),
    orphanHistory,
    batches: batches.map((b, i) => ({ id: ids[i], accounts: b.accounts.length })),
  });
  await sendAll(env.BATCHES, ids.map((batch) => ({ kind: "decide", run, now, batch })));
  console.log(`runs/${run}/parts/${part}.json: ${ids.length} batches queued`);
}

/**
 * A `decide` message: every account of one batch at the run's `now`, written to
 * DECISIONS/runs/<run>/results/<batch>.json keyed by account id, with the delivery attempt.
 * Decisions are pure and the key is the batch's, so a retry writes the same object again.
 */
async function decide(env, { run, now, batch }, attempts) {
  const input = await readObject(env.DECISIONS, `runs/${run}/batches/${batch}.json`);
  const { results, errors } = decideBatch(input, now);
  const byAccount = {};
  for (const result of results) byAccount[result.accountId] = result;
  await put(env.DECISIONS, `runs/${run}/results/${batch}.json`, {
    run,
    now,
    batch,
    attempts,
    accounts: input.accounts.length,
    decided: results.length,
    results: byAccount,
    errors,
  });
  console.log(`runs/${run}/results/${batch}.json: ${results.length} decided, ${Object.keys(errors).length} set aside, attempt ${attempts}`);
}

function batchSize(env) {
  const size = Number(setting(env, "BATCH_SIZE"));
  if (!Number.isInteger(size) || size < 1) throw new PortfolioError(`BATCH_SIZE is not a whole number: ${size}`);
  return size;
}

/** `portfolio/2026/part-0001.json` under the prefix `portfolio/` → `2026_part-0001`. */
function partName(env, key) {
  const prefix = setting(env, "PORTFOLIO_PREFIX");
  const name = key.startsWith(prefix) ? key.slice(prefix.length) : key;
  return name.replace(/\.json$/, "").replaceAll("/", "_");
}

/** The JSON object at `key` of a bucket; a missing object or one that is not an object is bad input. */
async function readObject(bucket, key) {
  const object = await bucket.get(key);
  if (object === null) throw new PortfolioError(`no object '${key}'`);
  const value = await object.json();
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new PortfolioError(`'${key}' is not a JSON object`);
  }
  return value;
}

function put(bucket, key, value) {
  return bucket.put(key, JSON.stringify(value), { httpMetadata: { contentType: "application/json" } });
}

/** Sends message bodies in groups of 100, the most one `sendBatch` takes. */
async function sendAll(queue, bodies) {
  for (let i = 0; i < bodies.length; i += 100) {
    await queue.sendBatch(bodies.slice(i, i + 100).map((body) => ({ body })));
  }
}

/** Bad input (retrying cannot help), as opposed to a failure of storage or the queue. */
function permanent(e) {
  return (e instanceof ArrearsError && e.code !== "internal") || e instanceof PortfolioError || e instanceof SyntaxError;
}

function describe(e) {
  if (e instanceof ArrearsError) return { code: e.code, path: e.path, message: e.message };
  return { code: e instanceof SyntaxError ? "invalid_input" : "invalid_portfolio", path: "", message: e.message };
}

/** The request body as JSON, read up to `limit` bytes. */
async function readJson(request, limit) {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  const chunks = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new BodyError(400, "invalid_input", "the body is not UTF-8 text");
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new BodyError(400, "invalid_input", `the body is not JSON: ${e.message}`);
  }
}

class BodyError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const tooLarge = (limit) => new BodyError(413, "limit_exceeded", `the body is over ${limit} bytes`);

function failure(status, code, message, headers = {}, path = "") {
  return Response.json({ code, path, message }, { status, headers });
}
