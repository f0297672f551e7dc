// The aging panel's worker: everything slow happens here, so the page stays responsive.
//
// In:  { type: 'age', asOf, periodDays, invoicesCsv, paymentsCsv?, creditsCsv? }
//      { type: 'generate', asOf, periodDays, invoices, seed }   makes a portfolio first
// Out: { type: 'progress', stage, done?, total? }   stage: generating, parsing, ageing, kpis
//      { type: 'result', aging, metrics, metricsError, counts, timings }
//      { type: 'error', code, path, message }
//
// Import maps do not reach workers, so the package's browser entry is imported by its URL
// (www/serve.mjs serves the package at /node_modules/arrears/). `import *` lets the page say
// clearly which entry point is missing from an older build instead of failing to load.

import * as arrears from './node_modules/arrears/browser.js';
import { portfolio } from './samples/generate.mjs';

const ready = arrears.init();
const progress = (stage, done, total) => postMessage({ type: 'progress', stage, done, total });
const PROGRESS_EVERY = 20_000; // rows

/**
 * Rows of CSV text as objects keyed by the header, each with the line it starts on.
 * Lenient on purpose (RFC 4180 quotes, LF or CRLF): agingBatch is the one that judges the
 * text, with line numbers in its errors; this only feeds `metrics` the same records.
 */
function parseCsv(text, name, onRows) {
  const rows = [];
  let field = '';
  let record = [];
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let header = null;
  const endRecord = () => {
    record.push(field);
    field = '';
    if (header === null) header = record.map((h) => h.trim());
    else if (record.length > 1 || record[0] !== '') {
      const row = { line: recordLine };
      header.forEach((column, i) => { row[column] = record[i] ?? ''; });
      rows.push(row);
      if (rows.length % PROGRESS_EVERY === 0) onRows(rows.length);
    }
    record = [];
    recordLine = line;
  };
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else { if (c === '\n') line++; field += c; }
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\n') { line++; endRecord(); }
    else if (c !== '\r' || text[i + 1] !== '\n') field += c;
  }
  if (field !== '' || record.length > 0) endRecord();
  return { name, rows };
}

/** The records `metrics` takes, from the parsed CSV rows. */
function records(invoices, payments, credits) {
  const common = ({ id, customerId, amount, currency }) => ({ id, customerId, amount, currency });
  return {
    invoices: invoices.rows.map((r) => ({
      ...common(r), issueDate: r.issueDate, dueDate: r.dueDate, disputed: r.disputed === 'true' || r.disputed === '1',
    })),
    payments: payments.rows.map((r) => ({
      ...common(r), date: r.date, ...(r.invoiceId ? { appliesTo: [{ invoiceId: r.invoiceId, amount: r.amount }] } : {}),
    })),
    credits: credits.rows.map((r) => ({ ...common(r), date: r.date, ...(r.invoiceId ? { invoiceId: r.invoiceId } : {}) })),
  };
}

/** `invoices[41].dueDate` from metrics becomes `invoicesCsv:43:dueDate`, as agingBatch says it. */
function inCsvWords(path, parsed) {
  const match = /^(invoices|payments|credits)\[(\d+)\]\.?([A-Za-z]*)/.exec(path ?? '');
  const row = match && parsed[match[1]].rows[Number(match[2])];
  return row ? `${match[1]}Csv:${row.line}${match[3] ? `:${match[3]}` : ''}` : path;
}

async function age({ asOf, periodDays, invoicesCsv, paymentsCsv, creditsCsv }, timings) {
  let started = performance.now();
  const lap = (name) => {
    const now = performance.now();
    timings[name] = Math.round(now - started);
    started = now;
  };
  const total = invoicesCsv.length + (paymentsCsv?.length ?? 0) + (creditsCsv?.length ?? 0);
  progress('parsing', 0, total);
  let before = 0;
  const parse = (text, name) => {
    const parsed = parseCsv(text ?? '', name, () => progress('parsing', before, total));
    before += text?.length ?? 0;
    progress('parsing', before, total);
    return parsed;
  };
  const parsed = {
    invoices: parse(invoicesCsv, 'invoices'),
    payments: parse(paymentsCsv, 'payments'),
    credits: parse(creditsCsv, 'credits'),
  };
  lap('parsing');

  await ready;
  if (typeof arrears.agingBatch !== 'function') {
    throw Object.assign(new Error('this build of the arrears package has no agingBatch yet (run make build on a branch that has it)'), { code: 'unavailable' });
  }
  progress('ageing');
  const aging = arrears.agingBatch({
    asOf,
    invoicesCsv,
    ...(paymentsCsv ? { paymentsCsv } : {}),
    ...(creditsCsv ? { creditsCsv } : {}),
  });
  lap('ageing');

  // The KPIs are a second look at the same records; if they fail, the aging still stands.
  progress('kpis');
  let metrics = null;
  let metricsError = null;
  try {
    metrics = arrears.metrics({ asOf, periodDays, ...records(parsed.invoices, parsed.payments, parsed.credits) });
  } catch (error) {
    metricsError = { code: error.code ?? 'internal', path: inCsvWords(error.path, parsed), message: error.message };
  }
  lap('kpis');
  const counts = Object.fromEntries(Object.entries(parsed).map(([name, p]) => [name, p.rows.length]));
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
