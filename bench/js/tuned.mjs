// (c2) The same, tuned: decimal.js for money still, but dates as day numbers from Date.parse,
// customers interned to small integers, typed arrays for everything that is not money, one
// index sort instead of an array of objects per customer, and no intermediate objects.
// Takes anything with the generator's fields (plain objects, or papaparse rows).
import Decimal from 'decimal.js';
import { DAY_MS, bucketOf } from './common.mjs';

const ZERO = new Decimal(0);

export function agingTuned({ asOf, invoices, payments }) {
  const today = Date.parse(asOf) / DAY_MS;
  const n = invoices.length;
  const groupIds = new Map();
  const groupKeys = [];
  const intern = (customerId, currency) => {
    const key = `${customerId}|${currency}`;
    let g = groupIds.get(key);
    if (g === undefined) {
      g = groupKeys.length;
      groupIds.set(key, g);
      groupKeys.push(key);
    }
    return g;
  };

  const group = new Int32Array(n);
  const due = new Int32Array(n);
  const open = new Array(n);
  const ids = new Array(n);
  const order = [];
  const indexOf = new Map();
  for (let i = 0; i < n; i++) {
    const invoice = invoices[i];
    if (Date.parse(invoice.issueDate) / DAY_MS > today) continue;
    group[i] = intern(invoice.customerId, invoice.currency);
    due[i] = Date.parse(invoice.dueDate) / DAY_MS;
    open[i] = new Decimal(invoice.amount);
    ids[i] = invoice.id;
    indexOf.set(invoice.id, i);
    order.push(i);
  }

  const cash = new Array(groupKeys.length).fill(ZERO);
  for (let p = 0; p < payments.length; p++) {
    const payment = payments[p];
    if (Date.parse(payment.date) / DAY_MS > today) continue;
    if (payment.invoiceId) {
      const i = indexOf.get(payment.invoiceId);
      if (i === undefined) throw new Error(`payment ${payment.id}: unknown invoice ${payment.invoiceId}`);
      open[i] = open[i].minus(payment.amount);
      if (open[i].isNegative()) throw new Error(`payment ${payment.id} over-applies ${payment.invoiceId}`);
    } else {
      const g = intern(payment.customerId, payment.currency);
      cash[g] = (cash[g] ?? ZERO).plus(payment.amount);
    }
  }

  const sorted = Uint32Array.from(order).sort(
    (a, b) => group[a] - group[b] || due[a] - due[b] || (ids[a] < ids[b] ? -1 : 1),
  );

  const currencies = {};
  const customers = {};
  const finish = (g, total, left) => {
    customers[groupKeys[g]] = { total: total.toFixed(2), unapplied: left.toFixed(2) };
  };
  let current = -1;
  let left = ZERO;
  let total = ZERO;
  let totals = null;
  for (let k = 0; k < sorted.length; k++) {
    const i = sorted[k];
    if (group[i] !== current) {
      if (current >= 0) finish(current, total, left);
      current = group[i];
      left = cash[current] ?? ZERO;
      total = ZERO;
      const key = groupKeys[current];
      const currency = key.slice(key.indexOf('|') + 1);
      totals = currencies[currency] ??= { buckets: new Array(6).fill(ZERO), counts: new Array(6).fill(0), total: ZERO };
    }
    let rest = open[i];
    if (!left.isZero()) {
      const applied = left.lt(rest) ? left : rest;
      rest = rest.minus(applied);
      left = left.minus(applied);
    }
    if (rest.isZero()) continue;
    const bucket = bucketOf(today - due[i]);
    totals.buckets[bucket] = totals.buckets[bucket].plus(rest);
    totals.counts[bucket] += 1;
    totals.total = totals.total.plus(rest);
    total = total.plus(rest);
  }
  if (current >= 0) finish(current, total, left);
  // Customers with payments but no invoice up to asOf keep all their cash unapplied.
  for (let g = 0; g < groupKeys.length; g++) {
    if (!(groupKeys[g] in customers)) finish(g, ZERO, cash[g] ?? ZERO);
  }
  for (const t of Object.values(currencies)) {
    t.buckets = t.buckets.map((d) => d.toFixed(2));
    t.total = t.total.toFixed(2);
  }
  return { currencies, customers };
}
