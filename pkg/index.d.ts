/**
 * arrears: a collections engine in WebAssembly. Every function takes one plain object and
 * returns one plain object; bad input throws {@link ArrearsError}.
 *
 * @example
 * ```ts
 * import { init, dueDate } from "arrears";
 * await init(); // needed in browsers only; a no-op elsewhere
 * dueDate({ issueDate: "2024-01-31", terms: "Net 30" }).dueDate; // "2024-03-01"
 * ```
 * @packageDocumentation
 */

export * from "./types/common.js";
export * from "./types/dates.js";
export * from "./types/terms.js";
export * from "./types/ledger.js";
export * from "./types/batch.js";

import type {
  AddBusinessDaysInput,
  AddBusinessDaysOutput,
  AdjustDateInput,
  AdjustDateOutput,
  BusinessDaysBetweenInput,
  BusinessDaysBetweenOutput,
  HolidaysInput,
  HolidaysOutput,
  IsBusinessDayInput,
  IsBusinessDayOutput,
  YearFractionInput,
  YearFractionOutput,
} from "./types/dates.js";
import type {
  DiscountedAmountInput,
  DiscountedAmountOutput,
  DueDateInput,
  DueDateOutput,
} from "./types/terms.js";
import type {
  AgingInput,
  AgingOutput,
  MetricsInput,
  MetricsOutput,
  PaymentBehaviourInput,
  PaymentBehaviourOutput,
} from "./types/ledger.js";
import type { AgingBatchInput, AgingBatchOutput } from "./types/batch.js";

/**
 * Every code an {@link ArrearsError} can carry. Codes are stable: never renamed or reused.
 * A test keeps this list equal to the Rust `ErrorCode` list.
 */
export type ArrearsErrorCode =
  | "invalid_input"
  | "missing_field"
  | "unknown_field"
  | "invalid_type"
  | "invalid_date"
  | "invalid_amount"
  | "invalid_terms"
  | "unknown_calendar"
  | "unknown_day_count"
  | "unknown_convention"
  | "unknown_currency"
  | "unknown_option"
  | "out_of_range"
  | "limit_exceeded"
  | "currency_mismatch"
  | "duplicate_id"
  | "unknown_invoice"
  | "over_applied"
  | "internal";

/**
 * What every arrears function throws for bad input: a real `Error` with a stable `code` and a
 * `path` into the input in the caller's words (`"terms.days"`, `"invoices[3].dueDate"`; empty
 * for the input as a whole). Code `internal` means a bug in arrears; the module has already
 * been reset, so the next call works.
 *
 * @example
 * ```ts
 * try {
 *   dueDate({ issueDate: "2024-02-30", terms: "Net 30" });
 * } catch (e) {
 *   if (e instanceof ArrearsError) console.log(e.code, e.path); // "invalid_date" "issueDate"
 * }
 * ```
 */
export declare class ArrearsError extends Error {
  constructor(message: string, code: ArrearsErrorCode, path?: string, options?: { cause?: unknown });
  /** Always `"ArrearsError"`. */
  readonly name: "ArrearsError";
  /** What went wrong, as a stable code. */
  readonly code: ArrearsErrorCode;
  /** Where in the input, for example `"terms.days"`; empty for the input as a whole. */
  readonly path: string;
}

/**
 * Where {@link init} finds the wasm: a URL (string or `URL`), a `Response` or a promise of one,
 * the bytes, or a compiled `WebAssembly.Module`. The file is the package subpath
 * `arrears/arrears_bg.wasm`.
 */
export type InitInput = string | object;

/**
 * Loads the wasm. Browsers: `await init()` once before any other call (it fetches the wasm
 * next to the package's entry, or from `module_or_path`). Node, Deno and workerd load it on
 * import, and `init()` resolves at once.
 *
 * @example
 * ```ts
 * import wasmUrl from "arrears/arrears_bg.wasm?url"; // with a bundler such as Vite
 * await init({ module_or_path: wasmUrl });
 * ```
 */
export declare function init(options?: { module_or_path?: InitInput | Promise<InitInput> }): Promise<void>;

/** Loads the wasm synchronously from a compiled `WebAssembly.Module` or the wasm bytes. */
export declare function initSync(options: { module: object }): void;

/**
 * The fraction of a year between two dates under a day-count convention.
 * @throws {ArrearsError} `invalid_date`, `unknown_day_count`, `missing_field`, ...
 * @example yearFraction({ start: "2024-01-01", end: "2024-07-01", dayCount: "ACT/360" }).fraction // 182/360
 */
export declare function yearFraction(input: YearFractionInput): YearFractionOutput;

/**
 * Whether a date is a business day in a calendar.
 * @throws {ArrearsError} `invalid_date`, `unknown_calendar`, ...
 * @example isBusinessDay({ date: "2024-07-04", calendar: "US" }).businessDay // false
 */
export declare function isBusinessDay(input: IsBusinessDayInput): IsBusinessDayOutput;

/**
 * Moves a date onto a business day by a convention (`following`, `modifiedFollowing`, ...).
 * @throws {ArrearsError} `invalid_date`, `unknown_calendar`, `unknown_convention`, ...
 * @example adjustDate({ date: "2024-08-26", convention: "following", calendar: "GB" }).date // "2024-08-27"
 */
export declare function adjustDate(input: AdjustDateInput): AdjustDateOutput;

/**
 * Adds (or with a negative count subtracts) business days.
 * @throws {ArrearsError} `invalid_date`, `unknown_calendar`, `out_of_range`, ...
 * @example addBusinessDays({ date: "2024-07-03", days: 1, calendar: "US" }).date // "2024-07-05"
 */
export declare function addBusinessDays(input: AddBusinessDaysInput): AddBusinessDaysOutput;

/**
 * Counts the business days between two dates.
 * @throws {ArrearsError} `invalid_date`, `unknown_calendar`, ...
 */
export declare function businessDaysBetween(input: BusinessDaysBetweenInput): BusinessDaysBetweenOutput;

/**
 * Lists a calendar's holidays between two dates, with their names.
 * @throws {ArrearsError} `invalid_date`, `unknown_calendar`, `limit_exceeded`, ...
 */
export declare function holidays(input: HolidaysInput): HolidaysOutput;

/**
 * The due date, discount deadlines and installments of an invoice from its payment terms.
 * @throws {ArrearsError} `invalid_terms`, `invalid_date`, `unknown_calendar`, ...
 * @example dueDate({ issueDate: "2024-01-31", terms: "Net 30" }).dueDate // "2024-03-01"
 */
export declare function dueDate(input: DueDateInput): DueDateOutput;

/**
 * The amount to pay on a date, after any early-payment discount the terms give.
 * @throws {ArrearsError} `invalid_terms`, `invalid_amount`, `invalid_date`, ...
 * @example discountedAmount({ amount: "1000.00", terms: "2/10 Net 30", issueDate: "2024-01-01", paidOn: "2024-01-11" }).amount // "980.00"
 */
export declare function discountedAmount(input: DiscountedAmountInput): DiscountedAmountOutput;

/**
 * Ages open invoices into buckets as of a date: per currency, per customer and per invoice.
 * @throws {ArrearsError} `invalid_amount`, `duplicate_id`, `currency_mismatch`, `unknown_invoice`, `over_applied`, ...
 * @example aging({ asOf: "2024-03-01", invoices: [{ id: "A", customerId: "acme", issueDate: "2024-01-01", dueDate: "2024-01-31", amount: "100.00", currency: "EUR" }] }).total // "100.00"
 */
export declare function aging(input: AgingInput): AgingOutput;

/**
 * How customers pay: days late, share paid on time, and similar measures.
 * @throws {ArrearsError} `invalid_amount`, `duplicate_id`, `unknown_invoice`, ...
 */
export declare function paymentBehaviour(input: PaymentBehaviourInput): PaymentBehaviourOutput;

/**
 * Collection metrics over a period (DSO and related KPIs).
 * @throws {ArrearsError} `invalid_amount`, `duplicate_id`, `unknown_invoice`, ...
 */
export declare function metrics(input: MetricsInput): MetricsOutput;

/**
 * The aging of a whole portfolio in one call, from CSV text or from typed columns (the data
 * crosses into wasm as it is; see {@link AgingBatchCsvInput} and {@link AgingBatchColumnsInput}).
 * Returns what `aging` returns with `include: ["buckets", "customers", "currencies"]`.
 * @throws {ArrearsError} as `aging`, at `invoicesCsv:<line>:<column>` or `invoices[5].dueDate`;
 * `invalid_type` or `missing_field` at `invoices.dueDate` for a wrong or missing column.
 * @example agingBatch({ asOf: "2024-03-01", invoicesCsv: "id,customerId,issueDate,dueDate,amount,currency\nA,acme,2024-01-01,2024-01-31,100,EUR\n" }).total // "100.00"
 */
export declare function agingBatch(input: AgingBatchInput): AgingBatchOutput;
