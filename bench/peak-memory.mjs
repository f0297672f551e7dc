// Peak wasm memory of one big call in a fresh process: `agingBatch` from CSV and `aging` from
// plain objects at the largest inputs the limits allow (`MAX_RECORDS` records in one call,
// `MAX_INPUT_BYTES` per text), or at the size given. Wasm memory is never given back, so after
// the call `wasmMemory().buffer.byteLength` is the most the call held.
//
//   node bench/peak-memory.mjs [--records 5000000 | --invoices N] [--customers N]
//                              [--payments yes|no] [--pad N [--pad-char é]]
//                              [--cases csv,objects]
//                              [--include buckets,customers] [DIR]
//
// `records` counts invoices and payments (the generator makes 0.3 payments per invoice), so
// 5,000,000 records are 3,846,154 invoices and 1,153,846 payments; `customers` defaults to the
// generator's one per 50 invoices; `--payments no` leaves the payments out (then every record
// is an invoice); `--pad N` makes every invoice and customer id of the CSV N characters longer
// (`--pad-char é`: 2 bytes each in UTF-8, to reach MAX_INPUT_BYTES within V8's string length).
// Each case runs in its own `node` process that generates the
// portfolio itself (an `aging` input over about 3.2 million invoices is more JSON than one JS
// string holds, so it could not be read from a file either) with --max-old-space-size=16384.
// DIR is a built package (default pkg/).
//
// Child mode: node bench/peak-memory.mjs --child csv|objects --pkg DIR --invoices N ...
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { optionsOf } from './options.mjs';
import { watchWasmMemory } from './wasm-memory.mjs';

const argv = process.argv.slice(2);
const option = optionsOf(argv);

if (argv.includes('--child')) {
  await child();
} else {
  parent();
}

async function child() {
  const mode = option('child');
  const dir = resolve(option('pkg', 'pkg'));
  const invoices = Number(option('invoices'));
  const customersOption = option('customers');
  const customers = customersOption ? Number(customersOption) : undefined;
  const include = option('include', 'buckets,customers').split(',');
  const withPayments = option('payments', 'yes') === 'yes';
  const pad = option('pad-char', '0').repeat(Number(option('pad', 0)));
  const { agingInput, generate } = await import('./generate.mjs');
  const p = generate({ invoices, customers, csv: mode === 'csv' });
  if (!withPayments) {
    p.payments = [];
    p.paymentsCsv = undefined;
  }
  if (pad && mode === 'csv') {
    // Longer ids, still unique: C00001 -> C000...00001, INV-0000001 -> INV-000...0000001.
    const longer = (text) => text.replaceAll(',C', `,C${pad}`).replaceAll('INV-', `INV-${pad}`);
    p.invoicesCsv = longer(p.invoicesCsv);
    if (p.paymentsCsv) p.paymentsCsv = longer(p.paymentsCsv);
  }
  const wasmBytes = watchWasmMemory();
  const api = await import(pathToFileURL(`${dir}/browser.js`).href);
  let input;
  let inputBytes;
  if (mode === 'csv') {
    input = { asOf: p.asOf, invoicesCsv: p.invoicesCsv, paymentsCsv: p.paymentsCsv };
    const utf8 = (text) => (text ? Buffer.byteLength(text) : 0);
    inputBytes = utf8(p.invoicesCsv) + utf8(p.paymentsCsv);
  } else {
    input = { ...agingInput(p), include };
  }
  const before = wasmBytes();
  const start = performance.now();
  const result = { mode, invoices, payments: p.payments.length, customers: customers ?? Math.round(invoices / 50) };
  try {
    const out = mode === 'csv' ? api.agingBatch(input) : api.aging(input);
    result.rows = out.customers?.length;
  } catch (e) {
    result.error = e.message.slice(0, 300);
  }
  result.ms = performance.now() - start;
  result.inputBytes = inputBytes ?? undefined;
  result.memoryBefore = before;
  result.memory = wasmBytes();
  result.rss = process.memoryUsage().rss;
  console.log(JSON.stringify(result));
}

function parent() {
  const records = Number(option('records', 5_000_000));
  const customers = option('customers');
  const include = option('include', 'buckets,customers');
  const cases = option('cases', 'csv,objects').split(',');
  const payments = option('payments', 'yes');
  const pad = option('pad', '0');
  const padChar = option('pad-char', '0');
  // The most invoices whose payments (round(0.3 n)) keep the total within `records`.
  let most = payments === 'yes' ? Math.floor(records / 1.3) : records;
  while (payments === 'yes' && most + 1 + Math.round(0.3 * (most + 1)) <= records) most++;
  const invoices = Number(option('invoices', most));
  const dir = argv[0] ?? 'pkg';
  console.log('| call | invoices | payments | customers | input | result | ms | wasm memory after | process RSS |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const mode of cases) {
    const args = ['--max-old-space-size=16384', new URL(import.meta.url).pathname, '--child', mode, '--pkg', dir,
      '--invoices', String(invoices), '--include', include, '--payments', payments, '--pad', pad, '--pad-char', padChar, ...(customers ? ['--customers', customers] : [])];
    const out = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
    const line = out.stdout.trim().split('\n').pop();
    if (out.status !== 0 || !line) {
      console.log(`| ${mode} | ${invoices} | | | | crashed (${out.status ?? out.signal}): ${out.stderr.trim().split('\n').slice(-3).join(' ')} | | | |`);
      continue;
    }
    const r = JSON.parse(line);
    const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
    const name = mode === 'csv' ? '`agingBatch` CSV' : `\`aging\` objects (include ${include})`;
    console.log(`| ${name} | ${r.invoices.toLocaleString('en')} | ${r.payments.toLocaleString('en')} | ` +
      `${r.customers.toLocaleString('en')} | ${r.inputBytes ? mb(r.inputBytes) : 'objects'} | ` +
      `${r.error ?? `ok, ${r.rows?.toLocaleString('en')} customer rows`} | ${r.ms.toFixed(0)} | ${mb(r.memory)} | ${mb(r.rss)} |`);
  }
}
