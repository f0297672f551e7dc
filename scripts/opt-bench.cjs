// Times a fixed mix of calls through the package at PATH (its node.cjs): the median of 5 runs.
// Usage: node scripts/opt-bench.cjs PATH
const api = require(require("node:path").resolve(process.argv[2]));

const calls = [
  () => api.dueDate({ issueDate: "2024-01-31", terms: "2/10 Net 30", calendar: "US", convention: "following" }),
  () => api.yearFraction({ start: "2024-01-01", end: "2024-07-01", dayCount: "ACT/ACT-ISDA" }),
  () => api.addBusinessDays({ date: "2024-12-20", days: 10, calendar: "TARGET" }),
  () => api.holidays({ calendar: "GB", from: "2024-01-01", to: "2033-12-31" }),
];
const rounds = 20000;
const times = [];
for (let run = 0; run < 5; run++) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) calls[i % calls.length]();
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
times.sort((a, b) => a - b);
console.log(`  ${rounds} calls: median ${times[2].toFixed(0)} ms (${((times[2] * 1000) / rounds).toFixed(1)} µs a call)`);
