//! JSON entry points for the ledger: aging, payment behaviour and collection metrics.
//!
//! They only decode rows into [`crate::ledger`] records, build a [`Book`] and call the core.

use super::text::{self, AmountText};
use crate::dates::Convention;
use crate::error::{Error, ErrorCode, Result};
use crate::ledger::{
    self, text_to_minor_units, Accounts, AgingOptions, Allocation, ApplicationRequest, Basis, Book,
    Buckets, Invoice, InvoiceRef, Part, Receipt, ReceiptKind,
};
use crate::money::Currency;
use crate::terms::{Terms, TermsInput};
use chrono::NaiveDate;
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::HashMap;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct InvoiceRow<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    customer_id: Cow<'a, str>,
    #[serde(deserialize_with = "text::date")]
    issue_date: NaiveDate,
    #[serde(default, deserialize_with = "text::option_date")]
    due_date: Option<NaiveDate>,
    #[serde(default)]
    terms: Option<TermsInput>,
    #[serde(borrow)]
    amount: AmountText<'a>,
    #[serde(deserialize_with = "text::currency")]
    currency: Currency,
    #[serde(default)]
    disputed: bool,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PaymentRow<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    customer_id: Cow<'a, str>,
    #[serde(deserialize_with = "text::date")]
    date: NaiveDate,
    #[serde(borrow)]
    amount: AmountText<'a>,
    #[serde(deserialize_with = "text::currency")]
    currency: Currency,
    #[serde(default, borrow)]
    applies_to: Vec<AppliesToRow<'a>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct AppliesToRow<'a> {
    #[serde(borrow)]
    invoice_id: Cow<'a, str>,
    #[serde(borrow)]
    amount: AmountText<'a>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CreditRow<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    customer_id: Cow<'a, str>,
    #[serde(deserialize_with = "text::date")]
    date: NaiveDate,
    #[serde(borrow)]
    amount: AmountText<'a>,
    #[serde(deserialize_with = "text::currency")]
    currency: Currency,
    #[serde(default, borrow)]
    invoice_id: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct AgingRequest<'a> {
    #[serde(deserialize_with = "text::date")]
    as_of: NaiveDate,
    #[serde(borrow)]
    invoices: Vec<InvoiceRow<'a>>,
    #[serde(default, borrow)]
    payments: Vec<PaymentRow<'a>>,
    #[serde(default, borrow)]
    credits: Vec<CreditRow<'a>>,
    #[serde(default)]
    buckets: Option<Vec<i64>>,
    #[serde(default)]
    basis: Basis,
    #[serde(default)]
    allocation: Allocation,
    #[serde(default)]
    include: Option<Vec<Part>>,
}

/// Every part of an aging report, the default of `include`.
const ALL_PARTS: [Part; 4] = [
    Part::Buckets,
    Part::Customers,
    Part::Currencies,
    Part::Invoices,
];

/// `aging({ asOf, invoices, payments?, credits?, buckets?, basis?, allocation?, include? })`
/// → an [`ledger::AgingReport`] as JSON (see docs/ledger.md for the shape).
///
/// # Errors
/// The decoding errors of [`crate::api::decode`], and those of [`Book::new`] and
/// [`Buckets::new`], each with its path (`invoices[5].id`, `payments[2].appliesTo[0].invoiceId`).
///
/// ```
/// let out = arrears::api::aging(r#"{"asOf": "2024-03-01", "include": ["buckets"], "invoices": [
///   {"id": "A", "customerId": "acme", "issueDate": "2024-01-01", "dueDate": "2024-01-31", "amount": "100", "currency": "EUR"}]}"#)?;
/// assert!(out.contains(r#""total":"100.00""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn aging(json: &str) -> Result<String> {
    crate::api::run(json, |req: AgingRequest| {
        let options = AgingOptions {
            as_of: req.as_of,
            buckets: Buckets::new(req.buckets.as_deref(), req.basis)?,
            allocation: req.allocation,
            include: req.include.unwrap_or_else(|| ALL_PARTS.to_vec()),
        };
        let book = book(req.invoices, req.payments, req.credits)?;
        ledger::aging(&book, &options)
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct BehaviourRequest<'a> {
    #[serde(deserialize_with = "text::date")]
    as_of: NaiveDate,
    #[serde(borrow)]
    invoices: Vec<InvoiceRow<'a>>,
    #[serde(default, borrow)]
    payments: Vec<PaymentRow<'a>>,
    #[serde(default, borrow)]
    credits: Vec<CreditRow<'a>>,
    #[serde(default)]
    allocation: Allocation,
}

/// `paymentBehaviour({ asOf, invoices, payments?, credits?, allocation? })` → a
/// [`ledger::BehaviourReport`] as JSON.
///
/// # Errors
/// As for [`aging`].
///
/// ```
/// let out = arrears::api::payment_behaviour(r#"{"asOf": "2024-03-01", "invoices": [
///   {"id": "A", "customerId": "acme", "issueDate": "2024-01-01", "dueDate": "2024-01-31", "amount": "100", "currency": "EUR"}],
///   "payments": [{"id": "P", "customerId": "acme", "date": "2024-02-05", "amount": "100", "currency": "EUR"}]}"#)?;
/// assert!(out.contains(r#""averageDaysLate":"5.00""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn payment_behaviour(json: &str) -> Result<String> {
    crate::api::run(json, |req: BehaviourRequest| {
        let book = book(req.invoices, req.payments, req.credits)?;
        ledger::payment_behaviour(&book, req.as_of, req.allocation)
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct MetricsRequest<'a> {
    #[serde(deserialize_with = "text::date")]
    as_of: NaiveDate,
    period_days: i64,
    #[serde(borrow)]
    invoices: Vec<InvoiceRow<'a>>,
    #[serde(default, borrow)]
    payments: Vec<PaymentRow<'a>>,
    #[serde(default, borrow)]
    credits: Vec<CreditRow<'a>>,
    #[serde(default)]
    allocation: Allocation,
}

/// `metrics({ asOf, periodDays, invoices, payments?, credits?, allocation? })` → a
/// [`ledger::MetricsReport`] as JSON.
///
/// # Errors
/// As for [`aging`], and `out_of_range` at `periodDays`.
///
/// ```
/// let out = arrears::api::metrics(r#"{"asOf": "2024-03-31", "periodDays": 31, "invoices": [
///   {"id": "A", "customerId": "acme", "issueDate": "2024-03-01", "dueDate": "2024-04-30", "amount": "300", "currency": "EUR"}]}"#)?;
/// assert!(out.contains(r#""dso":"31.00""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn metrics(json: &str) -> Result<String> {
    crate::api::run(json, |req: MetricsRequest| {
        let book = book(req.invoices, req.payments, req.credits)?;
        ledger::metrics(&book, req.as_of, req.period_days, req.allocation)
    })
}

/// Builds a checked [`Book`] from decoded rows, with paths in the caller's words; ids stay
/// borrowed from the JSON text where they had no escapes.
fn book<'a>(
    invoices: Vec<InvoiceRow<'a>>,
    payments: Vec<PaymentRow<'a>>,
    credits: Vec<CreditRow<'a>>,
) -> Result<Book<Cow<'a, str>>> {
    let mut accounts = Accounts::default();
    let mut records = Vec::with_capacity(invoices.len());
    let mut parsed_terms = HashMap::new();
    for (i, row) in invoices.into_iter().enumerate() {
        let at = |field| at("invoices", i, field);
        ledger::records::check_id(&row.id).map_err(at("id"))?;
        let due_date = match (row.due_date, &row.terms) {
            (Some(due), None) => due,
            (None, Some(terms)) => due_from_terms(terms, row.issue_date, &mut parsed_terms)
                .map_err(|e| e.in_field("terms").in_index(i).in_field("invoices"))?,
            (None, None) => {
                return Err(Error::new(
                    ErrorCode::MissingField,
                    "'dueDate' or 'terms' is required",
                ))
                .map_err(at("dueDate"))
            }
            (Some(_), Some(_)) => {
                return Err(Error::new(
                    ErrorCode::InvalidInput,
                    "give 'dueDate' or 'terms', not both",
                ))
                .map_err(at("terms"))
            }
        };
        records.push(Invoice {
            due_date,
            account: accounts
                .intern(&row.customer_id, row.currency)
                .map_err(at("customerId"))?,
            amount: text_to_minor_units(&row.amount.0, row.currency).map_err(at("amount"))?,
            id: row.id,
            issue_date: row.issue_date,
            disputed: row.disputed,
        });
    }
    let mut requests_text: Vec<RequestRow<'a>> = Vec::new();
    let mut payment_records = Vec::with_capacity(payments.len());
    for (i, row) in payments.into_iter().enumerate() {
        for (j, applied) in row.applies_to.into_iter().enumerate() {
            let amount = text_to_minor_units(&applied.amount.0, row.currency)
                .map_err(|e| e.at(format!("payments[{i}].appliesTo[{j}].amount")))?;
            requests_text.push((ReceiptKind::Payment, i, Some(j), applied.invoice_id, amount));
        }
        let row = ReceiptRow {
            id: row.id,
            customer_id: row.customer_id,
            date: row.date,
            amount: row.amount,
            currency: row.currency,
        };
        payment_records.push(receipt(&mut accounts, row, "payments", i)?);
    }
    let mut credit_records = Vec::with_capacity(credits.len());
    for (i, row) in credits.into_iter().enumerate() {
        let invoice_id = row.invoice_id;
        let row = ReceiptRow {
            id: row.id,
            customer_id: row.customer_id,
            date: row.date,
            amount: row.amount,
            currency: row.currency,
        };
        let credit = receipt(&mut accounts, row, "credits", i)?;
        if let Some(invoice_id) = invoice_id {
            requests_text.push((ReceiptKind::Credit, i, None, invoice_id, credit.amount));
        }
        credit_records.push(credit);
    }
    let requests: Vec<ApplicationRequest<'_>> = requests_text
        .iter()
        .map(
            |(kind, receipt, position, invoice_id, amount)| ApplicationRequest {
                kind: *kind,
                receipt: *receipt,
                position: *position,
                invoice: InvoiceRef::Id(invoice_id),
                amount: *amount,
            },
        )
        .collect();
    Book::new(
        accounts,
        records,
        payment_records,
        credit_records,
        &requests,
    )
}

/// The due date from payment terms (the last installment's for installment terms), on
/// calendar days with no business-day adjustment. Text terms are parsed once per distinct text.
fn due_from_terms(
    terms: &TermsInput,
    issue: NaiveDate,
    parsed: &mut HashMap<String, Terms>,
) -> Result<NaiveDate> {
    let TermsInput::Text(text) = terms else {
        return terms
            .to_terms()?
            .due_date(issue, None, Convention::Unadjusted);
    };
    if !parsed.contains_key(text) {
        parsed.insert(text.clone(), terms.to_terms()?);
    }
    match parsed.get(text) {
        Some(terms) => terms.due_date(issue, None, Convention::Unadjusted),
        None => Err(Error::new(ErrorCode::Internal, "parsed terms went missing")),
    }
}

/// An [`ApplicationRequest`] whose invoice id is still held by the row it came from.
type RequestRow<'a> = (ReceiptKind, usize, Option<usize>, Cow<'a, str>, i64);

/// The fields payments and credits share.
struct ReceiptRow<'a> {
    id: Cow<'a, str>,
    customer_id: Cow<'a, str>,
    date: NaiveDate,
    amount: AmountText<'a>,
    currency: Currency,
}

/// One payment or credit row (`list[i]`) as a [`Receipt`].
fn receipt<'a>(
    accounts: &mut Accounts,
    row: ReceiptRow<'a>,
    list: &'static str,
    i: usize,
) -> Result<Receipt<Cow<'a, str>>> {
    ledger::records::check_id(&row.id).map_err(at(list, i, "id"))?;
    Ok(Receipt {
        account: accounts.intern(&row.customer_id, row.currency).map_err(at(
            list,
            i,
            "customerId",
        ))?,
        amount: text_to_minor_units(&row.amount.0, row.currency).map_err(at(list, i, "amount"))?,
        id: row.id,
        date: row.date,
    })
}

/// Puts an error at `list[i].field`.
fn at(list: &'static str, i: usize, field: &'static str) -> impl FnOnce(Error) -> Error {
    move |e| e.at(format!("{list}[{i}].{field}"))
}
