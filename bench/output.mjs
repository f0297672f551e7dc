// Reads an arrears aging result into the benchmark's common output (see js/common.mjs), so it
// can be compared to the cent with the JS baselines.
//
// Expects, per the issue: `currencies: [{ currency, total, buckets: [{ label, amount, count }] }]`
// and `customers: [{ customerId, currency, total, unapplied }]`.
export function fromArrears(result) {
  const currencies = {};
  for (const c of result.currencies ?? []) {
    currencies[c.currency] = {
      buckets: c.buckets.map((b) => b.amount),
      counts: c.buckets.map((b) => b.count),
      total: c.total,
    };
  }
  const customers = {};
  for (const c of result.customers ?? []) {
    customers[`${c.customerId}|${c.currency}`] = { total: c.total, unapplied: c.unapplied };
  }
  return { currencies, customers };
}
