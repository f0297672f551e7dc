// What the panels share to draw: elements, SVG elements and amounts grouped for reading.

export function element(tag, props = {}, ...children) {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

const SVG = 'http://www.w3.org/2000/svg';
export function svg(tag, attributes = {}, ...children) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, String(v));
  e.append(...children);
  return e;
}

/**
 * JSON for reading in a box `width` characters wide: a value on one line when it fits, else
 * one line a member (or item), indented two spaces a level.
 */
export function pretty(value, width = 58, indent = '', lead = 0) {
  const inline = JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
  if (value === null || typeof value !== 'object' || indent.length + lead + inline.length <= width) return inline;
  const inner = `${indent}  `;
  const items = Array.isArray(value)
    ? value.map((v) => inner + pretty(v, width, inner))
    : Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pretty(v, width, inner, k.length + 4)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${items.join(',\n')}\n${indent}${close}`;
}

/** "-1234567.89" as "-1,234,567.89", exactly: the decimal text's whole digits are only grouped. */
export const grouped = (amount) => amount.replace(/^-?\d+/, (whole) => whole.replace(/\B(?=(\d{3})+$)/g, ','));

// ---- dates: `YYYY-MM-DD` text; Date objects only count days and place points, in UTC ----

export const utc = (iso) => new Date(`${iso}T00:00:00Z`);
export const addDays = (iso, n) => new Date(utc(iso).getTime() + n * 86_400_000).toISOString().slice(0, 10);
export const daysBetween = (from, to) => Math.round((utc(to) - utc(from)) / 86_400_000);
export const longDate = (iso) => utc(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "out_of_range at goodThrough: …" for an ArrearsError (or a page's own `{ code, path, message }`). */
export function describe(error) {
  if (typeof error?.code !== 'string') return `unexpected error: ${error?.message ?? error}`;
  const prefix = `${error.code}${error.path ? ` at ${error.path}` : ''}: `;
  return error.message.startsWith(prefix) ? error.message : prefix + error.message;
}

// ---- editable tables of records (a panel's sample invoices and payments) ----

/**
 * Adds a row of inputs to `table` for `record`: `columns` are [field, title, input type]; each
 * input carries its field in `data-field`, and the row ends with a remove button. `noun` names
 * a row in the labels ("Due, invoice 3").
 */
export function addRecordRow(table, columns, record, noun) {
  const row = table.tBodies[0].insertRow();
  for (const [field, title, type] of columns) {
    const input = element('input', { type, name: field, spellcheck: false });
    input.dataset.field = field;
    if (type === 'checkbox') input.checked = record[field] === true;
    else input.value = record[field] ?? '';
    if (field === 'amount') input.inputMode = 'decimal';
    const label = element('span', { className: 'visually-hidden' });
    label.dataset.title = title;
    row.insertCell().append(element('label', {}, label, input));
  }
  row.insertCell().append(element('button', { type: 'button', className: 'remove', textContent: '×', title: 'Remove this row' }));
  relabelRows(table, noun);
}

/** Labels each row's fields by their row number, again after a removal. */
export function relabelRows(table, noun) {
  [...table.tBodies[0].rows].forEach((row, i) => {
    for (const span of row.querySelectorAll('label span')) span.textContent = `${span.dataset.title}, ${noun} ${i + 1}`;
    row.querySelector('button.remove').setAttribute('aria-label', `Remove ${noun} ${i + 1}`);
  });
}

/** The table's rows as records (each `base` and its fields), every row, so an error's index is its row. */
export function recordsOf(table, base) {
  return [...table.tBodies[0].rows].map((row) => {
    const record = { ...base };
    for (const input of row.querySelectorAll('input')) {
      record[input.dataset.field] = input.type === 'checkbox' ? input.checked : input.value.trim();
    }
    return record;
  });
}

/** The input of `table`'s row `index` for `field` (its first input when the field has none), if any. */
export function fieldOfRow(table, index, field) {
  const row = table.tBodies[0].rows[index];
  return row?.querySelector(`[data-field="${field}"]`) ?? row?.querySelector('input') ?? null;
}
