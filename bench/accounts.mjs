// A seeded, deterministic portfolio of accounts for the strategy benchmarks (`nextAction`,
// `nextActions`): the input of `nextActions`, as plain objects.
//
//   import { accounts } from './accounts.mjs';
//   const { now, accounts: list, history } = accounts({ count: 100_000, seed: 1 });
//
// Run as a script to write bench/data/accounts-N.json (gitignored) for the native bench:
//   node bench/accounts.mjs 100000 [seed]
//
// What it makes (same seed, same bytes everywhere): N accounts A0000001.., each in one of eight
// time zones (New York, Chicago, Los Angeles, London, Berlin, Kolkata, Tokyo, Sydney), in USD,
// with 1 to 4 invoices issued over the 400 days before `now` (2026-06-30T15:00:00Z), due 7 to
// 60 days after issue, 10.00 to 20,000.00; a third of them partly paid; one in ten with a risk
// score; and a history of 0 to 3 items per account (reminders sent, calls tried or held, one
// dispute in fifty), each naming its account.

import { rng } from './generate.mjs';

export const NOW = '2026-06-30T15:00:00Z';
const DAY_MS = 86_400_000;
const ZONES = ['America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Europe/London', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Tokyo', 'Australia/Sydney'];
const TERMS = [7, 14, 30, 45, 60];
const STEPS = [
  ['message', 'email', 'preDueReminder'],
  ['message', 'email', 'dueDateReminder'],
  ['attempt', 'phone', undefined],
  ['conversation', 'phone', 'secondReminder'],
  ['taskDone', 'task', 'escalation'],
];

const day = (n) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const cents = (c) => `${Math.trunc(c / 100)}.${String(c % 100).padStart(2, '0')}`;

/** The `nextActions` input of `count` accounts. */
export function accounts({ count, seed = 1 }) {
  const random = rng(seed);
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const today = Math.floor(Date.parse(NOW) / DAY_MS);
  const list = [];
  const history = [];
  for (let a = 1; a <= count; a++) {
    const id = `A${String(a).padStart(7, '0')}`;
    const invoices = [];
    const payments = [];
    for (let i = int(1, 4); i > 0; i--) {
      const issued = today - int(1, 400);
      const amount = int(1_000, 2_000_000);
      invoices.push({ id: `${id}-${i}`, customerId: id, issueDate: day(issued), dueDate: day(issued + TERMS[int(0, 4)]), amount: cents(amount), currency: 'USD' });
      if (random() < 1 / 3) payments.push({ id: `${id}-P${i}`, customerId: id, date: day(issued + int(0, 60)), amount: cents(Math.floor(amount / 2)), currency: 'USD' });
    }
    const account = { id, timeZone: ZONES[int(0, ZONES.length - 1)], invoices: invoices.reverse() };
    if (payments.length) account.payments = payments.filter((p) => p.date <= day(today));
    if (random() < 0.1) account.facts = { riskScore: (int(0, 100) / 100).toFixed(2) };
    list.push(account);
    for (let h = int(0, 3); h > 0; h--) {
      const at = new Date((today - int(0, 60)) * DAY_MS + int(13, 22) * 3_600_000).toISOString().slice(0, 19) + 'Z';
      const [kind, channel, action] = random() < 0.02 ? ['dispute', undefined, undefined] : STEPS[int(0, STEPS.length - 1)];
      const item = { accountId: id, at, kind };
      if (channel) item.channel = channel;
      if (action) item.action = action;
      history.push(item);
    }
  }
  return { now: NOW, accounts: list, history };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeFileSync, mkdirSync } = await import('node:fs');
  const count = Number(process.argv[2] ?? 100_000);
  const seed = Number(process.argv[3] ?? 1);
  mkdirSync(new URL('./data/', import.meta.url), { recursive: true });
  writeFileSync(new URL(`./data/accounts-${count}.json`, import.meta.url), JSON.stringify(accounts({ count, seed })));
}
