// The demo page in a real headless Chromium: it loads with no console errors, computes due
// dates through the package's browser entry, marks holidays, shows a clear error for bad
// terms and recovers. Saves screenshots to tests/browser/screenshots/.
//
//   node --test tests/browser/
//
// Needs what tests/browser/harness.mjs says: the built package, Chromium and playwright-core.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openDemo, SCREENSHOTS, textOf as waitForText } from './harness.mjs';

let page = null;
let problems = [];
let close = async () => {};

const textOf = (selector, check, timeout) => waitForText(page, problems, selector, check, { timeout });

async function enter({ terms, issueDate, calendar = 'US', convention = 'following' }) {
  await page.selectOption('#calendar', calendar);
  await page.selectOption('#convention', convention);
  await page.fill('#issue-date', issueDate);
  await page.fill('#terms', terms);
}

before(async () => {
  ({ page, problems, close } = await openDemo());
});

after(() => close());

test('the page loads and computes without console errors', async () => {
  await textOf('#due-date', (text) => text.length === 10);
  assert.equal(await page.locator('#status').isHidden(), true);
  const unlabelled = await page.$$eval('input, select', (fields) => fields.filter((f) => f.labels.length === 0).map((f) => f.id));
  assert.deepEqual(unlabelled, []);
  assert.deepEqual(problems, []);
});

test('2/10 Net 30 from 2024-01-01 is due 2024-01-31 with a discount until 2024-01-11', async () => {
  await enter({ terms: '2/10 Net 30', issueDate: '2024-01-01' });
  // 2024-01-01 + 30 days = 2024-01-31, a Wednesday and no US holiday, so "following" keeps it;
  // the discount runs 10 days: 2024-01-01 + 10 = 2024-01-11.
  assert.equal(await textOf('#due-date', (text) => text === '2024-01-31'), '2024-01-31');
  assert.equal(await page.locator('#due-weekday').textContent(), 'Wednesday');
  const discount = await textOf('#discounts li', (text) => text.includes('2024-01-11'));
  assert.match(discount, /^2% if paid by 2024-01-11/);
  assert.equal(await page.locator('#months td.due').getAttribute('data-date'), '2024-01-31');
  assert.equal(await page.locator('#months td.discount').getAttribute('data-date'), '2024-01-11');
  // New Year's Day is a US holiday in the month shown.
  assert.match(await page.locator('#months td[data-date="2024-01-01"]').getAttribute('class'), /\bholiday\b/);
  // Paid on the last discount day: 1000.00 less 2% = 980.00 (the issue's worked example).
  assert.equal(await page.inputValue('#paid-on'), '2024-01-11');
  assert.match(await textOf('#payable', (text) => text.startsWith('980.00')), /^980\.00 \(discount 20\.00\)$/);
  await page.screenshot({ path: `${SCREENSHOTS}due-date.png`, fullPage: true });
  // A day late, no discount.
  await page.fill('#paid-on', '2024-01-12');
  assert.equal(await textOf('#payable', (text) => text.startsWith('1000')), '1000.00');
});

test('holidays are marked with their names, and a due date on one moves', async () => {
  // 2024-06-04 + 30 days = 2024-07-04 (26 days to 30 June, 4 more), Independence Day, a
  // Thursday: "following" moves it to Friday 2024-07-05. June and July are both shown.
  await page.fill('#paid-on', '');
  await enter({ terms: 'Net 30', issueDate: '2024-06-04' });
  assert.equal(await textOf('#due-date', (text) => text === '2024-07-05'), '2024-07-05');
  const july4 = page.locator('#months td[data-date="2024-07-04"]');
  assert.match(await july4.getAttribute('class'), /\bholiday\b/);
  assert.match(await july4.getAttribute('title'), /Independence Day/);
  assert.equal(await page.locator('#months table.month').count(), 2);
  await page.selectOption('#convention', 'unadjusted');
  assert.equal(await textOf('#due-date', (text) => text === '2024-07-04'), '2024-07-04');
  await page.screenshot({ path: `${SCREENSHOTS}holiday.png`, fullPage: true });
});

test('a discount deadline moved by the calendar still earns the discount on the day shown', async () => {
  // 2024-06-24 + 10 days = Thursday 2024-07-04, Independence Day: "following" moves the last
  // discount day to Friday 2024-07-05, and paying on it takes 2 % off: 1000.00 -> 980.00.
  await page.fill('#paid-on', '');
  await enter({ terms: '2/10 Net 30', issueDate: '2024-06-24' });
  await textOf('#discounts li', (text) => text.includes('2024-07-05'));
  assert.equal(await page.inputValue('#paid-on'), '2024-07-05');
  assert.match(await textOf('#payable', (text) => text.startsWith('980.00')), /^980\.00 \(discount 20\.00\)$/);
  assert.deepEqual(problems, []);
});

test('bad terms show the error code and path, and the page recovers', async () => {
  await enter({ terms: 'Nte 30', issueDate: '2024-01-01' });
  const message = await textOf('#error', (text) => text.startsWith('invalid_terms'));
  assert.match(message, /^invalid_terms at terms: /);
  assert.match(message, /Nte 30/);
  assert.equal(await page.locator('#summary').isHidden(), true);
  await page.screenshot({ path: `${SCREENSHOTS}error.png`, fullPage: true });

  await page.fill('#terms', 'Net 30');
  assert.equal(await textOf('#due-date', (text) => text === '2024-01-31'), '2024-01-31');
  assert.equal(await page.locator('#error').isHidden(), true);
  assert.deepEqual(problems, []);
});

test('an example chip fills the terms; installments are listed and marked', async () => {
  await enter({ terms: 'Net 30', issueDate: '2024-01-01', calendar: 'none' });
  await page.click('button.example:text-is("50% in 30, 50% in 60")');
  // 2024-01-01 + 30 days = Wednesday 2024-01-31; + 60 days = 2024-03-01 (2024 is a leap year:
  // 31 January is day 30, 29 February day 59), a Friday. Weekdays both, so nothing moves.
  assert.equal(await page.inputValue('#terms'), '50% in 30, 50% in 60');
  assert.equal(await textOf('#due-date', (text) => text === '2024-03-01'), '2024-03-01');
  const installments = await page.locator('#installments li').allTextContents();
  assert.deepEqual(installments, ['50% on 2024-01-31 (Wednesday)', '50% on 2024-03-01 (Friday)']);
  assert.deepEqual(await page.locator('#months td.installment').evaluateAll((cells) => cells.map((c) => c.dataset.date)), ['2024-01-31', '2024-03-01']);
  assert.equal(await page.locator('#months td.holiday').count(), 0);
  await page.screenshot({ path: `${SCREENSHOTS}installments.png`, fullPage: true });
  assert.deepEqual(problems, []);
});

test('every example and every calendar gives a due date', async () => {
  await page.fill('#issue-date', '2024-12-20');
  for (const calendar of ['US', 'GB', 'TARGET', 'DE', 'none']) {
    await page.selectOption('#calendar', calendar);
    for (const example of await page.locator('button.example').all()) {
      await example.click();
      const terms = await page.inputValue('#terms');
      await textOf('#due-date', (text) => /^\d{4}-\d{2}-\d{2}$/.test(text));
      assert.equal(await page.locator('#error').isHidden(), true, `${terms} with ${calendar}`);
    }
  }
  // 25 and 26 December are holidays in GB, TARGET and DE, and 25 December in the US.
  await page.selectOption('#calendar', 'TARGET');
  await page.fill('#terms', 'Net 5');
  assert.equal(await textOf('#due-date', (text) => text === '2024-12-27'), '2024-12-27');
  assert.match(await page.locator('#months td[data-date="2024-12-26"]').getAttribute('class'), /\bholiday\b/);
  assert.deepEqual(problems, []);
});
