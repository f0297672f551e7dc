// The benchmark: arrears (wasm) against the JavaScript a team would write instead, side by side
// in one process, on the same generated portfolio, with every result checked to the cent.
//
//   node bench/run.mjs [--sizes 10000,100000,1000000] [--runs 5] [--seed 1]
//
// (a) aging on plain objects, include ["buckets", "customers"]
// (b) agingBatch from CSV text, and from typed columns
// (c1) decimal.js + date-fns, idiomatic; (c2) decimal.js + Date.parse, tuned; (c3) papaparse + (c2)
// (d) the native core, read from criterion's results when `cargo bench --bench aging` has run
//
// arrears is imported the way a user imports it: `import { aging, agingBatch } from 'arrears'`,
// resolved through bench/node_modules/arrears -> ../pkg (made here when pkg/package.json exists).
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { agingInput, generate } from './generate.mjs';
import { differences } from './js/common.mjs';
import { agingIdiomatic } from './js/idiomatic.mjs';
import { agingTuned } from './js/tuned.mjs';
import { agingPapa } from './js/papa.mjs';
import { toColumns } from './columns.mjs';
import { fromArrears, withoutSettled } from './output.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).flatMap((a, i, all) => (a.startsWith('--') ? [[a.slice(2), all[i + 1]]] : [])),
);
const sizes = (args.sizes ?? '10000,100000,1000000').split(',').map(Number);
const runs = Number(args.runs ?? 5);
const seed = Number(args.seed ?? 1);

const arrears = await loadArrears();
const rows = [];
for (const n of sizes) rows.push(await benchSize(n));
printTable(rows);

async function loadArrears() {
  const pkg = new URL('../pkg/', import.meta.url);
  const link = new URL('./node_modules/arrears', import.meta.url);
  if (existsSync(new URL('package.json', pkg)) && !existsSync(link)) {
    mkdirSync(new URL('./node_modules/', import.meta.url), { recursive: true });
    symlinkSync('../../pkg', link, 'dir');
  }
  try {
    const m = { ...(await import('arrears')) };
    const missing = ['aging', 'agingBatch'].filter((f) => typeof m[f] !== 'function');
    if (missing.length) console.log(`arrears has no ${missing.join(', ')} yet: those rows are skipped`);
    return m;
  } catch (e) {
    console.log(`arrears is not built (${e.code ?? e.message}): rows (a) and (b) are skipped. Build it with \`make build\`.`);
    return {};
  }
}

/**
 * Median time in ms after one warm-up call, of `times` calls and more until they fill a second
 * (up to 200: at 10,000 invoices five calls of a few ms are too few for a steady median); also
 * returns the last result.
 */
function time(fn, times = runs) {
  let result = fn();
  const ms = [];
  let total = 0;
  while (ms.length < times || (total < 1000 && ms.length < 200)) {
    const start = performance.now();
    result = fn();
    ms.push(performance.now() - start);
    total += ms[ms.length - 1];
  }
  ms.sort((x, y) => x - y);
  return { ms: ms[Math.floor(ms.length / 2)], result };
}

/** Runs the case if it can, and records whether its output agrees with the reference. */
function measure(row, name, fn, reference, times) {
  if (!fn) {
    row[name] = null;
    return undefined;
  }
  try {
    const { ms, result } = time(fn, times);
    row[name] = ms;
    if (reference) {
      const diff = differences(withoutSettled(reference), withoutSettled(result), 'c2', name);
      if (diff.length) {
        row.disagree.push(name);
        console.error(`DISAGREE ${name} at ${row.n}:\n  ${diff.join('\n  ')}`);
      }
    }
    return result;
  } catch (e) {
    row[name] = null;
    console.error(`${name} at ${row.n} failed: ${e.code ? `${e.code} at ${e.path}: ` : ''}${e.message}`);
    row.disagree.push(`${name} (failed)`);
    return undefined;
  }
}

async function benchSize(n) {
  const p = generate({ invoices: n, seed });
  const times = n >= 1_000_000 ? Math.max(1, Math.min(runs, 3)) : runs;
  const row = { n, payments: p.payments.length, disagree: [] };
  console.log(`\n${n.toLocaleString('en')} invoices, ${p.payments.length.toLocaleString('en')} payments (seed ${seed}, asOf ${p.asOf}, at least ${times} runs)`);

  const reference = measure(row, 'c2', () => agingTuned(p), null, times);
  measure(row, 'c1', () => agingIdiomatic(p), reference, times);
  measure(row, 'c3', () => agingPapa(p), reference, times);

  const { aging, agingBatch } = arrears;
  if (aging) {
    const input = { ...agingInput(p), include: ['buckets', 'customers'] };
    measure(row, 'a', () => fromArrears(aging(input)), reference, times);
    // The part of (a) spent in JS before wasm sees a byte, which native (d) does not pay.
    row.stringify = time(() => JSON.stringify(input), times).ms;
  }
  if (agingBatch) {
    const { asOf, invoicesCsv, paymentsCsv } = p;
    measure(row, 'bCsv', () => fromArrears(agingBatch({ asOf, invoicesCsv, paymentsCsv })), reference, times);
    const packed = time(() => toColumns(p), times);
    row.pack = packed.ms;
    const columns = packed.result;
    measure(row, 'bColumns', () => fromArrears(agingBatch({ asOf, ...columns })), reference, times);
  }
  row.d = nativeFigures(n);
  console.log(`  ${Object.entries(row).filter(([k]) => !['n', 'payments', 'disagree', 'd'].includes(k)).map(([k, v]) => `${k} ${v == null ? '-' : v.toFixed(1)} ms`).join(', ')}`);
  return row;
}

/** criterion's median for the native benches at this size, in ms, if `cargo bench` has run. */
function nativeFigures(n) {
  const figures = {};
  // criterion writes under cargo's target directory, which CARGO_TARGET_DIR may move.
  const target = process.env.CARGO_TARGET_DIR
    ? pathToFileURL(`${resolve(process.env.CARGO_TARGET_DIR)}/`)
    : new URL('../target/', import.meta.url);
  for (const name of ['aging', 'batch_csv', 'batch_columns']) {
    const file = new URL(`criterion/${name}/${n}/new/estimates.json`, target);
    if (existsSync(file)) figures[name] = JSON.parse(readFileSync(file, 'utf8')).median.point_estimate / 1e6;
  }
  return figures;
}

function printTable(rows) {
  const f = (v) => (v == null ? '-' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
  const x = (slow, fast) => (slow == null || fast == null ? '-' : `${(slow / fast).toFixed(1)}x`);
  console.log(`\nmedian ms; Node ${process.version}; ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} threads)`);
  const header = ['invoices', '(a) aging', '(a) of which JSON.stringify', '(b) csv', '(b) columns', 'pack columns', '(c1) idiomatic', '(c2) tuned', '(c3) papaparse+c2', '(d) native aging', '(d) native csv', '(d) native columns', 'a vs c2', 'b csv vs c3', 'b columns vs c2', 'wasm csv / native', 'wasm columns / native', 'wasm a less stringify / native', 'agree'];
  const less = (a, b) => (a == null || b == null ? null : a - b);
  const lines = rows.map((r) => [
    r.n.toLocaleString('en'), f(r.a), f(r.stringify), f(r.bCsv), f(r.bColumns), f(r.pack), f(r.c1), f(r.c2), f(r.c3),
    f(r.d.aging), f(r.d.batch_csv), f(r.d.batch_columns),
    x(r.c2, r.a), x(r.c3, r.bCsv), x(r.c2, r.bColumns), x(r.bCsv, r.d.batch_csv), x(r.bColumns, r.d.batch_columns),
    x(less(r.a, r.stringify), r.d.aging),
    r.disagree.length ? `NO: ${r.disagree.join(', ')}` : 'yes, to the cent',
  ]);
  console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const l of lines) console.log(`| ${l.join(' | ')} |`);
  if (rows.some((r) => r.disagree.length)) process.exitCode = 1;
}
