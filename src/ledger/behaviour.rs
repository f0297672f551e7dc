//! Payment behaviour: how late each customer pays, from the allocated ledger.
//!
//! An invoice is *paid* when nothing is open on it as of `asOf`; its *paid date* is the date
//! of the latest payment or credit applied to it under the allocation, that is the one that
//! closed it. Its *days late* are the paid date minus the due date, and zero when paid on
//! or before the due date (paying early does not offset paying late elsewhere).

use crate::error::{internal, slot, Result};
use crate::json::{Describe, Encode};
use crate::ledger::allocation::{allocate, Allocation, Ignored};
use crate::ledger::records::{ratio, two_places, Book};
use crate::money::Currency;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One customer's payment behaviour in one currency.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct CustomerBehaviour {
    /// The customer.
    pub customer_id: String,
    /// The currency of this row (amount weights are never mixed across currencies).
    pub currency: Currency,
    /// Invoices issued by `asOf`.
    pub invoices: u64,
    /// Of those, the ones fully paid (or credited).
    pub paid_invoices: u64,
    /// Of the paid ones, those paid after their due date.
    pub paid_late: u64,
    /// Mean days late over paid invoices, two decimals; `null` with none paid.
    pub average_days_late: Option<Decimal>,
    /// Days late weighted by invoice amount, two decimals; `null` with none paid.
    pub weighted_average_days_late: Option<Decimal>,
    /// `paidLate / paidInvoices × 100`, two decimals; `null` with none paid.
    pub percent_paid_late: Option<Decimal>,
    /// The longest delay in days: of a late-paid invoice, or of an open one past due so far.
    pub longest_delay_days: i64,
    /// Open invoices past their due date.
    pub overdue_invoices: u64,
    /// The date of the latest payment by `asOf` (credits are not payments).
    pub last_payment_date: Option<NaiveDate>,
    /// Days from the first invoice's issue date to `asOf`; `null` with no invoice.
    pub account_age_days: Option<i64>,
}

/// Payment behaviour of every customer, by customer id then currency.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct BehaviourReport {
    /// The date of the report.
    pub as_of: NaiveDate,
    /// Records dated after `asOf`, left out.
    pub ignored: Ignored,
    /// One row per customer and currency.
    pub customers: Vec<CustomerBehaviour>,
}

#[derive(Clone, Default)]
struct Tally {
    invoices: u64,
    paid: u64,
    late: u64,
    days_late: i128,
    weighted_days: i128,
    paid_amount: i128,
    longest: i64,
    overdue: u64,
    last_payment: Option<NaiveDate>,
    first_issue: Option<NaiveDate>,
}

/// Payment behaviour as of `as_of`, with unapplied amounts allocated by `allocation`.
///
/// # Errors
/// Only [`crate::ErrorCode::Internal`] (see [`allocate`]).
///
/// ```
/// use arrears::ledger::{payment_behaviour, Accounts, Allocation, Book, Invoice, Receipt};
/// let day = |s| arrears::dates::parse_date(s);
/// let mut accounts = Accounts::default();
/// let account = accounts.intern("acme", "EUR".parse()?)?;
/// let invoice = Invoice { id: "A", account, issue_date: day("2024-01-01")?, due_date: day("2024-01-31")?, amount: 100, disputed: false };
/// let payment = Receipt { id: "P", account, date: day("2024-02-10")?, amount: 100 };
/// let book = Book::new(accounts, vec![invoice], vec![payment], vec![], &[])?;
/// let report = payment_behaviour(&book, day("2024-03-01")?, Allocation::OldestFirst)?;
/// assert_eq!(report.customers[0].average_days_late.map(|d| d.to_string()).as_deref(), Some("10.00"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn payment_behaviour<Id: AsRef<str>>(
    book: &Book<Id>,
    as_of: NaiveDate,
    allocation: Allocation,
) -> Result<BehaviourReport> {
    let state = allocate(book, as_of, allocation, false)?;
    let mut tallies = vec![Tally::default(); book.accounts.len()];
    for (i, invoice) in book.invoices.iter().enumerate() {
        let t = slot(&mut tallies, invoice.account as usize)?;
        if invoice.issue_date > as_of {
            continue;
        }
        t.invoices += 1;
        t.first_issue = Some(
            t.first_issue
                .map_or(invoice.issue_date, |d| d.min(invoice.issue_date)),
        );
        let open = state.open.get(i).copied();
        let open = open.ok_or_else(|| internal("no state for an invoice"))?;
        let past_due = (as_of - invoice.due_date).num_days();
        if open > 0 {
            if past_due > 0 {
                t.overdue += 1;
                t.longest = t.longest.max(past_due);
            }
            continue;
        }
        let Some(Some(paid_on)) = state.last_applied.get(i) else {
            continue;
        };
        let late = (*paid_on - invoice.due_date).num_days().max(0);
        t.paid += 1;
        if late > 0 {
            t.late += 1;
        }
        t.longest = t.longest.max(late);
        // Days are under 110,000 and amounts under 10^15: products and sums fit i128.
        t.days_late += i128::from(late);
        t.weighted_days += i128::from(late) * i128::from(invoice.amount);
        t.paid_amount += i128::from(invoice.amount);
    }
    for payment in book.payments.iter().filter(|p| p.date <= as_of) {
        let t = slot(&mut tallies, payment.account as usize)?;
        t.last_payment = t.last_payment.max(Some(payment.date));
    }
    let active = book.active_accounts(as_of)?;
    let customers = book
        .report_rows(&active, &tallies)
        .map(|row| {
            let (account, t) = row?;
            let paid = i128::from(t.paid);
            Ok(CustomerBehaviour {
                customer_id: account.customer_id.clone(),
                currency: account.currency,
                invoices: t.invoices,
                paid_invoices: t.paid,
                paid_late: t.late,
                average_days_late: ratio(t.days_late, paid, 1).map(two_places),
                weighted_average_days_late: ratio(t.weighted_days, t.paid_amount, 1)
                    .map(two_places),
                percent_paid_late: ratio(i128::from(t.late), paid, 100).map(two_places),
                longest_delay_days: t.longest,
                overdue_invoices: t.overdue,
                last_payment_date: t.last_payment,
                account_age_days: t.first_issue.map(|d| (as_of - d).num_days()),
            })
        })
        .collect::<Result<_>>()?;
    Ok(BehaviourReport {
        as_of,
        ignored: state.ignored,
        customers,
    })
}
