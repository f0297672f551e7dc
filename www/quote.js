// The payoff-quote panel: a sample account's open invoices and payments (editable), a policy
// preset, and what `quote` says is owed if paid on the good-through day: its lines, total and
// per diem, the disputed invoices apart, and a chart of the total day by day. Every figure
// comes from the `arrears` package; this file reads the form and draws.

import { init, quote, charges } from 'arrears';
import { addDays, addRecordRow, daysBetween, describe, element, fieldOfRow, grouped, longDate, recordsOf, relabelRows, svg } from './dom.js';

const $ = (id) => document.getElementById(id);
const CUSTOMER = 'acme';
const MAX_POINTS = 200; // quote calls per chart
const CHART_DAYS = 60; // the chart's default end, after the good-through day

const statutory = (regime) => ({ interest: { regime }, compensation: { regime } });
const PRESETS = {
  'UK-LPA': { currency: 'GBP', policy: statutory('UK-LPA') },
  'EU-2011-7': { currency: 'EUR', policy: statutory('EU-2011-7') },
  'DE-288': { currency: 'EUR', policy: statutory('DE-288') },
  'FR-L441-10': { currency: 'EUR', policy: statutory('FR-L441-10') },
  custom: {
    currency: 'EUR',
    policy: {
      fees: [{ id: 'late-fee', kind: 'flat', amount: '25', graceDays: 10, every: { months: 1 }, maxCount: 3 }],
      interest: { annualRate: '0.12' },
    },
  },
};

// Fixed dates, so the page (and its screenshots) look the same whenever they are opened.
const SAMPLE = {
  asOf: '2026-11-20',
  goodThrough: '2026-11-30',
  invoices: [
    { id: 'INV-1041', issueDate: '2026-06-15', dueDate: '2026-07-15', amount: '1250.00' },
    { id: 'INV-1057', issueDate: '2026-08-03', dueDate: '2026-09-02', amount: '480.00' },
    { id: 'INV-1063', issueDate: '2026-09-01', dueDate: '2026-10-01', amount: '12400.00' },
    { id: 'INV-1071', issueDate: '2026-09-20', dueDate: '2026-10-20', amount: '760.00', disputed: true },
    { id: 'INV-1088', issueDate: '2026-11-02', dueDate: '2026-12-02', amount: '2150.00' },
  ],
  payments: [{ id: 'PAY-311', date: '2026-08-20', amount: '500.00' }],
};

// The editable tables' columns: [field, label, input type].
const COLUMNS = {
  invoices: [['id', 'Invoice', 'text'], ['issueDate', 'Issued', 'date'], ['dueDate', 'Due', 'date'], ['amount', 'Amount', 'text'], ['disputed', 'Disputed', 'checkbox']],
  payments: [['id', 'Payment', 'text'], ['date', 'Date', 'date'], ['amount', 'Amount', 'text']],
};

const view = {
  form: $('quote-form'),
  preset: $('quote-preset'),
  currency: $('quote-currency'),
  asOf: $('quote-as-of'),
  goodThrough: $('quote-good-through'),
  chartTo: $('quote-chart-to'),
};
let chartToEdited = false;

// ---- small helpers ----

/** The form field an error's path names (`invoices[2].amount`, `goodThrough`), if shown. */
function fieldOf(path) {
  const match = /^(invoices|payments)\[(\d+)\]\.?(\w*)/.exec(path);
  if (match === null) return { asOf: view.asOf, goodThrough: view.goodThrough, chartTo: view.chartTo }[path] ?? null;
  if (match[3] === 'currency') return view.currency;
  return fieldOfRow($(`quote-${match[1]}`), Number(match[2]), match[3]);
}

function showError(error) {
  for (const field of view.form.querySelectorAll('[aria-invalid]')) field.removeAttribute('aria-invalid');
  $('quote-error').textContent = error === null ? '' : describe(error);
  $('quote-error').hidden = error === null;
  if (error?.path) fieldOf(error.path)?.setAttribute('aria-invalid', 'true');
}

// ---- the form ----

const addRow = (kind, record) => addRecordRow($(`quote-${kind}`), COLUMNS[kind], record, kind.slice(0, -1));
const relabel = (kind) => relabelRows($(`quote-${kind}`), kind.slice(0, -1));
/** The table's rows as the ledger's records, every row (so an error's index is its row). */
const records = (kind, currency) => recordsOf($(`quote-${kind}`), { customerId: CUSTOMER, currency });

function readForm() {
  const currency = view.currency.value;
  return {
    asOf: view.asOf.value,
    goodThrough: view.goodThrough.value,
    invoices: records('invoices', currency),
    payments: records('payments', currency),
    policy: PRESETS[view.preset.value].policy,
  };
}

function applyPreset() {
  const preset = PRESETS[view.preset.value];
  view.currency.value = preset.currency;
  $('quote-policy').textContent = JSON.stringify(preset.policy, null, 2);
}

// ---- the answer ----

/**
 * The warnings of the invoices in a quote through `day` (a reference rate past its table,
 * say). `quote` itself returns none, so they come from `charges` on the same records.
 */
function warningsOf(input, day) {
  const { invoices } = charges({
    asOf: day,
    invoices: input.invoices.filter((i) => i.issueDate <= input.asOf),
    payments: input.payments.filter((p) => p.date <= input.asOf),
    policy: input.policy,
  });
  return invoices.flatMap((i) => i.warnings ?? []);
}

function drawQuote(result, warnings) {
  const { currency } = result;
  const money = (amount) => `${grouped(amount)} ${currency}`;
  $('quote-paid-on').textContent = longDate(result.goodThrough);
  $('quote-paid-on').dateTime = result.goodThrough;
  $('quote-total').textContent = money(result.total);
  $('quote-total').dataset.value = result.total;
  $('quote-per-diem').textContent = `${money(result.perDiem)} a day`;
  $('quote-per-diem').dataset.value = result.perDiem;

  const rows = result.lines.map((line) => {
    const row = element('tr', { className: line.kind },
      element('td', { textContent: line.text }),
      element('td', { className: 'num', textContent: grouped(line.amount) }));
    Object.assign(row.dataset, { invoice: line.invoiceId, kind: line.kind, amount: line.amount });
    return row;
  });
  $('quote-lines').replaceChildren(
    element('caption', { textContent: `What is owed if paid on ${longDate(result.goodThrough)}, in ${currency}` }),
    element('tbody', {}, ...rows),
    element('tfoot', {}, element('tr', { className: 'total' },
      element('th', { scope: 'row', textContent: 'Total' }),
      element('td', { className: 'num', textContent: grouped(result.total) }))),
  );

  $('quote-disputed').replaceChildren(...result.disputed.map((inv) => {
    const li = element('li', { textContent: `${inv.id}: ${grouped(inv.principal)} principal, ${grouped(inv.interest)} interest, ${money(inv.total)} in all` });
    Object.assign(li.dataset, { invoice: inv.id, total: inv.total });
    return li;
  }));
  $('quote-disputed-box').hidden = result.disputed.length === 0;

  // One per invoice whose interest runs past the rate table: the first few say it.
  const shown = warnings.length > 3 ? [...warnings.slice(0, 3), `… and ${warnings.length - 3} more like these`] : warnings;
  $('quote-warnings').replaceChildren(...shown.map((text) => element('li', { textContent: text })));
  $('quote-warnings').hidden = warnings.length === 0;
}

/** The days the chart quotes: every day from `from` to `to`, or every few for a long span. */
function chartDays(from, to) {
  const span = daysBetween(from, to);
  const step = Math.max(1, Math.ceil(span / (MAX_POINTS - 1)));
  const days = [];
  for (let k = 0; k < span; k += step) days.push(addDays(from, k));
  days.push(to);
  return { days, step };
}

/** The total of `quote` for each chart day, drawn as a line (pixels only: no money is added here). */
function drawChart(input, currency, warnings) {
  $('quote-chart-box').hidden = true;
  const to = view.chartTo.value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(to) || to < input.asOf) {
    throw { code: 'out_of_range', path: 'chartTo', message: `the chart runs from the as-of date, ${input.asOf}, to a day on or after it` };
  }
  const { days, step } = chartDays(input.asOf, to);
  const points = days.map((day) => ({ day, total: quote({ ...input, goodThrough: day }).total }));

  const [width, height, left, right, top, bottom] = [640, 240, 84, 16, 14, 34];
  const values = points.map((p) => Number(p.total));
  const low = Math.min(...values);
  const high = Math.max(...values);
  const x = (day) => left + (daysBetween(input.asOf, day) / Math.max(1, daysBetween(input.asOf, to))) * (width - left - right);
  const y = (value) => top + (high === low ? 0.5 : (high - value) / (high - low)) * (height - top - bottom);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.day).toFixed(1)},${y(Number(p.total)).toFixed(1)}`).join(' ');
  const totalAt = (value) => points.find((p) => Number(p.total) === value).total;
  const base = height - bottom;
  const last = points[points.length - 1];
  const chart = svg('svg', { id: 'quote-chart', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-labelledby': 'quote-chart-title' },
    svg('title', { id: 'quote-chart-title' }, `The total owed in ${currency} if paid on each day from ${input.asOf} to ${to}`),
    svg('line', { class: 'axis', x1: left, y1: base, x2: width - right, y2: base }),
    svg('text', { x: left - 6, y: y(low), 'text-anchor': 'end', 'dominant-baseline': 'central' }, grouped(totalAt(low))),
    svg('text', { x: left, y: height - 10, 'text-anchor': 'start' }, longDate(input.asOf)),
    svg('text', { x: width - right, y: height - 10, 'text-anchor': 'end' }, longDate(to)),
    svg('path', { class: 'area', d: `${path} L${x(to).toFixed(1)},${base} L${left},${base} Z` }),
    svg('path', { class: 'line', d: path }));
  if (high !== low) chart.append(svg('text', { x: left - 6, y: y(high), 'text-anchor': 'end', 'dominant-baseline': 'central' }, grouped(totalAt(high))));
  if (input.goodThrough >= input.asOf && input.goodThrough <= to) {
    const gx = x(input.goodThrough).toFixed(1);
    chart.append(
      svg('line', { class: 'good-through', x1: gx, y1: top, x2: gx, y2: base }),
      svg('text', { class: 'value', x: Number(gx) + 4, y: top + 8 }, 'good through'));
  }
  const dots = svg('g', { class: 'points' });
  for (const p of points) {
    dots.append(svg('circle', { cx: x(p.day).toFixed(1), cy: y(Number(p.total)).toFixed(1), r: 2, 'data-date': p.day, 'data-total': p.total },
      svg('title', {}, `${longDate(p.day)}: ${grouped(p.total)} ${currency}`)));
  }
  chart.append(dots);
  $('quote-chart').replaceWith(chart);

  const later = [...new Set(warningsOf(input, to))].filter((w) => !warnings.includes(w));
  $('quote-chart-caption').textContent =
    `The total if paid on each day from ${longDate(input.asOf)} to ${longDate(to)}: ${grouped(points[0].total)} to ${grouped(last.total)} ${currency} ` +
    `(${points.length} quote calls, ${step === 1 ? 'every day' : `every ${step} days`}).` +
    (later.length === 0 ? '' : ` Note: ${later[0]}${later.length > 1 ? ` (and ${later.length - 1} more like it)` : ''}.`);
  $('quote-chart-box').hidden = false;
}

function update() {
  const input = readForm();
  let result = null;
  showError(null);
  try {
    result = quote(input);
    const warnings = [...new Set([...(result.warnings ?? []), ...warningsOf(input, input.goodThrough)])];
    drawQuote(result, warnings);
    drawChart(input, result.currency, warnings);
  } catch (error) {
    showError(error);
  }
  $('quote-result').hidden = result === null;
}

// ---- wiring ----

view.form.addEventListener('submit', (event) => event.preventDefault());
view.form.addEventListener('input', ({ target }) => {
  if (target === view.preset) applyPreset();
  if (target === view.chartTo) chartToEdited = view.chartTo.value !== '';
  if (!chartToEdited && /^\d{4}-\d{2}-\d{2}$/.test(view.goodThrough.value)) view.chartTo.value = addDays(view.goodThrough.value, CHART_DAYS);
  update();
});
view.form.addEventListener('click', ({ target }) => {
  const add = target.closest('button[data-add]');
  const remove = target.closest('button.remove');
  if (add) {
    const kind = add.dataset.add;
    const n = $(`quote-${kind}`).tBodies[0].rows.length + 1;
    addRow(kind, kind === 'invoices'
      ? { id: `INV-${n}`, issueDate: view.asOf.value, dueDate: addDays(view.asOf.value || SAMPLE.asOf, 30), amount: '1000.00' }
      : { id: `PAY-${n}`, date: view.asOf.value, amount: '100.00' });
  } else if (remove) {
    const kind = remove.closest('table').id.replace('quote-', '');
    remove.closest('tr').remove();
    relabel(kind);
  } else {
    return;
  }
  update();
});

for (const record of SAMPLE.invoices) addRow('invoices', record);
for (const record of SAMPLE.payments) addRow('payments', record);
view.asOf.value = SAMPLE.asOf;
view.goodThrough.value = SAMPLE.goodThrough;
view.chartTo.value = addDays(SAMPLE.goodThrough, CHART_DAYS);
applyPreset();

try {
  await init();
  $('quote-status').hidden = true;
  update();
} catch (error) {
  $('quote-status').textContent = `Could not load arrears: ${error?.message ?? error}`;
  $('quote-status').classList.add('error');
}
