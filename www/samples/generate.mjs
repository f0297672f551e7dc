// A seeded portfolio of invoices, payments and credit notes as CSV text, for the aging panel.
// The same seed and size always give the same text, in Node and in the browser.
//
//   node www/samples/generate.mjs [INVOICES] [SEED]   writes invoices.csv, payments.csv and
//                                                     credits.csv next to this file
//
// Defaults: 2,000 invoices, seed 42. The page imports `portfolio()` to make 100,000 rows in
// its worker. The columns are those of `agingBatch` (docs/ledger.md): invoices
// `id,customerId,issueDate,dueDate,amount,currency,disputed`, payments and credits
// `id,customerId,date,amount,currency,invoiceId` (`invoiceId` empty for cash on account).

/** The as-of date the sample is made for: some records fall after it and are ignored. */
export const SAMPLE_AS_OF = '2024-06-30';

/** Currencies with their ISO 4217 minor units and a typical invoice size in minor units. */
const CURRENCIES = [
  { code: 'EUR', digits: 2, low: 50_00, high: 40_000_00, weight: 5 },
  { code: 'USD', digits: 2, low: 50_00, high: 50_000_00, weight: 3 },
  { code: 'GBP', digits: 2, low: 40_00, high: 30_000_00, weight: 1.5 },
  { code: 'JPY', digits: 0, low: 5_000, high: 5_000_000, weight: 0.5 },
];
const NET_DAYS = [14, 30, 30, 30, 45, 60];
const DAY_MS = 86_400_000;

/** mulberry32: a small, fast 32-bit generator; good enough for sample data, and seeded. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const dayOf = (iso) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Minor units as decimal text with the currency's digits: 123456 EUR is "1234.56". */
export function formatMinor(minor, digits) {
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

const pad = (n, width) => String(n).padStart(width, '0');

/**
 * A portfolio as three CSV texts: `{ asOf, invoicesCsv, paymentsCsv, creditsCsv, counts }`.
 * `onProgress(done, total)` is called every 10,000 invoices.
 */
export function portfolio({ invoices = 2_000, seed = 42, asOf = SAMPLE_AS_OF, onProgress } = {}) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const between = (low, high) => low + Math.floor(next() * (high - low + 1));
  const totalWeight = CURRENCIES.reduce((sum, c) => sum + c.weight, 0);
  const weighted = () => {
    let r = next() * totalWeight;
    for (const c of CURRENCIES) if ((r -= c.weight) < 0) return c;
    return CURRENCIES[0];
  };

  // Customers: each bills mostly in one currency, and pays with its own habits.
  const customerCount = Math.max(20, Math.round(invoices / 35));
  const customers = Array.from({ length: customerCount }, (_, k) => ({
    id: `C${pad(k + 1, 5)}`,
    currency: weighted(),
    // Pareto-like sizes, so a few customers hold most of the balance, as in real ledgers.
    size: 1 / (0.05 + next()) ** 1.2,
    lateDays: pick([-5, 0, 0, 3, 7, 15, 30, 60]),
    neverPays: next() < 0.04,
    onAccount: next() < 0.3, // pays without naming the invoice
  }));
  const sizeTotal = customers.reduce((sum, c) => sum + c.size, 0);
  const customerAt = () => {
    let r = next() * sizeTotal;
    for (const c of customers) if ((r -= c.size) < 0) return c;
    return customers[customers.length - 1];
  };

  const end = dayOf(asOf);
  const width = String(invoices).length;
  const invoiceRows = ['id,customerId,issueDate,dueDate,amount,currency,disputed'];
  const paymentRows = ['id,customerId,date,amount,currency,invoiceId'];
  const creditRows = ['id,customerId,date,amount,currency,invoiceId'];
  for (let k = 0; k < invoices; k++) {
    if (onProgress && k % 10_000 === 0) onProgress(k, invoices);
    const customer = customerAt();
    const currency = next() < 0.05 ? weighted() : customer.currency;
    const id = `INV-${pad(k + 1, width)}`;
    const issue = end - between(-10, 400); // a few are issued after asOf
    const due = issue + pick(NET_DAYS);
    // Log-uniform amounts between the currency's low and high.
    const amount = Math.round(currency.low * (currency.high / currency.low) ** next());
    const disputed = next() < 0.02;
    invoiceRows.push(`${id},${customer.id},${isoOf(issue)},${isoOf(due)},${formatMinor(amount, currency.digits)},${currency.code},${disputed}`);

    // A credit note on some invoices: up to a third of the amount, usually naming the invoice.
    let credited = 0;
    if (next() < 0.04) {
      credited = Math.max(1, Math.floor(amount * next() / 3));
      const onInvoice = next() < 0.8;
      creditRows.push(`CN-${id.slice(4)},${customer.id},${isoOf(issue + between(5, 60))},${formatMinor(credited, currency.digits)},${currency.code},${onInvoice ? id : ''}`);
    }
    if (customer.neverPays && next() < 0.85) continue;
    // Most invoices are paid in full, some in part, some not yet.
    const share = next();
    const paying = amount - credited;
    const paid = share < 0.86 ? paying : share < 0.93 ? Math.floor(paying * (0.2 + 0.6 * next())) : 0;
    if (paid <= 0) continue;
    const date = due + customer.lateDays + between(-10, 25);
    const onInvoice = !customer.onAccount || next() < 0.2;
    paymentRows.push(`PAY-${id.slice(4)},${customer.id},${isoOf(Math.max(date, issue))},${formatMinor(paid, currency.digits)},${currency.code},${onInvoice ? id : ''}`);
  }
  // A few payments on account with no invoice behind them: unapplied cash, or overpayment.
  for (let k = 0; k < Math.max(3, Math.round(invoices / 500)); k++) {
    const customer = customerAt();
    const c = customer.currency;
    const amount = between(c.low, c.low * 40);
    paymentRows.push(`ADV-${pad(k + 1, width)},${customer.id},${isoOf(end - between(0, 90))},${formatMinor(amount, c.digits)},${c.code},`);
  }
  onProgress?.(invoices, invoices);
  const text = (rows) => `${rows.join('\n')}\n`;
  return {
    asOf,
    invoicesCsv: text(invoiceRows),
    paymentsCsv: text(paymentRows),
    creditsCsv: text(creditRows),
    counts: { invoices: invoiceRows.length - 1, payments: paymentRows.length - 1, credits: creditRows.length - 1 },
  };
}

// Run as a script in Node: write the sample files next to this one.
if (globalThis.process?.argv?.[1] && import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1]).href) {
  const { writeFile } = await import('node:fs/promises');
  const [count = '2000', seed = '42'] = process.argv.slice(2);
  const sample = portfolio({ invoices: Number(count), seed: Number(seed) });
  for (const name of ['invoices', 'payments', 'credits']) {
    await writeFile(new URL(`./${name}.csv`, import.meta.url), sample[`${name}Csv`]);
  }
  console.log(`as of ${sample.asOf}: ${JSON.stringify(sample.counts)}`);
}
