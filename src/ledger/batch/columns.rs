//! A ledger from typed columns: what crosses from JS to wasm as a few buffers instead of a
//! million objects (in JS, `Int32Array`, `BigInt64Array`, `Uint32Array`, `Uint8Array` and one
//! string per id column).
//!
//! - Text columns (`id`, and the `customers` and `currencies` dictionaries) are one text
//!   with the values joined by `\n`; so no value may hold a line break. An empty text is no
//!   values.
//! - `customer` and `currency` are indexes into the `customers` and `currencies` dictionaries.
//! - Dates are days since 1970-01-01 (`Date.parse("2024-01-31") / 86400000` in JS).
//! - Amounts are whole minor units of the record's currency (cents for EUR, yen for JPY) as
//!   `i64` (a `BigInt64Array` in JS): money is never a float. More than zero and at most
//!   [`MAX_AMOUNT_MINOR_UNITS`](crate::ledger::MAX_AMOUNT_MINOR_UNITS).
//! - A payment's or credit's `invoice` is the index of the invoice it names, `-1` for none;
//!   it is applied to that invoice for its whole amount.
//! - `disputed` is one byte per invoice (non-zero for disputed), or empty for none disputed.
//!
//! Errors name the record and the column in the words of `aging` (`invoices[5].dueDate`),
//! or the column alone when its length differs from the number of ids (`invoices.dueDate`).

use super::{split_path, Named, Rows};
use crate::dates::check_range;
use crate::error::{Error, ErrorCode, Result, Segment};
use crate::ledger::records::check_id;
use crate::ledger::{Book, Invoice, Receipt, ReceiptKind, MAX_AMOUNT_MINOR_UNITS};
use crate::limits::MAX_RECORDS;
use crate::money::Currency;
use chrono::NaiveDate;
use std::borrow::Cow;

/// A whole ledger as columns.
#[derive(Clone, Copy, Debug, Default)]
pub struct Columns<'a> {
    /// Customer ids joined by `\n`; records name them by index.
    pub customers: &'a str,
    /// ISO 4217 codes joined by `\n` (`"EUR\nUSD"`); records name them by index.
    pub currencies: &'a str,
    /// The invoices.
    pub invoices: InvoiceColumns<'a>,
    /// The payments (all columns empty for none).
    pub payments: ReceiptColumns<'a>,
    /// The credits (all columns empty for none).
    pub credits: ReceiptColumns<'a>,
}

/// Invoices as columns, one entry per invoice in each.
#[derive(Clone, Copy, Debug, Default)]
pub struct InvoiceColumns<'a> {
    /// Invoice ids joined by `\n`.
    pub id: &'a str,
    /// Index into [`Columns::customers`].
    pub customer: &'a [u32],
    /// Issue date, days since 1970-01-01.
    pub issue_date: &'a [i32],
    /// Due date, days since 1970-01-01.
    pub due_date: &'a [i32],
    /// Amount in whole minor units.
    pub amount_minor: &'a [i64],
    /// Index into [`Columns::currencies`].
    pub currency: &'a [u8],
    /// Non-zero for disputed; may be empty (none disputed).
    pub disputed: &'a [u8],
}

/// Payments or credits as columns, one entry per record in each.
#[derive(Clone, Copy, Debug, Default)]
pub struct ReceiptColumns<'a> {
    /// Ids joined by `\n`.
    pub id: &'a str,
    /// Index into [`Columns::customers`].
    pub customer: &'a [u32],
    /// Date, days since 1970-01-01.
    pub date: &'a [i32],
    /// Amount in whole minor units.
    pub amount_minor: &'a [i64],
    /// Index into [`Columns::currencies`].
    pub currency: &'a [u8],
    /// Index of the invoice it is applied to, `-1` for none.
    pub invoice: &'a [i32],
}

/// Days from 0001-01-01 (day 1 of the common era) to 1970-01-01.
const UNIX_EPOCH_FROM_CE: i32 = 719_163;

/// The most currencies in the dictionary: a currency index is one byte (`Uint8Array`).
///
/// ```
/// assert_eq!(arrears::ledger::batch::columns::MAX_CURRENCIES, 256);
/// ```
pub const MAX_CURRENCIES: usize = 256;

/// Reads a ledger from columns into a checked [`Book`].
///
/// # Errors
/// With the path of the record and column (`payments[3].amountMinor`):
/// [`ErrorCode::InvalidInput`] for a column whose length differs from its ids (path
/// `invoices.dueDate`), [`ErrorCode::OutOfRange`] for an index past its dictionary or a date
/// outside 1900-2199 or an amount of zero or less,
/// [`ErrorCode::UnknownCurrency`] for a bad code in `currencies` (path `currencies[1]`),
/// [`ErrorCode::LimitExceeded`] over [`MAX_RECORDS`] or at `currencies` over
/// [`MAX_CURRENCIES`], and the checks of [`Book::new`].
///
/// ```
/// use arrears::ledger::batch::columns::{read, Columns, InvoiceColumns};
/// let columns = Columns {
///     customers: "acme",
///     currencies: "EUR",
///     invoices: InvoiceColumns {
///         id: "A\nB",
///         customer: &[0, 0],
///         issue_date: &[19723, 19724], // 2024-01-01, 2024-01-02
///         due_date: &[19753, 19754],
///         amount_minor: &[100_00, 25_50],
///         currency: &[0, 0],
///         disputed: &[],
///     },
///     ..Columns::default()
/// };
/// let book = read(&columns)?;
/// assert_eq!(book.invoices[1].amount, 2550);
/// assert_eq!(book.invoices[0].due_date.to_string(), "2024-01-31");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read<'a>(columns: &Columns<'a>) -> Result<Book<Cow<'a, str>>> {
    let customers = split(columns.customers);
    let currencies = split(columns.currencies);
    if currencies.len() > MAX_CURRENCIES {
        let message =
            format!("at most {MAX_CURRENCIES} currencies: their indexes are a Uint8Array");
        return Err(Error::new(ErrorCode::LimitExceeded, message).at("currencies"));
    }
    let currencies = currencies
        .into_iter()
        .enumerate()
        .map(|(i, code)| {
            code.parse::<Currency>()
                .map_err(|e| e.at(crate::path!("currencies", i)))
        })
        .collect::<Result<Vec<Currency>>>()?;
    let dictionaries = Dictionaries {
        customers,
        currencies,
    };
    let mut rows = Rows::default();
    let mut accounts = AccountIndex::new(dictionaries.customers.len());
    read_invoices(&columns.invoices, &dictionaries, &mut accounts, &mut rows)?;
    for (kind, list) in [
        (ReceiptKind::Payment, &columns.payments),
        (ReceiptKind::Credit, &columns.credits),
    ] {
        read_receipts(list, kind, &dictionaries, &mut accounts, &mut rows)?;
    }
    rows.into_book(relocate)
}

/// `payments[3].appliesTo[0].invoiceId` becomes `payments[3].invoice`.
fn relocate(e: Error) -> Error {
    let applied = e
        .segments()
        .iter()
        .any(|s| *s == Segment::from("appliesTo"));
    let path = match split_path(e.segments()) {
        Some((list, index, "invoiceId")) => crate::path!(list, index, "invoice"),
        Some((list, index, _)) if applied => crate::path!(list, index, "amountMinor"),
        _ => return e,
    };
    e.at(path)
}

struct Dictionaries<'a> {
    customers: Vec<&'a str>,
    currencies: Vec<Currency>,
}

impl<'a> Dictionaries<'a> {
    fn customer(&self, index: u32) -> Result<&'a str> {
        self.customers
            .get(index as usize)
            .copied()
            .ok_or_else(|| past_end(index, "customers", self.customers.len()))
    }

    fn currency(&self, index: u8) -> Result<Currency> {
        self.currencies
            .get(usize::from(index))
            .copied()
            .ok_or_else(|| past_end(u32::from(index), "currencies", self.currencies.len()))
    }
}

/// Accounts already interned, by the dictionary indexes of customer and currency: rows
/// name them by index, so no customer id is hashed or compared per row. Each customer's
/// accounts are a short chain (one link per currency it uses), found without hashing.
struct AccountIndex {
    /// Per customer (dictionary index), its first link, or [`NO_LINK`].
    first: Vec<u32>,
    links: Vec<AccountLink>,
}

/// One account of a customer, and the next one of the same customer.
struct AccountLink {
    currency: u8,
    account: u32,
    next: u32,
}

/// The end of a chain.
const NO_LINK: u32 = u32::MAX;

impl AccountIndex {
    /// An index for a dictionary of `customers` customers, with no account yet.
    fn new(customers: usize) -> AccountIndex {
        AccountIndex {
            first: vec![NO_LINK; customers],
            links: Vec::new(),
        }
    }

    /// The account of customer `customer` in currency `currency` (dictionary indexes).
    fn get(
        &mut self,
        rows: &mut Rows<'_>,
        dictionaries: &Dictionaries<'_>,
        customer: u32,
        currency: u8,
    ) -> Result<u32> {
        let head = self
            .first
            .get(customer as usize)
            .copied()
            .unwrap_or(NO_LINK);
        let mut at = head;
        while let Some(link) = self.links.get(at as usize) {
            if link.currency == currency {
                return Ok(link.account);
            }
            at = link.next;
        }
        // A new account, at the head of its customer's chain; the dictionaries check both
        // indexes.
        let code = dictionaries.currency(currency)?;
        let account = rows
            .accounts
            .intern(dictionaries.customer(customer)?, code)?;
        if let Some(first) = self.first.get_mut(customer as usize) {
            *first = u32::try_from(self.links.len()).unwrap_or(NO_LINK);
        }
        self.links.push(AccountLink {
            currency,
            account,
            next: head,
        });
        Ok(account)
    }
}

fn past_end(index: u32, dictionary: &str, len: usize) -> Error {
    Error::new(
        ErrorCode::OutOfRange,
        format!("{index} is past the end of {dictionary} ({len} values)"),
    )
}

/// The values of a `\n`-joined text; none for an empty text.
fn split(text: &str) -> Vec<&str> {
    if text.is_empty() {
        return Vec::new();
    }
    // A byte loop: faster than `str::split` on values of a few bytes, most of all in wasm.
    let mut values = Vec::new();
    let mut start = 0;
    for (i, byte) in text.bytes().enumerate() {
        if byte == b'\n' {
            // A line break is one byte of UTF-8: both ends are character boundaries.
            values.push(text.get(start..i).unwrap_or_default());
            start = i + 1;
        }
    }
    values.push(text.get(start..).unwrap_or_default());
    values
}

/// Checks that every column of a list has one entry per id.
fn check_lengths(list: &str, ids: usize, columns: &[(&str, usize, bool)]) -> Result<()> {
    if ids > MAX_RECORDS {
        return Err(Error::new(
            ErrorCode::LimitExceeded,
            format!("at most {MAX_RECORDS} records in one call"),
        )
        .at(format!("{list}.id")));
    }
    for &(name, len, optional) in columns {
        if len != ids && !(optional && len == 0) {
            return Err(Error::new(
                ErrorCode::InvalidInput,
                format!("{name} has {len} entries for {ids} ids"),
            )
            .at(format!("{list}.{name}")));
        }
    }
    Ok(())
}

fn read_invoices<'a>(
    columns: &InvoiceColumns<'a>,
    dictionaries: &Dictionaries<'a>,
    accounts: &mut AccountIndex,
    rows: &mut Rows<'a>,
) -> Result<()> {
    let ids = split(columns.id);
    check_lengths(
        "invoices",
        ids.len(),
        &[
            ("customer", columns.customer.len(), false),
            ("issueDate", columns.issue_date.len(), false),
            ("dueDate", columns.due_date.len(), false),
            ("amountMinor", columns.amount_minor.len(), false),
            ("currency", columns.currency.len(), false),
            ("disputed", columns.disputed.len(), true),
        ],
    )?;
    rows.invoices.reserve(ids.len());
    for (i, (((((id, &customer), &issue), &due), &amount), &currency)) in ids
        .iter()
        .zip(columns.customer)
        .zip(columns.issue_date)
        .zip(columns.due_date)
        .zip(columns.amount_minor)
        .zip(columns.currency)
        .enumerate()
    {
        let at = |field: &'static str| move |e: Error| e.at(format!("invoices[{i}].{field}"));
        check_id(id).map_err(at("id"))?;
        dictionaries.currency(currency).map_err(at("currency"))?;
        let account = accounts
            .get(rows, dictionaries, customer, currency)
            .map_err(at("customer"))?;
        rows.invoices.push(Invoice {
            id: Cow::Borrowed(*id),
            account,
            issue_date: date(issue).map_err(at("issueDate"))?,
            due_date: date(due).map_err(at("dueDate"))?,
            amount: minor_units(amount).map_err(at("amountMinor"))?,
            disputed: columns.disputed.get(i).is_some_and(|&d| d != 0),
        });
    }
    Ok(())
}

fn read_receipts<'a>(
    columns: &ReceiptColumns<'a>,
    kind: ReceiptKind,
    dictionaries: &Dictionaries<'a>,
    accounts: &mut AccountIndex,
    rows: &mut Rows<'a>,
) -> Result<()> {
    let list = match kind {
        ReceiptKind::Payment => "payments",
        ReceiptKind::Credit => "credits",
    };
    let invoice_count = rows.invoices.len();
    let ids = split(columns.id);
    check_lengths(
        list,
        ids.len(),
        &[
            ("customer", columns.customer.len(), false),
            ("date", columns.date.len(), false),
            ("amountMinor", columns.amount_minor.len(), false),
            ("currency", columns.currency.len(), false),
            ("invoice", columns.invoice.len(), false),
        ],
    )?;
    for (i, (((((id, &customer), &day), &amount), &currency), &invoice)) in ids
        .iter()
        .zip(columns.customer)
        .zip(columns.date)
        .zip(columns.amount_minor)
        .zip(columns.currency)
        .zip(columns.invoice)
        .enumerate()
    {
        let at = |field: &'static str| move |e: Error| e.at(format!("{list}[{i}].{field}"));
        check_id(id).map_err(at("id"))?;
        dictionaries.currency(currency).map_err(at("currency"))?;
        let receipt = Receipt {
            id: Cow::Borrowed(*id),
            account: accounts
                .get(rows, dictionaries, customer, currency)
                .map_err(at("customer"))?,
            date: date(day).map_err(at("date"))?,
            amount: minor_units(amount).map_err(at("amountMinor"))?,
        };
        let receipts = match kind {
            ReceiptKind::Payment => &mut rows.payments,
            ReceiptKind::Credit => &mut rows.credits,
        };
        let index = receipts.len();
        receipts.push(receipt);
        if invoice != -1 {
            let named = u32::try_from(invoice)
                .ok()
                .filter(|&n| (n as usize) < invoice_count)
                .ok_or_else(|| {
                    Error::new(
                        ErrorCode::UnknownInvoice,
                        format!("{invoice} is not the index of an invoice (nor -1 for none)"),
                    )
                    .at(format!("{list}[{i}].invoice"))
                })?;
            rows.named.push((kind, index, Named::Index(named)));
        }
    }
    Ok(())
}

/// Days since 1970-01-01 as a date in the supported range.
#[inline]
fn date(days: i32) -> Result<NaiveDate> {
    let date = days
        .checked_add(UNIX_EPOCH_FROM_CE)
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .ok_or_else(|| {
            Error::new(
                ErrorCode::OutOfRange,
                format!("{days} days from 1970-01-01 is not a supported date"),
            )
        })?;
    check_range(date)
}

/// An amount of minor units, more than zero and at most [`MAX_AMOUNT_MINOR_UNITS`].
#[inline]
fn minor_units(amount: i64) -> Result<i64> {
    if amount <= 0 {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            format!("the amount must be more than zero, not {amount}"),
        ));
    }
    if amount > MAX_AMOUNT_MINOR_UNITS {
        return Err(Error::new(
            ErrorCode::LimitExceeded,
            format!("an amount is at most {MAX_AMOUNT_MINOR_UNITS} minor units of its currency"),
        ));
    }
    Ok(amount)
}

#[cfg(test)]
#[allow(clippy::inconsistent_digit_grouping)] // amounts in cents: 100_00 is 100.00
mod tests {
    use super::*;

    fn one_invoice<'a>(customer: &'a [u32], due: &'a [i32], amount: &'a [i64]) -> Columns<'a> {
        Columns {
            customers: "acme",
            currencies: "EUR",
            invoices: InvoiceColumns {
                id: "A",
                customer,
                issue_date: &[19723],
                due_date: due,
                amount_minor: amount,
                currency: &[0],
                disputed: &[],
            },
            ..Columns::default()
        }
    }

    fn error(columns: &Columns<'_>) -> (String, String) {
        match read(columns) {
            Ok(_) => ("ok".into(), String::new()),
            Err(e) => (e.code().as_str().into(), e.path()),
        }
    }

    #[test]
    fn one_account_per_customer_and_currency_however_rows_alternate() -> Result<()> {
        // acme bills EUR, USD, EUR, USD; beta EUR: three accounts.
        let columns = Columns {
            customers: "acme\nbeta",
            currencies: "EUR\nUSD",
            invoices: InvoiceColumns {
                id: "A\nB\nC\nD\nE",
                customer: &[0, 0, 0, 0, 1],
                issue_date: &[19723; 5],
                due_date: &[19753; 5],
                amount_minor: &[100_00, 50_00, 25_00, 5_00, 1_00],
                currency: &[0, 1, 0, 1, 0],
                disputed: &[],
            },
            ..Columns::default()
        };
        let book = read(&columns)?;
        let accounts: Vec<(&str, &str)> = book
            .invoices
            .iter()
            .filter_map(|i| book.accounts.get(i.account as usize))
            .map(|a| (a.customer_id.as_str(), a.currency.code()))
            .collect();
        let expected = [
            ("acme", "EUR"),
            ("acme", "USD"),
            ("acme", "EUR"),
            ("acme", "USD"),
            ("beta", "EUR"),
        ];
        assert_eq!(accounts, expected);
        assert_eq!(book.accounts.len(), 3);
        Ok(())
    }

    #[test]
    fn day_numbers_are_days_since_1970() -> Result<()> {
        // 1970-01-01 is day 0; 2000-03-01 is day 11017 (30 years of 365 days, 7 leap days
        // 1972-1996, then 31 + 29 days of 2000: 10950 + 7 + 60); 1900-01-01 is day -25567
        // (70 years of 365 days and 17 leap days 1904-1968: 25550 + 17).
        assert_eq!(date(0)?.to_string(), "1970-01-01");
        assert_eq!(date(11017)?.to_string(), "2000-03-01");
        assert_eq!(date(-25567)?.to_string(), "1900-01-01");
        assert_eq!(
            date(-25568).map_err(|e| e.code()),
            Err(ErrorCode::OutOfRange)
        );
        assert_eq!(
            date(i32::MAX).map_err(|e| e.code()),
            Err(ErrorCode::OutOfRange)
        );
        Ok(())
    }

    #[test]
    fn bad_values_name_record_and_column() {
        assert_eq!(
            error(&one_invoice(&[0], &[19753], &[100])),
            ("ok".into(), String::new())
        );
        assert_eq!(
            error(&one_invoice(&[1], &[19753], &[100])),
            ("out_of_range".into(), "invoices[0].customer".into())
        );
        assert_eq!(
            error(&one_invoice(&[0], &[19753], &[0])),
            ("out_of_range".into(), "invoices[0].amountMinor".into())
        );
        assert_eq!(
            error(&one_invoice(&[0], &[19753], &[MAX_AMOUNT_MINOR_UNITS + 1])),
            ("limit_exceeded".into(), "invoices[0].amountMinor".into())
        );
        assert_eq!(
            error(&one_invoice(&[0], &[19700], &[1])),
            ("out_of_range".into(), "invoices[0].dueDate".into())
        );
        assert_eq!(
            error(&one_invoice(&[0], &[19753, 1], &[1])),
            ("invalid_input".into(), "invoices.dueDate".into())
        );
        let mut bad_code = one_invoice(&[0], &[19753], &[1]);
        let codes: Vec<&str> = std::iter::repeat_n("EUR", MAX_CURRENCIES + 1).collect();
        let codes = codes.join("\n");
        let mut too_many = one_invoice(&[0], &[19753], &[1]);
        too_many.currencies = &codes;
        assert_eq!(
            error(&too_many),
            ("limit_exceeded".into(), "currencies".into())
        );
        bad_code.currencies = "EUR\nEURO";
        assert_eq!(
            error(&bad_code),
            ("unknown_currency".into(), "currencies[1]".into())
        );
    }

    #[test]
    fn payments_name_invoices_by_index() -> Result<()> {
        let mut columns = one_invoice(&[0], &[19753], &[100_00]);
        let payment = |invoice, amount| ReceiptColumns {
            id: "P",
            customer: &[0],
            date: &[19760],
            amount_minor: amount,
            currency: &[0],
            invoice,
        };
        columns.payments = payment(&[0], &[40_00]);
        let book = read(&columns)?;
        assert_eq!(
            (book.applications.len(), book.applications[0].amount),
            (1, 40_00)
        );
        columns.payments = payment(&[-1], &[40_00]);
        assert!(read(&columns)?.applications.is_empty());
        columns.payments = payment(&[1], &[40_00]);
        assert_eq!(
            error(&columns),
            ("unknown_invoice".into(), "payments[0].invoice".into())
        );
        columns.payments = payment(&[0], &[100_01]);
        assert_eq!(
            error(&columns),
            ("over_applied".into(), "payments[0].amountMinor".into())
        );
        Ok(())
    }
}
