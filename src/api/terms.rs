//! JSON entry points for payment terms.

use crate::api::run;
use crate::dates::{Calendar, Convention};
use crate::error::{Error, ErrorCode, Result};
use crate::money::{serde_amount, Currency};
use crate::terms::{apply_discount, Terms, TermsInput};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct DueDateRequest {
    #[serde(with = "crate::dates::serde_date")]
    issue_date: NaiveDate,
    terms: TermsInput,
    calendar: Option<Calendar>,
    convention: Option<Convention>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DueDateResponse {
    #[serde(with = "crate::dates::serde_date")]
    due_date: NaiveDate,
    discounts: Vec<DiscountOut>,
    installments: Vec<InstallmentOut>,
}

#[derive(Serialize)]
struct DiscountOut {
    #[serde(with = "crate::dates::serde_date")]
    until: NaiveDate,
    percent: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct InstallmentOut {
    #[serde(with = "crate::dates::serde_date")]
    due_date: NaiveDate,
    percent: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct DiscountedAmountRequest {
    #[serde(deserialize_with = "serde_amount::deserialize")]
    amount: Decimal,
    terms: TermsInput,
    #[serde(with = "crate::dates::serde_date")]
    issue_date: NaiveDate,
    #[serde(with = "crate::dates::serde_date")]
    paid_on: NaiveDate,
    currency: Option<Currency>,
    calendar: Option<Calendar>,
    convention: Option<Convention>,
}

#[derive(Serialize)]
struct DiscountedAmountResponse {
    amount: String,
    discount: String,
}

/// The terms, and the calendar with its convention (`following` by default) when given.
fn read_terms<'c>(
    terms: &TermsInput,
    calendar: Option<&'c Calendar>,
    convention: Option<Convention>,
) -> Result<(Terms, Option<&'c Calendar>, Convention)> {
    let terms = terms.to_terms().map_err(|e| e.in_field("terms"))?;
    if calendar.is_none() && convention.is_some() {
        return Err(Error::new(
            ErrorCode::MissingField,
            "'convention' moves dates to business days of a 'calendar', and none is given",
        )
        .at("calendar"));
    }
    Ok((terms, calendar, convention.unwrap_or(Convention::Following)))
}

/// `dueDate({ issueDate, terms, calendar?, convention? })` →
/// `{ dueDate, discounts: [{ until, percent }], installments: [{ dueDate, percent }] }`.
///
/// `terms` is text such as `"2/10 Net 30"` or an object (see `docs/terms.md`). With a
/// `calendar`, every date is moved to a business day by `convention` (default `following`);
/// without one, dates are not adjusted.
///
/// # Errors
/// `invalid_terms`, `out_of_range` or `limit_exceeded` at `terms` (or the part of a terms
/// object, `terms.discounts[0].percent`); `out_of_range` at `terms` when a date would fall
/// after 2199-12-31; `missing_field` at `calendar` for a `convention` without one; and the
/// decoding errors of [`crate::api::decode`].
///
/// ```
/// let out = arrears::api::due_date(r#"{"issueDate": "2024-01-01", "terms": "2/10 Net 30"}"#)?;
/// assert_eq!(
///     out,
///     r#"{"dueDate":"2024-01-31","discounts":[{"until":"2024-01-11","percent":"2"}],"installments":[]}"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn due_date(json: &str) -> Result<String> {
    run(json, |req: DueDateRequest| {
        let (terms, calendar, convention) =
            read_terms(&req.terms, req.calendar.as_ref(), req.convention)?;
        let schedule = terms
            .schedule(req.issue_date, calendar, convention)
            .map_err(|e| e.at("terms"))?;
        Ok(DueDateResponse {
            due_date: schedule.due_date,
            discounts: schedule
                .discounts
                .iter()
                .map(|d| DiscountOut {
                    until: d.until,
                    percent: d.percent.to_string(),
                })
                .collect(),
            installments: schedule
                .installments
                .iter()
                .map(|i| InstallmentOut {
                    due_date: i.due_date,
                    percent: i.percent.to_string(),
                })
                .collect(),
        })
    })
}

/// `discountedAmount({ amount, terms, issueDate, paidOn, currency?, calendar?, convention? })`
/// → `{ amount, discount }`: what is owed when the invoice is paid in full on `paidOn`.
///
/// The best discount whose deadline (inclusive) is on or after `paidOn` applies; a payment
/// before `issueDate` earns it too. Amounts are rounded half away from zero to the currency's
/// minor units, or without `currency` to the decimals `amount` is written with.
///
/// # Errors
/// Those of [`due_date`], and `out_of_range` at `amount` for a negative amount.
///
/// ```
/// let ask = |paid_on: &str| arrears::api::discounted_amount(&format!(
///     r#"{{"amount": "1000.00", "terms": "2/10 Net 30", "issueDate": "2024-01-01", "paidOn": "{paid_on}"}}"#
/// ));
/// assert_eq!(ask("2024-01-11")?, r#"{"amount":"980.00","discount":"20.00"}"#);
/// assert_eq!(ask("2024-01-12")?, r#"{"amount":"1000.00","discount":"0.00"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn discounted_amount(json: &str) -> Result<String> {
    run(json, |req: DiscountedAmountRequest| {
        let (terms, calendar, convention) =
            read_terms(&req.terms, req.calendar.as_ref(), req.convention)?;
        let percent = terms
            .discount_on(req.issue_date, req.paid_on, calendar, convention)
            .map_err(|e| e.at("terms"))?;
        let places = req
            .currency
            .map_or(req.amount.scale(), Currency::minor_units);
        let settled = apply_discount(req.amount, percent, places).map_err(|e| e.at("amount"))?;
        Ok(DiscountedAmountResponse {
            amount: settled.amount.to_string(),
            discount: settled.discount.to_string(),
        })
    })
}
