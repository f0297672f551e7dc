// Compares builds of the package side by side in one process: the three arrears rows of the
// benchmark ((a) aging, (b) csv, (b) columns), interleaved so that load on a shared machine hits
// every build alike. Used to choose the release opt-level and wasm-opt flags (DESIGN.md).
//
//   node --max-old-space-size=8192 bench/compare.mjs [--sizes 100000,1000000] [--runs 5] [--cpu] DIR...
//
// Each DIR is a built package (scripts/build.sh DIR); its node.cjs is loaded as is. With --cpu
// each call is timed by the process's CPU time (process.cpuUsage, user + system) instead of
// the clock: on a shared machine the clock also counts the time other processes had the CPU,
// which at a load average of 4 on 2 cores doubled the medians and reversed orders.
// CPU time also counts V8's helper threads (GC), alike for every build.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { agingInput, generate } from './generate.mjs';
import { toColumns } from './columns.mjs';
import { optionsOf } from './options.mjs';

const argv = process.argv.slice(2);
const option = optionsOf(argv);
const sizes = option('sizes', '100000,1000000').split(',').map(Number);
const runs = Number(option('runs', 5));
const cpuFlag = argv.indexOf('--cpu');
const cpu = cpuFlag >= 0;
if (cpu) argv.splice(cpuFlag, 1);
const now = cpu
  ? () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    }
  : () => performance.now();
const require = createRequire(import.meta.url);
const builds = argv.map((dir) => ({ dir, api: require(resolve(dir, 'node.cjs')) }));

for (const n of sizes) {
  const p = generate({ invoices: n });
  const objects = { ...agingInput(p), include: ['buckets', 'customers'] };
  const csv = { asOf: p.asOf, invoicesCsv: p.invoicesCsv, paymentsCsv: p.paymentsCsv };
  const columns = { asOf: p.asOf, ...toColumns(p) };
  const cases = {
    aging: (api) => api.aging(objects),
    csv: (api) => api.agingBatch(csv),
    columns: (api) => api.agingBatch(columns),
  };
  const times = n >= 1_000_000 ? Math.min(runs, 3) : runs;
  for (const [name, call] of Object.entries(cases)) {
    const ms = builds.map(() => []);
    builds.forEach(({ api }) => call(api));
    for (let r = 0; r < times; r++) {
      builds.forEach(({ api }, b) => {
        const start = now();
        call(api);
        ms[b].push(now() - start);
      });
    }
    const medians = ms.map((m) => m.sort((x, y) => x - y)[Math.floor(m.length / 2)]);
    console.log(`${n} ${name.padEnd(8)}${cpu ? ' cpu' : ''} ${builds.map(({ dir }, b) => `${dir}: ${medians[b].toFixed(1)} ms`).join('  ')}`);
  }
}
