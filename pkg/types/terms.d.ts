/** Types for payment terms: due dates, discount deadlines, installments and discounted amounts. */

import type { Amount, AmountInput, CurrencyCode, DateInput, DecimalText, IsoDate } from './common.js';
import type { CalendarInput, ConventionName } from './dates.js';

/**
 * A cash discount: `percent` off when paid within `days` calendar days of the start (the
 * invoice date, or the month's end with `endOfMonth`). The day after the start is day 1.
 * @example { percent: '2', days: 10 }
 */
export interface Discount {
  /** More than 0 and less than 100; decimal text or a plain JS number such as `1.5`. */
  percent: AmountInput;
  /** Whole days, 0 to 3650. */
  days: number;
}

/**
 * One part of an amount paid in installments: `percent` of it due `days` after the start.
 * @example { percent: '50', days: 30 }
 */
export interface Installment {
  /** More than 0 and at most 100; all parts add up to exactly 100. */
  percent: AmountInput;
  /** Whole days, 0 to 3650, not fewer than the previous part's. */
  days: number;
}

/**
 * Payment terms as an object. Give exactly one of `netDays`, `dayOfNextMonth` and
 * `installments`. Unknown fields are refused.
 * @example { netDays: 30 }                                                  // "Net 30"
 * @example { netDays: 30, discounts: [{ percent: '2', days: 10 }] }         // "2/10 Net 30"
 * @example { netDays: 30, endOfMonth: true }                                // "Net 30 EOM"
 * @example { netDays: 0, endOfMonth: true }                                 // "EOM"
 * @example { dayOfNextMonth: 10 }                                           // "10th prox"
 * @example { installments: [{ percent: 50, days: 30 }, { percent: 50, days: 60 }] }
 */
export interface TermsObject {
  /** The full amount is due this many calendar days after the start (0 to 3650). */
  netDays?: number;
  /** Count days from the last day of the invoice's month instead of the invoice date. */
  endOfMonth?: boolean;
  /**
   * Due on this day (1 to 31) of the month after the invoice's month ("prox", "MFI"); a day
   * past that month's end means its last day. Not combined with `endOfMonth` or `discounts`.
   */
  dayOfNextMonth?: number;
  /** Cash discounts, at most 10; each period must end by the due date. */
  discounts?: Discount[];
  /** Parts due on different days, at most 60, adding up to 100 percent. */
  installments?: Installment[];
}

/**
 * Payment terms: the text printed on an invoice (at most 200 bytes; case and spacing free),
 * or a {@link TermsObject}. Accepted texts include "Due on receipt", "Net 30", "n/30",
 * "2/10 Net 30", "2/10, 1/20, n/30", "2% 10 Net 30", "2/10 EOM", "Net 30 EOM", "EOM",
 * "10th prox", "15 MFI", "50% in 30, 50% in 60". See docs/terms.md for every form.
 */
export type TermsInput = string | TermsObject;

/**
 * Input of `dueDate`. With a `calendar`, every date (due date, discount deadlines,
 * installments) is moved to a business day by `convention`, `following` by default; without
 * one, dates are not moved, and giving a `convention` alone is an error.
 * @example { issueDate: '2024-01-01', terms: '2/10 Net 30' }
 * @example { issueDate: '2024-06-24', terms: '2/10 Net 30', calendar: 'US' }
 */
export interface DueDateInput {
  issueDate: DateInput;
  terms: TermsInput;
  calendar?: CalendarInput;
  convention?: ConventionName;
}

/** A discount with the last day (inclusive) a payment in full earns it. */
export interface DiscountDeadline {
  until: IsoDate;
  /** The discount, as decimal text without trailing zeros ("2", "1.5"). */
  percent: DecimalText;
}

/** An installment with its due date. */
export interface InstallmentDate {
  dueDate: IsoDate;
  /** Its share of the amount, as decimal text ("50", "33.34"). */
  percent: DecimalText;
}

/**
 * Output of `dueDate`. For installment terms, `dueDate` is the last installment's date.
 * @example { dueDate: '2024-01-31', discounts: [{ until: '2024-01-11', percent: '2' }], installments: [] }
 */
export interface DueDateOutput {
  dueDate: IsoDate;
  /** In the order of the terms; empty when there are none. */
  discounts: DiscountDeadline[];
  /** Empty unless the terms have installments. */
  installments: InstallmentDate[];
}

/**
 * Input of `discountedAmount`: what is owed when the invoice is paid in full on `paidOn`.
 * The best discount whose deadline is on or after `paidOn` applies (a payment before the
 * issue date earns it too). Results are rounded half away from zero to the currency's minor
 * units, or without `currency` to the decimals `amount` is written with.
 * @example { amount: '1000.00', terms: '2/10 Net 30', issueDate: '2024-01-01', paidOn: '2024-01-11' }
 */
export interface DiscountedAmountInput {
  /** Not negative. */
  amount: AmountInput;
  terms: TermsInput;
  issueDate: DateInput;
  paidOn: DateInput;
  currency?: CurrencyCode;
  calendar?: CalendarInput;
  convention?: ConventionName;
}

/**
 * Output of `discountedAmount`; `amount + discount` is the rounded invoice amount.
 * @example { amount: '980.00', discount: '20.00' }
 */
export interface DiscountedAmountOutput {
  /** The amount to pay. */
  amount: Amount;
  /** The discount taken, zero ("0.00") when none applies. */
  discount: Amount;
}
