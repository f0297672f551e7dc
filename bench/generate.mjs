// A seeded, deterministic portfolio of invoices and payments for the benchmarks.
//
//   import { generate } from './generate.mjs';
//   const p = generate({ invoices: 100_000, seed: 1 });
//   p.asOf, p.invoices, p.payments        plain objects, the shape `aging` takes
//   p.invoicesCsv, p.paymentsCsv          the same records as CSV text with a header row
//
// Run as a script to write the CSV files and the `aging` JSON input under bench/data/
// (gitignored), for the native benches:
//   node bench/generate.mjs 100000 [seed]
//
// What it makes (same seed, same bytes, on every machine and Node version):
// - N invoices, ids INV-0000001.. (zero padded, so text order is number order), for N/50
//   customers C00001.. (or `customers` of them); 90% of customers bill in EUR only, 10% in
//   EUR and USD.
// - issue dates spread over the 730 days before asOf, and 0.5% of invoices dated after asOf
//   (they must be ignored); due date = issue + one of 7, 14, 30, 45, 60 days.
// - amounts 10.00 to 20,000.00 with two decimals.
// - 0.3·N payments, dated 0 to 90 days after the invoice they come from (some of them after
//   asOf, ignored): 60% name their invoice (`invoiceId`, at most one such payment per invoice,
//   never more than it), 40% do not and are allocated oldest-first within the customer and
//   currency; one customer in 100 also pays more than all it owes (an overpayment, which stays
//   as unapplied cash).

export const DEFAULT_AS_OF = '2026-06-30';
const DAY_MS = 86_400_000;
const TERMS = [7, 14, 30, 45, 60];

/** mulberry32: a small seeded generator, good enough for test data. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n, width) => String(n).padStart(width, '0');
const isoDays = new Map();
const isoDay = (day) => {
  let text = isoDays.get(day);
  if (text === undefined) isoDays.set(day, (text = new Date(day * DAY_MS).toISOString().slice(0, 10)));
  return text;
};
const cents = (c) => `${Math.trunc(c / 100)}.${pad(c % 100, 2)}`;

/**
 * Generates a portfolio.
 * @param {{ invoices: number, customers?: number, seed?: number, asOf?: string, csv?: boolean }} options
 *   `customers` defaults to one for every 50 invoices.
 */
export function generate({ invoices: n, customers, seed = 1, asOf = DEFAULT_AS_OF, csv = true }) {
  const random = rng(seed);
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const asOfDay = Date.parse(asOf) / DAY_MS;
  const customerCount = customers ?? Math.max(1, Math.round(n / 50));
  const twoCurrencies = new Uint8Array(customerCount);
  for (let c = 0; c < customerCount; c++) twoCurrencies[c] = random() < 0.1 ? 1 : 0;

  const invoices = new Array(n);
  const invCustomer = new Int32Array(n);
  const invIssue = new Int32Array(n);
  const invCents = new Float64Array(n);
  const owedCents = new Map(); // "customer|currency" -> cents invoiced up to asOf
  for (let i = 0; i < n; i++) {
    const c = int(0, customerCount - 1);
    const currency = twoCurrencies[c] && random() < 0.5 ? 'USD' : 'EUR';
    const issue = random() < 0.005 ? asOfDay + int(1, 20) : asOfDay - int(0, 729);
    const due = issue + TERMS[int(0, TERMS.length - 1)];
    const amount = int(1_000, 2_000_000);
    invCustomer[i] = c;
    invIssue[i] = issue;
    invCents[i] = amount;
    invoices[i] = {
      id: `INV-${pad(i + 1, 7)}`,
      customerId: `C${pad(c + 1, 5)}`,
      issueDate: isoDay(issue),
      dueDate: isoDay(due),
      amount: cents(amount),
      currency,
    };
    if (issue <= asOfDay) {
      const key = `${invoices[i].customerId}|${currency}`;
      owedCents.set(key, (owedCents.get(key) ?? 0) + amount);
    }
  }

  const paymentCount = Math.round(n * 0.3);
  const payments = [];
  const paidExplicitly = new Uint8Array(n);
  const overpaid = new Set();
  for (let p = 0; p < paymentCount; p++) {
    const i = int(0, n - 1);
    const invoice = invoices[i];
    const date = invIssue[i] + int(0, 90);
    const named = random() < 0.6 && !paidExplicitly[i];
    let amount;
    if (named) {
      paidExplicitly[i] = 1;
      amount = random() < 0.7 ? invCents[i] : int(1, invCents[i]);
    } else {
      amount = random() < 0.5 ? invCents[i] : int(100, invCents[i]);
    }
    const key = `${invoice.customerId}|${invoice.currency}`;
    if (!named && invCustomer[i] % 100 === 7 && !overpaid.has(key)) {
      // One customer in 100: a payment of everything it owes and 100.00 more.
      overpaid.add(key);
      amount = (owedCents.get(key) ?? 0) + 10_000;
    }
    payments.push({
      id: `PAY-${pad(p + 1, 7)}`,
      customerId: invoice.customerId,
      date: isoDay(date),
      amount: cents(amount),
      currency: invoice.currency,
      invoiceId: named ? invoice.id : '',
    });
  }

  const portfolio = { asOf, invoices, payments };
  if (csv) {
    portfolio.invoicesCsv = toCsv(['id', 'customerId', 'issueDate', 'dueDate', 'amount', 'currency'], invoices);
    portfolio.paymentsCsv = toCsv(['id', 'customerId', 'date', 'amount', 'currency', 'invoiceId'], payments);
  }
  return portfolio;
}

/** Plain objects without an empty `invoiceId`, the shape `aging` takes (`appliesTo` for named payments). */
export function agingInput({ asOf, invoices, payments }) {
  return {
    asOf,
    invoices,
    payments: payments.map(({ invoiceId, ...p }) =>
      invoiceId ? { ...p, appliesTo: [{ invoiceId, amount: p.amount }] } : p),
  };
}

/** CSV text with a header row (RFC 4180: fields with a comma, quote or newline are quoted). */
export function toCsv(columns, rows) {
  const quote = (v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((c) => quote(String(row[c] ?? ''))).join(','));
  return lines.join('\n') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const n = Number(process.argv[2] ?? 10_000);
  const seed = Number(process.argv[3] ?? 1);
  const p = generate({ invoices: n, seed });
  const dir = new URL('./data/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL(`invoices-${n}.csv`, dir), p.invoicesCsv);
  writeFileSync(new URL(`payments-${n}.csv`, dir), p.paymentsCsv);
  const aging = { ...agingInput(p), include: ['buckets', 'customers'] };
  writeFileSync(new URL(`aging-${n}.json`, dir), JSON.stringify(aging));
  console.log(`wrote bench/data/{invoices,payments}-${n}.csv and aging-${n}.json (asOf ${p.asOf}, seed ${seed})`);
}
