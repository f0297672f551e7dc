// (c1) What a JS team would write first: decimal.js for money, date-fns for dates, objects
// and Maps, one pass per step. Takes the generator's plain objects.
import Decimal from 'decimal.js';
import { differenceInCalendarDays, isAfter, parseISO } from 'date-fns';
import { bucketOf } from './common.mjs';

export function agingIdiomatic({ asOf, invoices, payments }) {
  const today = parseISO(asOf);
  const byId = new Map();
  const groups = new Map(); // "customer|currency" -> { invoices: [], cash: Decimal }
  const groupOf = (customerId, currency) => {
    const key = `${customerId}|${currency}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { invoices: [], cash: new Decimal(0) }));
    return group;
  };

  for (const invoice of invoices) {
    if (isAfter(parseISO(invoice.issueDate), today)) continue;
    const entry = { id: invoice.id, due: parseISO(invoice.dueDate), open: new Decimal(invoice.amount) };
    byId.set(invoice.id, entry);
    groupOf(invoice.customerId, invoice.currency).invoices.push(entry);
  }

  // Payments that name their invoice first, then the rest oldest-first.
  for (const payment of payments) {
    if (isAfter(parseISO(payment.date), today)) continue;
    if (payment.invoiceId) {
      const entry = byId.get(payment.invoiceId);
      if (!entry) throw new Error(`payment ${payment.id}: unknown invoice ${payment.invoiceId}`);
      entry.open = entry.open.minus(payment.amount);
      if (entry.open.isNegative()) throw new Error(`payment ${payment.id} over-applies ${payment.invoiceId}`);
    } else {
      const group = groupOf(payment.customerId, payment.currency);
      group.cash = group.cash.plus(payment.amount);
    }
  }

  const currencies = {};
  const customers = {};
  for (const [key, group] of groups) {
    const currency = key.slice(key.indexOf('|') + 1);
    group.invoices.sort((a, b) => a.due - b.due || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    let cash = group.cash;
    let total = new Decimal(0);
    const totals = (currencies[currency] ??= {
      buckets: Array.from({ length: 6 }, () => new Decimal(0)),
      counts: new Array(6).fill(0),
      total: new Decimal(0),
    });
    for (const entry of group.invoices) {
      const applied = Decimal.min(cash, entry.open);
      entry.open = entry.open.minus(applied);
      cash = cash.minus(applied);
      if (entry.open.isZero()) continue;
      const bucket = bucketOf(differenceInCalendarDays(today, entry.due));
      totals.buckets[bucket] = totals.buckets[bucket].plus(entry.open);
      totals.counts[bucket] += 1;
      totals.total = totals.total.plus(entry.open);
      total = total.plus(entry.open);
    }
    customers[key] = { total: total.toFixed(2), unapplied: cash.toFixed(2) };
  }
  for (const totals of Object.values(currencies)) {
    totals.buckets = totals.buckets.map((d) => d.toFixed(2));
    totals.total = totals.total.toFixed(2);
  }
  return { currencies, customers };
}
