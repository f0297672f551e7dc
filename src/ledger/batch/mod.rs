//! Portfolio-scale front ends: a whole ledger from CSV text ([`csv`]) or from typed columns
//! ([`columns`]), read into a checked [`Book`] without a JSON object per row.
//!
//! Both hand their rows to [`Book::new`], so duplicate ids, unknown invoices and
//! over-application are checked exactly as for `aging`; its errors are moved to the batch
//! input's own words (`paymentsCsv:12:invoiceId`). [`aging_batch_csv`] and
//! [`aging_batch_columns`] are `agingBatch` on them, as the JS package calls it, so a portfolio
//! never crosses the boundary as JSON. They are here rather than in `api` so that the report
//! over a batch's book is compiled once, in the hot crate, for the JSON form and these two,
//! not again in the crate of `api` (DESIGN.md, "Size").
//!
//! ```
//! let book = arrears::ledger::batch::csv::read(
//!     "id,customerId,issueDate,dueDate,amount,currency\nA,acme,2024-01-01,2024-01-31,100,EUR\n",
//!     None,
//!     None,
//! )?;
//! assert_eq!(book.invoices[0].amount, 100_00);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod columns;
pub mod csv;

use crate::error::{Error, Result, Segment};
use crate::ledger::records::FastMap;
use crate::ledger::requests::{batch_report, BatchOptions};
use crate::ledger::{
    Accounts, ApplicationRequest, Book, Invoice, InvoiceRef, Receipt, ReceiptKind,
};
use crate::money::Currency;
use std::borrow::Cow;

/// `agingBatch` from CSV texts; `options_json` is `{ asOf, buckets?, basis? }`. Returns what
/// the registry's `agingBatch` returns. An empty payments or credits text means none.
///
/// # Errors
/// Those of the options, of [`csv::read`] and of the report.
///
/// ```
/// let invoices = "id,customerId,issueDate,dueDate,amount,currency\nA,acme,2024-01-01,2024-01-31,100,EUR\n";
/// let payments = "id,customerId,date,amount,currency,invoiceId\nP,acme,2024-02-01,30,EUR,\n";
/// let out = arrears::ledger::batch::aging_batch_csv(r#"{"asOf": "2024-03-01"}"#, invoices, Some(payments), None)?;
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
/// let out = arrears::ledger::batch::aging_batch_columns(r#"{"asOf": "2024-03-01"}"#, &columns)?;
/// assert!(out.contains(r#""total":"100.00""#));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn aging_batch_columns(options_json: &str, columns: &columns::Columns<'_>) -> Result<String> {
    let options: BatchOptions = crate::json::from_str(options_json)?;
    let book = columns::read(columns)?;
    crate::json::to_string(&batch_report(&options, &book)?)
}

/// Rows read so far, before the cross-row checks of [`Book::new`].
#[derive(Default)]
struct Rows<'a> {
    accounts: Accounts,
    invoices: Vec<Invoice<Cow<'a, str>>>,
    payments: Vec<Receipt<Cow<'a, str>>>,
    credits: Vec<Receipt<Cow<'a, str>>>,
    /// Applications named by a receipt's `invoiceId` or `invoice`: kind, receipt index, and
    /// the invoice's id or index.
    named: Vec<(ReceiptKind, usize, Named<'a>)>,
}

impl<'a> Rows<'a> {
    /// The account of `customer_id` in `currency`, looked up in `cache` first: a customer
    /// appears on many rows, and [`Accounts::intern`] copies the id.
    ///
    /// # Errors
    /// Those of [`Accounts::intern`].
    #[allow(clippy::ptr_arg)] // the Cow tells whether the id lives as long as the input
    fn account(
        &mut self,
        cache: &mut AccountCache<'a>,
        customer_id: &Cow<'a, str>,
        currency: Currency,
    ) -> Result<u32> {
        let Cow::Borrowed(customer_id) = *customer_id else {
            return self.accounts.intern(customer_id, currency);
        };
        if let Some(&account) = cache.get(&(customer_id, currency)) {
            return Ok(account);
        }
        let account = self.accounts.intern(customer_id, currency)?;
        cache.insert((customer_id, currency), account);
        Ok(account)
    }

    /// Checks the rows across each other into a [`Book`]; `relocate` moves an error's path
    /// from `payments[3].appliesTo[0].invoiceId` to the caller's words.
    fn into_book(self, relocate: impl Fn(Error) -> Error) -> Result<Book<Cow<'a, str>>> {
        let mut requests = Vec::with_capacity(self.named.len());
        for (kind, receipt, named) in &self.named {
            let receipts = match kind {
                ReceiptKind::Payment => &self.payments,
                ReceiptKind::Credit => &self.credits,
            };
            if let Some(r) = receipts.get(*receipt) {
                requests.push(ApplicationRequest {
                    kind: *kind,
                    receipt: *receipt,
                    position: (*kind == ReceiptKind::Payment).then_some(0),
                    invoice: match named {
                        Named::Id(id) => InvoiceRef::Id(id),
                        Named::Index(index) => InvoiceRef::Index(*index),
                    },
                    amount: r.amount,
                });
            }
        }
        Book::new(
            self.accounts,
            self.invoices,
            self.payments,
            self.credits,
            &requests,
        )
        .map_err(relocate)
    }
}

/// The invoice a row names: by id (CSV; owned when the field held an escaped quote) or by
/// index (columns).
enum Named<'a> {
    Id(Cow<'a, str>),
    Index(u32),
}

/// Accounts already interned, by customer id and currency.
type AccountCache<'a> = FastMap<(&'a str, Currency), u32>;

/// Splits a [`Book::new`] path such as `payments[3].appliesTo[0].amount` into the list,
/// the record index and the last field (`("payments", 3, "amount")`).
fn split_path(path: &[Segment]) -> Option<(&str, usize, &str)> {
    match path {
        [Segment::Field(list), Segment::Index(index), .., Segment::Field(field)] => {
            Some((list, *index, field))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_book_paths() {
        let split = |text: &str| {
            let path = crate::error::Path::parse(text);
            split_path(path.segments()).map(|(l, i, f)| (l.to_owned(), i, f.to_owned()))
        };
        assert_eq!(
            split("payments[3].appliesTo[0].invoiceId"),
            Some(("payments".into(), 3, "invoiceId".into()))
        );
        assert_eq!(
            split("invoices[12].id"),
            Some(("invoices".into(), 12, "id".into()))
        );
        assert_eq!(split("invoices"), None);
    }
}
