# The reminders worker in plain workerd, on http://127.0.0.1:8787, with the in-memory buckets
# and queue of local.js holding fixtures/batch.json (README.md, "Run it locally"):
#
#   npm install                          # arrears into node_modules (the paths below)
#   npx workerd serve workerd.capnp
#
# workerd does not read package.json: the modules are listed here as a bundler would resolve
# them, the package's through its `workerd` export condition. tests/edge/reminders.test.mjs
# runs this file and checks the list against the installed package.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [(name = "reminders", worker = .reminders)],
  sockets = [(name = "http", address = "127.0.0.1:8787", http = (), service = "reminders")],
);

const reminders :Workerd.Worker = (
  modules = [
    (name = "local.js", esModule = embed "local.js"),
    (name = "worker.js", esModule = embed "worker.js"),
    (name = "batches.js", esModule = embed "batches.js"),
    (name = "fixtures/batch.json", json = embed "fixtures/batch.json"),
    (name = "arrears", esModule = embed "node_modules/arrears/workerd.js"),
    (name = "browser.js", esModule = embed "node_modules/arrears/browser.js"),
    (name = "arrears_bg.wasm", wasm = embed "node_modules/arrears/arrears_bg.wasm"),
    (name = "arrears/package.json", json = embed "node_modules/arrears/package.json"),
    (name = "arrears/policy.schema.json", json = embed "node_modules/arrears/policy.schema.json"),
  ],
  # The vars of wrangler.jsonc.
  bindings = [
    (name = "REMINDERS_KEY", text = "batch.json"),
    (name = "PORTFOLIO_PREFIX", text = "portfolio/"),
    (name = "PORTFOLIO_CRON", text = "0 2 * * *"),
    (name = "BATCH_SIZE", text = "1000"),
    (name = "MAX_BODY_BYTES", text = "262144"),
  ],
  compatibilityDate = "2026-07-01",
);
