// (c3) For CSV input: papaparse (header row, rows as objects) in front of the tuned version.
import Papa from 'papaparse';
import { agingTuned } from './tuned.mjs';

const options = { header: true, skipEmptyLines: true };

export function agingPapa({ asOf, invoicesCsv, paymentsCsv }) {
  const invoices = Papa.parse(invoicesCsv, options);
  const payments = Papa.parse(paymentsCsv, options);
  for (const [name, parsed] of [['invoicesCsv', invoices], ['paymentsCsv', payments]]) {
    if (parsed.errors.length) {
      const e = parsed.errors[0];
      throw new Error(`${name}:${e.row + 2}: ${e.message}`);
    }
  }
  return agingTuned({ asOf, invoices: invoices.data, payments: payments.data });
}
