// The terms and due-date calculator. Everything it knows about terms, calendars and money
// comes from the `arrears` package; this file only reads the form and draws the answer.

import { init, dueDate, holidays, discountedAmount, ArrearsError } from 'arrears';

const $ = (id) => document.getElementById(id);
const form = {
  terms: $('terms'),
  issueDate: $('issue-date'),
  calendar: $('calendar'),
  convention: $('convention'),
  amount: $('amount'),
  paidOn: $('paid-on'),
};

/** "invalid_terms at terms: could not understand 'Nte 30'" */
function describe(error) {
  if (error instanceof ArrearsError) {
    const prefix = `${error.code}${error.path ? ` at ${error.path}` : ''}: `;
    // The package's messages may already open with the code and path; say them once.
    return error.message.startsWith(prefix) ? error.message : prefix + error.message;
  }
  return `unexpected error: ${error?.message ?? error}`;
}

function showError(element, error) {
  element.textContent = error === null ? '' : describe(error);
  element.hidden = error === null;
}

// Dates are `YYYY-MM-DD` text throughout; Date objects are used only to draw, always in UTC.
const utc = (iso) => new Date(`${iso}T00:00:00Z`);
const isoOf = (date) => date.toISOString().slice(0, 10);
const weekdayOf = (iso) => utc(iso).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });

function localToday() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function timeElement(iso) {
  const time = document.createElement('time');
  time.dateTime = iso;
  time.textContent = iso;
  return time;
}

function listItems(list, items) {
  list.replaceChildren(
    ...items.map((parts) => {
      const li = document.createElement('li');
      li.append(...parts);
      return li;
    }),
  );
}

/** The distinct months (`YYYY-MM`) that hold one of the dates, oldest first; at most the first and last of many. */
function monthsOf(dates) {
  const months = [...new Set(dates.map((iso) => iso.slice(0, 7)))].sort();
  return months.length > 4 ? [months[0], months[months.length - 1]] : months;
}

function monthTable(month, marks, holidayNames) {
  const first = utc(`${month}-01`);
  const table = document.createElement('table');
  table.className = 'month';
  const caption = table.createCaption();
  caption.textContent = first.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const head = table.createTHead().insertRow();
  for (const name of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = name;
    head.append(th);
  }
  const body = table.createTBody();
  let row = body.insertRow();
  const leading = (first.getUTCDay() + 6) % 7; // Monday first
  for (let i = 0; i < leading; i++) row.insertCell();
  for (let day = new Date(first); day.getUTCMonth() === first.getUTCMonth(); day.setUTCDate(day.getUTCDate() + 1)) {
    if (row.cells.length === 7) row = body.insertRow();
    const iso = isoOf(day);
    const cell = row.insertCell();
    cell.dataset.date = iso;
    cell.textContent = String(day.getUTCDate());
    const notes = [];
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6) cell.classList.add('weekend');
    if (holidayNames.has(iso)) {
      cell.classList.add('holiday');
      notes.push(holidayNames.get(iso));
    }
    for (const [kind, label] of marks.get(iso) ?? []) {
      cell.classList.add(kind);
      notes.push(label);
    }
    if (notes.length > 0) {
      cell.title = notes.join('; ');
      const hidden = document.createElement('span');
      hidden.className = 'visually-hidden';
      hidden.textContent = ` (${notes.join('; ')})`;
      cell.append(hidden);
    }
  }
  while (row.cells.length < 7) row.insertCell();
  return table;
}

function lastDayOf(month) {
  const next = utc(`${month}-01`);
  next.setUTCMonth(next.getUTCMonth() + 1, 0);
  return isoOf(next);
}

function drawMonths(input, result) {
  const marks = new Map();
  const mark = (iso, kind, label) => marks.set(iso, [...(marks.get(iso) ?? []), [kind, label]]);
  mark(input.issueDate, 'issue', 'invoice date');
  for (const { until, percent } of result.discounts) mark(until, 'discount', `last day for ${percent}% discount`);
  if (result.installments.length > 1) {
    for (const { dueDate: due, percent } of result.installments) mark(due, 'installment', `${percent}% due`);
  }
  mark(result.dueDate, 'due', 'due date');

  const dates = [input.issueDate, result.dueDate, ...result.discounts.map((d) => d.until), ...result.installments.map((i) => i.dueDate)];
  const tables = monthsOf(dates).map((month) => {
    const { holidays: list } = holidays({ calendar: input.calendar, from: `${month}-01`, to: lastDayOf(month) });
    return monthTable(month, marks, new Map(list.map(({ date, name }) => [date, name])));
  });
  $('months').replaceChildren(...tables);
}

let paidOnEdited = false;

/** The amount to pay on the chosen date; a dash while the terms themselves are in error. */
function updatePayment(input, result) {
  $('payable').textContent = result === null ? '—' : '';
  showError($('payment-error'), null);
  if (result === null) return;
  if (!paidOnEdited) form.paidOn.value = result.discounts[0]?.until ?? result.dueDate;
  const amount = form.amount.value.trim();
  if (amount === '') return;
  try {
    // The same calendar and convention as the deadlines shown, so the last day shown still earns the discount.
    const paid = discountedAmount({
      amount, terms: input.terms, issueDate: input.issueDate, paidOn: form.paidOn.value,
      calendar: input.calendar, convention: input.convention,
    });
    $('payable').textContent = Number(paid.discount) === 0 ? paid.amount : `${paid.amount} (discount ${paid.discount})`;
  } catch (error) {
    showError($('payment-error'), error);
  }
}

function update() {
  const input = {
    issueDate: form.issueDate.value,
    terms: form.terms.value,
    calendar: form.calendar.value,
    convention: form.convention.value,
  };
  let result = null;
  try {
    result = dueDate(input);
    $('due-date').dateTime = result.dueDate;
    $('due-date').textContent = result.dueDate;
    $('due-weekday').textContent = weekdayOf(result.dueDate);
    listItems($('discounts'), result.discounts.length === 0 ? [['none']] : result.discounts.map(({ until, percent }) => [
      `${percent}% if paid by `, timeElement(until), ` (${weekdayOf(until)})`,
    ]));
    listItems($('installments'), result.installments.length <= 1 ? [['one payment, in full']] : result.installments.map(({ dueDate: due, percent }) => [
      `${percent}% on `, timeElement(due), ` (${weekdayOf(due)})`,
    ]));
    drawMonths(input, result);
    $('call').textContent = `dueDate(${JSON.stringify(input, null, 2)})\n→ ${JSON.stringify(result, null, 2)}`;
    showError($('error'), null);
  } catch (error) {
    result = null;
    $('call').textContent = `dueDate(${JSON.stringify(input, null, 2)})\n→ throws ${describe(error)}`;
    showError($('error'), error);
  }
  $('summary').hidden = result === null;
  $('calendar-view').hidden = result === null;
  updatePayment(input, result);
}

// Until the payer picks a date, "paid on" follows the first discount deadline.
form.paidOn.addEventListener('input', () => { paidOnEdited = form.paidOn.value !== ''; });
for (const element of Object.values(form)) element.addEventListener('input', update);
for (const button of document.querySelectorAll('button.example')) {
  button.addEventListener('click', () => {
    form.terms.value = button.textContent;
    update();
  });
}
$('terms-form').addEventListener('submit', (event) => event.preventDefault());

try {
  await init();
  form.issueDate.value ||= localToday();
  $('status').hidden = true;
  update();
} catch (error) {
  $('status').textContent = `Could not load arrears: ${error?.message ?? error}`;
  $('status').classList.add('error');
}
