//! The entry points of payment terms: what each takes and returns.

use super::{apply_discount, Schedule, Settlement, TermsInput};
use crate::dates::{moved_by, Calendar, Convention};
use crate::error::Result;
use crate::json::{Decode, Describe};
use crate::money::{Amount, Currency, Money, Rounding};
use chrono::NaiveDate;

/// What `dueDate` takes.
#[derive(Decode, Describe)]
pub struct DueDateInput {
    /// The invoice date.
    pub issue_date: NaiveDate,
    /// The payment terms.
    pub terms: TermsInput,
    /// Moves every date onto a business day of this calendar (by `convention`).
    pub calendar: Option<Calendar>,
    /// How dates move onto business days (default `following`); needs `calendar`.
    pub convention: Option<Convention>,
}

/// The due date, discount deadlines and installment dates of an invoice.
///
/// # Errors
/// `invalid_terms`, `out_of_range` or `limit_exceeded` at `terms` (or at the part of a terms
/// object); `out_of_range` at `terms` when a date would fall after 2199-12-31;
/// `missing_field` at `calendar` for a `convention` without one.
///
/// ```
/// use arrears::dates::parse_date;
/// use arrears::terms::{requests::*, TermsInput};
/// let input = DueDateInput {
///     issue_date: parse_date("2024-01-01")?,
///     terms: TermsInput::Text("2/10 Net 30".into()),
///     calendar: None,
///     convention: None,
/// };
/// let schedule = due_date_of(input)?;
/// assert_eq!(schedule.due_date, parse_date("2024-01-31")?);
/// assert_eq!(schedule.discounts[0].until, parse_date("2024-01-11")?);
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn due_date_of(input: DueDateInput) -> Result<Schedule> {
    let terms = input.terms.to_terms().map_err(|e| e.in_field("terms"))?;
    let (calendar, convention) = moved_by(input.calendar.as_ref(), input.convention)?;
    terms
        .schedule(input.issue_date, calendar, convention)
        .map_err(|e| e.at("terms"))
}

/// What `discountedAmount` takes.
#[derive(Decode, Describe)]
pub struct DiscountedAmountInput {
    /// The invoice's amount.
    pub amount: Amount,
    /// The payment terms.
    pub terms: TermsInput,
    /// The invoice date.
    pub issue_date: NaiveDate,
    /// The day the invoice is paid in full.
    pub paid_on: NaiveDate,
    /// The currency, for its minor units (without one, amounts have two decimals).
    pub currency: Option<Currency>,
    /// Moves the discount deadlines onto business days of this calendar.
    pub calendar: Option<Calendar>,
    /// How dates move onto business days (default `following`); needs `calendar`.
    pub convention: Option<Convention>,
    /// How the discount is rounded to the minor unit (default `halfEven`).
    #[json(default)]
    pub rounding: Rounding,
}

/// What an invoice paid in full on a day costs, after the best discount still open.
///
/// # Errors
/// Those of [`due_date_of`]; `invalid_amount` at `amount` for more decimals than the
/// currency has; `out_of_range` at `amount` for a negative amount.
///
/// ```
/// use arrears::dates::parse_date;
/// use arrears::money::{Amount, Rounding};
/// use arrears::terms::{requests::*, TermsInput};
/// let input = DiscountedAmountInput {
///     amount: Amount("12.5".parse()?),
///     terms: TermsInput::Text("2/10 Net 30".into()),
///     issue_date: parse_date("2024-01-01")?,
///     paid_on: parse_date("2024-01-11")?,
///     currency: None,
///     calendar: None,
///     convention: None,
///     rounding: Rounding::HalfEven,
/// };
/// let paid = discounted_amount_of(input)?;
/// assert_eq!((paid.amount.to_string(), paid.discount.to_string()), ("12.25".into(), "0.25".into()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn discounted_amount_of(input: DiscountedAmountInput) -> Result<Settlement> {
    let terms = input.terms.to_terms().map_err(|e| e.in_field("terms"))?;
    let (calendar, convention) = moved_by(input.calendar.as_ref(), input.convention)?;
    let percent = terms
        .discount_on(input.issue_date, input.paid_on, calendar, convention)
        .map_err(|e| e.at("terms"))?;
    let amount = Money::exact(input.amount.0, input.currency).map_err(|e| e.at("amount"))?;
    apply_discount(amount, percent, input.rounding).map_err(|e| e.at("amount"))
}
