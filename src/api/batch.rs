//! `agingBatch` with its data handed over as it is: CSV texts, or typed columns, next to a
//! small JSON object of options. The JS package calls these, so a portfolio never crosses
//! the boundary as JSON.

use crate::error::Result;
use crate::ledger::batch::{columns, csv};
use crate::ledger::requests::{batch_report, BatchOptions};

/// `agingBatch` from CSV texts; `options_json` is `{ asOf, buckets?, basis? }`. Returns what
/// the registry's `agingBatch` returns. An empty payments or credits text means none.
///
/// # Errors
/// Those of the options, of [`csv::read`] and of the report.
///
/// ```
/// let invoices = "id,customerId,issueDate,dueDate,amount,currency\nA,acme,2024-01-01,2024-01-31,100,EUR\n";
/// let payments = "id,customerId,date,amount,currency,invoiceId\nP,acme,2024-02-01,30,EUR,\n";
/// let out = arrears::api::aging_batch_csv(r#"{"asOf": "2024-03-01"}"#, invoices, Some(payments), None)?;
/// assert!(out.contains(r#""total":"70.00""#));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn aging_batch_csv(
    options_json: &str,
    invoices_csv: &str,
    payments_csv: Option<&str>,
    credits_csv: Option<&str>,
) -> Result<String> {
    let options: BatchOptions = crate::json::from_str(options_json)?;
    let book = csv::read(invoices_csv, payments_csv, credits_csv)?;
    crate::json::to_string(&batch_report(&options, &book)?)
}

/// `agingBatch` from typed columns (see [`columns`] for their format); `options_json` is
/// `{ asOf, buckets?, basis? }`.
///
/// # Errors
/// Those of the options, of [`columns::read`] and of the report.
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
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn aging_batch_columns(options_json: &str, columns: &columns::Columns<'_>) -> Result<String> {
    let options: BatchOptions = crate::json::from_str(options_json)?;
    let book = columns::read(columns)?;
    crate::json::to_string(&batch_report(&options, &book)?)
}
