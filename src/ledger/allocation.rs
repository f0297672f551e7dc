//! Allocation: which payments and credits reduce which invoices, as of a date.
//!
//! Explicit applications (a payment's `appliesTo`, a credit's `invoiceId`) come first. What
//! is left of each payment and credit is then allocated by the [`Allocation`] method within
//! its own account (same customer and currency), never across accounts. What cannot be
//! applied stays unapplied (cash on account, or an unapplied credit).

use crate::error::{internal, slot, Result};
use crate::json::{Decode, Describe, Encode};
use crate::ledger::records::{Book, ReceiptKind};
use crate::money::split_minor;
use chrono::{Datelike, NaiveDate};

/// How payments and credits without an explicit invoice are allocated.
///
/// ```
/// use arrears::ledger::Allocation;
/// assert_eq!(Allocation::default(), Allocation::OldestFirst);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Decode, Encode, Describe)]
pub enum Allocation {
    /// To the account's open invoices by due date, then id, oldest first; receipts are
    /// taken by date, payments before credits on the same day, then by id.
    #[default]
    OldestFirst,
    /// The account's unapplied amounts together are split over its open invoices in
    /// proportion to what is open on each, in whole minor units by the largest-remainder
    /// method (ties to the oldest), so nothing is created or lost.
    ProRata,
    /// Kept unapplied.
    None,
}

/// Part of a receipt applied to an invoice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source {
    /// The invoice's index in [`Book::invoices`].
    pub invoice: u32,
    /// Payment or credit.
    pub kind: ReceiptKind,
    /// The receipt's index in [`Book::payments`] or [`Book::credits`].
    pub receipt: u32,
    /// The amount applied, in minor units.
    pub amount: i64,
}

/// Counts of records dated after `asOf`, which are left out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Describe)]
pub struct Ignored {
    /// Invoices issued after `asOf`.
    pub invoices: usize,
    /// Payments dated after `asOf`.
    pub payments: usize,
    /// Credits dated after `asOf`.
    pub credits: usize,
}

/// The state of a [`Book`] as of a date, after allocation. Vectors are indexed like the
/// book's lists; records dated after the date count as zero.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Allocated {
    /// The date of the state.
    pub as_of: NaiveDate,
    /// What is open on each invoice, in minor units.
    pub open: Vec<i64>,
    /// What payments paid on each invoice.
    pub paid: Vec<i64>,
    /// What credits took off each invoice.
    pub credited: Vec<i64>,
    /// The date of the latest payment or credit applied to each invoice.
    pub last_applied: Vec<Option<NaiveDate>>,
    /// What is left of each payment (cash on account).
    pub unapplied_payments: Vec<i64>,
    /// What is left of each credit.
    pub unapplied_credits: Vec<i64>,
    /// Every application made, explicit or allocated, when asked for (else empty).
    pub sources: Vec<Source>,
    /// The records left out for being dated after `as_of`.
    pub ignored: Ignored,
}

/// Applies and allocates every payment and credit of `book` dated on or before `as_of`
/// to the invoices issued on or before it. `track_sources` also records each application
/// in [`Allocated::sources`] (needed only to list them per invoice).
///
/// An explicit application to an invoice issued after `as_of` is not made; its amount is
/// allocated like any unapplied amount.
///
/// # Errors
/// [`ErrorCode::Internal`] only if a product overflows `i128`, which the record limits rule out.
///
/// ```
/// use arrears::ledger::{allocate, Accounts, Allocation, Book, Invoice, Receipt};
/// let day = |s| arrears::dates::parse_date(s);
/// let mut accounts = Accounts::default();
/// let acme = accounts.intern("acme", "EUR".parse()?)?;
/// let invoice = |id, due| Invoice { id, account: acme, issue_date: day("2024-01-01").unwrap_or(due), due_date: due, amount: 100_00, disputed: false };
/// let invoices = vec![invoice("B", day("2024-02-01")?), invoice("A", day("2024-01-15")?)];
/// let payments = vec![Receipt { id: "P", account: acme, date: day("2024-02-10")?, amount: 150_00 }];
/// let book = Book::new(accounts, invoices, payments, vec![], &[])?;
/// let state = allocate(&book, day("2024-03-01")?, Allocation::OldestFirst, false)?;
/// assert_eq!(state.open, vec![50_00, 0]); // A (due first) is paid, then half of B
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn allocate<Id: AsRef<str>>(
    book: &Book<Id>,
    as_of: NaiveDate,
    method: Allocation,
    track_sources: bool,
) -> Result<Allocated> {
    let counted_amount = |amount: i64, date: NaiveDate| if date <= as_of { amount } else { 0 };
    let mut state = Allocated {
        as_of,
        open: book
            .invoices
            .iter()
            .map(|i| counted_amount(i.amount, i.issue_date))
            .collect(),
        paid: vec![0; book.invoices.len()],
        credited: vec![0; book.invoices.len()],
        last_applied: vec![None; book.invoices.len()],
        unapplied_payments: book
            .payments
            .iter()
            .map(|r| counted_amount(r.amount, r.date))
            .collect(),
        unapplied_credits: book
            .credits
            .iter()
            .map(|r| counted_amount(r.amount, r.date))
            .collect(),
        sources: Vec::new(),
        ignored: Ignored {
            invoices: book
                .invoices
                .iter()
                .filter(|i| i.issue_date > as_of)
                .count(),
            payments: book.payments.iter().filter(|r| r.date > as_of).count(),
            credits: book.credits.iter().filter(|r| r.date > as_of).count(),
        },
    };
    let mut apply = Applier {
        book,
        state: &mut state,
        track_sources,
    };
    for a in &book.applications {
        apply.apply(a.invoice, a.kind, a.receipt, a.amount)?;
    }
    if method != Allocation::None {
        apply.allocate(method)?;
    }
    Ok(state)
}

/// The order of an account's records: for invoices the due date (days from the common
/// era), for receipts twice the date plus one for a credit (payments first); ties by id.
type Key = u64;

/// A receipt's key and its kind.
fn receipt_key(date: NaiveDate, kind: ReceiptKind) -> (Key, ReceiptKind) {
    let day = Key::from(date.num_days_from_ce().unsigned_abs());
    (day * 2 + Key::from(kind == ReceiptKind::Credit), kind)
}

fn kind_of(key: Key) -> ReceiptKind {
    match key % 2 {
        0 => ReceiptKind::Payment,
        _ => ReceiptKind::Credit,
    }
}

/// Makes applications, keeping every balance in step.
struct Applier<'a, Id> {
    book: &'a Book<Id>,
    state: &'a mut Allocated,
    track_sources: bool,
}

impl<Id: AsRef<str>> Applier<'_, Id> {
    /// Applies up to `amount` of a receipt to an invoice (never more than either has left)
    /// and returns what was applied.
    fn apply(&mut self, invoice: u32, kind: ReceiptKind, receipt: u32, amount: i64) -> Result<i64> {
        let (receipts, left, applied) = match kind {
            ReceiptKind::Payment => (
                &self.book.payments,
                &mut self.state.unapplied_payments,
                &mut self.state.paid,
            ),
            ReceiptKind::Credit => (
                &self.book.credits,
                &mut self.state.unapplied_credits,
                &mut self.state.credited,
            ),
        };
        let (i, r) = (invoice as usize, receipt as usize);
        let date = receipts.get(r).map(|r| r.date);
        let date = date.ok_or_else(|| internal("an application names no receipt"))?;
        let left = slot(left, r)?;
        let open = slot(&mut self.state.open, i)?;
        let amount = amount.min(*open).min(*left);
        if amount <= 0 {
            return Ok(0);
        }
        *open -= amount;
        *left -= amount;
        *slot(applied, i)? += amount;
        let last = slot(&mut self.state.last_applied, i)?;
        *last = (*last).max(Some(date));
        if self.track_sources {
            self.state.sources.push(Source {
                invoice,
                kind,
                receipt,
                amount,
            });
        }
        Ok(amount)
    }

    /// Allocates what is left of every receipt, account by account.
    fn allocate(&mut self, method: Allocation) -> Result<()> {
        let book = self.book;
        let state = &*self.state;
        let accounts = book.accounts.len();
        let open_invoices = book
            .invoices
            .iter()
            .zip(&state.open)
            .zip(0u32..)
            .filter(|((_, &open), _)| open > 0)
            .map(|((v, _), i)| {
                (
                    v.account,
                    Key::from(v.due_date.num_days_from_ce().unsigned_abs()),
                    i,
                )
            });
        let invoice_id = |_: Key, i: u32| book.invoices.get(i as usize).map(|v| v.id.as_ref());
        let invoices = ByAccount::new(accounts, open_invoices.collect(), &invoice_id)?;
        let mut open_receipts = Vec::new();
        for (kind, list, left) in [
            (
                ReceiptKind::Payment,
                &book.payments,
                &state.unapplied_payments,
            ),
            (ReceiptKind::Credit, &book.credits, &state.unapplied_credits),
        ] {
            let open = list
                .iter()
                .zip(left)
                .zip(0u32..)
                .filter(|((_, &l), _)| l > 0);
            open_receipts
                .extend(open.map(|((v, _), r)| (v.account, receipt_key(v.date, kind).0, r)));
        }
        let receipt_id = |key: Key, r: u32| {
            let list = match kind_of(key) {
                ReceiptKind::Payment => &book.payments,
                ReceiptKind::Credit => &book.credits,
            };
            list.get(r as usize).map(|v| v.id.as_ref())
        };
        let receipts = ByAccount::new(accounts, open_receipts, &receipt_id)?;
        for account in 0..accounts {
            let (group, payers) = (invoices.group(account), receipts.group(account));
            if group.is_empty() || payers.is_empty() {
                continue;
            }
            let targets = match method {
                Allocation::ProRata => self.pro_rata_targets(group, payers)?,
                _ => self.open_of(group)?,
            };
            self.fill(group, targets, payers)?;
        }
        Ok(())
    }

    /// What is open on each invoice of a group.
    fn open_of(&self, invoices: &[(Key, u32)]) -> Result<Vec<i64>> {
        let mut open = Vec::with_capacity(invoices.len());
        for &(_, i) in invoices {
            let state = self.state.open.get(i as usize).copied();
            open.push(state.ok_or_else(|| internal("no state for an invoice"))?);
        }
        Ok(open)
    }

    /// Fills each invoice up to its target from the receipts, in order.
    fn fill(
        &mut self,
        invoices: &[(Key, u32)],
        targets: Vec<i64>,
        receipts: &[(Key, u32)],
    ) -> Result<()> {
        let mut payers = receipts.iter().peekable();
        for (&(_, invoice), mut target) in invoices.iter().zip(targets) {
            while target > 0 {
                let Some(&&(key, receipt)) = payers.peek() else {
                    return Ok(());
                };
                let applied = self.apply(invoice, kind_of(key), receipt, target)?;
                if applied == 0 {
                    payers.next(); // this receipt is used up
                }
                target -= applied;
            }
        }
        Ok(())
    }

    /// Each invoice's share of the account's unapplied amounts, in proportion to what is
    /// open on it; shares are whole minor units, the units left by flooring going to the
    /// largest remainders (ties to the earlier invoice in allocation order).
    fn pro_rata_targets(
        &self,
        invoices: &[(Key, u32)],
        receipts: &[(Key, u32)],
    ) -> Result<Vec<i64>> {
        let open = self.open_of(invoices)?;
        let mut pool = 0i128;
        for &(key, r) in receipts {
            let list = match kind_of(key) {
                ReceiptKind::Payment => &self.state.unapplied_payments,
                ReceiptKind::Credit => &self.state.unapplied_credits,
            };
            let left = list.get(r as usize).copied();
            // Sums of at most MAX_RECORDS amounts of at most 10^15 fit i128 many times over.
            pool += i128::from(left.ok_or_else(|| internal("no state for a receipt"))?);
        }
        let total: i128 = open.iter().map(|&o| i128::from(o)).sum();
        if pool >= total || total == 0 {
            return Ok(open);
        }
        let weights: Vec<i128> = open.iter().map(|&o| i128::from(o)).collect();
        // Each share is below its invoice's open amount (pool < total), so it fits i64.
        split_minor(pool, &weights)?
            .into_iter()
            .map(|share| i64::try_from(share).map_err(|_| internal("a pro-rata share overflowed")))
            .collect()
    }
}

/// Records grouped by account, in allocation order within each: `(key, index)` pairs.
struct ByAccount {
    items: Vec<(Key, u32)>,
    /// Account `a`'s records are `items[starts[a]..starts[a + 1]]`.
    starts: Vec<usize>,
}

impl ByAccount {
    /// Groups `(account, key, index)` records by account (a counting sort, linear), then sorts
    /// each account's few records by key, and by `id` where keys tie. Sorting small groups
    /// of contiguous integer keys is several times faster than one sort of the whole list.
    fn new<'a>(
        accounts: usize,
        records: Vec<(u32, Key, u32)>,
        id: &dyn Fn(Key, u32) -> Option<&'a str>,
    ) -> Result<ByAccount> {
        let mut starts = vec![0usize; accounts + 1];
        for &(account, _, _) in &records {
            *slot(&mut starts, account as usize + 1)? += 1;
        }
        let mut sum = 0;
        for start in &mut starts {
            sum += *start;
            *start = sum;
        }
        let mut next = starts.clone();
        let mut items = vec![(0, 0); records.len()];
        for (account, key, index) in records {
            let at = slot(&mut next, account as usize)?;
            *at += 1;
            *slot(&mut items, *at - 1)? = (key, index);
        }
        let mut grouped = ByAccount { items, starts };
        for account in 0..accounts {
            let group = grouped.group_mut(account);
            group.sort_unstable_by_key(|&(key, _)| key);
            for run in group.chunk_by_mut(|a, b| a.0 == b.0) {
                if run.len() > 1 {
                    let by_id = crate::order::order_by(run.len(), &|i, j| {
                        let id = |k: usize| run.get(k).and_then(|&(key, index)| id(key, index));
                        id(i).cmp(&id(j))
                    });
                    let sorted: Vec<(Key, u32)> =
                        by_id.iter().filter_map(|&k| run.get(k).copied()).collect();
                    run.copy_from_slice(&sorted);
                }
            }
        }
        Ok(grouped)
    }

    /// The range of account `a`'s records in `items`.
    fn range(&self, account: usize) -> std::ops::Range<usize> {
        let at = |a: usize| self.starts.get(a).copied().unwrap_or(0);
        at(account)..at(account + 1)
    }

    fn group(&self, account: usize) -> &[(Key, u32)] {
        self.items.get(self.range(account)).unwrap_or_default()
    }

    fn group_mut(&mut self, account: usize) -> &mut [(Key, u32)] {
        let range = self.range(account);
        self.items.get_mut(range).unwrap_or_default()
    }
}

#[cfg(test)]
#[allow(clippy::inconsistent_digit_grouping)] // amounts in cents: 100_00 is 100.00
mod tests {
    use super::*;
    use crate::dates::parse_date;
    use crate::error::{Error, ErrorCode};
    use crate::ledger::records::{
        Accounts, Application, ApplicationRequest, Invoice, InvoiceRef, Receipt,
    };

    fn day(s: &str) -> NaiveDate {
        parse_date(s).unwrap_or(NaiveDate::MIN)
    }

    /// Three invoices of one account, 100.00, 200.00 and 300.00 (due in that order), and a
    /// payment of 100.01 (EUR, in cents).
    fn book() -> Result<Book> {
        let mut accounts = Accounts::default();
        let acme = accounts.intern("acme", "EUR".parse()?)?;
        let invoice = |id: &str, due: &str, amount| Invoice {
            id: id.to_owned(),
            account: acme,
            issue_date: day("2024-01-01"),
            due_date: day(due),
            amount,
            disputed: false,
        };
        let invoices = vec![
            invoice("I3", "2024-03-01", 300_00),
            invoice("I1", "2024-01-31", 100_00),
            invoice("I2", "2024-02-15", 200_00),
        ];
        let payments = vec![Receipt {
            id: "P".to_owned(),
            account: acme,
            date: day("2024-02-20"),
            amount: 100_01,
        }];
        Book::new(accounts, invoices, payments, vec![], &[])
    }

    #[test]
    fn oldest_first_pays_by_due_date() -> Result<()> {
        let state = allocate(&book()?, day("2024-03-31"), Allocation::OldestFirst, true)?;
        // I1 (due 31 Jan) takes 100.00, I2 the remaining 0.01.
        assert_eq!(state.open, vec![300_00, 0, 199_99]);
        assert_eq!(state.last_applied[1], Some(day("2024-02-20")));
        assert_eq!(state.unapplied_payments, vec![0]);
        assert_eq!(state.sources.len(), 2);
        Ok(())
    }

    #[test]
    fn pro_rata_splits_by_largest_remainder() -> Result<()> {
        let state = allocate(&book()?, day("2024-03-31"), Allocation::ProRata, false)?;
        // 10001 cents over open 30000:10000:20000 (total 60000):
        //   I3 10001*30000/60000 = 5000.5  -> 5000, remainder 0.5
        //   I1 10001*10000/60000 = 1666.83 -> 1666, remainder 0.83
        //   I2 10001*20000/60000 = 3333.67 -> 3333, remainder 0.67
        // floors give 9999; the 2 units left go to I1 (0.83) and I2 (0.67).
        assert_eq!(state.paid, vec![50_00, 16_67, 33_34]);
        assert_eq!(state.open, vec![250_00, 83_33, 166_66]);
        Ok(())
    }

    #[test]
    fn none_keeps_cash_unapplied_and_later_records_are_ignored() -> Result<()> {
        let state = allocate(&book()?, day("2024-03-31"), Allocation::None, false)?;
        assert_eq!(state.unapplied_payments, vec![100_01]);
        let early = allocate(&book()?, day("2024-02-19"), Allocation::OldestFirst, false)?;
        assert_eq!(early.unapplied_payments, vec![0]);
        assert_eq!(early.ignored.payments, 1);
        assert_eq!(early.open, vec![300_00, 100_00, 200_00]);
        Ok(())
    }

    #[test]
    fn equal_due_dates_go_by_id_and_payments_before_credits() -> Result<()> {
        let mut accounts = Accounts::default();
        let acme = accounts.intern("acme", "EUR".parse()?)?;
        let invoice = |id: &str| Invoice {
            id: id.to_owned(),
            account: acme,
            issue_date: day("2024-01-01"),
            due_date: day("2024-01-31"),
            amount: 100_00,
            disputed: false,
        };
        let receipt = |id: &str, amount| Receipt {
            id: id.to_owned(),
            account: acme,
            date: day("2024-02-01"),
            amount,
        };
        let invoices = vec![invoice("B"), invoice("A"), invoice("C")];
        let payments = vec![receipt("P2", 50_00), receipt("P1", 100_00)];
        let credits = vec![receipt("C0", 30_00)];
        let book = Book::new(accounts, invoices, payments, credits, &[])?;
        let state = allocate(&book, day("2024-03-31"), Allocation::OldestFirst, true)?;
        // Same due date: A, then B, then C. Same date: payments (P1, then P2) before the
        // credit. P1 pays A (100.00), P2 half of B (50.00), the credit 30.00 more of B.
        assert_eq!(state.open, vec![20_00, 0, 100_00]);
        let order: Vec<(u32, ReceiptKind, u32)> = state
            .sources
            .iter()
            .map(|s| (s.invoice, s.kind, s.receipt))
            .collect();
        assert_eq!(
            order,
            [
                (1, ReceiptKind::Payment, 1),
                (0, ReceiptKind::Payment, 0),
                (0, ReceiptKind::Credit, 0)
            ]
        );
        Ok(())
    }

    #[test]
    fn explicit_applications_come_first() -> Result<()> {
        let base = book()?;
        let mut accounts = Accounts::default();
        accounts.intern("acme", "EUR".parse()?)?;
        let request = ApplicationRequest {
            kind: ReceiptKind::Payment,
            receipt: 0,
            position: Some(0),
            invoice: InvoiceRef::Id("I3"),
            amount: 50_00,
        };
        let book = Book::new(accounts, base.invoices, base.payments, vec![], &[request])?;
        let state = allocate(&book, day("2024-03-31"), Allocation::OldestFirst, false)?;
        // 50.00 to I3 as asked, the other 50.01 oldest first: all to I1 (100.00 open).
        assert_eq!(state.open, vec![250_00, 49_99, 200_00]);
        Ok(())
    }

    #[test]
    fn an_invoice_named_by_index_is_the_one_named_by_id() -> Result<()> {
        let request = |invoice| ApplicationRequest {
            kind: ReceiptKind::Payment,
            receipt: 0,
            position: Some(0),
            invoice,
            amount: 50_00,
        };
        let with = |invoice| -> Result<Vec<Application>> {
            let base = book()?;
            let mut accounts = Accounts::default();
            accounts.intern("acme", "EUR".parse()?)?;
            let requests = [request(invoice)];
            Ok(Book::new(accounts, base.invoices, base.payments, vec![], &requests)?.applications)
        };
        // I3 is the first invoice of the book.
        assert_eq!(with(InvoiceRef::Index(0))?, with(InvoiceRef::Id("I3"))?);
        let e = with(InvoiceRef::Index(3)).err();
        assert_eq!(e.as_ref().map(Error::code), Some(ErrorCode::UnknownInvoice));
        assert!(e.is_some_and(|e| e.to_string().contains("no invoice #3")));
        Ok(())
    }
}
