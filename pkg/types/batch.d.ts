/**
 * Types of `agingBatch`: the aging of a whole portfolio from CSV text or typed columns, in one
 * call. See docs/ledger.md and the Rust docs of `arrears::ledger::batch`.
 */

import type { CurrencySummary, CustomerAging, AgingBasis, Ignored } from "./ledger";
import type { DateInput, IsoDate } from "./common";

/** The options of both forms of `agingBatch`. */
export interface AgingBatchOptions {
  /** Records dated after it are ignored (and counted in `ignored`). */
  asOf: DateInput;
  /** Upper bounds in days, strictly rising; default `[30, 60, 90, 120]`. At most 64. */
  buckets?: number[];
  /** Default `"dueDate"`. */
  basis?: AgingBasis;
}

/**
 * `agingBatch` from CSV text (RFC 4180, LF or CRLF, a header row naming the columns in any
 * order). Invoice columns: `id,customerId,issueDate,dueDate,amount,currency` and optionally
 * `disputed` (`true`, `false`, `1`, `0` or empty). Payment and credit columns:
 * `id,customerId,date,amount,currency` and optionally `invoiceId` (empty for none; with one,
 * the whole amount goes to that invoice). Dates `YYYY-MM-DD`, amounts decimal text with at most
 * the currency's minor units. A bad row is an error at `invoicesCsv:<line>:<column>`, the header
 * being line 1.
 *
 * @example
 * ```ts
 * agingBatch({
 *   asOf: "2024-03-01",
 *   invoicesCsv: "id,customerId,issueDate,dueDate,amount,currency\nA,acme,2024-01-01,2024-01-31,100,EUR\n",
 *   paymentsCsv: "id,customerId,date,amount,currency,invoiceId\nP,acme,2024-02-01,30,EUR,\n",
 * }).total; // "70.00"
 * ```
 */
export interface AgingBatchCsvInput extends AgingBatchOptions {
  invoicesCsv: string;
  paymentsCsv?: string | null;
  creditsCsv?: string | null;
  /** The CSV form has no columns. */
  invoices?: never;
}

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
export interface AgingBatchColumnsInput extends AgingBatchOptions {
  /** Customer ids. */
  customers: TextColumn;
  /** ISO 4217 codes, at most 256. */
  currencies: TextColumn;
  invoices: InvoiceColumns;
  payments?: ReceiptColumns | null;
  credits?: ReceiptColumns | null;
  /** The columns form has no CSV. */
  invoicesCsv?: never;
}

/** Input of `agingBatch`: the CSV form or the columns form, told apart by `invoicesCsv` and `invoices`. */
export type AgingBatchInput = AgingBatchCsvInput | AgingBatchColumnsInput;

/**
 * Output of `agingBatch`: the report of `aging` with `include: ["buckets", "customers",
 * "currencies"]` and oldest-first allocation. The summary fields (`currency` ... `buckets`) are
 * at the top level only when the input has exactly one currency.
 */
export interface AgingBatchOutput extends Partial<CurrencySummary> {
  asOf: IsoDate;
  basis: AgingBasis;
  allocation: "oldestFirst";
  ignored: Ignored;
  bucketLabels: string[];
  currencies: CurrencySummary[];
  customers: CustomerAging[];
}
