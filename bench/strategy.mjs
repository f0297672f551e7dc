// The strategy in Node through the package, as a user calls it: `nextAction` for one account
// per call (warm, after one call) and `nextActions` over a portfolio of bench/accounts.mjs,
// beside the native criterion figures of `cargo bench --bench strategy` when present.
//   node bench/strategy.mjs [--accounts 100000] [--runs 5]
// The first call in a fresh process is measured by bench/first-call.mjs and bench/edge.mjs.
import { readFileSync } from 'node:fs';
import { nextAction, nextActions } from 'arrears';
import { accounts } from './accounts.mjs';
import { optionsOf } from './options.mjs';

const option = optionsOf(process.argv.slice(2));
const count = Number(option('accounts', 100_000));
const runs = Number(option('runs', 5));
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (f) => {
  const start = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

const portfolio = accounts({ count });
const first = portfolio.accounts[5];
const one = {
  account: first,
  history: portfolio.history.filter((h) => h.accountId === first.id).map(({ accountId, ...item }) => item),
  now: portfolio.now,
};
nextAction(one);
const calls = 2_000;
const perCall = median(Array.from({ length: runs }, () => time(() => {
  for (let i = 0; i < calls; i++) nextAction(one);
}) / calls));
nextActions(portfolio);
const batch = median(Array.from({ length: runs }, () => time(() => nextActions(portfolio))));

const criterion = (name) => {
  try {
    const path = new URL(`../target/criterion/strategy/${name}/new/estimates.json`, import.meta.url);
    return JSON.parse(readFileSync(path, 'utf8')).median.point_estimate / 1e6;
  } catch {
    return undefined;
  }
};
const native = [criterion('nextAction one account'), criterion(`nextActions ${count}`)];
const shown = (ms, digits) => (ms === undefined ? '-' : ms.toFixed(digits));
console.log(`| | wasm in Node ${process.version} | native (criterion) |`);
console.log('|---|---|---|');
console.log(`| nextAction, one account, warm | ${shown(perCall * 1000, 0)} µs | ${shown(native[0] && native[0] * 1000, 1)} µs |`);
console.log(`| nextActions, ${count.toLocaleString('en')} accounts | ${shown(batch, 0)} ms | ${shown(native[1], 0)} ms |`);
console.log(`| per account in the batch | ${shown((batch / count) * 1000, 1)} µs | ${shown(native[1] && (native[1] / count) * 1000, 1)} µs |`);
