// The first big call of a fresh process against the second: `agingBatch` from CSV and `aging`
// from plain objects, each in its own fresh `node` process (every edge isolate and browser tab
// is a fresh process, and a benchmark that warms up hides what the first call costs). Also
// the wasm memory after each call: wasm memory is never given back, so after a call it is the
// peak that call reached.
//
//   node bench/first-call.mjs [--invoices 200000] [--customers 200000] [--runs 5]
//                             [--cases csv,objects] [--node-flags "--trace-gc"] [DIR...]
//
// DIR is a built package (default pkg/; `scripts/build.sh DIR` makes others); with several,
// runs are interleaved (run 1 of every DIR and case, then run 2, ...) so load on a shared
// machine hits them alike. Reports the median and the range of each figure over the runs.
// The portfolio comes from generate.mjs with `customers` customers (default: as many as
// invoices, so about one invoice each) and is written once to bench/data/ (gitignored).
//
// Child mode (what each fresh process runs):
//   node bench/first-call.mjs --child csv|objects --pkg DIR --data PREFIX [--calls 2]
// prints one JSON line: import ms, read ms, then per call ms, wasm memory bytes and the minor
// page faults of the process during the call (fresh memory touched for the first time).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { optionsOf } from './options.mjs';
import { watchWasmMemory } from './wasm-memory.mjs';

const argv = process.argv.slice(2);
const option = optionsOf(argv);

if (argv.includes('--child')) {
  await child();
} else {
  await parent();
}

/** One fresh process: import the package, read the input, call twice, report. */
async function child() {
  const mode = option('child');
  const dir = resolve(option('pkg', 'pkg'));
  const data = option('data');
  const calls = Number(option('calls', 2));
  const memory = watchWasmMemory();
  let start = performance.now();
  const api = await import(pathToFileURL(`${dir}/browser.js`).href);
  const importMs = performance.now() - start;

  start = performance.now();
  let call;
  if (mode === 'csv') {
    const input = {
      asOf: JSON.parse(readFileSync(`${data}.options.json`, 'utf8')).asOf,
      invoicesCsv: readFileSync(`${data}.invoices.csv`, 'utf8'),
      paymentsCsv: readFileSync(`${data}.payments.csv`, 'utf8'),
    };
    call = () => api.agingBatch(input);
  } else {
    const input = JSON.parse(readFileSync(`${data}.aging.json`, 'utf8'));
    call = () => api.aging(input);
  }
  const readMs = performance.now() - start;

  const faults = () => process.resourceUsage().minorPageFault;
  const results = [{ ms: 0, memory: memory(), faults: 0 }];
  let customers;
  for (let c = 0; c < calls; c++) {
    const before = faults();
    start = performance.now();
    const out = call();
    const ms = performance.now() - start;
    customers = out.customers?.length;
    results.push({ ms, memory: memory(), faults: faults() - before });
  }
  console.log(JSON.stringify({ mode, importMs, readMs, customers, calls: results }));
}

async function parent() {
  const invoices = Number(option('invoices', 200_000));
  const customers = Number(option('customers', invoices));
  const runs = Number(option('runs', 5));
  const cases = option('cases', 'csv,objects').split(',');
  const nodeFlags = option('node-flags', '').split(' ').filter(Boolean);
  const dirs = argv.length ? argv : ['pkg'];
  const data = await dataFiles(invoices, customers);

  const figures = new Map(); // "dir case" -> [child results]
  for (let r = 0; r < runs; r++) {
    for (const mode of cases) {
      for (const dir of dirs) {
        const args = [...nodeFlags, new URL(import.meta.url).pathname, '--child', mode, '--pkg', dir, '--data', data];
        const out = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
        if (out.status !== 0) {
          console.error(`${dir} ${mode} run ${r + 1} failed (${out.status ?? out.signal}):\n${out.stderr}`);
          process.exit(1);
        }
        const line = out.stdout.split('\n').filter((l) => l.startsWith('{')).pop();
        const result = JSON.parse(line);
        if (nodeFlags.includes('--trace-gc')) result.gcs = countGcs(out.stdout);
        const key = `${dir} ${mode}`;
        if (!figures.has(key)) figures.set(key, []);
        figures.get(key).push(result);
        const [, first, second] = result.calls;
        console.log(`run ${r + 1} ${key}: first ${first.ms.toFixed(0)} ms, second ${second.ms.toFixed(0)} ms, ` +
          `memory ${mib(first.memory)} / ${mib(second.memory)} MiB, page faults ${first.faults} / ${second.faults}` +
          `${result.gcs ? `, gc ${result.gcs}` : ''}`);
      }
    }
  }

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const range = (xs) => `${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)}`;
  console.log(`\n${invoices.toLocaleString('en')} invoices, ${customers.toLocaleString('en')} customers; ` +
    `${runs} fresh processes each; Node ${process.version}${nodeFlags.length ? ` ${nodeFlags.join(' ')}` : ''}; median (range) ms`);
  console.log('| package | call | import | first call | second call | first / second | wasm memory after first | after second |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [key, results] of figures) {
    const [dir, mode] = key.split(' ');
    const first = results.map((x) => x.calls[1].ms);
    const second = results.map((x) => x.calls[2].ms);
    const ratio = results.map((x) => x.calls[1].ms / x.calls[2].ms);
    const name = mode === 'csv' ? '`agingBatch` CSV' : '`aging` objects';
    console.log(`| ${dir} | ${name} | ${median(results.map((x) => x.importMs)).toFixed(1)} | ` +
      `${median(first).toFixed(0)} (${range(first)}) | ${median(second).toFixed(0)} (${range(second)}) | ` +
      `${median(ratio).toFixed(2)}x (${Math.min(...ratio).toFixed(2)}-${Math.max(...ratio).toFixed(2)}) | ` +
      `${mib(median(results.map((x) => x.calls[1].memory)))} MiB | ${mib(median(results.map((x) => x.calls[2].memory)))} MiB |`);
  }
}

/** Writes the portfolio's inputs once under bench/data/ and returns their common prefix. */
function dataFiles(invoices, customers) {
  const dir = new URL('./data/', import.meta.url);
  const prefix = new URL(`first-call-${invoices}x${customers}`, dir).pathname;
  if (!existsSync(`${prefix}.aging.json`)) {
    mkdirSync(dir, { recursive: true });
    // Imported here only: the child processes must not pay for the generator.
    return import('./generate.mjs').then(({ agingInput, generate }) => {
      const p = generate({ invoices, customers });
      writeFileSync(`${prefix}.invoices.csv`, p.invoicesCsv);
      writeFileSync(`${prefix}.payments.csv`, p.paymentsCsv);
      writeFileSync(`${prefix}.options.json`, JSON.stringify({ asOf: p.asOf }));
      writeFileSync(`${prefix}.aging.json`, JSON.stringify({ ...agingInput(p), include: ['buckets', 'customers'] }));
      return prefix;
    });
  }
  return prefix;
}

/** Garbage collections V8 reported with --trace-gc (lines of its own format). */
function countGcs(stdout) {
  return stdout.split('\n').filter((l) => /^\[\d+:0x[0-9a-f]+\]\s+\d+ ms: /.test(l)).length;
}

function mib(bytes) {
  return (bytes / 2 ** 20).toFixed(0);
}
