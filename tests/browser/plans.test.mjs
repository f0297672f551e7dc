// The plan-builder and settlement-offers panels in a real headless Chromium. The plan builder
// shows, row for row, the reference schedules of tests/fixtures/plans/schedules.csv (computed
// with exact rationals in Python and checked against numpy-financial, nothing from arrears),
// and a level payment this file computes itself from the annuity formula in exact integers;
// bad inputs show the engine's code and path next to the form. The settlement panel's offers
// for the sample account are ranked by expected recovery, and each offer's figures equal what
// this file computes on its own: the present value c / (1 + d)^t of its payments times the
// completion probability of the policy the panel shows, the lump sum at the floor or at the
// most the top role may waive, the authority of the first role allowing its discount, and what
// is not offered with its reason. Saves tests/browser/screenshots/plan*.png
// and settlement*.png.
//
//   node --test tests/browser/plans.test.mjs
//
// Needs what tests/browser/harness.mjs says: the built package (with paymentPlan,
// settlementOffers and agreementText), Chromium and playwright-core.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openDemo, ROOT, SCREENSHOTS, textOf as waitForText } from './harness.mjs';

let page = null;
let problems = [];
let close = async () => {};

const planText = (selector, check) => waitForText(page, problems, selector, check, { explain: '#plan-error, #plan-status', failOn: '#plan-error' });
const planError = (check) => waitForText(page, problems, '#plan-error', check, { explain: '#plan-error, #plan-status' });
const offersText = (selector, check) => waitForText(page, problems, selector, check, { explain: '#settlement-error, #settlement-status', failOn: '#settlement-error' });
const offersError = (check) => waitForText(page, problems, '#settlement-error', check, { explain: '#settlement-error, #settlement-status' });

// ---- the independent computation ----

/** "1234.56" as 123456n cents. */
function cents(text) {
  const [whole, fraction = ''] = text.split('.');
  assert.ok(/^\d+$/.test(whole) && /^\d{0,2}$/.test(fraction), text);
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
}
const decimal = (c) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;
const grouped = (text) => text.replace(/^-?\d+/, (whole) => whole.replace(/\B(?=(\d{3})+$)/g, ','));

/** num / den rounded half to even, for positive integers. */
function halfEven(num, den) {
  const q = num / den;
  const twice = 2n * (num % den);
  return twice > den || (twice === den && q % 2n === 1n) ? q + 1n : q;
}

/** The rows of one case of tests/fixtures/plans/schedules.csv (its first line is a comment). */
async function referenceCase(name) {
  const lines = (await readFile(`${ROOT}tests/fixtures/plans/schedules.csv`, 'utf8')).split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  const header = lines[0].split(',');
  const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [header[i], v]))).filter((r) => r.case === name);
  assert.ok(rows.length > 0, name);
  return rows.map((r) => ({ number: r.number, payment: r.payment, interest: r.interest, principal: r.principal_part, balance: r.balance }));
}

const days = (from, to) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/**
 * The expected recovery of `payments` ([{ dueDate, amount }]) made from `asOf`: Σ c / (1 + d)^t,
 * t = days / 365, times `probability`, in cents, rounded; fails if the float lands within a
 * millionth of a cent of a half, where a float could round the wrong way.
 */
function expectedRecovery(payments, asOf, discountRate, probability) {
  const present = payments.reduce((sum, p) => sum + Number(p.amount) / (1 + Number(discountRate)) ** (days(asOf, p.dueDate) / 365), 0);
  const value = present * Number(probability) * 100;
  assert.ok(Math.abs((value % 1) - 0.5) > 1e-6, `${value} is too near a half cent to check with floats`);
  return decimal(BigInt(Math.round(value)));
}

// ---- driving the plan builder ----

async function buildPlan({ principal, annualRate, count = null, payment = null, frequency = 'monthly', method = 'amortized', firstDueDate, currency = '' }) {
  await page.fill('#plan-principal', principal);
  await page.fill('#plan-rate', annualRate);
  if (count !== null) {
    await page.check('#plan-by-count');
    await page.fill('#plan-count', String(count));
  } else {
    await page.check('#plan-by-payment');
    await page.fill('#plan-payment', payment);
  }
  await page.selectOption('#plan-frequency', frequency);
  await page.selectOption('#plan-method', method);
  await page.fill('#plan-first-due', firstDueDate);
  await page.fill('#plan-currency', currency);
}

/** The schedule as shown: each row's figures and the texts of its cells. */
async function schedule() {
  return page.locator('#plan-schedule tbody tr').evaluateAll((rows) => rows.map((r) => ({
    number: r.dataset.number, dueDate: r.dataset.dueDate, payment: r.dataset.payment, interest: r.dataset.interest,
    principal: r.dataset.principal, balance: r.dataset.balance, cells: [...r.cells].map((c) => c.textContent),
  })));
}

const summary = (key) => page.getAttribute(`#plan-summary dd[data-key="${key}"]`, 'data-value');
const chartPoints = () => page.locator('#plan-chart circle').evaluateAll((dots) => dots.map((c) => ({ number: c.dataset.number, balance: c.dataset.balance })));

/** A real picture of a panel: a PNG of its size (IHDR width and height), not a blank. */
async function assertScreenshot(selector, name, minHeight) {
  const file = `${SCREENSHOTS}${name}`;
  await page.locator(selector).screenshot({ path: file });
  const png = await readFile(file);
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  assert.ok(width >= 800 && height >= minHeight, `${name}: ${width} x ${height}`);
  assert.ok(png.length > 50_000, `${name}: ${png.length} bytes`);
}

// ---- the tests ----

before(async () => {
  ({ page, problems, close } = await openDemo());
});

after(() => close());

test('plan builder: 10,000.00 at 8.5% monthly in 36 is the reference schedule usd-10000-8.5-m36', async () => {
  await buildPlan({ principal: '10000.00', annualRate: '0.085', count: 36, firstDueDate: '2024-01-31', currency: 'USD' });
  await planText('#plan-summary dd[data-key="installment"]', (text) => text === '315.68 USD');

  // The level payment from the annuity formula in exact integers: P·r·g / (g − 1), g = (1 + r)^36,
  // r = 0.085 / 12 = 85 / 12,000, in cents, half to even: numpy-financial's pmt(0.085/12, 36, -10000) rounded.
  const [N, D] = [12_085n ** 36n, 12_000n ** 36n];
  const pmt = halfEven(1_000_000n * 85n * N, 12_000n * (N - D));
  assert.equal(decimal(pmt), '315.68');
  assert.equal(await summary('installment'), decimal(pmt));
  assert.equal(await summary('count'), '36');
  assert.equal(await summary('financed'), '10000.00');

  const rows = await schedule();
  const reference = await referenceCase('usd-10000-8.5-m36');
  assert.deepEqual(rows.map(({ number, payment, interest, principal, balance }) => ({ number, payment, interest, principal, balance })), reference);
  // The figures the reference table's README gives, and as the table shows them.
  assert.deepEqual(rows[0].cells, ['1', '31 Jan 2024', '315.68', '70.83', '244.85', '9,755.15']);
  assert.equal(rows[0].interest, decimal(halfEven(1_000_000n * 85n, 12_000n))); // 10,000 × 0.085 / 12 = 70.83
  assert.deepEqual([rows[35].dueDate, rows[35].payment, rows[35].interest, rows[35].principal, rows[35].balance],
    ['2026-12-31', '315.48', '2.22', '313.26', '0.00']);
  // The totals: the payments less the principal is the interest.
  const paid = rows.reduce((sum, r) => sum + cents(r.payment), 0n);
  assert.equal(await summary('payments'), decimal(paid)); // 11,364.28
  assert.equal(await summary('interest'), decimal(paid - 1_000_000n)); // 1,364.28
  assert.equal(await page.textContent('#plan-schedule tfoot'), `Total${grouped(decimal(paid))}${grouped(decimal(paid - 1_000_000n))}10,000.00`);

  // The chart: the financed amount, then the balance after each installment, never rising, to 0.
  const points = await chartPoints();
  assert.equal(points.length, 37);
  assert.deepEqual(points[0], { number: '0', balance: '10000.00' });
  assert.deepEqual(points.slice(1).map((p) => p.balance), reference.map((r) => r.balance));
  for (let i = 1; i < points.length; i++) assert.ok(cents(points[i].balance) <= cents(points[i - 1].balance), `point ${i}`);
  assert.match(await page.textContent('#plan-chart-caption'), /36 installments, from 10,000\.00 financed to 0\.00 on 31 Dec 2026/);
  assert.equal(await page.locator('#plan-warnings').isHidden(), true);

  const unlabelled = await page.$$eval('#plan input, #plan select', (fields) => fields.filter((f) => f.labels.length === 0).map((f) => f.name));
  assert.deepEqual(unlabelled, []);
  await assertScreenshot('#plan', 'plan.png', 700);
  assert.deepEqual(problems, []);
});

test('plan builder: 500.00 at 0% in 3 is 166.66, 166.66 and 166.68, on the 31st clamped', async () => {
  await buildPlan({ principal: '500.00', annualRate: '0', count: 3, firstDueDate: '2024-01-31' });
  await planText('#plan-summary dd[data-key="installment"]', (text) => text === '166.66');
  const rows = await schedule();
  // 50,000 cents / 3 rounded down, the remainder on the last.
  const part = 50_000n / 3n;
  assert.deepEqual(rows.map((r) => r.payment), [decimal(part), decimal(part), decimal(50_000n - 2n * part)]);
  assert.deepEqual(rows.map((r) => r.payment), ['166.66', '166.66', '166.68']);
  assert.deepEqual(rows.map(({ number, payment, interest, principal, balance }) => ({ number, payment, interest, principal, balance })), await referenceCase('usd-500-0-m3'));
  assert.deepEqual(rows.map((r) => r.dueDate), ['2024-01-31', '2024-02-29', '2024-03-31']);
  assert.equal(await page.textContent('#plan-schedule caption'), '3 installments'); // no currency: two places
  assert.deepEqual(problems, []);
});

test('plan builder: a payment gives the count (1,000.00 at 18% paying 100.00), and an early end is warned of', async () => {
  await buildPlan({ principal: '1000.00', annualRate: '0.18', payment: '100.00', firstDueDate: '2024-01-31', currency: 'USD' });
  await planText('#plan-summary dd[data-key="count"]', (text) => text === '11');
  assert.equal(await page.isDisabled('#plan-count'), true);
  const rows = await schedule();
  assert.deepEqual(rows.map(({ number, payment, interest, principal, balance }) => ({ number, payment, interest, principal, balance })), await referenceCase('usd-1000-18-pay100'));
  assert.equal(rows.at(-1).payment, '91.61');

  // 10,000.00 at 17.99% over 480 months: the level payment rounded up repays in 478.
  await buildPlan({ principal: '10000.00', annualRate: '0.1799', count: 480, firstDueDate: '2024-01-31', currency: 'USD' });
  await planText('#plan-warnings li', (text) => text.includes('480'));
  assert.equal(await page.isDisabled('#plan-payment'), true);
  assert.deepEqual(await page.locator('#plan-warnings li').allTextContents(),
    ['the level payment of 150.04, rounded to the minor unit, repays the principal in 478 installments rather than 480']);
  assert.equal(await summary('count'), '478');
  const long = await schedule();
  assert.equal(long.length, 478);
  assert.equal(long.at(-1).balance, '0.00');
  assert.equal((await chartPoints()).length, 479);
  assert.deepEqual(problems, []);
});

test('plan builder: bad inputs show the engine\'s code and path next to the form, and the panel recovers', async () => {
  await buildPlan({ principal: '10000.00', annualRate: '0.085', count: 36, firstDueDate: '2024-01-31', currency: 'USD' });
  await planText('#plan-summary dd[data-key="installment"]', (text) => text === '315.68 USD');

  await page.fill('#plan-count', '601');
  assert.match(await planError((text) => text.startsWith('out_of_range')), /^out_of_range at count: /);
  assert.equal(await page.getAttribute('#plan-count', 'aria-invalid'), 'true');
  assert.equal(await page.locator('#plan-result').isHidden(), true);
  await page.locator('#plan').screenshot({ path: `${SCREENSHOTS}plan-error.png` });
  await page.fill('#plan-count', '600');
  await planText('#plan-summary dd[data-key="count"]', (text) => text === '600');
  assert.equal(await page.locator('#plan-error').isHidden(), true);
  assert.equal(await page.getAttribute('#plan-count', 'aria-invalid'), null);

  const cases = [
    ['#plan-principal', '10,000', /^invalid_amount at principal: /, '10000.00'],
    ['#plan-rate', '10.5', /^out_of_range at annualRate: /, '0.085'],
    ['#plan-currency', 'XYZ', /^unknown_currency at currency: /, 'USD'],
    ['#plan-principal', '0.05', /^out_of_range at count: /, '10000.00'], // 5 cents in 600 installments
  ];
  for (const [field, bad, message, good] of cases) {
    await page.fill(field, bad);
    assert.match(await planError((text) => message.test(text)), message);
    await page.fill(field, good);
    await planText('#plan-summary dd[data-key="count"]', (text) => text === '600');
  }
  // Sized by a payment at or below the first month's interest (10,000 × 0.085 / 12 = 70.83).
  await page.check('#plan-by-payment');
  await page.fill('#plan-payment', '70.83');
  assert.match(await planError((text) => text.startsWith('out_of_range')), /^out_of_range at payment: /);
  assert.equal(await page.getAttribute('#plan-payment', 'aria-invalid'), 'true');
  await page.fill('#plan-payment', '500.00');
  await planText('#plan-summary dd[data-key="installment"]', (text) => text === '500.00 USD');
  assert.deepEqual(problems, []);
});

// ---- the settlement panel ----

/** What the settlement panel shows: what is owed, the offers (in order), what is not offered, the policy. */
async function offersShown() {
  return {
    owed: await page.getAttribute('#settlement-owed', 'data-value'),
    expires: await page.getAttribute('#settlement-expires', 'datetime'),
    offers: await page.locator('#settlement-offers tbody tr').evaluateAll((rows) => rows.map((r) => ({
      ...r.dataset, schedule: JSON.parse(r.dataset.schedule), waived: JSON.parse(r.dataset.waived), text: r.textContent,
    }))),
    excluded: await page.locator('#settlement-excluded-box:not([hidden]) li').evaluateAll((items) => items.map((li) => ({ kind: li.dataset.kind, text: li.textContent }))),
    policy: JSON.parse(await page.textContent('#settlement-policy')),
  };
}

// The settlement terms every field of which defaults to these (docs/plans.md, src/policy/settlement.rs).
const DEFAULT_TERMS = {
  floorPercentOfPrincipal: '70',
  discountRate: '0.1',
  expiresInDays: 14,
  completion: { payInFull: '0.35', lumpSum: '0.6', shortPlan: '0.7', longPlan: '0.5', bySegment: [] },
  shortPlan: { count: 3, frequency: 'monthly', annualRate: '0', waive: ['fees'] },
  longPlan: { count: 12, frequency: 'monthly', annualRate: '0.08', waive: [] },
  authority: [{ role: 'agent', maxDiscountPercent: '10' }, { role: 'supervisor', maxDiscountPercent: '25' }, { role: 'manager', maxDiscountPercent: '40' }],
};

/** The discount of `waived` cents in percent of `owed` cents, to two places, half to even. */
const percent = (waived, owed) => {
  const hundredths = halfEven(waived * 10_000n, owed);
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
};
/** The first role that may waive `waived` cents of `owed`: at most its percent, exactly. */
const roleFor = (authority, waived, owed) => authority.find((r) => waived * 10_000n <= cents(r.maxDiscountPercent) * owed)?.role;

/** Every offer's expected recovery, authority and discount, as computed here from what is shown. */
function assertOffers(shown, asOf) {
  const terms = shown.policy.settlement;
  const recoveries = shown.offers.map((o) => cents(o.expectedRecovery));
  for (let i = 1; i < recoveries.length; i++) assert.ok(recoveries[i] <= recoveries[i - 1], `offer ${i + 1} ranks below a smaller one`);
  for (const offer of shown.offers) {
    assert.equal(offer.completionProbability, terms.completion[offer.kind], offer.kind);
    assert.equal(offer.expectedRecovery, expectedRecovery(offer.schedule, asOf, terms.discountRate, offer.completionProbability), offer.kind);
    assert.equal(decimal(offer.schedule.reduce((sum, p) => sum + cents(p.amount), 0n)), offer.amount, offer.kind);
    const waived = cents(offer.waived.fees) + cents(offer.waived.interest) + cents(offer.waived.principal);
    assert.equal(offer.discountPercent, percent(waived, cents(shown.owed)), offer.kind);
    assert.equal(offer.authority, roleFor(terms.authority, waived, cents(shown.owed)), offer.kind);
  }
}

test('settlement: the sample account, 1,000.00 owed as of 1 June 2024 under the default terms', async () => {
  await offersText('#settlement-owed', (text) => text === '1,000.00 EUR');
  assert.equal(await page.inputValue('#settlement-as-of'), '2024-06-01');
  const shown = await offersShown();
  assert.deepEqual(shown.policy, { settlement: DEFAULT_TERMS });
  assert.equal(shown.expires, '2024-06-15'); // 1 June + 14 days
  // Ranked by expected recovery, highest first.
  assert.deepEqual(shown.offers.map((o) => [o.kind, o.expectedRecovery]),
    [['shortPlan', '691.96'], ['longPlan', '497.95'], ['lumpSum', '418.47'], ['payInFull', '348.72']]);
  assertOffers(shown, '2024-06-01');
  const by = Object.fromEntries(shown.offers.map((o) => [o.kind, o]));
  // Pay in full on 15 June: 1,000 / 1.1^(14/365) × 0.35.
  assert.equal(by.payInFull.expectedRecovery, expectedRecovery([{ dueDate: '2024-06-15', amount: '1000.00' }], '2024-06-01', '0.1', '0.35'));
  assert.equal(by.payInFull.expectedRecovery, '348.72');
  // The lump sum at the floor, 70% of the principal of the three invoices (450 + 350 + 200):
  // 300.00 waived is 30%, more than a supervisor's 25 and within a manager's 40.
  const floor = halfEven((45_000n + 35_000n + 20_000n) * 70n, 100n);
  assert.equal(by.lumpSum.amount, decimal(floor)); // 700.00
  assert.deepEqual(by.lumpSum.waived, { fees: '0.00', interest: '0.00', principal: '300.00' });
  assert.equal(by.lumpSum.discountPercent, '30.00');
  assert.equal(by.lumpSum.authority, 'manager');
  assert.deepEqual(by.lumpSum.schedule, [{ dueDate: '2024-06-15', amount: '700.00' }]);
  assert.equal(by.lumpSum.expectedRecovery, expectedRecovery([{ dueDate: '2024-06-15', amount: '700.00' }], '2024-06-01', '0.1', '0.6'));
  assert.equal(by.lumpSum.expectedRecovery, '418.47');
  // The short plan: 1,000.00 in 3 at 0%, from the expiry: 333.33, 333.33, 333.34 on days 14, 44 and 75.
  assert.deepEqual(by.shortPlan.schedule, [
    { dueDate: '2024-06-15', amount: '333.33' }, { dueDate: '2024-07-15', amount: '333.33' }, { dueDate: '2024-08-15', amount: '333.34' }]);
  assert.equal(by.shortPlan.expectedRecovery, '691.96');
  assert.equal(by.longPlan.schedule.length, 12);
  assert.match(by.lumpSum.text, /fees waived, then interest, then principal down to 70% of the principal/);
  assert.deepEqual(shown.excluded, []);

  // The agreement of the top offer, then of the lump sum when it is chosen.
  await offersText('#settlement-agreement', (text) => text.includes('- 15 Aug 2024: 333.34 EUR'));
  assert.equal(await page.getAttribute('#settlement-agreement', 'data-kind'), 'shortPlan');
  await page.click('#settlement-offers input[value="lumpSum"]');
  const agreement = await offersText('#settlement-agreement', (text) => text.includes('700.00 EUR in all'));
  assert.deepEqual(agreement.split('\n').slice(0, 9), [
    'Payment agreement', '',
    'This agreement is made on 1 Jun 2024 between Widgets plc (the creditor) and Acme Ltd (the customer), account acme.', '',
    'The customer will pay 700.00 EUR in all, as follows:', '- 15 Jun 2024: 700.00 EUR', '',
    'When every payment has been made, the creditor waives 300.00 EUR of what is owed and the account is settled in full.', '']);
  assert.match(agreement, /If a payment is not received by its due date, this agreement ends/);

  const unlabelled = await page.$$eval('#settlement input, #settlement select', (fields) => fields.filter((f) => f.labels.length === 0).map((f) => f.name));
  assert.deepEqual(unlabelled, []);
  await assertScreenshot('#settlement', 'settlement.png', 1000);
  assert.deepEqual(problems, []);
});

test('settlement: with a late fee and 12% interest, what is owed is the quote through the expiry, waived in order', async () => {
  await page.selectOption('#settlement-preset', 'charges');
  await offersText('#settlement-owed', (text) => text !== '1,000.00 EUR');
  const shown = await offersShown();
  assert.deepEqual(shown.policy, { fees: [{ id: 'late-fee', kind: 'flat', amount: '40.00' }], interest: { annualRate: '0.12' }, settlement: DEFAULT_TERMS });
  // Each invoice: a 40.00 fee the day after it is due, and 12% simple interest (ACT/365F,
  // rounded once) from that day to the expiry, 15 June, both counted.
  const invoices = [['2024-01-31', 45_000n], ['2024-02-29', 35_000n], ['2024-03-31', 20_000n]];
  const interest = invoices.map(([due, principal]) => halfEven(principal * 12n * BigInt(days(due, '2024-06-15')), 100n * 365n));
  assert.deepEqual(interest.map(decimal), ['20.12', '12.31', '5.00']);
  const fees = 3n * 4_000n;
  const owed = 100_000n + fees + interest.reduce((a, b) => a + b, 0n);
  assert.equal(shown.owed, decimal(owed)); // 1,157.43
  assertOffers(shown, '2024-06-01');
  const by = Object.fromEntries(shown.offers.map((o) => [o.kind, o]));
  // The lump sum waives the fees, then the interest, then principal down to 700.00.
  assert.deepEqual(by.lumpSum.waived, { fees: decimal(fees), interest: decimal(owed - 100_000n - fees), principal: '300.00' });
  assert.equal(by.lumpSum.amount, '700.00');
  assert.equal(by.lumpSum.authority, 'manager'); // 39.52%
  // The short plan waives the fees: 120.00 of 1,157.43 is 10.37%, more than an agent's 10.
  assert.deepEqual(by.shortPlan.waived, { fees: '120.00', interest: '0.00', principal: '0.00' });
  assert.equal(by.shortPlan.amount, decimal(owed - fees));
  assert.equal(by.shortPlan.authority, 'supervisor');
  assert.deepEqual(by.payInFull.schedule, [{ dueDate: '2024-06-15', amount: decimal(owed) }]);
  await assertScreenshot('#settlement', 'settlement-charges.png', 1000);
  assert.deepEqual(problems, []);
});

test('settlement: the lump sum stops at the top role\'s limit; what cannot be offered is shown with its reason; bad inputs show code and path', async () => {
  await page.selectOption('#settlement-preset', 'strict');
  await offersText('#settlement-offers', (text) => text.includes('supervisor'));
  const shown = await offersShown();
  assert.deepEqual(shown.policy.settlement.authority, [{ role: 'agent', maxDiscountPercent: '5' }, { role: 'supervisor', maxDiscountPercent: '20' }]);
  // Down to the 70% floor would waive 30% of 1,000.00; the top role, the supervisor, may waive
  // 20%, rounded down to the cent: 200.00, so the lump sum is 800.00.
  const owed = cents(shown.owed);
  const most = (owed * 20n) / 100n;
  const by = Object.fromEntries(shown.offers.map((o) => [o.kind, o]));
  assert.equal(by.lumpSum.amount, decimal(owed - most)); // 800.00
  assert.deepEqual(by.lumpSum.waived, { fees: '0.00', interest: '0.00', principal: decimal(most) });
  assert.equal(by.lumpSum.discountPercent, '20.00');
  assert.equal(by.lumpSum.authority, 'supervisor');
  assert.equal(by.lumpSum.expectedRecovery, expectedRecovery([{ dueDate: '2024-06-15', amount: '800.00' }], '2024-06-01', '0.1', '0.6'));
  assert.match(by.lumpSum.text, /up to 20% of what is owed, the most the supervisor may waive/);
  assert.deepEqual(shown.excluded, []);
  assert.deepEqual(shown.offers.map((o) => o.kind), ['shortPlan', 'longPlan', 'lumpSum', 'payInFull']);
  assertOffers(shown, '2024-06-01');

  await page.selectOption('#settlement-preset', 'default');
  const amount = page.locator('#settlement-invoices tbody tr').first().locator('[data-field="amount"]');
  await amount.fill('1,000');
  assert.match(await offersError((text) => text.startsWith('invalid_amount')), /^invalid_amount at invoices\[0\]\.amount: /);
  assert.equal(await amount.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#settlement-result').isHidden(), true);
  await amount.fill('450.00');
  await offersText('#settlement-owed', (text) => text === '1,000.00 EUR');
  assert.equal(await amount.getAttribute('aria-invalid'), null);

  // Another invoice of 100.00 (added due 30 days before as-of) raises what is owed.
  await page.click('#settlement button[data-add="invoices"]');
  await offersText('#settlement-owed', (text) => text === '1,100.00 EUR');
  await page.locator('#settlement-invoices tbody tr').nth(3).locator('button.remove').click();
  await offersText('#settlement-owed', (text) => text === '1,000.00 EUR');

  // An as-of day before every invoice: nothing to quote.
  await page.fill('#settlement-as-of', '2023-12-01');
  assert.match(await offersError((text) => text.startsWith('missing_field')), /^missing_field at invoices: /);
  await page.fill('#settlement-as-of', '2024-06-01');
  await offersText('#settlement-owed', (text) => text === '1,000.00 EUR');

  // 0.02 owed: only paying in full can be offered; the rest is shown with the engine's reasons.
  await amount.fill('0.02');
  await page.locator('#settlement-invoices tbody tr').nth(2).locator('button.remove').click();
  await page.locator('#settlement-invoices tbody tr').nth(1).locator('button.remove').click();
  await offersText('#settlement-owed', (text) => text === '0.02 EUR');
  const tiny = await offersShown();
  assert.deepEqual(tiny.offers.map((o) => [o.kind, o.amount]), [['payInFull', '0.02']]);
  assert.deepEqual(tiny.excluded, [
    { kind: 'lumpSum', text: 'Lump sum: nothing may be waived: 40% of 0.02, the most the manager may waive, is less than the minor unit' },
    { kind: 'shortPlan', text: 'Short plan: 0.02 is fewer minor units than 3 installments: no installment may be nothing' },
    { kind: 'longPlan', text: 'Long plan: 0.02 is fewer minor units than 12 installments: no installment may be nothing' },
  ]);
  assert.deepEqual(problems, []);
});
