/** Types of the ledger entry points: aging, paymentBehaviour and metrics. See docs/ledger.md. */

import type { Amount, AmountInput, CurrencyCode, DateInput, DecimalText, IsoDate } from "./common";
import type { TermsInput } from "./terms";

/**
 * An invoice, with exactly one of `dueDate` and `terms`. `amount` is more than zero with no
 * more decimals than the currency has.
 * @example { id: "INV-1", customerId: "acme", issueDate: "2024-01-01", dueDate: "2024-01-31", amount: "1000.00", currency: "EUR" }
 * @example { id: "INV-2", customerId: "acme", issueDate: "2024-01-31", terms: "Net 30", amount: 250, currency: "EUR" }
 */
export interface Invoice {
  id: string;
  customerId: string;
  issueDate: DateInput;
  dueDate?: DateInput;
  /** Payment terms instead of `dueDate`: the due date is computed on calendar days, unadjusted (for installments, the last one). */
  terms?: TermsInput;
  amount: AmountInput;
  currency: CurrencyCode;
  /** The customer disputes it: still aged, and shown apart in `disputed`. Default false. */
  disputed?: boolean;
}

/** Part of a payment applied to a named invoice (same customer and currency). */
export interface AppliesTo {
  invoiceId: string;
  amount: AmountInput;
}

/**
 * A payment. What `appliesTo` does not cover is allocated by the `allocation` method.
 * @example { id: "PAY-1", customerId: "acme", date: "2024-02-10", amount: 600, currency: "EUR" }
 */
export interface Payment {
  id: string;
  customerId: string;
  date: DateInput;
  amount: AmountInput;
  currency: CurrencyCode;
  appliesTo?: AppliesTo[];
}

/**
 * A credit note or write-down. With `invoiceId` its whole amount goes to that invoice.
 * @example { id: "CN-1", customerId: "acme", date: "2024-03-15", amount: "100.00", currency: "EUR", invoiceId: "INV-1" }
 */
export interface Credit {
  id: string;
  customerId: string;
  date: DateInput;
  amount: AmountInput;
  currency: CurrencyCode;
  invoiceId?: string;
}

/** How unapplied payments and credits are allocated within one customer and currency. */
export type Allocation = "oldestFirst" | "proRata" | "none";

/** Age from the due date (days past due) or the issue date (days outstanding). */
export type AgingBasis = "dueDate" | "issueDate";

/** Parts of an aging report to compute and return. */
export type AgingPart = "buckets" | "customers" | "currencies" | "invoices";

/** Records shared by every ledger entry point. */
export interface LedgerRecords {
  /** Records dated after it are ignored (and counted in `ignored`). */
  asOf: DateInput;
  invoices: Invoice[];
  payments?: Payment[];
  credits?: Credit[];
  /** Default `"oldestFirst"`. */
  allocation?: Allocation;
}

/**
 * Input of `aging`.
 * @example { asOf: "2024-03-31", invoices: [...], payments: [...], include: ["buckets", "customers"] }
 */
export interface AgingInput extends LedgerRecords {
  /** Upper bounds in days, strictly rising; default `[30, 60, 90, 120]`. At most 64. */
  buckets?: number[];
  /** Default `"dueDate"`. */
  basis?: AgingBasis;
  /** Default all four parts. */
  include?: AgingPart[];
}

/** Records dated after `asOf`, left out. */
export interface Ignored {
  invoices: number;
  payments: number;
  credits: number;
}

/** One aging bucket. @example { label: "1-30", from: 1, to: 30, amount: "500.00", count: 2, disputed: "0.00" } */
export interface Bucket {
  label: string;
  /** First day; `null` for "Current" (any day not yet past due). */
  from: number | null;
  /** Last day; `null` for the last bucket. */
  to: number | null;
  /** Open amount in the bucket, disputed included. */
  amount: Amount;
  /** Open invoices in the bucket. */
  count: number;
  /** The disputed part of `amount`. */
  disputed: Amount;
}

/** Totals of one currency; `total` is the sum of the buckets. */
export interface CurrencySummary {
  currency: CurrencyCode;
  total: Amount;
  disputed: Amount;
  unappliedCash: Amount;
  unappliedCredits: Amount;
  buckets: Bucket[];
}

/** One customer in one currency; `buckets` are amounts in the order of `bucketLabels`. */
export interface CustomerAging {
  customerId: string;
  currency: CurrencyCode;
  total: Amount;
  disputed: Amount;
  buckets: Amount[];
  unappliedCash: Amount;
  unappliedCredits: Amount;
}

/** A payment or credit applied to an invoice. */
export interface AppliedAmount {
  kind: "payment" | "credit";
  id: string;
  date: IsoDate;
  amount: Amount;
}

/** One invoice issued by `asOf`. */
export interface InvoiceAging {
  id: string;
  customerId: string;
  currency: CurrencyCode;
  amount: Amount;
  open: Amount;
  paid: Amount;
  credited: Amount;
  /** `asOf − dueDate`, negative before the due date. */
  daysPastDue: number;
  /** `asOf − issueDate`. */
  daysOutstanding: number;
  /** `null` when nothing is open. */
  bucket: string | null;
  disputed: boolean;
  applied: AppliedAmount[];
}

/**
 * Output of `aging`. The summary fields (`currency` ... `buckets`) are present only when
 * `include` has `"buckets"` and the input has exactly one currency; with several currencies the
 * summaries are in `currencies` (present then even without `"currencies"`), never added up.
 */
export interface AgingOutput extends Partial<CurrencySummary> {
  asOf: IsoDate;
  basis: AgingBasis;
  allocation: Allocation;
  ignored: Ignored;
  bucketLabels: string[];
  currencies?: CurrencySummary[];
  customers?: CustomerAging[];
  invoices?: InvoiceAging[];
}

/** Input of `paymentBehaviour`. */
export type PaymentBehaviourInput = LedgerRecords;

/** One customer's payment behaviour in one currency. Averages have two decimals, `null` with no paid invoice. */
export interface CustomerBehaviour {
  customerId: string;
  currency: CurrencyCode;
  invoices: number;
  paidInvoices: number;
  paidLate: number;
  averageDaysLate: DecimalText | null;
  weightedAverageDaysLate: DecimalText | null;
  percentPaidLate: DecimalText | null;
  longestDelayDays: number;
  overdueInvoices: number;
  lastPaymentDate: IsoDate | null;
  accountAgeDays: number | null;
}

/** Output of `paymentBehaviour`. */
export interface PaymentBehaviourOutput {
  asOf: IsoDate;
  ignored: Ignored;
  customers: CustomerBehaviour[];
}

/** Input of `metrics`. @example { asOf: "2024-03-31", periodDays: 91, invoices: [...], payments: [...] } */
export interface MetricsInput extends LedgerRecords {
  /** Length of the period ending on `asOf`, 1 to 36525. */
  periodDays: number;
}

/** KPIs of one currency; day figures and percentages have two decimals, `null` when a divisor is zero. */
export interface CurrencyMetrics {
  currency: CurrencyCode;
  beginningReceivables: Amount;
  creditSales: Amount;
  endingReceivables: Amount;
  endingCurrentReceivables: Amount;
  dso: DecimalText | null;
  countbackDso: DecimalText | null;
  bestPossibleDso: DecimalText | null;
  averageDaysDelinquent: DecimalText | null;
  collectionEffectivenessIndex: DecimalText | null;
  percentCurrent: DecimalText | null;
}

/** Output of `metrics`. */
export interface MetricsOutput {
  asOf: IsoDate;
  /** `asOf − periodDays`: beginning receivables are taken here. */
  periodStart: IsoDate;
  periodDays: number;
  currencies: CurrencyMetrics[];
}
