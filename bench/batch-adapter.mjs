// agingBatch over the raw wasm exports `agingBatchCsv` and `agingBatchColumns` (the binding the
// bench proposes; see bench/README.md), for as long as the package does not export agingBatch
// itself. It is also what the package's wrapper needs to do: options as JSON, data as is.
import { ArrearsError } from '../pkg/shared.js';

const EMPTY = {
  id: '', customer: new Uint32Array(0), date: new Int32Array(0), amountMinor: new Float64Array(0),
  currency: new Uint8Array(0), invoice: new Int32Array(0),
};
const joined = (v) => (Array.isArray(v) ? v.join('\n') : v);

export function batchFromGlue(glue) {
  if (typeof glue.agingBatchCsv !== 'function') return undefined;
  const call = (fn) => {
    try {
      return JSON.parse(fn());
    } catch (e) {
      if (e?.name === 'ArrearsError') throw new ArrearsError(e.message, e.code, e.path);
      throw e;
    }
  };
  return function agingBatch(input) {
    const { asOf, buckets, basis, invoicesCsv, paymentsCsv, creditsCsv, customers, currencies, invoices, payments, credits } = input;
    const options = JSON.stringify({ asOf, buckets, basis });
    if (typeof invoicesCsv === 'string') {
      return call(() => glue.agingBatchCsv(options, invoicesCsv, paymentsCsv, creditsCsv));
    }
    const i = invoices;
    const p = payments ?? EMPTY;
    const c = credits ?? EMPTY;
    return call(() => glue.agingBatchColumns(
      options, joined(customers), joined(currencies),
      joined(i.id), i.customer, i.issueDate, i.dueDate, i.amountMinor, i.currency, i.disputed ?? new Uint8Array(0),
      joined(p.id), p.customer, p.date, p.amountMinor, p.currency, p.invoice,
      joined(c.id), c.customer, c.date, c.amountMinor, c.currency, c.invoice,
    ));
  };
}
