//! The facts of an account on the day of a decision: what is open and since when, how it has
//! paid, its age, its plan and promises, and the facts its caller gives.

use super::account::Account;
use crate::error::Result;
use crate::ledger::{allocate, Allocation, Book};
use crate::money::{Checked, Currency, Money};
use crate::plans::promises::{promise_status, PromiseState, PromiseStatusInput};
use crate::plans::status::{plan_status, PlanState, PlanStatusInput};
use crate::policy::Fact;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::borrow::Cow;

/// The facts of one account on one day.
pub(crate) struct Facts {
    pub currency: Currency,
    /// Everything open (disputed included), in minor units.
    pub open: i128,
    /// What is open on disputed invoices.
    pub disputed: i128,
    /// The due date of the oldest open undisputed invoice.
    pub oldest_due: Option<NaiveDate>,
    pub days_past_due: Option<i64>,
    pub average_days_late: Option<Decimal>,
    pub share_late: Option<Decimal>,
    pub age_days: Option<i64>,
    pub credit_limit: Option<Decimal>,
    pub risk_score: Option<Decimal>,
    pub plan: Option<PlanState>,
    /// The next installment's due date of an active plan.
    pub plan_next: Option<NaiveDate>,
    /// The due dates of installments late or missed.
    pub plan_missed: Vec<NaiveDate>,
    /// Promises pending: the last day each is open.
    pub promises_pending: Vec<NaiveDate>,
    /// Promises broken: the last day each was open.
    pub promises_broken: Vec<NaiveDate>,
    /// The days of the payments received by `today`.
    pub payment_days: Vec<NaiveDate>,
}

impl Facts {
    /// The facts of `account`, whose ledger is `book`, on `today`.
    pub(crate) fn new(
        account: &Account<'_>,
        book: &Book<Cow<'_, str>>,
        today: NaiveDate,
    ) -> Result<Facts> {
        // A checked account is one customer in one currency: one account of the ledger.
        let currency = match book.accounts.as_slice() {
            [one] => one.currency,
            _ => {
                return Err(crate::error::internal(
                    "an account that is not one ledger account",
                ))
            }
        };
        let state = allocate(book, today, Allocation::OldestFirst, false)?;
        let (mut open, mut disputed, mut oldest_due, mut first_issue) =
            (0i128, 0i128, None::<NaiveDate>, None::<NaiveDate>);
        let mut paid: Vec<(NaiveDate, i64)> = Vec::new();
        for (invoice, (&left, last)) in book
            .invoices
            .iter()
            .zip(state.open.iter().zip(&state.last_applied))
        {
            if invoice.issue_date > today {
                continue;
            }
            first_issue =
                Some(first_issue.map_or(invoice.issue_date, |d| d.min(invoice.issue_date)));
            open += i128::from(left);
            if left > 0 && invoice.disputed {
                disputed += i128::from(left);
            } else if left > 0 {
                oldest_due = Some(oldest_due.map_or(invoice.due_date, |d| d.min(invoice.due_date)));
            } else if let Some(paid_on) = last {
                paid.push((
                    invoice.due_date,
                    (*paid_on - invoice.due_date).num_days().max(0),
                ));
            }
        }
        // The last twelve paid, by due date.
        crate::order::sort_by(&mut paid, &|a, b| b.0.cmp(&a.0));
        paid.truncate(12);
        let count = Decimal::from(paid.len());
        // Neither with nothing paid: a division by zero is `None`.
        let days_late = Decimal::from(paid.iter().map(|p| p.1).sum::<i64>());
        let average_days_late = days_late.div_checked(count);
        let share_late = Decimal::from(paid.iter().filter(|p| p.1 > 0).count()).div_checked(count);
        let payments: Vec<_> = account
            .payments
            .iter()
            .filter(|p| p.date <= today)
            .collect();
        let mut facts = Facts {
            currency,
            open,
            disputed,
            oldest_due,
            days_past_due: oldest_due.map(|d| (today - d).num_days()),
            average_days_late,
            share_late,
            age_days: first_issue.map(|d| (today - d).num_days()),
            credit_limit: account.facts.and_then(|f| f.credit_limit),
            risk_score: account.facts.and_then(|f| f.risk_score),
            plan: None,
            plan_next: None,
            plan_missed: Vec::new(),
            promises_pending: Vec::new(),
            promises_broken: Vec::new(),
            payment_days: payments.iter().map(|p| p.date).collect(),
        };
        let plan_payments = || -> Vec<crate::plans::status::PaymentRecord<'static>> {
            payments
                .iter()
                .map(|p| crate::plans::status::PaymentRecord {
                    id: Cow::Owned(p.id.to_string()),
                    date: p.date,
                    amount: crate::money::Amount(amount_of(&p.amount)),
                })
                .collect()
        };
        if let Some(plan) = &account.plan {
            let status = plan_status(PlanStatusInput {
                plan: plan.clone(),
                payments: plan_payments(),
                as_of: today,
                grace_days: 0,
                broken_after: None,
            })?;
            facts.plan = Some(status.status);
            facts.plan_next = status.next.map(|n| n.due_date);
            facts.plan_missed = status
                .installments
                .iter()
                .filter(|i| i.due_date < today && i.paid.minor() < i.payment.minor())
                .map(|i| i.due_date)
                .collect();
        }
        if !account.promises.is_empty() {
            let report = promise_status(PromiseStatusInput {
                promises: account.promises.clone(),
                payments: plan_payments(),
                as_of: today,
                grace_days: 0,
                currency: Some(currency),
            })?;
            for (promise, status) in account.promises.iter().zip(&report.promises) {
                match status.status {
                    PromiseState::Pending => facts.promises_pending.push(promise.date),
                    PromiseState::Broken | PromiseState::PartlyKept => {
                        facts.promises_broken.push(promise.date)
                    }
                    PromiseState::Kept => {}
                }
            }
        }
        Ok(facts)
    }

    /// The value of a fact (yes-or-no facts as 1 or 0), `None` when the account has none.
    pub(crate) fn value(&self, fact: Fact) -> Option<Decimal> {
        let money = |minor: i128| Money::from_minor(minor, Some(self.currency)).to_decimal();
        match fact {
            Fact::OpenBalance => Some(money(self.open)),
            Fact::OldestDaysPastDue => self.days_past_due.map(Decimal::from),
            Fact::AverageDaysLate => self.average_days_late,
            Fact::ShareOfLastTwelvePaidLate => self.share_late,
            Fact::AccountAgeDays => self.age_days.map(Decimal::from),
            Fact::CreditLimit => self.credit_limit,
            // None for a limit of zero (a division by zero).
            Fact::Utilisation => self
                .credit_limit
                .and_then(|l| money(self.open).div_checked(l)),
            Fact::RiskScore => self.risk_score,
            Fact::DisputedAmount => Some(money(self.disputed)),
            Fact::ActivePlan => Some(Decimal::from(u8::from(self.active_plan()))),
            Fact::ActivePromise => Some(Decimal::from(u8::from(!self.promises_pending.is_empty()))),
            Fact::BrokenPromises => Some(Decimal::from(self.promises_broken.len())),
        }
    }

    /// A plan neither broken nor completed.
    pub(crate) fn active_plan(&self) -> bool {
        matches!(self.plan, Some(PlanState::Current | PlanState::InArrears))
    }
}

/// An amount as the ledger's record holds it.
fn amount_of(text: &crate::ledger::requests::AmountText<'_>) -> Decimal {
    crate::money::parse_amount(text.text()).unwrap_or_default()
}
