// The collection-strategy panel in a real headless Chromium. For each sample account (one per
// segment of the default policy) the segment and next action the panel shows equal what the
// package's `nextAction` gives, called in the page on what the panel's editors hold, and the
// values worked out here by hand from the default ladder of issue 11 (the offsets are written
// below from the issue, not read from the package) and the compliance rules; the timeline
// chart has one mark per action of `timeline`, in time order; the policy editor shows the
// engine's code and path as it is typed (an unknown action, text that is not JSON) and
// recovers; a bad time zone shows `unknown_time_zone`; the written terms follow an edited
// step. Every `now` is fixed, so nothing depends on the clock. Saves
// tests/browser/screenshots/strategy*.png.
//
//   node --test tests/browser/strategy.test.mjs
//
// Needs what tests/browser/harness.mjs says: the built package (with nextAction, timeline,
// describePolicy and defaultPolicy), Chromium and playwright-core.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openDemo, SCREENSHOTS, textOf as waitForText } from './harness.mjs';

let page = null;
let problems = [];
let close = async () => {};

const explain = '#strategy-error, #strategy-policy-error, #strategy-status';
/**
 * Waits for text in the panel once the editors have been read (typing pauses 300 ms before
 * they are), failing at once if the panel shows an error for the account instead.
 */
async function textOf(selector, check) {
  await page.waitForTimeout(TYPING_PAUSE_MS);
  return waitForText(page, problems, selector, check, { explain, failOn: '#strategy-error' });
}
const TYPING_PAUSE_MS = 350;
const errorText = (selector, check) => waitForText(page, problems, selector, check, { explain });

// ---- the default ladder, as issue 11 gives it: days from the oldest open due date ----

const LADDER = {
  goodwillCall: -5, // highRisk only
  preDueReminder: -3,
  dueDateReminder: 1,
  secondReminder: 7,
  serviceSuspension: { newAccount: 14, slowPayer: 15 },
  escalation: 21,
  paymentPlanOffer: { highRisk: 14, other: 30 },
  creditHold: 45,
  formalDefaultNotice: 60,
  settlementOffer: 75,
  creditBureauReport: 90,
  finalDemand: 90,
  agencyPlacement: 120,
  writeOff: 365,
};
const addDays = (iso, n) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const days = (from, to) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

// What each sample should give, worked out by hand. The open invoice of every sample is due
// 2 March 2026. New York is on EST (UTC−05:00) until 02:00 on Sunday 8 March 2026 and on EDT
// (UTC−04:00) after; London is on GMT (UTC+00:00) until 29 March 2026. Contact is allowed from
// 08:00 to 21:00 local (12 CFR 1006.6(b)(1)(i)); tasks reach no one and take no hours.
const SAMPLES = {
  // The first invoice was issued 1 February 2026: 36 days old on 9 March (under 90), so the
  // first rule, newAccount. The due-date reminder was sent (the history says so); the second
  // reminder, +7, is due 9 March, by phone; 06:30 EDT is before 08:00, so it waits for
  // 08:00 EDT, 12:00 UTC, and contactHours is what held it back.
  newAccount: {
    now: '2026-03-09T06:30:00-04:00', timeZone: 'America/New_York', firstIssued: '2026-02-01', due: '2026-03-02',
    segment: 'newAccount', action: 'secondReminder', channel: 'phone', offset: LADDER.secondReminder,
    at: '2026-03-09T08:00:00-04:00', blocked: [{ action: 'secondReminder', rule: 'contactHours', until: '2026-03-09T08:00:00-04:00' }],
  },
  // 12,000.00 GBP open is at least 10,000 in the account's currency (and the account is 269
  // days old, so not new): highRisk. Its ladder starts with a goodwill call at −5, 25 February,
  // by phone; 12:00 GMT is within the hours, so now.
  highRisk: {
    now: '2026-02-25T12:00:00Z', timeZone: 'Europe/London', firstIssued: '2025-06-01', due: '2026-03-02',
    segment: 'highRisk', action: 'goodwillCall', channel: 'phone', offset: LADDER.goodwillCall,
    at: '2026-02-25T12:00:00+00:00', blocked: [],
  },
  // Eleven invoices of 2025 due on the 10th and paid on the 28th: every one of the last (up
  // to) twelve paid late (share 1 ≥ 0.5), 18 days on average (≥ 10); 500.00 open, no risk
  // score, over a year old: slowPayer, whose ladder suspends service at +15, 17 March, a task:
  // at now.
  slowPayer: {
    now: '2026-03-17T12:00:00-04:00', timeZone: 'America/New_York', firstIssued: '2025-01-01', due: '2026-03-02',
    segment: 'slowPayer', action: 'serviceSuspension', channel: 'task', offset: LADDER.serviceSuspension.slowPayer,
    at: '2026-03-17T12:00:00-04:00', blocked: [],
  },
  // A year-old account, 500.00 open: goodStanding. The due-date reminder, +1, is due 3 March,
  // by email; 12:00 EST is within the hours: at now.
  goodStanding: {
    now: '2026-03-03T12:00:00-05:00', timeZone: 'America/New_York', firstIssued: '2025-03-01', due: '2026-03-02',
    segment: 'goodStanding', action: 'dueDateReminder', channel: 'email', offset: LADDER.dueDateReminder,
    at: '2026-03-03T12:00:00-05:00', blocked: [],
  },
};

/**
 * The good-standing sample's timeline from 3 March 2026 for 400 days, by hand: each step of
 * the ladder on its day (due date + offset), contacts at 08:00 local at the earliest, tasks at
 * 00:00 local. The pre-due reminder's day (27 February) is past. Not in it: the credit bureau
 * report (no validation notice was sent, so its period never began: 12 CFR 1006.34), the
 * legal review, demand letter and lawsuit (500.00 is under the 5,000 a suit needs), the late
 * fee notice (the default policy has no fee). The write-off, the last resort, is at +365.
 */
const GOOD_STANDING_TIMELINE = [
  ['dueDateReminder', 'email', '2026-03-03T12:00:00-05:00'], // now
  ['secondReminder', 'phone', '2026-03-09T08:00:00-04:00'], // +7, EDT since 8 March
  ['escalation', 'task', '2026-03-23T00:00:00-04:00'], // +21
  ['paymentPlanOffer', 'phone', '2026-04-01T08:00:00-04:00'], // +30
  ['creditHold', 'task', '2026-04-16T00:00:00-04:00'], // +45
  ['formalDefaultNotice', 'letter', '2026-05-01T08:00:00-04:00'], // +60
  ['settlementOffer', 'phone', '2026-05-16T08:00:00-04:00'], // +75
  ['finalDemand', 'letter', '2026-05-31T08:00:00-04:00'], // +90
  ['agencyPlacement', 'task', '2026-06-30T00:00:00-04:00'], // +120: 500.00 is at least the agency's 500
  ['writeOff', 'task', '2027-03-02T00:00:00-05:00'], // +365, EST again
];

// ---- driving the panel ----

async function pickSample(name) {
  await page.selectOption('#strategy-sample', name);
  await textOf('#strategy-segment', () => true);
}

/** What the editors hold, as the input of `nextAction`. */
async function editors() {
  return page.evaluate(() => ({
    account: JSON.parse(document.getElementById('strategy-account').value),
    history: JSON.parse(document.getElementById('strategy-history').value),
    now: document.getElementById('strategy-now').value,
    policy: JSON.parse(document.getElementById('strategy-policy').value),
    days: document.getElementById('strategy-days').value,
  }));
}

/** Calls an entry point of the package in the page (the module the panel imported). */
function inPage(name, input) {
  return page.evaluate(async ([name, input]) => {
    const arrears = await import('arrears');
    try {
      return { value: arrears[name](input) };
    } catch (error) {
      return { error: { name: error.name, code: error.code, path: error.path, message: error.message } };
    }
  }, [name, input]);
}

/** What the panel shows of the decision. */
async function decisionShown() {
  return page.evaluate(() => {
    const action = document.getElementById('strategy-action').dataset;
    const rows = (selector) => [...document.querySelectorAll(selector)].map((r) => ({ ...r.dataset }));
    return {
      segment: document.getElementById('strategy-segment').dataset.value,
      standing: document.getElementById('strategy-standing').textContent,
      action: action.action,
      channel: action.channel,
      template: action.template,
      at: action.at,
      atText: document.getElementById('strategy-at').textContent,
      reasons: rows('#strategy-reasons tbody tr'),
      blocked: rows('#strategy-blocked li'),
    };
  });
}

/** The chart's marks in document order, and the timeline table's rows. */
async function timelineShown() {
  return page.evaluate(() => ({
    marks: [...document.querySelectorAll('#strategy-chart g.mark')].map((g) => ({
      action: g.dataset.action, channel: g.dataset.channel, at: g.dataset.at, x: Number(g.dataset.x),
      title: g.querySelector('title')?.textContent ?? '', shape: `${g.querySelector('.shape')?.tagName} ${g.querySelector('.shape')?.getAttribute('class')}`,
    })),
    labels: [...document.querySelectorAll('#strategy-chart text.label')].map((t) => ({ index: Number(t.dataset.index), text: t.textContent })),
    rows: [...document.querySelectorAll('#strategy-timeline tbody tr')].map((r) => ({ ...r.dataset })),
    title: document.querySelector('#strategy-chart > title')?.textContent ?? '',
  }));
}

/**
 * Replaces the policy in the editor with `change` made to it (as a paste would), laid out as
 * the panel lays it out (one step a line); returns what was there.
 */
async function setPolicy(change) {
  const before = await page.inputValue('#strategy-policy');
  const policy = JSON.parse(before);
  change(policy);
  const text = await page.evaluate(async (policy) => (await import('./dom.js')).pretty(policy, 200), policy);
  await page.fill('#strategy-policy', text);
  return before;
}

/** A real picture of the panel: a PNG of its size (IHDR width and height), not a blank. */
async function assertScreenshot(name, minHeight) {
  const file = `${SCREENSHOTS}${name}`;
  await page.locator('#strategy').screenshot({ path: file });
  const png = await readFile(file);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.subarray(12, 16).toString(), 'IHDR');
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  assert.ok(width >= 800 && height >= minHeight, `${name}: ${width} x ${height}`);
  assert.ok(png.length > 50_000, `${name}: ${png.length} bytes`);
}

// ---- the tests ----

before(async () => {
  ({ page, problems, close } = await openDemo());
  await textOf('#strategy-segment', (text) => text !== '');
});

after(() => close());

for (const [name, want] of Object.entries(SAMPLES)) {
  test(`strategy: the ${name} sample is ${want.segment} and its next action is ${want.action} by ${want.channel} at ${want.at}`, async () => {
    await pickSample(name);
    const input = await editors();

    // The editors hold the sample worked out above.
    assert.equal(input.now, want.now);
    assert.equal(input.account.timeZone, want.timeZone);
    assert.equal(input.days, '400');
    const issued = input.account.invoices.map((i) => i.issueDate).sort()[0];
    assert.equal(issued, want.firstIssued);
    const open = input.account.invoices.filter((i) => i.dueDate >= '2026-01-01');
    assert.deepEqual(open.map((i) => i.dueDate), [want.due]);
    if (name === 'newAccount') assert.ok(days(issued, want.now.slice(0, 10)) < 90);
    if (name === 'highRisk') assert.ok(Number(open[0].amount) >= 10_000);
    if (name === 'slowPayer') {
      const paid = input.account.payments.map((p, i) => days(input.account.invoices[i + 1].dueDate, p.date));
      assert.deepEqual(paid, Array(11).fill(18));
    }
    // The policy in the editor is the default one.
    const policy = await inPage('defaultPolicy', {});
    assert.deepEqual(input.policy, policy.value);

    // The hand values: the step's day is the due date plus its offset in the default ladder.
    const shown = await decisionShown();
    assert.equal(shown.segment, want.segment);
    assert.equal(shown.standing, 'active');
    assert.deepEqual([shown.action, shown.channel, shown.template, shown.at], [want.action, want.channel, want.action, want.at]);
    assert.equal(want.at.slice(0, 10), addDays(want.due, want.offset));
    assert.deepEqual(shown.blocked.map(({ action, rule, until }) => ({ action, rule, until })), want.blocked);
    const fired = shown.reasons.filter((r) => r.fired === 'true').map((r) => r.rule);
    assert.deepEqual(fired, [`segment:${want.segment}`, `ladder:${want.action}`]);

    // The package, called in the page on what the editors hold, says the same; and with the
    // policy left out (the default), the same again, audit and all.
    const { days: _, ...call } = input;
    const engine = (await inPage('nextAction', call)).value;
    assert.deepEqual(
      { segment: engine.segment, standing: engine.standing, action: engine.action, channel: engine.channel, template: engine.template, at: engine.at },
      { segment: shown.segment, standing: shown.standing, action: shown.action, channel: shown.channel, template: shown.template, at: shown.at });
    assert.deepEqual(engine.reasons.map((r) => ({ rule: r.rule, fired: String(r.fired) })), shown.reasons.map((r) => ({ rule: r.rule, fired: r.fired })));
    assert.deepEqual(engine.blocked.map((b) => ({ action: b.action, rule: b.rule, until: b.until ?? '' })), shown.blocked.map(({ action, rule, until }) => ({ action, rule, until })));
    const { policy: __, ...withoutPolicy } = call;
    const byDefault = (await inPage('nextAction', withoutPolicy)).value;
    assert.deepEqual(byDefault, engine);

    // The local instant in words, from the instant's own text.
    const [date, clock] = [want.at.slice(0, 10), want.at.slice(11, 16)];
    const month = new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { month: 'short', timeZone: 'UTC' });
    assert.ok(shown.atText.startsWith(`${Number(date.slice(8))} ${month} ${date.slice(0, 4)}, ${clock} `), shown.atText);
    assert.ok(shown.atText.includes(want.timeZone), shown.atText);
    assert.deepEqual(problems, []);
  });
}

test('strategy: the timeline chart has one mark per action of timeline(), in time order, labelled and with text', async () => {
  for (const name of Object.keys(SAMPLES)) {
    await pickSample(name);
    const input = await editors();
    // 400 days after now, in UTC, as the panel passes it.
    const until = new Date(Date.parse(input.now) + 400 * 86_400_000).toISOString().replace('.000Z', 'Z');
    const { days: _, ...call } = input;
    const line = (await inPage('timeline', { ...call, until })).value;
    const shown = await timelineShown();
    assert.ok(line.actions.length > 0, name);
    assert.equal(shown.marks.length, line.actions.length, name);
    assert.deepEqual(shown.marks.map(({ action, channel, at }) => ({ action, channel, at })),
      line.actions.map(({ action, channel, at }) => ({ action, channel, at })), name);
    assert.deepEqual(shown.rows.map(({ action, channel, at }) => ({ action, channel, at })),
      line.actions.map(({ action, channel, at }) => ({ action, channel, at })), name);
    // In time order, and placed in time order along the axis; the first is the next action.
    for (let i = 1; i < shown.marks.length; i++) {
      assert.ok(Date.parse(shown.marks[i].at) >= Date.parse(shown.marks[i - 1].at), `${name}: mark ${i} before mark ${i - 1}`);
      assert.ok(shown.marks[i].x >= shown.marks[i - 1].x, `${name}: mark ${i} left of mark ${i - 1}`);
    }
    assert.ok(Date.parse(shown.marks[0].at) >= Date.parse(input.now));
    assert.ok(Date.parse(shown.marks.at(-1).at) <= Date.parse(until));
    assert.equal(shown.marks[0].action, SAMPLES[name].action);
    assert.equal(shown.marks[0].at, SAMPLES[name].at);
    // Each mark says what it is in words; its shape says its channel, the same shape for the same channel.
    for (const [i, mark] of shown.marks.entries()) {
      assert.ok(mark.title.startsWith(`${i + 1}. `) && mark.title.includes(mark.action), mark.title);
    }
    const shapes = new Map();
    for (const mark of shown.marks) {
      assert.equal(shapes.get(mark.channel) ?? mark.shape, mark.shape, `${name}: ${mark.channel}`);
      shapes.set(mark.channel, mark.shape);
    }
    assert.equal(new Set(shapes.values()).size, shapes.size, `${name}: two channels drawn alike: ${[...shapes]}`);
    // The labels name the actions they stand over.
    for (const label of shown.labels) assert.equal(label.text, shown.marks[label.index].action);
    assert.match(shown.title, new RegExp(`^${line.actions.length} actions from `));
  }

  // The good-standing sample's, by hand.
  await pickSample('goodStanding');
  const shown = await timelineShown();
  assert.deepEqual(shown.marks.map((m) => [m.action, m.channel, m.at]), GOOD_STANDING_TIMELINE);
  for (const [action, , at] of GOOD_STANDING_TIMELINE.slice(1)) {
    const offset = typeof LADDER[action] === 'number' ? LADDER[action] : LADDER[action].other;
    assert.equal(at.slice(0, 10), addDays('2026-03-02', offset), action);
  }
  // Every action has its label on this one (none crowded out).
  assert.deepEqual(shown.labels.map((l) => l.text), GOOD_STANDING_TIMELINE.map(([action]) => action));
  assert.match(await page.textContent('#strategy-chart-caption'), /10 actions from timeline\(\)/);
  assert.deepEqual(problems, []);
});

test('strategy: an unknown action in the policy shows unknown_option at its path as it is typed, and the panel recovers', async () => {
  await pickSample('goodStanding');
  await page.click('#strategy-reset');
  await textOf('#strategy-policy-ok', (text) => text.startsWith('✓ A valid policy'));

  // The first step of the first ladder (goodStanding's late-fee notice, the lowest offset) becomes "dance".
  const before = await setPolicy((policy) => { policy.ladders[0].steps[0].action = 'dance'; });
  const shownError = await errorText('#strategy-policy-error', (text) => text.startsWith('unknown_option'));
  assert.match(shownError, /^unknown_option at policy\.ladders\[0\]\.steps\[0\]\.action: 'dance' is not one of 'goodwillCall', /);
  // The path is the engine's: describePolicy and nextAction, called in the page, give the same.
  const policy = JSON.parse(await page.inputValue('#strategy-policy'));
  for (const [name, input] of [['describePolicy', { policy }], ['nextAction', { ...(await editors()), days: undefined, policy }]]) {
    const { error } = await inPage(name, input);
    assert.deepEqual([error.name, error.code, error.path], ['ArrearsError', 'unknown_option', 'policy.ladders[0].steps[0].action'], name);
    assert.equal(error.message, shownError);
  }
  assert.equal(await page.getAttribute('#strategy-policy', 'aria-invalid'), 'true');
  assert.equal(await page.locator('#strategy-policy-ok').isHidden(), true);
  assert.equal(await page.locator('#strategy-result').isHidden(), true);
  assert.equal(await page.locator('#strategy-terms-box').isHidden(), true);
  assert.equal(await page.locator('#strategy-error').isHidden(), true, 'the policy error is shown by the policy only');
  await page.locator('#strategy').screenshot({ path: `${SCREENSHOTS}strategy-error.png` });

  // Fixed: the error goes, the decision comes back.
  await page.fill('#strategy-policy', before);
  await textOf('#strategy-policy-ok', (text) => text.startsWith('✓ A valid policy'));
  assert.equal(await page.locator('#strategy-policy-error').isHidden(), true);
  assert.equal(await page.getAttribute('#strategy-policy', 'aria-invalid'), null);
  await textOf('#strategy-action', (text) => text.startsWith('dueDateReminder'));
  assert.equal(await page.locator('#strategy-terms-box').isHidden(), false);

  // Typed, a key at a time: a stray character is not JSON (the page's own invalid_input), and
  // deleting it recovers; nothing is read until typing pauses.
  await page.locator('#strategy-policy').focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('x}', { delay: 30 });
  assert.match(await errorText('#strategy-policy-error', (text) => text.startsWith('invalid_input')), /^invalid_input at policy: not JSON: /);
  await page.keyboard.press('Backspace', { delay: 30 });
  await page.keyboard.press('Backspace');
  await textOf('#strategy-policy-ok', (text) => text.startsWith('✓ A valid policy'));
  assert.equal(await page.inputValue('#strategy-policy'), before);

  // An offset out of range: out_of_range at the step's offset.
  await setPolicy((p) => { p.ladders[1].steps[2].offset = 4000; });
  assert.match(await errorText('#strategy-policy-error', (text) => text.startsWith('out_of_range')), /^out_of_range at policy\.ladders\[1\]\.steps\[2\]\.offset: 4000 is not from -365 to 3650/);
  await page.click('#strategy-reset');
  await textOf('#strategy-policy-ok', (text) => text.startsWith('✓ A valid policy'));
  assert.equal(await page.inputValue('#strategy-policy'), before);
  assert.deepEqual(problems, []);
});

test('strategy: a bad time zone in the account shows unknown_time_zone at account.timeZone, and the panel recovers', async () => {
  await pickSample('newAccount');
  const good = await page.inputValue('#strategy-account');
  await page.fill('#strategy-account', good.replace('"America/New_York"', '"America/Gotham"'));
  const message = await errorText('#strategy-error', (text) => text.startsWith('unknown_time_zone'));
  assert.match(message, /^unknown_time_zone at account\.timeZone: 'America\/Gotham' is not an IANA time zone/);
  assert.equal(await page.getAttribute('#strategy-account', 'aria-invalid'), 'true');
  assert.equal(await page.locator('#strategy-result').isHidden(), true);
  // The policy is fine, so its terms stay.
  assert.equal(await page.locator('#strategy-terms-box').isHidden(), false);

  // An instant without an offset is refused by the engine too (at now).
  await page.fill('#strategy-account', good);
  await textOf('#strategy-action', (text) => text.startsWith('secondReminder'));
  await page.fill('#strategy-now', '2026-03-09T06:30:00');
  assert.match(await errorText('#strategy-error', (text) => text.startsWith('invalid_instant')), /^invalid_instant at now: /);
  assert.equal(await page.getAttribute('#strategy-now', 'aria-invalid'), 'true');
  await page.fill('#strategy-now', SAMPLES.newAccount.now);
  await textOf('#strategy-action', (text) => text.startsWith('secondReminder'));
  assert.equal(await page.locator('#strategy-error').isHidden(), true);
  assert.equal(await page.getAttribute('#strategy-account', 'aria-invalid'), null);
  assert.equal((await decisionShown()).at, SAMPLES.newAccount.at);
  assert.deepEqual(problems, []);
});

test('strategy: the written terms follow an edited step, and so do the timeline and the hash', async () => {
  await pickSample('goodStanding');
  await page.click('#strategy-reset');
  await textOf('#strategy-policy-ok', (text) => text.startsWith('✓ A valid policy'));
  const section = async () => {
    const text = await page.textContent('#strategy-terms');
    return text.slice(text.indexOf('For most accounts:'), text.indexOf('For large or high-risk accounts:'));
  };
  assert.ok((await section()).includes('- 7 days after the due date (phone): we send a second reminder.\n'));
  const defaultHash = await page.getAttribute('#strategy-audit code', 'title');

  // goodStanding's second reminder (the default ladder's +7 by phone) moved to +10 by text message.
  await setPolicy((policy) => {
    assert.equal(policy.ladders[0].segment, 'goodStanding');
    const step = policy.ladders[0].steps.find((s) => s.action === 'secondReminder');
    Object.assign(step, { offset: 10, channel: 'sms' });
  });
  await textOf('#strategy-terms', (text) => text.includes('- 10 days after the due date (text message): we send a second reminder.'));
  const terms = await section();
  assert.ok(terms.includes('- 10 days after the due date (text message): we send a second reminder.\n'), terms);
  assert.ok(!terms.includes('- 7 days after the due date (phone)'), terms);
  // The other ladders keep theirs.
  assert.ok((await page.textContent('#strategy-terms')).includes('- 7 days after the due date (phone): we send a second reminder.'));

  // The timeline: the second reminder on 12 March (2 March + 10), by text at 08:00 EDT.
  await textOf('#strategy-timeline', (text) => text.includes('12 Mar 2026'));
  const shown = await timelineShown();
  const second = shown.marks.find((m) => m.action === 'secondReminder');
  assert.deepEqual([second.channel, second.at], ['sms', '2026-03-12T08:00:00-04:00']);
  assert.equal(second.at.slice(0, 10), addDays('2026-03-02', 10));
  assert.equal((await decisionShown()).action, 'dueDateReminder');
  assert.notEqual(await page.getAttribute('#strategy-audit code', 'title'), defaultHash, 'another policy, another hash');

  await page.click('#strategy-reset');
  await textOf('#strategy-terms', (text) => !text.includes('(text message): we send a second reminder'));
  assert.equal(await page.getAttribute('#strategy-audit code', 'title'), defaultHash);
  assert.deepEqual(problems, []);
});

test('strategy: the panel is labelled, and its screenshot is a real picture', async () => {
  await pickSample('newAccount');
  await textOf('#strategy-action', (text) => text.startsWith('secondReminder'));
  const unlabelled = await page.$$eval('#strategy input, #strategy select, #strategy textarea', (fields) => fields.filter((f) => f.labels.length === 0).map((f) => f.id));
  assert.deepEqual(unlabelled, []);
  assert.equal(await page.getAttribute('#strategy-chart', 'role'), 'img');
  assert.deepEqual(await page.locator('#strategy-legend li').allTextContents(),
    ['email', 'text message', 'letter', 'phone', 'task (reaches no one)']);
  // The blocked step and its rule, in words, with the instant the rule allows it, in the
  // debtor's time: 08:00 EDT is 12:00 UTC.
  const blocked = await page.textContent('#strategy-blocked');
  assert.match(blocked, /^secondReminder held back by contactHours, until 9 Mar 2026, 08:00 \(UTC−04:00\)12 CFR 1006\.6\(b\)\(1\)\(i\): contact from 08:00 to 21:00 in America\/New_York$/);
  await assertScreenshot('strategy.png', 1000);
  assert.deepEqual(problems, []);
});
