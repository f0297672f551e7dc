// The worker in plain workerd (workerd.capnp), which has no R2 and no Queues of its own: this
// module gives worker.js in-memory stand-ins for its bindings, the two R2 buckets holding
// fixtures/batch.json (as ACCOUNTS/batch.json and ACCOUNTS/portfolio/part-0001.json) and a
// queue delivered to the worker's own consumer, and adds three local routes:
//
//   GET /__scheduled?cron=<cron>&time=<RFC 3339 or ms>   runs the scheduled handler at that
//       time (default now), then the queue until it is empty; answers what was written
//   GET /__objects/<ACCOUNTS|DECISIONS>/<key>            an object of a bucket
//   PUT /__objects/<ACCOUNTS|DECISIONS>/<key>            writes one (a batch, a portfolio part)
//
// Every other request goes to the worker as it is. Wrangler (`wrangler dev`) simulates R2 and
// Queues instead; this is for workerd alone.
import worker from "./worker.js";
import fixture from "./fixtures/batch.json";

/** The subset of an R2 bucket the worker uses: get, put, list. */
class MemoryBucket {
  objects = new Map();
  written = [];

  async get(key) {
    const text = this.objects.get(key);
    if (text === undefined) return null;
    return { key, size: text.length, text: async () => text, json: async () => JSON.parse(text) };
  }

  async put(key, value) {
    this.objects.set(key, typeof value === "string" ? value : await new Response(value).text());
    this.written.push(key);
  }

  async list({ prefix = "" } = {}) {
    const keys = [...this.objects.keys()].filter((key) => key.startsWith(prefix)).sort();
    return { objects: keys.map((key) => ({ key })), truncated: false };
  }
}

/** A queue whose messages wait here until `drain` delivers them to the worker's consumer. */
class MemoryQueue {
  pending = [];
  sequence = 0;

  async send(body) {
    this.pending.push({ id: String(++this.sequence), body, attempts: 1 });
  }

  async sendBatch(messages) {
    for (const { body } of messages) await this.send(body);
  }

  /** Delivers batches of up to 10 messages until none is left; a retried message comes back, at most 3 times. */
  async drain(env, ctx) {
    while (this.pending.length) {
      const taken = this.pending.splice(0, 10);
      const messages = taken.map((m) => ({
        id: m.id,
        timestamp: new Date(),
        body: m.body,
        attempts: m.attempts,
        ack() {},
        retry: () => {
          if (m.attempts < 4) this.pending.push({ ...m, attempts: m.attempts + 1 });
        },
      }));
      await worker.queue({ queue: "arrears-batches", messages, ackAll() {}, retryAll() {} }, env, ctx);
    }
  }
}

const ACCOUNTS = new MemoryBucket();
const DECISIONS = new MemoryBucket();
const BATCHES = new MemoryQueue();
const text = JSON.stringify(fixture);
ACCOUNTS.objects.set("batch.json", text);
ACCOUNTS.objects.set("portfolio/part-0001.json", text);
const buckets = { ACCOUNTS, DECISIONS };

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    const local = { ...env, ACCOUNTS, DECISIONS, BATCHES };
    if (url.pathname === "/__scheduled") {
      const time = url.searchParams.get("time");
      const scheduledTime = time === null ? Date.now() : /^\d+$/.test(time) ? Number(time) : Date.parse(time);
      const cron = url.searchParams.get("cron") ?? "*/15 * * * *";
      if (Number.isNaN(scheduledTime)) return Response.json({ error: `not an instant: ${time}` }, { status: 400 });
      const before = DECISIONS.written.length;
      let outcome = "ok";
      let error;
      try {
        await worker.scheduled({ cron, scheduledTime, noRetry() {} }, local, ctx);
        await BATCHES.drain(local, ctx);
      } catch (e) {
        outcome = "exception";
        error = e.message;
      }
      return Response.json({ outcome, error, written: DECISIONS.written.slice(before) });
    }
    const object = /^\/__objects\/(ACCOUNTS|DECISIONS)\/(.+)$/.exec(url.pathname);
    if (object) {
      const [, name, key] = object;
      if (request.method === "PUT") {
        await buckets[name].put(decodeURIComponent(key), await request.text());
        return new Response(null, { status: 204 });
      }
      const found = await buckets[name].get(decodeURIComponent(key));
      if (found === null) return Response.json({ error: `no object ${key} in ${name}` }, { status: 404 });
      return new Response(await found.text(), { headers: { "content-type": "application/json" } });
    }
    return worker.fetch(request, local, ctx);
  },
};
