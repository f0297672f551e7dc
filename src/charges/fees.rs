//! Late fees: when a rule assesses an invoice, and how much, within its bounds.

use super::interest::add_days;
use crate::dates::add_business_days;
use crate::error::{Error, ErrorCode, Result};
use crate::json::{Describe, Encode};
use crate::money::{fraction, Currency, Money, Rounding};
use crate::policy::{FeeKind, FeeRule};
use chrono::{Days, Months, NaiveDate};
use rust_decimal::Decimal;

/// The bound that cut a fee.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Describe)]
pub enum Bound {
    /// The rule's `max` per fee.
    Max,
    /// The rule's `capPerInvoice`.
    CapPerInvoice,
    /// The rule's `capPercentOfPrincipal`.
    CapPercentOfPrincipal,
    /// The rule's `capPerAccount`.
    CapPerAccount,
}

/// The days a rule assesses an invoice on: the first is the day after the due date and
/// the grace (in business days of the rule's calendar with `businessDays`), then one every
/// interval, for at most `maxCount` days.
pub(crate) struct Schedule<'r> {
    pub rule: &'r FeeRule,
    first: NaiveDate,
    /// The candidate days passed so far.
    passed: u32,
    /// The assessments made so far.
    pub count: u32,
    /// The next candidate day.
    pub next: Option<NaiveDate>,
}

impl<'r> Schedule<'r> {
    pub(crate) fn new(rule: &'r FeeRule, due: NaiveDate) -> Result<Schedule<'r>> {
        let end_of_grace = match (&rule.calendar, rule.business_days) {
            (Some(calendar), true) => add_business_days(due, i64::from(rule.grace_days), calendar)?,
            _ => add_days(due, u64::from(rule.grace_days))?,
        };
        let first = add_days(end_of_grace, 1)?;
        Ok(Schedule {
            rule,
            first,
            passed: 0,
            count: 0,
            next: (rule.max_count != Some(0)).then_some(first),
        })
    }

    /// Moves to the candidate after the current one: the `n`th keeps the first's day of
    /// month for monthly rules, clamped at the month's end (31 January, 28 February, 31 March).
    pub(crate) fn advance(&mut self) {
        self.passed += 1;
        let done = self.rule.max_count.is_some_and(|max| self.count >= max);
        let n = self.passed;
        self.next = match (self.rule.every, done) {
            (Some(every), false) => match (every.days, every.months) {
                (Some(days), _) => self
                    .first
                    .checked_add_days(Days::new(u64::from(days) * u64::from(n))),
                (_, Some(months)) => self
                    .first
                    .checked_add_months(Months::new(months.saturating_mul(n))),
                _ => None,
            },
            _ => None,
        };
    }
}

/// A fee before its caps: what the rule charges on an open principal.
pub(crate) fn amount(rule: &FeeRule, principal: Money, currency: Currency) -> Result<Money> {
    let money = |amount: Decimal| Money::exact(amount, Some(currency));
    let fee = match rule.kind {
        FeeKind::Flat => {
            money(rule.amount.map(|a| a.0).unwrap_or_default()).map_err(|e| e.at("amount"))?
        }
        FeeKind::Percent => percent_of(principal, rule.percent.unwrap_or_default())?,
        FeeKind::Tiered => {
            let tiers = rule.tiers.as_deref().unwrap_or_default();
            let mut chosen = None;
            for (i, tier) in tiers.iter().enumerate() {
                let fits = match tier.up_to {
                    Some(up_to) => principal.to_decimal() <= up_to.0,
                    None => true,
                };
                if fits {
                    chosen = Some((i, tier));
                    break;
                }
            }
            let (i, tier) = chosen.ok_or_else(|| {
                let message = "the open principal is above every tier's 'upTo'";
                Error::new(ErrorCode::OutOfRange, message).at("tiers")
            })?;
            match (tier.amount, tier.percent) {
                (Some(amount), _) => {
                    money(amount.0).map_err(|e| e.at(crate::path!("tiers", i, "amount")))?
                }
                (None, percent) => percent_of(principal, percent.unwrap_or_default())?,
            }
        }
    };
    let min = rule
        .min
        .map(|m| money(m.0).map_err(|e| e.at("min")))
        .transpose()?;
    Ok(match min {
        Some(min) if min.minor() > fee.minor() => min,
        _ => fee,
    })
}

fn percent_of(principal: Money, percent: Decimal) -> Result<Money> {
    principal.times(fraction(percent), Rounding::HalfEven)
}

/// The room left under each bound of a rule, in minor units of the invoice's currency.
pub(crate) struct Room {
    pub invoice_fees: i128,
    pub invoice_amount: Money,
    pub account_fees: i128,
}

/// `fee` cut by the rule's bounds: the fee that is charged and the bound that cut it most.
pub(crate) fn bounded(rule: &FeeRule, fee: Money, room: &Room) -> Result<(Money, Option<Bound>)> {
    let currency = fee.currency();
    let money = |amount: Decimal, field: &str| {
        Money::exact(amount, currency)
            .map(|m| m.minor())
            .map_err(|e| e.at(field))
    };
    let mut limits = Vec::new();
    if let Some(max) = rule.max {
        limits.push((money(max.0, "max")?, Bound::Max));
    }
    if let Some(cap) = rule.cap_per_invoice {
        limits.push((
            money(cap.0, "capPerInvoice")? - room.invoice_fees,
            Bound::CapPerInvoice,
        ));
    }
    if let Some(percent) = rule.cap_percent_of_principal {
        let cap = percent_of(room.invoice_amount, percent)?.minor();
        limits.push((cap - room.invoice_fees, Bound::CapPercentOfPrincipal));
    }
    if let Some(cap) = rule.cap_per_account {
        limits.push((
            money(cap.0, "capPerAccount")? - room.account_fees,
            Bound::CapPerAccount,
        ));
    }
    let tightest = limits.into_iter().min_by_key(|(limit, _)| *limit);
    Ok(match tightest {
        Some((limit, bound)) if limit < fee.minor() => (fee.with_minor(limit.max(0)), Some(bound)),
        _ => (fee, None),
    })
}
