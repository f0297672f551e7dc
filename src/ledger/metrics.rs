//! Collection KPIs per currency: DSO (standard and countback), best possible DSO, average
//! days delinquent, collection effectiveness index and percent current.
//!
//! Formulas as the Credit Research Foundation (CRF) defines them for its KPI calculator and
//! its National Summary of Domestic Trade Receivables (crfonline.org, "Key Performance
//! Indicators Calculator", <http://www.crfonline.org/KpiCalculator/KpiCalculator.asp>), with
//! the period being the `periodDays` days ending on `asOf`:
//!
//! - DSO = ending total receivables / credit sales of the period × days in the period
//! - best possible DSO = ending current receivables / credit sales × days in the period
//! - average days delinquent (ADD) = DSO − best possible DSO
//! - CEI = (beginning receivables + credit sales − ending total receivables)
//!   / (beginning receivables + credit sales − ending current receivables) × 100
//!   (the whole-period form; creditguru.com, "Collection Effectiveness Index (CEI)", works the
//!   same formula through an example)
//! - percent current = ending current receivables / ending total receivables × 100
//!
//! Countback DSO (the "working back" or "exhaust" method; Credit Today, "Why You Should
//! Switch to the Countback Method to Calculate DSO"): take the ending receivables, subtract
//! the credit sales of the latest month and count that month's days, then the month before,
//! until a month's sales exceed what is left; that month counts the fraction
//! left / its sales of its days. Months here are months ending on `asOf`'s day of the month,
//! or calendar months when `asOf` is a month's last day (`asOf` 2024-03-31: 1–31 March,
//! then 1–29 February, ...), each with its actual number of days.
//!
//! Receivables are the open amounts of invoices after allocation (unapplied cash is not
//! netted); *current* means not yet past due on the date. Credit sales are the amounts of
//! invoices issued in the period (credit notes are not subtracted).

use crate::error::{internal, slot, Error, ErrorCode, Result};
use crate::json::{Describe, Encode};
use crate::ledger::allocation::{allocate, Allocated, Allocation};
use crate::ledger::records::{ratio, two_places, Book};
use crate::money::{Checked, Currency, Money};
use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;

/// The longest period, in days (100 years).
pub const MAX_PERIOD_DAYS: i64 = 36_525;

/// The KPIs of one currency. Day figures and percentages are text with two decimals, `null`
/// where a divisor is zero.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct CurrencyMetrics {
    /// The currency.
    pub currency: Currency,
    /// Open at the start of the period (`asOf − periodDays`).
    pub beginning_receivables: Money,
    /// Invoiced in the period (issue date after the start, on or before `asOf`).
    pub credit_sales: Money,
    /// Open at `asOf`.
    pub ending_receivables: Money,
    /// Open at `asOf` and not yet past due.
    pub ending_current_receivables: Money,
    /// Standard DSO.
    pub dso: Option<Decimal>,
    /// Countback DSO.
    pub countback_dso: Option<Decimal>,
    /// Best possible DSO.
    pub best_possible_dso: Option<Decimal>,
    /// Average days delinquent.
    pub average_days_delinquent: Option<Decimal>,
    /// Collection effectiveness index, in percent.
    pub collection_effectiveness_index: Option<Decimal>,
    /// Percent current.
    pub percent_current: Option<Decimal>,
}

/// KPIs of every currency, by currency code.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct MetricsReport {
    /// The end of the period.
    pub as_of: NaiveDate,
    /// The day before the first day of the period, where beginning receivables are taken.
    pub period_start: NaiveDate,
    /// The length of the period in days.
    pub period_days: i64,
    /// One entry per currency.
    pub currencies: Vec<CurrencyMetrics>,
}

/// Sums in minor units for one currency.
#[derive(Clone, Default)]
struct Sums {
    beginning: i128,
    sales: i128,
    ending: i128,
    current: i128,
    /// Credit sales per countback month: index 0 is the month ending on `asOf`.
    monthly_sales: Vec<i128>,
}

/// The KPIs of `book` over the `period_days` days ending on `as_of`.
///
/// # Errors
/// [`ErrorCode::OutOfRange`] at `periodDays` unless 1 to [`MAX_PERIOD_DAYS`] and the start
/// is a supported date; [`ErrorCode::Internal`] as for [`allocate`].
///
/// ```
/// use arrears::ledger::{metrics, Accounts, Allocation, Book, Invoice};
/// let day = |s| arrears::dates::parse_date(s);
/// let mut accounts = Accounts::default();
/// let account = accounts.intern("acme", "EUR".parse()?)?;
/// let invoice = Invoice { id: "A", account, issue_date: day("2024-03-01")?, due_date: day("2024-04-30")?, amount: 300_00, disputed: false };
/// let book = Book::new(accounts, vec![invoice], vec![], vec![], &[])?;
/// let report = metrics(&book, day("2024-03-31")?, 31, Allocation::OldestFirst)?;
/// assert_eq!(report.currencies[0].dso.map(|d| d.to_string()).as_deref(), Some("31.00"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn metrics<Id: AsRef<str>>(
    book: &Book<Id>,
    as_of: NaiveDate,
    period_days: i64,
    allocation: Allocation,
) -> Result<MetricsReport> {
    let start = (1..=MAX_PERIOD_DAYS)
        .contains(&period_days)
        .then(|| as_of.checked_sub_days(chrono::Days::new(period_days.unsigned_abs())))
        .flatten()
        .and_then(|d| crate::dates::check_range(d).ok())
        .ok_or_else(|| {
            Error::new(
                ErrorCode::OutOfRange,
                format!(
                    "periodDays must be 1 to {MAX_PERIOD_DAYS} and start on or after 1900-01-01"
                ),
            )
            .at("periodDays")
        })?;
    let active = book.active_accounts(as_of)?;
    let currencies = book.active_currencies(&active);
    let mut sums = vec![Sums::default(); currencies.len()];
    let before = allocate(book, start, allocation, false)?;
    let after = allocate(book, as_of, allocation, false)?;
    for (i, invoice) in book.invoices.iter().enumerate() {
        let account = book.accounts.get(invoice.account as usize);
        let account = account.ok_or_else(|| internal("an invoice has no account"))?;
        let Ok(currency) = currencies.binary_search(&account.currency) else {
            // Only records after `as_of` in this currency: nothing to count.
            continue;
        };
        let s = slot(&mut sums, currency)?;
        let open = |state: &Allocated| {
            let open = state.open.get(i).copied();
            open.map(i128::from)
                .ok_or_else(|| internal("no state for an invoice"))
        };
        s.beginning += open(&before)?;
        s.ending += open(&after)?;
        if invoice.due_date >= as_of {
            s.current += open(&after)?;
        }
        if invoice.issue_date > as_of {
            continue;
        }
        let amount = i128::from(invoice.amount);
        if invoice.issue_date > start {
            s.sales += amount;
        }
        let month = countback_month(as_of, invoice.issue_date);
        if s.monthly_sales.len() <= month {
            s.monthly_sales.resize(month + 1, 0);
        }
        *slot(&mut s.monthly_sales, month)? += amount;
    }
    let currencies = currencies
        .into_iter()
        .zip(sums)
        .map(|(currency, s)| {
            let money = |minor: i128| Money::from_minor(minor, Some(currency));
            let days = |num: i128| ratio(num, s.sales, period_days);
            let collectable = s.beginning + s.sales;
            CurrencyMetrics {
                currency,
                beginning_receivables: money(s.beginning),
                credit_sales: money(s.sales),
                ending_receivables: money(s.ending),
                ending_current_receivables: money(s.current),
                dso: days(s.ending).map(two_places),
                countback_dso: countback(as_of, s.ending, &s.monthly_sales).map(two_places),
                best_possible_dso: days(s.current).map(two_places),
                // DSO − best possible DSO, computed before rounding.
                average_days_delinquent: days(s.ending - s.current).map(two_places),
                collection_effectiveness_index: ratio(
                    collectable - s.ending,
                    collectable - s.current,
                    100,
                )
                .map(two_places),
                percent_current: ratio(s.current, s.ending, 100).map(two_places),
            }
        })
        .collect();
    Ok(MetricsReport {
        as_of,
        period_start: start,
        period_days,
        currencies,
    })
}

/// The last day of countback month `k`, which is (`month_end(k + 1)`, `month_end(k)`]:
/// `as_of` − k months, or the last day of that month when `as_of` is a month's last day
/// (so that 30 June counts back to 31 May, not 30 May).
fn month_end(as_of: NaiveDate, k: usize) -> Option<NaiveDate> {
    use chrono::Datelike;
    let k = Months::new(u32::try_from(k).ok()?);
    let next = as_of.succ_opt()?;
    if next.day() == 1 {
        next.checked_sub_months(k)?.pred_opt()
    } else {
        as_of.checked_sub_months(k)
    }
}

/// The countback month (0 = the month ending on `as_of`) of a date on or before `as_of`.
fn countback_month(as_of: NaiveDate, date: NaiveDate) -> usize {
    use chrono::Datelike;
    let months = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
    let guess = usize::try_from((months(as_of) - months(date) - 1).max(0)).unwrap_or(0);
    (guess..guess + 3)
        .find(|&k| month_end(as_of, k + 1).is_none_or(|start| date > start))
        .unwrap_or(guess)
}

/// Countback DSO: whole months of sales until `receivables` are used up.
fn countback(as_of: NaiveDate, receivables: i128, monthly_sales: &[i128]) -> Option<Decimal> {
    let mut left = receivables;
    let mut days = Decimal::ZERO;
    for (k, &sales) in monthly_sales.iter().enumerate() {
        if left <= 0 {
            break;
        }
        let end = month_end(as_of, k)?;
        let start = month_end(as_of, k + 1)?;
        let month_days = (end - start).num_days();
        if left <= sales {
            return days.add_checked(ratio(left, sales, month_days)?);
        }
        left -= sales;
        days = days.add_checked(Decimal::from(month_days))?;
    }
    (left <= 0).then_some(days)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_date;

    fn day(s: &str) -> NaiveDate {
        parse_date(s).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn countback_months_are_calendar_months_ending_on_as_of() {
        let as_of = day("2024-03-31");
        assert_eq!(countback_month(as_of, day("2024-03-31")), 0);
        assert_eq!(countback_month(as_of, day("2024-03-01")), 0);
        assert_eq!(countback_month(as_of, day("2024-02-29")), 1);
        assert_eq!(countback_month(as_of, day("2024-01-31")), 2);
        let mid = day("2024-03-15");
        assert_eq!(countback_month(mid, day("2024-02-16")), 0);
        assert_eq!(countback_month(mid, day("2024-02-15")), 1);
    }

    /// The worked example of the countback method in Benji Pays' "Mastering DSO Calculation:
    /// The Count-Back Method Explained": receivables 212,000; sales 100,000, 80,000 and
    /// 70,000 in the last three months. With 30-day months it gives 60 + 32/70 × 30 = 73.71.
    /// Here months are calendar months: June (30 days), May (31), April (30), so by hand
    /// 30 + 31 + 32,000/70,000 × 30 = 61 + 13.714 = 74.71.
    #[test]
    fn countback_worked_example() {
        let days = countback(day("2024-06-30"), 212_000, &[100_000, 80_000, 70_000]);
        assert_eq!(
            days.map(two_places).map(|d| d.to_string()).as_deref(),
            Some("74.71")
        );
        assert_eq!(countback(day("2024-06-30"), 0, &[]), Some(Decimal::ZERO));
    }
}
