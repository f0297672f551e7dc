// Hand-written, the one part of the declarations that is: the typed-array columns form of
// `agingBatch`. Typed arrays do not cross as JSON, so no JSON Schema describes them (the
// bindings' `agingBatchColumns` and `wrapBatch` in js/shared.js take them). scripts/generate.mjs
// inlines this file, without the import below, into the generated index.d.ts and index.d.cts;
// it is not shipped on its own.
import type { AgingBatchInput } from "./index.js";

/**
 * A text column: the values joined by `"\n"` (one string for a million ids), or an array of
 * strings. No value may be empty or hold a line break.
 */
export type TextColumn = string | readonly string[];

/** Invoices as columns, one entry per invoice in each. */
export interface InvoiceColumns {
  /** Invoice ids, unique. */
  id: TextColumn;
  /** Index into `customers`. */
  customer: Uint32Array;
  /** Days since 1970-01-01: `Date.parse("2024-01-31") / 86400000`. */
  issueDate: Int32Array;
  /** Days since 1970-01-01, on or after `issueDate`. */
  dueDate: Int32Array;
  /** Whole minor units of the currency (cents for EUR, yen for JPY), more than zero, at most 10^15. */
  amountMinor: BigInt64Array;
  /** Index into `currencies`. */
  currency: Uint8Array;
  /** Non-zero for disputed; leave out for none disputed. */
  disputed?: Uint8Array;
}

/** Payments or credits as columns, one entry per record in each. */
export interface ReceiptColumns {
  /** Ids, unique within the list. */
  id: TextColumn;
  /** Index into `customers`. */
  customer: Uint32Array;
  /** Days since 1970-01-01. */
  date: Int32Array;
  /** Whole minor units of the currency, more than zero. */
  amountMinor: BigInt64Array;
  /** Index into `currencies`. */
  currency: Uint8Array;
  /** Index of the invoice it is applied to for its whole amount; `-1` for none (allocated oldest first). */
  invoice: Int32Array;
}

/**
 * `agingBatch` from typed columns: what crosses into wasm as a few memory copies instead of a
 * million objects. Customers and currencies are dictionaries that records name by index. Errors
 * name the record and column (`invoices[5].dueDate`), or the column alone when its length
 * differs from the number of ids (`invoices.dueDate`) or it is the wrong typed array.
 *
 * @example
 * ```ts
 * const day = (iso: string) => Date.parse(iso) / 86_400_000;
 * agingBatch({
 *   asOf: "2024-03-01",
 *   customers: ["acme"],
 *   currencies: ["EUR"],
 *   invoices: {
 *     id: ["A"],
 *     customer: Uint32Array.of(0),
 *     issueDate: Int32Array.of(day("2024-01-01")),
 *     dueDate: Int32Array.of(day("2024-01-31")),
 *     amountMinor: BigInt64Array.of(10000n), // 100.00 EUR
 *     currency: Uint8Array.of(0),
 *   },
 *   payments: {
 *     id: ["P"],
 *     customer: Uint32Array.of(0),
 *     date: Int32Array.of(day("2024-02-01")),
 *     amountMinor: BigInt64Array.of(3000n),
 *     currency: Uint8Array.of(0),
 *     invoice: Int32Array.of(-1),
 *   },
 * }).total; // "70.00"
 * ```
 */
export interface AgingBatchColumnsInput {
  /** The day of the report; records dated after it are left out. */
  asOf: AgingBatchInput["asOf"];
  /** Upper bounds of the buckets in days, rising (default 30, 60, 90, 120). */
  buckets?: AgingBatchInput["buckets"];
  /** What age counts from (default `dueDate`). */
  basis?: AgingBatchInput["basis"];
  /** Customer ids. */
  customers: TextColumn;
  /** ISO 4217 codes, at most 256. */
  currencies: TextColumn;
  invoices: InvoiceColumns;
  payments?: ReceiptColumns | null;
  credits?: ReceiptColumns | null;
  /** The columns form has no CSV. */
  invoicesCsv?: never;
  paymentsCsv?: never;
  creditsCsv?: never;
}

/** `agingBatch` from CSV text (the generated {@link AgingBatchInput}), with no columns. */
export type AgingBatchCsvInput = AgingBatchInput & {
  [K in Exclude<keyof AgingBatchColumnsInput, keyof AgingBatchInput>]?: never;
};
