// The small calls a front-end or an edge function makes, per call in Node (wasm, warm) beside
// the same calls natively (criterion, `cargo bench --bench calls`), and `charges` over the
// benchmark portfolio:
//   quote           one account of 20 invoices (EUR), a late fee and the EU statutory interest
//   paymentPlan     10,000.00 at 8.5% in 360 monthly installments
//   settlementOffers one account of 20 invoices, the default settlement terms
//   charges         the 100,000-invoice portfolio of generate.mjs, the same policy
//
//   node bench/calls.mjs --write      writes bench/data/calls.json (the inputs) for the native bench
//   node bench/calls.mjs [--runs 5]   measures in Node and prints the table with the native figures
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { agingInput, generate } from './generate.mjs';
import { optionsOf } from './options.mjs';

/** The inputs, by criterion's bench name. */
export function inputs() {
  const account = agingInput(generate({ invoices: 20, customers: 1, seed: 7, csv: false }));
  const eur = {
    asOf: account.asOf,
    invoices: account.invoices.filter((i) => i.currency === 'EUR'),
    payments: account.payments.filter((p) => p.currency === 'EUR'),
  };
  const policy = {
    fees: [{ id: 'late', kind: 'flat', amount: '40.00', graceDays: 30, maxCount: 1 }],
    interest: { regime: 'EU-2011-7' },
  };
  const portfolio = agingInput(generate({ invoices: 100_000, csv: false }));
  return {
    'quote 20 invoices': ['quote', { ...eur, goodThrough: '2026-07-15', policy }],
    'paymentPlan 360 monthly': ['paymentPlan', { principal: '10000.00', annualRate: '0.085', count: 360, frequency: 'monthly', firstDueDate: '2026-07-31', currency: 'EUR' }],
    'settlementOffers 20 invoices': ['settlementOffers', { ...eur, policy }],
    'charges 100000 invoices': ['charges', { ...portfolio, policy }],
  };
}

const option = optionsOf(process.argv.slice(2));

if (import.meta.url === `file://${process.argv[1]}`) {
  const all = inputs();
  if (process.argv.includes('--write')) {
    mkdirSync(new URL('./data/', import.meta.url), { recursive: true });
    writeFileSync(new URL('./data/calls.json', import.meta.url), JSON.stringify(all));
  } else {
    const arrears = await import('arrears');
    const runs = Number(option('runs', 5));
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const native = (name) => {
      try {
        const path = new URL(`../target/criterion/calls/${name}/new/estimates.json`, import.meta.url);
        return JSON.parse(readFileSync(path, 'utf8')).median.point_estimate / 1e6;
      } catch {
        return undefined;
      }
    };
    const shown = (ms) => (ms === undefined ? '-' : ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(1)} ms`);
    console.log(`| call | wasm in Node ${process.version} | native (criterion) |`);
    console.log('|---|---|---|');
    for (const [name, [entry, input]] of Object.entries(all)) {
      arrears[entry](input);
      // Enough calls a run to fill about 200 ms, at least one.
      const once = performance.now();
      arrears[entry](input);
      const calls = Math.max(1, Math.round(200 / Math.max(performance.now() - once, 0.001)));
      const times = Array.from({ length: runs }, () => {
        const start = performance.now();
        for (let i = 0; i < calls; i++) arrears[entry](input);
        return (performance.now() - start) / calls;
      });
      console.log(`| ${name} | ${shown(median(times))} | ${shown(native(name))} |`);
    }
  }
}
