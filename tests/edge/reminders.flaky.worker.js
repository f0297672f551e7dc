// The reminders worker with one failure injected, for tests/edge/queue.test.mjs: embedded beside
// the modules of examples/edge-reminders (so `./worker.js` is the example's worker). The first
// write of the results of the batch named by FLAKY_BATCH goes through and then throws, as when
// the connection drops after R2 stored the object: the consumer must retry that message, and
// the retry must overwrite the same results. Every delivery of a `decide` message is recorded
// with its attempt number; GET /__deliveries answers them.
import worker from "./worker.js";

const deliveries = {};
let thrown = false;

export default {
  fetch(request, env, ctx) {
    if (new URL(request.url).pathname === "/__deliveries") return Response.json(deliveries);
    return worker.fetch(request, env, ctx);
  },

  scheduled(controller, env, ctx) {
    return worker.scheduled(controller, env, ctx);
  },

  queue(batch, env, ctx) {
    for (const message of batch.messages) {
      if (message.body.kind === "decide") (deliveries[message.body.batch] ??= []).push(message.attempts);
    }
    const decisions = env.DECISIONS;
    const flaky = {
      get: (...args) => decisions.get(...args),
      list: (...args) => decisions.list(...args),
      async put(key, value, options) {
        const stored = await decisions.put(key, value, options);
        if (!thrown && key.endsWith(`/results/${env.FLAKY_BATCH}.json`)) {
          thrown = true;
          throw new Error(`injected: the results of ${env.FLAKY_BATCH} were stored, then the connection dropped`);
        }
        return stored;
      },
    };
    return worker.queue(batch, { ...env, DECISIONS: flaky }, ctx);
  },
};
