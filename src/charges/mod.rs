//! What a late invoice costs: late fees, interest and statutory compensation, from the dated
//! events of each account under a [`Policy`], and the payoff quote built on them.
//!
//! How it is computed (docs/charges.md has every rule with its source):
//! - fees follow their rules (`policy.fees`): first on due date + grace + 1, then every
//!   interval while the invoice is open, within their bounds; never on a disputed invoice
//!   and never after the invoice is paid; payments and credits dated on an assessment day
//!   count before it;
//! - interest runs from the day after the due date (and its grace) to the day the principal
//!   is paid or the evaluation day, in periods of one base and one rate; each period's
//!   interest is rounded once to the minor unit;
//! - statutory compensation is assessed once, the day after the due date;
//! - a payment goes to the account's invoices oldest first (its `appliesTo` first), each
//!   taking up to all it owes on the payment's date, and within an invoice by the policy's
//!   waterfall; a credit reduces principal.

mod engine;
pub mod fees;
mod interest;
pub mod quote;
pub mod reference_rates;
mod regimes;
pub mod requests;

pub use fees::Bound;
pub use quote::{quote, Quote};

use crate::dates::DayCount;
use crate::error::Result;
use crate::json::{Describe, Encode};
use crate::ledger::Book;
use crate::money::{Currency, Money};
use crate::policy::Policy;
use chrono::NaiveDate;
use engine::Span;
use rust_decimal::Decimal;

/// One fee assessed.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct Fee {
    /// The day it was assessed.
    pub date: NaiveDate,
    /// The id of the rule that assessed it.
    pub rule: String,
    /// The fee.
    pub amount: Money,
    /// The bound that cut it, if one did.
    pub capped: Option<Bound>,
}

/// One interest period: days with one base and one rate.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct Period {
    /// Its first day.
    pub from: NaiveDate,
    /// Its last day (included).
    pub to: NaiveDate,
    /// Its length in days.
    pub days: i64,
    /// The rate, a fraction a year.
    pub annual_rate: Decimal,
    /// The day count.
    pub day_count: DayCount,
    /// What interest was charged on.
    pub base: Money,
    /// The interest, rounded once.
    pub amount: Money,
    /// True when a `maxAnnualRate` lowered the rate.
    pub capped: Option<bool>,
}

/// What was paid on an invoice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Describe)]
pub struct Paid {
    /// On fees and compensation.
    pub fees: Money,
    /// On interest.
    pub interest: Money,
    /// On principal.
    pub principal: Money,
}

/// One invoice's charges.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct InvoiceCharges {
    /// The invoice id.
    pub id: String,
    /// Its currency.
    pub currency: Currency,
    /// The principal still open.
    pub principal: Money,
    /// Every fee assessed.
    pub fees: Vec<Fee>,
    /// Every interest period.
    pub interest: Vec<Period>,
    /// The statutory compensation assessed (zero when none).
    pub compensation: Money,
    /// All fees assessed.
    pub fees_total: Money,
    /// All interest.
    pub interest_total: Money,
    /// What payments paid.
    pub paid: Paid,
    /// What is owed: principal and the unpaid fees, interest and compensation.
    pub due: Money,
    /// Notes, such as a reference rate read past its table.
    pub warnings: Option<Vec<String>>,
}

/// What is owed in one currency.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct ChargesTotal {
    /// The currency.
    pub currency: Currency,
    /// Open principal.
    pub principal: Money,
    /// Unpaid fees.
    pub fees: Money,
    /// Unpaid interest.
    pub interest: Money,
    /// Unpaid compensation.
    pub compensation: Money,
    /// Everything owed.
    pub due: Money,
    /// Payments left over after everything they could pay (cash on account).
    pub unapplied_cash: Money,
}

/// What `charges` returns.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct ChargesReport {
    /// The evaluation day.
    pub as_of: NaiveDate,
    /// The invoices issued by `asOf`, in input order.
    pub invoices: Vec<InvoiceCharges>,
    /// What is owed per currency, by currency code.
    pub totals: Vec<ChargesTotal>,
}

/// The fees, interest and compensation of every invoice of `book` as of `as_of`.
///
/// # Errors
/// Those of the policy ([`Policy::check`], at `policy...`), `currency_mismatch` at
/// `invoices[i].currency` for compensation in another currency, and `limit_exceeded` past
/// the limits on fees and periods per invoice.
///
/// ```
/// let policy: arrears::policy::Policy = arrears::json::from_str(r#"{"interest": {"annualRate": "0.085"}}"#)?;
/// let book = arrears::ledger::batch::csv::read(
///     "id,customerId,issueDate,dueDate,amount,currency\nA,acme,2024-01-01,2024-01-01,1000,GBP\n", None, None)?;
/// let report = arrears::charges::charges(&book, &policy, arrears::dates::parse_date("2024-02-20")?)?;
/// // 50 days at 8.5% on 1,000.00: 11.64 (gov.uk's example, computed once).
/// assert_eq!(report.invoices[0].interest_total.to_string(), "11.64");
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn charges<Id: AsRef<str>>(
    book: &Book<Id>,
    policy: &Policy,
    as_of: NaiveDate,
) -> Result<ChargesReport> {
    policy.check().map_err(|e| e.in_field("policy"))?;
    let span = Span {
        end: as_of,
        fees_through: as_of,
        receipts_through: as_of,
    };
    let (debts, unapplied) = engine::run(book, policy, span)?;
    let mut invoices = Vec::with_capacity(debts.len());
    let mut totals: Vec<ChargesTotal> = Vec::new();
    for debt in &debts {
        let row = invoice_row(book, debt, as_of)?;
        let total = match totals.iter_mut().find(|t| t.currency == row.currency) {
            Some(total) => total,
            None => {
                let zero = Money::zero(Some(row.currency));
                totals.push(ChargesTotal {
                    currency: row.currency,
                    principal: zero,
                    fees: zero,
                    interest: zero,
                    compensation: zero,
                    due: zero,
                    unapplied_cash: zero,
                });
                totals
                    .last_mut()
                    .ok_or_else(|| crate::error::internal("no total"))?
            }
        };
        total.principal = total.principal.plus(row.principal)?;
        total.fees = total
            .fees
            .plus(Money::from_minor(debt.fees_owed, Some(row.currency)))?;
        total.interest = total.interest.plus(Money::from_minor(
            debt.interest_owed(as_of)?,
            Some(row.currency),
        ))?;
        total.compensation = total.compensation.plus(Money::from_minor(
            debt.compensation_owed,
            Some(row.currency),
        ))?;
        total.due = total.due.plus(row.due)?;
        invoices.push(row);
    }
    for (account, cash) in book.accounts.iter().zip(unapplied) {
        if let Some(total) = totals.iter_mut().find(|t| t.currency == account.currency) {
            total.unapplied_cash = total
                .unapplied_cash
                .plus(Money::from_minor(cash, Some(account.currency)))?;
        }
    }
    crate::order::sort_by(&mut totals, &|a, b| a.currency.cmp(&b.currency));
    Ok(ChargesReport {
        as_of,
        invoices,
        totals,
    })
}

/// The report row of one debt.
fn invoice_row<Id: AsRef<str>>(
    book: &Book<Id>,
    debt: &engine::Debt<'_>,
    day: NaiveDate,
) -> Result<InvoiceCharges> {
    let money = |minor: i128| Money::from_minor(minor, Some(debt.currency));
    let invoice = book
        .invoices
        .get(debt.index)
        .ok_or_else(|| crate::error::internal("no invoice"))?;
    let interest_total: i128 = debt.periods.iter().map(|p| p.amount.minor()).sum();
    let fees_total: i128 = debt.fees.iter().map(|f| f.amount.minor()).sum();
    let due = debt.principal + debt.fees_owed + debt.compensation_owed + debt.interest_owed(day)?;
    let warnings = debt
        .accrual
        .as_ref()
        .map(|a| a.warnings.clone())
        .filter(|w| !w.is_empty());
    Ok(InvoiceCharges {
        id: invoice.id.as_ref().to_owned(),
        currency: debt.currency,
        principal: money(debt.principal),
        fees: debt.fees.clone(),
        interest: debt.periods.clone(),
        compensation: money(debt.compensation),
        fees_total: money(fees_total),
        interest_total: money(interest_total),
        paid: Paid {
            fees: money(debt.paid[0]),
            interest: money(debt.paid[1]),
            principal: money(debt.paid[2]),
        },
        due: money(due),
        warnings,
    })
}
