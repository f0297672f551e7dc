// The aging panel: picks the CSV (the shipped sample, a generated portfolio or the user's own
// files), hands it to aging-worker.js and draws what comes back. No arrears call runs on this
// thread, so a 100,000-row file never freezes the page.

import { element, grouped, svg } from './dom.js';
import { SAMPLE_AS_OF } from './samples/generate.mjs';

const $ = (id) => document.getElementById(id);
const SAMPLE_FILES = ['invoices', 'payments', 'credits'];
const TOP_CUSTOMERS = 10;
const STAGES = ['reading', 'generating', 'ageing', 'kpis'];
const STAGE_NAMES = { reading: 'reading the files', generating: 'generating the portfolio', ageing: 'ageing (agingBatch)', kpis: 'KPIs (metrics)' };
// From "not yet due" to "over 120 days": green to deep red.
const PALETTE = ['#3a9d6b', '#a3c255', '#f0c145', '#ef8b3b', '#d6504a', '#8c1d2f'];

const view = {
  asOf: $('aging-as-of'),
  period: $('aging-period'),
  files: $('aging-files'),
  currency: $('aging-currency'),
};

let worker = null;
let running = null; // { source, started, clock }
let lastSource = null;
let result = null;

const count = (n) => n.toLocaleString('en-US');

function describe({ code, path, message }) {
  const prefix = `${code}${path ? ` at ${path}` : ''}: `;
  return message.startsWith(prefix) ? message : prefix + message;
}

function showError(error) {
  $('aging-error').textContent = error === null ? '' : describe(error);
  $('aging-error').hidden = error === null;
}

// ---- running the worker ----

function newWorker() {
  worker?.terminate();
  worker = new Worker(new URL('./aging-worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = ({ data }) => {
    if (data.type === 'progress') showProgress(data);
    else if (data.type === 'result') finish(data);
    else if (data.type === 'error') fail(data);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail({ code: 'internal', path: '', message: `the aging worker failed: ${event.message ?? 'could not load it'}` });
  };
}

function showProgress({ stage, done, total }) {
  const index = STAGES.indexOf(stage);
  for (const li of $('aging-stages').children) {
    const at = STAGES.indexOf(li.dataset.stage);
    li.className = at < index ? 'done' : at === index ? 'active' : '';
  }
  $('aging-stage').textContent = STAGE_NAMES[stage] ?? stage;
  const bar = $('aging-bar');
  if (total > 0) {
    bar.max = total;
    bar.value = done;
  } else {
    bar.removeAttribute('value'); // indeterminate: one wasm call, no steps to count
  }
}

function setRunning(on) {
  $('aging-progress').hidden = !on;
  $('aging-cancel').disabled = !on;
  for (const button of document.querySelectorAll('#aging-form button.source')) button.disabled = on;
  view.files.disabled = on;
  document.querySelector('#aging').setAttribute('aria-busy', String(on));
}

/** Starts a run. `source` says what to age: `{ label, texts }` or `{ label, generate }`. */
function start(source) {
  if (!view.asOf.value) return showError({ code: 'missing_field', path: 'asOf', message: 'choose an as-of date' });
  if (worker === null) newWorker();
  showError(null);
  lastSource = source;
  const started = performance.now();
  const clock = setInterval(() => {
    $('aging-clock').textContent = `${((performance.now() - started) / 1000).toFixed(1)} s`;
  }, 100);
  running = { source, started, clock };
  $('aging-clock').textContent = '0.0 s';
  for (const li of $('aging-stages').children) li.hidden = li.dataset.stage === 'generating' ? !source.generate : li.dataset.stage === 'reading';
  setRunning(true);
  const options = { asOf: view.asOf.value, periodDays: Number(view.period.value) || 90 };
  if (source.generate) worker.postMessage({ type: 'generate', ...options, ...source.generate });
  else worker.postMessage({ type: 'age', ...options, ...source.texts });
}

function stop() {
  if (running) clearInterval(running.clock);
  running = null;
  setRunning(false);
}

function finish(data) {
  const { source, started } = running;
  stop();
  result = { ...data, source, seconds: (performance.now() - started) / 1000 };
  draw();
}

/** A run that failed or was cancelled leaves no result on show: it would be another source's. */
function fail(error) {
  stop();
  result = null;
  $('aging-result').hidden = true;
  showError(error);
}

function cancel() {
  if (!running) return;
  newWorker(); // the only way to stop a synchronous wasm call is to end its worker
  fail({ code: 'cancelled', path: '', message: 'the run was cancelled' });
}

// ---- the sources ----

async function loadSample() {
  const texts = {};
  for (const name of SAMPLE_FILES) {
    const response = await fetch(new URL(`./samples/${name}.csv`, import.meta.url));
    if (!response.ok) throw new Error(`samples/${name}.csv: HTTP ${response.status}`);
    texts[`${name}Csv`] = await response.text();
  }
  view.asOf.value = SAMPLE_AS_OF;
  start({ label: 'Sample (www/samples/, seed 42)', texts });
}

/** Which list a file holds, from its header and name: invoices have `issueDate`. */
function kindOf(name, header) {
  if (/(^|,)\s*"?issueDate"?\s*(,|$)/.test(header)) return 'invoicesCsv';
  return /credit/i.test(name) ? 'creditsCsv' : 'paymentsCsv';
}

async function loadFiles(files) {
  const texts = {};
  for (const file of files) {
    const text = await file.text();
    const kind = kindOf(file.name, text.slice(0, text.indexOf('\n') >>> 0));
    if (texts[kind] !== undefined) {
      return showError({ code: 'invalid_input', path: file.name, message: `two files of ${kind.replace('Csv', '')}; drop at most one of each` });
    }
    texts[kind] = text;
  }
  if (texts.invoicesCsv === undefined) {
    return showError({ code: 'missing_field', path: 'invoicesCsv', message: 'no invoices file: its header needs id,customerId,issueDate,dueDate,amount,currency' });
  }
  start({ label: [...files].map((f) => f.name).join(', '), texts });
}

// ---- drawing ----

function currencies() {
  return result?.aging.currencies ?? [];
}

function drawTable() {
  const list = currencies();
  const labels = result.aging.bucketLabels;
  const head = element('tr', {}, element('th', { scope: 'col', textContent: 'Bucket' }));
  for (const { currency } of list) {
    head.append(
      element('th', { scope: 'col', className: 'num', textContent: `${currency} amount` }),
      element('th', { scope: 'col', className: 'num', textContent: 'count' }),
    );
  }
  const cell = (amount) => element('td', { className: 'num', textContent: grouped(amount) });
  const rows = labels.map((label, b) => {
    const row = element('tr', {}, element('th', { scope: 'row' }, swatch(b, labels.length), label));
    for (const c of list) {
      const bucket = c.buckets[b];
      const amount = cell(bucket.amount);
      Object.assign(amount.dataset, { currency: c.currency, bucket: label, value: bucket.amount });
      const n = element('td', { className: 'num', textContent: count(bucket.count) });
      Object.assign(n.dataset, { currency: c.currency, bucket: label, count: String(bucket.count) });
      row.append(amount, n);
    }
    return row;
  });
  const footRow = (title, field) => {
    const row = element('tr', { className: field }, element('th', { scope: 'row', textContent: title }));
    for (const c of list) {
      const td = cell(c[field]);
      Object.assign(td.dataset, { currency: c.currency, total: field, value: c[field] });
      const n = element('td', { className: 'num' });
      if (field === 'total') n.textContent = count(c.buckets.reduce((sum, b) => sum + b.count, 0));
      row.append(td, n);
    }
    return row;
  };
  $('aging-table').replaceChildren(
    element('caption', { textContent: `Open receivables by days past due, as of ${result.aging.asOf}; currencies are never added together` }),
    element('thead', {}, head),
    element('tbody', {}, ...rows),
    element('tfoot', {},
      footRow('Total', 'total'),
      footRow('of which disputed', 'disputed'),
      footRow('Unapplied cash', 'unappliedCash'),
      footRow('Unapplied credits', 'unappliedCredits')),
  );
}

function swatch(b, n) {
  const span = element('span', { className: 'swatch' });
  span.style.background = colour(b, n);
  return span;
}

function colour(b, n) {
  return n === PALETTE.length ? PALETTE[b] : `hsl(${Math.round(140 - (140 * b) / Math.max(1, n - 1))} 55% 45%)`;
}

/** Horizontal stacked bars: the top customers of one currency, one segment per non-empty bucket. */
function drawChart(currency) {
  const labels = result.aging.bucketLabels;
  const top = (result.aging.customers ?? [])
    .filter((c) => c.currency === currency && Number(c.total) > 0)
    .sort((a, b) => Number(b.total) - Number(a.total) || (a.customerId < b.customerId ? -1 : 1))
    .slice(0, TOP_CUSTOMERS);
  const width = 640;
  const labelWidth = 90;
  const valueWidth = 110;
  const barHeight = 22;
  const gap = 8;
  const plot = width - labelWidth - valueWidth;
  const max = Math.max(1, ...top.map((c) => Number(c.total)));
  const height = Math.max(1, top.length) * (barHeight + gap) + 4;
  const chart = svg('svg', { id: 'aging-chart', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-labelledby': 'aging-chart-title' },
    svg('title', { id: 'aging-chart-title' }, `Top ${top.length} customers in ${currency} by open balance, split by bucket`));
  top.forEach((customer, row) => {
    const y = row * (barHeight + gap) + 2;
    const bar = svg('g', { class: 'bar', 'data-customer': customer.customerId });
    bar.append(svg('text', { x: labelWidth - 8, y: y + barHeight / 2, class: 'customer', 'text-anchor': 'end', 'dominant-baseline': 'central' }, customer.customerId));
    let x = labelWidth;
    customer.buckets.forEach((amount, b) => {
      if (Number(amount) <= 0) return;
      const w = (Number(amount) / max) * plot;
      bar.append(svg('rect', { class: 'segment', x: x.toFixed(2), y, width: Math.max(w, 0.5).toFixed(2), height: barHeight, fill: colour(b, labels.length), 'data-bucket': labels[b], 'data-value': amount },
        svg('title', {}, `${customer.customerId}, ${labels[b]}: ${grouped(amount)} ${currency}`)));
      x += w;
    });
    bar.append(svg('text', { x: x + 6, y: y + barHeight / 2, class: 'value', 'dominant-baseline': 'central' }, grouped(customer.total)));
    chart.append(bar);
  });
  $('aging-chart').replaceWith(chart);
  $('aging-chart-caption').textContent = top.length === 0
    ? `No open balance in ${currency}.`
    : `Top ${top.length} customers in ${currency} by open balance; bar segments are buckets (colours as in the table).`;
}

const KPIS = [
  ['dso', 'DSO', 'days', 'ending receivables ÷ credit sales × period days'],
  ['countbackDso', 'Countback DSO', 'days', 'receivables counted back against the newest months’ sales'],
  ['bestPossibleDso', 'Best possible DSO', 'days', 'current receivables ÷ credit sales × period days'],
  ['averageDaysDelinquent', 'Average days delinquent', 'days', 'DSO − best possible DSO'],
  ['collectionEffectivenessIndex', 'Collection effectiveness index', '%', '(beginning + sales − ending) ÷ (beginning + sales − ending current)'],
  ['percentCurrent', 'Percent current', '%', 'current ÷ total receivables'],
];

function drawKpis(currency) {
  const list = $('aging-kpis');
  if (result.metrics === null) {
    list.replaceChildren(element('div', { className: 'error', textContent: `KPIs unavailable: ${describe(result.metricsError)}` }));
    return;
  }
  const m = result.metrics.currencies.find((c) => c.currency === currency);
  $('aging-kpis-title').textContent = `KPIs, ${currency}, ${result.metrics.periodDays} days from ${result.metrics.periodStart} to ${result.metrics.asOf}`;
  list.replaceChildren(...KPIS.map(([key, name, unit, formula]) => {
    const value = m?.[key] ?? null;
    const box = element('div', { className: 'kpi', title: formula },
      element('dt', { textContent: name }),
      element('dd', { textContent: value === null ? '—' : `${value}${unit === '%' ? ' %' : ' days'}` }));
    box.dataset.kpi = key;
    return box;
  }));
}

function drawForCurrency() {
  drawChart(view.currency.value);
  drawKpis(view.currency.value);
}

function draw() {
  const { aging, counts, timings, source, seconds } = result;
  const ignored = aging.ignored;
  const later = ignored.invoices + ignored.payments + ignored.credits;
  $('aging-source').textContent =
    `${source.label}: ${count(counts.invoices)} invoices, ${count(counts.payments)} payments, ${count(counts.credits)} credits` +
    (later > 0 ? `; dated after ${aging.asOf} and left out: ${count(ignored.invoices)} invoices, ${count(ignored.payments)} payments, ${count(ignored.credits)} credits` : '') +
    `. Done in ${seconds.toFixed(1)} s (${Object.entries(timings).map(([k, ms]) => `${k} ${count(ms)} ms`).join(', ')}).`;
  const previous = view.currency.value;
  const codes = currencies().map((c) => c.currency);
  view.currency.replaceChildren(...codes.map((code) => element('option', { value: code, textContent: code })));
  view.currency.value = codes.includes(previous) ? previous : codes[0] ?? '';
  drawTable();
  drawForCurrency();
  $('aging-result').hidden = false;
}

// ---- wiring ----

view.asOf.value = SAMPLE_AS_OF;
$('aging-form').addEventListener('submit', (event) => event.preventDefault());
$('aging-sample').addEventListener('click', () => loadSample().catch((e) => fail({ code: 'internal', path: '', message: e.message })));
$('aging-generate').addEventListener('click', () => start({ label: 'Generated portfolio (seed 7)', generate: { invoices: 100_000, seed: 7 } }));
$('aging-cancel').addEventListener('click', cancel);
view.files.addEventListener('change', () => { if (view.files.files.length > 0) loadFiles(view.files.files); });
view.currency.addEventListener('change', drawForCurrency);
for (const input of [view.asOf, view.period]) {
  input.addEventListener('change', () => { if (lastSource && !running && input.checkValidity()) start(lastSource); });
}
const drop = $('aging-drop');
drop.addEventListener('dragover', (event) => { event.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  drop.classList.remove('over');
  if (!running && event.dataTransfer.files.length > 0) loadFiles(event.dataTransfer.files);
});
