// Edge figures for examples/edge-reminders (bench/README.md, "Edge: the reminders worker"):
//
//   node bench/edge.mjs [--runs 9] [--sizes 250,500,1000,2000,4000] [--parts decide,split,memory,cold,size]
//                       [--parts-of 5000,10000] [--batch 1000] [DIR]
//
// DIR is a built package (default pkg/). Every workerd figure is taken from outside the
// process, since a worker's clock stands still while it runs:
// - decide: CPU time of one batch in workerd, as the queue consumer spends it (the request's
//   JSON parsed, `decideBatch` of examples/edge-reminders/batches.js, the results keyed by
//   account and stringified), read from /proc/<pid>/task/*/schedstat (nanoseconds, all of
//   workerd's threads) before and after each request, one workerd for all sizes, `runs`
//   requests per size after one warm-up; the same work in Node with process.cpuUsage(). And
//   the CPU of one POST /next-action request (one account, the HTTP route), over 500 requests.
// - split: the producer's work on one part of the portfolio (parsed, split by customer into
//   batches of --batch accounts, each stringified), CPU in workerd as above, and memory: the
//   part's text, objects and batch texts alive together in Node, and workerd's resident growth.
// - memory: a fresh workerd per size; its peak resident memory (VmHWM) after deciding one
//   batch, less its resident memory (VmRSS) after a request that decides nothing. In Node the
//   same in a fresh process (maxRSS after, less after one account).
// - cold: import + first nextAction, in fresh processes. Node: measured inside the process
//   (import of DIR/browser.js, which instantiates the wasm in Node, then the first and second
//   call), and the first Intl time-zone format of a process without arrears, for comparison. workerd: from spawning it to the first
//   answer, for a worker without arrears, one importing it and one calling nextAction on its
//   first request; and, in one running workerd, the first nextAction request against the second,
//   in the bench's worker and in the example (which makes one decision at startup).
// - size: the wasm and every module the worker uploads, raw and gzipped.
//
// The portfolio is examples/edge-reminders/fixtures/portfolio.mjs (seed 1) at its NOW.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { NOW, portfolio } from "../examples/edge-reminders/fixtures/portfolio.mjs";
import { freePort, jsonc, workerConfig, workerModules } from "../tests/edge/workerd.mjs";
import { optionsOf } from "./options.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const option = optionsOf(argv);
const ACCOUNT = {
  id: "acme",
  timeZone: "America/New_York",
  invoices: [{ id: "INV-1", customerId: "acme", issueDate: "2025-03-01", dueDate: "2026-03-02", amount: "800.00", currency: "USD" }],
};
const ONE = { account: ACCOUNT, now: "2026-03-03T06:30:00-05:00" };
/** The worker's body limit, from examples/edge-reminders/wrangler.jsonc. */
const MAX_BODY_BYTES = Number(
  jsonc(readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "examples", "edge-reminders", "wrangler.jsonc"), "utf8")).vars.MAX_BODY_BYTES,
);
const invoicesOf = (n) =>
  Array.from({ length: n }, (_, i) => ({
    id: `INV-${i}`,
    customerId: "acme",
    issueDate: "2025-03-01",
    dueDate: `2026-0${1 + (i % 3)}-${String(1 + (i % 28)).padStart(2, "0")}`,
    amount: `${100 + (i % 900)}.00`,
    currency: "USD",
  }));
/** Inputs of each POST route for `n` invoices of one account. */
const LARGEST = {
  nextAction: (n) => ({ account: { ...ACCOUNT, invoices: invoicesOf(n) }, now: "2026-03-03T06:30:00-05:00" }),
  timeline: (n) => ({ account: { ...ACCOUNT, invoices: invoicesOf(n) }, now: "2026-03-03T06:30:00-05:00", until: "2027-03-03T00:00:00Z" }),
  quote: (n) => ({ asOf: "2026-06-30", goodThrough: "2026-07-15", policy: { interest: { annualRate: "0.085" } }, invoices: invoicesOf(n) }),
  charges: (n) => ({ asOf: "2026-06-30", policy: { interest: { annualRate: "0.085" } }, invoices: invoicesOf(n) }),
};
/** The input of `make` with as many invoices as fit in MAX_BODY_BYTES. */
function largest(make) {
  let lo = 1;
  let hi = 10_000;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (JSON.stringify(make(mid)).length <= MAX_BODY_BYTES) lo = mid;
    else hi = mid - 1;
  }
  return make(lo);
}

/** What each fresh Node process measures. */
async function child(mode, dir, arg) {
  const url = pathToFileURL(join(dir, "browser.js")).href;
  if (mode === "intl") {
    const t0 = performance.now();
    new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).formatToParts(new Date(0));
    const t1 = performance.now();
    new Intl.DateTimeFormat("en-US", { timeZone: "Europe/London", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).formatToParts(new Date(0));
    console.log(JSON.stringify({ first: t1 - t0, another: performance.now() - t1 }));
    return;
  }
  if (mode === "cold") {
    const t0 = performance.now();
    const { nextAction } = await import(url);
    const t1 = performance.now();
    const first = nextAction(ONE);
    const t2 = performance.now();
    nextAction({ ...ONE, account: { ...ACCOUNT, timeZone: "Europe/London" } });
    const t3 = performance.now();
    if (first.action !== "dueDateReminder") throw new Error(JSON.stringify(first));
    console.log(JSON.stringify({ import: t1 - t0, first: t2 - t1, total: t2 - t0, second: t3 - t2 }));
    return;
  }
  if (mode === "warm-intl") {
    // ICU's time-zone data loaded first, then the package: the first call without that cost.
    new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", hour: "2-digit" }).formatToParts(new Date(0));
    const t0 = performance.now();
    const { nextAction } = await import(url);
    const t1 = performance.now();
    nextAction(ONE);
    console.log(JSON.stringify({ import: t1 - t0, first: performance.now() - t1 }));
    return;
  }
  if (mode === "split-memory") {
    // Run with --expose-gc: a part's text, its objects and its batches' texts, alive together.
    const [accounts, size] = arg.split(":").map(Number);
    const text = JSON.stringify(portfolio({ accounts, seed: 1 }));
    const usage = () => {
      globalThis.gc();
      globalThis.gc();
      return process.memoryUsage().heapUsed;
    };
    const m0 = usage();
    const part = JSON.parse(text);
    const m1 = usage();
    const texts = [];
    for (let i = 0; i < part.accounts.length; i += size) texts.push(JSON.stringify(part.accounts.slice(i, i + size)));
    const batches = texts.reduce((sum, t) => sum + t.length, 0);
    console.log(JSON.stringify({ text: text.length, objects: m1 - m0, batches }));
    return;
  }
  if (mode === "memory") {
    // Run with --expose-gc: what is alive at each step, after a full collection.
    const { nextActions } = await import(url);
    const text = JSON.stringify(batchOf(portfolio({ accounts: Number(arg), seed: 1 }), Number(arg)));
    nextActions({ ...portfolio({ accounts: 1, seed: 1 }), now: NOW });
    const usage = () => {
      globalThis.gc();
      globalThis.gc();
      return process.memoryUsage();
    };
    const m0 = usage();
    const input = JSON.parse(text);
    const m1 = usage();
    const { results } = nextActions(input);
    const m2 = usage();
    const byAccount = {};
    for (const r of results) byAccount[r.accountId] = r;
    const out = JSON.stringify(byAccount);
    console.log(
      JSON.stringify({
        text: text.length,
        input: m1.heapUsed - m0.heapUsed,
        results: m2.heapUsed - m1.heapUsed,
        // wasm memory is `external` in Node; it grows and is never given back.
        wasm: m2.external - m0.external,
        out: out.length,
      }),
    );
    return;
  }
  throw new Error(`unknown child mode ${mode}`);
}

async function main() {
  const runs = Number(option("runs", 9));
  const sizes = option("sizes", "250,500,1000,2000,4000").split(",").map(Number);
  const parts = option("parts", "decide,split,memory,cold,size").split(",");
  const dir = resolve(argv[0] ?? join(root, "pkg"));
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  console.log(
    `arrears ${manifest.version} from ${dir}; ${new Date().toISOString()}; Node ${process.version}; ` +
      `${cpus().length} CPUs (${cpus()[0]?.model}), ${(totalmem() / 2 ** 30).toFixed(0)} GB; load ${loadavg().map((x) => x.toFixed(2)).join(" ")}`,
  );
  const tmp = mkdtempSync(join(tmpdir(), "arrears-edge-"));
  try {
    const workerd = workerdKit(tmp, dir);
    if (parts.includes("decide")) await decide(workerd, dir, sizes, runs);
    if (parts.includes("split")) await split(workerd, dir, option("parts-of", "5000,10000").split(",").map(Number), Number(option("batch", 1000)), runs);
    if (parts.includes("memory")) await memory(workerd, dir, sizes);
    if (parts.includes("cold")) await cold(workerd, dir, runs);
    if (parts.includes("size")) size(dir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`\nload at the end ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const range = (xs, digits = 1) => `${Math.min(...xs).toFixed(digits)}-${Math.max(...xs).toFixed(digits)}`;
const mib = (bytes) => (bytes / 2 ** 20).toFixed(1);

/** The input of `decideBatch` for the first `n` accounts of the seeded portfolio. */
function batchOf(whole, n) {
  const accounts = whole.accounts.slice(0, n);
  const ids = new Set(accounts.map((a) => a.id));
  return { accounts, history: whole.history.filter((item) => ids.has(item.accountId)), now: NOW };
}

async function decide(workerd, dir, sizes, runs) {
  const whole = portfolio({ accounts: Math.max(...sizes), seed: 1 });
  const server = await workerd.serve("bench");
  const rows = [];
  try {
    for (const n of sizes) {
      const body = JSON.stringify(batchOf(whole, n));
      const cpu = [];
      const wall = [];
      for (let r = 0; r <= runs; r++) {
        const before = cpuNs(server.pid);
        const start = performance.now();
        const answer = await (await server.request("/decide", { method: "POST", body })).json();
        const ms = performance.now() - start;
        const used = (cpuNs(server.pid) - before) / 1e6;
        if (answer.decided !== n) throw new Error(`workerd decided ${JSON.stringify(answer)}`);
        if (r > 0) {
          cpu.push(used);
          wall.push(ms);
        }
      }
      rows.push({ n, bytes: body.length, cpu, wall });
    }
    // One account per HTTP request, as the /next-action route serves it.
    const one = JSON.stringify(ONE);
    for (let i = 0; i < 50; i++) await server.request("/next-action", { method: "POST", body: one });
    const before = cpuNs(server.pid);
    const start = performance.now();
    const requests = 500;
    for (let i = 0; i < requests; i++) await (await server.request("/next-action", { method: "POST", body: one })).json();
    const perRequest = { cpu: (cpuNs(server.pid) - before) / 1e6 / requests, wall: (performance.now() - start) / requests };
    // The largest body the worker reads (MAX_BODY_BYTES), one account with as many invoices as fit.
    const big = [];
    for (const [entry, make] of Object.entries(LARGEST)) {
      const input = largest(make);
      const body = JSON.stringify(input);
      const cpu = [];
      for (let r = 0; r <= runs; r++) {
        const start = cpuNs(server.pid);
        const response = await server.request(`/call/${entry}`, { method: "POST", body });
        if (response.status !== 200) throw new Error(`${entry}: ${await response.text()}`);
        await response.arrayBuffer();
        if (r > 0) cpu.push((cpuNs(server.pid) - start) / 1e6);
      }
      big.push({ entry, bytes: body.length, invoices: (input.account ?? input).invoices.length, cpu });
    }
    console.log(`\n### Deciding a batch in workerd (${runs} requests per size after a warm-up; median, range)\n`);
    console.log("| accounts | request body | CPU ms | µs per account | accounts per CPU-ms | wall ms |");
    console.log("|---|---|---|---|---|---|");
    for (const { n, bytes, cpu, wall } of rows) {
      const m = median(cpu);
      console.log(`| ${n.toLocaleString("en")} | ${mib(bytes)} MiB | ${m.toFixed(1)} (${range(cpu)}) | ${((m / n) * 1000).toFixed(0)} | ${(n / m).toFixed(2)} | ${median(wall).toFixed(1)} |`);
    }
    console.log(`\nPOST /next-action, one account, ${requests} requests one after another: ${perRequest.cpu.toFixed(3)} ms CPU of workerd per request (mean), ${perRequest.wall.toFixed(3)} ms wall`);
    console.log(`\nThe largest body a route reads (${MAX_BODY_BYTES.toLocaleString("en")} bytes), one account with as many invoices as fit; ${runs} requests after a warm-up, median and range of workerd's CPU:\n`);
    console.log("| entry point | body | invoices | CPU ms |\n|---|---|---|---|");
    for (const { entry, bytes, invoices, cpu } of big) {
      console.log(`| ${entry} | ${bytes.toLocaleString("en")} | ${invoices.toLocaleString("en")} | ${median(cpu).toFixed(1)} (${range(cpu)}) |`);
    }
  } finally {
    await server.stop();
  }
  // The same in Node, in this process: parse, decide, key and stringify, as the worker does.
  const { nextActions } = await import(pathToFileURL(join(dir, "browser.js")).href);
  console.log(`\n### The same in Node (${runs} runs per size after a warm-up; median, range)\n`);
  console.log("| accounts | CPU ms | µs per account | accounts per CPU-ms |");
  console.log("|---|---|---|---|");
  for (const n of sizes) {
    const body = JSON.stringify(batchOf(whole, n));
    const cpu = [];
    for (let r = 0; r <= runs; r++) {
      const before = process.cpuUsage();
      const input = JSON.parse(body);
      const { results } = nextActions(input);
      const byAccount = {};
      for (const result of results) byAccount[result.accountId] = result;
      JSON.stringify(byAccount);
      const used = process.cpuUsage(before);
      if (r > 0) cpu.push((used.user + used.system) / 1000);
    }
    const m = median(cpu);
    console.log(`| ${n.toLocaleString("en")} | ${m.toFixed(1)} (${range(cpu)}) | ${((m / n) * 1000).toFixed(0)} | ${(n / m).toFixed(2)} |`);
  }
}

/** The producer's split of one part of the portfolio into batches: CPU in workerd, memory. */
async function split(workerd, dir, partSizes, batch, runs) {
  console.log(`\n### Splitting a part into batches of ${batch.toLocaleString("en")} (workerd CPU: ${runs} requests after a warm-up, median; memory: a fresh process per size)\n`);
  console.log("| part | part JSON | workerd CPU ms | µs per account | Node: part text + objects + batch texts | workerd: resident growth |");
  console.log("|---|---|---|---|---|---|");
  for (const n of partSizes) {
    const body = JSON.stringify(portfolio({ accounts: n, seed: 1 }));
    const server = await workerd.serve("bench");
    const cpu = [];
    let growth;
    try {
      await server.request(`/split?size=${batch}`, { method: "POST", body: JSON.stringify(portfolio({ accounts: 1, seed: 1 })) });
      const before = status(server.pid).VmRSS;
      for (let r = 0; r <= runs; r++) {
        const start = cpuNs(server.pid);
        const answer = await (await server.request(`/split?size=${batch}`, { method: "POST", body })).json();
        if (answer.batches < n / batch) throw new Error(JSON.stringify(answer));
        if (r > 0) cpu.push((cpuNs(server.pid) - start) / 1e6);
        if (r === 0) growth = status(server.pid).VmHWM - before;
      }
    } finally {
      await server.stop();
    }
    const out = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), "--child", "split-memory", dir, `${n}:${batch}`], { encoding: "utf8" });
    if (out.status !== 0) throw new Error(out.stderr);
    const m = JSON.parse(out.stdout);
    const m50 = median(cpu);
    console.log(
      `| ${n.toLocaleString("en")} | ${mib(body.length)} MiB | ${m50.toFixed(1)} (${range(cpu)}) | ${((m50 / n) * 1000).toFixed(1)} | ` +
        `${mib(m.text + m.objects + m.batches)} MiB | ${mib(growth)} MiB |`,
    );
  }
}

async function memory(workerd, dir, sizes) {
  const whole = portfolio({ accounts: Math.max(...sizes), seed: 1 });
  console.log("\n### Memory of one batch (a fresh process per size)\n");
  console.log(
    "| accounts | batch JSON | Node: wasm memory grown | input objects | results objects | results JSON | sum | per account | workerd: resident before | peak after | growth |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|");
  for (const n of sizes) {
    const server = await workerd.serve("bench");
    let before;
    let peak;
    try {
      await server.request("/decide", { method: "POST", body: JSON.stringify(batchOf(whole, 1)) });
      before = status(server.pid).VmRSS;
      await (await server.request("/decide", { method: "POST", body: JSON.stringify(batchOf(whole, n)) })).json();
      peak = status(server.pid).VmHWM;
    } finally {
      await server.stop();
    }
    const out = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), "--child", "memory", dir, String(n)], { encoding: "utf8" });
    if (out.status !== 0) throw new Error(out.stderr);
    const m = JSON.parse(out.stdout);
    // The batch's text (the R2 object) and the results' text (written back) are alive at the
    // peak too, with the input objects, the results and wasm memory.
    const sum = m.text + m.wasm + m.input + m.results + m.out;
    console.log(
      `| ${n.toLocaleString("en")} | ${mib(m.text)} MiB | ${mib(m.wasm)} MiB | ${mib(m.input)} MiB | ${mib(m.results)} MiB | ${mib(m.out)} MiB | ` +
        `${mib(sum)} MiB | ${(sum / n / 1024).toFixed(1)} KiB | ${mib(before)} MiB | ${mib(peak)} MiB | ${mib(peak - before)} MiB |`,
    );
  }
}

async function cold(workerd, dir, runs) {
  const node = { import: [], first: [], total: [], second: [], intl: [], intlAnother: [], eagerImport: [], eagerFirst: [], warmImport: [], warmFirst: [] };
  const run = (flags, mode) => {
    const out = spawnSync(process.execPath, [...flags, fileURLToPath(import.meta.url), "--child", mode, dir], { encoding: "utf8" });
    if (out.status !== 0) throw new Error(out.stderr);
    return JSON.parse(out.stdout);
  };
  for (let r = 0; r < runs; r++) {
    const f = run([], "cold");
    for (const k of ["import", "first", "total", "second"]) node[k].push(f[k]);
    const eager = run(["--no-wasm-lazy-compilation"], "cold");
    node.eagerImport.push(eager.import);
    node.eagerFirst.push(eager.first);
    const warm = run([], "warm-intl");
    node.warmImport.push(warm.import);
    node.warmFirst.push(warm.first);
    const intl = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", "intl", dir], { encoding: "utf8" });
    if (intl.status !== 0) throw new Error(intl.stderr);
    const i = JSON.parse(intl.stdout);
    node.intl.push(i.first);
    node.intlAnother.push(i.another);
  }
  const spawnToAnswer = { baseline: [], intl: [], import: [], call: [], example: [] };
  const inProcess = { bench: { first: [], second: [] }, example: { first: [], second: [] } };
  for (let r = 0; r < runs; r++) {
    for (const name of ["baseline", "intl", "import", "call"]) spawnToAnswer[name].push(await workerd.firstAnswer(name));
    // In one running workerd: the first nextAction request after start, then the second; in
    // the bench's worker (nothing at startup) and in the example (one decision at startup).
    for (const name of ["bench", "example"]) {
      const server = await workerd.serve(name);
      if (name === "example") spawnToAnswer.example.push(server.ms);
      try {
        for (const key of ["first", "second"]) {
          const start = performance.now();
          const answer = await (await server.request("/next-action", { method: "POST", body: JSON.stringify(ONE) })).json();
          inProcess[name][key].push(performance.now() - start);
          if (answer.action !== "dueDateReminder") throw new Error(JSON.stringify(answer));
        }
      } finally {
        await server.stop();
      }
    }
  }
  const line = (what, xs) => console.log(`| ${what} | ${median(xs).toFixed(1)} | ${range(xs)} |`);
  console.log(`\n### Cold start (${runs} fresh processes each; median and range, ms)\n`);
  console.log("| what | median | range |\n|---|---|---|");
  line("Node: import of the package + first nextAction", node.total);
  line("Node: of which import (wasm compiled and instantiated)", node.import);
  line("Node: of which first nextAction (America/New_York)", node.first);
  line("Node: second nextAction (Europe/London, first use of that zone)", node.second);
  line("Node, without arrears: first Intl.DateTimeFormat in America/New_York", node.intl);
  line("Node, without arrears: then one in Europe/London", node.intlAnother);
  line("Node, Intl's zone data loaded before: import", node.warmImport);
  line("Node, Intl's zone data loaded before: first nextAction", node.warmFirst);
  line("Node --no-wasm-lazy-compilation: import (the whole wasm compiled)", node.eagerImport);
  line("Node --no-wasm-lazy-compilation: first nextAction", node.eagerFirst);
  line("workerd: spawn to first answer, worker without arrears", spawnToAnswer.baseline);
  line("workerd: spawn to first answer, worker formatting a date in America/New_York (no arrears)", spawnToAnswer.intl);
  line("workerd: spawn to first answer, worker importing arrears", spawnToAnswer.import);
  line("workerd: spawn to first answer, worker calling nextAction", spawnToAnswer.call);
  console.log(`| workerd: Intl's first time zone (difference of the medians, formatting − without) | ${(median(spawnToAnswer.intl) - median(spawnToAnswer.baseline)).toFixed(1)} | |`);
  console.log(`| workerd: import (difference of the medians, importing − without) | ${(median(spawnToAnswer.import) - median(spawnToAnswer.baseline)).toFixed(1)} | |`);
  console.log(`| workerd: import + first nextAction (calling − without) | ${(median(spawnToAnswer.call) - median(spawnToAnswer.baseline)).toFixed(1)} | |`);
  line("workerd running: first POST /next-action, wall", inProcess.bench.first);
  line("workerd running: second POST /next-action, wall", inProcess.bench.second);
  line("example worker (a decision at startup): spawn to first answer", spawnToAnswer.example);
  line("example worker running: first POST /next-action, wall", inProcess.example.first);
  line("example worker running: second POST /next-action, wall", inProcess.example.second);
}

function size(dir) {
  const example = join(root, "examples", "edge-reminders");
  const list = workerModules(join(example, "worker.js"), { base: example, pkg: dir });
  console.log("\n### What the worker ships\n");
  console.log("| module | bytes | gzipped |\n|---|---|---|");
  let raw = 0;
  let gz = 0;
  for (const { name, file } of list) {
    const bytes = readFileSync(file);
    const zipped = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gz += zipped;
    console.log(`| ${name} | ${bytes.length.toLocaleString("en")} | ${zipped.toLocaleString("en")} |`);
  }
  console.log(`| all ${list.length} modules | ${raw.toLocaleString("en")} | ${gz.toLocaleString("en")} |`);
}

/** CPU time of every thread of a process, in nanoseconds. */
function cpuNs(pid) {
  let total = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return total;
}

/** VmRSS and VmHWM of a process, in bytes. */
function status(pid) {
  const text = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (name) => Number(text.match(new RegExp(`^${name}:\\s+(\\d+) kB`, "m"))[1]) * 1024;
  return { VmRSS: kib("VmRSS"), VmHWM: kib("VmHWM") };
}

/**
 * The workers of this bench in a temporary directory, with the package DIR's modules:
 * `bench` (POST /decide a batch as the consumer does, POST /next-action one account) and, for
 * the cold start, `baseline` (no arrears), `import` (imports it) and `call` (calls nextAction).
 */
function workerdKit(tmp, dir) {
  const binary = workerdBinary();
  copyFileSync(join(root, "examples", "edge-reminders", "batches.js"), join(tmp, "batches.js"));
  const sources = {
    bench: `import * as arrears from "arrears";
import { nextAction } from "arrears";
import { decideBatch, splitPortfolio } from "./batches.js";
export default {
  async fetch(request) {
    const { pathname, searchParams } = new URL(request.url);
    if (pathname === "/split") {
      const { batches } = splitPortfolio(await request.json(), Number(searchParams.get("size")));
      let bytes = 0;
      for (const b of batches) bytes += JSON.stringify(b).length;
      return Response.json({ batches: batches.length, bytes });
    }
    if (pathname === "/decide") {
      const input = await request.json();
      const { results } = decideBatch(input, input.now);
      const byAccount = {};
      for (const r of results) byAccount[r.accountId] = r;
      const bytes = JSON.stringify({ results: byAccount }).length;
      return Response.json({ decided: results.length, bytes });
    }
    if (pathname === "/next-action") return Response.json(nextAction(await request.json()));
    if (pathname.startsWith("/call/")) return Response.json(arrears[pathname.slice(6)](await request.json()));
    return new Response("ok");
  },
};
`,
    baseline: `export default { fetch: () => Response.json({ action: "dueDateReminder" }) };\n`,
    intl: `export default { fetch: () => Response.json({ action: new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", hour: "2-digit" }).format(new Date(0)) ? "dueDateReminder" : "" }) };\n`,
    import: `import { nextAction } from "arrears";\nexport default { fetch: () => Response.json({ action: typeof nextAction === "function" ? "dueDateReminder" : "" }) };\n`,
    call: `import { nextAction } from "arrears";\nconst ONE = ${JSON.stringify(ONE)};\nexport default { fetch: () => Response.json(nextAction(ONE)) };\n`,
  };
  const configs = {};
  const configure = (name, entry, base) => {
    const config = join(tmp, `${name}.capnp`);
    writeFileSync(config, workerConfig(workerModules(entry, { base, pkg: dir }), tmp, "2026-07-01"));
    configs[name] = config;
  };
  for (const [name, source] of Object.entries(sources)) {
    const entry = join(tmp, `${name}.js`);
    writeFileSync(entry, source);
    configure(name, entry, tmp);
  }
  // The example itself, with its warm-up decision at startup (its vars at their defaults).
  const example = join(root, "examples", "edge-reminders");
  configure("example", join(example, "worker.js"), example);
  const launch = async (name) => {
    const port = await freePort();
    const start = performance.now();
    const child = spawn(binary, ["serve", configs[name], "--socket-addr", `http=127.0.0.1:${port}`], {
      cwd: tmp,
      stdio: ["ignore", "ignore", "inherit"],
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const stop = async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    };
    const request = (path, init) => fetch(`http://127.0.0.1:${port}${path}`, init);
    // Polled about every millisecond, so the first answer is timed closely.
    for (;;) {
      const answer = await request("/").then((r) => r.json().catch(() => ({})), () => undefined);
      if (answer) return { request, stop, pid: child.pid, ms: performance.now() - start, answer };
      if (child.exitCode !== null) throw new Error(`workerd exited (${child.exitCode})`);
      if (performance.now() - start > 30_000) {
        await stop();
        throw new Error("workerd did not answer in 30 s");
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  };
  return {
    serve: launch,
    async firstAnswer(name) {
      const server = await launch(name);
      await server.stop();
      if (server.answer.action !== "dueDateReminder") throw new Error(`${name} answered ${JSON.stringify(server.answer)}`);
      return server.ms;
    },
  };
}

/** The workerd binary itself (not a launcher script), so its pid is the process measured. */
function workerdBinary() {
  const platform = `@cloudflare/workerd-${process.platform}-${process.arch === "x64" ? "64" : process.arch}`;
  for (const candidate of [join(root, "node_modules", platform, "bin", "workerd"), join(root, "node_modules", ".bin", "workerd")]) {
    try {
      if (readFileSync(candidate).subarray(0, 4).toString("latin1") === "\x7fELF") return candidate;
    } catch {
      // not there
    }
  }
  return join(root, "node_modules", ".bin", "workerd");
}

// Last, so every const above is initialised.
if (argv[0] === "--child") {
  await child(argv[1], resolve(argv[2]), argv[3]);
} else {
  await main();
}
