// Packs the generator's records into the typed columns `agingBatch` takes instead of CSV.
// The format is designed to cross into wasm as a few buffers (see bench/README.md):
//
//   customers:  "C00001\nC00002\n..."    every customer id once, joined by "\n"
//   currencies: ["EUR", "USD"]
//   invoices: { id: "INV-1\nINV-2\n...", customer: Uint32Array (index into customers),
//               issueDate: Int32Array, dueDate: Int32Array (days since 1970-01-01),
//               amountMinor: BigInt64Array (whole minor units, cents for EUR),
//               currency: Uint8Array (index into currencies) }
//   payments: { id, customer, date, amountMinor, currency as above,
//               invoice: Int32Array (index into invoices, -1 for none) }
//
// A caller that already holds columns (a database cursor, Arrow, a worker's own arrays) skips
// this step; the benchmark times it apart ("pack columns").
import { DAY_MS } from './js/common.mjs';

export function toColumns({ invoices, payments }) {
  const customerIndex = new Map();
  const customerIds = [];
  const currencies = [];
  const customerOf = (id) => {
    let c = customerIndex.get(id);
    if (c === undefined) {
      c = customerIds.length;
      customerIndex.set(id, c);
      customerIds.push(id);
    }
    return c;
  };
  const currencyOf = (code) => {
    let c = currencies.indexOf(code);
    if (c < 0) c = currencies.push(code) - 1;
    return c;
  };
  // The generator writes every amount with two decimals: "1234.50" is 123450n cents.
  const minor = (amount) => BigInt(amount.replace('.', ''));

  const n = invoices.length;
  const inv = {
    id: '',
    customer: new Uint32Array(n),
    issueDate: new Int32Array(n),
    dueDate: new Int32Array(n),
    amountMinor: new BigInt64Array(n),
    currency: new Uint8Array(n),
  };
  const ids = new Array(n);
  const invoiceIndex = new Map();
  for (let i = 0; i < n; i++) {
    const r = invoices[i];
    ids[i] = r.id;
    invoiceIndex.set(r.id, i);
    inv.customer[i] = customerOf(r.customerId);
    inv.issueDate[i] = Date.parse(r.issueDate) / DAY_MS;
    inv.dueDate[i] = Date.parse(r.dueDate) / DAY_MS;
    inv.amountMinor[i] = minor(r.amount);
    inv.currency[i] = currencyOf(r.currency);
  }
  inv.id = ids.join('\n');

  const m = payments.length;
  const pay = {
    id: '',
    customer: new Uint32Array(m),
    date: new Int32Array(m),
    amountMinor: new BigInt64Array(m),
    currency: new Uint8Array(m),
    invoice: new Int32Array(m),
  };
  const payIds = new Array(m);
  for (let p = 0; p < m; p++) {
    const r = payments[p];
    payIds[p] = r.id;
    pay.customer[p] = customerOf(r.customerId);
    pay.date[p] = Date.parse(r.date) / DAY_MS;
    pay.amountMinor[p] = minor(r.amount);
    pay.currency[p] = currencyOf(r.currency);
    pay.invoice[p] = r.invoiceId ? invoiceIndex.get(r.invoiceId) ?? -2 : -1;
  }
  pay.id = payIds.join('\n');
  return { customers: customerIds.join('\n'), currencies, invoices: inv, payments: pay };
}
