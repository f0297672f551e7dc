// Reads an arrears aging result into the benchmark's common output (see js/common.mjs), so it
// can be compared to the cent with the JS baselines.
//
// The report (docs/ledger.md): with one currency its summary is at the top level (`currency`,
// `total`, `buckets: [{ label, amount, count }]`), with several in `currencies`; `customers` is
// `[{ customerId, currency, total, unappliedCash }]`. Customers with nothing open and no
// unapplied cash are left out here and in the JS outputs (`settled`), since arrears also lists
// accounts whose only records are dated after asOf.
export function fromArrears(result) {
  const currencies = {};
  for (const c of result.currencies ?? [result]) {
    currencies[c.currency] = {
      buckets: c.buckets.map((b) => b.amount),
      counts: c.buckets.map((b) => b.count),
      total: c.total,
    };
  }
  const customers = {};
  for (const c of result.customers ?? []) {
    customers[`${c.customerId}|${c.currency}`] = { total: c.total, unapplied: c.unappliedCash };
  }
  return withoutSettled({ currencies, customers });
}

/** The common output without customers that have nothing open and no unapplied cash. */
export function withoutSettled({ currencies, customers }) {
  const open = Object.entries(customers).filter(([, c]) => c.total !== '0.00' || c.unapplied !== '0.00');
  return { currencies, customers: Object.fromEntries(open) };
}
