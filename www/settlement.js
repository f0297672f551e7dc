// The settlement-offers panel: a sample account's open invoices (editable), a policy whose
// settlement terms are shown as passed, and what `settlementOffers` offers: pay in full, a
// discounted lump sum, a short and a long plan, ranked by expected recovery, each with the
// lowest role allowed to make it; what is not offered, with the engine's reasons; and the
// agreement of the chosen offer written by `agreementText`. Every figure comes from the
// `arrears` package; this file reads the form and draws.

import { agreementText, init, settlementOffers } from 'arrears';
import { addDays, addRecordRow, describe, element, fieldOfRow, grouped, longDate, pretty, recordsOf, relabelRows } from './dom.js';

const $ = (id) => document.getElementById(id);
const CUSTOMER = { id: 'acme', name: 'Acme Ltd', creditor: 'Widgets plc' };

// The settlement terms of the policy, written out whole so the panel shows all it passes. They
// are the engine's defaults (docs/plans.md); the browser test checks the figures they give.
const DEFAULT_TERMS = {
  authority: [
    { role: 'agent', maxDiscountPercent: '10' },
    { role: 'supervisor', maxDiscountPercent: '25' },
    { role: 'manager', maxDiscountPercent: '40' },
  ],
  floorPercentOfPrincipal: '70',
  discountRate: '0.1',
  expiresInDays: 14,
  completion: { payInFull: '0.35', lumpSum: '0.6', shortPlan: '0.7', longPlan: '0.5', bySegment: [] },
  shortPlan: { count: 3, frequency: 'monthly', annualRate: '0', waive: ['fees'] },
  longPlan: { count: 12, frequency: 'monthly', annualRate: '0.08', waive: [] },
};
const PRESETS = {
  default: { settlement: DEFAULT_TERMS },
  charges: {
    fees: [{ id: 'late-fee', kind: 'flat', amount: '40.00' }],
    interest: { annualRate: '0.12' },
    settlement: DEFAULT_TERMS,
  },
  strict: {
    settlement: {
      ...DEFAULT_TERMS,
      authority: [{ role: 'agent', maxDiscountPercent: '5' }, { role: 'supervisor', maxDiscountPercent: '20' }],
    },
  },
};

// Fixed dates, so the page (and its screenshots) look the same whenever they are opened:
// 1,000.00 owed in all, as of 1 June 2024.
const SAMPLE = {
  asOf: '2024-06-01',
  invoices: [
    { id: 'INV-2041', issueDate: '2024-01-01', dueDate: '2024-01-31', amount: '450.00' },
    { id: 'INV-2058', issueDate: '2024-01-30', dueDate: '2024-02-29', amount: '350.00' },
    { id: 'INV-2063', issueDate: '2024-03-01', dueDate: '2024-03-31', amount: '200.00' },
  ],
};
const COLUMNS = [['id', 'Invoice', 'text'], ['issueDate', 'Issued', 'date'], ['dueDate', 'Due', 'date'], ['amount', 'Amount', 'text']];
const KINDS = { payInFull: 'Pay in full', lumpSum: 'Lump sum', shortPlan: 'Short plan', longPlan: 'Long plan' };

const view = {
  form: $('settlement-form'),
  preset: $('settlement-preset'),
  currency: $('settlement-currency'),
  asOf: $('settlement-as-of'),
  invoices: $('settlement-invoices'),
};
let chosen = null; // the kind of the offer whose agreement is shown

// ---- the form ----

const addRow = (record) => addRecordRow(view.invoices, COLUMNS, record, 'invoice');

function readForm() {
  return {
    asOf: view.asOf.value,
    invoices: recordsOf(view.invoices, { customerId: CUSTOMER.id, currency: view.currency.value }),
    policy: PRESETS[view.preset.value],
  };
}

function applyPreset() {
  $('settlement-policy').textContent = pretty(PRESETS[view.preset.value]);
}

/** The form field an error's path names (`invoices[1].amount`, `asOf`), if shown. */
function fieldOf(path) {
  const match = /^invoices\[(\d+)\]\.?(\w*)/.exec(path);
  if (match === null) return path === 'asOf' ? view.asOf : path.startsWith('policy') ? view.preset : null;
  if (match[2] === 'currency') return view.currency;
  return fieldOfRow(view.invoices, Number(match[1]), match[2]);
}

function showError(error) {
  for (const field of view.form.querySelectorAll('[aria-invalid]')) field.removeAttribute('aria-invalid');
  $('settlement-error').textContent = error === null ? '' : describe(error);
  $('settlement-error').hidden = error === null;
  if (error?.path) fieldOf(error.path)?.setAttribute('aria-invalid', 'true');
}

// ---- the answer ----

/** "3 payments, 15 Jun 2024 to 15 Aug 2024" or "one payment on 15 Jun 2024". */
function paymentsText(schedule, currency) {
  if (schedule.length === 1) return `one payment of ${grouped(schedule[0].amount)} ${currency} on ${longDate(schedule[0].dueDate)}`;
  const amounts = [...new Set(schedule.map((p) => p.amount))].map(grouped);
  return `${schedule.length} payments of ${amounts.join(' / ')} ${currency}, ${longDate(schedule[0].dueDate)} to ${longDate(schedule.at(-1).dueDate)}`;
}

function drawOffers(result) {
  const { currency } = result;
  $('settlement-owed').textContent = `${grouped(result.owed)} ${currency}`;
  $('settlement-owed').dataset.value = result.owed;
  const expires = result.offers[0]?.expires;
  $('settlement-expires').textContent = expires ? longDate(expires) : '—';
  if (expires) $('settlement-expires').dateTime = expires;

  const head = element('tr', {}, ...['', 'Offer', 'Pays', 'Discount', 'Expected recovery', 'Completion', 'Authority', 'Why']
    .map((title, i) => element('th', { scope: 'col', className: i >= 2 && i <= 5 ? 'num' : '', textContent: title })));
  const rows = result.offers.map((offer, rank) => {
    const radio = element('input', { type: 'radio', name: 'offer', value: offer.kind, checked: offer.kind === chosen });
    const row = element('tr', {},
      element('td', {}, element('label', {}, element('span', { className: 'visually-hidden', textContent: `Write the agreement of the ${KINDS[offer.kind].toLowerCase()} offer` }), radio)),
      element('th', { scope: 'row' }, element('span', { className: 'rank', textContent: `${rank + 1}. ` }), KINDS[offer.kind],
        element('span', { className: 'payments', textContent: paymentsText(offer.schedule, currency) })),
      element('td', { className: 'num', textContent: grouped(offer.amount) }),
      element('td', { className: 'num', textContent: `${offer.discountPercent}%` }),
      element('td', { className: 'num recovery', textContent: grouped(offer.expectedRecovery) }),
      element('td', { className: 'num', textContent: offer.completionProbability }),
      element('td', { className: 'authority', textContent: offer.authority }),
      element('td', { className: 'reasons' }, element('ul', {}, ...offer.reasons.map((reason) => element('li', { textContent: reason })))));
    Object.assign(row.dataset, {
      kind: offer.kind,
      amount: offer.amount,
      discountPercent: offer.discountPercent,
      expectedRecovery: offer.expectedRecovery,
      completionProbability: offer.completionProbability,
      authority: offer.authority,
      schedule: JSON.stringify(offer.schedule),
      waived: JSON.stringify(offer.waived),
    });
    return row;
  });
  $('settlement-offers').replaceChildren(
    element('caption', { textContent: `Offers ranked by expected recovery, in ${currency}` }),
    element('thead', {}, head),
    element('tbody', {}, ...rows));

  // The answer's reasons: "lumpSum left out: why" for each kind not offered, or that nothing
  // is owed.
  $('settlement-excluded').replaceChildren(...result.reasons.map((reason) => {
    const [, kind, why] = reason.match(/^(\w+) left out: (.*)$/) ?? [];
    if (!(kind in KINDS)) return element('li', { textContent: reason });
    const li = element('li', {}, element('strong', { textContent: `${KINDS[kind]}: ` }), why);
    li.dataset.kind = kind;
    return li;
  }));
  $('settlement-excluded-box').hidden = result.reasons.length === 0;
}

function drawAgreement(result, input) {
  const offer = result.offers.find((o) => o.kind === chosen);
  $('settlement-agreement-box').hidden = offer === undefined;
  if (offer === undefined) return;
  const account = { ...CUSTOMER, currency: result.currency, date: input.asOf };
  $('settlement-agreement-title').textContent = `The agreement of the ${KINDS[offer.kind].toLowerCase()} offer`;
  $('settlement-agreement').textContent = agreementText({ offer, account }).text;
  $('settlement-agreement').dataset.kind = offer.kind;
}

function update() {
  const input = readForm();
  let result = null;
  showError(null);
  try {
    result = settlementOffers(input);
    if (!result.offers.some((o) => o.kind === chosen)) chosen = result.offers[0]?.kind ?? null;
    drawOffers(result);
    drawAgreement(result, input);
  } catch (error) {
    result = null;
    showError(error);
  }
  $('settlement-result').hidden = result === null;
}

// ---- wiring ----

view.form.addEventListener('submit', (event) => event.preventDefault());
view.form.addEventListener('input', ({ target }) => {
  if (target === view.preset) applyPreset();
  update();
});
view.form.addEventListener('click', ({ target }) => {
  const add = target.closest('button[data-add]');
  const remove = target.closest('button.remove');
  if (add) {
    const n = view.invoices.tBodies[0].rows.length + 1;
    const day = /^\d{4}-\d{2}-\d{2}$/.test(view.asOf.value) ? view.asOf.value : SAMPLE.asOf;
    addRow({ id: `INV-${n}`, issueDate: addDays(day, -60), dueDate: addDays(day, -30), amount: '100.00' });
  } else if (remove) {
    remove.closest('tr').remove();
    relabelRows(view.invoices, 'invoice');
  } else {
    return;
  }
  update();
});
$('settlement-offers').addEventListener('change', ({ target }) => {
  if (target.name !== 'offer') return;
  chosen = target.value;
  update();
});

for (const record of SAMPLE.invoices) addRow(record);
view.asOf.value = SAMPLE.asOf;
applyPreset();

try {
  await init();
  $('settlement-status').hidden = true;
  update();
} catch (error) {
  $('settlement-status').textContent = `Could not load arrears: ${error?.message ?? error}`;
  $('settlement-status').classList.add('error');
}
