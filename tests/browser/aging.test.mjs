// The aging panel in a real headless Chromium: the shipped sample ages to the totals this
// file computes on its own from the CSV (integer cents, the oldest-first rule and the buckets
// of docs/ledger.md), the chart draws one segment per non-empty bucket of the top customers,
// the KPIs show, and a 100,000-invoice portfolio ages in the worker while the page keeps
// drawing frames. Saves screenshots to tests/browser/screenshots/aging-*.png.
//
//   node --test tests/browser/aging.test.mjs
//
// Needs what tests/browser/harness.mjs says: the built package (with agingBatch and
// metrics), Chromium and playwright-core.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { openDemo, ROOT, SCREENSHOTS, textOf as waitForText } from './harness.mjs';

const AS_OF = '2024-06-30'; // the sample's as-of date (www/samples/generate.mjs)
const CURRENCY = 'EUR';
const TOP = 10;

let page = null;
let problems = [];
let close = async () => {};

const explain = '#aging-error, #aging-stage';
/** Waits for text, failing at once if the panel shows an error instead. */
const textOf = (selector, check, timeout) => waitForText(page, problems, selector, check, { timeout, explain, failOn: '#aging-error' });
/** Waits for the panel's error message. */
const errorText = (check) => waitForText(page, problems, '#aging-error', check, { timeout: 20_000, explain });

// ---- the independent computation ----

/** Rows of a CSV without quoted fields (the sample has none) as objects by header. */
function rows(text) {
  const [header, ...lines] = text.trimEnd().split('\n');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [names[i], value])));
}

/** "1234.5" EUR as 123450 cents, by string arithmetic (no float ever holds money here). */
function cents(text) {
  const [whole, fraction = ''] = text.split('.');
  assert.ok(fraction.length <= 2, text);
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}
const decimal = (c) => `${Math.trunc(c / 100)}.${String(c % 100).padStart(2, '0')}`;
const daysBetween = (from, to) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/**
 * The aging of one currency as docs/ledger.md states it: records dated after asOf left out;
 * each payment or credit naming an invoice goes to it first (up to what is open); everything
 * else a customer paid or was credited in that currency fills its open invoices oldest first
 * (by due date, then id). Open amounts go to buckets by days past due: Current (<= 0),
 * 1-30, 31-60, 61-90, 91-120, over 120.
 */
function expectedAging({ invoices, payments, credits }, currency) {
  const open = new Map();
  const byId = new Map();
  for (const inv of invoices) {
    if (inv.currency !== currency || inv.issueDate > AS_OF) continue;
    open.set(inv.id, cents(inv.amount));
    byId.set(inv.id, inv);
  }
  const pool = new Map(); // customerId -> cents not applied to a named invoice
  for (const r of [...payments, ...credits]) {
    if (r.currency !== currency || r.date > AS_OF) continue;
    let left = cents(r.amount);
    if (r.invoiceId && open.has(r.invoiceId)) {
      const applied = Math.min(left, open.get(r.invoiceId));
      open.set(r.invoiceId, open.get(r.invoiceId) - applied);
      left -= applied;
    }
    pool.set(r.customerId, (pool.get(r.customerId) ?? 0) + left);
  }
  const oldestFirst = [...byId.values()].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : 1));
  for (const inv of oldestFirst) {
    const left = pool.get(inv.customerId) ?? 0;
    const applied = Math.min(left, open.get(inv.id));
    open.set(inv.id, open.get(inv.id) - applied);
    pool.set(inv.customerId, left - applied);
  }
  const bucketOf = (days) => (days <= 0 ? 0 : days > 120 ? 5 : Math.ceil(days / 30));
  const buckets = Array.from({ length: 6 }, () => ({ amount: 0, count: 0 }));
  const customers = new Map(); // customerId -> { total, buckets: cents[6] }
  for (const [id, amount] of open) {
    if (amount === 0) continue;
    const inv = byId.get(id);
    const b = bucketOf(daysBetween(inv.dueDate, AS_OF));
    buckets[b].amount += amount;
    buckets[b].count += 1;
    const customer = customers.get(inv.customerId) ?? { total: 0, buckets: [0, 0, 0, 0, 0, 0] };
    customer.total += amount;
    customer.buckets[b] += amount;
    customers.set(inv.customerId, customer);
  }
  const unapplied = [...pool.values()].reduce((sum, c) => sum + c, 0);
  return { buckets, customers, unapplied, total: buckets.reduce((sum, b) => sum + b.amount, 0) };
}

async function sample() {
  const read = async (name) => rows(await readFile(`${ROOT}www/samples/${name}.csv`, 'utf8'));
  return { invoices: await read('invoices'), payments: await read('payments'), credits: await read('credits') };
}

// ---- the tests ----

before(async () => {
  ({ page, problems, close } = await openDemo());
});

after(() => close());

test('the sample ages to the totals computed here from the CSV', async () => {
  const expected = expectedAging(await sample(), CURRENCY);
  await page.click('#aging-sample');
  await textOf('#aging-source', (text) => text.includes('2,000 invoices'), 20_000);

  const labels = ['Current', '1-30', '31-60', '61-90', '91-120', 'over 120'];
  const shown = await page.locator(`#aging-table td[data-currency="${CURRENCY}"]`).evaluateAll((cells) => cells.map((c) => ({ ...c.dataset })));
  for (const [b, label] of labels.entries()) {
    const amount = shown.find((c) => c.bucket === label && c.value !== undefined);
    const count = shown.find((c) => c.bucket === label && c.count !== undefined);
    assert.equal(amount.value, decimal(expected.buckets[b].amount), `${label} amount`);
    assert.equal(Number(count.count), expected.buckets[b].count, `${label} count`);
  }
  const total = shown.find((c) => c.total === 'total');
  assert.equal(total.value, decimal(expected.total));
  assert.equal(shown.find((c) => c.total === 'unappliedCash').value, decimal(expected.unapplied));
  // The cell text is the same exact amount, grouped for reading.
  const totalText = await page.locator(`#aging-table td[data-currency="${CURRENCY}"][data-total="total"]`).textContent();
  assert.equal(totalText.replaceAll(',', ''), decimal(expected.total));
  // Every currency of the sample has its own columns; none is added to another.
  const headers = await page.locator('#aging-table thead th').allTextContents();
  assert.deepEqual(headers.filter((h) => h.endsWith('amount')), ['EUR amount', 'GBP amount', 'JPY amount', 'USD amount']);
  assert.deepEqual(problems, []);
});

test('the chart has one segment per non-empty bucket of the top customers', async () => {
  const expected = expectedAging(await sample(), CURRENCY);
  assert.equal(await page.inputValue('#aging-currency'), CURRENCY);
  const top = [...expected.customers.entries()]
    .sort(([a, x], [b, y]) => y.total - x.total || (a < b ? -1 : 1))
    .slice(0, TOP);
  const bars = await page.locator('#aging-chart g.bar').evaluateAll((gs) => gs.map((g) => g.dataset.customer));
  assert.deepEqual(bars, top.map(([id]) => id));
  const segments = top.reduce((sum, [, c]) => sum + c.buckets.filter((amount) => amount > 0).length, 0);
  assert.equal(await page.locator('#aging-chart rect.segment').count(), segments);
  // The biggest customer's segments carry its bucket amounts.
  const [firstId, first] = top[0];
  const values = await page.locator(`#aging-chart g.bar[data-customer="${firstId}"] rect.segment`).evaluateAll((rects) => rects.map((r) => r.dataset.value));
  assert.deepEqual(values, first.buckets.filter((a) => a > 0).map(decimal));
  await page.locator('#aging').screenshot({ path: `${SCREENSHOTS}aging-sample.png` });
});

test('the KPIs show, and percent current is the Current bucket over the total', async () => {
  const expected = expectedAging(await sample(), CURRENCY);
  const kpis = await page.locator('#aging-kpis .kpi').evaluateAll((boxes) => boxes.map((b) => [b.dataset.kpi, b.querySelector('dd').textContent]));
  assert.deepEqual(kpis.map(([key]) => key), ['dso', 'countbackDso', 'bestPossibleDso', 'averageDaysDelinquent', 'collectionEffectivenessIndex', 'percentCurrent']);
  for (const [key, text] of kpis) assert.match(text, /^-?\d+\.\d{2} (days|%)$/, key);
  // Percent current = ending current / ending total x 100 (docs/ledger.md), to two decimals.
  const percent = Number(kpis.find(([key]) => key === 'percentCurrent')[1].split(' ')[0]);
  const exact = (expected.buckets[0].amount / expected.total) * 100;
  assert.ok(Math.abs(percent - exact) <= 0.005 + 1e-9, `${percent} vs ${exact}`);
  // Another currency redraws chart and KPIs.
  await page.selectOption('#aging-currency', 'USD');
  await textOf('#aging-kpis-title', (text) => text.startsWith('KPIs, USD'));
  assert.match(await page.locator('#aging-chart-caption').textContent(), /in USD/);
  await page.selectOption('#aging-currency', CURRENCY);
  assert.deepEqual(problems, []);
});

const csvFile = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

test('your own files: columns in any order, quoted fields, and a bad row named by line', async () => {
  await page.setInputFiles('#aging-files', [
    csvFile('invoices.csv', 'currency,amount,id,customerId,issueDate,dueDate\n' +
      'EUR,100.00,A,acme,2024-05-01,2024-05-31\n' +
      'EUR,250.50,B,acme,2024-06-01,2024-07-01\n' +
      'EUR,80,C,"Smith, J",2024-01-01,2024-01-31\n'),
    csvFile('payments.csv', 'id,customerId,date,amount,currency,invoiceId\nP1,acme,2024-06-10,120.00,EUR,\n'),
  ]);
  await textOf('#aging-source', (text) => text.startsWith('invoices.csv, payments.csv: 3 invoices'), 20_000);
  // As of 2024-06-30, by hand: P1's 120.00 names no invoice, so it pays acme's oldest first:
  // A (due 31 May) 100.00 in full, then 20.00 of B, which keeps 230.50 and is due 1 July:
  // Current. C, 80.00 due 31 January, is 151 days past due (29 + 31 + 30 + 31 + 30): over 120.
  const value = (bucket) => page.locator(`#aging-table td[data-currency="EUR"][data-bucket="${bucket}"][data-value]`).getAttribute('data-value');
  assert.equal(await value('Current'), '230.50');
  assert.equal(await value('1-30'), '0.00');
  assert.equal(await value('over 120'), '80.00');
  assert.equal(await page.locator('#aging-table td[data-currency="EUR"][data-total="total"]').getAttribute('data-value'), '310.50');
  assert.deepEqual(await page.locator('#aging-chart g.bar').evaluateAll((gs) => gs.map((g) => g.dataset.customer)), ['acme', 'Smith, J']);

  // 30 February on the second data row, which is line 3 of the file.
  await page.setInputFiles('#aging-files', [csvFile('invoices.csv', 'id,customerId,issueDate,dueDate,amount,currency\n' +
    'A,acme,2024-01-01,2024-01-31,100,EUR\nB,acme,2024-01-01,2024-02-30,100,EUR\n')]);
  const message = await errorText((text) => text.startsWith('invalid_date'));
  assert.match(message, /^invalid_date at invoicesCsv:3:dueDate: /);
  assert.equal(await page.locator('#aging-result').isHidden(), true, 'the last result is not left on show');
  await page.screenshot({ path: `${SCREENSHOTS}aging-error.png`, clip: await page.locator('#aging').boundingBox() });
  assert.deepEqual(problems, []);
});

test('a run can be cancelled, and the buttons come back', async () => {
  await page.click('#aging-generate');
  assert.equal(await page.locator('#aging-sample').isDisabled(), true);
  await page.click('#aging-cancel');
  assert.match(await errorText((text) => text.startsWith('cancelled')), /^cancelled: the run was cancelled$/);
  assert.equal(await page.locator('#aging-progress').isHidden(), true);
  assert.equal(await page.locator('#aging-generate').isEnabled(), true);
  assert.deepEqual(problems, []);
});

test('100,000 invoices age in the worker while the page keeps drawing', async () => {
  // Count animation frames and note the longest gap between two: a blocked main thread
  // draws none.
  await page.evaluate(() => {
    const frames = { count: 0, last: performance.now(), longest: 0 };
    window.testFrames = frames;
    const tick = (now) => {
      frames.longest = Math.max(frames.longest, now - frames.last);
      frames.last = now;
      frames.count += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.click('#aging-generate');
  assert.equal(await page.locator('#aging-progress').isVisible(), true);
  // Past generating, the worker ages and then computes the KPIs: on a loaded machine a poll
  // can miss the ageing stage (half a second), so either stage means the worker is at work.
  await textOf('#aging-stages li.active', (text) => text === 'age' || text === 'KPIs', 60_000);
  const atAgeing = await page.evaluate(() => ({ ...window.testFrames, clock: document.getElementById('aging-clock').textContent }));
  assert.match(await page.locator('#aging-stages li[data-stage="generating"]').getAttribute('class'), /\bdone\b/);
  // The panel only: a full-page picture of the whole demo takes long enough for the ageing to end.
  await page.locator('#aging').screenshot({ path: `${SCREENSHOTS}aging-progress.png` });
  // While the worker ages, the page answers: a round trip to it and a click on a button.
  const started = Date.now();
  await page.locator('#aging-clock').click();
  const roundTrip = Date.now() - started;
  let running = true;
  let during = atAgeing;
  while (running) {
    await sleep(100);
    during = await page.evaluate(() => ({ ...window.testFrames, clock: document.getElementById('aging-clock').textContent }));
    running = await page.locator('#aging-progress').isVisible();
  }
  await textOf('#aging-source', (text) => text.includes('100,000 invoices'), 120_000);
  const after = await page.evaluate(() => window.testFrames);
  console.log(`frames at ageing ${atAgeing.count}, after ${after.count}; longest gap ${Math.round(after.longest)} ms; clock ${atAgeing.clock} -> ${during.clock}; click ${roundTrip} ms`);
  assert.ok(after.count - atAgeing.count >= 10, `only ${after.count - atAgeing.count} frames while ageing`);
  assert.ok(after.longest < 1_000, `the page froze for ${Math.round(after.longest)} ms`);
  assert.ok(roundTrip < 1_000, `a click took ${roundTrip} ms`);
  assert.notEqual(during.clock, atAgeing.clock, 'the elapsed-time clock stopped');

  assert.equal(await page.locator('#aging-table thead th').count(), 1 + 2 * 4);
  assert.ok(await page.locator('#aging-chart rect.segment').count() > 0);
  assert.equal(await page.locator('#aging-kpis .kpi').count(), 6);
  await page.screenshot({ path: `${SCREENSHOTS}aging-100k.png`, fullPage: true });
  assert.deepEqual(problems, []);
});
