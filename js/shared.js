// The part of the arrears package every runtime shares: the error class and the wrappers that
// turn wasm exports into functions of one plain object. Handwritten; glue/api.js (generated
// from the registry of entry points) applies them to every export.

/** How deep an input may nest: `arrears::limits::MAX_DEPTH` (a test keeps them equal). */
export const MAX_DEPTH = 32;
/** The most UTF-8 bytes of one text (the JSON input, a CSV text): `arrears::limits::MAX_INPUT_BYTES`. */
export const MAX_INPUT_BYTES = 2 ** 30;

/** The wasm-bindgen glue modules whose wasm is instantiated (by init, initSync or on load). */
const initialised = new WeakSet();

/** Marks `glue` as instantiated: its wrappers may call into wasm. */
export function markInitialised(glue) {
  initialised.add(glue);
}

/** An error from arrears: a real `Error` with a stable `code` and a `path` into the input. */
export class ArrearsError extends Error {
  constructor(message, code, path = "", options) {
    super(message, options);
    this.name = "ArrearsError";
    this.code = code;
    this.path = path;
  }
}
// The bundle is minified: the names a user sees (`console.log(error)`, stack traces,
// `fn.name`) are set here rather than left to the minifier.
Object.defineProperty(ArrearsError, "name", { value: "ArrearsError" });

/** An ArrearsError with its message written as Rust writes one: `code at path: message`. */
function fail(code, path, message, cause) {
  const text = path === "" ? `${code}: ${message}` : `${code} at ${path}: ${message}`;
  return new ArrearsError(text, code, path, cause === undefined ? undefined : { cause });
}

/**
 * Wraps the wasm export `name` of `glue` (JSON text in, JSON text out, an Error named
 * ArrearsError with `code` and `path` on bad input).
 */
export function wrap(glue, name) {
  return entry(glue, name, (input) => {
    const json = checkSize(toJson(input), "");
    return () => glue[name](...writeInput(glue, [json]));
  });
}

/**
 * Wraps the wasm exports `agingBatchCsv` and `agingBatchColumns` of `glue` as `agingBatch`:
 * the CSV form when the input has `invoicesCsv`, the columns form when it has `invoices`. The
 * data crosses as it is (texts as UTF-8, typed arrays as their bytes); only
 * `{ asOf, buckets, basis }` as JSON.
 */
export function wrapBatch(glue) {
  return entry(glue, "agingBatch", (input) => {
    const options = checkSize(toJson({ asOf: input.asOf, buckets: input.buckets, basis: input.basis }), "");
    if (input.invoicesCsv !== undefined) {
      onlyFields(input, BATCH_CSV_FIELDS, "", "the CSV form");
      const invoices = csvText(input.invoicesCsv, "invoicesCsv");
      const payments = optionalCsvText(input.paymentsCsv, "paymentsCsv");
      const credits = optionalCsvText(input.creditsCsv, "creditsCsv");
      return () => {
        const [o, i, p, c] = writeInput(glue, [options, invoices, payments ?? "", credits ?? ""]);
        const given = (text, length) => (text === undefined ? undefined : length);
        return glue.agingBatchCsv(o, i, given(payments, p), given(credits, c));
      };
    }
    if (input.invoices === undefined) {
      const message = "'invoicesCsv' (CSV text) or 'invoices' (typed columns) is required";
      throw fail("missing_field", "invoicesCsv", message);
    }
    onlyFields(input, BATCH_COLUMNS_FIELDS, "", "the columns form");
    const texts = [
      options,
      checkSize(textColumn(input.customers, "customers"), "customers"),
      checkSize(textColumn(input.currencies, "currencies"), "currencies"),
    ];
    const arrays = [];
    for (const [list, columns] of [
      ["invoices", INVOICE_COLUMNS],
      ["payments", RECEIPT_COLUMNS],
      ["credits", RECEIPT_COLUMNS],
    ]) {
      const [ids, ...rest] = columnArgs(input[list], list, columns);
      texts.push(checkSize(ids, `${list}.id`));
      arrays.push(...rest);
    }
    return () => glue.agingBatchColumns(...writeInput(glue, texts), ...arrays);
  });
}

const BATCH_OPTIONS = ["asOf", "buckets", "basis"];
const BATCH_CSV_FIELDS = [...BATCH_OPTIONS, "invoicesCsv", "paymentsCsv", "creditsCsv"];
const BATCH_COLUMNS_FIELDS = [...BATCH_OPTIONS, "customers", "currencies", "invoices", "payments", "credits"];
// [name, typed array, what it holds, optional]: ids first, then the order of the wasm export's
// typed arrays.
const INVOICE_COLUMNS = [
  ["id", "text", "invoice ids"],
  ["customer", "Uint32Array", "indexes into customers"],
  ["issueDate", "Int32Array", "days since 1970-01-01"],
  ["dueDate", "Int32Array", "days since 1970-01-01"],
  ["amountMinor", "BigInt64Array", "whole minor units"],
  ["currency", "Uint8Array", "indexes into currencies"],
  ["disputed", "Uint8Array", "non-zero for disputed", true],
];
const RECEIPT_COLUMNS = [
  ["id", "text", "ids"],
  ["customer", "Uint32Array", "indexes into customers"],
  ["date", "Int32Array", "days since 1970-01-01"],
  ["amountMinor", "BigInt64Array", "whole minor units"],
  ["currency", "Uint8Array", "indexes into currencies"],
  ["invoice", "Int32Array", "invoice indexes, -1 for none"],
];

/** The columns of one list, its ids text first; a missing optional list is all empty. */
function columnArgs(list, name, columns) {
  const absent = !present(list);
  if (!absent && (typeof list !== "object" || Array.isArray(list))) {
    throw fail("invalid_type", name, `must be an object of columns, not ${kind(list)}`);
  }
  if (absent && name === "invoices") {
    throw fail("missing_field", name, "'invoices' is required");
  }
  if (!absent) onlyFields(list, columns.map(([column]) => column), `${name}.`, name);
  return columns.map(([column, type, what, isOptional]) => {
    const path = `${name}.${column}`;
    const value = absent ? undefined : list[column];
    if (type === "text") return absent ? "" : textColumn(value, path, `${name}[#].${column}`);
    if (value === undefined || value === null) {
      if (absent || isOptional) return new globalThis[type](0);
      throw fail("missing_field", path, `'${column}' is required`);
    }
    if (!ArrayBuffer.isView(value) || value[Symbol.toStringTag] !== type) {
      const message = `must be ${withArticle(type)} (${what}), not ${kind(value)}`;
      throw fail("invalid_type", path, message);
    }
    return value;
  });
}

/**
 * A text column as the wasm export takes it: values joined by "\n". Takes that text itself or
 * an array of strings; `itemPath` names an element (`#` stands for its index).
 */
function textColumn(value, path, itemPath = `${path}[#]`) {
  if (typeof value === "string") return value;
  if (value === undefined || value === null) {
    throw fail("missing_field", path, `'${path.split(".").pop()}' is required`);
  }
  if (!Array.isArray(value)) {
    const message = `must be a string of values joined by "\\n" or an array of strings, not ${kind(value)}`;
    throw fail("invalid_type", path, message);
  }
  for (let i = 0; i < value.length; i++) {
    const item = value[i];
    if (typeof item !== "string") {
      throw fail("invalid_type", itemPath.replace("#", i), `must be a string, not ${kind(item)}`);
    }
    // A joined text cannot tell one empty value from none, nor keep a line break.
    if (item === "" || item.includes("\n")) {
      const message = item === "" ? "must not be empty" : "must not hold a line break";
      throw fail("out_of_range", itemPath.replace("#", i), message);
    }
  }
  return value.join("\n");
}

const encoder = new TextEncoder();

/**
 * Writes `texts` one after another as UTF-8 into the module's input buffer and returns their
 * lengths in bytes, which the exports take instead of strings. `encodeInto` straight into wasm
 * memory is many times faster than wasm-bindgen's copy of a string argument, one character at
 * a time (bench/README.md).
 */
function writeInput(glue, texts) {
  return encodeInPlace(glue, texts) ?? copyEncoded(glue, texts.map((text) => encoder.encode(text)));
}

/**
 * `text`, or `limit_exceeded` at `path` when it takes more than MAX_INPUT_BYTES in UTF-8 (1 to
 * 3 bytes a UTF-16 unit): checked before anything is copied into wasm.
 */
function checkSize(text, path) {
  const bytes = text.length * 3 <= MAX_INPUT_BYTES ? text.length : utf8Length(text);
  if (bytes > MAX_INPUT_BYTES) {
    const what = path === "" ? "the input" : "the text";
    throw fail("limit_exceeded", path, `${what} is larger than ${MAX_INPUT_BYTES} bytes`);
  }
  return text;
}

/** The UTF-8 length of `text`, or a lower bound once it passes MAX_INPUT_BYTES. */
function utf8Length(text) {
  let bytes = text.length;
  for (let i = 0; i < text.length && bytes <= MAX_INPUT_BYTES; i++) {
    const unit = text.charCodeAt(i);
    // Two bytes up to U+07FF, three up to U+FFFF, four for a surrogate pair (two units).
    if (unit >= 0x80) bytes += unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}

/** Encodes into a buffer of one byte per UTF-16 unit: undefined when a text needs more (not ASCII). */
function encodeInPlace(glue, texts) {
  const memory = inputBuffer(glue, texts.reduce((sum, text) => sum + text.length, 0));
  const lengths = [];
  let at = 0;
  for (const text of texts) {
    const { read, written } = encoder.encodeInto(text, memory.subarray(at));
    if (read < text.length) return undefined;
    lengths.push(written);
    at += written;
  }
  return lengths;
}

function copyEncoded(glue, encoded) {
  const memory = inputBuffer(glue, encoded.reduce((sum, bytes) => sum + bytes.length, 0));
  let at = 0;
  for (const bytes of encoded) {
    memory.set(bytes, at);
    at += bytes.length;
  }
  return encoded.map((bytes) => bytes.length);
}

/** A view of `length` bytes of the input buffer (taken after it is sized: memory may grow). */
function inputBuffer(glue, length) {
  const start = glue.inputBuffer(length);
  return new Uint8Array(glue.wasmMemory().buffer, start, length);
}

function csvText(value, path) {
  if (typeof value !== "string") {
    throw fail("invalid_type", path, `must be CSV text (a string), not ${kind(value)}`);
  }
  return checkSize(value, path);
}

function optionalCsvText(value, path) {
  return present(value) ? csvText(value, path) : undefined;
}

/** Present: neither undefined nor null (JSON leaves out the one and serde reads the other as none). */
function present(value) {
  return value !== undefined && value !== null;
}

/** Refuses a field not in `fields`, as the JSON entry points refuse unknown fields. */
function onlyFields(object, fields, prefix, form) {
  for (const key of Object.keys(object)) {
    if (!fields.includes(key) && object[key] !== undefined) {
      const message = `'${key}' is not a field of ${form} (expected one of ${fields.map((f) => `'${f}'`).join(", ")})`;
      throw fail("unknown_field", `${prefix}${key}`, message);
    }
  }
}

/** What a value is, for messages: `a Float64Array`, `an array`, `a string`, `null`, ... */
function kind(value) {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "an array";
  return withArticle(ArrayBuffer.isView(value) ? value[Symbol.toStringTag] ?? "DataView" : typeof value);
}

/** `an Int32Array`, `a Uint8Array`, `an object`. */
function withArticle(word) {
  return `${/^[aeioAEIO]/.test(word) ? "an" : "a"} ${word}`;
}

/**
 * One exported function. `prepare(input)` checks the input in JS and returns the call into
 * wasm; the wrapper parses its JSON output. A trap or any other unexpected throw from wasm is a
 * bug: the instance is replaced by a fresh one through `glue.__wbg_reset_state` and the caller
 * gets code `internal`.
 */
function entry(glue, name, prepare) {
  const call = function (input) {
    try {
      if (!initialised.has(glue)) {
        throw fail("not_initialised", "", `call and await init() before ${name}()`);
      }
      if (input === null || typeof input !== "object" || Array.isArray(input)) {
        throw fail("invalid_input", "", `${name} takes one plain object`);
      }
      return JSON.parse(callWasm(glue, name, prepare(input)));
    } catch (error) {
      // Start the stack at the caller's line, not inside the package (V8 engines).
      if (error instanceof ArrearsError) Error.captureStackTrace?.(error, call);
      throw error;
    }
  };
  return Object.defineProperty(call, "name", { value: name });
}

function toJson(input) {
  try {
    return JSON.stringify(input);
  } catch (cause) {
    // JSON.stringify runs out of stack on very deep input (over the depth limit), or makes a
    // string longer than the engine allows (over the size limit).
    if (cause instanceof RangeError) {
      const message = /string length/i.test(cause.message)
        ? `the input is larger than ${MAX_INPUT_BYTES} bytes`
        : `the input nests deeper than ${MAX_DEPTH} levels`;
      throw fail("limit_exceeded", "", message, cause);
    }
    const message = `the input cannot be written as JSON: ${cause.message}`;
    throw fail("invalid_input", "", message, cause);
  }
}

function callWasm(glue, name, wasmCall) {
  try {
    return wasmCall();
  } catch (cause) {
    if (cause instanceof Error && cause.name === "ArrearsError") {
      throw new ArrearsError(cause.message, cause.code ?? "internal", cause.path ?? "");
    }
    glue.__wbg_reset_state();
    const message =
      `arrears hit a bug in ${name} (${cause}); ` +
      "the module was reset, please report the input";
    throw fail("internal", "", message, cause);
  }
}
