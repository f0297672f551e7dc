// The payoff-quote panel in a real headless Chromium: each policy preset shows the policy it
// passes and sets the currency; the figures the panel shows for the worked examples of
// tests/charges.rs equal what this file computes on its own (integer cents, the published
// reference rates written down below, simple interest by ACT/365F, half-even rounding once
// per period); the chart quotes each day and ends on the figure computed here; bad inputs show
// the engine's code and path next to the form. Saves tests/browser/screenshots/quote-*.png.
//
//   node --test tests/browser/quote.test.mjs
//
// Needs what tests/browser/harness.mjs says: the built package (with quote and charges),
// Chromium and playwright-core.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openDemo, SCREENSHOTS, textOf as waitForText } from './harness.mjs';

let page = null;
let problems = [];
let close = async () => {};

const explain = '#quote-error, #quote-status';
/** Waits for text, failing at once if the panel shows an error instead. */
const textOf = (selector, check) => waitForText(page, problems, selector, check, { explain, failOn: '#quote-error' });
const errorText = (check) => waitForText(page, problems, '#quote-error', check, { explain });

// ---- the independent computation ----

// The reference rates of the examples, as their publishers give them (not read from the package):
// Bank of England Bank Rate 5.25% from 3 August 2023, so in force on 31 December 2023;
// Bundesbank Basiszinssatz 3.62% from 1 January 2024 and 3.37% from 1 July 2024;
// ECB main refinancing rate 4.25% from 12 June 2024 (in force on 1 July 2024) and 3.15% from
// 18 December 2024 (in force on 1 January 2025).
const BANK_RATE_2023_12_31 = 525n; // basis points
const BASISZINS = { '2024-H1': 362n, '2024-H2': 337n };
const ECB = { '2024-H2': 425n, '2025-H1': 315n };

/** "1234.56" as 123456n cents; a minus sign kept. */
function cents(text) {
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  assert.ok(/^\d+$/.test(whole) && /^\d{0,2}$/.test(fraction), text);
  const value = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return text.startsWith('-') ? -value : value;
}
const decimal = (c) => `${c < 0n ? '-' : ''}${(c < 0n ? -c : c) / 100n}.${String((c < 0n ? -c : c) % 100n).padStart(2, '0')}`;
const grouped = (text) => text.replace(/^-?\d+/, (whole) => whole.replace(/\B(?=(\d{3})+$)/g, ','));

/** Days from `from` to `to`, both counted. */
const days = (from, to) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
const addDays = (iso, n) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Simple interest on `principal` cents at `bp` basis points a year for `n` days, /365, half-even. */
function interest(principal, bp, n) {
  const numerator = principal * bp * BigInt(n);
  const denominator = 10_000n * 365n;
  const q = numerator / denominator;
  const twice = 2n * (numerator % denominator);
  return twice > denominator || (twice === denominator && q % 2n === 1n) ? q + 1n : q;
}

const sum = (list) => list.reduce((a, b) => a + b, 0n);

// ---- driving the panel ----

async function setAccount({ invoices, payments = [] }) {
  for (const kind of ['invoices', 'payments']) {
    const rows = page.locator(`#quote-${kind} tbody tr`);
    while (await rows.count() > 0) await rows.first().locator('button.remove').click();
  }
  for (const [i, invoice] of invoices.entries()) {
    await page.click('button[data-add="invoices"]');
    const row = page.locator('#quote-invoices tbody tr').nth(i);
    for (const field of ['id', 'issueDate', 'dueDate', 'amount']) await row.locator(`[data-field="${field}"]`).fill(invoice[field]);
    await row.locator('[data-field="disputed"]').setChecked(invoice.disputed === true);
  }
  for (const [i, payment] of payments.entries()) {
    await page.click('button[data-add="payments"]');
    const row = page.locator('#quote-payments tbody tr').nth(i);
    for (const field of ['id', 'date', 'amount']) await row.locator(`[data-field="${field}"]`).fill(payment[field]);
  }
}

async function setDates({ asOf, goodThrough, chartTo = null }) {
  await page.fill('#quote-as-of', asOf);
  await page.fill('#quote-good-through', goodThrough);
  if (chartTo !== null) await page.fill('#quote-chart-to', chartTo);
}

/** What the panel shows: the total, per diem, lines, disputed invoices, warnings, chart points. */
async function shown(expectedTotal) {
  await textOf('#quote-total', (text) => text.startsWith(`${grouped(expectedTotal)} `));
  return {
    total: await page.getAttribute('#quote-total', 'data-value'),
    totalText: await page.textContent('#quote-total'),
    perDiem: await page.getAttribute('#quote-per-diem', 'data-value'),
    lines: await page.locator('#quote-lines tbody tr').evaluateAll((rows) => rows.map((r) => ({ ...r.dataset, text: r.cells[0].textContent, shown: r.cells[1].textContent }))),
    footer: await page.textContent('#quote-lines tfoot'),
    disputed: await page.locator('#quote-disputed li').evaluateAll((items) => items.map((li) => ({ ...li.dataset }))),
    warnings: await page.locator('#quote-warnings:not([hidden]) li').allTextContents(),
    points: await page.locator('#quote-chart circle').evaluateAll((dots) => dots.map((c) => ({ date: c.dataset.date, total: c.dataset.total }))),
  };
}

const linesOf = (result, kind) => result.lines.filter((l) => l.kind === kind);

/** The lines add up to the total shown, each amount is shown grouped, and the total row says it. */
function assertConsistent(result) {
  assert.equal(decimal(sum(result.lines.map((l) => cents(l.amount)))), result.total);
  for (const line of result.lines) {
    assert.equal(line.shown, grouped(line.amount));
    assert.ok(line.text.endsWith(`: ${grouped(line.amount)}`), line.text);
  }
  assert.equal(result.footer, `Total${grouped(result.total)}`);
}

// ---- the tests ----

before(async () => {
  ({ page, problems, close } = await openDemo());
});

after(() => close());

test('the panel loads the sample account with UK statutory charges and no console errors', async () => {
  await textOf('#quote-total', (text) => text.endsWith(' GBP'));
  assert.equal(await page.inputValue('#quote-preset'), 'UK-LPA');
  assert.equal(await page.inputValue('#quote-currency'), 'GBP');
  assert.equal(await page.inputValue('#quote-as-of'), '2026-11-20');
  assert.equal(await page.inputValue('#quote-good-through'), '2026-11-30');
  assert.equal(await page.inputValue('#quote-chart-to'), '2027-01-29'); // 60 days on
  const result = await shown((await page.getAttribute('#quote-total', 'data-value')));
  assertConsistent(result);
  // Independent of the Bank Rate: each invoice's principal, the payment, and the fixed sums
  // of the Act by the invoice's amount (£40 under £1,000, £70 to £9,999.99, £100 from
  // £10,000), none on INV-1088 (due 2 December, not yet overdue) or on the disputed INV-1071.
  assert.deepEqual(linesOf(result, 'principal').map((l) => [l.invoice, l.amount]),
    [['INV-1041', '1250.00'], ['INV-1057', '480.00'], ['INV-1063', '12400.00'], ['INV-1088', '2150.00']]);
  assert.deepEqual(linesOf(result, 'payment').map((l) => [l.invoice, l.amount]), [['INV-1041', '-500.00']]);
  assert.deepEqual(linesOf(result, 'compensation').map((l) => [l.invoice, l.amount]),
    [['INV-1041', '70.00'], ['INV-1057', '40.00'], ['INV-1063', '100.00']]);
  assert.deepEqual(result.disputed.map((d) => d.invoice), ['INV-1071']);
  assert.ok(!result.lines.some((l) => l.invoice === 'INV-1071'));
  // The chart: a quote a day from as-of to chart-to, never falling (nothing is paid after as-of).
  assert.equal(result.points.length, days('2026-11-20', '2027-01-29'));
  assert.deepEqual([result.points[0].date, result.points.at(-1).date], ['2026-11-20', '2027-01-29']);
  assert.equal(result.points.find((p) => p.date === '2026-11-30').total, result.total);
  for (let i = 1; i < result.points.length; i++) assert.ok(cents(result.points[i].total) >= cents(result.points[i - 1].total), result.points[i].date);
  const unlabelled = await page.$$eval('#quote input, #quote select', (fields) => fields.filter((f) => f.labels.length === 0).map((f) => f.name));
  assert.deepEqual(unlabelled, []);

  const file = `${SCREENSHOTS}quote.png`;
  await page.locator('#quote').screenshot({ path: file });
  const png = await readFile(file);
  // A real picture of the panel: a PNG of its size (IHDR width and height), not a blank.
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  assert.ok(width >= 800 && height >= 800, `${width} x ${height}`);
  assert.ok(png.length > 50_000, `${png.length} bytes`);
  assert.deepEqual(problems, []);
});

test('each preset shows the policy it passes and switches the currency', async () => {
  const statutory = (regime) => ({ interest: { regime }, compensation: { regime } });
  const presets = [
    ['UK-LPA', 'UK statutory (Late Payment Act)', 'GBP', statutory('UK-LPA')],
    ['EU-2011-7', 'EU directive', 'EUR', statutory('EU-2011-7')],
    ['DE-288', 'Germany §288 BGB', 'EUR', statutory('DE-288')],
    ['FR-L441-10', 'France L441-10', 'EUR', statutory('FR-L441-10')],
    ['custom', 'Custom', 'EUR', {
      fees: [{ id: 'late-fee', kind: 'flat', amount: '25', graceDays: 10, every: { months: 1 }, maxCount: 3 }],
      interest: { annualRate: '0.12' },
    }],
  ];
  for (const [value, label, currency, policy] of presets) {
    await page.selectOption('#quote-preset', value);
    assert.ok((await page.locator('#quote-preset option:checked').textContent()).startsWith(label));
    assert.equal(await page.inputValue('#quote-currency'), currency, value);
    assert.deepEqual(JSON.parse(await page.textContent('#quote-policy')), policy, value);
    await textOf('#quote-total', (text) => text.endsWith(` ${currency}`));
  }
  assert.deepEqual(problems, []);
});

test('UK statutory: the shipped Bank Rate, a payment paying compensation and interest first, the fixed sums', async () => {
  await page.selectOption('#quote-preset', 'UK-LPA');
  const due = '2024-03-31';
  await setAccount({
    invoices: [
      { id: 'A', issueDate: '2024-03-01', dueDate: due, amount: '5000.00' },
      { id: 'B', issueDate: '2024-03-01', dueDate: due, amount: '999.99' },
      { id: 'C', issueDate: '2024-03-01', dueDate: due, amount: '10000.00' },
    ],
    payments: [{ id: 'P', date: '2024-05-30', amount: '5000.00' }],
  });
  await setDates({ asOf: '2024-06-30', goodThrough: '2024-06-30' });
  // Overdue from 1 April 2024 (January to June): Bank Rate on 31 December 2023 + 8 points.
  const bp = BANK_RATE_2023_12_31 + 800n;
  // A: 1 April to the payment on 30 May; the payment goes to A first (due dates tie, ids
  // order them) and pays the £70 and that interest before principal; the rest accrues on.
  const a1 = interest(500000n, bp, days('2024-04-01', '2024-05-30'));
  const aOpen = 500000n - (500000n - 7000n - a1);
  const a2 = interest(aOpen, bp, days('2024-05-31', '2024-06-30'));
  const b = interest(99999n, bp, days('2024-04-01', '2024-06-30'));
  const c = interest(1000000n, bp, days('2024-04-01', '2024-06-30'));
  const total = aOpen + a2 + (99999n + b + 4000n) + (1000000n + c + 10000n);
  const result = await shown(decimal(total));
  assert.equal(result.total, decimal(total)); // 11684.27
  assertConsistent(result);
  assert.deepEqual(linesOf(result, 'interest').map((l) => [l.invoice, l.amount]),
    [['A', decimal(a1)], ['A', decimal(a2)], ['B', decimal(b)], ['C', decimal(c)]]);
  assert.match(linesOf(result, 'interest')[0].text, /^Interest at 13\.25% a year on 5,000\.00 from 1 Apr 2024 to 30 May 2024 \(60 days, ACT\/365F\)/);
  assert.deepEqual(linesOf(result, 'compensation').map((l) => [l.invoice, l.amount]), [['A', '70.00'], ['B', '40.00'], ['C', '100.00']]);
  // One more day on the open principal of all three, rounded once.
  assert.equal(result.perDiem, decimal(interest(aOpen + 99999n + 1000000n, bp, 1)));
  assert.deepEqual(problems, []);
});

test('Germany §288 BGB: €10,000 due 15 June 2024, as of and good through 14 August', async () => {
  await page.selectOption('#quote-preset', 'DE-288');
  await setAccount({ invoices: [{ id: 'A', issueDate: '2024-05-15', dueDate: '2024-06-15', amount: '10000.00' }] });
  await setDates({ asOf: '2024-08-14', goodThrough: '2024-08-14' });
  const june = interest(1_000_000n, BASISZINS['2024-H1'] + 900n, days('2024-06-16', '2024-06-30'));
  const july = interest(1_000_000n, BASISZINS['2024-H2'] + 900n, days('2024-07-01', '2024-08-14'));
  assert.deepEqual([decimal(june), decimal(july)], ['51.86', '152.51']);
  const total = 1_000_000n + june + july + 4000n;
  const result = await shown(decimal(total));
  assert.equal(result.totalText, '10,244.37 EUR');
  assertConsistent(result);
  assert.deepEqual(result.lines.map((l) => [l.kind, l.amount]),
    [['principal', '10000.00'], ['interest', '51.86'], ['interest', '152.51'], ['compensation', '40.00']]);
  assert.equal(result.lines[1].text, 'Interest at 12.62% a year on 10,000.00 from 16 Jun 2024 to 30 Jun 2024 (15 days, ACT/365F): 51.86');
  assert.equal(result.lines[2].text, 'Interest at 12.37% a year on 10,000.00 from 1 Jul 2024 to 14 Aug 2024 (45 days, ACT/365F): 152.51');
  assert.equal(result.perDiem, decimal(interest(1_000_000n, BASISZINS['2024-H2'] + 900n, 1))); // 3.39
  assert.deepEqual(result.warnings, []);
  assert.deepEqual(problems, []);
});

test('EU directive and France L441-10: the ECB rate of each half-year, + 8 and + 10 points, and €40', async () => {
  await setAccount({ invoices: [{ id: 'A', issueDate: '2024-10-31', dueDate: '2024-11-30', amount: '1000.00' }] });
  await setDates({ asOf: '2025-01-31', goodThrough: '2025-01-31' });
  for (const [preset, points] of [['EU-2011-7', 800n], ['FR-L441-10', 1000n]]) {
    await page.selectOption('#quote-preset', preset);
    const december = interest(100_000n, ECB['2024-H2'] + points, days('2024-12-01', '2024-12-31'));
    const january = interest(100_000n, ECB['2025-H1'] + points, days('2025-01-01', '2025-01-31'));
    const total = 100_000n + december + january + 4000n;
    const result = await shown(decimal(total)); // 1059.87 and 1063.27
    assertConsistent(result);
    assert.deepEqual(result.lines.map((l) => [l.kind, l.amount]),
      [['principal', '1000.00'], ['interest', decimal(december)], ['interest', decimal(january)], ['compensation', '40.00']], preset);
  }
  assert.deepEqual(problems, []);
});

test('Custom: a monthly late fee after 10 days (at most 3) and 12% a year; the chart ends on the figure computed here', async () => {
  await page.selectOption('#quote-preset', 'custom');
  await setAccount({ invoices: [{ id: 'A', issueDate: '2023-12-21', dueDate: '2024-01-20', amount: '1000.00' }] });
  // Fees on 20 January + 10 + 1 = 31 January, then monthly keeping the 31st, clamped:
  // 29 February, 31 March. A fee falls in a quote only if assessed before its last day.
  const feeDays = ['2024-01-31', '2024-02-29', '2024-03-31'];
  const at = (goodThrough) => 100_000n + 2500n * BigInt(feeDays.filter((d) => d < goodThrough).length) +
    interest(100_000n, 1200n, days('2024-01-21', goodThrough));

  await setDates({ asOf: '2024-03-15', goodThrough: '2024-03-31' });
  let result = await shown(decimal(at('2024-03-31'))); // 1,073.34: two fees, 71 days
  assertConsistent(result);
  assert.deepEqual(linesOf(result, 'fee').map((l) => l.text), ["Late fee 'late-fee' of 31 Jan 2024: 25.00", "Late fee 'late-fee' of 29 Feb 2024: 25.00"]);

  await setDates({ asOf: '2024-04-30', goodThrough: '2024-04-30' });
  assert.equal(await page.inputValue('#quote-chart-to'), '2024-06-29');
  result = await shown(decimal(at('2024-04-30'))); // 1,108.21: three fees, 101 days
  assertConsistent(result);
  assert.equal(linesOf(result, 'fee').length, 3);
  assert.equal(result.perDiem, decimal(interest(100_000n, 1200n, 1))); // 0.33
  // The chart: every day from 30 April to 29 June, each the total computed here.
  assert.equal(result.points.length, 61);
  for (const point of result.points) assert.equal(point.total, decimal(at(point.date)), point.date);
  assert.equal(result.points.at(-1).total, '1127.93'); // 3 fees, 161 days: 52.93
  assert.match(await page.textContent('#quote-chart-caption'), /61 quote calls, every day/);
  await page.locator('#quote').screenshot({ path: `${SCREENSHOTS}quote-custom.png` });
  assert.deepEqual(problems, []);
});

test('a long span charts at most 200 quotes, and rates past the shipped table are warned of', async () => {
  await page.selectOption('#quote-preset', 'DE-288');
  await setAccount({ invoices: [{ id: 'A', issueDate: '2026-06-15', dueDate: '2026-07-15', amount: '1250.00' }] });
  await setDates({ asOf: '2026-11-20', goodThrough: '2099-06-30', chartTo: '2099-12-31' });
  await textOf('#quote-chart-caption', (text) => text.includes('2099'));
  const points = await page.locator('#quote-chart circle').evaluateAll((dots) => dots.map((c) => c.dataset.date));
  assert.ok(points.length <= 200 && points.length > 150, `${points.length} points`);
  assert.deepEqual([points[0], points.at(-1)], ['2026-11-20', '2099-12-31']);
  const warnings = await page.locator('#quote-warnings li').allTextContents();
  assert.match(warnings[0], /^the reference rate table is complete to \d{4}-\d{2}-\d{2}: the last published rate is used from \d{4}-(01|07)-01 on$/);
  assert.ok(warnings.length <= 4, `${warnings.length} warnings shown`);
  await page.fill('#quote-chart-to', '');
  assert.equal(await page.inputValue('#quote-chart-to'), addDays('2099-06-30', 60)); // follows good-through again
  assert.deepEqual(problems, []);
});

test('bad inputs show the engine\'s code and path next to the form, and the panel recovers', async () => {
  await page.selectOption('#quote-preset', 'UK-LPA');
  await setAccount({ invoices: [{ id: 'A', issueDate: '2024-01-01', dueDate: '2024-01-31', amount: '1000.00' }] });
  await setDates({ asOf: '2024-03-01', goodThrough: '2024-03-01', chartTo: '2024-04-30' });
  await textOf('#quote-total', (text) => text.endsWith(' GBP'));

  await page.fill('#quote-good-through', '2024-02-29');
  assert.match(await errorText((text) => text.startsWith('out_of_range')), /^out_of_range at goodThrough: /);
  assert.equal(await page.getAttribute('#quote-good-through', 'aria-invalid'), 'true');
  assert.equal(await page.locator('#quote-result').isHidden(), true);
  await page.locator('#quote').screenshot({ path: `${SCREENSHOTS}quote-error.png` });
  await page.fill('#quote-good-through', '2024-03-01');
  await textOf('#quote-total', (text) => text.endsWith(' GBP'));
  assert.equal(await page.locator('#quote-error').isHidden(), true);
  assert.equal(await page.getAttribute('#quote-good-through', 'aria-invalid'), null);

  const amount = page.locator('#quote-invoices tbody tr').first().locator('[data-field="amount"]');
  await amount.fill('1,000');
  assert.match(await errorText((text) => text.startsWith('invalid_amount')), /^invalid_amount at invoices\[0\]\.amount: /);
  assert.equal(await amount.getAttribute('aria-invalid'), 'true');
  await amount.fill('1000.00');

  // EU compensation is in euros: a GBP account cannot have it.
  await page.selectOption('#quote-preset', 'EU-2011-7');
  await page.selectOption('#quote-currency', 'GBP');
  assert.match(await errorText((text) => text.startsWith('currency_mismatch')), /^currency_mismatch at invoices\[0\]\.currency: /);
  assert.equal(await page.getAttribute('#quote-currency', 'aria-invalid'), 'true');
  await page.selectOption('#quote-currency', 'EUR');

  await page.fill('#quote-chart-to', '2024-02-01');
  assert.match(await errorText((text) => text.startsWith('out_of_range')), /^out_of_range at chartTo: /);
  await page.fill('#quote-chart-to', '2024-04-30');
  await textOf('#quote-total', (text) => text.endsWith(' EUR'));
  assert.equal(await page.locator('#quote-error').isHidden(), true);
  assert.deepEqual(problems, []);
});
