//! The payoff quote: everything owed if paid on a day, itemised in sentences a customer
//! understands, and what one more day adds.

use super::engine::{self, Debt, Span};
use crate::error::{internal, Error, ErrorCode, Result};
use crate::json::{Describe, Encode};
use crate::ledger::{Book, ReceiptKind};
use crate::money::{Checked, Currency, Money};
use crate::policy::Policy;
use crate::prose;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// What one invoice owes in a quote.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct QuoteInvoice {
    /// The invoice id.
    pub id: String,
    /// Open principal.
    pub principal: Money,
    /// Unpaid fees.
    pub fees: Money,
    /// Unpaid interest through `goodThrough`.
    pub interest: Money,
    /// Unpaid compensation.
    pub compensation: Money,
    /// What it owes in all.
    pub total: Money,
}

/// What a line of a quote is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Describe)]
pub enum LineKind {
    /// The amount invoiced.
    Principal,
    /// A late fee.
    Fee,
    /// An interest period.
    Interest,
    /// Statutory compensation.
    Compensation,
    /// A payment (negative).
    Payment,
    /// A credit (negative).
    Credit,
}

/// One line of a quote.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct Line {
    /// The invoice it concerns.
    pub invoice_id: String,
    /// What it is.
    pub kind: LineKind,
    /// Its amount: negative for payments and credits.
    pub amount: Money,
    /// The line as a sentence.
    pub text: String,
}

/// A payoff quote.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct Quote {
    /// The day it was made.
    pub as_of: NaiveDate,
    /// The day it is good through: paying this on that day settles the invoices.
    pub good_through: NaiveDate,
    /// The one currency of the quote.
    pub currency: Currency,
    /// What is owed if paid on `goodThrough`: the sum of the lines.
    pub total: Money,
    /// What each day after `goodThrough` adds in interest, rounded once.
    pub per_diem: Money,
    /// The invoices in the total.
    pub invoices: Vec<QuoteInvoice>,
    /// Disputed invoices, listed apart and not in the total unless `includeDisputed`.
    pub disputed: Vec<QuoteInvoice>,
    /// Every line of the total, per invoice.
    pub lines: Vec<Line>,
    /// Notes, such as a reference rate read past its table.
    pub warnings: Option<Vec<String>>,
}

/// The quote of `book` made on `as_of` and good through `good_through`: interest accrued
/// through that day, fees assessed before it (a payment on an assessment day counts
/// first), payments and credits through `as_of`.
///
/// # Errors
/// `out_of_range` at `goodThrough` before `asOf`; `currency_mismatch` at the first invoice
/// in another currency than the first; those of [`super::charges`].
///
/// ```
/// let policy: arrears::policy::Policy = arrears::json::from_str(r#"{"interest": {"annualRate": "0.1275"}}"#)?;
/// let book = arrears::ledger::batch::csv::read(
///     "id,customerId,issueDate,dueDate,amount,currency\nA,acme,2026-01-01,2026-03-01,1000,EUR\n", None, None)?;
/// let day = arrears::dates::parse_date;
/// let quote = arrears::charges::quote(&book, &policy, day("2026-11-20")?, day("2026-11-22")?, false)?;
/// assert_eq!(quote.total.to_string(), "1092.92"); // 266 days at 12.75%: 92.92
/// assert_eq!(quote.lines[1].text, "Interest at 12.75% a year on 1,000.00 from 2 Mar 2026 to 22 Nov 2026 (266 days, ACT/365F): 92.92");
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn quote<Id: AsRef<str>>(
    book: &Book<Id>,
    policy: &Policy,
    as_of: NaiveDate,
    good_through: NaiveDate,
    include_disputed: bool,
) -> Result<Quote> {
    policy.check().map_err(|e| e.in_field("policy"))?;
    if good_through < as_of {
        let message = format!("a quote is good through a day on or after {as_of}");
        return Err(Error::new(ErrorCode::OutOfRange, message).at("goodThrough"));
    }
    let span = Span {
        end: good_through,
        fees_through: good_through.pred_opt().unwrap_or(good_through),
        receipts_through: as_of,
    };
    let (mut debts, _) = engine::run(book, policy, span)?;
    let currency = one_currency(&debts)?;
    let mut quote = Quote {
        as_of,
        good_through,
        currency,
        total: Money::zero(Some(currency)),
        per_diem: Money::zero(Some(currency)),
        invoices: Vec::new(),
        disputed: Vec::new(),
        lines: Vec::new(),
        warnings: None,
    };
    let mut per_diem = Decimal::ZERO;
    for debt in &mut debts {
        let id = book
            .invoices
            .get(debt.index)
            .map(|i| i.id.as_ref().to_owned())
            .ok_or_else(|| internal("no invoice"))?;
        let owed = owed(debt, &id, good_through)?;
        if debt.disputed && !include_disputed {
            quote.disputed.push(owed);
            continue;
        }
        per_diem = per_diem
            .add_checked(debt.next_day_interest(good_through)?)
            .ok_or_else(super::interest::too_large)?;
        quote.total = quote.total.plus(owed.total)?;
        quote.lines.extend(lines(book, debt, &id)?);
        quote.invoices.push(owed);
    }
    let per_diem = debts
        .first()
        .and_then(|d| d.accrual.as_ref())
        .map(|a| a.round(per_diem));
    quote.per_diem = Money::from_minor(per_diem.transpose()?.unwrap_or(0), Some(currency));
    Ok(quote)
}

/// The currency of every debt.
fn one_currency(debts: &[Debt<'_>]) -> Result<Currency> {
    let first = debts.first().map(|d| d.currency).ok_or_else(|| {
        Error::new(
            ErrorCode::MissingField,
            "a quote needs an invoice issued by its day",
        )
        .at("invoices")
    })?;
    match debts.iter().find(|d| d.currency != first) {
        Some(other) => {
            let message = format!(
                "a quote is in one currency: {first}, and this invoice is in {}",
                other.currency
            );
            Err(
                Error::new(ErrorCode::CurrencyMismatch, message).at(crate::path!(
                    "invoices",
                    other.index,
                    "currency"
                )),
            )
        }
        None => Ok(first),
    }
}

fn owed(debt: &Debt<'_>, id: &str, day: NaiveDate) -> Result<QuoteInvoice> {
    let money = |minor: i128| Money::from_minor(minor, Some(debt.currency));
    let interest = debt.interest_owed(day)?;
    Ok(QuoteInvoice {
        id: id.to_owned(),
        principal: money(debt.principal),
        fees: money(debt.fees_owed),
        interest: money(interest),
        compensation: money(debt.compensation_owed),
        total: money(debt.principal + debt.fees_owed + debt.compensation_owed + interest),
    })
}

/// The lines of one invoice: what it was invoiced, what was added, what was received.
fn lines<Id: AsRef<str>>(book: &Book<Id>, debt: &Debt<'_>, id: &str) -> Result<Vec<Line>> {
    let invoice = book
        .invoices
        .get(debt.index)
        .ok_or_else(|| internal("no invoice"))?;
    let money = |minor: i128| Money::from_minor(minor, Some(debt.currency));
    let line = |kind, amount: Money, text: String| Line {
        invoice_id: id.to_owned(),
        kind,
        amount,
        text: format!("{text}: {}", prose::amount(amount)),
    };
    let mut lines = vec![line(
        LineKind::Principal,
        money(debt.amount),
        format!(
            "Invoice {id} of {}, due {}",
            prose::date(invoice.issue_date),
            prose::date(invoice.due_date)
        ),
    )];
    for fee in &debt.fees {
        let capped = fee.capped.map_or(String::new(), |_| " (capped)".to_owned());
        let text = format!(
            "Late fee '{}' of {}{capped}",
            fee.rule,
            prose::date(fee.date)
        );
        lines.push(line(LineKind::Fee, fee.amount, text));
    }
    for p in &debt.periods {
        let text = format!(
            "Interest at {} a year on {} from {} to {} ({} day{}, {})",
            prose::percent(p.annual_rate),
            prose::amount(p.base),
            prose::date(p.from),
            prose::date(p.to),
            p.days,
            if p.days == 1 { "" } else { "s" },
            p.day_count.name(),
        );
        lines.push(line(LineKind::Interest, p.amount, text));
    }
    if debt.compensation > 0 {
        let text = "Fixed compensation for the costs of recovery".to_owned();
        lines.push(line(LineKind::Compensation, money(debt.compensation), text));
    }
    for &(date, kind, index, amount) in &debt.receipts {
        let (kind, list, word) = match kind {
            ReceiptKind::Payment => (LineKind::Payment, &book.payments, "Payment"),
            ReceiptKind::Credit => (LineKind::Credit, &book.credits, "Credit"),
        };
        let receipt = list.get(index).map(|r| r.id.as_ref()).unwrap_or_default();
        lines.push(line(
            kind,
            money(-amount),
            format!("{word} {receipt} of {}", prose::date(date)),
        ));
    }
    Ok(lines)
}
