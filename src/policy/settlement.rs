//! The policy's settlement terms: what may be offered a customer who cannot pay in full, who
//! may offer it, and how likely each kind of offer is to be completed.

use crate::error::{Error, ErrorCode, Result};
use crate::json::{Decode, Describe, Encode};
use crate::limits::{MAX_ANNUAL_RATE, MAX_PLAN_INSTALLMENTS};
use crate::plans::Frequency;
use rust_decimal::Decimal;

/// How settlements are offered. Every field has a default.
#[derive(Clone, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct SettlementPolicy {
    /// A lump sum never goes below this percent of the open principal (default 70).
    #[json(default = "seventy")]
    pub floor_percent_of_principal: Decimal,
    /// The annual rate offers' payments are discounted at to compare them (default 0.1,
    /// ACT/365F from `asOf`).
    #[json(default = "one_tenth")]
    pub discount_rate: Decimal,
    /// Days an offer stays open; the first payment is due by then (default 14).
    #[json(default = "fourteen")]
    pub expires_in_days: u32,
    /// How likely each kind of offer is to be completed.
    #[json(default)]
    pub completion: Completion,
    /// The short plan (default 3 monthly installments at 0%, fees waived).
    #[json(default = "short_plan")]
    pub short_plan: PlanTerms,
    /// The long plan (default 12 monthly installments at 8%).
    #[json(default = "long_plan")]
    pub long_plan: PlanTerms,
    /// Who may offer what, in rising order of authority (default agent 10%, supervisor 25%,
    /// manager 40% of what is owed); at least one role, since every offer names the role
    /// that may make it (one at 0% offers no discount).
    #[json(default = "authority")]
    pub authority: Vec<Role>,
}

impl Default for SettlementPolicy {
    fn default() -> Self {
        SettlementPolicy {
            floor_percent_of_principal: seventy(),
            discount_rate: one_tenth(),
            expires_in_days: fourteen(),
            completion: Completion::default(),
            short_plan: short_plan(),
            long_plan: long_plan(),
            authority: authority(),
        }
    }
}

/// Completion probabilities per kind of offer, fractions from 0 to 1.
#[derive(Clone, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct Completion {
    /// Paying in full (default 0.35).
    #[json(default = "pay_in_full")]
    pub pay_in_full: Decimal,
    /// A discounted lump sum (default 0.6).
    #[json(default = "lump_sum")]
    pub lump_sum: Decimal,
    /// The short plan (default 0.7).
    #[json(default = "short_completion")]
    pub short_plan: Decimal,
    /// The long plan (default 0.5).
    #[json(default = "long_completion")]
    pub long_plan: Decimal,
    /// Other probabilities for a segment, by its name.
    #[json(default)]
    pub by_segment: Vec<SegmentCompletion>,
}

impl Default for Completion {
    fn default() -> Self {
        Completion {
            pay_in_full: pay_in_full(),
            lump_sum: lump_sum(),
            short_plan: short_completion(),
            long_plan: long_completion(),
            by_segment: Vec::new(),
        }
    }
}

/// A segment's completion probabilities; a kind left out keeps the general one.
#[derive(Clone, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct SegmentCompletion {
    /// The segment's name.
    pub segment: String,
    /// Paying in full.
    pub pay_in_full: Option<Decimal>,
    /// A discounted lump sum.
    pub lump_sum: Option<Decimal>,
    /// The short plan.
    pub short_plan: Option<Decimal>,
    /// The long plan.
    pub long_plan: Option<Decimal>,
}

/// A settlement plan's terms.
#[derive(Clone, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct PlanTerms {
    /// Installments.
    pub count: u32,
    /// How often they fall due.
    pub frequency: Frequency,
    /// The plan's interest rate, a fraction a year.
    pub annual_rate: Decimal,
    /// What is waived: any of `fees` (fees and compensation) and `interest` (default none).
    #[json(default)]
    pub waive: Vec<Waivable>,
}

/// What a plan may waive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub enum Waivable {
    /// Fees and compensation.
    Fees,
    /// Interest.
    Interest,
}

/// A role and the largest discount it may offer.
#[derive(Clone, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct Role {
    /// The role's name.
    pub role: String,
    /// The largest discount it may offer, in percent of what is owed.
    pub max_discount_percent: Decimal,
}

fn seventy() -> Decimal {
    Decimal::new(70, 0)
}
fn one_tenth() -> Decimal {
    Decimal::new(1, 1)
}
fn fourteen() -> u32 {
    14
}
fn pay_in_full() -> Decimal {
    Decimal::new(35, 2)
}
fn lump_sum() -> Decimal {
    Decimal::new(6, 1)
}
fn short_completion() -> Decimal {
    Decimal::new(7, 1)
}
fn long_completion() -> Decimal {
    Decimal::new(5, 1)
}
fn short_plan() -> PlanTerms {
    PlanTerms {
        count: 3,
        frequency: Frequency::Monthly,
        annual_rate: Decimal::ZERO,
        waive: vec![Waivable::Fees],
    }
}
fn long_plan() -> PlanTerms {
    PlanTerms {
        count: 12,
        frequency: Frequency::Monthly,
        annual_rate: Decimal::new(8, 2),
        waive: Vec::new(),
    }
}
fn authority() -> Vec<Role> {
    [("agent", 10), ("supervisor", 25), ("manager", 40)]
        .into_iter()
        .map(|(role, percent)| Role {
            role: role.to_owned(),
            max_discount_percent: Decimal::new(percent, 0),
        })
        .collect()
}

/// Checks the settlement terms: probabilities from 0 to 1, percents from 0 to 100, rates in
/// range, plans of 1 to 600 installments, at least one role, roles in rising order of
/// authority.
pub(super) fn check(terms: &SettlementPolicy) -> Result<()> {
    let range = |value: Decimal, max: Decimal, path: crate::error::Path| -> Result<()> {
        match value.is_sign_negative() || value > max {
            true => Err(Error::new(
                ErrorCode::OutOfRange,
                format!("{value} is not from 0 to {max}"),
            )
            .at(path)),
            false => Ok(()),
        }
    };
    let hundred = Decimal::ONE_HUNDRED;
    range(
        terms.floor_percent_of_principal,
        hundred,
        "floorPercentOfPrincipal".into(),
    )?;
    range(terms.discount_rate, MAX_ANNUAL_RATE, "discountRate".into())?;
    let c = &terms.completion;
    for (value, field) in [
        (c.pay_in_full, "payInFull"),
        (c.lump_sum, "lumpSum"),
        (c.short_plan, "shortPlan"),
        (c.long_plan, "longPlan"),
    ] {
        range(value, Decimal::ONE, crate::path!("completion", field))?;
    }
    for (i, s) in c.by_segment.iter().enumerate() {
        for (value, field) in [
            (s.pay_in_full, "payInFull"),
            (s.lump_sum, "lumpSum"),
            (s.short_plan, "shortPlan"),
            (s.long_plan, "longPlan"),
        ] {
            if let Some(value) = value {
                range(
                    value,
                    Decimal::ONE,
                    crate::path!("completion", "bySegment", i, field),
                )?;
            }
        }
    }
    for (plan, field) in [
        (&terms.short_plan, "shortPlan"),
        (&terms.long_plan, "longPlan"),
    ] {
        if plan.count == 0 || plan.count > MAX_PLAN_INSTALLMENTS {
            let message = format!("a plan has 1 to {MAX_PLAN_INSTALLMENTS} installments");
            return Err(Error::new(ErrorCode::OutOfRange, message).at(crate::path!(field, "count")));
        }
        range(
            plan.annual_rate,
            MAX_ANNUAL_RATE,
            crate::path!(field, "annualRate"),
        )?;
    }
    if terms.authority.is_empty() {
        let message = "a settlement policy names at least one role: every offer names the role that may make it (a role with a maxDiscountPercent of 0 may offer no discount)";
        return Err(Error::new(ErrorCode::OutOfRange, message).at("authority"));
    }
    let mut previous: Option<Decimal> = None;
    for (i, role) in terms.authority.iter().enumerate() {
        range(
            role.max_discount_percent,
            hundred,
            crate::path!("authority", i, "maxDiscountPercent"),
        )?;
        if previous.is_some_and(|p| role.max_discount_percent <= p) {
            let message = "roles are listed in rising order of the discount they may offer";
            return Err(Error::new(ErrorCode::OutOfRange, message).at(crate::path!(
                "authority",
                i,
                "maxDiscountPercent"
            )));
        }
        previous = Some(role.max_discount_percent);
    }
    Ok(())
}
