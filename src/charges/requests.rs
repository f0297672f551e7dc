//! The entry points of charges: what `charges`, `quote` and `referenceRates` take.

use super::reference_rates::{table, RateTable};
use super::{charges, quote, ChargesReport, Quote};
use crate::error::Result;
use crate::json::{Decode, Describe};
use crate::ledger::requests::{book, CreditRecord, InvoiceRecord, PaymentRecord};
use crate::policy::{Policy, Regime};
use chrono::NaiveDate;

/// What `charges` takes.
#[derive(Decode, Describe)]
pub struct ChargesInput<'a> {
    /// The evaluation day: interest runs through it, fees are assessed through it, and
    /// records dated after it are left out.
    pub as_of: NaiveDate,
    /// The invoices, as the ledger takes them.
    pub invoices: Vec<InvoiceRecord<'a>>,
    /// The payments.
    #[json(default)]
    pub payments: Vec<PaymentRecord<'a>>,
    /// The credits.
    #[json(default)]
    pub credits: Vec<CreditRecord<'a>>,
    /// The policy: fees, interest, compensation, waterfall.
    pub policy: Policy,
}

/// Fees, interest and compensation per invoice, and what is owed per currency.
///
/// # Errors
/// Those of the records (as in `aging`) and of [`charges`].
///
/// ```
/// let out = arrears::api::call("charges", r#"{"asOf": "2024-02-20", "policy": {"interest": {"annualRate": "0.085"}},
///   "invoices": [{"id": "A", "customerId": "c", "issueDate": "2024-01-01", "dueDate": "2024-01-01", "amount": "1000", "currency": "GBP"}]}"#)?;
/// assert!(out.contains(r#""interestTotal":"11.64""#));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn charges_of(input: ChargesInput<'_>) -> Result<ChargesReport> {
    let book = book(input.invoices, input.payments, input.credits)?;
    charges(&book, &input.policy, input.as_of)
}

/// What `quote` takes.
#[derive(Decode, Describe)]
pub struct QuoteInput<'a> {
    /// The day of the quote: payments and credits through it count.
    pub as_of: NaiveDate,
    /// The day the quote is good through: interest through it, fees before it.
    pub good_through: NaiveDate,
    /// The invoices, in one currency.
    pub invoices: Vec<InvoiceRecord<'a>>,
    /// The payments.
    #[json(default)]
    pub payments: Vec<PaymentRecord<'a>>,
    /// The credits.
    #[json(default)]
    pub credits: Vec<CreditRecord<'a>>,
    /// The policy: fees, interest, compensation, waterfall.
    pub policy: Policy,
    /// Count disputed invoices in the total (default false: they are listed apart).
    #[json(default)]
    pub include_disputed: bool,
}

/// A payoff quote.
///
/// # Errors
/// Those of [`quote`].
///
/// ```
/// let out = arrears::api::call("quote", r#"{"asOf": "2026-11-20", "goodThrough": "2026-11-22",
///   "policy": {"interest": {"annualRate": "0.1275"}},
///   "invoices": [{"id": "A", "customerId": "c", "issueDate": "2026-01-01", "dueDate": "2026-03-01", "amount": "1000", "currency": "EUR"}]}"#)?;
/// assert!(out.contains(r#""total":"1092.92""#));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn quote_of(input: QuoteInput<'_>) -> Result<Quote> {
    let book = book(input.invoices, input.payments, input.credits)?;
    quote(
        &book,
        &input.policy,
        input.as_of,
        input.good_through,
        input.include_disputed,
    )
}

/// What `referenceRates` takes.
#[derive(Decode, Describe)]
pub struct ReferenceRatesInput {
    /// The regime whose reference rate to list.
    pub regime: Regime,
    /// List the rates in force from this day (default: all).
    pub from: Option<NaiveDate>,
    /// List the rates in force until this day (default: all).
    pub to: Option<NaiveDate>,
}

/// The reference rate table a statutory regime reads, as shipped.
///
/// # Errors
/// `out_of_range` at `to` when it is before `from`.
///
/// ```
/// let out = arrears::api::call("referenceRates", r#"{"regime": "UK-LPA", "from": "2024-06-30", "to": "2024-06-30"}"#)?;
/// assert!(out.contains(r#""rates":[{"from":"2023-08-03","rate":"0.0525"}]"#));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn reference_rates_of(input: ReferenceRatesInput) -> Result<RateTable> {
    if let (Some(from), Some(to)) = (input.from, input.to) {
        if to < from {
            let message = format!("{to} is before 'from', {from}");
            return Err(crate::Error::new(crate::ErrorCode::OutOfRange, message).at("to"));
        }
    }
    let mut table = table(input.regime);
    let from = input.from.unwrap_or(chrono::NaiveDate::MIN);
    let to = input.to.unwrap_or(chrono::NaiveDate::MAX);
    // The row in force on `from`, and every row that starts by `to`.
    let first = table
        .rates
        .partition_point(|r| r.from <= from)
        .saturating_sub(1);
    table.rates = table
        .rates
        .into_iter()
        .skip(first)
        .take_while(|r| r.from <= to)
        .collect();
    Ok(table)
}
