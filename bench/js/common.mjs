// What every JS baseline shares: the default buckets and the common output they all produce.
//
// The common output (compared to the cent across all implementations):
//   {
//     currencies: { EUR: { buckets: ["1234.50", ...6], counts: [12, ...6], total: "..." } },
//     customers:  { "C00001|EUR": { total: "...", unapplied: "..." } },
//   }
// buckets are days past due: Current (<= 0), 1-30, 31-60, 61-90, 91-120, over 120; counts are
// invoices with something open. A customer appears per currency it was invoiced in.

export const DAY_MS = 86_400_000;

/** The default aging buckets, as the issue lists them. */
export const BUCKETS = [
  { label: 'Current', from: null, to: 0 },
  { label: '1-30', from: 1, to: 30 },
  { label: '31-60', from: 31, to: 60 },
  { label: '61-90', from: 61, to: 90 },
  { label: '91-120', from: 91, to: 120 },
  { label: '>120', from: 121, to: null },
];

/** The index of the bucket for `days` past due. */
export function bucketOf(days) {
  if (days <= 0) return 0;
  if (days <= 30) return 1;
  if (days <= 60) return 2;
  if (days <= 90) return 3;
  if (days <= 120) return 4;
  return 5;
}

/** The differences between two common outputs, as readable lines (empty when they agree). */
export function differences(a, b, nameA = 'a', nameB = 'b') {
  const out = [];
  const walk = (x, y, path) => {
    if (out.length >= 10) return;
    if (x !== null && typeof x === 'object' && y !== null && typeof y === 'object') {
      for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) walk(x[k], y[k], `${path}.${k}`);
    } else if (x !== y) {
      out.push(`${path}: ${nameA} ${JSON.stringify(x)} != ${nameB} ${JSON.stringify(y)}`);
    }
  };
  walk(a, b, '');
  return out;
}
