//! Whether a plan is kept: payments fill its installments in order, and each installment is
//! paid, upcoming, late or missed on the day asked.

use crate::error::{Error, ErrorCode, Result};
use crate::json::{Decode, Describe, Encode};
use crate::money::{Amount, Currency, Money};
use chrono::NaiveDate;
use std::borrow::Cow;

/// A plan as `planStatus` reads it: what `paymentPlan` returned, or any object with a
/// `schedule` of `{ number, dueDate, payment }` (and its `currency`).
#[derive(Clone, Decode, Encode, Describe)]
pub struct PlanRecord {
    /// The currency of the plan and its payments (two places without one).
    pub currency: Option<Currency>,
    /// The installments.
    pub schedule: Vec<InstallmentRecord>,
    /// As `paymentPlan` returns it; not read.
    pub installment: Option<Amount>,
    /// As `paymentPlan` returns it; not read.
    pub financed: Option<Amount>,
    /// As `paymentPlan` returns it; not read.
    pub down_payment: Option<Amount>,
    /// As `paymentPlan` returns it; not read.
    pub totals: Option<TotalsRecord>,
    /// As `paymentPlan` returns it; not read.
    pub warnings: Option<Vec<String>>,
}

/// A plan's totals as `paymentPlan` returns them; not read.
#[derive(Clone, Decode, Encode, Describe)]
pub struct TotalsRecord {
    /// Not read.
    pub payments: Option<Amount>,
    /// Not read.
    pub interest: Option<Amount>,
    /// Not read.
    pub principal: Option<Amount>,
    /// Not read.
    pub fees: Option<Amount>,
}

/// An installment as `planStatus` reads it.
#[derive(Clone, Decode, Encode, Describe)]
pub struct InstallmentRecord {
    /// Its number.
    pub number: u32,
    /// Its due date.
    pub due_date: NaiveDate,
    /// What is due.
    pub payment: Amount,
    /// As `paymentPlan` returns it; not read.
    pub interest: Option<Amount>,
    /// As `paymentPlan` returns it; not read.
    pub principal: Option<Amount>,
    /// As `paymentPlan` returns it; not read.
    pub balance: Option<Amount>,
    /// As `paymentPlan` returns it; not read.
    pub fee: Option<Amount>,
}

/// A payment toward a plan or a promise.
#[derive(Clone, Decode, Encode, Describe)]
pub struct PaymentRecord<'a> {
    /// Its id.
    pub id: Cow<'a, str>,
    /// The day it was received.
    pub date: NaiveDate,
    /// The amount, more than zero.
    pub amount: Amount,
}

/// When a plan is broken.
#[derive(Clone, Copy, Default, Decode, Describe)]
pub struct BrokenAfter {
    /// Missed installments, at once, that break the plan (default 2; at least 1).
    pub missed: Option<u32>,
    /// Days an installment may stay unpaid after its due date before the plan is broken
    /// (default 30; at least `graceDays`).
    pub days_late: Option<u32>,
}

/// The rule that breaks a plan, checked: `missed` at least 1, `days_late` at least the grace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct BreakingRule {
    /// Days past due an installment is `late` before it is `missed`.
    pub grace_days: u32,
    /// Missed installments that break the plan.
    pub missed: u32,
    /// Days an installment may stay unpaid after its due date.
    pub days_late: u32,
}

impl BreakingRule {
    /// The rule of `graceDays` and `brokenAfter` (defaults 0, 2 and 30).
    ///
    /// # Errors
    /// `out_of_range` at `brokenAfter.missed` for 0 (a plan broken before anything is due),
    /// and at `graceDays` for a grace longer than `brokenAfter.daysLate` (an installment
    /// still within its grace would break the plan).
    pub(crate) fn new(grace_days: Option<u32>, broken_after: Option<BrokenAfter>) -> Result<Self> {
        let broken_after = broken_after.unwrap_or_default();
        let rule = BreakingRule {
            grace_days: grace_days.unwrap_or(0),
            missed: broken_after.missed.unwrap_or(2),
            days_late: broken_after.days_late.unwrap_or(30),
        };
        if rule.missed == 0 {
            let message = "a plan is broken by at least 1 missed installment; 0 would break it before anything is due";
            return Err(Error::new(ErrorCode::OutOfRange, message)
                .at(crate::path!("brokenAfter", "missed")));
        }
        if rule.grace_days > rule.days_late {
            let message = format!(
                "{} days of grace are more than the {} days late that break a plan (brokenAfter.daysLate): an installment still within its grace would break the plan; give a brokenAfter.daysLate of at least {}",
                rule.grace_days, rule.days_late, rule.grace_days
            );
            return Err(Error::new(ErrorCode::OutOfRange, message).at("graceDays"));
        }
        Ok(rule)
    }
}

/// What `planStatus` takes.
#[derive(Decode, Describe)]
pub struct PlanStatusInput<'a> {
    /// The plan.
    pub plan: PlanRecord,
    /// The payments made toward it, in its currency; those after `asOf` are left out.
    #[json(default)]
    pub payments: Vec<PaymentRecord<'a>>,
    /// The day of the status.
    pub as_of: NaiveDate,
    /// Days past due an installment is `late` before it is `missed` (default 0; at most
    /// `brokenAfter.daysLate`).
    #[json(default)]
    pub grace_days: u32,
    /// When the plan is broken.
    pub broken_after: Option<BrokenAfter>,
}

/// A plan's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Describe)]
pub enum PlanState {
    /// Nothing past due is unpaid.
    Current,
    /// Something is late or missed, short of breaking the plan.
    InArrears,
    /// Too many installments missed, or one unpaid too long.
    Broken,
    /// Every installment is paid (whenever it was): checked first, so a plan paid up after
    /// being broken is completed. Not in issue 10's list, which has no word for a plan
    /// that is over.
    Completed,
}

/// An installment's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Describe)]
pub enum InstallmentState {
    /// Fully paid.
    Paid,
    /// Not yet due, nothing paid.
    Upcoming,
    /// Not yet due, partly paid.
    PartlyPaid,
    /// Past due by at most the grace days.
    Late,
    /// Past due by more.
    Missed,
}

/// One installment's status.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct InstallmentStatus {
    /// Its number.
    pub number: u32,
    /// Its due date.
    pub due_date: NaiveDate,
    /// What is due.
    pub payment: Money,
    /// What the payments have paid on it.
    pub paid: Money,
    /// Its status.
    pub status: InstallmentState,
}

/// What `planStatus` returns.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct PlanStatus {
    /// The plan's status.
    pub status: PlanState,
    /// Each installment's status.
    pub installments: Vec<InstallmentStatus>,
    /// What brings the plan current: the unpaid part of every installment past its due date.
    pub cure: Money,
    /// The first installment not yet due and not fully paid: the next one to pay (left
    /// out when there is none).
    pub next: Option<InstallmentStatus>,
}

/// The status of a plan on `asOf`.
///
/// # Errors
/// `invalid_amount` for amounts with more decimals than the currency; `out_of_range` for an
/// installment or payment of zero or less, at `plan.schedule` for a plan of no installments,
/// at `plan.schedule[i].dueDate` for installments out of order, at `brokenAfter.missed` for
/// 0, at `graceDays` for more than `brokenAfter.daysLate`; `duplicate_id` at
/// `payments[i].id` for a payment id given twice.
///
/// ```
/// let input: arrears::plans::status::PlanStatusInput = arrears::json::from_str(r#"{
///   "plan": {"schedule": [{"number": 1, "dueDate": "2024-01-31", "payment": "100.00"},
///                         {"number": 2, "dueDate": "2024-02-29", "payment": "100.00"}]},
///   "payments": [{"id": "P", "date": "2024-02-01", "amount": "150.00"}], "asOf": "2024-03-05"}"#)?;
/// let status = arrears::plans::status::plan_status(input)?;
/// assert_eq!(status.cure.to_string(), "50.00");
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn plan_status(input: PlanStatusInput<'_>) -> Result<PlanStatus> {
    let currency = input.plan.currency;
    let rule = BreakingRule::new(Some(input.grace_days), input.broken_after)?;
    if input.plan.schedule.is_empty() {
        let message = "a plan has at least one installment";
        return Err(Error::new(ErrorCode::OutOfRange, message).at(crate::path!("plan", "schedule")));
    }
    let mut left = paid_through(&input.payments, input.as_of, currency)?;
    let (max_missed, max_days) = (rule.missed, i64::from(rule.days_late));
    let mut installments = Vec::with_capacity(input.plan.schedule.len());
    let (mut missed, mut arrears, mut too_late, mut cure) = (0u32, false, false, 0i128);
    let mut previous: Option<NaiveDate> = None;
    for (i, row) in input.plan.schedule.iter().enumerate() {
        let at =
            |field: &'static str| move |e: Error| e.at(crate::path!("plan", "schedule", i, field));
        if previous.is_some_and(|p| row.due_date < p) {
            let message = "installments are in order of their due dates";
            return Err(at("dueDate")(Error::new(ErrorCode::OutOfRange, message)));
        }
        previous = Some(row.due_date);
        let due = positive(row.payment, currency).map_err(at("payment"))?;
        let paid = left.min(due);
        left -= paid;
        let days_past = (input.as_of - row.due_date).num_days();
        let status = match (paid == due, days_past > 0) {
            (true, _) => InstallmentState::Paid,
            (false, false) if paid > 0 => InstallmentState::PartlyPaid,
            (false, false) => InstallmentState::Upcoming,
            (false, true) if days_past <= i64::from(rule.grace_days) => InstallmentState::Late,
            (false, true) => InstallmentState::Missed,
        };
        if days_past > 0 && paid < due {
            arrears = true;
            cure += due - paid;
            missed += u32::from(status == InstallmentState::Missed);
            too_late |= days_past > max_days;
        }
        installments.push(InstallmentStatus {
            number: row.number,
            due_date: row.due_date,
            payment: Money::from_minor(due, currency),
            paid: Money::from_minor(paid, currency),
            status,
        });
    }
    let status = if installments
        .iter()
        .all(|i| i.status == InstallmentState::Paid)
    {
        PlanState::Completed
    } else if missed >= max_missed || too_late {
        PlanState::Broken
    } else if arrears {
        PlanState::InArrears
    } else {
        PlanState::Current
    };
    let next = installments
        .iter()
        .find(|i| i.due_date > input.as_of && i.status != InstallmentState::Paid)
        .cloned();
    Ok(PlanStatus {
        status,
        installments,
        cure: Money::from_minor(cure, currency),
        next,
    })
}

/// What the payments dated by `as_of` add up to, in minor units.
pub(crate) fn paid_through(
    payments: &[PaymentRecord<'_>],
    as_of: NaiveDate,
    currency: Option<Currency>,
) -> Result<i128> {
    unique_ids(payments.iter().map(|p| p.id.as_ref()), "payments")?;
    let mut total = 0;
    for (i, payment) in payments.iter().enumerate() {
        let amount = positive(payment.amount, currency)
            .map_err(|e| e.at(crate::path!("payments", i, "amount")))?;
        if payment.date <= as_of {
            total += amount;
        }
    }
    Ok(total)
}

/// An amount of `currency` more than zero, in minor units.
pub(crate) fn positive(amount: Amount, currency: Option<Currency>) -> Result<i128> {
    let money = Money::exact(amount.0, currency)?;
    match money.minor() > 0 {
        true => Ok(money.minor()),
        false => Err(Error::new(
            ErrorCode::OutOfRange,
            format!("{} is not more than zero", amount.0),
        )),
    }
}

/// `duplicate_id` at `<list>[i].id` for the first id given a second time.
#[inline(never)]
pub(crate) fn unique_ids<'a>(ids: impl Iterator<Item = &'a str>, list: &'static str) -> Result<()> {
    let mut ids: Vec<(&str, usize)> = ids.zip(0..).collect();
    crate::order::sort_by(&mut ids, &|a, b| a.cmp(b));
    let second = ids
        .windows(2)
        .filter_map(|w| match w {
            [(a, _), (b, i)] if a == b => Some((*i, *b)),
            _ => None,
        })
        .min();
    match second {
        Some((i, id)) => {
            let message = format!("the id '{id}' is given twice in {list}");
            Err(Error::new(ErrorCode::DuplicateId, message).at(crate::path!(list, i, "id")))
        }
        None => Ok(()),
    }
}
