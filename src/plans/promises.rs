//! Promises to pay: what a customer said they would pay by a day, and whether they did.

use super::status::{positive, unique_ids, PaymentRecord};
use crate::error::Result;
use crate::json::{Decode, Describe, Encode};
use crate::money::{Amount, Currency, Money};
use chrono::NaiveDate;
use std::borrow::Cow;

/// A promise to pay.
#[derive(Clone, Decode, Encode, Describe)]
pub struct PromiseToPay<'a> {
    /// Its id.
    pub id: Cow<'a, str>,
    /// What was promised.
    pub amount: Amount,
    /// By when.
    pub date: NaiveDate,
}

/// What `promiseStatus` takes.
#[derive(Decode, Describe)]
pub struct PromiseStatusInput<'a> {
    /// The promises.
    pub promises: Vec<PromiseToPay<'a>>,
    /// The payments made; those after `asOf` are left out.
    #[json(default)]
    pub payments: Vec<PaymentRecord<'a>>,
    /// The day of the status.
    pub as_of: NaiveDate,
    /// Days after its date a promise stays open (default 0).
    #[json(default)]
    pub grace_days: u32,
    /// The currency, for its minor units (two places without one).
    pub currency: Option<Currency>,
}

/// A promise's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Describe)]
pub enum PromiseState {
    /// Open: its date and grace have not passed, and it is not fully paid.
    Pending,
    /// Fully paid (also early).
    Kept,
    /// Partly paid by its date and grace.
    PartlyKept,
    /// Nothing paid by its date and grace.
    Broken,
}

/// One promise's status.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct PromiseStatus {
    /// Its id.
    pub id: String,
    /// Its status.
    pub status: PromiseState,
    /// What the payments paid on it.
    pub paid: Money,
    /// What is short of the promise.
    pub shortfall: Money,
}

/// What `promiseStatus` returns.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct PromiseReport {
    /// Each promise's status, in input order.
    pub promises: Vec<PromiseStatus>,
}

/// Whether promises to pay were kept. Payments count toward the earliest promise still open
/// on their day (a promise closes when fully paid or when its date and grace have passed);
/// what a payment has left over goes to the next open promise.
///
/// # Errors
/// `out_of_range` for an amount of zero or less; `invalid_amount` for more decimals than
/// the currency has; `duplicate_id` at `promises[i].id` or `payments[i].id` for an id given
/// twice.
///
/// ```
/// let input: arrears::plans::promises::PromiseStatusInput = arrears::json::from_str(r#"{
///   "promises": [{"id": "A", "amount": "100", "date": "2024-03-10"}, {"id": "B", "amount": "100", "date": "2024-04-10"}],
///   "payments": [{"id": "P", "date": "2024-03-08", "amount": "150"}], "asOf": "2024-03-20"}"#)?;
/// let report = arrears::plans::promises::promise_status(input)?;
/// let statuses: Vec<String> = report.promises.iter().map(|p| format!("{:?} {}", p.status, p.paid)).collect();
/// assert_eq!(statuses, ["Kept 100.00", "Pending 50.00"]);
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn promise_status(input: PromiseStatusInput<'_>) -> Result<PromiseReport> {
    let currency = input.currency;
    unique_ids(input.promises.iter().map(|p| p.id.as_ref()), "promises")?;
    unique_ids(input.payments.iter().map(|p| p.id.as_ref()), "payments")?;
    let mut due = Vec::with_capacity(input.promises.len());
    for (i, promise) in input.promises.iter().enumerate() {
        let amount = positive(promise.amount, currency)
            .map_err(|e| e.at(crate::path!("promises", i, "amount")))?;
        let closes = promise
            .date
            .checked_add_days(chrono::Days::new(u64::from(input.grace_days)))
            .unwrap_or(promise.date);
        due.push((amount, closes));
    }
    let mut order: Vec<usize> = (0..due.len()).collect();
    crate::order::sort_by(&mut order, &|&a, &b| {
        let date = |i: usize| input.promises.get(i).map(|p| p.date);
        date(a).cmp(&date(b))
    });
    let mut payments = Vec::new();
    for (i, payment) in input.payments.iter().enumerate() {
        let amount = positive(payment.amount, currency)
            .map_err(|e| e.at(crate::path!("payments", i, "amount")))?;
        if payment.date <= input.as_of {
            payments.push((payment.date, amount));
        }
    }
    crate::order::sort_by(&mut payments, &|a, b| a.0.cmp(&b.0));
    let mut paid = vec![0i128; due.len()];
    for (date, mut left) in payments {
        for &p in &order {
            let (Some(&(amount, closes)), Some(paid)) = (due.get(p), paid.get_mut(p)) else {
                continue;
            };
            if left == 0 {
                break;
            }
            if *paid < amount && date <= closes {
                let take = left.min(amount - *paid);
                *paid += take;
                left -= take;
            }
        }
    }
    let promises = input
        .promises
        .iter()
        .zip(due.iter().zip(&paid))
        .map(|(promise, (&(amount, closes), &paid))| {
            let status = match (paid >= amount, input.as_of <= closes, paid > 0) {
                (true, _, _) => PromiseState::Kept,
                (false, true, _) => PromiseState::Pending,
                (false, false, true) => PromiseState::PartlyKept,
                (false, false, false) => PromiseState::Broken,
            };
            PromiseStatus {
                id: promise.id.to_string(),
                status,
                paid: Money::from_minor(paid, currency),
                shortfall: Money::from_minor(amount - paid, currency),
            }
        })
        .collect();
    Ok(PromiseReport { promises })
}
