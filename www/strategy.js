// The collection-strategy panel: a sample account (one per segment of the default policy) or
// one typed as JSON, its history, the instant of the decision, and a policy document (the
// default one to start with) checked as it is typed. It shows what `nextAction` decides (the
// segment, the action with its channel, template and local instant, every rule weighed and
// what was held back), what `timeline` plans from now on, drawn on a time axis, and the
// written terms `describePolicy` gives for the policy. Every decision comes from the `arrears`
// package; this file reads the editors and draws (instants only become pixels and words).

import { defaultPolicy, describePolicy, init, nextAction, timeline } from 'arrears';
import { describe, element, grouped, longDate, pretty, svg } from './dom.js';

const $ = (id) => document.getElementById(id);
const TYPING_PAUSE_MS = 300; // the editors are read this long after the last keystroke
const TIMELINE_DAYS = 400;
const JSON_WIDTH = { account: 130, policy: 200 }; // characters a line before a value is broken up

// ---- the sample accounts: fixed instants, so the page (and its screenshots) look the same
// whenever they are opened. The segment each lands in is worked out in tests/browser/strategy.test.mjs.

const invoice = (id, customerId, issueDate, dueDate, amount, currency = 'USD') => ({ id, customerId, issueDate, dueDate, amount, currency });

/** Eleven invoices of 2025 due on the 10th and paid on the 28th (18 days late), and one open. */
function slowPayer() {
  const invoices = [invoice('INV-3120', 'acme', '2026-02-01', '2026-03-02', '500.00')];
  const payments = [];
  for (let month = 1; month <= 11; month++) {
    const mm = String(month).padStart(2, '0');
    invoices.push(invoice(`INV-25${mm}`, 'acme', `2025-${mm}-01`, `2025-${mm}-10`, '100.00'));
    payments.push({ id: `PAY-25${mm}`, customerId: 'acme', date: `2025-${mm}-28`, amount: '100.00', currency: 'USD' });
  }
  return { id: 'acme', timeZone: 'America/New_York', invoices, payments };
}

const SAMPLES = {
  // First invoice 36 days old (under 90), a week past due, at 06:30 in New York: the second
  // reminder by phone waits for 08:00.
  newAccount: {
    now: '2026-03-09T06:30:00-04:00',
    account: { id: 'newco', timeZone: 'America/New_York', invoices: [invoice('INV-2002', 'newco', '2026-02-01', '2026-03-02', '500.00')] },
    history: [{ at: '2026-03-03T09:00:00-05:00', kind: 'message', channel: 'email', action: 'dueDateReminder' }],
  },
  // 12,000.00 open (10,000 or more), five days before the due date, in London.
  highRisk: {
    now: '2026-02-25T12:00:00Z',
    account: { id: 'brightwater', timeZone: 'Europe/London', invoices: [invoice('BW-118', 'brightwater', '2025-06-01', '2026-03-02', '12000.00', 'GBP')] },
    history: [],
  },
  // Every one of the last eleven paid 18 days late; the last payment was acknowledged.
  slowPayer: {
    now: '2026-03-17T12:00:00-04:00',
    account: slowPayer(),
    history: [{ at: '2025-12-01T12:00:00-05:00', kind: 'message', channel: 'email', action: 'paymentAcknowledgment' }],
  },
  // A year-old account, one invoice due 2 March 2026, the day after.
  goodStanding: {
    now: '2026-03-03T12:00:00-05:00',
    account: { id: 'harbor', timeZone: 'America/New_York', invoices: [invoice('HS-0457', 'harbor', '2025-03-01', '2026-03-02', '500.00')] },
    history: [],
  },
};

// How each channel is drawn: a shape (and a colour, in style.css) per channel.
const CHANNELS = {
  email: { word: 'email', shape: 'circle' },
  sms: { word: 'text message', shape: 'diamond' },
  letter: { word: 'letter', shape: 'square' },
  phone: { word: 'phone', shape: 'triangle' },
  task: { word: 'task (reaches no one)', shape: 'ring' },
};

const view = {
  form: $('strategy-form'),
  sample: $('strategy-sample'),
  now: $('strategy-now'),
  days: $('strategy-days'),
  account: $('strategy-account'),
  history: $('strategy-history'),
  policy: $('strategy-policy'),
};

// ---- reading the editors ----

/** The JSON of an editor, or the page's own `invalid_input` error at `path`. */
function parsed(textarea, path) {
  try {
    return JSON.parse(textarea.value);
  } catch (error) {
    throw { code: 'invalid_input', path, message: `not JSON: ${error.message}` };
  }
}

/** `now` plus `days` days, as an RFC 3339 instant in UTC (the engine checks `now` first). */
function untilOf(now, days) {
  const text = days.trim();
  if (!/^\d+$/.test(text)) throw { code: 'invalid_number', path: 'until', message: `the timeline's length is a whole number of days, not '${text}'` };
  const start = Date.parse(now);
  if (Number.isNaN(start)) throw { code: 'invalid_instant', path: 'now', message: `the page cannot read '${now}' as an instant` };
  return new Date(start + Number(text) * 86_400_000).toISOString().replace('.000Z', 'Z');
}

/** The control an error's path names. */
function fieldOf(path) {
  const root = /^[a-zA-Z]+/.exec(path)?.[0];
  return { account: view.account, history: view.history, policy: view.policy, now: view.now, until: view.days }[root] ?? null;
}

function showError(box, error, fields) {
  for (const field of fields) field.removeAttribute('aria-invalid');
  box.textContent = error === null ? '' : describe(error);
  box.hidden = error === null;
  if (error?.path) fieldOf(error.path)?.setAttribute('aria-invalid', 'true');
}

function loadSample(name) {
  const sample = SAMPLES[name];
  view.now.value = sample.now;
  view.days.value = String(TIMELINE_DAYS);
  view.account.value = pretty(sample.account, JSON_WIDTH.account);
  view.history.value = pretty(sample.history, JSON_WIDTH.account);
  view.account.scrollTop = 0;
  view.history.scrollTop = 0;
}

// ---- words for instants: the text of the instant itself, nothing converted ----

/** "2026-03-09T08:00:00-04:00" as "9 Mar 2026, 08:00 (UTC−04:00)"; "…Z" as "… UTC". */
function localTime(at) {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(at);
  if (match === null) return at;
  const [, date, minutes, seconds = ':00', , offset] = match;
  const clock = seconds === ':00' ? minutes : minutes + seconds;
  return `${longDate(date)}, ${clock} ${offset === 'Z' ? 'UTC' : `(UTC${offset.replace('-', '−')})`}`;
}

function timeElement(at) {
  const t = element('time', { dateTime: at, textContent: localTime(at) });
  t.dataset.at = at;
  return t;
}

// ---- the decision ----

function drawDecision(next, zone) {
  $('strategy-segment').textContent = next.segment ?? 'none';
  $('strategy-segment').dataset.value = next.segment ?? '';
  $('strategy-standing').textContent = next.standing;
  const action = $('strategy-action');
  Object.assign(action.dataset, { action: next.action ?? '', channel: next.channel ?? '', template: next.template ?? '', at: next.at ?? '' });
  if (next.action) {
    action.replaceChildren(
      element('strong', { textContent: next.action }),
      ` by ${CHANNELS[next.channel].word}, template `,
      element('code', { textContent: next.template }));
    $('strategy-at').replaceChildren(timeElement(next.at), ` in ${zone} `, element('code', { className: 'instant', textContent: next.at }));
  } else {
    const why = next.reasons.filter((r) => r.fired).at(-1);
    action.replaceChildren(`none${why ? `: ${why.why}` : ''}`);
    $('strategy-at').replaceChildren('—');
  }
  const { audit } = next;
  $('strategy-audit').replaceChildren(
    `policy version ${audit.policyVersion}, policy hash `, element('code', { title: audit.policyHash, textContent: `${audit.policyHash.slice(0, 12)}…` }),
    ', input hash ', element('code', { title: audit.inputHash, textContent: `${audit.inputHash.slice(0, 12)}…` }));

  const reasons = next.reasons.map((r) => {
    const row = element('tr', { className: r.fired ? 'fired' : 'not-fired' },
      element('th', { scope: 'row' }, element('code', { textContent: r.rule })),
      element('td', { className: 'verdict', textContent: r.fired ? '✓ fired' : 'not fired' }),
      element('td', { textContent: r.why }));
    Object.assign(row.dataset, { rule: r.rule, fired: String(r.fired) });
    return row;
  });
  $('strategy-reasons').replaceChildren(
    element('caption', { textContent: `Every rule weighed, in the engine's order: ${next.reasons.filter((r) => r.fired).length} of ${next.reasons.length} fired` }),
    element('thead', {}, element('tr', {}, ...['Rule', 'Fired', 'Why'].map((t) => element('th', { scope: 'col', textContent: t })))),
    element('tbody', {}, ...reasons));

  const blocked = next.blocked.map((b) => {
    const item = element('li', {},
      element('strong', { textContent: b.action }), ' held back by ', element('code', { textContent: b.rule }),
      ', ', b.until ? element('span', {}, 'until ', timeElement(b.until)) : 'while the rule holds',
      element('span', { className: 'why', textContent: b.why }));
    Object.assign(item.dataset, { action: b.action, rule: b.rule, until: b.until ?? '' });
    return item;
  });
  $('strategy-blocked').replaceChildren(...blocked);
  $('strategy-blocked').hidden = blocked.length === 0;
  $('strategy-none-blocked').hidden = blocked.length > 0;
}

// ---- the timeline: one mark per action on a time axis ----

/** The mark of `channel` centred on (x, y): its shape says the channel (its colour too, in CSS). */
function markShape(channel, x, y, r = 6) {
  const at = (dx, dy) => `${(x + dx).toFixed(1)},${(y + dy).toFixed(1)}`;
  switch (CHANNELS[channel]?.shape) {
    case 'diamond': return svg('polygon', { class: 'shape', points: [at(0, -r), at(r, 0), at(0, r), at(-r, 0)].join(' ') });
    case 'square': return svg('rect', { class: 'shape', x: (x - r + 1).toFixed(1), y: (y - r + 1).toFixed(1), width: 2 * r - 2, height: 2 * r - 2 });
    case 'triangle': return svg('polygon', { class: 'shape', points: [at(0, -r), at(r, r - 1), at(-r, r - 1)].join(' ') });
    case 'ring': return svg('circle', { class: 'shape ring', cx: x.toFixed(1), cy: y.toFixed(1), r: r - 1.5 });
    default: return svg('circle', { class: 'shape', cx: x.toFixed(1), cy: y.toFixed(1), r: r - 0.5 });
  }
}

/** The days the axis marks between two instants: month starts (UTC), or Mondays on a short span. */
function ticks(t0, t1) {
  const span = (t1 - t0) / 86_400_000;
  const out = [];
  if (span <= 62) {
    const day = new Date(t0);
    day.setUTCHours(0, 0, 0, 0);
    while (day.getUTCDay() !== 1 || day.getTime() <= t0) day.setUTCDate(day.getUTCDate() + 1);
    for (; day.getTime() <= t1; day.setUTCDate(day.getUTCDate() + 7)) {
      out.push({ t: day.getTime(), text: longDate(day.toISOString().slice(0, 10)).replace(/ \d{4}$/, '') });
    }
    return out;
  }
  const step = span <= 500 ? 1 : span <= 1100 ? 3 : 6;
  const start = new Date(t0);
  const month = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  while (month.getUTCMonth() % step !== 0) month.setUTCMonth(month.getUTCMonth() + 1);
  for (let first = true; month.getTime() <= t1; month.setUTCMonth(month.getUTCMonth() + step), first = false) {
    const name = month.toLocaleDateString('en-GB', { month: 'short', timeZone: 'UTC' });
    const year = first || month.getUTCMonth() < step ? ` ${month.getUTCFullYear()}` : '';
    out.push({ t: month.getTime(), text: name + year });
  }
  return out;
}

/**
 * The actions of `line` on a time axis from `now` to `until`: a mark per action, shaped and
 * coloured by channel, and the action's name above it on the lowest row where it does not
 * run into another label (a leader line joins them). A name with no room left is in the mark's
 * tooltip and the table below only.
 */
function drawChart(actions, now, until, zone) {
  const [width, left, right, rowHeight, maxRows] = [960, 30, 24, 15, 10];
  const [t0, t1] = [Date.parse(now), Date.parse(until)];
  const x = (t) => left + ((t - t0) / Math.max(1, t1 - t0)) * (width - left - right);
  const rowEnd = [];
  const placed = actions.map((a, index) => {
    const px = x(Date.parse(a.at));
    const textWidth = a.action.length * 6.2 + 4;
    const anchorEnd = px + textWidth > width - 4;
    const [from, to] = anchorEnd ? [px + 3 - textWidth, px + 3] : [px - 3, px - 3 + textWidth];
    let row = rowEnd.findIndex((end) => end + 8 <= from);
    if (row === -1 && rowEnd.length < maxRows) row = rowEnd.length;
    if (row !== -1) rowEnd[row] = to;
    return { ...a, index, px, row, anchorEnd };
  });
  const rows = Math.max(1, rowEnd.length);
  const axis = 10 + rows * rowHeight + 14;
  const height = axis + 40;
  const first = actions[0];
  const chart = svg('svg', { id: 'strategy-chart', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-labelledby': 'strategy-chart-title' },
    svg('title', { id: 'strategy-chart-title' },
      actions.length === 0
        ? `No action from ${localTime(now)} to ${localTime(until)}`
        : `${actions.length} actions from ${localTime(first.at)} to ${localTime(actions.at(-1).at)}, in ${zone}; the table below lists them`),
    svg('line', { class: 'axis', x1: left, y1: axis, x2: width - right, y2: axis }),
    svg('line', { class: 'now', x1: left, y1: 6, x2: left, y2: axis + 4 }),
    svg('text', { class: 'value', x: left, y: height - 4, 'text-anchor': 'start' }, `now, ${localTime(now)}`),
    svg('text', { class: 'value', x: width - right, y: height - 4, 'text-anchor': 'end' }, localTime(until)));
  for (const tick of ticks(t0, t1)) {
    const tx = x(tick.t).toFixed(1);
    chart.append(
      svg('line', { class: 'tick', x1: tx, y1: axis, x2: tx, y2: axis + 5 }),
      svg('text', { x: tx, y: axis + 17, 'text-anchor': Number(tx) - left < 24 ? 'start' : 'middle' }, tick.text));
  }
  // Leaders under the labels (which have a halo of the paper's colour), marks on top.
  const [leaders, labels, marks] = ['leaders', 'labels', 'marks'].map((name) => svg('g', { class: name }));
  for (const p of placed) {
    if (p.row !== -1) {
      const y = axis - 16 - p.row * rowHeight;
      const lx = p.px.toFixed(1);
      leaders.append(svg('line', { class: 'leader', x1: lx, y1: y + 3, x2: lx, y2: axis - 7 }));
      labels.append(svg('text', { class: 'label', 'data-index': p.index, x: (p.anchorEnd ? p.px + 3 : p.px - 3).toFixed(1), y, 'text-anchor': p.anchorEnd ? 'end' : 'start' }, p.action));
    }
    marks.append(svg('g', { class: `mark channel-${p.channel}`, 'data-index': p.index, 'data-action': p.action, 'data-channel': p.channel, 'data-at': p.at, 'data-x': p.px.toFixed(2) },
      svg('title', {}, `${p.index + 1}. ${localTime(p.at)}: ${p.action} by ${CHANNELS[p.channel].word} (${p.segment})`),
      markShape(p.channel, p.px, axis)));
  }
  chart.append(leaders, labels, marks);
  $('strategy-chart').replaceWith(chart);
  const unlabelled = placed.filter((p) => p.row === -1).length;
  $('strategy-chart-caption').textContent =
    `What the ladder would do from now to ${localTime(until)} if nothing is paid: ${actions.length} action${actions.length === 1 ? '' : 's'} ` +
    `from timeline(), each at its earliest compliant instant in ${zone}.` +
    (unlabelled === 0 ? '' : ` ${unlabelled} label${unlabelled === 1 ? '' : 's'} did not fit: hover the marks, or read the table.`);

  const rowsOfTable = actions.map((a, i) => {
    const row = element('tr', {},
      element('td', { className: 'num', textContent: String(i + 1) }),
      element('td', {}, timeElement(a.at)),
      element('th', { scope: 'row', textContent: a.action }),
      element('td', {}, legendIcon(a.channel), CHANNELS[a.channel].word),
      element('td', {}, element('code', { textContent: a.template })),
      element('td', { textContent: a.segment ?? '' }));
    Object.assign(row.dataset, { action: a.action, channel: a.channel, at: a.at });
    return row;
  });
  $('strategy-timeline').replaceChildren(
    element('caption', { textContent: `timeline() from ${localTime(now)} to ${localTime(until)}` }),
    element('thead', {}, element('tr', {}, ...['No.', 'When (local time)', 'Action', 'Channel', 'Template', 'Segment'].map((t) => element('th', { scope: 'col', textContent: t })))),
    element('tbody', {}, ...rowsOfTable));
}

/** A small picture of a channel's mark, for the legend and the table. */
function legendIcon(channel) {
  return svg('svg', { class: `icon channel-${channel}`, viewBox: '0 0 14 14', width: 14, height: 14, 'aria-hidden': 'true' }, markShape(channel, 7, 7, 6));
}

function drawLegend() {
  $('strategy-legend').replaceChildren(...Object.entries(CHANNELS).map(([channel, { word }]) => element('li', {}, legendIcon(channel), word)));
}

// ---- the policy, checked as it is typed ----

/** The policy of the editor, checked by `describePolicy` (which also gives its terms); null when it has an error. */
function checkPolicy() {
  let policy = null;
  let terms = null;
  let error = null;
  try {
    policy = parsed(view.policy, 'policy');
    terms = describePolicy({ policy });
  } catch (e) {
    error = e;
  }
  showError($('strategy-policy-error'), error, [view.policy]);
  $('strategy-policy-ok').hidden = error !== null;
  $('strategy-terms-box').hidden = error !== null;
  if (error !== null) return null;
  // What was typed, counted (a field left out takes the engine's default, not counted here).
  const count = (list, noun) => (Array.isArray(list) ? `, ${grouped(String(list.length))} ${noun}` : '');
  const steps = Array.isArray(policy?.ladders) ? policy.ladders.flatMap((l) => l?.steps ?? []) : undefined;
  $('strategy-policy-ok').textContent =
    `✓ A valid policy${policy?.version ? `: version ${policy.version}` : ''}${count(policy?.segments, 'segments')}${count(policy?.ladders, 'ladders')}${count(steps, 'steps in all')}.`;
  $('strategy-terms').textContent = terms.text;
  return policy;
}

function update() {
  const policy = checkPolicy();
  let shown = false;
  showError($('strategy-error'), null, [view.account, view.history, view.now, view.days]);
  if (policy !== null) {
    try {
      const account = parsed(view.account, 'account');
      const history = parsed(view.history, 'history');
      const now = view.now.value.trim();
      const input = { account, history, now, policy };
      const next = nextAction(input);
      const until = untilOf(now, view.days.value);
      const line = timeline({ ...input, until });
      drawDecision(next, account.timeZone);
      drawChart(line.actions, now, until, account.timeZone);
      $('strategy-call').textContent =
        `nextAction(${pretty({ ...input, policy: '(the policy in the editor)' }, 100)})\n` +
        `timeline({ ...the same, until: ${JSON.stringify(until)} })`;
      shown = true;
    } catch (error) {
      showError($('strategy-error'), error, [view.account, view.history, view.now, view.days]);
    }
  }
  $('strategy-result').hidden = !shown;
}

// ---- wiring ----

let pending = 0;
/** Reads the editors once typing pauses. */
function updateSoon() {
  clearTimeout(pending);
  pending = setTimeout(update, TYPING_PAUSE_MS);
}

view.form.addEventListener('submit', (event) => event.preventDefault());
view.form.addEventListener('input', ({ target }) => {
  if (target === view.sample) {
    loadSample(view.sample.value);
    clearTimeout(pending);
    update();
  } else {
    updateSoon();
  }
});

loadSample(view.sample.value);
drawLegend();

try {
  await init();
  const reset = () => {
    view.policy.value = pretty(defaultPolicy({}), JSON_WIDTH.policy);
    view.policy.scrollTop = 0;
  };
  $('strategy-reset').addEventListener('click', () => {
    reset();
    clearTimeout(pending);
    update();
  });
  reset();
  $('strategy-status').hidden = true;
  update();
} catch (error) {
  $('strategy-status').textContent = `Could not load arrears: ${error?.message ?? error}`;
  $('strategy-status').classList.add('error');
}
