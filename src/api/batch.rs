//! `agingBatch`: the aging of a whole portfolio from CSV text or typed columns.
//!
//! Three doors to the same computation: [`aging_batch`] takes one JSON object with the CSV
//! texts in it (simple, for Rust callers and fuzzers); [`aging_batch_csv`] and
//! [`aging_batch_columns`] take the options as a small JSON object and the data as they are,
//! so the JS bindings can hand over strings and typed arrays without JSON around them.

use crate::error::Result;
use crate::ledger::batch::{columns, csv};
use crate::ledger::{self, AgingOptions, AgingReport, Allocation, Basis, Book, Buckets, Part};
use chrono::NaiveDate;
use serde::Deserialize;

/// The options every form of `agingBatch` takes.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct BatchOptions {
    #[serde(deserialize_with = "crate::dates::serde_date::deserialize")]
    as_of: NaiveDate,
    #[serde(default)]
    buckets: Option<Vec<i64>>,
    #[serde(default)]
    basis: Basis,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct BatchCsvRequest {
    #[serde(deserialize_with = "crate::dates::serde_date::deserialize")]
    as_of: NaiveDate,
    #[serde(default)]
    buckets: Option<Vec<i64>>,
    #[serde(default)]
    basis: Basis,
    invoices_csv: String,
    #[serde(default)]
    payments_csv: Option<String>,
    #[serde(default)]
    credits_csv: Option<String>,
}

/// The parts `agingBatch` returns: the summary, the customers and the currencies.
const BATCH_PARTS: [Part; 3] = [Part::Buckets, Part::Customers, Part::Currencies];

/// `agingBatch({ asOf, invoicesCsv, paymentsCsv?, creditsCsv?, buckets?, basis? })` → the
/// report of `aging` with `include: ["buckets", "customers", "currencies"]`, as JSON.
///
/// Unapplied payments and credits are allocated oldest first. The CSV format and its errors
/// (`invoicesCsv:1042:dueDate`) are those of [`csv::read`].
///
/// # Errors
/// The decoding errors of [`crate::api::decode`], those of [`csv::read`], and those of
/// [`Buckets::new`].
///
/// ```
/// let out = arrears::api::aging_batch(r#"{"asOf": "2024-03-01", "invoicesCsv":
///   "id,customerId,issueDate,dueDate,amount,currency\nA,acme,2024-01-01,2024-01-31,100,EUR\n"}"#)?;
/// assert!(out.contains(r#""total":"100.00""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn aging_batch(json: &str) -> Result<String> {
    crate::api::run(json, |req: BatchCsvRequest| {
        let book = csv::read(
            &req.invoices_csv,
            req.payments_csv.as_deref(),
            req.credits_csv.as_deref(),
        )?;
        let options = BatchOptions {
            as_of: req.as_of,
            buckets: req.buckets,
            basis: req.basis,
        };
        report(&options, &book)
    })
}

/// `agingBatch` from CSV texts handed over as they are; `options_json` is
/// `{ asOf, buckets?, basis? }`. Returns the same JSON as [`aging_batch`].
///
/// # Errors
/// As [`aging_batch`].
///
/// ```
/// let invoices = "id,customerId,issueDate,dueDate,amount,currency\nA,acme,2024-01-01,2024-01-31,100,EUR\n";
/// let payments = "id,customerId,date,amount,currency,invoiceId\nP,acme,2024-02-01,30,EUR,\n";
/// let out = arrears::api::aging_batch_csv(r#"{"asOf": "2024-03-01"}"#, invoices, Some(payments), None)?;
/// assert!(out.contains(r#""total":"70.00""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn aging_batch_csv(
    options_json: &str,
    invoices_csv: &str,
    payments_csv: Option<&str>,
    credits_csv: Option<&str>,
) -> Result<String> {
    let options: BatchOptions = crate::api::decode(options_json)?;
    let book = csv::read(invoices_csv, payments_csv, credits_csv)?;
    crate::api::encode(&report(&options, &book)?)
}

/// `agingBatch` from typed columns (see [`columns`] for their format); `options_json` is
/// `{ asOf, buckets?, basis? }`. Returns the same JSON as [`aging_batch`].
///
/// # Errors
/// The decoding errors of the options, those of [`columns::read`] and of [`Buckets::new`].
///
/// ```
/// use arrears::ledger::batch::columns::{Columns, InvoiceColumns};
/// let columns = Columns {
///     customers: "acme",
///     currencies: "EUR",
///     invoices: InvoiceColumns {
///         id: "A",
///         customer: &[0],
///         issue_date: &[19723], // 2024-01-01
///         due_date: &[19753],   // 2024-01-31
///         amount_minor: &[10000],
///         currency: &[0],
///         disputed: &[],
///     },
///     ..Columns::default()
/// };
/// let out = arrears::api::aging_batch_columns(r#"{"asOf": "2024-03-01"}"#, &columns)?;
/// assert!(out.contains(r#""total":"100.00""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn aging_batch_columns(options_json: &str, columns: &columns::Columns<'_>) -> Result<String> {
    let options: BatchOptions = crate::api::decode(options_json)?;
    let book = columns::read(columns)?;
    crate::api::encode(&report(&options, &book)?)
}

fn report<Id: AsRef<str>>(options: &BatchOptions, book: &Book<Id>) -> Result<AgingReport> {
    let options = AgingOptions {
        as_of: options.as_of,
        buckets: Buckets::new(options.buckets.as_deref(), options.basis)?,
        allocation: Allocation::OldestFirst,
        include: BATCH_PARTS.to_vec(),
    };
    ledger::aging(book, &options)
}
