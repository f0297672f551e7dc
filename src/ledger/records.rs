//! The records of a receivables ledger, checked and indexed: a [`Book`].
//!
//! Every front end (the JSON entry points, a CSV or columnar batch reader) turns its rows into
//! these plain structs and hands them to [`Book::new`], which checks what no single row can
//! (duplicate ids, applications to unknown invoices, over-application) and resolves
//! invoice ids to indexes. Amounts are whole minor units of their currency (`i64` cents),
//! so allocation and sums are exact integer arithmetic.

use super::ids::IdIndex;
use crate::error::{Error, ErrorCode, Result};
use crate::limits::{MAX_AMOUNT_CHARS, MAX_ID_BYTES, MAX_RECORDS};
use crate::money::{parse_amount, Checked, Currency};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// A hash map with foldhash's fixed-seed hasher: several times faster than the default
/// SipHash on short ids, and deterministic. It does not resist keys built to collide; the
/// keys are the caller's own ids in a pure computation over the caller's own data, so the
/// worst a crafted input can do is slow down its own call. The only hasher in the wasm: one
/// copy of the map's code per key and value type, and no SipHash or random seed.
///
/// ```
/// let mut ids = arrears::ledger::records::FastMap::default();
/// ids.insert("INV-1", 0u32);
/// assert_eq!(ids.get("INV-1"), Some(&0));
/// ```
#[doc(hidden)] // pub for arrears-cold
pub type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// The largest amount of one record, in minor units: 10^15 (10,000,000,000,000.00 in a
/// two-decimal currency). It keeps every sum and every pro-rata product inside `i128`.
pub const MAX_AMOUNT_MINOR_UNITS: i64 = 1_000_000_000_000_000;

/// Converts a positive `amount` to whole minor units of `currency` (`12.50` EUR is 1250).
///
/// # Errors
/// [`ErrorCode::InvalidAmount`] when it has more decimals than the currency's minor units
/// (`12.345` EUR, `10.5` JPY; trailing zeros are fine), [`ErrorCode::OutOfRange`] when it is
/// zero or negative, [`ErrorCode::LimitExceeded`] above [`MAX_AMOUNT_MINOR_UNITS`].
///
/// ```
/// use arrears::ledger::to_minor_units;
/// use rust_decimal::Decimal;
/// let eur = "EUR".parse()?;
/// assert_eq!(to_minor_units(Decimal::new(12_50, 2), eur)?, 1250);
/// assert_eq!(to_minor_units(Decimal::new(12_345, 3), eur).unwrap_err().code().as_str(), "invalid_amount");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_minor_units(amount: Decimal, currency: Currency) -> Result<i64> {
    let places = currency.minor_units();
    if amount <= Decimal::ZERO {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            format!("the amount must be more than zero, not {amount}"),
        ));
    }
    let normal = amount.normalize();
    if normal.scale() > places {
        return Err(Error::new(
            ErrorCode::InvalidAmount,
            format!("{amount} has more decimals than {currency} allows ({places})"),
        ));
    }
    let too_large = || {
        Error::new(
            ErrorCode::LimitExceeded,
            format!("an amount is at most {MAX_AMOUNT_MINOR_UNITS} minor units of its currency"),
        )
    };
    let factor = 10i128.pow(places - normal.scale());
    let minor = normal
        .mantissa()
        .checked_mul(factor)
        .ok_or_else(too_large)?;
    match i64::try_from(minor) {
        Ok(m) if m <= MAX_AMOUNT_MINOR_UNITS => Ok(m),
        _ => Err(too_large()),
    }
}

/// Converts plain decimal text (`"1234.50"`) to whole minor units of `currency`: the same
/// value and the same errors as [`to_minor_units`] of [`parse_amount`], without building a
/// `Decimal` for the usual forms (a batch reads a million of them).
///
/// # Errors
/// Those of [`parse_amount`] and [`to_minor_units`].
///
/// ```
/// use arrears::ledger::text_to_minor_units;
/// let eur = "EUR".parse()?;
/// assert_eq!(text_to_minor_units("12.5", eur)?, 1250);
/// assert_eq!(text_to_minor_units("12.500", eur)?, 1250);
/// assert_eq!(text_to_minor_units("12.345", eur).unwrap_err().code().as_str(), "invalid_amount");
/// assert_eq!(text_to_minor_units("0", eur).unwrap_err().code().as_str(), "out_of_range");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn text_to_minor_units(text: &str, currency: Currency) -> Result<i64> {
    match plain_minor_units(text, currency.minor_units()) {
        Some(minor) => Ok(minor),
        // Every error, and the rarer valid forms (trailing zeros past the minor units).
        None => to_minor_units(parse_amount(text)?, currency),
    }
}

/// Digits with at most `places` decimals after an optional `.`, more than zero and within
/// [`MAX_AMOUNT_MINOR_UNITS`], as minor units; `None` for anything else.
fn plain_minor_units(text: &str, places: u32) -> Option<i64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let dotted = whole.len() != text.len();
    if text.len() > MAX_AMOUNT_CHARS
        || whole.is_empty()
        || (dotted && fraction.is_empty())
        || fraction.len() > places as usize
    {
        return None;
    }
    // At most 18 digits with the padding fit in an i64 (below 10^18), so the digits add up
    // without overflow checks (an `i64` checked multiply is a 128-bit call in wasm32);
    // longer texts take the Decimal route and its errors.
    if whole.len() + places as usize > 18 {
        return None;
    }
    let mut minor: i64 = 0;
    for b in whole.bytes().chain(fraction.bytes()) {
        if !b.is_ascii_digit() {
            return None;
        }
        minor = minor.wrapping_mul(10).wrapping_add(i64::from(b - b'0'));
    }
    for _ in fraction.len()..places as usize {
        minor = minor.wrapping_mul(10);
    }
    (minor > 0 && minor <= MAX_AMOUNT_MINOR_UNITS).then_some(minor)
}

/// `num / den × times` as an exact decimal, `None` when `den` is zero (or out of range).
#[inline]
pub(crate) fn ratio(num: i128, den: i128, times: i64) -> Option<Decimal> {
    let num = Decimal::try_from_i128_with_scale(num, 0).ok()?;
    let den = Decimal::try_from_i128_with_scale(den, 0).ok()?;
    num.mul_checked(Decimal::from(times))?.div_checked(den)
}

/// A ratio with two decimals (`52.98`), half away from zero.
pub(crate) fn two_places(value: Decimal) -> Decimal {
    let mut rounded =
        value.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    rounded
}

/// One customer's account in one currency: balances are kept per account, since
/// currencies are never added together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    /// The customer's id as given.
    pub customer_id: String,
    /// The account's currency.
    pub currency: Currency,
}

/// Interns customer ids and (customer, currency) accounts to small indexes while rows are read.
///
/// ```
/// let mut accounts = arrears::ledger::Accounts::default();
/// let a = accounts.intern("acme", "EUR".parse()?)?;
/// assert_eq!(accounts.intern("acme", "EUR".parse()?)?, a);
/// assert_ne!(accounts.intern("acme", "USD".parse()?)?, a);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Default)]
pub struct Accounts {
    customers: FastMap<String, u32>,
    index: FastMap<(u32, Currency), u32>,
    list: Vec<Account>,
}

impl Accounts {
    /// The index of the account of `customer_id` in `currency`, added if new.
    ///
    /// # Errors
    /// [`ErrorCode::LimitExceeded`] for a customer id over [`MAX_ID_BYTES`];
    /// the caller adds the path (`customerId`).
    ///
    /// ```
    /// let mut accounts = arrears::ledger::Accounts::default();
    /// assert_eq!(accounts.intern("acme", "EUR".parse()?)?, 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn intern(&mut self, customer_id: &str, currency: Currency) -> Result<u32> {
        check_id(customer_id)?;
        let next_customer = u32::try_from(self.customers.len()).map_err(|_| too_many())?;
        let customer = match self.customers.get(customer_id) {
            Some(&c) => c,
            None => {
                self.customers.insert(customer_id.to_owned(), next_customer);
                next_customer
            }
        };
        let next = u32::try_from(self.list.len()).map_err(|_| too_many())?;
        let index = *self.index.entry((customer, currency)).or_insert(next);
        if index == next {
            self.list.push(Account {
                customer_id: customer_id.to_owned(),
                currency,
            });
        }
        Ok(index)
    }
}

pub(crate) fn too_many() -> Error {
    Error::new(
        ErrorCode::LimitExceeded,
        format!("at most {MAX_RECORDS} records in one call"),
    )
}

/// Checks an id's length against [`MAX_ID_BYTES`].
///
/// # Errors
/// [`ErrorCode::LimitExceeded`] when longer; [`ErrorCode::OutOfRange`] when empty.
pub(crate) fn check_id(id: &str) -> Result<()> {
    if id.len() > MAX_ID_BYTES {
        return Err(Error::new(
            ErrorCode::LimitExceeded,
            format!("an id has at most {MAX_ID_BYTES} bytes"),
        ));
    }
    if id.is_empty() {
        return Err(Error::new(ErrorCode::OutOfRange, "an id must not be empty"));
    }
    Ok(())
}

/// An invoice: an amount owed by one account from its issue date, due on its due date.
///
/// `Id` is how the id is held: a `String` by default, or text borrowed from the input
/// (a batch reader borrows every id from the CSV text or the id column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invoice<Id = String> {
    /// The invoice id, unique among invoices.
    pub id: Id,
    /// Index into [`Book::accounts`].
    pub account: u32,
    /// The invoice date.
    pub issue_date: NaiveDate,
    /// The date payment is due (on or after the issue date).
    pub due_date: NaiveDate,
    /// The amount invoiced, in minor units, more than zero.
    pub amount: i64,
    /// Whether the customer disputes it.
    pub disputed: bool,
}

/// A payment or a credit (credit note, write-down): money that reduces what an account owes.
/// `Id` as for [`Invoice`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Receipt<Id = String> {
    /// The id, unique among the records of its kind.
    pub id: Id,
    /// Index into [`Book::accounts`].
    pub account: u32,
    /// The date it was received or issued.
    pub date: NaiveDate,
    /// The amount, in minor units, more than zero.
    pub amount: i64,
}

/// Whether a [`Receipt`] is a payment or a credit.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    crate::json::Encode,
    crate::json::Describe,
)]
pub enum ReceiptKind {
    /// Cash received.
    Payment,
    /// A credit note or write-down.
    Credit,
}

impl ReceiptKind {
    /// The JSON name: `payment` or `credit`.
    ///
    /// ```
    /// assert_eq!(arrears::ledger::ReceiptKind::Credit.as_str(), "credit");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ReceiptKind::Payment => "payment",
            ReceiptKind::Credit => "credit",
        }
    }

    fn list_name(self) -> &'static str {
        match self {
            ReceiptKind::Payment => "payments",
            ReceiptKind::Credit => "credits",
        }
    }
}

/// How a request names its invoice.
///
/// ```
/// use arrears::ledger::InvoiceRef;
/// assert_ne!(InvoiceRef::Id("INV-1"), InvoiceRef::Index(0));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InvoiceRef<'a> {
    /// By its id: a payment's `appliesTo[].invoiceId`, a CSV row's `invoiceId`.
    Id(&'a str),
    /// By its index in [`Book::invoices`]: a typed column's `invoice`, so nothing is looked up.
    Index(u32),
}

/// A request, as read from a row, to apply part of a receipt to a named invoice
/// (a payment's `appliesTo[position]`, or a credit's `invoiceId` for its whole amount).
#[derive(Clone, Copy, Debug)]
pub struct ApplicationRequest<'a> {
    /// Payment or credit.
    pub kind: ReceiptKind,
    /// Index of the receipt in its list.
    pub receipt: usize,
    /// Index in the payment's `appliesTo`; `None` for a credit's `invoiceId`.
    pub position: Option<usize>,
    /// The invoice it names.
    pub invoice: InvoiceRef<'a>,
    /// The amount to apply, in minor units, more than zero.
    pub amount: i64,
}

/// A checked application of part of a receipt to an invoice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Application {
    /// Payment or credit.
    pub kind: ReceiptKind,
    /// Index of the receipt in [`Book::payments`] or [`Book::credits`].
    pub receipt: u32,
    /// Index of the invoice in [`Book::invoices`].
    pub invoice: u32,
    /// The amount applied, in minor units.
    pub amount: i64,
}

/// A checked ledger: accounts, invoices, payments, credits and explicit applications.
/// `Id` as for [`Invoice`].
#[derive(Clone, Debug, Default)]
pub struct Book<Id = String> {
    /// Every (customer, currency) account, indexed by the records' `account`.
    pub accounts: Vec<Account>,
    /// The invoices, in input order.
    pub invoices: Vec<Invoice<Id>>,
    /// The payments, in input order.
    pub payments: Vec<Receipt<Id>>,
    /// The credits, in input order.
    pub credits: Vec<Receipt<Id>>,
    /// The explicit applications, in input order.
    pub applications: Vec<Application>,
}

impl<Id> Book<Id> {
    /// The indexes of the accounts ordered by customer id, then currency: the order in which
    /// every per-customer report lists its rows.
    pub(crate) fn accounts_by_customer(&self) -> Vec<usize> {
        let key = |i: usize| {
            self.accounts
                .get(i)
                .map(|a| (a.customer_id.as_str(), a.currency))
        };
        crate::order::order_by(self.accounts.len(), &|a, b| key(a).cmp(&key(b)))
    }

    /// Whether each account has a record dated on or before `as_of`: an account seen only in
    /// later records makes no row in a report and counts toward no currency.
    pub(crate) fn active_accounts(&self, as_of: NaiveDate) -> Result<Vec<bool>> {
        let mut active = vec![false; self.accounts.len()];
        let invoices = self.invoices.iter().map(|i| (i.account, i.issue_date));
        let receipts = self
            .payments
            .iter()
            .chain(&self.credits)
            .map(|r| (r.account, r.date));
        for (account, date) in invoices.chain(receipts) {
            if date <= as_of {
                *crate::error::slot(&mut active, account as usize)? = true;
            }
        }
        Ok(active)
    }

    /// The currencies of the `active` accounts (as [`Book::active_accounts`] gives them),
    /// sorted, each once.
    pub(crate) fn active_currencies(&self, active: &[bool]) -> Vec<Currency> {
        let mut currencies: Vec<Currency> = self
            .accounts
            .iter()
            .zip(active)
            .filter(|(_, active)| **active)
            .map(|(a, _)| a.currency)
            .collect();
        crate::order::sort_dedup(&mut currencies);
        currencies
    }

    /// The `active` accounts in report order ([`Book::accounts_by_customer`]), each with its
    /// entry of `per_account` (indexed as the accounts are): the rows of a per-customer report.
    pub(crate) fn report_rows<'s, T>(
        &'s self,
        active: &'s [bool],
        per_account: &'s [T],
    ) -> impl Iterator<Item = Result<(&'s Account, &'s T)>> + 's {
        self.accounts_by_customer()
            .into_iter()
            .filter(|&i| active.get(i).copied().unwrap_or(true))
            .map(|i| match (self.accounts.get(i), per_account.get(i)) {
                (Some(account), Some(entry)) => Ok((account, entry)),
                _ => Err(crate::error::internal("no such account")),
            })
    }
}

impl<Id: AsRef<str>> Book<Id> {
    /// Checks the records and resolves the applications into a [`Book`].
    ///
    /// # Errors
    /// With a path in the JSON entry point's words (`invoices[5].id`):
    /// [`ErrorCode::LimitExceeded`] over [`MAX_RECORDS`]; [`ErrorCode::DuplicateId`] for an id
    /// seen before in the same list; [`ErrorCode::OutOfRange`] for a due date before the issue
    /// date; [`ErrorCode::UnknownInvoice`] for an application to an invoice not in the input;
    /// [`ErrorCode::CurrencyMismatch`] or [`ErrorCode::OutOfRange`] (wrong customer) when the
    /// invoice is in another account; [`ErrorCode::OverApplied`] when the applications exceed
    /// the invoice's amount or the receipt's.
    ///
    /// ```
    /// use arrears::ledger::{Accounts, Book, Invoice};
    /// let mut accounts = Accounts::default();
    /// let account = accounts.intern("acme", "EUR".parse()?)?;
    /// let day = arrears::dates::parse_date("2024-01-31")?;
    /// let invoice = Invoice { id: "A", account, issue_date: day, due_date: day, amount: 100, disputed: false };
    /// let book = Book::new(accounts, vec![invoice.clone(), invoice], vec![], vec![], &[]);
    /// assert_eq!(book.unwrap_err().path(), "invoices[1].id");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        accounts: Accounts,
        invoices: Vec<Invoice<Id>>,
        payments: Vec<Receipt<Id>>,
        credits: Vec<Receipt<Id>>,
        requests: &[ApplicationRequest<'_>],
    ) -> Result<Book<Id>> {
        let records = invoices.len() + payments.len() + credits.len();
        if records > MAX_RECORDS {
            return Err(too_many());
        }
        for (i, invoice) in invoices.iter().enumerate() {
            if invoice.due_date < invoice.issue_date {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    format!(
                        "the due date {} is before the issue date {}",
                        invoice.due_date, invoice.issue_date
                    ),
                )
                .at(format!("invoices[{i}].dueDate")));
            }
        }
        let mut book = Book {
            accounts: accounts.list,
            invoices,
            payments,
            credits,
            applications: Vec::new(),
        };
        let by_id = IdIndex::unique(&book.invoices, "invoices")?;
        IdIndex::unique(&book.payments, "payments")?;
        IdIndex::unique(&book.credits, "credits")?;
        let mut applications = Vec::with_capacity(requests.len());
        let mut invoice_applied = vec![0i64; book.invoices.len()];
        let mut payment_applied = vec![0i64; book.payments.len()];
        for request in requests {
            let application = book.resolve(request, &by_id)?;
            let over = |what: String| {
                Error::new(ErrorCode::OverApplied, what).at(request_path(request, "amount"))
            };
            // A credit's `invoiceId` applies its own amount: only payments can exceed theirs.
            if let (ReceiptKind::Payment, Some(used), Some(payment)) = (
                request.kind,
                payment_applied.get_mut(request.receipt),
                book.payments.get(request.receipt),
            ) {
                *used = used.saturating_add(request.amount);
                if *used > payment.amount {
                    return Err(over(format!(
                        "payment {} applies more than its amount",
                        payment.id.as_ref()
                    )));
                }
            }
            let invoice = application.invoice as usize;
            if let (Some(applied), Some(target)) =
                (invoice_applied.get_mut(invoice), book.invoices.get(invoice))
            {
                *applied = applied.saturating_add(request.amount);
                if *applied > target.amount {
                    return Err(over(format!(
                        "payments and credits apply more than the amount of invoice {}",
                        target.id.as_ref()
                    )));
                }
            }
            applications.push(application);
        }
        drop(by_id);
        book.applications = applications;
        Ok(book)
    }

    /// Resolves one request against the invoices, checking the account matches.
    fn resolve(&self, request: &ApplicationRequest<'_>, by_id: &IdIndex) -> Result<Application> {
        let path = |field| request_path(request, field);
        let receipts = match request.kind {
            ReceiptKind::Payment => &self.payments,
            ReceiptKind::Credit => &self.credits,
        };
        let (Some(receipt), Ok(receipt_index)) = (
            receipts.get(request.receipt),
            u32::try_from(request.receipt),
        ) else {
            return Err(Error::new(
                ErrorCode::Internal,
                "an application names a receipt that is not there",
            ));
        };
        let index = match request.invoice {
            InvoiceRef::Id(id) => by_id.find(&self.invoices, id),
            InvoiceRef::Index(index) => Some(index),
        };
        let found = index.and_then(|i| Some((i, self.invoices.get(i as usize)?)));
        let Some((invoice_index, invoice)) = found else {
            let named = match request.invoice {
                InvoiceRef::Id(id) => format!("'{}'", id.chars().take(40).collect::<String>()),
                InvoiceRef::Index(index) => format!("#{index}"),
            };
            return Err(Error::new(
                ErrorCode::UnknownInvoice,
                format!("there is no invoice {named} in the input"),
            )
            .at(path("invoiceId")));
        };
        if invoice.account != receipt.account {
            let (mine, theirs) = (
                self.accounts.get(receipt.account as usize),
                self.accounts.get(invoice.account as usize),
            );
            if let (Some(mine), Some(theirs)) = (mine, theirs) {
                let (code, message) = if mine.customer_id != theirs.customer_id {
                    (
                        ErrorCode::OutOfRange,
                        format!(
                            "invoice {} belongs to customer {}, not {}",
                            invoice.id.as_ref(),
                            theirs.customer_id,
                            mine.customer_id
                        ),
                    )
                } else {
                    (
                        ErrorCode::CurrencyMismatch,
                        format!(
                            "invoice {} is in {}, the {} in {}",
                            invoice.id.as_ref(),
                            theirs.currency,
                            request.kind.as_str(),
                            mine.currency
                        ),
                    )
                };
                return Err(Error::new(code, message).at(path("invoiceId")));
            }
        }
        Ok(Application {
            kind: request.kind,
            receipt: receipt_index,
            invoice: invoice_index,
            amount: request.amount,
        })
    }
}

/// `payments[2].appliesTo[0].invoiceId` or `credits[4].invoiceId`.
fn request_path(request: &ApplicationRequest<'_>, field: &str) -> String {
    let list = request.kind.list_name();
    match request.position {
        Some(p) => format!("{list}[{}].appliesTo[{p}].{field}", request.receipt),
        None if field == "amount" => format!("{list}[{}].amount", request.receipt),
        None => format!("{list}[{}].{field}", request.receipt),
    }
}

#[cfg(test)]
#[allow(clippy::inconsistent_digit_grouping)] // amounts in cents: 100_00 is 100.00
mod tests {
    use super::*;

    #[test]
    fn minor_units_follow_the_currency() -> Result<()> {
        let jpy: Currency = "JPY".parse()?;
        let bhd: Currency = "BHD".parse()?;
        assert_eq!(to_minor_units(Decimal::new(1000, 0), jpy)?, 1000);
        assert_eq!(to_minor_units(Decimal::new(10000, 1), jpy)?, 1000); // "1000.0"
        assert_eq!(to_minor_units(Decimal::new(1, 3), bhd)?, 1);
        let code = |d| to_minor_units(d, jpy).map_err(|e| e.code());
        assert_eq!(code(Decimal::new(105, 1)), Err(ErrorCode::InvalidAmount));
        assert_eq!(code(Decimal::ZERO), Err(ErrorCode::OutOfRange));
        assert_eq!(code(Decimal::new(-1, 0)), Err(ErrorCode::OutOfRange));
        assert_eq!(
            code(Decimal::new(MAX_AMOUNT_MINOR_UNITS + 1, 0)),
            Err(ErrorCode::LimitExceeded)
        );
        Ok(())
    }

    #[test]
    fn amount_text_gives_what_decimal_gives() -> Result<()> {
        let eur: Currency = "EUR".parse()?;
        let jpy: Currency = "JPY".parse()?;
        // Each text against the Decimal route it short-cuts: value or error code alike.
        let texts = [
            "12.50",
            "12.5",
            "12",
            "007",
            "0.01",
            "12.500",
            "12.",
            ".5",
            "1.2.3",
            "-5",
            "+5",
            "0",
            "0.00",
            "12.345",
            "1e3",
            " 1",
            "",
            "1000000000000000",
            "999999999999999999",
            "1000000000000000000",
            "10000000000000.00",
            "10000000000000.01",
            "99999999999999999999999",
            "١٢",
        ];
        for text in texts {
            for currency in [eur, jpy] {
                let fast = text_to_minor_units(text, currency).map_err(|e| e.code());
                let slow = parse_amount(text)
                    .and_then(|d| to_minor_units(d, currency))
                    .map_err(|e| e.code());
                assert_eq!(fast, slow, "{text} {currency}");
            }
        }
        assert_eq!(text_to_minor_units("12.5", eur)?, 1250);
        assert_eq!(text_to_minor_units("1000", jpy)?, 1000);
        Ok(())
    }
}
