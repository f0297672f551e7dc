//! Aging: open amounts by how long they are past due (or outstanding), per currency,
//! per customer and per invoice.

use crate::error::{internal, slot};
use crate::error::{Error, ErrorCode, Result};
use crate::json::{Decode, Describe, Encode};
use crate::ledger::allocation::{allocate, Allocated, Allocation, Ignored};
use crate::ledger::records::{Book, Invoice, ReceiptKind};
use crate::limits::{MAX_BUCKETS, MAX_OUTPUT_BYTES};
use crate::money::{Currency, Money};
use chrono::{Datelike, NaiveDate};

/// What the age of an open invoice is counted from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Decode, Encode, Describe)]
pub enum Basis {
    /// Days past due: `asOf` minus the due date; zero or less is "Current".
    #[default]
    DueDate,
    /// Days outstanding: `asOf` minus the issue date.
    IssueDate,
}

/// The aging buckets: upper bounds in days (default 30, 60, 90, 120) on a [`Basis`].
///
/// On the due-date basis the buckets are "Current" (not yet past due, days ≤ 0), then
/// `1-30`, `31-60`, `61-90`, `91-120`, `over 120`. On the issue-date basis the first is `0-30`.
///
/// ```
/// use arrears::ledger::{Basis, Buckets};
/// let buckets = Buckets::new(None, Basis::DueDate)?;
/// assert_eq!(buckets.labels(), ["Current", "1-30", "31-60", "61-90", "91-120", "over 120"]);
/// assert_eq!(buckets.index(0), 0);
/// assert_eq!(buckets.index(31), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Buckets {
    bounds: Vec<i64>,
    basis: Basis,
}

/// The default bucket bounds, in days.
pub const DEFAULT_BUCKET_BOUNDS: [i64; 4] = [30, 60, 90, 120];

impl Buckets {
    /// Buckets with these upper bounds (`None` for the default 30, 60, 90, 120).
    ///
    /// # Errors
    /// [`ErrorCode::OutOfRange`] at `buckets[i]` unless the bounds are whole days, more than
    /// zero and strictly rising, and at `buckets` for no bounds at all;
    /// [`ErrorCode::LimitExceeded`] at `buckets` over [`MAX_BUCKETS`] bounds.
    ///
    /// ```
    /// use arrears::ledger::{Basis, Buckets};
    /// let buckets = Buckets::new(Some(&[45]), Basis::IssueDate)?;
    /// assert_eq!(buckets.labels(), ["0-45", "over 45"]);
    /// assert_eq!(Buckets::new(Some(&[60, 30]), Basis::DueDate).unwrap_err().path(), "buckets[1]");
    /// assert_eq!(Buckets::new(Some(&[]), Basis::DueDate).unwrap_err().code().as_str(), "out_of_range");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(bounds: Option<&[i64]>, basis: Basis) -> Result<Buckets> {
        let bounds = bounds.unwrap_or(&DEFAULT_BUCKET_BOUNDS);
        if bounds.is_empty() {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                "give at least one bucket bound, or leave 'buckets' out for 30, 60, 90 and 120",
            )
            .at("buckets"));
        }
        if bounds.len() > MAX_BUCKETS {
            return Err(Error::new(
                ErrorCode::LimitExceeded,
                format!("at most {MAX_BUCKETS} bucket bounds"),
            )
            .at("buckets"));
        }
        let mut previous = 0;
        for (i, &bound) in bounds.iter().enumerate() {
            if bound <= previous {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    format!("bucket bounds are days more than zero, each more than the one before; {bound} is not"),
                )
                .at(crate::path!("buckets", i)));
            }
            previous = bound;
        }
        Ok(Buckets {
            bounds: bounds.to_vec(),
            basis,
        })
    }

    /// The basis the buckets count from.
    ///
    /// ```
    /// let b = arrears::ledger::Buckets::new(None, arrears::ledger::Basis::IssueDate)?;
    /// assert_eq!(b.basis(), arrears::ledger::Basis::IssueDate);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn basis(&self) -> Basis {
        self.basis
    }

    /// How many buckets there are.
    ///
    /// ```
    /// let b = arrears::ledger::Buckets::new(None, arrears::ledger::Basis::DueDate)?;
    /// assert_eq!(b.len(), 6);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn len(&self) -> usize {
        match self.basis {
            Basis::DueDate => self.bounds.len() + 2,
            Basis::IssueDate => self.bounds.len() + 1,
        }
    }

    /// Never true: there is always at least one bucket.
    ///
    /// ```
    /// let b = arrears::ledger::Buckets::new(Some(&[30]), arrears::ledger::Basis::IssueDate)?;
    /// assert!(!b.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The bucket of an age in days on this basis.
    ///
    /// ```
    /// let b = arrears::ledger::Buckets::new(None, arrears::ledger::Basis::IssueDate)?;
    /// assert_eq!((b.index(0), b.index(30), b.index(31), b.index(500)), (0, 0, 1, 4));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn index(&self, days: i64) -> usize {
        let above = self.bounds.partition_point(|&b| b < days);
        match self.basis {
            Basis::DueDate if days <= 0 => 0,
            Basis::DueDate => above + 1,
            Basis::IssueDate => above,
        }
    }

    /// Each bucket's first and last day (`None` where open-ended), in order.
    ///
    /// ```
    /// let b = arrears::ledger::Buckets::new(Some(&[30]), arrears::ledger::Basis::DueDate)?;
    /// assert_eq!(b.ranges(), [(None, Some(0)), (Some(1), Some(30)), (Some(31), None)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ranges(&self) -> Vec<(Option<i64>, Option<i64>)> {
        let mut ranges = Vec::with_capacity(self.len());
        let mut from = match self.basis {
            Basis::DueDate => {
                ranges.push((None, Some(0)));
                1
            }
            Basis::IssueDate => 0,
        };
        for &bound in &self.bounds {
            ranges.push((Some(from), Some(bound)));
            from = bound + 1;
        }
        ranges.push((Some(from), None));
        ranges
    }

    /// Each bucket's label: `Current`, `1-30`, ..., `over 120`.
    ///
    /// ```
    /// let b = arrears::ledger::Buckets::new(Some(&[30]), arrears::ledger::Basis::IssueDate)?;
    /// assert_eq!(b.labels(), ["0-30", "over 30"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn labels(&self) -> Vec<String> {
        self.ranges()
            .into_iter()
            .map(|range| match range {
                (None, _) => "Current".to_owned(),
                (Some(from), Some(to)) => format!("{from}-{to}"),
                (Some(0), None) => "0 and over".to_owned(),
                (Some(from), None) => format!("over {}", from - 1),
            })
            .collect()
    }
}

/// Which parts of an aging report to compute and return.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub enum Part {
    /// The summary: total, disputed, unapplied amounts and buckets (per currency when
    /// there are several).
    Buckets,
    /// One row per customer and currency.
    Customers,
    /// The summary of each currency.
    Currencies,
    /// One row per invoice, with what was applied to it.
    Invoices,
}

/// What an aging report computes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgingOptions {
    /// The date the report is as of; later records are ignored.
    pub as_of: NaiveDate,
    /// The buckets and their basis.
    pub buckets: Buckets,
    /// How unapplied payments and credits are allocated.
    pub allocation: Allocation,
    /// The parts to return; the others are not computed.
    pub include: Vec<Part>,
}

/// One bucket's open amount.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct BucketTotal {
    /// `Current`, `1-30`, ...
    pub label: String,
    /// First day of the bucket (absent for Current: any day not yet past due).
    pub from: Option<i64>,
    /// Last day of the bucket (absent for the last one).
    pub to: Option<i64>,
    /// The open amount in it, disputed included.
    pub amount: Money,
    /// How many open invoices are in it.
    pub count: u64,
    /// The part of `amount` that is disputed.
    pub disputed: Money,
}

/// The totals of one currency.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct CurrencySummary {
    /// The currency.
    pub currency: Currency,
    /// Everything open: the sum of the buckets.
    pub total: Money,
    /// The part of `total` that is disputed.
    pub disputed: Money,
    /// Payments not applied to any invoice (cash on account).
    pub unapplied_cash: Money,
    /// Credits not applied to any invoice.
    pub unapplied_credits: Money,
    /// The buckets, in order.
    pub buckets: Vec<BucketTotal>,
}

/// One customer's aging in one currency.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct CustomerAging {
    /// The customer.
    pub customer_id: String,
    /// The currency of this row.
    pub currency: Currency,
    /// Everything open.
    pub total: Money,
    /// The part of `total` that is disputed.
    pub disputed: Money,
    /// Open amount per bucket, in the order of `bucketLabels`.
    pub buckets: Vec<Money>,
    /// Payments not applied to any invoice.
    pub unapplied_cash: Money,
    /// Credits not applied to any invoice.
    pub unapplied_credits: Money,
}

/// A payment or credit applied to an invoice.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct AppliedAmount {
    /// `payment` or `credit`.
    pub kind: ReceiptKind,
    /// The payment's or credit's id.
    pub id: String,
    /// Its date.
    pub date: NaiveDate,
    /// The amount applied to this invoice.
    pub amount: Money,
}

/// One invoice in an aging report.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct InvoiceAging {
    /// The invoice id.
    pub id: String,
    /// The customer.
    pub customer_id: String,
    /// The currency.
    pub currency: Currency,
    /// The amount invoiced.
    pub amount: Money,
    /// What is still open.
    pub open: Money,
    /// What payments paid on it.
    pub paid: Money,
    /// What credits took off it.
    pub credited: Money,
    /// `asOf` minus the due date (negative before the due date).
    pub days_past_due: i64,
    /// `asOf` minus the issue date.
    pub days_outstanding: i64,
    /// The bucket label, absent when nothing is open.
    pub bucket: Option<String>,
    /// Whether it is disputed.
    pub disputed: bool,
    /// What was applied to it, in the order it was applied.
    pub applied: Vec<AppliedAmount>,
}

/// An aging report. Amounts are decimal text with the currency's minor units.
///
/// The single-currency summary (`currency`, `total`, `disputed`, `unappliedCash`,
/// `unappliedCredits`, `buckets`) sits at the top level only when `buckets` is asked for and
/// the input has exactly one currency; with several, the summary is per currency in
/// `currencies` (returned then even if only `buckets` was asked for), never added up.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct AgingReport {
    /// The date of the report.
    pub as_of: NaiveDate,
    /// The basis of the buckets.
    pub basis: Basis,
    /// The allocation method used.
    pub allocation: Allocation,
    /// Records dated after `asOf`, left out.
    pub ignored: Ignored,
    /// The bucket labels, in order (the order of each customer's `buckets`).
    pub bucket_labels: Vec<String>,
    /// The summary of the one currency of the input.
    #[json(flatten)]
    pub summary: Option<CurrencySummary>,
    /// The summary of each currency, by currency code.
    pub currencies: Option<Vec<CurrencySummary>>,
    /// One row per customer and currency, by customer id then currency.
    pub customers: Option<Vec<CustomerAging>>,
    /// One row per invoice issued by `asOf`, in input order.
    pub invoices: Option<Vec<InvoiceAging>>,
}

/// Sums in minor units for one currency or one account.
#[derive(Clone, Debug, Default)]
struct Totals {
    amount: Vec<i128>,
    disputed: Vec<i128>,
    count: Vec<u64>,
    unapplied_cash: i128,
    unapplied_credits: i128,
}

impl Totals {
    fn new(buckets: usize) -> Totals {
        Totals {
            amount: vec![0; buckets],
            disputed: vec![0; buckets],
            count: vec![0; buckets],
            ..Totals::default()
        }
    }

    #[inline]
    fn add(&mut self, bucket: usize, open: i64, disputed: bool) -> Result<()> {
        // At most MAX_RECORDS amounts of at most 10^15: no i128 overflow.
        *slot(&mut self.amount, bucket)? += i128::from(open);
        *slot(&mut self.count, bucket)? += 1;
        if disputed {
            *slot(&mut self.disputed, bucket)? += i128::from(open);
        }
        Ok(())
    }

    /// Adds another's sums to these (with as many buckets).
    #[inline]
    fn merge(&mut self, other: &Totals) {
        for (a, b) in self.amount.iter_mut().zip(&other.amount) {
            *a += b;
        }
        for (a, b) in self.disputed.iter_mut().zip(&other.disputed) {
            *a += b;
        }
        for (a, b) in self.count.iter_mut().zip(&other.count) {
            *a += b;
        }
        self.unapplied_cash += other.unapplied_cash;
        self.unapplied_credits += other.unapplied_credits;
    }

    fn total(&self) -> i128 {
        self.amount.iter().sum()
    }
}

/// Ages `book` as of `options.as_of`.
///
/// # Errors
/// Only [`ErrorCode::Internal`] (see [`allocate`]).
///
/// ```
/// use arrears::ledger::{aging, Accounts, AgingOptions, Allocation, Basis, Book, Buckets, Invoice, Part};
/// let day = |s| arrears::dates::parse_date(s);
/// let mut accounts = Accounts::default();
/// let account = accounts.intern("acme", "EUR".parse()?)?;
/// let invoice = Invoice { id: "A", account, issue_date: day("2024-01-01")?, due_date: day("2024-01-31")?, amount: 100_00, disputed: false };
/// let book = Book::new(accounts, vec![invoice], vec![], vec![], &[])?;
/// let options = AgingOptions { as_of: day("2024-03-01")?, buckets: Buckets::new(None, Basis::DueDate)?, allocation: Allocation::OldestFirst, include: vec![Part::Buckets] };
/// let report = aging(&book, &options)?;
/// let summary = report.summary.ok_or("one currency")?;
/// assert_eq!(summary.total.to_string(), "100.00");
/// assert_eq!(summary.buckets[1].amount.to_string(), "100.00"); // 30 days past due: 1-30
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn aging<Id: AsRef<str>>(book: &Book<Id>, options: &AgingOptions) -> Result<AgingReport> {
    let wants = |part| options.include.contains(&part);
    let buckets = &options.buckets;
    let active = book.active_accounts(options.as_of)?;
    check_rows_fit(book, &active, options, buckets.ranges().len())?;
    let state = allocate(
        book,
        options.as_of,
        options.allocation,
        wants(Part::Invoices),
    )?;
    let currencies = book.active_currencies(&active);
    let slot_of_account = book
        .accounts
        .iter()
        .zip(&active)
        .map(|(a, active)| match active {
            true => currencies
                .binary_search(&a.currency)
                .map(Some)
                .map_err(|_| internal("an account's currency is not among the currencies")),
            false => Ok(None),
        })
        .collect::<Result<Vec<Option<usize>>>>()?;
    // Sums per account first (one addition per record), then per currency from those.
    let mut by_account = vec![Totals::new(buckets.len()); book.accounts.len()];
    let as_of = options.as_of.num_days_from_ce();
    for (invoice, &open) in book.invoices.iter().zip(&state.open) {
        if open <= 0 {
            continue;
        }
        let bucket = buckets.index(age(invoice, as_of, buckets.basis()));
        slot(&mut by_account, invoice.account as usize)?.add(bucket, open, invoice.disputed)?;
    }
    for (left, receipts, cash) in [
        (&state.unapplied_payments, &book.payments, true),
        (&state.unapplied_credits, &book.credits, false),
    ] {
        for (&amount, receipt) in left.iter().zip(receipts) {
            let totals = slot(&mut by_account, receipt.account as usize)?;
            if cash {
                totals.unapplied_cash += i128::from(amount);
            } else {
                totals.unapplied_credits += i128::from(amount);
            }
        }
    }
    let mut by_currency = vec![Totals::new(buckets.len()); currencies.len()];
    for (totals, currency) in by_account.iter().zip(&slot_of_account) {
        if let Some(currency) = currency {
            slot(&mut by_currency, *currency)?.merge(totals);
        }
    }
    let ranges = buckets.ranges();
    let labels = buckets.labels();
    let summaries: Vec<CurrencySummary> = currencies
        .iter()
        .zip(&by_currency)
        .map(|(&currency, totals)| summary(currency, totals, &labels, &ranges))
        .collect();
    let single = wants(Part::Buckets) && summaries.len() == 1;
    let several = wants(Part::Buckets) && summaries.len() > 1;
    let customers = match wants(Part::Customers) {
        true => Some(customer_rows(book, &by_account, &active)?),
        false => None,
    };
    let invoices = match wants(Part::Invoices) {
        true => Some(invoice_rows(book, &state, options, &labels)?),
        false => None,
    };
    Ok(AgingReport {
        as_of: options.as_of,
        basis: buckets.basis(),
        allocation: options.allocation,
        ignored: state.ignored,
        bucket_labels: labels,
        summary: if single {
            summaries.first().cloned()
        } else {
            None
        },
        currencies: (wants(Part::Currencies) || several).then_some(summaries),
        customers,
        invoices,
    })
}

/// Days past due or outstanding on `basis`, as of the day `as_of` (days from the common era).
fn age<Id>(invoice: &Invoice<Id>, as_of: i32, basis: Basis) -> i64 {
    let from = match basis {
        Basis::DueDate => invoice.due_date,
        Basis::IssueDate => invoice.issue_date,
    };
    i64::from(as_of) - i64::from(from.num_days_from_ce())
}

fn summary(
    currency: Currency,
    totals: &Totals,
    labels: &[String],
    ranges: &[(Option<i64>, Option<i64>)],
) -> CurrencySummary {
    let money = |minor: i128| Money::from_minor(minor, Some(currency));
    let buckets = labels
        .iter()
        .zip(ranges)
        .zip(
            totals
                .amount
                .iter()
                .zip(&totals.disputed)
                .zip(&totals.count),
        )
        .map(
            |((label, &(from, to)), ((&amount, &disputed), &count))| BucketTotal {
                label: label.clone(),
                from,
                to,
                amount: money(amount),
                count,
                disputed: money(disputed),
            },
        )
        .collect();
    CurrencySummary {
        currency,
        total: money(totals.total()),
        disputed: money(totals.disputed.iter().sum()),
        unapplied_cash: money(totals.unapplied_cash),
        unapplied_credits: money(totals.unapplied_credits),
        buckets,
    }
}

/// The fewest bytes of JSON of a row of `customers`, besides its customer id and its buckets:
/// its keys, its punctuation and the shortest amounts (`"0"`). Each bucket adds at least 4
/// (`"0"` and a comma) and the list one less.
const CUSTOMER_ROW_BYTES: usize = 117;
/// The fewest bytes of JSON of a row of `invoices`, besides its id, its customer id and what was
/// applied to it.
const INVOICE_ROW_BYTES: usize = 157;

/// `limit_exceeded` when the rows asked for would pass the answer's limit
/// ([`MAX_OUTPUT_BYTES`]) even at their shortest, checked before they are built: building a
/// row takes far more memory than its text (about a kilobyte an account), so a portfolio too
/// large to answer fails at once rather than run out of wasm memory on the way.
fn check_rows_fit<Id: AsRef<str>>(
    book: &Book<Id>,
    active: &[bool],
    options: &AgingOptions,
    buckets: usize,
) -> Result<()> {
    let bytes = shortest_rows(book, active, options, buckets);
    match bytes > MAX_OUTPUT_BYTES {
        false => Ok(()),
        true => Err(Error::new(
            ErrorCode::LimitExceeded,
            format!(
                "the result would be longer than {MAX_OUTPUT_BYTES} bytes of JSON (its rows \
                 alone at least {bytes}); ask for fewer parts or split the input"
            ),
        )),
    }
}

/// The fewest bytes of JSON the rows asked for can take.
fn shortest_rows<Id: AsRef<str>>(
    book: &Book<Id>,
    active: &[bool],
    options: &AgingOptions,
    buckets: usize,
) -> usize {
    let mut bytes = 0usize;
    if options.include.contains(&Part::Customers) {
        let row = CUSTOMER_ROW_BYTES + (4 * buckets).saturating_sub(1);
        let ids = book.accounts.iter().zip(active).filter(|(_, a)| **a);
        bytes += ids.map(|(a, _)| row + a.customer_id.len()).sum::<usize>();
    }
    if options.include.contains(&Part::Invoices) {
        let issued = book
            .invoices
            .iter()
            .filter(|i| i.issue_date <= options.as_of);
        let customer = |i: &Invoice<Id>| {
            let account = book.accounts.get(i.account as usize);
            account.map_or(0, |a| a.customer_id.len())
        };
        bytes += issued
            .map(|i| INVOICE_ROW_BYTES + i.id.as_ref().len() + customer(i))
            .sum::<usize>();
    }
    bytes
}

fn customer_rows<Id>(
    book: &Book<Id>,
    by_account: &[Totals],
    active: &[bool],
) -> Result<Vec<CustomerAging>> {
    book.report_rows(active, by_account)
        .map(|row| {
            let (account, totals) = row?;
            let money = |minor: i128| Money::from_minor(minor, Some(account.currency));
            Ok(CustomerAging {
                customer_id: account.customer_id.clone(),
                currency: account.currency,
                total: money(totals.total()),
                disputed: money(totals.disputed.iter().sum()),
                buckets: totals.amount.iter().map(|&a| money(a)).collect(),
                unapplied_cash: money(totals.unapplied_cash),
                unapplied_credits: money(totals.unapplied_credits),
            })
        })
        .collect()
}

fn invoice_rows<Id: AsRef<str>>(
    book: &Book<Id>,
    state: &Allocated,
    options: &AgingOptions,
    labels: &[String],
) -> Result<Vec<InvoiceAging>> {
    let mut sources = state.sources.clone();
    crate::order::sort_by(&mut sources, &|a, b| a.invoice.cmp(&b.invoice)); // stable: keeps the order of application
    let mut sources = sources.iter().peekable();
    let mut rows = Vec::new();
    for (i, invoice) in book.invoices.iter().enumerate() {
        let mut applied = Vec::new();
        while let Some(s) = sources.next_if(|s| s.invoice as usize == i) {
            let list = match s.kind {
                ReceiptKind::Payment => &book.payments,
                ReceiptKind::Credit => &book.credits,
            };
            let receipt = list
                .get(s.receipt as usize)
                .ok_or_else(|| internal("an application names no receipt"))?;
            applied.push((s.kind, receipt, s.amount));
        }
        let account = book
            .accounts
            .get(invoice.account as usize)
            .ok_or_else(|| internal("an invoice has no account"))?;
        if invoice.issue_date > options.as_of {
            continue;
        }
        let money = |minor: i64| Money::from_minor(i128::from(minor), Some(account.currency));
        let at = |list: &[i64]| {
            list.get(i)
                .copied()
                .ok_or_else(|| internal("no state for an invoice"))
        };
        let open = at(&state.open)?;
        let bucket = match open > 0 {
            true => {
                let age = age(
                    invoice,
                    options.as_of.num_days_from_ce(),
                    options.buckets.basis(),
                );
                let label = labels.get(options.buckets.index(age));
                Some(
                    label
                        .ok_or_else(|| internal("no label for a bucket"))?
                        .clone(),
                )
            }
            false => None,
        };
        rows.push(InvoiceAging {
            id: invoice.id.as_ref().to_owned(),
            customer_id: account.customer_id.clone(),
            currency: account.currency,
            amount: money(invoice.amount),
            open: money(open),
            paid: money(at(&state.paid)?),
            credited: money(at(&state.credited)?),
            days_past_due: (options.as_of - invoice.due_date).num_days(),
            days_outstanding: (options.as_of - invoice.issue_date).num_days(),
            bucket,
            disputed: invoice.disputed,
            applied: applied
                .into_iter()
                .map(|(kind, receipt, amount)| AppliedAmount {
                    kind,
                    id: receipt.id.as_ref().to_owned(),
                    date: receipt.date,
                    amount: money(amount),
                })
                .collect(),
        });
    }
    Ok(rows)
}

#[cfg(test)]
#[allow(clippy::inconsistent_digit_grouping)] // amounts in cents: 100_00 is 100.00
mod tests {
    use super::*;
    use crate::ledger::Accounts;

    #[test]
    fn default_due_date_buckets_match_the_usual_report() -> Result<()> {
        let b = Buckets::new(None, Basis::DueDate)?;
        // Boundaries by hand: day 0 is Current, 1..=30, 31..=60, 61..=90, 91..=120, 121+.
        let cases = [(-5, 0), (0, 0), (1, 1), (30, 1), (31, 2), (60, 2), (61, 3)];
        for (days, index) in cases {
            assert_eq!(b.index(days), index, "{days}");
        }
        assert_eq!((b.index(120), b.index(121)), (4, 5));
        assert_eq!(b.ranges()[5], (Some(121), None));
        Ok(())
    }

    #[test]
    fn the_shortest_rows_are_as_long_as_their_floors() -> Result<()> {
        let jpy: Currency = "JPY".parse()?;
        let zero = Money::from_minor(0, Some(jpy));
        let customer = CustomerAging {
            customer_id: String::new(),
            currency: jpy,
            total: zero,
            disputed: zero,
            buckets: vec![],
            unapplied_cash: zero,
            unapplied_credits: zero,
        };
        assert_eq!(crate::json::to_string(&customer)?.len(), CUSTOMER_ROW_BYTES);
        let six = CustomerAging {
            buckets: vec![zero; 6],
            ..customer
        };
        // `"0"` six times and five commas.
        assert_eq!(crate::json::to_string(&six)?.len(), CUSTOMER_ROW_BYTES + 23);
        let invoice = InvoiceAging {
            id: String::new(),
            customer_id: String::new(),
            currency: jpy,
            amount: zero,
            open: zero,
            paid: zero,
            credited: zero,
            days_past_due: 0,
            days_outstanding: 0,
            bucket: None,
            disputed: true,
            applied: vec![],
        };
        assert_eq!(crate::json::to_string(&invoice)?.len(), INVOICE_ROW_BYTES);
        Ok(())
    }

    #[test]
    fn the_shortest_rows_are_never_longer_than_the_rows() -> Result<()> {
        let day = crate::dates::parse_date;
        let mut accounts = Accounts::default();
        let mut invoices = vec![];
        for (n, (customer, currency)) in [("acme", "EUR"), ("acme", "USD"), ("globex", "JPY")]
            .into_iter()
            .enumerate()
        {
            let account = accounts.intern(customer, currency.parse()?)?;
            let id = ["A-1", "B-22", "C-333"][n];
            let due_date = day(["2024-01-31", "2024-02-20", "2024-05-01"][n])?;
            invoices.push(Invoice {
                id,
                account,
                issue_date: day("2024-01-01")?,
                due_date,
                amount: 12_345,
                disputed: n == 1,
            });
        }
        let book = Book::new(accounts, invoices, vec![], vec![], &[])?;
        let options = AgingOptions {
            as_of: day("2024-03-01")?,
            buckets: Buckets::new(None, Basis::DueDate)?,
            allocation: Allocation::OldestFirst,
            include: vec![Part::Customers, Part::Invoices],
        };
        let report = aging(&book, &options)?;
        let rows = |text: String| text.len() - 2; // the list's brackets
        let written = rows(crate::json::to_string(&report.customers)?)
            + rows(crate::json::to_string(&report.invoices)?);
        let active = book.active_accounts(options.as_of)?;
        let shortest = shortest_rows(&book, &active, &options, 6);
        assert!(shortest <= written, "{shortest} > {written}");
        // Nor far below: the amounts, dates and bucket names make up the rest.
        assert!(
            shortest * 4 > written * 3,
            "{shortest} is far below {written}"
        );
        Ok(())
    }

    #[test]
    fn bad_bounds_are_refused() {
        let code =
            |bounds: &[i64]| Buckets::new(Some(bounds), Basis::DueDate).map_err(|e| e.code());
        assert_eq!(code(&[0]), Err(ErrorCode::OutOfRange));
        assert_eq!(code(&[]), Err(ErrorCode::OutOfRange));
        assert_eq!(code(&[30, 30]), Err(ErrorCode::OutOfRange));
        let many: Vec<i64> = (1..=65).collect();
        assert_eq!(code(&many), Err(ErrorCode::LimitExceeded));
    }
}
