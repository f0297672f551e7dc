//! The policy's charges: fee rules, interest, compensation and the payment waterfall.

use super::Policy;
use crate::dates::{Calendar, DayCount};
use crate::error::{Error, ErrorCode, Result};
use crate::json::{Decode, Describe, Encode};
use crate::limits::{MAX_ANNUAL_RATE, MAX_FEE_RULES, MAX_ID_BYTES, MAX_RATE_ROWS};
use crate::money::{Amount, Rounding};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Who the parties to the debts are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Decode, Encode, Describe)]
pub enum Parties {
    /// Businesses on both sides.
    #[default]
    B2b,
    /// A consumer is a party.
    B2c,
}

/// One fee rule.
#[derive(Clone, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct FeeRule {
    /// The rule's id, cited by every fee it assesses.
    pub id: String,
    /// `flat` (an `amount`), `percent` (of the invoice's open principal on the day) or
    /// `tiered` (by open principal).
    pub kind: FeeKind,
    /// The fee of a `flat` rule.
    pub amount: Option<Amount>,
    /// The percent of a `percent` rule (`"1.5"` is 1.5%).
    pub percent: Option<Decimal>,
    /// The tiers of a `tiered` rule, by rising `upTo`; the last has no `upTo`.
    pub tiers: Option<Vec<Tier>>,
    /// Days past due before the first fee: it is assessed on due date + grace + 1
    /// (default 0).
    #[json(default)]
    pub grace_days: u32,
    /// Assess again at this interval while the invoice is open (default: once).
    pub every: Option<Every>,
    /// The most times the rule assesses one invoice.
    pub max_count: Option<u32>,
    /// Count the grace days as business days of `calendar` (default false).
    #[json(default)]
    pub business_days: bool,
    /// The calendar of `businessDays`.
    pub calendar: Option<Calendar>,
    /// Each fee is at least this.
    pub min: Option<Amount>,
    /// Each fee is at most this.
    pub max: Option<Amount>,
    /// All fees on one invoice are at most this.
    pub cap_per_invoice: Option<Amount>,
    /// All fees on one invoice are at most this percent of its amount.
    pub cap_percent_of_principal: Option<Decimal>,
    /// All fees on one account (customer and currency) are at most this.
    pub cap_per_account: Option<Amount>,
}

/// How a fee rule computes a fee.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub enum FeeKind {
    /// A fixed amount.
    Flat,
    /// A percent of the open principal.
    Percent,
    /// An amount or percent chosen by the open principal.
    Tiered,
}

/// A tier of a tiered fee: up to `upTo` of open principal (inclusive), this `amount` or
/// `percent`.
#[derive(Clone, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct Tier {
    /// The largest open principal of the tier; absent on the last tier.
    pub up_to: Option<Amount>,
    /// A fixed fee.
    pub amount: Option<Amount>,
    /// A percent of the open principal.
    pub percent: Option<Decimal>,
}

/// An interval: `{ days: N }` or `{ months: N }` (a month keeps the first assessment's day
/// of month, clamped at the month's end).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct Every {
    /// Days between assessments.
    pub days: Option<u32>,
    /// Months between assessments.
    pub months: Option<u32>,
}

/// Late-payment interest. Give one of `regime`, `annualRate` and `rates`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Decode, Encode, Describe)]
pub struct InterestPolicy {
    /// A statutory regime that sets the rate (and the day count unless `dayCount` is given).
    pub regime: Option<Regime>,
    /// One rate for every day (`"0.12"` is 12% a year).
    pub annual_rate: Option<Decimal>,
    /// A dated table: each rate applies from its `from` until the next.
    pub rates: Option<Vec<DatedRate>>,
    /// `simple` (default) or `compound`.
    #[json(default)]
    pub method: InterestMethod,
    /// How compound interest is added to its base: `monthly` or `daily`.
    pub compounding: Option<Compounding>,
    /// The day count (default `ACT/365F`).
    pub day_count: Option<DayCount>,
    /// Days after the due date before interest runs (default 0).
    #[json(default)]
    pub grace_days: u32,
    /// What interest is charged on: `principal` (default) or `principalAndFees`.
    #[json(default)]
    pub base: InterestBase,
    /// A usury cap: a higher rate is lowered to it, and the period says `capped`.
    pub max_annual_rate: Option<Decimal>,
    /// Overrides the regime's reference rates: `[{ from, rate }]`, rates as fractions.
    pub reference_rates: Option<Vec<ReferenceRate>>,
    /// How each period's interest is rounded to the minor unit (default `halfEven`).
    #[json(default)]
    pub rounding: Rounding,
}

/// A rate from a date on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct DatedRate {
    /// The first day of the rate.
    pub from: NaiveDate,
    /// The rate, a fraction a year.
    pub annual_rate: Decimal,
}

/// A reference rate (a central bank's rate) from a date on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct ReferenceRate {
    /// The first day of the rate.
    pub from: NaiveDate,
    /// The rate, a fraction a year (`"0.0375"` is 3.75%).
    pub rate: Decimal,
}

/// Simple or compound interest.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Decode, Encode, Describe)]
pub enum InterestMethod {
    /// Interest on the base only.
    #[default]
    Simple,
    /// Interest on the base and on unpaid interest.
    Compound,
}

/// When compound interest joins the base.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub enum Compounding {
    /// On each monthly anniversary of the interest's start; simple within the month.
    Monthly,
    /// Every day: base × ((1 + r/Y)^days − 1), Y the day count's year (365 for ACT/365F).
    Daily,
}

/// What interest is charged on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Decode, Encode, Describe)]
pub enum InterestBase {
    /// The open principal.
    #[default]
    Principal,
    /// The open principal and the unpaid fees.
    PrincipalAndFees,
}

/// A statutory late-payment regime.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub enum Regime {
    /// UK, Late Payment of Commercial Debts (Interest) Act 1998: Bank of England base rate
    /// on 31 December or 30 June + 8 points, fixed for the debt; £40/£70/£100.
    #[json(rename = "UK-LPA")]
    UkLpa,
    /// EU, Directive 2011/7/EU: the ECB main refinancing rate on 1 January or 1 July + 8
    /// points, changing each half-year; €40.
    #[json(rename = "EU-2011-7")]
    Eu2011,
    /// Germany, §288 BGB with §247: Basiszinssatz + 9 points between businesses, + 5 with a
    /// consumer; €40 between businesses.
    #[json(rename = "DE-288")]
    De288,
    /// France, Code de commerce L441-10 and D441-5: the ECB rate on 1 January or 1 July + 10
    /// points; €40.
    #[json(rename = "FR-L441-10")]
    FrL441,
}

/// Statutory compensation for the costs of recovery.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct Compensation {
    /// The regime whose fixed sums apply.
    pub regime: Regime,
}

/// What a payment pays on an invoice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Decode, Encode, Describe)]
pub enum Component {
    /// Fees and compensation.
    Fees,
    /// Interest.
    Interest,
    /// Principal.
    Principal,
}

/// Fees, then interest, then principal.
pub(super) fn default_waterfall() -> Vec<Component> {
    vec![Component::Fees, Component::Interest, Component::Principal]
}

/// The checks of [`Policy::check`] on the charges.
pub(super) fn check(policy: &Policy) -> Result<()> {
    if policy.fees.len() > MAX_FEE_RULES {
        let message = format!("at most {MAX_FEE_RULES} fee rules");
        return Err(Error::new(ErrorCode::LimitExceeded, message).at("fees"));
    }
    for (i, rule) in policy.fees.iter().enumerate() {
        check_fee(rule, &policy.fees[..i]).map_err(|e| e.in_index(i).in_field("fees"))?;
    }
    if let Some(interest) = &policy.interest {
        check_interest(interest).map_err(|e| e.in_field("interest"))?;
    }
    let mut sorted = policy.waterfall.clone();
    crate::order::sort_dedup(&mut sorted);
    if sorted.len() != 3 || policy.waterfall.len() != 3 {
        let message = "the waterfall names each of fees, interest and principal once";
        return Err(Error::new(ErrorCode::OutOfRange, message).at("waterfall"));
    }
    Ok(())
}

fn check_fee(rule: &FeeRule, before: &[FeeRule]) -> Result<()> {
    if rule.id.is_empty() || rule.id.len() > MAX_ID_BYTES {
        let message = format!("a rule id has 1 to {MAX_ID_BYTES} bytes");
        return Err(Error::new(ErrorCode::OutOfRange, message).at("id"));
    }
    if before.iter().any(|r| r.id == rule.id) {
        let message = format!(
            "{} is the id of an earlier rule",
            crate::error::quoted(&rule.id)
        );
        return Err(Error::new(ErrorCode::DuplicateId, message).at("id"));
    }
    let needs = |given: bool, field: &str, kind: &str| -> Result<()> {
        match given {
            true => Ok(()),
            false => {
                let message = format!("a {kind} fee needs '{field}'");
                Err(Error::new(ErrorCode::MissingField, message).at(field))
            }
        }
    };
    match rule.kind {
        FeeKind::Flat => needs(rule.amount.is_some(), "amount", "flat")?,
        FeeKind::Percent => needs(rule.percent.is_some(), "percent", "percent")?,
        FeeKind::Tiered => needs(rule.tiers.is_some(), "tiers", "tiered")?,
    }
    for (field, amount) in [
        ("amount", rule.amount),
        ("min", rule.min),
        ("max", rule.max),
        ("capPerInvoice", rule.cap_per_invoice),
        ("capPerAccount", rule.cap_per_account),
    ] {
        non_negative(amount.map(|a| a.0), field)?;
    }
    check_percent(rule.percent, "percent")?;
    check_percent(rule.cap_percent_of_principal, "capPercentOfPrincipal")?;
    if let (Some(min), Some(max)) = (rule.min, rule.max) {
        if min.0 > max.0 {
            return Err(Error::new(ErrorCode::OutOfRange, "'min' is more than 'max'").at("max"));
        }
    }
    if let Some(tiers) = &rule.tiers {
        check_tiers(tiers).map_err(|e| e.in_field("tiers"))?;
    }
    if let Some(every) = rule.every {
        let (days, months) = (every.days.unwrap_or(0), every.months.unwrap_or(0));
        if (days == 0) == (months == 0) {
            let message = "'every' gives 'days' or 'months', more than zero";
            return Err(Error::new(ErrorCode::InvalidInput, message).at("every"));
        }
    }
    if rule.business_days && rule.calendar.is_none() {
        let message = "'businessDays' counts the grace in business days of a 'calendar'";
        return Err(Error::new(ErrorCode::MissingField, message).at("calendar"));
    }
    Ok(())
}

fn check_tiers(tiers: &[Tier]) -> Result<()> {
    if tiers.is_empty() {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            "a tiered fee needs at least one tier",
        ));
    }
    let mut previous: Option<Decimal> = None;
    for (i, tier) in tiers.iter().enumerate() {
        let at = |e: Error| e.in_index(i);
        let last = i + 1 == tiers.len();
        match (tier.up_to, last) {
            (None, false) => {
                let message = "only the last tier goes without 'upTo'";
                return Err(at(Error::new(ErrorCode::MissingField, message).at("upTo")));
            }
            (Some(up_to), _) if previous.is_some_and(|p| up_to.0 <= p) => {
                let message = "'upTo' rises from tier to tier";
                return Err(at(Error::new(ErrorCode::OutOfRange, message).at("upTo")));
            }
            (up_to, _) => previous = up_to.map(|u| u.0),
        }
        if tier.amount.is_some() == tier.percent.is_some() {
            let message = "a tier gives 'amount' or 'percent'";
            return Err(at(Error::new(ErrorCode::InvalidInput, message).at("amount")));
        }
        non_negative(tier.amount.map(|a| a.0), "amount").map_err(at)?;
        check_percent(tier.percent, "percent").map_err(at)?;
    }
    Ok(())
}

fn check_interest(interest: &InterestPolicy) -> Result<()> {
    let given = [
        interest.regime.is_some(),
        interest.annual_rate.is_some(),
        interest.rates.is_some(),
    ];
    if given.iter().filter(|g| **g).count() != 1 {
        let message = "interest gives one of 'regime', 'annualRate' and 'rates'";
        return Err(Error::new(ErrorCode::InvalidInput, message).at("annualRate"));
    }
    check_rate(interest.annual_rate, "annualRate")?;
    check_rate(interest.max_annual_rate, "maxAnnualRate")?;
    if let Some(rates) = &interest.rates {
        check_table(rates.iter().map(|r| (r.from, r.annual_rate)), rates.len())
            .map_err(|e| e.in_field("rates"))?;
    }
    if let Some(rates) = &interest.reference_rates {
        check_table(rates.iter().map(|r| (r.from, r.rate)), rates.len())
            .map_err(|e| e.in_field("referenceRates"))?;
    }
    match (interest.method, interest.compounding) {
        (InterestMethod::Compound, None) => {
            let message = "compound interest says how: 'compounding' is 'monthly' or 'daily'";
            Err(Error::new(ErrorCode::MissingField, message).at("compounding"))
        }
        (InterestMethod::Simple, Some(_)) => {
            let message = "'compounding' is for 'method': 'compound'";
            Err(Error::new(ErrorCode::InvalidInput, message).at("compounding"))
        }
        _ => Ok(()),
    }
}

/// A dated table: dates rising, at most [`MAX_RATE_ROWS`] rows, rates in range.
fn check_table(rows: impl Iterator<Item = (NaiveDate, Decimal)>, len: usize) -> Result<()> {
    if len > MAX_RATE_ROWS {
        let message = format!("at most {MAX_RATE_ROWS} rows in a rate table");
        return Err(Error::new(ErrorCode::LimitExceeded, message));
    }
    if len == 0 {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            "a rate table needs at least one row",
        ));
    }
    let mut previous = None;
    for (i, (from, rate)) in rows.enumerate() {
        if previous.is_some_and(|p| from <= p) {
            let message = "the rows of a rate table are in order of 'from', each date once";
            return Err(Error::new(ErrorCode::OutOfRange, message).at(crate::path!(i, "from")));
        }
        if rate.abs() > MAX_ANNUAL_RATE {
            return Err(rate_error(rate).at(crate::path!(i, "rate")));
        }
        previous = Some(from);
    }
    Ok(())
}

fn check_rate(rate: Option<Decimal>, field: &str) -> Result<()> {
    match rate {
        Some(rate) if rate.is_sign_negative() || rate > MAX_ANNUAL_RATE => {
            Err(rate_error(rate).at(field))
        }
        _ => Ok(()),
    }
}

fn rate_error(rate: Decimal) -> Error {
    let message = format!(
        "{rate} is not an annual rate from 0 to {MAX_ANNUAL_RATE} (1,000%); rates are fractions, \"0.085\" is 8.5%"
    );
    Error::new(ErrorCode::OutOfRange, message)
}

fn check_percent(percent: Option<Decimal>, field: &str) -> Result<()> {
    match percent {
        Some(p) if p.is_sign_negative() || p > Decimal::ONE_HUNDRED => {
            let message = format!("{p} is not a percent from 0 to 100");
            Err(Error::new(ErrorCode::OutOfRange, message).at(field))
        }
        _ => Ok(()),
    }
}

fn non_negative(amount: Option<Decimal>, field: &str) -> Result<()> {
    match amount {
        Some(a) if a.is_sign_negative() && !a.is_zero() => {
            let message = format!("{a} is negative");
            Err(Error::new(ErrorCode::OutOfRange, message).at(field))
        }
        _ => Ok(()),
    }
}
