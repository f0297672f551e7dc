// The part of the arrears package every runtime shares: the error class and the wrappers that
// turn wasm exports into functions of one plain object. Handwritten; the build also writes it
// as glue/shared.cjs for require().

/** How deep an input may nest: `arrears::limits::MAX_DEPTH` (a test keeps them equal). */
export const MAX_DEPTH = 32;

/** An error from arrears: a real `Error` with a stable `code` and a `path` into the input. */
export class ArrearsError extends Error {
  constructor(message, code, path = "", options) {
    super(message, options);
    this.name = "ArrearsError";
    this.code = code;
    this.path = path;
  }
}

/** An ArrearsError with its message written as Rust writes one: `code at path: message`. */
function fail(code, path, message, cause) {
  const text = path === "" ? `${code}: ${message}` : `${code} at ${path}: ${message}`;
  return new ArrearsError(text, code, path, cause === undefined ? undefined : { cause });
}

/**
 * Wraps the wasm export `name` of `glue` (JSON text in, JSON text out, an Error named
 * ArrearsError with `code` and `path` on bad input). `ready()` says whether the wasm is
 * instantiated.
 */
export function wrap(glue, name, ready = () => true) {
  return entry(glue, name, ready, (input) => {
    const json = toJson(input);
    return () => glue[name](json);
  });
}

/**
 * Wraps the wasm exports `agingBatchCsv` and `agingBatchColumns` of `glue` as `agingBatch`:
 * the CSV form when the input has `invoicesCsv`, the columns form when it has `invoices`. The
 * data crosses as it is (strings and typed arrays); only `{ asOf, buckets, basis }` as JSON.
 */
export function wrapBatch(glue, ready = () => true) {
  return entry(glue, "agingBatch", ready, (input) => {
    const options = toJson({ asOf: input.asOf, buckets: input.buckets, basis: input.basis });
    if (input.invoicesCsv !== undefined) {
      onlyFields(input, BATCH_CSV_FIELDS, "", "the CSV form");
      const invoices = csvText(input.invoicesCsv, "invoicesCsv");
      const payments = optionalCsvText(input.paymentsCsv, "paymentsCsv");
      const credits = optionalCsvText(input.creditsCsv, "creditsCsv");
      return () => glue.agingBatchCsv(options, invoices, payments, credits);
    }
    if (input.invoices === undefined) {
      const message = "'invoicesCsv' (CSV text) or 'invoices' (typed columns) is required";
      throw fail("missing_field", "invoicesCsv", message);
    }
    onlyFields(input, BATCH_COLUMNS_FIELDS, "", "the columns form");
    const args = [
      options,
      textColumn(input.customers, "customers"),
      textColumn(input.currencies, "currencies"),
      ...columnArgs(input.invoices, "invoices", INVOICE_COLUMNS),
      ...columnArgs(input.payments, "payments", RECEIPT_COLUMNS),
      ...columnArgs(input.credits, "credits", RECEIPT_COLUMNS),
    ];
    return () => glue.agingBatchColumns(...args);
  });
}

const BATCH_OPTIONS = ["asOf", "buckets", "basis"];
const BATCH_CSV_FIELDS = [...BATCH_OPTIONS, "invoicesCsv", "paymentsCsv", "creditsCsv"];
const BATCH_COLUMNS_FIELDS = [...BATCH_OPTIONS, "customers", "currencies", "invoices", "payments", "credits"];
// [name, typed array, what it holds, optional]: the order of the wasm export's arguments.
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

/** The wasm arguments of one list of columns; a missing optional list is all empty. */
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

function csvText(value, path) {
  if (typeof value !== "string") {
    throw fail("invalid_type", path, `must be CSV text (a string), not ${kind(value)}`);
  }
  return value;
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
function entry(glue, name, ready, prepare) {
  return function call(input) {
    try {
      if (!ready()) {
        throw new Error(`arrears: call and await init() before ${name}()`);
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
}

function toJson(input) {
  try {
    return JSON.stringify(input);
  } catch (cause) {
    // JSON.stringify runs out of stack on very deep input: that is over the depth limit.
    if (cause instanceof RangeError) {
      const message = `the input nests deeper than ${MAX_DEPTH} levels`;
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
