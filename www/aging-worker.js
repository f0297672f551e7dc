// The aging panel's worker: everything slow happens here, so the page stays responsive.
//
// In:  { type: 'age', asOf, periodDays, invoicesCsv, paymentsCsv?, creditsCsv? }
//      { type: 'generate', asOf, periodDays, invoices, seed }   makes a portfolio first
// Out: { type: 'progress', stage, done?, total? }   stage: generating, ageing, kpis
//      { type: 'result', aging, metrics, metricsError, counts, timings }
//      { type: 'error', code, path, message }
//
// The CSV texts go to arrears as they are: agingBatch and metrics both read them (with line
// numbers in their errors), so this file parses nothing.
//
// Import maps do not reach workers, so the package's browser entry is imported by its URL
// (www/serve.mjs serves the package at /node_modules/arrears/). `import *` lets the page say
// clearly which entry point is missing from an older build instead of failing to load.

import * as arrears from './node_modules/arrears/browser.js';
import { portfolio } from './samples/generate.mjs';

const ready = arrears.init();
const progress = (stage, done, total) => postMessage({ type: 'progress', stage, done, total });

/** Records in a CSV text, for the summary line: its non-blank lines less the header. */
const records = (text) => Math.max(0, (text ?? '').split('\n').filter((line) => line.trim() !== '').length - 1);

async function age({ asOf, periodDays, invoicesCsv, paymentsCsv, creditsCsv }, timings) {
  let started = performance.now();
  const lap = (name) => {
    const now = performance.now();
    timings[name] = Math.round(now - started);
    started = now;
  };
  await ready;
  if (typeof arrears.agingBatch !== 'function') {
    throw Object.assign(new Error('this build of the arrears package has no agingBatch yet (run make build on a branch that has it)'), { code: 'unavailable' });
  }
  // An empty or absent text means none.
  const texts = { invoicesCsv, paymentsCsv: paymentsCsv || undefined, creditsCsv: creditsCsv || undefined };
  progress('ageing');
  const aging = arrears.agingBatch({ asOf, ...texts });
  lap('ageing');

  // The KPIs are a second look at the same records; if they fail, the aging still stands.
  progress('kpis');
  let metrics = null;
  let metricsError = null;
  try {
    metrics = arrears.metrics({ asOf, periodDays, ...texts });
  } catch (error) {
    metricsError = { code: error.code ?? 'internal', path: error.path ?? '', message: error.message };
  }
  lap('kpis');
  const counts = { invoices: records(invoicesCsv), payments: records(paymentsCsv), credits: records(creditsCsv) };
  return { aging, metrics, metricsError, counts };
}

onmessage = async ({ data }) => {
  const timings = {};
  try {
    let input = data;
    if (data.type === 'generate') {
      const started = performance.now();
      progress('generating', 0, data.invoices);
      input = { ...data, ...portfolio({ invoices: data.invoices, seed: data.seed, asOf: data.asOf, onProgress: (done, total) => progress('generating', done, total) }) };
      timings.generating = Math.round(performance.now() - started);
    }
    const result = await age(input, timings);
    postMessage({ type: 'result', ...result, timings });
  } catch (error) {
    postMessage({ type: 'error', code: error.code ?? 'internal', path: error.path ?? '', message: error.message ?? String(error) });
  }
};
