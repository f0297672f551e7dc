// The plan-builder panel: a principal, an annual rate, a count or a level payment, a frequency,
// a method and a first due date → `paymentPlan`'s schedule as a table and the balance after
// each installment as a chart. Every figure comes from the `arrears` package; this file reads
// the form and draws (the chart turns balances into pixels, nothing more).

import { init, paymentPlan } from 'arrears';
import { describe, element, grouped, longDate, svg } from './dom.js';

const $ = (id) => document.getElementById(id);

// Fixed defaults, so the page (and its screenshots) look the same whenever they are opened:
// 10,000.00 at 8.5% a year, monthly, in 36 (the reference case usd-10000-8.5-m36).
const SAMPLE = {
  principal: '10000.00',
  annualRate: '0.085',
  by: 'count',
  count: '36',
  payment: '500.00',
  frequency: 'monthly',
  method: 'amortized',
  firstDueDate: '2024-01-31',
  currency: 'USD',
};

const view = {
  form: $('plan-form'),
  principal: $('plan-principal'),
  annualRate: $('plan-rate'),
  count: $('plan-count'),
  payment: $('plan-payment'),
  frequency: $('plan-frequency'),
  method: $('plan-method'),
  firstDueDate: $('plan-first-due'),
  currency: $('plan-currency'),
};
const by = () => view.form.elements.by.value; // 'count' or 'payment'

// ---- the form ----

function readForm() {
  const input = {
    principal: view.principal.value.trim(),
    annualRate: view.annualRate.value.trim(),
    frequency: view.frequency.value,
    method: view.method.value,
    firstDueDate: view.firstDueDate.value,
  };
  if (by() === 'count') {
    // A count that is not a whole number goes as typed, so the engine names the field.
    const text = view.count.value.trim();
    input.count = /^\d+$/.test(text) ? Number(text) : text;
  } else {
    input.payment = view.payment.value.trim();
  }
  const currency = view.currency.value.trim().toUpperCase();
  if (currency !== '') input.currency = currency;
  return input;
}

/** Enables the field of the chosen way to size the plan, disables the other. */
function applyBy() {
  view.count.disabled = by() !== 'count';
  view.payment.disabled = by() !== 'payment';
}

function showError(error) {
  for (const field of view.form.querySelectorAll('[aria-invalid]')) field.removeAttribute('aria-invalid');
  $('plan-error').textContent = error === null ? '' : describe(error);
  $('plan-error').hidden = error === null;
  if (error?.path) view[error.path]?.setAttribute('aria-invalid', 'true');
}

// ---- the answer ----

function drawSummary(plan, input) {
  const unit = plan.currency ? ` ${plan.currency}` : '';
  const rows = [
    ['installment', input.method === 'amortized' ? 'Level payment' : 'First installment', plan.installment],
    ['count', 'Installments', String(plan.schedule.length)],
    ['financed', 'Financed', plan.financed],
    ['interest', 'Interest in all', plan.totals.interest],
    ['payments', 'Paid in all', plan.totals.payments],
  ];
  $('plan-summary').replaceChildren(...rows.flatMap(([key, label, value]) => {
    const dd = element('dd', { textContent: key === 'count' ? value : `${grouped(value)}${unit}` });
    Object.assign(dd.dataset, { key, value });
    return [element('dt', { textContent: label }), dd];
  }));
  const warnings = plan.warnings ?? [];
  $('plan-warnings').replaceChildren(...warnings.map((text) => element('li', { textContent: text })));
  $('plan-warnings').hidden = warnings.length === 0;
}

function drawSchedule(plan) {
  const columns = [['payment', 'Payment'], ['interest', 'Interest'], ['principal', 'Principal'], ['balance', 'Balance']];
  const head = element('tr', {},
    element('th', { scope: 'col', textContent: 'No.' }),
    element('th', { scope: 'col', textContent: 'Due' }),
    ...columns.map(([, title]) => element('th', { scope: 'col', className: 'num', textContent: title })));
  const rows = plan.schedule.map((i) => {
    const row = element('tr', {},
      element('th', { scope: 'row', textContent: String(i.number) }),
      element('td', { textContent: longDate(i.dueDate) }),
      ...columns.map(([field]) => element('td', { className: 'num', textContent: grouped(i[field]) })));
    Object.assign(row.dataset, { number: i.number, dueDate: i.dueDate, payment: i.payment, interest: i.interest, principal: i.principal, balance: i.balance });
    if (i.fee) row.dataset.fee = i.fee;
    return row;
  });
  $('plan-schedule').replaceChildren(
    element('caption', { textContent: `${plan.schedule.length} installments${plan.currency ? `, in ${plan.currency}` : ''}` }),
    element('thead', {}, head),
    element('tbody', {}, ...rows),
    element('tfoot', {}, element('tr', { className: 'total' },
      element('th', { scope: 'row', colSpan: 2, textContent: 'Total' }),
      ...['payments', 'interest', 'principal'].map((field) => element('td', { className: 'num', textContent: grouped(plan.totals[field]) })),
      element('td'))),
  );
}

/** The balance before the first installment and after each one, as a line over the installments. */
function drawChart(plan) {
  const unit = plan.currency ?? '';
  const points = [{ number: 0, balance: plan.financed }, ...plan.schedule.map((i) => ({ number: i.number, dueDate: i.dueDate, balance: i.balance }))];
  const [width, height, left, right, top, bottom] = [640, 240, 84, 16, 14, 34];
  const n = points.length - 1;
  const high = Math.max(...points.map((p) => Number(p.balance)));
  const x = (number) => left + (number / n) * (width - left - right);
  const y = (balance) => top + (high === 0 ? 1 : (high - Number(balance)) / high) * (height - top - bottom);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.number).toFixed(1)},${y(p.balance).toFixed(1)}`).join(' ');
  const base = height - bottom;
  const first = plan.schedule[0];
  const last = plan.schedule[plan.schedule.length - 1];
  const chart = svg('svg', { id: 'plan-chart', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-labelledby': 'plan-chart-title' },
    svg('title', { id: 'plan-chart-title' }, `The balance after each installment, from ${grouped(plan.financed)} ${unit} to nothing on ${last.dueDate}`),
    svg('line', { class: 'axis', x1: left, y1: base, x2: width - right, y2: base }),
    svg('line', { class: 'axis', x1: left, y1: top, x2: left, y2: base }),
    svg('text', { x: left - 6, y: y(plan.financed), 'text-anchor': 'end', 'dominant-baseline': 'central' }, grouped(plan.financed)),
    svg('text', { x: left - 6, y: base, 'text-anchor': 'end', 'dominant-baseline': 'central' }, '0'),
    svg('text', { x: x(1), y: height - 10, 'text-anchor': 'start' }, longDate(first.dueDate)),
    svg('text', { x: width - right, y: height - 10, 'text-anchor': 'end' }, longDate(last.dueDate)),
    svg('path', { class: 'area', d: `${path} L${x(n).toFixed(1)},${base} L${left},${base} Z` }),
    svg('path', { class: 'line', d: path }));
  const dots = svg('g', { class: 'points' });
  for (const p of points) {
    dots.append(svg('circle', { cx: x(p.number).toFixed(1), cy: y(p.balance).toFixed(1), r: n > 120 ? 1 : 2, 'data-number': p.number, 'data-balance': p.balance },
      svg('title', {}, p.number === 0 ? `Financed: ${grouped(p.balance)} ${unit}` : `After installment ${p.number}, ${longDate(p.dueDate)}: ${grouped(p.balance)} ${unit}`)));
  }
  chart.append(dots);
  $('plan-chart').replaceWith(chart);
  $('plan-chart-caption').textContent =
    `The balance after each of the ${n} installments, from ${grouped(plan.financed)} financed to ${grouped(last.balance)} on ${longDate(last.dueDate)}.`;
}

function update() {
  const input = readForm();
  let plan = null;
  showError(null);
  try {
    plan = paymentPlan(input);
    drawSummary(plan, input);
    drawSchedule(plan);
    drawChart(plan);
    $('plan-call').textContent = `paymentPlan(${JSON.stringify(input, null, 2)})`;
  } catch (error) {
    plan = null;
    showError(error);
  }
  $('plan-result').hidden = plan === null;
}

// ---- wiring ----

view.form.addEventListener('submit', (event) => event.preventDefault());
view.form.addEventListener('input', ({ target }) => {
  if (target.name === 'by') applyBy();
  update();
});

for (const field of ['principal', 'annualRate', 'count', 'payment', 'frequency', 'method', 'firstDueDate', 'currency']) view[field].value = SAMPLE[field];
view.form.elements.by.value = SAMPLE.by;
applyBy();

try {
  await init();
  $('plan-status').hidden = true;
  update();
} catch (error) {
  $('plan-status').textContent = `Could not load arrears: ${error?.message ?? error}`;
  $('plan-status').classList.add('error');
}
